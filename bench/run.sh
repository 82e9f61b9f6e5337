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
# Then issue #19: the booklet of gen-booklet.py at 9, 90 and 900 pages
# against the same content in Typst (typst-compile.mjs), both timed as whole
# processes in turn, pair by pair (Typst, ours, Typst, ours ...: the ratio
# is taken within each pair, so a machine whose speed drifts still gives a
# fair ratio), RUNS pairs, medians; peak memory by GNU time; the PDFs'
# sizes; the floor (floor.sh: xmllint, hb-shape, zlib and libdeflate) and
# our time against it; and ashi-bench's phases for the booklet at the
# three sizes beside the whole process's time.
# Timings are figures to read, never test assertions: quote them with the
# machine's load (a shared machine makes them noisy).
# SPDX-License-Identifier: MIT
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
source bench/timing.sh
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
declare -A ms pk sz
cp "$work/report-900.xml" "$work/report-900-threads.xml"
for deck in report-9 report-90 report-900 booklet report-900-threads table-10000 table-40000; do
  times=()
  flags=()
  [ "$deck" = report-900-threads ] && flags=(--threads "$(nproc)")
  for ((i = 0; i < runs; i++)); do
    s=$(date +%s%N)
    # the decks' warnings (loose lines in narrow cells) are not the figures:
    # shown only when the render fails
    /usr/bin/time -f %M -o "$work/rss" "$cli" render "$work/$deck.xml" -o "$work/$deck.pdf" \
      "${flags[@]}" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    e=$(date +%s%N)
    times+=("$(( (e - s) / 1000 ))")
    rss[i]=$(cat "$work/rss")
  done
  med=$(printf '%s\n' "${times[@]}" | median)
  ms[$deck]=$med
  peak=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)
  pages=$(pdfinfo "$work/$deck.pdf" | awk '/^Pages:/ {print $2}')
  size=$(stat -c %s "$work/$deck.pdf")
  pk[$deck]=$peak sz[$deck]=$size
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

# ---- issue #19: the booklet against Typst, and the floor ----
echo
npm_dir=${ASHI_BENCH_NPM_DIR:-$HOME/.cache/ashireport-bench-npm}
tv=$(node -p "require('$npm_dir/node_modules/@myriaddreamin/typst-ts-node-compiler/package.json').version")
echo "issue #19: the booklet (gen-booklet.py) against Typst (typst-ts-node-compiler $tv), whole processes, $runs pairs in turn, medians"
typst=(node bench/typst-compile.mjs)
for n in 9 90 900; do python3 bench/gen-booklet.py "$n" "$work/booklet-$n"; done
printf '%-16s %6s %13s %9s %7s %13s %14s %12s %13s\n' deck pages "ashireport s" "Typst s" ratio \
  "peak MiB ours" "peak MiB Typst" "PDF KB ours" "PDF KB Typst"
declare -A bms
for n in 9 90 900; do
  b="$work/booklet-$n"
  # one run of each first, not counted (page cache, node's code cache)
  "$cli" render "$b.xml" -o "$b.pdf" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  "${typst[@]}" "$b.typ" "$b-typst.pdf" fonts
  ours=() theirs=() ratios=() rss_o=() rss_t=()
  for ((i = 0; i < runs; i++)); do
    t=$(rss_run_us "$work/rss-t" "${typst[@]}" "$b.typ" "$b-typst.pdf" fonts)
    o=$(rss_run_us "$work/rss-o" "$cli" render "$b.xml" -o "$b.pdf")
    theirs+=("$t") ours+=("$o") rss_t+=("$(cat "$work/rss-t")") rss_o+=("$(cat "$work/rss-o")")
    ratios+=("$(awk -v t="$t" -v o="$o" 'BEGIN {printf "%.4f", t / o}')")
  done
  for f in "$b.pdf" "$b-typst.pdf"; do
    got=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
    [ "$got" = "$n" ] || echo "warning: $(basename "$f") has $got pages, not $n" >&2
  done
  bms[$n]=$(printf '%s\n' "${ours[@]}" | median)
  awk -v d="booklet-$n" -v p="$n" -v o="${bms[$n]}" -v t="$(printf '%s\n' "${theirs[@]}" | median)" \
      -v r="$(printf '%s\n' "${ratios[@]}" | median)" \
      -v mo="$(printf '%s\n' "${rss_o[@]}" | sort -n | tail -1)" \
      -v mt="$(printf '%s\n' "${rss_t[@]}" | sort -n | tail -1)" \
      -v so="$(stat -c %s "$b.pdf")" -v st="$(stat -c %s "$b-typst.pdf")" \
      'BEGIN {printf "%-16s %6d %13.3f %9.3f %6.1fx %13.1f %14.1f %12.1f %13.1f\n",
              d, p, o / 1e6, t / 1e6, r, mo / 1024, mt / 1024, so / 1024, st / 1024}'
