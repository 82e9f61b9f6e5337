/* linebreak.c — lines from a spaced paragraph: the breaks of the whole
 * paragraph chosen together (total fit over JLReq's break opportunities,
 * after Knuth and Plass), then each line's positions, with compression or
 * justification. SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

#define EPS 1e-6

/* Demerits, in Knuth and Plass's units: a line costs (10 + badness)²,
 * badness 100 being a line spread by a quarter em a gap. */
#define LINE_PENALTY 10.0
#define LOOSE_EM 0.25      /* the most a gap may spread when other breaks allow */
#define EVEN_EM 0.12       /* a gap spread more than this shows: a loose line */
#define P1_EM 0.1          /* the first priority's room, a gap: under what shows */
#define SPACE_EM 0.25      /* what Western word spaces open more before it shows */
#define BAD_MAX 1e6        /* keeps demerits finite; a line this bad spreads 5 em a gap */
#define D_LOOSE 1e6        /* a line spread by more than LOOSE_EM */
#define D_UNEVEN 2e4       /* a line spread by more than EVEN_EM */
#define D_UNIT 1e13        /* a number broken from its units: a last resort */
#define D_ERA 2e5          /* an era name broken from its year (令和 / 6年度) */
#define D_URL 2000         /* a break inside a URL or e-mail address */
#define D_LONE 3000        /* a last line of one character */
#define D_LOOSE_PAIR 3000  /* two loose lines one after the other */
#define D_FIT_JUMP 1000    /* a tight line next to a loose one */
#define D_SPLIT 1e13       /* a unit wider than the line, split */

typedef struct lb {
    const ashi_para *p;
    const ashi_text_opts *o;
    /* Prefix sums over clusters (one heap block at pw, freed on return:
     * scratch stays out of the arena, which keeps only the lines): widths,
     * gaps, gap shrink; for stretching, the first-priority room (a quarter
     * em a gap) and the number of those gaps, the number of gaps between
     * Japanese characters and the sum of their ems. */
    double *pw, *pg, *ps, *p1, *n1, *n2, *z2, *ns;
    ashi_mem *mem;
    size_t steps; /* clusters and breaks looked at: the work, for ashi_text_opts.work */
} lb;

/* Every look at a cluster goes through here, so that steps counts them. */
static const ashi_cluster *C(lb *L, size_t i)
{
    L->steps++;
    return &L->p->clusters[i];
}

/* What a line drops at its end: Western and ideographic spaces, breaks. */
static int trimmed(const ashi_cluster *c)
{
    return c->cls == ASHI_CL_SPACE || c->cls == ASHI_CL_BREAK || c->cls == ASHI_CL_IDEO_SPACE;
}

