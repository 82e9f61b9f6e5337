#!/usr/bin/env bash
# clusters.sh CLI DIR WORK — clusters longer than poppler takes in one
# ToUnicode entry (DIR/clusters.xml): pdftotext reads the PDF without a
# warning and gives back exactly the text of DIR/clusters.txt (-raw), each
# of its lines whole in the default reading order too.
# SPDX-License-Identifier: MIT
set -uo pipefail
cli=$1 dir=$2 work=$3
mkdir -p "$work"
pdf="$work/clusters.pdf"
fail() { echo "FAIL [clusters]: $*"; exit 1; }
rm -f "$pdf"
"$cli" render "$dir/clusters.xml" -o "$pdf" >/dev/null 2>"$work/render.err" ||
  fail "render exited $?: $(cat "$work/render.err")"
# the only warnings due: the emoji, in none of the bundled fonts
if grep -v "is in none of the theme's fonts" "$work/render.err"; then fail "other warnings"; fi
for mode in raw layout; do
  args=()
  [ "$mode" = raw ] && args=(-raw)
  pdftotext "${args[@]}" "$pdf" "$work/$mode.txt" 2>"$work/$mode.err" || fail "pdftotext failed"
  [ ! -s "$work/$mode.err" ] || fail "pdftotext ($mode) warned: $(sort "$work/$mode.err" | uniq -c)"
done
cmp -s "$dir/clusters.txt" "$work/raw.txt" || fail "pdftotext -raw differs: $(diff "$dir/clusters.txt" "$work/raw.txt" | head -5)"
while IFS= read -r line; do
  [ -z "$line" ] || [ "$line" = $'\f' ] || grep -qFx -- "$line" "$work/layout.txt" ||
    fail "not a line of pdftotext's output: $line"
done <"$dir/clusters.txt"
echo "1 passed, 0 failed"
