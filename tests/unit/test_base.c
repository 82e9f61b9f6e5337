/* test_base.c — arena, buffer, UTF-8, numbers, page sizes, diagnostics.
 * SPDX-License-Identifier: MIT */
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>

#include "base/base.h"
#include "doc/doc.h"
#include "harness.h"

static void test_utf8(void)
{
    const char *s = "a\xC3\xA9\xE6\x97\xAD\xF0\xA0\xAE\xB7";
    size_t pos = 0, len = strlen(s);
    uint32_t cp;
    CHECK(ashi_utf8_next(s, len, &pos, &cp) == 0 && cp == 'a');
    CHECK(ashi_utf8_next(s, len, &pos, &cp) == 0 && cp == 0xE9);
    CHECK(ashi_utf8_next(s, len, &pos, &cp) == 0 && cp == 0x65ED);
    CHECK(ashi_utf8_next(s, len, &pos, &cp) == 0 && cp == 0x20BB7);
    CHECK_INT(pos, len);
    /* invalid: lone continuation, overlong, surrogate, truncated, > U+10FFFF */
    const char *bad[] = {"\x80", "\xC0\xAF", "\xED\xA0\x80", "\xE6\x97", "\xF4\x90\x80\x80"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        pos = 0;
        CHECK(ashi_utf8_next(bad[i], strlen(bad[i]), &pos, &cp) == -1);
        CHECK_INT(pos, 1);
    }
    CHECK_INT(ashi_utf8_check("ok\xE6\x97\xAD\xFF", 6), 5);
    CHECK_INT(ashi_utf8_check("ok", 2), (size_t)-1);
    char out[4];
    CHECK_INT(ashi_utf8_put(0x20BB7, out), 4);
    CHECK(memcmp(out, "\xF0\xA0\xAE\xB7", 4) == 0);
    CHECK(ashi_is_wide(0x3042) && ashi_is_wide(0x65ED) && !ashi_is_wide('a'));
}

static void test_numbers(void)
{
    double v;
    CHECK(ashi_parse_length("16pt", &v) == 0 && v == 16);
    CHECK(ashi_parse_length("25.4mm", &v) == 0 && fabs(v - 72) < 1e-9);
    CHECK(ashi_parse_length("1in", &v) == 0 && v == 72);
    CHECK_INT(ashi_parse_length("12px", &v), -2);
    CHECK_INT(ashi_parse_length("mm", &v), -1);
    CHECK_INT(ashi_parse_length("1e309pt", &v), -2);
    CHECK(ashi_parse_number("1.6", &v) == 0 && fabs(v - 1.6) < 1e-12);
    CHECK(ashi_parse_number("1.6x", &v) == -1);
    CHECK(ashi_parse_number("", &v) == -1);
    CHECK(ashi_parse_number("99999999999999999999", &v) == -1);

    /* PDF numbers (under a decimal-comma locale: test_locale.c) */
    ashi_buf b = {0};
    ashi_buf_num(&b, 330.08, 3);
    ashi_buf_putc(&b, ' ');
    ashi_buf_num(&b, -0.0004, 3);
    ashi_buf_putc(&b, ' ');
    ashi_buf_num(&b, 2.5, 0);
    ashi_buf_putc(&b, ' ');
    ashi_buf_num(&b, -12.3456, 2);
    CHECK_STR(b.data, "330.08 0 3 -12.35");
    ashi_buf_free(&b);
    /* leading zeros of the decimals stay, trailing ones go */
    static const struct {
        double v;
        int dec;
        const char *want;
    } nums[] = {{0.05, 2, "0.05"},   {1.001, 3, "1.001"}, {0.0001, 4, "0.0001"},
                {12.10, 2, "12.1"},  {100, 3, "100"},     {-0.5, 1, "-0.5"},
                {-1.0203, 4, "-1.0203"}, {1e13, 2, "0"},  {0.999, 2, "1"},
                {595.276, 3, "595.276"}, {-0.004, 2, "0"}, {7, 9, "7"}};
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
        ashi_buf nb = {0};
        ashi_buf_num(&nb, nums[i].v, nums[i].dec);
        CHECK_STR(nb.data, nums[i].want);
        ashi_buf_free(&nb);
    }
    ashi_buf hb = {0};
    ashi_buf_hex4(&hb, 0x0A3F);
    ashi_buf_hex4(&hb, 0x1FFFF);
    CHECK_STR(hb.data, "0A3FFFFF");
    ashi_buf_free(&hb);
}

