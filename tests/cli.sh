#!/usr/bin/env bash
# cli.sh CLI TESTDIR WORKDIR — the command line: help, version, usage
# errors (exit 2), check writing nothing, the default output name.
# SPDX-License-Identifier: MIT
set -euo pipefail
cli=$1 tests=$2 work=$3
mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_exit() { local want=$1; shift; set +e; "$@" >"$work/out" 2>"$work/err"; local rc=$?; set -e
  [ "$rc" -eq "$want" ] || fail "$* exited $rc, want $want"; }

expect_exit 0 "$cli" --help
grep -q "^usage: ashireport render DECK.xml" "$work/out" || fail "--help"
expect_exit 0 "$cli" --version
grep -qE "^ashireport [0-9]+\.[0-9]+\.[0-9]+$" "$work/out" || fail "--version"
expect_exit 2 "$cli"
expect_exit 2 "$cli" frobnicate x.xml
grep -q "unknown command 'frobnicate'" "$work/err" || fail "unknown command message"
expect_exit 2 "$cli" render
grep -q "no deck given" "$work/err" || fail "missing deck message"
expect_exit 2 "$cli" render a.xml b.xml
expect_exit 2 "$cli" render a.xml --bogus
expect_exit 2 "$cli" render a.xml -o
expect_exit 1 "$cli" render "$work/does-not-exist.xml"
grep -q "does-not-exist.xml: error: cannot read the deck: No such file or directory" \
  "$work/err" || fail "missing file message: $(cat "$work/err")"

# check lays out and writes nothing
cp "$tests/decks/minimal.xml" "$work/minimal.xml"
rm -f "$work/minimal.pdf"
expect_exit 0 "$cli" check "$work/minimal.xml"
[ ! -s "$work/err" ] && [ ! -e "$work/minimal.pdf" ] || fail "check wrote something"
# render without -o writes DECK.pdf beside the deck
expect_exit 0 "$cli" render "$work/minimal.xml"
[ -s "$work/minimal.pdf" ] || fail "default output name"
grep -q "^wrote $work/minimal.pdf (1 page)$" "$work/out" || fail "wrote line: $(cat "$work/out")"
# a failed render leaves the previous PDF untouched
cp "$work/minimal.pdf" "$work/before.pdf"
printf '<deck xmlns="urn:ashireport:deck:1"><slide><p>broken</slide></deck>' >"$work/minimal.xml"
expect_exit 1 "$cli" render "$work/minimal.xml"
cmp -s "$work/minimal.pdf" "$work/before.pdf" || fail "a failed render changed the old PDF"
[ -z "$(ls "$work" | grep '\.tmp-')" ] || fail "temporary file left behind"
# --draft renders an overflowing deck, with a warning and a red frame
expect_exit 0 "$cli" render "$tests/errors/overflow.xml" --draft -o "$work/draft.pdf"
grep -q "overflow.xml:2:3: warning: slide 1 'あふれる': the body overflows its frame by" \
  "$work/err" || fail "draft warning: $(cat "$work/err")"
qpdf --qdf --object-streams=disable "$work/draft.pdf" "$work/draft-qdf.pdf"
grep -qa "^1 0 0 RG" "$work/draft-qdf.pdf" || fail "no red frame in the draft"
expect_exit 1 "$cli" render "$tests/errors/overflow.xml" -o "$work/nodraft.pdf"
[ ! -e "$work/nodraft.pdf" ] || fail "an overflowing deck was rendered without --draft"
# a 70 MB text node is refused by the input limit, quickly and cleanly
{ printf '<deck xmlns="urn:ashireport:deck:1"><slide><p>'
  head -c 70000000 /dev/zero | tr '\0' 'a'
  printf '</p></slide></deck>'; } >"$work/huge.xml"
expect_exit 1 "$cli" render "$work/huge.xml" -o "$work/huge.pdf"
grep -q "huge.xml: error: the deck is 70000065 bytes, over the input-bytes limit of 67108864" \
  "$work/err" || fail "huge deck: $(cat "$work/err")"
[ ! -e "$work/huge.pdf" ] || fail "a PDF was written for a huge deck"
rm -f "$work/huge.xml"
# the font-folder limit is named
dirs=()
for i in $(seq 1 33); do dirs+=(--font-dir "$work"); done
expect_exit 2 "$cli" check "$tests/decks/minimal.xml" "${dirs[@]}"
[ "$(cat "$work/err")" = "ashireport: --font-dir '$work' is one more than the 32 font folders that may be given" ] \
  || fail "font-folder limit: $(cat "$work/err")"

