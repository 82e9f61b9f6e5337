# shellcheck shell=bash
# timing.sh — shell functions that bench/run.sh and bench/floor.sh source:
# wall times from bash's own clock (EPOCHREALTIME, no process started to
# read it), peak memory from GNU time, medians. SPDX-License-Identifier: MIT

# median of the numbers on stdin
median() { sort -n | awk '{v[NR] = $1} END {print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# run_us CMD... — runs CMD, its output thrown away, and prints its wall time
# in microseconds (the clock is read in this shell, ${EPOCHREALTIME/./}: no
# subshell inside the interval; LC_ALL=C keeps its decimal point a dot); a
# failing CMD shows its messages and fails
run_us() {
  local s e err
  err=$(mktemp)
  s=${EPOCHREALTIME/./}
  if ! "$@" >/dev/null 2>"$err"; then cat "$err" >&2; rm -f "$err"; return 1; fi
  e=${EPOCHREALTIME/./}
  rm -f "$err"
  echo $((e - s))
}

# rss_run_us RSSFILE CMD... — as run_us, under GNU time, which writes the
# peak resident memory (KB) into RSSFILE
rss_run_us() {
  local f=$1
  shift
  run_us /usr/bin/time -f %M -o "$f" "$@"
}
