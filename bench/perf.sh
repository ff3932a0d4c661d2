#!/usr/bin/env bash
# The performance harness (issue 11): one command, not part of the tests. On the local stack (started if it is not
# running) it seeds PERF_PERSONS persons (default 100,000) through the bulk import in the mix the seeds suggest,
# measures the database alone (pgbench -S and -N in a database of its own), the API at a fixed rate and in a closed
# loop, a catalogue change that affects everyone, and event-to-stored latency, then prints one table.
#   bench/perf.sh
# Settings (environment): PERF_PERSONS (100000), PERF_SECONDS per load step (20), PERF_RATE for the fixed-rate
# reads (1000/s), PERF_PUT_RATE (200/s), PERF_LOOP_COUNT (1000) and PERF_LOOP_RATE (500/s, the goal's rate) for event-to-stored,
# PERF_REMATCH_TIMEOUT (900 s), PERF_PERSONAL_CODES (1: every seeded person carries a synthetic valid personal code,
# so the import row includes checking, linking and looking up the codes; 0: none, as before issue 26); the local
# run's INCLUSION_*_PORT settings choose the stack. bench/identity.sh measures the codes' cost alone, as a ratio.
# It installs what it lacks (pgbench, psql, wrk, hey) with apt-get when it runs as root.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/deploy/local/jdk.sh"
source "$ROOT/deploy/local/lib.sh"

N=${PERF_PERSONS:-100000}
SECONDS_EACH=${PERF_SECONDS:-20}
RATE=${PERF_RATE:-1000}
PUT_RATE=${PERF_PUT_RATE:-200}
LOOP_COUNT=${PERF_LOOP_COUNT:-1000}
LOOP_RATE=${PERF_LOOP_RATE:-500}
REMATCH_TIMEOUT=${PERF_REMATCH_TIMEOUT:-900}
PERSONAL_CODES=${PERF_PERSONAL_CODES:-1}
OUT="$ROOT/bench/target/perf/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
say() { printf '== %s\n' "$*" >&2; }

# --- tools -------------------------------------------------------------------------------------------------------
missing=()
for tool in pgbench psql wrk hey curl python3; do command -v "$tool" > /dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  say "Installing ${missing[*]}"
  [ "$(id -u)" = 0 ] || { echo "Needs ${missing[*]}: run as root or install them (apt-get install postgresql-client wrk hey curl python3)" >&2; exit 1; }
  apt-get update -qq > /dev/null
  pkgs=()
  for tool in "${missing[@]}"; do
    case $tool in pgbench|psql) pkgs+=(postgresql-client);; *) pkgs+=("$tool");; esac
  done
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" > /dev/null
fi

# --- stack and bench classes -------------------------------------------------------------------------------------
say "Local stack and bench classes"
BENCH_JAR="$ROOT/bench/target/bench-0.1.0-SNAPSHOT.jar"
if running profile-service || running matching-worker; then
  # Do not rebuild the jars the running stack uses; take the other modules from the last install (as bench/run.sh).
  if [ ! -f "$BENCH_JAR" ] || [ -n "$(find "$ROOT/bench/src" -newer "$BENCH_JAR" -type f | head -1)" ]; then
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl bench > "$OUT/build.log" 2>&1) || { tail -20 "$OUT/build.log" >&2
      echo "Could not build bench/ alone; stop the stack (deploy/local/stop.sh) and run again to build everything." >&2; exit 1; }
  fi
else
  (cd "$ROOT" && ./mvnw -B -q -DskipTests install -pl bench -am > "$OUT/build.log" 2>&1) || { tail -20 "$OUT/build.log" >&2; exit 1; }
fi
bash "$ROOT/deploy/local/run.sh" --no-build > "$OUT/run.log" 2>&1 || { cat "$OUT/run.log" >&2; exit 1; }
CP="$ROOT/bench/target/bench-0.1.0-SNAPSHOT.jar:$ROOT/bench/target/lib/*"
API="http://127.0.0.1:$API_PORT"
export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres
sql() { psql -d inclusion -Atqc "$1"; }

