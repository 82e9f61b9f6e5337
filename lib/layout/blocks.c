/* blocks.c — blocks in a frame: headings, paragraphs, lists, columns,
 * boxes, stat callouts, before/after comparisons, spacers, photo
 * placeholders and arrows. Every block is measured (a measuring pass, pass.c) before it is drawn
 * where its size matters; x y w h place a block absolutely on the page.
 * SPDX-License-Identifier: MIT */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "image/image.h"
#include "layout/internal.h"

#define BLOCK_GAP 0.5 /* between blocks, in body sizes */

static double block(L *l, const ashi_block *b, double x, double y, double w, align al);

/* Heights measured on this slide, by what decides them: the blocks, the
 * width, the alignment, the text scale (fit), and where a table may split
 * (the frame's bottom, the table split and its first row). A block nested
 * at any depth is then measured once per width, not once per container
 * above it (which made nesting exponential). */
typedef struct measured {
    const ashi_block *blocks, *split_table;
    double w, scale, frame_bottom, h;
    int al, split_from;
} measured;

struct lay_measure_cache {
    measured *v;
    size_t n, cap; /* cap a power of two */
};

static size_t measure_hash(const measured *k)
{
    uint64_t h = (uint64_t)(uintptr_t)k->blocks * 0x9E3779B97F4A7C15ull;
    uint64_t bits;
    double parts[3] = {k->w, k->scale, k->frame_bottom};
    for (int i = 0; i < 3; i++) {
        memcpy(&bits, &parts[i], sizeof bits);
        h = (h ^ bits) * 0x100000001B3ull;
    }
    h ^= (uint64_t)(k->al * 31 + k->split_from) ^ (uint64_t)(uintptr_t)k->split_table;
    return (size_t)(h ^ h >> 29);
}

static int measure_same(const measured *a, const measured *b)
{
    return a->blocks == b->blocks && a->w == b->w && a->scale == b->scale &&
           a->frame_bottom == b->frame_bottom && a->al == b->al &&
           a->split_table == b->split_table && a->split_from == b->split_from;
}

static measured *measure_slot(struct lay_measure_cache *c, const measured *k)
{
    for (size_t i = measure_hash(k) & (c->cap - 1);; i = (i + 1) & (c->cap - 1))
        if (!c->v[i].blocks || measure_same(&c->v[i], k))
            return &c->v[i];
}

/* Remembers a height; a full table doubles (nothing is remembered when
 * memory runs out: measuring just happens again). */
static void measure_put(L *l, const measured *k)
{
    struct lay_measure_cache *c = l->mem.measure_cache;
    ashi_arena *a = l->mem.cache_arena ? l->mem.cache_arena : l->mem.keep;
    if (!c) {
        c = l->mem.measure_cache = ashi_arena_alloc(a, sizeof *c);
        if (!c)
            return;
    }
    if ((c->n + 1) * 2 > c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        measured *v = ashi_arena_alloc(a, cap * sizeof *v), *old = c->v;
        if (!v)
            return;
        size_t oldcap = c->cap;
        c->v = v;
        c->cap = cap;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].blocks)
                *measure_slot(c, &old[i]) = old[i];
    }
    measured *e = measure_slot(c, k);
    if (!e->blocks)
        c->n++;
    *e = *k;
}

/* What a measuring pass is asked to measure: blocks, or one block. */
typedef struct flow_job {
    const ashi_block *blocks, *one;
    double w;
    align al;
} flow_job;

static double measure_flow(L *l, void *ctx)
{
    const flow_job *j = ctx;
    return ashi_lay_blocks(l, j->blocks, 0, 0, j->w, 0, j->al);
}

static double measure_block(L *l, void *ctx)
{
    const flow_job *j = ctx;
    return block(l, j->one, 0, 0, j->w, j->al);
}

/* Text shaped for a trial (a size that may not be kept). */
typedef struct shape_job {
    const ashi_inline *inl;
    const ashi_text_style *st;
    ashi_loc loc;
    double w;
    shaped *out;
} shape_job;

static double shape_quietly(L *l, void *ctx)
{
    const shape_job *j = ctx;
    return ashi_lay_shape(l, j->inl, NULL, j->st, j->st->size, j->loc, j->w, ALIGN_CENTER, j->out);
}

