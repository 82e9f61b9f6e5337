/* layout.c — slides on pages: masters (background, title band, footer),
 * the layouts cover, section, content and blank, fit and overflow.
 * SPDX-License-Identifier: MIT */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "image/image.h"
#include "layout/internal.h"

/* ---- pages -------------------------------------------------------------- */

static void footer_parts(L *l, size_t page_no, int number);

/* The master's footer (page furniture): a text at the left (the master's footer-text, else
 * the deck's author), the page number at the right, a rule above. */
static void footer(L *l, size_t page_no, int number)
{
    ashi_lay_artifact(l);
    footer_parts(l, page_no, number);
    ashi_lay_end(l);
}

static void footer_parts(L *l, size_t page_no, int number)
{
    const ashi_theme *t = l->in.t;
    double pw = l->out.page->w, ph = l->out.page->h;
    double x = ASHI_MM(MARGIN_X), w = pw - 2 * x;
    const ashi_text_style *st = &t->styles[ASHI_STYLE_FOOTER];
    double top = ph - ASHI_MM(FOOTER_BASE) - ASCENT * st->size -
                 (st->size * st->leading - st->size) / 2;
    ashi_loc none = {0, 0};
    shaped s;
    if (number) {
        char num[32];
        ashi_snprintf(num, sizeof num, "%zu", page_no);
        if (ashi_lay_shape(l, NULL, num, st, st->size, none, w, ALIGN_START, &s)) {
            l->oom = 1;
            return;
        }
        ashi_lay_emit_lines(l, &s, x, top, w, ALIGN_END);
    }
    const char *text = l->in.doc->footer_text ? l->in.doc->footer_text : l->in.doc->author;
    if (text && text[0]) {
        if (ashi_lay_shape(l, NULL, text, st, st->size, l->in.doc->loc, w * 0.7, ALIGN_START, &s)) {
            l->oom = 1;
            return;
        }
        s.nlines = s.nlines > 1 ? 1 : s.nlines;
        ashi_lay_emit_lines(l, &s, x, top, w, ALIGN_START);
    }
    ashi_lay_line(l, x, ph - ASHI_MM(FOOTER_H) + ASHI_MM(2), pw - x,
                  ph - ASHI_MM(FOOTER_H) + ASHI_MM(2), 0.5, t->colors[ASHI_COLOR_MUTED], 0);
}

static void background(L *l)
{
    uint32_t bg = l->in.t->colors[ASHI_COLOR_BACKGROUND];
    if (bg != 0xFFFFFF) {
        ashi_lay_artifact(l);
        ashi_lay_rect(l, 0, 0, l->out.page->w, l->out.page->h, bg);
        ashi_lay_end(l);
    }
}

/* The number of the page being laid out, counting the pages of the units
 * before this one. */
static size_t page_no(const L *l) { return l->out.page_base + l->out.dl->npages; }

/* The title, else "スライド N" (or "Slide N" for a deck not in Japanese). */
static const char *slide_name(L *l, const ashi_slide *s)
{
    if (s->title)
        return s->title;
    int ja = !l->in.doc->lang || strncmp(l->in.doc->lang, "ja", 2) == 0;
    char *n = ashi_arena_printf(l->mem.keep, ja ? "スライド %zu" : "Slide %zu", page_no(l));
    return n ? n : "";
}

static void overflow(L *l, const ashi_slide *s, const char *what, double by)
{
    ashi_diag_add(D(l), l->in.draft ? ASHI_WARNING : ASHI_ERROR, "overflow", s->loc,
                  "slide %zu '%s': %s overflows its frame by %.1f mm", page_no(l),
                  slide_name(l, s), what, by * 25.4 / 72.0);
}

static void title_too_long(L *l, const ashi_slide *s)
{
    ashi_diag_add(D(l), l->in.draft ? ASHI_WARNING : ASHI_ERROR, "overflow", s->loc,
                  "slide %zu '%s': the title does not fit on two lines even at 60 %% of its "
                  "size",
                  page_no(l), slide_name(l, s));
}

