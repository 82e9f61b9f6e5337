/* table.c — tables: a grid from rows and spans, column widths (mm, %, fr,
 * and auto from the cells' min- and max-content as CSS sizes them, phrases
 * kept whole and no cell left with one character on its last line), rows as
 * tall as their tallest cell, alignment on a decimal point or a character,
 * header rows, shading, zebra rows, grid or rule borders, number formats.
 * SPDX-License-Identifier: MIT */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/internal.h"

#define MAX_COLS ASHI_TABLE_MAX_COLS

typedef struct cell {
    const ashi_block *b;
    int row, col, rows, cols; /* position and span */
    double h;                 /* content height at its width */
    double pre, post;         /* num/char alignment: width before and after the mark */
} cell;

struct grid {
    cell *cells;
    size_t ncells;
    int nrows, ncols;
    const ashi_block *colspec[MAX_COLS];
    double w[MAX_COLS];    /* column widths */
    double *rh;            /* row heights */
    int header_rows;
    double pad_x, pad_y; /* cell padding */
    size_t *row_first;     /* per row (and one past): its first cell */
    double post[MAX_COLS]; /* widest part after the mark, per column */
};
typedef struct grid grid;

/* ---- numbers ------------------------------------------------------------ */


/* ---- cells ---------------------------------------------------------------- */

static const ashi_text_style *cell_style(L *l, const cell *c, grid *g)
{
    (void)g;
    return &l->in.t->styles[c->b->header || c->row < g->header_rows ? ASHI_STYLE_TABLE_HEAD
                                                                  : ASHI_STYLE_TABLE];
}

/* The cell's alignment (ASHI_ALIGN_V_*): its own, its column's, centred in
 * header cells, else start. */
static int cell_align(const cell *c, grid *g)
{
    int a = c->b->p->align;
    if (!a && c->cols == 1 && g->colspec[c->col])
        a = g->colspec[c->col]->p->align;
    if (!a && (c->b->header || c->row < g->header_rows))
        a = ASHI_ALIGN_V_CENTER;
    return a ? a : ASHI_ALIGN_V_START;
}

static const char *cell_mark(const cell *c, grid *g)
{
    int a = cell_align(c, g);
    if (a == ASHI_ALIGN_V_NUM)
        return ".";
    if (a == ASHI_ALIGN_V_CHAR) {
        const char *ch = c->b->p->chr_text;
        if (!ch && g->colspec[c->col])
            ch = g->colspec[c->col]->p->chr_text;
        return ch ? ch : ".";
    }
    return NULL;
}

/* The cell's inline text, after the column's number format. */
static const ashi_inline *cell_text(L *l, const cell *c, grid *g)
{
    const ashi_inline *in = c->b->inl;
    if (!in || in->next || in->kind != ASHI_INL_TEXT || c->cols != 1 || !g->colspec[c->col] ||
        c->b->header || c->row < g->header_rows)
        return in;
    const ashi_block *col = g->colspec[c->col];
    const char *f = ashi_lay_format_text(l, col ? col->p->format : (ashi_numfmt){0, 0}, in->text);
    if (f == in->text)
        return in;
    ashi_inline *copy = ashi_arena_alloc(l->mem.a, sizeof *copy);
    if (!copy)
        return in;
    *copy = *in;
    copy->text = f;
    copy->len = strlen(f);
    return copy;
}

static int shape_cell(L *l, const cell *c, grid *g, double w, shaped *s)
{
    const ashi_text_style *st = cell_style(l, c, g);
    int a = cell_align(c, g);
    align al = a == ASHI_ALIGN_V_CENTER                        ? ALIGN_CENTER
               : (a == ASHI_ALIGN_V_END || cell_mark(c, g)) ? ALIGN_END
                                                            : ALIGN_START;
    if (ashi_lay_shape(l, cell_text(l, c, g), NULL, st, st->size, c->b->loc, w, al, s)) {
        l->oom = 1;
        return -1;
    }
    return 0;
}

