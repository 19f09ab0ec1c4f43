#!/usr/bin/env bash
# Installs the Debian packages kclint needs to build and test, when missing.
# Usage: scripts/setup.sh [--tests]
set -euo pipefail

packages=(g++ cmake ninja-build pkg-config libyaml-cpp-dev nlohmann-json3-dev libre2-dev libcli11-dev libfmt-dev)
if [[ "${1:-}" == "--tests" ]]; then
  packages+=(libgtest-dev googletest graphviz dpkg-dev file)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The SARIF schema test runs the validator with Node.js when it can.
if [[ "${1:-}" == "--tests" ]] && ! command -v node >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if ((${#missing[@]})); then
  echo "kclint setup: installing ${missing[*]}" >&2
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
