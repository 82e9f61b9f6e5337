/* doc.h — the document model: deck, sections, slides, blocks, inline runs.
 * Plain structs in the deck's arena, no libxml2 types.
 * SPDX-License-Identifier: MIT */
#ifndef ASHI_DOC_H
#define ASHI_DOC_H

#include "base/base.h"

typedef enum ashi_block_kind {
    ASHI_BLOCK_H,
    ASHI_BLOCK_P,
    ASHI_BLOCK_LIST,
    ASHI_BLOCK_COLUMNS,     /* children: ASHI_BLOCK_COLUMN */
    ASHI_BLOCK_COLUMN,      /* children: blocks */
    ASHI_BLOCK_BOX,         /* children: blocks */
    ASHI_BLOCK_STAT,        /* big-number callout */
    ASHI_BLOCK_COMPARE,     /* children: two ASHI_BLOCK_STAT */
    ASHI_BLOCK_SPACER,
    ASHI_BLOCK_PLACEHOLDER, /* a frame for a photo still to come */
    ASHI_BLOCK_ARROW,
    ASHI_BLOCK_IMAGE,       /* PNG or JPEG */
    ASHI_BLOCK_TABLE,       /* children: ASHI_BLOCK_COL then ASHI_BLOCK_ROW */
    ASHI_BLOCK_COL,         /* per-column settings: align, char, format */
    ASHI_BLOCK_ROW,         /* children: ASHI_BLOCK_CELL */
    ASHI_BLOCK_CELL,        /* th or td: inline text (inl) or blocks (children) */
    ASHI_BLOCK_CHART,       /* children: ASHI_BLOCK_CATEGORY, then ASHI_BLOCK_SERIES */
    ASHI_BLOCK_CATEGORY,    /* a category label (inl) */
    ASHI_BLOCK_SERIES,      /* numbers as text (inl), attributes name and color */
} ashi_block_kind;

/* An attribute as written, with the place of its name (for what the load
 * stage says about it later). */
typedef struct ashi_attr {
    const char *name, *value;
    ashi_loc loc;
} ashi_attr;

/* ---- typed attribute values ----------------------------------------------
 * Every attribute is parsed once, when the deck is loaded, by the parser of
 * its type (doc/value.c, driven by the vocabulary's table in doc/vocab.c);
 * the later stages read these fields and never the text. */

/* A length in points, or a percentage of what the layout measures against. */
typedef struct ashi_len {
    double v;           /* points, or percent when pct */
    unsigned char set;  /* 0: not given */
    unsigned char pct;
} ashi_len;

/* A colour as the deck gives it; the theme's names are resolved by the
 * layout against the theme (their set is fixed: ashi_theme_color_names). */
enum { ASHI_COLOR_UNSET, ASHI_COLOR_IS_NONE, ASHI_COLOR_IS_RGB, ASHI_COLOR_IS_THEME,
       ASHI_COLOR_IS_CMYK };
typedef struct ashi_color {
    unsigned char kind;
    uint32_t v; /* 0xRRGGBB, the theme colour's index, or (theme only) the four
                   percentages of cmyk(C,M,Y,K) as 0xCCMMYYKK */
} ashi_color;

/* <style leading>: a factor of the size, or the line pitch in points. */
typedef struct ashi_leading {
    double v;
    unsigned char set, pitch;
} ashi_leading;

/* <style indent>: points, or a multiple of the size (em). */
typedef struct ashi_indent {
    double v;
    unsigned char set, em;
} ashi_indent;

#define ASHI_THEME_COLORS 10
extern const char *const ashi_theme_color_names[ASHI_THEME_COLORS];

/* A number format: tables' <col format> and charts' number-format. */
enum { ASHI_NF_UNSET, ASHI_NF_COMMA, ASHI_NF_FIXED, ASHI_NF_PERCENT, ASHI_NF_MAN, ASHI_NF_OKU,
       ASHI_NF_AUTO };
typedef struct ashi_numfmt {
    unsigned char kind, digits; /* digits: fixed:N */
} ashi_numfmt;

