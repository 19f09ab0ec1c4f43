#!/usr/bin/env bash
# Installs what is missing, builds kclint in Release and lints samples/ (or the
# paths given). Usage: scripts/run.sh [kclint arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DKCLINT_TESTS=OFF >/dev/null
cmake --build build/release --target kclint
echo "--- kclint ${*:-samples/}" >&2
status=0
build/release/kclint "${@:-samples/}" || status=$?
echo "--- exit code $status (0: clean, 1: findings at or above --fail-on, 2: usage error)" >&2
exit 0