done
pages=$(pdfinfo "$work/booklet.pdf" | awk '/^Pages:/ {print $2}')
awk -v p="$pages" -v o="${ms[booklet]}" -v mo="${pk[booklet]}" -v so="${sz[booklet]}" \
    'BEGIN {printf "%-16s %6d %13.3f %9s %7s %13.1f %14s %12.1f %13s\n",
            "sample booklet", p, o / 1e6, "-", "-", mo / 1024, "-", so / 1024, "-"}'
echo "ratio: Typst's time over ours, the median of the pairs' ratios (ours is that many times faster)"
echo
echo "the floor (floor.sh: standalone tools, whole processes, medians of $runs), and ours against it"
floor=$(bench/floor.sh "$runs" "$work/booklet-9.xml" "$work/booklet-9.pdf" \
        "$work/booklet-90.xml" "$work/booklet-90.pdf" "$work/booklet-900.xml" "$work/booklet-900.pdf")
echo "$floor"
for n in 9 90 900; do
  echo "$floor" | awk -v d="booklet-$n" -v o="${bms[$n]}" '$1 == d {
    printf "%-14s ours %.1f ms = %.2f x the floor with zlib, %.2f x the floor with libdeflate\n",
           d, o / 1000, o / 1000 / $6, o / 1000 / $7}'
done
echo "targets (issue #19, 2 cores): >= 10x faster than Typst at 9, 90 and 900 pages, peak <= 64 MB at 900 pages, within 2x of the floor"
echo
# the phases of ashi-bench (in one process, to memory) at the three sizes,
# side by side, and what the whole process adds to them (start-up, reading
# the deck and writing the file, freeing)
for n in 9 90 900; do build-bench/bench/ashi-bench "$work/booklet-$n.xml" "$runs" >"$work/phases-$n"; done
echo "phases of the booklet (ashi-bench, in-process medians of $runs; allocations: the library's own, at 900 pages)"
awk -v w9="${bms[9]}" -v w90="${bms[90]}" -v w900="${bms[900]}" '
  FNR == 1 {f++}
  $1 == "phase" || NF < 4 || $1 ~ /:$/ {next}
  {name = $1; for (i = 2; i <= NF - 3; i++) name = name " " $i
   if (f == 1) order[++n] = name
   ms[f, name] = $(NF - 2); if (f == 3) {pp[name] = $(NF - 1); al[name] = $NF}}
  END {
    printf "%-18s %9s %9s %9s %12s %12s\n", "phase", "9 p ms", "90 p ms", "900 p ms", "ms/page 900", "allocations"
    for (i = 1; i <= n; i++) { k = order[i]
      printf "%-18s %9.2f %9.2f %9.2f %12.3f %12d\n", k, ms[1, k], ms[2, k], ms[3, k], pp[k], al[k] }
    printf "%-18s %9.2f %9.2f %9.2f\n", "whole process", w9 / 1000, w90 / 1000, w900 / 1000
    printf "%-18s %9.2f %9.2f %9.2f\n", "  less total", w9 / 1000 - ms[1, "total"],
           w90 / 1000 - ms[2, "total"], w900 / 1000 - ms[3, "total"] }
' "$work/phases-9" "$work/phases-90" "$work/phases-900"
