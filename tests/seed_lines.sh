#!/usr/bin/env bash
# seed_lines.sh CLI DECK SEED WORK — every non-empty line of the source
# booklet (its markup removed, whitespace ignored) is found in the text
# pdftotext reads back from the rendered deck. SPDX-License-Identifier: MIT
set -euo pipefail
cli=$1 deck=$2 seed=$3 work=$4
mkdir -p "$work"
"$cli" render "$deck" -o "$work/booklet.pdf" >/dev/null
pdftotext -raw "$work/booklet.pdf" - | tr -d ' \t\r\n\f' | sed 's/　//g' >"$work/booklet.flat"
# the source's markup: headings #, list dashes, **bold**, <b>, <sup>, <ul>/<li>
sed -e 's/<[^>]*>//g' -e 's/\*\*//g' -e 's/^[[:space:]]*#\{1,6\}[[:space:]]*//' \
    -e 's/^[[:space:]]*-[[:space:]]\{1,\}//' "$seed" \
  | tr -d ' \t\r' | sed 's/　//g' | grep -av '^$' | grep -av '^---$' | grep -av '^-$' >"$work/seed.lines" || true
awk -v flatfile="$work/booklet.flat" '
  BEGIN { getline flat < flatfile }
  { total++; if (index(flat, $0) == 0) { missing++; if (missing <= 40) print "missing: " $0 } }
  END { printf "%d of %d source lines found\n", total - missing, total; exit missing > 0 }' \
  "$work/seed.lines"
