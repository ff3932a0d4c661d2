#!/usr/bin/env bash
# Runs the whole system on this machine: PostgreSQL, Kafka, profile-service and matching-worker, with the demo
# catalogue loaded. Needs only a JDK >= 21. Safe to run again: what is already running is left as it is.
#   deploy/local/run.sh              build, start, import the demo catalogue, print the URLs
#   deploy/local/run.sh --no-build   start what was built last time
#   deploy/local/run.sh --keycloak   sign in through Keycloak (deploy/keycloak's realm) instead of the development
#                                    issuer; INCLUSION_SIGN_IN=keycloak does the same (docs/sign-in.md)
#   deploy/local/stop.sh             stop everything (data stays in .local/)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/deploy/local/jdk.sh"
source "$ROOT/deploy/local/lib.sh"

build=true
sign_in="${INCLUSION_SIGN_IN:-dev}"
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    --keycloak) sign_in=keycloak ;;
    *) echo "unknown option $arg (run.sh [--no-build] [--keycloak])" >&2; exit 2 ;;
  esac
done
case "$sign_in" in dev|keycloak) ;; *) echo "INCLUSION_SIGN_IN is dev or keycloak, not $sign_in" >&2; exit 2 ;; esac

mkdir -p "$LOGS" "$PIDS" "$STATE"
if running profile-service && [ "$(cat "$LOCAL_DIR/sign-in" 2>/dev/null || echo dev)" != "$sign_in" ]; then
  echo "The services run with sign-in '$(cat "$LOCAL_DIR/sign-in" 2>/dev/null || echo dev)': deploy/local/stop.sh first to switch to '$sign_in'." >&2
  exit 1
fi
for name in postgres kafka profile-service matching-worker; do
  if running "$name" && $build; then
    # Rebuilding would replace the jars under the running services.
    echo "Already running: not rebuilding (deploy/local/stop.sh first to run a new build)."
    build=false
  fi
done
if $build; then
  echo "Building (./mvnw package -DskipTests) ..."
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package) > "$LOGS/build.log" 2>&1 \
    || { echo "Build failed; see $LOGS/build.log" >&2; tail -20 "$LOGS/build.log" >&2; exit 1; }
fi

SERVERS_CP="$ROOT/deploy/local-servers/target/local-servers-0.1.0-SNAPSHOT.jar:$ROOT/deploy/local-servers/target/lib/*"

# The development token issuer's key pair, made once: profile-service trusts it, the worker signs its MATCHER token.
java -cp "$SERVERS_CP" org.inclusionmatch.servers.DevIssuer keys "$LOCAL_DIR/keys"
export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$LOCAL_DIR/keys/publicKey.pem"
export SMALLRYE_JWT_SIGN_KEY_LOCATION="$LOCAL_DIR/keys/privateKey.pem"
# The identity key (personal codes are stored only as HMACs under it), made once and kept beside the data.
if [ ! -s "$LOCAL_DIR/keys/identity.key" ]; then
  (umask 077 && head -c 32 /dev/urandom | base64 > "$LOCAL_DIR/keys/identity.key")
fi
export INCLUSION_IDENTITY_KEY_FILE="$LOCAL_DIR/keys/identity.key"

start postgres "READY postgres" java -Xmx128m -cp "$SERVERS_CP" org.inclusionmatch.servers.LocalServers \
  postgres "$STATE/postgres" "$PG_PORT" inclusion
start kafka "READY kafka" java -Xmx512m -cp "$SERVERS_CP" org.inclusionmatch.servers.LocalServers \
  kafka "$STATE/kafka" "$KAFKA_PORT"

