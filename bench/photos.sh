#!/usr/bin/env bash
# photos.sh [RUNS] [REF_CLI] — print output of a deck of 40 different
# 6000 x 4000 RGB JPEG photos (24 megapixels each, made once in
# /tmp/ashi-photos by tests/mkjpeg), each placed 50 mm wide on its own
# slide: ashireport render --print timed by farm-bench (median of RUNS,
# default 5), peak RSS by /usr/bin/time -f %M, and the PDF's size; the same
# with --max-ppi 0 (no downsampling) once, and with REF_CLI (another build,
# e.g. main's) once when given. Figures to read, never test assertions.
# SPDX-License-Identifier: MIT
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}" ref="${2:-}"
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-bench -j2 --target ashireport_cli mkjpeg >/dev/null
cli=$PWD/build-bench/cli/ashireport
dir=/tmp/ashi-photos
mkdir -p "$dir"
for i in $(seq 1 40); do
  [ -s "$dir/p$i.jpg" ] || build-bench/tests/mkjpeg "$dir/p$i.jpg" 6000 4000 "$i"
done
{ echo '<deck xmlns="urn:ashireport:deck:1" page="A4-landscape"><theme><master number="off"/></theme>'
  for i in $(seq 1 40); do
    echo "<slide layout=\"blank\"><image src=\"p$i.jpg\" x=\"20mm\" y=\"20mm\" w=\"50mm\" alt=\"写真 $i\"/></slide>"
  done
  echo '</deck>'; } >"$dir/photos.xml"
echo "40 photos, $(du -cb "$dir"/p*.jpg | tail -1 | cut -f1) bytes of JPEG"
measure() { # LABEL CLI ARGS...
  local label=$1 bin=$2; shift 2
  /usr/bin/time -f %M -o "$dir/rss" "$bin" render "$dir/photos.xml" "$@" -o "$dir/out.pdf" \
    >/dev/null 2>"$dir/err" || { echo "$label: failed: $(tail -1 "$dir/err")"; return 0; }
  echo "$label: peak RSS $(cat "$dir/rss") KB, PDF $(stat -c %s "$dir/out.pdf") bytes"
}
measure "--print" "$cli" --print
farm-bench -n "$runs" --timeout 600 -- "$cli" render "$dir/photos.xml" --print -o "$dir/out.pdf"
measure "--print --max-ppi 0" "$cli" --print --max-ppi 0
[ -z "$ref" ] || measure "reference --print" "$ref" --print
