#!/usr/bin/env bash
# demo.sh — installs what is missing, builds, and renders the sample booklet
# in data/ to out/asahikawa.pdf. SPDX-License-Identifier: MIT
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
mkdir -p out
./build/cli/ashireport render data/asahikawa.xml -o out/asahikawa.pdf
echo "PDF: $(pwd)/out/asahikawa.pdf"
