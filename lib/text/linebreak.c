/* linebreak.c — lines from a spaced paragraph: greedy filling with the
 * JLReq rules (oikomi before oidashi), then each line's positions, with
 * compression or justification. SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

#define EPS 1e-6

typedef struct lb {
    const ashi_para *p;
    const ashi_text_opts *o;
    double *pw, *pg, *ps; /* prefix sums: widths, gaps, gap shrink (one heap
                             block at pw, freed on return: scratch stays out
                             of the arena, which keeps only the lines) */
    ashi_mem *mem;
    size_t steps;      /* clusters looked at: the work, for ashi_text_opts.work */
} lb;

/* Every look at a cluster goes through here, so that steps counts them. */
static const ashi_cluster *C(lb *L, size_t i)
{
    L->steps++;
    return &L->p->clusters[i];
}

/* Drops trailing Western spaces (and the breaks after them). */
static size_t trim(lb *L, size_t s, size_t e)
{
    while (e > s && (C(L, e - 1)->cls == ASHI_CL_SPACE || C(L, e - 1)->cls == ASHI_CL_BREAK))
        e--;
    return e;
}

/* Natural width of clusters [s, e) set as one line. */
static double natural(lb *L, size_t s, size_t e)
{
    if (e <= s)
        return 0;
    return C(L, s)->lead + (L->pw[e] - L->pw[s]) + (L->pg[e - 1] - L->pg[s]) +
           C(L, e - 1)->trail;
}

static double shrinkable(lb *L, size_t s, size_t e)
{
    return e >= s + 2 ? L->ps[e - 1] - L->ps[s] : 0;
}

static int may_hang(lb *L, size_t i)
{
    const ashi_cluster *c = C(L, i);
    return L->o->hanging && (c->cls == ASHI_CL_COMMA || c->cls == ASHI_CL_FULL_STOP) &&
           ashi_is_wide(c->cp);
}

/* Does [s, e) fit in w, perhaps with a hanging comma or full stop? e is
 * the end with its trailing spaces already dropped. */
static int fits_trimmed(lb *L, size_t s, size_t e, double w, int *hang)
{
    double n = natural(L, s, e);
    *hang = 0;
    if (n <= w + EPS)
        return 1;
    if (e > s + 1 && may_hang(L, e - 1) && n - C(L, e - 1)->width <= w + EPS) {
        *hang = 1;
        return 1;
    }
    return 0;
}

static int fits(lb *L, size_t s, size_t e, double w, int *hang)
{
    return fits_trimmed(L, s, trim(L, s, e), w, hang);
}

/* The space added to the gap after cluster k (negative: taken from it). */
typedef struct adjust {
    enum { ADJ_NONE, ADJ_SQUEEZE, ADJ_SPREAD } mode;
    double f;          /* squeeze: share of each gap's shrink taken */
    double f1, rest;   /* spread: share of a quarter em next to Western text, and
                          what each gap between Japanese characters gets */
} adjust;

static double extra(lb *L, const adjust *j, size_t k)
{
    const ashi_cluster *c = C(L, k);
    if (j->mode == ADJ_SQUEEZE)
        return -(c->gap - c->gap_min) * j->f;
    if (j->mode == ADJ_SPREAD) {
        if (c->gap_kind == ASHI_GAP_SCRIPT || c->gap_kind == ASHI_GAP_SPACE)
            return c->size / 4 * j->f1;
        if (c->gap_kind == ASHI_GAP_CHAR)
            return j->rest;
    }
    return 0;
}

/* Positions of the clusters of [s, e): compressed when wider than w,
 * spread to w when justifying. */