/* min- and max-content width of a cell's content (padding excluded), and
 * the width below which it splits a phrase: a cell of at most four kana or
 * ideographs (京都市, 福祉分野) is one phrase; words and numbers with their
 * units are whole at min-content already. */
static void cell_extent(L *l, cell *c, grid *g, double *min, double *max, double *phrase)
{
    *min = *max = *phrase = 0;
    int text_only = 1; /* paragraphs and headings: measured as text is */
    for (const ashi_block *k = c->b->children; k; k = k->next)
        text_only &= k->kind == ASHI_BLOCK_P || k->kind == ASHI_BLOCK_H;
    if (c->b->children && !text_only) {
        /* other blocks: a narrow and a wide width */
        *min = *phrase = ASHI_MM(25);
        *max = ASHI_MM(80);
        return;
    }
    const ashi_block *k = c->b->children;
    do {
        const ashi_inline *in = k ? k->inl : cell_text(l, c, g);
        shaped s;
        const ashi_text_style *st = cell_style(l, c, g);
        double lo = 0, hi = 0, ph;
        if (ashi_lay_shape(l, in, NULL, st, st->size, c->b->loc, 1e6, ALIGN_START, &s)) {
            l->oom = 1;
            return;
        }
        if (ashi_para_extent(&s.para, &l->in.opts, ashi_arena_mem(l->mem.a), &lo, &hi))
            l->oom = 1;
        size_t chars = 0, japanese = 0;
        for (size_t i = 0; i < s.para.nclusters; i++) {
            ashi_jclass cls = (ashi_jclass)s.para.clusters[i].cls;
            if (cls == ASHI_CL_SPACE)
                continue;
            chars++;
            japanese += ashi_jclass_is_japanese(cls);
        }
        ph = chars <= 4 && japanese == chars ? hi : lo;
        *min = lo > *min ? lo : *min;
        *max = hi > *max ? hi : *max;
        *phrase = ph > *phrase ? ph : *phrase;
    } while (k && (k = k->next));
}

/* A text cell's content height at column width w, and whether its last
 * line holds one character alone (after a break the line breaker chose). */
static double cell_fit(L *l, cell *c, grid *g, double w, int *widow)
{
    scratch_mark m = ashi_lay_scratch_save(l);
    shaped s;
    double h = 0;
    *widow = 0;
    if (!shape_cell(l, c, g, w - 2 * g->pad_x, &s)) {
        h = s.height;
        if (s.nlines > 1) {
            const ashi_line *ln = &s.lines[s.nlines - 1];
            size_t e = ln->c1;
            while (e > ln->c0 && s.para.clusters[e - 1].cls == ASHI_CL_SPACE)
                e--;
            *widow = e == ln->c0 + 1 && ln->c0 > 0 &&
                     s.para.clusters[ln->c0 - 1].cls != ASHI_CL_BREAK;
        }
    }
    ashi_lay_scratch_release(l, &m);
    return h;
}

/* ---- the grid ------------------------------------------------------------- */



/* The layout's grid from the table's (placed and checked at load):
 * -1 when it has none (reported at load). */
static int build(L *l, const ashi_block *t, grid *g)
{
    memset(g, 0, sizeof *g);
    const ashi_table_grid *m = t->grid;
    if (!m)
        return -1;
    g->nrows = m->nrows;
    g->ncols = m->ncols;
    g->header_rows = m->header_rows;
    memcpy(g->colspec, m->colspec, sizeof g->colspec);
    g->cells = ashi_arena_alloc(l->mem.a, (m->ncells + 1) * sizeof *g->cells);
    g->rh = ashi_arena_alloc(l->mem.a, ((size_t)m->nrows + 1) * sizeof *g->rh);
    if (!g->cells || !g->rh) {
        l->oom = 1;
        return -1;
    }
    for (size_t k = 0; k < m->ncells; k++) {
        const ashi_grid_cell *c = &m->cells[k];
        g->cells[k] = (cell){c->b, c->row, c->col, c->rows, c->cols, 0, 0, 0};
    }
    g->ncells = m->ncells;
    /* padding: one length for the sides, three quarters of it above and below */
    g->pad_x = ashi_lay_len(&t->p->padding, 0, ASHI_MM(2));
    g->pad_y = g->pad_x * 0.75;
    return 0;
}

