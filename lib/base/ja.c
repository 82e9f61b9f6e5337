/* ja.c — the diagnostics in Japanese: the Japanese format of each English
 * one that has one (the same conversions, in the same order: tests/
 * ja_messages.py checks), used when the options ask for Japanese; a
 * format without one stays English. SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include "base.h"

static const struct {
    const char *en, *ja;
} formats[] = {
    /* reading the deck */
    {"the deck is not well-formed XML", "デッキが正しい XML ではありません"},
    {"the deck is empty (white space only)", "デッキが空です（空白だけです）"},
    {"the deck has no slides", "デッキにスライドがありません"},
    {"the root element must be <deck>", "いちばん外側の要素は <deck> でなければなりません"},
    {"a DOCTYPE is not allowed in a deck", "デッキに DOCTYPE は書けません"},
    {"entity reference '&%s;' is not supported", "実体参照 '&%s;' は使えません"},
    {"encoding '%.*s' is not supported: save the deck as UTF-8",
     "文字コード '%.*s' は使えません。デッキを UTF-8 で保存してください"},
    {"the deck is not valid UTF-8 here (%s); save it as UTF-8",
     "ここが UTF-8 として正しくありません（%s）。UTF-8 で保存してください"},
    {"cannot read the deck: %s", "デッキを読めません：%#s"},
    {"the deck is %zu bytes, over the input-bytes limit of %zu",
     "デッキが %zu バイトあり、入力の上限 %zu バイトを超えています"},
    {"the deck is %lld bytes, over the input-bytes limit of %zu",
     "デッキが %lld バイトあり、入力の上限 %zu バイトを超えています"},
    {"unknown attribute '%s' on <%s>%s", "<%2$s> に '%1$s' という属性はありません%3$#s"},
    {"%s '%s' must be %s%s", "%1$s '%2$s' は使えません（使える値：%3$#s）%4$#s"},
    {"<%s> needs %s", "<%s> には %s が必要です"},
    {"<%s> is not allowed inside <%s>", "<%2$s> の中に <%1$s> は書けません"},
    {"unknown element <%s> inside <%s>%s (blocks: h, p, list, columns, box, stat, compare, "
     "spacer, placeholder, arrow, image, table, chart)",
     "<%2$s> の中に <%1$s> という要素は書けません%3$#s（ブロック：h, p, list, columns, box, "
     "stat, compare, spacer, placeholder, arrow, image, table, chart）"},
    {"unknown element <%s> inside <%s>%s (inline elements: b, em, span, sup, sub, br, nobr, "
     "ruby)",
     "<%2$s> の中に <%1$s> という要素は書けません%3$#s（文中の要素：b, em, span, sup, sub, br, "
     "nobr, ruby）"},
    {"unknown element <%s> inside <theme>%s (known: font, color, style, master)",
     "<theme> の中に <%s> という要素は書けません%#s（書ける要素：font, color, style, master）"},
    {"unknown element <%s> inside <deck>%s (known: info, theme, section, slide)",
     "<deck> の中に <%s> という要素は書けません%#s（書ける要素：info, theme, section, slide）"},
    {"unknown element <%s> inside <list> (expected <item>)",
     "<list> の中に <%s> は書けません（<item> を書きます）"},
    {"unknown element <%s> inside <section> (expected <slide>)",
     "<section> の中に <%s> は書けません（<slide> を書きます）"},
    {"unknown element <%s> inside <tr> (expected <th> or <td>)",
     "<tr> の中に <%s> は書けません（<th> か <td> を書きます）"},
    {"unknown element <%s> inside <table> (expected <col> or <tr>)",
     "<table> の中に <%s> は書けません（<col> か <tr> を書きます）"},
    {"unknown element <%s> inside <chart> (expected <category> or <series>)",
     "<chart> の中に <%s> は書けません（<category> か <series> を書きます）"},
    {"text is not allowed directly inside <%s>; put it in <p>",
     "<%s> の中に直接文字は書けません。<p> の中に書いてください"},
    {"<list> has no <item>", "<list> に <item> がありません"},
    {"<section> needs a title", "<section> には title が必要です"},
    {"<theme> must come before the slides", "<theme> はスライドより前に書きます"},
    {"<info> must come once, before the slides", "<info> はスライドより前に一度だけ書きます"},
    {"<col> must come before the rows", "<col> は行より前に書きます"},
    {"<br> must be empty", "<br> の中には何も書けません"},
    {"the deck has more than %zu slides and sections, over the slides limit of %zu",
     "スライドとセクションが %zu を超え、上限 %zu を超えています"},
    {"date '%s' is not YYYY-MM-DD", "日付 '%s' が YYYY-MM-DD の形ではありません"},
    /* files */
    {"image '%s' %s", "画像 '%s' を使えません：%#s"},
    {"font file '%s' %s", "書体ファイル '%s' を使えません：%#s"},
    {"font file '%s' not found in the deck's folder, the font folders given, or the installed "
     "and bundled font folders",
     "書体ファイル '%s' が、デッキのフォルダにも、指定した書体のフォルダにも、インストール先と"
     "同梱の書体のフォルダにもありません"},
    {"cannot write '%s': %s", "'%s' に書けません：%#s"},
    {"cannot write '%s': it is the deck itself or a file the deck reads; choose another output "
     "name",
     "'%s' には書けません。デッキそのものか、デッキが読むファイルです。別の出力名にしてくだ"
     "さい"},
    {"cannot write '%s': it is a folder", "'%s' はフォルダなので書けません"},
    {"the table has no rows (it needs <tr> elements or src)",
     "表に行がありません（<tr> か src が必要です）"},
    {"the table has %d <col> elements for %d column%s", "表の列は %2$d 列ですが <col> が %1$d 個あります%3$.0s"},
    /* layout */
    {"slide %zu '%s': %s overflows its frame by %.1f mm",
     "スライド %zu「%s」：%#s が枠から %.1f mm あふれています"},
    {"slide %zu '%s': the title does not fit on two lines even at 60 %% of its size",
     "スライド %zu「%s」：タイトルが 60 %% の大きさでも 2 行に収まりません"},
    {"the box's content overflows it by %.1f mm", "枠の中身が %.1f mm あふれています"},
    {"the columns are %.1f mm wider than their frame", "段が枠より %.1f mm 広くなっています"},
    {"'%.*s' is wider than the line and was split", "「%.*s」は行より長いので分割しました"},
    {"the line '%.*s' is spread by %.2f em between characters: no other line breaks avoid it",
     "行「%.*s」の字間が %.2f em 広がりました。ほかの改行位置では避けられません"},
    {"character U+%04X '%s' is in none of the theme's fonts; it is drawn as an empty box",
     "文字 U+%04X「%s」はテーマのどの書体にもないため、空の箱で表示されます"},
    {"font '%s' has no bold face; bold text is drawn with a stroked outline",
     "書体 '%s' には太字がないため、太字は輪郭線で太らせて表示します"},
    {"image '%s' has no alt: a screen reader can say nothing of it (describe it in "
     "alt=\"...\", or write alt=\"\" when it is only decoration)",
     "画像 '%s' に alt がないため、読み上げソフトが何も伝えられません（alt=\"...\" で説明"
     "を書くか、飾りだけなら alt=\"\" と書いてください）"},
    /* print */
    {"page %zu: text '%.*s' is %.1f pt, under the 6 pt print minimum",
     "%zu ページ：文字「%.*s」が %.1f pt で、印刷の最小 6 pt 未満です"},
    {"page %zu: text '%.*s' is within 3 mm of the trim edge",
     "%zu ページ：文字「%.*s」が仕上がり線から 3 mm 以内にあります"},
    {"page %zu: a line %.2f mm wide is under the 0.1 mm a press holds",
     "%zu ページ：幅 %.2f mm の線は、印刷で出る 0.1 mm より細いです"},
    {"page %zu: image '%s' is %.0f ppi at its placed size; print wants %d ppi or more",
     "%zu ページ：画像 '%s' は配置した大きさで %.0f ppi です。印刷には %d ppi 以上が必要です"},
    {"the PDF would be %zu bytes, over the output-bytes limit of %zu",
     "PDF が %zu バイトになり、出力の上限 %zu バイトを超えます"},
    /* a message written elsewhere (libxml2's, or one said already): its
     * phrase in Japanese where there is one, else as it is */
    {"%s", "%#s"},
    /* a file the deck names (res/): what it is, its name and why */
    {"%s '%s' %s", "%#s '%s' を使えません：%#s"},
    /* reading the deck: more */
    {"<deck> must be in the namespace " ASHI_NS " (add xmlns=\"" ASHI_NS "\")",
     "<deck> は名前空間 " ASHI_NS " に属していなければなりません（xmlns=\"" ASHI_NS "\" を書"
     "いてください）"},
    {"element <%s> is not in the namespace " ASHI_NS,
     "要素 <%s> が名前空間 " ASHI_NS " に属していません"},
    {"elements are nested more than 256 deep; the deck is refused",
     "要素の入れ子が 256 段を超えているため、デッキを読みません"},
    {"<%.*s> has %zu attributes, over the limit of %d attributes on one element",
     "<%.*s> に属性が %zu 個あり、1 つの要素の上限 %d 個を超えています"},
    {"the deck has more than %zu elements, over the elements limit of %zu",
     "要素が %zu 個を超え、上限 %zu 個を超えています"},
    {"the deck is larger than 2 GB", "デッキが 2 GB を超えています"},
    {"the deck could not be read whole", "デッキを最後まで読めませんでした"},
    {"this text is %zu bytes, over the text-bytes limit of %zu",
     "この文字列は %zu バイトあり、文字列の上限 %zu バイトを超えています"},
    {"this text is more than %zu bytes, over the text-bytes limit of %zu",
     "この文字列は %zu バイトを超え、文字列の上限 %zu バイトを超えています"},
    {"a text is over the text-bytes limit of %zu bytes",
     "文字列が上限の %zu バイトを超えています"},
    {"<%s> must be empty", "<%s> の中には何も書けません"},
    {"<%s> needs at least one <%s>", "<%s> には <%s> が少なくとも 1 つ必要です"},
    {"<%s> needs exactly %d <%s>, not %d", "<%1$s> には <%3$s> がちょうど %2$d 個必要です（%4$d 個あります）"},
    {"<color> needs name and value", "<color> には name と value が必要です"},
    {"<font> needs name and regular", "<font> には name と regular が必要です"},
    {"<style> needs a name", "<style> には name が必要です"},
    {"<columns> has %d columns, over the limit of %d", "<columns> の段が %d 段あり、上限 %d 段を超えています"},
    {"<ruby> holds only text (the base), not <%s>",
     "<ruby> の中には文字（親文字）だけを書きます。<%s> は書けません"},
    {"<ruby> needs rt, the reading", "<ruby> には読み（rt）が必要です"},
    {"<span> without color or size changes nothing",
     "color も size もない <span> は何も変えません"},
    {"unknown element <%s> inside <%s> (expected <%s>)",
     "<%2$s> の中に <%1$s> は書けません（<%3$s> を書きます）"},
    {"unknown element <%s> inside <info> (known: title, author, subject, date)",
     "<info> の中に <%s> という要素は書けません（書ける要素：title, author, subject, date）"},
    {"schema: %s", "スキーマ：%#s"},
    /* the theme */
    {"a theme may define at most %d fonts", "テーマに定義できる書体は %d までです"},
    {"font '%s' is defined twice", "書体 '%s' が 2 回定義されています"},
    {"style '%s' names font '%s', which the theme does not define",
     "スタイル '%s' が書体 '%s' を指定していますが、テーマにその書体がありません"},
    {"colour '%s' is one more than the 64 cmyk() colours a theme may define",
     "色 '%s' で、テーマに定義できる cmyk() の色 64 色を超えます"},
    {"unknown style '%s'%s (known: body, h, title, cover-title, section-title, section-subtitle, "
     "footer, em, stat-label, stat-value, stat-unit, stat-note, caption, cover-subtitle, table, "
     "table-head)",
     "'%s' というスタイルはありません%#s（あるスタイル：body, h, title, cover-title, "
     "section-title, section-subtitle, footer, em, stat-label, stat-value, stat-unit, stat-note, "
     "caption, cover-subtitle, table, table-head）"},
    {"unknown theme colour '%s'%s (known: text, accent, band, band-text, background, muted, "
     "section, table-head, table-zebra, table-line)",
     "'%s' というテーマの色はありません%#s（ある色：text, accent, band, band-text, background, "
     "muted, section, table-head, table-zebra, table-line）"},
    {"indent '%gem' is %.1fpt at this style's size: it must be from 0 to 1000pt",
     "字下げ '%gem' はこのスタイルの大きさで %.1fpt になります。0〜1000pt でなければなりません"},
    {"size '%g%%' gives %.1fpt: it must give 4pt to 400pt",
     "大きさ '%g%%' は %.1fpt になります。4pt〜400pt にしてください"},
    {"page size '%s' is out of range: width and height must each be from 10mm to 5000mm",
     "用紙サイズ '%s' は範囲外です。幅も高さも 10mm〜5000mm でなければなりません"},
    {"unknown page size '%s' (known: A4, A3, B5, each with -landscape; 16:9; or two lengths from "
     "10mm to 5000mm such as '210mm 297mm')",
     "'%s' という用紙サイズはありません（使えるもの：A4・A3・B5 とそれぞれの -landscape、16:9、"
     "または '210mm 297mm' のような 10mm〜5000mm の長さ 2 つ）"},
    {"section '%s': the title needs more than two lines",
     "セクション「%s」：タイトルが 2 行に収まりません"},
    /* files: more */
    {"%s '%s' is %llu bytes, over the input-bytes limit of %zu",
     "%#s '%s' は %llu バイトあり、入力の上限 %zu バイトを超えています"},
    {"%s '%s' (%llu bytes) would bring the files the deck reads over the files-bytes limit of %zu "
     "bytes together",
     "%#s '%s'（%llu バイト）を読むと、デッキが読むファイルの合計が上限 %zu バイトを超えます"},
    {"cannot write '%s': it is not a regular file, a FIFO or a device",
     "'%s' には書けません。通常のファイル、FIFO、デバイスのどれでもありません"},
    {"font file '%s' could not be embedded: %s", "書体ファイル '%s' を埋め込めませんでした：%#s"},
    {"font file '%s' could not be embedded: libharu error 0x%04lX, detail %lu",
     "書体ファイル '%s' を埋め込めませんでした（libharu のエラー 0x%04lX、詳細 %lu）"},
    {"the write callback failed", "書き出しのコールバックが失敗しました"},
    {"PDF output failed while %s (libharu error 0x%04lX, detail %lu)",
     "PDF の出力が「%#s」の途中で失敗しました（libharu のエラー 0x%04lX、詳細 %lu）"},
    /* colour profiles */
    {"cannot read the output profile '%s': %s", "出力プロファイル '%s' を読めません：%#s"},
    {"the output profile '%s' %s", "出力プロファイル '%s' を使えません：%#s"},
    {"the output profile '%s' is %lld bytes, over the %u bytes an ICC profile may have here",
     "出力プロファイル '%s' は %lld バイトあり、ここで使える ICC プロファイルの上限 %u バイトを"
     "超えています"},
    {"the output profile is for print (--print) output only; this PDF is for the screen and does "
     "not use it",
     "出力プロファイルは印刷用（--print）の出力だけに使います。この PDF は画面用なので使いません"},
    {"image '%s': its embedded colour profile %s; its colours are taken as %s",
     "画像 '%s'：埋め込まれたカラープロファイルを使えません（%#s）。色を%#sとして扱います"},
    /* tables */
    {"the table has %d rows, over the table-rows limit of %zu",
     "表の行が %d 行あり、表の行数の上限 %zu を超えています"},
    {"the table's CSV '%s' has no rows", "表の CSV '%s' に行がありません"},
    {"a table with src takes its rows from the CSV, not from <tr>",
     "src のある表は、行を <tr> ではなく CSV から取ります"},
    {"the cell would reach column %ld; a table has at most %d columns",
     "このセルは %ld 列目に達します。表の列は %d 列までです"},
    {"the cell's colspan runs into column %d, which a cell from a row above spans",
     "このセルの colspan が、上の行のセルがまたがる %d 列目に重なります"},
    {"the table's columns need %.1f mm more than the %.1f mm of its frame, even at their narrowest",
     "表の列は、いちばん狭くしても枠の %2$.1f mm より %1$.1f mm 広くなります"},
    {"the CSV has more rows than the table-rows limit of %zu",
     "CSV の行が、表の行数の上限 %zu を超えています"},
    {"this row has more fields than the %zu columns a table can have",
     "この行の項目が、表に持てる列数 %zu を超えています"},
    {"a quoted field is never closed", "引用符で始まる項目が閉じていません"},
    {"a NUL byte in the CSV (is it a text file saved as UTF-8?)",
     "CSV に NUL バイトがあります（UTF-8 で保存したテキストファイルですか？）"},
    {"text after a closing quote (write \"\" for a quote inside a quoted field)",
     "閉じる引用符の後に文字があります（引用符で囲んだ項目の中の引用符は \"\" と書きます）"},
    {"a quote inside an unquoted field (quote the whole field)",
     "引用符で囲んでいない項目の中に引用符があります（項目全体を引用符で囲んでください）"},
    {"the CSV is not valid UTF-8 here; save it as UTF-8",
     "CSV のここが UTF-8 として正しくありません。UTF-8 で保存してください"},
    /* charts */
    {"the chart has no data (it needs <category> elements and a <series>)",
     "グラフにデータがありません（<category> と <series> が必要です）"},
    {"a chart with src takes its data from the CSV, not from <category> and <series>",
     "src のあるグラフは、データを <category> と <series> ではなく CSV から取ります"},
    {"a chart's CSV needs a header row and a row of data, and two columns at least",
     "グラフの CSV には、見出しの行とデータの行、それに 2 列以上が必要です"},
    {"the chart has %zu categories, over the limit of %d", "グラフの分類が %zu あり、上限 %d を超えています"},
    {"the chart has %zu series, over the limit of %d", "グラフの系列が %zu あり、上限 %d を超えています"},
    {"the CSV has %zu categories (rows after the header), over a chart's limit of %d",
     "CSV の分類（見出しの後の行）が %zu あり、グラフの上限 %d を超えています"},
    {"the CSV has %zu series (columns after the first), over a chart's limit of %d",
     "CSV の系列（1 列目の後の列）が %zu あり、グラフの上限 %d を超えています"},
    {"the series has %zu number%s for %zu categor%s",
     "系列の数は %1$zu 個ですが、分類は %3$zu あります%2$.0s%4$.0s"},
    {"the row has %zu field%s; the header has %zu",
     "この行の項目は %1$zu 個ですが、見出しの行は %3$zu 個です%2$.0s"},
    {"'%.*s%s' in a series is not a number", "系列の「%.*s%s」は数ではありません"},
    {"'%.*s%s' in field %zu ('%.*s') is not a number",
     "%4$zu 番目の項目（'%6$s'）の「%2$s%3$s」は数ではありません"},
    {"%s is %s the axis %s %.*s and is clipped to it",
     "%1$#s が軸の%3$#s %5$s より%2$#sにあるため、軸の端で切ります"},
    {"%zu more values lie outside the axis range %s to %s and are clipped to it",
     "ほかに %zu 個の値が軸の範囲 %s〜%s の外にあるため、軸の端で切ります"},
    {"the chart is too small for its labels (give it more height)",
     "グラフが小さすぎてラベルが入りません（高さを増やしてください）"},
    {"the chart is too small for its labels (give it more room)",
     "グラフが小さすぎてラベルが入りません（大きくしてください）"},
    {"the chart's value labels would be smaller than %g pt; give it more height, a wider "
     "bar-width or fewer categories",
     "グラフの値のラベルが %g pt より小さくなります。高さを増やすか、bar-width を広げるか、分類を"
     "減らしてください"},
    {"the chart's value labels would be smaller than %g pt; give it more width or fewer categories",
     "グラフの値のラベルが %g pt より小さくなります。幅を増やすか、分類を減らしてください"},
    /* layout: more */
    {"slide %zu '%s': the body overflows its frame by more than %.0f mm (it is over ten pages "
     "tall; laying it out stopped there)",
     "スライド %zu「%s」：本文が枠から %.0f mm 以上あふれています（10 ページ分を超えたため、"
     "そこで組むのをやめました）"},
    /* print and PDF */
    {"page %zu: RGB colour #%06X becomes C%.0f M%.0f Y%.0f K%.0f %s; give the theme a cmyk() "
     "colour for exact inks",
     "%zu ページ：RGB の色 #%06X は C%.0f M%.0f Y%.0f K%.0f になります（%#s）。インキを正確に"
     "するには、テーマに cmyk() の色を書いてください"},
    {"page %zu: a colour has %.0f %% ink in all (C%.0f M%.0f Y%.0f K%.0f), over the %d %% limit",
     "%zu ページ：インキの総量が %.0f %% の色があります（C%.0f M%.0f Y%.0f K%.0f）。上限の "
     "%d %% を超えています"},
    {"page %zu: black text '%.*s' overprints a fill of C%.0f M%.0f Y%.0f K%.0f: %.0f %% ink under "
     "the text, over the %d %% limit (lighten the fill, or set the theme's overprint=\"off\")",
     "%zu ページ：黒の文字「%.*s」が C%.0f M%.0f Y%.0f K%.0f の塗りに重ねて刷られ、文字の下の"
     "インキが %.0f %% になり、上限の %d %% を超えます（塗りを薄くするか、テーマに "
     "overprint=\"off\" を書いてください）"},
    {"page %zu: image '%s' is RGB%s and becomes CMYK %s; give the print shop a CMYK image for "
     "exact colour",
     "%zu ページ：画像 '%s' は RGB%#s で、CMYK に変換します（%#s）。正確な色には CMYK の画像を"
     "印刷所に渡してください"},
    {"page %zu: text '%.*s' is %.1f pt in %d inks (C%.0f M%.0f Y%.0f K%.0f): small text on several "
     "plates blurs when they do not meet exactly; use one ink (such as K) or 12 pt or more",
     "%zu ページ：文字「%.*s」は %.1f pt で %d 色のインキです（C%.0f M%.0f Y%.0f K%.0f）。小さな"
     "文字を何版も重ねると、版がずれたときにぼけます。1 色（K など）にするか、12 pt 以上にして"
     "ください"},
    {"%d CMYK JPEG image(s) go into the screen PDF as they are, so it does not claim PDF/A (tagged "
     "PDF/UA it stays); give RGB images for the web",
     "CMYK の JPEG 画像 %d 枚をそのまま画面用 PDF に入れるため、PDF/A とは名乗りません（タグ付き"
     "の PDF/UA のままです）。Web 用には RGB の画像を使ってください"},
    {"%d RGB image(s) were converted to CMYK for print by the plain formula (no colour management; "
     "%d of them made sRGB from their own colour profile first); the print shop may want CMYK "
     "images",
     "RGB の画像 %d 枚を、印刷用に単純な式で CMYK にしました（カラーマネジメントなし。うち %d 枚"
     "は先に自分のカラープロファイルで sRGB にしました）。印刷所は CMYK の画像を求めるかもしれ"
     "ません"},
    {"%d RGB image(s) were converted to CMYK for print through the output profile (%s, %d of them "
     "from their own colour profile, the rest from sRGB)",
     "RGB の画像 %d 枚を、印刷用に出力プロファイルで CMYK にしました（%#s。うち %d 枚は自分の"
     "カラープロファイルから、残りは sRGB から）"},
    {"for print, RGB colours were converted to CMYK through the output profile: %s",
     "印刷用に、RGB の色を出力プロファイルで CMYK にしました：%s"},
    {"for print, RGB colours were converted to CMYK: %s", "印刷用に、RGB の色を CMYK にしました：%s"},
    /* the rest */
    {"the deck is empty", "デッキが空です"},
    {"char '%s' is used only with align=\"char\"",
     "char '%s' は align=\"char\" のときだけ使います"},
    {"char '%s' is used only with align=\"char\" (no cell of its column is aligned on a character)",
     "char '%s' は align=\"char\" のときだけ使います（その列に、文字で揃えるセルがありません）"},
    {"header-rows '%s' is more than the table's %d row%s",
     "header-rows '%1$s' が表の行数 %2$d を超えています%3$.0s"},
    {"highlight '%s' names no category of the chart", "highlight '%s' はグラフのどの分類でもありません"},
    {"max '%s' is not above where the axis starts, %.15g (zero or the smallest %s): no bar would "
     "show (raise max, or give min too)",
     "max '%1$s' が軸の始まり %2$.15g（0 か、いちばん小さい%3$#s）より大きくないため、棒が出ません"
     "（max を上げるか、min も指定してください）"},
    {"min '%s' is not below the largest %s, %.15g: no bar would show (lower min, or give max too)",
     "min '%1$s' がいちばん大きい%2$#s %3$.15g より小さくないため、棒が出ません（min を下げるか、"
     "max も指定してください）"},
    {"min '%s' must be below max '%s'", "min '%s' は max '%s' より小さくしてください"},
    {"rowspan '%s' runs past the end of the table: the cell is in row %d of %d",
     "rowspan '%1$s' が表の終わりを越えます。このセルは %3$d 行中 %2$d 行目にあります"},
    {"rt has %zu reading%s for %zu base character%s; mode=\"%s\" takes one reading per character, "
     "separated by spaces",
     "rt の読みが %1$zu 個ですが、親文字は %3$zu 字です。mode=\"%5$s\" では 1 字に一つずつ、空白で"
     "区切って読みを書きます%2$.0s%4$.0s"},
    {"widths '%s' gives %d widths for %d columns", "widths '%s' の幅は %d 個ですが、列は %d 列です"},
};

