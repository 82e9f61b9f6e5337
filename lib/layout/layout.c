/* layout.c — places a deck's slides on pages and fills the display list.
 * SPDX-License-Identifier: MIT */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "layout/layout.h"

/* Master geometry, in millimetres (issue #4 makes these theme values). */
#define MARGIN_X 18.0
#define BAND_H 24.0
#define BAND_RULE 1.2   /* accent rule under the band */
#define BODY_GAP 9.0    /* band to body */
#define FOOTER_H 14.0   /* bottom of the body frame to the page edge */
#define FOOTER_BASE 7.0 /* footer baseline above the page edge */
#define ASCENT 0.88     /* ideographic em box: ascent share of the size */

typedef ashi_align align;
#define ALIGN_START ASHI_ALIGN_START
#define ALIGN_CENTER ASHI_ALIGN_CENTER
#define ALIGN_END ASHI_ALIGN_END
#define ALIGN_JUSTIFY ASHI_ALIGN_JUSTIFY

typedef struct L {
    const ashi_doc *doc;
    const ashi_theme *t;
    ashi_fontset *fs;
    ashi_arena *a;
    ashi_diags *d;
    ashi_dlist *dl;
    ashi_dl_page *page;
    ashi_text_opts opts;
    unsigned warned_bold; /* families already warned about having no bold */
    int oom;
} L;

/* ---- text --------------------------------------------------------------- */

typedef struct shaped {
    ashi_para para;
    ashi_line *lines;
    size_t nlines;
    double line_h, size; /* of the style: an empty line's height */
    double indent;       /* first-line indent */
    double *lh, *base;   /* per line: height, baseline below the line's top */
    double height;       /* all lines */
} shaped;

static ashi_span base_span(const ashi_text_style *st, ashi_loc loc)
{
    ashi_span s = {0};
    s.family = st->family;
    s.bold = st->bold;
    s.size = st->size;
    s.color = st->color;
    s.loc = loc;
    return s;
}

/* <span size>: a length, or a percentage of the surrounding size. */
static double span_size(L *l, const ashi_inline *i, double size)
{
    double v;
    size_t n = strlen(i->size);
    int rc;
    if (n > 1 && i->size[n - 1] == '%') {
        char num[32];
        snprintf(num, sizeof num, "%.*s", (int)(n - 1), i->size);
        rc = ashi_parse_number(num, &v);
        v = v * size / 100;
    } else {
        rc = ashi_parse_length(i->size, &v);
    }
    if (rc || !(v >= 4 && v <= 400)) {
        ashi_diag_add(l->d, ASHI_ERROR, "bad-value", i->span_loc,
                      "size '%s' must be a length or a percentage giving 4pt to 400pt",
                      i->size);
        return size;
    }
    return v;
}

/* Line heights and baselines: the tallest run of a line sets its height;
 * superscripts and readings (ruby) grow it only when the leading cannot
 * hold them. */
static int measure_lines(L *l, const ashi_text_style *st, shaped *out)
{
    out->lh = ashi_arena_alloc(l->a, (out->nlines + 1) * sizeof *out->lh);
    out->base = ashi_arena_alloc(l->a, (out->nlines + 1) * sizeof *out->base);
    if (!out->lh || !out->base)
        return -1;
    out->height = 0;
    for (size_t i = 0; i < out->nlines; i++) {
        const ashi_line *ln = &out->lines[i];
        double nominal = 0, top = 0, bottom = 0;
        for (size_t k = ln->c0; k < ln->c1; k++) {
            const ashi_cluster *c = &out->para.clusters[k];
            if (c->rise == 0 && c->size > nominal)
                nominal = c->size;
        }
        if (nominal == 0)
            nominal = out->size;
        for (size_t k = ln->c0; k < ln->c1; k++) {
            const ashi_cluster *c = &out->para.clusters[k];
            double t = c->rise + ASCENT * c->size, b = (1 - ASCENT) * c->size - c->rise;
            if (c->ruby)
                t += c->size / 2; /* the reading's em box sits on the base's */
            top = t > top ? t : top;
            bottom = b > bottom ? b : bottom;
        }
        double lh = st->pitch > 0 ? (st->pitch > nominal ? st->pitch : nominal)
                                  : nominal * st->leading;
        double half = (lh - nominal) / 2;
        double base = half + ASCENT * nominal, below = lh - base;
        base = top > base ? top : base;
        below = bottom > below ? bottom : below;
        out->base[i] = base;
        out->lh[i] = base + below;
        out->height += out->lh[i];
    }
    return 0;
}

