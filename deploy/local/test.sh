#!/usr/bin/env bash
# Runs every test against real PostgreSQL and Kafka, which the tests start and stop themselves.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/deploy/local/jdk.sh"
cd "$ROOT"
exec ./mvnw -B verify "$@"