/* The master's logo, contained in a box and set against its right edge. */
static void logo(L *l, double right, double y, double w, double h)
{
    const ashi_image *im = l->in.doc->logo;
    if (!im)
        return;
    double s = w / im->w < h / im->h ? w / im->w : h / im->h;
    double dw = im->w * s, dh = im->h * s;
    ashi_lay_artifact(l);
    ashi_lay_image(l, im, right - dw, y + (h - dh) / 2, dw, dh, 0, 0, 0, 0, NULL,
                   l->in.doc->master_loc);
    ashi_lay_end(l);
}

/* A master part: the slide's own choice, else the layout's default. */
static int part(int slide, int def) { return slide >= 0 ? slide : def; }

static int master_number(L *l)
{
    return l->in.doc->master_number != 0;
}

/* The slide's blocks in its body frame. Text that does not fit shrinks
 * (fit="shrink", down to fit-min, 70 % by default) like presentation
 * software does; what still overflows is an error, or with --draft a
 * warning and a red frame on the page. */
typedef struct body_job {
    const ashi_slide *s;
    double x, y, w, h;
    align al;
} body_job;

/* The measuring pass of a body: its height at full size, then, with
 * fit="shrink", the largest size of the 2.5 % steps from 97.5 % down to
 * fit-min at which it fits (l->fr.scale is left at the size found). The
 * search starts where the area the text needs says the size should be (it
 * grows as the square of the size), then steps up while the next size up
 * fits, or down until one fits: a few trials rather than one per step.
 * The size kept is the last laid out, and a trial not kept leaves nothing
 * behind. */
#define FIT_STEP 0.025
#define FIT_TOP 0.975

static double fit_try(L *l, const body_job *j, double k, scratch_mark *m)
{
    l->fr.scale = k;
    l->fr.split_next = 0;
    *m = ashi_lay_scratch_save(l);
    return ashi_lay_blocks(l, j->s->blocks, j->x, j->y, j->w, j->h, j->al);
}

static double fit_body(L *l, void *ctx)
{
    const body_job *j = ctx;
    double h = j->h, used = ashi_lay_blocks(l, j->s->blocks, j->x, j->y, j->w, h, j->al);
    if (used <= h + 0.01 || l->fr.cut || !j->s->fit_shrink)
        return used;
    double min = j->s->fit_min;
    /* the steps are FIT_TOP - i * FIT_STEP for i = 0 .. last */
    int last = (int)((FIT_TOP - min) / FIT_STEP + 1e-6);
    if (last < 0)
        return used;
    double guess = used > 0 ? sqrt(h / used) : FIT_TOP;
    int i = (int)ceil((FIT_TOP - guess) / FIT_STEP - 1e-6);
    i = i < 0 ? 0 : i > last ? last : i;
    scratch_mark m;
    used = fit_try(l, j, FIT_TOP - i * FIT_STEP, &m);
    if (used <= h + 0.01 && !l->fr.cut) {
        /* fits: a size up may fit too */
        while (i > 0) {
            double kept = used;
            used = fit_try(l, j, FIT_TOP - (i - 1) * FIT_STEP, &m);
            if (used > h + 0.01 || l->fr.cut) {
                ashi_lay_scratch_release(l, &m);
                l->fr.cut = 0;
                l->fr.scale = FIT_TOP - i * FIT_STEP;
                used = kept;
                break;
            }
            i--;
        }
    } else {
        while (i < last && !l->fr.cut) {
            ashi_lay_scratch_release(l, &m);
            used = fit_try(l, j, FIT_TOP - ++i * FIT_STEP, &m);
            if (used <= h + 0.01)
                break;
        }
    }
    return used;
}

