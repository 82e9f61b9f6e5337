/* chart.c — bar charts as vectors: vertical (bar) and horizontal (hbar),
 * one series or several side by side or stacked; nice axis steps, grid,
 * zero line, Japanese category labels wrapped by the text engine, value
 * labels, number formats with 万 and 億, a highlight, legend, title and
 * source note. SPDX-License-Identifier: MIT */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/internal.h"

#define MAX_CATS 256
#define MAX_SERIES 12
#define MIN_TEXT 7.0 /* pt: no chart text is set smaller */

/* ---- numbers -------------------------------------------------------------- */

void ashi_lay_nice_ticks(double lo, double hi, double *out_lo, double *out_hi, double *step)
{
    if (!(hi > lo)) {
        /* a single value or all zeros: a range that shows it */
        double v = fabs(hi) > 0 ? fabs(hi) : 1;
        lo = lo < 0 ? lo : 0;
        hi = hi > 0 ? hi : (lo < 0 ? 0 : v);
        if (!(hi > lo))
            hi = lo + v;
    }
    /* a fifth of the span, taken apart so that a span wider than the
     * largest double (-1e308 to 1e308) still has one */
    double raw = hi / 5 - lo / 5;
    double mag = pow(10, floor(log10(raw)));
    static const double steps[] = {1, 2, 2.5, 5, 10};
    double s = 10 * mag;
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        if (steps[i] * mag >= raw) {
            s = steps[i] * mag;
            break;
        }
    *step = s;
    *out_lo = floor(lo / s + 1e-9) * s;
    *out_hi = ceil(hi / s - 1e-9) * s;
    /* rounded out past the largest double: the ends themselves */
    if (!isfinite(*out_lo))
        *out_lo = lo;
    if (!isfinite(*out_hi))
        *out_hi = hi;
    if (*out_hi == *out_lo)
        *out_hi = *out_lo + s;
}

int ashi_lay_axis_ticks(double lo, double hi, double step, double *ticks, int max)
{
    if (!(hi > lo) || !(step > 0) || !isfinite(lo) || !isfinite(hi) || max < 1)
        return 0;
    /* multiples of the step inside lo..hi: the first at or above lo, then a
     * step apart (never past hi, however lo and hi were chosen) */
    double k0 = ceil(lo / step - 1e-9), k1 = floor(hi / step + 1e-9);
    if (!(k1 >= k0))
        return 0;
    double first = k0 * step;
    int n = 0;
    for (double k = 0; k <= k1 - k0 && n < max; k++) {
        double v = first + step * k;
        if (!isfinite(v))
            break;
        ticks[n++] = v;
    }
    return n;
}


/* The unit an axis reaching `top` uses: 0 none, 1 man (10^4), 2 oku (10^8). */
int ashi_lay_number_unit(ashi_numfmt fmt, double top)
{
    if (fmt.kind != ASHI_NF_AUTO && fmt.kind != ASHI_NF_UNSET)
        return fmt.kind == ASHI_NF_MAN ? 1 : fmt.kind == ASHI_NF_OKU ? 2 : 0;
    top = fabs(top);
    return top >= 1e9 ? 2 : top >= 1e5 ? 1 : 0;
}

void ashi_lay_format_number(char *out, size_t size, double v, ashi_numfmt fmt, int unit,
                            int decimals)
{
    if (!isfinite(v)) {
        ashi_snprintf(out, size, "-");
        return;
    }
    if (fmt.kind == ASHI_NF_FIXED) {
        ashi_lay_put_grouped(out, size, v, fmt.digits);
        return;
    }
    if (fmt.kind == ASHI_NF_PERCENT) {
        ashi_lay_put_grouped(out, size, v, decimals);
        strncat(out, "%", size - strlen(out) - 1);
        return;
    }
    if (unit && v == 0) {
        ashi_snprintf(out, size, "0");
        return;
    }
    if (unit) {
        ashi_lay_put_grouped(out, size, v / (unit == 1 ? 1e4 : 1e8), decimals);
        strncat(out, unit == 1 ? "万" : "億", size - strlen(out) - 1);
        return;
    }
    ashi_lay_put_grouped(out, size, v, decimals);
}

