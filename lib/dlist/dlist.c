/* dlist.c — building and walking the display list.
 * SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "dlist/dlist.h"

/* A page's items grow on the heap while it is being filled, and move to an
 * array of exactly their number in the arena when it is closed: growing
 * arrays in the arena would leave every outgrown copy behind. */
int ashi_dl_close_page(ashi_dlist *dl, ashi_dl_page *pg)
{
    if (!pg->open)
        return 0;
    ashi_dl_item *v = pg->nitems ? ashi_arena_alloc(dl->a, pg->nitems * sizeof *v) : NULL;
    if (pg->nitems && !v)
        return -1;
    if (v)
        memcpy(v, pg->items, pg->nitems * sizeof *v);
    free(pg->items);
    pg->items = v;
    pg->cap = pg->nitems;
    pg->open = 0;
    return 0;
}

int ashi_dl_close(ashi_dlist *dl)
{
    int rc = 0;
    for (size_t i = 0; i < dl->npages; i++)
        if (ashi_dl_close_page(dl, &dl->pages[i]))
            rc = -1;
    return rc;
}

void ashi_dl_release(ashi_dlist *dl)
{
    for (size_t i = 0; i < dl->npages; i++)
        if (dl->pages[i].open) {
            free(dl->pages[i].items);
            dl->pages[i].items = NULL;
            dl->pages[i].nitems = dl->pages[i].cap = 0;
            dl->pages[i].open = 0;
        }
}

const char *const ashi_dl_role_names[ASHI_ROLE_COUNT] = {
    "section", "slide", "title", "subtitle", "heading", "paragraph", "list", "item",
    "label", "body", "table", "thead", "tbody", "row", "th", "td", "figure", "caption",
    "phrase", "group", "ruby", "rb", "rt", "artifact"};

ashi_dl_page *ashi_dl_add_page(ashi_dlist *dl, double w, double h, ashi_loc loc)
{
    if (dl->npages && ashi_dl_close_page(dl, &dl->pages[dl->npages - 1]))
        return NULL;
    if (dl->npages == dl->cap) {
        size_t cap = dl->cap ? dl->cap * 2 : 16;
        ashi_dl_page *p = ashi_arena_grow(dl->a, dl->pages, dl->npages * sizeof *p,
                                          cap * sizeof *p);
        if (!p)
            return NULL;
        dl->pages = p;
        dl->cap = cap;
    }
    ashi_dl_page *pg = &dl->pages[dl->npages++];
    memset(pg, 0, sizeof *pg);
    pg->w = w;
    pg->h = h;
    pg->loc = loc;
    return pg;
}

ashi_dl_item *ashi_dl_add_item(ashi_dlist *dl, ashi_dl_page *pg, ashi_dl_kind kind)
{
    if (pg->nitems == pg->cap) {
        size_t cap = pg->cap ? pg->cap * 2 : 32;
        ashi_mem *m = ashi_arena_mem(dl->a);
        ashi_dl_item *v = pg->open ? ashi_realloc(m, pg->items, cap * sizeof *v)
                                   : ashi_malloc(m, cap * sizeof *v);
        if (!v)
            return NULL;
        if (!pg->open && pg->nitems)
            memcpy(v, pg->items, pg->nitems * sizeof *v);
        pg->items = v;
        pg->cap = cap;
        pg->open = 1;
    }
    ashi_dl_item *it = &pg->items[pg->nitems++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    return it;
}

int ashi_dl_add_outline(ashi_dlist *dl, int level, const char *title, size_t page)
{
    if (dl->noutline == dl->outline_cap) {
        size_t cap = dl->outline_cap ? dl->outline_cap * 2 : 16;
        ashi_dl_outline *v = ashi_arena_grow(dl->a, dl->outline, dl->noutline * sizeof *v,
                                             cap * sizeof *v);
        if (!v)
            return -1;
        dl->outline = v;
        dl->outline_cap = cap;
    }
    ashi_dl_outline *o = &dl->outline[dl->noutline++];
    o->level = level;
    o->title = title;
    o->page = page;
    return 0;
}

int ashi_dl_play_items(const ashi_dl_page *pg, const ashi_device *dev)
{
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < pg->nitems; i++) {
        const ashi_dl_item *it = &pg->items[i];
        switch (it->kind) {
        case ASHI_DL_RUN:
            rc = dev->run ? dev->run(dev->user, &it->u.run) : 0;
            break;
        case ASHI_DL_RECT:
            rc = dev->rect ? dev->rect(dev->user, &it->u.rect) : 0;
            break;
        case ASHI_DL_LINE:
            rc = dev->line ? dev->line(dev->user, &it->u.line) : 0;
            break;
        case ASHI_DL_SPAN_BEGIN:
            rc = dev->span_begin ? dev->span_begin(dev->user, &it->u.span) : 0;
            break;
        case ASHI_DL_SPAN_END:
            rc = dev->span_end ? dev->span_end(dev->user) : 0;
            break;
        case ASHI_DL_PATH:
            rc = dev->path ? dev->path(dev->user, &it->u.path) : 0;
            break;
        case ASHI_DL_IMAGE:
            rc = dev->image ? dev->image(dev->user, &it->u.image) : 0;
            break;
        case ASHI_DL_STRUCT_BEGIN:
            rc = dev->begin_struct ? dev->begin_struct(dev->user, &it->u.structure) : 0;
            break;
        case ASHI_DL_STRUCT_END:
            rc = dev->end_struct ? dev->end_struct(dev->user) : 0;
            break;
        }
    }
    return rc;
}

int ashi_dl_play(const ashi_dlist *dl, const ashi_device *dev)
{
    for (size_t p = 0; p < dl->npages; p++) {
        const ashi_dl_page *pg = &dl->pages[p];
        int rc = dev->begin_page ? dev->begin_page(dev->user, pg, p) : 0;
        if (rc == 0)
            rc = ashi_dl_play_items(pg, dev);
        if (rc == 0 && dev->end_page)
            rc = dev->end_page(dev->user, pg);
        if (rc)
            return rc;
    }
    return 0;
}
