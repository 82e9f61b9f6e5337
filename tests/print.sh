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
export PYTHONPATH="$here${PYTHONPATH:+:$PYTHONPATH}" # tiffsep.py
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
mkdir -p images && cp "$tests"/decks/images/{rgba8.png,baseline.jpg,cmyk.jpg,gray8.png} images/
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
grep -q "bad.xml: warning: page 1: text '1' is 5.0 pt, under the 6 pt print minimum" check.err || fail "small text: $(cat check.err)"
grep -q "warning: page 1: text '端に近すぎる文字' is within 3 mm of the trim edge" check.err || fail "edge: $(cat check.err)"
grep -q "warning: page 1: image '.*rgb8.png' is 34 ppi at its placed size" check.err || fail "dpi: $(cat check.err)"
# ---- black (issue #17): K100 text, overprint (墨ノセ), registration colour --
# Plates from Ghostscript's tiffsep (uncompressed, 72 dpi: a pixel a point,
# separations simulated with overprint as a press would). plates.py STEM X0
# Y0 X1 Y1 prints for each ink: inked pixels inside the box (from the top
# left, right and bottom exclusive), outside it, and inside at full ink.
cat >plates.py <<'PY'
import sys
from tiffsep import plate  # tests/tiffsep.py
stem, x0, y0, x1, y1 = sys.argv[1], *map(int, sys.argv[2:6])
for ink in 'Cyan', 'Magenta', 'Yellow', 'Black':
    w, h, px = plate(f'{stem}({ink}).tif')
    inside = outside = solid = 0
    for y in range(h):
        row = px[y * w:(y + 1) * w]
        for x in range(w):
            v = row[x]
            if v < 128:  # BlackIsZero: 0 is full ink
                if x0 <= x < x1 and y0 <= y < y1:
                    inside += 1
                    solid += v == 0
                else:
                    outside += 1
    print(ink, inside, outside, solid)
PY
# plates DECK [X0 Y0 X1 Y1]: DECK.xml for print, its first sheet's plates
plates() {
  local deck=$1; shift
  "$cli" render "$deck.xml" --print -o "$deck.pdf" >/dev/null 2>"$deck.err" || fail "$deck: $(cat "$deck.err")"
  rm -rf "$deck.sep" && mkdir "$deck.sep"
  gs -q -dFirstPage=1 -dLastPage=1 -sDEVICE=tiffsep -sCompression=none -r72 \
    -o "$deck.sep/p%d.tif" "$deck.pdf" || fail "$deck: gs tiffsep"
  python3 plates.py "$deck.sep/p1" "$@" >"$deck.plates" || fail "$deck: plates.py"
}
# ink COLUMN INK FILE: one number of plates.py's table
ink() { awk -v c="$1" -v i="$2" '$1 == i { print $c }' "$3"; }

# Black text alone on white, B5 (the trim box is 45..562 x 45..774 points):
# inside the trim only the Black plate has ink, all of it at 100 % (K100,
# not #222222's K 86.7 %); the crop marks outside are on all four plates alike.
cat >black.xml <<'XML'
<deck xmlns="urn:ashireport:deck:1" page="B5"><theme><master number="off"/></theme>
  <slide layout="blank"><p>黒い文字だけのページです。本文は墨 1 色で刷ります。</p></slide>
</deck>
XML
plates black 45 45 562 774
for i in Cyan Magenta Yellow; do
  [ "$(ink 2 $i black.plates)" = 0 ] || fail "text on the $i plate: $(cat black.plates)"
done
[ "$(ink 2 Black black.plates)" -gt 500 ] || fail "no text on the Black plate: $(cat black.plates)"
[ "$(ink 4 Black black.plates)" = "$(ink 2 Black black.plates)" ] || fail "text not K100: $(cat black.plates)"
marks=$(ink 3 Black black.plates)
[ "$marks" -gt 300 ] || fail "no crop marks on the Black plate: $(cat black.plates)"
for i in Cyan Magenta Yellow; do
  [ "$(ink 3 $i black.plates)" = "$marks" ] || fail "crop marks not on the $i plate alike: $(cat black.plates)"
done
# a theme that sets the text colour keeps it: #222222 is K 86.7 %, never full ink
sed 's|<theme>|<theme><color name="text" value="#222222"/>|' black.xml >grey.xml
plates grey 45 45 562 774
[ "$(ink 2 Black grey.plates)" -gt 500 ] && [ "$(ink 4 Black grey.plates)" = 0 ] \
  || fail "the theme's text colour: $(cat grey.plates)"

