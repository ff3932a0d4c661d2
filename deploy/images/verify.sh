#!/usr/bin/env bash
# Checks the image tarballs of Maven profile image-tar (docs/operations.md, Images) without Docker or a registry, and with
# --run starts them the way a container runtime would, to prove the image's own contents work.
#
#   deploy/images/verify.sh [--run] [profile-service] [matching-worker]     (default: both)
#
# Always (seconds, no network): every blob's sha256 matches its name, the manifest digest equals
# target/<service>-image.digest, the config has user 185:185, the version label = the Maven project version,
# the revision label, the ports (the service's and 9000), the entrypoint running quarkus-run.jar with $JAVA_OPTS_APPEND,
# the layers (base, then lib/boot, lib/main, quarkus, app), no file owned by anyone but root in the app layers, no
# whiteout; then the layers are extracted into target/<service>-rootfs.
# As root (unshare + chroot): `java -version` of the image's JRE as uid 185, on a read-only root.
# --run (as root, under two minutes, both services): PostgreSQL and Kafka from deploy/local-servers (built), then
# each image's entrypoint as uid 185 in its own mount and PID namespace, on a read-only root with a tmpfs /tmp (the
# manifests' readOnlyRootFilesystem and emptyDir), JAVA_OPTS_APPEND as the manifests set it, the management interface
# on; waits for /q/health/ready, checks /q/metrics (and profile-service's /q/openapi) on the management port, that
# /api answers 401 without a token (profile-service) and that both JVMs run as 185; then stops everything.
# Ports: INCLUSION_PG_PORT, INCLUSION_KAFKA_PORT, INCLUSION_API_PORT, INCLUSION_WORKER_PORT (+1000 for the management
# ports), defaults 55832/59492/8480/8481.
# Not part of ./mvnw verify: it needs the image build (deploy/images/base-image.sh, -Pimage-tar) and root.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
run=false
services=()
for a in "$@"; do
  case $a in
    --run) run=true ;;
    profile-service|matching-worker) services+=("$a") ;;
    *) echo "usage: $0 [--run] [profile-service] [matching-worker]" >&2; exit 2 ;;
  esac
