#!/usr/bin/env bash
# colour.sh CLI TESTDIR WORK MKJPEG — colour management for print: with an
# output profile (Ghostscript's default_cmyk.icc) RGB colours go through
# lcms2, greys stay K only, cmyk() colours are untouched; without one the
# plain formula stays. Photos above 350 ppi are downsampled for print
# (MKJPEG makes the test JPEGs). Set ASHI_REF_CLI to a build of main to also check that the
# sample booklet --print is byte-identical to it. SPDX-License-Identifier: MIT
set -euo pipefail
cli=$1 tests=$2 work=$3 mkjpeg=$4
mkdir -p "$work"
cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
icc=$(find /usr/share -name default_cmyk.icc -path '*ghostscript*' 2>/dev/null | head -1)
[ -n "$icc" ] || { echo "SKIP: no Ghostscript default_cmyk.icc"; exit 0; }

# the fill colour operators of page 1, one a line, as written
fills() { qpdf --qdf --object-streams=disable "$1" "$1.qdf"; grep -a ' k$' "$1.qdf" | sort -u; }

cat >colours.xml <<'XML'
<deck xmlns="urn:ashireport:deck:1" page="B5">
  <theme><color name="table-head" value="cmyk(10,20,30,40)"/><master number="off"/></theme>
  <slide layout="blank">
    <box x="20mm" y="20mm" w="50mm" h="20mm" padding="0mm" fill="#1F4E79"/>
    <box x="20mm" y="50mm" w="50mm" h="20mm" padding="0mm" fill="#6B6B6B"/>
    <box x="20mm" y="80mm" w="50mm" h="20mm" padding="0mm" fill="table-head"/>
  </slide>
</deck>
XML
"$cli" render colours.xml --print --output-profile "$icc" -o x4.pdf >/dev/null 2>x4.err \
  || fail "X-4: $(cat x4.err)"
"$cli" render colours.xml --print -o x1a.pdf >/dev/null 2>x1a.err || fail "X-1a: $(cat x1a.err)"
fills x4.pdf >x4.k
fills x1a.pdf >x1a.k
# the formula: #1F4E79 is 74.4/35.5/0/52.5
grep -qx '0.744 0.355 0 0.525 k' x1a.k || fail "formula: $(cat x1a.k)"
if grep -qx '0.744 0.355 0 0.525 k' x4.k; then fail "#1F4E79 not through the profile: $(cat x4.k)"; fi
[ "$(wc -l <x4.k)" = 3 ] || fail "fills: $(cat x4.k)"
# through the profile: a real CMYK (all four inks, unlike the formula's Y 0)
awk '!/^0 0 0 / && !/^0.1 0.2 0.3 0.4 / { ok = $1 > 0.5 && $2 > 0.3 && $3 > 0 && $4 > 0 } END { exit !ok }' x4.k \
  || fail "#1F4E79 through the profile: $(cat x4.k)"
# #6B6B6B: K only, 1 - 107/255 = 0.58, both ways; cmyk(10,20,30,40) untouched
for f in x4 x1a; do
  grep -qx '0 0 0 0.58 k' $f.k || fail "$f: grey not K only: $(cat $f.k)"
  grep -qx '0.1 0.2 0.3 0.4 k' $f.k || fail "$f: cmyk() colour changed: $(cat $f.k)"
done
grep -q "converted to CMYK through the output profile: #1F4E79" x4.err || fail "warning: $(cat x4.err)"
# deterministic
"$cli" render colours.xml --print --output-profile "$icc" -o x4b.pdf >/dev/null 2>&1
cmp -s x4.pdf x4b.pdf || fail "X-4 output differs between two renders"

# the sample, without a profile: as main makes it
if [ -n "${ASHI_REF_CLI:-}" ]; then
  for mode in --print --booklet; do
    "$cli" render "$tests/../data/asahikawa.xml" $mode -o new.pdf >/dev/null 2>&1
    "$ASHI_REF_CLI" render "$tests/../data/asahikawa.xml" $mode -o ref.pdf >/dev/null 2>&1
    cmp new.pdf ref.pdf || fail "the sample $mode differs from the reference build"
  done
fi
# Photos for print: a 6000 x 4000 RGB JPEG placed 50 mm wide is 689 x 460
# pixels at 350 ppi, DeviceCMYK and DCT, in the print PDF (X-1a and X-4);
# the screen PDF and --max-ppi 0 keep it whole.
"$mkjpeg" big.jpg 6000 4000 1
cat >photo.xml <<'XML'
<deck xmlns="urn:ashireport:deck:1" page="A4">
  <theme><master number="off"/></theme>
  <slide layout="blank"><image src="big.jpg" x="20mm" y="20mm" w="50mm" alt="写真"/></slide>