static void body(L *l, const ashi_slide *s, double x, double y, double w, double h, align al)
{
    l->fr.cut = 0;
    l->fr.scale = 1;
    l->fr.frame_bottom = y + h;
    l->fr.split_next = 0;
    body_job job = {s, x, y, w, h, al};
    double used = ashi_lay_measuring(l, fit_body, &job);
    if (l->fr.cut)
        ashi_diag_add(D(l), l->in.draft ? ASHI_WARNING : ASHI_ERROR, "overflow", s->loc,
                      "slide %zu '%s': the body overflows its frame by more than %.0f mm (it "
                      "is over ten pages tall; laying it out stopped there)",
                      page_no(l), slide_name(l, s), (used - h) * 25.4 / 72.0);
    else if (used > h + 0.01)
        overflow(l, s, "the body", used - h);
    if ((l->fr.cut || used > h + 0.01) && l->in.draft) {
        ashi_lay_artifact(l);
        ashi_lay_box(l, x, y, w, used, ASHI_NO_COLOR, 0xFF0000, 2, 0, 0);
        ashi_lay_end(l);
    }
    l->fr.split_next = 0;
    ashi_lay_blocks(l, s->blocks, x, y, w, h, al);
    l->fr.scale = 1;
}

static void content_slide(L *l, const ashi_slide *s)
{
    const ashi_theme *t = l->in.t;
    double pw = l->out.page->w, ph = l->out.page->h;
    double mx = ASHI_MM(MARGIN_X), band = ASHI_MM(BAND_H);
    int has_band = part(s->band, 1), has_footer = part(s->footer, 1);
    background(l);
    double top = ASHI_MM(12);
    if (has_band) {
        ashi_lay_artifact(l);
        ashi_lay_rect(l, 0, 0, pw, band, t->colors[ASHI_COLOR_BAND]);
        ashi_lay_rect(l, 0, band, pw, ASHI_MM(BAND_RULE), t->colors[ASHI_COLOR_ACCENT]);
        ashi_lay_end(l);
        if (s->title) {
            shaped ts;
            if (ashi_lay_fit_string(l, s->title, ASHI_STYLE_TITLE, s->loc, pw - 2 * mx, 2, &ts) ==
                0) {
                double h = ts.height;
                if (h > band)
                    overflow(l, s, "the title", h - band);
                ashi_lay_begin(l, ASHI_ROLE_TITLE, NULL, s->loc);
                ashi_lay_emit_lines(l, &ts, mx, (band - h) / 2, pw - 2 * mx, ALIGN_START);
                ashi_lay_end(l);
            } else if (!l->oom) {
                title_too_long(l, s);
            }
        }
        top = band + ASHI_MM(BODY_GAP);
        logo(l, pw - mx, ASHI_MM(5), ASHI_MM(40), band - ASHI_MM(10));
    }
    double bottom = ph - (has_footer ? ASHI_MM(FOOTER_H) : ASHI_MM(12));
    body(l, s, mx, top, pw - 2 * mx, bottom - top, ALIGN_START);
    if (has_footer)
        footer(l, page_no(l), part(s->number, master_number(l)));
}

static void blank_slide(L *l, const ashi_slide *s)
{
    double pw = l->out.page->w, ph = l->out.page->h, m = ASHI_MM(12);
    int has_footer = part(s->footer, 0);
    background(l);
    double bottom = ph - (has_footer ? ASHI_MM(FOOTER_H) : m);
    body(l, s, m, m, pw - 2 * m, bottom - m, ALIGN_START);
    if (has_footer)
        footer(l, page_no(l), part(s->number, master_number(l)));
}

