#!/usr/bin/env bash
# Webhook delivery throughput (issue 25): one command, not part of the tests. Starts its own PostgreSQL and Kafka (as
# the tests do), writes BENCH_DELIVERIES deliveries (20000) for BENCH_ENDPOINTS endpoints (4) of a local receiver
# (a JDK HTTP server answering 204 on loopback) and lets the dispatcher send them; prints deliveries per second and
# the machine's load. The goal: at least 500 deliveries/s on the 2-core development machine.
#   bench/webhooks.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/deploy/local/jdk.sh"
OUT="$ROOT/bench/target/webhooks/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
echo "== load before: $(uptime)" >&2
cd "$ROOT"
./mvnw -B -o -q -pl contracts,deploy/local-servers,profile-service test -Dtest=WebhookThroughputBench \
  -Dsurefire.failIfNoSpecifiedTests=false -Dinclusion.bench.webhooks=true \
  -Dbench.deliveries="${BENCH_DELIVERIES:-20000}" -Dbench.endpoints="${BENCH_ENDPOINTS:-4}" > "$OUT/run.log" 2>&1 \
  || { tail -40 "$OUT/run.log" >&2; exit 1; }
grep -h "WEBHOOK BENCH" "$OUT/run.log"
echo "load after: $(uptime)"
echo "(log: $OUT/run.log)" >&2