# pipes: the deck from standard input, the PDF to standard output
"$cli" render - -o - <"$tests/decks/minimal.xml" >"$work/piped.pdf" 2>"$work/err" ||
  fail "render - -o -: $(cat "$work/err")"
"$cli" render "$tests/decks/minimal.xml" -o "$work/direct.pdf" >/dev/null 2>&1
cmp -s "$work/piped.pdf" "$work/direct.pdf" || fail "the piped PDF differs from the file's"
grep -qx "wrote standard output (1 page)" "$work/err" || fail "pipe message: $(cat "$work/err")"
# from standard input no file is read, unless --base-dir says where
expect_exit 1 "$cli" check - <"$tests/decks/images.xml"
grep -q "^<stdin>:8:[0-9]*: error: image 'images/rgb8.png' cannot be read: the deck was given without a folder" \
  "$work/err" || fail "stdin without a folder: $(cat "$work/err")"
"$cli" check - --base-dir "$tests/decks" <"$tests/decks/images.xml" >/dev/null 2>"$work/err" ||
  fail "--base-dir: $(cat "$work/err")"
expect_exit 2 "$cli" render - <"$tests/decks/minimal.xml"
grep -q "needs -o OUT.pdf" "$work/err" || fail "stdin without -o"
expect_exit 2 "$cli" check "$tests/decks/minimal.xml" --base-dir /tmp
# diagnostics: short (the default), human (with hints), json (an object a line)
expect_exit 1 "$cli" check "$tests/errors/bad-color.xml"
[ "$(wc -l <"$work/err")" -eq 1 ] || fail "short: $(cat "$work/err")"
expect_exit 1 "$cli" check "$tests/errors/bad-color.xml" --diagnostic-format human
grep -qx "  hint: use one of the values the message lists (docs/reference.en.md)" "$work/err" ||
  fail "human: $(cat "$work/err")"
# human shows the line under each diagnostic, the carets placed by terminal
# cells (a Japanese character takes two, a tab one), from a file or stdin
printf '<deck xmlns="urn:ashireport:deck:1">\n<slide title="市の取組">\n  <p>「旭川」\t<span colr="accent">x</span></p>\n</slide></deck>\n' >"$work/excerpt.xml"
cat >"$work/excerpt.want" <<'TXT'
DECK:3:11: warning: <span> without color or size changes nothing
 3 |   <p>「旭川」 <span colr="accent">x</span></p>
   |               ^
DECK:3:17: error: unknown attribute 'colr' on <span>; did you mean 'color'?
 3 |   <p>「旭川」 <span colr="accent">x</span></p>
   |                     ^^^^^^^^^^^^^
  hint: check the spelling against the element's attributes (docs/reference.en.md)