/* Big title, subtitle, then the blocks centred (a KPI callout). */
static void cover_slide(L *l, const ashi_slide *s)
{
    const ashi_theme *t = l->in.t;
    double pw = l->out.page->w, ph = l->out.page->h;
    double mx = ASHI_MM(MARGIN_X);
    background(l);
    if (part(s->band, 1)) {
        ashi_lay_artifact(l);
        ashi_lay_rect(l, 0, 0, pw, ASHI_MM(8), t->colors[ASHI_COLOR_BAND]);
        ashi_lay_rect(l, 0, ph - ASHI_MM(8), pw, ASHI_MM(8), t->colors[ASHI_COLOR_BAND]);
        ashi_lay_end(l);
    }
    logo(l, pw - mx, ASHI_MM(12), ASHI_MM(60), ASHI_MM(20));
    double y = ph * 0.2;
    if (s->title) {
        shaped ts;
        if (ashi_lay_fit_string(l, s->title, ASHI_STYLE_COVER_TITLE, s->loc, pw - 2 * mx, 2, &ts) ==
            0) {
            ashi_lay_begin(l, ASHI_ROLE_TITLE, NULL, s->loc);
            y += ashi_lay_emit_lines(l, &ts, mx, y, pw - 2 * mx, ALIGN_CENTER);
            ashi_lay_end(l);
        } else if (!l->oom) {
            title_too_long(l, s);
        }
        ashi_lay_artifact(l);
        ashi_lay_rect(l, pw / 2 - ASHI_MM(30), y + ASHI_MM(3), ASHI_MM(60), ASHI_MM(1.2),
                      t->colors[ASHI_COLOR_ACCENT]);
        ashi_lay_end(l);
        y += ASHI_MM(8);
    }
    if (s->subtitle) {
        shaped ss;
        if (ashi_lay_fit_string(l, s->subtitle, ASHI_STYLE_COVER_SUBTITLE, s->loc, pw - 2 * mx, 2,
                                &ss) == 0) {
            ashi_lay_begin(l, ASHI_ROLE_SUBTITLE, NULL, s->loc);
            y += ashi_lay_emit_lines(l, &ss, mx, y, pw - 2 * mx, ALIGN_CENTER);
            ashi_lay_end(l);
        }
    }
    y += ASHI_MM(6);
    double bottom = ph - ASHI_MM(part(s->footer, 0) ? FOOTER_H : 14);
    body(l, s, mx * 2, y, pw - 4 * mx, bottom - y, ALIGN_CENTER);
    if (part(s->footer, 0))
        footer(l, page_no(l), part(s->number, 0));
}

/* The divider: a full-page colour with the title and subtitle centred; a
 * slide with layout="section" shows its blocks under them, centred with
 * them, in the colour of the band's text (they were dropped without a
 * word). */
static void divider(L *l, const char *title, const char *subtitle, ashi_loc loc,
                    const ashi_slide *s)
{
    const ashi_theme *t = l->in.t;
    double pw = l->out.page->w, ph = l->out.page->h;
    double mx = ASHI_MM(MARGIN_X);
    ashi_lay_artifact(l);
    ashi_lay_rect(l, 0, 0, pw, ph, t->colors[ASHI_COLOR_SECTION]);
    ashi_lay_end(l);
    shaped ts, ss;
    double h = 0;
    int have_t = title && ashi_lay_fit_string(l, title, ASHI_STYLE_SECTION_TITLE, loc, pw - 2 * mx,
                                              2, &ts) == 0;
    int have_s = subtitle && ashi_lay_fit_string(l, subtitle, ASHI_STYLE_SECTION_SUBTITLE, loc,
                                                 pw - 2 * mx, 2, &ss) == 0;
    if (title && !have_t && !l->oom)
        ashi_diag_add(D(l), ASHI_ERROR, "overflow", loc,
                      "section '%s': the title needs more than two lines", title);
    if (have_t)
        h += ts.height;
    if (have_s)
        h += ASHI_MM(8) + ss.height;
    /* the blocks: measured first, so that the whole stands centred */
    double bw = pw - 4 * mx, bh = 0, gap = ASHI_MM(10);
    if (s && s->blocks) {
        l->fr.text_color = t->colors[ASHI_COLOR_BAND_TEXT];
        l->fr.frame_bottom = ph - ASHI_MM(12);
        bh = ashi_lay_measure(l, s->blocks, bw, ALIGN_CENTER);
        l->fr.text_color = ASHI_NO_COLOR;
    }
    double y = (ph - h - (bh > 0 ? gap + bh : 0)) / 2;
    if (y < ASHI_MM(12))
        y = ASHI_MM(12);
    if (have_t) {
        ashi_lay_begin(l, ASHI_ROLE_TITLE, NULL, loc);
        y += ashi_lay_emit_lines(l, &ts, mx, y, pw - 2 * mx, ALIGN_CENTER);
        ashi_lay_end(l);
    }
    if (have_s) {
        ashi_lay_artifact(l);
        ashi_lay_rect(l, pw / 2 - ASHI_MM(20), y + ASHI_MM(3), ASHI_MM(40), ASHI_MM(0.8),
                      t->colors[ASHI_COLOR_BAND_TEXT]);
        ashi_lay_end(l);
        y += ASHI_MM(8);
        ashi_lay_begin(l, ASHI_ROLE_SUBTITLE, NULL, loc);
        y += ashi_lay_emit_lines(l, &ss, mx, y, pw - 2 * mx, ALIGN_CENTER);
        ashi_lay_end(l);
    }
    if (s && s->blocks) {
        l->fr.text_color = t->colors[ASHI_COLOR_BAND_TEXT];
        body(l, s, 2 * mx, y + gap, bw, ph - ASHI_MM(12) - (y + gap), ALIGN_CENTER);
        l->fr.text_color = ASHI_NO_COLOR;
    }
}