static void test_pages(void)
{
    double w, h;
    CHECK(ashi_page_size("A4-landscape", &w, &h) == 0 && fabs(w - 841.89) < 0.01 &&
          fabs(h - 595.28) < 0.01);
    CHECK(ashi_page_size("B5", &w, &h) == 0 && fabs(w - ASHI_MM(182)) < 1e-9);
    CHECK(ashi_page_size("16:9", &w, &h) == 0 && fabs(h - ASHI_MM(190.5)) < 1e-9);
    CHECK(ashi_page_size("100mm 50mm", &w, &h) == 0 && fabs(w - ASHI_MM(100)) < 1e-9);
    CHECK(ashi_page_size("A5", &w, &h) == -1);
    CHECK(ashi_page_size("0mm 0mm", &w, &h) == -2);
    CHECK(ashi_page_size("10mm 5000mm", &w, &h) == 0);
    CHECK(ashi_page_size("10mm 5001mm", &w, &h) == -2);
    CHECK(ashi_page_size("A4-portrait", &w, &h) == -1);
}

static void test_arena_diags(void)
{
    ashi_arena *a = ashi_arena_new(NULL);
    CHECK(a != NULL);
    char *big = ashi_arena_alloc(a, 1 << 20);
    CHECK(big != NULL && big[12345] == 0);
    CHECK_STR(ashi_arena_printf(a, "%s-%d", "x", 42), "x-42");
    ashi_diags d = {.arena = a, .file = "deck.xml"};
    ashi_loc loc = {3, 7};
    for (int i = 0; i < 40; i++)
        ashi_diag_add(&d, i % 2 ? ASHI_WARNING : ASHI_ERROR, "code", loc, "number\n%d", i);
    CHECK_INT(d.n, 40);
    CHECK_INT(d.errors, 20);
    CHECK_STR(d.v[39].message, "number 39");
    CHECK_INT(d.v[39].line, 3);
    CHECK_INT(d.v[39].col, 7);
    ashi_arena_free(a);

    /* save and release: what came after the mark goes, what came before
     * stays, and the space is used again; marks nest */
    ashi_mem probe = {0};
    a = ashi_arena_new(&probe);
    char *keep = ashi_arena_strdup(a, "kept");
    ashi_arena_mark m = ashi_arena_save(a);
    char *first = ashi_arena_alloc(a, 100);
    size_t chunks = probe.count;
    for (int i = 0; i < 50; i++) /* several 64 KiB chunks and big blocks */
        CHECK(ashi_arena_alloc(a, i % 5 ? 30000 : 200000) != NULL);
    CHECK(probe.count > chunks + 10);
    ashi_arena_mark inner = ashi_arena_save(a);
    ashi_arena_alloc(a, 500000);
    ashi_arena_release(a, inner);
    ashi_arena_release(a, m);
    CHECK_STR(keep, "kept");
    CHECK(ashi_arena_alloc(a, 100) == first); /* the head cut back */
    ashi_arena_release(a, m);
    ashi_arena_reset(a);
    CHECK(ashi_arena_strdup(a, "again") != NULL);
    ashi_arena_free(a);
}

/* Diagnostics in source order: by where they belong (a CSV's at the
 * element naming it), stable among those of one place, repeats dropped. */
