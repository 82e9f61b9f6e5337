/* query.c — the public API's view of a laid-out deck, read from its
 * display list: each page's place in the source, size, outline entry and
 * figures (with what a screen reader says of them), and the document's
 * information; what `ashireport query` prints. SPDX-License-Identifier: MIT */
#include <string.h>

#include "deck.h"
#include "image/image.h"

static const ashi_dl_page *page_of(const ashi_deck *deck, size_t page)
{
    if (!deck || !deck->laid_out || page >= deck->dlist.npages)
        return NULL;
    return &deck->dlist.pages[page];
}

/* The index-th figure of pg (index -1: none, counting them): its begin
 * item's position in *at; the count. */
static size_t figures(const ashi_dl_page *pg, size_t index, size_t *at)
{
    size_t n = 0;
    for (size_t i = 0; i < pg->nitems; i++) {
        const ashi_dl_item *it = &pg->items[i];
        if (it->kind != ASHI_DL_STRUCT_BEGIN || it->u.structure.role != ASHI_ROLE_FIGURE)
            continue;
        if (n == index && at)
            *at = i;
        n++;
    }
    return n;
}

ashi_status ashi_deck_page_info(const ashi_deck *deck, size_t page, ashi_page_info *out)
{
    const ashi_dl_page *pg = page_of(deck, page);
    if (!pg || !out)
        return ASHI_E_ARGUMENT;
    memset(out, 0, sizeof *out);
    out->line = pg->loc.line;
    out->width = pg->w;
    out->height = pg->h;
    out->level = -1;
    for (size_t i = 0; i < deck->dlist.noutline; i++)
        if (deck->dlist.outline[i].page == page) {
            out->title = deck->dlist.outline[i].title;
            out->level = deck->dlist.outline[i].level > 0 ? 1 : 0;
            break;
        }
    out->figures = figures(pg, (size_t)-1, NULL);
    return ASHI_OK;
}

ashi_status ashi_deck_figure_info(const ashi_deck *deck, size_t page, size_t index,
                                  ashi_figure_info *out)
{
    const ashi_dl_page *pg = page_of(deck, page);
    size_t at = 0;
    if (!pg || !out || index >= figures(pg, index, &at))
        return ASHI_E_ARGUMENT;
    const ashi_dl_struct *f = &pg->items[at].u.structure;
    memset(out, 0, sizeof *out);
    out->alt = f->alt;
    out->line = f->loc.line;
    /* the image it shows: the first one before the figure ends */
    for (size_t i = at + 1, depth = 1; i < pg->nitems && depth; i++) {
        const ashi_dl_item *it = &pg->items[i];
        depth += it->kind == ASHI_DL_STRUCT_BEGIN;
        depth -= it->kind == ASHI_DL_STRUCT_END;
        if (it->kind == ASHI_DL_IMAGE && it->u.image.image) {
            out->file = it->u.image.image->path;
            break;
        }
    }
    return ASHI_OK;
}

const char *ashi_deck_info(const ashi_deck *deck, const char *key)
{
    if (!deck || !deck->laid_out || !key)
        return NULL;
    const ashi_dlist *dl = &deck->dlist;
    return !strcmp(key, "title")     ? dl->title
           : !strcmp(key, "author")  ? dl->author
           : !strcmp(key, "subject") ? dl->subject
           : !strcmp(key, "date")    ? dl->date
           : !strcmp(key, "lang")    ? dl->lang
                                     : NULL;
}
