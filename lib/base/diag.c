/* diag.c — the one way diagnostics are recorded on a deck.
 * SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include "base.h"

void ashi_diag_vadd(ashi_diags *d, ashi_severity sev, const char *code,
                    ashi_loc loc, const char *fmt, va_list ap)
{
    if (d->oom)
        return;
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        ashi_diag *v = ashi_arena_grow(d->arena, d->v, d->n * sizeof *v, cap * sizeof *v);
        if (!v) {
            d->oom = 1;
            return;
        }
        d->v = v;
        d->cap = cap;
    }
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    /* One line per diagnostic, whatever the message quoted. */
    for (char *p = msg; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    ashi_diag *g = &d->v[d->n];
    g->severity = sev;
    g->code = code;
    g->file = d->file;
    g->line = loc.line;
    g->col = loc.col;
    g->message = ashi_arena_strdup(d->arena, msg);
    if (!g->message) {
        d->oom = 1;
        return;
    }
    d->n++;
    if (sev == ASHI_ERROR)
        d->errors++;
}

void ashi_diag_add(ashi_diags *d, ashi_severity sev, const char *code,
                   ashi_loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ashi_diag_vadd(d, sev, code, loc, fmt, ap);
    va_end(ap);
}

int ashi_diag_at_line(const ashi_diags *d, unsigned line)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].line == line)
            return 1;
    return 0;
}

int ashi_diag_has(const ashi_diags *d, const char *code, ashi_loc loc)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].line == loc.line && d->v[i].col == loc.col && !strcmp(d->v[i].code, code))
            return 1;
    return 0;
}

void ashi_diag_add_in(ashi_diags *d, const char *file, ashi_severity sev, const char *code,
                      ashi_loc loc, const char *fmt, ...)
{
    size_t n = d->n;
    va_list ap;
    va_start(ap, fmt);
    ashi_diag_vadd(d, sev, code, loc, fmt, ap);
    va_end(ap);
    if (d->n > n) {
        const char *copy = ashi_arena_strdup(d->arena, file);
        if (copy)
            d->v[n].file = copy;
    }
}
