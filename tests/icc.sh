#!/usr/bin/env bash
# icc.sh CLI WORK MKJPEG — colour profiles: images that carry their own
# (PNG iCCP, JPEG APP2 in two parts) show through it on screen (ICCBased)
# and convert from it for print; a damaged one is a located warning; the
# deck's output-profile and photo-intent, and the options that win over
# them; the ink limit taken from the output profile; the preflight quoting
# the profile's inks. Expected colours come from lcms2's own transicc
# (liblcms2-utils), not from the library. SPDX-License-Identifier: MIT
set -euo pipefail
cli=$1 work=$2 mkjpeg=$3
rm -rf "$work"
mkdir -p "$work/deck"
cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
G=$(dirname "$(find /usr/share -name default_cmyk.icc -path '*ghostscript*' 2>/dev/null | head -1)")
[ -f "$G/default_cmyk.icc" ] && [ -f "$G/a98.icc" ] || { echo "SKIP: no Ghostscript ICC profiles"; exit 0; }
command -v transicc >/dev/null || fail "transicc (liblcms2-utils) is missing: scripts/deps.sh --test"
out=$G/default_cmyk.icc

# The test images, one flat colour each: (200, 60, 40) in Adobe RGB (1998)
# as PNG and JPEG, the same numbers without a profile, a PNG whose iCCP
# is garbage, and a CMYK JPEG carrying the CMYK profile.
"$mkjpeg" deck/flat.jpg 40 40 1 flat:200,60,40
"$mkjpeg" deck/cmyk.jpg 40 40 1 cmyk
python3 - "$G" <<'PY'
import struct, sys, zlib
G = sys.argv[1]
a98 = open(f'{G}/a98.icc', 'rb').read()
cmyk = open(f'{G}/default_cmyk.icc', 'rb').read()
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
def png(name, icc=None, raw_iccp=None):
    w = h = 40
    rows = b''.join(b'\0' + bytes((200, 60, 40)) * w for _ in range(h))
    body = chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
    if icc is not None:
        body += chunk(b'iCCP', b'Adobe RGB\0\0' + zlib.compress(icc))
    if raw_iccp is not None:
        body += chunk(b'iCCP', raw_iccp)
    body += chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b'')
    open(f'deck/{name}', 'wb').write(b'\x89PNG\r\n\x1a\n' + body)
