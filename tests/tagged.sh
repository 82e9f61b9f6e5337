#!/usr/bin/env bash
# tagged.sh CLI SRC WORK — every PDF is a Tagged PDF (PDF/UA-1, PDF/A-2a),
# read by independent readers. Renders data/asahikawa.xml, tests/decks/*.xml
# and tests/golden/*.xml (a deck that does not render is skipped), then for
# each PDF:
#   - poppler's `pdfinfo -struct-text` has text, and that text holds the
#     deck's source text (tests/tagged/deck_source.py) in source order;
#   - the master's footer text is not in it (footers are artifacts);
#   - pdf.js (tests/tagged/pdfjs_struct.mjs) reads the same text from the
#     structure tree as poppler does;
#   - tests/tagged/check_pdf.py (Matterhorn Protocol and PDF/A-2 conditions,
#     docs/accessibility-checks.md) passes.
# Then the booklet with --print: still tagged, the same structure text.
# Before all that, the checker and readers are tried on a hand-made tagged
# file (tests/tagged/sample.py) and its deliberate breaks.
# pdfjs-dist comes from scripts/deps.sh --test ($HOME/.cache/ashireport-npm,
# or ASHI_NPM_DIR). SPDX-License-Identifier: MIT
set -uo pipefail
cli=$1 src=$2 work=$3
t="$src/tests/tagged"
mkdir -p "$work"
passed=0 failed=0 skipped=0
ok() { passed=$((passed + 1)); echo "ok [$1]"; }
bad() { failed=$((failed + 1)); echo "FAIL [$1]: $2" | head -c 4000; echo; }

if ! command -v node >/dev/null || ! node "$t/pdfjs_struct.mjs" --help >/dev/null 2>&1 && \
   ! ls "${ASHI_NPM_DIR:-$HOME/.cache/ashireport-npm}/node_modules/pdfjs-dist/legacy/build/pdf.mjs" >/dev/null 2>&1; then
  echo "FAIL: pdfjs-dist is not installed: run scripts/deps.sh --test" >&2
  exit 1
fi

# 0. the readers and the checker on a file whose structure is known
python3 "$t/sample.py" "$work/sample.pdf"
out=$(python3 "$t/check_pdf.py" --quiet "$work/sample.pdf")
if [ "$out" = "$(printf 'FAIL 31-009 font Helvetica (7 0 R) is not embedded (no FontFile/FontFile2/FontFile3 in its descriptor)')" ]; then
  ok sample-check
else bad sample-check "expected only 31-009 (Helvetica), got: $out"; fi
pdfinfo -struct-text "$work/sample.pdf" >"$work/sample.struct" 2>/dev/null
python3 "$t/seqmatch.py" flat-pdfinfo "$work/sample.struct" >"$work/sample.poppler"
node "$t/pdfjs_struct.mjs" "$work/sample.pdf" --text >"$work/sample.pdfjs" 2>"$work/sample.pdfjs.err"
if [ "$(cat "$work/sample.poppler")" = "TitleoneAparagraph.-AnitemTitletwoHeadCellaCellb" ] &&
   r=$(python3 "$t/seqmatch.py" same "$work/sample.poppler" "$work/sample.pdfjs" poppler pdf.js); then
  ok sample-readers
