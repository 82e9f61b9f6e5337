/* base.h — what every stage shares: arena, string buffer, UTF-8, numbers,
 * diagnostics. SPDX-License-Identifier: MIT */
#ifndef ASHI_BASE_H
#define ASHI_BASE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "ashireport.h"

/* A source location: 1-based line and column; 0 is unknown. */
typedef struct ashi_loc {
    unsigned line;
    unsigned col;
} ashi_loc;

/* Heap allocation (mem.c). Everything the library allocates goes through
 * these, with the deck's probe (NULL: none), which counts the allocations
 * and, for the benchmark, the time and allocations of each phase. In
 * builds with ASHI_FAULT_INJECTION (debug builds) the fail_at-th
 * allocation counted fails (0: none), so that tests can fail each
 * allocation in turn. Without a probe they are malloc and friends. */
typedef enum ashi_phase {
    ASHI_PHASE_PARSE,  /* XML, schema, document model */
    ASHI_PHASE_STYLE,  /* theme and font files found */
    ASHI_PHASE_FONTS,  /* fonts opened */
    ASHI_PHASE_LAYOUT, /* pages laid out, shaping and line breaking included */
    ASHI_PHASE_SHAPE,  /* text shaping (HarfBuzz) */
    ASHI_PHASE_BREAK,  /* JLReq spacing and line breaking */
    ASHI_PHASE_SUBSET, /* font subsets and their PDF objects */
    ASHI_PHASE_PDF,    /* the whole PDF, font subsets included */
    ASHI_PHASE_COUNT
} ashi_phase;
typedef struct ashi_mem {
    size_t fail_at, count;
    double ms[ASHI_PHASE_COUNT];      /* time in each phase */
    size_t allocs[ASHI_PHASE_COUNT];  /* allocations made in it */
} ashi_mem;
/* Phase timing: t = ashi_phase_begin(m); ...; ashi_phase_end(m, phase, t). */
typedef struct ashi_phase_mark {
    double t;
    size_t count;
} ashi_phase_mark;
ashi_phase_mark ashi_phase_begin(const ashi_mem *m);
void ashi_phase_end(ashi_mem *m, ashi_phase phase, ashi_phase_mark mark);
void *ashi_malloc(ashi_mem *m, size_t size);
void *ashi_calloc(ashi_mem *m, size_t n, size_t size);
void *ashi_realloc(ashi_mem *m, void *p, size_t size);
char *ashi_strdup(ashi_mem *m, const char *s);

/* Arena: bump allocator owning everything of one deck; freed at once. Its
 * chunks come from m, which the stages that hold the arena use for their
 * own heap memory too (ashi_arena_mem). */
typedef struct ashi_arena ashi_arena;
ashi_arena *ashi_arena_new(ashi_mem *m);
ashi_mem *ashi_arena_mem(const ashi_arena *a);
/* Frees everything allocated from a, which stays usable. */
void ashi_arena_reset(ashi_arena *a);
/* A point to go back to: ashi_arena_release frees everything allocated
 * since ashi_arena_save (marks nest like a stack). */
typedef struct ashi_arena_mark {
    void *head;
    size_t used, seq;
} ashi_arena_mark;
ashi_arena_mark ashi_arena_save(const ashi_arena *a);
void ashi_arena_release(ashi_arena *a, ashi_arena_mark m);
void ashi_arena_free(ashi_arena *a);
/* Zeroed memory aligned for any type; NULL when out of memory. */
void *ashi_arena_alloc(ashi_arena *a, size_t size);
/* Grows an array owned by the arena: returns the new block (old contents
 * copied) or NULL. The old block stays allocated until the arena dies. */