/* Runs blocks without drawing, to know their height. */
double ashi_lay_measure(L *l, const ashi_block *blocks, double w, align al)
{
    if (!blocks)
        return 0;
    measured k = {blocks, l->fr.split_table, w, l->fr.scale, l->fr.frame_bottom, 0, (int)al,
                  l->fr.split_from};
    struct lay_measure_cache *c = l->mem.measure_cache;
    if (c && c->cap) {
        measured *e = measure_slot(c, &k);
        if (e->blocks)
            return e->h;
    }
    int split_next = l->fr.split_next;
    flow_job job = {blocks, NULL, w, al};
    k.h = ashi_lay_measuring(l, measure_flow, &job);
    /* a table that split while measuring leaves word of it in split_next:
     * such a measure is not remembered, so the word is given again */
    if (!l->oom && l->fr.split_next == split_next)
        measure_put(l, &k);
    return k.h;
}

static double measure_one(L *l, const ashi_block *b, double w, align al)
{
    flow_job job = {NULL, b, w, al};
    return ashi_lay_measuring(l, measure_block, &job);
}

/* ---- text ---------------------------------------------------------------- */

static double text(L *l, const ashi_block *b, ashi_style_id id, double x, double y, double w,
                   align al)
{
    const ashi_text_style *st = &l->in.t->styles[id];
    align a = ashi_lay_text_align(b, st, al);
    shaped s;
    if (ashi_lay_shape(l, b->inl, NULL, st, st->size, b->loc, w, a, &s)) {
        l->oom = 1;
        return 0;
    }
    return ashi_lay_emit_lines(l, &s, x, y, w, a);
}

/* The marker hangs; wrapped lines align under the text, not the marker. */
static double list(L *l, const ashi_block *b, double x, double y, double w, align al)
{
    const ashi_text_style *body = &l->in.t->styles[ASHI_STYLE_BODY];
    shaped m, s;
    if (ashi_lay_shape(l, NULL, b->marker, body, body->size, b->loc, w, ALIGN_START, &m)) {
        l->oom = 1;
        return 0;
    }
    double indent = m.nlines ? m.lines[0].width : 0, top = y;
    for (const ashi_item *it = b->items; it && !ashi_lay_too_tall(l, y - top); it = it->next) {
        align a = ashi_lay_text_align(b, body, al);
        if (ashi_lay_shape(l, it->inl, NULL, body, body->size, it->loc, w - indent, a, &s)) {
            l->oom = 1;
            return 0;
        }
        double ix = x;
        if (al == ALIGN_CENTER && s.nlines == 1)
            ix = x + (w - indent - s.lines[0].width) / 2;
        ashi_lay_begin(l, ASHI_ROLE_LIST_ITEM, NULL, it->loc);
        ashi_lay_begin(l, ASHI_ROLE_LABEL, NULL, it->loc);
        ashi_lay_emit_lines(l, &m, ix, y, indent, ALIGN_START);
        ashi_lay_end(l);
        ashi_lay_begin(l, ASHI_ROLE_LIST_BODY, NULL, it->loc);
        y += ashi_lay_emit_lines(l, &s, ix + indent, y, w - indent, ALIGN_START);
        ashi_lay_end(l);
        ashi_lay_end(l);
        if (it->next)
            y += body->size * l->fr.scale * 0.1;
    }
    return y - top;
}

/* ---- stat and compare ----------------------------------------------------- */

/* A run of plain text in a style, for building a one-line paragraph of
 * several sizes that share a baseline. */
static ashi_inline *run(L *l, const char *text, const ashi_text_style *st, ashi_loc loc)
{
    ashi_inline *in = ashi_arena_alloc(l->mem.a, sizeof *in);
    if (!in) {
        l->oom = 1;
        return NULL;
    }
    /* the size to a thousandth of a point, as a span would give it */
    char num[48];
    double size = st->size;
    ashi_snprintf(num, sizeof num, "%.3f", st->size);
    ashi_parse_number(num, &size);
    in->kind = ASHI_INL_TEXT;
    in->text = text;
    in->len = strlen(text);
    in->flags = st->bold ? ASHI_INL_BOLD : 0;
    in->size = (ashi_len){size, 1, 0};
    in->color = (ashi_color){ASHI_COLOR_IS_RGB, st->color}; /* a cmyk() colour too */
    in->loc = in->span_loc = loc;
    return in;
}

