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

# crop marks: 24 lines in registration colour, e.g. the bottom-left trim line
qpdf --qdf --object-streams=disable print.pdf qdf.pdf
awk '/^1 1 1 1 K$/ { on = 1; n = 0; next } on && / l S$/ { n++ } on && /^Q$/ { print n; exit }' qdf.pdf >marks.txt
[ "$(cat marks.txt)" = 24 ] || fail "crop mark lines: $(cat marks.txt)"
grep -qa '^36.85 45.354 m 8.504 45.354 l S$' qdf.pdf || fail "bottom-left trim mark"
grep -qa '^342.992 36.85 m 342.992 8.504 l S$' qdf.pdf || fail "bottom centre mark"
# CMYK only
if grep -aqE ' (rg|RG)$' qdf.pdf; then fail "RGB colour operators in print mode"; fi
grep -aqE ' k$' qdf.pdf || fail "no CMYK fill"
grep -q "warning: for print, RGB colours were converted to CMYK: " print.err || fail "no conversion warning"

# saddle stitching: 12 pages with blanks, 3 sheets, printer spreads; the
# two blanks go before the back cover (P10), which stays on the outside
"$cli" render ten.xml --booklet -o booklet.pdf >booklet.out 2>/dev/null || fail "booklet"
[ "$(pdfinfo booklet.pdf | awk '/^Pages:/ {print $2}')" = 6 ] || fail "booklet sides"
grep -qx "wrote booklet.pdf (10 pages on 6 PDF pages)" booklet.out || fail "booklet: $(cat booklet.out)"
order=""
for p in 1 2 3 4 5 6; do
  order="$order$(pdftotext -raw -f $p -l $p booklet.pdf - | grep -o '^P[0-9]*' | tr '\n' ' ')| "
done
[ "$order" = "P10 P1 | P2 | P3 | P4 P9 | P8 P5 | P6 P7 | " ] || fail "spreads: $order"

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
# (PDF/X-1a has no ActualText: the label's ideographic spaces, spacing
# rather than glyphs, come back as word breaks)
pdftotext -bbox -f 3 -l 3 slug.pdf - | grep -F '>dated.xml</word>' >slug.txt \
  || fail "slug label: $(pdftotext -f 3 -l 3 slug.pdf - | tail -3)"
