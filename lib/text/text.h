/* text.h — Unicode text to shaped, broken lines: fonts, JLReq classes,
 * shaping with HarfBuzz over FreeType faces, line breaking.
 * SPDX-License-Identifier: MIT */
#ifndef ASHI_TEXT_H
#define ASHI_TEXT_H

#include "style/style.h"
#include "text/face.h"

/* ---- fonts (font.c) ----------------------------------------------------- */

typedef struct ashi_font_family {
    ashi_face *regular;
    ashi_face *bold; /* the regular face when the family has no bold */
} ashi_font_family;

/* The faces of one deck. Not thread-safe; one per deck. Faces come from
 * the cache when there is one (shared, read-only after opening: HarfBuzz
 * fonts made immutable, FreeType used only while opening), else are the
 * deck's own. */
typedef struct ashi_fontset {
    void *ft_library; /* FT_Library, for the deck's own faces */
    ashi_font_cache *cache;
    ashi_face *faces[2 * ASHI_MAX_FAMILIES];
    int owned[2 * ASHI_MAX_FAMILIES]; /* not from the cache: freed on close */
    int nfaces;
    ashi_font_family families[ASHI_MAX_FAMILIES];
    int nfamilies;
} ashi_fontset;

/* Opens every face the theme names, through cache when not NULL. Returns
 * 0, or -1 with diagnostics. */
int ashi_fontset_open(ashi_fontset *fs, const ashi_theme *t, ashi_font_cache *cache,
                      ashi_arena *a, ashi_diags *d);
/* The shared cache behind ashi_font_cache_new/free (thread-safe). */
ashi_font_cache *ashi_font_cache_create(void);
void ashi_font_cache_destroy(ashi_font_cache *c);
void ashi_fontset_close(ashi_fontset *fs);

/* ---- JLReq classes (classes.c) ------------------------------------------ */

typedef enum ashi_jclass {
    ASHI_CL_OPEN,       /* cl-01 opening brackets: never at line end */
    ASHI_CL_CLOSE,      /* cl-02 closing brackets: never at line start */
    ASHI_CL_HYPHEN,     /* cl-03 ‐ 〜 ゠ – ～ */
    ASHI_CL_DIVIDING,   /* cl-04 ！ ？ ‼ ⁇ ⁈ ⁉ */
    ASHI_CL_MIDDLE_DOT, /* cl-05 ・ ： ； */
    ASHI_CL_FULL_STOP,  /* cl-06 。 ． */
    ASHI_CL_COMMA,      /* cl-07 、 ， */
    ASHI_CL_INSEP,      /* cl-08 — ― … ‥ 〳〴〵: never split from its twin */
    ASHI_CL_ITERATION,  /* cl-09 ヽ ヾ ゝ ゞ 々 〻 */
    ASHI_CL_PROLONGED,  /* cl-10 ー */
    ASHI_CL_SMALL_KANA, /* cl-11 ぁ ッ ャ ... */
    ASHI_CL_PREFIX,     /* cl-12 ￥ ＄ ￡ ＃ € № $: stays with the number after */
    ASHI_CL_POSTFIX,    /* cl-13 ％ ℃ ‰ ° ′ ″ ㎏ ...: stays with the number before */
    ASHI_CL_IDEO_SPACE, /* cl-14 U+3000 */
    ASHI_CL_KANA,       /* cl-15, cl-16 hiragana and katakana */
    ASHI_CL_IDEO,       /* cl-19 ideographs, and other full-width symbols */
    ASHI_CL_DIGIT,      /* cl-23/24 digits, half and full width */
    ASHI_CL_LATIN,      /* cl-27 Western letters and word punctuation */
    ASHI_CL_SPACE,      /* Western space: a break opportunity, dropped at line end */
    ASHI_CL_BREAK,      /* forced break (<br/>) */
} ashi_jclass;

ashi_jclass ashi_jclass_of(uint32_t cp);
/* How strictly line-start rules apply (JLReq 3.1.7 and 3.1.10; CSS
 * line-break): strict keeps small kana and ー off a line's start, normal
 * allows them there, loose also allows hyphens (〜 ‐) and iteration marks. */
typedef enum ashi_kinsoku {
    ASHI_KINSOKU_STRICT, /* the default */
    ASHI_KINSOKU_NORMAL,
    ASHI_KINSOKU_LOOSE,
} ashi_kinsoku;