static double styled(L *l, const char *s, ashi_style_id id, ashi_loc loc, double x, double y,
                     double w)
{
    const ashi_text_style *st = &l->in.t->styles[id];
    shaped sh;
    if (ashi_lay_shape(l, NULL, s, st, st->size, loc, w, ALIGN_CENTER, &sh)) {
        l->oom = 1;
        return 0;
    }
    return ashi_lay_emit_lines(l, &sh, x, y, w, ALIGN_CENTER);
}

/* label / value+unit on one baseline / note, centred */
static double stat(L *l, const ashi_block *b, double x, double y, double w)
{
    const ashi_theme *t = l->in.t;
    const char *label = b->p->label, *value = b->p->value;
    const char *unit = b->p->unit, *note = b->p->note;
    double top = y;
    if (!value)
        return 0; /* reported at load */
    value = ashi_lay_format_text(l, b->p->format, value);
    if (label)
        y += styled(l, label, ASHI_STYLE_STAT_LABEL, b->loc, x, y, w);
    /* The number and its unit stay on one line: in a narrow frame they get
     * smaller (down to half size) rather than break. */
    uint32_t c = ashi_lay_col(l, b->p->color, t->styles[ASHI_STYLE_STAT_VALUE].color);
    shaped s;
    for (double k = 1; k >= 0.5 - 1e-9; k -= 0.05) {
        ashi_text_style vs = t->styles[ASHI_STYLE_STAT_VALUE], us = t->styles[ASHI_STYLE_STAT_UNIT];
        vs.color = us.color = c;
        vs.size *= k;
        us.size *= k;
        ashi_inline *v = run(l, value, &vs, b->loc);
        if (v && unit)
            v->next = run(l, unit, &us, b->loc);
        /* trying sizes, measuring: no warning about split words */
        shape_job job = {v, &vs, b->loc, w, &s};
        int rc = !v || ashi_lay_measuring(l, shape_quietly, &job) != 0;
        if (rc) {
            l->oom = 1;
            return 0;
        }
        if (s.nlines <= 1 || k < 0.5 + 0.01) {
            if (s.nlines > 1 &&
                ashi_lay_shape(l, v, NULL, &vs, vs.size, b->loc, w, ALIGN_CENTER, &s)) {
                l->oom = 1; /* (shaped again, to report the split) */
                return 0;
            }
            break;
        }
    }
    y += ashi_lay_emit_lines(l, &s, x, y, w, ALIGN_CENTER);
    if (note)
        y += styled(l, note, ASHI_STYLE_STAT_NOTE, b->loc, x, y, w);
    return y - top;
}

/* A solid arrow pointing right (or down) inside the given box. */
static void arrow_shape(L *l, double x, double y, double w, double h, int down, int block_style,
                        uint32_t fill)
{
    double xy[14];
    size_t n;
    if (!block_style) {
        /* ▶ a triangle */
        if (!down) {
            double s = h < w ? h : w;
            double cx = x + (w - s * 0.87) / 2;
            xy[0] = cx, xy[1] = y + (h - s) / 2;
            xy[2] = cx + s * 0.87, xy[3] = y + h / 2;
            xy[4] = cx, xy[5] = y + (h + s) / 2;
        } else {
            double s = h < w ? h : w;
            double cy = y + (h - s * 0.87) / 2;
            xy[0] = x + (w - s) / 2, xy[1] = cy;
            xy[2] = x + (w + s) / 2, xy[3] = cy;
            xy[4] = x + w / 2, xy[5] = cy + s * 0.87;
        }
        n = 3;
    } else {
        /* ⇒ a shaft and a head */
        if (!down) {
            double head = h < w / 2 ? h : w / 2, sh = h * 0.22;
            double my = y + h / 2;
            double p[14] = {x,           my - sh,   x + w - head, my - sh, x + w - head, y,
                            x + w,       my,        x + w - head, y + h,   x + w - head, my + sh,
                            x,           my + sh};
            memcpy(xy, p, sizeof p);
        } else {
            double head = w < h / 2 ? w : h / 2, sw = w * 0.22;
            double mx = x + w / 2;
            double p[14] = {mx - sw, y,        mx + sw, y,     mx + sw, y + h - head, x + w,
                            y + h - head,      mx,      y + h, x,       y + h - head, mx - sw,
                            y + h - head};
            memcpy(xy, p, sizeof p);
        }
        n = 7;
    }
    ashi_lay_path(l, xy, n, fill);
}

