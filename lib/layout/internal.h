/* internal.h — what the layout stage's files share: the layout state,
 * shaped text and the drawing helpers. SPDX-License-Identifier: MIT */
#ifndef ASHI_LAYOUT_INTERNAL_H
#define ASHI_LAYOUT_INTERNAL_H

#include "layout/layout.h"

/* Master geometry, in millimetres. */
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

struct lay_flow;

/* The layout state, split by what reads it. */
typedef struct lay_input {
    /* the deck and what it is set with: read everywhere, written by none
     * once the layout starts */
    const struct lay_flow *flow; /* blocks.c's entry points, for blocks in cells */
    const ashi_doc *doc;
    const ashi_theme *t;
    ashi_fontset *fs;
    ashi_text_opts opts;
    int draft;            /* overflow is a warning, marked in red */
    ashi_limits limits;
} lay_input;

typedef struct lay_output {
    /* where a pass's results go: the display list and its page (draw.c,
     * text.c, layout.c), the diagnostics (D()), and the mode that sends
     * them nowhere */
    ashi_dlist *dl;
    ashi_dl_page *page;
    size_t page_base;     /* pages before the display list being filled */
    ashi_diags *d;
    ashi_diags quiet;     /* where diagnostics go while measuring: nowhere */
    unsigned warned_bold; /* families already warned about having no bold */
    int measuring;        /* a measuring pass: nothing leaves it (set by ashi_lay_measuring only) */
} lay_output;

/* tables measured: grid per (table, width, scale) */
struct grid_cache {
    const ashi_block *table[8];
    double w[8], scale[8];
    struct grid *grids[8];
    size_t n;
};

typedef struct lay_memory {
    /* a: scratch for one slide (shaped text, measurements, grids), emptied
     * after each; keep: the deck's arena, for what the display list and the
     * deck-long caches hold (glyphs, their text, paths, images, CSV). */
    ashi_arena *a;
    ashi_arena *keep;
    /* glyphs of runs shaped on this slide, in their own arena (emptied
     * with a) so that releasing part of a never cuts into it */
    struct ashi_shape_cache *shape_cache;    /* made when first needed */
    struct lay_measure_cache *measure_cache; /* heights measured, likewise */
    struct lay_reuse *reuse;                 /* text shaped and broken (reuse.c) */
    ashi_arena *cache_arena;                 /* NULL: keep */
    struct grid_cache gc;
} lay_memory;

typedef struct lay_frame {
    /* the frame being laid: set by layout.c for each body, read and
     * adjusted by the blocks in it */
    double scale;         /* text size factor (fit) */
    uint32_t text_color;  /* the frame's text colour over the styles' (a section
                             divider's blocks); ASHI_NO_COLOR: the styles' */
    double frame_bottom;  /* of the body frame */
    int phrase;           /* labels, headings, titles: break at spaces when that costs no line */
    int cut;              /* its blocks ran over ten pages: the rest is not laid */
    /* a table split over pages: the rows of split_table from split_from are
     * due on this page; a table cut short sets split_next */
    const ashi_block *split_table;
    int split_from, split_next;
} lay_frame;

typedef struct L {
    lay_input in;
    lay_output out;
    lay_memory mem;
    lay_frame fr;
    int oom;
} L;

/* Scratch memory that measuring (or a page of a long table) leaves behind
 * goes back to where ashi_lay_scratch_save was called; grids measured meanwhile
 * are forgotten with it. */
typedef struct scratch_mark {
    ashi_arena_mark arena;
    struct grid_cache gc;
    size_t reused; /* text kept for reuse (reuse.c) */
} scratch_mark;
scratch_mark ashi_lay_scratch_save(const L *l);
void ashi_lay_scratch_release(L *l, const scratch_mark *m);

/* Problems are reported when a block is drawn, not each time it is
 * measured, so that each is reported once. */
static inline ashi_diags *D(L *l) { return l->out.measuring ? &l->out.quiet : l->out.d; }

/* pass.c: runs task as a measuring pass and returns what it returns; the
 * mode is back as it was afterwards. */
typedef double (*lay_task)(L *l, void *ctx);
double ashi_lay_measuring(L *l, lay_task task, void *ctx);

typedef struct shaped {
    ashi_para para;
    ashi_line *lines;
    size_t nlines;
    double line_h, size; /* of the style: an empty line's height */
    double indent;       /* first-line indent */
    double *lh, *base;   /* per line: height, baseline below the line's top */
    double height;       /* all lines */
} shaped;

/* values.c: typed attribute values made concrete */
double ashi_lay_len(const ashi_len *v, double rel, double def); /* rel: what 100 % is */
uint32_t ashi_lay_col(const L *l, ashi_color c, uint32_t def);  /* theme names resolved */
double ashi_lay_valign(const ashi_block *b, double def);
align ashi_lay_text_align(const ashi_block *b, const ashi_text_style *st, align frame);
/* values.c: a block's widths for n columns (a percentage is of pct_of);
 * -1 when their count is not n (reported at load). */
typedef enum { LAY_W_FIXED, LAY_W_FR, LAY_W_AUTO } lay_width_kind;
typedef struct lay_width {
    lay_width_kind kind;
    double v; /* points, or fr share */
} lay_width;
int ashi_lay_widths(const ashi_block *b, int n, double pct_of, int allow_auto, lay_width *out);