/* The search for widths that leave no cell's last line one character
 * alone: the state of one table's text cells at trial widths. */
typedef struct fitting {
    grid *g;
    const int *kind;
    const double *floor, *ceil; /* per column: the range a trial may use */
    double *h;                  /* per cell: content height (text cells) */
    int *widow;                 /* per cell: last line one character alone */
    double *th;                 /* per cell: trial height */
    int *tw;                    /* per cell: trial widow */
    double *rowmax;             /* per row: scratch */
    size_t budget;              /* cell layouts left to try */
} fitting;

static int text_cell(const cell *c)
{
    return !c->b->children && c->cols == 1 && c->rows == 1;
}

/* Widows and the sum of the rows' text heights with columns i and j at
 * widths wi and wj (the others as they are), from the trial arrays. */
static void fitting_score(const fitting *f, int i, int j, int *widows, double *height)
{
    const grid *g = f->g;
    *widows = 0;
    for (int r = 0; r < g->nrows; r++)
        f->rowmax[r] = 0;
    for (size_t k = 0; k < g->ncells; k++) {
        const cell *c = &g->cells[k];
        if (!text_cell(c))
            continue;
        int trial = c->col == i || c->col == j;
        *widows += trial ? f->tw[k] : f->widow[k];
        double h = trial ? f->th[k] : f->h[k];
        f->rowmax[c->row] = fmax(f->rowmax[c->row], h);
    }
    *height = 0;
    for (int r = 0; r < g->nrows; r++)
        *height += f->rowmax[r];
}

/* Lays out the text cells of columns i and j at widths wi, wj into the
 * trial arrays; 0 when the budget ran out. */
static int fitting_try(L *l, fitting *f, int i, double wi, int j, double wj)
{
    grid *g = f->g;
    for (size_t k = 0; k < g->ncells; k++) {
        cell *c = &g->cells[k];
        if (!text_cell(c) || (c->col != i && c->col != j))
            continue;
        if (!f->budget)
            return 0;
        f->budget--;
        f->th[k] = cell_fit(l, c, g, c->col == i ? wi : wj, &f->tw[k]);
    }
    return 1;
}

/* Moves width between pairs of columns, half an em at a time up to three
 * em, while that leaves fewer cells with one character alone on their last
 * line (then: lower rows, then the smaller move). Columns stay within their
 * range, so phrases kept whole stay whole. */
static void avoid_widows(L *l, fitting *f)
{
    grid *g = f->g;
    int n = g->ncols, widows = 0;
    double height = 0;
    for (size_t k = 0; k < g->ncells; k++)
        if (text_cell(&g->cells[k]))
            f->h[k] = cell_fit(l, &g->cells[k], g, g->w[g->cells[k].col], &f->widow[k]);
    fitting_score(f, -1, -1, &widows, &height);
    double step = 0.5 * l->in.t->styles[ASHI_STYLE_TABLE].size * l->fr.scale;
    for (int round = 0; round < 8 && widows > 0; round++) {
        int bi = -1, bj = -1, bw = widows;
        double bh = height, bd = 0;
        for (int i = 0; i < n; i++) {
            int has = 0;
            for (size_t k = 0; k < g->ncells && !has; k++)
                has = text_cell(&g->cells[k]) && g->cells[k].col == i && f->widow[k];
            if (!has || !f->kind[i])
                continue;
            for (int j = 0; j < n; j++) {
                if (j == i || !f->kind[j])
                    continue;
                for (int s = -6; s <= 6; s++) {
                    double d = s * step, wi = g->w[i] + d, wj = g->w[j] - d;
                    if (!s || wi < f->floor[i] - 1e-6 || wi > f->ceil[i] + 1e-6 ||
                        wj < f->floor[j] - 1e-6 || wj > f->ceil[j] + 1e-6)
                        continue;
                    if (!fitting_try(l, f, i, wi, j, wj))
                        goto done;
                    int tw;
                    double th;
                    fitting_score(f, i, j, &tw, &th);
                    if (tw < bw ||
                        (tw == bw && bi >= 0 &&
                         (th < bh - 0.01 || (fabs(th - bh) <= 0.01 && fabs(d) < fabs(bd))))) {
                        bi = i, bj = j, bw = tw, bh = th, bd = d;
                    }
                }
            }
        }
    done:
        if (bi < 0)
            return;
        g->w[bi] += bd;
        g->w[bj] -= bd;
        for (size_t k = 0; k < g->ncells; k++) {
            cell *c = &g->cells[k];
            if (text_cell(c) && (c->col == bi || c->col == bj))
                f->h[k] = cell_fit(l, c, g, g->w[c->col], &f->widow[k]);
        }
        fitting_score(f, -1, -1, &widows, &height);
        if (!f->budget)
            return;
    }
}

