/* dlist.c — building and walking the display list.
 * SPDX-License-Identifier: MIT */
#include <string.h>

#include "dlist/dlist.h"

ashi_dl_page *ashi_dl_add_page(ashi_dlist *dl, double w, double h, ashi_loc loc)
{
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
        ashi_dl_item *v = ashi_arena_grow(dl->a, pg->items, pg->nitems * sizeof *v,
                                          cap * sizeof *v);
        if (!v)
            return NULL;
        pg->items = v;
        pg->cap = cap;
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
