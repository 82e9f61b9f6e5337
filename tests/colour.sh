#!/usr/bin/env bash
# colour.sh CLI TESTDIR WORK — colour management for print: with an output
# profile (Ghostscript's default_cmyk.icc) RGB colours go through lcms2,
# greys stay K only, cmyk() colours are untouched; without one the plain
# formula stays. Set ASHI_REF_CLI to a build of main to also check that the
# sample booklet --print is byte-identical to it. SPDX-License-Identifier: MIT
set -euo pipefail
cli=$1 tests=$2 work=$3
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
echo "colour: ok"