static size_t trim(lb *L, size_t s, size_t e)
{
    while (e > s && trimmed(C(L, e - 1)))
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

static int first_priority(int kind)
{
    return kind == ASHI_GAP_SCRIPT || kind == ASHI_GAP_SPACE || kind == ASHI_GAP_PUNCT;
}

/* How clusters [s, t) set in room would look. */
typedef struct lfit {
    int ok;         /* fits, perhaps squeezed or hanging */
    int hang;       /* the last cluster hangs past the measure */
    int stretch;    /* something in it may be spread */
    double squeeze; /* share of the shrinkable space taken */
    double loose;   /* em each gap is spread beyond the first priority's room */
    double bad;     /* badness */
    int fit;        /* 0 squeezed hard, 1 decent, 2 loose, 3 looser than LOOSE_EM */
} lfit;

static double cube(double x) { return x * x * x; }

/* How a line's slack (points) is shared: first the first priority's gaps,
 * up to P1_EM each (cap1: their room, points), then the gaps between
 * Japanese characters (z2: the sum of their sizes) up to as much, then all
 * of them evenly, so that the widest gap is as narrow as it can be. f1 is
 * the share of P1_EM each first-priority gap gets (over 1 in the last
 * stage), rest the ems each gap between characters gets. */
static void spread(double slack, double cap1, double z2, double *f1, double *rest)
{
    if (slack <= cap1) {
        *f1 = cap1 > 0 ? slack / cap1 : 0;
        *rest = 0;
    } else if (slack <= cap1 + P1_EM * z2) {
        *f1 = 1;
        *rest = (slack - cap1) / z2;
    } else {
        double e = slack / (cap1 / P1_EM + z2);
        *f1 = e / P1_EM;
        *rest = e;
    }
}

/* squeeze: whether a line not justified may be squeezed (see may_squeeze) */
static void measure(lb *L, size_t s, size_t t, double room, int justify, int squeeze, lfit *f)
{
    memset(f, 0, sizeof *f);
    f->ok = f->fit = 1;
    if (t <= s)
        return;
    double nat = natural(L, s, t);
    if (nat > room + EPS) {
        if (t > s + 1 && may_hang(L, t - 1) && nat - C(L, t - 1)->width <= room + EPS) {
            f->hang = 1;
            return;
        }
        double cap = shrinkable(L, s, t), need = nat - room;
        if (need > cap + EPS || (!justify && !squeeze)) {
            f->ok = 0;
            return;
        }
        f->squeeze = cap > 0 ? (need < cap ? need / cap : 1) : 0;
        if (justify) { /* reduction costs less than expansion */
            f->bad = 10 * cube(f->squeeze);
            f->fit = f->squeeze > 0.5 ? 0 : 1;
        }
        return;
    }
    if (!justify)
        return;
    /* As place() spreads it (see spread) */
    size_t g = t - 1;
    double slack = room - nat, cap1 = L->p1[g] - L->p1[s], n1 = L->n1[g] - L->n1[s];
    double n2 = L->n2[g] - L->n2[s], z2 = L->z2[g] - L->z2[s];
    f->stretch = n1 + n2 > 0;
    double em = C(L, s)->size, f1 = 0, rest = 0;
    if (n1 + n2 > 0) { /* the widest gap: a first priority one, or between characters */
        spread(slack, cap1, z2, &f1, &rest);
        f->loose = f1 * P1_EM > rest ? f1 * P1_EM : rest;
        /* Western text alone: its word spaces may open by a quarter em
         * more than Japanese gaps before the line is loose */
        if (n2 == 0 && L->ns[g] - L->ns[s] == n1)
            f->loose = f->loose > SPACE_EM ? f->loose - SPACE_EM : 0;
        f1 = f1 > 1 ? 1 : f1;
    } else if (t == s + 1)
        f->loose = slack / em; /* one character alone: as bad as spread */
    else { /* a word or a piece of a URL, left short: a ragged line */
        f->bad = 100 * cube(slack / em / 4);
        f->bad = f->bad > BAD_MAX ? BAD_MAX : f->bad;
        f->fit = slack > em ? 2 : 1;
        return;
    }
    f->bad = 100 * cube(f->loose / LOOSE_EM) + f1 * f1;
    if (f->bad > BAD_MAX)
        f->bad = BAD_MAX;
    f->fit = f->loose > LOOSE_EM + EPS ? 3 : f->loose > EVEN_EM + EPS ? 2 : 1;
}

/* The space added to the gap after cluster k (negative: taken from it). */
typedef struct adjust {
    enum { ADJ_NONE, ADJ_SQUEEZE, ADJ_SPREAD } mode;
    double f;        /* squeeze: share of each gap's shrink taken */
    double f1, rest; /* spread: share of a quarter em at the first priority's
                        gaps, and what each gap between Japanese characters gets */
} adjust;

static double extra(lb *L, const adjust *j, size_t k)
{
    const ashi_cluster *c = C(L, k);
    if (j->mode == ADJ_SQUEEZE)
        return -(c->gap - c->gap_min) * j->f;
    if (j->mode == ADJ_SPREAD) {
        if (first_priority(c->gap_kind))
            return c->size * P1_EM * j->f1;
        if (c->gap_kind == ASHI_GAP_CHAR)
            return j->rest * c->size;
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
        /* First the aki of punctuation and the spaces next to Western text
         * (up to a quarter em more), then between Japanese characters, in
         * proportion to their size; never inside a word. */
        size_t g = e - 1;
        double slack = room - nat, cap1 = L->p1[g] - L->p1[s], z2 = L->z2[g] - L->z2[s];
        j.mode = ADJ_SPREAD;
        spread(slack, cap1, z2, &j.f1, &j.rest);
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
    if (L->p->nrubies)
        ashi_ruby_flush(L->p, ln);
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
    for (int level = ASHI_SOFT_ERA; level >= ASHI_SOFT_UNIT; level--)
        for (size_t k = last; k > s; k--)
            if (C(L, k)->soft == level)
                return k;
    for (size_t k = last; k > s && !legal; k--)
        if (!ashi_jclass_no_start((ashi_jclass)C(L, k)->cls) && C(L, k - 1)->cls != ASHI_CL_OPEN)
            legal = k;
    return legal ? legal : e;
}

/* Warns once per word that had to be split. *warned is the end of the
 * last word warned about: splits only go forward, so a split before it is
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
                  "'%.*s' is wider than the line and was split",
                  ashi_utf8_prefix(L->p->text + a->off, (size_t)len, 200), L->p->text + a->off);
}

/* Fills the prefix sums; -1 when out of memory. */
static int prefix_sums(lb *L, const ashi_para *p)
{
    size_t n = p->nclusters;
    L->pw = ashi_calloc(L->mem, 8 * (n + 1), sizeof *L->pw);
    if (!L->pw)
        return -1;
    double **v[] = {&L->pg, &L->ps, &L->p1, &L->n1, &L->n2, &L->z2, &L->ns};
    for (size_t k = 0; k < 7; k++)
        *v[k] = L->pw + (k + 1) * (n + 1);
    for (size_t i = 0; i < n; i++) {
        const ashi_cluster *c = &p->clusters[i];
        int gap = i + 1 < n, first = gap && first_priority(c->gap_kind);
        int chr = gap && c->gap_kind == ASHI_GAP_CHAR;
        L->pw[i + 1] = L->pw[i] + c->width;
        L->pg[i + 1] = L->pg[i] + (gap ? c->gap : 0);
        L->ps[i + 1] = L->ps[i] + (gap ? c->gap - c->gap_min : 0);
        L->p1[i + 1] = L->p1[i] + (first ? c->size * P1_EM : 0);
        L->n1[i + 1] = L->n1[i] + first;
        L->ns[i + 1] = L->ns[i] + (gap && c->gap_kind == ASHI_GAP_SPACE);
        L->n2[i + 1] = L->n2[i] + chr;
        L->z2[i + 1] = L->z2[i] + (chr ? c->size : 0);
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

/* ---- the total-fit search ------------------------------------------------ */

/* A way to end a line before cluster pos, with the least demerits of the
 * lines up to it for its fitness class. */
typedef struct node {
    size_t pos, start; /* the break, and where the next line starts */
    double total;      /* demerits of the lines up to pos */
    long prev;         /* node before, -1 at the paragraph's start */
    int line;          /* lines ended at or before pos */
    int fit;           /* the fitness class of the line ending here */
} node;

typedef struct search {
    node *v;
    size_t n, cap;
    size_t *act; /* active nodes, in order of position */
    size_t nact, actcap;
    size_t *dead; /* the nodes closed at one break (scratch, kept for the paragraph) */
    size_t deadcap;
} search;

static int push(lb *L, search *S, node nd)
{
    if (S->n == S->cap) {
        size_t cap = S->cap ? 2 * S->cap : 64;
        node *v = ashi_realloc(L->mem, S->v, cap * sizeof *v);
        if (!v)
            return -1;
        S->v = v;
        S->cap = cap;
    }
    if (S->nact == S->actcap) {
        size_t cap = S->actcap ? 2 * S->actcap : 64;
        size_t *act = ashi_realloc(L->mem, S->act, cap * sizeof *act);
        if (!act)
            return -1;
        S->act = act;
        S->actcap = cap;
    }
    S->v[S->n] = nd;
    S->act[S->nact++] = S->n++;
    return 0;
}

/* Where the line after a break before pos starts: after a forced break,
 * else past one ideographic space carried to the line's start (a
 * paragraph's first line and a line after <br/> keep theirs). */
static size_t line_start(lb *L, size_t pos)
{
    size_t n = L->p->nclusters;
    if (pos < n && C(L, pos)->cls == ASHI_CL_BREAK)
        return pos + 1;
    if (pos > 0 && pos + 1 < n && C(L, pos)->cls == ASHI_CL_IDEO_SPACE &&
        C(L, pos - 1)->cls != ASHI_CL_BREAK && C(L, pos + 1)->brk == ASHI_BRK_OK)
        return pos + 1; /* not when what follows may not start a line (　・) */
    return pos;
}

/* A last line of one character (punctuation after it aside). */
static int lone(lb *L, size_t s, size_t t)
{
    if (t <= s || t - s > 3)
        return 0;
    size_t chars = 0;
    for (size_t k = s; k < t; k++) {
        int c = C(L, k)->cls;
        chars += !(c == ASHI_CL_CLOSE || c == ASHI_CL_COMMA || c == ASHI_CL_FULL_STOP ||
                   c == ASHI_CL_DIVIDING || c == ASHI_CL_MIDDLE_DOT);
    }
    return chars <= 1;
}

typedef struct para_ctx {
    double w0, w;    /* the first line's measure, the others' */
    ashi_align align;
    ashi_diags *d;
    size_t warned;   /* for warn_word */
} para_ctx;

/* Nothing reaches the break at b and no node is left open: the best of the
 * nodes closed at b (the latest, then the cheapest) takes the most of what
 * follows that fits, split where split_unit says, as a node of its own
 * (at b itself when one cluster is wider than the line: no split). */
static int emergency(lb *L, search *S, para_ctx *P, const size_t *dead, size_t ndead, size_t b)
{
    size_t a = dead[0];
    for (size_t k = 1; k < ndead; k++) {
        const node *x = &S->v[dead[k]], *y = &S->v[a];
        if (x->start > y->start || (x->start == y->start && x->total < y->total))
            a = dead[k];
    }
    const node from = S->v[a];
    size_t s = from.start, j = s, t = s;
    double room = from.line == 0 ? P->w0 : P->w;
    lfit f;
    for (; j < b; j++) {
        if (!trimmed(C(L, j)))
            t = j + 1;
        measure(L, s, t, room, 0, 0, &f);
        if (j > s && !f.ok)
            break;
    }
    size_t e = split_unit(L, s, j > s ? j : s + 1);
    if (e < b)
        warn_word(L, e - 1, P->d, &P->warned);
    node nd = {e, line_start(L, e), from.total + D_SPLIT, (long)a, from.line + 1, 1};
    return push(L, S, nd);
}

/* A line not justified is squeezed only as JLReq's oikomi: to take in the
 * characters up to b when a character after the last break before it,
 * pb, overflows but may not start a line; not to take in more words. */
static int may_squeeze(lb *L, size_t s, size_t pb, size_t t, double room)
{
    size_t k = pb > s ? pb : s;
    return t > k + 1 && natural(L, s, k + 1) <= room + EPS;
}

/* Lines from one node to the break before b (pb: the last break
 * opportunity before b): keeps the best node per fitness class at b,
 * closes the nodes b is out of reach of. */
static int try_break(lb *L, search *S, para_ctx *P, size_t b, size_t pb, size_t tb, int forced,
                     double pen)
{
    size_t n = L->p->nclusters;
    size_t ndead = 0;
    for (;;) {
        double best[4];
        long bestprev[4] = {-1, -1, -1, -1};
        size_t keep = 0, found = 0;
        ndead = 0;
        for (size_t k = 0; k < S->nact; k++) {
            size_t ai = S->act[k];
            const node *a = &S->v[ai];
            L->steps++;
            size_t s = a->start;
            if (s >= b && (!forced || b == n)) { /* nothing yet, or the end reached */
                S->act[keep++] = ai;
                continue;
            }
            size_t t = tb > s ? tb : s;
            int justify = P->align == ASHI_ALIGN_JUSTIFY && !forced;
            lfit f;
            double room = a->line == 0 ? P->w0 : P->w;
            measure(L, s, t, room, justify, !justify && may_squeeze(L, s, pb, t, room), &f);
            if (!f.ok) {
                if (S->deadcap < S->nact) { /* room for every node to close here */
                    size_t cap = S->nact > 2 * S->deadcap ? S->nact : 2 * S->deadcap;
                    size_t *v = ashi_realloc(L->mem, S->dead, (cap < 16 ? 16 : cap) * sizeof *v);
                    if (!v)
                        return -1;
                    S->dead = v;
                    S->deadcap = cap < 16 ? 16 : cap;
                }
                S->dead[ndead++] = ai;
                continue;
            }
            S->act[keep++] = ai;
            double d = (LINE_PENALTY + f.bad) * (LINE_PENALTY + f.bad) + pen;
            if (f.fit == 3)
                d += D_LOOSE;
            if (f.fit >= 2)
                d += D_UNEVEN;
            if (justify && a->prev >= 0) {
                if (a->fit >= 2 && f.fit >= 2)
                    d += D_LOOSE_PAIR;
                if (a->fit - f.fit > 1 || f.fit - a->fit > 1)
                    d += D_FIT_JUMP;
            }
            if (b == n && a->prev >= 0 && lone(L, s, t))
                d += D_LONE;
            d += a->total;
            /* ties go to the later node: earlier lines as full as they can be */
            if (bestprev[f.fit] < 0 || d <= best[f.fit] + 1e-6) {
                best[f.fit] = d;
                bestprev[f.fit] = (long)ai;
            }
            found++;
        }
        S->nact = keep;
        if (!found && keep == 0 && ndead > 0) {
            /* a unit wider than the line: split it and look again */
            if (emergency(L, S, P, S->dead, ndead, b))
                return -1;
            if (S->v[S->n - 1].pos < b)
                continue;
            if (forced) { /* the overfull line ends at the forced break */
                S->act[0] = S->n - 1;
                S->nact = 1;
            }
            break;
        }
        if (forced && found)
            S->nact = 0; /* no line goes past a forced break */
        /* a class dearer than the best node at b by more than neighbouring
         * lines can ever add is never on the best way: not kept */
        double least = -1;
        for (int c = 0; c < 4; c++)
            if (bestprev[c] >= 0 && (least < 0 || best[c] < least))
                least = best[c];
        for (int c = 0; c < 4; c++) {
            if (bestprev[c] < 0 || best[c] > least + D_LOOSE_PAIR + D_FIT_JUMP)
                continue;
            const node *a = &S->v[bestprev[c]];
            node nd = {b, line_start(L, b), best[c], bestprev[c], a->line + 1, c};
            if (push(L, S, nd))
                return -1;
        }
        break;
    }
    return 0;
}

/* A warning for each line of the chosen breaks spread by more than a
 * quarter em a gap: no other breaks avoided it (the same warning from the
 * same paragraph laid out again is said once, as every diagnostic is). */
static void warn_loose(lb *L, const ashi_line *ln, size_t nl, const para_ctx *P, ashi_diags *d)
{
    size_t n = L->p->nclusters;
    for (size_t i = 0; d && i < nl; i++) {
        const ashi_line *l = &ln[i];
        size_t end = i + 1 < nl ? ln[i + 1].c0 : n;
        if (l->c1 <= l->c0 + 1 || l->c1 >= n || l->natural >= l->width)
            continue;
        int forced = 0;
        for (size_t k = l->c1; k < end && !forced; k++)
            forced = C(L, k)->cls == ASHI_CL_BREAK;
        if (forced || i + 1 == nl)
            continue;
        lfit f;
        measure(L, l->c0, l->c1, i == 0 ? P->w0 : P->w, 1, 1, &f);
        if (!f.stretch || f.loose <= LOOSE_EM + EPS)
            continue;
        const ashi_cluster *a = C(L, l->c0), *b = C(L, l->c1 - 1);
        int len = (int)(b->off + b->len - a->off);
        ashi_diag_add(d, ASHI_WARNING, "loose-line", a->loc,
                      "the line '%.*s' is spread by %.2f em between characters: no other "
                      "line breaks avoid it",
                      ashi_utf8_prefix(L->p->text + a->off, (size_t)len, 200),
                      L->p->text + a->off, f.loose);
    }
}

/* Whether the whole paragraph goes on its first line unsqueezed, with no
 * forced break in it. */
static int one_line(lb *L, const para_ctx *P)
{
    size_t n = L->p->nclusters;
    for (size_t k = 0; k < n; k++)
        if (C(L, k)->cls == ASHI_CL_BREAK)
            return 0;
    return natural(L, 0, trim(L, 0, n)) <= P->w0 + EPS;
}

int ashi_break_lines(const ashi_para *p, double width, double first_indent, ashi_align align,
                     const ashi_text_opts *o, ashi_arena *a, ashi_diags *d, ashi_line **out,
                     size_t *nout)
{
    size_t n = p->nclusters;
    lb L = {.p = p, .o = o, .mem = ashi_arena_mem(a)};
    para_ctx P = {width - first_indent, width, align, d, 0};
    search S = {0};
    ashi_line *lines = NULL;
    int rc = -1;
    *nout = 0;
    if (prefix_sums(&L, p))
        goto done;
    /* Text that fits its first line and holds no forced break is that one
     * line, as the search would find (any other way has more lines, each
     * costing at least what this one does): labels, cells, headings. */
    if (n > 0 && one_line(&L, &P)) {
        if (!(lines = ashi_arena_alloc(a, sizeof *lines)))
            goto done;
        memset(lines, 0, sizeof *lines);
        lines->c0 = 0;
        lines->c1 = trim(&L, 0, n);
        if (lines->c1 > 0 && place(&L, lines, P.w0, 0, a))
            goto done;
        *out = lines;
        *nout = 1;
        rc = 0;
        goto done;
    }
    if (n > 0) {
        node root = {0, 0, 0, -1, 0, 1};
        if (push(&L, &S, root))
            goto done;
    }
    /* tb: the end of the text before b without its trailing spaces, kept
     * as b goes (trimming afresh at every b walks a long run of spaces
     * again and again) */
    size_t tb = 0, pb = 0;
    for (size_t b = 1; b <= n; b++) {
        if (!trimmed(C(&L, b - 1)))
            tb = b;
        int forced = b == n || C(&L, b)->cls == ASHI_CL_BREAK;
        const ashi_cluster *c = b < n ? C(&L, b) : NULL;
        double pen = 0;
        if (!forced) {
            if (c->brk == ASHI_BRK_OK)
                pen = c->soft == ASHI_SOFT_URL ? D_URL : 0;
            else if (c->soft == ASHI_SOFT_UNIT)
                pen = D_UNIT;
            else if (c->soft == ASHI_SOFT_ERA)
                pen = D_ERA;
            else
                continue;
        }
        if (try_break(&L, &S, &P, b, pb, tb, forced, pen))
            goto done;
        if (forced || c->brk == ASHI_BRK_OK)
            pb = forced && b < n ? b + 1 : b;
    }
    /* the best way to the end: nodes at n, or one whose line starts there */
    long best = -1;
    for (size_t k = 0; k < S.nact; k++) {
        const node *x = &S.v[S.act[k]];
        if ((x->pos == n || x->start >= n) && (best < 0 || x->total < S.v[best].total))
            best = (long)S.act[k];
    }
    size_t nl = best >= 0 ? (size_t)S.v[best].line : 0;
    lines = ashi_arena_alloc(a, nl * sizeof *lines + 1);
    if (!lines)
        goto done;
    for (long k = best; k >= 0 && S.v[k].prev >= 0; k = S.v[k].prev) {
        const node *x = &S.v[k], *from = &S.v[x->prev];
        ashi_line *ln = &lines[x->line - 1];
        memset(ln, 0, sizeof *ln);
        size_t s = from->start;
        ln->c0 = s;
        ln->c1 = trim(&L, s, x->pos);
        int forced = x->pos == n || C(&L, x->pos)->cls == ASHI_CL_BREAK;
        double w = from->line == 0 ? P.w0 : P.w;
        lfit f;
        measure(&L, ln->c0, ln->c1, w, 0, 1, &f);
        ln->hang = f.hang;
        if (ln->c1 > ln->c0 && place(&L, ln, w, align == ASHI_ALIGN_JUSTIFY && !forced, a))
            goto done;
    }
    if (align == ASHI_ALIGN_JUSTIFY)
        warn_loose(&L, lines, nl, &P, d);
    *out = lines;
    *nout = nl;
    rc = 0;
done:
    free(S.v);
    free(S.act);
    free(S.dead);
    free(L.pw);
    if (o->work)
        *o->work += L.steps;
    return rc;
}
