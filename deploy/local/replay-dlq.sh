#!/usr/bin/env bash
# Puts the records of a dead-letter topic back on the topic they came from (after a fix), on the local stack.
#   deploy/local/replay-dlq.sh inclusion.persons.v1.dlq --dry-run    list what would be replayed, change nothing
#   deploy/local/replay-dlq.sh inclusion.persons.v1.dlq              replay, then remember where it stopped
# Elsewhere: java -cp 'local-servers.jar:lib/*' org.inclusionmatch.servers.DeadLetterReplay BOOTSTRAP DLQ [--dry-run]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/deploy/local/jdk.sh"
source "$ROOT/deploy/local/lib.sh"
[ $# -ge 1 ] || { echo "usage: $0 DLQ_TOPIC [--dry-run] [--group NAME]" >&2; exit 2; }
SERVERS_CP="$ROOT/deploy/local-servers/target/local-servers-0.1.0-SNAPSHOT.jar:$ROOT/deploy/local-servers/target/lib/*"
exec java -Xmx128m -cp "$SERVERS_CP" org.inclusionmatch.servers.DeadLetterReplay \
  "${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:$KAFKA_PORT}" "$@"
