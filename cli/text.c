/* text.c — the command line's own messages in Japanese: the language is
 * chosen once at the start (--lang, else the locale), and cli_t gives the
 * Japanese of an English message (the same conversions, tests/
 * ja_messages.py checks) or the English when there is none. The library's
 * diagnostics are put in Japanese by the library itself
 * (ashi_options_set_language). SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The process's one choice, made in main before any message. */
static int japanese;

static const struct {
    const char *en, *ja;
} texts[] = {
    /* main.c */
    {"ashireport: ", "ashireport: "},
    {"fonts takes only --font-dir DIR, not '%s'\n", "fonts に付けられるのは --font-dir DIR だけです（'%s' は使えません）\n"},
    {"ashireport: no command '%s' (the commands: render, check, watch, fonts, query)\n",
     "ashireport: '%s' というコマンドはありません（コマンド：render、check、watch、fonts、query）\n"},
    {"ashireport: unknown command '%s'\n\n%s", "ashireport: '%s' というコマンドはありません\n\n%s"},
    {"ashireport: out of memory\n", "ashireport: メモリが足りません\n"},
    {"--diagnostic-format takes human, short or json, not '%s'\n",
     "--diagnostic-format には human・short・json のどれかを指定します（'%s' は使えません）\n"},
    {"--format takes pdf, png or svg, not '%s'\n",
     "--format には pdf・png・svg のどれかを指定します（'%s' は使えません）\n"},
    {"--ppi takes a number from 10 to 1200, not '%s'\n",
     "--ppi には 10〜1200 の数を指定します（'%s' は使えません）\n"},
    {"--lang takes ja or en, not '%s'\n", "--lang には ja か en を指定します（'%s' は使えません）\n"},
    {"--creep takes millimetres from 0 to 5, not '%s'\n",
     "--creep には 0〜5 のミリ数を指定します（'%s' は使えません）\n"},
    {"--output-profile takes a file, not '%s'\n",
     "--output-profile にはファイルを指定します（'%s' は使えません）\n"},
    {"--photo-intent takes perceptual or relative, not '%s'\n",
     "--photo-intent には perceptual か relative を指定します（'%s' は使えません）\n"},
    {"--max-ppi takes 0 (never) or a number from 150 to 1200, not '%s'\n",
     "--max-ppi には 0（縮小しない）か 150〜1200 の数を指定します（'%s' は使えません）\n"},
    {"--threads takes a number from 1 to 16, not '%s'\n",
     "--threads には 1〜16 の数を指定します（'%s' は使えません）\n"},
    {"--font-dir '%s' is one more than the %d font folders that may be given\n",
     "--font-dir '%s' で、指定できる書体のフォルダ %d 個を超えます\n"},
    {"cannot add font folder '%s'\n", "書体のフォルダ '%s' を加えられません\n"},
    {"unknown or incomplete option '%s'\n\n%s", "'%s' というオプションはないか、値が足りません\n\n%s"},
    {"only one deck at a time ('%s')\n", "デッキは一度に 1 つだけです（'%s'）\n"},
    {"no deck given\n\n%s", "デッキが指定されていません\n\n%s"},
    {"--ppi and --pages are for page images (--format png or svg)\n",
     "--ppi と --pages はページの画像（--format png か svg）のためのものです\n"},
    {"page images are for the screen, one file a page: not with --print, --booklet, --2up or -o -\n",
     "ページの画像は画面用で、1 ページに 1 ファイルです。--print・--booklet・--2up・-o - とは一緒に"
     "使えません\n"},
    {"--pages takes page numbers and ranges such as 1-3,7, not '%s'\n",
     "--pages には 1-3,7 のようにページ番号と範囲を指定します（'%s' は使えません）\n"},
    {"--booklet and --2up impose the pages in two different ways; give one of them\n",
     "--booklet と --2up はページの面付けのしかたが違います。どちらか一方を指定してください\n"},
    {"a deck from standard input needs -o OUT.pdf (or -o - for standard output)\n",
     "標準入力から読むデッキには -o OUT.pdf が必要です（標準出力なら -o -）\n"},
    {"--base-dir is for a deck from standard input (a deck file reads from its own folder)\n",
     "--base-dir は標準入力から読むデッキのためのものです（デッキのファイルは自分のフォルダから読み"
     "ます）\n"},
    {"--creep %s needs --booklet (creep is for saddle-stitched sheets)\n\n%s",
     "--creep %s には --booklet が必要です（クリープは中綴じのためのものです）\n\n%s"},
    {"bad print options\n", "印刷のオプションが正しくありません\n"},
    {"usage: ashireport fonts [--font-dir DIR]...\n\nlists the fonts decks can use, a line each: "
     "family, style, file (tab-separated), in the\norder they are looked up (--font-dir's, "
     "ASHI_FONT_PATH's, the installed ones)",
     "使い方: ashireport fonts [--font-dir DIR]...\n\nデッキで使える書体を、1 行に 1 つ、ファミリー・"
     "スタイル・ファイル（タブ区切り）で、\n探す順（--font-dir、ASHI_FONT_PATH、インストールされた"
     "もの）に表示します"},
    /* run.c */
    {"ashireport: cannot read the deck from standard input\n",
     "ashireport: 標準入力からデッキを読めません\n"},
    {"ashireport: %s\n", "ashireport: %s\n"},
    {"wrote %s (%zu page%s)\n", "%1$s に書きました（%2$zu ページ）%3$.0s\n"},
    {"wrote %s (%zu page%s on %zu PDF page%s)\n",
     "%1$s に書きました（%2$zu ページを PDF の %4$zu ページに）%3$.0s%5$.0s\n"},
    {"standard output", "標準出力"},
    {"  hint: %s\n", "  ヒント: %s\n"},
    /* images.c */
    {"ashireport: --pages takes page numbers and ranges such as 1-3,7, not '%s'\n",
     "ashireport: --pages には 1-3,7 のようにページ番号と範囲を指定します（'%s' は使えません）\n"},
    {"ashireport: --pages %s asks for page %ld; the deck has %zu page%s\n",
     "ashireport: --pages %1$s は %2$ld ページ目を指していますが、デッキは %3$zu ページです%4$.0s\n"},
    {"ashireport: %zu pages need {n} in the output name for the page number (e.g. -o slide-{n}.%s)\n",
     "ashireport: %zu ページを書くには、出力名にページ番号の {n} が必要です（例：-o slide-{n}.%s）\n"},
    {"ashireport: cannot write '%s': %s\n", "ashireport: '%s' に書けません：%s\n"},
    {"wrote %s\n", "%s に書きました\n"},
    /* watch.c */
    {"ashireport: watch needs a deck file, not standard input\n",
     "ashireport: watch にはデッキのファイルが必要です（標準入力は使えません）\n"},
    {"ashireport: cannot watch for changes: %s\n", "ashireport: 変更を見張れません：%s\n"},
    {"watching %s and the files beside it (Ctrl+C stops)\n",
     "%s と同じフォルダのファイルの変更を見張っています（Ctrl+C で終わります）\n"},
    {"\n[%02d:%02d:%02d] changed: rendering again\n",
     "\n[%02d:%02d:%02d] 変更がありました。出力し直します\n"},
    /* the library's status texts (ashi_status_str) */
    {"success", "成功しました"},
    {"invalid argument", "引数が正しくありません"},
    {"out of memory", "メモリが足りません"},
    {"file could not be read or written", "ファイルを読むか書くことができませんでした"},
    {"the deck has errors; see its diagnostics", "デッキに誤りがあります。報告を見てください"},
    {"a font could not be loaded", "書体を読み込めませんでした"},
    {"the PDF could not be written", "PDF を書けませんでした"},
    {"internal error", "内部のエラーです"},
};

