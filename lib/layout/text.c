/* text.c — shaped paragraphs on the page: spans from inline runs, line
 * heights, glyph runs with their source text. SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include "layout/internal.h"

/* ---- text --------------------------------------------------------------- */

static ashi_span base_span(const L *l, const ashi_text_style *st, ashi_loc loc)
{
    ashi_span s = {0};
    s.family = st->family;
    s.bold = st->bold;
    s.size = st->size;
    s.color = l->fr.text_color != ASHI_NO_COLOR ? l->fr.text_color : st->color;
    s.tracking = (float)st->tracking;
    s.palt = st->palt;
    s.loc = loc;
    return s;
}

/* <span size>: a length (checked at load), or a percentage of the
 * surrounding size, which must give 4pt to 400pt. */
static double span_size(L *l, const ashi_inline *i, double size)
{
    if (!i->size.pct)
        return i->size.v;
    double v = i->size.v * size / 100;
    if (!(v >= 4 && v <= 400)) {
        ashi_diag_add(D(l), ASHI_ERROR, "bad-value", i->span_loc,
                      "size '%g%%' gives %.1fpt: it must give 4pt to 400pt", i->size.v, v);
        return size;
    }
    return v;
}

/* Line heights and baselines: the tallest run of a line sets its height;
 * superscripts and readings (ruby) grow it only when the leading cannot
 * hold them. */