# Overprint: K100 text on a 100 % cyan box leaves the cyan whole (cyan
# under the text too: exactly the text's pixels more than with
# overprint="off", where the text knocks out).
cat >ovp.xml <<'XML'
<deck xmlns="urn:ashireport:deck:1" page="B5">
  <theme><color name="table-head" value="cmyk(100,0,0,0)"/><master number="off"/></theme>
  <slide layout="blank"><box x="20mm" y="20mm" w="120mm" h="40mm" fill="table-head"><p>墨ノセの文字は藍の上に刷り重ねます。</p></box></slide>
</deck>
XML
sed 's|<theme>|<theme overprint="off">|' ovp.xml >ovp-off.xml
plates ovp 45 45 562 774
plates ovp-off 45 45 562 774
text=$(ink 2 Black ovp.plates)
[ "$text" -gt 500 ] && [ "$(ink 2 Black ovp-off.plates)" = "$text" ] || fail "text: $(cat ovp.plates ovp-off.plates)"
[ "$(ink 2 Cyan ovp.plates)" = "$(( $(ink 2 Cyan ovp-off.plates) + text ))" ] \
  || fail "K100 text does not overprint cyan: $(cat ovp.plates ovp-off.plates)"

# Large K100 fills knock out, small ones overprint: over a cyan box a
# 60 x 30 mm K100 box leaves no cyan inside it, a 3 x 3 mm one (#000, K100
# by the formula) the cyan whole (boxes' insides, 2 pt in from their edges).
cat >fills.xml <<'XML'
<deck xmlns="urn:ashireport:deck:1" page="B5">
  <theme><color name="table-head" value="cmyk(100,0,0,0)"/><color name="table-zebra" value="cmyk(0,0,0,100)"/><master number="off"/></theme>
  <slide layout="blank">
    <box x="20mm" y="20mm" w="100mm" h="40mm" fill="table-head"/>
    <box x="30mm" y="25mm" w="60mm" h="30mm" fill="table-zebra"/>
    <box x="100mm" y="30mm" w="3mm" h="3mm" padding="0mm" fill="#000"/>
  </slide>
</deck>
XML
plates fills 133 119 298 199
[ "$(ink 2 Cyan fills.plates)" = 0 ] && [ "$(ink 4 Black fills.plates)" = $(( 165 * 80 )) ] \
  || fail "a large K100 fill overprints: $(cat fills.plates)"
python3 plates.py fills.sep/p1 330 132 337 139 >small.plates
[ "$(ink 2 Cyan small.plates)" = 49 ] && [ "$(ink 4 Black small.plates)" = 49 ] \
  || fail "a small K100 fill knocks out: $(cat small.plates)"

# In the files (qpdf --json): an ExtGState /OP true /op true /OPM 1 in the
# page's resources and set (`/En gs`) before K100 is painted, a normal one
# (/OP false /op false) for what follows that is not K100; none with
# overprint="off"; the marks' colour space is Separation /All on every sheet.
cat >gstates.py <<'PY'
import base64, json, re, sys
path, want = sys.argv[1], sys.argv[2]  # want: on, off
doc = json.load(sys.stdin)
objs = {k[4:]: v for k, v in doc['qpdf'][1].items() if k.startswith('obj:')}
def val(x):
    return val(objs[x]['value']) if isinstance(x, str) and x.endswith(' R') and x in objs else x
def data(ref):
    return base64.b64decode(objs[ref]['stream']['data']).decode('latin-1')