/* Shapes and breaks inline runs (or a plain string when inl is NULL). */
static int shape_text(L *l, const ashi_inline *inl, const char *plain,
                      const ashi_text_style *st, double size, ashi_loc loc, double width,
                      align al, shaped *out)
{
    size_t n = 0;
    for (const ashi_inline *i = inl; i; i = i->next)
        n++;
    ashi_span *spans = ashi_arena_alloc(l->a, (n + 1) * sizeof *spans);
    if (!spans)
        return -1;
    const ashi_text_style *em = &l->t->styles[ASHI_STYLE_EM];
    size_t k = 0;
    if (plain) {
        spans[k] = base_span(st, loc);
        spans[k].size = size;
        spans[k].text = plain;
        spans[k++].len = strlen(plain);
    }
    for (const ashi_inline *i = inl; i; i = i->next) {
        ashi_span *s = &spans[k++];
        *s = base_span(st, i->loc);
        s->size = size;
        s->brk = i->kind == ASHI_INL_BREAK;
        s->text = i->text;
        s->len = i->len;
        s->group = i->group;
        if (i->ruby) {
            s->ruby = i->ruby;
            s->ruby_len = strlen(i->ruby);
        }
        if (i->flags & ASHI_INL_BOLD)
            s->bold = 1;
        if (i->flags & ASHI_INL_EM) {
            s->color = em->color;
            s->bold |= em->bold;
        }
        if (i->color && ashi_style_color(l->t, i->color, &s->color))
            ashi_diag_add(l->d, ASHI_ERROR, "bad-color", i->span_loc,
                          "colour '%s' is not #RGB, #RRGGBB or a theme colour name", i->color);
        if (i->size)
            s->size = span_size(l, i, size);
        if (i->flags & (ASHI_INL_SUP | ASHI_INL_SUB)) {
            /* scaled to 70 %, raised a third of an em or lowered a tenth */
            s->rise = (float)((i->flags & ASHI_INL_SUP ? 0.33 : -0.1) * s->size);
            s->size *= 0.7;
        }
        const ashi_font_family *fam = &l->fs->families[s->family];
        if (s->bold && fam->bold == fam->regular) {
            s->fake_bold = 1;
            if (!(l->warned_bold & (1u << s->family))) {
                l->warned_bold |= 1u << s->family;
                ashi_diag_add(l->d, ASHI_WARNING, "no-bold", i->loc,
                              "font '%s' has no bold face; bold text is drawn with a stroked "
                              "outline",
                              l->t->families[s->family].name);
            }
        }
    }
    memset(out, 0, sizeof *out);
    out->size = size;
    out->line_h = st->pitch > 0 ? st->pitch : size * st->leading;
    out->indent = al == ALIGN_CENTER || al == ALIGN_END ? 0 : st->indent;
    if (ashi_shape(l->fs, spans, k, l->a, l->d, &out->para))
        return -1;
    ashi_space(&out->para, &l->opts);
    if (ashi_break_lines(&out->para, width, out->indent, al, &l->opts, l->a, l->d, &out->lines,
                         &out->nlines))
        return -1;
    return measure_lines(l, st, out);
}

/* Emits one line as glyph runs, one per stretch of the same face, size and
 * colour. x is the line's start, y its baseline. */
