/* values.c — attribute values as layout reads them: lengths, colours,
 * alignments, column widths and number formats, each wrong one reported
 * at its element (when drawing, so once). A leaf of the layout stage: it
 * calls no other file of it. SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include "layout/internal.h"

void lay_bad(L *l, const ashi_block *b, const char *name, const char *value,
                const char *want)
{
    ashi_diag_add(D(l), ASHI_ERROR, "bad-value", b->loc, "%s '%s' must be %s", name, value,
                  want);
}

/* A length attribute (mm, pt, cm, in, and % of rel when rel > 0); returns
 * def when absent or wrong (wrong is reported). */
double lay_length(L *l, const ashi_block *b, const char *name, double rel, double def,
                     double min)
{
    const char *v = ashi_block_attr(b, name);
    if (!v)
        return def;
    double out;
    size_t n = strlen(v);
    int rc;
    if (rel > 0 && n > 1 && v[n - 1] == '%') {
        char num[32];
        snprintf(num, sizeof num, "%.*s", (int)(n - 1), v);
        rc = ashi_parse_number(num, &out);
        out = out * rel / 100;
    } else {
        rc = ashi_parse_length(v, &out);
    }
    if (rc || out < min || out > ASHI_MM(5000)) {
        lay_bad(l, b, name, v, rel > 0 ? "a length (mm, pt, cm, in) or a percentage"
                                   : "a length (mm, pt, cm, in)");
        return def;
    }
    return out;
}

uint32_t lay_color(L *l, const ashi_block *b, const char *name, uint32_t def)
{
    const char *v = ashi_block_attr(b, name);
    uint32_t c;
    if (!v)
        return def;
    if (strcmp(v, "none") == 0)
        return ASHI_NO_COLOR;
    if (ashi_style_color(l->t, v, &c)) {
        lay_bad(l, b, name, v, "#RGB, #RRGGBB, a theme colour name or none");
        return def;
    }
    return c;
}

/* top, middle or bottom: the share of the free space above the content */
double lay_valign(L *l, const ashi_block *b)
{
    const char *v = ashi_block_attr(b, "valign");
    if (!v || strcmp(v, "top") == 0)
        return 0;
    if (strcmp(v, "middle") == 0)
        return 0.5;
    if (strcmp(v, "bottom") == 0)
        return 1;
    lay_bad(l, b, "valign", v, "top, middle or bottom");
    return 0;
}

align lay_text_align(L *l, const ashi_block *b, const ashi_text_style *st, align frame)
{
    const char *v = ashi_block_attr(b, "align");
    if (v) {
        static const char *const names[] = {"start", "center", "end", "justify"};
        for (int i = 0; i < 4; i++)
            if (strcmp(v, names[i]) == 0)
                return (align)i;
        lay_bad(l, b, "align", v, "start, center, end or justify");
    }
    /* a frame that centres its text (the cover) overrides the style */
    return frame == ALIGN_CENTER ? ALIGN_CENTER : st->align;
}

/* Column widths: mm/pt/cm/in, % of the whole, fr shares of what is left. */
int lay_widths(L *l, const ashi_block *b, int n, double pct_of, int allow_auto,
               lay_width *out)
{
    const char *spec = ashi_block_attr(b, "widths");
    for (int i = 0; i < n; i++)
        out[i] = (lay_width){allow_auto ? LAY_W_AUTO : LAY_W_FR, 1};
    if (!spec)
        return 0;
    int i = 0;
    const char *p = spec;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        char tok[32];
        size_t k = strcspn(p, " ");
        snprintf(tok, sizeof tok, "%.*s", (int)(k < 31 ? k : 31), p);
        p += k;
        if (i++ >= n)
            continue;
        lay_width *o = &out[i - 1];
        size_t tl = strlen(tok);
        double v;
        if (allow_auto && strcmp(tok, "auto") == 0) {
            *o = (lay_width){LAY_W_AUTO, 1};
        } else if (tl > 2 && strcmp(tok + tl - 2, "fr") == 0) {
            tok[tl - 2] = 0;
            if (ashi_parse_number(tok, &v) || v <= 0)
                goto wrong;
            *o = (lay_width){LAY_W_FR, v};
        } else if (tl > 1 && tok[tl - 1] == '%') {
            tok[tl - 1] = 0;
            if (ashi_parse_number(tok, &v) || v <= 0 || v > 100)
                goto wrong;
            *o = (lay_width){LAY_W_FIXED, v * pct_of / 100};
        } else if (ashi_parse_length(tok, &v) == 0 && v > 0) {
            *o = (lay_width){LAY_W_FIXED, v};
        } else {
            goto wrong;
        }
    }
    if (i != n) {
        ashi_diag_add(D(l), ASHI_ERROR, "count", b->loc,
                      "widths '%s' gives %d widths for %d columns", spec, i, n);
        return -1;
    }
    return 0;
wrong:
    lay_bad(l, b, "widths", spec,
            allow_auto ? "lengths, percentages, fr shares or auto"
                       : "lengths, percentages or fr shares (\"40mm 1fr\")");
    return -1;
}

int lay_fixed_format(const char *fmt)
{
    return !strncmp(fmt, "fixed:", 6) && fmt[6] >= '0' && fmt[6] <= '4' && !fmt[7];
}