[ "$(pdftotext -bbox -f 3 -l 3 slug.pdf - | awk -F'"' '/<word / && $4 > 895.75 { sub(/.*">/, ""); sub(/<.*/, ""); printf "%s ", $0 }')" \
  = "dated.xml 3 / 10 2026-01-31 " ] || fail "slug label: $(pdftotext -f 3 -l 3 slug.pdf - | tail -3)"
awk -F'"' '{ exit !($4 > 895.75 && $2 > 45.35 + 28.35) }' slug.txt || fail "slug label place: $(cat slug.txt)"
if pdftotext print.pdf - | grep -q 'ten.xml'; then fail "a slug label without --slug"; fi

# PDF/X: --print claims PDF/X-1a:2003 (Japan Color 2001 Coated), on every
# kind of sheet; --2up alone is a screen handout and claims none
here=$(cd "$(dirname "$0")" && pwd)
check() { python3 "$here/pdfa_check.py" "$1" "$2" >"$1.pdfx" 2>&1 || fail "$1 as $2: $(cat "$1.pdfx")"; }
check print.pdf pdfx1a
check booklet.pdf pdfx1a
check slug.pdf pdfx1a
check handout.pdf archival
"$cli" render ten.xml --print --2up -o handout-print.pdf >/dev/null 2>&1 || fail "--print --2up"
check handout-print.pdf pdfx1a
# no date in the deck: the fixed one, in Info and XMP alike
TZ=UTC pdfinfo -isodates print.pdf | grep -q '^CreationDate: *2000-01-01T00:00:00' \
  || fail "fixed date: $(pdfinfo print.pdf | grep Date)"
pdfinfo print.pdf | grep -q '^Title: *P1$' || fail "title: $(pdfinfo print.pdf | grep Title)"
# a deck with no title at all: its file name (PDF/X requires a Title)
echo '<deck xmlns="urn:ashireport:deck:1"><slide><p>a</p></slide></deck>' >untitled.xml
"$cli" render untitled.xml --print -o untitled.pdf >/dev/null 2>&1 || fail "untitled"
pdfinfo untitled.pdf | grep -q '^Title: *untitled.xml$' || fail "title fallback: $(pdfinfo untitled.pdf | grep Title)"
check untitled.pdf pdfx1a
# RGB PNG with alpha, RGB and CMYK JPEG, grey PNG: converted, flattened,
# passed through; byte-identical twice
cp "$tests"/decks/images/{rgba8.png,baseline.jpg,cmyk.jpg,gray8.png} images/
cat >img.xml <<'XML'
<deck xmlns="urn:ashireport:deck:1">
  <slide title="画像">
    <p>本文の行。</p>
    <image src="images/rgba8.png" h="30mm" alt="半透明"/>
    <image src="images/baseline.jpg" h="30mm" alt="JPEG"/>
    <image src="images/cmyk.jpg" h="30mm" alt="CMYK"/>
    <image src="images/gray8.png" h="30mm" alt="グレー"/>
  </slide>
</deck>
XML
"$cli" render img.xml --print -o img.pdf >/dev/null 2>img.err || fail "images --print: $(cat img.err)"
qpdf --check img.pdf >/dev/null || fail "qpdf --check img.pdf"
check img.pdf pdfx1a
grep -q "warning: 2 RGB image(s) were converted to CMYK" img.err || fail "image warning: $(cat img.err)"
[ "$(pdfimages -list img.pdf | awk 'NR > 2 { print $3, $6 }' | sort | tr '\n' ' ')" = \
  "image cmyk image cmyk image cmyk image gray " ] || fail "images: $(pdfimages -list img.pdf)"
"$cli" render img.xml --print -o img2.pdf >/dev/null 2>&1 && cmp -s img.pdf img2.pdf \
  || fail "PDF/X-1a render not byte-identical"
# the text still comes back (from ToUnicode, without ActualText)
pdftotext img.pdf - | grep -q '本文の行。' || fail "text of the X-1a file"

# PDF/X-4 with an output profile: transparency and ActualText kept
icc=$(find /usr/share -name default_cmyk.icc -path '*ghostscript*' 2>/dev/null | head -1)
if [ -n "$icc" ]; then
  "$cli" render img.xml --print --output-profile "$icc" -o img4.pdf >/dev/null 2>img4.err \
    || fail "X-4: $(cat img4.err)"
  qpdf --check img4.pdf >/dev/null || fail "qpdf --check img4.pdf"
  check img4.pdf pdfx4
  [ "$(pdfimages -list img4.pdf | awk 'NR > 2 && $3 == "smask"' | wc -l)" = 1 ] || fail "X-4 SMask"
  qpdf --qdf --object-streams=disable img4.pdf img4q.pdf
  grep -aq '/ActualText' img4q.pdf || fail "X-4 without ActualText"
  rgb=${icc%default_cmyk.icc}default_rgb.icc
  if "$cli" render img.xml --print --output-profile "$rgb" -o bad4.pdf >/dev/null 2>bad4.err; then
    fail "an RGB profile accepted"
  fi
  grep -q "error: the output profile '.*default_rgb.icc' is not a CMYK profile" bad4.err \
    || fail "RGB profile: $(cat bad4.err)"
  [ ! -e bad4.pdf ] || fail "a PDF with a bad profile"
else
  echo "note: no Ghostscript default_cmyk.icc (scripts/deps.sh --test): PDF/X-4 not tested" >&2
fi

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
grep -q "warning: page 1: image '.*rgb8.png' is 34 ppi at its placed size" check.err || fail "dpi: $(cat check.err)"
echo "1 passed, 0 failed"