static int new_page(L *l, ashi_loc loc, double w, double h)
{
    l->out.page = ashi_dl_add_page(l->out.dl, w > 0 ? w : l->in.doc->page_w,
                                   h > 0 ? h : l->in.doc->page_h, loc);
    return l->out.page ? 0 : -1;
}

static void slide_page(L *l, const ashi_slide *s, int level)
{
    l->fr.split_table = NULL;
    l->fr.split_from = 0;
    if (new_page(l, s->loc, s->page_w, s->page_h)) {
        l->oom = 1;
        return;
    }
    if (ashi_dl_add_outline(l->out.dl, level, slide_name(l, s), l->out.dl->npages - 1))
        l->oom = 1;
    ashi_lay_begin(l, ASHI_ROLE_SLIDE, NULL, s->loc);
    /* a table with split="continue" that did not fit goes on over as many
     * follow-on pages as it needs, titled with a continuation mark */
    if (s->layout == ASHI_LAYOUT_CONTENT || s->layout == ASHI_LAYOUT_BLANK) {
        ashi_slide cont = *s;
        int pages = 0;
        /* after the first page (which measured the table), what a page
         * leaves in the scratch arena goes with it */
        scratch_mark mark = {0};
        for (;;) {
            if (s->layout == ASHI_LAYOUT_BLANK)
                blank_slide(l, &cont);
            else
                content_slide(l, &cont);
            if (!l->fr.split_next || l->oom || ++pages > 10000)
                break;
            if (pages == 1)
                mark = ashi_lay_scratch_save(l);
            else
                ashi_lay_scratch_release(l, &mark);
            l->fr.split_from = l->fr.split_next;
            if (new_page(l, s->loc, s->page_w, s->page_h)) {
                l->oom = 1;
                return;
            }
            cont.title = ashi_arena_printf(l->mem.a, "%s（続き）", s->title ? s->title : "");
            if (!cont.title)
                l->oom = 1;
        }
        l->fr.split_table = NULL;
        l->fr.split_from = l->fr.split_next = 0;
        ashi_lay_end(l);
        return;
    }
    switch (s->layout) {
    case ASHI_LAYOUT_COVER:
        cover_slide(l, s);
        break;
    case ASHI_LAYOUT_SECTION:
        divider(l, s->title, s->subtitle, s->loc, s);
        break;
    case ASHI_LAYOUT_BLANK:
        blank_slide(l, s);
        break;
    default:
        content_slide(l, s);
        break;
    }
    ashi_lay_end(l);
}

/* The layout state for a deck: the theme's typesetting switches, nothing
 * laid yet. */
static L layout_state(const ashi_doc *doc, const ashi_theme *t, ashi_fontset *fs,
                      const ashi_limits *limits, ashi_arena *a, ashi_diags *d, ashi_dlist *dl)
{
    L l = {.in = {.flow = &ashi_lay_the_flow,
                  .doc = doc,
                  .t = t,
                  .fs = fs,
                  .opts = ashi_text_opts_default(),
                  .limits = *limits},
           .out = {.d = d, .dl = dl},
           .mem = {.a = a, .keep = a},
           .fr = {.scale = 1, .text_color = ASHI_NO_COLOR}};
    l.out.quiet.oom = 1; /* a sink: adds nothing */
    l.in.opts.autospace = t->autospace;
    l.in.opts.bracket_start_half = t->bracket_start_half;
    l.in.opts.hanging = t->hanging;
    l.in.opts.kinsoku = (ashi_kinsoku)t->kinsoku;
    return l;
}

