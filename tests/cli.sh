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
grep -q "does-not-exist.xml:0:0: error: cannot read the deck: No such file or directory" \
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
grep -q "huge.xml:0:0: error: the deck is 70000065 bytes, over the input-bytes limit of 67108864" \
  "$work/err" || fail "huge deck: $(cat "$work/err")"
[ ! -e "$work/huge.pdf" ] || fail "a PDF was written for a huge deck"
rm -f "$work/huge.xml"
# the font-folder limit is named
dirs=()
for i in $(seq 1 33); do dirs+=(--font-dir "$work"); done
expect_exit 2 "$cli" check "$tests/decks/minimal.xml" "${dirs[@]}"
[ "$(cat "$work/err")" = "ashireport: --font-dir '$work' is one more than the 32 font folders that may be given" ] \
  || fail "font-folder limit: $(cat "$work/err")"
echo "1 passed, 0 failed"
