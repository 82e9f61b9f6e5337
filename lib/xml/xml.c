/* xml.c — reads a deck with libxml2 and builds the document model.
 * SPDX-License-Identifier: MIT */
#include <pthread.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include "doc/vocab.h"
#include "xml/tree.h"
#include "xml/xml.h"

typedef struct parser {
    ashi_arena *a;
    ashi_diags *d;
    startElementNsSAX2Func start_element;
    endElementNsSAX2Func end_element;
    charactersSAXFunc characters;
    int oom;
    const char *data; /* the deck's bytes, for locations */
    size_t len;
    size_t pos;        /* locate(): the last byte located, and its place */
    unsigned line, col;
    size_t slides, max_slides; /* slides and sections seen, and the limit */
    size_t elements, max_elements;
    size_t text, max_text;     /* bytes of the text node being read (no
                                  white space), and the limit */
} parser;

extern const unsigned char ashi_schema_rng[];
extern const unsigned long ashi_schema_rng_len;

/* libxml2's set-up and the compiled schema: made once, read-only after
 * (ashi_xml_init). */
static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static xmlRelaxNGPtr schema;

static void init_libxml(void)
{
    xmlInitParser();
    xmlRelaxNGParserCtxtPtr pc =
        xmlRelaxNGNewMemParserCtxt((const char *)ashi_schema_rng, (int)ashi_schema_rng_len);
    if (pc) {
        schema = xmlRelaxNGParse(pc);
        xmlRelaxNGFreeParserCtxt(pc);
    }
}

void ashi_xml_init(void) { pthread_once(&init_once, init_libxml); }

/* XML's white space (space, tab, line feed, carriage return). */
static int xml_space(uint32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* ---- locations ---------------------------------------------------------- */

/* Line and column of byte `at` of the deck, counted on from the last
 * position asked for, so that the whole parse stays linear even on a deck
 * written on one line. Columns count characters. */
static ashi_loc locate(parser *p, size_t at)
{
    if (at < p->pos) {
        p->pos = 0;
        p->line = 1;
        p->col = 1;
    }
    for (; p->pos < at; p->pos++) {
        unsigned char c = (unsigned char)p->data[p->pos];
        if (c == '\n') {
            p->line++;
            p->col = 1;
        } else if ((c & 0xC0) != 0x80) {
            p->col++;
        }
    }
    return (ashi_loc){p->line, p->col};
}

/* The attributes of the start tag at byte `at`, in order; libxml2 has
 * checked its syntax already. At most MAX_ATTRIBUTES (count_attributes). */
#define MAX_ATTRIBUTES 64

static unsigned scan_tag(parser *p, size_t at, tag_attr *out, ashi_loc *tag_end)
{
    const char *s = p->data + at + 1, *end = p->data + p->len;
    unsigned n = 0;
    while (s < end && !xml_space((unsigned char)*s) && *s != '>' && *s != '/')
        s++; /* the element's name */
    while (s < end && *s != '>' && n < MAX_ATTRIBUTES) {
        while (s < end && xml_space((unsigned char)*s))
            s++;
        if (s >= end || *s == '>' || *s == '/')
            break;
        const char *name = s;
        while (s < end && *s != '=' && !xml_space((unsigned char)*s) && *s != '>')
            s++;
        out[n].name = name;
        out[n].len = (unsigned)(s - name);
        out[n].loc = locate(p, (size_t)(name - p->data));
        out[n].end = out[n].loc;
        n++;
        while (s < end && *s != '"' && *s != '\'' && *s != '>')
            s++;
        if (s >= end || *s == '>')
            break;
        const char *q = memchr(s + 1, *s, (size_t)(end - s - 1));
        s = q ? q + 1 : end;
        out[n - 1].end = locate(p, (size_t)(s - p->data));
    }
    /* the tag's end: past any attributes left (more than MAX_ATTRIBUTES
     * are refused earlier), its '/>' or '>' */
    while (s < end && *s != '>') {
        if (*s == '"' || *s == '\'') {
            const char *q = memchr(s + 1, *s, (size_t)(end - s - 1));
            s = q ? q : end - 1;
        }
        s++;
    }
    *tag_end = locate(p, s < end ? (size_t)(s + 1 - p->data) : p->len);
    return n;
}

/* libxml2 nodes keep a line only; we record where each start tag begins
 * (line and column of its '<') and where its attributes are. libxml2 drops
 * parsed text from its buffer as it goes (counting it in `consumed`), so
 * the place is found in the deck's own bytes. */
static void on_start_element(void *ctx, const xmlChar *localname,
                             const xmlChar *prefix, const xmlChar *URI,
                             int nb_namespaces, const xmlChar **namespaces,
                             int nb_attributes, int nb_defaulted,
                             const xmlChar **attributes)
{
    xmlParserCtxtPtr ctxt = ctx;
    parser *p = ctxt->_private;
    p->start_element(ctx, localname, prefix, URI, nb_namespaces, namespaces,
                     nb_attributes, nb_defaulted, attributes);
    p->text = 0;
    xmlNodePtr node = ctxt->node;
    xmlParserInputPtr in = ctxt->input;
    if (!node || !in || !in->base || !in->cur)
        return;
    const xmlChar *lt = in->cur;
    while (lt > in->base && *lt != '<')
        lt--;
    size_t at = (size_t)in->consumed + (size_t)(lt - in->base);
    ashi_loc where = {(unsigned)(in->line > 0 ? in->line : 1), 0}, tag_end = {0, 0};
    tag_attr attrs[MAX_ATTRIBUTES];
    unsigned nattrs = 0;
    if (at < p->len && p->data[at] == '<') {
        where = locate(p, at);
        nattrs = scan_tag(p, at, attrs, &tag_end);
    }
    node_info *info = ashi_arena_alloc(p->a, sizeof *info + nattrs * sizeof info->attrs[0]);
    if (!info) {
        p->oom = 1;
        return;
    }
    info->loc = where;
    info->end = tag_end;
    info->nattrs = nattrs;
    memcpy(info->attrs, attrs, nattrs * sizeof attrs[0]);
    node->_private = info;
    ashi_loc *loc = &info->loc;
    /* Stop reading at the elements limit and the slides limit rather than
     * build a tree of millions of nodes first. */
    if (++p->elements > p->max_elements) {
        ashi_diag_add(p->d, ASHI_ERROR, "limit", *loc,
                      "the deck has more than %zu elements, over the elements limit of %zu",
                      p->max_elements, p->max_elements);
        xmlStopParser(ctxt);
        return;
    }
    if ((!strcmp((const char *)localname, "slide") ||
         !strcmp((const char *)localname, "section")) &&
        ++p->slides > p->max_slides) {
        ashi_diag_add(p->d, ASHI_ERROR, "limit", *loc,
                      "the deck has more than %zu slides and sections, over the slides "
                      "limit of %zu",
                      p->max_slides, p->max_slides);
        xmlStopParser(ctxt);
    }
}

static void on_end_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                           const xmlChar *URI)
{
    xmlParserCtxtPtr ctxt = ctx;
    parser *p = ctxt->_private;
    p->end_element(ctx, localname, prefix, URI);
    p->text = 0;
}

