/* values.c — typed attribute values (parsed at load, doc/vocab.c) made
 * concrete where layout knows what they are relative to: percentages of a
 * frame, theme colour names, default alignments, column widths. A leaf of
 * the layout stage: it calls no other file of it, and reports nothing
 * (widths counts are checked at load).
 * SPDX-License-Identifier: MIT */
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