/* Column widths: lengths, percentages and fr shares as written; auto (and
 * no widths at all) from the cells' content like CSS automatic layout,
 * with one more step between min- and max-content: first every column
 * gets its phrase width (no short cell, word or number with its unit
 * split); a table too narrow for that is set between min- and max-content
 * as CSS sets it. Then width
 * moves between columns where that leaves no cell's last line one
 * character alone (につい / て). */
static int widths(L *l, const ashi_block *t, grid *g, double frame_w)
{
    int n = g->ncols;
    double minw[MAX_COLS] = {0}, maxw[MAX_COLS] = {0}, phw[MAX_COLS] = {0}, fr[MAX_COLS] = {0};
    int kind[MAX_COLS]; /* 0 fixed, 1 auto, 2 fr */
    double pad = 2 * g->pad_x;
    lay_width spec[MAX_COLS];
    if (ashi_lay_widths(t, n, frame_w, 1, spec))
        return -1;
    for (int i = 0; i < n; i++) {
        kind[i] = spec[i].kind == LAY_W_FIXED ? 0 : spec[i].kind == LAY_W_AUTO ? 1 : 2;
        if (kind[i] == 0)
            g->w[i] = spec[i].v;
        else if (kind[i] == 2)
            fr[i] = spec[i].v;
    }
    /* content extents of single-column cells (their shaped text not kept) */
    for (size_t k = 0; k < g->ncells; k++) {
        cell *c = &g->cells[k];
        if (c->cols != 1)
            continue;
        double mn, mx, ph;
        scratch_mark m = ashi_lay_scratch_save(l);
        cell_extent(l, c, g, &mn, &mx, &ph);
        ashi_lay_scratch_release(l, &m);
        minw[c->col] = fmax(minw[c->col], mn + pad);
        maxw[c->col] = fmax(maxw[c->col], mx + pad);
        phw[c->col] = fmax(phw[c->col], ph + pad);
    }
    double fixed = 0, sum_min = 0, sum_ph = 0, sum_max = 0, sum_fr = 0;
    for (int i = 0; i < n; i++) {
        if (kind[i] == 0)
            fixed += g->w[i];
        else {
            sum_min += minw[i];
            sum_ph += phw[i];
            sum_max += kind[i] == 1 ? maxw[i] : phw[i];
            sum_fr += fr[i];
        }
    }
    double avail = frame_w - fixed;
    if (sum_min > avail + 0.01) {
        ashi_diag_add(D(l), ASHI_ERROR, "overflow", t->loc,
                      "the table's columns need %.1f mm more than the %.1f mm of its frame, even "
                      "at their narrowest",
                      (sum_min - avail) * 25.4 / 72, frame_w * 25.4 / 72);
        return -1;
    }
    /* the range each column may take in the search for widows */
    double floor[MAX_COLS], ceil[MAX_COLS];
    if (sum_max <= avail) {
        /* everything fits unbroken: auto columns at max-content, fr columns
         * share what is left (or, without fr, auto columns stay as they are) */
        double left = avail - sum_max;
        for (int i = 0; i < n; i++) {
            if (kind[i] == 1)
                g->w[i] = maxw[i];
            else if (kind[i] == 2)
                g->w[i] = phw[i] + (sum_fr > 0 ? left * fr[i] / sum_fr : 0);
        }
        return 0;
    } else if (sum_ph <= avail) {
        /* an auto column whose max-content is within an even share of what
         * is left takes it whole (a short column is not wrapped to give a
         * long one a little more), as long as the others keep their phrase
         * widths; the rest are set between phrase and max-content, in
         * proportion to what each could use */
        int whole[MAX_COLS] = {0}, open = 0;
        double left = avail, rest_ph = sum_ph, rest_max = sum_max;
        for (int i = 0; i < n; i++)
            open += kind[i] != 0;
        for (int changed = 1; changed && open > 1;) {
            changed = 0;
            for (int i = 0; i < n && open > 1; i++) {
                if (kind[i] != 1 || whole[i] || maxw[i] > left / open + 1e-6 ||
                    left - maxw[i] < rest_ph - phw[i] - 1e-6)
                    continue;
                whole[i] = changed = 1;
                left -= maxw[i];
                rest_ph -= phw[i];
                rest_max -= maxw[i];
                open--;
            }
        }
        double f = rest_max > rest_ph ? (left - rest_ph) / (rest_max - rest_ph) : 0;
        f = f > 1 ? 1 : f;
        for (int i = 0; i < n; i++)
            if (kind[i] != 0) {
                g->w[i] = whole[i] ? maxw[i]
                                   : phw[i] + ((kind[i] == 1 ? maxw[i] : phw[i]) - phw[i]) * f;
                floor[i] = phw[i];
                ceil[i] = kind[i] == 1 ? maxw[i] : g->w[i];
            }
    } else {
        /* phrases cannot all stay whole: between min- and max-content, in
         * proportion to what each could use, as CSS does */
        double f = (avail - sum_min) / (sum_max - sum_min);
        for (int i = 0; i < n; i++)
            if (kind[i] != 0) {
                double mx = kind[i] == 1 ? maxw[i] : phw[i];
                g->w[i] = minw[i] + (mx - minw[i]) * f;
                floor[i] = minw[i];
                ceil[i] = mx;
            }
    }
    for (int i = 0; i < n; i++)
        if (kind[i] == 0)
            floor[i] = ceil[i] = g->w[i];
    /* one character alone on a cell's last line: width moved between
     * columns, within at most 20,000 cell layouts (each trial lays out the
     * cells of two columns, and scores the whole table: a long table gets
     * fewer trials, and the work stays bounded) */
    size_t nc = g->ncells + 1;
    scratch_mark m = ashi_lay_scratch_save(l);
    fitting fit = {g,
                   kind,
                   floor,
                   ceil,
                   ashi_arena_alloc(l->mem.a, nc * sizeof(double)),
                   ashi_arena_alloc(l->mem.a, nc * sizeof(int)),
                   ashi_arena_alloc(l->mem.a, nc * sizeof(double)),
                   ashi_arena_alloc(l->mem.a, nc * sizeof(int)),
                   ashi_arena_alloc(l->mem.a, ((size_t)g->nrows + 1) * sizeof(double)),
                   20000};
    if (fit.h && fit.widow && fit.th && fit.tw && fit.rowmax)
        avoid_widows(l, &fit);
    else
        l->oom = 1;
    ashi_lay_scratch_release(l, &m);
    return 0;
}