/* Decimals for a set of values in their display unit: none when all are
 * whole, else one (in 万 and 億 one is enough: 94.2万), else up to two. */
static int decimals_for(const double *v, size_t n, double div)
{
    int d = 0;
    for (size_t i = 0; i < n; i++) {
        double x = v[i] / div;
        if (!isfinite(x))
            continue;
        if (div == 1 && fabs(x * 10 - round(x * 10)) > 1e-6)
            return 2;
        if (fabs(x - round(x)) > 1e-6)
            d = 1;
    }
    return d;
}

/* Decimals that tell ticks a step apart (0.25 needs two), up to twelve. */
static int step_decimals(double step)
{
    int d = 0;
    for (double m = fabs(step); d < 12 && (m < 1 - 1e-9 || fabs(m - round(m)) > 1e-6 * m);
         m *= 10)
        d++;
    return d;
}

/* ---- data ----------------------------------------------------------------- */

/* A palette that stays apart in greyscale print and for colour-blind
 * readers: dark blue, light orange, mid teal, light blue-grey, dark red. */
static const uint32_t palette[] = {0x1F4E79, 0xF2A33A, 0x3F8F7F, 0xA9C4E2, 0x9E2A2B, 0x6B6B6B};

/* The series' colours: as given, else the palette's in turn. */
static void series_colors(L *l, const ashi_chart_data *m, uint32_t *colors)
{
    for (size_t i = 0; i < m->nseries; i++)
        colors[i] =
            ashi_lay_col(l, m->colors[i], palette[i % (sizeof palette / sizeof palette[0])]);
}

/* ---- drawing ---------------------------------------------------------------- */

/* A bar's colour: its series', or with a highlight the accent on the
 * highlighted category and, for a single series, muted elsewhere. */
static uint32_t bar_color(const ashi_chart_data *c, const uint32_t *colors, size_t series,
                          const char *hl, int hit, uint32_t accent, uint32_t muted)
{
    if (!hl)
        return colors[series];
    return hit ? accent : c->nseries == 1 ? muted : colors[series];
}

/* The share of its category's slot the bars take: bar-width, 10% to 100%,
 * 60% by default. */
static double bar_share(const ashi_block *b)
{
    return b->p->bar_width > 0 ? b->p->bar_width : 0.6;
}

static double text_at(L *l, const char *s, const ashi_text_style *st, double size, ashi_loc loc,
                      double x, double y, double w, align al, int max_lines, double *height)
{
    shaped sh;
    if (ashi_lay_shape(l, NULL, s, st, size, loc, w, al, &sh)) {
        l->oom = 1;
        return 0;
    }
    if (height)
        *height = sh.height;
    (void)max_lines;
    double widest = 0;
    for (size_t i = 0; i < sh.nlines; i++)
        widest = fmax(widest, sh.lines[i].width);
    ashi_lay_emit_lines(l, &sh, x, y, w, al);
    return widest;
}

/* A label measured: its widest line, or (height set) its height. */
typedef struct label_job {
    const char *s;
    const ashi_text_style *st;
    double size, w;
    int height;
} label_job;

static double measure_label(L *l, void *ctx)
{
    const label_job *j = ctx;
    ashi_loc none = {0, 0};
    double h = 0;
    double w = text_at(l, j->s, j->st, j->size, none, 0, 0, j->w,
                       j->height ? ALIGN_CENTER : ALIGN_START, j->height ? 3 : 1,
                       j->height ? &h : NULL);
    return j->height ? h : w;
}

static double text_width(L *l, const char *s, const ashi_text_style *st, double size)
{
    label_job job = {s, st, size, 1e6, 0};
    return ashi_lay_measuring(l, measure_label, &job);
}

static double text_height(L *l, const char *s, const ashi_text_style *st, double size, double w)
{
    label_job job = {s, st, size, w, 1};
    return ashi_lay_measuring(l, measure_label, &job);
}

