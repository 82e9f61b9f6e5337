/* tags.c — Tagged PDF from the display list's structure items: one
 * structure element per item (PDF's standard types, ISO 32000-1 14.8.4),
 * in source order under a Document; each element's content in
 * marked-content sequences with MCIDs, found again through the
 * ParentTree; page furniture and decoration in /Artifact sequences.
 * SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "render/embed.h"
#include "render/tags.h"

#define MAX_DEPTH 512

/* The standard structure type of each role; NULL: an artifact. */
static const char *const type_of[ASHI_ROLE_COUNT] = {
    [ASHI_ROLE_SECTION] = "Sect",    [ASHI_ROLE_SLIDE] = "Sect",
    [ASHI_ROLE_TITLE] = "H1",        [ASHI_ROLE_SUBTITLE] = "P",
    [ASHI_ROLE_HEADING] = "H2",      [ASHI_ROLE_PARAGRAPH] = "P",
    [ASHI_ROLE_LIST] = "L",          [ASHI_ROLE_LIST_ITEM] = "LI",
    [ASHI_ROLE_LABEL] = "Lbl",       [ASHI_ROLE_LIST_BODY] = "LBody",
    [ASHI_ROLE_TABLE] = "Table",     [ASHI_ROLE_TABLE_HEAD] = "THead",
    [ASHI_ROLE_TABLE_BODY] = "TBody", [ASHI_ROLE_TABLE_ROW] = "TR",
    [ASHI_ROLE_HEADER_CELL] = "TH",  [ASHI_ROLE_CELL] = "TD",
    [ASHI_ROLE_FIGURE] = "Figure",   [ASHI_ROLE_CAPTION] = "Caption",
    [ASHI_ROLE_PHRASE] = "P",        [ASHI_ROLE_GROUP] = NULL,
    [ASHI_ROLE_RUBY] = "Ruby",       [ASHI_ROLE_RUBY_BASE] = "RB",
    [ASHI_ROLE_RUBY_TEXT] = "RT",
    [ASHI_ROLE_ARTIFACT] = NULL,
};

/* A child of an element: another element or a marked-content sequence,
 * keyed by where it is in the display list (page, item), so that the
 * children read in source order whatever order sheets are drawn in. */
typedef struct kid {
    uint64_t key;    /* page << 33 | item << 1, and 1 for what follows the item */
    HPDF_Dict child; /* an element, or NULL: marked content */
    int mcid;
    HPDF_Page pg;
} kid;

#define KEY(page, item) ((uint64_t)(page) << 33 | (uint64_t)(item) << 1)

typedef struct elem {
    const ashi_dl_struct *s;
    kid *kids_v;     /* its children, sorted into /K when finished */
    size_t nkids, capkids;
    int parent;      /* index; -1: the Document */
    int owner;       /* the element its content and children go to: itself, or
                        for a group (columns, a box: no meaning of its own, so
                        no element) its parent's owner; -1: the Document */
    int artifact;    /* it or an ancestor is page furniture */
    int in_head;     /* inside header rows */
    HPDF_Dict dict;  /* NULL for artifacts */
    uint64_t key;    /* where its structure item is */
} elem;

enum { MC_NONE, MC_ELEM, MC_ARTIFACT };

struct ashi_tags {
    HPDF_Doc pdf;
    ashi_mem *mem;
    elem *e;
    size_t ne;
    /* per source page: its first structure item's element, and the
     * elements open when it starts (stack_at[page_stack[i] ...]) */
    size_t *page_first, *page_stack, *page_depth;
    int *stacks;
    HPDF_Dict doc;
    HPDF_Dict root;   /* the StructTreeRoot */
    elem top; /* the Document's children */
    HPDF_Array nums; /* the ParentTree's /Nums */
    /* drawing */
    int stack[MAX_DEPTH];
    int depth;
    size_t next;
    size_t page;       /* the source page being drawn */
    uint32_t item;     /* its item being drawn */
    HPDF_Page sheet;
    HPDF_Array parents; /* the sheet's elements by MCID */
    int nsheets, mcid;
    int open, open_elem, span;
    int no_actual_text; /* PDF/X-1a (PDF 1.4): no /Span ActualText sequences */
    int failed;
};