static void test_diag_sort(void)
{
    ashi_arena *a = ashi_arena_new(NULL);
    ashi_diags d = {.arena = a, .file = "deck.xml"};
    ashi_diag_add(&d, ASHI_ERROR, "b", (ashi_loc){9, 3}, "nine");
    ashi_diag_add(&d, ASHI_ERROR, "a", (ashi_loc){3, 5}, "three first");
    d.origin = (ashi_loc){5, 1};
    ashi_diag_add_in(&d, "t.csv", ASHI_ERROR, "csv", (ashi_loc){2, 3}, "in the CSV");
    d.origin = (ashi_loc){0, 0};
    ashi_diag_add(&d, ASHI_WARNING, "a", (ashi_loc){3, 5}, "three second");
    ashi_diag_add(&d, ASHI_ERROR, "io", (ashi_loc){0, 0}, "no place");
    ashi_diag_add(&d, ASHI_ERROR, "b", (ashi_loc){9, 3}, "nine"); /* a repeat */
    ashi_diag_add(&d, ASHI_ERROR, "b", (ashi_loc){7, 1}, "seven");
    for (int i = 0; i < 100; i++) /* more than a few, out of order */
        ashi_diag_add(&d, ASHI_NOTE, "n", (ashi_loc){(unsigned)(1000 - i), 1}, "%d", i);
    ashi_diag_sort(&d);
    CHECK_INT(d.n, 106);
    CHECK_INT(d.errors, 5);
    const char *want[] = {"no place", "three first", "three second", "in the CSV", "seven",
                          "nine", "99"};
    for (int i = 0; i < 7; i++)
        CHECK_STR(d.v[i].message, want[i]);
    CHECK_STR(d.v[3].file, "t.csv");
    CHECK_INT(d.v[3].line, 2);
    CHECK_STR(d.v[105].message, "0");
    ashi_arena_free(a);
}

static void test_nearest(void)
{
    char b[64];
    static const char *const names[] = {"align", "valign", "title", "table", "tables"};
    const char *n = ashi_nearest("algn", names, 5, b, sizeof b);
    CHECK_STR(n ? n : "", "align");
    n = ashi_nearest("tilte", names, 5, b, sizeof b); /* a swap is one edit */
    CHECK_STR(n ? n : "", "title");
    CHECK(ashi_nearest("tabel", names, 5, b, sizeof b) != NULL); /* table: one swap */
    CHECK(ashi_nearest("tablex", names, 5, b, sizeof b) == NULL); /* table and tables tie */
    CHECK(ashi_nearest("zzzzz", names, 5, b, sizeof b) == NULL);  /* too far */
    CHECK(ashi_nearest("a", names, 5, b, sizeof b) == NULL);      /* one letter */
    n = ashi_nearest("valgin", names, 5, b, sizeof b);
    CHECK_STR(n ? n : "", "valign");
    n = ashi_nearest_word("cetner", "start center end", b, sizeof b);
    CHECK_STR(n ? n : "", "center");
    char longw[200];
    memset(longw, 'x', sizeof longw - 1);
    longw[sizeof longw - 1] = 0;
    CHECK(ashi_nearest(longw, names, 5, b, sizeof b) == NULL); /* no stack overrun */
}

static void ja(char *out, size_t size, const char *en, const char *ja_fmt, ...)
{
    va_list ap;
    va_start(ap, ja_fmt);
    if (ashi_ja_vformat(out, size, en, ja_fmt, ap))
        ashi_snprintf(out, size, "(refused)");
    va_end(ap);
}

static void test_utf8_cuts(void)
{
    /* 「あいう」 is 3 bytes a character: a quote of at most 7 bytes takes two */
    const char s[] = "あいう";
    CHECK_INT(ashi_utf8_prefix(s, 9, 7), 6);
    CHECK_INT(ashi_utf8_prefix(s, 9, 9), 9);
    CHECK_INT(ashi_utf8_prefix(s, 9, 2), 0);
    CHECK_INT(ashi_utf8_prefix("abc", 3, 2), 2);
    char cut[16] = "ab\xE3\x81"; /* あ cut after two of its bytes */
    ashi_utf8_trim(cut);
    CHECK_STR(cut, "ab");
    char whole[16] = "abあ";
    ashi_utf8_trim(whole);
    CHECK_STR(whole, "abあ");
    char four[16] = "x\xF0\xA0\x80"; /* 𠀀 without its last byte */
    ashi_utf8_trim(four);
    CHECK_STR(four, "x");
}