rss_mb() { # name -> resident MB of that service; for postgres the server and its backends, as PSS (shared memory once)
  if [ "$1" = postgres ]; then
    local pm; pm=$(head -1 "$STATE/postgres/data/postmaster.pid" 2>/dev/null) || { echo 0; return; }
    for p in $pm $(pgrep -P "$pm"); do grep '^Pss:' "/proc/$p/smaps_rollup" 2>/dev/null; done | awk '{s+=$2} END {printf "%d", s/1024}'
  else
    local pid; pid=$(cat "$PIDS/$1.pid" 2>/dev/null) || { echo 0; return; }
    ps -o rss= -p "$pid" | awk '{printf "%d", $1/1024}'
  fi
}
declare -A RSS_MAX=()
sample_rss() { for s in profile-service matching-worker postgres kafka; do
  local v; v=$(rss_mb "$s"); [ "${v:-0}" -gt "${RSS_MAX[$s]:-0}" ] && RSS_MAX[$s]=$v; done; return 0; }
sample_rss_during() { # seconds: samples RSS every 2 s in the background for that long
  ( end=$((SECONDS + $1)); while [ $SECONDS -lt "$end" ]; do
      for s in profile-service matching-worker postgres kafka; do echo "$s $(rss_mb "$s")"; done; sleep 2; done ) >> "$OUT/rss.txt" &
}

# --- seed --------------------------------------------------------------------------------------------------------
say "Seeding $N persons ($([ "$PERSONAL_CODES" = 0 ] && echo "without" || echo "with") personal codes)"
PERF_PERSONAL_CODES=$PERSONAL_CODES java -Xmx1g -cp "$CP" org.inclusionmatch.bench.PerfSeed "$API" "$LOCAL_DIR/keys" "$N" "$OUT" | tee "$OUT/seed.log" >&2
ORG=$(cat "$OUT/organisation"); CW=$(cat "$OUT/caseworker.token"); ADMIN=$(cat "$OUT/admin.token")
PERSON=$(cat "$OUT/person.id")
read -r SEED_METHOD _ SEED_SECONDS SEED_OK SEED_REJECTED < "$OUT/seed.txt"
IMPORT_END=$(sql "select now()") # the first matching is timed from here: what a municipality waits after its import