/* One entry of widths="40mm 1fr 25% auto". */
enum { ASHI_W_AUTO, ASHI_W_FR, ASHI_W_FIXED, ASHI_W_PCT };
typedef struct ashi_width {
    unsigned char kind;
    double v; /* fr share, points, or percent */
} ashi_width;

typedef struct ashi_widths {
    const ashi_width *v; /* NULL: not given */
    int n;
} ashi_widths;

/* border="0.75pt accent dashed" */
typedef struct ashi_border {
    double width;
    ashi_color color;
    unsigned char set, dashed;
} ashi_border;

typedef struct ashi_optnum {
    double v;
    unsigned char set;
} ashi_optnum;

/* Enumerations: 0 is "not given", then the values in the order the
 * vocabulary lists them. */
enum { ASHI_ALIGN_V_START = 1, ASHI_ALIGN_V_CENTER, ASHI_ALIGN_V_END, ASHI_ALIGN_V_JUSTIFY,
       ASHI_ALIGN_V_NUM, ASHI_ALIGN_V_CHAR };
enum { ASHI_VALIGN_TOP = 1, ASHI_VALIGN_MIDDLE, ASHI_VALIGN_BOTTOM };
enum { ASHI_DIR_DOWN = 1, ASHI_DIR_RIGHT };
enum { ASHI_ARROW_TRIANGLE = 1, ASHI_ARROW_BLOCK };
enum { ASHI_FIT_CONTAIN = 1, ASHI_FIT_COVER };
enum { ASHI_CHART_BAR = 1, ASHI_CHART_HBAR };
enum { ASHI_LEGEND_TOP = 1, ASHI_LEGEND_RIGHT, ASHI_LEGEND_NONE };
enum { ASHI_BORDERS_GRID = 1, ASHI_BORDERS_RULES, ASHI_BORDERS_NONE };
enum { ASHI_SPLIT_ERROR = 1, ASHI_SPLIT_CONTINUE };
enum { ASHI_BOOL_TRUE = 1, ASHI_BOOL_FALSE };
enum { ASHI_ONOFF_ON = 1, ASHI_ONOFF_OFF };

/* What a block's attributes say, typed. One struct for every kind of block
 * (each kind reads its own fields); a block with no attributes shares
 * ashi_props_none. */
typedef struct ashi_props {
    ashi_len x, y, w, h;                 /* every block: placement and size */
    unsigned char align, valign;         /* h p col td th | box column td th */
    unsigned char dir, arrow_style;      /* arrow */
    unsigned char fit;                   /* image */
    unsigned char type, stacked, legend; /* chart */
    unsigned char borders, zebra, first_col, split; /* table */
    ashi_color color;                    /* stat arrow series */
    ashi_color fill;                     /* box */
    ashi_border border;                  /* box */
    ashi_len radius, padding, gap;       /* box | box table | columns */
    ashi_widths widths;                  /* columns table */
    ashi_numfmt format;                  /* col format, chart number-format */
    ashi_optnum min, max;                /* chart */
    double bar_width;                    /* chart: a share of the slot, 0: not given */
    double aspect_w, aspect_h;           /* placeholder: 0 0: not given */
    int header_rows;                     /* table: -1 not given */
    int colspan, rowspan;                /* td th: 0 not given */
    uint32_t chr;                        /* col td th char: the character, 0 not given */
    const char *label, *value, *unit, *note, *title, *source, *src, *alt, *caption,
        *marker, *name, *highlight, *ratio, *chr_text;
} ashi_props;

extern const ashi_props ashi_props_none;

/* Inline run flags, combined as nesting goes. */
enum {
    ASHI_INL_BOLD = 1 << 0, /* <b> */
    ASHI_INL_EM = 1 << 1,   /* <em>: the theme's em style (accent colour) */
    ASHI_INL_SUP = 1 << 2,  /* <sup> */
    ASHI_INL_SUB = 1 << 3,  /* <sub> */
    ASHI_INL_NOBR = 1 << 4, /* <nobr>: kept on one line */
};

/* How a <ruby>'s reading sits over its base. */
enum {
    ASHI_RUBYMODE_GROUP,  /* one reading over the whole base (the default) */
    ASHI_RUBYMODE_MONO,   /* one reading per base character, space-separated */
    ASHI_RUBYMODE_JUKUGO, /* the same, or run on as one where one does not fit */
};

