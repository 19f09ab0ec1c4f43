#!/usr/bin/env bash
# Installs what is missing, builds kclint with its tests and runs them all.
# Usage: scripts/test.sh              the test suite (RelWithDebInfo)
#        scripts/test.sh --sanitize   the same suite built with ASan + UBSan
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --tests
if [[ "${1:-}" == "--sanitize" ]]; then
  build=build/asan
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DKCLINT_SANITIZE=ON -DKCLINT_TESTS=ON >/dev/null
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1
else
  build=build/test
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKCLINT_TESTS=ON >/dev/null
fi
cmake --build "$build"

# The SARIF end-to-end test validates with Ajv when Node.js can install it.
if command -v npm >/dev/null 2>&1 && [[ ! -d build/tools/node_modules/ajv-formats ]]; then
  mkdir -p build/tools
  npm install --silent --no-audit --no-fund --prefix build/tools ajv@8 ajv-formats@3 >/dev/null 2>&1 ||
    echo "kclint test: could not install ajv; the SARIF schema test will be skipped" >&2
fi

cd "$build"
ctest --output-on-failure -j "$(nproc)"
