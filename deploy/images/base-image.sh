#!/usr/bin/env bash
# Builds the services' base image without Docker or a registry: a root filesystem from Debian 13 (trixie) packages
# (glibc, libstdc++, zlib, dash for /bin/sh, tzdata, the Mozilla CA list and Debian's OpenJDK 21 headless JRE),
# user inclusion (uid/gid 185, the manifests' runAsUser), packed as a docker-archive tarball that Jib takes as
# `tar://` base (profile image-tar in profile-service and matching-worker, docs/operations.md "Images").
#
#   deploy/images/base-image.sh            -> deploy/images/target/base-image.tar (+ .digest, packages.txt)
#
# Needs: apt-get/apt-cache and dpkg-deb (any Debian or Ubuntu host; no root: apt runs with a private state
# directory), GNU tar, sha256sum and a JDK >= 21 (deploy/local/jdk.sh) for the Java trust store.
# The packages come from the mirror this host's apt is configured with (its sources, suite swapped for trixie);
# INCLUSION_DEBIAN_URI / INCLUSION_DEBIAN_SECURITY_URI override that. Downloads are cached under
# deploy/images/target/cache (gitignored); files have a fixed mtime (SOURCE_DATE_EPOCH, default 1), owner 0:0, sorted
# order, so the same packages give the same layer (the Java trust store is cached per ca-certificates version).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
out=${INCLUSION_IMAGE_OUT:-$here/target}
cache=$out/cache
suite=${INCLUSION_DEBIAN_SUITE:-trixie}
epoch=${SOURCE_DATE_EPOCH:-1}
jre=/usr/lib/jvm/java-21-openjdk-amd64
uid=185
packages=(libc6 libgcc-s1 libstdc++6 zlib1g dash tzdata ca-certificates openjdk-21-jre-headless)

# shellcheck source=../local/jdk.sh
source "$here/../local/jdk.sh"

host_uri() { # the first URIs (deb822) or deb line of the host's apt sources whose URI does / does not contain $1
  local want=$1
  cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
    | sed -n -e 's/^URIs:[[:space:]]*\([^[:space:]]*\).*/\1/p' -e 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]*\).*/\2/p' \
    | { if [ "$want" = security ]; then grep -- '-security'; else grep -v -- '-security'; fi; } | head -n 1 || true
}
uri=${INCLUSION_DEBIAN_URI:-$(host_uri main)}
security_uri=${INCLUSION_DEBIAN_SECURITY_URI:-$(host_uri security)}
if [ -z "$uri" ]; then
  echo "No Debian mirror in this host's apt sources: set INCLUSION_DEBIAN_URI (and INCLUSION_DEBIAN_SECURITY_URI)." >&2
  exit 1
fi

mkdir -p "$cache/apt/lists/partial" "$cache/apt/archives/partial" "$cache/debs"
{
  echo "deb $uri $suite main"
  echo "deb $uri $suite-updates main"
  [ -z "$security_uri" ] || echo "deb $security_uri $suite-security main"
} > "$cache/apt/sources.list"
touch "$cache/apt/status"
apt_opts=(-o "Dir::Etc::SourceList=$cache/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
  -o "Dir::State=$cache/apt" -o "Dir::State::Lists=$cache/apt/lists" -o "Dir::State::Status=$cache/apt/status"
  -o "Dir::Cache=$cache/apt" -o "Dir::Cache::Archives=$cache/apt/archives" -o APT::Architecture=amd64
  -o Debug::NoLocking=1 -o APT::Sandbox::User=root -q)

echo "== package lists ($suite)"
apt-get "${apt_opts[@]}" update >/dev/null
: > "$cache/packages.txt"
for p in "${packages[@]}"; do
  v=$(apt-cache "${apt_opts[@]}" policy "$p" | sed -n 's/^ *Candidate: //p')
  [ -n "$v" ] && [ "$v" != "(none)" ] || { echo "$p: no candidate in $suite" >&2; exit 1; }
  echo "$p $v" >> "$cache/packages.txt"
