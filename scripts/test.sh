#!/usr/bin/env bash
# Installs what is missing, builds kclint with its tests and runs them all.
# Usage: scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --tests
cmake -S . -B build/test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKCLINT_TESTS=ON >/dev/null
cmake --build build/test

# The SARIF end-to-end test validates with Ajv when Node.js can install it.
if command -v npm >/dev/null 2>&1 && [[ ! -d build/tools/node_modules/ajv-formats ]]; then
  mkdir -p build/tools
  npm install --silent --no-audit --no-fund --prefix build/tools ajv@8 ajv-formats@3 >/dev/null 2>&1 ||
    echo "kclint test: could not install ajv; the SARIF schema test will be skipped" >&2
fi

cd build/test
ctest --output-on-failure -j "$(nproc)"
