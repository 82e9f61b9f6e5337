#!/usr/bin/env bash
# fonts.sh CLI FONT_DAMAGE FONTDIR DIR WORK — damaged fonts, made at test
# time from the bundled ones by font_damage (tests/font_damage.c): each
# DIR/NAME.xml names NAME.ttf, made with damage NAME, and expects the exact
# diagnostics of DIR/NAME.expect from render and check alike (errors.sh);
# DIR/unnamed/ names no font, and damaged copies of the bundled gothic and
# fallback put in its folder are reported at the deck.
# SPDX-License-Identifier: MIT
set -uo pipefail
cli=$1 damage=$2 fonts=$3 dir=$4 work=$5
here=$(dirname "$0")
rm -rf "$work"
mkdir -p "$work/decks" "$work/unnamed"
for deck in "$dir"/*.xml; do
  name=$(basename "$deck" .xml)
  cp "$deck" "$dir/$name.expect" "$work/decks/" || exit 1
  "$damage" "$fonts/BIZUDPGothic-Regular.ttf" "$work/decks/$name.ttf" "$name" || exit 1
done
bash "$here/errors.sh" "$cli" "$work/decks" "$work/out"
rc=$?

cp "$dir/unnamed/unnamed.xml" "$dir/unnamed/unnamed.expect" "$work/unnamed/" || exit 1
"$damage" "$fonts/BIZUDPGothic-Regular.ttf" "$work/unnamed/BIZUDPGothic-Regular.ttf" glyf-short &&
  "$damage" "$fonts/DroidSansFallbackFull.ttf" "$work/unnamed/DroidSansFallbackFull.ttf" loca-short ||
  exit 1
deck="$work/unnamed/unnamed.xml" pdf="$work/unnamed/unnamed.pdf"
for cmd in render check; do
  if [ "$cmd" = render ]; then args=(render "$deck" -o "$pdf"); else args=(check "$deck"); fi
  "$cli" "${args[@]}" >/dev/null 2>"$work/unnamed/$cmd.err"
  st=$?
  sed "s|$deck|DECK|g" "$work/unnamed/$cmd.err" >"$work/unnamed/$cmd.got"
  if [ "$st" -ne 1 ] || [ -e "$pdf" ] || ! diff -u "$work/unnamed/unnamed.expect" "$work/unnamed/$cmd.got"; then
    echo "FAIL [unnamed]: $cmd exited $st, wrote a file or printed other diagnostics"
    rc=1
  fi
done
[ "$rc" -eq 0 ] && echo "unnamed fonts: passed"
exit "$rc"