static int place(lb *L, ashi_line *ln, double w, int justify, ashi_arena *a)
{
    size_t s = ln->c0, e = ln->c1, n = e - s;
    ln->x = ashi_arena_alloc(a, (n + 1) * sizeof *ln->x);
    if (!ln->x)
        return -1;
    double nat = natural(L, s, e);
    ln->natural = nat;
    double room = ln->hang ? w + C(L, e - 1)->width : w;
    adjust j = {ADJ_NONE, 0, 0, 0};
    if (n >= 2 && nat > room + EPS) {
        /* oikomi: take the excess from the compressible spaces */
        double cap = shrinkable(L, s, e), need = nat - room;
        j.mode = ADJ_SQUEEZE;
        j.f = cap > 0 ? (need < cap ? need / cap : 1) : 0;
    } else if (n >= 2 && justify && nat < room - EPS) {
        /* First the spaces next to Western text (up to a quarter em more),
         * then evenly between all characters; never inside a word. */
        double slack = room - nat, cap1 = 0;
        size_t n2 = 0;
        for (size_t k = s; k + 1 < e; k++) {
            int kind = C(L, k)->gap_kind;
            if (kind == ASHI_GAP_SCRIPT || kind == ASHI_GAP_SPACE)
                cap1 += C(L, k)->size / 4;
            else if (kind == ASHI_GAP_CHAR)
                n2++;
        }
        j.mode = ADJ_SPREAD;
        j.f1 = n2 == 0 ? (cap1 > 0 ? slack / cap1 : 0) : (slack < cap1 ? slack / cap1 : 1);
        j.rest = n2 ? (slack - cap1 * j.f1) / (double)n2 : 0;
    }
    double x = C(L, s)->lead;
    for (size_t k = s; k < e; k++) {
        ln->x[k - s] = (float)x;
        x += C(L, k)->width;
        if (k + 1 < e)
            x += C(L, k)->gap + extra(L, &j, k);
    }
    x += C(L, e - 1)->trail;
    ln->width = ln->hang ? x - C(L, e - 1)->width : x;
    return 0;
}

/* Where to split a unit wider than the line, [s, e) being what fits: after
 * an era name (令和 / 5年度), else between a number and its units, else
 * the last place JLReq allows a line to end and the next to start (no
 * closing bracket starting the next line), else at e. */
static size_t split_unit(lb *L, size_t s, size_t e)
{
    size_t legal = 0, last = e < L->p->nclusters ? e : L->p->nclusters - 1;
    if (last <= s)
        return e;
    for (int level = 2; level >= 1; level--)
        for (size_t k = last; k > s; k--)
            if (C(L, k)->soft == level)
                return k;
    for (size_t k = last; k > s && !legal; k--)
        if (!ashi_jclass_no_start((ashi_jclass)C(L, k)->cls) && C(L, k - 1)->cls != ASHI_CL_OPEN)
            legal = k;
    return legal ? legal : e;
}

/* Warns once per word that had to be split. *warned is the end of the
 * last word warned about: lines only go forward, so a split before it is
 * in that word, and each word is walked once, not once per line. */
static void warn_word(lb *L, size_t at, ashi_diags *d, size_t *warned)
{
    if (!d || at < *warned || !ashi_jclass_is_word((ashi_jclass)C(L, at)->cls))
        return;
    size_t s = at, e = at + 1;
    while (s > 0 && ashi_jclass_is_word((ashi_jclass)C(L, s - 1)->cls))
        s--;
    while (e < L->p->nclusters && ashi_jclass_is_word((ashi_jclass)C(L, e)->cls))
        e++;
    *warned = e;
    const ashi_cluster *a = C(L, s), *b = C(L, e - 1);
    int len = (int)(b->off + b->len - a->off);
    ashi_diag_add(d, ASHI_WARNING, "word-split", a->loc,
                  "'%.*s' is wider than the line and was split", len > 200 ? 200 : len,
                  L->p->text + a->off);
}

/* Fills the prefix sums; -1 when out of memory. */
static int prefix_sums(lb *L, const ashi_para *p)
{
    size_t n = p->nclusters;
    L->pw = ashi_calloc(L->mem, 3 * (n + 1), sizeof *L->pw);
    if (!L->pw)
        return -1;
    L->pg = L->pw + n + 1;
    L->ps = L->pg + n + 1;
    for (size_t i = 0; i < n; i++) {
        const ashi_cluster *c = &p->clusters[i];
        L->pw[i + 1] = L->pw[i] + c->width;
        L->pg[i + 1] = L->pg[i] + (i + 1 < n ? c->gap : 0);
        L->ps[i + 1] = L->ps[i] + (i + 1 < n ? c->gap - c->gap_min : 0);
    }
    return 0;
}

int ashi_para_extent(const ashi_para *p, const ashi_text_opts *o, ashi_mem *mem, double *min,
                     double *max)
{
    lb L = {.p = p, .o = o, .mem = mem};
    *min = *max = 0;
    int rc = prefix_sums(&L, p);
    if (rc == 0) {
        size_t n = p->nclusters, word = 0, line = 0;
        for (size_t i = 1; i <= n; i++) {
            int forced = i == n || C(&L, i)->cls == ASHI_CL_BREAK;
            if (forced || C(&L, i)->brk == ASHI_BRK_OK) {
                double w = natural(&L, word, trim(&L, word, i));
                *min = w > *min ? w : *min;
                word = i;
            }
            if (forced) {
                double w = natural(&L, line, trim(&L, line, i));
                *max = w > *max ? w : *max;
                line = word = i + 1;
            }
        }
    }
    free(L.pw);
    if (o->work)
        *o->work += L.steps;
    return rc;
}

