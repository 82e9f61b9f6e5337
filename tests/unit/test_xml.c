/* test_xml.c — deck XML to model: structure, whitespace, diagnostics with
 * their lines and columns. SPDX-License-Identifier: MIT */
#include <stdlib.h>

#include "harness.h"
#include "xml/xml.h"

typedef struct parsed {
    ashi_arena *a;
    ashi_diags d;
    ashi_doc *doc;
} parsed;

static void parse(parsed *p, const char *xml)
{
    p->a = ashi_arena_new(NULL);
    memset(&p->d, 0, sizeof p->d);
    p->d.arena = p->a;
    p->d.file = "t.xml";
    p->doc = NULL;
    CHECK(ashi_xml_parse(xml, strlen(xml), NULL, p->a, &p->d, &p->doc) == 0);
}

/* "LINE:COL: message" of diagnostic i, for exact comparisons. */
static const char *diag(parsed *p, size_t i)
{
    if (i >= p->d.n)
        return "(none)";
    return ashi_arena_printf(p->a, "%u:%u: %s", p->d.v[i].line, p->d.v[i].col,
                             p->d.v[i].message);
}

/* The inline runs of a block flattened: text as is, <br/> as "|", bold
 * runs in [], em runs in {}. */
static const char *flat(parsed *p, const ashi_inline *in)
{
    ashi_buf b = {0};
    for (; in; in = in->next) {
        if (in->kind == ASHI_INL_BREAK) {
            ashi_buf_putc(&b, '|');
            continue;
        }
        if (in->flags & ASHI_INL_BOLD)
            ashi_buf_putc(&b, '[');
        if (in->flags & ASHI_INL_EM)
            ashi_buf_putc(&b, '{');
        ashi_buf_append(&b, in->text, in->len);
        if (in->flags & ASHI_INL_EM)
            ashi_buf_putc(&b, '}');
        if (in->flags & ASHI_INL_BOLD)
            ashi_buf_putc(&b, ']');
    }
    const char *s = ashi_arena_strdup(p->a, b.data ? b.data : "");
    ashi_buf_free(&b);
    return s;
}

static void test_model(void)
{
    parsed p;
    parse(&p, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<deck xmlns=\"urn:ashireport:deck:1\" xml:lang=\"ja\" page=\"B5\">\n"
              "  <info><title>これまでの取組</title><author> 旭川市 </author>"
              "<date>2026-01-31</date></info>\n"
              "  <slide layout=\"cover\" title=\"表紙\"><p>93%</p></slide>\n"
              "  <section title=\"子ども\" subtitle=\"ASAHIKAWA CITY\">\n"
              "    <slide title=\"一\">\n"
              "      <h>■見出し</h>\n"
              "      <p>中学校2校に\n        <b>スクールライフ<em>サポーター</em></b>配置<br/>\n"
              "        （いじめ対策官を兼務）</p>\n"
              "      <p>Latin words\n   across lines &amp; entities</p>\n"
              "      <list marker=\"●\"><item>一つ</item><item>二つ</item></list>\n"
              "      <list><item>既定</item></list>\n"
              "    </slide>\n"
              "  </section>\n"
              "</deck>\n");
    CHECK_INT(p.d.n, 0);
    ashi_doc *doc = p.doc;
    CHECK(doc != NULL);
    if (!doc)
        return;
    CHECK_STR(doc->title, "これまでの取組");
    CHECK_STR(doc->author, "旭川市");
    CHECK_STR(doc->date, "2026-01-31");
    CHECK_STR(doc->lang, "ja");
    CHECK(doc->page_w < doc->page_h && doc->page_w > 515 && doc->page_w < 517);
    ashi_entry *e = doc->entries;
    CHECK(e && e->slide && e->slide->layout == ASHI_LAYOUT_COVER);
    CHECK_INT(e->slide->loc.line, 4);
    CHECK_INT(e->slide->loc.col, 3);
    e = e->next;
    CHECK(e && e->section && !e->next);
    ashi_section *sec = e->section;
    CHECK_STR(sec->subtitle, "ASAHIKAWA CITY");
    ashi_slide *s = sec->slides;
    CHECK(s && s->section == sec && !s->next_in_section);
    ashi_block *b = s->blocks;
    CHECK(b && b->kind == ASHI_BLOCK_H);
    CHECK_STR(flat(&p, b->inl), "■見出し");
    b = b->next;
    /* A line break next to Japanese is no space; around <br/> none either. */
    CHECK_STR(flat(&p, b->inl), "中学校2校に[スクールライフ][{サポーター}]配置|（いじめ対策官を兼務）");
    CHECK_INT(b->loc.line, 8);
    CHECK_INT(b->loc.col, 7);
    b = b->next;
    CHECK_STR(flat(&p, b->inl), "Latin words across lines & entities");
    b = b->next;
    CHECK(b->kind == ASHI_BLOCK_LIST);
    CHECK_STR(b->marker, "●");
    CHECK_STR(flat(&p, b->items->inl), "一つ");
    CHECK_STR(flat(&p, b->items->next->inl), "二つ");
    CHECK_STR(b->next->marker, "・");
    ashi_arena_free(p.a);
}

