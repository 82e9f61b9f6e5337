#!/usr/bin/env bash
# floor.sh RUNS DECK.xml PDF [DECK.xml PDF ...] — the floor of issue #19 for
# each deck: what the standalone tools take for the three parts of the work
# nobody can skip, each timed as a whole process, the median of RUNS runs:
#   parse    xmllint --noout DECK.xml (libxml2, no schema)
#   shape    hb-shape (HarfBuzz) over all the text the deck shows, with the
#            font files its theme picks (the default gothic: the
#            repository's fonts/BIZUDPGothic-Regular.ttf and -Bold.ttf, the
#            same files as the system's BIZ UD package), regular and bold
#            text each in its face, one line per run of text (deck-text.py)
#   deflate  PDF (ours) with every stream uncompressed by qpdf, compressed
#            as one stream at level 6 by zlib and by libdeflate (deflate.c)
# and the floor, parse + shape + deflate, with either deflate. bench/run.sh
# sets our render time against it. SPDX-License-Identifier: MIT
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
source bench/timing.sh
runs="${1:?usage: floor.sh RUNS DECK.xml PDF [DECK.xml PDF ...]}"
shift
(( $# >= 2 && $# % 2 == 0 )) || { echo "usage: floor.sh RUNS DECK.xml PDF [DECK.xml PDF ...]" >&2; exit 2; }
for tool in xmllint hb-shape qpdf cc python3; do
  command -v "$tool" >/dev/null || { echo "floor.sh: $tool is missing: run scripts/deps.sh --bench" >&2; exit 1; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
deflate="$work/ashi-deflate"
cc -O2 -o "$deflate" bench/deflate.c -lz -ldeflate

# median of RUNS timings (ms) of one command
med_ms() {
  local i out=()
  for ((i = 0; i < runs; i++)); do out+=("$(run_us "$@")"); done
  printf '%s\n' "${out[@]}" | median | awk '{printf "%.1f", $1 / 1000}'
}
shape() {
  hb-shape --font-file=fonts/BIZUDPGothic-Regular.ttf --text-file="$1-regular.txt" \
    --language=ja --no-glyph-names --no-positions --ned -o /dev/null
  hb-shape --font-file=fonts/BIZUDPGothic-Bold.ttf --text-file="$1-bold.txt" \
    --language=ja --no-glyph-names --no-positions --ned -o /dev/null
}

printf '%-14s %9s %9s %12s %14s %12s %16s %10s %10s\n' deck "parse ms" "shape ms" "deflate zlib" \
  "deflate libdfl" "floor zlib" "floor libdeflate" "text chars" "raw PDF MB"
while (( $# )); do
  deck=$1 pdf=$2
  shift 2
  name=$(basename "$deck" .xml)
  python3 bench/deck-text.py "$deck" "$work/$name"
  qpdf --stream-data=uncompress --decode-level=generalized --object-streams=disable "$pdf" "$work/raw.pdf"
  "$deflate" zlib "$work/raw.pdf" >/dev/null # warm the page cache
  p=$(med_ms xmllint --noout "$deck")
  s=$(med_ms shape "$work/$name")
  z=$(med_ms "$deflate" zlib "$work/raw.pdf")
  l=$(med_ms "$deflate" libdeflate "$work/raw.pdf")
  chars=$(cat "$work/$name-regular.txt" "$work/$name-bold.txt" | LC_ALL=C.UTF-8 wc -m)
  awk -v d="$name" -v p="$p" -v s="$s" -v z="$z" -v l="$l" -v c="$chars" \
      -v r="$(stat -c %s "$work/raw.pdf")" \
      'BEGIN {printf "%-14s %9.1f %9.1f %12.1f %14.1f %12.1f %16.1f %10d %10.1f\n",
              d, p, s, z, l, p + s + z, p + s + l, c, r / 1048576}'
done