const char *ashi_ja_format(const char *en)
{
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (!strcmp(formats[i].en, en))
            return formats[i].ja;
    return NULL;
}


/* Phrases the library writes in English and passes to a diagnostic as a
 * string, which a Japanese format prints with %#s: why a file, a font, an
 * image or a profile cannot be used, the values an attribute allows, and
 * the C library's own error texts. A conversion in the English matches any
 * text; the Japanese names it as %n$s (n-th conversion), or %n$#s when it
 * is itself a phrase. */
static const struct {
    const char *en, *ja;
} phrases[] = {
    /* a suggestion (base/nearest.c: ashi_did_you_mean) */
    {ASHI_DID_YOU_MEAN "%s?", "（%1$s ではありませんか？）"},
    /* files (res/) */
    {"does not exist", "ありません"},
    {"is a folder, not a file", "ファイルではなくフォルダです"},
    {"is a FIFO (named pipe), not a regular file", "通常のファイルではなく FIFO（名前付きパイプ）です"},
    {"is a device, not a regular file", "通常のファイルではなくデバイスです"},
    {"is a socket, not a regular file", "通常のファイルではなくソケットです"},
    {"is not a regular file", "通常のファイルではありません"},
    {"cannot be read (permission denied)", "読む権限がありません"},
    {"cannot be found: a part of its path is not a folder",
     "見つかりません。パスの途中にフォルダでないものがあります"},
    {"changed while it was being opened", "開いている間に変わりました"},
    {"changed while it was being read", "読んでいる間に変わりました"},
    {"changed while it was read", "読んでいる間に変わりました"},
    {"is too long a name", "名前が長すぎます"},
    {"cannot be read", "読めません"},
    {"could not be read", "読めませんでした"},
    {"could not be read whole", "最後まで読めませんでした"},
    {"cannot be read: the deck's folder cannot be opened", "読めません。デッキのフォルダを開けません"},
    {"leads out of the deck's folder through a symbolic link",
     "シンボリックリンクを通ってデッキのフォルダの外を指しています"},
    {"must be a relative path inside the deck's folder",
     "デッキのフォルダの中を指す相対パスで書いてください"},
    {"must be a relative path inside the deck's folder (or a file name found in a font folder)",
     "デッキのフォルダの中を指す相対パス（または書体のフォルダにあるファイル名）で書いてください"},
    {"cannot be read: too many symbolic links", "読めません。シンボリックリンクが多すぎます"},
    {"is a symbolic link that cannot be followed", "たどれないシンボリックリンクです"},
    {"is in folders nested too deep", "フォルダの階層が深すぎる場所にあります"},
    {"it changed while it was being opened", "開いている間に変わりました"},
    {"it is a folder, not a file", "ファイルではなくフォルダです"},
    {"it is not a regular file", "通常のファイルではありません"},
    {"it is not a regular file, a FIFO or a device",
     "通常のファイル、FIFO、デバイスのどれでもありません"},
    {"must not climb out of the deck's folder with '..'",
     "'..' でデッキのフォルダの外に出てはいけません"},
    {"is an empty name", "名前が空です"},
    {"cannot be read: the deck was given without a folder to read files from",
     "読めません。デッキに、ファイルを読むフォルダが指定されていません"},
    {"does not fit in memory", "メモリに入りきりません"},
    {"has an impossible size", "大きさがありえない値です"},
    /* the C library's error texts (strerror) */
    {"No such file or directory", "ファイルかフォルダがありません"},
    {"Permission denied", "権限がありません"},
    {"Is a directory", "フォルダです"},
    {"Not a directory", "パスの途中がフォルダではありません"},
    {"No space left on device", "ディスクに空きがありません"},
    {"Read-only file system", "読み取り専用のファイルシステムです"},
    {"File name too long", "ファイル名が長すぎます"},
    {"Too many levels of symbolic links", "シンボリックリンクが多すぎます"},
    {"Input/output error", "入出力のエラーです"},
    {"Disk quota exceeded", "ディスクの割り当て量を超えました"},
    {"File too large", "ファイルが大きすぎます"},
    {"Cannot allocate memory", "メモリが足りません"},
    {"Broken pipe", "パイプの相手が閉じました"},
    /* what a file is, for the size limits */
    {"image", "画像"},
    {"CSV", "CSV"},
    {"output profile", "出力プロファイル"},
    /* images (image/) */
    {"has %lu x %lu pixels, over the image-pixels limit of %zu for the deck's images together "
     "(%zu used by the images before it)",
     "%1$s × %2$s 画素あり、デッキの画像全体の画素数の上限 %3$s を超えます（それより前の画像で"
     " %4$s 使っています）"},
    {"has %lu x %lu pixels, over the image-pixels limit of %zu",
     "%1$s × %2$s 画素あり、画素数の上限 %3$s を超えています"},
    {"is a truncated PNG (its '%s' chunk says %zu bytes, more than the file holds)",
     "途中で切れた PNG です（'%1$s' チャンクは %2$s バイトとしていますが、ファイルにそれだけ"
     "ありません）"},
    {"is a truncated PNG (no IEND chunk)", "途中で切れた PNG です（IEND チャンクがありません）"},
    {"is not a valid PNG (%s)", "正しい PNG ではありません（%1$s）"},
    {"has no pixels", "画素がありません"},
    {"is a damaged PNG (%s)", "壊れた PNG です（%1$s）"},
    {"is damaged", "壊れています"},
    {"is a damaged JPEG (its frame headers disagree)", "壊れた JPEG です（フレームのヘッダーが食い違っています）"},
    {"is a damaged JPEG (no marker where one must be)", "壊れた JPEG です（マーカーがあるべき所にありません）"},
    {"is a truncated JPEG", "途中で切れた JPEG です"},
    {"is a truncated JPEG (no end marker)", "途中で切れた JPEG です（終わりのマーカーがありません）"},
    {"uses a JPEG process PDF cannot show (lossless, hierarchical or arithmetic coding)",
     "PDF で表示できない JPEG の方式（可逆、階層型、算術符号化）を使っています"},
    {"is a damaged JPEG", "壊れた JPEG です"},
    {"is a JPEG PDF cannot show (not 8-bit grey, RGB or CMYK)",
     "PDF で表示できない JPEG です（8 ビットのグレー・RGB・CMYK のどれでもありません）"},
    {"is a JPEG without a frame header", "フレームのヘッダーがない JPEG です"},
    {"is a damaged JPEG (no scan data)", "壊れた JPEG です（画像のデータがありません）"},
    {"is neither a PNG nor a JPEG file", "PNG でも JPEG でもありません"},
    /* after the particular ones: the first that matches is used */
    {"is a damaged JPEG (%s)", "壊れた JPEG です（%1$#s）"},
    /* libjpeg's messages, lower-cased (image.c) */
    {"corrupt JPEG data: premature end of data segment",
     "JPEG のデータが壊れています。データが途中で終わっています"},
    {"corrupt JPEG data: bad Huffman code", "JPEG のデータが壊れています。ハフマン符号が誤っています"},
    {"corrupt JPEG data: %s", "JPEG のデータが壊れています：%1$s"},
    {"premature end of JPEG file", "JPEG ファイルが途中で終わっています"},
    {"not a JPEG file: starts with %s", "JPEG ファイルではありません（始まりが %1$s）"},
    {"bogus Huffman table definition", "ハフマン表の定義が誤っています"},
    {"invalid JPEG file structure: %s", "JPEG ファイルの構造が誤っています：%1$s"},
    {"unsupported JPEG process: %s", "対応していない JPEG の方式です：%1$s"},
    /* colour profiles (color/) */
    {"is not an ICC profile", "ICC プロファイルではありません"},
    {"is not an ICC profile lcms2 can read", "lcms2 が読める ICC プロファイルではありません"},
    {"is not a CMYK profile (PDF/X-4 wants the press's CMYK output profile)",
     "CMYK のプロファイルではありません（PDF/X-4 には印刷機の CMYK 出力プロファイルが要ります）"},
    {"is not an output (printer) profile", "出力（印刷機）用のプロファイルではありません"},
    {"is damaged (lcms2 cannot read it)", "壊れています（lcms2 が読めません）"},
    {"is not for grey pixels", "グレーの画素のものではありません"},
    {"is not for RGB pixels", "RGB の画素のものではありません"},
    {"is not for CMYK pixels", "CMYK の画素のものではありません"},
    {"cannot convert colours from its pixels", "その画素の色を変換できません"},
    /* fonts (text/font.c) */
    {"is damaged: %s", "壊れています：%1$#s"},
    {"its collection header runs past the end of the file",
     "コレクションのヘッダーがファイルの終わりを越えています"},
    {"has no TrueType outlines (glyf table); only TrueType fonts can be embedded",
     "TrueType の輪郭（glyf テーブル）がありません。埋め込めるのは TrueType の書体だけです"},
    {"is not a TrueType/OpenType font", "TrueType/OpenType の書体ではありません"},
    {"its table directory runs past the end of the file",
     "テーブルの目録がファイルの終わりを越えています"},
    {"its '%s' table runs past the end of the file (to byte %llu of %zu)",
     "'%1$s' テーブルがファイルの終わりを越えています（%3$s バイトのうち %2$s バイト目まで）"},
    {"it lists its '%s' table twice", "'%1$s' テーブルが 2 回載っています"},
    {"lacks the '%s' table every TrueType font has",
     "TrueType の書体に必ずある '%1$s' テーブルがありません"},
    {"its 'head' table is not a font header", "'head' テーブルが書体のヘッダーになっていません"},
    {"its 'head' table gives loca format %u (0 or 1 expected)",
     "'head' テーブルの loca の形式が %1$s です（0 か 1 のはずです）"},
    {"its 'maxp' table is cut short or unknown", "'maxp' テーブルが途中で切れているか、知らない形です"},
    {"its 'maxp' table gives no glyphs", "'maxp' テーブルのグリフの数が 0 です"},
    {"its 'hhea' table is cut short or unknown", "'hhea' テーブルが途中で切れているか、知らない形です"},
    {"its 'hhea' table gives no glyph widths", "'hhea' テーブルにグリフの幅がありません"},
    {"its 'hmtx' table holds %zu bytes where its %u glyphs need %zu",
     "'hmtx' テーブルは %1$s バイトですが、%2$s 個のグリフには %3$s バイト要ります"},
    {"its 'loca' table holds %zu bytes where its %u glyphs need %zu",
     "'loca' テーブルは %1$s バイトですが、%2$s 個のグリフには %3$s バイト要ります"},
    {"its 'loca' table ends glyph %u before it starts",
     "'loca' テーブルで、グリフ %1$s が始まる前に終わっています"},
    {"glyph %u runs past the end of its 'glyf' table (to byte %zu of %zu)",
     "グリフ %1$s が 'glyf' テーブルの終わりを越えています（%3$s バイトのうち %2$s バイト目まで）"},
    {"it has no glyph %u", "グリフ %1$s がありません"},
    {"glyph %u %s (glyph %u)", "グリフ %1$s が%2$#s（グリフ %3$s）"},
    {"glyph %u %s", "グリフ %1$s が%2$#s"},
    {"is cut short", "途中で切れています"},
    {"has its contour ends out of order", "輪郭の終点の順序が乱れています"},
    {"has flags past its last point", "最後の点の後にフラグがあります"},
    {"is made of itself", "自分自身を部品にしています"},
    {"is made of a glyph the font does not have", "書体にないグリフを部品にしています"},
    {"HarfBuzz cannot subset its '%s' table", "HarfBuzz が '%1$s' テーブルをサブセットにできません"},
    {"HarfBuzz cannot subset it", "HarfBuzz がサブセットにできません"},
    {"was written to after it was opened (its outlines are read as the glyphs are used)",
     "開いた後に書き換えられました（輪郭はグリフを使うときに読みます）"},
    {"is not a font FreeType can read", "FreeType が読める書体ではありません"},
    {"has broken header values", "ヘッダーの値が壊れています"},
    {"has no character map HarfBuzz can read ('cmap' table)",
     "HarfBuzz が読める文字の対応表（'cmap' テーブル）がありません"},
    /* the values an attribute allows (doc/vocab.c) */
    {"on or off", "on か off"},
    {"a length (mm, pt, cm, in) up to %s", "%1$s までの長さ（mm・pt・cm・in）"},
    {"a length (mm, pt, cm, in) from %s to %s", "%1$s から %2$s までの長さ（mm・pt・cm・in）"},
    {"a length (mm, pt, cm, in) from %s to %s, or a percentage up to 100%%",
     "%1$s から %2$s までの長さ（mm・pt・cm・in）か、100% までの百分率"},
    {"a length from %s to %s, or a percentage of the surrounding size",
     "%1$s から %2$s までの長さか、まわりの文字の大きさに対する百分率"},
    {"a percentage from %g%% to %g%%", "%1$s% から %2$s% までの百分率"},
    {"a whole number from %g to %g", "%1$s から %2$s までの整数"},
    {"a whole number from %g", "%1$s 以上の整数"},
    {"a number", "数"},
    {"#RGB, #RRGGBB or a theme colour name", "#RGB・#RRGGBB・テーマの色の名前"},
    {"#RGB, #RRGGBB, a theme colour name or none", "#RGB・#RRGGBB・テーマの色の名前・none"},
    {"lengths, percentages or fr shares (\"40mm 1fr\")",
     "長さ・百分率・fr の割合を空白で区切って並べたもの（\"40mm 1fr\"）"},
    {"lengths, percentages, fr shares or auto",
     "長さ・百分率・fr の割合・auto を空白で区切って並べたもの"},
    {"comma, fixed:N (N from 0 to 4), man or oku", "comma・fixed:N（N は 0〜4）・man・oku"},
    {"comma, fixed:N (N from 0 to 4), percent, man, oku or auto",
     "comma・fixed:N（N は 0〜4）・percent・man・oku・auto"},
    {"a width from 0 to 20pt, a colour and solid or dashed (0.75pt accent)",
     "0〜20pt の太さ、色、solid か dashed（0.75pt accent）"},
    {"two numbers under 100 such as 4:3", "4:3 のような 100 未満の 2 つの数"},
    {"one character", "1 文字"},
    {"#RGB, #RRGGBB, cmyk(C,M,Y,K) with each from 0 to 100, or a theme colour name",
     "#RGB・#RRGGBB・cmyk(C,M,Y,K)（それぞれ 0〜100）・テーマの色の名前"},
    {"a factor of the size from 0.8 to 4, or a line pitch from %s to %s",
     "文字の大きさに掛ける 0.8〜4 の数か、%1$s から %2$s までの行送り"},
    {"a length (mm, pt, cm, in) up to %s, or a multiple of the size such as 1em",
     "%1$s までの長さ（mm・pt・cm・in）か、1em のような文字の大きさの倍数"},
    {"A4, A3 or B5 (each also with -landscape), 16:9, or two lengths from 10mm to 5000mm such as "
     "'210mm 297mm'",
     "A4・A3・B5（それぞれ -landscape も）・16:9、または '210mm 297mm' のような 10mm から "
     "5000mm までの長さ 2 つ"},
    {"text", "文字"},
    /* charts (doc/chart.c) */
    {"the %stotal %.15g of category '%.*s'", "分類 '%3$s' の%1$#s合計 %2$s"},
    {"negative ", "負の値の"},
    {"the value %.15g of series '%.*s', category '%.*s'", "系列 '%2$s'・分類 '%3$s' の値 %1$s"},
    {"the value %.15g of category '%.*s'", "分類 '%2$s' の値 %1$s"},
    {"above", "上"},
    {"below", "下"},
    {"maximum", "最大値"},
    {"minimum", "最小値"},
    /* print and PDF (render/, dlist/check.c) */
    {"through the output profile", "出力プロファイルで変換"},
    {"by formula", "式で変換"},
    {" (with its own colour profile)", "（自分のカラープロファイル付き）"},
    {"relative colorimetric with black point compensation", "相対的な色域を維持、黒点補正付き"},
    {"perceptual", "知覚的"},
    {"sRGB", "sRGB"},
    {"device CMYK", "デバイス CMYK"},
    {"device grey", "デバイスのグレー"},
    {"creating the document", "文書を作る"},
    {"collecting glyphs", "グリフを集める"},
    {"embedding fonts", "書体を埋め込む"},
    {"tagging", "タグを付ける"},
    {"writing pages", "ページを書く"},
    {"writing the outline and document info", "しおりと文書情報を書く"},
    {"writing the XMP metadata and output intent", "XMP メタデータと出力インテントを書く"},
    {"saving", "保存する"},
    {"(from the data)", "（データから）"},
    {"total", "合計"},
    {"value", "値"},
    /* libxml2's messages (the deck's XML, xml/xml.c) */
    {"Opening and ending tag mismatch: %s line %s and %s",
     "%2$s 行目で開いた <%1$s> が </%3$s> で閉じられています"},
    {"Premature end of data in tag %s line %s", "%2$s 行目で開いた <%1$s> の途中でファイルが終わっています"},
    {"Extra content at the end of the document", "いちばん外側の要素の後に、余計なものがあります"},
    {"Attribute %s redefined", "属性 %1$s が 2 回書かれています"},
    {"Entity '%s' not defined",
     "実体参照 '&%1$s;' は定義されていません（記号は文字そのものを書き、& は &amp; と書きます）"},
    {"AttValue: \" or ' expected", "属性の値を \" か ' で囲んでください"},
    {"EntityRef: expecting ';'", "& の後に ; がありません（& は &amp; と書きます）"},
    {"xmlParseEntityRef: no name", "& の後に名前がありません（& は &amp; と書きます）"},
    {"Couldn't find end of Start Tag %s line %s", "%2$s 行目の開始タグ <%1$s> が > で閉じていません"},
    {"Unescaped '<' not allowed in attributes values", "属性の値に < は書けません（&lt; と書きます）"},
    {"Specification mandates value for attribute %s", "属性 %1$s に値がありません（%1$s=\"...\" と書きます）"},
    {"attributes construct error", "属性の書き方が誤っています"},
    {"StartTag: invalid element name", "開始タグの要素名が誤っています"},
    {"Namespace prefix %s on %s is not defined", "<%2$s> の名前空間の接頭辞 %1$s が定義されていません"},
    {"Namespace prefix %s for %s on %s is not defined",
     "<%3$s> の %2$s の名前空間の接頭辞 %1$s が定義されていません"},
    {"error parsing attribute name", "属性名を読めません"},
    {"expected '>'", "> がありません"},
    {"Start tag expected, '<' not found", "開始タグ（<）がありません"},
    {"Comment not terminated", "コメントが閉じていません（--> で閉じます）"},
    {"Comment not terminated %s", "コメントが閉じていません（--> で閉じます）"},
    {"Document is empty", "デッキが空です"},
    {"malformed XML", "正しい XML ではありません"},
    {"Char 0x%s out of allowed range", "XML で使えない文字（0x%1$s）があります"},
    {"PCDATA invalid Char value %s", "XML で使えない文字（%1$s）があります"},
    {"invalid character in attribute value", "属性の値に使えない文字があります"},
    {"Input is not proper UTF-8, indicate encoding ! %s", "UTF-8 として正しくありません：%1$s"},
    /* libxml2's RelaxNG messages (after "schema:") */
    {"Invalid attribute %s for element %s", "要素 <%2$s> に属性 %1$s は書けません"},
    {"Element %s failed to validate attributes", "要素 <%1$s> の属性が正しくありません"},
    {"Element %s failed to validate content", "要素 <%1$s> の中身が正しくありません"},
    {"Element %s has extra content: %s", "要素 <%1$s> に余計な中身 %2$s があります"},
    {"Expecting an element %s, got nothing", "要素 <%1$s> がありません"},
    {"Expecting element %s, got %s", "<%1$s> があるべき所に <%2$s> があります"},
    {"Did not expect element %s there", "ここに要素 <%1$s> は書けません"},
    {"Did not expect text in element %s content", "要素 <%1$s> の中に文字は書けません"},
    {"Extra element %s in interleave", "要素 <%1$s> が余計です"},
    {"Invalid sequence in interleave", "要素の並びが正しくありません"},
    {"Expecting no namespace for element %s", "要素 <%1$s> に名前空間は要りません"},
    {"Element %s has wrong namespace: expecting %s", "要素 <%1$s> の名前空間が誤っています（%2$s のはずです）"},
    {"Element %s: %s", "要素 <%1$s>：%2$#s"},
    {"Type %s doesn't allow value '%s'", "型 %1$s に値 '%2$s' は使えません"},
    {"Error validating value %s", "値 %1$s が正しくありません"},
    {"Error validating datatype %s", "型 %1$s の値が正しくありません"},
    {"Invalid attribute value %s of type %s", "属性の値 %1$s は型 %2$s に合いません"},
    {"extra data on the document", "文書の後に余計なものがあります"},
    /* the body of a slide (layout/) */
    {"the body", "本文"},
};