/* before ▶ ratio ▶ after */
static double compare(L *l, const ashi_block *b, double x, double y, double w)
{
    const ashi_block *before = b->children, *after = before ? before->next : NULL;
    if (!before || !after)
        return 0;
    double mid = w * 0.25 < ASHI_MM(34) ? w * 0.25 : ASHI_MM(34), sw = (w - mid) / 2;
    const char *ratio = b->p->ratio;
    double hb = measure_one(l, before, sw, ALIGN_CENTER);
    double ha = measure_one(l, after, sw, ALIGN_CENTER);
    double h = hb > ha ? hb : ha;
    if (l->out.measuring)
        return h;
    block(l, before, x, y + (h - hb) / 2, sw, ALIGN_CENTER);
    block(l, after, x + sw + mid, y + (h - ha) / 2, sw, ALIGN_CENTER);
    /* the arrow in the middle, the ratio above it */
    double ah = ASHI_MM(9), ay = y + (h - ah) / 2;
    if (ratio) {
        const ashi_text_style *st = &l->in.t->styles[ASHI_STYLE_STAT_UNIT];
        shaped s;
        if (ashi_lay_shape(l, NULL, ratio, st, st->size * 0.8, b->loc, mid, ALIGN_CENTER, &s)) {
            l->oom = 1;
            return 0;
        }
        ay = y + (h - ah - s.height) / 2 + s.height;
        ashi_lay_emit_lines(l, &s, x + sw, ay - s.height, mid, ALIGN_CENTER);
    }
    arrow_shape(l, x + sw + mid * 0.12, ay, mid * 0.76, ah, 0, 1,
                l->in.t->colors[ASHI_COLOR_ACCENT]);
    return h;
}

/* ---- containers ----------------------------------------------------------- */

/* fill, border ("0.75pt accent dashed"), radius, padding, valign */
static double box(L *l, const ashi_block *b, double x, double y, double w, double fixed_h,
                  align al)
{
    const ashi_props *p = b->p;
    double pad = ashi_lay_len(&p->padding, 0, ASHI_MM(4));
    double radius = ashi_lay_len(&p->radius, 0, 0);
    uint32_t fill = ashi_lay_col(l, p->fill, ASHI_NO_COLOR);
    uint32_t stroke = ASHI_NO_COLOR;
    double bw = 0, dash = 0;
    if (p->border.set) {
        bw = p->border.width;
        stroke = ashi_lay_col(l, p->border.color, ASHI_NO_COLOR);
        dash = p->border.dashed ? 3 * bw + 2 : 0;
    }
    double inner_w = w - 2 * pad;
    double content = ashi_lay_measure(l, b->children, inner_w, al);
    double h = fixed_h > 0 ? fixed_h : content + 2 * pad;
    if (l->out.measuring)
        return h; /* measuring: the content is measured, not laid again */
    if (fixed_h > 0 && content > h - 2 * pad + 0.01)
        ashi_diag_add(D(l), l->in.draft ? ASHI_WARNING : ASHI_ERROR, "overflow", b->loc,
                      "the box's content overflows it by %.1f mm",
                      (content - (h - 2 * pad)) * 25.4 / 72);
    ashi_lay_box(l, x, y, w, h, fill, stroke, bw, radius, dash);
    double off = (h - 2 * pad - content) * ashi_lay_valign(b, 0);
    ashi_lay_blocks(l, b->children, x + pad, y + pad + (off > 0 ? off : 0), inner_w, 0, al);
    return h;
}

/* Column widths: fixed ones as written, fr shares of what is left. */
static int column_widths(L *l, const ashi_block *b, double w, double gap, double *out, int n)
{
    lay_width spec[64];
    if (ashi_lay_widths(b, n, w - gap * (n - 1), 0, spec))
        return -1;
    double fixed = 0, fr = 0;
    for (int i = 0; i < n; i++) {
        if (spec[i].kind == LAY_W_FIXED)
            fixed += spec[i].v;
        else
            fr += spec[i].v;
    }
    double left = w - gap * (n - 1) - fixed;
    if (left < -0.01) {
        ashi_diag_add(D(l), ASHI_ERROR, "overflow", b->loc,
                      "the columns are %.1f mm wider than their frame", -left * 25.4 / 72);
        return -1;
    }
    for (int i = 0; i < n; i++)
        out[i] = spec[i].kind == LAY_W_FIXED ? spec[i].v : (fr > 0 ? left * spec[i].v / fr : 0);
    return 0;
}