/* A text node longer than the text-bytes limit stops the parse as soon as
 * it is seen (white space, which layout collapses, is not counted), so a
 * huge one never costs more memory than the limit. */
static void on_characters(void *ctx, const xmlChar *s, int len)
{
    xmlParserCtxtPtr ctxt = ctx;
    parser *p = ctxt->_private;
    for (int i = 0; i < len; i++)
        if (!xml_space(s[i]))
            p->text++;
    if (p->text > p->max_text) {
        const ashi_loc *in = ctxt->node ? ctxt->node->_private : NULL;
        ashi_loc loc = in ? *in : (ashi_loc){0, 0};
        ashi_diag_add(p->d, ASHI_ERROR, "limit", loc,
                      "this text is more than %zu bytes, over the text-bytes limit of %zu",
                      p->max_text, p->max_text);
        xmlStopParser(ctxt);
        return;
    }
    p->characters(ctx, s, len);
}

static void on_error(void *ctx, xmlErrorPtr err)
{
    xmlParserCtxtPtr ctxt = ctx;
    parser *p = ctxt->_private;
    ashi_loc loc = {err->line > 0 ? (unsigned)err->line : 0,
                    err->int2 > 0 ? (unsigned)err->int2 : 0};
    char msg[512];
    size_t n = 0;
    if (err->message) {
        /* libxml2's messages end with a newline and sometimes carry a second
         * line ("Bytes: 0x.."); keep them, on one line. */
        for (const char *s = err->message; *s && n + 1 < sizeof msg; s++)
            msg[n++] = (*s == '\n') ? ' ' : *s;
    }
    while (n && msg[n - 1] == ' ')
        n--;
    msg[n] = 0;
    ashi_severity sev = err->level == XML_ERR_WARNING ? ASHI_WARNING : ASHI_ERROR;
    const char *bytes = strstr(msg, "Bytes: ");
    if (strstr(msg, "Excessive depth"))
        ashi_diag_add(p->d, sev, "limit", loc,
                      "elements are nested more than 256 deep; the deck is refused");
    else if ((err->code == XML_ERR_INVALID_CHAR || err->code == XML_ERR_INVALID_ENCODING) &&
        bytes)
        ashi_diag_add(p->d, sev, "utf8", loc,
                      "the deck is not valid UTF-8 here (%s); save it as UTF-8", bytes);
    else
        ashi_diag_add(p->d, sev, "xml-syntax", loc, "%s", msg[0] ? msg : "malformed XML");
}

/* A DOCTYPE is refused outright and the parse stops: a deck has no use for
 * a DTD, and DTDs are the door to entity expansion and external fetches. */
static void on_internal_subset(void *ctx, const xmlChar *name,
                               const xmlChar *external_id, const xmlChar *system_id)
{
    (void)name, (void)external_id, (void)system_id;
    xmlParserCtxtPtr ctxt = ctx;
    parser *p = ctxt->_private;
    ashi_loc loc = {ctxt->input ? (unsigned)ctxt->input->line : 0, 1};
    ashi_diag_add(p->d, ASHI_ERROR, "doctype", loc, "a DOCTYPE is not allowed in a deck");
    xmlStopParser(ctxt);
}

static ashi_loc node_loc(xmlNodePtr n)
{
    if (n && n->_private)
        return ((const node_info *)n->_private)->loc;
    ashi_loc loc = {n ? (unsigned)n->line : 0, 0};
    return loc;
}

/* What the start tag of n says of attribute qname (as written:
 * "xml:lang"); NULL when not found. */
static const tag_attr *find_attr(xmlNodePtr n, const char *qname)
{
    const node_info *info = n ? n->_private : NULL;
    size_t len = strlen(qname);
    for (unsigned i = 0; info && i < info->nattrs; i++)
        if (info->attrs[i].len == len && !memcmp(info->attrs[i].name, qname, len))
            return &info->attrs[i];
    return NULL;
}

/* Where attribute qname of n is; n's own place when not found. */
static ashi_loc attr_loc(xmlNodePtr n, const char *qname)
{
    const tag_attr *a = find_attr(n, qname);
    return a ? a->loc : node_loc(n);
}

/* Where n's start tag ends; unknown (0) for a node not read from text. */
static ashi_loc node_end(xmlNodePtr n)
{
    ashi_loc none = {0, 0};
    return n && n->_private ? ((const node_info *)n->_private)->end : none;
}

/* Where attribute qname's value ends; n's start tag's end when not found. */
static ashi_loc attr_end(xmlNodePtr n, const char *qname)
{
    const tag_attr *a = find_attr(n, qname);
    return a ? a->end : node_end(n);
}

/* ---- helpers ------------------------------------------------------------ */

/* The suggestion of the name of words nearest to word, or "" (in buf, of
 * size bytes). */
static const char *did_you_mean(const char *word, const char *words, const char *open,
                                const char *close, char *buf, size_t size)
{
    char near[64];
    return ashi_did_you_mean(ashi_nearest_word(word, words, near, sizeof near), open, close, buf,
                             size);
}

/* The attributes element takes, space-separated, into buf. */
static const char *attributes_of(const char *element, char *buf, size_t size)
{
    size_t at = 0;
    buf[0] = 0;
    for (const ashi_vattr *v = ashi_vocab; v->name; v++)
        if (ashi_vocab_takes(v, element) && at + strlen(v->name) + 2 < size)
            at += (size_t)ashi_snprintf(buf + at, size - at, "%s ", v->name);
    return buf;
}

/* The suggestion for an attribute name element does not take. */
static const char *near_attribute(const char *element, const char *name, char *buf,
                                  size_t size)
{
    char names[2048];
    return did_you_mean(name, attributes_of(element, names, sizeof names), "'", "'", buf, size);
}

static int is_ours(xmlNodePtr n)
{
    return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
           strcmp((const char *)n->ns->href, ASHI_NS) == 0;
}

static int named(xmlNodePtr n, const char *name)
{
    return strcmp((const char *)n->name, name) == 0;
}

