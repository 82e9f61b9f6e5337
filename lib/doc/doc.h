/* doc.h — the document model: deck, sections, slides, blocks, inline runs.
 * Plain structs in the deck's arena, no libxml2 types.
 * SPDX-License-Identifier: MIT */
#ifndef ASHI_DOC_H
#define ASHI_DOC_H

#include "base/base.h"

/* Inline run flags, combined as nesting goes. */
enum {
    ASHI_INL_BOLD = 1 << 0, /* <b> */
    ASHI_INL_EM = 1 << 1,   /* <em>: the theme's em style (accent colour) */
    ASHI_INL_SUP = 1 << 2,  /* <sup> */
    ASHI_INL_SUB = 1 << 3,  /* <sub> */
    ASHI_INL_NOBR = 1 << 4, /* <nobr>: kept on one line */
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
    const char *color; /* <span color>, innermost wins; NULL: inherited */
    const char *size;  /* <span size>: a length or a percentage; NULL: inherited */
    const char *ruby;  /* <ruby rt>: the annotation over this run's text */
    unsigned group;    /* runs of one <nobr> or <ruby> share a non-zero group */
    ashi_loc loc;      /* of the element (or text parent) it came from */
    ashi_loc span_loc; /* of the <span> that set color or size */
    struct ashi_inline *next;
} ashi_inline;

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

/* An attribute as written; values are checked where they are used. */
typedef struct ashi_attr {
    const char *name, *value;
} ashi_attr;

typedef struct ashi_item {
    ashi_loc loc;
    ashi_inline *inl;
    struct ashi_item *next;
} ashi_item;

typedef struct ashi_block {
    ashi_block_kind kind;
    ashi_loc loc;
    ashi_inline *inl;   /* h, p */
    const char *marker; /* list: UTF-8 marker, default "・" */
    ashi_item *items;   /* list */
    struct ashi_block *children; /* columns, column, box, compare, table, row, cell */
    int header;         /* cell: th */
    ashi_attr *attrs;   /* all attributes, NULL-name terminated */
    /* what the files it names hold, read and decoded at load (lib/res);
     * NULL when there is none or it could not be used (reported) */
    const struct ashi_image *image; /* image src */
    const struct ashi_csv *csv;     /* table or chart src */
    struct ashi_block *rows;        /* table src: its rows, made from csv */
    struct ashi_block *next;
} ashi_block;

/* The value of a block's attribute, or NULL. */
const char *ashi_block_attr(const ashi_block *b, const char *name);

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
    const char *fit;          /* "shrink" or NULL */
    const char *fit_min;      /* smallest size as a percentage, default 70% */
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
    const char *name, *value;
    struct ashi_theme_color *next;
} ashi_theme_color;

typedef struct ashi_theme_style {
    ashi_loc loc;
    const char *name, *font, *size, *leading, *color, *weight, *align, *indent;
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
    const char *autospace, *hanging, *bracket_start; /* <theme> switches */
    const char *footer_text;  /* <master footer-text> */
    const char *master_number, *master_background;
    const char *master_logo; /* image file, relative to the deck */
    const struct ashi_image *logo; /* it, decoded at load; NULL: none */
    ashi_loc master_loc;
    ashi_loc theme_loc;
    ashi_entry *entries;
    const char *print;    /* deck print="on": bleed, marks, CMYK */
    const char *bleed;    /* deck bleed="3mm" */
    /* Schema violations, held back until the later stages have spoken:
     * only those on a line no other diagnostic names are reported. */
    ashi_diags schema;
} ashi_doc;

/* Looks up a page name ("A4", "A4-landscape", "16:9", "210mm 297mm");
 * returns 0 and the size in points, -1 when unknown or invalid, -2 for two
 * lengths outside 10mm to 5000mm. */
int ashi_page_size(const char *name, double *w, double *h);

#endif