/* Category labels: broken at their spaces when that costs no line. */
static double cat_at(L *l, const char *s, const ashi_text_style *st, double size, ashi_loc loc,
                     double x, double y, double w, align al, int max_lines, double *height)
{
    l->fr.phrase = 1;
    double r = text_at(l, s, st, size, loc, x, y, w, al, max_lines, height);
    l->fr.phrase = 0;
    return r;
}

static double cat_height(L *l, const char *s, const ashi_text_style *st, double size, double w)
{
    l->fr.phrase = 1;
    double h = text_height(l, s, st, size, w);
    l->fr.phrase = 0;
    return h;
}

/* ---- the axis --------------------------------------------------------------- */

static int imax(int a, int b) { return a > b ? a : b; }

/* The value axis: from the data (with zero), or min and max where given
 * (checked against the data at load). */
static void axis_range(const ashi_block *b, const ashi_chart_data *m, double *tlo,
                       double *thi, double *step)
{
    double lo = m->lo, hi = m->hi;
    double umin = b->p->min.v, umax = b->p->max.v;
    int has_min = b->p->min.set, has_max = b->p->max.set;
    ashi_lay_nice_ticks(has_min ? umin : lo, has_max ? umax : hi, tlo, thi, step);
    if (has_min)
        *tlo = umin;
    if (has_max)
        *thi = umax;
}

/* A bar from a to a + len cut to lo..hi (a value outside a given min and
 * max); 1 when it was cut. */
static int clip(double *a, double *len, double lo, double hi)
{
    double e = *a + *len;
    if (*a >= lo && e <= hi)
        return 0;
    double na = fmin(fmax(*a, lo), hi), ne = fmin(fmax(e, lo), hi);
    *a = na;
    *len = ne - na;
    return 1;
}

static double clamp(double v, double lo, double hi) { return fmin(fmax(v, lo), hi); }