void *ashi_arena_grow(ashi_arena *a, void *old, size_t old_size, size_t new_size);
char *ashi_arena_strndup(ashi_arena *a, const char *s, size_t n);
char *ashi_arena_strdup(ashi_arena *a, const char *s);
char *ashi_arena_printf(ashi_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Growable byte buffer on the heap; oom sticks once set. mem is where it
 * allocates from (may be NULL). */
typedef struct ashi_buf {
    char *data;
    size_t len;
    size_t cap;
    int oom;
    ashi_mem *mem;
} ashi_buf;
void ashi_buf_append(ashi_buf *b, const void *p, size_t n);
void ashi_buf_puts(ashi_buf *b, const char *s);
void ashi_buf_putc(ashi_buf *b, char c);
void ashi_buf_printf(ashi_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Appends v with at most `decimals` decimals, trailing zeros removed,
 * independent of the C locale (PDF needs '.' whatever LC_NUMERIC says). */
void ashi_buf_num(ashi_buf *b, double v, int decimals);
/* Appends the low 16 bits of v as four upper-case hex digits. */
void ashi_buf_hex4(ashi_buf *b, unsigned v);
void ashi_buf_free(ashi_buf *b);

/* UTF-8: decodes the code point at s[*pos], advancing *pos. Returns 0, or
 * -1 for an invalid or truncated sequence (then *pos advances one byte). */
int ashi_utf8_next(const char *s, size_t len, size_t *pos, uint32_t *cp);
/* Encodes cp into out (4 bytes), returns the length. */
size_t ashi_utf8_put(uint32_t cp, char out[4]);
/* Returns the byte offset of the first invalid sequence, or (size_t)-1. */
size_t ashi_utf8_check(const char *s, size_t len);
/* East Asian wide or fullwidth (ideographs, kana, CJK punctuation, fullwidth
 * forms): where a source line break between two characters is no space. */
int ashi_is_wide(uint32_t cp);
/* Combining marks, variation selectors, ZWJ: part of the character before. */
int ashi_is_attached(uint32_t cp);
/* Characters as a reader counts them: code points not attached. */
size_t ashi_utf8_chars(const char *s, size_t len);
/* How much of s (n bytes) to quote in a message: n, or at most max bytes
 * cut between two UTF-8 characters, as an int for "%.*s". */
int ashi_utf8_prefix(const char *s, size_t n, size_t max);
/* Cuts an incomplete UTF-8 character off the end of the string s (left
 * by a format's output cut at its buffer's size). */
void ashi_utf8_trim(char *s);
/* The next word of s separated by spaces (ASCII or U+3000) from *pos:
 * sets [*w0, *w1) and moves *pos past it; 0 when no word is left. */
int ashi_utf8_word(const char *s, size_t len, size_t *pos, size_t *w0, size_t *w1);
/* How many such words s holds. */
size_t ashi_utf8_words(const char *s, size_t len);

/* Colours, as the theme resolves them and the display list carries them:
 * 0xRRGGBB, or ASHI_CMYK_TAG | i for entry i of the deck's CMYK table. */
#define ASHI_CMYK_TAG 0x01000000u
#define ASHI_IS_CMYK(c) (((c) >> 24) == 0x01)
/* An RGB colour as inks by the documented formula (no colour profile):
 * K = 1 - max(R, G, B), the rest what is left; fractions 0 to 1 (num.c). */
void ashi_rgb_to_cmyk(uint32_t rgb, double cmyk[4]);
/* A cmyk() colour (percent) as the inks would look on screen, by the same
 * plain formula backwards: R = (1 - C)(1 - K), and so on (num.c). */
void ashi_cmyk_to_rgb(const uint8_t percent[4], double rgb[3]);

/* The most font families a theme has (a deck opens at most twice as many
 * faces: regular and bold). */
#define ASHI_MAX_FAMILIES 8

/* Numbers and lengths. */
/* Parses a length ("12mm", "16pt", "1.5cm", "2in") into points; returns 0
 * on success, -1 when malformed, -2 for an unknown unit. */
int ashi_parse_length(const char *s, double *pt);
/* Parses a finite decimal number, the whole string; 0 on success. */
int ashi_parse_number(const char *s, double *out);
/* The name of names (n of them) nearest to word, for "did you mean": at
 * most one edit for a word of up to 3 characters, two up to 7, three
 * beyond (a swap of neighbours is one edit; none for a single letter),
 * and only when no other name
 * is as near; copied into buf, or NULL (nearest.c). */
const char *ashi_nearest(const char *word, const char *const *names, size_t n, char *buf,
                         size_t size);
/* The same over space-separated words ("start center end"). */
const char *ashi_nearest_word(const char *word, const char *words, char *buf, size_t size);
/* How a diagnostic suggests a name, after its message: "; did you mean
 * <open>name<close>?" into buf (ja.c has its Japanese, which a Japanese
 * format prints with %#s), or "" when name is NULL (nearest.c). */
#define ASHI_DID_YOU_MEAN "; did you mean "

/* The decks' XML namespace (the messages about it name it). */
#define ASHI_NS "urn:ashireport:deck:1"
const char *ashi_did_you_mean(const char *name, const char *open, const char *close, char *buf,
                              size_t size);

/* snprintf in the C locale whatever the host program's (num.c): every
 * number the library writes, into a PDF, a table cell or a message, goes
 * through these or ashi_buf_num. */
int ashi_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int ashi_snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
#define ASHI_MM(x) ((x) * 72.0 / 25.4)

/* Resource limits (ashi_options_set_limit). */
typedef struct ashi_limits {
    size_t input_bytes, slides, table_rows, image_pixels, output_bytes, text_bytes, elements,
        files_bytes;
} ashi_limits;
#define ASHI_LIMITS_DEFAULT                                                        \
    {64u * 1024 * 1024, 10000, 100000, 100u * 1000 * 1000, 512u * 1024 * 1024, \
     256u * 1024, 1000000, (size_t)1 << 30}

/* Diagnostics list, owned by a deck. */
typedef struct ashi_diags {
    ashi_arena *arena;
    const char *file;
    ashi_diag *v;
    ashi_loc *keys; /* per diagnostic, where in the deck it belongs */
    size_t n, cap;
    size_t errors;
    size_t asked; /* diagnostics asked for, kept or not (a sink keeps none) */
    int oom;
    /* where in the deck diagnostics about another file (a CSV's lines)
     * belong: the element that names the file; set around reading it */
    ashi_loc origin;
    int ja; /* messages in Japanese where ja.c has the format */
} ashi_diags;
/* The Japanese format of an English diagnostic format, or NULL (ja.c). */
const char *ashi_ja_format(const char *en);
/* The Japanese of a phrase the library wrote in English and passes to a
 * diagnostic as a string (why a file cannot be used, the values allowed):
 * 1 and the Japanese in out, 0 when there is none (ja.c). */
int ashi_ja_phrase(const char *en, char *out, size_t size);
/* A diagnostic's text by its Japanese format ja, with the arguments the
 * English format en takes (ap); string arguments that are phrases in
 * Japanese. 0, or -1 when en has a conversion it does not read (jafmt.c). */
int ashi_ja_vformat(char *out, size_t size, const char *en, const char *ja, va_list ap);
void ashi_diag_add(ashi_diags *d, ashi_severity sev, const char *code,
                   ashi_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* A diagnostic about another file than the deck (a CSV it reads). */
void ashi_diag_vadd_in(ashi_diags *d, const char *file, ashi_severity sev, const char *code,
                       ashi_loc loc, const char *fmt, va_list ap);
void ashi_diag_add_in(ashi_diags *d, const char *file, ashi_severity sev, const char *code,
                      ashi_loc loc, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Puts the diagnostics in source order, by where in the deck each belongs
 * (a CSV's at the element naming it; those of no place first), keeping
 * the order of those at one place, and drops repeats (same place, code and
 * message). */
void ashi_diag_sort(ashi_diags *d);
/* Is there already a diagnostic at this line? (One problem, one message.) */
int ashi_diag_at_line(const ashi_diags *d, unsigned line);
/* Is there already a diagnostic with this code at this place? */
int ashi_diag_has(const ashi_diags *d, const char *code, ashi_loc loc);
void ashi_diag_vadd(ashi_diags *d, ashi_severity sev, const char *code,
                    ashi_loc loc, const char *fmt, va_list ap);
/* A diagnostic about the text from loc to end (just after it): an
 * attribute and its value, a start tag. */
void ashi_diag_vadd_range(ashi_diags *d, ashi_severity sev, const char *code, ashi_loc loc,
                          ashi_loc end, const char *fmt, va_list ap);
void ashi_diag_add_range(ashi_diags *d, ashi_severity sev, const char *code, ashi_loc loc,
                         ashi_loc end, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Gives the diagnostics added since the first `since` (d->n before) that
 * have no end the end `end`: for checks that know the start only. */
void ashi_diag_end_since(ashi_diags *d, size_t since, ashi_loc end);

#endif
