/* values.c — typed attribute values (parsed at load, doc/vocab.c) made
 * concrete where layout knows what they are relative to: percentages of a
 * frame, theme colour names, default alignments, column widths; numbers
 * as their formats write them. A leaf of
 * the layout stage: it calls no other file of it, and reports nothing
 * (widths counts are checked at load).
 * SPDX-License-Identifier: MIT */
#include <math.h>
#include <string.h>

#include "layout/internal.h"

double ashi_lay_len(const ashi_len *v, double rel, double def)
{
    if (!v->set)
        return def;
    return v->pct ? v->v * rel / 100 : v->v;
}

uint32_t ashi_lay_col(const L *l, ashi_color c, uint32_t def)
{
    switch (c.kind) {
    case ASHI_COLOR_IS_NONE:
        return ASHI_NO_COLOR;
    case ASHI_COLOR_IS_RGB:
        return c.v;
    case ASHI_COLOR_IS_THEME:
        return l->in.t->colors[c.v];
    default:
        return def;
    }
}

/* top, middle or bottom: the share of the free space above the content */
double ashi_lay_valign(const ashi_block *b, double def)
{
    switch (b->p->valign) {
    case ASHI_VALIGN_TOP:
        return 0;
    case ASHI_VALIGN_MIDDLE:
        return 0.5;
    case ASHI_VALIGN_BOTTOM:
        return 1;
    default:
        return def;
    }
}

align ashi_lay_text_align(const ashi_block *b, const ashi_text_style *st, align frame)
{
    if (b->p->align >= ASHI_ALIGN_V_START && b->p->align <= ASHI_ALIGN_V_JUSTIFY)
        return (align)(b->p->align - ASHI_ALIGN_V_START);
    /* a frame that centres its text (the cover) overrides the style */
    return frame == ALIGN_CENTER ? ALIGN_CENTER : st->align;
}

/* Column widths: mm/pt/cm/in, % of pct_of, fr shares of what is left. */
int ashi_lay_widths(const ashi_block *b, int n, double pct_of, int allow_auto, lay_width *out)
{
    const ashi_widths *spec = &b->p->widths;
    for (int i = 0; i < n; i++)
        out[i] = (lay_width){allow_auto ? LAY_W_AUTO : LAY_W_FR, 1};
    if (!spec->v)
        return 0;
    if (spec->n != n)
        return -1; /* reported at load */
    for (int i = 0; i < n; i++) {
        const ashi_width *w = &spec->v[i];
        out[i] = w->kind == ASHI_W_AUTO ? (lay_width){LAY_W_AUTO, 1}
                 : w->kind == ASHI_W_FR ? (lay_width){LAY_W_FR, w->v}
                 : w->kind == ASHI_W_PCT ? (lay_width){LAY_W_FIXED, w->v * pct_of / 100}
                                         : (lay_width){LAY_W_FIXED, w->v};
    }
    return 0;
}

/* |v| rounded to `decimals` places as 四捨五入 rounds the number as
 * written: halves away from zero (printf rounds a tie such as 0.25 to the
 * even 0.2), and 1.005 to 1.01 although its double is a little below the
 * half (a fraction that short of .5 by less than the double's error of a
 * 15-digit number counts as .5). */
static double round_half_up(double v, int decimals)
{
    double p = pow(10, decimals), x = fabs(v) * p;
    if (!isfinite(x) || x >= 9007199254740992.0) /* 2^53: no fraction left */
        return fabs(v);
    double whole = floor(x), f = x - whole, tol = x * 1e-14 < 1e-9 ? x * 1e-14 : 1e-9;
    double r = f >= 0.5 - tol ? whole + 1 : whole;
    return r / p;
}

void ashi_lay_put_grouped(char *out, size_t size, double v, int decimals)
{
    char raw[400]; /* the largest double has 309 digits */
    double a = round_half_up(v, decimals);
    ashi_snprintf(raw, sizeof raw, "%.*f", decimals, a);
    char *dot = strchr(raw, '.');
    size_t intlen = dot ? (size_t)(dot - raw) : strlen(raw), k = 0;
    int neg = v < 0 && a != 0;
    if (neg && k + 1 < size)
        out[k++] = '-';
    for (size_t i = 0; i < intlen && k + 2 < size; i++) {
        if (i && (intlen - i) % 3 == 0)
            out[k++] = ',';
        out[k++] = raw[i];
    }
    out[k] = 0;
    if (dot)
        ashi_snprintf(out + k, size - k, "%s", dot);
}

/* A number format (a column's, a stat's) applied to a text that is a plain
 * number, commas allowed: comma (7,498), fixed:N (N decimals), man
 * (1,553万), oku (10億); any other text as written. */
const char *ashi_lay_format_text(L *l, ashi_numfmt fmt, const char *text)
{
    if (!fmt.kind || !text)
        return text;
    char digits[64];
    size_t n = 0;
    for (const char *s = text; *s && n + 1 < sizeof digits; s++)
        if (*s != ',')
            digits[n++] = *s;
    digits[n] = 0;
    double v;
    if (ashi_parse_number(digits, &v))
        return text; /* not a number: as written */
    int decimals = 0;
    const char *unit = "";
    if (fmt.kind == ASHI_NF_MAN) {
        v /= 1e4, unit = "万";
        decimals = fabs(v - round(v)) > 1e-9 ? 1 : 0;
    } else if (fmt.kind == ASHI_NF_OKU) {
        v /= 1e8, unit = "億";
        decimals = fabs(v - round(v)) > 1e-9 ? 1 : 0;
    } else if (fmt.kind == ASHI_NF_FIXED) {
        decimals = fmt.digits;
    }
    char out[400];
    ashi_lay_put_grouped(out, sizeof out, v, decimals);
    char *res = ashi_arena_printf(l->mem.a, "%s%s", out, unit);
    return res ? res : text;
}
