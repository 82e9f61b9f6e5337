/* test_style.c — theme resolution: defaults, overrides, colours, font
 * lookup order and the diagnostics for bad values.
 * SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <unistd.h>

#include "harness.h"
#include "style/style.h"
#include "xml/xml.h"

typedef struct resolved {
    ashi_arena *a;
    ashi_diags d;
    ashi_doc *doc;
    ashi_theme t;
} resolved;

static void resolve_for(resolved *r, int print, const char *theme, const char *const *dirs,
                        size_t ndirs)
{
    r->a = ashi_arena_new(NULL);
    memset(&r->d, 0, sizeof r->d);
    r->d.arena = r->a;
    r->d.file = "t.xml";
    char *xml = ashi_arena_printf(r->a,
                                  "<deck xmlns=\"urn:ashireport:deck:1\">\n<theme>\n%s</theme>\n"
                                  "<slide/></deck>",
                                  theme);
    CHECK(ashi_xml_parse(xml, strlen(xml), NULL, r->a, &r->d, &r->doc) == 0 && r->doc);
    if (r->doc)
        CHECK(ashi_style_resolve(r->doc, print, NULL, dirs, ndirs, r->a, &r->d, &r->t) == 0);
}

static void resolve(resolved *r, const char *theme, const char *const *dirs, size_t ndirs)
{
    resolve_for(r, 0, theme, dirs, ndirs);
}

static const char *msg(resolved *r, size_t i)
{
    return i < r->d.n ? ashi_arena_printf(r->a, "%u: %s", r->d.v[i].line, r->d.v[i].message)
                      : "(none)";
}

static void test_defaults(void)
{
    const char *dirs[] = {ASHI_TEST_FONTDIR};
    resolved r;
    resolve(&r, "", dirs, 1);
    CHECK_INT(r.d.n, 0);
    CHECK_INT(r.t.nfamilies, 2); /* gothic, then the bundled fallback */
    CHECK_STR(r.t.families[0].name, "gothic");
    CHECK_STR(r.t.families[1].name, "fallback");
    CHECK_STR(r.t.families[1].regular, ASHI_TEST_FONTDIR "/DroidSansFallbackFull.ttf");
    CHECK_STR(r.t.families[0].regular, ASHI_TEST_FONTDIR "/BIZUDPGothic-Regular.ttf");
    CHECK_STR(r.t.families[0].bold, ASHI_TEST_FONTDIR "/BIZUDPGothic-Bold.ttf");
    CHECK(r.t.styles[ASHI_STYLE_BODY].size == 16);
    CHECK(r.t.styles[ASHI_STYLE_H].bold);
    CHECK_INT(r.t.colors[ASHI_COLOR_ACCENT], 0xD7000F);
    ashi_arena_free(r.a);
}

/* For print the default text is K100 (one reserved CMYK slot, which leaves
 * the theme its 64); a theme's own text colour stays; screen keeps #222222. */
