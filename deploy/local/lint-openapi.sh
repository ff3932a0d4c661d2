#!/usr/bin/env bash
# The OpenAPI lint gates: Spectral (spectral:oas + OWASP API Security 2023, contracts/.spectral.yaml) and Redocly
# (recommended, contracts/redocly.yaml) over the committed documents (the partners' profile-service.json and the
# worker's profile-service-internal.json), or the ones named. Fails on any error of either; warnings are counted and
# listed per rule. The Maven build runs it (contracts, phase verify); reports (JSON, JUnit) land in
# contracts/target/lint, one set per document.
#   deploy/local/lint-openapi.sh [DOCUMENT...]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
if [ $# -eq 0 ]; then
  set -- "$ROOT/contracts/src/main/openapi/profile-service.json" "$ROOT/contracts/src/main/openapi/profile-service-internal.json"
fi
if [ $# -gt 1 ]; then
  failed=0
  for doc in "$@"; do "$0" "$doc" || failed=1; done
  exit "$failed"
fi
DOC=$(realpath "$1")
OUT="$ROOT/contracts/target/lint/$(basename "$DOC" .json)"
RUN="$ROOT/tools/node/run.sh"
mkdir -p "$OUT"
cd "$ROOT"

# Spectral: exit 1 means "found errors" (judged below from the report), anything else is a crash.
rc=0
"$RUN" spectral lint --ruleset contracts/.spectral.yaml --format json --output.json "$OUT/spectral.json" \
  --format junit --output.junit "$OUT/spectral-junit.xml" --quiet "$DOC" || rc=$?
if [ "$rc" -gt 1 ]; then echo "spectral failed to run (exit $rc)" >&2; exit "$rc"; fi
spectral_errors=$("$RUN" node -e '
  const results = require(process.argv[1]);
  const names = ["error", "warning", "info", "hint"], count = [0, 0, 0, 0], byRule = {};
  for (const r of results) {
    count[r.severity]++;
    const key = names[r.severity] + " " + r.code;
    byRule[key] = (byRule[key] || 0) + 1;
    if (r.severity === 0) console.error(`  ERROR ${r.code} at ${r.path.join(".")}: ${r.message}`);
  }
  console.error(`Spectral: ${count[0]} errors, ${count[1]} warnings`);
  for (const [k, v] of Object.entries(byRule).sort((a, b) => b[1] - a[1])) console.error(`  ${String(v).padStart(5)} ${k}`);
  console.log(count[0]);' "$OUT/spectral.json")

# Redocly: exit 1 on any error.
redocly_rc=0
"$RUN" redocly lint --config contracts/redocly.yaml --format stylish "$DOC" > "$OUT/redocly.txt" 2>&1 || redocly_rc=$?
grep -v -e '^$' -e '║' -e '╔' -e '╚' "$OUT/redocly.txt" | tail -n 40 >&2

if [ "$spectral_errors" != 0 ] || [ "$redocly_rc" != 0 ]; then
  echo "OpenAPI lint FAILED: Spectral $spectral_errors errors, Redocly exit $redocly_rc ($DOC)" >&2
  exit 1
fi
echo "OpenAPI lint passed: 0 errors in Spectral and Redocly ($DOC)"