static void error_at(parser *p, xmlNodePtr n, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void error_at(parser *p, xmlNodePtr n, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ashi_diag_vadd_range(p->d, ASHI_ERROR, code, node_loc(n), node_end(n), fmt, ap);
    va_end(ap);
}

/* An attribute's name as written: "xml:lang" for the XML namespace's lang. */
static const char *qname(xmlAttrPtr at, char *buf, size_t size)
{
    if (at->ns && at->ns->prefix)
        ashi_snprintf(buf, size, "%s:%s", at->ns->prefix, at->name);
    else
        ashi_snprintf(buf, size, "%s", at->name);
    return buf;
}

/* Checks that the vocabulary gives n every attribute it has, and that
 * every attribute it requires is there; reports at the attribute. */
static void check_attrs(parser *p, xmlNodePtr n)
{
    for (xmlAttrPtr at = n->properties; at; at = at->next) {
        char name[128];
        qname(at, name, sizeof name);
        if (!ashi_vocab_find((const char *)n->name, name)) {
            char hint[96];
            ashi_diag_add_range(p->d, ASHI_ERROR, "unknown-attribute", attr_loc(n, name),
                                attr_end(n, name), "unknown attribute '%s' on <%s>%s", name,
                                n->name,
                                near_attribute((const char *)n->name, name, hint, sizeof hint));
        }
    }
}

static void check_required(parser *p, xmlNodePtr n)
{
    for (const ashi_vattr *v = ashi_vocab; v->name; v++)
        if (v->required && ashi_vocab_takes(v, (const char *)n->name) &&
            !xmlHasProp(n, (const xmlChar *)v->name))
            error_at(p, n, "missing-attribute", "<%s> needs %s", n->name, v->name);
}

static const char *attr(parser *p, xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    if (!v)
        return NULL;
    char *s = ashi_arena_strdup(p->a, (const char *)v);
    xmlFree(v);
    if (!s)
        p->oom = 1;
    return s;
}

/* Attribute name of n parsed by its type: 1 when it is there and allowed,
 * 0 when absent or not allowed (reported at the attribute). */
static int value_of(parser *p, xmlNodePtr n, const char *name, ashi_value *out)
{
    const ashi_vattr *def = ashi_vocab_find((const char *)n->name, name);
    const char *v = def ? attr(p, n, name) : NULL;
    if (!v)
        return 0;
    int rc = ashi_value_parse(def, v, p->a, out);
    if (rc == -2)
        p->oom = 1;
    if (rc == -1) {
        char allowed[200], hint[96];
        ashi_diag_add_range(p->d, ASHI_ERROR, "bad-value", attr_loc(n, name), attr_end(n, name),
                            "%s '%s' must be %s%s", name, v,
                            ashi_vocab_allowed(def, allowed, sizeof allowed),
                            ashi_vocab_suggest(def, v, hint, sizeof hint));
    }
    return rc == 0;
}

/* Text content of an element made only of text (info fields); trimmed. */
static const char *plain_text(parser *p, xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            error_at(p, c, "unknown-element", "<%s> is not allowed inside <%s>",
                     c->name, n->name);
    xmlChar *v = xmlNodeGetContent(n);
    if (!v)
        return "";
    const char *s = (const char *)v, *e = s + strlen(s);
    while (xml_space((unsigned char)*s))
        s++;
    while (e > s && xml_space((unsigned char)e[-1]))
        e--;
    char *r = ashi_arena_strndup(p->a, s, (size_t)(e - s));
    xmlFree(v);
    if (!r)
        p->oom = 1;
    return r ? r : "";
}

static int is_blank(const xmlChar *s)
{
    for (; s && *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return 0;
    return 1;
}

/* Reports what is neither ours nor whitespace or a comment among n's
 * children, except elements (the caller handles those). */
static int skip_node(parser *p, xmlNodePtr parent, xmlNodePtr c)
{
    switch (c->type) {
    case XML_COMMENT_NODE:
    case XML_PI_NODE:
        return 1;
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
        if (!is_blank(c->content))
            error_at(p, c->prev ? c->prev : parent, "unexpected-text",
                     "text is not allowed directly inside <%s>; put it in <p>",
                     parent->name);
        return 1;
    case XML_ENTITY_REF_NODE:
        error_at(p, parent, "entity", "entity reference '&%s;' is not supported",
                 c->name);
        return 1;
    case XML_ELEMENT_NODE:
        if (!is_ours(c)) {
            error_at(p, c, "unknown-element",
                     "element <%s> is not in the namespace " ASHI_NS, c->name);
            return 1;
        }
        return 0;
    default:
        return 1;
    }
}

/* ---- inline content ----------------------------------------------------- */

typedef struct inl_style {
    unsigned flags;
    ashi_color color;
    ashi_len size;
    ashi_loc span_loc;
    unsigned group;
    const char *ruby;
    int ruby_mode;
} inl_style;

typedef struct inl_builder {
    parser *p;
    ashi_inline *head, **tail;
    unsigned groups; /* last <nobr>/<ruby> group number */
    /* whitespace normalisation state across runs of one block */
    uint32_t prev;  /* last character emitted; 0 at block start or after br */
    int pending;    /* whitespace seen since prev */
    int pending_nl; /* ... and it held a line break */
} inl_builder;

static ashi_inline *new_inline(inl_builder *b, ashi_inline_kind kind, const inl_style *st,
                               ashi_loc loc)
{
    ashi_inline *in = ashi_arena_alloc(b->p->a, sizeof *in);
    if (!in) {
        b->p->oom = 1;
        return NULL;
    }
    in->kind = kind;
    in->flags = st->flags;
    in->color = st->color;
    in->size = st->size;
    in->span_loc = st->span_loc;
    in->group = st->group;
    in->ruby = st->ruby;
    in->ruby_mode = st->ruby_mode;
    in->loc = loc;
    *b->tail = in;
    b->tail = &in->next;
    return in;
}

/* Appends text with XML whitespace collapsed: a run of spaces becomes one
 * space; one holding a line break disappears next to Japanese text (a source
 * line break inside a Japanese sentence is no space); leading and trailing
 * whitespace of a block or line goes. */
static void add_text(inl_builder *b, const char *s, const inl_style *st, ashi_loc loc)
{
    size_t len = strlen(s), pos = 0;
    ashi_buf out = {.mem = ashi_arena_mem(b->p->a)};
    while (pos < len) {
        uint32_t cp;
        ashi_utf8_next(s, len, &pos, &cp); /* libxml2 already checked UTF-8 */
        if (xml_space(cp)) {
            b->pending = 1;
            if (cp == '\n' || cp == '\r')
                b->pending_nl = 1;
            continue;
        }
        if (b->pending && b->prev &&
            !(b->pending_nl && (ashi_is_wide(b->prev) || ashi_is_wide(cp))))
            ashi_buf_putc(&out, ' ');
        b->pending = b->pending_nl = 0;
        char u[4];
        ashi_buf_append(&out, u, ashi_utf8_put(cp, u));
        b->prev = cp;
    }
    if (out.oom)
        b->p->oom = 1;
    if (out.len) {
        ashi_inline *in = new_inline(b, ASHI_INL_TEXT, st, loc);
        if (in) {
            in->text = ashi_arena_strndup(b->p->a, out.data, out.len);
            in->len = out.len;
            if (!in->text)
                b->p->oom = 1;
        }
    }
    ashi_buf_free(&out);
}

/* A mono or jukugo <ruby> has one reading per base character. */
static void check_readings(parser *p, xmlNodePtr n, const char *rt, const ashi_inline *runs)
{
    size_t words = ashi_utf8_words(rt, strlen(rt)), chars = 0;
    for (const ashi_inline *r = runs; r; r = r->next)
        chars += ashi_utf8_chars(r->text, r->len);
    if (words != chars)
        ashi_diag_add(p->d, ASHI_ERROR, "ruby-count", attr_loc(n, "rt"),
                      "rt has %zu reading%s for %zu base character%s; mode=\"%s\" takes one "
                      "reading per character, separated by spaces",
                      words, words == 1 ? "" : "s", chars, chars == 1 ? "" : "s",
                      attr(p, n, "mode"));
}

static void walk_inline(inl_builder *b, xmlNodePtr parent, const inl_style *st)
{
    for (xmlNodePtr c = parent->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            add_text(b, (const char *)c->content, st, node_loc(parent));
            continue;
        }
        if (skip_node(b->p, parent, c))
            continue;
        inl_style in = *st;
        if (named(c, "b") || named(c, "em") || named(c, "sup") || named(c, "sub") ||
            named(c, "nobr")) {
            check_attrs(b->p, c);
            in.flags |= named(c, "b")     ? ASHI_INL_BOLD
                        : named(c, "em")  ? ASHI_INL_EM
                        : named(c, "sup") ? ASHI_INL_SUP
                        : named(c, "sub") ? ASHI_INL_SUB
                                          : ASHI_INL_NOBR;
            if (named(c, "sup") || named(c, "sub"))
                in.flags &= ~(unsigned)(named(c, "sup") ? ASHI_INL_SUB : ASHI_INL_SUP);
            if (named(c, "nobr") && !in.group)
                in.group = ++b->groups;
            walk_inline(b, c, &in);
        } else if (named(c, "span")) {
            check_attrs(b->p, c);
            ashi_value v;
            if (!xmlHasProp(c, (const xmlChar *)"color") && !xmlHasProp(c, (const xmlChar *)"size"))
                ashi_diag_add(b->p->d, ASHI_WARNING, "useless", node_loc(c),
                              "<span> without color or size changes nothing");
            if (value_of(b->p, c, "color", &v))
                in.color = v.color;
            if (value_of(b->p, c, "size", &v))
                in.size = v.len;
            in.span_loc = node_loc(c);
            walk_inline(b, c, &in);
        } else if (named(c, "ruby")) {
            check_attrs(b->p, c);
            in.ruby = attr(b->p, c, "rt");
            if (!in.ruby || !in.ruby[0])
                error_at(b->p, c, "missing-attribute", "<ruby> needs rt, the reading");
            for (xmlNodePtr k = c->children; k; k = k->next)
                if (k->type == XML_ELEMENT_NODE)
                    error_at(b->p, k, "unknown-element",
                             "<ruby> holds only text (the base), not <%s>", k->name);
            ashi_value mode;
            in.ruby_mode = value_of(b->p, c, "mode", &mode) ? mode.e - 1 : ASHI_RUBYMODE_GROUP;
            if (in.ruby_mode == ASHI_RUBYMODE_GROUP)
                in.group = ++b->groups; /* mono and jukugo break between characters */
            ashi_inline **from = b->tail;
            walk_inline(b, c, &in);
            if (in.ruby_mode != ASHI_RUBYMODE_GROUP && in.ruby)
                check_readings(b->p, c, in.ruby, *from);
        } else if (named(c, "br")) {
            check_attrs(b->p, c);
            if (c->children)
                error_at(b->p, c, "unexpected-content", "<br> must be empty");
            new_inline(b, ASHI_INL_BREAK, st, node_loc(c));
            b->prev = 0;
            b->pending = b->pending_nl = 0;
        } else {
            check_attrs(b->p, c);
            char hint[96];
            error_at(b->p, c, "unknown-element",
                     "unknown element <%s> inside <%s>%s (inline elements: b, em, span, sup, "
                     "sub, br, nobr, ruby)",
                     c->name, parent->name,
                     did_you_mean((const char *)c->name, "b em span sup sub br nobr ruby", "<",
                                  ">", hint, sizeof hint));
        }
    }
}

static ashi_inline *inline_content(parser *p, xmlNodePtr n)
{
    inl_builder b = {.p = p};
    b.tail = &b.head;
    inl_style st = {0};
    walk_inline(&b, n, &st);
    return b.head;
}

/* ---- blocks ------------------------------------------------------------- */

/* What each block element holds and which attributes it takes (besides
 * x, y, w, h for absolute placement, which every block takes). */
typedef enum content {
    C_INLINE,
    C_LIST,
    C_BLOCKS,
    C_COLUMNS,
    C_COMPARE,
    C_EMPTY,
    C_TABLE,
    C_CHART,
} content;

static const struct block_def {
    const char *name;
    ashi_block_kind kind;
    content content;
} block_defs[] = {
    {"h", ASHI_BLOCK_H, C_INLINE},
    {"p", ASHI_BLOCK_P, C_INLINE},
    {"list", ASHI_BLOCK_LIST, C_LIST},
    {"columns", ASHI_BLOCK_COLUMNS, C_COLUMNS},
    {"box", ASHI_BLOCK_BOX, C_BLOCKS},
    {"stat", ASHI_BLOCK_STAT, C_EMPTY},
    {"compare", ASHI_BLOCK_COMPARE, C_COMPARE},
    {"spacer", ASHI_BLOCK_SPACER, C_EMPTY},
    {"placeholder", ASHI_BLOCK_PLACEHOLDER, C_EMPTY},
    {"arrow", ASHI_BLOCK_ARROW, C_EMPTY},
    {"image", ASHI_BLOCK_IMAGE, C_EMPTY},
    {"table", ASHI_BLOCK_TABLE, C_TABLE},
    {"chart", ASHI_BLOCK_CHART, C_CHART},
};

/* Keeps every attribute of n on the block, as written and typed; reports
 * unknown ones, missing ones and values their type does not allow, each at
 * its attribute. */
static void block_attrs(parser *p, xmlNodePtr n, ashi_block *b)
{
    size_t count = 0;
    b->p = &ashi_props_none;
    for (xmlAttrPtr at = n->properties; at; at = at->next)
        count++;
    check_required(p, n);
    if (!count)
        return;
    b->attrs = ashi_arena_alloc(p->a, (count + 1) * sizeof *b->attrs);
    ashi_props *props = ashi_arena_alloc(p->a, sizeof *props);
    if (!b->attrs || !props) {
        p->oom = 1;
        return;
    }
    *props = ashi_props_none;
    b->p = props;
    size_t k = 0;
    for (xmlAttrPtr at = n->properties; at; at = at->next) {
        char name[128];
        qname(at, name, sizeof name);
        const ashi_vattr *def = ashi_vocab_find((const char *)n->name, name);
        ashi_loc loc = attr_loc(n, name), end = attr_end(n, name);
        if (!def) {
            char hint[96];
            ashi_diag_add_range(p->d, ASHI_ERROR, "unknown-attribute", loc, end,
                                "unknown attribute '%s' on <%s>%s", name, n->name,
                                near_attribute((const char *)n->name, name, hint, sizeof hint));
            continue;
        }
        b->attrs[k].name = def->name;
        b->attrs[k].value = attr(p, n, name);
        b->attrs[k].loc = loc;
        size_t said = p->d->n;
        int failed = !b->attrs[k].value ||
                     ashi_vocab_set(props, def, b->attrs[k].value, loc, p->a, p->d);
        ashi_diag_end_since(p->d, said, end);
        if (failed) {
            p->oom = 1;
            return;
        }
        k++;
    }
}

static ashi_block *parse_blocks(parser *p, xmlNodePtr parent);
static ashi_block *parse_block(parser *p, xmlNodePtr parent, xmlNodePtr c);

static ashi_item *parse_items(parser *p, xmlNodePtr c)
{
    ashi_item *head = NULL, **it_tail = &head;
    for (xmlNodePtr ic = c->children; ic; ic = ic->next) {
        if (skip_node(p, c, ic))
            continue;
        if (!named(ic, "item")) {
            error_at(p, ic, "unknown-element",
                     "unknown element <%s> inside <list> (expected <item>)", ic->name);
            continue;
        }
        check_attrs(p, ic);
        ashi_item *it = ashi_arena_alloc(p->a, sizeof *it);
        if (!it) {
            p->oom = 1;
            return head;
        }
        it->loc = node_loc(ic);
        it->inl = inline_content(p, ic);
        *it_tail = it;
        it_tail = &it->next;
    }
    if (!head)
        error_at(p, c, "empty-list", "<list> has no <item>");
    return head;
}

/* Children of <columns> (only <column>) or <compare> (only two <stat>). */
static ashi_block *parse_parts(parser *p, xmlNodePtr c, const char *part, int want)
{
    ashi_block *head = NULL, **tail = &head;
    int n = 0;
    for (xmlNodePtr k = c->children; k; k = k->next) {
        if (skip_node(p, c, k))
            continue;
        if (!named(k, part)) {
            error_at(p, k, "unknown-element", "unknown element <%s> inside <%s> (expected <%s>)",
                     k->name, c->name, part);
            continue;
        }
        ashi_block *b;
        if (named(k, "column")) {
            if (!(b = ashi_arena_alloc(p->a, sizeof *b))) {
                p->oom = 1;
                return head;
            }
            b->kind = ASHI_BLOCK_COLUMN;
            b->loc = node_loc(k);
            block_attrs(p, k, b);
            b->children = parse_blocks(p, k);
        } else if (!(b = parse_block(p, c, k))) {
            continue;
        }
        *tail = b;
        tail = &b->next;
        n++;
    }
    if (want && n != want)
        error_at(p, c, "count", "<%s> needs exactly %d <%s>, not %d", c->name, want, part, n);
    else if (!n)
        error_at(p, c, "count", "<%s> needs at least one <%s>", c->name, part);
    return head;
}

/* A cell holds blocks when any child element is a block, else inline text. */
static int holds_blocks(xmlNodePtr n)
{
    static const char *const blocks[] = {"p", "list", "stat", "image", "box", NULL};
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            for (const char *const *b = blocks; *b; b++)
                if (named(c, *b))
                    return 1;
    return 0;
}

/* <table>: <col> settings, then <tr> rows of <th>/<td> cells. */
static ashi_block *parse_table(parser *p, xmlNodePtr t)
{
    ashi_block *head = NULL, **tail = &head;
    int rows = 0;
    for (xmlNodePtr c = t->children; c; c = c->next) {
        if (skip_node(p, t, c))
            continue;
        int is_col = named(c, "col"), is_tr = named(c, "tr");
        if (!is_col && !is_tr) {
            error_at(p, c, "unknown-element",
                     "unknown element <%s> inside <table> (expected <col> or <tr>)", c->name);
            continue;
        }
        if (is_col && rows)
            error_at(p, c, "order", "<col> must come before the rows");
        ashi_block *b = ashi_arena_alloc(p->a, sizeof *b);
        if (!b) {
            p->oom = 1;
            return head;
        }
        b->loc = node_loc(c);
        b->kind = is_col ? ASHI_BLOCK_COL : ASHI_BLOCK_ROW;
        block_attrs(p, c, b);
        if (is_tr) {
            rows++;
            ashi_block **ct = &b->children;
            for (xmlNodePtr k = c->children; k; k = k->next) {
                if (skip_node(p, c, k))
                    continue;
                if (!named(k, "td") && !named(k, "th")) {
                    error_at(p, k, "unknown-element",
                             "unknown element <%s> inside <tr> (expected <th> or <td>)", k->name);
                    continue;
                }
                ashi_block *cell = ashi_arena_alloc(p->a, sizeof *cell);
                if (!cell) {
                    p->oom = 1;
                    return head;
                }
                cell->loc = node_loc(k);
                cell->kind = ASHI_BLOCK_CELL;
                cell->header = named(k, "th");
                block_attrs(p, k, cell);
                if (holds_blocks(k))
                    cell->children = parse_blocks(p, k);
                else
                    cell->inl = inline_content(p, k);
                *ct = cell;
                ct = &cell->next;
            }
        }
        *tail = b;
        tail = &b->next;
    }
    return head;
}

/* <chart>: <category> labels, then <series> of numbers. */
static ashi_block *parse_chart(parser *p, xmlNodePtr t)
{
    ashi_block *head = NULL, **tail = &head;
    for (xmlNodePtr c = t->children; c; c = c->next) {
        if (skip_node(p, t, c))
            continue;
        int cat = named(c, "category"), ser = named(c, "series");
        if (!cat && !ser) {
            error_at(p, c, "unknown-element",
                     "unknown element <%s> inside <chart> (expected <category> or <series>)",
                     c->name);
            continue;
        }
        ashi_block *b = ashi_arena_alloc(p->a, sizeof *b);
        if (!b) {
            p->oom = 1;
            return head;
        }
        b->loc = node_loc(c);
        b->kind = cat ? ASHI_BLOCK_CATEGORY : ASHI_BLOCK_SERIES;
        block_attrs(p, c, b);
        b->inl = inline_content(p, c);
        *tail = b;
        tail = &b->next;
    }
    return head;
}

/* One block element; NULL when it is not one (reported) or out of memory. */
static ashi_block *parse_block(parser *p, xmlNodePtr parent, xmlNodePtr c)
{
    const struct block_def *def = NULL;
    for (size_t i = 0; i < sizeof block_defs / sizeof block_defs[0]; i++)
        if (named(c, block_defs[i].name))
            def = &block_defs[i];
    if (!def) {
        char hint[96];
        error_at(p, c, "unknown-element",
                 "unknown element <%s> inside <%s>%s (blocks: h, p, list, columns, box, stat, "
                 "compare, spacer, placeholder, arrow, image, table, chart)",
                 c->name, parent->name,
                 did_you_mean((const char *)c->name,
                              "h p list columns box stat compare spacer placeholder arrow image "
                              "table chart",
                              "<", ">", hint, sizeof hint));
        return NULL;
    }
    ashi_block *blk = ashi_arena_alloc(p->a, sizeof *blk);
    if (!blk) {
        p->oom = 1;
        return NULL;
    }
    blk->loc = node_loc(c);
    blk->kind = def->kind;
    block_attrs(p, c, blk);
    switch (def->content) {
    case C_INLINE:
        blk->inl = inline_content(p, c);
        break;
    case C_LIST:
        blk->marker = blk->p->marker;
        if (!blk->marker)
            blk->marker = "・";
        blk->items = parse_items(p, c);
        break;
    case C_BLOCKS:
        blk->children = parse_blocks(p, c);
        break;
    case C_COLUMNS:
        blk->children = parse_parts(p, c, "column", 0);
        break;
    case C_COMPARE:
        blk->children = parse_parts(p, c, "stat", 2);
        /* its number format is its stats', where they give none */
        for (ashi_block *s = blk->children; s && blk->p->format.kind; s = s->next)
            if (!s->p->format.kind && s->p != &ashi_props_none)
                ((ashi_props *)s->p)->format = blk->p->format;
        break;
    case C_TABLE:
        blk->children = parse_table(p, c);
        break;
    case C_CHART:
        blk->children = parse_chart(p, c);
        break;
    case C_EMPTY:
        for (xmlNodePtr k = c->children; k; k = k->next)
            if (k->type == XML_ELEMENT_NODE ||
                ((k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) &&
                 !is_blank(k->content))) {
                error_at(p, c, "unexpected-content", "<%s> must be empty", c->name);
                break;
            }
        break;
    }
    return blk;
}

static ashi_block *parse_blocks(parser *p, xmlNodePtr parent)
{
    ashi_block *head = NULL, **tail = &head;
    for (xmlNodePtr c = parent->children; c; c = c->next) {
        if (skip_node(p, parent, c))
            continue;
        ashi_block *blk = parse_block(p, parent, c);
        if (!blk)
            continue;
        *tail = blk;
        tail = &blk->next;
    }
    return head;
}

/* A page attribute: a known name, or two lengths within the range PDF
 * and print allow; what is wrong is said with what is allowed. */
static void page_size(parser *p, xmlNodePtr n, double *w, double *h)
{
    const char *page = attr(p, n, "page");
    int rc = page ? ashi_page_size(page, w, h) : 0;
    ashi_loc at = attr_loc(n, "page");
    if (rc == -2)
        ashi_diag_add(p->d, ASHI_ERROR, "bad-value", at,
                 "page size '%s' is out of range: width and height must each be from 10mm to "
                 "5000mm",
                 page);
    else if (rc)
        ashi_diag_add(p->d, ASHI_ERROR, "bad-value", at,
                 "unknown page size '%s' (known: A4, A3, B5, each with -landscape; "
                 "16:9; or two lengths from 10mm to 5000mm such as '210mm 297mm')",
                 page);
}

static ashi_slide *parse_slide(parser *p, xmlNodePtr n, ashi_section *sec)
{
    check_attrs(p, n);
    ashi_slide *s = ashi_arena_alloc(p->a, sizeof *s);
    if (!s) {
        p->oom = 1;
        return NULL;
    }
    s->loc = node_loc(n);
    s->section = sec;
    s->title = attr(p, n, "title");
    s->subtitle = attr(p, n, "subtitle");
    ashi_value v;
    if (value_of(p, n, "layout", &v))
        s->layout = (ashi_slide_layout)(v.e - 1);
    page_size(p, n, &s->page_w, &s->page_h);
    const char *parts[3] = {"band", "footer", "number"};
    int *vals[3] = {&s->band, &s->footer, &s->number};
    for (int i = 0; i < 3; i++)
        *vals[i] = value_of(p, n, parts[i], &v) ? v.e == ASHI_ONOFF_ON : -1;
    s->fit_shrink = value_of(p, n, "fit", &v) && v.e == 1;
    s->fit_min = value_of(p, n, "fit-min", &v) ? v.num / 100 : 0.7;
    s->blocks = parse_blocks(p, n);
    return s;
}

/* ---- deck, info, theme -------------------------------------------------- */

static void parse_info(parser *p, ashi_doc *doc, xmlNodePtr n)
{
    check_attrs(p, n);
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (skip_node(p, n, c))
            continue;
        check_attrs(p, c);
        const char **field = NULL;
        if (named(c, "title"))
            field = &doc->title;
        else if (named(c, "author"))
            field = &doc->author;
        else if (named(c, "subject"))
            field = &doc->subject;
        else if (named(c, "date"))
            field = &doc->date;
        if (!field) {
            error_at(p, c, "unknown-element",
                     "unknown element <%s> inside <info> (known: title, author, subject, date)",
                     c->name);
            continue;
        }
        *field = plain_text(p, c);
        if (field == &doc->date) {
            const char *d = doc->date;
            int ok = strlen(d) == 10 && d[4] == '-' && d[7] == '-';
            for (int i = 0; ok && i < 10; i++)
                if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9'))
                    ok = 0;
            int mon = ok ? (d[5] - '0') * 10 + (d[6] - '0') : 0;
            int day = ok ? (d[8] - '0') * 10 + (d[9] - '0') : 0;
            if (!ok || mon < 1 || mon > 12 || day < 1 || day > 31) {
                error_at(p, c, "bad-value", "date '%s' is not YYYY-MM-DD", d);
                doc->date = NULL;
            }
        }
    }
}

