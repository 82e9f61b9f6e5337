/* diag.c — the one way diagnostics are recorded on a deck.
 * SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include "base.h"

void ashi_diag_vadd(ashi_diags *d, ashi_severity sev, const char *code,
                    ashi_loc loc, const char *fmt, va_list ap)
{
    ashi_loc none = {0, 0};
    ashi_diag_vadd_range(d, sev, code, loc, none, fmt, ap);
}

void ashi_diag_vadd_range(ashi_diags *d, ashi_severity sev, const char *code, ashi_loc loc,
                          ashi_loc end, const char *fmt, va_list ap)
{
    d->asked++;
    if (d->oom)
        return;
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        ashi_diag *v = ashi_arena_grow(d->arena, d->v, d->n * sizeof *v, cap * sizeof *v);
        ashi_loc *k = v ? ashi_arena_grow(d->arena, d->keys, d->n * sizeof *k, cap * sizeof *k)
                        : NULL;
        if (!v || !k) {
            d->oom = 1;
            return;
        }
        d->v = v;
        d->keys = k;
        d->cap = cap;
    }
    char msg[1024];
    const char *ja = d->ja ? ashi_ja_format(fmt) : NULL;
    va_list copy;
    va_copy(copy, ap);
    if (!ja || ashi_ja_vformat(msg, sizeof msg, fmt, ja, copy) != 0)
        ashi_vsnprintf(msg, sizeof msg, fmt, ap); /* a format it cannot read: said in English */
    va_end(copy);
    ashi_utf8_trim(msg); /* a message cut at the buffer's end ends at a whole character */
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
    g->end_line = end.line;
    g->end_col = end.col;
    g->slide = 0;   /* found when asked for (api.c) */
    g->hint = NULL; /* likewise */
    g->message = ashi_arena_strdup(d->arena, msg);
    if (!g->message) {
        d->oom = 1;
        return;
    }
    d->keys[d->n] = loc;
    d->n++;
    if (sev == ASHI_ERROR)
        d->errors++;
}

void ashi_diag_add_range(ashi_diags *d, ashi_severity sev, const char *code, ashi_loc loc,
                         ashi_loc end, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ashi_diag_vadd_range(d, sev, code, loc, end, fmt, ap);
    va_end(ap);
}

void ashi_diag_add(ashi_diags *d, ashi_severity sev, const char *code,
                   ashi_loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ashi_diag_vadd(d, sev, code, loc, fmt, ap);
    va_end(ap);
}

void ashi_diag_end_since(ashi_diags *d, size_t since, ashi_loc end)
{
    for (size_t i = since; i < d->n; i++)
        if (!d->v[i].end_line) {
            d->v[i].end_line = end.line;
            d->v[i].end_col = end.col;
        }
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
    va_list ap;
    va_start(ap, fmt);
    ashi_diag_vadd_in(d, file, sev, code, loc, fmt, ap);
    va_end(ap);
}

void ashi_diag_vadd_in(ashi_diags *d, const char *file, ashi_severity sev, const char *code,
                       ashi_loc loc, const char *fmt, va_list ap)
{
    size_t n = d->n;
    ashi_diag_vadd(d, sev, code, loc, fmt, ap);
    if (d->n > n) {
        const char *copy = ashi_arena_strdup(d->arena, file);
        if (copy)
            d->v[n].file = copy;
        d->keys[n] = d->origin;
    }
}

static int before(const ashi_loc *a, const ashi_loc *b)
{
    return a->line < b->line || (a->line == b->line && a->col < b->col);
}

static int same(const ashi_diag *a, const ashi_diag *b)
{
    return a->line == b->line && a->col == b->col && a->severity == b->severity &&
           !strcmp(a->code, b->code) && !strcmp(a->message, b->message) &&
           (a->file == b->file || (a->file && b->file && !strcmp(a->file, b->file)));
}

void ashi_diag_sort(ashi_diags *d)
{
    /* a stable merge sort, bottom up, through a second pair of arrays */
    if (d->n > 1) {
        ashi_diag *tv = ashi_arena_alloc(d->arena, d->n * sizeof *tv);
        ashi_loc *tk = ashi_arena_alloc(d->arena, d->n * sizeof *tk);
        if (!tv || !tk) {
            d->oom = 1;
            return;
        }
        ashi_diag *av = d->v, *bv = tv;
        ashi_loc *ak = d->keys, *bk = tk;
        for (size_t w = 1; w < d->n; w *= 2) {
            for (size_t lo = 0; lo < d->n; lo += 2 * w) {
                size_t mid = lo + w < d->n ? lo + w : d->n;
                size_t hi = lo + 2 * w < d->n ? lo + 2 * w : d->n;
                size_t i = lo, j = mid, o = lo;
                while (i < mid || j < hi) {
                    int left = j >= hi || (i < mid && !before(&ak[j], &ak[i]));
                    size_t from = left ? i++ : j++;
                    bv[o] = av[from];
                    bk[o++] = ak[from];
                }
            }
            ashi_diag *sv = av;
            av = bv;
            bv = sv;
            ashi_loc *sk = ak;
            ak = bk;
            bk = sk;
        }
        if (av != d->v) {
            memcpy(d->v, av, d->n * sizeof *av);
            memcpy(d->keys, ak, d->n * sizeof *ak);
        }
    }
    size_t out = 0;
    for (size_t i = 0; i < d->n; i++) {
        int dup = 0;
        for (size_t j = out; j-- > 0 && !before(&d->keys[j], &d->keys[i]) && !dup;)
            dup = same(&d->v[j], &d->v[i]);
        if (dup) {
            if (d->v[i].severity == ASHI_ERROR)
                d->errors--;
            continue;
        }
        d->v[out] = d->v[i];
        d->keys[out++] = d->keys[i];
    }
    d->n = out;
}
