#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each one.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 12: the CI smoke run)
# Seeds come from samples/ and tests/fixtures/; crashes are written to
# build/fuzz/crashes/ — turn each into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-12}

scripts/setup.sh --tests
if ! command -v clang++ >/dev/null 2>&1; then
  apt-get install -y -qq clang >/dev/null
fi
cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DKCLINT_FUZZ=ON -DKCLINT_TESTS=OFF >/dev/null
cmake --build build/fuzz --target fuzz_hcl fuzz_dockerfile fuzz_yaml fuzz_json fuzz_lower

seeds=build/fuzz/seeds
rm -rf "$seeds" && mkdir -p "$seeds"/{hcl,dockerfile,yaml,json,lower} build/fuzz/crashes
find samples tests/fixtures tests/data -type f \( -name '*.tf' -o -name '*.tfvars' \) -exec cp -t "$seeds/hcl" {} + 2>/dev/null || true
find samples tests/fixtures -type f \( -name 'Dockerfile*' -o -name '*.Dockerfile' \) -exec cp --backup=numbered -t "$seeds/dockerfile" {} + 2>/dev/null || true
find samples tests/fixtures tests/data -type f \( -name '*.yml' -o -name '*.yaml' \) -exec cp --backup=numbered -t "$seeds/yaml" {} + 2>/dev/null || true
find samples tests/fixtures tests/data -type f -name '*.json' -exec cp --backup=numbered -t "$seeds/json" {} + 2>/dev/null || true
# The lower target's first byte picks the format (see fuzz/fuzz_lower.cpp).
i=0
for f in "$seeds"/yaml/* "$seeds"/json/* "$seeds"/dockerfile/* "$seeds"/hcl/*; do
  case "$f" in
    */yaml/*) b='\x00' ;; */json/*) b='\x01' ;; */dockerfile/*) b='\x03' ;; */hcl/*) b='\x04' ;;
  esac
  { printf "$b"; cat "$f"; } > "$seeds/lower/$i"; i=$((i + 1))
done

status=0
for target in hcl dockerfile yaml json lower; do
  log=build/fuzz/$target.log
  if build/fuzz/fuzz_$target "$seeds/$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
       -rss_limit_mb=2048 -artifact_prefix=build/fuzz/crashes/$target- -print_final_stats=1 >"$log" 2>&1; then
    execs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
    echo "fuzz_$target: ${execs:-?} executions in ${seconds}s, no crash"
  else
    echo "fuzz_$target: CRASH — see $log and build/fuzz/crashes/" >&2
    tail -40 "$log" >&2
    status=1
  fi
done
exit $status
