#!/usr/bin/env bash
# booklet.sh CLI DECK WORK — saddle-stitch imposition of a whole deck (the
# 53-page sample): which source page is on each half of each sheet side,
# derived from the rule (printer spreads; first page the front cover, last
# page the back cover, the blanks just before it), creep (pages move toward
# the spine linearly from 0 on the outermost sheet to the full creep on the
# innermost; the trim boxes stay), and --creep without --booklet is a usage
# error. SPDX-License-Identifier: MIT
set -euo pipefail
cli=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
deck=$(cd "$(dirname "$2")" && pwd)/$(basename "$2") work=$3
rm -rf "$work" && mkdir -p "$work"
cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

# the pages one by one, to tell them apart: each page's text, one hash a page
"$cli" render "$deck" --print -o single.pdf >/dev/null 2>&1 || fail "--print"
n=$(pdfinfo single.pdf | awk '/^Pages:/ {print $2}')
[ "$n" -ge 5 ] || fail "the deck has $n pages: too few for a booklet test"
for k in $(seq 1 "$n"); do
  h=$(pdftotext -raw -f "$k" -l "$k" single.pdf - | md5sum | cut -d' ' -f1)
  [ "$(pdftotext -raw -f "$k" -l "$k" single.pdf - | tr -d ' \n\f')" ] || fail "page $k has no text"
  echo "$h $k"
done >pages.txt
[ -z "$(cut -d' ' -f1 pages.txt | sort | uniq -d)" ] || fail "two pages have the same text"

# the expected sheet sides, from the rule: n4 positions; position i < n-1 is
# page i+1, the last position is page n, the others are blank (0); sheet s
# (from 0) has front left n4-1-2s, front right 2s, back left 2s+1, back
# right n4-2-2s
n4=$(( (n + 3) / 4 * 4 ))
at() { if [ "$1" -lt $((n - 1)) ]; then echo $(($1 + 1)); elif [ "$1" -eq $((n4 - 1)) ]; then echo "$n"; else echo 0; fi; }
expected=""
for s in $(seq 0 $((n4 / 4 - 1))); do
  expected="$expected$(at $((n4 - 1 - 2 * s))) $(at $((2 * s)))|$(at $((2 * s + 1))) $(at $((n4 - 2 - 2 * s)))|"
done
# what the rule itself says for the ends, so that the derivation is checked
# too: the outside of sheet 1 is back cover + front cover; the n4-n blanks
# sit inside, next to the back cover
case "$expected" in "$n 1|2 "*) ;; *) fail "rule: sheet 1 is not $n+1: $expected" ;; esac
[ $(( $(echo "$expected" | tr '|' ' ' | wc -w) - $(echo "$expected" | tr '|' ' ' | tr ' ' '\n' | grep -c '^0$') )) -eq "$n" ] \
  || fail "rule: not every page once"

# the booklet: each half of each sheet side, named by its page's text
"$cli" render "$deck" --booklet -o booklet.pdf >booklet.out 2>/dev/null || fail "--booklet"
sides=$(pdfinfo booklet.pdf | awk '/^Pages:/ {print $2}')
[ "$sides" -eq $((n4 / 2)) ] || fail "$sides sheet sides, not $((n4 / 2))"
grep -qx "wrote booklet.pdf ($n pages on $sides PDF pages)" booklet.out || fail "$(cat booklet.out)"
read -r sw sh < <(pdfinfo -f 1 -l 1 booklet.pdf | awk '/^Page *1 size:/ {print $4, $6}')
spine=$(awk -v w="$sw" 'BEGIN { printf "%d", w / 2 }')
which_page() { # side x0 width
  local t h
  t=$(pdftotext -raw -f "$1" -l "$1" -x "$2" -y 0 -W "$3" -H "${sh%.*}" booklet.pdf -)
  if [ -z "$(printf '%s' "$t" | tr -d ' \n\f')" ]; then echo 0; return; fi
  h=$(pdftotext -raw -f "$1" -l "$1" -x "$2" -y 0 -W "$3" -H "${sh%.*}" booklet.pdf - | md5sum | cut -d' ' -f1)
  awk -v h="$h" '$1 == h { print $2; found = 1 } END { if (!found) print "?" }' pages.txt
}
got=""
for p in $(seq 1 "$sides"); do
  got="$got$(which_page "$p" 0 "$spine") $(which_page "$p" $((spine + 1)) "$spine")|"
