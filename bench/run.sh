#!/usr/bin/env bash
# Benchmarks, printing figures (not tests): the engine on one core (JMH, with a baseline without CEL rules in
# the same run), then event-to-stored latency for 1,000 profile updates on the local stack.
#   bench/run.sh [engine|latency]   (default: both; latency starts the local stack if it is not running)
#   bench/run.sh rematch            re-matching throughput after one catalogue change: BENCH_PERSONS (20,000)
#                                   persons seeded straight into PostgreSQL, all affected (not part of the default)
#   bench/run.sh allocation         solve time of one allocation round: 5,000 candidates, 500 places (issue 14), alone and planned ahead
#   bench/run.sh simulation         26 weekly rounds: FCFS, greedy per round, the planner, hindsight, all against the
#                                   four-fifths rule (issue 14); BENCH_COHORTS (10), BENCH_PLANNING_RATIO, BENCH_MARGIN_SD
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/deploy/local/jdk.sh"
what=${1:-all}
source "$ROOT/deploy/local/lib.sh"
if running profile-service || running matching-worker; then
  # Do not rebuild the jars the running stack uses; take its modules from the last install.
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl bench)
else
  (cd "$ROOT" && ./mvnw -B -q -DskipTests install -pl bench -am)
fi
CP="$ROOT/bench/target/bench-0.1.0-SNAPSHOT.jar:$ROOT/bench/target/lib/*"

if [ "$what" = all ] || [ "$what" = engine ]; then
  echo "== Engine: person x measure evaluations per second, one thread (10,000 persons, 500 measures)"
  java -cp "$CP" org.openjdk.jmh.Main EngineBenchmark -rf text -rff "$ROOT/bench/target/engine.txt"
fi

if [ "$what" = all ] || [ "$what" = latency ]; then
  echo "== Loop: event-to-stored-recommendation latency for 1,000 profile updates"
  bash "$ROOT/deploy/local/run.sh"
  java -Xmx512m -cp "$CP" org.inclusionmatch.bench.LoopLatency "http://127.0.0.1:$API_PORT" "127.0.0.1:$KAFKA_PORT" \
    "$LOCAL_DIR/keys" "${BENCH_COUNT:-1000}" "${BENCH_RATE:-50}"
fi

if [ "$what" = rematch ]; then
  echo "== Re-match: persons re-matched and stored per second after one catalogue change"
  bash "$ROOT/deploy/local/run.sh"
  java -Xmx256m -cp "$CP" org.inclusionmatch.bench.RematchThroughput "http://127.0.0.1:$API_PORT" \
    "jdbc:postgresql://127.0.0.1:$PG_PORT/inclusion" "$LOCAL_DIR/keys" "${BENCH_PERSONS:-20000}"
fi

if [ "$what" = allocation ]; then
  echo "== Allocation round: exact solve (OR-Tools CP-SAT) of ${BENCH_CANDIDATES:-5000} candidates for ${BENCH_PLACES:-500} places"
  java -Xmx1g --enable-native-access=ALL-UNNAMED -cp "$CP" org.inclusionmatch.bench.AllocationSolveTime \
    "${BENCH_CANDIDATES:-5000}" "${BENCH_PLACES:-500}" "${BENCH_REPEATS:-3}" "${BENCH_LATER:-50000}"
fi

if [ "$what" = simulation ]; then
  echo "== Allocation over 26 weekly rounds: expected inclusion and group placement rates"
  # 8 CP-SAT workers even on 2 cores: the full portfolio proves the four-fifths hindsight optimum in seconds, 2 do not in 30 s
  java -Xmx1g --enable-native-access=ALL-UNNAMED -Dinclusion.allocation.workers=8 -cp "$CP" \
    org.inclusionmatch.bench.AllocationSimulation "${BENCH_COHORTS:-10}" "${BENCH_PLANNING_RATIO:-0.9}" "${BENCH_MARGIN_SD:-1.0}"
fi
