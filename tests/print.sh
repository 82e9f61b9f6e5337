#!/usr/bin/env bash
# print.sh CLI TESTDIR WORK — print production: boxes for A4 with a 3 mm
# bleed, crop mark positions, CMYK only, a 10-page deck imposed for saddle
# stitching, and the print checks. SPDX-License-Identifier: MIT
set -euo pipefail
cli=$1 tests=$2 work=$3
mkdir -p "$work"
cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

{ echo '<deck xmlns="urn:ashireport:deck:1" page="A4"><theme><master number="off"/></theme>'
  for i in $(seq 1 10); do echo "<slide title=\"P$i\"><p>本文 $i</p></slide>"; done
  echo '</deck>'; } >ten.xml

# boxes: 3 mm bleed and 13 mm more for the marks on every side
"$cli" render ten.xml --print -o print.pdf >/dev/null 2>print.err || fail "print: $(cat print.err)"
qpdf --check print.pdf >/dev/null || fail "qpdf --check"
pdfinfo -box -f 1 -l 10 print.pdf >boxes.txt
[ "$(grep -c '^Page *[0-9]* MediaBox: *0.00 *0.00 *685.98 *932.60' boxes.txt)" -eq 10 ] || fail "MediaBox: $(grep MediaBox boxes.txt | head -2)"
[ "$(grep -c '^Page *[0-9]* TrimBox: *45.35 *45.35 *640.63 *887.24' boxes.txt)" -eq 10 ] || fail "TrimBox: $(grep TrimBox boxes.txt | head -2)"
[ "$(grep -c '^Page *[0-9]* BleedBox: *36.85 *36.85 *649.13 *895.75' boxes.txt)" -eq 10 ] || fail "BleedBox: $(grep BleedBox boxes.txt | head -2)"

# crop marks: 24 lines in registration colour (Separation /All), e.g. the
# bottom-left trim line
qpdf --qdf --object-streams=disable print.pdf qdf.pdf
awk '/^\/CS0 CS 1 SCN$/ { on = 1; n = 0; next } on && / l S$/ { n++ } on && /^Q$/ { print n; exit }' qdf.pdf >marks.txt
[ "$(cat marks.txt)" = 24 ] || fail "crop mark lines: $(cat marks.txt)"
grep -qa '^36.85 45.354 m 8.504 45.354 l S$' qdf.pdf || fail "bottom-left trim mark"
grep -qa '^342.992 36.85 m 342.992 8.504 l S$' qdf.pdf || fail "bottom centre mark"
# CMYK only
if grep -aqE ' (rg|RG)$' qdf.pdf; then fail "RGB colour operators in print mode"; fi
grep -aqE ' k$' qdf.pdf || fail "no CMYK fill"
grep -q "warning: for print, RGB colours were converted to CMYK: " print.err || fail "no conversion warning"

# saddle stitching: 12 pages with blanks, 3 sheets, printer spreads
"$cli" render ten.xml --booklet -o booklet.pdf >booklet.out 2>/dev/null || fail "booklet"
[ "$(pdfinfo booklet.pdf | awk '/^Pages:/ {print $2}')" = 6 ] || fail "booklet sides"
grep -qx "wrote booklet.pdf (10 pages on 6 PDF pages)" booklet.out || fail "booklet: $(cat booklet.out)"
order=""
for p in 1 2 3 4 5 6; do
  order="$order$(pdftotext -raw -f $p -l $p booklet.pdf - | grep -o '^P[0-9]*' | tr '\n' ' ')| "
done
[ "$order" = "P1 | P2 | P10 P3 | P4 P9 | P8 P5 | P6 P7 | " ] || fail "spreads: $order"

# handouts: two slides a portrait A4 page
"$cli" render ten.xml --2up -o handout.pdf >handout.out 2>/dev/null || fail "2up"
grep -qx "wrote handout.pdf (10 pages on 5 PDF pages)" handout.out || fail "2up: $(cat handout.out)"
pdfinfo handout.pdf | grep -q "^Page size: *595.27[0-9]* x 841.8[0-9]* pts (A4)" \
  || fail "2up page size: $(pdfinfo handout.pdf | grep 'Page size')"
[ "$(pdftotext -raw -f 2 -l 2 handout.pdf - | grep -o '^P[0-9]*' | tr '\n' ' ')" = "P3 P4 " ] \
  || fail "2up order"

# the slug label: file name, page of pages and the deck's date, below the
# bleed (the bleed box ends 895.75 pt from the top), only when asked for
sed 's|<theme>|<info><date>2026-01-31</date></info><theme>|' ten.xml >dated.xml
"$cli" render dated.xml --slug -o slug.pdf >/dev/null 2>/dev/null || fail "slug"
qpdf --check slug.pdf >/dev/null || fail "qpdf --check slug"
pdftotext -bbox -f 3 -l 3 slug.pdf - | grep -F '>dated.xml　3 / 10　2026-01-31</word>' >slug.txt \
  || fail "slug label: $(pdftotext -f 3 -l 3 slug.pdf - | tail -3)"
awk -F'"' '{ exit !($4 > 895.75 && $2 > 45.35 + 28.35) }' slug.txt || fail "slug label place: $(cat slug.txt)"
if pdftotext print.pdf - | grep -q 'ten.xml'; then fail "a slug label without --slug"; fi

# the checks a print shop would make
cat >bad.xml <<'XML'
<deck xmlns="urn:ashireport:deck:1">
  <theme><style name="footer" size="5pt"/></theme>
  <slide title="印刷の確認">
    <p x="1mm" y="60mm">端に近すぎる文字</p>
    <image src="images/rgb8.png" h="60mm"/>
  </slide>
</deck>
XML
mkdir -p images && cp "$tests/decks/images/rgb8.png" images/
"$cli" check --print bad.xml 2>check.err || true
grep -q "bad.xml:0:0: warning: page 1: text '1' is 5.0 pt, under the 6 pt print minimum" check.err || fail "small text: $(cat check.err)"
grep -q "warning: page 1: text '端に近すぎる文字' is within 3 mm of the trim edge" check.err || fail "edge: $(cat check.err)"
grep -q "warning: page 1: image '.*rgb8.png' is 34 dpi at its placed size" check.err || fail "dpi: $(cat check.err)"
echo "1 passed, 0 failed"