HPDF_Binary ashi_pdf_text(HPDF_Doc pdf, ashi_mem *mem, const char *s)
{
    size_t len = strlen(s), pos = 0, n = 2;
    unsigned char *u = ashi_malloc(mem, 2 + len * 4);
    if (!u)
        return NULL;
    u[0] = 0xFE;
    u[1] = 0xFF;
    while (pos < len) {
        uint32_t cp;
        ashi_utf8_next(s, len, &pos, &cp);
        uint32_t units[2] = {cp, 0};
        int k = 1;
        if (cp >= 0x10000) {
            units[0] = 0xD800 | ((cp - 0x10000) >> 10);
            units[1] = 0xDC00 | ((cp - 0x10000) & 0x3FF);
            k = 2;
        }
        for (int i = 0; i < k; i++) {
            u[n++] = (unsigned char)(units[i] >> 8);
            u[n++] = (unsigned char)(units[i] & 0xFF);
        }
    }
    HPDF_Binary b = HPDF_Binary_New(pdf->mmgr, u, (HPDF_UINT)n);
    free(u);
    return b;
}

/* An indirect dictionary of the document. */
static HPDF_Dict new_dict(ashi_tags *t)
{
    HPDF_Dict d = HPDF_Dict_New(t->pdf->mmgr);
    if (!d || HPDF_Xref_Add(t->pdf->xref, d) != HPDF_OK)
        return NULL;
    return d;
}

static int add_kid(ashi_tags *t, elem *e, kid k)
{
    if (e->nkids == e->capkids) {
        size_t cap = e->capkids ? 2 * e->capkids : 4;
        kid *v = ashi_realloc(t->mem, e->kids_v, cap * sizeof *v);
        if (!v)
            return -1;
        e->kids_v = v;
        e->capkids = cap;
    }
    e->kids_v[e->nkids++] = k;
    return 0;
}

/* The elements, in source order: the display list walked once. */
static int plan(ashi_tags *t, const ashi_dlist *dl)
{
    size_t n = 0, stacked = 0;
    int depth = 0;
    for (size_t p = 0; p < dl->npages; p++) {
        stacked += (size_t)depth;
        for (size_t i = 0; i < dl->pages[p].nitems; i++) {
            ashi_dl_kind k = dl->pages[p].items[i].kind;
            n += k == ASHI_DL_STRUCT_BEGIN;
            depth += k == ASHI_DL_STRUCT_BEGIN ? 1 : k == ASHI_DL_STRUCT_END ? -1 : 0;
            if (depth < 0 || depth > MAX_DEPTH)
                return -1;
        }
    }
    size_t np = dl->npages + 1;
    t->e = ashi_calloc(t->mem, n + 1, sizeof *t->e);
    t->page_first = ashi_calloc(t->mem, np, sizeof *t->page_first);
    t->page_stack = ashi_calloc(t->mem, np, sizeof *t->page_stack);
    t->page_depth = ashi_calloc(t->mem, np, sizeof *t->page_depth);
    t->stacks = ashi_calloc(t->mem, stacked + 1, sizeof *t->stacks);
    if (!t->e || !t->page_first || !t->page_stack || !t->page_depth || !t->stacks)
        return -1;
    int stack[MAX_DEPTH];
    depth = 0;
    stacked = 0;
    for (size_t p = 0; p < dl->npages; p++) {
        t->page_first[p] = t->ne;
        t->page_stack[p] = stacked;
        t->page_depth[p] = (size_t)depth;
        memcpy(t->stacks + stacked, stack, (size_t)depth * sizeof *stack);
        stacked += (size_t)depth;
        for (size_t i = 0; i < dl->pages[p].nitems; i++) {
            const ashi_dl_item *it = &dl->pages[p].items[i];
            if (it->kind == ASHI_DL_STRUCT_END) {
                depth--;
            } else if (it->kind == ASHI_DL_STRUCT_BEGIN) {
                elem *e = &t->e[t->ne];
                const elem *up = depth ? &t->e[stack[depth - 1]] : NULL;
                e->s = &it->u.structure;
                e->parent = up ? up->owner : -1;
                e->owner = e->s->role == ASHI_ROLE_GROUP ? e->parent : (int)t->ne;
                e->artifact = e->s->role == ASHI_ROLE_ARTIFACT || (up && up->artifact);
                e->in_head = e->s->role == ASHI_ROLE_TABLE_HEAD || (up && up->in_head);
                e->key = KEY(p, i);
                stack[depth++] = (int)t->ne++;
            }
        }
    }
    return 0;
}

