/* ruby.c — the room a reading takes beside its base (JLReq 3.3): how far
 * a reading wider than its base overhangs its neighbours, the space the
 * rest needs, and the base kept flush at a line's start and end.
 *
 * The unit is a group ruby's whole base, one character of mono ruby, or
 * the part of a jukugo word on one line. A jukugo part whose readings all
 * fit their characters sets them as mono ruby; otherwise its readings run
 * on as one, like group ruby over the part.
 * SPDX-License-Identifier: MIT */
#include "text/text.h"

/* Whether a reading may overhang the cluster before its base (on the
 * cluster's end side) or after it (its start side): kana, and punctuation
 * whose aki or low glyph faces the base; never an ideograph, a digit or a
 * Western letter, whose reading it would seem to be. */
static int kana_like(const ashi_cluster *c)
{
    return c->cls == ASHI_CL_KANA || c->cls == ASHI_CL_SMALL_KANA ||
           c->cls == ASHI_CL_PROLONGED ||
           (c->cls == ASHI_CL_ITERATION && c->cp != 0x3005 && c->cp != 0x303B);
}

static int open_before(const ashi_cluster *c)
{
    return kana_like(c) || c->cls == ASHI_CL_CLOSE || c->cls == ASHI_CL_COMMA ||
           c->cls == ASHI_CL_FULL_STOP || c->cls == ASHI_CL_MIDDLE_DOT;
}

static int open_after(const ashi_cluster *c)
{
    return kana_like(c) || c->cls == ASHI_CL_OPEN || c->cls == ASHI_CL_COMMA ||
           c->cls == ASHI_CL_FULL_STOP || c->cls == ASHI_CL_MIDDLE_DOT;
}

/* Width of clusters [c0, c1) as set, the gaps between them included. */
static double base_width(const ashi_para *p, size_t c0, size_t c1)
{
    double w = 0;
    for (size_t k = c0; k < c1; k++)
        w += p->clusters[k].width + (k + 1 < c1 ? p->clusters[k].gap : 0);
    return w;
}

/* Readings [r0, r1) of one jukugo word, or the one reading r. */
static void word_of(const ashi_para *p, size_t r, size_t *r0, size_t *r1)
{
    const ashi_ruby *ru = &p->rubies[r];
    *r0 = r;
    *r1 = r + 1;
    if (ru->mode != ASHI_RUBY_JUKUGO)
        return;
    while (*r0 > 0 && p->rubies[*r0 - 1].word == ru->word)
        --*r0;
    while (*r1 < p->nrubies && p->rubies[*r1].word == ru->word)
        ++*r1;
}

/* How far the readings of a unit may reach over cluster k beside it
 * (before it when before is set): half the reading's size onto kana or
 * punctuation, never onto another base. */
static double room_over(const ashi_para *p, const ashi_ruby *ru, size_t k, int before)
{
    const ashi_cluster *n = &p->clusters[k];
    if (n->ruby || (before ? !open_before(n) : !open_after(n)))
        return 0;
    double half = ru->text.nclusters ? ru->text.clusters[0].size / 2 : 0;
    return half < n->width ? half : n->width;
}

/* Whether readings [r0, r1) each fit their own base (set as mono ruby). */
static int each_fits(const ashi_para *p, size_t r0, size_t r1)
{
    for (size_t r = r0; r < r1; r++) {
        const ashi_ruby *ru = &p->rubies[r];
        if (ru->width > base_width(p, ru->c0, ru->c1) + 1e-3)
            return 0;
    }
    return 1;
}

/* How much wider than their bases readings [r0, r1) run as one are. */
static double excess(const ashi_para *p, size_t r0, size_t r1)
{
    if (each_fits(p, r0, r1))
        return 0;
    double w = 0;
    for (size_t r = r0; r < r1; r++)
        w += p->rubies[r].width;
    return w - base_width(p, p->rubies[r0].c0, p->rubies[r1 - 1].c1);
}

