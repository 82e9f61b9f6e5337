/* test_builder.c — decks built in C: a deck file replayed element by
 * element through the builder renders to the same bytes as the file (every
 * test deck and the sample booklet); a report built with the data calls
 * (rows, numbers, a CSV in memory) equals the same deck written as XML;
 * text stays text; a built deck's problems are diagnostics at the
 * elements' numbers; misuse is a status, never a crash.
 * SPDX-License-Identifier: MIT */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ashireport.h"
#include "base/base.h"
#include "harness.h"

ashi_status ashi__deck_trace(const ashi_deck *deck, ashi_buf *out);

/* Replays the libxml2 node n (and what it holds) under parent. */
static void replay(const xmlNode *n, ashi_node *parent)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            CHECK_INT(ashi_node_add_text(parent, (const char *)c->content), ASHI_OK);
        } else if (c->type == XML_ELEMENT_NODE) {
            ashi_node *e = NULL;
            CHECK_INT(ashi_node_add(parent, (const char *)c->name, &e), ASHI_OK);
            for (const xmlAttr *a = c->properties; e && a; a = a->next) {
                xmlChar *v = xmlNodeListGetString(c->doc, a->children, 1);
                char name[128];
                snprintf(name, sizeof name, "%s%s%s", a->ns && a->ns->prefix ? (char *)a->ns->prefix : "",
                         a->ns && a->ns->prefix ? ":" : "", (const char *)a->name);
                CHECK_INT(ashi_node_set(e, name, (const char *)v), ASHI_OK);
                xmlFree(v);
            }
            if (e)
                replay(c, e);
        }
    }
}

static unsigned char *render(ashi_deck *deck, size_t *len)
{
    unsigned char *pdf = NULL;
    *len = 0;
    CHECK_INT(ashi_deck_render_memory(deck, &pdf, len), ASHI_OK);
    return pdf;
}

static void same_as_file(const char *path, const char *dir)
{
    ashi_deck *loaded = NULL, *built = NULL;
    CHECK_INT(ashi_deck_load_file(NULL, path, &loaded), ASHI_OK);
    xmlDocPtr x = xmlReadFile(path, NULL, XML_PARSE_NONET);
    CHECK(x != NULL);
    CHECK_INT(ashi_deck_new(NULL, path, dir, &built), ASHI_OK);
    ashi_node *root = ashi_deck_root(built);
    CHECK(root != NULL);
    xmlNodePtr xr = x ? xmlDocGetRootElement(x) : NULL;
    for (const xmlAttr *a = xr ? xr->properties : NULL; a; a = a->next) {
        xmlChar *v = xmlNodeListGetString(x, a->children, 1);
        CHECK_INT(ashi_node_set(root, a->ns && a->ns->prefix ? "xml:lang" : (const char *)a->name,
                                (const char *)v),
                  ASHI_OK);
        xmlFree(v);
    }
    if (xr)
        replay(xr, root);
    CHECK_INT(ashi_deck_lay_out(built, NULL), ASHI_OK);
    size_t alen, blen;
    unsigned char *a = render(loaded, &alen), *b = render(built, &blen);
    t_checks++;
    if (!a || !b || alen != blen || memcmp(a, b, alen)) {
        t_failed++;
        fprintf(stderr, "%s: built and loaded PDFs differ (%zu and %zu bytes)\n", path, blen,
                alen);
    }
    ashi_free(a);
    ashi_free(b);
    xmlFreeDoc(x);
    ashi_deck_free(loaded);
    ashi_deck_free(built);
}

/* A report from data: a table from rows, a chart from numbers, a table from
 * a CSV in memory; the same deck written as XML renders the same bytes. */