static double span_w(const grid *g, const cell *c)
{
    double w = 0;
    for (int j = 0; j < c->cols; j++)
        w += g->w[c->col + j];
    return w;
}

/* ---- drawing --------------------------------------------------------------- */

static double draw_cell(L *l, grid *g, cell *c, double x, double y, double h, double mark_x)
{
    double w = span_w(g, c), px = g->pad_x, py = g->pad_y;
    double iw = w - 2 * px;
    double share = ashi_lay_valign(c->b, 0.5);
    if (c->b->children) {
        /* blocks in a cell are set at the table's text size */
        double scale = l->fr.scale;
        l->fr.scale *= cell_style(l, c, g)->size / l->in.t->styles[ASHI_STYLE_BODY].size;
        double ch = l->in.flow->measure(l, c->b->children, iw, ALIGN_START);
        double off = (h - 2 * py - ch) * share;
        l->in.flow->blocks(l, c->b->children, x + px, y + py + (off > 0 ? off : 0), iw, 0,
                        ALIGN_START);
        l->fr.scale = scale;
        return ch + 2 * py;
    }
    shaped s;
    if (shape_cell(l, c, g, iw, &s))
        return 0;
    double off = (h - 2 * py - s.height) * share;
    int a = cell_align(c, g);
    align al = a == ASHI_ALIGN_V_CENTER ? ALIGN_CENTER : ALIGN_START;
    double tx = x + px;
    if (a == ASHI_ALIGN_V_END)
        al = ALIGN_END;
    if (cell_mark(c, g) && s.nlines == 1 && mark_x > 0) {
        /* the mark (decimal point, →) on the column's common line */
        tx = mark_x - c->pre;
        al = ALIGN_START;
        iw = w;
    } else if (cell_mark(c, g)) {
        al = ALIGN_END;
    }
    ashi_lay_emit_lines(l, &s, tx, y + py + (off > 0 ? off : 0), iw, al);
    return s.height + 2 * py;
}

