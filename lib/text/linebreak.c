/* linebreak.c — greedy line breaking with the JLReq start/end rules: when
 * the break opportunity nearest the overflow is prohibited, the line breaks
 * at the previous allowed one (oidashi).
 * SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

static double line_width(const ashi_para *p, size_t c0, size_t c1, size_t *end)
{
    while (c1 > c0 && p->clusters[c1 - 1].cls == ASHI_CL_SPACE)
        c1--;
    double w = 0;
    for (size_t i = c0; i < c1; i++)
        w += p->clusters[i].width;
    *end = c1;
    return w;
}

int ashi_break_lines(const ashi_para *p, double width, ashi_arena *a, ashi_line **out,
                     size_t *nout)
{
    size_t cap = 8, n = 0;
    ashi_line *lines = malloc(cap * sizeof *lines);
    if (!lines)
        return -1;
    const ashi_cluster *cl = p->clusters;
    size_t start = 0, i = 0, last_ok = 0;
    double w = 0;
    int done = p->nclusters == 0;
    while (!done) {
        size_t brk = 0; /* break before this cluster; 0: none yet */
        int skip = 0;   /* clusters to skip after the break (a <br/>) */
        if (i == p->nclusters) {
            brk = i;
            done = 1;
        } else if (cl[i].cls == ASHI_CL_BREAK) {
            brk = i;
            skip = 1;
        } else {
            if (i > start && ashi_can_break(cl[i - 1].cls, cl[i].cls))
                last_ok = i;
            if (cl[i].cls != ASHI_CL_SPACE && i > start && w + cl[i].width > width + 1e-6)
                brk = last_ok > start ? last_ok : i; /* else an emergency break */
        }
        if (!brk && !(done || skip)) {
            w += cl[i].width;
            i++;
            continue;
        }
        if (n == cap) {
            ashi_line *nl = realloc(lines, (cap *= 2) * sizeof *lines);
            if (!nl) {
                free(lines);
                return -1;
            }
            lines = nl;
        }
        lines[n].c0 = start;
        lines[n].width = line_width(p, start, brk, &lines[n].c1);
        n++;
        start = i = brk + (size_t)skip;
        last_ok = start;
        w = 0;
        if (skip && i == p->nclusters)
            done = 1; /* a trailing <br/> adds no empty line */
    }
    *out = ashi_arena_alloc(a, n * sizeof **out + 1);
    if (*out && n)
        memcpy(*out, lines, n * sizeof **out);
    free(lines);
    *nout = n;
    return *out ? 0 : -1;
}