TXT
expect_exit 1 "$cli" check "$work/excerpt.xml" --diagnostic-format human
sed "s|$work/excerpt.xml|DECK|" "$work/err" | diff -u "$work/excerpt.want" - || fail "human excerpt"
set +e; "$cli" check - --diagnostic-format human <"$work/excerpt.xml" 2>"$work/err"; set -e
sed "s|<stdin>|DECK|" "$work/err" | diff -u "$work/excerpt.want" - || fail "human excerpt, stdin"
# a raw escape byte in the deck shows as '?', and a long line as a window
printf '<deck xmlns="urn:ashireport:deck:1"><slide title="x"><p>a\033[31mb</p></slide></deck>\n' >"$work/escape.xml"
expect_exit 1 "$cli" check "$work/escape.xml" --diagnostic-format human
if grep -q $'\033' "$work/err"; then fail "an escape byte reached the terminal"; fi
grep -q '^ 1 | .*<p>a?\[31mb' "$work/err" || fail "escape excerpt: $(cat "$work/err")"
python3 -c "import sys; print('<deck xmlns=\"urn:ashireport:deck:1\"><slide title=\"x\"><p>' + 'あ' * 300 + '</p><p algn=\"x\">' + 'い' * 300 + '</p></slide></deck>')" >"$work/long.xml"
expect_exit 1 "$cli" check "$work/long.xml" --diagnostic-format human
python3 - "$work/err" <<'PY' || fail "long line excerpt: $(cat "$work/err")"
import sys, unicodedata
lines = open(sys.argv[1], encoding='utf-8').read().splitlines()
src, mark = lines[1], lines[2]
width = lambda s: sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
assert src.startswith(' 1 | ...') and src.endswith('...') and width(src) < 90, src
assert src[src.index('algn') - 3:].startswith('<p '), src
assert width(mark[:mark.index('^')]) == width(src[:src.index('algn')]), (src, mark)
PY
expect_exit 1 "$cli" check "$tests/errors/bad-color.xml" --diagnostic-format json
python3 - "$work/err" <<'PY' || fail "json: $(cat "$work/err")"
import json, sys
lines = open(sys.argv[1], encoding='utf-8').read().splitlines()
assert len(lines) == 1, lines
d = json.loads(lines[0])
assert d['file'].endswith('bad-color.xml') and d['line'] == 3 and d['col'] == 26, d
assert d['end_line'] == 3 and d['end_col'] > d['col'] and d['severity'] == 'error', d
assert d['code'] == 'bad-value' and "'#GGG'" in d['message'] and d['hint'], d
assert set(d) == {'file', 'line', 'col', 'end_line', 'end_col', 'slide', 'severity', 'code',
                  'message', 'hint'}, d
PY
expect_exit 2 "$cli" check x.xml --diagnostic-format xml
# help for a command, and conflicting options
expect_exit 0 "$cli" render --help
grep -q "^usage: ashireport render" "$work/out" || fail "render --help"
expect_exit 0 "$cli" help check
expect_exit 2 "$cli" help frobnicate
expect_exit 2 "$cli" render "$tests/decks/minimal.xml" --booklet --2up
grep -q "give one of them" "$work/err" || fail "--booklet --2up: $(cat "$work/err")"
# Japanese messages: from the locale, or --lang; English for C
LANG=ja_JP.UTF-8 LC_ALL= LC_MESSAGES= LANGUAGE= expect_exit 1 "$cli" check "$tests/errors/unknown-attribute.xml" --diagnostic-format human
grep -q ":2:10: error: <slide> に 'titel' という属性はありません（'title' ではありませんか？）$" "$work/err" ||
  fail "Japanese from LANG: $(cat "$work/err")"
grep -q "^  ヒント: その要素の属性の綴りを確かめてください" "$work/err" || fail "Japanese hint: $(cat "$work/err")"
LANG=ja_JP.UTF-8 LC_ALL= LC_MESSAGES= LANGUAGE= expect_exit 1 "$cli" check "$tests/errors/unknown-attribute.xml" --lang en
grep -q "unknown attribute 'titel' on <slide>; did you mean 'title'?" "$work/err" || fail "--lang en: $(cat "$work/err")"
LC_ALL=C LANGUAGE= expect_exit 1 "$cli" check "$tests/errors/unknown-attribute.xml"
grep -q "unknown attribute 'titel'" "$work/err" || fail "C locale: $(cat "$work/err")"
expect_exit 1 "$cli" check "$tests/errors/bad-color.xml" --lang ja
grep -q "value '#GGG' は使えません（使える値：#RGB・#RRGGBB・cmyk(C,M,Y,K)" "$work/err" || fail "--lang ja: $(cat "$work/err")"
expect_exit 2 "$cli" check x.xml --lang fr
# the command line's own messages in Japanese: help, a usage error, "wrote"
LANG=ja_JP.UTF-8 LC_ALL= LC_MESSAGES= LANGUAGE= expect_exit 0 "$cli" --help
grep -q "^使い方: ashireport render DECK.xml" "$work/out" || fail "Japanese help: $(head -2 "$work/out")"
grep -q "^終了コード：0 成功" "$work/out" || fail "Japanese help, exit codes"
expect_exit 2 "$cli" render "$tests/decks/minimal.xml" --ppi 3 --format png --lang ja
grep -qx "ashireport: --ppi には 10〜1200 の数を指定します（'3' は使えません）" "$work/err" ||
  fail "Japanese usage error: $(cat "$work/err")"