int ashi_break_lines(const ashi_para *p, double width, double first_indent, ashi_align align,
                     const ashi_text_opts *o, ashi_arena *a, ashi_diags *d, ashi_line **out,
                     size_t *nout)
{
    size_t n = p->nclusters;
    lb L = {.p = p, .o = o, .mem = ashi_arena_mem(a)};
    size_t cap = 8, nl = 0;
    ashi_line *lines = ashi_malloc(L.mem, cap * sizeof *lines);
    int rc = -1;
    if (prefix_sums(&L, p) || !lines)
        goto done;
    size_t s = 0, warned = 0;
    while (s < n) {
        double w = nl == 0 ? width - first_indent : width;
        size_t end = n, next;
        int forced = 0, hang = 0, overflow = 0;
        /* t: the end of [s, j] without its trailing spaces, kept as j goes
         * (trimming afresh at every j walks a long run of spaces again and
         * again) */
        size_t j = s, t = s;
        for (; j < n; j++) {
            const ashi_cluster *c = C(&L, j);
            if (c->cls == ASHI_CL_BREAK) {
                forced = 1;
                break;
            }
            if (c->cls != ASHI_CL_SPACE)
                t = j + 1;
            if (j > s && !fits_trimmed(&L, s, t, w, &hang)) {
                overflow = 1;
                break;
            }
        }
        if (!overflow) {
            end = j; /* a forced break or the paragraph's end */
            fits(&L, s, end, w, &hang);
        } else if (C(&L, j)->brk == ASHI_BRK_OK) {
            end = j;
            fits(&L, s, end, w, &hang);
            forced = 0;
        } else {
            forced = 0;
            /* oikomi: keep the characters up to the next break opportunity
             * on this line if compressing its spaces makes room */
            size_t e2 = j + 1;
            while (e2 < n && C(&L, e2)->brk == ASHI_BRK_NO && e2 - j < 4)
                e2++;
            size_t t2 = trim(&L, s, e2);
            if ((e2 == n || C(&L, e2)->brk != ASHI_BRK_NO) &&
                natural(&L, s, t2) - shrinkable(&L, s, t2) <= w + EPS) {
                end = e2;
                if (e2 < n && C(&L, e2)->cls == ASHI_CL_BREAK)
                    forced = 1;
            } else {
                /* oidashi: break at the last opportunity before */
                size_t e1 = j;
                while (e1 > s && C(&L, e1)->brk != ASHI_BRK_OK)
                    e1--;
                if (e1 > s) {
                    end = e1;
                    /* A justified line left more than an em short by a
                     * date kept whole would be spread letter by letter:
                     * rather break after the era name (（令和 / 6年度）). */
                    if (align == ASHI_ALIGN_JUSTIFY &&
                        w - natural(&L, s, trim(&L, s, e1)) > C(&L, e1 - 1)->size) {
                        int h2 = 0;
                        for (size_t k = j; k > e1; k--)
                            if (C(&L, k)->soft == 2 && fits(&L, s, k, w, &h2)) {
                                end = k;
                                hang = h2;
                                break;
                            }
                    }
                } else {
                    end = split_unit(&L, s, j > s ? j : s + 1);
                    warn_word(&L, end - 1, d, &warned);
                }
            }
        }
        next = end < n && C(&L, end)->cls == ASHI_CL_BREAK ? end + 1 : end;
        if (nl == cap) {
            ashi_line *nl2 = ashi_realloc(L.mem, lines, (cap *= 2) * sizeof *lines);
            if (!nl2)
                goto done;
            lines = nl2;
        }
        ashi_line *ln = &lines[nl++];
        memset(ln, 0, sizeof *ln);
        ln->c0 = s;
        ln->c1 = trim(&L, s, end);
        ln->hang = hang && ln->c1 > s && may_hang(&L, ln->c1 - 1);
        int last = next >= n && !forced;
        int justify = align == ASHI_ALIGN_JUSTIFY && !last && !forced;
        if (ln->c1 > ln->c0 && place(&L, ln, w, justify, a))
            goto done;
        /* a <br/> at the very end adds no empty line */
        s = next;
        if (forced && s == n)
            break;
    }
    if (n == 0)
        nl = 0;
    *out = ashi_arena_alloc(a, nl * sizeof **out + 1);
    if (!*out)
        goto done;
    if (nl)
        memcpy(*out, lines, nl * sizeof **out);
    *nout = nl;
    rc = 0;
done:
    free(lines);
    free(L.pw);
    if (o->work)
        *o->work += L.steps;
    return rc;
}