/* Width of a one-line cell before its mark (or its whole width when it has
 * none, the mark then being at its end) and after it. */
static void mark_extent(L *l, grid *g, cell *c)
{
    const char *mark = cell_mark(c, g);
    c->pre = c->post = 0;
    if (!mark || c->b->children)
        return;
    shaped s;
    if (shape_cell(l, c, g, 1e6, &s) || s.nlines != 1)
        return;
    const ashi_line *ln = &s.lines[0];
    size_t mlen = strlen(mark);
    for (size_t k = ln->c0; k < ln->c1; k++) {
        const ashi_cluster *cl = &s.para.clusters[k];
        if (cl->len >= mlen && !memcmp(s.para.text + cl->off, mark, mlen)) {
            c->pre = ln->x[k - ln->c0];
            c->post = ln->width - c->pre;
            return;
        }
    }
    c->pre = ln->width;
}

/* A measuring pass over a grid's cells: the rows' heights. */
static double row_heights(L *l, void *ctx)
{
    grid *g = ctx;
    double py = 2 * g->pad_y;
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k < g->ncells; k++) {
            cell *c = &g->cells[k];
            if ((pass == 0) != (c->rows == 1))
                continue;
            scratch_mark m = ashi_lay_scratch_save(l);
            double ch = draw_cell(l, g, c, 0, 0, 0, 0);
            mark_extent(l, g, c);
            ashi_lay_scratch_release(l, &m);
            if (c->rows == 1) {
                g->rh[c->row] = fmax(g->rh[c->row], fmax(ch, py));
            } else {
                double have = 0;
                for (int i = 0; i < c->rows; i++)
                    have += g->rh[c->row + i];
                if (ch > have)
                    g->rh[c->row + c->rows - 1] += ch - have;
            }
        }
    return 0;
}

/* The grid with its widths and row heights, computed once per table, width
 * and text scale: a table split over many pages is measured once. */