done
[ ${#services[@]} -gt 0 ] || services=(profile-service matching-worker)
command -v jq >/dev/null || { echo "needs jq (apt-get install jq)" >&2; exit 1; }
source "$ROOT/deploy/local/jdk.sh"

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "  ok: $*"; }
version=$(sed -n '0,/<version>/s/.*<version>\(.*\)<\/version>.*/\1/p' "$ROOT/pom.xml")

check_image() { # service -> checks the tarball, extracts target/<service>-rootfs
  local svc=$1 target=$ROOT/$1/target
  local tarball=$target/$svc-image.tar dir=$target/$svc-image port
  port=$([ "$svc" = profile-service ] && echo 8080 || echo 8081)
  echo "== $svc: $tarball ($(du -h "$tarball" | cut -f1))"
  rm -rf "$dir" && mkdir -p "$dir"
  tar -xf "$tarball" -C "$dir" 2>/dev/null
  [ -f "$dir/oci-layout" ] && [ -f "$dir/index.json" ] || fail "not an OCI image layout"
  local b name
  for b in "$dir"/blobs/sha256/*; do
    name=$(basename "$b")
    [ "$(sha256sum "$b" | cut -d' ' -f1)" = "$name" ] || fail "blob $name does not match its digest"
  done
  ok "$(ls "$dir/blobs/sha256" | wc -l) blobs match their sha256"
  local manifest config
  manifest=$(jq -r '.manifests[0].digest' "$dir/index.json")
  [ "$manifest" = "$(cat "$target/$svc-image.digest")" ] || fail "index.json's manifest $manifest != $svc-image.digest"
  ok "manifest $manifest (= target/$svc-image.digest)"
  config=$dir/blobs/sha256/$(jq -r '.config.digest' "$dir/blobs/sha256/${manifest#sha256:}" | cut -d: -f2)
  [ "$(jq -r '.config.User' "$config")" = "185:185" ] || fail "user is not 185:185"
  ok "user 185:185"
  [ "$(jq -r '.config.Labels["org.opencontainers.image.version"]' "$config")" = "$version" ] \
    || fail "version label != $version"
  ok "label org.opencontainers.image.version=$version, revision=$(jq -r '.config.Labels["org.opencontainers.image.revision"]' "$config")"
  [ "$(jq -r '.config.ExposedPorts | keys | join(",")' "$config")" = "$port/tcp,9000/tcp" ] || fail "ports"
  ok "ports $port, 9000"
  jq -r '.config.Entrypoint | join(" ")' "$config" | grep -q 'JAVA_OPTS_APPEND -jar /deployments/quarkus-run.jar' \
    || fail "entrypoint does not run quarkus-run.jar with JAVA_OPTS_APPEND"
  ok "entrypoint $(jq -c '.config.Entrypoint' "$config")"
  local layers comments
  comments=$(jq -r '[.history[] | select(.empty_layer != true) | .comment // "base"] | join(" | ")' "$config")
  [ "$comments" = "base | extra files | quarkus lib/boot | quarkus lib/main | quarkus generated | application" ] \
    || fail "layers: $comments"
  ok "layers: $comments"
  local rootfs=$target/$svc-rootfs i=0 l listing
  rm -rf "$rootfs" && mkdir -p "$rootfs"
  for l in $(jq -r '.layers[].digest' "$dir/blobs/sha256/${manifest#sha256:}" | cut -d: -f2); do
    listing=$(tar -tzvf "$dir/blobs/sha256/$l" 2>/dev/null)
    ! grep -q '\.wh\.' <<<"$listing" || fail "whiteout in layer $l"
    if [ $i -gt 0 ]; then
      ! awk '{print $2}' <<<"$listing" | grep -qv '^0/0$' || fail "a file not owned by root in app layer $l"
      ! awk '{print $1}' <<<"$listing" | grep -q '^.....w\|^........w' || fail "a group/world-writable file in app layer $l"
    fi
    tar -xzf "$dir/blobs/sha256/$l" -C "$rootfs" --numeric-owner 2>/dev/null
    i=$((i + 1))
  done
  ok "$i layers extracted into $rootfs ($(du -sh "$rootfs" | cut -f1)); app files root-owned, not writable by others"
  rm -rf "$dir"
}

in_image() { # service, env..., -- command...: runs the command in the image's rootfs as 185, read-only root
  local rootfs=$ROOT/$1/target/$1-rootfs; shift
  local envs=()
  while [ "$1" != -- ]; do envs+=("$1"); shift; done; shift
  mkdir -p "$rootfs/etc/inclusion/jwt"
  [ -e "$rootfs/etc/hosts" ] || touch "$rootfs/etc/hosts"
  # shellcheck disable=SC2016
  unshare --mount --pid --fork --kill-child=SIGTERM /bin/sh -c '
    set -e
    r=$1; shift
    mount --make-rprivate /
    mount --bind "$r" "$r"
    mount -t proc proc "$r/proc"
    mount --rbind /dev "$r/dev"
    mount -t tmpfs -o size=128m,mode=1777 tmpfs "$r/tmp"
    mount --bind /etc/hosts "$r/etc/hosts"
    [ -z "$JWT_DIR" ] || mount --bind "$JWT_DIR" "$r/etc/inclusion/jwt"
    mount -o remount,bind,ro "$r"
    exec env -i "$@"' sh "$rootfs" "${envs[@]}" "$(command -v chroot)" --userspec=185:185 "$rootfs" "$@"
}

image_env() { # service -> the config's Env lines (what a runtime sets)
  local svc=$1
  tar -xOf "$ROOT/$svc/target/$svc-image.tar" "blobs/sha256/$(jq -r '.imageId' "$ROOT/$svc/target/jib-image.json" | cut -d: -f2)" \
    | jq -r '.config.Env[]'
}

entrypoint() { # service -> the config's Entrypoint, one per line
  local svc=$1
  tar -xOf "$ROOT/$svc/target/$svc-image.tar" "blobs/sha256/$(jq -r '.imageId' "$ROOT/$svc/target/jib-image.json" | cut -d: -f2)" \
    | jq -r '.config.Entrypoint[]'
}

for svc in "${services[@]}"; do check_image "$svc"; done

if [ "$(id -u)" != 0 ]; then
  echo "not root: the runs in the image's root filesystem (unshare, chroot) are skipped"
  exit 0
fi
export JWT_DIR=
for svc in "${services[@]}"; do
  mapfile -t envs < <(image_env "$svc")
  out=$(in_image "$svc" "${envs[@]}" -- /bin/sh -c 'java -XshowSettings:properties -version 2>&1
    (: > /deployments/probe) 2>/dev/null && echo root-writable; : > /tmp/probe && echo tmp-writable')
  grep -q 'user.name = inclusion' <<<"$out" || fail "$svc: java does not run as inclusion: $out"
  ! grep -q root-writable <<<"$out" && grep -q tmp-writable <<<"$out" || fail "$svc: root not read-only or /tmp not writable"
  ok "$svc: $(grep -o 'openjdk version "[^"]*"' <<<"$out") as $(grep -o 'user.name = .*' <<<"$out"), java.home $(sed -n 's/^ *java.home = //p' <<<"$out"); / read-only, /tmp writable"
done
$run || exit 0

PG_PORT=${INCLUSION_PG_PORT:-55832}
KAFKA_PORT=${INCLUSION_KAFKA_PORT:-59492}
API_PORT=${INCLUSION_API_PORT:-8480}
WORKER_PORT=${INCLUSION_WORKER_PORT:-8481}
work=$ROOT/deploy/images/target/run
rm -rf "$work" && mkdir -p "$work/logs"
SERVERS_CP="$ROOT/deploy/local-servers/target/local-servers-0.1.0-SNAPSHOT.jar:$ROOT/deploy/local-servers/target/lib/*"
[ -f "$ROOT/deploy/local-servers/target/local-servers-0.1.0-SNAPSHOT.jar" ] \
  || fail "deploy/local-servers is not built (./mvnw -B package -pl deploy/local-servers -am -DskipTests)"
pids=()
cleanup() {
  local p
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    p=${pids[$i]}
    # each was started with setsid: its process group is its pid (the namespaced JVM included)
    kill -TERM -- "-$p" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$p" 2>/dev/null || true
  done
  local pg_pid_file=$work/postgres/data/postmaster.pid
  if [ -f "$pg_pid_file" ] && kill -0 "$(head -n 1 "$pg_pid_file")" 2>/dev/null; then kill -INT "$(head -n 1 "$pg_pid_file")"; fi
}
trap cleanup EXIT
await() { # log line seconds
  for _ in $(seq 1 $(($3 * 2))); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.5; done
  tail -30 "$1" >&2; fail "no '$2' in $1 after $3 s"
}
await_http() { # url seconds
  for _ in $(seq 1 $(($2 * 2))); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.5; done
  fail "$1 did not answer 200 in $2 s"
}
status() { curl -s -o /dev/null -w '%{http_code}' "$1"; }

java -cp "$SERVERS_CP" org.inclusionmatch.servers.DevIssuer keys "$work/keys" >/dev/null
chmod 755 "$work/keys" && chmod 644 "$work/keys"/*
setsid java -Xmx128m -cp "$SERVERS_CP" org.inclusionmatch.servers.LocalServers postgres "$work/postgres" "$PG_PORT" inclusion \
  > "$work/logs/postgres.log" 2>&1 < /dev/null & pids+=($!)
await "$work/logs/postgres.log" "READY postgres" 120
setsid java -Xmx512m -cp "$SERVERS_CP" org.inclusionmatch.servers.LocalServers kafka "$work/kafka" "$KAFKA_PORT" \
  > "$work/logs/kafka.log" 2>&1 < /dev/null & pids+=($!)
await "$work/logs/kafka.log" "READY kafka" 120
ok "PostgreSQL :$PG_PORT and Kafka :$KAFKA_PORT (deploy/local-servers)"
export JWT_DIR=$work/keys

# Memory: no cgroup limit here, so JAVA_OPTS caps the heap where the manifests' 512Mi limit would.
common=(JAVA_OPTS=-Xmx256m JAVA_OPTS_APPEND=-XX:MaxRAMPercentage=50 HOSTNAME=verify
  KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT QUARKUS_MANAGEMENT_HOST=127.0.0.1 QUARKUS_HTTP_HOST=127.0.0.1)
start_image() { # service http-port management-port env...
  local svc=$1 http=$2 mgmt=$3; shift 3
  mapfile -t envs < <(image_env "$svc")
  mapfile -t cmd < <(entrypoint "$svc")
  setsid bash -c "$(declare -f in_image); ROOT='$ROOT'; in_image \"\$@\"" sh "$svc" "${envs[@]}" "${common[@]}" \
    QUARKUS_HTTP_PORT="$http" QUARKUS_MANAGEMENT_PORT="$mgmt" "$@" -- "${cmd[@]}" \
    > "$work/logs/$svc.log" 2>&1 < /dev/null & pids+=($!)
  local t0=$SECONDS
  await_http "http://127.0.0.1:$mgmt/q/health/ready" 120
  ok "$svc: ready in $((SECONDS - t0)) s (image entrypoint, uid 185, read-only root); $(grep -o 'started in [0-9.]*s' "$work/logs/$svc.log" | head -1)"
  [ "$(status "http://127.0.0.1:$mgmt/q/metrics")" = 200 ] || fail "$svc: /q/metrics on $mgmt"
  [ "$svc" != profile-service ] || [ "$(status "http://127.0.0.1:$mgmt/q/openapi")" = 200 ] \
    || fail "$svc: /q/openapi on $mgmt"
  [ "$(status "http://127.0.0.1:$http/q/health/ready")" = 404 ] || fail "$svc: /q/health on the HTTP port"
  ok "$svc: /q/metrics$([ "$svc" = profile-service ] && echo ', /q/openapi') 200 on management :$mgmt; /q/health 404 on :$http"
}
start_image profile-service "$API_PORT" $((API_PORT + 1000)) \
  INCLUSION_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/inclusion" \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION=/etc/inclusion/jwt/publicKey.pem
[ "$(status "http://127.0.0.1:$API_PORT/api/v1/measures")" = 401 ] || fail "profile-service: /api without a token is not 401"
ok "profile-service: /api/v1/measures 401 without a token"
start_image matching-worker "$WORKER_PORT" $((WORKER_PORT + 1000)) \
  INCLUSION_API_URL="http://127.0.0.1:$API_PORT" SMALLRYE_JWT_SIGN_KEY_LOCATION=/etc/inclusion/jwt/privateKey.pem
# The two JVMs in this script's process groups (each start is a setsid group): uid 185, JAVA_OPTS_APPEND applied.
jvms=$(ps -eo pgid=,uid=,rss=,comm=,args= | awk -v groups=" ${pids[*]} " '
  index(groups, " " $1 " ") && $4 == "java" && /quarkus-run.jar/ {
    print "uid " $2 ", RSS " int($3/1024) " MB, MaxRAMPercentage " (/-XX:MaxRAMPercentage=50/ ? "50" : "unset") }')
echo "$jvms" | sed 's/^/  JVM: /'
[ "$(grep -c '^uid 185, .*MaxRAMPercentage 50$' <<<"$jvms")" = 2 ] || fail "the JVMs do not both run as 185 with JAVA_OPTS_APPEND"
ok "both JVMs run as uid 185 with the manifests' JAVA_OPTS_APPEND"
echo "verified: ${services[*]}"
