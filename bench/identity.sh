#!/usr/bin/env bash
# What the personal code (issue 26) costs on the write paths, as a ratio against the same writes without it in the
# same run: one command, not part of the tests. Starts a fresh local stack of its own (INCLUSION_LOCAL_DIR
# bench/target/identity/stack, its own ports, so a stack started by deploy/local/run.sh is not touched), stops the
# matching-worker (first matching would compete for the cores; the ratio is of the service alone), then
# (bench IdentityCost), interleaved A B B A ... so that drift falls on both alike:
#   - import: IDENTITY_PERSONS persons (20000) into one organisation without codes and the same payloads with a
#     code each into another, NDJSON chunks of 1,000 lines, two in flight (as PerfSeed); persons/s and the ratio;
#   - create: IDENTITY_CREATES single POST /api/v1/persons (2000) without and with a code from IDENTITY_CLIENTS
#     concurrent clients (8); req/s, p50/p99 and the ratios;
#   - for both, the CPU time profile-service and PostgreSQL spent per 1,000 persons (from /proc): on a shared machine
#     the wall-time figures move with the other load, the CPU per person much less;
#   - key rotation: a copy of the key file with a second key appended, profile-service restarted on it; the links it
#     wraps after the start (IdentityRewrap) per second, from its own log line, checked with SQL on identity_layers.
# Prints one table with the machine's load; raw output in bench/target/identity/<timestamp>/. Stops its stack at the end.
#   bench/identity.sh
# Settings (environment): IDENTITY_PERSONS (20000), IDENTITY_CREATES (2000), IDENTITY_CLIENTS (8), IDENTITY_ROUNDS
# per variant (4), IDENTITY_BUILD (1; 0 uses the jars built last), IDENTITY_ROTATION (1; 0 skips it),
# IDENTITY_WORKER (0; 1 leaves the matching-worker running), IDENTITY_PG_PORT (55632), IDENTITY_KAFKA_PORT (59292),
# IDENTITY_API_PORT (8280), IDENTITY_WORKER_PORT (8281). Needs psql (postgresql-client) for the rotation's check.
# Figures and how to read them: docs/performance.md, "Personal codes".
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/deploy/local/jdk.sh"

PERSONS=${IDENTITY_PERSONS:-20000}
CREATES=${IDENTITY_CREATES:-2000}
CLIENTS=${IDENTITY_CLIENTS:-8}
ROUNDS=${IDENTITY_ROUNDS:-4}
OUT="$ROOT/bench/target/identity/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
# A stack of its own, whatever INCLUSION_* the caller has set.
export INCLUSION_LOCAL_DIR="$ROOT/bench/target/identity/stack"
export INCLUSION_PG_PORT=${IDENTITY_PG_PORT:-55632} INCLUSION_KAFKA_PORT=${IDENTITY_KAFKA_PORT:-59292}
export INCLUSION_API_PORT=${IDENTITY_API_PORT:-8280} INCLUSION_WORKER_PORT=${IDENTITY_WORKER_PORT:-8281}
export INCLUSION_SIGN_IN=dev
unset JAVA_TOOL_OPTIONS
source "$ROOT/deploy/local/lib.sh"
say() { printf '== %s\n' "$*" >&2; }
load() { uptime | sed 's/.*load average: //'; }
LOAD_START=$(load)
say "load before: $LOAD_START"

for name in postgres kafka profile-service matching-worker; do
  if running "$name"; then say "A stack runs in $LOCAL_DIR (a previous run): stopping it"; bash "$ROOT/deploy/local/stop.sh" >&2; break; fi
done
if [ "${IDENTITY_BUILD:-1}" != 0 ]; then
  say "Building (package, offline)"
  (cd "$ROOT" && ./mvnw -B -o -q -DskipTests package \
    -pl deploy/local-servers,matching-engine,contracts,telemetry,profile-service,matching-worker,bench -am) > "$OUT/build.log" 2>&1 \
    || { tail -20 "$OUT/build.log" >&2; exit 1; }
fi
rm -rf "$LOCAL_DIR"   # fresh data, and a key file with one key
trap 'say "Stopping the stack"; bash "$ROOT/deploy/local/stop.sh" >> "$OUT/stop.log" 2>&1 || true' EXIT
say "Starting the stack in $LOCAL_DIR (API port $API_PORT)"
bash "$ROOT/deploy/local/run.sh" --no-build > "$OUT/run.log" 2>&1 || { cat "$OUT/run.log" >&2; exit 1; }
if [ "${IDENTITY_WORKER:-0}" = 0 ]; then
  stop matching-worker >&2
  WORKER="matching-worker stopped"
else
  WORKER="matching-worker running"
fi
API="http://127.0.0.1:$API_PORT"
export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres
sql() { psql -d inclusion -Atqc "$1"; }
CP="$ROOT/bench/target/bench-0.1.0-SNAPSHOT.jar:$ROOT/bench/target/lib/*"