double ashi_lay_chart(L *l, const ashi_block *b, double x, double y, double w, double h)
{
    const ashi_chart_data *m = b->chart;
    if (!m)
        return 0; /* no data it can show: reported at load */
    uint32_t colors[ASHI_CHART_MAX_SERIES];
    series_colors(l, m, colors);
    const ashi_theme *t = l->in.t;
    const ashi_text_style *cap = &t->styles[ASHI_STYLE_CAPTION];
    const ashi_text_style *lab = &t->styles[ASHI_STYLE_TABLE];
    double fs = lab->size * l->fr.scale * 0.9, small = cap->size * l->fr.scale * 0.85;
    int horizontal = b->p->type == ASHI_CHART_HBAR;
    int stacked = b->p->stacked == ASHI_BOOL_TRUE;
    double tlo, thi, step;
    if (!m->axis_ok)
        return h > 0 ? h : ASHI_MM(75); /* no room for any bar: reported at load */
    axis_range(b, m, &tlo, &thi, &step);
    if (h <= 0)
        h = ASHI_MM(75);
    double top = y, bottom = y + h;

    /* title and legend above, source note below */
    const char *title = b->p->title, *source = b->p->source, *unit = b->p->unit;
    int legend = b->p->legend;
    const ashi_text_style *ts = &t->styles[ASHI_STYLE_STAT_LABEL];
    if (title) {
        double th = 0;
        text_at(l, title, ts, ts->size * l->fr.scale, b->loc, x, top, w, ALIGN_CENTER, 2, &th);
        top += th + ASHI_MM(1);
    }
    if (source) {
        double sh = text_height(l, source, cap, small, w);
        bottom -= sh;
        text_at(l, source, cap, small, b->loc, x, bottom, w, ALIGN_START, 2, NULL);
        bottom -= ASHI_MM(1);
    }
    int show_legend = m->nseries > 1 && legend != ASHI_LEGEND_NONE;
    int legend_right = legend == ASHI_LEGEND_RIGHT;
    double legend_w = 0;
    if (show_legend) {
        double sw = fs * 0.8;
        if (legend_right) {
            for (size_t i = 0; i < m->nseries; i++)
                legend_w = fmax(legend_w, text_width(l, m->names[i] ? m->names[i] : "", lab, fs));
            legend_w += sw + ASHI_MM(4);
            double ly = top + ASHI_MM(2);
            for (size_t i = 0; i < m->nseries; i++) {
                ashi_lay_rect(l, x + w - legend_w, ly + fs * 0.15, sw, sw, colors[i]);
                text_at(l, m->names[i] ? m->names[i] : "", lab, fs, b->loc,
                        x + w - legend_w + sw + 4, ly - fs * 0.2, legend_w, ALIGN_START, 1, NULL);
                ly += fs * 1.5;
            }
        } else {
            double total = 0;
            for (size_t i = 0; i < m->nseries; i++)
                total +=
                    sw + 4 + text_width(l, m->names[i] ? m->names[i] : "", lab, fs) + ASHI_MM(5);
            double lx = x + (w - total) / 2;
            for (size_t i = 0; i < m->nseries; i++) {
                ashi_lay_rect(l, lx, top + fs * 0.3, sw, sw, colors[i]);
                double tw = text_at(l, m->names[i] ? m->names[i] : "", lab, fs, b->loc, lx + sw + 4,
                                    top, 1e5, ALIGN_START, 1, NULL);
                lx += sw + 4 + tw + ASHI_MM(5);
            }
            top += fs * 1.6;
        }
    }
    double right = x + w - (legend_right ? legend_w + ASHI_MM(3) : 0);

    ashi_numfmt fmt = b->p->format;
    int nu = ashi_lay_number_unit(fmt, fmax(fabs(thi), fabs(tlo)));
    double div = nu == 1 ? 1e4 : nu == 2 ? 1e8 : 1;
    double ticks[64];
    int nt = ashi_lay_axis_ticks(tlo, thi, step, ticks, 64);
    int tick_dec = imax(decimals_for(ticks, (size_t)nt, div), step_decimals(step / div));
    int val_dec = 0;
    for (size_t i = 0; i < m->nseries; i++)
        val_dec = imax(val_dec, decimals_for(m->vals[i], m->ncats, div));
    char label[64];
    double tick_w = 0;
    for (int i = 0; i < nt; i++) {
        ashi_lay_format_number(label, sizeof label, ticks[i], fmt, nu, tick_dec);
        tick_w = fmax(tick_w, text_width(l, label, cap, small));
    }
    const char *hl = b->p->highlight;
    if (hl) {
        /* a highlight naming no category (reported at load) is none */
        size_t k = 0;
        while (k < m->ncats && strcmp(hl, m->cats[k]))
            k++;
        if (k == m->ncats)
            hl = NULL;
    }
    uint32_t accent = t->colors[ASHI_COLOR_ACCENT], muted = 0xB8C2CC;
    uint32_t grid_c = 0xD9D9D9, axis_c = 0x6B6B6B;
    const ashi_text_style *vs = &t->styles[ASHI_STYLE_TABLE_HEAD];

    if (!horizontal) {
        /* category labels under the bars: up to three lines in their slot */
        double plot_x = x + tick_w + ASHI_MM(2), plot_w = right - plot_x;
        double slot = plot_w / (double)m->ncats, cat_h = 0;
        for (size_t k = 0; k < m->ncats; k++)
            cat_h = fmax(cat_h, cat_height(l, m->cats[k], lab, fs, slot - 2));
        double unit_h = unit ? small * 1.4 : 0;
        double plot_top = top + unit_h + fs * 1.4, plot_bottom = bottom - cat_h - ASHI_MM(1.5);
        if (plot_bottom - plot_top < ASHI_MM(15)) {
            ashi_diag_add(D(l), ASHI_ERROR, "overflow", b->loc,
                          "the chart is too small for its labels (give it more height)");
            return h;
        }
        double scale = (plot_bottom - plot_top) / (thi - tlo);
        /* zero, where the bars start; the plot's edge when the axis leaves
         * zero out */
        double y0 = plot_bottom - (0 - tlo) * scale, y0c = clamp(y0, plot_top, plot_bottom);
        if (unit)
            text_at(l, unit, cap, small, b->loc, x, top, tick_w + ASHI_MM(2), ALIGN_START, 1, NULL);
        for (int i = 0; i < nt; i++) {
            double ty = plot_bottom - (ticks[i] - tlo) * scale;
            ashi_lay_line(l, plot_x, ty, right, ty, 0.4, grid_c, 0);
            ashi_lay_format_number(label, sizeof label, ticks[i], fmt, nu, tick_dec);
            text_at(l, label, cap, small, b->loc, x, ty - small * 0.65, tick_w, ALIGN_END, 1, NULL);
        }
        double share = bar_share(b);
        /* value labels as large as their slots allow, never below the
         * smallest size print can read */
        double vfs = fs, widest = 0;
        for (size_t i = 0; i < m->nseries; i++)
            for (size_t k = 0; k < m->ncats; k++) {
                ashi_lay_format_number(label, sizeof label, m->vals[i][k], fmt, nu, val_dec);
                widest = fmax(widest, text_width(l, label, vs, fs));
            }
        double room = stacked ? slot : slot / (double)m->nseries;
        if (widest > room - 2)
            vfs = fs * (room - 2) / widest;
        /* side by side, each label no wider than its bar where that stays
         * readable: then no label runs into its neighbours' labels or bars
         * (7,618 beside 7,678) */
        double bar_w = slot * share / (double)m->nseries;
        int crowded = 0; /* two neighbours' labels side by side would touch */
        for (size_t k = 0; !stacked && widest > bar_w - 1 && k < m->ncats && !crowded; k++)
            for (size_t i = 0; i + 1 < m->nseries && !crowded; i++) {
                double a = m->vals[i][k], b = m->vals[i + 1][k];
                if (a < 0 || b < 0 || fabs(a - b) * scale >= vfs * 1.3)
                    continue;
                ashi_lay_format_number(label, sizeof label, a, fmt, nu, val_dec);
                double wa = text_width(l, label, vs, vfs);
                ashi_lay_format_number(label, sizeof label, b, fmt, nu, val_dec);
                crowded = (wa + text_width(l, label, vs, vfs)) / 2 > bar_w - 1;
            }
        if (crowded)
            vfs = fmin(vfs, fmax(MIN_TEXT, fs * (bar_w - 1) / widest));
        if (vfs < MIN_TEXT) {
            ashi_diag_add(D(l), ASHI_ERROR, "overflow", b->loc,
                          "the chart's value labels would be smaller than %g pt; give it more "
                          "width or fewer categories",
                          MIN_TEXT);
            return h; /* (labels squeezed past reading say nothing more) */
        }
        for (size_t k = 0; k < m->ncats; k++) {
            double gx = plot_x + slot * (double)k + slot * (1 - share) / 2, gw = slot * share;
            int hit = hl && !strcmp(hl, m->cats[k]);
            double pos = y0, neg = y0, top_label = y0c;
            /* what the group's value labels must stay clear of: its bars,
             * then each label placed */
            double ob[2 * MAX_SERIES][4];
            size_t nob = 0;
            for (size_t i = 0; !stacked && i < m->nseries && i < MAX_SERIES; i++) {
                double v = m->vals[i][k], bx = gx + gw / (double)m->nseries * (double)i;
                double t = clamp(y0 - fabs(v) * scale, plot_top, plot_bottom);
                double bot = clamp(y0 + (v < 0 ? fabs(v) * scale : 0), plot_top, plot_bottom);
                double bw = gw / (double)m->nseries;
                ob[nob][0] = bx, ob[nob][1] = v < 0 ? y0 : t, ob[nob][2] = bx + bw;
                ob[nob][3] = v < 0 ? bot : y0;
                nob++;
            }
            for (size_t i = 0; i < m->nseries; i++) {
                double val = m->vals[i][k], bh = fabs(val) * scale;
                double bx = stacked ? gx : gx + gw / (double)m->nseries * (double)i;
                double bwid = stacked ? gw : gw / (double)m->nseries;
                uint32_t col = bar_color(m, colors, i, hl, hit, accent, muted);
                double by;
                if (val >= 0) {
                    by = (stacked ? pos : y0) - bh;
                    if (stacked)
                        pos = by;
                } else {
                    by = stacked ? neg : y0;
                    if (stacked)
                        neg = by + bh;
                }
                if (!clip(&by, &bh, plot_top, plot_bottom) || bh > 0)
                    ashi_lay_rect(l, bx, by, bwid, bh, col);
                ashi_lay_format_number(label, sizeof label, val, fmt, nu, val_dec);
                if (stacked) {
                    /* segment values inside, in white, where they fit */
                    double lh = small * 1.3;
                    ashi_text_style inside = *cap;
                    inside.color = 0xFFFFFF;
                    if (m->nseries > 1 && bh > lh && text_width(l, label, cap, small) < bwid)
                        text_at(l, label, &inside, small, b->loc, bx, by + (bh - lh) / 2, bwid,
                                ALIGN_CENTER, 1, NULL);
                    top_label = fmin(top_label, by);
                } else {
                    /* above the bar (below it when negative); inside, in
                     * white, when the plot has no room above it */
                    double ly = val >= 0 ? by - vfs * 1.3 : by + bh + 1;
                    ashi_text_style vstyle = *(hit ? vs : lab);
                    double lw = m->nseries > 1 ? text_width(l, label, &vstyle, vfs) : 0;
                    /* inside only where it fits the bar's width */
                    if (val >= 0 && ly < plot_top - vfs * 0.3 && bh > vfs * 1.4 &&
                        (m->nseries == 1 || lw <= bwid - 1)) {
                        ly = by + 2;
                        vstyle.color = 0xFFFFFF;
                    }
                    /* a negative bar down to the plot's bottom: the label
                     * inside it, or above it when it is too short, off the
                     * category labels */
                    if (val < 0 && ly + vfs * 1.3 > plot_bottom + 0.01) {
                        if (bh > vfs * 1.4) {
                            ly = by + bh - vfs * 1.3 - 1;
                            vstyle.color = 0xFFFFFF;
                        } else {
                            ly = by - vfs * 1.3;
                        }
                    }
                    /* centred on the bar, in its share of the slot; moved
                     * off a taller neighbour in the group that the label
                     * would otherwise run into (1,035 beside 6,137) */
                    double cx = bx + bwid / 2;
                    if (val >= 0 && vstyle.color != 0xFFFFFF && m->nseries > 1) {
                        double lo = -1e9, hi = 1e9;
                        double below = ly + vfs * 1.3;
                        if (i > 0 && clamp(y0 - fmax(m->vals[i - 1][k], 0) * scale, plot_top,
                                           plot_bottom) < below)
                            lo = bx;
                        if (i + 1 < m->nseries &&
                            clamp(y0 - fmax(m->vals[i + 1][k], 0) * scale, plot_top, plot_bottom) <
                                below)
                            hi = bx + bwid;
                        if (lw <= hi - lo) {
                            if (cx + lw / 2 > hi)
                                cx = hi - lw / 2;
                            if (cx - lw / 2 < lo)
                                cx = lo + lw / 2;
                        }
                        /* still running into a bar or a label placed
                         * before it: lifted above it, as often as it takes */
                        double lh = vfs * 1.3, x0 = cx - lw / 2, x1 = cx + lw / 2;
                        for (int moved = 1; moved;) {
                            moved = 0;
                            for (size_t o = 0; o < nob; o++)
                                if (o != i && x0 < ob[o][2] - 0.05 && ob[o][0] < x1 - 0.05 &&
                                    ly < ob[o][3] - 0.05 && ob[o][1] < ly + lh - 0.05) {
                                    ly = ob[o][1] - lh;
                                    moved = 1;
                                }
                        }
                        if (nob < 2 * MAX_SERIES) {
                            ob[nob][0] = x0, ob[nob][1] = ly, ob[nob][2] = x1;
                            ob[nob][3] = ly + lh;
                            nob++;
                        }
                    }
                    text_at(l, label, &vstyle, vfs, b->loc, cx - room / 2, ly, room,
                            ALIGN_CENTER, 1, NULL);
                }
            }
            if (stacked) {
                double sum = 0;
                for (size_t i = 0; i < m->nseries; i++)
                    sum += m->vals[i][k];
                ashi_lay_format_number(label, sizeof label, sum, fmt, nu, val_dec);
                text_at(l, label, vs, vfs, b->loc, plot_x + slot * (double)k, top_label - vfs * 1.3,
                        slot, ALIGN_CENTER, 1, NULL);
            }
            cat_at(l, m->cats[k], hit ? vs : lab, fs, m->cat_loc[k], plot_x + slot * (double)k + 1,
                    plot_bottom + ASHI_MM(1.5), slot - 2, ALIGN_CENTER, 3, NULL);
        }
        ashi_lay_line(l, plot_x, y0c, right, y0c, 0.8, axis_c, 0);
    } else {
        /* labels left of the bars, values along the bottom */
        double label_w = 0;
        for (size_t k = 0; k < m->ncats; k++)
            label_w = fmax(label_w, text_width(l, m->cats[k], lab, fs));
        label_w = fmin(label_w + 2, (right - x) * 0.35);
        double plot_x = x + label_w + ASHI_MM(2), plot_top = top + ASHI_MM(1);
        double plot_bottom = bottom - small * 1.6 - (unit ? 0 : 0);
        double val_w = 0;
        for (size_t i = 0; i < m->nseries; i++)
            for (size_t k = 0; k < m->ncats; k++) {
                ashi_lay_format_number(label, sizeof label, m->vals[i][k], fmt, nu, val_dec);
                val_w = fmax(val_w, text_width(l, label, lab, fs));
            }
        double plot_right = right - val_w - ASHI_MM(2);
        if (plot_right - plot_x < ASHI_MM(20) || plot_bottom - plot_top < ASHI_MM(10)) {
            ashi_diag_add(D(l), ASHI_ERROR, "overflow", b->loc,
                          "the chart is too small for its labels (give it more room)");
            return h;
        }
        double scale = (plot_right - plot_x) / (thi - tlo), x0 = plot_x + (0 - tlo) * scale;
        double x0c = clamp(x0, plot_x, plot_right);
        double slot = (plot_bottom - plot_top) / (double)m->ncats, share = bar_share(b);
        /* value labels beside the bars: the bars of a group sit a bar's
         * thickness apart, so their labels are no taller than that */
        double room = m->nseries > 1 && !stacked ? slot * share / (double)m->nseries : slot;
        double vfs = fmin(fs, room / 1.25);
        if (vfs < MIN_TEXT) {
            ashi_diag_add(D(l), ASHI_ERROR, "overflow", b->loc,
                          "the chart's value labels would be smaller than %g pt; give it more "
                          "height, a wider bar-width or fewer categories",
                          MIN_TEXT);
            return h;
        }
        /* every gridline, but only as many tick labels as fit side by side */
        int stride = 1;
        double step_w = nt > 1 ? (ticks[1] - ticks[0]) * scale : tick_w + 6;
        while (stride < nt && step_w * stride < tick_w + 6)
            stride++;
        for (int nice = 1; stride > 1; nice *= 10) /* labels on nice steps: 2, 5, 10 ticks */
            if (stride <= 2 * nice || stride <= 5 * nice || stride <= 10 * nice) {
                stride = stride <= 2 * nice ? 2 * nice : stride <= 5 * nice ? 5 * nice : 10 * nice;
                break;
            }
        for (int i = 0; i < nt; i++) {
            double tx = plot_x + (ticks[i] - tlo) * scale;
            ashi_lay_line(l, tx, plot_top, tx, plot_bottom, 0.4, grid_c, 0);
            if (i % stride)
                continue;
            ashi_lay_format_number(label, sizeof label, ticks[i], fmt, nu, tick_dec);
            text_at(l, label, cap, small, b->loc, tx - tick_w / 2 - 2, plot_bottom + 1, tick_w + 4,
                    ALIGN_CENTER, 1, NULL);
        }
        if (unit)
            text_at(l, unit, cap, small, b->loc, plot_right, plot_bottom + 1, val_w + ASHI_MM(2),
                    ALIGN_END, 1, NULL);
        for (size_t k = 0; k < m->ncats; k++) {
            double gy = plot_top + slot * (double)k + slot * (1 - share) / 2, gh = slot * share;
            int hit = hl && !strcmp(hl, m->cats[k]);
            double pos = x0, neg = x0, end = x0c;
            for (size_t i = 0; i < m->nseries; i++) {
                double val = m->vals[i][k], bl = fabs(val) * scale;
                double by = stacked ? gy : gy + gh / (double)m->nseries * (double)i;
                double bh = stacked ? gh : gh / (double)m->nseries;
                uint32_t col = bar_color(m, colors, i, hl, hit, accent, muted);
                double bx = val >= 0 ? (stacked ? pos : x0) : (stacked ? neg : x0) - bl;
                if (stacked && val >= 0)
                    pos += bl;
                else if (stacked)
                    neg -= bl;
                if (!clip(&bx, &bl, plot_x, plot_right) || bl > 0)
                    ashi_lay_rect(l, bx, by, bl, bh, col);
                end = fmax(end, bx + bl);
                ashi_lay_format_number(label, sizeof label, val, fmt, nu, val_dec);
                if (!stacked)
                    text_at(l, label, hit ? vs : lab, vfs, b->loc, bx + bl + 3,
                            by + (bh - vfs * 1.35) / 2, val_w + 4, ALIGN_START, 1, NULL);
            }
            if (stacked) {
                double sum = 0;
                for (size_t i = 0; i < m->nseries; i++)
                    sum += m->vals[i][k];
                ashi_lay_format_number(label, sizeof label, sum, fmt, nu, val_dec);
                text_at(l, label, vs, fs, b->loc, end + 3, gy + (gh - fs * 1.35) / 2, val_w + 4,
                        ALIGN_START, 1, NULL);
            }
            double lh = cat_height(l, m->cats[k], lab, fs, label_w);
            cat_at(l, m->cats[k], hit ? vs : lab, fs, m->cat_loc[k], x,
                    plot_top + slot * (double)k + (slot - lh) / 2, label_w, ALIGN_END, 3, NULL);
        }
        ashi_lay_line(l, x0c, plot_top, x0c, plot_bottom, 0.8, axis_c, 0);
    }
    return h;
}