static const char usage_ja[] =
    "使い方: ashireport render DECK.xml [-o OUT.pdf] [--draft] [--print] [--slug] [--booklet]\n"
    "                          [--creep MM] [--2up] [--output-profile FILE.icc]\n"
    "                          [--photo-intent perceptual|relative] [--max-ppi N]\n"
    "                          [--threads N] [--font-dir DIR]... [--diagnostic-format F]\n"
    "                          [--format pdf|png|svg] [--ppi N] [--pages 1-3,7] [--lang ja|en]\n"
    "        ashireport check DECK.xml [--print] [--output-profile FILE.icc] [--threads N]\n"
    "                          [--font-dir DIR]... [--diagnostic-format F] [--lang ja|en]\n"
    "        ashireport watch DECK.xml [-o OUT.pdf] [render のオプション]\n"
    "        ashireport fonts [--font-dir DIR]...\n"
    "        ashireport query DECK.xml [--print] [--font-dir DIR]... [--lang ja|en]\n"
    "        ashireport help [コマンド] | --help | --version\n"
    "\n"
    "render  DECK.xml を組んで PDF を書きます（既定は同じフォルダの DECK.pdf）\n"
    "check   DECK.xml を読んで組み、報告を表示します。ファイルは書きません\n"
    "fonts   デッキで使える書体を、1 行に 1 つ、ファミリー・スタイル・ファイルで表示します\n"
    "query   組んだデッキの中身を 1 つの JSON オブジェクトで表示します：表題・作成者・主題・日付・\n"
    "        言語と、ページごとのデッキの行・大きさ・しおりの題・図（代替テキスト、画像ファイル）。\n"
    "        デッキに誤りがあれば何も表示しません\n"
    "watch   出力し、DECK.xml かそのフォルダのファイルが変わるたびに出力し直します\n"
    "        （変更でデッキが壊れたときは、最後に正しく書けた PDF を残します）。Ctrl+C で終わります\n"
    "DECK.xml が -  標準入力からデッキを読みます。--base-dir DIR でファイルの場所を指定\n"
    "          しない限り、ほかのファイルは読みません\n"
    "-o -      PDF を標準出力に書きます（メッセージは標準エラー出力に出ます）\n"
    "--format  png か svg：PDF の代わりに各ページを画像のファイルにします。名前は -o で、\n"
    "          {n} がページ番号です（既定はデッキと同じフォルダの DECK-{n}.png）。Web 用です\n"
    "--ppi     --format png のとき：1 インチあたりの画素数（10〜1200、既定 144）\n"
    "--pages   --format のとき：書くページ。1-3,7 のように指定します（既定はすべて）\n"
    "--lang    ja か en：メッセージの言語（既定はロケール。LANGUAGE・LC_ALL・LC_MESSAGES・\n"
    "          LANG の最初に設定されているものが ja で始まれば日本語）\n"
    "--diagnostic-format  short（既定：1 件 1 行）、human（各報告にデッキの行、箇所を示す ^、\n"
    "          直し方の手がかりを添えます）、json（1 件を 1 行のオブジェクトに：file、line、col、\n"
    "          end_line、end_col、slide、severity、code、message、hint）\n"
    "--draft   文字があふれても出力し、枠を赤で示します\n"
    "--print   印刷所への入稿用：3 mm の塗り足し、トンボ、仕上がりと塗り足しの枠、CMYK。\n"
    "          Japan Color 2001 Coated の PDF/X-1a:2003（単ページ。印刷所がふつう求める形で、\n"
    "          面付けは印刷所がします）\n"
    "--slug    --print に加え、各ページの下の余白にファイル名・ページ・日付を入れます\n"
    "--booklet --print を中綴じ用に面付けします（4 ページ単位、1 枚に 2 ページ。足りない分は\n"
    "          裏表紙の前に白ページ）。自分で印刷するときや印刷所に頼まれたときに\n"
    "--creep   --booklet のとき：紙の厚みに合わせ、ページを背の側へ、いちばん外の紙で 0、\n"
    "          いちばん内側で MM（0〜5）ずらします\n"
    "--2up     縦の A4 1 ページにスライド 2 枚。配布資料用です\n"
    "--output-profile  --print のとき：この CMYK 出力 ICC プロファイルで PDF/X-4 にします\n"
    "          （デッキの output-profile より優先）\n"
    "--photo-intent  --output-profile のとき：写真の変換のしかた。perceptual（既定）か\n"
    "          relative（相対的な色域を維持、黒点補正付き）\n"
    "--max-ppi --print のとき：配置した大きさで N ppi を超える画像を N に縮小します\n"
    "          （150〜1200、既定 350。0 は縮小しない）\n"
    "--threads N 個のスレッドでスライドを組みます（1〜16、既定はすべてのコア、最大 16）。\n"
    "          N によらず同じ PDF になります\n"
    "\n"
    "報告は FILE:LINE:COL: SEVERITY: MESSAGE の形で表示します（ファイルの中の場所がない問題は\n"
    "FILE: SEVERITY: MESSAGE）。SEVERITY は error か warning で、ツールが読めるよう英語のままです。\n"
    "終了コード：0 成功、1 デッキに誤りがある（または出力に失敗した）、2 使い方の誤り。\n";

void cli_lang_set(int ja) { japanese = ja; }

int cli_lang_ja(void) { return japanese; }

const char *cli_t(const char *en)
{
    for (size_t i = 0; japanese && i < sizeof texts / sizeof texts[0]; i++)
        if (!strcmp(texts[i].en, en))
            return texts[i].ja;
    return en;
}

const char *cli_usage(const char *usage_en) { return japanese ? usage_ja : usage_en; }

int cli_locale_ja(int argc, char **argv)
{
    /* --lang wins, wherever it is; else the locale's (LANGUAGE, LC_ALL,
     * LC_MESSAGES, LANG: the first one set), Japanese when it starts with ja */
    for (int i = 1; i + 1 < argc; i++)
        if (strcmp(argv[i], "--lang") == 0)
            return strcmp(argv[i + 1], "ja") == 0;
    static const char *const vars[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t k = 0; k < sizeof vars / sizeof vars[0]; k++) {
        const char *v = getenv(vars[k]);
        if (v && *v)
            return strncmp(v, "ja", 2) == 0;
    }
    return 0;
}
