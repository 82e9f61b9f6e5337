#!/usr/bin/env bash
# hostile-text.sh — the line-breaking figures of issue #14 item 3: one-slide
# decks whose only paragraph is one hostile shape (one Latin word with no
# space, one number, kana and kanji, one <nobr>, one ruby base with a short
# and with a long reading, chains of closing brackets, of 、 and of opening
# brackets, leaders, a URL, Latin and Japanese alternating, numbers with
# units, era dates, characters no font has, and the Latin word on a slide
# that may shrink its text) at four sizes of paragraph text (32,000 to 262,000
# bytes, the last just under the 256 KiB text-bytes limit), each rendered
# RUNS times (default 5) by a Release `ashireport render` as a user runs
# it. Prints the median wall and CPU time, the peak memory and how the CPU
# time grows from one size to the next (x2 in size: about x2 is linear, x4
# quadratic). Most of these decks overflow their slide (an error, exit 1):
# the time is what is measured. ASHI_CLI=PATH measures another build.
# Timings are figures to read, never test assertions.
# Usage: bench/hostile-text.sh [RUNS] [SHAPE...]
# SPDX-License-Identifier: MIT
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
shift || true
scripts/deps.sh --bench
cli="${ASHI_CLI:-}"
if [ -z "$cli" ]; then
  cmake -S . -B build-rel -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build-rel -j2 >/dev/null
  cli=build-rel/cli/ashireport
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export LC_ALL=C
TIMEFORMAT='%3U %3S'

# rep PATTERN BYTES: PATTERN repeated to at most BYTES bytes (whole copies)
rep() {
  local n=$(( $2 / ${#1} ))
  awk -v p="$1" -v n="$n" 'BEGIN { s = p; out = ""; while (n > 0) { if (n % 2) out = out s; s = s s; n = int(n / 2) } printf "%s", out }'
}

# body SHAPE BYTES: the paragraph's inline content
body() {
  local b=$2
  case "$1" in
    latin)    rep a "$b" ;;
    digits)   rep 7 "$b" ;;
    kana)     rep あ漢 "$b" ;;                       # a break between any two
    nobr)     printf '<nobr>'; rep あ漢 "$b"; printf '</nobr>' ;;
    ruby)     printf '<ruby rt="かんじ">'; rep 漢 "$b"; printf '</ruby>' ;;
    rubylong) printf '<ruby rt="'; rep か $(( b / 2 )); printf '">'; rep 漢 $(( b / 2 )); printf '</ruby>' ;;
    closing)  printf '漢'; rep '」' "$b" ;;          # no line may start with 」
    commas)   printf '漢'; rep '、' "$b" ;;
    opening)  rep '「' "$b"; printf '漢' ;;          # no line may end with 「
    leaders)  rep '…' "$b" ;;                       # never split ……
    url)      printf 'https://'; rep 'www.example.com/path/to/page_1234.html?q=abc&amp;r=5#frag-' "$b" ;;
    mixed)    rep 'ab漢' "$b" ;;                     # quarter-em spaces, a break at each change
    units)    rep '5万' "$b" ;;                      # one number and its units, split only as a last resort
    era)      rep '令和5年度' "$b" ;;
    missing)  rep '𠮷' "$b" ;;                       # in none of the fonts
    shrink)   rep a "$b" ;;                         # the Latin word, on a slide fit="shrink"
    *) echo "hostile-text.sh: unknown shape $1" >&2; exit 2 ;;
  esac
}

deck() {
  local fit=""
  [ "$1" = shrink ] && fit=' fit="shrink"'
  printf '<deck xmlns="urn:ashireport:deck:1" xml:lang="ja"><slide title="hostile"%s><p>' "$fit"
  body "$1" "$2"
  printf '</p></slide></deck>\n'
}

# median of numbers on stdin
median() { sort -n | awk '{v[NR] = $1} END {print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

shapes=("$@")
[ ${#shapes[@]} -gt 0 ] || shapes=(latin digits kana nobr ruby rubylong closing commas opening leaders url mixed units era missing shrink)
sizes=(32000 64000 128000 262000)
printf '%-9s %8s %9s %9s %8s %7s\n' shape bytes "wall ms" "cpu ms" "peak MB" growth
for shape in "${shapes[@]}"; do
  prev=""
  for size in "${sizes[@]}"; do
    deck "$shape" "$size" >"$work/$shape.xml"
    times=()
    cpus=()
    peak=0
    for ((i = 0; i < runs; i++)); do
      s=$(date +%s%N)
      # bash's time for the CPU (user and system, to the millisecond), GNU
      # time's for the peak memory
      { time /usr/bin/time -f %M -o "$work/rss" "$cli" render "$work/$shape.xml" \
          -o "$work/$shape.pdf" >/dev/null 2>&1 || true; } 2>"$work/cpu"
      e=$(date +%s%N)
      times+=("$(( (e - s) / 1000 ))")
      cpus+=("$(awk '{print ($1 + $2) * 1000}' "$work/cpu")")
      r=$(tail -1 "$work/rss")
      (( r > peak )) && peak=$r
    done
    med=$(printf '%s\n' "${times[@]}" | median)
    cpu=$(printf '%s\n' "${cpus[@]}" | median)
    # growth of the CPU time (the wall time of a shared machine wanders)
    growth="-"
    [ -n "$prev" ] && growth=$(awk -v a="$prev" -v b="$cpu" 'BEGIN {printf "x%.1f", (a > 0 ? b / a : 0)}')
    awk -v d="$shape" -v n="$size" -v t="$med" -v c="$cpu" -v r="$peak" -v g="$growth" \
      'BEGIN {printf "%-9s %8d %9.1f %9.0f %8.1f %7s\n", d, n, t / 1000, c, r / 1024, g}'
    prev=$cpu
  done
done
# 262,000 kana are three times the text-bytes limit: refused, at once
deck kana 786000 >"$work/over.xml"
s=$(date +%s%N)
"$cli" render "$work/over.xml" -o "$work/over.pdf" >"$work/over.out" 2>&1 || true
e=$(date +%s%N)
awk -v t="$(( (e - s) / 1000 ))" 'BEGIN {printf "262,000 kana (786,000 bytes, over the limit): %.1f ms, ", t / 1000}'
grep -o 'over the text-bytes limit[^,]*' "$work/over.out" | head -1 || echo "(no limit message)"
