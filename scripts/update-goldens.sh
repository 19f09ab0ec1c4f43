#!/usr/bin/env bash
# Regenerates tests/golden/ from the current build after an intended change to
# rules or reports. Review the diff like code before committing it.
# Usage: scripts/update-goldens.sh [path/to/kclint]
set -euo pipefail
cd "$(dirname "$0")/.."
kclint=${1:-build/test/kclint}
[[ -x "$kclint" ]] || { echo "build kclint first (scripts/test.sh), or pass its path" >&2; exit 2; }
mkdir -p tests/golden
for dir in samples/*/; do
  name=$(basename "$dir")
  "$kclint" "samples/$name" --format text --color never --jobs 2 > "tests/golden/$name.txt" || true
  "$kclint" "samples/$name" --format sarif --jobs 2 > "tests/golden/$name.sarif" || true
done
git status --short tests/golden