static int emit_line(L *l, const ashi_para *p, const ashi_line *ln, double x, double y,
                     int span)
{
    size_t c = ln->c0;
    if (span && ln->c1 > ln->c0) {
        const ashi_cluster *a = &p->clusters[ln->c0], *b = &p->clusters[ln->c1 - 1];
        ashi_dl_item *sp = ashi_dl_add_item(l->dl, l->page, ASHI_DL_SPAN_BEGIN);
        if (!sp)
            return -1;
        sp->u.span.text = p->text + a->off;
        sp->u.span.len = b->off + b->len - a->off;
    }
    while (c < ln->c1) {
        const ashi_cluster *first = &p->clusters[c];
        size_t e = c;
        size_t ng = 0;
        while (e < ln->c1 && p->clusters[e].face == first->face &&
               p->clusters[e].size == first->size && p->clusters[e].color == first->color &&
               p->clusters[e].fake_bold == first->fake_bold) {
            ng += p->clusters[e].ng;
            e++;
        }
        ashi_dl_item *it = ashi_dl_add_item(l->dl, l->page, ASHI_DL_RUN);
        ashi_dl_glyph *g = ashi_arena_alloc(l->a, (ng + 1) * sizeof *g);
        if (!it || !g)
            return -1;
        ashi_dl_run *r = &it->u.run;
        r->face = first->face;
        r->size = first->size;
        r->x = x + ln->x[c - ln->c0];
        r->y = y;
        r->color = first->color;
        r->fake_bold = first->fake_bold;
        r->loc = first->loc;
        r->text = p->text + first->off;
        const ashi_cluster *last = &p->clusters[e - 1];
        r->text_len = last->off + last->len - first->off;
        size_t k = 0;
        for (size_t i = c; i < e; i++) {
            const ashi_cluster *cl = &p->clusters[i];
            /* the cluster's place on the line, its glyphs moved onto the
             * punctuation core */
            double gx = ln->x[i - ln->c0] - ln->x[c - ln->c0] + cl->shift;
            for (uint32_t j = 0; j < cl->ng; j++, k++) {
                const ashi_glyph *sg = &p->glyphs[cl->g0 + j];
                g[k].gid = sg->gid;
                g[k].x = (float)(gx + sg->dx);
                g[k].y = (float)(-sg->dy - cl->rise);
                g[k].adv = sg->adv;
                if (j == 0) {
                    g[k].toff = cl->off - first->off;
                    g[k].tlen = cl->len;
                }
                gx += sg->adv;
            }
        }
        r->glyphs = g;
        r->nglyphs = k;
        c = e;
    }
    /* Readings whose base starts on this line, centred over the base. */
    for (size_t i = ln->c0; i < ln->c1; i++) {
        const ashi_cluster *cl = &p->clusters[i];
        if (!cl->ruby || (i > ln->c0 && p->clusters[i - 1].ruby == cl->ruby))
            continue;
        const ashi_ruby *ru = &p->rubies[cl->ruby - 1];
        size_t last = ru->c1 - 1 < ln->c1 ? ru->c1 - 1 : ln->c1 - 1;
        double x0 = ln->x[i - ln->c0], x1 = ln->x[last - ln->c0] + p->clusters[last].width;
        ashi_line rl = {0, ru->text.nclusters, ru->width, ru->width, NULL, 0};
        rl.x = ashi_arena_alloc(l->a, (ru->text.nclusters + 1) * sizeof *rl.x);
        if (!rl.x)
            return -1;
        double pen = 0;
        for (size_t k = 0; k < ru->text.nclusters; k++) {
            rl.x[k] = (float)pen;
            pen += ru->text.clusters[k].width;
        }
        double rs = ru->text.nclusters ? ru->text.clusters[0].size : cl->size / 2;
        double ry = y - cl->rise - ASCENT * cl->size - (1 - ASCENT) * rs;
        /* inside the base line's span: extracted text is the base only */
        if (emit_line(l, &ru->text, &rl, x + (x0 + x1 - ru->width) / 2, ry, 0))
            return -1;
    }
    if (span && ln->c1 > ln->c0 && !ashi_dl_add_item(l->dl, l->page, ASHI_DL_SPAN_END))
        return -1;
    return 0;
}

/* Emits shaped lines from top y; returns the height used. */
static double emit_lines(L *l, const shaped *s, double x, double top, double width, align al)
{
    double y = top;
    for (size_t i = 0; i < s->nlines; i++) {
        const ashi_line *ln = &s->lines[i];
        if (ln->c1 > ln->c0) {
            double lx = x + (i == 0 ? s->indent : 0);
            if (al == ALIGN_CENTER)
                lx = x + (width - ln->width) / 2;
            else if (al == ALIGN_END)
                lx = x + width - ln->width;
            if (emit_line(l, &s->para, ln, lx, y + s->base[i], 1))
                l->oom = 1;
        }
        y += s->lh[i];
    }
    return y - top;
}