void ashi_ruby_space(ashi_para *p)
{
    ashi_cluster *cl = p->clusters;
    /* Measured on the bases as shaped, before any is widened, so that the
     * result does not depend on the order of the readings. */
    for (size_t r = 0; r < p->nrubies;) {
        size_t r0, r1;
        word_of(p, r, &r0, &r1);
        for (size_t k = r0; k < r1; k++) {
            ashi_ruby *ru = &p->rubies[k];
            ru->pad_l = ru->pad_r = ru->edge_l = ru->edge_r = 0;
        }
        ashi_ruby *first = &p->rubies[r0], *last = &p->rubies[r1 - 1];
        double oh_l = first->c0 > 0 ? room_over(p, first, first->c0 - 1, 1) : 0;
        double oh_r = last->c1 < p->nclusters ? room_over(p, last, last->c1, 0) : 0;
        double x = excess(p, r0, r1), pl = 0, pr = 0;
        if (x > 0) {
            double h = x / 2;
            pl = h > oh_l ? h - oh_l : 0;
            pr = h > oh_r ? h - oh_r : 0;
            first->pad_l = (float)pl;
            last->pad_r = (float)pr;
            /* Starting a line, the readings start with the base and reach
             * x past its end: what the space after it does not cover moves
             * the rest of the line; ending a line, the same before it. */
            first->edge_l = (float)(x - oh_r - pr > 0 ? x - oh_r - pr : 0);
            last->edge_r = (float)(x - oh_l - pl > 0 ? x - oh_l - pl : 0);
        }
        /* A jukugo word broken after reading k: each part on its own. */
        for (size_t k = r0; k + 1 < r1; k++) {
            double xa = excess(p, r0, k + 1), xb = excess(p, k + 1, r1);
            if (xa - oh_l - pl > 0)
                p->rubies[k].edge_r = (float)(xa - oh_l - pl);
            if (xb - oh_r - pr > 0)
                p->rubies[k + 1].edge_l = (float)(xb - oh_r - pr);
        }
        r = r1;
    }
    for (size_t r = 0; r < p->nrubies; r++) {
        ashi_ruby *ru = &p->rubies[r];
        ashi_cluster *first = &cl[ru->c0], *last = &cl[ru->c1 - 1];
        first->width += ru->pad_l;
        first->shift += ru->pad_l;
        last->width += ru->pad_r;
        /* lead and trail replace the space beside the base at an edge */
        first->lead += ru->edge_l - ru->pad_l;
        last->trail += ru->edge_r - ru->pad_r;
    }
}

/* The readings of ru's unit whose whole base is on line ln: [*r0, *r1);
 * 0 when none is (a group base longer than the line). */
static int unit_on_line(const ashi_para *p, const ashi_ruby *ru, const ashi_line *ln, size_t *r0,
                        size_t *r1)
{
    word_of(p, (size_t)(ru - p->rubies), r0, r1);
    while (*r0 < *r1 && p->rubies[*r0].c0 < ln->c0)
        ++*r0;
    while (*r1 > *r0 && p->rubies[*r1 - 1].c1 > ln->c1)
        --*r1;
    return *r1 > *r0;
}

static const ashi_ruby *ruby_at(const ashi_para *p, size_t k)
{
    unsigned r = p->clusters[k].ruby;
    return r ? &p->rubies[r - 1] : NULL;
}

void ashi_ruby_flush(const ashi_para *p, ashi_line *ln)
{
    if (ln->c1 <= ln->c0 || !ln->x)
        return;
    const ashi_ruby *a = ruby_at(p, ln->c0), *b = ruby_at(p, ln->c1 - 1);
    size_t r0, r1, s0 = 0, s1 = 0;
    if (a && a->c0 == ln->c0 && a->edge_l > 0 && unit_on_line(p, a, ln, &r0, &r1)) {
        /* the base back to the line's start: the space it left follows it */
        s0 = r0;
        s1 = r1;
        for (size_t k = a->c0; k < p->rubies[r1 - 1].c1; k++)
            ln->x[k - ln->c0] -= a->edge_l;
    }
    if (b && b->c1 == ln->c1 && !ln->hang && b->edge_r > 0 && unit_on_line(p, b, ln, &r0, &r1)) {
        if (r0 == s0 && r1 == s1)
            return; /* one unit makes the line: it stays at the start */
        for (size_t k = p->rubies[r0].c0; k < b->c1; k++)
            ln->x[k - ln->c0] += b->edge_r;
    }
}

double ashi_ruby_x(const ashi_para *p, const ashi_ruby *ru, const ashi_line *ln)
{
    size_t r0, r1;
    if (!unit_on_line(p, ru, ln, &r0, &r1))
        r0 = (size_t)(ru - p->rubies), r1 = r0 + 1;
    if (r1 - r0 > 1 && each_fits(p, r0, r1))
        r0 = (size_t)(ru - p->rubies), r1 = r0 + 1; /* jukugo set as mono */
    const ashi_ruby *first = &p->rubies[r0], *last = &p->rubies[r1 - 1];
    double x0 = ln->x[first->c0 - ln->c0] + first->pad_l;
    double x1 = ln->x[last->c1 - 1 - ln->c0] + p->clusters[last->c1 - 1].width - last->pad_r;
    double w = 0, before = 0;
    for (size_t r = r0; r < r1; r++) {
        if (&p->rubies[r] == ru)
            before = w;
        w += p->rubies[r].width;
    }
    double at;
    if (w > x1 - x0 && first->c0 == ln->c0)
        at = x0;
    else if (w > x1 - x0 && last->c1 == ln->c1 && !ln->hang)
        at = x1 - w;
    else
        at = (x0 + x1 - w) / 2;
    return at + before;
}