if [ "$sign_in" = keycloak ]; then
  # Keycloak from Maven Central (unpacked by the build into deploy/local-servers/target/keycloak), its data in
  # $STATE/keycloak; the realm of deploy/keycloak is imported on the first start. Its client secrets are the development
  # ones unless INCLUSION_*_CLIENT_SECRET are set. About 30-40 s to start here, ~480 MB RSS (heap capped at 384 MB).
  start keycloak "READY keycloak" java -Xmx64m -cp "$SERVERS_CP" org.inclusionmatch.servers.LocalServers \
    keycloak "$STATE/keycloak" "$KEYCLOAK_PORT" "http://127.0.0.1:$API_PORT"
  REALM="http://127.0.0.1:$KEYCLOAK_PORT/realms/inclusion-match"
  export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$REALM/protocol/openid-connect/certs"
  export INCLUSION_JWT_ISSUER="$REALM"
  export INCLUSION_OPENAPI_OIDC_URL="$REALM/.well-known/openid-configuration"
  export INCLUSION_AUTH_MODE=oidc-client
  export QUARKUS_OIDC_CLIENT_CLIENT_ENABLED=true
  export QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL="$REALM"
  export QUARKUS_OIDC_CLIENT_CLIENT_ID=matching-worker
  export QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET="${INCLUSION_WORKER_CLIENT_SECRET:-dev-matching-worker-secret}"
fi
echo "$sign_in" > "$LOCAL_DIR/sign-in"   # for token.sh

export INCLUSION_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/inclusion"
export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
export INCLUSION_IMPORT_CATALOGUE="$ROOT/deploy/local/demo/catalogue.json"
# Limits high enough that bench/ measures the service rather than the per-client limit (production: see docs/partners.md, Rate limits).
export INCLUSION_RATE_LIMIT_DEFAULTS_REQUESTS_PER_SECOND="${INCLUSION_RATE_LIMIT_DEFAULTS_REQUESTS_PER_SECOND:-20000}"
export INCLUSION_RATE_LIMIT_DEFAULTS_BURST="${INCLUSION_RATE_LIMIT_DEFAULTS_BURST:-40000}"
# Webhooks to receivers on this machine (docs/webhooks.md): plain http to loopback through the test allow-list, which
# production leaves empty.
export INCLUSION_WEBHOOKS_REQUIRE_HTTPS="${INCLUSION_WEBHOOKS_REQUIRE_HTTPS:-false}"
export INCLUSION_WEBHOOKS_ALLOWED_PORTS="${INCLUSION_WEBHOOKS_ALLOWED_PORTS:-443,1024-65535}"
export INCLUSION_WEBHOOKS_ALLOWED_TEST_RANGES="${INCLUSION_WEBHOOKS_ALLOWED_TEST_RANGES:-127.0.0.0/8}"
start profile-service "Listening on" java -Xmx256m -Dquarkus.http.port="$API_PORT" \
  -jar "$ROOT/profile-service/target/quarkus-app/quarkus-run.jar"
wait_http profile-service "http://127.0.0.1:$API_PORT/q/health/ready"

export INCLUSION_API_URL="http://127.0.0.1:$API_PORT"
start matching-worker "Listening on" java -Xmx256m -Dquarkus.http.port="$WORKER_PORT" \
  -jar "$ROOT/matching-worker/target/quarkus-app/quarkus-run.jar"
wait_http matching-worker "http://127.0.0.1:$WORKER_PORT/q/health/ready"

cat <<TXT

Inclusion Match is running.
  API               http://127.0.0.1:$API_PORT/api/v1/measures?size=100
  Swagger UI        http://127.0.0.1:$API_PORT/q/swagger-ui
  OpenAPI document  http://127.0.0.1:$API_PORT/q/openapi
  Worker health     http://127.0.0.1:$WORKER_PORT/q/health
  PostgreSQL        jdbc:postgresql://127.0.0.1:$PG_PORT/inclusion (user postgres)
  Kafka             127.0.0.1:$KAFKA_PORT
  Logs              $LOGS
Every /api call needs a token (sign-in: $sign_in$([ "$sign_in" = keycloak ] && echo ", Keycloak at http://127.0.0.1:$KEYCLOAK_PORT, realm inclusion-match")), for example:
  TOKEN=\$(deploy/local/token.sh ADMIN)
  curl -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:$API_PORT/api/v1/measures?size=100
Stop with deploy/local/stop.sh; data stays in $STATE.
TXT
