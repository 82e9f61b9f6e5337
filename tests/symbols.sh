#!/usr/bin/env bash
# symbols.sh ARCHIVE SHARED HEADER — the library's names as a program that
# links it sees them: every global the static archive defines starts with
# ashi_ or ASHI_ (a program with its own lay_table() or measure() links),
# and the shared library exports exactly the functions the public header
# declares with ASHI_EXPORT, plus the tests' ashi__ probes.
# SPDX-License-Identifier: MIT
set -euo pipefail
export LC_ALL=C
archive=$1 shared=$2 header=$3
fail=0
# (a sanitizer build adds its own: __odr_asan.NAME for each global NAME)
stray=$(nm -g --defined-only "$archive" | awk 'NF == 3 {print $3}' | sed 's/^__odr_asan\.//' |
        grep -v '^ashi_\|^ASHI_\|^__[at]san_\|^__ubsan_' | sort -u || true)
if [ -n "$stray" ]; then
  echo "FAIL: the static archive defines globals without the ashi_ prefix:" >&2
  echo "$stray" >&2
  fail=1
fi
declared=$(grep -o 'ASHI_EXPORT [^(]*(' "$header" | sed -E 's/.*[ *]([a-z_0-9]+)\($/\1/' | sort -u)
exported=$(nm -D --defined-only "$shared" | awk '{print $3}' | grep -v '^ashi__' | sort -u)
if [ "$declared" != "$exported" ]; then
  echo "FAIL: the shared library's exports differ from the header's ASHI_EXPORT functions:" >&2
  diff <(echo "$declared") <(echo "$exported") >&2 || true
  fail=1
fi
n=$(echo "$exported" | wc -l)
[ "$n" -ge 20 ] || { echo "FAIL: only $n exports found" >&2; fail=1; }
[ "$fail" = 0 ] && echo "ok: $n exported functions, no unprefixed global in the archive"
exit "$fail"