static void parse_theme(parser *p, ashi_doc *doc, xmlNodePtr n)
{
    check_attrs(p, n);
    doc->theme_loc = node_loc(n);
    ashi_value v;
    /* with several themes, the first to set a switch sets it */
    if (value_of(p, n, "autospace", &v) && doc->autospace < 0)
        doc->autospace = v.e == ASHI_ONOFF_ON;
    if (value_of(p, n, "hanging", &v) && doc->hanging < 0)
        doc->hanging = v.e == ASHI_ONOFF_ON;
    if (value_of(p, n, "bracket-start", &v) && doc->bracket_start_half < 0)
        doc->bracket_start_half = v.e == 1;
    if (value_of(p, n, "overprint", &v) && doc->overprint < 0)
        doc->overprint = v.e == ASHI_ONOFF_ON;
    if (value_of(p, n, "kinsoku", &v) && doc->kinsoku < 0)
        doc->kinsoku = v.e - 1;
    ashi_theme_font **ft = &doc->fonts;
    ashi_theme_color **ct = &doc->colors;
    ashi_theme_style **st = &doc->styles;
    while (*ft)
        ft = &(*ft)->next;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (skip_node(p, n, c))
            continue;
        const char *name = attr(p, c, "name");
        if (named(c, "font")) {
            check_attrs(p, c);
            ashi_theme_font *f = ashi_arena_alloc(p->a, sizeof *f);
            if (!f)
                goto oom;
            f->loc = node_loc(c);
            f->name = name;
            f->regular = attr(p, c, "regular");
            f->bold = attr(p, c, "bold");
            if (!name || !f->regular) {
                error_at(p, c, "missing-attribute", "<font> needs name and regular");
                continue;
            }
            *ft = f;
            ft = &f->next;
        } else if (named(c, "color")) {
            check_attrs(p, c);
            ashi_theme_color *k = ashi_arena_alloc(p->a, sizeof *k);
            if (!k)
                goto oom;
            k->loc = node_loc(c);
            k->name = name;
            k->text = attr(p, c, "value");
            if (value_of(p, c, "value", &v))
                k->value = v.color;
            if (!name || !k->text) {
                error_at(p, c, "missing-attribute", "<color> needs name and value");
                continue;
            }
            *ct = k;
            ct = &k->next;
        } else if (named(c, "master")) {
            check_attrs(p, c);
            doc->master_loc = node_loc(c);
            doc->footer_text = attr(p, c, "footer-text");
            if (value_of(p, c, "number", &v))
                doc->master_number = v.e == ASHI_ONOFF_ON;
            if (value_of(p, c, "background", &v))
                doc->master_background = v.color;
            doc->master_logo = attr(p, c, "logo");
        } else if (named(c, "style")) {
            check_attrs(p, c);
            ashi_theme_style *s = ashi_arena_alloc(p->a, sizeof *s);
            if (!s)
                goto oom;
            s->loc = node_loc(c);
            s->name = name;
            s->font = attr(p, c, "font");
            /* typed here; the names are the theme's to resolve */
            if (value_of(p, c, "size", &v))
                s->size = v.len;
            if (value_of(p, c, "leading", &v))
                s->leading = v.leading;
            s->color_text = attr(p, c, "color");
            if (value_of(p, c, "color", &v))
                s->color = v.color;
            s->weight = value_of(p, c, "weight", &v) ? v.e == 2 : -1;
            s->align = value_of(p, c, "align", &v) ? v.e - 1 : -1;
            if (value_of(p, c, "indent", &v))
                s->indent = v.indent;
            s->indent_loc = attr_loc(c, "indent");
            if ((s->has_tracking = value_of(p, c, "tracking", &v)))
                s->tracking = v.num;
            s->palt = value_of(p, c, "palt", &v) ? v.e == ASHI_ONOFF_ON : -1;
            if (!name) {
                error_at(p, c, "missing-attribute", "<style> needs a name");
                continue;
            }
            *st = s;
            st = &s->next;
        } else {
            char hint[96];
            error_at(p, c, "unknown-element",
                     "unknown element <%s> inside <theme>%s (known: font, color, style, master)",
                     c->name,
                     did_you_mean((const char *)c->name, "font color style master", "<", ">",
                                  hint, sizeof hint));
        }
    }
    return;
