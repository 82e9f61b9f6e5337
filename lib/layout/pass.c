/* pass.c — the two kinds of pass over blocks: a drawing pass, whose shapes
 * reach the display list and whose problems reach the deck, and a
 * measuring pass, from which nothing leaves. Layout draws unless a task
 * runs through ashi_lay_measuring, the one place the mode changes: measuring
 * nests, and when the task returns the mode is what it was, so no caller
 * sets or restores it. SPDX-License-Identifier: MIT */
#include "layout/internal.h"

double ashi_lay_measuring(L *l, lay_task task, void *ctx)
{
    int outer = l->out.measuring;
    l->out.measuring = 1;
    double v = task(l, ctx);
    l->out.measuring = outer;
    return v;
}