static grid *measured(L *l, const ashi_block *t, double w)
{
    for (size_t i = 0; i < l->mem.gc.n; i++)
        if (l->mem.gc.table[i] == t && l->mem.gc.w[i] == w && l->mem.gc.scale[i] == l->fr.scale)
            return l->mem.gc.grids[i];
    grid *g = ashi_arena_alloc(l->mem.a, sizeof *g);
    if (!g) {
        l->oom = 1;
        return NULL;
    }
    if (build(l, t, g) || widths(l, t, g, w))
        return NULL;
    /* row heights: single-row cells first, then spans stretch their last row */
    ashi_lay_measuring(l, row_heights, g);
    /* what every page of a long table needs, found once: each row's first
     * cell (cells are in row order) and each column's widest part after
     * its mark */
    g->row_first = ashi_arena_alloc(l->mem.a, ((size_t)g->nrows + 2) * sizeof *g->row_first);
    if (!g->row_first) {
        l->oom = 1;
        return NULL;
    }
    for (int r = 0, k = 0; r <= g->nrows; r++) {
        while ((size_t)k < g->ncells && g->cells[k].row < r)
            k++;
        g->row_first[r] = (size_t)k;
    }
    for (size_t k = 0; k < g->ncells; k++)
        if (cell_mark(&g->cells[k], g) && g->cells[k].cols == 1)
            g->post[g->cells[k].col] = fmax(g->post[g->cells[k].col], g->cells[k].post);
    size_t slot = l->mem.gc.n < 8 ? l->mem.gc.n++ : 7;
    l->mem.gc.table[slot] = t;
    l->mem.gc.w[slot] = w;
    l->mem.gc.scale[slot] = l->fr.scale;
    l->mem.gc.grids[slot] = g;
    return g;
}