static double columns(L *l, const ashi_block *b, double x, double y, double w, align al)
{
    int n = 0;
    for (const ashi_block *c = b->children; c; c = c->next)
        n++;
    if (n == 0)
        return 0;
    if (n > 64)
        return 0; /* reported at load */
    double gap = ashi_lay_len(&b->p->gap, 0, ASHI_MM(6)), widths[64], heights[64], h = 0;
    if (column_widths(l, b, w, gap, widths, n))
        return 0;
    int i = 0;
    for (const ashi_block *c = b->children; c; c = c->next, i++) {
        heights[i] = ashi_lay_measure(l, c->children, widths[i], al);
        h = heights[i] > h ? heights[i] : h;
    }
    if (l->out.measuring)
        return h; /* measuring: each column is measured, not laid again */
    double cx = x;
    i = 0;
    for (const ashi_block *c = b->children; c; c = c->next, i++) {
        double off = (h - heights[i]) * ashi_lay_valign(c, 0);
        ashi_lay_begin(l, ASHI_ROLE_GROUP, NULL, c->loc);
        ashi_lay_blocks(l, c->children, cx, y + off, widths[i], 0, al);
        ashi_lay_end(l);
        cx += widths[i] + gap;
    }
    return h;
}

/* ---- leaves ---------------------------------------------------------------- */

/* A frame for a photo still to come: grey, dashed, crossed, labelled. */
static double placeholder(L *l, const ashi_block *b, double x, double y, double w, double h)
{
    if (h <= 0) {
        h = ASHI_MM(45);
        if (b->p->aspect_w > 0)
            h = w * b->p->aspect_h / b->p->aspect_w;
    }
    uint32_t grey = 0xEEEEEE, line = 0x9A9A9A;
    ashi_lay_box(l, x, y, w, h, grey, line, 1, 0, 4);
    ashi_lay_line(l, x, y, x + w, y + h, 0.5, 0xC4C4C4, 0);
    ashi_lay_line(l, x + w, y, x, y + h, 0.5, 0xC4C4C4, 0);
    const char *label = b->p->label;
    char *text = ashi_arena_printf(l->mem.a, "【写真・差し替え予定】%s", label ? label : "");
    if (!text) {
        l->oom = 1;
        return h;
    }
    const ashi_text_style *st = &l->in.t->styles[ASHI_STYLE_CAPTION];
    shaped s;
    double inner = w - ASHI_MM(8);
    l->fr.phrase = 1; /* a caption: at its spaces, and no lone last character */
    int rc = ashi_lay_shape(l, NULL, text, st, st->size, b->loc, inner > 10 ? inner : 10,
                            ALIGN_CENTER, &s);
    l->fr.phrase = 0;
    if (rc) {
        l->oom = 1;
        return h;
    }
    /* a white plate behind the label keeps it readable over the cross */
    double ty = y + (h - s.height) / 2;
    double pw = 0;
    for (size_t i = 0; i < s.nlines; i++)
        pw = s.lines[i].width > pw ? s.lines[i].width : pw;
    ashi_lay_rect(l, x + (w - pw) / 2 - ASHI_MM(2), ty - ASHI_MM(1), pw + ASHI_MM(4),
                  s.height + ASHI_MM(2), 0xFFFFFF);
    ashi_lay_emit_lines(l, &s, x + ASHI_MM(4), ty, inner > 10 ? inner : 10, ALIGN_CENTER);
    return h;
}

static double arrow(L *l, const ashi_block *b, double x, double y, double w, double h)
{
    int down = b->p->dir != ASHI_DIR_RIGHT;
    if (h <= 0)
        h = ASHI_MM(down ? 10 : 12);
    double aw = down ? ASHI_MM(16) : w;
    arrow_shape(l, x + (w - aw) / 2, y, aw, h, down, b->p->arrow_style == ASHI_ARROW_BLOCK,
                ashi_lay_col(l, b->p->color, l->in.t->colors[ASHI_COLOR_ACCENT]));
    const char *label = b->p->label;
    if (label && !down)
        h += styled(l, label, ASHI_STYLE_CAPTION, b->loc, x, y + h, w);
    return h;
}