/* ---- the deck: units laid out alone, on threads, then joined ----------- */

/* A unit is a slide (with its continuation pages) or a section's divider:
 * laid out into its own display list and diagnostics, numbered from the
 * pages before it. How many pages a unit makes does not depend on that
 * number, so units can be laid out on threads with a guessed one (one page
 * per unit before), and the few laid out with a wrong guess (after a table
 * that ran over pages) are laid out again: the joined result is the same
 * whatever the number of threads. */
typedef struct unit {
    const ashi_slide *slide;     /* or NULL for */
    const ashi_section *section; /* a section's divider */
    int level;
    size_t base;     /* pages before it, as laid out */
    int closes;      /* the last unit of a section: ends the section's structure */
    ashi_dlist dl;   /* its pages and outline entries */
    ashi_diags diags;
    int oom, done;
} unit;

typedef struct team {
    const L *proto;  /* the deck's state, caches loaded */
    unit *units;
    size_t n;
    size_t next;     /* the next unit to take (under lock) */
    pthread_mutex_t lock;
} team;

static void lay_unit(L *l, unit *u)
{
    memset(&u->dl, 0, sizeof u->dl);
    u->dl.a = l->mem.keep;
    memset(&u->diags, 0, sizeof u->diags);
    u->diags.arena = l->mem.keep;
    u->diags.file = l->out.d->file;
    u->diags.ja = l->out.d->ja; /* said in the deck's language, then joined as they are */
    l->out.dl = &u->dl;
    l->out.d = &u->diags;
    l->out.page_base = u->base;
    l->out.warned_bold = 0;
    l->oom = 0;
    if (u->slide) {
        slide_page(l, u->slide, u->level);
    } else if (new_page(l, u->section->loc, 0, 0)) {
        l->oom = 1;
    } else {
        const ashi_section *sec = u->section;
        if (ashi_dl_add_outline(l->out.dl, 0, sec->title ? sec->title : "", 0))
            l->oom = 1;
        ashi_lay_begin(l, ASHI_ROLE_SECTION, NULL, sec->loc);
        divider(l, sec->title, sec->subtitle, sec->loc, NULL);
    }
    if (u->closes && l->out.page)
        ashi_lay_end(l); /* the section this unit is the last of */
    /* its pages' items into the keep arena, exactly sized */
    if (l->oom || ashi_dl_close(&u->dl)) {
        ashi_dl_release(&u->dl);
        l->oom = 1;
    }
    ashi_arena_reset(l->mem.a);
    ashi_arena_reset(l->mem.cache_arena);
    l->mem.gc.n = 0;
    l->mem.shape_cache = NULL; /* its arena was emptied */
    l->mem.measure_cache = NULL;
    l->mem.reuse = NULL;
    u->oom = l->oom || u->diags.oom;
    u->done = 1;
}

/* One worker: its own scratch and keep arenas, units taken in turn. */
typedef struct worker {
    team *team;
    ashi_arena *scratch, *keep, *cache;
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    team *t = w->team;
    L l = *t->proto;
    ashi_diags d = *t->proto->out.d; /* only its file name is read */
    l.out.d = &d;
    l.mem.a = w->scratch;
    l.mem.keep = w->keep;
    l.mem.cache_arena = w->cache;
    l.mem.shape_cache = NULL;
    l.mem.measure_cache = NULL;
    l.mem.reuse = NULL;
    for (;;) {
        pthread_mutex_lock(&t->lock);
        size_t i = t->next;
        while (i < t->n && t->units[i].done)
            i++;
        t->next = i + 1;
        pthread_mutex_unlock(&t->lock);
        if (i >= t->n)
            break;
        lay_unit(&l, &t->units[i]);
    }
    return NULL;
}

/* Lays out the units not done, on up to `threads` threads (keeps[i] and
 * scratch[i] are thread i's arenas). */
