#!/usr/bin/env bash
# preflight.sh CLI SRC WORK — `check --print` says what a print shop would
# bounce, each at its place: an RGB colour (once, where first used), ink
# over 350 %, a hairline under 0.1 mm, small text on several plates; a
# render of the same deck says none of the RGB details (they are the full
# preflight's) and still writes the PDF. SPDX-License-Identifier: MIT
set -uo pipefail
cli=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
cp "$src/tests/preflight/deck.xml" deck.xml
fail=0
want() { grep -qF -- "$1" check.err || { echo "FAIL: missing: $1"; fail=1; }; }
"$cli" check --print deck.xml 2>check.err
rc=$?
[ "$rc" -eq 0 ] || { echo "FAIL: check --print exited $rc (warnings only)"; fail=1; }
want "deck.xml:3:3: warning: page 1: RGB colour #1F4E79 becomes C74 M36 Y0 K52 by formula"
want "deck.xml:3:3: warning: page 1: a colour has 400 % ink in all (C100 M100 Y100 K100), over the 350 % limit"
want "deck.xml:3:3: warning: page 1: a line 0.04 mm wide is under the 0.1 mm a press holds"
want "deck.xml:4:8: warning: page 1: text '細い色文字' is 9.0 pt in 3 inks (C74 M36 Y0 K52)"
# a grey is K only: never an RGB warning
if grep -q "RGB colour #FFFFFF\|RGB colour #222222" check.err; then
  echo "FAIL: a grey reported as RGB: $(cat check.err)"; fail=1
fi
n=$(grep -c "RGB colour #1F4E79" check.err)
[ "$n" -eq 1 ] || { echo "FAIL: #1F4E79 reported $n times, want once"; fail=1; }
"$cli" render deck.xml -o deck.pdf 2>render.err || { echo "FAIL: render failed"; fail=1; }
if grep -q "by formula; give the theme" render.err; then
  echo "FAIL: a render printed the full preflight: $(cat render.err)"; fail=1
fi
grep -qF "is 9.0 pt in 3 inks" render.err || { echo "FAIL: render lost the plate warning"; fail=1; }
# black text overprints: its K adds to a dark fill's inks (100+90+90 + 100)
cp "$src/tests/preflight/overprint.xml" overprint.xml
"$cli" check --print overprint.xml 2>op.err
grep -qF "overprint.xml:3:52: warning: page 1: black text '黒い文字' overprints a fill of C100 M90 Y90 K60: 380 % ink under the text, over the 350 % limit" op.err \
  || { echo "FAIL: overprinted ink: $(cat op.err)"; fail=1; }
sed 's|<theme>|<theme overprint="off">|' overprint.xml >knockout.xml
"$cli" check --print knockout.xml 2>ko.err
if grep -q "overprints a fill" ko.err; then echo "FAIL: warned with overprint off"; fail=1; fi
[ "$fail" -eq 0 ] && echo "preflight: all passed"
exit "$fail"