static void report_from_data(void)
{
    static const char csv[] = "月,件数\n4月,12\n5月,7\n";
    static const char xml[] =
        "<deck xmlns=\"urn:ashireport:deck:1\" xml:lang=\"ja\">"
        "<info><title>月報</title></info>"
        "<slide title=\"相談の件数\"><columns><column>"
        "<table header-rows=\"1\"><col/><col format=\"comma\" align=\"num\"/>"
        "<tr><th>月</th><th>件数</th></tr><tr><td>4月</td><td>1234</td></tr>"
        "<tr><td>5月</td><td>987.5</td></tr></table>"
        "<table src=\"data.csv\" header-rows=\"1\"/>"
        "</column><column>"
        "<chart type=\"bar\" unit=\"件\" title=\"件数\" h=\"80mm\">"
        "<category>4月</category><category>5月</category>"
        "<series name=\"相談\">1234 987.5</series></chart>"
        "</column></columns></slide></deck>";
    ashi_deck *loaded = NULL, *built = NULL;
    /* the CSV for the XML deck: in a folder */
    char dir[] = "/tmp/ashi-builder-XXXXXX", path[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/data.csv", dir);
    FILE *f = fopen(path, "wb");
    CHECK(f && fwrite(csv, 1, sizeof csv - 1, f) == sizeof csv - 1);
    if (f)
        fclose(f);
    CHECK_INT(ashi_deck_load_memory(NULL, xml, sizeof xml - 1, "report", dir, &loaded), ASHI_OK);

    CHECK_INT(ashi_deck_new(NULL, "report", NULL, &built), ASHI_OK);
    CHECK_INT(ashi_deck_add_file(built, "data.csv", csv, sizeof csv - 1), ASHI_OK);
    ashi_node *root = ashi_deck_root(built), *info, *title, *slide, *cols, *c1, *c2, *t, *col,
              *t2, *chart, *cat, *ser;
    CHECK_INT(ashi_node_set(root, "xml:lang", "ja"), ASHI_OK);
    CHECK_INT(ashi_node_add(root, "info", &info), ASHI_OK);
    CHECK_INT(ashi_node_add(info, "title", &title), ASHI_OK);
    CHECK_INT(ashi_node_add_text(title, "月報"), ASHI_OK);
    CHECK_INT(ashi_node_add(root, "slide", &slide), ASHI_OK);
    CHECK_INT(ashi_node_set(slide, "title", "相談の件数"), ASHI_OK);
    CHECK_INT(ashi_node_add(slide, "columns", &cols), ASHI_OK);
    CHECK_INT(ashi_node_add(cols, "column", &c1), ASHI_OK);
    CHECK_INT(ashi_node_add(c1, "table", &t), ASHI_OK);
    CHECK_INT(ashi_node_set(t, "header-rows", "1"), ASHI_OK);
    CHECK_INT(ashi_node_add(t, "col", NULL), ASHI_OK);
    CHECK_INT(ashi_node_add(t, "col", &col), ASHI_OK);
    CHECK_INT(ashi_node_set(col, "format", "comma"), ASHI_OK);
    CHECK_INT(ashi_node_set(col, "align", "num"), ASHI_OK);
    const char *head[] = {"月", "件数"}, *r1[] = {"4月", "1234"}, *r2[] = {"5月", "987.5"};
    CHECK_INT(ashi_node_add_row(t, 1, head, 2), ASHI_OK);
    CHECK_INT(ashi_node_add_row(t, 0, r1, 2), ASHI_OK);
    CHECK_INT(ashi_node_add_row(t, 0, r2, 2), ASHI_OK);
    CHECK_INT(ashi_node_add(c1, "table", &t2), ASHI_OK);
    CHECK_INT(ashi_node_set(t2, "src", "data.csv"), ASHI_OK);
    CHECK_INT(ashi_node_set(t2, "header-rows", "1"), ASHI_OK);
    CHECK_INT(ashi_node_add(cols, "column", &c2), ASHI_OK);
    CHECK_INT(ashi_node_add(c2, "chart", &chart), ASHI_OK);
    CHECK_INT(ashi_node_set(chart, "type", "bar"), ASHI_OK);
    CHECK_INT(ashi_node_set(chart, "unit", "件"), ASHI_OK);
    CHECK_INT(ashi_node_set(chart, "title", "件数"), ASHI_OK);
    CHECK_INT(ashi_node_set(chart, "h", "80mm"), ASHI_OK);
    const char *months[] = {"4月", "5月"};
    for (int i = 0; i < 2; i++) {
        CHECK_INT(ashi_node_add(chart, "category", &cat), ASHI_OK);
        CHECK_INT(ashi_node_add_text(cat, months[i]), ASHI_OK);
    }
    CHECK_INT(ashi_node_add(chart, "series", &ser), ASHI_OK);
    CHECK_INT(ashi_node_set(ser, "name", "相談"), ASHI_OK);
    const double values[] = {1234, 987.5};
    CHECK_INT(ashi_node_add_numbers(ser, values, 2), ASHI_OK);
    CHECK_INT(ashi_deck_lay_out(built, NULL), ASHI_OK);
    CHECK_INT(ashi_deck_diag_count(built), 0);
    size_t alen, blen;
    unsigned char *a = render(loaded, &alen), *b = render(built, &blen);
    CHECK(a && b && alen == blen && memcmp(a, b, alen) == 0);
    ashi_free(a);
    ashi_free(b);
    /* laid out: no more changes */
    CHECK_INT(ashi_node_add(root, "slide", NULL), ASHI_E_ARGUMENT);
    CHECK_INT(ashi_node_set(slide, "title", "x"), ASHI_E_ARGUMENT);
    CHECK_INT(ashi_deck_add_file(built, "x.csv", "a", 1), ASHI_E_ARGUMENT);
    CHECK_INT(ashi_deck_lay_out(built, NULL), ASHI_E_ARGUMENT);
    ashi_deck_free(loaded);
    ashi_deck_free(built);
    unlink(path);
    rmdir(dir);
}

/* Text is text: markup characters in it are characters. Problems are said
 * at the elements' numbers. */
static void text_and_diagnostics(void)
{
    ashi_deck *deck = NULL;
    CHECK_INT(ashi_deck_new(NULL, "built", NULL, &deck), ASHI_OK);
    ashi_node *root = ashi_deck_root(deck), *slide, *p, *b, *bad;
    CHECK_INT(ashi_node_number(root), 1);
    CHECK_INT(ashi_node_add(root, "slide", &slide), ASHI_OK);
    CHECK_INT(ashi_node_number(slide), 2);
    CHECK_INT(ashi_node_set(slide, "title", "<b>太字ではない</b> & 記号"), ASHI_OK);
    CHECK_INT(ashi_node_add(slide, "p", &p), ASHI_OK);
    CHECK_INT(ashi_node_add_text(p, "a < b &amp; c "), ASHI_OK);
    CHECK_INT(ashi_node_add(p, "b", &b), ASHI_OK);
    CHECK_INT(ashi_node_add_text(b, "強調"), ASHI_OK);
    CHECK_INT(ashi_node_add(slide, "p", &bad), ASHI_OK);
    CHECK_INT(ashi_node_number(bad), 5);
    CHECK_INT(ashi_node_set(bad, "colour", "red"), ASHI_OK);
    /* misuse: a status */
    CHECK_INT(ashi_node_add(slide, "no such", NULL), ASHI_E_ARGUMENT);
    CHECK_INT(ashi_node_add(slide, "", NULL), ASHI_E_ARGUMENT);
    CHECK_INT(ashi_node_add(NULL, "p", NULL), ASHI_E_ARGUMENT);
    CHECK_INT(ashi_node_add_text(p, "\xff\xfe"), ASHI_E_ARGUMENT);
    CHECK_INT(ashi_node_add_text(p, "bell\a"), ASHI_E_ARGUMENT);
    CHECK_INT(ashi_node_set(p, "bad name", "x"), ASHI_E_ARGUMENT);
    CHECK_INT(ashi_node_set(p, "x", NULL), ASHI_E_ARGUMENT);
    double nan = 0.0 / 0.0;
    CHECK_INT(ashi_node_add_numbers(p, &nan, 1), ASHI_E_ARGUMENT);
    CHECK_INT(ashi_deck_lay_out(deck, NULL), ASHI_E_DECK);
    CHECK_INT(ashi_deck_diag_count(deck), 1);
    ashi_diag g = {0};
    CHECK_INT(ashi_deck_diag(deck, 0, &g), ASHI_OK);
    CHECK_STR(g.code, "unknown-attribute");
    CHECK_STR(g.file, "built");
    CHECK_INT(g.line, 5);
    CHECK_INT(g.col, 0);
    CHECK_INT(g.slide, 1);
    ashi_deck_free(deck);

    /* the same deck without the bad attribute: the text as given */
    CHECK_INT(ashi_deck_new(NULL, "built", NULL, &deck), ASHI_OK);
    root = ashi_deck_root(deck);
    CHECK_INT(ashi_node_add(root, "slide", &slide), ASHI_OK);
    CHECK_INT(ashi_node_set(slide, "title", "<b>x</b> & y"), ASHI_OK);
    CHECK_INT(ashi_node_add(slide, "p", &p), ASHI_OK);
    CHECK_INT(ashi_node_add_text(p, "a < b &amp; c"), ASHI_OK);
    CHECK_INT(ashi_deck_lay_out(deck, NULL), ASHI_OK);
    ashi_buf t = {0};
    CHECK_INT(ashi__deck_trace(deck, &t), ASHI_OK);
    CHECK(t.data && strstr(t.data, "span \"<b>x</b> & y\"") != NULL);
    CHECK(t.data && strstr(t.data, "span \"a < b &amp; c\"") != NULL);
    ashi_buf_free(&t);
    ashi_deck_free(deck);

    /* the elements limit: refused past it, said once when laid out */
    ashi_options *opt = NULL;
    CHECK_INT(ashi_options_new(&opt), ASHI_OK);
    CHECK_INT(ashi_options_set_limit(opt, ASHI_LIMIT_ELEMENTS, 3), ASHI_OK);
    CHECK_INT(ashi_deck_new(opt, "built", NULL, &deck), ASHI_OK);
    root = ashi_deck_root(deck);
    CHECK_INT(ashi_node_add(root, "slide", &slide), ASHI_OK);
    CHECK_INT(ashi_node_add(slide, "p", &p), ASHI_OK);
    CHECK_INT(ashi_node_add(slide, "p", NULL), ASHI_E_DECK);
    CHECK_INT(ashi_node_add(slide, "p", NULL), ASHI_E_DECK);
    CHECK_INT(ashi_deck_lay_out(deck, opt), ASHI_E_DECK);
    CHECK(ashi_deck_diag_count(deck) >= 1 && ashi_deck_diag(deck, 0, &g) == ASHI_OK);
    CHECK_STR(g.code, "limit");
    CHECK_INT(g.line, 2);
    ashi_deck_free(deck);
    ashi_options_free(opt);
    /* a loaded deck has no elements to build */
    static const char small[] = "<deck xmlns=\"urn:ashireport:deck:1\"><slide title=\"t\"/></deck>";
    CHECK_INT(ashi_deck_load_memory(NULL, small, sizeof small - 1, "s", NULL, &deck), ASHI_OK);
    CHECK(ashi_deck_root(deck) == NULL);
    CHECK_INT(ashi_deck_lay_out(deck, NULL), ASHI_E_ARGUMENT);
    CHECK_INT(ashi_deck_add_file(deck, "a.csv", "x", 1), ASHI_E_ARGUMENT);
    ashi_deck_free(deck);
}

int main(void)
{
    static const char *const decks[] = {"blocks", "charts", "images", "japanese", "minimal",
                                        "orientation", "tables", "theme"};
    for (size_t i = 0; i < sizeof decks / sizeof decks[0]; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s/decks/%s.xml", ASHI_TEST_DIR, decks[i]);
        same_as_file(path, ASHI_TEST_DIR "/decks");
    }
    same_as_file(ASHI_TEST_DIR "/../data/asahikawa.xml", ASHI_TEST_DIR "/../data");
    report_from_data();
    text_and_diagnostics();
    xmlCleanupParser();
    return t_done();
}
