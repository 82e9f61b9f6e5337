/* dlist.h — the display list: the one seam between layout and output.
 * Per page: positioned glyph runs with their source text, filled
 * rectangles, stroked lines; for the document: outline and info.
 * Coordinates are points from the page's top-left corner, y downward.
 * SPDX-License-Identifier: MIT */
#ifndef ASHI_DLIST_H
#define ASHI_DLIST_H

#include "base/base.h"

struct ashi_face;  /* text/text.h; backends that embed fonts include it */
struct ashi_image; /* image/image.h */

typedef struct ashi_dl_glyph {
    uint32_t gid;
    float x, y;        /* pen position relative to the run's origin */
    float adv;         /* advance the layout gave it */
    uint32_t toff, tlen; /* source text of the glyph's cluster (first glyph only) */
} ashi_dl_glyph;

typedef struct ashi_dl_run {
    struct ashi_face *face;
    double size;
    double x, y; /* baseline origin */
    uint32_t color;
    int fake_bold; /* the family has no bold face: fill and stroke the outline */
    const ashi_dl_glyph *glyphs;
    size_t nglyphs;
    const char *text; /* UTF-8 source text the glyphs show */
    size_t text_len;
    ashi_loc loc;
} ashi_dl_run;

#define ASHI_NO_COLOR 0xFF000000u /* a fill or stroke colour that is not drawn */

typedef struct ashi_dl_rect {
    double x, y, w, h;
    uint32_t fill;   /* 0xRRGGBB or ASHI_NO_COLOR */
    uint32_t stroke; /* 0xRRGGBB or ASHI_NO_COLOR */
    double stroke_w;
    double radius;   /* rounded corners */
    double dash;     /* dash length; 0: solid */
} ashi_dl_rect;

/* A closed polygon (arrows). */
typedef struct ashi_dl_path {
    const double *xy; /* x0 y0 x1 y1 ... */
    size_t npoints;
    uint32_t fill, stroke;
    double stroke_w;
} ashi_dl_path;

typedef struct ashi_dl_line {
    double x1, y1, x2, y2, width;
    uint32_t color;
    double dash; /* dash length; 0: solid */
} ashi_dl_line;

/* A stretch of runs (one line of text) whose extracted text must be exactly
 * its source text, whatever spacing layout put between the glyphs. */
typedef struct ashi_dl_text_span {
    const char *text; /* UTF-8 */
    size_t len;
} ashi_dl_text_span;

/* An image drawn into a box, clipped to clip (when clip_w > 0). The box is
 * the image as shown; orientation is the EXIF one (1-8) that turns or
 * mirrors the stored image into it (5-8 swap its width and height). */
typedef struct ashi_dl_image {
    const struct ashi_image *image;
    double x, y, w, h;
    double clip_x, clip_y, clip_w, clip_h;
    const char *alt; /* alternative text, or NULL */
    int orientation;
    ashi_loc loc; /* the image's src attribute (the master's logo: the master) */
} ashi_dl_image;

/* What a stretch of a page's items is, from the model (as MuPDF's device
 * has begin_structure): the seam a tagging device reads. Begin and end
 * items nest, across pages too (a slide's continuation pages, a section's
 * divider and slides). */
typedef enum ashi_dl_role {
    ASHI_ROLE_SECTION,      /* a <section>: its divider, then its slides */
    ASHI_ROLE_SLIDE,        /* a slide, with its continuation pages */
    ASHI_ROLE_TITLE,        /* a slide's, section's or cover's title */
    ASHI_ROLE_SUBTITLE,
    ASHI_ROLE_HEADING,      /* <h> */
    ASHI_ROLE_PARAGRAPH,    /* <p> */
    ASHI_ROLE_LIST,
    ASHI_ROLE_LIST_ITEM,
    ASHI_ROLE_LABEL,        /* a list item's marker */
    ASHI_ROLE_LIST_BODY,    /* a list item's text */
    ASHI_ROLE_TABLE,
    ASHI_ROLE_TABLE_HEAD,   /* the header rows */
    ASHI_ROLE_TABLE_BODY,
    ASHI_ROLE_TABLE_ROW,
    ASHI_ROLE_HEADER_CELL,  /* th, or a cell of a header row */
    ASHI_ROLE_CELL,
    ASHI_ROLE_FIGURE,       /* an image, a chart, a photo placeholder */
    ASHI_ROLE_CAPTION,
    ASHI_ROLE_PHRASE,       /* a stat or a comparison: read as one */
    ASHI_ROLE_GROUP,        /* columns, a column, a box */
    ASHI_ROLE_RUBY,         /* a <ruby>: its base, then its reading */
    ASHI_ROLE_RUBY_BASE,
    ASHI_ROLE_RUBY_TEXT,    /* the reading (rt) */
    ASHI_ROLE_ARTIFACT,     /* page furniture: backgrounds, bands, footers, marks */
    ASHI_ROLE_COUNT
} ashi_dl_role;

/* The names of the roles, for traces ("section", "slide", ...). */
extern const char *const ashi_dl_role_names[ASHI_ROLE_COUNT];

/* A figure's data as a table (a chart's): cells row by row, the first row
 * and the first column being headers. */