/* Classes that never start a line (JLReq 3.1.7), strictly. */
int ashi_jclass_no_start(ashi_jclass c);
/* The same at a strictness. */
int ashi_jclass_no_start_at(ashi_jclass c, ashi_kinsoku k);
/* Digits and Western letters: never split, no space added inside. */
int ashi_jclass_is_word(ashi_jclass c);
/* Kana and ideographs: where the quarter-em space to Western text goes. */
int ashi_jclass_is_japanese(ashi_jclass c);

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
    unsigned group; /* spans of one non-zero group stay on one line (nobr, ruby) */
    float rise;     /* baseline shift, points, up (sup, sub) */
    int fake_bold;  /* bold asked of a family without a bold face */
    float tracking; /* em added after each of its characters (style tracking) */
    int palt;       /* punctuation proportional (OpenType palt), without JLReq's aki */
    const char *ruby; /* reading set over this span (ruby), UTF-8 */
    size_t ruby_len;
    int ruby_mode;    /* ASHI_RUBY_GROUP, or _MONO / _JUKUGO: ruby holds one
                         reading per base character, separated by spaces */
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
    uint8_t brk;          /* break before it: ASHI_BRK_NO, _OK or _FORCED */
    uint8_t gap_kind;     /* what the gap after it may do in justification */
    uint8_t fake_bold;    /* draw with a stroked outline */
    uint8_t soft;         /* ASHI_SOFT_*: a break refused only to keep a number
                             with its units or an era name with its year (taken
                             at a cost when nothing else serves), or a break
                             allowed inside a URL or e-mail address */
    uint16_t group;       /* clusters of one non-zero group stay on one line */
    uint8_t palt;         /* from a palt span: punctuation as the font sets it */
    float tracking;       /* points added after it inside a line (style tracking) */
    uint32_t ruby;        /* 1 + index into ashi_para.rubies; 0: none */
    float rise;           /* baseline shift, points, up */
    /* Spacing (spacing.c), in points. Punctuation is set on a half-em core
     * whatever the font's own advance; shift moves the glyph onto it. */
    float shift;
    float gap;            /* space between this cluster and the next */
    float gap_min;        /* the least that space may shrink to */
    float lead;           /* space before it when it starts a line */
    float trail;          /* space after it when it ends a line */
    ashi_loc loc;
} ashi_cluster;

enum { ASHI_BRK_NO, ASHI_BRK_OK, ASHI_BRK_FORCED };
enum {
    ASHI_SOFT_NONE,
    ASHI_SOFT_UNIT, /* brk NO: between a number and its units (2,910万 / 円) */
    ASHI_SOFT_ERA,  /* brk NO: after an era name (令和 / 5年度) */
    ASHI_SOFT_URL,  /* brk OK: after / . - _ ? & = @ inside a URL or address */
};
enum {
    ASHI_GAP_NONE,   /* inside a word or number, before 、。 and closing
                        brackets, after opening ones, inside ―― ……: never
                        stretched */
    ASHI_GAP_CHAR,   /* between Japanese characters: stretched last */
    ASHI_GAP_SCRIPT, /* between Japanese and Western text (quarter em) */
    ASHI_GAP_SPACE,  /* next to a Western space */
    ASHI_GAP_PUNCT,  /* the aki after a closing bracket, comma or full stop,
                        before an opening bracket, beside ・: stretched first */
};

struct ashi_ruby;

typedef struct ashi_para {
    char *text;
    size_t len;
    ashi_cluster *clusters;
    size_t nclusters;
    ashi_glyph *glyphs;
    size_t nglyphs;
    struct ashi_ruby *rubies;
    size_t nrubies;
} ashi_para;

enum {
    ASHI_RUBY_GROUP,  /* one reading over the whole base, kept on one line */
    ASHI_RUBY_MONO,   /* a reading per character, each over its own */
    ASHI_RUBY_JUKUGO, /* the same where every reading of a line's part of
                         the word fits its character, else run on as one */
};

/* A reading over base clusters [c0, c1): its own shaped text at half the
 * base size, centred over the base (ruby.c places it). */
typedef struct ashi_ruby {
    size_t c0, c1;
    ashi_para text;
    double width;  /* of the reading */
    int mode;      /* ASHI_RUBY_* */
    unsigned word; /* mono and jukugo readings of one <ruby> share it (not 0) */
    /* set by ashi_space: what a reading wider than its base needs */
    float pad_l, pad_r;   /* space added before and after the base */
    float edge_l, edge_r; /* how far the base (with the rest of its jukugo
                             word on the line) moves when it starts or ends
                             a line */
} ashi_ruby;