static void test_print_black(void)
{
    const char *dirs[] = {ASHI_TEST_FONTDIR};
    resolved r;
    resolve(&r, "", dirs, 1);
    CHECK_INT(r.t.colors[ASHI_COLOR_TEXT], 0x222222);
    CHECK_INT(r.t.styles[ASHI_STYLE_BODY].color, 0x222222);
    CHECK_INT(r.t.ncmyk, 0);
    ashi_arena_free(r.a);

    resolve_for(&r, 1, "<color name=\"muted\" value=\"text\"/>\n", dirs, 1);
    CHECK_INT(r.d.n, 0);
    uint32_t k100 = ASHI_CMYK_TAG | 0;
    CHECK_INT(r.t.colors[ASHI_COLOR_TEXT], k100);
    CHECK_INT(r.t.colors[ASHI_COLOR_MUTED], k100); /* named after it */
    CHECK_INT(r.t.styles[ASHI_STYLE_BODY].color, k100);
    CHECK_INT(r.t.styles[ASHI_STYLE_STAT_LABEL].color, k100);
    CHECK_INT(r.t.styles[ASHI_STYLE_TABLE].color, k100);
    CHECK_INT(r.t.styles[ASHI_STYLE_H].color, 0x1F4E79);
    CHECK_INT(r.t.ncmyk, 1);
    CHECK(r.t.cmyk[0][0] == 0 && r.t.cmyk[0][1] == 0 && r.t.cmyk[0][2] == 0 &&
          r.t.cmyk[0][3] == 100);
    ashi_arena_free(r.a);

    resolve_for(&r, 1, "<color name=\"text\" value=\"#123456\"/>\n", dirs, 1);
    CHECK_INT(r.t.colors[ASHI_COLOR_TEXT], 0x123456);
    CHECK_INT(r.t.styles[ASHI_STYLE_BODY].color, 0x123456);
    ashi_arena_free(r.a);

    /* 64 cmyk() colours of the theme's own still fit beside the K100 */
    ashi_buf many = {0};
    for (int i = 0; i < 64; i++)
        ashi_buf_printf(&many, "<style name=\"body\" color=\"cmyk(%d,0,0,0)\"/>\n", i);
    resolve_for(&r, 1, many.data, dirs, 1);
    CHECK_INT(r.d.errors, 0);
    CHECK_INT(r.t.ncmyk, 65);
    CHECK_INT(r.t.styles[ASHI_STYLE_BODY].color, ASHI_CMYK_TAG | 64);
    ashi_arena_free(r.a);
    ashi_buf_printf(&many, "<style name=\"body\" color=\"cmyk(0,1,0,0)\"/>\n");
    resolve_for(&r, 1, many.data, dirs, 1);
    CHECK_INT(r.d.errors, 1);
    ashi_arena_free(r.a);
    ashi_buf_free(&many);
}

static void test_overrides(void)
{
    const char *dirs[] = {ASHI_TEST_FONTDIR};
    resolved r;
    resolve(&r,
            "<color name=\"accent\" value=\"#0a0\"/>\n"
            "<color name=\"text\" value=\"#123456\"/>\n"
            "<style name=\"body\" font=\"mincho\" size=\"5mm\" leading=\"1.8\"/>\n"
            "<style name=\"h\" color=\"accent\" weight=\"normal\" leading=\"30pt\"/>\n",
            dirs, 1);
    CHECK_INT(r.d.n, 0);
    CHECK_INT(r.t.colors[ASHI_COLOR_ACCENT], 0x00AA00);
    CHECK_INT(r.t.styles[ASHI_STYLE_BODY].color, 0x123456); /* follows "text" */
    CHECK_INT(r.t.styles[ASHI_STYLE_H].color, 0x00AA00);
    CHECK(!r.t.styles[ASHI_STYLE_H].bold);
    int body = r.t.styles[ASHI_STYLE_BODY].family;
    CHECK_STR(r.t.families[body].name, "mincho");
    CHECK(r.t.families[body].bold == NULL);
    CHECK(r.t.styles[ASHI_STYLE_BODY].size > 14.17 && r.t.styles[ASHI_STYLE_BODY].size < 14.18);
    CHECK(r.t.styles[ASHI_STYLE_BODY].leading == 1.8);
    CHECK(r.t.styles[ASHI_STYLE_BODY].pitch == 0);
    CHECK(r.t.styles[ASHI_STYLE_H].pitch == 30);
    ashi_arena_free(r.a);

    /* Colours naming each other cannot loop: a name means the colour as
     * defined so far, in document order (the theme has no inheritance). */
    resolve(&r,
            "<color name=\"accent\" value=\"band\"/>\n"
            "<color name=\"band\" value=\"accent\"/>\n",
            dirs, 1);
    CHECK_INT(r.d.n, 0);
    CHECK_INT(r.t.colors[ASHI_COLOR_ACCENT], 0x1F4E79);
    CHECK_INT(r.t.colors[ASHI_COLOR_BAND], 0x1F4E79);
    ashi_arena_free(r.a);
}

