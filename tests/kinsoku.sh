#!/usr/bin/env bash
# kinsoku.sh CLI DECK WORK — sets every paragraph of DECK at three measures
# (a narrow table cell, half a slide, a full slide), renders each and reads
# the PDF back with pdftotext -bbox-layout: no line may start or end with a
# character JLReq forbids there. SPDX-License-Identifier: MIT
set -euo pipefail
cli=$1 deck=$2 work=$3
mkdir -p "$work"
tools=$(cd "$work/.." && pwd)
name=$(basename "$deck" .xml)
# page widths: the measure plus 2 x 18 mm margins
for spec in cell:76mm half:161mm full:297mm; do
  label=${spec%%:*} width=${spec#*:}
  out="$work/$name-$label"
  "$tools/deck_reflow" "$deck" "$width" >"$out.xml"
  "$cli" render "$out.xml" -o "$out.pdf" >/dev/null 2>"$out.err" \
    || { echo "FAIL [$label]: render failed: $(cat "$out.err")"; exit 1; }
  pdftotext -bbox-layout "$out.pdf" - | "$tools/kinsoku_check" >"$out.check" \
    || { echo "FAIL [$label]:"; cat "$out.check"; exit 1; }
  echo "ok [$label $width]: $(tail -1 "$out.check")"
done
# The checker itself must catch violations: <br/> forces two here.
printf '<deck xmlns="urn:ashireport:deck:1"><slide title="T"><p>旭川<br/>。次「<br/>旭</p></slide></deck>' \
  >"$work/$name-forced.xml"
"$cli" render "$work/$name-forced.xml" -o "$work/$name-forced.pdf" >/dev/null
if pdftotext -bbox-layout "$work/$name-forced.pdf" - | "$tools/kinsoku_check" >"$work/$name-forced.check"; then
  echo "FAIL: the checker missed forced violations"; exit 1
fi
grep -q "2 kinsoku violations" "$work/$name-forced.check" || { cat "$work/$name-forced.check"; exit 1; }
echo "3 passed, 0 failed"
