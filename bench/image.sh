#!/usr/bin/env bash
# image.sh [RUNS] — the cost of checking a JPEG before it is embedded
# (every scan decoded by TurboJPEG at 1/8 scale): baseline and progressive
# JPEGs of 1, 4, 12 and 48 megapixels, each decoded RUNS times (default 5)
# by ashi-bench-image, median time and added peak memory. Figures to read,
# never test assertions. SPDX-License-Identifier: MIT
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-bench -j2 --target ashi-bench-image >/dev/null
bin=build-bench/bench/ashi-bench-image
work=build-bench/image-bench
mkdir -p "$work"
for mode in baseline progressive; do
  for mp in 1 4 12 48; do
    f="$work/$mode-${mp}mp.jpg"
    [ -e "$f" ] || "$bin" make "$f" "$mp" "$mode" >/dev/null
    "$bin" check "$f" "$runs"
  done
done