/* reuse.c: lines shaped and broken on this slide, by what made them */
int ashi_lay_reuse_find(L *l, const ashi_span *spans, size_t n, const ashi_text_style *st,
                        double size, double width, align al, shaped *out);
void ashi_lay_reuse_put(L *l, const ashi_span *spans, size_t n, const ashi_text_style *st,
                        double size, double width, align al, const shaped *s);
size_t ashi_lay_reuse_count(const L *l);
void ashi_lay_reuse_forget(L *l, size_t n); /* all but the first n */

/* text.c */
int ashi_lay_shape(L *l, const ashi_inline *inl, const char *plain, const ashi_text_style *st,
                   double size, ashi_loc loc, double width, align al, shaped *out);
double ashi_lay_emit_lines(L *l, const shaped *s, double x, double top, double width, align al);
int ashi_lay_fit_string(L *l, const char *s, ashi_style_id id, ashi_loc loc, double width,
                        int max_lines, shaped *out);

/* draw.c: shapes into the display list (nothing when measuring) */
void ashi_lay_rect(L *l, double x, double y, double w, double h, uint32_t fill);
void ashi_lay_box(L *l, double x, double y, double w, double h, uint32_t fill, uint32_t stroke,
                  double stroke_w, double radius, double dash);
void ashi_lay_line(L *l, double x1, double y1, double x2, double y2, double w, uint32_t color,
                   double dash);
void ashi_lay_path(L *l, const double *xy, size_t npoints, uint32_t fill);
void ashi_lay_image(L *l, const struct ashi_image *im, double x, double y, double w, double h,
                    double cx, double cy, double cw, double ch, const char *alt, ashi_loc loc);
/* draw.c: structure items (nothing when measuring): what the items between a
 * begin and its end are, from the model; they nest */
void ashi_lay_begin(L *l, ashi_dl_role role, const char *alt, ashi_loc loc);
void ashi_lay_begin_cell(L *l, ashi_dl_role role, const char *alt, int colspan, int rowspan,
                         ashi_loc loc);
/* a figure that also has its data as a table (a chart) */
void ashi_lay_begin_figure(L *l, const char *alt, const ashi_dl_table *data, ashi_loc loc);
/* page furniture (a background, a band, a footer), until ashi_lay_end */
void ashi_lay_artifact(L *l);
void ashi_lay_end(L *l);

/* chart.c */
double ashi_lay_chart(L *l, const ashi_block *b, double x, double y, double w, double h);
/* A chart's data as a table for the structure (categories down, series
 * across, values as its labels show them); NULL when it has none. */
const ashi_dl_table *ashi_lay_chart_table(L *l, const ashi_block *b);
/* Nice axis: lo..hi widened to multiples of a step of 1, 2, 2.5 or 5 x 10^n
 * giving about five intervals. */
void ashi_lay_nice_ticks(double lo, double hi, double *out_lo, double *out_hi, double *step);
/* The ticks of an axis lo..hi: the multiples of step inside it, at most
 * max of them; returns how many (0 for an empty or unusable range). */
int ashi_lay_axis_ticks(double lo, double hi, double step, double *ticks, int max);
/* 0: plain, 1: 万, 2: 億 — for number-format man, oku, or auto (by the top). */
int ashi_lay_number_unit(ashi_numfmt fmt, double top);
/* A value as number-format says, in the unit given, with `decimals`. */
/* values.c: a number format applied to a text that is a plain number (any
 * other text as written); in the arena */
const char *ashi_lay_format_text(L *l, ashi_numfmt fmt, const char *text);
/* v with `decimals` decimals, halves rounded away from zero (四捨五入),
 * thousands grouped with commas, whatever the locale */
void ashi_lay_put_grouped(char *out, size_t size, double v, int decimals);
void ashi_lay_format_number(char *out, size_t size, double v, ashi_numfmt fmt, int unit,
                            int decimals);

/* table.c (blocks in its cells through l->in.flow) */
double ashi_lay_table(L *l, const ashi_block *b, double x, double y, double w);

/* blocks.c, the flow: the top of the layout files but layout.c, which
 * calls it; table.c reaches it only through L's flow (ashi_lay_the_flow), so
 * that no file calls back into one that calls it. */
typedef struct lay_flow {
    double (*blocks)(L *l, const ashi_block *blocks, double x, double y, double w, double h,
                     align al);
    double (*measure)(L *l, const ashi_block *blocks, double w, align al);
} lay_flow;
extern const lay_flow ashi_lay_the_flow;
/* The height of blocks at a width, drawing nothing. */
double ashi_lay_measure(L *l, const ashi_block *blocks, double w, align al);
/* blocks.c: lays blocks top to bottom in a frame of width w (height h for
 * vertical alignment); returns the height they take. In a measuring
 * pass it only measures. Blocks (or list items) past ten pages' height are not
 * laid at all (l->fr.cut is set): such a slide is an overflow anyway, and
 * laying out a million paragraphs of it took seconds and gigabytes. */
int ashi_lay_too_tall(L *l, double extent);
double ashi_lay_blocks(L *l, const ashi_block *blocks, double x, double y, double w, double h,
                       align al);

#endif
