/* test_locale.c — numbers do not follow the host program's locale: a deck
 * with formatted table cells, chart ticks and labels with decimals, and a
 * warning that quotes a value renders to the same bytes, the same text and
 * the same messages under de_DE.UTF-8 and fr_FR.UTF-8 (decimal comma) as
 * under C. The locales are generated at test time (tests/locale.sh, found
 * through LOCPATH); a locale that does not load is a failure, not a skip.
 * SPDX-License-Identifier: MIT */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "ashireport.h"
#include "base/base.h"
#include "harness.h"

ashi_status ashi__deck_trace(const ashi_deck *deck, ashi_buf *out);

static const char deck_xml[] =
    "<deck xmlns=\"urn:ashireport:deck:1\"><slide title=\"数の書式\"><columns><column>"
    "<table><col/><col format=\"fixed:1\" align=\"num\"/><col format=\"comma\"/>"
    "<tr><th>地区</th><th>比率</th><th>人数</th></tr>"
    "<tr><td>旭町</td><td>1234.56</td><td>20710</td></tr>"
    "<tr><td>末広</td><td>0.25</td><td>1553.5</td></tr></table>"
    "<stat value=\"12.5\" unit=\"%\" label=\"達成率\"/>"
    "<compare format=\"man\"><stat value=\"1553000\" unit=\"円\"/>"
    "<stat value=\"1553500\" unit=\"人\" format=\"comma\"/></compare>"
    "</column><column>"
    "<chart type=\"bar\" unit=\"t\" title=\"量\" number-format=\"fixed:2\" max=\"2.5\" h=\"90mm\">"
    "<category>春</category><category>夏</category><category>秋</category>"
    "<series>0.75 1.25 3.5</series></chart>"
    "</column></columns></slide></deck>";

typedef struct outcome {
    unsigned char *pdf;
    size_t len;
    ashi_buf trace;
    char messages[4096];
} outcome;

static void render_in(const char *locale, outcome *o)
{
    memset(o, 0, sizeof *o);
    const char *set = setlocale(LC_ALL, locale);
    if (!set) {
        t_checks++;
        t_failed++;
        fprintf(stderr, "locale %s does not load (LOCPATH=%s): tests/locale.sh makes it\n",
                locale, getenv("LOCPATH") ? getenv("LOCPATH") : "");
        return;
    }
    /* the locale is in force: its decimal point is a comma */
    if (strcmp(locale, "C") != 0)
        CHECK_STR(localeconv()->decimal_point, ",");
    ashi_deck *deck = NULL;
    ashi_status st = ashi_deck_load_memory(NULL, deck_xml, strlen(deck_xml), "locale.xml",
                                           ASHI_TEST_DIR "/decks", &deck);
    CHECK_INT(st, ASHI_OK);
    size_t at = 0;
    for (size_t i = 0; deck && i < ashi_deck_diag_count(deck); i++) {
        ashi_diag d;
        if (ashi_deck_diag(deck, i, &d) == ASHI_OK && at < sizeof o->messages)
            at += (size_t)snprintf(o->messages + at, sizeof o->messages - at, "%s: %s\n",
                                   d.code, d.message);
    }
    CHECK_INT(ashi__deck_trace(deck, &o->trace), ASHI_OK);
    CHECK_INT(ashi_deck_render_memory(deck, &o->pdf, &o->len), ASHI_OK);
    ashi_deck_free(deck);
    setlocale(LC_ALL, "C");
}

int main(void)
{
    outcome c;
    render_in("C", &c);
    const char *tr = c.trace.data ? c.trace.data : "";
    /* what the C locale gives, so that a same result elsewhere means something */
    CHECK(strstr(tr, "span \"1,234.6\"") != NULL); /* fixed:1 with grouping */
    CHECK(strstr(tr, "span \"0.3\"") != NULL);     /* 0.25 to one decimal: 四捨五入 */
    CHECK(strstr(tr, "span \"1,554\"") != NULL);   /* 1553.5, comma */
    CHECK(strstr(tr, "span \"20,710\"") != NULL);  /* comma */
    CHECK(strstr(tr, "span \"12.5%\"") != NULL);   /* the stat */
    CHECK(strstr(tr, "span \"155.3万円\"") != NULL); /* compare's format, man */
    CHECK(strstr(tr, "\"1,553,500\"") != NULL); /* the stat's own (its unit wraps) */
    CHECK(strstr(tr, "span \"2.50\"") != NULL);    /* the axis's top tick, fixed:2 */
    CHECK(strstr(tr, "span \"0.75\"") != NULL);    /* a bar's label */
    CHECK(strstr(c.messages, "3.5") != NULL); /* the value over max, quoted */
    static const char *const locales[] = {"de_DE.UTF-8", "fr_FR.UTF-8"};
    for (size_t i = 0; i < sizeof locales / sizeof locales[0]; i++) {
        outcome o;
        render_in(locales[i], &o);
        CHECK_STR(o.trace.data ? o.trace.data : "", tr);
        CHECK_STR(o.messages, c.messages);
        CHECK(o.pdf && o.len == c.len && memcmp(o.pdf, c.pdf, c.len) == 0);
        ashi_free(o.pdf);
        ashi_buf_free(&o.trace);
    }
    ashi_free(c.pdf);
    ashi_buf_free(&c.trace);
    return t_done();
}