done
echo "== packages"
(cd "$cache/debs" && while read -r p v; do
  [ -n "$(ls "${p}_${v//:/%3a}_"*.deb 2>/dev/null)" ] \
    || { rm -f "${p}_"*.deb; apt-get "${apt_opts[@]}" download "$p=$v" >/dev/null; }
done < "$cache/packages.txt")
cat "$cache/packages.txt"

echo "== root filesystem"
rootfs=$out/rootfs
rm -rf "$rootfs"
mkdir -p "$rootfs"
while read -r p v; do dpkg-deb -x "$cache/debs/${p}_${v//:/%3a}_"*.deb "$rootfs"; done < "$cache/packages.txt"
cd "$rootfs"
# Debian 13 is merged-/usr: the top-level links that base-files and the maintainer scripts would make.
for d in bin lib lib64 sbin; do [ -e "usr/$d" ] || mkdir -p "usr/$d"; ln -sfn "usr/$d" "$d"; done
ln -sfn "$jre/bin/java" usr/bin/java
ln -sfn "$jre/bin/keytool" usr/bin/keytool
ln -sfn /usr/share/zoneinfo/Etc/UTC etc/localtime
echo Etc/UTC > etc/timezone
mkdir -p tmp proc sys dev root deployments etc/ssl/certs/java
chmod 1777 tmp
chmod 700 root
cat > etc/passwd <<EOF
root:x:0:0:root:/root:/bin/sh
inclusion:x:$uid:$uid:Inclusion Match:/deployments:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
EOF
cat > etc/group <<EOF
root:x:0:
inclusion:x:$uid:
nogroup:x:65534:
EOF
printf 'passwd: files\ngroup: files\nshadow: files\nhosts: files dns\n' > etc/nsswitch.conf
# The trust store ca-certificates-java would make in its post-install step, and the PEM bundle update-ca-certificates
# would make (both are maintainer scripts, which dpkg-deb -x does not run).
# PKCS12 salts are random: the store is made once per ca-certificates version and reused from the cache, so the
# layer stays the same while the packages do.
ca_version=$(sed -n 's/^ca-certificates //p' "$cache/packages.txt")
if [ ! -s "$cache/cacerts-$ca_version.p12" ]; then
  java "$here/Cacerts.java" "$cache/cacerts-$ca_version.p12" usr/share/ca-certificates/mozilla/*.crt
fi
cp "$cache/cacerts-$ca_version.p12" etc/ssl/certs/java/cacerts
cat usr/share/ca-certificates/mozilla/*.crt > etc/ssl/certs/ca-certificates.crt
# Documentation out, the licences (copyright files) stay.
find usr/share/doc -mindepth 2 ! -name copyright ! -type d -delete 2>/dev/null || true
rm -rf usr/share/man usr/share/info usr/share/lintian usr/share/locale usr/share/bug usr/share/doc-base "$jre/man" \
  var/lib/dpkg var/cache etc/ssl/certs/java/*.lastUpdated
mkdir -p usr/share/inclusion-base
cp "$cache/packages.txt" usr/share/inclusion-base/packages.txt

echo "== image"
image=$out/image
rm -rf "$image"
mkdir -p "$image"
# No leading ./ in the entries, fixed mtime and owner, sorted: a layer as a registry would store it.
tar --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner --format=posix \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
  -cf "$image/layer.tar" $(ls -A | LC_ALL=C sort)
cd "$image"
diff_id=$(sha256sum layer.tar | cut -d' ' -f1)
jre_version=$(sed -n 's/^openjdk-21-jre-headless //p' "$cache/packages.txt")
created=$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)
cat > config.json <<EOF
{"architecture":"amd64","os":"linux","created":"$created",
 "config":{"User":"$uid:$uid","WorkingDir":"/deployments",
  "Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$jre","LANG=C.UTF-8"],
  "Labels":{"org.opencontainers.image.title":"inclusion-match-base",
   "org.opencontainers.image.description":"Debian $suite, OpenJDK 21 JRE headless $jre_version, user $uid"}},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"$created","created_by":"deploy/images/base-image.sh ($suite: ${packages[*]})"}]}
EOF
config_digest=$(sha256sum config.json | cut -d' ' -f1)
mv config.json "$config_digest.json"
echo "[{\"Config\":\"$config_digest.json\",\"RepoTags\":[\"inclusion-match/base:21-$suite\"],\"Layers\":[\"layer.tar\"]}]" > manifest.json
tar --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner --format=posix \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
  -cf "$out/base-image.tar" manifest.json "$config_digest.json" layer.tar
cd "$out"
rm -rf "$image"
echo "sha256:$config_digest" > base-image.digest
echo "$out/base-image.tar: $(du -h base-image.tar | cut -f1), config sha256:$config_digest, layer sha256:$diff_id"