typedef enum ashi_inline_kind {
    ASHI_INL_TEXT,
    ASHI_INL_BREAK, /* <br/> */
} ashi_inline_kind;

typedef struct ashi_inline {
    ashi_inline_kind kind;
    unsigned flags;
    const char *text; /* UTF-8, validated; NUL-terminated */
    size_t len;
    ashi_color color;  /* <span color>, innermost wins; unset: inherited */
    ashi_len size;     /* <span size>: a length or a percentage; unset: inherited */
    const char *ruby;  /* <ruby rt>: the annotation over this run's text */
    int ruby_mode;     /* <ruby mode>: ASHI_RUBYMODE_* */
    unsigned group;    /* runs of one <nobr> or <ruby> share a non-zero group */
    ashi_loc loc;      /* of the element (or text parent) it came from */
    ashi_loc span_loc; /* of the <span> that set color or size */
    struct ashi_inline *next;
} ashi_inline;

typedef struct ashi_item {
    ashi_loc loc;
    ashi_inline *inl;
    struct ashi_item *next;
} ashi_item;

/* A CSV file's records, as read at load (xml/csv.c). */
typedef struct ashi_csv_row {
    char **fields;
    size_t n;
    unsigned line; /* where the record starts */
} ashi_csv_row;

typedef struct ashi_csv {
    ashi_csv_row *rows;
    size_t n;
} ashi_csv;

/* A chart's data, read from its <category> and <series> elements or its
 * CSV and checked at load (doc/chart.c). */
#define ASHI_CHART_MAX_CATS 256
#define ASHI_CHART_MAX_SERIES 12
typedef struct ashi_chart_data {
    size_t ncats, nseries;
    const char **cats;    /* the categories' labels */
    ashi_loc *cat_loc;    /* each <category>, or the chart when from a CSV */
    const char **names;   /* the series' names (NULL: none) */
    ashi_color *colors;   /* as given; unset: the layout's palette */
    double **vals;        /* vals[series][category] */
    double lo, hi;        /* what the bars reach (stacked: the totals), zero included */
    int axis_ok;          /* min and max leave room for the data (else reported) */
} ashi_chart_data;

/* A table's grid, placed at load as HTML places cells (doc/table.c). */
#define ASHI_TABLE_MAX_COLS 64
typedef struct ashi_grid_cell {
    const struct ashi_block *b;
    int row, col, rows, cols; /* position and span */
} ashi_grid_cell;

typedef struct ashi_table_grid {
    const ashi_grid_cell *cells; /* in row order */
    size_t ncells;
    int nrows, ncols, header_rows;
    const struct ashi_block *colspec[ASHI_TABLE_MAX_COLS]; /* each column's <col>, or NULL */
} ashi_table_grid;

typedef struct ashi_block {
    ashi_block_kind kind;
    ashi_loc loc;
    ashi_inline *inl;   /* h, p */
    const char *marker; /* list: UTF-8 marker, default "・" */
    ashi_item *items;   /* list */
    struct ashi_block *children; /* columns, column, box, compare, table, row, cell */
    int header;         /* cell: th */
    ashi_attr *attrs;   /* the attributes as written, NULL-name terminated */
    const ashi_props *p; /* and what they say; never NULL once loaded */
    /* what the files it names hold, read and decoded at load (lib/res);
     * NULL when there is none or it could not be used (reported) */
    const struct ashi_image *image; /* image src */
    const struct ashi_csv *csv;     /* table or chart src */
    const ashi_chart_data *chart;   /* chart: its data (NULL: none usable, reported) */
    const ashi_table_grid *grid;    /* table: its cells placed (NULL: none, reported) */
    /* a figure's alternative text, made at load: an image's alt, a
     * placeholder's label as shown, a chart's alt or its data in words */
    const char *alt;
    struct ashi_block *rows;        /* table src: its rows, made from csv */
    struct ashi_block *next;
} ashi_block;

/* The place of a block's attribute as written, or the block's own; and
 * its text as written ("" when absent), for messages. */