/* Whether text matches the English phrase format fmt: each conversion
 * takes at least one character; caps get where each one's text starts and
 * its length. *budget bounds the tries (a phrase may carry text from the
 * deck): when it runs out, no match. */
static int match(const char *fmt, const char *text, const char **cap, size_t *caplen, int n,
                 long *budget)
{
    while (*fmt) {
        if (--*budget < 0)
            return 0;
        if (*fmt == '%' && fmt[1] == '%') {
            if (*text != '%')
                return 0;
            fmt += 2;
            text++;
            continue;
        }
        if (*fmt == '%') {
            const char *e = fmt + 1;
            while (*e && !strchr("diouxXcfFeEgGsp", *e))
                e++;
            if (!*e || n >= 8)
                return 0;
            for (size_t k = 1; text[k - 1]; k++) {
                cap[n] = text;
                caplen[n] = k;
                if (match(e + 1, text + k, cap, caplen, n + 1, budget))
                    return 1;
            }
            return 0;
        }
        if (*fmt != *text)
            return 0;
        fmt++;
        text++;
    }
    return *text == 0;
}

/* A list of names the library wrote ("start, center, end or justify"):
 * the names joined by ・ in out; 0 when en is not one. */
static int name_list(const char *en, char *out, size_t size)
{
    size_t k = 0, names = 0;
    for (const char *p = en; *p;) {
        size_t n = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:#._%+-");
        if (n == 0 || k + n + 4 >= size)
            return 0;
        if (names)
            k += (size_t)ashi_snprintf(out + k, size - k, "・");
        memcpy(out + k, p, n);
        k += n;
        names++;
        p += n;
        if (!strncmp(p, ", ", 2))
            p += 2;
        else if (!strncmp(p, " or ", 4))
            p += 4;
        else if (*p)
            return 0;
    }
    out[k] = 0;
    return names > 1;
}

