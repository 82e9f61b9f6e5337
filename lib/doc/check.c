/* check.c — the model checked against itself after its files are read:
 * each chart's data (chart.c) and, in source order, whatever a block's
 * kind needs. SPDX-License-Identifier: MIT */
#include "doc/check.h"

typedef struct checker {
    const char *lang;
    const ashi_limits *lim;
    ashi_arena *a;
    ashi_diags *d;
    int oom;
} checker;

/* <columns>: as many widths as columns, and no more columns than 64. */
static void columns(checker *ck, const ashi_block *b)
{
    int n = 0;
    for (const ashi_block *c = b->children; c; c = c->next)
        n++;
    if (n > ASHI_TABLE_MAX_COLS)
        ashi_diag_add(ck->d, ASHI_ERROR, "limit", b->loc,
                      "<columns> has %d columns, over the limit of %d", n, ASHI_TABLE_MAX_COLS);
    else if (n && b->p->widths.v && b->p->widths.n != n)
        ashi_diag_add(ck->d, ASHI_ERROR, "count", ashi_block_attr_loc(b, "widths"),
                      "widths '%s' gives %d widths for %d columns",
                      ashi_block_attr_text(b, "widths"), b->p->widths.n, n);
}

/* What an image or a photo placeholder is for someone who cannot see it:
 * an image's alt (alt="" makes it decoration; none is a warning), a
 * placeholder's text as shown. */
static void figure_alt(checker *ck, ashi_block *b)
{
    if (b->kind == ASHI_BLOCK_PLACEHOLDER) {
        b->alt = ashi_arena_printf(ck->a, "【写真・差し替え予定】%s",
                                   b->p->label ? b->p->label : "");
        ck->oom |= !b->alt;
        return;
    }
    b->alt = b->p->alt;
    if (!b->alt && b->image) /* one that could not be read is an error already */
        ashi_diag_add(ck->d, ASHI_WARNING, "no-alt", b->loc,
                      "image '%s' has no alt: a screen reader can say nothing of it (describe "
                      "it in alt=\"...\", or write alt=\"\" when it is only decoration)",
                      b->p->src);
}

static void blocks(checker *ck, ashi_block *b)
{
    for (; b && !ck->oom; b = b->next) {
        if (b->kind == ASHI_BLOCK_CHART && ashi_chart_load(b, ck->lang, ck->a, ck->d))
            ck->oom = 1;
        if (b->kind == ASHI_BLOCK_IMAGE || b->kind == ASHI_BLOCK_PLACEHOLDER)
            figure_alt(ck, b);
        if (b->kind == ASHI_BLOCK_TABLE && ashi_table_load(b, ck->lim, ck->a, ck->d))
            ck->oom = 1;
        if (b->kind == ASHI_BLOCK_COLUMNS)
            columns(ck, b);
        blocks(ck, b->children);
    }
}

int ashi_doc_check(ashi_doc *doc, const ashi_limits *lim, ashi_arena *a, ashi_diags *d)
{
    checker ck = {doc->lang, lim, a, d, 0};
    for (ashi_entry *e = doc->entries; e && !ck.oom; e = e->next) {
        if (e->slide)
            blocks(&ck, e->slide->blocks);
        for (ashi_slide *s = e->section ? e->section->slides : NULL; s && !ck.oom;
             s = s->next_in_section)
            blocks(&ck, s->blocks);
    }
    return ck.oom || d->oom ? -1 : 0;
}
