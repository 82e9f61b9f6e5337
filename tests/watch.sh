#!/usr/bin/env bash
# watch.sh CLI TESTDIR WORKDIR — `ashireport watch` renders a deck, renders
# it again within a bounded time when the deck is edited, keeps the last
# good PDF when an edit breaks the deck, and renders again once it is
# mended. SPDX-License-Identifier: MIT
set -euo pipefail
cli=$1 tests=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
cd "$work"
fail() { echo "FAIL: $*" >&2; kill "$pid" 2>/dev/null || true; exit 1; }
deck() { printf '<deck xmlns="urn:ashireport:deck:1"><slide title="%s"><p>本文</p></slide></deck>\n' "$1" >deck.xml.new
         mv deck.xml.new deck.xml; }
# waits up to 15 s for the PDF's text to hold $1
wait_text() {
  for _ in $(seq 1 150); do
    if [ -s deck.pdf ] && pdftotext deck.pdf - 2>/dev/null | grep -q "$1"; then return 0; fi
    sleep 0.1
  done
  return 1
}
deck "最初の題"
timeout 60 "$cli" watch deck.xml >watch.out 2>watch.err &
pid=$!
wait_text "最初の題" || fail "no first render: $(cat watch.err)"
sleep 0.3
deck "直した題"
wait_text "直した題" || fail "the edit was not rendered: $(cat watch.err)"
# a broken deck: its error is said, the last good PDF stays
cp deck.pdf good.pdf
printf '<deck xmlns="urn:ashireport:deck:1"><slide title="壊れた"><p>閉じていない</slide></deck>\n' >deck.xml.new
mv deck.xml.new deck.xml
for _ in $(seq 1 150); do grep -q "error" watch.err && break; sleep 0.1; done
grep -q "deck.xml:1:[0-9]*: error" watch.err || fail "the broken deck's error was not said: $(cat watch.err)"
cmp -s deck.pdf good.pdf || fail "the broken deck replaced the last good PDF"
# mended: rendered again
deck "三つ目の題"
wait_text "三つ目の題" || fail "the mended deck was not rendered: $(cat watch.err)"
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
grep -q "changed: rendering again" watch.err || fail "no re-render message"
[ "$(grep -c '^wrote deck.pdf (1 page)$' watch.out)" -eq 3 ] || fail "wrote lines: $(cat watch.out)"
echo "1 passed, 0 failed"
