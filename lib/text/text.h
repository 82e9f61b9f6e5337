/* text.h — Unicode text to shaped, broken lines: fonts, JLReq classes,
 * shaping with HarfBuzz over FreeType faces, line breaking.
 * SPDX-License-Identifier: MIT */
#ifndef ASHI_TEXT_H
#define ASHI_TEXT_H

#include "style/style.h"

/* ---- fonts (font.c) ----------------------------------------------------- */

/* One font file: mapped once, shared by FreeType (metrics, coverage) and
 * HarfBuzz (shaping, subsetting). Owned by its fontset. */
typedef struct ashi_face {
    const char *path;
    const char *ps_name;  /* PostScript name, for the PDF FontDescriptor */
    unsigned upem;
    int index;            /* position in its fontset */
    /* metrics in font units */
    int ascender, descender, cap_height, bbox[4], italic_angle;
    void *ft_face;        /* FT_Face */
    void *hb_face;        /* hb_face_t * */
    void *hb_font;        /* hb_font_t *, scale = upem */
    void *map;
    size_t map_len;
} ashi_face;

typedef struct ashi_font_family {
    ashi_face *regular;
    ashi_face *bold; /* the regular face when the family has no bold */
} ashi_font_family;

/* The faces of one deck. Not thread-safe; one per deck. */
typedef struct ashi_fontset {
    void *ft_library; /* FT_Library */
    ashi_face *faces[2 * ASHI_MAX_FAMILIES];
    int nfaces;
    ashi_font_family families[ASHI_MAX_FAMILIES];
    int nfamilies;
} ashi_fontset;

/* Opens every face the theme names. Returns 0, or -1 with diagnostics. */
int ashi_fontset_open(ashi_fontset *fs, const ashi_theme *t, ashi_arena *a, ashi_diags *d);
void ashi_fontset_close(ashi_fontset *fs);
/* Glyph for cp in face, 0 when the face has none. */
uint32_t ashi_face_glyph(const ashi_face *f, uint32_t cp);
/* Advance width of a glyph in font units. */
int ashi_face_advance(const ashi_face *f, uint32_t gid);

/* ---- JLReq classes (classes.c) ------------------------------------------ */

typedef enum ashi_jclass {
    ASHI_CL_IDEO,    /* ideographs, kana and other breakable letters */
    ASHI_CL_OPEN,    /* opening brackets: never at line end */
    ASHI_CL_CLOSE,   /* closing brackets: never at line start */
    ASHI_CL_NOSTART, /* 、。，．・：；！？ small kana ー ゝゞ々: never at line start */
    ASHI_CL_ALNUM,   /* Latin letters, digits, and what joins them: never split */
    ASHI_CL_SPACE,   /* breakable space, dropped at line end */
    ASHI_CL_INSEP,   /* … ‥ — ― : never split from its twin */
    ASHI_CL_PREFIX,  /* ￥ ＄ ¥ $ £ € : stays with the number after */
    ASHI_CL_POSTFIX, /* ％ % ℃ ‰ ° : stays with the number before */
    ASHI_CL_BREAK,   /* forced break (<br/>) */
} ashi_jclass;

ashi_jclass ashi_jclass_of(uint32_t cp);
/* May a line break fall between a character of class a and one of class b? */
int ashi_can_break(ashi_jclass a, ashi_jclass b);

/* ---- shaping (shape.c) -------------------------------------------------- */

/* A styled span of input text; a span with brk set is a forced break. */
typedef struct ashi_span {
    const char *text;
    size_t len;
    int family;     /* index into the fontset's families */
    int bold;
    double size;    /* points */
    uint32_t color; /* 0xRRGGBB */
    int brk;
    ashi_loc loc;
} ashi_span;

typedef struct ashi_glyph {
    uint32_t gid;
    float adv;    /* points */
    float dx, dy; /* points, y up */
} ashi_glyph;

/* The unit of line breaking: one cluster of characters and its glyphs. */
typedef struct ashi_cluster {
    uint32_t cp;          /* first character */
    uint32_t off, len;    /* bytes in ashi_para.text */
    uint32_t g0, ng;      /* glyphs in ashi_para.glyphs */
    float width;          /* points */
    float size;
    uint32_t color;
    ashi_face *face;
    uint8_t cls;          /* ashi_jclass */
    ashi_loc loc;
} ashi_cluster;

typedef struct ashi_para {
    char *text;
    size_t len;
    ashi_cluster *clusters;
    size_t nclusters;
    ashi_glyph *glyphs;
    size_t nglyphs;
} ashi_para;

/* Shapes spans into a paragraph allocated in a. Characters no face has are
 * warnings naming them and their line, drawn with the .notdef glyph.
 * Returns -1 only when out of memory. */
int ashi_shape(ashi_fontset *fs, const ashi_span *spans, size_t n, ashi_arena *a,
               ashi_diags *d, ashi_para *out);

/* ---- line breaking (linebreak.c) ---------------------------------------- */

typedef struct ashi_line {
    size_t c0, c1; /* clusters [c0, c1) drawn on this line */
    double width;  /* their advance, trailing spaces excluded */
} ashi_line;

/* Breaks a paragraph into lines of at most `width` points, respecting the
 * line-start and line-end rules of ashi_can_break; a run that cannot be
 * broken and is wider than the line is split where it overflows. */
int ashi_break_lines(const ashi_para *p, double width, ashi_arena *a, ashi_line **out,
                     size_t *nout);

#endif
