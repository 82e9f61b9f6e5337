#!/usr/bin/env bash
# csv.sh CLI WORK — a 2,000-row table read from a CSV (BOM, CRLF, quoted
# commas) splits over follow-on slides with its header repeated and every
# row present exactly once; a malformed CSV is a diagnostic with the CSV's
# own line and column. SPDX-License-Identifier: MIT
set -euo pipefail
cli=$1 work=$2
mkdir -p "$work"
cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
{ printf '\xEF\xBB\xBF番号,地区,件数,金額\r\n'
  for i in $(seq 1 2000); do printf '%d,"地区%d, 旭川",%d,%d\r\n' "$i" "$i" $((i * 7)) $((i * 12345)); done
} >rows.csv
cat >rows.xml <<'XML'
<deck xmlns="urn:ashireport:deck:1">
  <slide title="2,000行の表">
    <table src="rows.csv" header-rows="1" split="continue" borders="rules" widths="25mm 1fr 35mm 45mm">
      <col align="num"/><col/><col align="num" format="comma"/><col align="num" format="man"/>
    </table>
  </slide>
</deck>
XML
"$cli" render rows.xml -o rows.pdf >rows.out 2>rows.err || fail "render: $(cat rows.err)"
[ ! -s rows.err ] || fail "stderr: $(cat rows.err)"
qpdf --check rows.pdf >/dev/null || fail "qpdf --check"
pages=$(pdfinfo rows.pdf | awk '/^Pages:/ {print $2}')
[ "$pages" -gt 50 ] || fail "only $pages pages"
pdftotext -raw rows.pdf rows.txt
# every row exactly once: "N 地区N, 旭川 7N ..." with N from 1 to 2000
awk '/^[0-9]+ 地区[0-9]+, 旭川 / { split($2, a, "区"); n = $1; if (a[2] != n "," ) bad = 1; seen[n]++ }
     END { for (i = 1; i <= 2000; i++) if (seen[i] != 1) { print "row " i " seen " seen[i] + 0 " times"; bad = 1 }
           exit bad }' rows.txt || fail "rows missing or repeated"
heads=$(grep -c "^番号 地区 件数 金額$" rows.txt)
[ "$heads" -eq "$pages" ] || fail "header on $heads of $pages pages"
[ "$(grep -c '2,000行の表（続き）$' rows.txt)" -eq $((pages - 1)) ] || fail "continuation titles"
grep -q "^2000 地区2000, 旭川 14,000 2,469万$" rows.txt || fail "number formats: $(grep '^2000 ' rows.txt)"

# laid out on 1 and on 4 threads, the same bytes; the slides after the
# table that ran over pages carry the page numbers that follow it
cat >threads.xml <<'XML'
<deck xmlns="urn:ashireport:deck:1">
  <slide title="前"><p>前のスライド</p></slide>
  <slide title="表"><table src="rows.csv" header-rows="1" split="continue"/></slide>
  <slide title="後"><p>後のスライド</p></slide>
  <section title="章"><slide title="最後"><p>最後のスライド</p></slide></section>
</deck>
XML
"$cli" render threads.xml -o t1.pdf --threads 1 >/dev/null || fail "render on 1 thread"
"$cli" render threads.xml -o t4.pdf --threads 4 >/dev/null || fail "render on 4 threads"
cmp -s t1.pdf t4.pdf || fail "4 threads gave other bytes than 1"
n=$(pdfinfo t4.pdf | awk '/^Pages:/ {print $2}')
[ "$n" -gt 40 ] || fail "threads deck has only $n pages"
pdftotext -f "$n" -l "$n" -layout t4.pdf - | grep -q "最後のスライド" || fail "last slide not last"
pdftotext -f "$n" -l "$n" -raw t4.pdf - | grep -qx "$n" || fail "last page not numbered $n"
pdftotext -f $((n - 2)) -l $((n - 2)) -raw t4.pdf - | grep -q "後のスライド" || fail "slide after the table"
pdftotext -f $((n - 2)) -l $((n - 2)) -raw t4.pdf - | grep -qx "$((n - 2))" || fail "page $((n - 2)) number"
qpdf --json --json-key=outlines t4.pdf | grep -A1 '"title": "後"' >/dev/null || fail "outline"

# a malformed CSV: the CSV's own line and column
printf 'a,b\n1,2\n3,"unclosed\n4,5\n' >bad.csv
sed 's/rows.csv/bad.csv/' rows.xml >bad.xml
set +e
"$cli" render bad.xml -o bad.pdf >/dev/null 2>bad.err
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "malformed CSV exited $rc"
[ "$(cat bad.err)" = "bad.csv:3:3: error: a quoted field is never closed" ] || fail "CSV diagnostic: $(cat bad.err)"
[ ! -e bad.pdf ] || fail "a PDF was written for a malformed CSV"
# a chart from a CSV: categories in the first column, a series per column
printf '年度,就任前,就任後\r\nX (旧Twitter),"1,035","6,137"\r\nFacebook,1418,6054\r\nInstagram,198,723\r\n' >sns.csv
cat >chart.xml <<'XML'
<deck xmlns="urn:ashireport:deck:1">
  <slide title="CSVのグラフ"><chart src="sns.csv" unit="件" h="100mm"/></slide>
</deck>
XML
"$cli" render chart.xml -o chart.pdf >/dev/null 2>chart.err || fail "chart from CSV: $(cat chart.err)"
pdftotext -raw chart.pdf chart.txt
for want in "就任前 就任後" "6,137" "1,035" "Instagram"; do
  grep -q "$want" chart.txt || fail "chart from CSV lacks '$want'"
done
printf '年度,件数\nR5,6147\nR6,7千\n' >badchart.csv
sed 's/sns.csv/badchart.csv/' chart.xml >badchart.xml
set +e
"$cli" check badchart.xml 2>badchart.err
rc=$?
set -e
[ "$rc" -eq 1 ] && [ "$(cat badchart.err)" = "badchart.csv:3:1: error: '7千' in field 2 ('件数') is not a number" ] \
  || fail "chart CSV diagnostic: $(cat badchart.err)"
echo "ok: 2000 rows on $pages pages, charts from CSV"
echo "1 passed, 0 failed"