static void lay_units(team *t, int threads, ashi_arena **keeps, ashi_arena **scratch,
                      ashi_arena **caches)
{
    worker w[ASHI_LAYOUT_THREADS];
    pthread_t th[ASHI_LAYOUT_THREADS];
    int started = 0;
    t->next = 0;
    for (int i = 0; i < threads; i++)
        w[i] = (worker){t, scratch[i], keeps[i], caches[i]};
    for (int i = 1; i < threads; i++) {
        if (pthread_create(&th[i], NULL, work, &w[i]))
            break;
        started = i;
    }
    work(&w[0]);
    for (int i = 1; i <= started; i++)
        pthread_join(th[i], NULL);
}

/* Diagnostics of a unit onto the deck's; a font's no-bold warning once. */
static void join_diags(ashi_diags *d, const ashi_diags *u)
{
    for (size_t i = 0; i < u->n; i++) {
        const ashi_diag *g = &u->v[i];
        int dup = 0;
        for (size_t k = 0; !strcmp(g->code, "no-bold") && k < d->n && !dup; k++)
            dup = !strcmp(d->v[k].code, "no-bold") && !strcmp(d->v[k].message, g->message);
        if (dup)
            continue;
        ashi_loc loc = {g->line, g->col};
        if (g->file && (!d->file || strcmp(g->file, d->file))) { /* a CSV's */
            d->origin = u->keys[i];
            ashi_diag_add_in(d, g->file, g->severity, g->code, loc, "%s", g->message);
            d->origin = (ashi_loc){0, 0};
        } else {
            ashi_diag_add(d, g->severity, g->code, loc, "%s", g->message);
        }
    }
}

int ashi_layout(const ashi_doc *doc, const ashi_theme *t, ashi_fontset *fs, int draft,
                int threads, const ashi_limits *limits, ashi_arena *a, ashi_diags *d,
                ashi_dlist *out)
{
    L l = layout_state(doc, t, fs, limits, a, d, out);
    l.in.draft = draft;
    /* units: one per slide and per section divider (the parser has kept
     * their number within the slides limit) */
    size_t slides = 0;
    for (const ashi_entry *e = doc->entries; e; e = e->next) {
        slides++;
        for (const ashi_slide *s = e->section ? e->section->slides : NULL; s;
             s = s->next_in_section)
            slides++;
    }
    out->a = a;
    out->cmyk = (const uint8_t(*)[4])t->cmyk;
    out->ncmyk = t->ncmyk;
    out->print = doc->print;
    out->overprint = t->overprint;
    if (doc->bleed >= 0)
        out->bleed = doc->bleed;
    /* a document needs a title (PDF/UA): the deck's, else its first
     * section's or slide's */
    out->title = doc->title;
    for (const ashi_entry *e = doc->entries; e && !out->title; e = e->next)
        out->title = e->section ? e->section->title : e->slide->title;
    out->author = doc->author;
    out->subject = doc->subject;
    out->date = doc->date;
    out->lang = doc->lang;

    unit *units = ashi_arena_alloc(a, (slides + 1) * sizeof *units);
    if (!units)
        return -1;
    size_t n = 0;
    for (const ashi_entry *e = doc->entries; e; e = e->next) {
        if (e->slide) {
            units[n++] = (unit){.slide = e->slide};
            continue;
        }
        units[n++] = (unit){.section = e->section, .closes = !e->section->slides};
        for (const ashi_slide *s = e->section->slides; s; s = s->next_in_section) {
            units[n++] = (unit){.slide = s, .level = 1};
            units[n - 1].closes = !s->next_in_section;
        }
    }
    for (size_t i = 0; i < n; i++)
        units[i].base = i;
    if (l.oom || d->oom)
        return -1;

    /* each thread its own arenas: scratch emptied per unit, keep for what
     * the display list holds (the deck frees them with its own) */
    if (threads < 1 || n < 2)
        threads = 1; /* a deck without slides too: one idle worker */
    else if ((size_t)threads > n)
        threads = (int)n;
    if (threads > ASHI_LAYOUT_THREADS)
        threads = ASHI_LAYOUT_THREADS;
    ashi_arena *keeps[ASHI_LAYOUT_THREADS], *scratch[ASHI_LAYOUT_THREADS];
    ashi_arena *caches[ASHI_LAYOUT_THREADS];
    int rc = 0;
    for (int i = 0; i < threads; i++) {
        /* one thread: the deck's own probe (counting, fault injection) */
        ashi_mem *m = threads == 1 ? ashi_arena_mem(a) : NULL;
        keeps[i] = i == 0 ? a : ashi_arena_new(m);
        scratch[i] = ashi_arena_new(m);
        caches[i] = ashi_arena_new(m);
        if (i > 0 && keeps[i])
            out->arenas[out->narenas++] = keeps[i];
        if (!keeps[i] || !scratch[i] || !caches[i])
            rc = -1;
    }
    team tm = {.proto = &l, .units = units, .n = n};
    if (rc == 0 && pthread_mutex_init(&tm.lock, NULL))
        rc = -1;
    if (rc == 0) {
        lay_units(&tm, threads, keeps, scratch, caches);
        /* units laid out with a wrong page number go again */
        size_t base = 0, again = 0;
        for (size_t i = 0; i < n; i++) {
            if (units[i].base != base) {
                units[i].base = base;
                units[i].done = 0;
                again++;
            }
            base += units[i].dl.npages;
        }
        if (again)
            lay_units(&tm, threads, keeps, scratch, caches);
        pthread_mutex_destroy(&tm.lock);
    }
    for (int i = 0; i < threads; i++) {
        ashi_arena_free(scratch[i]);
        ashi_arena_free(caches[i]);
    }
    if (rc)
        return -1;

    /* join, in order */
    for (size_t i = 0; i < n && rc == 0; i++) {
        const unit *u = &units[i];
        join_diags(d, &u->diags);
        if (u->oom) {
            rc = -1;
            break;
        }
        size_t first = out->npages;
        for (size_t p = 0; p < u->dl.npages; p++) {
            ashi_dl_page *pg = ashi_dl_add_page(out, 0, 0, u->dl.pages[p].loc);
            if (!pg) {
                rc = -1;
                break;
            }
            *pg = u->dl.pages[p];
        }
        for (size_t k = 0; k < u->dl.noutline && rc == 0; k++) {
            const ashi_dl_outline *o = &u->dl.outline[k];
            if (ashi_dl_add_outline(out, o->level, o->title, first + o->page))
                rc = -1;
        }
    }
    return rc || d->oom ? -1 : 0;
}