static void add_rect(L *l, double x, double y, double w, double h, uint32_t fill)
{
    ashi_dl_item *it = ashi_dl_add_item(l->dl, l->page, ASHI_DL_RECT);
    if (!it) {
        l->oom = 1;
        return;
    }
    it->u.rect = (ashi_dl_rect){x, y, w, h, fill};
}

static void add_line(L *l, double x1, double y1, double x2, double y2, double w,
                     uint32_t color)
{
    ashi_dl_item *it = ashi_dl_add_item(l->dl, l->page, ASHI_DL_LINE);
    if (!it) {
        l->oom = 1;
        return;
    }
    it->u.line = (ashi_dl_line){x1, y1, x2, y2, w, color};
}

/* A one-style string set on at most max_lines lines, shrinking the size
 * (down to 60 %) until it does; returns -1 when it cannot. */
static int fit_string(L *l, const char *s, ashi_style_id id, ashi_loc loc, double width,
                      int max_lines, shaped *out)
{
    const ashi_text_style *st = &l->t->styles[id];
    for (double size = st->size; size >= st->size * 0.6 - 1e-9; size -= 1) {
        if (shape_text(l, NULL, s, st, size, loc, width, ALIGN_START, out)) {
            l->oom = 1;
            return -1;
        }
        if ((int)out->nlines <= max_lines)
            return 0;
    }
    return -1;
}

/* ---- blocks ------------------------------------------------------------- */

typedef struct frame {
    double x, y, w, h;
} frame;

/* A frame that centres its text (the cover) overrides the style. */
static align para_align(const ashi_text_style *st, align frame)
{
    return frame == ALIGN_CENTER ? ALIGN_CENTER : st->align;
}

/* Lays blocks from the top of the frame; returns the height used. */
static double layout_blocks(L *l, const ashi_block *blocks, frame f, align al)
{
    const ashi_theme *t = l->t;
    const ashi_text_style *body = &t->styles[ASHI_STYLE_BODY];
    double y = f.y;
    for (const ashi_block *b = blocks; b; b = b->next) {
        shaped s;
        if (b->kind == ASHI_BLOCK_H) {
            const ashi_text_style *st = &t->styles[ASHI_STYLE_H];
            if (b != blocks)
                y += body->size * body->leading * 0.35;
            if (shape_text(l, b->inl, NULL, st, st->size, b->loc, f.w, para_align(st, al), &s)) {
                l->oom = 1;
                return 0;
            }
            y += emit_lines(l, &s, f.x, y, f.w, al);
            y += body->size * 0.15;
        } else if (b->kind == ASHI_BLOCK_P) {
            if (shape_text(l, b->inl, NULL, body, body->size, b->loc, f.w, para_align(body, al),
                           &s)) {
                l->oom = 1;
                return 0;
            }
            y += emit_lines(l, &s, f.x, y, f.w, al);
            y += body->size * 0.25;
        } else {
            /* List: the marker hangs, wrapped lines align with the text. */
            shaped m;
            if (shape_text(l, NULL, b->marker, body, body->size, b->loc, f.w, ALIGN_START, &m)) {
                l->oom = 1;
                return 0;
            }
            double indent = m.nlines ? m.lines[0].width : 0;
            for (const ashi_item *it = b->items; it; it = it->next) {
                if (shape_text(l, it->inl, NULL, body, body->size, it->loc, f.w - indent,
                               para_align(body, al), &s)) {
                    l->oom = 1;
                    return 0;
                }
                double x = f.x;
                if (al == ALIGN_CENTER && s.nlines == 1)
                    x = f.x + (f.w - indent - s.lines[0].width) / 2;
                emit_lines(l, &m, x, y, indent, ALIGN_START);
                y += emit_lines(l, &s, x + indent, y, f.w - indent, ALIGN_START);
                y += body->size * 0.1;
            }
            y += body->size * 0.15;
        }
    }
    return y - f.y;
}

/* ---- pages -------------------------------------------------------------- */

