# Shared by run.sh and stop.sh: where things live and how a process is started, awaited and stopped.
LOCAL_DIR="${INCLUSION_LOCAL_DIR:-$ROOT/.local}"
LOGS="$LOCAL_DIR/logs"
PIDS="$LOCAL_DIR/run"
STATE="$LOCAL_DIR/data"
PG_PORT="${INCLUSION_PG_PORT:-55432}"
KAFKA_PORT="${INCLUSION_KAFKA_PORT:-59092}"
API_PORT="${INCLUSION_API_PORT:-8080}"
WORKER_PORT="${INCLUSION_WORKER_PORT:-8081}"
KEYCLOAK_PORT="${INCLUSION_KEYCLOAK_PORT:-58180}"

running() { # name -> true when its pid file names a live process
  local pid
  [ -f "$PIDS/$1.pid" ] || return 1
  pid=$(cat "$PIDS/$1.pid")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

start() { # name ready-line command... : starts in the background unless running; waits for the line in its log
  local name=$1 ready=$2; shift 2
  if running "$name"; then
    echo "  $name already running (pid $(cat "$PIDS/$name.pid"))"
    return 0
  fi
  : > "$LOGS/$name.log"
  nohup setsid "$@" >> "$LOGS/$name.log" 2>&1 < /dev/null &
  echo $! > "$PIDS/$name.pid"
  local waited=0
  until grep -q "$ready" "$LOGS/$name.log" 2>/dev/null; do
    if ! running "$name"; then
      echo "$name failed to start; last lines of $LOGS/$name.log:" >&2
      tail -20 "$LOGS/$name.log" >&2
      rm -f "$PIDS/$name.pid"
      exit 1
    fi
    sleep 0.5; waited=$((waited + 1))
    if [ "$waited" -gt 240 ]; then echo "$name did not get ready in 120 s; see $LOGS/$name.log" >&2; exit 1; fi
  done
  echo "  $name started (pid $(cat "$PIDS/$name.pid"), log $LOGS/$name.log)"
}

http_status() { # url -> HTTP status code, using bash's /dev/tcp so that no curl is needed
  local url=${1#http://} hostport path
  hostport=${url%%/*}; path=/${url#*/}
  exec 3<>"/dev/tcp/${hostport%:*}/${hostport#*:}" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$path" "$hostport" >&3
  head -n 1 <&3 | cut -d' ' -f2
  exec 3>&-
}

wait_http() { # name url : waits until the URL answers 200
  local waited=0
  until [ "$(http_status "$2" 2>/dev/null)" = "200" ]; do
    sleep 0.5; waited=$((waited + 1))
    if [ "$waited" -gt 120 ]; then echo "$1 is not ready at $2 after 60 s; see $LOGS/$1.log" >&2; exit 1; fi
  done
}

stop() { # name : TERM, wait up to 30 s, then KILL
  local name=$1 pid
  if ! running "$name"; then rm -f "$PIDS/$name.pid"; return 0; fi
  pid=$(cat "$PIDS/$name.pid")
  kill -TERM "$pid"
  for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then echo "  $name did not stop in 30 s; killing it" >&2; kill -KILL "$pid"; fi
  rm -f "$PIDS/$name.pid"
  echo "  $name stopped"
}