double ashi_lay_table(L *l, const ashi_block *t, double x, double y, double w)
{
    /* a continuation page: what its header rows say was said on the first */
    int continued = l->fr.split_table == t && l->fr.split_from > 0;
    grid *gp = measured(l, t, w);
    if (!gp)
        return 0;
    grid g = *gp;
    const ashi_theme *th = l->in.t;
    /* Which rows this frame shows: the header rows, then data rows from
     * where the previous page stopped; with split="continue" only as many
     * as fit, the rest going to a continuation page. */
    int cont = t->p->split == ASHI_SPLIT_CONTINUE;
    int from = l->fr.split_table == t ? l->fr.split_from : g.header_rows, to = g.nrows;
    if (from < g.header_rows || from > g.nrows)
        from = g.header_rows;
    double total = 0;
    for (int i = 0; i < g.header_rows; i++)
        total += g.rh[i];
    for (int i = from; i < g.nrows; i++) {
        if (cont && i > from && y + total + g.rh[i] > l->fr.frame_bottom + 0.01) {
            to = i;
            break;
        }
        total += g.rh[i];
    }
    if (to < g.nrows) {
        l->fr.split_table = t;
        l->fr.split_next = to;
    }
    if (l->out.measuring)
        return total;

    /* where each column's marks line up: the widest "after the mark" part
     * set against the cell's end */
    double mark_x[MAX_COLS] = {0}, colx[MAX_COLS + 1];
    /* y of the rows shown: the header rows, then rows [from, to); the
     * work per page is for its own rows only, however long the table */
    int hdr = g.header_rows;
    double *ry = ashi_arena_alloc(l->mem.a, ((size_t)hdr + (size_t)(to - from) + 1) * sizeof *ry);
    if (!ry) {
        l->oom = 1;
        return total;
    }
    colx[0] = x;
    for (int i = 0; i < g.ncols; i++)
        colx[i + 1] = colx[i] + g.w[i];
    for (int i = 0; i < g.ncols; i++)
        mark_x[i] = colx[i + 1] - g.pad_x - g.post[i];

    int borders = t->p->borders;
    int grid_lines = !borders || borders == ASHI_BORDERS_GRID,
        rules = borders == ASHI_BORDERS_RULES;
    int zebra = t->p->zebra == ASHI_ONOFF_ON, first = t->p->first_col == ASHI_ONOFF_ON;
    uint32_t head_fill = th->colors[ASHI_COLOR_TABLE_HEAD];
    uint32_t zebra_fill = th->colors[ASHI_COLOR_TABLE_ZEBRA];
    uint32_t line = th->colors[ASHI_COLOR_TABLE_LINE];
    double yy = y;
    int shown = 0;
    for (int i = 0; i < hdr; i++, shown++) {
        ry[shown] = yy;
        yy += g.rh[i];
    }
    for (int i = from; i < to; i++, shown++) {
        ry[shown] = yy;
        yy += g.rh[i];
    }
#define ROWY(i) ((i) < hdr ? ry[i] : (i) >= from && (i) < to ? ry[hdr + (i) - from] : -1)
    double tw = colx[g.ncols] - x; /* the table's own width */
    /* fills, then text, then lines on top: cells of the header rows, then
     * of the rows shown */
    size_t ranges[2][2] = {{g.row_first[0], g.row_first[hdr]},
                           {g.row_first[from], g.row_first[to]}};
    ashi_diags *said = l->out.d;
    for (int part = 0; part < 2; part++) {
    /* the header rows and the rows shown, each a group of rows of cells */
    int row = -1;
    if (ranges[part][0] < ranges[part][1])
        ashi_lay_begin(l, part == 0 ? ASHI_ROLE_TABLE_HEAD : ASHI_ROLE_TABLE_BODY, NULL, t->loc);
    for (size_t k = ranges[part][0]; k < ranges[part][1]; k++) {
        /* header rows repeated: what their content says was said */
        l->out.d = part == 0 && continued ? &l->out.quiet : said;
        cell *c = &g.cells[k];
        if (c->row != row) {
            if (row >= 0)
                ashi_lay_end(l);
            row = c->row;
            ashi_lay_begin(l, ASHI_ROLE_TABLE_ROW, NULL, c->b->loc);
        }
        double cx = colx[c->col], cy = ROWY(c->row), cw = span_w(&g, c), ch = 0;
        for (int i = 0; i < c->rows; i++)
            if (ROWY(c->row + i) >= 0)
                ch += g.rh[c->row + i];
        int head = c->b->header || c->row < g.header_rows;
        uint32_t fill = ASHI_NO_COLOR;
        if (head)
            fill = head_fill;
        else if (first && c->col == 0)
            fill = head_fill;
        else if (zebra && (c->row - g.header_rows) % 2 == 1)
            fill = zebra_fill;
        ashi_lay_begin_cell(l, head ? ASHI_ROLE_HEADER_CELL : ASHI_ROLE_CELL, NULL, c->cols,
                            c->rows, c->b->loc);
        if (fill != ASHI_NO_COLOR)
            ashi_lay_rect(l, cx, cy, cw, ch, fill);
        draw_cell(l, &g, c, cx, cy, ch, c->cols == 1 ? mark_x[c->col] : 0);
        if (grid_lines)
            ashi_lay_box(l, cx, cy, cw, ch, ASHI_NO_COLOR, line, 0.5, 0, 0);
        ashi_lay_end(l);
    }
    if (row >= 0)
        ashi_lay_end(l);
    if (ranges[part][0] < ranges[part][1])
        ashi_lay_end(l);
    }
    l->out.d = said;
    if (rules && shown) {
        /* the Japanese report style: heavy rules at top and bottom, a rule
         * under the header, thin rules between rows */
        int drawn = 0;
        ashi_lay_line(l, x, y, x + tw, y, 1.2, th->colors[ASHI_COLOR_TEXT], 0);
        for (int k = 0; k < shown; k++) {
            int i = k < hdr ? k : from + (k - hdr);
            if (drawn++)
                ashi_lay_line(l, x, ry[k], x + tw, ry[k], i == from && g.header_rows ? 0.8 : 0.3,
                              i == from && g.header_rows ? th->colors[ASHI_COLOR_TEXT] : line, 0);
        }
        ashi_lay_line(l, x, yy, x + tw, yy, 1.2, th->colors[ASHI_COLOR_TEXT], 0);
    }
#undef ROWY
    return total;
}
