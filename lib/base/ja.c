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
    {"cannot read the deck: %s", "デッキを読めません：%s"},
    {"the deck is %zu bytes, over the input-bytes limit of %zu",
     "デッキが %zu バイトあり、入力の上限 %zu バイトを超えています"},
    {"the deck is %lld bytes, over the input-bytes limit of %zu",
     "デッキが %lld バイトあり、入力の上限 %zu バイトを超えています"},
    {"unknown attribute '%s' on <%s>%s", "<%2$s> に '%1$s' という属性はありません%3$s"},
    {"%s '%s' must be %s%s", "%s '%s' は誤りです。%s でなければなりません%s"},
    {"<%s> needs %s", "<%s> には %s が必要です"},
    {"<%s> is not allowed inside <%s>", "<%2$s> の中に <%1$s> は書けません"},
    {"unknown element <%s> inside <%s>%s (blocks: h, p, list, columns, box, stat, compare, "
     "spacer, placeholder, arrow, image, table, chart)",
     "<%2$s> の中に <%1$s> という要素は書けません%3$s（ブロック：h, p, list, columns, box, "
     "stat, compare, spacer, placeholder, arrow, image, table, chart）"},
    {"unknown element <%s> inside <%s>%s (inline elements: b, em, span, sup, sub, br, nobr, "
     "ruby)",
     "<%2$s> の中に <%1$s> という要素は書けません%3$s（文中の要素：b, em, span, sup, sub, br, "
     "nobr, ruby）"},
    {"unknown element <%s> inside <theme>%s (known: font, color, style, master)",
     "<theme> の中に <%s> という要素は書けません%s（書ける要素：font, color, style, master）"},
    {"unknown element <%s> inside <deck>%s (known: info, theme, section, slide)",
     "<deck> の中に <%s> という要素は書けません%s（書ける要素：info, theme, section, slide）"},
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
    {"image '%s' %s", "画像 '%s' を使えません：%s"},
    {"font file '%s' %s", "書体ファイル '%s' を使えません：%s"},
    {"font file '%s' not found in the deck's folder, the font folders given, or the installed "
     "and bundled font folders",
     "書体ファイル '%s' が、デッキのフォルダにも、指定した書体のフォルダにも、インストール先と"
     "同梱の書体のフォルダにもありません"},
    {"cannot write '%s': %s", "'%s' に書けません：%s"},
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
     "スライド %zu「%s」：%s が枠から %.1f mm あふれています"},
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
};

const char *ashi_ja_format(const char *en)
{
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (!strcmp(formats[i].en, en))
            return formats[i].ja;
    return NULL;
}

