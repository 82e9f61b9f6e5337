/* scratch.c — giving back the scratch memory that measuring (or a page of
 * a long table) leaves behind: arena marks, with the grids measured
 * meanwhile forgotten. A leaf of the layout stage.
 * SPDX-License-Identifier: MIT */
#include "layout/internal.h"

scratch_mark ashi_lay_scratch_save(const L *l)
{
    scratch_mark m = {ashi_arena_save(l->mem.a), l->mem.gc, ashi_lay_reuse_count(l)};
    return m;
}

void ashi_lay_scratch_release(L *l, const scratch_mark *m)
{
    ashi_lay_reuse_forget(l, m->reused);
    ashi_arena_release(l->mem.a, m->arena);
    l->mem.gc = m->gc;
}