ashi_loc ashi_block_attr_loc(const ashi_block *b, const char *name);
const char *ashi_block_attr_text(const ashi_block *b, const char *name);

typedef enum ashi_slide_layout {
    ASHI_LAYOUT_CONTENT,
    ASHI_LAYOUT_COVER,
    ASHI_LAYOUT_SECTION,
    ASHI_LAYOUT_BLANK,
} ashi_slide_layout;

struct ashi_section;

typedef struct ashi_slide {
    ashi_loc loc;
    const char *title; /* may be NULL */
    const char *subtitle;
    ashi_slide_layout layout;
    double page_w, page_h; /* 0: the deck's */
    int band, footer, number; /* master parts: 1 on, 0 off, -1 as the master says */
    int fit_shrink;           /* fit="shrink" */
    double fit_min;           /* its smallest size as a share, default 0.7 */
    ashi_block *blocks;
    struct ashi_section *section; /* NULL at deck level */
    struct ashi_slide *next_in_section;
} ashi_slide;

typedef struct ashi_section {
    ashi_loc loc;
    const char *title;
    const char *subtitle;
    ashi_slide *slides;
} ashi_section;

/* The deck body in order: each entry is a section (its divider, then its
 * slides) or a slide at deck level. */
typedef struct ashi_entry {
    ashi_section *section; /* exactly one of section, slide */
    ashi_slide *slide;
    struct ashi_entry *next;
} ashi_entry;

/* Theme entries as written; resolved by style/. */
typedef struct ashi_theme_font {
    ashi_loc loc;
    const char *name, *regular, *bold;
    struct ashi_theme_font *next;
} ashi_theme_font;

typedef struct ashi_theme_color {
    ashi_loc loc;
    const char *name; /* resolved by style/ */
    ashi_color value; /* typed at load; unset when it was not allowed (reported) */
    const char *text; /* as written */
    struct ashi_theme_color *next;
} ashi_theme_color;

typedef struct ashi_theme_style {
    ashi_loc loc;
    const char *name, *font; /* resolved by style/ */
    ashi_len size;           /* the rest typed at load; unset: as the style was */
    ashi_leading leading;
    ashi_color color;
    const char *color_text;
    int weight, align;       /* -1: not given; bold 1 normal 0; ashi_align */
    ashi_indent indent;
    ashi_loc indent_loc;
    double tracking;         /* per cent of the size between characters */
    int has_tracking;
    int palt;                /* proportional punctuation: 1 on, 0 off, -1 not given */
    struct ashi_theme_style *next;
} ashi_theme_style;

typedef struct ashi_doc {
    ashi_loc loc;
    const char *lang;      /* xml:lang, default "ja" */
    double page_w, page_h; /* points */
    const char *title, *author, *subject, *date;
    ashi_theme_font *fonts;
    ashi_theme_color *colors;
    ashi_theme_style *styles;
    int autospace, hanging, bracket_start_half; /* <theme> switches; -1: not given */
    int overprint;        /* <theme overprint>: K100 overprints in print; -1: not given */
    int kinsoku;          /* <theme kinsoku>: 0 strict, 1 normal, 2 loose; -1: not given */
    const char *footer_text;  /* <master footer-text> */
    int master_number;        /* 1 on, 0 off, -1 not given */
    ashi_color master_background;
    const char *master_logo; /* image file, relative to the deck */
    const struct ashi_image *logo; /* it, decoded at load; NULL: none */
    ashi_loc master_loc;
    ashi_loc theme_loc;
    ashi_entry *entries;
    int print;            /* deck print="on": bleed, marks, CMYK */
    double bleed;         /* deck bleed="3mm" in points; -1: not given */
    const char *output_profile; /* deck output-profile: ICC file, relative to the deck */
    ashi_loc output_profile_loc;
    int photo_intent;     /* deck photo-intent: 0 perceptual, 1 relative; -1: not given */
} ashi_doc;

/* Looks up a page name ("A4", "A4-landscape", "16:9", "210mm 297mm");
 * returns 0 and the size in points, -1 when unknown or invalid, -2 for two
 * lengths outside 10mm to 5000mm. */
int ashi_page_size(const char *name, double *w, double *h);

#endif