/* A table cell's attributes: its header's scope, its spans. */
static int cell_attributes(ashi_tags *t, const elem *e)
{
    const ashi_dl_struct *s = e->s;
    int th = s->role == ASHI_ROLE_HEADER_CELL;
    if (!th && s->colspan <= 1 && s->rowspan <= 1)
        return 0;
    HPDF_Dict a = HPDF_Dict_New(t->pdf->mmgr);
    if (!a || HPDF_Dict_Add(e->dict, "A", a) || HPDF_Dict_AddName(a, "O", "Table"))
        return -1;
    if (th && HPDF_Dict_AddName(a, "Scope", e->in_head ? "Column" : "Row"))
        return -1;
    if (s->colspan > 1 && HPDF_Dict_AddNumber(a, "ColSpan", s->colspan))
        return -1;
    if (s->rowspan > 1 && HPDF_Dict_AddNumber(a, "RowSpan", s->rowspan))
        return -1;
    return 0;
}

/* A structure element of the document under parent (not one of the
 * display list's: it has no content of its own). */
static HPDF_Dict extra(ashi_tags *t, const char *type, HPDF_Dict parent, HPDF_Array into)
{
    HPDF_Dict d = new_dict(t);
    if (!d || HPDF_Dict_AddName(d, "S", type) || HPDF_Dict_Add(d, "P", parent) ||
        (into && HPDF_Array_Add(into, d)))
        return NULL;
    return d;
}

/* A figure's data as a Table of TR, TH (the first row: Scope Column; the
 * first column: Scope Row) and TD, each cell's text its ActualText: the
 * numbers behind a chart, reachable by a reader that cannot see it. */
static int data_table(ashi_tags *t, const ashi_dl_table *dt, HPDF_Dict parent, elem *up,
                      uint64_t key)
{
    HPDF_Dict table = extra(t, "Table", parent, NULL);
    HPDF_Array rows;
    if (!table || !(rows = HPDF_Array_New(t->pdf->mmgr)) || HPDF_Dict_Add(table, "K", rows) ||
        add_kid(t, up, (kid){key, table, 0, NULL}))
        return -1;
    for (size_t r = 0; r < dt->nrows; r++) {
        HPDF_Dict tr = extra(t, "TR", table, rows);
        HPDF_Array cells;
        if (!tr || !(cells = HPDF_Array_New(t->pdf->mmgr)) || HPDF_Dict_Add(tr, "K", cells))
            return -1;
        for (size_t c = 0; c < dt->ncols; c++) {
            int th = r == 0 || c == 0;
            HPDF_Dict cell = extra(t, th ? "TH" : "TD", tr, cells);
            HPDF_Binary text;
            if (!cell || !(text = ashi_pdf_text(t->pdf, t->mem, dt->cells[r * dt->ncols + c])) ||
                HPDF_Dict_Add(cell, "ActualText", text))
                return -1;
            if (th) {
                HPDF_Dict a = HPDF_Dict_New(t->pdf->mmgr);
                if (!a || HPDF_Dict_Add(cell, "A", a) || HPDF_Dict_AddName(a, "O", "Table") ||
                    HPDF_Dict_AddName(a, "Scope", r == 0 ? "Column" : "Row"))
                    return -1;
            }
        }
    }
    return 0;
}

/* The elements' dictionaries, each a child of its parent's (its owner's:
 * a group makes none), the Document's at the top. */
static int make_elements(ashi_tags *t)
{
    for (size_t i = 0; i < t->ne; i++) {
        elem *e = &t->e[i];
        if (e->artifact || e->owner != (int)i)
            continue;
        HPDF_Dict parent = e->parent < 0 ? t->doc : t->e[e->parent].dict;
        /* /Type /StructElem is optional: left out, as are groups, to keep
         * the tree small (libharu writes no object streams) */
        e->dict = new_dict(t);
        elem *up = e->parent < 0 ? &t->top : &t->e[e->parent];
        if (!e->dict || HPDF_Dict_AddName(e->dict, "S", type_of[e->s->role]) ||
            HPDF_Dict_Add(e->dict, "P", parent) || add_kid(t, up, (kid){e->key, e->dict, 0, NULL}))
            return -1;
        /* a chart's data, as a table right after its figure */
        if (e->s->data && data_table(t, e->s->data, parent, up, e->key | 1))
            return -1;
        if (e->s->alt && e->s->alt[0]) {
            HPDF_Binary alt = ashi_pdf_text(t->pdf, t->mem, e->s->alt);
            if (!alt || HPDF_Dict_Add(e->dict, "Alt", alt))
                return -1;
        }
        if ((e->s->role == ASHI_ROLE_HEADER_CELL || e->s->role == ASHI_ROLE_CELL) &&
            cell_attributes(t, e))
            return -1;
    }
    return 0;
}

