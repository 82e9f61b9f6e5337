#!/usr/bin/env bash
# fonts.sh [RUNS] [OTHER_CLI] — what opening fonts costs (issue #14, items
# 11 and 12: every font file read into memory and checked at load): the
# fonts phase of ashi-bench for the minimal deck and the sample booklet,
# without and with a font cache, and, given another build's ashireport
# (the mapped fonts of before, say), `ashireport render` of both decks
# against it, paired by farm-bench (medians of RUNS runs, default 15).
# Figures to read, never test assertions. SPDX-License-Identifier: MIT
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-15}" other="${2:-}"
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-bench -j2 >/dev/null
cli=build-bench/cli/ashireport bench=build-bench/bench/ashi-bench
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for deck in tests/decks/minimal.xml data/asahikawa.xml; do
  for cache in "" --font-cache; do
    printf '%-28s %-13s ' "$(basename "$deck")" "${cache:-no cache}"
    "$bench" "$deck" "$runs" $cache | awk '$1 == "fonts" || $1 == "total" { printf "%s %s ms  ", $1, $2 } END { print "" }'
  done
  if [ -n "$other" ] && command -v farm-bench >/dev/null; then
    echo "== $(basename "$deck"): A = this build, B = $other"
    farm-bench -n "$runs" --vs "$other render $deck -o $out/b.pdf" -- \
      "$cli" render "$deck" -o "$out/a.pdf" | grep -E '^(A|B|A/B) +(cpu|wall|peak)'
  fi
done
