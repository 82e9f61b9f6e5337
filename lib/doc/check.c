/* check.c — the model checked against itself after its files are read:
 * each chart's data (chart.c) and, in source order, whatever a block's
 * kind needs. SPDX-License-Identifier: MIT */
#include "doc/check.h"

typedef struct checker {
    const ashi_limits *lim;
    ashi_arena *a;
    ashi_diags *d;
    int oom;
} checker;

static void blocks(checker *ck, ashi_block *b)
{
    for (; b && !ck->oom; b = b->next) {
        if (b->kind == ASHI_BLOCK_CHART && ashi_chart_load(b, ck->a, ck->d))
            ck->oom = 1;
        blocks(ck, b->children);
    }
}

int ashi_doc_check(ashi_doc *doc, const ashi_limits *lim, ashi_arena *a, ashi_diags *d)
{
    checker ck = {lim, a, d, 0};
    for (ashi_entry *e = doc->entries; e && !ck.oom; e = e->next) {
        if (e->slide)
            blocks(&ck, e->slide->blocks);
        for (ashi_slide *s = e->section ? e->section->slides : NULL; s && !ck.oom;
             s = s->next_in_section)
            blocks(&ck, s->blocks);
    }
    return ck.oom || d->oom ? -1 : 0;
}