/* Shapes spans into a paragraph allocated in a. Characters no face has are
 * warnings naming them and their line, drawn with the .notdef glyph.
 * Returns -1 only when out of memory. */
int ashi_shape(ashi_fontset *fs, const ashi_span *spans, size_t n, ashi_arena *a,
               ashi_diags *d, ashi_para *out);
/* The same, keeping the glyphs of each run in cache (may be NULL) and
 * taking them from it when the same run comes again: same result. */
typedef struct ashi_shape_cache ashi_shape_cache;
ashi_shape_cache *ashi_shape_cache_new(ashi_arena *a);
int ashi_shape_cached(ashi_fontset *fs, ashi_shape_cache *cache, const ashi_span *spans,
                      size_t n, ashi_arena *a, ashi_diags *d, ashi_para *out);

/* ---- spacing and line breaking (spacing.c, linebreak.c) ------------- */

typedef struct ashi_text_opts {
    int autospace;          /* quarter em between Japanese and Western text */
    int bracket_start_half; /* an opening bracket starting a line: no space before */
    int hanging;            /* 、。 at the end of a line may hang past it */
    ashi_kinsoku kinsoku;   /* line-start strictness */
    /* When not NULL, ashi_break_lines and ashi_para_extent add to it the
     * number of clusters they looked at: their work, which tests hold to
     * grow linearly with the paragraph whatever its text. */
    size_t *work;
} ashi_text_opts;

/* The defaults JLReq and the theme agree on. */
ashi_text_opts ashi_text_opts_default(void);

/* Marks break opportunities (JLReq line-start and line-end rules, numbers
 * with their units, Latin words) and the JLReq spacing of every cluster. */
void ashi_space(ashi_para *p, const ashi_text_opts *o);

typedef struct ashi_line {
    size_t c0, c1;  /* clusters [c0, c1) drawn on this line */
    double width;   /* set width: the measure for justified lines */
    double natural; /* width before justification or compression */
    float *x;       /* start of each cluster, from the line start */
    int hang;       /* the last cluster hangs past the measure */
} ashi_line;

/* Breaks a spaced paragraph into lines of at most `width` points, choosing
 * the breaks of the whole paragraph together (total fit, after Knuth and
 * Plass): the least demerits for loose lines, consecutive loose lines, a
 * lone last character, breaks inside a URL, and most of all for breaking a
 * number from its units, which happens only when nothing else fits. A line
 * may be squeezed by compressing punctuation spacing (oikomi) or end early
 * and be spread (oidashi); squeezing costs less. Justified lines (all but
 * the last and those ended by a forced break) get exactly `width`; one
 * spread by more than a quarter em a gap, which no other breaks avoid, is
 * a warning to d naming it, as is a word wider than the line, which is
 * split (d may be NULL). `first_indent` narrows the first line. The work
 * grows linearly with the paragraph: only breaks within a line's reach are
 * kept open. */
int ashi_break_lines(const ashi_para *p, double width, double first_indent, ashi_align align,
                     const ashi_text_opts *o, ashi_arena *a, ashi_diags *d, ashi_line **out,
                     size_t *nout);

/* ---- ruby (ruby.c) ---------------------------------------------------- */

/* Room for readings wider than their bases (called by ashi_space): each
 * side overhangs a neighbouring kana or punctuation by up to half the
 * reading's size, never an ideograph or another reading (in jukugo ruby:
 * the room its word's neighbouring reading leaves); the rest becomes space
 * beside the base. At a line's start or end the base stays flush with the
 * edge and the reading with it (lead and trail hold the difference). */
void ashi_ruby_space(ashi_para *p);
/* Moves a base that starts or ends line ln to the edge (after placing). */
void ashi_ruby_flush(const ashi_para *p, ashi_line *ln);
/* Where reading ru starts, from the line's origin, when its whole base is
 * on line ln: flush with the base at the line's edges, else centred. */
double ashi_ruby_x(const ashi_para *p, const ashi_ruby *ru, const ashi_line *ln);

/* The widest run no break opportunity splits (CSS min-content) and the
 * widest line when only forced breaks break (max-content), in points.
 * Returns -1 when out of memory. */
int ashi_para_extent(const ashi_para *p, const ashi_text_opts *o, ashi_mem *mem, double *min,
                     double *max);

#endif
