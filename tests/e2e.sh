#!/usr/bin/env bash
# e2e.sh CLI DECK WORKDIR [EXPECT] — renders a deck and checks the PDF as a print
# shop and a reader would: nothing on stderr, qpdf --check clean, every font
# embedded, subset and with ToUnicode, all the deck's text back from
# pdftotext (content order, -raw) in order, and a byte-identical second render. With EXPECT,
# EXPECT.stderr the warnings the render must print, EXPECT.info holds the expected pdfinfo lines (title, author, subject,
# dates, pages) and EXPECT.outline the expected bookmarks (qpdf's JSON:
# target page and title lines, children before their parent). Every PDF
# passes pdfa_check.py (XMP equal to Info, MarkInfo, sRGB output intent,
# /ID); with EXPECT a --print render too, without the PDF/A claim and as
# PDF/X-1a:2003.
# SPDX-License-Identifier: MIT
set -euo pipefail
cli=$1 deck=$2 work=$3 expect=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
name=$(basename "$deck" .xml)
mkdir -p "$work"
pdf="$work/$name.pdf"
fail() { echo "FAIL [$name]: $*" >&2; exit 1; }

rm -f "$pdf" "$pdf.2"
"$cli" render "$deck" -o "$pdf" >"$work/$name.out" 2>"$work/$name.err" || fail "render exited $?: $(cat "$work/$name.err")"
# Nothing on stderr, unless EXPECT.stderr says which warnings are due
# (the deck's path written as DECK).
if [ -n "$expect" ] && [ -e "$expect.stderr" ]; then
  sed "s|$deck|DECK|g" "$work/$name.err" | diff -u "$expect.stderr" - \
    || fail "warnings differ from $expect.stderr"
else
  [ ! -s "$work/$name.err" ] || fail "render printed on stderr: $(cat "$work/$name.err")"
fi
grep -q "^wrote $pdf (" "$work/$name.out" || fail "no 'wrote' line: $(cat "$work/$name.out")"

qpdf --check "$pdf" >"$work/$name.qpdf" 2>&1 || fail "qpdf --check: $(cat "$work/$name.qpdf")"
grep -q "No syntax or stream encoding errors" "$work/$name.qpdf" || fail "qpdf: $(cat "$work/$name.qpdf")"
# PDF/A-2a and PDF/UA-1 short of the tags: XMP metadata equal to Info and
# well-formed, /MarkInfo, the sRGB output intent, a trailer /ID.
# A deck the library says cannot be PDF/A (CMYK photos in a screen PDF,
# its warning expected in EXPECT.stderr) is checked as print is: no claim.
mode=archival
if [ -n "$expect" ] && [ -e "$expect.stderr" ] && grep -q "does not claim PDF/A" "$expect.stderr"; then
  mode=print
fi
python3 "$here/pdfa_check.py" "$pdf" $mode >"$work/$name.pdfa" 2>&1 || fail "$(cat "$work/$name.pdfa")"

pdffonts "$pdf" >"$work/$name.fonts" 2>&1 || fail "pdffonts failed"
nfonts=$(tail -n +3 "$work/$name.fonts" | wc -l)
[ "$nfonts" -ge 1 ] || fail "no fonts"
# name type encoding emb sub uni: every font CID TrueType, Identity-H, yes yes yes
tail -n +3 "$work/$name.fonts" | awk '
  $1 !~ /^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z]\+/ { print "not a subset name: " $0; bad=1 }
  !($2 == "CID" && $3 == "TrueType" && $4 == "Identity-H" && $5 == "yes" && $6 == "yes" && $7 == "yes") { print "bad font: " $0; bad=1 }
  END { exit bad }' || fail "pdffonts: $(cat "$work/$name.fonts")"

pdftotext -raw "$pdf" "$work/$name.txt" 2>"$work/$name.pdftotext.err" || fail "pdftotext failed"
[ ! -s "$work/$name.pdftotext.err" ] || fail "pdftotext warned: $(cat "$work/$name.pdftotext.err")"
"$work/../deck_text" "$deck" >"$work/$name.expect" || fail "deck_text failed"
# Every expected piece, whitespace removed, found in order in the output.
tr -d ' \t\n\r\f' <"$work/$name.txt" >"$work/$name.flat"
awk -v flatfile="$work/$name.flat" '
  BEGIN { getline flat < flatfile; pos = 1 }
  $0 == "" { next }
  { rest = substr(flat, pos); i = index(rest, $0)
    if (i == 0) { print "missing or out of order: " $0; bad = 1; exit }
    pos += i - 1 + length($0) }
  END { exit bad }' "$work/$name.expect" || fail "pdftotext text differs from the deck"
"$cli" render "$deck" -o "$pdf.2" >/dev/null 2>&1 || fail "second render failed"
cmp -s "$pdf" "$pdf.2" || fail "second render is not byte-identical"
rm -f "$pdf.2"
if [ -n "$expect" ] && [ -e "$expect.info" ]; then
  TZ=UTC pdfinfo -isodates "$pdf" | grep -E '^(Title|Subject|Author|CreationDate|ModDate|Pages):' >"$work/$name.info"
  diff -u "$expect.info" "$work/$name.info" || fail "pdfinfo differs from $expect.info"
  qpdf --json --json-key=outlines "$pdf" | grep -E '"(destpageposfrom1|title)"' \
    | sed 's/^ *//; s/,$//' >"$work/$name.outline"
  diff -u "$expect.outline" "$work/$name.outline" || fail "bookmarks differ from $expect.outline"
  # for print (CMYK) no PDF/A claim and no RGB output intent, PDF/UA stays,
  # PDF/X-1a:2003
  "$cli" render "$deck" --print -o "$pdf.print" >/dev/null 2>&1 || fail "--print render failed"
  qpdf --check "$pdf.print" >/dev/null 2>&1 || fail "qpdf --check of the --print render"
  python3 "$here/pdfa_check.py" "$pdf.print" pdfx1a >"$work/$name.pdfa" 2>&1 || fail "--print: $(cat "$work/$name.pdfa")"
  rm -f "$pdf.print"
fi
echo "ok [$name]: $(stat -c %s "$pdf") bytes, $nfonts fonts"