oom:
    p->oom = 1;
}

static void parse_deck(parser *p, ashi_doc *doc, xmlNodePtr root)
{
    check_attrs(p, root);
    doc->loc = node_loc(root);
    doc->lang = "ja";
    ashi_page_size("A4-landscape", &doc->page_w, &doc->page_h);
    xmlChar *lang = xmlNodeGetLang(root);
    if (lang) {
        doc->lang = ashi_arena_strdup(p->a, (const char *)lang);
        xmlFree(lang);
    }
    doc->autospace = doc->hanging = doc->bracket_start_half = doc->master_number = -1;
    doc->overprint = doc->kinsoku = -1;
    doc->bleed = -1;
    ashi_value v;
    doc->print = value_of(p, root, "print", &v) && v.e == ASHI_ONOFF_ON;
    if (value_of(p, root, "bleed", &v))
        doc->bleed = v.len.v;
    doc->output_profile = attr(p, root, "output-profile");
    doc->output_profile_loc = attr_loc(root, "output-profile");
    doc->photo_intent = value_of(p, root, "photo-intent", &v) ? v.e - 1 : -1;
    page_size(p, root, &doc->page_w, &doc->page_h);

    ashi_entry **tail = &doc->entries;
    int seen_body = 0, seen_info = 0;
    for (xmlNodePtr c = root->children; c; c = c->next) {
        if (skip_node(p, root, c))
            continue;
        ashi_entry *e = NULL;
        if (named(c, "info")) {
            if (seen_info || seen_body)
                error_at(p, c, "order", "<info> must come once, before the slides");
            seen_info = 1;
            parse_info(p, doc, c);
        } else if (named(c, "theme")) {
            if (seen_body)
                error_at(p, c, "order", "<theme> must come before the slides");
            parse_theme(p, doc, c);
        } else if (named(c, "slide")) {
            seen_body = 1;
            if (!(e = ashi_arena_alloc(p->a, sizeof *e)))
                goto oom;
            e->slide = parse_slide(p, c, NULL);
        } else if (named(c, "section")) {
            seen_body = 1;
            check_attrs(p, c);
            ashi_section *sec = ashi_arena_alloc(p->a, sizeof *sec);
            if (!sec || !(e = ashi_arena_alloc(p->a, sizeof *e)))
                goto oom;
            sec->loc = node_loc(c);
            sec->title = attr(p, c, "title");
            sec->subtitle = attr(p, c, "subtitle");
            if (!sec->title)
                error_at(p, c, "missing-attribute", "<section> needs a title");
            e->section = sec;
            ashi_slide **st = &sec->slides;
            for (xmlNodePtr sc = c->children; sc; sc = sc->next) {
                if (skip_node(p, c, sc))
                    continue;
                if (!named(sc, "slide")) {
                    error_at(p, sc, "unknown-element",
                             "unknown element <%s> inside <section> (expected <slide>)",
                             sc->name);
                    continue;
                }
                ashi_slide *s = parse_slide(p, sc, sec);
                if (!s)
                    goto oom;
                *st = s;
                st = &s->next_in_section;
            }
        } else {
            char hint[96];
            error_at(p, c, "unknown-element",
                     "unknown element <%s> inside <deck>%s (known: info, theme, section, slide)",
                     c->name,
                     did_you_mean((const char *)c->name, "info theme section slide", "<", ">",
                                  hint, sizeof hint));
        }
        if (e) {
            if (!e->slide && !e->section)
                goto oom;
            *tail = e;
            tail = &e->next;
        }
    }
    if (!doc->entries)
        error_at(p, root, "empty-deck", "the deck has no slides");
    return;
oom:
    p->oom = 1;
}