static void test_japanese(void)
{
    char b[512];
    /* phrases: a whole one, one inside another, a list of names, none */
    CHECK(ashi_ja_phrase("does not exist", b, sizeof b));
    CHECK_STR(b, "ありません");
    CHECK(ashi_ja_phrase("is damaged: its 'maxp' table gives no glyphs", b, sizeof b));
    CHECK_STR(b, "壊れています：'maxp' テーブルのグリフの数が 0 です");
    CHECK(ashi_ja_phrase("is damaged: glyph 7 is cut short (glyph 3)", b, sizeof b));
    CHECK_STR(b, "壊れています：グリフ 7 が途中で切れています（グリフ 3）");
    CHECK(ashi_ja_phrase("start, center, end or justify", b, sizeof b));
    CHECK_STR(b, "start・center・end・justify");
    CHECK(!ashi_ja_phrase("something the library never wrote", b, sizeof b));
    CHECK(!ashi_ja_phrase("a, b c", b, sizeof b));
    /* a phrase carrying deck text full of the separators a match tries */
    char hostile[1200];
    for (size_t i = 0; i + 9 < sizeof hostile; i += 8)
        memcpy(hostile + i, "glyph 1 ", 8);
    memcpy(hostile, "is damaged: ", 12);
    hostile[sizeof hostile - 9] = 0;
    ashi_ja_phrase(hostile, b, sizeof b); /* returns (a budget bounds the tries) */
    /* formats: by position, a counted string, a phrase (%#s) and a value (%s) */
    ja(b, sizeof b, "unknown attribute '%s' on <%s>%s", "<%2$s> に '%1$s' という属性はありません%3$s",
       "algn", "p", "");
    CHECK_STR(b, "<p> に 'algn' という属性はありません");
    ja(b, sizeof b, "'%.*s' is wider than the line", "「%.*s」は行より長い", 3, "abcdef");
    CHECK_STR(b, "「abc」は行より長い");
    ja(b, sizeof b, "%s is %s the axis %s %.*s", "%1$#s が軸の%3$#s %5$s より%2$#s", "x", "above",
       "maximum", 2, "100");
    CHECK_STR(b, "x が軸の最大値 10 より上");
    ja(b, sizeof b, "image '%s' %s", "画像 '%s' を使えません：%#s", "does not exist", "does not exist");
    CHECK_STR(b, "画像 'does not exist' を使えません：ありません");
    ja(b, sizeof b, "page %zu: %.1f pt under %d", "%zu ページ：%.1f pt（%d 未満）", (size_t)3, 5.25, 6);
    CHECK_STR(b, "3 ページ：5.2 pt（6 未満）");
    ja(b, sizeof b, "#%06X is %llu bytes", "#%06X は %llu バイト", 0x1f4e79u, 12345678901ULL);
    CHECK_STR(b, "#1F4E79 は 12345678901 バイト");
    /* a Japanese format that does not fit the English is refused, never printed */
    ja(b, sizeof b, "%s and %d", "%d と %s", "x", 1);
    CHECK_STR(b, "(refused)");
    ja(b, sizeof b, "%s", "%3$s", "x");
    CHECK_STR(b, "(refused)");
    ja(b, sizeof b, "%zu items", "%#zu 個", (size_t)2);
    CHECK_STR(b, "(refused)");
    /* a small buffer cuts, never overruns */
    char small[8];
    ja(small, sizeof small, "%s", "%s", "日本語の長い文");
    CHECK(strlen(small) < sizeof small);
}

int main(void)
{
    test_utf8_cuts();
    test_japanese();
    test_nearest();
    test_diag_sort();
    test_utf8();
    test_numbers();
    test_pages();
    test_arena_diags();
    return t_done();
}