else bad sample-readers "poppler $(cat "$work/sample.poppler") / pdf.js: ${r:-} $(cat "$work/sample.pdfjs.err")"; fi
for b in $(python3 -c "import sys; sys.path.insert(0, '$t'); import sample; print(' '.join(f'{k}={v}' for k, v in sample.BREAKS.items()))"); do
  name=${b%%=*} id=${b#*=}
  python3 "$t/sample.py" "$work/sample-$name.pdf" "$name"
  python3 "$t/check_pdf.py" --quiet "$work/sample-$name.pdf" >"$work/sample-$name.check"
  if grep -q "^FAIL $id " "$work/sample-$name.check"; then
    ok "sample-$name"
  else bad "sample-$name" "check_pdf.py does not report $id"; fi
done

check_pdf() { # name pdf [--no-pdfa]
  local name=$1 pdf=$2
  if python3 "$t/check_pdf.py" --quiet ${3:-} "$pdf" >"$work/$name.check" 2>&1; then
    ok "$name: check_pdf"
  else
    bad "$name: check_pdf" "$(wc -l <"$work/$name.check") failure(s), by condition: $(grep -o '^FAIL [^ ]*' "$work/$name.check" | sort | uniq -c | tr -s ' ' | tr '\n' ',')
$(awk '{ id = $2 } n[id]++ < 3' "$work/$name.check" | cut -c1-400)"
  fi
}

struct_text() { # name pdf: poppler's structure text -> WORK/name.poppler
  local name=$1 pdf=$2
  pdfinfo -struct-text "$pdf" >"$work/$name.struct" 2>"$work/$name.struct.err"
  python3 "$t/seqmatch.py" flat-pdfinfo "$work/$name.struct" >"$work/$name.poppler"
  [ "$(wc -c <"$work/$name.poppler")" -gt 1 ]
}

decks=("$src/data/asahikawa.xml" "$src"/tests/decks/*.xml "$src"/tests/golden/*.xml)
for deck in "${decks[@]}"; do
  name=$(basename "$(dirname "$deck")")-$(basename "$deck" .xml)
  pdf="$work/$name.pdf"
  rm -f "$pdf"
  if ! "$cli" render "$deck" -o "$pdf" >"$work/$name.out" 2>"$work/$name.err"; then
    skipped=$((skipped + 1)); echo "skip [$name]: does not render: $(head -1 "$work/$name.err")"
    continue
  fi
  python3 "$t/deck_source.py" "$deck" >"$work/$name.source"
  if ! struct_text "$name" "$pdf"; then
    bad "$name: poppler" "pdfinfo -struct-text has no text ($(wc -l <"$work/$name.struct") lines): $(head -c 300 "$work/$name.struct"; head -c 300 "$work/$name.struct.err")"
  elif r=$(python3 "$t/seqmatch.py" subseq "$work/$name.source" "$work/$name.poppler"); then
    ok "$name: poppler structure text = source text"
  else bad "$name: poppler structure text" "$r"; fi
  # the footer text is an artifact: not in the tree (when the body does not also say it)
  footer=$(python3 -c "
import sys, xml.etree.ElementTree as ET
ns = '{urn:ashireport:deck:1}'
r = ET.parse(sys.argv[1]).getroot()
m = r.find(ns + 'theme/' + ns + 'master')
f = m.get('footer-text') if m is not None else None
if f is None:
    a = r.find(ns + 'info/' + ns + 'author')
    f = a.text if a is not None else None
print(f or '')" "$deck")
  if [ -n "$footer" ] && ! python3 "$t/seqmatch.py" absent "$footer" "$work/$name.source" >/dev/null; then footer=""; fi
  if [ -n "$footer" ] && [ -s "$work/$name.poppler" ]; then
    if r=$(python3 "$t/seqmatch.py" absent "$footer" "$work/$name.poppler"); then ok "$name: footer is an artifact"
    else bad "$name: footer" "$r"; fi
  fi
  if node "$t/pdfjs_struct.mjs" "$pdf" --text >"$work/$name.pdfjs" 2>"$work/$name.pdfjs.err"; then
    if [ ! -s "$work/$name.pdfjs" ]; then
      bad "$name: pdf.js" "pdf.js reads no structure text (page.getStructTree() empty or null)"
    elif r=$(python3 "$t/seqmatch.py" same "$work/$name.poppler" "$work/$name.pdfjs" poppler pdf.js); then
      ok "$name: pdf.js reads the same structure text"
    else bad "$name: pdf.js" "$r"; fi
  else bad "$name: pdf.js" "pdfjs_struct.mjs failed: $(head -c 600 "$work/$name.pdfjs.err")"; fi
  # the library says when a file cannot claim PDF/A (CMYK photos on screen)
  if grep -q "does not claim PDF/A" "$work/$name.err" 2>/dev/null; then
    check_pdf "$name" "$pdf" --no-pdfa
  else
    check_pdf "$name" "$pdf"
  fi
done

# a chart's data is in the structure as a table (tests/tagged/charts.tables)
name=decks-charts
pdf="$work/$name.pdf"
if [ -e "$pdf" ] && python3 "$t/data_tables.py" "$pdf" >"$work/$name.tables" 2>&1 &&
   diff -u "$t/charts.tables" "$work/$name.tables" >"$work/$name.tables.diff"; then
  ok "$name: chart data tables"
else bad "$name: chart data tables" "$(head -c 800 "$work/$name.tables.diff" 2>/dev/null) $(head -c 300 "$work/$name.tables")"; fi

# print production: the tags survive --print
name=print-asahikawa
if "$cli" render "$src/data/asahikawa.xml" --print -o "$work/$name.pdf" >"$work/$name.out" 2>"$work/$name.err"; then
  if ! struct_text "$name" "$work/$name.pdf"; then
    bad "$name: poppler" "no structure text with --print"
  elif r=$(python3 "$t/seqmatch.py" same "$work/data-asahikawa.poppler" "$work/$name.poppler" screen print); then
    ok "$name: the same structure text as the screen PDF"
  else bad "$name: structure text" "$r"; fi
  check_pdf "$name" "$work/$name.pdf" --no-pdfa
else bad "$name" "render --print failed: $(head -3 "$work/$name.err")"; fi

echo "tagged: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
