#!/usr/bin/env bash
# vocab.sh DUMP CLI SRC WORK — the vocabulary table (lib/doc/vocab.c, printed
# by DUMP, tests/vocab_dump.c) agrees with the schema (same attributes per
# element, same enumerations, same required ones) and with each reference
# (docs/reference.*.md: every attribute in its element's section, every
# choice and every range bound in its Values), and the loader reports every
# bad value: WORK/bad-values.xml holds one line per wrong value of every
# attribute whose type can be wrong, plus lines with several problems (and
# WORK/pixel.png for its images; the deck is the same on every run), and
# `check` must name each at its attribute's line and column, sorted, and
# exit non-zero. If SRC/tests/errors/bad-values.expect exists, the
# diagnostics (deck path as DECK) must equal it. Then the schema: xmllint
# refuses each of those bad values in a deck of its own, and on thousands of
# values around every typed attribute's rules (bounds in each unit, odd
# spellings) it agrees with the loader. SPDX-License-Identifier: MIT
set -uo pipefail
dump=$1 cli=$2 src=$3 work=$4
mkdir -p "$work"
fail=0

"$dump" >"$work/vocab.txt" || { echo "FAIL: $dump failed"; exit 1; }

# One python program (vocab_check.py), run in several modes, so the
# generator and the checkers share the deck's description
# ($work/bad-values.json).
py=$(dirname "$0")/vocab_check.py

# a, b: the table against the schema and the references
python3 "$py" tables "$work" "$src" || { echo "FAIL: schema or reference disagree"; fail=1; }

# c: the generated deck and its diagnostics
python3 "$py" generate "$work" "$src" || { echo "FAIL: generator"; fail=1; }
deck=$work/bad-values.xml
"$cli" check "$deck" >"$work/bad-values.out" 2>"$work/bad-values.err"
rc=$?
sed "s|$deck|DECK|g" "$work/bad-values.err" >"$work/bad-values.got"
[ "$rc" -ne 0 ] || { echo "FAIL: check exited 0 on $deck"; fail=1; }
python3 "$py" verify "$work" "$src" || { echo "FAIL: diagnostics of $deck"; fail=1; }
if [ -e "$src/tests/errors/bad-values.expect" ]; then
  diff -u "$src/tests/errors/bad-values.expect" "$work/bad-values.got" ||
    { echo "FAIL: diagnostics differ from tests/errors/bad-values.expect"; fail=1; }
fi
# d, e: the schema's value types (scripts/schema.py) refuse every bad value
# above, and give the loader's verdict on values around every rule
python3 "$py" schema "$work" "$src" "$cli" || { echo "FAIL: the schema's value types"; fail=1; }
[ "$fail" -eq 0 ] && echo "vocab: all checks passed"
exit $fail