static int by_key(const void *a, const void *b)
{
    uint64_t x = ((const kid *)a)->key, y = ((const kid *)b)->key;
    return x < y ? -1 : x > y;
}

/* An element's /K and /Pg from its children in source order: elements by
 * reference, its marked content by MCID (on its /Pg) or by reference. */
static int write_kids(ashi_tags *t, elem *e, HPDF_Dict dict)
{
    if (e->nkids > 1)
        qsort(e->kids_v, e->nkids, sizeof *e->kids_v, by_key);
    HPDF_Array k = HPDF_Array_New(t->pdf->mmgr);
    if (!k || HPDF_Dict_Add(dict, "K", k))
        return -1;
    HPDF_Page pg = NULL;
    for (size_t i = 0; i < e->nkids && !pg; i++)
        pg = e->kids_v[i].child ? NULL : e->kids_v[i].pg;
    if (pg && HPDF_Dict_Add(dict, "Pg", pg))
        return -1;
    for (size_t i = 0; i < e->nkids; i++) {
        const kid *c = &e->kids_v[i];
        if (c->child) {
            if (HPDF_Array_Add(k, c->child))
                return -1;
        } else if (c->pg == pg) {
            if (HPDF_Array_AddNumber(k, c->mcid))
                return -1;
        } else {
            /* content on another page than its first: a reference */
            HPDF_Dict mcr = HPDF_Dict_New(t->pdf->mmgr);
            if (!mcr || HPDF_Array_Add(k, mcr) || HPDF_Dict_AddName(mcr, "Type", "MCR") ||
                HPDF_Dict_Add(mcr, "Pg", c->pg) || HPDF_Dict_AddNumber(mcr, "MCID", c->mcid))
                return -1;
        }
    }
    return 0;
}

ashi_tags *ashi_tags_new(HPDF_Doc pdf, const ashi_dlist *dl, ashi_mem *mem)
{
    ashi_tags *t = ashi_calloc(mem, 1, sizeof *t);
    if (!t)
        return NULL;
    t->pdf = pdf;
    t->mem = mem;
    /* every object attached as soon as it is made: libharu frees what is
     * attached, and only that, whatever fails later */
    t->doc = new_dict(t);
    t->root = new_dict(t);
    HPDF_Dict tree;
    if (!t->doc || !t->root || !(tree = HPDF_Dict_New(pdf->mmgr)) ||
        HPDF_Dict_Add(t->root, "ParentTree", tree) ||
        !(t->nums = HPDF_Array_New(pdf->mmgr)) || HPDF_Dict_Add(tree, "Nums", t->nums) ||
        plan(t, dl) || HPDF_Dict_AddName(t->doc, "S", "Document") || make_elements(t)) {
        ashi_tags_free(t);
        return NULL;
    }
    return t;
}

void ashi_tags_free(ashi_tags *t)
{
    if (!t)
        return;
    for (size_t i = 0; t->e && i < t->ne; i++)
        free(t->e[i].kids_v);
    free(t->top.kids_v);
    free(t->e);
    free(t->page_first);
    free(t->page_stack);
    free(t->page_depth);
    free(t->stacks);
    free(t);
}

int ashi_tags_sheet(ashi_tags *t, HPDF_Page page)
{
    t->sheet = page;
    t->mcid = 0;
    t->open = MC_NONE;
    t->parents = HPDF_Array_New(t->pdf->mmgr);
    if (!t->parents || HPDF_Xref_Add(t->pdf->xref, t->parents) != HPDF_OK)
        return t->failed = -1;
    return 0;
}

void ashi_tags_page_begin(ashi_tags *t, size_t index)
{
    t->depth = (int)t->page_depth[index];
    memcpy(t->stack, t->stacks + t->page_stack[index], (size_t)t->depth * sizeof *t->stack);
    t->next = t->page_first[index];
    t->span = 0;
    t->page = index;
    t->item = 0;
}

void ashi_tags_skip(ashi_tags *t) { t->item++; }

void ashi_tags_struct_begin(ashi_tags *t)
{
    t->item++;
    if (t->depth < MAX_DEPTH && t->next < t->ne)
        t->stack[t->depth++] = (int)t->next++;
}

void ashi_tags_struct_end(ashi_tags *t)
{
    t->item++;
    if (t->depth > 0)
        t->depth--;
}


int ashi_tags_close(ashi_tags *t, ashi_buf *b)
{
    if (t->open != MC_NONE)
        ashi_buf_puts(b, "EMC\n");
    t->open = MC_NONE;
    return 0;
}

