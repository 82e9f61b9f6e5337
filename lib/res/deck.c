/* deck.c — the resources of a loaded deck: every image, CSV file and the
 * master's logo its blocks name, read through the resolver, checked and
 * decoded in document order before anything is laid out, and handed to
 * the model as data (a block's image, csv and rows; the deck's logo), so
 * that layout never sees a file name and laying slides out on threads
 * reads nothing. SPDX-License-Identifier: MIT */
#include <string.h>

#include "image/image.h"
#include "res/res.h"
#include "xml/xml.h"

#define CSV_COLUMNS 64 /* a table's columns, the widest a CSV row may be */

typedef struct loader {
    ashi_res *r;
    const ashi_limits *lim;
    ashi_diags *d;
    ashi_arena *a;
    /* each file decoded or parsed once, whatever names it */
    struct decoded {
        const ashi_file *file;
        const void *data; /* ashi_image or ashi_csv; NULL: reported */
    } *images, *csvs;
    size_t nimages, capimages, ncsvs, capcsvs;
    size_t pixels; /* decoded so far, against the image-pixels limit */
    int oom;
} loader;

static int push(loader *ld, struct decoded **v, size_t *n, size_t *cap, const ashi_file *f,
                const void *data)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 16;
        struct decoded *g = ashi_arena_grow(ld->a, *v, *n * sizeof **v, c * sizeof **v);
        if (!g)
            return -1;
        *v = g;
        *cap = c;
    }
    (*v)[(*n)++] = (struct decoded){f, data};
    return 0;
}

static const ashi_image *image(loader *ld, const char *src, ashi_loc loc)
{
    const ashi_file *f = NULL;
    if (ashi_res_read(ld->r, src, ASHI_RES_IMAGE, loc, ld->d, &f) < 0)
        ld->oom = 1;
    if (!f)
        return NULL;
    for (size_t i = 0; i < ld->nimages; i++)
        if (ld->images[i].file == f)
            return ld->images[i].data;
    ashi_image *im = ashi_image_decode(f->data, f->len, src, ld->lim->image_pixels, ld->pixels,
                                       ld->a, ld->d, loc);
    if (im)
        ld->pixels += ashi_image_cost(im->kind, im->w, im->h);
    if (push(ld, &ld->images, &ld->nimages, &ld->capimages, f, im))
        ld->oom = 1;
    return im;
}

static const ashi_csv *csv(loader *ld, const char *src, ashi_loc loc)
{
    const ashi_file *f = NULL;
    if (ashi_res_read(ld->r, src, ASHI_RES_CSV, loc, ld->d, &f) < 0)
        ld->oom = 1;
    if (!f)
        return NULL;
    for (size_t i = 0; i < ld->ncsvs; i++)
        if (ld->csvs[i].file == f)
            return ld->csvs[i].data;
    ashi_csv *c = ashi_arena_alloc(ld->a, sizeof *c);
    ld->d->origin = loc; /* the CSV's own lines belong where it is named */
    int rc = !c ? -2
                : ashi_csv_parse((const char *)f->data, f->len, src, ld->lim->table_rows,
                                 CSV_COLUMNS, ld->a, ld->d, c);
    ld->d->origin = (ashi_loc){0, 0};
    if (rc == -2)
        ld->oom = 1;
    if (push(ld, &ld->csvs, &ld->ncsvs, &ld->capcsvs, f, rc ? NULL : c))
        ld->oom = 1;
    return rc ? NULL : c;
}

/* A table's rows of text cells made from its CSV (an empty field is a cell
 * without text). */
static ashi_block *rows_of(loader *ld, const ashi_block *t, const ashi_csv *c)
{
    ashi_block *head = NULL, **tail = &head;
    for (size_t r = 0; r < c->n; r++) {
        ashi_block *row = ashi_arena_alloc(ld->a, sizeof *row);
        if (!row) {
            ld->oom = 1;
            return NULL;
        }
        row->kind = ASHI_BLOCK_ROW;
        row->loc = t->loc;
        row->p = &ashi_props_none;
        ashi_block **ct = &row->children;
        for (size_t k = 0; k < c->rows[r].n; k++) {
            const char *text = c->rows[r].fields[k];
            ashi_block *cell = ashi_arena_alloc(ld->a, sizeof *cell);
            ashi_inline *in = text[0] ? ashi_arena_alloc(ld->a, sizeof *in) : NULL;
            if (!cell || (text[0] && !in)) {
                ld->oom = 1;
                return NULL;
            }
            cell->kind = ASHI_BLOCK_CELL;
            cell->loc = t->loc;
            cell->p = &ashi_props_none;
            if (in) {
                in->kind = ASHI_INL_TEXT;
                in->text = text;
                in->len = strlen(text);
                in->loc = t->loc;
            }
            cell->inl = in;
            *ct = cell;
            ct = &cell->next;
        }
        *tail = row;
        tail = &row->next;
    }
    return head;
}

static void blocks(loader *ld, ashi_block *b)
{
    for (; b && !ld->oom; b = b->next) {
        const char *src = b->p->src;
        ashi_loc at = ashi_block_attr_loc(b, "src");
        if (src && b->kind == ASHI_BLOCK_IMAGE) {
            b->image = image(ld, src, at);
        } else if (src && (b->kind == ASHI_BLOCK_TABLE || b->kind == ASHI_BLOCK_CHART)) {
            b->csv = csv(ld, src, at);
            if (b->csv && b->kind == ASHI_BLOCK_TABLE)
                b->rows = rows_of(ld, b, b->csv);
        }
        blocks(ld, b->children);
    }
}

int ashi_res_load_deck(ashi_res *r, ashi_doc *doc, const ashi_limits *lim, ashi_arena *a,
                       ashi_diags *d)
{
    loader ld = {.r = r, .lim = lim, .d = d, .a = a};
    if (doc->master_logo)
        doc->logo = image(&ld, doc->master_logo, doc->master_loc);
    for (ashi_entry *e = doc->entries; e && !ld.oom; e = e->next) {
        if (e->slide)
            blocks(&ld, e->slide->blocks);
        for (ashi_slide *s = e->section ? e->section->slides : NULL; s && !ld.oom;
             s = s->next_in_section)
            blocks(&ld, s->blocks);
    }
    return ld.oom || d->oom ? -1 : 0;
}