wait_stored() { # label since-sql expected timeout -> waits until the org's sets stored since then reach expected or stop growing
  local label=$1 since=$2 expected=$3 timeout=$4 count=0 last=-1 still=0 start=$SECONDS
  while :; do
    count=$(sql "select count(*) from recommendation_set r join person p on p.id = r.person_id
                 where p.organisation_id = '$ORG' and r.stored_at >= $since")
    [ "$count" -ge "$expected" ] && break
    if [ "$count" = "$last" ]; then still=$((still + 1)); else still=0; fi
    [ $still -ge 15 ] && break              # 30 s without progress
    [ $((SECONDS - start)) -ge "$timeout" ] && break
    last=$count; sample_rss; sleep 2
  done
  echo "$count"
}
MATCHABLE=$(sql "select count(*) from person where organisation_id = '$ORG' and matching_allowed")
say "Waiting for the seeded persons' first matching ($MATCHABLE matchable)"
FIRST_MATCHED=$(wait_stored first "'-infinity'" "$MATCHABLE" "$REMATCH_TIMEOUT")
FIRST_S=$(sql "select coalesce(round(greatest(0, extract(epoch from max(r.stored_at) - '$IMPORT_END'::timestamptz))::numeric, 1), 0)
               from recommendation_set r join person p on p.id = r.person_id where p.organisation_id = '$ORG'")

# --- database baseline --------------------------------------------------------------------------------------------
say "pgbench -S and -N (database perfbench, scale 10)"
if [ "$(sql "select count(*) from pg_database where datname = 'perfbench'")" = 0 ]; then
  psql -d inclusion -qc "create database perfbench" && pgbench -q -i -s 10 perfbench > "$OUT/pgbench-init.log" 2>&1
fi
pgbench_run() { # mode -> "tps p50 p99 p999" from the per-transaction log (latency in microseconds)
  rm -f "$OUT"/pgbench_log.*
  (cd "$OUT" && pgbench "$1" -c 8 -j 2 -T "$SECONDS_EACH" -l --sampling-rate=0.2 perfbench > "$OUT/pgbench$1.txt" 2>&1)
  local tps; tps=$(awk '/^tps/ {printf "%.0f", $3}' "$OUT/pgbench$1.txt")
  cat "$OUT"/pgbench_log.* | awk '{print $3 / 1000}' | sort -n > "$OUT/pgbench$1.lat"
  echo "$tps $(pct "$OUT/pgbench$1.lat")"
}
pct() { # sorted file of ms -> "p50 p99 p999"
  awk '{a[NR]=$1} END {if (NR == 0) {print "- - -"; exit}
    i50=int(NR*0.50); i99=int(NR*0.99); i999=int(NR*0.999); if (i50<1) i50=1; if (i99<1) i99=1; if (i999<1) i999=1;
    printf "%.2f %.2f %.2f", a[i50], a[i99], a[i999]}' "$1"
}
read -r PG_S PG_S_P50 PG_S_P99 PG_S_P999 <<< "$(pgbench_run -S)"
read -r PG_N PG_N_P50 PG_N_P99 PG_N_P999 <<< "$(pgbench_run -N)"

# --- API at a fixed rate (hey: -q is per worker, so rate = c x q) ---------------------------------------------------
hey_run() { # name rate method url [body-file] -> "achieved p50 p99 p999 errors"
  local name=$1 rate=$2 method=$3 url=$4 body=${5:-} c=50
  [ "$rate" -lt $c ] && c=$rate
  local q=$((rate / c))
  local args=(-z "${SECONDS_EACH}s" -c "$c" -q "$q" -m "$method" -T application/json -o csv
    -H "Authorization: Bearer $CW" -H "Accept: application/json")
  [ -n "$body" ] && args+=(-D "$body")
  # If-Match is required on updates; the load test overwrites whatever is current (the same body: no new version)
  [ "$method" = PUT ] && args+=(-H "If-Match: *")
  sample_rss_during "$SECONDS_EACH"
  hey "${args[@]}" "$url" > "$OUT/hey-$name.csv" 2> "$OUT/hey-$name.err" || true
  awk -F, 'NR > 1 && $7 ~ /^2/ {print $1 * 1000}' "$OUT/hey-$name.csv" | sort -n > "$OUT/hey-$name.lat"
  local total ok; total=$(awk -F, 'NR > 1' "$OUT/hey-$name.csv" | wc -l); ok=$(wc -l < "$OUT/hey-$name.lat")
  echo "$(awk -v n="$total" -v s="$SECONDS_EACH" 'BEGIN {printf "%.0f", n / s}') $(pct "$OUT/hey-$name.lat") $((total - ok))"
}
say "API at a fixed rate: GET person ${RATE}/s, list measures ${RATE}/s, PUT person ${PUT_RATE}/s (${SECONDS_EACH} s each)"
read -r GET_R GET_P50 GET_P99 GET_P999 GET_ERR <<< "$(hey_run get "$RATE" GET "$API/api/v1/persons/$PERSON")"
read -r LIST_R LIST_P50 LIST_P99 LIST_P999 LIST_ERR <<< "$(hey_run list "$RATE" GET "$API/api/v1/measures?size=20")"
read -r PUT_R PUT_P50 PUT_P99 PUT_P999 PUT_ERR <<< "$(hey_run put "$PUT_RATE" PUT "$API/api/v1/persons/$PERSON" "$OUT/person.json")"

# --- API closed loop (wrk, 8 connections) -----------------------------------------------------------------------
cat > "$OUT/wrk.lua" <<'LUA'
wrk.headers["Authorization"] = "Bearer " .. os.getenv("PERF_TOKEN")
wrk.headers["Accept"] = "application/json"
done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %.0f %.2f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, errors))
end
LUA
say "API closed loop: GET person, wrk 8 connections"
sample_rss_during "$SECONDS_EACH"
PERF_TOKEN=$CW wrk -t2 -c8 -d"${SECONDS_EACH}s" -s "$OUT/wrk.lua" "$API/api/v1/persons/$PERSON" > "$OUT/wrk.txt" 2>&1
read -r _ WRK_R WRK_P50 WRK_P99 WRK_P999 WRK_ERR <<< "$(grep '^RESULT' "$OUT/wrk.txt")"

# --- a catalogue change that affects everyone ---------------------------------------------------------------------
say "Catalogue change: a new measure serving every need, goal and region"
NEEDS_JSON=$(tr ',' '\n' < "$OUT/needs" | sed 's/.*/"&"/' | paste -sd, -)
T0=$(sql "select now()")
curl -sf -o "$OUT/measure.json" -X POST -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' "$API/api/v1/measures" \
  -d "{\"code\":\"PERF-ALL-$(date +%s)\",\"providerId\":\"$ORG\",\"kind\":\"TRAINING\",\"title\":\"Performance harness: for everyone\",
       \"needs\":[$NEEDS_JSON],\"goals\":[\"OPEN_LABOUR_MARKET\",\"STABLE_WORK\",\"START_BUSINESS\",\"MORE_RESPONSIBILITY\"],
       \"regions\":[\"RIGA\",\"PIERIGA\",\"VIDZEME\",\"KURZEME\",\"ZEMGALE\",\"LATGALE\"],\"capacity\":1000000,\"seatsTaken\":0}"