/* fit="contain" (whole image inside the box) or "cover" (box filled,
 * clipped); height from h, else the image's own proportions; caption below. */
static double image(L *l, const ashi_block *b, double x, double y, double w, double h)
{
    if (!b->p->src)
        return 0; /* reported at load */
    int cover = b->p->fit == ASHI_FIT_COVER;
    const ashi_image *im = b->image; /* decoded at load (NULL: reported there) */
    double iw = im ? im->w : 4, ih = im ? im->h : 3;
    if (h <= 0)
        h = im ? w * ih / iw : 0; /* a broken image (reported) takes no room */
    double s = cover ? (w / iw > h / ih ? w / iw : h / ih) : (w / iw < h / ih ? w / iw : h / ih);
    double dw = iw * s, dh = ih * s;
    if (im)
        ashi_lay_image(l, im, x + (w - dw) / 2, y + (h - dh) / 2, dw, dh, cover ? x : 0, y,
                       cover ? w : 0, h, b->p->alt, ashi_block_attr_loc(b, "src"));
    const char *caption = b->p->caption;
    if (caption) {
        ashi_lay_begin(l, ASHI_ROLE_CAPTION, NULL, b->loc);
        h += ASHI_MM(1.5) +
             styled(l, caption, ASHI_STYLE_CAPTION, b->loc, x, y + h + ASHI_MM(1.5), w);
        ashi_lay_end(l);
    }
    return h;
}

/* ---- dispatch ---------------------------------------------------------------- */

static double block_h(L *l, const ashi_block *b, double x, double y, double w, double h,
                      align al)
{
    switch (b->kind) {
    case ASHI_BLOCK_H: {
        /* headings wrap at their spaces when that costs no line */
        l->fr.phrase = 1;
        double r = text(l, b, ASHI_STYLE_H, x, y, w, al);
        l->fr.phrase = 0;
        return r;
    }
    case ASHI_BLOCK_P:
        return text(l, b, ASHI_STYLE_BODY, x, y, w, al);
    case ASHI_BLOCK_LIST:
        return list(l, b, x, y, w, al);
    case ASHI_BLOCK_COLUMNS:
        return columns(l, b, x, y, w, al);
    case ASHI_BLOCK_COLUMN:
        return ashi_lay_blocks(l, b->children, x, y, w, 0, al);
    case ASHI_BLOCK_BOX:
        return box(l, b, x, y, w, h, al);
    case ASHI_BLOCK_STAT:
        return stat(l, b, x, y, w);
    case ASHI_BLOCK_COMPARE:
        return compare(l, b, x, y, w);
    case ASHI_BLOCK_SPACER:
        return h > 0 ? h : l->in.t->styles[ASHI_STYLE_BODY].size * l->fr.scale;
    case ASHI_BLOCK_PLACEHOLDER:
        return placeholder(l, b, x, y, w, h);
    case ASHI_BLOCK_ARROW:
        return arrow(l, b, x, y, w, h);
    case ASHI_BLOCK_IMAGE:
        return image(l, b, x, y, w, h);
    case ASHI_BLOCK_TABLE:
        return ashi_lay_table(l, b, x, y, w);
    case ASHI_BLOCK_CHART:
        return ashi_lay_chart(l, b, x, y, w, h);
    case ASHI_BLOCK_COL:
    case ASHI_BLOCK_ROW:
    case ASHI_BLOCK_CELL:
    case ASHI_BLOCK_CATEGORY:
    case ASHI_BLOCK_SERIES:
        return 0; /* laid out by their table or chart */
    }
    return 0;
}

/* The role a block's items carry in the display list, and the
 * alternative text of a figure; -1: none (a spacer). */