/* ---- the slug label for print ------------------------------------------ */

int ashi_layout_slugs(const ashi_doc *doc, const ashi_theme *t, ashi_fontset *fs,
                      const char *name, double bleed, const ashi_limits *limits, ashi_arena *a,
                      ashi_diags *d, ashi_dlist *dl)
{
    L l = layout_state(doc, t, fs, limits, a, d, dl);
    ashi_text_style st = t->styles[ASHI_STYLE_FOOTER];
    st.size = 6;
    st.color = 0x000000;
    const char *base = name ? strrchr(name, '/') : NULL;
    base = base ? base + 1 : name ? name : "";
    ashi_loc none = {0, 0};
    for (size_t i = 0; i < dl->npages; i++) {
        l.out.page = &dl->pages[i];
        /* right of the corner marks, clear of the centre mark */
        double x = ASHI_MM(15), w = l.out.page->w / 2 - ASHI_MM(21);
        const char *text = ashi_arena_printf(a, "%s　%zu / %zu%s%s", base, i + 1, dl->npages,
                                             doc->date ? "　" : "", doc->date ? doc->date : "");
        shaped s;
        if (!text || ashi_lay_shape(&l, NULL, text, &st, st.size, none, w, ALIGN_START, &s))
            return -1;
        s.nlines = s.nlines > 1 ? 1 : s.nlines;
        ashi_lay_artifact(&l); /* print furniture */
        ashi_lay_emit_lines(&l, &s, x, l.out.page->h + bleed + ASHI_MM(2), w, ALIGN_START);
        ashi_lay_end(&l);
        if (l.oom || ashi_dl_close_page(dl, l.out.page))
            return -1;
    }
    return 0;
}