png('a98.png', a98)
png('plain.png')
png('bad.png', raw_iccp=b'junk\0\0' + zlib.compress(b'not a profile at all' * 10))
def app2(icc, parts):
    size = -(-len(icc) // parts)
    segs = [icc[i:i + size] for i in range(0, len(icc), size)]
    return b''.join(b'\xff\xe2' + struct.pack('>H', len(s) + 16) + b'ICC_PROFILE\0' +
                    bytes((k + 1, len(segs))) + s for k, s in enumerate(segs))
flat = open('deck/flat.jpg', 'rb').read()
# the parts written in reverse order: the reader must join them by number
segs = app2(a98, 2)
half = segs.index(b'\xff\xe2', 2)
open('deck/a98.jpg', 'wb').write(flat[:2] + segs[half:] + segs[:half] + flat[2:])
c = open('deck/cmyk.jpg', 'rb').read()
open('deck/cmyk-icc.jpg', 'wb').write(c[:2] + app2(cmyk, 3) + c[2:])
PY

cat >deck/images.xml <<'XML'
<deck xmlns="urn:ashireport:deck:1" page="A4">
  <theme><master number="off"/></theme>
  <slide layout="blank">
    <image src="a98.png" x="10mm" y="10mm" w="20mm" alt="a98 PNG"/>
    <image src="a98.jpg" x="40mm" y="10mm" w="20mm" alt="a98 JPEG"/>
    <image src="plain.png" x="70mm" y="10mm" w="20mm" alt="plain"/>
    <image src="bad.png" x="100mm" y="10mm" w="20mm" alt="bad profile"/>
    <image src="cmyk-icc.jpg" x="130mm" y="10mm" w="20mm" alt="CMYK with profile"/>
  </slide>
</deck>
XML

# Every image XObject of a PDF as a JSON line: its colour space (a name,
# or ["ICCBased", N, the profile's bytes hex]) and its first pixel, in
# placement order of the page's /XObject names (Im1, Im2 ...).
images() {
  qpdf --json-output --json-stream-data=inline --decode-level=generalized "$1" "$1.json"
  python3 - "$1.json" <<'PY'
import base64, json, sys
j = json.load(open(sys.argv[1]))['qpdf'][1]
obj = lambda ref: j[f'obj:{ref}']
out = []
for key, o in sorted(j.items(), key=lambda kv: int(kv[0].split(':')[1].split()[0]) if kv[0].startswith('obj:') else 0):
    if not key.startswith('obj:') or 'stream' not in o:
        continue
    d = o['stream']['dict']
    if d.get('/Subtype') != '/Image' or '/SMask' in key:
        continue
    cs = d.get('/ColorSpace')
    if isinstance(cs, list):
        prof = obj(cs[1])['stream']
        cs = ['ICCBased', prof['dict']['/N'], base64.b64decode(prof['data']).hex()]
    data = o['stream'].get('data')
    px = list(base64.b64decode(data)[:4]) if data and '/Filter' not in o['stream']['dict'] else None
    out.append({'obj': key, 'w': d['/Width'], 'cs': cs, 'px': px})
for x in out:
    print(json.dumps(x))
PY
}

# --- screen: ICCBased with the image's own profile, one stream for both a98
"$cli" render deck/images.xml -o screen.pdf >/dev/null 2>screen.err || fail "screen: $(cat screen.err)"
grep -qx "deck/images.xml:7:12: warning: image 'bad.png': its embedded colour profile is not an ICC profile; its colours are taken as sRGB" screen.err \
  || fail "no located warning for the damaged profile: $(cat screen.err)"
[ "$(grep -c 'embedded colour profile' screen.err)" = 1 ] || fail "profile warnings: $(cat screen.err)"
if grep -q 'CMYK JPEG' screen.err; then fail "a CMYK JPEG with its profile still blocks PDF/A: $(cat screen.err)"; fi
images screen.pdf >screen.img
python3 - "$G" screen.img <<'PY' || fail "screen images: $(cat screen.img)"
import json, sys
G = sys.argv[1]
a98 = open(f'{G}/a98.icc', 'rb').read().hex()
cmyk = open(f'{G}/default_cmyk.icc', 'rb').read().hex()
im = [json.loads(l) for l in open(sys.argv[2])]
iccs = [x['cs'] for x in im if isinstance(x['cs'], list)]
a = [c for c in iccs if c[2] == a98]
assert len(a) == 2 and all(c[1] == 3 for c in a), 'both a98 images ICCBased N 3 with the a98 bytes'
assert [c[1] for c in iccs if c[2] == cmyk] == [4], 'the CMYK JPEG ICCBased N 4'
plain = [x['cs'] for x in im if not isinstance(x['cs'], list)]
assert plain.count('/DeviceRGB') == 2, f'plain and bad PNG stay DeviceRGB: {plain}'
PY
# one profile stream for the two a98 images
[ "$(python3 -c "
import json; j = json.load(open('screen.pdf.json'))['qpdf'][1]
print(sum(1 for o in j.values() if isinstance(o, dict) and 'stream' in o and o['stream']['dict'].get('/N') == 3 and '/Subtype' not in o['stream']['dict']))")" = 2 ] \
  || fail "the a98 profile is not shared (want the output intent's sRGB and one a98 stream)"
pdfinfo screen.pdf | grep -q 'PDF/A' || grep -aq 'pdfaid:part' screen.pdf || fail "screen PDF no longer claims PDF/A"

# --- print: converted from the image's own profile
px() { # the first pixel of the image XObject whose width is $2 and whose order is $3
  python3 -c "
import json, sys
im = [json.loads(l) for l in open('$1')]
x = [i for i in im if i['cs'] == '/DeviceCMYK'][$2]
print(' '.join(str(v) for v in x['px']))"
}
expect() { # transicc IN OUT INTENT [BPC]: CMYK 0-255 of (200, 60, 40)
  printf '200 60 40\n' | transicc -i "$1" -o "$2" -t"$3" ${4:-} -n 2>/dev/null | tail -1 |
    awk '{ printf "%d %d %d %d\n", $1 * 2.55 + 0.5, $2 * 2.55 + 0.5, $3 * 2.55 + 0.5, $4 * 2.55 + 0.5 }'
}
near() { # two CMYK 0-255 quadruples within 3 (8-bit rounding, JPEG)
  python3 -c "
a, b = [int(v) for v in '$1'.split()], [int(v) for v in '$2'.split()]
exit(0 if len(a) == len(b) == 4 and all(abs(x - y) <= 3 for x, y in zip(a, b)) else 1)"
}
"$cli" render deck/images.xml --print --output-profile "$out" -o x4.pdf >/dev/null 2>x4.err || fail "X-4: $(cat x4.err)"
images x4.pdf >x4.img
want_a98=$(expect "$G/a98.icc" "$out" 0)
want_srgb=$(expect '*sRGB' "$out" 0)
# Im order: a98.png, a98.jpg, plain.png, bad.png (CMYK JPEG stays DCT)
for k in 0 1; do
  got=$(px x4.img $k)
  near "$got" "$want_a98" || fail "X-4 image $k from its a98 profile: $got, transicc: $want_a98"
done
for k in 2 3; do
  got=$(px x4.img $k)
  near "$got" "$want_srgb" || fail "X-4 image $k from sRGB: $got, transicc: $want_srgb"
done
near "$want_a98" "$want_srgb" && fail "test colour does not tell a98 from sRGB"
# relative colorimetric with BPC, by option, by deck, and the option wins
want_rel=$(expect "$G/a98.icc" "$out" 1 -b)
near "$want_rel" "$want_a98" && fail "test colour does not tell the intents apart"
"$cli" render deck/images.xml --print --output-profile "$out" --photo-intent relative -o rel.pdf >/dev/null 2>&1 || fail "relative"
images rel.pdf >rel.img
near "$(px rel.img 0)" "$want_rel" || fail "--photo-intent relative: $(px rel.img 0), transicc: $want_rel"
sed 's/page="A4"/page="A4" photo-intent="relative"/' deck/images.xml >deck/rel.xml
"$cli" render deck/rel.xml --print --output-profile "$out" -o reldeck.pdf >/dev/null 2>&1 || fail "deck relative"
images reldeck.pdf >reldeck.img
near "$(px reldeck.img 1)" "$want_rel" || fail "photo-intent=relative: $(px reldeck.img 1)"
"$cli" render deck/rel.xml --print --output-profile "$out" --photo-intent perceptual -o perc.pdf >/dev/null 2>&1 || fail "perceptual"
images perc.pdf >perc.img
near "$(px perc.img 1)" "$want_a98" || fail "--photo-intent perceptual does not win over the deck"
if "$cli" render deck/images.xml --print --photo-intent vivid -o /dev/null 2>/dev/null; then fail "--photo-intent vivid accepted"; fi

# X-1a, no profile: the image's profile to sRGB first, then the formula
"$cli" render deck/images.xml --print -o x1a.pdf >/dev/null 2>&1 || fail "X-1a"
images x1a.pdf >x1a.img
srgb=$(printf '200 60 40\n' | transicc -i "$G/a98.icc" -o '*sRGB' -t0 -n 2>/dev/null | tail -1)
want_f=$(python3 -c "
r, g, b = [min(255, max(0, round(float(v)))) for v in '$srgb'.split()]
m = max(r, g, b)
print(*[((m - v) * 255 + m // 2) // m for v in (r, g, b)], 255 - m)")
near "$(px x1a.img 0)" "$want_f" || fail "X-1a a98 PNG: $(px x1a.img 0), want $want_f"
near "$(px x1a.img 2)" "$(python3 -c "print((200-200)*255//200, ((200-60)*255+100)//200, ((200-40)*255+100)//200, 55)")" \
  || fail "X-1a plain PNG: $(px x1a.img 2)"

# --- the deck's output profile: read from its folder, errors located
cp "$out" deck/press.icc
cp "$G/a98.icc" deck/rgb.icc
cp "$out" outside.icc
mk() { printf '<deck xmlns="urn:ashireport:deck:1" page="A4" %s>\n  <slide title="t"><p>本文</p></slide>\n</deck>\n' "$1" >deck/$2.xml; }
mk 'output-profile="press.icc"' own
"$cli" render deck/own.xml --print -o own.pdf >/dev/null 2>own.err || fail "deck profile: $(cat own.err)"
pdfinfo own.pdf | grep -q 'PDF subtype: *PDF/X-4' || fail "deck output-profile: not PDF/X-4: $(pdfinfo own.pdf | grep subtype)"
# whether PDF's one output intent embeds exactly the bytes of ICC
dest_profile() {
  qpdf --json-output --json-stream-data=inline --decode-level=generalized "$1" "$1.json"
  python3 - "$1.json" "$2" <<'PY'
import base64, json, sys
j = json.load(open(sys.argv[1]))['qpdf'][1]
def find(v):
    if isinstance(v, dict):
        if '/DestOutputProfile' in v:
            yield v['/DestOutputProfile']
        for x in v.values():
            yield from find(x)
    elif isinstance(v, list):
        for x in v:
            yield from find(x)
refs = list(find(j))
assert len(refs) == 1
assert base64.b64decode(j['obj:' + refs[0]]['stream']['data']) == open(sys.argv[2], 'rb').read()
PY
}
dest_profile own.pdf deck/press.icc || fail "DestOutputProfile is not the deck's profile"
# the option wins: ps_cmyk.icc (another CMYK output profile) is embedded
if [ -f "$G/ps_cmyk.icc" ]; then
  "$cli" render deck/own.xml --print --output-profile "$G/ps_cmyk.icc" -o opt.pdf >/dev/null 2>&1 || fail "option over deck"
  dest_profile opt.pdf "$G/ps_cmyk.icc" || fail "--output-profile does not win over the deck's"
fi
# screen output does not read it (no diagnostic, PDF/A as always)
"$cli" render deck/own.xml -o own-screen.pdf >/dev/null 2>own-screen.err || fail "screen with deck profile"
[ ! -s own-screen.err ] || fail "screen render with a deck profile says: $(cat own-screen.err)"
mk 'output-profile="../outside.icc"' out
mk 'output-profile="rgb.icc"' rgb
mk 'output-profile="missing.icc"' missing
for d in out rgb missing; do
  if "$cli" check deck/$d.xml --print >/dev/null 2>$d.err; then fail "deck $d accepted"; fi
done
grep -q "deck/out.xml:1:.*error: .*output profile '../outside.icc'" out.err || fail "outside: $(cat out.err)"
grep -q "deck/rgb.xml:1:.*error: the output profile 'rgb.icc' is not a CMYK profile" rgb.err || fail "RGB profile: $(cat rgb.err)"
grep -q "deck/missing.xml:1:.*error: .*output profile 'missing.icc'" missing.err || fail "missing: $(cat missing.err)"
# the column is the attribute's
col=$(awk '{ print index($0, "output-profile=") }' deck/rgb.xml | head -1)
grep -q "deck/rgb.xml:1:$col: error" rgb.err || fail "not at the attribute's column $col: $(cat rgb.err)"

# --- the ink limit is the profile's, and the preflight quotes its inks
limit=$(python3 - "$out" <<'PY'
import subprocess, sys
grid = ''.join(f'{r} {g} {b}\n' for r in range(0, 256, 51) for g in range(0, 256, 51) for b in range(0, 256, 51))
res = subprocess.run(['transicc', '-i', '*sRGB', '-o', sys.argv[1], '-t1', '-b', '-n'], input=grid,
                     capture_output=True, text=True).stdout.split('\n')
sums = [sum(float(v) for v in l.split()) for l in res if len(l.split()) == 4]
assert len(sums) == 216, len(sums)
print(int(max(sums) + 0.5))
PY
)
[ "$limit" -lt 350 ] || fail "the test profile's limit $limit is not under 350"
cat >deck/ink.xml <<'XML'
<deck xmlns="urn:ashireport:deck:1" page="A4">
  <theme><color name="accent" value="cmyk(80,70,70,80)"/><master number="off"/></theme>
  <slide layout="blank">
    <box x="20mm" y="20mm" w="50mm" h="20mm" padding="0mm" fill="accent"/>
    <box x="20mm" y="50mm" w="50mm" h="20mm" padding="0mm" fill="#1F4E79"/>
  </slide>
</deck>
XML
"$cli" check deck/ink.xml --print >ink1a.err 2>&1 || true
if grep -q 'print-ink\|% ink in all' ink1a.err; then fail "300 % flagged against 350 %: $(cat ink1a.err)"; fi
"$cli" check deck/ink.xml --print --output-profile "$out" >ink4.err 2>&1 || true
grep -q "deck/ink.xml:3:3: warning: page 1: a colour has 300 % ink in all (C80 M70 Y70 K80), over the $limit % limit" ink4.err \
  || fail "ink limit of the profile ($limit): $(cat ink4.err)"
want=$(printf '31 78 121\n' | transicc -i '*sRGB' -o "$out" -t1 -b -n 2>/dev/null | tail -1 |
  awk '{ printf "C%.0f M%.0f Y%.0f K%.0f", $1, $2, $3, $4 }')
grep -q "RGB colour #1F4E79 becomes $want through the output profile" ink4.err \
  || fail "preflight inks ($want): $(cat ink4.err)"
grep -q "RGB colour #1F4E79 becomes C74 M36 Y0 K52 by formula" ink1a.err || fail "formula preflight: $(cat ink1a.err)"
grep -q "4 RGB image(s) were converted to CMYK for print through the output profile (perceptual, 2 of them from their own colour profile" x4.err \
  || fail "image summary: $(cat x4.err)"
grep -q "(relative colorimetric with black point compensation, 2 of them" <("$cli" render deck/images.xml --print --output-profile "$out" --photo-intent relative -o /dev/null 2>&1) \
  || fail "relative summary"

# the profile readers and transforms under valgrind (libjpeg-turbo's SIMD
# decoders read alignment padding valgrind cannot know is unused: plain C)
# (not over a sanitizer build, which runs under its own checker instead)
# (ldd's list read whole first: grep -q stopping early would give ldd a
# SIGPIPE, which pipefail turns into "no sanitizer" at random)
libs=$(ldd "$cli" 2>/dev/null || true)
if command -v valgrind >/dev/null && ! grep -q 'libasan\|libtsan' <<<"$libs"; then
  JSIMD_FORCENONE=1 valgrind --quiet --error-exitcode=9 --leak-check=full \
    --errors-for-leak-kinds=definite,indirect \
    "$cli" render deck/images.xml --print --output-profile "$out" -o vg.pdf >/dev/null 2>vg.err \
    || fail "valgrind: $(grep -v warning vg.err | head -20)"
fi
echo "icc: ok (ink limit of the test profile: $limit %)"
