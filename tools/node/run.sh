#!/usr/bin/env bash
# Runs one of the installed npm tools with the node deploy/local/node-tools.sh chose (the one on PATH, or the
# pinned one it fetched): tools/node/run.sh spectral --version
set -euo pipefail
DIR=$(cd "$(dirname "$0")" && pwd)
if ! NODE=$(cat "$DIR/node_modules/.node" 2>/dev/null) || [ ! -x "$NODE" ]; then
  echo "the npm tools are not installed: run deploy/local/node-tools.sh" >&2
  exit 1
fi
export PATH="$(dirname "$NODE"):$PATH" REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
tool=$1; shift
if [ "$tool" = node ]; then exec "$NODE" "$@"; fi
exec "$DIR/node_modules/.bin/$tool" "$@"
