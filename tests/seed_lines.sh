#!/usr/bin/env bash
# seed_lines.sh CLI DECK SEED RESHAPED WORK — every non-empty line of the
# source booklet (its markup and list bullets removed, whitespace ignored) is
# found in the text pdftotext reads back from the rendered deck, except the
# lines RESHAPED lists (lines the deck lays out differently on purpose, each
# with its reason); a listed line that is found after all fails too, so the
# list cannot go stale. SPDX-License-Identifier: MIT
set -euo pipefail
cli=$1 deck=$2 seed=$3 reshaped=$4 work=$5
mkdir -p "$work"
"$cli" render "$deck" -o "$work/booklet.pdf" >/dev/null
pdftotext -raw "$work/booklet.pdf" - | tr -d ' \t\r\n\f' | sed 's/　//g' >"$work/booklet.flat"
# the source's markup: headings #, list dashes, **bold**, <b>, <sup>, <ul>/<li>
sed -e 's/<[^>]*>//g' -e 's/\*\*//g' -e 's/^[[:space:]]*#\{1,6\}[[:space:]]*//' \
    -e 's/^[[:space:]]*-[[:space:]]\{1,\}//' -e 's/^[[:space:]]*・//' "$seed" \
  | tr -d ' \t\r' | sed 's/　//g' | grep -av '^$' | grep -av '^---$' | grep -av '^-$' >"$work/seed.lines" || true
grep -av '^#' "$reshaped" | tr -d ' \t\r' | sed 's/　//g' | grep -av '^$' >"$work/reshaped" || true
awk -v flatfile="$work/booklet.flat" -v rfile="$work/reshaped" '
  BEGIN { getline flat < flatfile; while ((getline r < rfile) > 0) reshaped[r] = 1 }
  { total++
    if ($0 in reshaped) {
      skipped++
      if (index(flat, $0) != 0) { stale++; print "listed as reshaped but found: " $0 }
    } else if (index(flat, $0) == 0) { missing++; if (missing <= 40) print "missing: " $0 } }
  END { printf "%d of %d source lines found, %d reshaped on purpose\n", total - missing - skipped, total, skipped
        exit missing + stale > 0 }' \
  "$work/seed.lines"
