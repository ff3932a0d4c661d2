#!/usr/bin/env bash
# Stops what deploy/local/run.sh started, services first, then Keycloak, the broker and the database. Data stays.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/deploy/local/lib.sh"
for name in matching-worker profile-service keycloak kafka postgres; do
  stop "$name"
done
# A PostgreSQL whose launcher was killed outright keeps running; stop it by its own pid file.
pg_pid_file="$STATE/postgres/data/postmaster.pid"
if [ -f "$pg_pid_file" ] && kill -0 "$(head -n 1 "$pg_pid_file")" 2>/dev/null; then
  kill -INT "$(head -n 1 "$pg_pid_file")" && echo "  stopped a PostgreSQL left behind"
fi
