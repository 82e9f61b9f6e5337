#!/usr/bin/env bash
# hostile.sh [RUNS] — what hostile decks cost (issue #14), as figures to
# read, never as test assertions: for each shape at growing sizes, the
# median wall time and peak memory of `ashireport check` (Release build in
# build-bench/), so that how cost grows with size or depth shows:
#   nesting   box, columns and both in turn, 16 to the deepest allowed
#   csv       blank lines (10-60 MB), a report table (10,000-100,000 rows)
#   images    a PNG bomb named eight ways, eight distinct bombs
#   xml       attributes on one element, elements in a deck, paragraphs on
#             one slide (the ten-page cut)
# Long words and other hostile paragraphs: bench/hostile-text.sh.
# SPDX-License-Identifier: MIT
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
scripts/deps.sh --bench
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-bench -j"$(nproc)" >/dev/null
cli="$PWD/build-bench/cli/ashireport"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

median() { sort -n | awk '{v[NR] = $1} END {print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
# row NAME SIZE DECK: median seconds and peak MB over RUNS checks, and the
# first line the check printed (what it said of the deck)
row() {
  local name=$1 size=$2 deck=$3 t=() m=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o time.txt timeout 600 "$cli" check "$deck" >/dev/null 2>said.txt || true
    read -r s k < <(tail -1 time.txt)
    t+=("$s") m+=("$k")
  done
  printf '%-22s %10s %9.3f %9.1f  %s\n' "$name" "$size" \
    "$(printf '%s\n' "${t[@]}" | median)" "$(printf '%s\n' "${m[@]}" | median | awk '{print $1 / 1024}')" \
    "$(head -c 90 said.txt | head -1)"
}
py() { python3 -c "$1"; }
head_='<deck xmlns="urn:ashireport:deck:1"><slide title="t">'
foot='</slide></deck>'

printf '%-22s %10s %9s %9s  %s\n' shape size seconds "peak MB" "first diagnostic"
# ---- nesting: linear in the number of blocks, at any depth -------------
for d in 16 32 64 128 253; do
  py "d=$d; print('$head_' + '<box padding=\"0mm\">' * d + '<p>深い</p>' + '</box>' * d + '$foot')" >box.xml
  row "box nested" "$d" box.xml
done
for d in 16 32 64 126; do
  py "d=$d; print('$head_' + '<columns gap=\"0mm\" widths=\"1mm 1fr\"><column/><column>' * d + '<p>深い</p>' + '</column></columns>' * d + '$foot')" >cols.xml
  row "columns nested" "$d" cols.xml
done
for d in 16 64 168; do
  py "
s='<p>x</p>'
for i in range($d):
    s = ('<box padding=\"0mm\">%s</box>' if i % 2 else '<columns gap=\"0mm\"><column>%s</column><column><p>y</p></column></columns>') % s
print('$head_' + s + '$foot')" >mixed.xml
  row "box+columns nested" "$d" mixed.xml
done

# ---- CSV: blank lines cost nothing; memory per byte bounded -----------
for mb in 10 30 60; do
  head -c $((mb * 1000000)) /dev/zero | tr '\0' '\n' >blank.csv
  echo "$head_<table src=\"blank.csv\"/>$foot" >blank.xml
  row "CSV of blank lines" "${mb} MB" blank.xml
done
for n in 10000 25000 50000 100000; do
  py "
import random
random.seed(1)
print('番号,地区,件数,金額,率,備考,区分,年度')
for i in range(1, $n):
    print(f'{i},地区{i%300},{random.randint(1,99999)},{random.randint(1,10**8)},{random.random():.3f},備考{i%17},A{i%5},R{i%7}')" >rows.csv
  echo "$head_<table src=\"rows.csv\" split=\"continue\" header-rows=\"1\"/>$foot" >rows.xml
  row "CSV table, 8 columns" "$n rows" rows.xml
done

# ---- images: one file decoded once, the pixel limit over the deck -----
py "
import zlib, struct
def png(w, h):
    raw = zlib.compress(b''.join(b'\x00' + bytes(w) for _ in range(h)), 9)
    c = lambda t, d: struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    return b'\x89PNG\r\n\x1a\n' + c(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 0, 0, 0, 0)) + c(b'IDAT', raw) + c(b'IEND', b'')
for i in range(8):
    open(f'bomb{i}.png', 'wb').write(png(7000, 7000))
"
names=""
for p in bomb0.png ./bomb0.png ././bomb0.png .//bomb0.png ./././bomb0.png ././/bomb0.png .///bomb0.png ./././/bomb0.png; do
  names="$names<image src=\"$p\" x=\"0mm\" y=\"0mm\" w=\"10mm\" h=\"10mm\"/>"
done
echo "<deck xmlns=\"urn:ashireport:deck:1\"><slide layout=\"blank\">$names$foot" >one.xml
row "PNG bomb, 8 names" "$(stat -c %s bomb0.png) B" one.xml
names=""
for i in 0 1 2 3 4 5 6 7; do names="$names<image src=\"bomb$i.png\" x=\"0mm\" y=\"0mm\" w=\"10mm\" h=\"10mm\"/>"; done
echo "<deck xmlns=\"urn:ashireport:deck:1\"><slide layout=\"blank\">$names$foot" >eight.xml
row "8 distinct PNG bombs" "8 files" eight.xml

# ---- XML: attributes, elements, paragraphs -----------------------------
for n in 1000 10000 100000; do
  py "print('$head_<p ' + ' '.join(f'a{i}=\"{i}\"' for i in range($n)) + '>x</p>$foot')" >attrs.xml
  row "attributes on <p>" "$n" attrs.xml
done
for n in 250000 500000 900000 2000000; do
  py "print('$head_' + '<p>x</p>' * $n + '$foot')" >paras.xml
  row "paragraphs, one slide" "$n" paras.xml
done
for n in 1000000 7000000; do
  py "print('$head_<p>' + '<b/>' * $n + '</p>$foot')" >elems.xml
  row "empty <b/> elements" "$n" elems.xml
done
