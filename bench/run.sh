#!/usr/bin/env bash
# run.sh — the speed, memory and size figures of issue #10: builds a
# Release tree (build-bench/), generates the nine-slide report repeated to
# 9, 90 and 900 pages (gen-deck.sh), and for each and for the sample
# booklet runs `ashireport render` as a user does, RUNS times (default 5),
# printing the median wall time, the peak memory, the PDF's size, its font
# subset bytes and any object written twice; then the cost per page from
# 90 to 900 pages, and the per-phase table of ashi-bench for the 900-page
# deck (the 900 pages are also laid out on every core, --threads; and a
# table of 10,000 and 40,000 CSV rows shows the cost of long tables).
# Timings are figures to read, never test assertions.
# SPDX-License-Identifier: MIT
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
scripts/deps.sh --bench
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-bench -j"$(nproc)" >/dev/null
cli=build-bench/cli/ashireport
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for n in 9 90 900; do bench/gen-deck.sh "$n" >"$work/report-$n.xml"; done
cp data/asahikawa.xml "$work/booklet.xml"
# one table from a CSV of 10,000 and of 40,000 rows, over follow-on pages
for n in 10000 40000; do
  awk -v n="$n" 'BEGIN { print "番号,地区,件数"; for (i = 1; i <= n; i++) print i ",地区" i "," i * 7 }' \
    >"$work/rows-$n.csv"
  printf '<deck xmlns="urn:ashireport:deck:1"><slide title="表"><table src="rows-%s.csv" header-rows="1" split="continue"/></slide></deck>\n' \
    "$n" >"$work/table-$n.xml"
done

# median of numbers on stdin
median() { sort -n | awk '{v[NR] = $1} END {print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# objects whose whole body (dictionary and stream) another object repeats;
# qpdf's stream-length objects are bare numbers and are left out
duplicates() {
  qpdf --qdf --object-streams=disable "$1" "$work/qdf.pdf"
  LC_ALL=C awk 'BEGIN {RS = "endobj"}
    {sub(/^[ \n]*(%[^\n]*\n)*/, ""); sub(/^[0-9]+ 0 obj\n/, "")
     if (length($0) > 0 && $0 !~ /^[0-9]+\n*$/) seen[$0]++}
    END {for (k in seen) if (seen[k] > 1) n += seen[k] - 1; print n + 0}' "$work/qdf.pdf"
}

# bytes of the embedded font programs (compressed, as written)
font_bytes() {
  local total=0 len
  for len in $(qpdf --json=1 --json-key=objects "$1" |
               grep -B1 '"/Length1"' | sed -n 's/.*"\/Length": "\([0-9]*\) 0 R".*/\1/p'); do
    total=$((total + $(qpdf --show-object="$len" "$1")))
  done
  echo "$total"
}

printf '%-22s %6s %10s %9s %9s %9s %6s\n' deck pages "median ms" "peak MB" "PDF KB" "font KB" dups
declare -A ms
cp "$work/report-900.xml" "$work/report-900-threads.xml"
for deck in report-9 report-90 report-900 booklet report-900-threads table-10000 table-40000; do
  times=()
  flags=()
  [ "$deck" = report-900-threads ] && flags=(--threads "$(nproc)")
  for ((i = 0; i < runs; i++)); do
    s=$(date +%s%N)
    /usr/bin/time -f %M -o "$work/rss" "$cli" render "$work/$deck.xml" -o "$work/$deck.pdf" \
      "${flags[@]}" >/dev/null
    e=$(date +%s%N)
    times+=("$(( (e - s) / 1000 ))")
    rss[i]=$(cat "$work/rss")
  done
  med=$(printf '%s\n' "${times[@]}" | median)
  ms[$deck]=$med
  peak=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)
  pages=$(pdfinfo "$work/$deck.pdf" | awk '/^Pages:/ {print $2}')
  size=$(stat -c %s "$work/$deck.pdf")
  awk -v d="$deck" -v p="$pages" -v t="$med" -v r="$peak" -v s="$size" \
      -v f="$(font_bytes "$work/$deck.pdf")" -v u="$(duplicates "$work/$deck.pdf")" \
      'BEGIN {printf "%-22s %6d %10.1f %9.1f %9.1f %9.1f %6d\n", d, p, t / 1000, r / 1024, s / 1024, f / 1024, u}'
done
echo
awk -v a="${ms[report-9]}" -v b="${ms[report-90]}" -v c="${ms[report-900]}" 'BEGIN {
  printf "cost per page from 90 to 900 pages: %.3f ms (from 9 to 90: %.3f ms)\n",
         (c - b) / 810 / 1000, (b - a) / 81 / 1000}'
awk -v a="${ms[table-10000]}" -v b="${ms[table-40000]}" 'BEGIN {
  printf "table: %.1f ms per 1,000 rows from 10,000 to 40,000 rows\n", (b - a) / 30 / 1000}'
echo "targets: 9 pages <= 25 ms, 90 <= 60 ms, 900 <= 500 ms, 900 pages <= 64 MB, nine slides <= 80 KB"
echo
build-bench/bench/ashi-bench "$work/report-900.xml" "$runs"
