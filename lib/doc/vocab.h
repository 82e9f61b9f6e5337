/* vocab.h — the deck vocabulary's attributes: for every element, which
 * attributes it takes, the type of each, its range or its values, and the
 * model field it fills. One table (vocab.c) serves the loader, its
 * messages and the tests that hold it, the schema and the reference
 * together. SPDX-License-Identifier: MIT */
#ifndef ASHI_DOC_VOCAB_H
#define ASHI_DOC_VOCAB_H

#include "doc/doc.h"

/* The value types, each parsed by one function of value.c. */
typedef enum ashi_vtype {
    ASHI_VT_TEXT,       /* any text */
    ASHI_VT_FILE,       /* a path relative to the deck's folder (checked by res/) */
    ASHI_VT_LANG,       /* a language tag */
    ASHI_VT_ENUM,       /* one of choices */
    ASHI_VT_ONOFF,      /* on or off */
    ASHI_VT_LENGTH,     /* mm pt cm in, from min to max points */
    ASHI_VT_LENGTH_PCT, /* a length, or a percentage (from 0 to 100 % when max is 0) */
    ASHI_VT_SIZE,       /* a text size: a length from min to max, or a percentage */
    ASHI_VT_PERCENT,    /* a percentage from min to max ("80%"; "80" too) */
    ASHI_VT_WHOLE,      /* a whole number from min to max */
    ASHI_VT_NUMBER,     /* a decimal number */
    ASHI_VT_COLOR,      /* #RGB, #RRGGBB or a theme colour name */
    ASHI_VT_FILL,       /* a colour or none */
    ASHI_VT_WIDTHS,     /* lengths, percentages and fr shares */
    ASHI_VT_WIDTHS_AUTO,/* the same and auto */
    ASHI_VT_FORMAT,     /* comma, fixed:N, man, oku */
    ASHI_VT_CHART_FORMAT, /* the same, percent and auto */
    ASHI_VT_BORDER,     /* WIDTH COLOUR [solid|dashed] */
    ASHI_VT_ASPECT,     /* W:H */
    ASHI_VT_CHAR,       /* one character */
    ASHI_VT_PAGE,       /* a page size */
    ASHI_VT_INK,        /* a theme colour: a colour or cmyk(C,M,Y,K) */
    ASHI_VT_LEADING,    /* a factor of the size (0.8 to 4), or a line pitch as a length */
    ASHI_VT_INDENT,     /* a length, or a multiple of the size (1em); from 0 to max */
    ASHI_VT_THEME,      /* a name the theme resolves (styles, fonts, colours) */
} ashi_vtype;

typedef struct ashi_vattr {
    const char *elements; /* the elements taking it, space-separated; "*" every block */
    const char *name;
    ashi_vtype type;
    const char *choices;  /* ASHI_VT_ENUM: "top middle bottom" */
    double min, max;      /* ranges (lengths in points) */
    int required;
    int field;            /* where a block keeps it (ASHI_F_*); 0: not a block's */
} ashi_vattr;

/* The table, ended by an entry with a NULL name. */
extern const ashi_vattr ashi_vocab[];

/* Whether element takes def's attribute. */
int ashi_vocab_takes(const ashi_vattr *def, const char *element);
/* "; did you mean 'center'?" for a value of an enumerated attribute near
 * one of its values, else "" (in buf). */
const char *ashi_vocab_suggest(const ashi_vattr *def, const char *value, char *buf, size_t size);
/* The entry for attribute name of element, or NULL when it has none. */
const ashi_vattr *ashi_vocab_find(const char *element, const char *name);

/* What a value of def's type must be, for messages ("a length from 0 to
 * 20mm (mm, pt, cm, in)"). */
const char *ashi_vocab_allowed(const ashi_vattr *def, char *buf, size_t size);

/* A parsed value of any type. */
typedef struct ashi_value {
    unsigned char e; /* enum and on/off: 1 + the index of the choice */
    ashi_len len;
    double num;
    int whole;
    ashi_color color;
    ashi_widths widths;
    ashi_numfmt format;
    ashi_border border;
    double pair[2];
    ashi_leading leading;
    ashi_indent indent;
    uint32_t chr;
    const char *text;
} ashi_value;

/* Parses value as def says (widths are allocated from a); 0 when it is
 * what def allows, -1 when not, -2 when out of memory. */
int ashi_value_parse(const ashi_vattr *def, const char *value, ashi_arena *a, ashi_value *out);

/* Parses a block's attribute into its typed field of props; reports a
 * value def does not allow at loc (naming the attribute, the value and
 * what is allowed). Returns -1 only when out of memory. */
int ashi_vocab_set(ashi_props *props, const ashi_vattr *def, const char *value, ashi_loc loc,
                   ashi_arena *a, ashi_diags *d);

#endif
