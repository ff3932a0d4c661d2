#!/usr/bin/env bash
# Mints a development token for the local run (signed with .local/keys, trusted by the local profile-service).
#   deploy/local/token.sh ROLE[,ROLE] [ORGANISATION_ID] [SUBJECT]
#   ROLE: ADMIN, CASEWORKER, PARTNER, MATCHER, AUDITOR. Person data is scoped to ORGANISATION_ID.
# Example: curl -H "Authorization: Bearer $(deploy/local/token.sh ADMIN)" localhost:8080/api/v1/measures
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/deploy/local/jdk.sh"
source "$ROOT/deploy/local/lib.sh"
[ $# -ge 1 ] || { sed -n '2,5p' "$0" >&2; exit 2; }
exec java -cp "$ROOT/deploy/local-servers/target/local-servers-0.1.0-SNAPSHOT.jar:$ROOT/deploy/local-servers/target/lib/*" \
  org.inclusionmatch.servers.DevIssuer token "$LOCAL_DIR/keys" "$@"