cp "$tests/decks/minimal.xml" "$work/lang.xml"
expect_exit 0 "$cli" render "$work/lang.xml" -o "$work/ja.pdf" --lang ja
grep -qx "$work/ja.pdf に書きました（1 ページ）" "$work/out" || fail "Japanese wrote: $(cat "$work/out")"
LANG=ja_JP.UTF-8 LC_ALL= LC_MESSAGES= LANGUAGE= expect_exit 0 "$cli" render "$work/lang.xml" -o "$work/en.pdf" --lang en
grep -qx "wrote $work/en.pdf (1 page)" "$work/out" || fail "--lang en over a Japanese locale: $(cat "$work/out")"
# query: the deck's pages and figures as JSON, held against the PDF's own
# outline and page sizes (read back by qpdf) and the deck's alt attributes
for path in "$tests/decks/charts.xml" "$tests/decks/images.xml" "$tests/decks/japanese.xml" \
            "$tests/../data/asahikawa.xml"; do
  deck=$(basename "$path" .xml)
  expect_exit 0 "$cli" query "$path"
  cp "$work/out" "$work/$deck.query.json"
  expect_exit 0 "$cli" render "$path" -o "$work/$deck.query.pdf"
  qpdf --json "$work/$deck.query.pdf" >"$work/$deck.qpdf.json"
  python3 - "$work/$deck.query.json" "$work/$deck.qpdf.json" "$path" <<'PY' ||
import json, sys, xml.etree.ElementTree as ET
q, pdf = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
deck = ET.parse(sys.argv[3]).getroot()
pages = pdf['pages']
assert len(q['pages']) == len(pages), (len(q['pages']), len(pages))
# the outline, flattened: (level, title, page) as qpdf reads it
flat = []
def walk(items, level):
    for o in items:
        flat.append((level, o['title'], o['destpageposfrom1']))
        walk(o.get('kids', []), level + 1)
walk(pdf['outlines'], 0)
mine = [(p['level'], p['title'], p['page']) for p in q['pages'] if p['title'] is not None]
assert mine == flat, (mine, flat)
for p in q['pages']:
    assert p['line'] > 0 and p['width_mm'] > 100 and p['height_mm'] > 100, p
# every <image>'s alt, in reading order, among the figures; lines point at them
ns = '{urn:ashireport:deck:1}'
alts = [i.get('alt') for i in deck.iter(ns + 'image') if i.get('alt')]
got = [f['alt'] for p in q['pages'] for f in p['figures'] if f['file']]
assert got == alts, (got, alts)
files = [f['file'] for p in q['pages'] for f in p['figures'] if f['file']]
assert files == [i.get('src') for i in deck.iter(ns + 'image') if i.get('alt')], files
title = deck.find(ns + 'info/' + ns + 'title')
assert q['title'] == (title.text if title is not None else q['pages'][0]['title']), q['title']
print('query ok:', sys.argv[3], len(q['pages']), 'pages,', len(got), 'images')
PY
    fail "query $deck: $(cat "$work/$deck.query.json" | head -c 300)"
done
grep -q '"figures":\[{"line":[0-9]*,"alt":"' "$work/images.query.json" || fail "query: no figure"
expect_exit 1 "$cli" query "$tests/errors/bad-color.xml"
[ ! -s "$work/out" ] || fail "query printed something for a deck with errors"
expect_exit 0 "$cli" query - <"$tests/decks/minimal.xml"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d['pages']) == 1" "$work/out" ||
  fail "query from standard input"
# fonts: the bundled ones, and a --font-dir's first
mkdir -p "$work/myfonts"
cp "$tests/../fonts/BIZUDPMincho-Regular.ttf" "$work/myfonts/Mine.ttf"
printf 'not a font' >"$work/myfonts/Broken.ttf"
expect_exit 0 "$cli" fonts --font-dir "$work/myfonts"
head -1 "$work/out" | grep -qP "^BIZ UDPMincho\tRegular\t.*/myfonts/Mine.ttf$" || fail "fonts: $(head -3 "$work/out")"
grep -qP "^BIZ UDPGothic\tBold\t.*BIZUDPGothic-Bold.ttf$" "$work/out" || fail "fonts: bundled bold"
! grep -q "Broken.ttf" "$work/out" || fail "fonts listed a file that is no font"
expect_exit 0 "$cli" fonts --help
expect_exit 2 "$cli" fonts --bogus
echo "1 passed, 0 failed"
