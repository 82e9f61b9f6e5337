/* style.h — the theme: fonts (resolved to files), colours and text styles,
 * with defaults and inheritance resolved once so layout reads final values.
 * SPDX-License-Identifier: MIT */
#ifndef ASHI_STYLE_STYLE_H
#define ASHI_STYLE_STYLE_H

#include "doc/doc.h"

typedef enum ashi_style_id {
    ASHI_STYLE_BODY,             /* p, list items */
    ASHI_STYLE_H,                /* h */
    ASHI_STYLE_TITLE,            /* slide title in the band */
    ASHI_STYLE_COVER_TITLE,      /* title of a cover slide */
    ASHI_STYLE_SECTION_TITLE,    /* section divider title */
    ASHI_STYLE_SECTION_SUBTITLE, /* section divider subtitle */
    ASHI_STYLE_FOOTER,           /* page number and author */
    ASHI_STYLE_EM,               /* <em>: only its colour and weight apply */
    ASHI_STYLE_STAT_LABEL,       /* <stat label> */
    ASHI_STYLE_STAT_VALUE,       /* <stat value>: the big number */
    ASHI_STYLE_STAT_UNIT,        /* <stat unit> */
    ASHI_STYLE_STAT_NOTE,        /* <stat note> */
    ASHI_STYLE_CAPTION,          /* placeholders, arrow labels */
    ASHI_STYLE_COVER_SUBTITLE,   /* subtitle of a cover slide */
    ASHI_STYLE_TABLE,            /* table cells */
    ASHI_STYLE_TABLE_HEAD,       /* header cells (th, header rows) */
    ASHI_STYLE_COUNT
} ashi_style_id;

typedef enum ashi_color_id {
    ASHI_COLOR_TEXT,
    ASHI_COLOR_ACCENT,     /* <em> */
    ASHI_COLOR_BAND,       /* title band fill */
    ASHI_COLOR_BAND_TEXT,  /* title in the band */
    ASHI_COLOR_BACKGROUND, /* page */
    ASHI_COLOR_MUTED,      /* footer, rules */
    ASHI_COLOR_SECTION,    /* section divider fill */
    ASHI_COLOR_TABLE_HEAD, /* header cell fill */
    ASHI_COLOR_TABLE_ZEBRA,/* every other row */
    ASHI_COLOR_TABLE_LINE, /* table rules and grid */
    ASHI_COLOR_COUNT
} ashi_color_id;

typedef struct ashi_family {
    const char *name;
    const char *regular; /* resolved paths */
    const char *bold;    /* NULL: the family has no bold face */
    /* device and inode of a file found in the deck's folder (0 0 when
     * found in a font folder), checked again when it is opened */
    unsigned long long regular_id[2], bold_id[2];
    ashi_loc loc;
} ashi_family;

typedef enum ashi_align {
    ASHI_ALIGN_START,
    ASHI_ALIGN_CENTER,
    ASHI_ALIGN_END,
    ASHI_ALIGN_JUSTIFY,
} ashi_align;

typedef struct ashi_text_style {
    int family;     /* index into ashi_theme.families */
    double size;    /* points */
    double leading; /* line height as a multiple of size */
    uint32_t color; /* 0xRRGGBB */
    int bold;
    ashi_align align;
    double indent;  /* first-line indent, points */
    double pitch;   /* line height as a length (points); 0: use leading */
    double tracking; /* added between characters, in em (tracking="5%": 0.05) */
    int palt;       /* punctuation set proportionally (OpenType palt), no aki */
} ashi_text_style;

typedef struct ashi_theme {
    ashi_family families[ASHI_MAX_FAMILIES];
    int nfamilies;
    ashi_text_style styles[ASHI_STYLE_COUNT];
    uint32_t colors[ASHI_COLOR_COUNT];
    /* colours given as cmyk(): a colour 0x01000000 | i is cmyk[i] (percent);
     * the first reserved_cmyk are the default theme's (K100 text for print) */
    uint8_t cmyk[65][4];
    int ncmyk, reserved_cmyk;
    /* JLReq switches */
    int autospace;          /* quarter em between Japanese and Western text */
    int bracket_start_half; /* no space before an opening bracket at line start */
    int hanging;            /* 、。 may hang past the line end */
    int kinsoku;            /* line-start strictness: 0 strict, 1 normal, 2 loose */
    /* print: K100 text, rules and small fills overprint (墨ノセ) */
    int overprint;
} ashi_theme;

/* Resolves the deck's theme over the built-in default (for print, when
 * print is set: the default text colour is K100). Font files are
 * looked up in the deck's folder through res (its path rule; res NULL:
 * none), then in dirs[0..ndirs) in order. Problems go to d. Returns -1
 * only when out of memory. */
struct ashi_res; /* res/res.h */
int ashi_style_resolve(const ashi_doc *doc, int print, struct ashi_res *res,
                       const char *const *dirs, size_t ndirs, ashi_arena *a, ashi_diags *d,
                       ashi_theme *out);

#endif