# --- import and create, without and with codes --------------------------------------------------------------------
LOAD_BEFORE=$(load)
say "Import and create ($WORKER; load $LOAD_BEFORE)"
java -Xmx512m -cp "$CP" org.inclusionmatch.bench.IdentityCost "$API" "$LOCAL_DIR/keys" "$PERSONS" "$CREATES" "$CLIENTS" \
  "$ROUNDS" "$OUT" "$(cat "$PIDS/profile-service.pid")" "$(head -1 "$STATE/postgres/data/postmaster.pid")" > "$OUT/identity.log" 2>&1 || { tail -30 "$OUT/identity.log" >&2; exit 1; }
LOAD_AFTER=$(load)
grep -v '^ROW|' "$OUT/identity.log" >&2

# --- key rotation --------------------------------------------------------------------------------------------------
ROTATION="-"
if [ "${IDENTITY_ROTATION:-1}" != 0 ]; then
  LINKS=$(sql "select count(*) from person where identity_link is not null")
  ROTATED="$LOCAL_DIR/keys/identity-rotated.key"
  (umask 077 && cp "$LOCAL_DIR/keys/identity.key" "$ROTATED" && head -c 32 /dev/urandom | base64 >> "$ROTATED")
  LOAD_ROT=$(load)
  say "Key rotation: restarting profile-service with a second key ($LINKS links stored; load $LOAD_ROT)"
  stop profile-service >&2
  cp "$LOGS/profile-service.log" "$OUT/profile-service-before-rotation.log"
  # run.sh names the key file by environment; a system property (JAVA_TOOL_OPTIONS) outranks it in Quarkus. It
  # starts only what is not running: profile-service, and the matching-worker if it was stopped (after the rewrap).
  JAVA_TOOL_OPTIONS="-Dinclusion.identity.key-file=$ROTATED" bash "$ROOT/deploy/local/run.sh" --no-build > "$OUT/run-rotation.log" 2>&1 \
    || { cat "$OUT/run-rotation.log" >&2; exit 1; }
  [ "${IDENTITY_WORKER:-0}" = 0 ] && stop matching-worker >&2
  # The rewrap runs a few seconds after the start, off the start-up path: wait for its line (at most 5 minutes).
  for _ in $(seq 300); do grep -q "Wrapped [0-9]* identity links" "$LOGS/profile-service.log" && break; sleep 1; done
  cp "$LOGS/profile-service.log" "$OUT/profile-service-rotation.log"
  WRAPPED_LAYERS=$(sql "select count(*) from person where identity_layers = 2")
  # "Wrapped N identity links under the newest of 2 keys in M ms": the job's own count and time.
  ROTATION=$(awk '
    /Wrapped [0-9]+ identity links/ { match($0, /Wrapped [0-9]+/); n = substr($0, RSTART + 8, RLENGTH - 8)
                                      match($0, /in [0-9]+ ms/); m = substr($0, RSTART + 3, RLENGTH - 6) }
    END { if (n) printf "%d %.3f", n, m / 1000; else print "- -" }' "$OUT/profile-service-rotation.log")
  read -r WRAPPED WRAP_S <<< "$ROTATION"
  say "Rewrap: $WRAPPED links in $WRAP_S s by the log; $WRAPPED_LAYERS of $LINKS rows have identity_layers = 2"
fi

# --- the table -----------------------------------------------------------------------------------------------------
{
echo
echo "Personal codes (issue 26): cost on the write paths, $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; $WORKER"
printf '%-46s %14s %14s %14s\n' "figure" "without code" "with code" "with/without"
grep '^ROW|' "$OUT/identity.log" | while IFS='|' read -r _ figure off on ratio; do
  printf '%-46s %14s %14s %14s\n' "$figure" "$off" "$on" "$ratio"
done
if [ "${IDENTITY_ROTATION:-1}" != 0 ]; then
  RATE=$(awk -v n="${WRAPPED:--}" -v s="${WRAP_S:--}" 'BEGIN {if (s + 0 > 0) printf "%.0f", n / s; else print "-"}')
  printf '%-46s %14s %14s %14s\n' "key rotation: links wrapped/s (1 -> 2 keys)" "-" "$RATE" "-"
  printf '%-46s %14s %14s %14s\n' "  ($WRAPPED links in $WRAP_S s; $WRAPPED_LAYERS of $LINKS rows at 2 keys)" "" "" ""
fi
echo "load (1, 5, 15 min): start $LOAD_START; before import/create $LOAD_BEFORE; after $LOAD_AFTER${LOAD_ROT:+; before rotation $LOAD_ROT}; end $(load)"
echo "raw results: $OUT"
} | tee "$OUT/table.txt"