typedef struct ashi_dl_table {
    size_t nrows, ncols;
    const char *const *cells; /* nrows * ncols, UTF-8 */
} ashi_dl_table;

typedef struct ashi_dl_struct {
    ashi_dl_role role;
    const char *alt;      /* a figure's alternative text (NULL: none) */
    const ashi_dl_table *data; /* a figure's data, or NULL */
    int colspan, rowspan; /* a cell's spans */
    ashi_loc loc;         /* the element it comes from */
} ashi_dl_struct;

typedef enum ashi_dl_kind {
    ASHI_DL_RUN,
    ASHI_DL_RECT,
    ASHI_DL_LINE,
    ASHI_DL_SPAN_BEGIN,
    ASHI_DL_SPAN_END,
    ASHI_DL_PATH,
    ASHI_DL_IMAGE,
    ASHI_DL_STRUCT_BEGIN,
    ASHI_DL_STRUCT_END,
} ashi_dl_kind;

typedef struct ashi_dl_item {
    ashi_dl_kind kind;
    union {
        ashi_dl_run run;
        ashi_dl_rect rect;
        ashi_dl_line line;
        ashi_dl_text_span span;
        ashi_dl_path path;
        ashi_dl_image image;
        ashi_dl_struct structure;
    } u;
} ashi_dl_item;

typedef struct ashi_dl_page {
    double w, h;
    ashi_dl_item *items;
    size_t nitems, cap;
    int open;     /* items on the heap, being added to (ashi_dl_close_page) */
    ashi_loc loc; /* the slide or section it shows */
} ashi_dl_page;

typedef struct ashi_dl_outline {
    int level; /* 0: top */
    const char *title;
    size_t page;
} ashi_dl_outline;

/* Most threads a layout uses (ashi_options_set_threads). */
#define ASHI_LAYOUT_THREADS 16

typedef struct ashi_dlist {
    ashi_arena *a;
    /* more arenas holding items, from layout threads; freed with a */
    ashi_arena *arenas[ASHI_LAYOUT_THREADS];
    int narenas;
    ashi_dl_page *pages;
    size_t npages, cap;
    ashi_dl_outline *outline;
    size_t noutline, outline_cap;
    const char *title, *author, *subject, *date, *lang;
    const uint8_t (*cmyk)[4]; /* colours 0x01000000 | i are cmyk[i], percent */
    int ncmyk;
    int print;                /* the deck asks for print output */
    int overprint;            /* in CMYK, 0/0/0/100 text, rules, small fills overprint */
    double bleed;             /* the deck's bleed, points; 0: default */
} ashi_dlist;

/* Appends; all return NULL or -1 when out of memory. A page's items are
 * kept on the heap while it is open (being added to); adding a page closes
 * the one before, ashi_dl_close closes them all (into the arena, exactly
 * sized), ashi_dl_release frees what is still open (when giving up). */
ashi_dl_page *ashi_dl_add_page(ashi_dlist *dl, double w, double h, ashi_loc loc);
ashi_dl_item *ashi_dl_add_item(ashi_dlist *dl, ashi_dl_page *pg, ashi_dl_kind kind);
int ashi_dl_close_page(ashi_dlist *dl, ashi_dl_page *pg);
int ashi_dl_close(ashi_dlist *dl);
void ashi_dl_release(ashi_dlist *dl);
int ashi_dl_add_outline(ashi_dlist *dl, int level, const char *title, size_t page);

/* A backend: called for each page and each item in order. Any non-zero
 * return stops the walk and is returned by ashi_dl_play. */
typedef struct ashi_device {
    void *user;
    int (*begin_page)(void *user, const ashi_dl_page *pg, size_t index);
    int (*run)(void *user, const ashi_dl_run *run);
    int (*rect)(void *user, const ashi_dl_rect *rect);
    int (*line)(void *user, const ashi_dl_line *line);
    int (*span_begin)(void *user, const ashi_dl_text_span *span);
    int (*span_end)(void *user);
    int (*path)(void *user, const ashi_dl_path *path);
    int (*image)(void *user, const ashi_dl_image *image);
    int (*begin_struct)(void *user, const ashi_dl_struct *s); /* may be NULL */
    int (*end_struct)(void *user);
    int (*end_page)(void *user, const ashi_dl_page *pg);
} ashi_device;

int ashi_dl_play(const ashi_dlist *dl, const ashi_device *dev);
/* One page's items only, without begin_page and end_page (for drawing a
 * page where the device chooses, e.g. on an imposed sheet). */
int ashi_dl_play_items(const ashi_dl_page *pg, const ashi_device *dev);

/* Print checks (check.c): warnings for text under 6 pt, images under
 * 300 ppi, hairlines, ink over the limit, black text overprinting a dark
 * fill and text within 3 mm of the trim edge; with full (check --print)
 * also RGB colours and images and small text on several plates. Colours
 * convert through cm (the output profile, whose own ink limit then holds)
 * when not NULL, else by the formula. */
struct ashi_cm;
void ashi_dl_print_check(const ashi_dlist *dl, int full, struct ashi_cm *cm, ashi_diags *d);

/* Text trace backend for golden tests: one line per page and item, with
 * glyph ids and positions rounded to 0.01 pt. */
int ashi_dl_trace(const ashi_dlist *dl, ashi_buf *out);

#endif
