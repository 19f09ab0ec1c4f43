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
# Every sample and fixture seeds its parser's target, and the lower target
# with the first byte that picks its format there (see fuzz/fuzz_lower.cpp):
# 0 workflow, 1 task definition, 2 CloudFormation, 3 Dockerfile, 4 Terraform,
# 5 action, 6 IAM policy, 7 Terraform variables, 8 Terraform JSON, 9 CloudFormation parameters.
i=0
while IFS= read -r -d '' f; do
  name=${f##*/}
  case "$name" in
    *.tf) dir=hcl b=4 ;;
    *.tfvars) dir=hcl b=7 ;;
    *.tf.json) dir=json b=8 ;;
    Dockerfile* | *.Dockerfile | Containerfile*) dir=dockerfile b=3 ;;
    action.yml | action.yaml) dir=yaml b=5 ;;
    *.yml | *.yaml)
      dir=yaml b=0
      grep -qE '^(AWSTemplateFormatVersion|Resources):' "$f" && b=2 ;;
    *.json | *.template)
      dir=json b=2
      if grep -q '"containerDefinitions"' "$f"; then b=1
      elif grep -q '"ParameterKey"' "$f"; then b=9
      elif grep -q '"Statement"' "$f" && ! grep -q '"Resources"' "$f"; then b=6
      fi ;;
    *) continue ;;
  esac
  cp "$f" "$seeds/$dir/$i"
  { printf "\\x$(printf %02x "$b")"; cat "$f"; } >"$seeds/lower/$i"
  i=$((i + 1))
done < <(find samples tests/fixtures tests/data -type f -size -64k -print0 2>/dev/null)
echo "fuzz: $i seed files from samples/ and tests/"

status=0
for target in hcl dockerfile yaml json lower; do
  log=build/fuzz/$target.log
  if build/fuzz/fuzz/fuzz_$target "$seeds/$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
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