static void footer(L *l, size_t page_no)
{
    const ashi_theme *t = l->t;
    double pw = l->page->w, ph = l->page->h;
    double x = ASHI_MM(MARGIN_X), w = pw - 2 * x;
    const ashi_text_style *st = &t->styles[ASHI_STYLE_FOOTER];
    double top = ph - ASHI_MM(FOOTER_BASE) - ASCENT * st->size -
                 (st->size * st->leading - st->size) / 2;
    ashi_loc none = {0, 0};
    shaped s;
    char num[32];
    snprintf(num, sizeof num, "%zu", page_no);
    if (shape_text(l, NULL, num, st, st->size, none, w, ALIGN_START, &s)) {
        l->oom = 1;
        return;
    }
    emit_lines(l, &s, x, top, w, ALIGN_END);
    if (l->doc->author) {
        if (shape_text(l, NULL, l->doc->author, st, st->size, l->doc->loc, w * 0.7, ALIGN_START,
                       &s)) {
            l->oom = 1;
            return;
        }
        s.nlines = s.nlines > 1 ? 1 : s.nlines;
        emit_lines(l, &s, x, top, w, ALIGN_START);
    }
    add_line(l, x, ph - ASHI_MM(FOOTER_H) + ASHI_MM(2), pw - x,
             ph - ASHI_MM(FOOTER_H) + ASHI_MM(2), 0.5, t->colors[ASHI_COLOR_MUTED]);
}

static void background(L *l)
{
    uint32_t bg = l->t->colors[ASHI_COLOR_BACKGROUND];
    if (bg != 0xFFFFFF)
        add_rect(l, 0, 0, l->page->w, l->page->h, bg);
}

static const char *slide_name(L *l, const ashi_slide *s)
{
    if (s->title)
        return s->title;
    char *n = ashi_arena_printf(l->a, "(untitled, page %zu)", l->dl->npages);
    return n ? n : "";
}

static void overflow(L *l, const ashi_slide *s, const char *what, double by)
{
    ashi_diag_add(l->d, ASHI_ERROR, "overflow", s->loc,
                  "slide '%s': %s overflows its frame by %.1f mm", slide_name(l, s), what,
                  by * 25.4 / 72.0);
}

static void content_slide(L *l, const ashi_slide *s)
{
    const ashi_theme *t = l->t;
    double pw = l->page->w, ph = l->page->h;
    double mx = ASHI_MM(MARGIN_X), band = ASHI_MM(BAND_H);
    background(l);
    add_rect(l, 0, 0, pw, band, t->colors[ASHI_COLOR_BAND]);
    add_rect(l, 0, band, pw, ASHI_MM(BAND_RULE), t->colors[ASHI_COLOR_ACCENT]);
    if (s->title) {
        shaped ts;
        if (fit_string(l, s->title, ASHI_STYLE_TITLE, s->loc, pw - 2 * mx, 2, &ts) == 0) {
            double h = ts.height;
            if (h > band)
                overflow(l, s, "the title", h - band);
            emit_lines(l, &ts, mx, (band - h) / 2, pw - 2 * mx, ALIGN_START);
        } else if (!l->oom) {
            overflow(l, s, "the title (more than two lines even at 60 % size)", 0);
        }
    }
    frame f = {mx, band + ASHI_MM(BODY_GAP), pw - 2 * mx, 0};
    f.h = ph - ASHI_MM(FOOTER_H) - f.y;
    double used = layout_blocks(l, s->blocks, f, ALIGN_START);
    if (used > f.h + 0.01)
        overflow(l, s, "the body", used - f.h);
    footer(l, l->dl->npages);
}

static void cover_slide(L *l, const ashi_slide *s)
{
    const ashi_theme *t = l->t;
    double pw = l->page->w, ph = l->page->h;
    double mx = ASHI_MM(MARGIN_X);
    background(l);
    add_rect(l, 0, 0, pw, ASHI_MM(8), t->colors[ASHI_COLOR_BAND]);
    add_rect(l, 0, ph - ASHI_MM(8), pw, ASHI_MM(8), t->colors[ASHI_COLOR_BAND]);
    double y = ph * 0.22;
    if (s->title) {
        shaped ts;
        if (fit_string(l, s->title, ASHI_STYLE_COVER_TITLE, s->loc, pw - 2 * mx, 2, &ts) == 0) {
            y += emit_lines(l, &ts, mx, y, pw - 2 * mx, ALIGN_CENTER);
        } else if (!l->oom) {
            overflow(l, s, "the title (more than two lines even at 60 % size)", 0);
        }
        add_rect(l, pw / 2 - ASHI_MM(30), y + ASHI_MM(3), ASHI_MM(60), ASHI_MM(1.2),
                 t->colors[ASHI_COLOR_ACCENT]);
        y += ASHI_MM(12);
    }
    frame f = {mx * 2, y, pw - 4 * mx, ph - ASHI_MM(14) - y};
    double used = layout_blocks(l, s->blocks, f, ALIGN_CENTER);
    if (used > f.h + 0.01)
        overflow(l, s, "the body", used - f.h);
}