done
[ "$got" = "$expected" ] || fail "sheet sides (left right|...):
 got      $got
 expected $expected"

# creep: 2 mm on the innermost sheet, 0 on the outermost, linear between,
# toward the spine on both halves; the same words at the same heights
"$cli" render "$deck" --booklet --creep 0 -o creep0.pdf >/dev/null 2>&1 || fail "--creep 0"
cmp -s booklet.pdf creep0.pdf || fail "--creep 0 differs from no creep"
"$cli" render "$deck" --booklet --creep 2 -o creep2.pdf >/dev/null 2>&1 || fail "--creep 2"
qpdf --check creep2.pdf >/dev/null || fail "qpdf --check creep2.pdf"
# words as: half (L/R) yMin text xMin, sorted, for one sheet side
words() {
  pdftotext -bbox -f "$2" -l "$2" "$1" - |
    awk -F'"' -v spine="$spine" '/<word / {
      t = $0; sub(/.*">/, "", t); sub(/<\/word>.*/, "", t)
      printf "%s %s %s %s\n", ($2 + $6) / 2 < spine ? "L" : "R", $4, t, $2 }' | sort -k1,1 -k2,2n -k3,3 -k4,4n
}
nsheets=$((n4 / 4))
for p in $(seq 1 "$sides"); do
  s=$(( (p - 1) / 2 ))
  want=$(awk -v s="$s" -v k=$((nsheets - 1)) 'BEGIN { printf "%.4f", 2 * 72 / 25.4 * s / k }')
  words creep0.pdf "$p" >w0.txt
  words creep2.pdf "$p" >w2.txt
  [ -s w0.txt ] || continue # a side with no words
  [ "$(wc -l <w0.txt)" = "$(wc -l <w2.txt)" ] || fail "side $p: not the same words with creep"
  paste -d' ' w0.txt w2.txt | awk -v want="$want" -v p="$p" '
    { n = NF / 2; d = $NF - $n; e = $1 == "L" ? want : -want
      if ($1 != $(n + 1) || $2 != $(n + 2) || (d - e) > 0.05 || (e - d) > 0.05) {
        printf "side %d: %s moved %.3f pt, not %.3f\n", p, $3, d, e; bad = 1; exit } }
    END { exit bad }' || fail "creep"
  if [ "$p" -eq 1 ] || [ "$p" -eq "$sides" ]; then
    # the ends, said plainly: the outermost sheet does not move, the
    # innermost moves the whole 2 mm (5.669 pt)
    echo "side $p: every word moved $want pt toward the spine"
  fi
done
[ "$(awk -v k=$((nsheets - 1)) 'BEGIN { print (k > 0) }')" = 1 ] || fail "one sheet: no creep to see"
pdfinfo -box -f 1 -l "$sides" booklet.pdf | grep Box >boxes0.txt
pdfinfo -box -f 1 -l "$sides" creep2.pdf | grep Box >boxes2.txt
cmp -s boxes0.txt boxes2.txt || fail "creep changed the boxes: $(diff boxes0.txt boxes2.txt | head -4)"

# --creep without --booklet, or out of range: usage errors
for args in "--creep 2" "--print --creep 2" "--booklet --creep 5.5" "--booklet --creep -1" \
            "--booklet --creep x"; do
  rc=0
  # shellcheck disable=SC2086
  "$cli" render "$deck" $args -o nope.pdf >/dev/null 2>err.txt || rc=$?
  [ "$rc" -eq 2 ] || fail "'$args' exits $rc, not 2"
  [ ! -e nope.pdf ] || fail "'$args' wrote a PDF"
done
"$cli" render "$deck" --creep 2 -o nope.pdf >/dev/null 2>err.txt || true
grep -q "^ashireport: --creep 2 needs --booklet" err.txt || fail "--creep without --booklet: $(cat err.txt)"
echo "1 passed, 0 failed"