REMATCHED=$(wait_stored rematch "'$T0'" "$MATCHABLE" "$REMATCH_TIMEOUT")
REMATCH_S=$(sql "select coalesce(round(extract(epoch from max(r.stored_at) - '$T0'::timestamptz)::numeric, 1), 0)
                 from recommendation_set r join person p on p.id = r.person_id where p.organisation_id = '$ORG' and r.stored_at >= '$T0'")
REMATCH_RATE=$(awk -v n="$REMATCHED" -v s="$REMATCH_S" 'BEGIN {printf "%.0f", (s > 0 ? n / s : 0)}')

# --- event -> stored latency (bench LoopLatency) ------------------------------------------------------------------
say "Event to stored recommendation: $LOOP_COUNT updates at $LOOP_RATE/s"
sample_rss_during $((LOOP_COUNT / LOOP_RATE + 40))
java -Xmx512m -cp "$CP" org.inclusionmatch.bench.LoopLatency "$API" "127.0.0.1:$KAFKA_PORT" "$LOCAL_DIR/keys" \
  "$LOOP_COUNT" "$LOOP_RATE" > "$OUT/loop.txt" 2>&1 || true
LOOP_SEEN=$(awk '/results seen/ {print $NF}' "$OUT/loop.txt")
read -r LOOP_P50 LOOP_P99 LOOP_P999 <<< "$(awk -F'[ ,]+' '/event-to-stored latency/ {for (i=1;i<=NF;i++) {if ($i=="p50") a=$(i+1); if ($i=="p99") b=$(i+1); if ($i=="p99.9") c=$(i+1)}; print a, b, (c == "" ? "-" : c)}' "$OUT/loop.txt")"
# --- an allocation round of 5,000 candidates for 500 places (bench AllocationSolveTime, one run, not planned ahead) -----
say "Allocation round: 5,000 candidates, 500 places"
java -Xmx1g -cp "$CP" org.inclusionmatch.bench.AllocationSolveTime 5000 500 1 0 > "$OUT/allocation.txt" 2>&1 || true
read -r ALLOC_MS ALLOC_OPTIMAL <<< "$(awk '/^run 1: / {match($0, /solved in [0-9,]+ ms wall/); ms=substr($0, RSTART + 10, RLENGTH - 18); gsub(",", "", ms);
  match($0, /optimal=[a-z]+/); print ms, substr($0, RSTART + 8, RLENGTH - 8); exit}' "$OUT/allocation.txt")"
wait
while read -r s v; do [ "${v:-0}" -gt "${RSS_MAX[$s]:-0}" ] && RSS_MAX[$s]=$v; done < <(cat "$OUT/rss.txt" 2>/dev/null)
sample_rss

