#!/usr/bin/env bash
# ink.sh CLI SAMPLE WORK — total ink (TAC) of print output, measured with
# Ghostscript: the sample deck for print has per-page CMYK coverage (inkcov),
# every sheet of its saddle-stitched booklet separated (tiffsep, 36 dpi,
# uncompressed) stays at or under 350 % C+M+Y+K in every pixel inside the
# bleed box (the crop marks outside it are on all four plates: 400 %), a
# cmyk(100,100,100,100) box measures about 400 % (so the measure can fail),
# every page has a TrimBox and a BleedBox and the output intent is GTS_PDFX.
# Prints the measured maximum. SPDX-License-Identifier: MIT
set -euo pipefail
cli=$1 sample=$2 work=$3
export PYTHONPATH="$(cd "$(dirname "$0")" && pwd)${PYTHONPATH:+:$PYTHONPATH}" # tiffsep.py
rm -rf "$work" && mkdir -p "$work"
cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
cat >tac.py <<'PY'
# tac.py STEM DPI X0 Y0 X1 Y1: the largest C+M+Y+K of STEM's tiffsep plates
# over the pixels wholly inside the box (points, PDF coordinates from the
# bottom left), as "PERCENT X Y C M Y K" (the pixel's place in points).
import sys
from operator import add
from tiffsep import plate as stored  # tests/tiffsep.py
def plate(path):
    w, h, px = stored(path)
    # BlackIsZero: 0 is full ink, so turn it into ink 0..255
    return w, h, px.translate(bytes(range(255, -1, -1)))
stem, dpi = sys.argv[1], float(sys.argv[2])
x0, y0, x1, y1 = (float(v) for v in sys.argv[3:7])
w, h, c = plate(f'{stem}(Cyan).tif')
m, y, k = (plate(f'{stem}({i}).tif')[2] for i in ('Magenta', 'Yellow', 'Black'))
assert len(c) == len(m) == len(y) == len(k) == w * h, 'plates of one size'
s = 72.0 / dpi  # points a pixel
cx0, cx1 = max(int(-(-x0 // s)), 0), min(int(x1 // s), w)
ry0, ry1 = max(int(-(-(h * s - y1) // s)), 0), min(int((h * s - y0) // s), h)
best = (-1, 0, 0)
for row in range(ry0, ry1):
    a, b = row * w + cx0, row * w + cx1
    sums = list(map(add, map(add, c[a:b], m[a:b]), map(add, y[a:b], k[a:b])))
    top = max(sums)
    if top > best[0]:
        best = (top, cx0 + sums.index(top), row)
top, col, row = best
i = row * w + col
print('%.1f %.0f %.0f %s' % (top * 100 / 255, col * s, (h - row) * s,
      ' '.join('%.0f' % (p[i] * 100 / 255) for p in (c, m, y, k))))
PY
# tac PDF: the largest TAC of any page of PDF inside its bleed box, with
# the page ("PERCENT X Y C M Y K PAGE"); every page must have the boxes.
tac() {
  local pdf=$1 n p box
  n=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
  pdfinfo -box -f 1 -l "$n" "$pdf" >"$pdf.boxes"
  [ "$(grep -c '^Page *[0-9]* TrimBox:' "$pdf.boxes")" -eq "$n" ] || fail "$pdf: TrimBox on $(grep -c TrimBox "$pdf.boxes") of $n pages"
  [ "$(grep -c '^Page *[0-9]* BleedBox:' "$pdf.boxes")" -eq "$n" ] || fail "$pdf: BleedBox on $(grep -c BleedBox "$pdf.boxes") of $n pages"
  rm -rf "$pdf.sep" && mkdir "$pdf.sep"
  gs -q -sDEVICE=tiffsep -sCompression=none -r36 -o "$pdf.sep/p%d.tif" "$pdf" || fail "$pdf: gs tiffsep"
  for p in $(seq 1 "$n"); do
    box=$(awk -v p="$p" '$1 == "Page" && $2 == p && $3 == "BleedBox:" { print $4, $5, $6, $7 }' "$pdf.boxes")
    # shellcheck disable=SC2086
    echo "$(python3 tac.py "$pdf.sep/p$p" 36 $box) $p" || fail "$pdf: tac.py page $p"
  done | sort -k1,1gr | head -1
}
# output intent: GTS_PDFX in the catalog's /OutputIntents (qpdf --json)
intent() {
  qpdf --json "$1" | python3 -c '
import json, sys
objs = json.load(sys.stdin)["qpdf"][1]
cat = [o["value"] for o in objs.values() if isinstance(o.get("value"), dict) and o["value"].get("/Type") == "/Catalog"]
assert len(cat) == 1, "one catalog"
ois = cat[0].get("/OutputIntents", [])
ois = objs["obj:" + ois] ["value"] if isinstance(ois, str) else ois
ois = [objs["obj:" + o]["value"] if isinstance(o, str) else o for o in ois]
assert [o.get("/S") for o in ois] == ["/GTS_PDFX"], ois
' || fail "$1: no GTS_PDFX output intent"
}

# the sample for print: per-page coverage (the share of the page each ink
# touches, 0..1, not the ink amount), one line a page, CMYK only
"$cli" render "$sample" --print -o sample.pdf >/dev/null 2>sample.err || fail "sample: $(cat sample.err)"
gs -q -o - -sDEVICE=inkcov sample.pdf >sample.inkcov || fail "gs inkcov"
[ "$(grep -c ' CMYK OK$' sample.inkcov)" -eq 53 ] || fail "inkcov: $(head -3 sample.inkcov)"
intent sample.pdf
pdfinfo sample.pdf | grep -q '^PDF subtype: *PDF/X-1:2003' || fail "sample: not PDF/X-1:2003"

# the sample's booklet: every sheet at or under 350 %
"$cli" render "$sample" --booklet -o booklet.pdf >/dev/null 2>booklet.err || fail "booklet: $(cat booklet.err)"
intent booklet.pdf
read -r top x y ic im iy ik page <<<"$(tac booklet.pdf)"
echo "sample booklet: maximum TAC $top % (C$ic M$im Y$iy K$ik) on sheet $page at $x,$y pt"
awk -v t="$top" 'BEGIN { exit !(t > 0 && t <= 350) }' || fail "booklet TAC $top % over 350 % on sheet $page at $x,$y pt"

# the measure can fail: a cmyk(100,100,100,100) box is 400 %
cat >rich.xml <<'XML'
<deck xmlns="urn:ashireport:deck:1" page="B5" print="on">
  <theme><color name="accent" value="cmyk(100,100,100,100)"/><master number="off"/></theme>
  <slide layout="blank"><box x="20mm" y="20mm" w="60mm" h="40mm" fill="accent"/></slide>
</deck>
XML
"$cli" render rich.xml -o rich.pdf >/dev/null 2>rich.err || fail "rich: $(cat rich.err)"
intent rich.pdf
read -r top x y ic im iy ik page <<<"$(tac rich.pdf)"
echo "cmyk(100,100,100,100) box: maximum TAC $top %"
awk -v t="$top" 'BEGIN { exit !(t >= 395 && t <= 400) }' || fail "rich box TAC $top %, not about 400 %"
echo "ink: ok"
