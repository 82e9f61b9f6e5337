#!/usr/bin/env bash
# test.sh — installs what is missing, then builds and runs every test twice:
# a normal build with -Werror, and an AddressSanitizer + UBSan build; then
# the threads test under ThreadSanitizer and each fuzz target for a while.
# SPDX-License-Identifier: MIT
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh --test
jobs="$(nproc)"
# the tests read the English messages, whatever the tester's language (the
# Japanese ones are tested by asking for them)
export LANGUAGE=en

echo "== build (-Wall -Wextra -Werror) and test"
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DASHI_WERROR=ON >/dev/null
cmake --build build-test -j"$jobs" >/dev/null
(cd build-test && ctest --output-on-failure -j"$jobs")

echo "== ASan + UBSan build and test"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DASHI_WERROR=ON -DASHI_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs" >/dev/null
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
   UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
   ctest --output-on-failure -j"$jobs")

echo "== ThreadSanitizer build: eight decks rendered on eight threads at once"
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=Debug -DASHI_WERROR=ON -DASHI_TSAN=ON >/dev/null
cmake --build build-tsan -j"$jobs" --target test_api >/dev/null
(cd build-tsan && TSAN_OPTIONS=halt_on_error=1 ctest --output-on-failure -R '^unit_api$')

echo "== fuzzing: each libFuzzer target for ${ASHI_FUZZ_SECONDS:-30} s"
fuzz/run.sh "${ASHI_FUZZ_SECONDS:-30}"