</deck>
XML
# one image XObject's Width, Height and ColorSpace, as "W H SPACE FILTER"
image() {
  qpdf --qdf --object-streams=disable "$1" "$1.qdf"
  awk '/^[0-9]+ 0 obj/ { img = 0; w = h = cs = f = ""; inf = 0 }
       /\/Subtype \/Image/ { img = 1 } /\/Width/ { w = $2 } /\/Height/ { h = $2 }
       /\/ColorSpace \/Device/ { cs = $2 } /\/DCTDecode|\/FlateDecode/ { f = f $NF }
       /^stream$/ && img { print w, h, cs, "/Filter" f; exit }' "$1.qdf"
}
"$cli" render photo.xml --print -o photo-print.pdf >/dev/null 2>photo.err || fail "photo: $(cat photo.err)"
read -r w h cs f <<<"$(image photo-print.pdf)"
[ "$w" -ge 687 ] && [ "$w" -le 691 ] && [ "$h" -ge 458 ] && [ "$h" -le 462 ] \
  || fail "print photo is $w x $h, not 689 x 460"
[ "$cs" = /DeviceCMYK ] && [ "$f" = /Filter/DCTDecode ] || fail "print photo: $cs $f"
"$cli" render photo.xml --print --output-profile "$icc" -o photo-x4.pdf >/dev/null 2>&1 || fail "photo X-4"
read -r w h cs f <<<"$(image photo-x4.pdf)"
[ "$w $h $cs" = "689 460 /DeviceCMYK" ] || fail "X-4 photo: $w $h $cs"
# the downsampled photo inks like the whole one (within 25 %: the formula
# is not linear, and averaging the noise before converting moves it a
# little; inverted or garbled ink would be far off)
"$cli" render photo.xml --print --max-ppi 0 -o photo-full.pdf >/dev/null 2>&1 || fail "--max-ppi 0"
read -r w h cs f <<<"$(image photo-full.pdf)"
[ "$w $h $cs" = "6000 4000 /DeviceCMYK" ] || fail "--max-ppi 0: $w $h $cs"
gs -q -o - -r36 -sDEVICE=inkcov photo-print.pdf >small.ink
gs -q -o - -r36 -sDEVICE=inkcov photo-full.pdf >full.ink
paste small.ink full.ink | awk '{ for (i = 1; i <= 4; i++) { d = $i - $(i + 6); if (d < 0) d = -d
    if (d > 0.25 * $(i + 6) + 0.0005) exit 1 } }' || fail "inks: $(cat small.ink full.ink)"
"$cli" render photo.xml -o photo-screen.pdf >/dev/null 2>&1 || fail "screen photo"
read -r w h cs f <<<"$(image photo-screen.pdf)"
[ "$w $h $cs" = "6000 4000 /DeviceRGB" ] || fail "screen photo: $w $h $cs"
cmp -s big.jpg <(python3 -c "
import re,sys
d = open('photo-screen.pdf', 'rb').read()
i = d.index(b'\xff\xd8\xff'); sys.stdout.buffer.write(d[i:i + $(stat -c %s big.jpg)])") \
  || fail "the screen PDF does not carry the JPEG as it is"
# a 150 ppi limit: 295 px; limits out of range are usage errors
"$cli" render photo.xml --print --max-ppi 150 -o photo-150.pdf >/dev/null 2>&1 || fail "--max-ppi 150"
read -r w h cs f <<<"$(image photo-150.pdf)"
[ "$w" = 296 ] || fail "--max-ppi 150: $w"
for bad in 100 1201 x -1; do
  if "$cli" render photo.xml --print --max-ppi $bad -o bad.pdf >/dev/null 2>&1; then fail "--max-ppi $bad accepted"; fi
done
# CMYK (Adobe, inverted: its /Decode stays) and grey JPEGs, an RGBA PNG
"$mkjpeg" bigc.jpg 3000 2000 2 cmyk
"$mkjpeg" bigg.jpg 3000 2000 3 gray
python3 - <<'PY'
import struct, zlib
w, h = 1500, 1000
raw = b''.join(b'\0' + b''.join(bytes((x * 255 // w, y * 255 // h, 128, 200)) for x in range(w)) for y in range(h))
chunk = lambda t, d: struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
open('bigp.png', 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 6, 0, 0, 0))
                             + chunk(b'IDAT', zlib.compress(raw, 1)) + chunk(b'IEND', b''))
PY
for k in c g p; do
  src=big$k.jpg; [ $k = p ] && src=bigp.png
  sed "s/big.jpg/$src/" photo.xml >photo$k.xml
  "$cli" render photo$k.xml --print -o photo$k.pdf >/dev/null 2>&1 || fail "photo $src"
  read -r w h cs f <<<"$(image photo$k.pdf)"
  [ "$w $h" = "689 460" ] || fail "$src: $w x $h"
done
[ "$(grep -a -A8 '/Decode \[$' photoc.pdf.qdf | tr -d ' \n')" = '/Decode[10101010' ] || fail "CMYK photo lost its /Decode"
[ "$(image photoc.pdf | cut -d' ' -f3)" = /DeviceCMYK ] || fail "CMYK photo space"
[ "$(image photog.pdf | cut -d' ' -f3)" = /DeviceGray ] || fail "grey photo space"
echo "colour: ok"