# --- the table ----------------------------------------------------------------------------------------------------
started() { grep -ho 'started in [0-9.]*s' "$LOGS/$1.log" | tail -1 | awk '{print $3}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b + 0 == 0 || a == "-") print "-"; else printf "%.0f%%", 100 * a / b}'; }
{
echo
echo "Inclusion Match performance harness, $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; $N persons seeded"
# Each figure beside its goal (issue 23) and whether this run met it; "vs DB" is the ratio to the same run's pgbench.
printf '%-50s %12s %-22s %-4s %7s %8s %8s %9s %6s\n' "figure" "value" "goal" "met" "vs DB" "p50 ms" "p99 ms" "p99.9 ms" "errors"
row() { printf '%-50s %12s %-22s %-4s %7s %8s %8s %9s %6s\n' "$@"; }
met() { awk "BEGIN {print (($1) ? \"yes\" : \"NO\")}"; } # an awk condition on numbers -> yes / NO
num() { [ -z "$1" ] || [ "$1" = - ] && echo 1e99 || echo "$1"; } # a missing latency never meets a goal
row "pgbench -S (8 clients), TPS" "$PG_S" "baseline" - "100%" "$PG_S_P50" "$PG_S_P99" "$PG_S_P999" 0
row "pgbench -N (8 clients), TPS" "$PG_N" "baseline" - "100%" "$PG_N_P50" "$PG_N_P99" "$PG_N_P999" 0
SEED_RATE=$(awk -v n="$N" -v s="$SEED_SECONDS" 'BEGIN {printf "%.0f", n / s}')
row "import: $SEED_METHOD$([ "$PERSONAL_CODES" = 0 ] || echo ' with codes'), persons/s" "$SEED_RATE" "-" - "$(ratio "$SEED_RATE" "$PG_N")" - - - "$SEED_REJECTED"
row "first matching: all stored, s after import end" "$FIRST_S" "<= 60 s, all stored" \
  "$(met "$FIRST_MATCHED == $MATCHABLE && $FIRST_S <= 60")" - - - - "$((MATCHABLE - FIRST_MATCHED))"
row "  ($FIRST_MATCHED of $MATCHABLE matchable stored)" "" "" "" "" "" "" "" ""
row "GET measures?size=20, fixed ${RATE}/s, req/s" "$LIST_R" "${RATE}/s, p99 <= 10 ms" \
  "$(met "$LIST_R >= 0.98 * $RATE && $(num "$LIST_P99") <= 10 && $LIST_ERR == 0")" "$(ratio "$LIST_R" "$PG_S")" "$LIST_P50" "$LIST_P99" "$LIST_P999" "$LIST_ERR"
row "GET person (audited), fixed ${RATE}/s, req/s" "$GET_R" "${RATE}/s, p99 <= 10 ms" \
  "$(met "$GET_R >= 0.98 * $RATE && $(num "$GET_P99") <= 10 && $GET_ERR == 0")" "$(ratio "$GET_R" "$PG_S")" "$GET_P50" "$GET_P99" "$GET_P999" "$GET_ERR"
row "GET person, closed loop 8 conns (wrk), req/s" "$WRK_R" ">= 30% of pgbench -S" \
  "$(met "${WRK_R:-0} >= 0.30 * $PG_S")" "$(ratio "$WRK_R" "$PG_S")" "$WRK_P50" "$WRK_P99" "$WRK_P999" "$WRK_ERR"
row "PUT person, fixed ${PUT_RATE}/s, req/s" "$PUT_R" "-" - "$(ratio "$PUT_R" "$PG_N")" "$PUT_P50" "$PUT_P99" "$PUT_P999" "$PUT_ERR"
row "re-match after a change for everyone, persons/s" "$REMATCH_RATE" "100,000 in <= 20 s" \
  "$(met "$REMATCHED == $MATCHABLE && $REMATCH_S <= 20 * $MATCHABLE / 100000")" - - - - "$((MATCHABLE - REMATCHED))"
row "  ($REMATCHED of $MATCHABLE re-stored in $REMATCH_S s)" "" "" "" "" "" "" "" ""
row "event -> stored, $LOOP_COUNT at ${LOOP_RATE}/s, seen" "${LOOP_SEEN:--}" "p99 <= 100 ms at 500/s" \
  "$(met "$LOOP_RATE >= 500 && ${LOOP_SEEN:-0} == $LOOP_COUNT && $(num "$LOOP_P99") <= 100")" - "${LOOP_P50:--}" "${LOOP_P99:--}" "${LOOP_P999:--}" "$((LOOP_COUNT - ${LOOP_SEEN:-0}))"
row "allocation round 5,000 x 500, s (optimal: ${ALLOC_OPTIMAL:--})" "$(awk -v ms="${ALLOC_MS:-0}" 'BEGIN {printf "%.1f", ms / 1000}')" "optimal, ~3 s (keep)" \
  "$(met "${ALLOC_MS:-1e99} <= 4000")$([ "${ALLOC_OPTIMAL:-}" = true ] || echo ' (not optimal)')" - - - - -
echo
printf '%-18s %14s %10s\n' "service" "max RSS MB" "start s"
for s in profile-service matching-worker postgres kafka; do
  printf '%-18s %14s %10s\n' "$s" "${RSS_MAX[$s]:-0}" "$(started "$s" || true)"
done
echo "load: $(uptime | sed 's/.*load average: //') (1, 5, 15 min)   cores: $(nproc)   raw results: $OUT"
} | tee "$OUT/table.txt"