int ashi_ja_phrase(const char *en, char *out, size_t size)
{
    const char *cap[8];
    size_t caplen[8];
    for (size_t i = 0; i < sizeof phrases / sizeof phrases[0]; i++) {
        for (int c = 0; c < 8; c++) {
            cap[c] = "";
            caplen[c] = 0;
        }
        long budget = 20000;
        if (!match(phrases[i].en, en, cap, caplen, 0, &budget))
            continue;
        /* the Japanese, its %n$s and %n$#s filled in */
        size_t k = 0;
        for (const char *p = phrases[i].ja; *p && k + 1 < size;) {
            int n = 0;
            if (p[0] == '%' && p[1] >= '1' && p[1] <= '8' && p[2] == '$') {
                n = p[1] - '0';
                int inner = p[3] == '#';
                const char *q = p + 3 + inner;
                if (*q == 's') {
                    char piece[256], sub[256];
                    ashi_snprintf(piece, sizeof piece, "%.*s", (int)caplen[n - 1], cap[n - 1]);
                    const char *put = inner && ashi_ja_phrase(piece, sub, sizeof sub) ? sub : piece;
                    k += (size_t)ashi_snprintf(out + k, size - k, "%s", put);
                    if (k >= size)
                        k = size - 1;
                    p = q + 1;
                    continue;
                }
            }
            out[k++] = *p++;
        }
        out[k] = 0;
        return 1;
    }
    return name_list(en, out, size);
}
