#!/usr/bin/env bash
# run.sh [SECONDS] [TARGET...] — builds the fuzz targets with clang
# (libFuzzer, ASan, UBSan) and runs each (deck text csv image, or those
# named) for SECONDS (default 60), one after the other, on its seeds in
# fuzz/corpus/ with its dictionary: fuzz/TARGET.dict, and for the deck the
# one that fuzz/make-dict.sh makes from the schema at build time. A crash,
# timeout or out-of-memory fails the run and leaves the input in
# fuzz/crashes/. SPDX-License-Identifier: MIT
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-deck text csv image}
case $secs in '' | *[!0-9]*) echo "usage: fuzz/run.sh [SECONDS] [deck|text|csv|image]..." >&2; exit 2 ;; esac
for t in $targets; do
  case $t in deck | text | csv | image) ;; *) echo "fuzz/run.sh: no target '$t'" >&2; exit 2 ;; esac
done
command -v clang >/dev/null || { echo "clang is needed for fuzzing" >&2; exit 1; }
CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DASHI_FUZZ=ON \
  -DBUILD_TESTING=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" >/dev/null
mkdir -p fuzz/crashes build-fuzz/corpus
passed=0
for t in $targets; do
  work="build-fuzz/corpus/$t"
  rm -rf "$work" && mkdir -p "$work" && cp fuzz/corpus/$t/* "$work"/ 2>/dev/null || true
  # with a custom mutator (fuzz_deck's) libFuzzer stops growing input
  # lengths step by step unless told to: small decks first, as elsewhere
  flags="-dict=fuzz/$t.dict"
  [ "$t" = deck ] && flags="-dict=build-fuzz/fuzz/deck.dict -len_control=100"
  echo "== fuzz_$t for ${secs}s"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    ./build-fuzz/fuzz/fuzz_$t -max_total_time="$secs" -max_len=65536 -timeout=10 \
      -rss_limit_mb=2048 $flags -artifact_prefix=fuzz/crashes/$t- \
      -print_final_stats=0 "$work" fuzz/corpus/$t 2>"build-fuzz/fuzz_$t.log" \
    || { tail -40 "build-fuzz/fuzz_$t.log"; echo "FAIL: fuzz_$t found a crash"; exit 1; }
  grep -E "^#[0-9]+.*DONE|Done [0-9]+ runs" "build-fuzz/fuzz_$t.log" | tail -1 || true
  passed=$((passed + 1))
done
echo "$passed passed, 0 failed"
