#!/usr/bin/env bash
# Deterministic generator of a large, realistic repository for benchmarks:
# COPIES copies of the real-world corpus (../shared/corpus) and of samples/,
# each with its names and values varied (service names, ports, CIDRs, tags),
# so that no two copies are byte-identical.
# Usage: bench/generate.sh OUT_DIR [COPIES]   (default 10: ~16,000 files, ~60 MB)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: bench/generate.sh OUT_DIR [COPIES]}
copies=${2:-10}
corpus=../shared/corpus
[[ -d "$corpus" ]] || { echo "bench/generate.sh: $corpus is absent" >&2; exit 2; }
rm -rf "$out"
mkdir -p "$out"
for ((i = 0; i < copies; i++)); do
  dest="$out/repo-$i"
  mkdir -p "$dest"
  cp -r "$corpus"/. "$dest/corpus"
  cp -r samples/. "$dest/samples"
  rm -f "$dest/corpus/manifest.json" "$dest/corpus/stats.json"
  # Vary names and values per copy, deterministically.
  find "$dest" -type f \( -name '*.tf' -o -name '*.tfvars' -o -name '*.yml' -o -name '*.yaml' -o -name '*.json' \
       -o -name '*.template' -o -name 'Dockerfile*' \) -print0 |
    xargs -0 sed -i -e "s/knowledge-card/knowledge-card-$i/g" -e "s/startupwebapp/startupwebapp$i/g" \
      -e "s/10\.0\./10.$((i % 250))./g" -e "s/us-east-1/us-east-$((1 + i % 2))/g" -e "s/\bexample\b/example$i/g"
done
files=$(find "$out" -type f | wc -l)
bytes=$(du -sb "$out" | cut -f1)
echo "generated $files files, $((bytes / 1000000)) MB in $out"