static void expect_one(const char *xml, const char *want)
{
    parsed p;
    parse(&p, xml);
    CHECK_INT(p.d.errors, 1);
    CHECK_STR(diag(&p, 0), want);
    if (p.d.errors != 1)
        for (size_t i = 0; i < p.d.n; i++)
            fprintf(stderr, "  diagnostic: %s\n", diag(&p, i));
    ashi_arena_free(p.a);
}

static void test_diagnostics(void)
{
    const char *head = "<deck xmlns=\"urn:ashireport:deck:1\">\n";
    char buf[1024];
#define DECK(body) (snprintf(buf, sizeof buf, "%s%s</deck>\n", head, body), buf)
    expect_one(DECK("<slide>\n  <video/>\n</slide>\n"),
               "3:3: unknown element <video> inside <slide> (blocks: h, p, list, columns, box, "
               "stat, compare, spacer, placeholder, arrow, image, table, chart)");
    expect_one(DECK("  <slide titel=\"x\"/>\n"), "2:10: unknown attribute 'titel' on <slide>; did you mean 'title'?");
    expect_one(DECK("<slide><p>a<i>b</i></p></slide>\n"),
               "2:12: unknown element <i> inside <p> (inline elements: b, em, span, sup, sub, br, nobr, ruby)");
    expect_one(DECK("<slide layout=\"wide\"/>\n"),
               "2:8: layout 'wide' must be content, cover, section or blank");
    expect_one(DECK("<slide>text</slide>\n"),
               "2:1: text is not allowed directly inside <slide>; put it in <p>");
    expect_one(DECK("<info><date>2026-13-01</date></info><slide/>\n"),
               "2:7: date '2026-13-01' is not YYYY-MM-DD");
    expect_one("<deck xmlns=\"urn:ashireport:deck:1\" page=\"A5\"><slide/></deck>",
               "1:37: unknown page size 'A5' (known: A4, A3, B5, each with -landscape; "
               "16:9; or two lengths from 10mm to 5000mm such as '210mm 297mm')");
    expect_one("<deck xmlns=\"urn:ashireport:deck:1\" page=\"9mm 6000mm\"><slide/></deck>",
               "1:37: page size '9mm 6000mm' is out of range: width and height must each be "
               "from 10mm to 5000mm");
    expect_one("<deck><slide/></deck>",
               "1:1: <deck> must be in the namespace urn:ashireport:deck:1 "
               "(add xmlns=\"urn:ashireport:deck:1\")");
    expect_one("<deck xmlns=\"urn:ashireport:deck:1\"></deck>", "1:1: the deck has no slides");
    expect_one("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<deck/>",
               "1:31: encoding 'Shift_JIS' is not supported: save the deck as UTF-8");
    expect_one("<!DOCTYPE deck [<!ENTITY a \"aaaa\">]>\n<deck xmlns=\"urn:ashireport:deck:1\">"
               "<slide><p>&a;</p></slide></deck>",
               "1:1: a DOCTYPE is not allowed in a deck");
    /* Malformed XML: libxml2's message with its line and column. */
    parsed m;
    parse(&m, DECK("<slide>\n  <p>unclosed\n</slide>\n"));
    CHECK_STR(diag(&m, 0), "4:9: Opening and ending tag mismatch: p line 3 and slide");
    CHECK(m.doc == NULL);
    ashi_arena_free(m.a);
    expect_one(DECK("<slide><p>\xE3\x81</p></slide>\n"),
               "2:11: the deck is not valid UTF-8 here (Bytes: 0xE3 0x81 0x3C 0x2F); save it as UTF-8");

    /* Several problems in one run, all reported. */
    parsed p;
    parse(&p, DECK("<slide a=\"1\"/>\n<slide b=\"2\"/>\n<foo/>\n"));
    CHECK_INT(p.d.errors, 3);
    CHECK_STR(diag(&p, 2), "4:1: unknown element <foo> inside <deck> (known: info, theme, "
                           "section, slide)");
    ashi_arena_free(p.a);
#undef DECK
}

/* The elements limit stops reading at the first element over it;
 * comments and processing instructions are no elements. */
static void test_elements_limit(void)
{
    ashi_limits lim = ASHI_LIMITS_DEFAULT;
    lim.elements = 5;
    const char *xml = "<deck xmlns=\"urn:ashireport:deck:1\"><slide title=\"t\">\n"
                      "<!-- a --><?pi x?><p>1</p><p>2</p>\n  <p>3</p><p>4</p><p>5</p></slide></deck>";
    parsed p = {.a = ashi_arena_new(NULL)};
    p.d.arena = p.a;
    p.d.file = "t.xml";
    CHECK(ashi_xml_parse(xml, strlen(xml), &lim, p.a, &p.d, &p.doc) == 0);
    CHECK_STR(diag(&p, 0),
              "3:11: the deck has more than 5 elements, over the elements limit of 5");
    CHECK_INT(p.d.n, 1);
    lim.elements = 7;
    ashi_arena_free(p.a);
    p = (parsed){.a = ashi_arena_new(NULL)};
    p.d.arena = p.a;
    p.d.file = "t.xml";
    CHECK(ashi_xml_parse(xml, strlen(xml), &lim, p.a, &p.d, &p.doc) == 0);
    CHECK_INT(p.d.n, 0);
    CHECK(p.doc != NULL);
    ashi_arena_free(p.a);
}

int main(void)
{
    test_elements_limit();
    test_model();
    test_diagnostics();
    return t_done();
}
