#!/usr/bin/env bash
# Prints a token for the local run, from whichever issuer it signs in with (run.sh, or run.sh --keycloak):
#   deploy/local/token.sh ROLE[,ROLE] [ORGANISATION_ID] [SUBJECT]
#   ROLE: ADMIN, CASEWORKER, PARTNER, MATCHER, AUDITOR. Person data is scoped to ORGANISATION_ID.
#   deploy/local/token.sh --user USERNAME [PASSWORD]   (Keycloak only: a demo user of deploy/keycloak signs in)
# Development issuer: a token signed with .local/keys. Keycloak: the demo user for the role and organisation signs in
# (caseworker-vpd for CASEWORKER of VPD, admin, auditor; authorization code with PKCE), MATCHER by client credentials.
# Example: curl -H "Authorization: Bearer $(deploy/local/token.sh ADMIN)" localhost:8080/api/v1/measures
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/deploy/local/jdk.sh"
source "$ROOT/deploy/local/lib.sh"
[ $# -ge 1 ] || { sed -n '2,8p' "$0" >&2; exit 2; }
CP="$ROOT/deploy/local-servers/target/local-servers-0.1.0-SNAPSHOT.jar:$ROOT/deploy/local-servers/target/lib/*"
if [ "$(cat "$LOCAL_DIR/sign-in" 2>/dev/null || echo dev)" = keycloak ]; then
  REALM="http://127.0.0.1:$KEYCLOAK_PORT/realms/inclusion-match"
  export INCLUSION_WEB_ORIGIN="http://127.0.0.1:$API_PORT"
  if [ "$1" = --user ]; then
    exec java -cp "$CP" org.inclusionmatch.servers.KeycloakLogin user "$REALM" "${@:2}"
  fi
  exec java -cp "$CP" org.inclusionmatch.servers.KeycloakLogin role "$REALM" "http://127.0.0.1:$API_PORT" "$1" "${2:-}"
fi
[ "$1" != --user ] || { echo "--user needs the Keycloak sign-in (deploy/local/run.sh --keycloak)" >&2; exit 2; }
exec java -cp "$CP" org.inclusionmatch.servers.DevIssuer token "$LOCAL_DIR/keys" "$@"