static int measure_lines(L *l, const ashi_text_style *st, shaped *out)
{
    out->lh = ashi_arena_alloc(l->mem.a, (out->nlines + 1) * sizeof *out->lh);
    out->base = ashi_arena_alloc(l->mem.a, (out->nlines + 1) * sizeof *out->base);
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
        double pitch = st->pitch * l->fr.scale;
        double lh = pitch > 0 ? (pitch > nominal ? pitch : nominal) : nominal * st->leading;
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

/* A label, heading or title that wraps reads better broken at its spaces (北口榛花選手 /
 * 凱旋パレード rather than 凱旋パ / レード): when breaking only there makes
 * no more lines and splits no word, those lines are taken. */
static int is_space(uint32_t cp) { return cp == ' ' || cp == 0x3000; }

static int phrase_breaks(L *l, shaped *out, double width, align al)
{
    ashi_para *p = &out->para;
    size_t n = p->nclusters, spaces = 0;
    if (al == ALIGN_JUSTIFY)
        return 0; /* shorter lines would only be spread */
    for (size_t i = 1; i < n; i++)
        spaces += is_space(p->clusters[i - 1].cp) && !is_space(p->clusters[i].cp);
    if (!spaces)
        return 0;
    uint8_t *saved = ashi_arena_alloc(l->mem.a, n + 1);
    if (!saved)
        return -1;
    /* a space after a lone mark (■ 見出し) is no phrase boundary */
    size_t word = 0; /* non-space clusters since the last space */
    for (size_t i = 0; i < n; i++) {
        saved[i] = p->clusters[i].brk;
        int after_phrase = i > 0 && is_space(p->clusters[i - 1].cp) && word > 1;
        if (p->clusters[i].brk == ASHI_BRK_OK && !after_phrase)
            p->clusters[i].brk = ASHI_BRK_NO;
        if (p->clusters[i].cls == ASHI_CL_BREAK)
            word = 0;
        else if (!is_space(p->clusters[i].cp))
            word = i > 0 && is_space(p->clusters[i - 1].cp) ? 1 : word + 1;
    }
    ashi_line *lines;
    size_t nlines;
    int rc =
        ashi_break_lines(p, width, out->indent, al, &l->in.opts, l->mem.a, NULL, &lines, &nlines);
    int good = rc == 0 && nlines <= out->nlines;
    /* nor a line left short in the middle (稲田 / 朋美 / 整備…) */
    for (size_t i = 0; good && i + 1 < nlines; i++)
        good = lines[i].natural >= width / 4;
    /* every line must start where a break was allowed: no word split */
    for (size_t i = 1; good && i < nlines; i++)
        good = p->clusters[lines[i].c0].brk != ASHI_BRK_NO;
    for (size_t i = 0; i < n; i++)
        p->clusters[i].brk = saved[i];
    if (rc)
        return -1;
    if (good) {
        out->lines = lines;
        out->nlines = nlines;
    }
    return 0;
}

/* A heading, title or caption whose last line is one lone character
 * (…状況イメー / ジ) is broken again an em narrower, when that makes no
 * more lines, so that the last line carries a few. */
static int no_widow(L *l, shaped *out, double width, align al)
{
    const ashi_para *p = &out->para;
    const ashi_line *last = &out->lines[out->nlines - 1];
    if (al == ALIGN_JUSTIFY || last->c1 - last->c0 != 1 || p->nclusters < 6)
        return 0;
    double em = p->clusters[last->c0].size;
    for (int k = 1; k <= 3; k++) {
        ashi_line *lines;
        size_t nlines;
        if (ashi_break_lines(p, width - em * k, out->indent, al, &l->in.opts, l->mem.a, NULL,
                             &lines, &nlines))
            return -1;
        if (nlines != out->nlines)
            return 0;
        if (lines[nlines - 1].c1 - lines[nlines - 1].c0 > 1) {
            out->lines = lines;
            return 0;
        }
    }
    return 0;
}

/* Shapes and breaks inline runs (or a plain string when inl is NULL). */
int ashi_lay_shape(L *l, const ashi_inline *inl, const char *plain, const ashi_text_style *st,
                   double size, ashi_loc loc, double width, align al, shaped *out)
{
    size *= l->fr.scale; /* a frame shrunk to fit */
    size_t n = 0;
    for (const ashi_inline *i = inl; i; i = i->next)
        n++;
    ashi_span *spans = ashi_arena_alloc(l->mem.a, (n + 1) * sizeof *spans);
    if (!spans)
        return -1;
    /* Text no page could show is refused before it costs memory. */
    size_t bytes = plain ? strlen(plain) : 0;
    for (const ashi_inline *i = inl; i; i = i->next)
        bytes += i->len + (i->ruby ? strlen(i->ruby) : 0);
    if (bytes > l->in.limits.text_bytes) {
        memset(out, 0, sizeof *out);
        out->size = size;
        if (!ashi_diag_has(l->out.d, "limit", loc))
            ashi_diag_add(l->out.d, ASHI_ERROR, "limit", loc,
                          "this text is %zu bytes, over the text-bytes limit of %zu", bytes,
                          l->in.limits.text_bytes);
        return 0;
    }
    const ashi_text_style *em = &l->in.t->styles[ASHI_STYLE_EM];
    size_t k = 0;
    if (plain) {
        spans[k] = base_span(l, st, loc);
        spans[k].size = size;
        spans[k].text = plain;
        spans[k++].len = strlen(plain);
    }
    for (const ashi_inline *i = inl; i; i = i->next) {
        ashi_span *s = &spans[k++];
        *s = base_span(l, st, i->loc);
        s->size = size;
        s->brk = i->kind == ASHI_INL_BREAK;
        s->text = i->text;
        s->len = i->len;
        s->group = i->group;
        if (i->ruby) {
            s->ruby = i->ruby;
            s->ruby_len = strlen(i->ruby);
            s->ruby_mode = i->ruby_mode == ASHI_RUBYMODE_MONO     ? ASHI_RUBY_MONO
                           : i->ruby_mode == ASHI_RUBYMODE_JUKUGO ? ASHI_RUBY_JUKUGO
                                                                  : ASHI_RUBY_GROUP;
        }
        if (i->flags & ASHI_INL_BOLD)
            s->bold = 1;
        if (i->flags & ASHI_INL_EM) {
            s->color = em->color;
            s->bold |= em->bold;
        }
        s->color = ashi_lay_col(l, i->color, s->color);
        if (i->size.set)
            s->size = span_size(l, i, size);
        if (i->flags & (ASHI_INL_SUP | ASHI_INL_SUB)) {
            /* scaled to 70 %, raised a third of an em or lowered a tenth */
            s->rise = (float)((i->flags & ASHI_INL_SUP ? 0.33 : -0.1) * s->size);
            s->size *= 0.7;
        }
        const ashi_font_family *fam = &l->in.fs->families[s->family];
        if (s->bold && fam->bold == fam->regular) {
            s->fake_bold = 1;
            if (!l->out.measuring && !(l->out.warned_bold & (1u << s->family))) {
                l->out.warned_bold |= 1u << s->family;
                ashi_diag_add(D(l), ASHI_WARNING, "no-bold", i->loc,
                              "font '%s' has no bold face; bold text is drawn with a stroked "
                              "outline",
                              l->in.t->families[s->family].name);
            }
        }
    }
    /* the same text measured a moment ago: its lines */
    if (ashi_lay_reuse_find(l, spans, k, st, size, width, al, out))
        return 0;
    size_t asked = D(l)->asked;
    memset(out, 0, sizeof *out);
    out->size = size;
    out->line_h = st->pitch > 0 ? st->pitch * l->fr.scale : size * st->leading;
    out->indent = al == ALIGN_CENTER || al == ALIGN_END ? 0 : st->indent;
    ashi_mem *m = ashi_arena_mem(l->mem.a);
    ashi_phase_mark t = ashi_phase_begin(m);
    if (!l->mem.shape_cache) /* NULL when out of memory: shaping uncached */
        l->mem.shape_cache =
            ashi_shape_cache_new(l->mem.cache_arena ? l->mem.cache_arena : l->mem.keep);
    int rc = ashi_shape_cached(l->in.fs, l->mem.shape_cache, spans, k, l->mem.a, D(l), &out->para);
    ashi_phase_end(m, ASHI_PHASE_SHAPE, t);
    if (rc)
        return -1;
    t = ashi_phase_begin(m);
    ashi_space(&out->para, &l->in.opts);
    rc = ashi_break_lines(&out->para, width, out->indent, al, &l->in.opts, l->mem.a, D(l),
                          &out->lines, &out->nlines);
    if (rc == 0 && l->fr.phrase && out->nlines > 1)
        rc = phrase_breaks(l, out, width, al);
    if (rc == 0 && l->fr.phrase && out->nlines > 1)
        rc = no_widow(l, out, width, al);
    ashi_phase_end(m, ASHI_PHASE_BREAK, t);
    if (rc || measure_lines(l, st, out))
        return -1;
    if (D(l)->asked == asked) /* what warns is made again, to warn when drawn */
        ashi_lay_reuse_put(l, spans, k, st, size, width, al, out);
    return 0;
}

/* Glyph runs for clusters [c, end) of a line, one per stretch of the same
 * face, size and colour; text is the line's (from byte t0 of the
 * paragraph). */
static int emit_runs(L *l, const ashi_para *p, const ashi_line *ln, size_t c, size_t end,
                     double x, double y, const char *text, size_t t0)
{
    while (c < end) {
        const ashi_cluster *first = &p->clusters[c];
        size_t e = c;
        size_t ng = 0;
        while (e < end && p->clusters[e].face == first->face &&
               p->clusters[e].size == first->size && p->clusters[e].color == first->color &&
               p->clusters[e].fake_bold == first->fake_bold) {
            ng += p->clusters[e].ng;
            e++;
        }
        ashi_dl_item *it = ashi_dl_add_item(l->out.dl, l->out.page, ASHI_DL_RUN);
        ashi_dl_glyph *g = ashi_arena_alloc(l->mem.keep, (ng + 1) * sizeof *g);
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
        r->text = text + (first->off - t0);
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
    return 0;
}

static int emit_line(L *l, const ashi_para *p, const ashi_line *ln, double x, double y,
                     int span);

/* Readings over the part of their base in clusters [from, end) of the
 * line, centred over it: the whole reading when the whole base is here; a
 * base too long for one line carries on each line the share of the
 * reading its clusters make of the base (rather than the whole reading
 * again on every line, which costs the base's lines times the reading). */
static int emit_readings(L *l, const ashi_para *p, const ashi_line *ln, size_t from, size_t end,
                         double x, double y)
{
    for (size_t i = from; i < end; i++) {
        const ashi_cluster *cl = &p->clusters[i];
        if (!cl->ruby || (i > from && p->clusters[i - 1].ruby == cl->ruby))
            continue;
        const ashi_ruby *ru = &p->rubies[cl->ruby - 1];
        size_t last = ru->c1 - 1 < end ? ru->c1 - 1 : end - 1;
        size_t nbase = ru->c1 - ru->c0, nread = ru->text.nclusters;
        size_t r0 = nread * (i - ru->c0) / nbase, r1 = nread * (last + 1 - ru->c0) / nbase;
        if (r1 == r0)
            continue;
        ashi_line rl = {r0, r1, 0, 0, NULL, 0};
        rl.x = ashi_arena_alloc(l->mem.a, (r1 - r0 + 1) * sizeof *rl.x);
        if (!rl.x)
            return -1;
        double pen = 0;
        for (size_t k = r0; k < r1; k++) {
            rl.x[k - r0] = (float)pen;
            pen += ru->text.clusters[k].width;
        }
        rl.width = rl.natural = r0 == 0 && r1 == nread ? ru->width : pen;
        double rx;
        if (i == ru->c0 && last + 1 == ru->c1) {
            rx = ashi_ruby_x(p, ru, ln); /* the whole base is on this line */
        } else {
            double x0 = ln->x[i - ln->c0], x1 = ln->x[last - ln->c0] + p->clusters[last].width;
            rx = (x0 + x1 - rl.width) / 2;
        }
        double rs = ru->text.clusters[r0].size;
        double ry = y - cl->rise - ASCENT * cl->size - (1 - ASCENT) * rs;
        if (emit_line(l, &ru->text, &rl, x + rx, ry, 0))
            return -1;
    }
    return 0;
}

static int span_begin(L *l, const char *text, size_t len)
{
    ashi_dl_item *sp = ashi_dl_add_item(l->out.dl, l->out.page, ASHI_DL_SPAN_BEGIN);
    if (!sp)
        return -1;
    sp->u.span.text = text;
    sp->u.span.len = len;
    return 0;
}

static int span_end(L *l)
{
    return ashi_dl_add_item(l->out.dl, l->out.page, ASHI_DL_SPAN_END) ? 0 : -1;
}

/* Emits one line as glyph runs. x is the line's start, y its baseline.
 * With span, its text is kept exactly (ActualText): the whole line as one
 * span, or, on a line with ruby, each stretch of it, a ruby being its base
 * (a span of the base text) and its reading (a span of no text, so that
 * copied text is the source's) inside ruby structure items. */
static int emit_line(L *l, const ashi_para *p, const ashi_line *ln, double x, double y,
                     int span)
{
    if (l->out.measuring)
        return 0;
    if (ln->c1 == ln->c0)
        return 0;
    /* the line's text, kept with the display list (the paragraph is not) */
    const ashi_cluster *a = &p->clusters[ln->c0], *b = &p->clusters[ln->c1 - 1];
    size_t t0 = a->off, tlen = b->off + b->len - a->off;
    const char *text = ashi_arena_strndup(l->mem.keep, p->text + t0, tlen);
    if (!text)
        return -1;
    int has_ruby = 0;
    for (size_t i = ln->c0; i < ln->c1 && !has_ruby; i++)
        has_ruby = p->clusters[i].ruby != 0;
    if (!span || !has_ruby) {
        if ((span && span_begin(l, text, tlen)) ||
            emit_runs(l, p, ln, ln->c0, ln->c1, x, y, text, t0) ||
            emit_readings(l, p, ln, ln->c0, ln->c1, x, y) || (span && span_end(l)))
            return -1;
        return 0;
    }
    for (size_t c = ln->c0; c < ln->c1;) {
        unsigned rid = p->clusters[c].ruby;
        size_t e = c;
        while (e < ln->c1 && p->clusters[e].ruby == rid)
            e++;
        const ashi_cluster *f = &p->clusters[c], *g = &p->clusters[e - 1];
        if (rid) {
            ashi_lay_begin(l, ASHI_ROLE_RUBY, NULL, f->loc);
            ashi_lay_begin(l, ASHI_ROLE_RUBY_BASE, NULL, f->loc);
        }
        if (span_begin(l, text + (f->off - t0), g->off + g->len - f->off) ||
            emit_runs(l, p, ln, c, e, x, y, text, t0) || span_end(l))
            return -1;
        if (rid) {
            ashi_lay_end(l);
            ashi_lay_begin(l, ASHI_ROLE_RUBY_TEXT, NULL, f->loc);
            if (span_begin(l, "", 0) || emit_readings(l, p, ln, c, e, x, y) || span_end(l))
                return -1;
            ashi_lay_end(l);
            ashi_lay_end(l);
        }
        c = e;
    }
    return 0;
}

/* Emits shaped lines from top y; returns the height used. */
double ashi_lay_emit_lines(L *l, const shaped *s, double x, double top, double width, align al)
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

/* One size tried for a title. */
typedef struct fit_job {
    const char *s;
    const ashi_text_style *st;
    double size;
    ashi_loc loc;
    double width;
    shaped *out;
} fit_job;

static double fit_try(L *l, void *ctx)
{
    const fit_job *j = ctx;
    return ashi_lay_shape(l, NULL, j->s, j->st, j->size, j->loc, j->width, ALIGN_START, j->out);
}

/* A one-style string set on at most max_lines lines, shrinking the size
 * (down to 60 %) until it does; returns -1 when it cannot. */
int ashi_lay_fit_string(L *l, const char *s, ashi_style_id id, ashi_loc loc, double width,
                        int max_lines, shaped *out)
{
    const ashi_text_style *st = &l->in.t->styles[id];
    int phrase = l->fr.phrase, rc = -1;
    l->fr.phrase = 1; /* titles wrap at their spaces when that costs no line */
    double min = st->size * 0.6 - 1e-9;
    /* An attempt that does not fit leaves nothing behind in the scratch
     * arena (each would keep its whole shaped text there), unless the
     * shaping cache lives in it too; and the smaller sizes say nothing the
     * first did not (missing glyphs, limits). */
    int tidy = (l->mem.cache_arena ? l->mem.cache_arena : l->mem.keep) != l->mem.a;
    for (double size = st->size; size >= min; size -= 1) {
        scratch_mark mark = ashi_lay_scratch_save(l);
        fit_job job = {s, st, size, loc, width, out};
        if (size == st->size ? fit_try(l, &job) : ashi_lay_measuring(l, fit_try, &job)) {
            l->oom = 1;
            break;
        }
        if ((int)out->nlines <= max_lines) {
            rc = 0;
            break;
        }
        if (tidy && size - 1 >= min)
            ashi_lay_scratch_release(l, &mark);
    }
    l->fr.phrase = phrase;
    return rc;
}
