#!/usr/bin/env bash
# gen-deck.sh N — prints a benchmark deck of N pages (a multiple of 9): a
# nine-slide report (a cover, text, two tables, four bar charts, a list)
# repeated, each repetition with its own numbers and titles so that no
# cache can serve a repeated page. SPDX-License-Identifier: MIT
set -euo pipefail
pages="${1:?usage: gen-deck.sh PAGES}"
(( pages % 9 == 0 && pages > 0 )) || { echo "gen-deck.sh: PAGES must be a multiple of 9" >&2; exit 2; }
cat <<'HEAD'
<?xml version="1.0" encoding="UTF-8"?>
<deck xmlns="urn:ashireport:deck:1" xml:lang="ja" page="A4-landscape">
  <info><title>ベンチマーク報告書</title><author>旭川市</author><date>2026-01-31</date></info>
  <theme><master footer-text="ASAHIKAWA CITY"/></theme>
HEAD
for (( r = 1; r <= pages / 9; r++ )); do
  a=$(( 1000 + r * 37 % 900 )); b=$(( 2000 + r * 53 % 1500 )); c=$(( 300 + r * 17 % 400 ))
  cat <<SLIDES
  <slide layout="cover" title="第${r}期 これまでの取組">
    <stat label="第${r}期 公約進捗率" value="$(( r % 20 + 80 ))" unit="%" note="($(( r % 20 + 60 ))項目/85項目)"/>
  </slide>
  <slide title="第${r}回 いじめ防止対策「旭川モデル」の推進">
    <columns widths="1fr 1fr" gap="10mm">
      <column>
        <h>■令和${r}年12月に「旭川市いじめ問題再調査委員会」設置</h>
        <p>令和4年度：${r}回、令和5年度：$(( r + 14 ))回、令和6年度：4回。第三者委員会の提言${a}件を踏まえ、学校・家庭・地域が連携して再発防止に取り組みます。相談窓口は、平日の午前9時から午後5時まで受け付けています（祝日を除く）。</p>
        <box fill="#EEF4FA" radius="2mm" padding="4mm"><p align="center">合計<b>$(( r + 22 ))回</b>にわたる調査</p></box>
      </column>
      <column>
        <h>■調査結果報告書（第${r}版）を受領</h>
        <list>
          <item>スクールカウンセラーを全${c}校に配置し、相談体制を強化しました。</item>
          <item>「いじめ対策官」を新設し、初期対応の速さと確かさを高めます。</item>
          <item>保護者向けの説明会を年${r}回開き、ICT端末からの通報も受け付けます。</item>
        </list>
      </column>
    </columns>
  </slide>
  <slide title="第${r}回 企業立地の状況">
    <table header-rows="1" borders="rules" widths="1fr 30mm 1fr 30mm">
      <col/><col/><col/><col align="num" format="comma"/>
      <tr><th>立地企業（第${r}期）</th><th>本社</th><th>業種</th><th>雇用（人）</th></tr>
      <tr><td>有明産業株式会社</td><td align="center">京都市</td><td>洋酒樽製造</td><td>$(( a / 10 ))</td></tr>
      <tr><td>アイラーセン・ジャパン合同会社</td><td align="center">旭川市</td><td>家具製造</td><td>$(( b / 10 ))</td></tr>
      <tr><td>ネッスー株式会社</td><td align="center">東京都</td><td>フードバンク事業</td><td>$(( c / 10 ))</td></tr>
      <tr><td>株式会社エクセリ</td><td align="center">東京都</td><td>無線機等の販売、レンタル、中古流通</td><td>$(( r + 12 ))</td></tr>
      <tr><td>北の木工房${r}</td><td align="center">旭川市</td><td>木製玩具の製造・販売</td><td>$(( r % 40 + 3 ))</td></tr>
    </table>
  </slide>
  <slide title="第${r}回 SNS投稿件数の推移">
    <chart type="bar" unit="件" title="投稿件数（第${r}期）" number-format="comma" h="120mm">
      <category>X (旧Twitter)</category><category>Facebook</category><category>Instagram</category><category>LINE</category>
      <series name="就任前">$a $(( a + 383 )) $(( c + 50 )) $(( c * 2 ))</series>
      <series name="就任後" color="accent">$(( a * 5 + r )) $(( b * 3 )) $(( c * 7 )) $(( c * 4 + r ))</series>
    </chart>
  </slide>
  <slide title="第${r}回 ふるさと納税の寄附額">
    <chart type="hbar" unit="万円" title="寄附額（第${r}期）" h="120mm" highlight="令和6年度">
      <category>令和2年度</category><category>令和3年度</category><category>令和4年度</category><category>令和5年度</category><category>令和6年度</category>
      <series name="寄附額">$(( a * 3 )) $(( a * 4 + r )) $(( b * 2 )) $(( b * 3 )) $(( b * 4 + r ))</series>
    </chart>
  </slide>
  <slide title="第${r}回 観光客の入込数">
    <chart type="bar" stacked="true" unit="千人" title="観光入込客数（第${r}期）" h="120mm">
      <category>春</category><category>夏</category><category>秋</category><category>冬</category>
      <series name="道内">$c $(( c + 120 )) $(( c + 80 )) $(( c + r ))</series>
      <series name="道外">$(( c / 2 )) $(( c + 40 )) $(( c / 3 + r )) $(( c / 2 + 9 ))</series>
      <series name="海外">$(( r % 50 + 20 )) 80 $(( c / 4 )) $(( c / 3 ))</series>
    </chart>
  </slide>
  <slide title="第${r}回 公共交通の利用者数">
    <chart type="bar" unit="人" title="1日あたり利用者数（第${r}期）" number-format="comma" h="120mm" legend="right">
      <category>バス</category><category>鉄道</category><category>タクシー</category>
      <series name="令和5年">$b $(( a + 700 )) $c</series>
      <series name="令和6年">$(( b + r )) $(( a + 800 )) $(( c + 40 ))</series>
    </chart>
  </slide>
  <slide title="第${r}回 予算の内訳">
    <table header-rows="1" borders="grid" widths="1fr 40mm 40mm">
      <col/><col align="num" format="comma"/><col align="num"/>
      <tr><th>事業（第${r}期）</th><th>予算額（千円）</th><th>前年度比</th></tr>
      <tr><td>子育て支援</td><td>$(( a * 113 ))</td><td>$(( r % 9 + 101 ))%</td></tr>
      <tr><td>教育環境の整備</td><td>$(( b * 71 ))</td><td>$(( r % 7 + 98 ))%</td></tr>
      <tr><td>地域経済の活性化</td><td>$(( c * 251 ))</td><td>$(( r % 5 + 103 ))%</td></tr>
      <tr><td>観光・交流の推進</td><td>$(( a * 37 ))</td><td>$(( r % 11 + 95 ))%</td></tr>
      <tr><td>除排雪</td><td>$(( b * 199 ))</td><td>$(( r % 3 + 100 ))%</td></tr>
      <tr><td>合計</td><td>$(( a * 150 + b * 270 + c * 251 ))</td><td>102%</td></tr>
    </table>
  </slide>
  <slide title="第${r}回 今後の取組">
    <p>市民の皆さまの声を第${r}期の計画に反映し、「子どもがまんなか」のまちづくりを進めます。令和${r}年度は、放課後の居場所づくり、医療的ケア児への支援、若い世代の住まいの確保を重点として取り組みます。</p>
    <list>
      <item>放課後児童クラブの定員を$(( c + 100 ))人分拡大します。</item>
      <item>医療的ケア児の保育所等での受入れを、全市で$(( r % 20 + 5 ))か所に広げます。</item>
      <item>子育て世帯の住宅取得を、最大${c}万円まで支援します。</item>
    </list>
  </slide>
SLIDES
done
echo '</deck>'