/* Schema violations the loader's own checks did not already report on the
 * same line (theirs are the clearer messages), one per line; they join the
 * loader's in one list, sorted with the rest when the load ends. */
static void on_schema_error(void *ctx, xmlErrorPtr err)
{
    parser *p = ctx;
    ashi_loc loc = node_loc((xmlNodePtr)err->node);
    if (!loc.line && err->line > 0)
        loc.line = (unsigned)err->line;
    if (ashi_diag_at_line(p->d, loc.line))
        return;
    char msg[512];
    size_t n = 0;
    for (const char *s = err->message ? err->message : ""; *s && n + 1 < sizeof msg; s++)
        msg[n++] = *s == '\n' ? ' ' : *s;
    while (n && msg[n - 1] == ' ')
        n--;
    msg[n] = 0;
    ashi_diag_add(p->d, ASHI_ERROR, "schema", loc, "schema: %s", msg);
}

static void validate(parser *p, xmlDocPtr doc)
{
    if (!schema)
        return;
    xmlRelaxNGValidCtxtPtr v = xmlRelaxNGNewValidCtxt(schema);
    if (!v) {
        p->oom = 1;
        return;
    }
    xmlRelaxNGSetValidStructuredErrors(v, on_schema_error, p);
    xmlRelaxNGValidateDoc(v, doc);
    xmlRelaxNGFreeValidCtxt(v);
}