static void section_page(L *l, const ashi_section *sec)
{
    const ashi_theme *t = l->t;
    double pw = l->page->w, ph = l->page->h;
    double mx = ASHI_MM(MARGIN_X);
    add_rect(l, 0, 0, pw, ph, t->colors[ASHI_COLOR_SECTION]);
    shaped ts, ss;
    double h = 0;
    int have_t = sec->title && fit_string(l, sec->title, ASHI_STYLE_SECTION_TITLE, sec->loc,
                                          pw - 2 * mx, 2, &ts) == 0;
    int have_s = sec->subtitle && fit_string(l, sec->subtitle, ASHI_STYLE_SECTION_SUBTITLE,
                                             sec->loc, pw - 2 * mx, 2, &ss) == 0;
    if (sec->title && !have_t && !l->oom)
        ashi_diag_add(l->d, ASHI_ERROR, "overflow", sec->loc,
                      "section '%s': the title needs more than two lines", sec->title);
    if (have_t)
        h += ts.height;
    if (have_s)
        h += ASHI_MM(8) + ss.height;
    double y = (ph - h) / 2;
    if (have_t) {
        y += emit_lines(l, &ts, mx, y, pw - 2 * mx, ALIGN_CENTER);
    }
    if (have_s) {
        add_rect(l, pw / 2 - ASHI_MM(20), y + ASHI_MM(3), ASHI_MM(40), ASHI_MM(0.8),
                 t->colors[ASHI_COLOR_BAND_TEXT]);
        y += ASHI_MM(8);
        emit_lines(l, &ss, mx, y, pw - 2 * mx, ALIGN_CENTER);
    }
}

static int new_page(L *l, ashi_loc loc)
{
    l->page = ashi_dl_add_page(l->dl, l->doc->page_w, l->doc->page_h, loc);
    return l->page ? 0 : -1;
}

static void slide_page(L *l, const ashi_slide *s, int level)
{
    if (new_page(l, s->loc)) {
        l->oom = 1;
        return;
    }
    if (ashi_dl_add_outline(l->dl, level, slide_name(l, s), l->dl->npages - 1))
        l->oom = 1;
    if (s->layout == ASHI_LAYOUT_COVER)
        cover_slide(l, s);
    else
        content_slide(l, s);
}

int ashi_layout(const ashi_doc *doc, const ashi_theme *t, ashi_fontset *fs, ashi_arena *a,
                ashi_diags *d, ashi_dlist *out)
{
    L l = {doc, t, fs, a, d, out, NULL, ashi_text_opts_default(), 0, 0};
    l.opts.autospace = t->autospace;
    l.opts.bracket_start_half = t->bracket_start_half;
    l.opts.hanging = t->hanging;
    out->a = a;
    out->title = doc->title;
    out->author = doc->author;
    out->subject = doc->subject;
    out->date = doc->date;
    out->lang = doc->lang;
    for (const ashi_entry *e = doc->entries; e && !l.oom; e = e->next) {
        if (e->slide) {
            slide_page(&l, e->slide, 0);
            continue;
        }
        const ashi_section *sec = e->section;
        if (new_page(&l, sec->loc)) {
            l.oom = 1;
            break;
        }
        if (ashi_dl_add_outline(out, 0, sec->title ? sec->title : "", out->npages - 1))
            l.oom = 1;
        section_page(&l, sec);
        for (const ashi_slide *s = sec->slides; s && !l.oom; s = s->next_in_section)
            slide_page(&l, s, 1);
    }
    return l.oom ? -1 : 0;
}