const ashi_dl_table *ashi_lay_chart_table(L *l, const ashi_block *b)
{
    const ashi_chart_data *m = b->chart;
    if (!m)
        return NULL;
    size_t rows = m->ncats + 1, cols = m->nseries + 1;
    ashi_dl_table *t = ashi_arena_alloc(l->mem.keep, sizeof *t);
    const char **cells = ashi_arena_alloc(l->mem.keep, rows * cols * sizeof *cells);
    if (!t || !cells) {
        l->oom = 1;
        return NULL;
    }
    /* the values in the unit and with the decimals the data calls for */
    ashi_numfmt fmt = b->p->format;
    int nu = ashi_lay_number_unit(fmt, fmax(fabs(m->hi), fabs(m->lo)));
    double div = nu == 1 ? 1e4 : nu == 2 ? 1e8 : 1;
    int dec = 0;
    for (size_t i = 0; i < m->nseries; i++)
        dec = imax(dec, decimals_for(m->vals[i], m->ncats, div));
    const char *unit = b->p->unit ? b->p->unit : "";
    cells[0] = b->p->title ? b->p->title : "";
    for (size_t i = 0; i < m->nseries; i++)
        cells[i + 1] = m->names[i] ? m->names[i] : "";
    for (size_t k = 0; k < m->ncats; k++) {
        cells[(k + 1) * cols] = m->cats[k];
        for (size_t i = 0; i < m->nseries; i++) {
            char label[96];
            ashi_lay_format_number(label, sizeof label, m->vals[i][k], fmt, nu, dec);
            const char *v = ashi_arena_printf(l->mem.keep, "%s%s", label, unit);
            if (!v) {
                l->oom = 1;
                return NULL;
            }
            cells[(k + 1) * cols + i + 1] = v;
        }
    }
    *t = (ashi_dl_table){rows, cols, cells};
    return t;
}