/* Reports an encoding declaration other than UTF-8: decks are UTF-8. */
static void check_declared_encoding(parser *p, const char *data, size_t len)
{
    if (len < 6 || memcmp(data, "<?xml", 5) != 0)
        return;
    const char *end = memchr(data, '>', len < 200 ? len : 200);
    if (!end)
        return;
    const char *e = NULL;
    for (const char *q = data; q + 8 < end; q++)
        if (memcmp(q, "encoding", 8) == 0) {
            e = q + 8;
            break;
        }
    if (!e)
        return;
    while (e < end && (*e == ' ' || *e == '='))
        e++;
    if (e >= end || (*e != '"' && *e != '\''))
        return;
    char quote = *e++;
    const char *v = e;
    while (e < end && *e != quote)
        e++;
    size_t n = (size_t)(e - v);
    if ((n == 5 && strncasecmp(v, "UTF-8", 5) == 0) ||
        (n == 4 && strncasecmp(v, "UTF8", 4) == 0))
        return;
    ashi_loc loc = {1, (unsigned)(v - data) + 1};
    ashi_diag_add(p->d, ASHI_ERROR, "encoding", loc,
                  "encoding '%.*s' is not supported: save the deck as UTF-8",
                  (int)(n > 40 ? 40 : n), v);
}

