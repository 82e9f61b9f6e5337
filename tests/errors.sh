#!/usr/bin/env bash
# errors.sh CLI DIR WORKDIR — each DIR/NAME.xml is a broken deck and
# DIR/NAME.expect the exact diagnostics `ashireport render` must print
# (the deck's path written as DECK). Each must exit 1 and write no file.
# SPDX-License-Identifier: MIT
set -uo pipefail
cli=$1 dir=$2 work=$3
mkdir -p "$work"
failed=0 passed=0
for deck in "$dir"/*.xml; do
  name=$(basename "$deck" .xml)
  pdf="$work/$name.pdf"
  rm -f "$pdf"
  "$cli" render "$deck" -o "$pdf" >"$work/$name.out" 2>"$work/$name.err"
  rc=$?
  sed "s|$deck|DECK|g" "$work/$name.err" >"$work/$name.got"
  if [ "$rc" -ne 1 ]; then
    echo "FAIL [$name]: exit status $rc, want 1"; failed=$((failed+1)); continue
  fi
  if [ -e "$pdf" ] || ls -a "$work" | grep -q "^$name.pdf.tmp\|^\.ashi-"; then
    echo "FAIL [$name]: an output file was written"; failed=$((failed+1)); continue
  fi
  if ! diff -u "$dir/$name.expect" "$work/$name.got"; then
    echo "FAIL [$name]: diagnostics differ"; failed=$((failed+1)); continue
  fi
  # check must report the same and write nothing either
  "$cli" check "$deck" >/dev/null 2>"$work/$name.check"
  rc=$?
  if [ "$rc" -ne 1 ] || ! diff -q "$work/$name.err" "$work/$name.check" >/dev/null; then
    echo "FAIL [$name]: check differs from render (exit $rc)"; failed=$((failed+1)); continue
  fi
  passed=$((passed+1))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -ge 6 ]