bad, used = [], 0
for n, p in enumerate(doc['pages'], 1):
    page = objs[p['object']]['value']
    res = val(page['/Resources'])
    gs = {k[1:]: val(v) for k, v in val(res.get('/ExtGState', {})).items()}
    cs = val(val(res.get('/ColorSpace', {})).get('/CS0'))
    if not (isinstance(cs, list) and cs[:3] == ['/Separation', '/All', '/DeviceCMYK']):
        bad.append(f'page {n}: CS0 is {cs}')
    else:
        fn = val(cs[3])
        if (fn.get('/FunctionType'), fn.get('/C0'), fn.get('/C1'), fn.get('/N')) != (2, [0, 0, 0, 0], [1, 1, 1, 1], 1):
            bad.append(f'page {n}: tint function {fn}')
    for name, g in gs.items():
        on = g.get('/OP') is True
        if on and want == 'off':
            bad.append(f'page {n}: /{name} overprints with overprint="off"')
        if on and (g.get('/op') is not True or g.get('/OPM') != 1):
            bad.append(f'page {n}: /{name} is {g}')
        if not on and (g.get('/OP') is not False or g.get('/op') is not False):
            bad.append(f'page {n}: /{name} is {g}')
    c = ''.join(data(r) for r in (page['/Contents'] if isinstance(page['/Contents'], list) else [page['/Contents']]))
    state = False
    for m in re.finditer(r'/(\w+) gs\n|(\S+ \S+ \S+ \S+) (k|K)\n|(/CS0 CS 1 SCN)|(^Q$)', c, re.M):
        if m.group(1):
            g = gs.get(m.group(1))
            if g is None:
                bad.append(f'page {n}: /{m.group(1)} gs is not in the resources')
            else:
                state = g.get('/OP') is True
        elif m.group(2):
            k100 = m.group(2) == '0 0 0 1'
            used += state and k100
            if state and not k100:
                bad.append(f'page {n}: {m.group(2)} {m.group(3)} set while overprinting')
        elif m.group(5):
            state = False  # every page ends in a Q the marks' q Q follow
if want == 'on' and not used:
    bad.append('no K100 painted while overprinting')
print('\n'.join(bad) or f'ok: {used} K100 colours set while overprinting')
sys.exit(1 if bad else 0)
PY
jcheck() { qpdf --json --json-stream-data=inline --decode-level=generalized "$1" >"$1.json" || fail "qpdf --json $1"
  python3 gstates.py "$1" "$2" <"$1.json" >"$1.check" || fail "$1: $(head -5 "$1.check")"; }
jcheck ovp.pdf on
jcheck ovp-off.pdf off
jcheck print.pdf on
"$cli" render "$tests/../data/asahikawa.xml" --booklet -o asahikawa-booklet.pdf >/dev/null 2>&1 || fail "booklet of the sample"
jcheck asahikawa-booklet.pdf on
qpdf --qdf --object-streams=disable asahikawa-booklet.pdf asahikawa-qdf.pdf
# body text in K100; no K 86.7 % (#222222 converted) left
grep -aq '^0 0 0 1 k$' asahikawa-qdf.pdf || fail "sample booklet: no K100"
if grep -aq '^0 0 0 0.867 k$' asahikawa-qdf.pdf; then fail "sample booklet: #222222 as K 86.7 %"; fi
# its first sheet's crop marks on all four plates alike, outside the sheet's
# two trim boxes (left page 45..640 x 45..587 points at 72 dpi)
gs -q -dFirstPage=1 -dLastPage=1 -sDEVICE=tiffsep -sCompression=none -r72 \
  -o 'asahikawa.sep%d.tif' asahikawa-booklet.pdf || fail "gs tiffsep booklet"
python3 plates.py asahikawa.sep1 36 36 1739 650 >asahikawa.plates || fail "plates.py booklet"
marks=$(ink 3 Black asahikawa.plates)
[ "$marks" -gt 300 ] || fail "booklet: no crop marks on the Black plate: $(cat asahikawa.plates)"
for i in Cyan Magenta Yellow; do
  [ "$(ink 3 $i asahikawa.plates)" = "$marks" ] || fail "booklet: crop marks not on the $i plate alike: $(cat asahikawa.plates)"
done
# the screen PDF has none of it: no overprint, no Separation, text #222222;
# and overprint="off" does not change it by a byte
"$cli" render "$tests/../data/asahikawa.xml" -o asahikawa-screen.pdf >/dev/null || fail "screen sample"
qpdf --qdf --object-streams=disable asahikawa-screen.pdf asahikawa-screen-qdf.pdf
if grep -aqE '/OP |/Separation| gs$' asahikawa-screen-qdf.pdf; then fail "screen: overprint or Separation"; fi
grep -aq '^0.133 0.133 0.133 rg$' asahikawa-screen-qdf.pdf || fail "screen: text not #222222"
"$cli" render ovp.xml -o ovp-screen.pdf >/dev/null && "$cli" render ovp-off.xml -o ovp-off-screen.pdf >/dev/null \
  || fail "screen ovp"
cmp -s ovp-screen.pdf ovp-off-screen.pdf || fail "overprint=\"off\" changes the screen PDF"

echo "1 passed, 0 failed"