static void test_bad_values(void)
{
    const char *dirs[] = {ASHI_TEST_FONTDIR};
    resolved r;
    resolve(&r,
            "<color name=\"accent\" value=\"red\"/>\n"
            "<color name=\"sky\" value=\"#00F\"/>\n"
            "<style name=\"body\" size=\"12px\" leading=\"9\" weight=\"heavy\"/>\n"
            "<style name=\"footnote\"/>\n"
            "<style name=\"h\" font=\"maru\" color=\"#12345\"/>\n"
            "<font name=\"gothic\" regular=\"BIZUDPGothic-Regular.ttf\"/>\n"
            "<font name=\"gothic\" regular=\"BIZUDPGothic-Bold.ttf\"/>\n",
            dirs, 1);
    CHECK_INT(r.d.errors, 9);
    /* the values are typed by the loader (in source order), the names resolved by style/ */
    CHECK_STR(msg(&r, 0), "3: value 'red' must be #RGB, #RRGGBB, cmyk(C,M,Y,K) with each from 0 "
                          "to 100, or a theme colour name");
    CHECK_STR(msg(&r, 1), "5: size '12px' must be a length (mm, pt, cm, in) from 4pt to 400pt");
    CHECK_STR(msg(&r, 2), "5: leading '9' must be a factor of the size from 0.8 to 4, or a line "
                          "pitch from 4pt to 1000pt");
    CHECK_STR(msg(&r, 3), "5: weight 'heavy' must be normal or bold");
    CHECK_STR(msg(&r, 4), "7: color '#12345' must be #RGB, #RRGGBB, cmyk(C,M,Y,K) with each from "
                          "0 to 100, or a theme colour name");
    CHECK_STR(msg(&r, 5), "9: font 'gothic' is defined twice");
    CHECK_STR(msg(&r, 6), "4: unknown theme colour 'sky' (known: text, accent, band, "
                          "band-text, background, muted, section, table-head, table-zebra, table-line)");
    CHECK_STR(msg(&r, 7), "6: unknown style 'footnote' (known: body, h, title, cover-title, "
                          "section-title, section-subtitle, footer, em, stat-label, stat-value, "
                          "stat-unit, stat-note, caption, cover-subtitle, table, table-head)");
    CHECK_STR(msg(&r, 8), "7: style 'h' names font 'maru', which the theme does not define");
    ashi_arena_free(r.a);
}

static void test_search_order(void)
{
    /* The first folder that has the file wins; a missing file is an error
     * at the <font> element's line. */
    char tmp[] = "/tmp/ashi-style-XXXXXX";
    CHECK(mkdtemp(tmp) != NULL);
    char link[300];
    snprintf(link, sizeof link, "%s/BIZUDPGothic-Regular.ttf", tmp);
    CHECK(symlink(ASHI_TEST_FONTDIR "/BIZUDPMincho-Regular.ttf", link) == 0);
    const char *dirs[] = {"/nonexistent", tmp, ASHI_TEST_FONTDIR};
    resolved r;
    resolve(&r, "<font name=\"g\" regular=\"BIZUDPGothic-Regular.ttf\" bold=\"Nope.ttf\"/>\n", dirs,
            3);
    /* symlinks resolve to the file they name */
    CHECK_STR(r.t.families[0].regular, ASHI_TEST_FONTDIR "/BIZUDPMincho-Regular.ttf");
    CHECK_INT(r.d.errors, 1);
    CHECK_STR(msg(&r, 0), "3: font file 'Nope.ttf' not found in the deck's folder, the font "
                          "folders given, or the installed and bundled font folders");
    ashi_arena_free(r.a);
    unlink(link);
    rmdir(tmp);
}

int main(void)
{
    test_defaults();
    test_overrides();
    test_print_black();
    test_bad_values();
    test_search_order();
    return t_done();
}