/* libxml2 checks each attribute of a start tag against all the ones before
 * it, which is quadratic: 100,000 attributes on one element took 30 s. So
 * the deck's start tags are counted first, in one linear pass over its
 * bytes (comments, CDATA sections, processing instructions and quoted
 * values skipped), and an element with more attributes than any element of
 * the vocabulary can have is refused before libxml2 sees it. Returns how
 * many such elements there are (each reported at its '<'). */
static size_t count_attributes(parser *p)
{
    const char *s = p->data, *end = p->data + p->len;
    size_t bad = 0;
    while (s < end) {
        const char *lt = memchr(s, '<', (size_t)(end - s));
        if (!lt || lt + 1 >= end)
            break;
        s = lt + 1;
        const char *close = NULL;
        size_t n = (size_t)(end - s);
        if (n >= 3 && !memcmp(s, "!--", 3)) {
            close = "-->";
        } else if (n >= 8 && !memcmp(s, "![CDATA[", 8)) {
            close = "]]>";
        } else if (*s == '?') {
            close = "?>";
        } else if (*s == '!' || *s == '/') {
            close = ">"; /* a DOCTYPE (refused later) or an end tag */
        }
        if (close) {
            size_t cl = strlen(close);
            const char *e = memmem(s, (size_t)(end - s), close, cl);
            s = e ? e + cl : end;
            continue;
        }
        /* a start tag: count '=' outside quoted values up to its '>' */
        size_t attrs = 0;
        while (s < end && *s != '>') {
            if (*s == '"' || *s == '\'') {
                const char *q = memchr(s + 1, *s, (size_t)(end - s - 1));
                s = q ? q + 1 : end;
                continue;
            }
            attrs += *s == '=';
            s++;
        }
        if (attrs > MAX_ATTRIBUTES) {
            const char *name = lt + 1, *ne = name;
            while (ne < end && ne - name < 40 && !xml_space((unsigned char)*ne) && *ne != '>' &&
                   *ne != '/')
                ne++;
            ashi_diag_add(p->d, ASHI_ERROR, "limit", locate(p, (size_t)(lt - p->data)),
                          "<%.*s> has %zu attributes, over the limit of %d attributes on one "
                          "element",
                          (int)(ne - name), name, attrs, MAX_ATTRIBUTES);
            bad++;
        }
    }
    return bad;
}

/* The model of a well-formed tree, read or built: its root checked, then
 * every element, then the schema's view. */
static void model_of(parser *p, xmlDocPtr xdoc, ashi_doc **out)
{
    xmlNodePtr root = xmlDocGetRootElement(xdoc);
    if (!root || !named(root, "deck")) {
        error_at(p, root, "root", "the root element must be <deck>");
    } else if (!is_ours(root)) {
        error_at(p, root, "namespace",
                 "<deck> must be in the namespace " ASHI_NS " (add xmlns=\"" ASHI_NS "\")");
    } else {
        ashi_doc *doc = ashi_arena_alloc(p->a, sizeof *doc);
        if (!doc)
            p->oom = 1;
        else {
            parse_deck(p, doc, root);
            validate(p, xdoc);
            *out = doc;
        }
    }
}

int ashi_xml_model(void *tree, ashi_arena *a, ashi_diags *d, ashi_doc **out)
{
    parser p = {.a = a, .d = d, .line = 1, .col = 1};
    *out = NULL;
    ashi_xml_init();
    model_of(&p, tree, out);
    return p.oom ? -1 : 0;
}

int ashi_xml_parse(const char *data, size_t len, const ashi_limits *limits, ashi_arena *a,
                   ashi_diags *d, ashi_doc **out)
{
    parser p = {.a = a,
                .d = d,
                .max_slides = limits ? limits->slides : SIZE_MAX,
                .max_elements = limits ? limits->elements : SIZE_MAX,
                .max_text = limits ? limits->text_bytes : SIZE_MAX,
                .data = data,
                .len = len,
                .line = 1,
                .col = 1};
    *out = NULL;
    ashi_xml_init();
    if (len > INT32_MAX) {
        ashi_loc none = {0, 0};
        ashi_diag_add(d, ASHI_ERROR, "limit", none, "the deck is larger than 2 GB");
        return 0;
    }
    check_declared_encoding(&p, data, len);
    if (d->errors || count_attributes(&p))
        return 0;

    xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(data, (int)len);
    if (!ctxt)
        return -1;
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES |
                                XML_PARSE_IGNORE_ENC);
    ctxt->_private = &p;
    ctxt->sax->serror = on_error;
    p.start_element = ctxt->sax->startElementNs;
    ctxt->sax->startElementNs = on_start_element;
    p.end_element = ctxt->sax->endElementNs;
    ctxt->sax->endElementNs = on_end_element;
    p.characters = ctxt->sax->characters;
    ctxt->sax->characters = on_characters;
    ctxt->sax->cdataBlock = on_characters;
    /* comments and processing instructions mean nothing in a deck: no
     * nodes for them (millions of them made a tree of gigabytes) */
    ctxt->sax->comment = NULL;
    ctxt->sax->processingInstruction = NULL;
    ctxt->sax->internalSubset = on_internal_subset;
    ctxt->sax->externalSubset = NULL;
    ctxt->sax->entityDecl = NULL;
    ctxt->sax->getEntity = NULL;
    ctxt->sax->resolveEntity = NULL;

    xmlParseDocument(ctxt);
    xmlDocPtr xdoc = ctxt->myDoc;
    int wf = ctxt->wellFormed;
    if (wf && xdoc && !d->errors) {
        model_of(&p, xdoc, out);
    } else if (!d->errors) {
        ashi_loc none = {0, 0};
        ashi_diag_add(d, ASHI_ERROR, "xml-syntax", none, "the deck is not well-formed XML");
    }
    if (xdoc)
        xmlFreeDoc(xdoc);
    ctxt->myDoc = NULL;
    xmlFreeParserCtxt(ctxt);
    return p.oom ? -1 : 0;
}
