#!/usr/bin/env bash
# images.sh CLI TESTDIR WORKDIR — `render --format png|svg`: pages drawn by
# the cairo device look like poppler's rendering of the PDF (each PNG page,
# reduced to a quarter, within 5 % RMSE of pdftoppm's; a page against the
# wrong page is far off, so the comparison can fail), --pages and {n}
# name the files, and an SVG page is a well-formed SVG with the page's
# glyphs. SPDX-License-Identifier: MIT
set -euo pipefail
cli=$1 tests=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
booklet=$tests/../data/asahikawa.xml
"$cli" render "$booklet" -o "$work/booklet.pdf" >/dev/null 2>&1
"$cli" render "$booklet" --format png --ppi 72 --pages 1,7,12-13 -o "$work/p-{n}.png" \
  >"$work/out" 2>/dev/null || fail "png render"
[ "$(grep -c '^wrote ' "$work/out")" -eq 4 ] || fail "pages written: $(cat "$work/out")"
[ ! -e "$work/p-2.png" ] || fail "--pages wrote page 2"
rmse() { # the normalised RMSE of two images reduced to a quarter
  convert "$1" -resize 25% "$work/a.png"
  convert "$2" -resize 25% "$work/b.png"
  compare -metric RMSE "$work/a.png" "$work/b.png" null: 2>&1 | sed 's/.*(\(.*\))/\1/' || true
}
for n in 1 7 12 13; do
  pdftoppm -r 72 -png -f "$n" -l "$n" -singlefile "$work/booklet.pdf" "$work/ref-$n"
  [ "$(identify -format '%wx%h' "$work/p-$n.png")" = "$(identify -format '%wx%h' "$work/ref-$n.png")" ] ||
    fail "page $n: size differs from poppler's"
  e=$(rmse "$work/p-$n.png" "$work/ref-$n.png")
  awk -v e="$e" 'BEGIN {exit !(e < 0.05)}' || fail "page $n: RMSE $e against poppler's"
  echo "ok: page $n within $e"
done
e=$(rmse "$work/p-7.png" "$work/ref-12.png")
awk -v e="$e" 'BEGIN {exit !(e > 0.08)}' || fail "the wrong page compares as close ($e)"
# images (PNG, JPEG, CMYK JPEG, EXIF orientation) as poppler shows them
(cd "$tests/decks" && "$cli" render images.xml -o "$work/images.pdf" >/dev/null 2>&1 &&
   "$cli" render images.xml --format png --ppi 60 -o "$work/i-{n}.png" >/dev/null 2>&1) ||
  fail "images deck"
for n in 1 2; do
  pdftoppm -r 60 -png -f "$n" -l "$n" -singlefile "$work/images.pdf" "$work/iref-$n"
  e=$(rmse "$work/i-$n.png" "$work/iref-$n.png")
  awk -v e="$e" 'BEGIN {exit !(e < 0.05)}' || fail "images page $n: RMSE $e"
done
# SVG: a well-formed file in points, with the page's glyphs
"$cli" render "$booklet" --format svg --pages 7 -o "$work/p7.svg" >/dev/null 2>&1 || fail "svg"
python3 - "$work/p7.svg" <<'PY' || fail "svg file"
import sys, xml.dom.minidom
d = xml.dom.minidom.parse(sys.argv[1])
svg = d.documentElement
assert svg.tagName == 'svg', svg.tagName
size = [float(svg.getAttribute(k).rstrip('pt')) for k in ('width', 'height')]
assert abs(size[0] - 841.89) < 0.01 and abs(size[1] - 595.28) < 0.01, size
uses = d.getElementsByTagName('use')
assert len(uses) > 100, len(uses)
PY
# names and choices
set +e
"$cli" render "$booklet" --format png -o "$work/one.png" >/dev/null 2>"$work/err"; rc=$?
set -e
[ "$rc" -eq 1 ] && grep -q "need {n} in the output name" "$work/err" || fail "{n} required: $rc $(cat "$work/err")"
set +e; "$cli" render "$booklet" --format png --pages 2,999 -o "$work/y-{n}.png" >/dev/null 2>"$work/err"; rc=$?; set -e
[ "$rc" -eq 1 ] && grep -q "asks for page 999; the deck has" "$work/err" && [ ! -e "$work/y-2.png" ] ||
  fail "a page past the end: $rc $(cat "$work/err")"
for bad in "--pages 0" "--pages 3-1" "--ppi 5" "--format gif"; do
  set +e; "$cli" render "$booklet" --format png $bad -o "$work/x-{n}.png" >/dev/null 2>&1; rc=$?; set -e
  [ "$rc" -eq 2 ] || fail "'$bad' exited $rc, want 2"
done
set +e; "$cli" render "$booklet" --pages 1 >/dev/null 2>&1; rc=$?; set -e
[ "$rc" -eq 2 ] || fail "--pages without --format"
echo "1 passed, 0 failed"