int ashi_tags_artifact(ashi_tags *t, ashi_buf *b)
{
    if (t->open == MC_ARTIFACT)
        return 0;
    ashi_tags_close(t, b);
    ashi_buf_puts(b, "/Artifact BMC\n");
    t->open = MC_ARTIFACT;
    return 0;
}

/* Content of element k at the next MCID of the sheet, opened by the item
 * being drawn. */
static int open_element(ashi_tags *t, ashi_buf *b, int k)
{
    elem *e = &t->e[k];
    int id = t->mcid++;
    ashi_buf_printf(b, "/%s <</MCID %d>> BDC\n", type_of[e->s->role], id);
    t->open = MC_ELEM;
    t->open_elem = k;
    if (HPDF_Array_Add(t->parents, e->dict))
        return -1;
    return add_kid(t, e, (kid){KEY(t->page, t->item), NULL, id, t->sheet});
}

/* The element painting goes to now; -1: an artifact. */
static int target(const ashi_tags *t, int is_text_or_image)
{
    int k = t->depth ? t->stack[t->depth - 1] : -1;
    if (k >= 0 && !t->e[k].artifact)
        k = t->e[k].owner;
    if (k < 0 || t->e[k].artifact ||
        (!is_text_or_image && t->e[k].s->role != ASHI_ROLE_FIGURE))
        return -1;
    return k;
}

int ashi_tags_paint(ashi_tags *t, ashi_buf *b, int is_text_or_image)
{
    t->item++;
    if (t->span)
        return 0; /* inside one line's sequence: it goes on */
    int k = target(t, is_text_or_image);
    if (k < 0)
        return ashi_tags_artifact(t, b);
    if (t->open == MC_ELEM && t->open_elem == k)
        return 0;
    ashi_tags_close(t, b);
    if (open_element(t, b, k))
        return t->failed = -1;
    return 0;
}

/* A line: an MCID (or artifact) sequence of its own, holding one /Span
 * with the ActualText (readers take ActualText from a Span; one Span per
 * MCID keeps poppler's reading of the structure whole). */
int ashi_tags_span_begin(ashi_tags *t, ashi_buf *b, const char *text, size_t len)
{
    t->item++;
    int k = target(t, 1);
    ashi_tags_close(t, b);
    if (k >= 0 && open_element(t, b, k))
        return t->failed = -1;
    if (k < 0) {
        ashi_buf_puts(b, "/Artifact BMC\n");
        t->open = MC_ARTIFACT;
    }
    if (!t->no_actual_text) {
        ashi_buf_puts(b, "/Span <</ActualText <FEFF");
        ashi_put_utf16_hex(b, text, len);
        ashi_buf_puts(b, ">>> BDC\n");
    }
    t->span = 1;
    return 0;
}

int ashi_tags_span_end(ashi_tags *t, ashi_buf *b)
{
    t->item++;
    if (!t->no_actual_text)
        ashi_buf_puts(b, "EMC\n");
    t->span = 0;
    return ashi_tags_close(t, b);
}

void ashi_tags_no_actual_text(ashi_tags *t) { t->no_actual_text = 1; }

int ashi_tags_page_end(ashi_tags *t, ashi_buf *b)
{
    return ashi_tags_close(t, b);
}

int ashi_tags_sheet_end(ashi_tags *t)
{
    if (t->failed || HPDF_Dict_AddNumber(t->sheet, "StructParents", t->nsheets) ||
        HPDF_Array_AddNumber(t->nums, t->nsheets) || HPDF_Array_Add(t->nums, t->parents))
        return t->failed = -1;
    t->nsheets++;
    return 0;
}

int ashi_tags_failed(const ashi_tags *t) { return t->failed != 0; }

int ashi_tags_finish(ashi_tags *t)
{
    for (size_t i = 0; i < t->ne; i++)
        if (t->e[i].dict && write_kids(t, &t->e[i], t->e[i].dict))
            return t->failed = -1;
    if (write_kids(t, &t->top, t->doc))
        return t->failed = -1;
    HPDF_Dict root = t->root;
    if (t->failed || HPDF_Dict_AddName(root, "Type", "StructTreeRoot") ||
        HPDF_Dict_Add(root, "K", t->doc) ||
        HPDF_Dict_AddNumber(root, "ParentTreeNextKey", t->nsheets) ||
        HPDF_Dict_Add(t->doc, "P", root) ||
        HPDF_Dict_Add(t->pdf->catalog, "StructTreeRoot", root))
        return t->failed = -1;
    return 0;
}