static int role_of(const ashi_block *b, const char **alt)
{
    *alt = NULL;
    switch (b->kind) {
    case ASHI_BLOCK_H:
        return ASHI_ROLE_HEADING;
    case ASHI_BLOCK_P:
        return ASHI_ROLE_PARAGRAPH;
    case ASHI_BLOCK_LIST:
        return ASHI_ROLE_LIST;
    case ASHI_BLOCK_COLUMNS:
    case ASHI_BLOCK_COLUMN:
    case ASHI_BLOCK_BOX:
        return ASHI_ROLE_GROUP;
    case ASHI_BLOCK_STAT:
    case ASHI_BLOCK_COMPARE:
        return ASHI_ROLE_PHRASE;
    case ASHI_BLOCK_TABLE:
        return ASHI_ROLE_TABLE;
    case ASHI_BLOCK_IMAGE:
        *alt = b->alt;
        /* alt="" says the image is decoration */
        return *alt && !**alt ? ASHI_ROLE_ARTIFACT : ASHI_ROLE_FIGURE;
    case ASHI_BLOCK_PLACEHOLDER:
        *alt = b->alt;
        return ASHI_ROLE_FIGURE;
    case ASHI_BLOCK_CHART:
        *alt = b->alt;
        return ASHI_ROLE_FIGURE;
    case ASHI_BLOCK_ARROW:
        *alt = b->p->label;
        return *alt ? ASHI_ROLE_FIGURE : ASHI_ROLE_ARTIFACT;
    default:
        return -1;
    }
}

static double block(L *l, const ashi_block *b, double x, double y, double w, align al)
{
    const char *alt;
    int role = l->out.measuring ? -1 : role_of(b, &alt);
    if (role >= 0 && b->kind == ASHI_BLOCK_CHART)
        ashi_lay_begin_figure(l, alt, ashi_lay_chart_table(l, b), b->loc);
    else if (role >= 0)
        ashi_lay_begin(l, (ashi_dl_role)role, alt, b->loc);
    double h = block_h(l, b, x, y, w, ashi_lay_len(&b->p->h, 0, 0), al);
    if (role >= 0)
        ashi_lay_end(l);
    return h;
}

/* Space before a block in the flow, after the previous one. */
static double gap_before(L *l, const ashi_block *prev, const ashi_block *b)
{
    const ashi_text_style *body = &l->in.t->styles[ASHI_STYLE_BODY];
    double size = body->size * l->fr.scale;
    if (!prev)
        return 0;
    if (b->kind == ASHI_BLOCK_H)
        return size * body->leading * 0.35 + (prev->kind == ASHI_BLOCK_H ? 0 : size * 0.25);
    if (prev->kind == ASHI_BLOCK_H)
        return size * 0.15;
    if (b->kind == ASHI_BLOCK_P && prev->kind == ASHI_BLOCK_P)
        return size * 0.25;
    if ((b->kind == ASHI_BLOCK_P || b->kind == ASHI_BLOCK_LIST) &&
        (prev->kind == ASHI_BLOCK_P || prev->kind == ASHI_BLOCK_LIST))
        return size * 0.25;
    return size * BLOCK_GAP;
}

int ashi_lay_too_tall(L *l, double extent)
{
    double page = l->out.page ? l->out.page->h : l->in.doc->page_h;
    if (extent > 10 * page)
        l->fr.cut = 1;
    return l->fr.cut;
}

double ashi_lay_blocks(L *l, const ashi_block *blocks, double x, double y, double w, double h,
                       align al)
{
    (void)h;
    double top = y;
    const ashi_block *prev = NULL;
    int skipping = l->fr.split_from > 0; /* a continuation page starts at its table */
    for (const ashi_block *b = blocks; b && !l->oom; b = b->next) {
        if (ashi_lay_too_tall(l, y - top))
            break;
        if (skipping && b != l->fr.split_table)
            continue;
        skipping = 0;
        const ashi_props *p = b->p;
        if (p->x.set || p->y.set) {
            /* absolute: page coordinates, out of the flow */
            double bx = ashi_lay_len(&p->x, 0, ASHI_MM(MARGIN_X));
            double by = ashi_lay_len(&p->y, 0, ASHI_MM(BAND_H + BODY_GAP));
            double bw = ashi_lay_len(&p->w, l->out.page ? l->out.page->w : 0, w);
            if (!l->out.measuring)
                block(l, b, bx, by, bw, al);
            continue;
        }
        y += gap_before(l, prev, b);
        double bw = ashi_lay_len(&p->w, w, w);
        double bx = x + (al == ALIGN_CENTER ? (w - bw) / 2 : 0);
        y += block(l, b, bx, y, bw, al);
        prev = b;
        if (l->fr.split_next)
            break; /* the rest follows the table on its next page */
    }
    return y - top;
}

const lay_flow ashi_lay_the_flow = {ashi_lay_blocks, ashi_lay_measure};
