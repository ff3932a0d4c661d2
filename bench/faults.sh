#!/usr/bin/env bash
# The fault battery (prints figures; not a test): starts its own PostgreSQL, Kafka, profile-service and
# matching-worker on free ports under bench/target/faults-*, then kills and stops them under load and prints
# acknowledged / stored / published / recommended / lost / duplicated / dead-lettered and seconds to recover.
#   bench/faults.sh [RATE_PER_SECOND] [LOAD_SECONDS] [OUTAGE_SECONDS]     (defaults 10, 30, 120; ~15 min)
# It leaves any running local stack alone (other ports, its own directory).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/deploy/local/jdk.sh"
if [ "${FAULTS_NO_BUILD:-}" != 1 ]; then
  # package, not install: builds the jars the battery starts, from this checkout only
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl bench,profile-service -am)
fi
WORK="$ROOT/bench/target/faults-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$WORK"
echo "machine: $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m -cp "$ROOT/bench/target/bench-0.1.0-SNAPSHOT.jar:$ROOT/bench/target/lib/*" \
  org.inclusionmatch.bench.FaultBattery "$ROOT" "$WORK" "$@" 2>&1 | grep --line-buffered -v -E '^\[|SLF4J' | tee "$WORK/battery.txt"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); output kept in $WORK/battery.txt"
