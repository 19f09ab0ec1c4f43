#!/usr/bin/env bash
# Builds the .deb with cpack from this build tree and checks that it holds the
# binary and the man page, and that the extracted binary runs.
set -euo pipefail
build_dir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$build_dir" && cpack -G DEB -B "$work" >/dev/null)
deb=$(ls "$work"/kclint_*.deb)
listing=$(dpkg-deb -c "$deb")  # read it whole: `grep -q` on a pipe would break it
grep -q './usr/bin/kclint$' <<<"$listing"
grep -q './usr/share/man/man1/kclint.1' <<<"$listing"
dpkg-deb -x "$deb" "$work/root"
"$work/root/usr/bin/kclint" --version | grep -q '^kclint '
echo "package ok: $(basename "$deb")"
