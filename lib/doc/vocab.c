/* vocab.c — every attribute of the deck vocabulary with its type and range
 * (the reference's, docs/reference.*.md; tests/vocab.sh holds the three
 * together), and how a block's attribute becomes its typed field.
 * SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include "doc/vocab.h"

/* A block's typed fields, by the table's field numbers. */
enum {
    F_NONE,
    F_X, F_Y, F_W, F_H,
    F_ALIGN, F_VALIGN, F_DIR, F_ARROW_STYLE, F_FIT, F_TYPE, F_STACKED, F_LEGEND,
    F_BORDERS, F_ZEBRA, F_FIRST_COL, F_SPLIT,
    F_COLOR, F_FILL, F_BORDER, F_RADIUS, F_PADDING, F_GAP, F_WIDTHS, F_FORMAT, F_MIN, F_MAX,
    F_BAR_WIDTH, F_ASPECT, F_HEADER_ROWS, F_COLSPAN, F_ROWSPAN, F_CHAR,
    F_LABEL, F_VALUE, F_UNIT, F_NOTE, F_TITLE, F_SOURCE, F_SRC, F_ALT, F_CAPTION, F_MARKER,
    F_NAME, F_HIGHLIGHT, F_RATIO,
};

#define MM(x) ASHI_MM(x)
#define TEXT(el, n, f) {el, n, ASHI_VT_TEXT, NULL, 0, 0, 0, f}
#define TEXT_REQ(el, n, f) {el, n, ASHI_VT_TEXT, NULL, 0, 0, 1, f}
#define ENUM(el, n, c, f) {el, n, ASHI_VT_ENUM, c, 0, 0, 0, f}
#define ONOFF(el, n, f) {el, n, ASHI_VT_ONOFF, NULL, 0, 0, 0, f}
#define LEN(el, n, lo, hi, f) {el, n, ASHI_VT_LENGTH, NULL, lo, hi, 0, f}
#define THEME(el, n, req) {el, n, ASHI_VT_THEME, NULL, 0, 0, req, 0}

const ashi_vattr ashi_vocab[] = {
    /* deck */
    {"deck slide", "page", ASHI_VT_PAGE, NULL, MM(10), MM(5000), 0, 0},
    {"deck", "xml:lang", ASHI_VT_LANG, NULL, 0, 0, 0, 0},
    ONOFF("deck", "print", 0),
    LEN("deck", "bleed", 0, MM(20), 0),
    {"deck", "output-profile", ASHI_VT_FILE, NULL, 0, 0, 0, 0},
    ENUM("deck", "photo-intent", "perceptual relative", 0),
    /* theme */
    ONOFF("theme", "autospace", 0),
    ONOFF("theme", "hanging", 0),
    ONOFF("theme", "overprint", 0),
    ENUM("theme", "bracket-start", "half full", 0),
    ENUM("theme", "kinsoku", "strict normal loose", 0),
    THEME("font", "name", 1),
    {"font", "regular", ASHI_VT_FILE, NULL, 0, 0, 1, 0},
    {"font", "bold", ASHI_VT_FILE, NULL, 0, 0, 0, 0},
    THEME("color", "name", 1),
    {"color", "value", ASHI_VT_INK, NULL, 0, 0, 1, 0},
    THEME("style", "name", 1),
    THEME("style", "font", 0),
    LEN("style", "size", 4, 400, 0),
    {"style", "leading", ASHI_VT_LEADING, NULL, 4, 1000, 0, 0},
    {"style", "color", ASHI_VT_INK, NULL, 0, 0, 0, 0},
    ENUM("style", "weight", "normal bold", 0),
    ENUM("style", "align", "start center end justify", 0),
    {"style", "indent", ASHI_VT_INDENT, NULL, 0, 1000, 0, 0},
    {"style", "tracking", ASHI_VT_PERCENT, NULL, -20, 100, 0, 0},
    ONOFF("style", "palt", 0),
    TEXT("master", "footer-text", 0),
    ONOFF("master", "number", 0),
    {"master", "background", ASHI_VT_COLOR, NULL, 0, 0, 0, 0},
    {"master", "logo", ASHI_VT_FILE, NULL, 0, 0, 0, 0},
    /* sections and slides */
    TEXT_REQ("section", "title", 0),
    TEXT("section slide", "subtitle", 0),
    TEXT("slide", "title", 0),
    ENUM("slide", "layout", "content cover section blank", 0),
    ONOFF("slide", "band", 0),
    ONOFF("slide", "footer", 0),
    ONOFF("slide", "number", 0),
    ENUM("slide", "fit", "shrink none", 0),
    {"slide", "fit-min", ASHI_VT_PERCENT, NULL, 30, 100, 0, 0},
    /* every block: placement */
    LEN("*", "x", 0, MM(5000), F_X),
    LEN("*", "y", 0, MM(5000), F_Y),
    {"*", "w", ASHI_VT_LENGTH_PCT, NULL, 1, MM(5000), 0, F_W},
    LEN("*", "h", 1, MM(5000), F_H),
    /* blocks */
    ENUM("h p", "align", "start center end justify", F_ALIGN),
    TEXT("list", "marker", F_MARKER),
    {"columns", "widths", ASHI_VT_WIDTHS, NULL, 0, 0, 0, F_WIDTHS},
    LEN("columns", "gap", 0, MM(5000), F_GAP),
    ENUM("column box td th", "valign", "top middle bottom", F_VALIGN),
    {"box", "fill", ASHI_VT_FILL, NULL, 0, 0, 0, F_FILL},
    {"box", "border", ASHI_VT_BORDER, NULL, 0, 20, 0, F_BORDER},
    LEN("box", "radius", 0, MM(5000), F_RADIUS),
    LEN("box table", "padding", 0, MM(5000), F_PADDING),
    TEXT("stat placeholder arrow", "label", F_LABEL),
    TEXT_REQ("stat", "value", F_VALUE),
    TEXT("stat chart", "unit", F_UNIT),
    TEXT("stat", "note", F_NOTE),
    {"stat arrow series", "color", ASHI_VT_COLOR, NULL, 0, 0, 0, F_COLOR},
    TEXT("compare", "ratio", F_RATIO),
    {"placeholder", "aspect", ASHI_VT_ASPECT, NULL, 0, 100, 0, F_ASPECT},
    ENUM("arrow", "dir", "down right", F_DIR),
    ENUM("arrow", "style", "triangle block", F_ARROW_STYLE),
    {"image", "src", ASHI_VT_FILE, NULL, 0, 0, 1, F_SRC},
    ENUM("image", "fit", "contain cover", F_FIT),
    TEXT("image", "caption", F_CAPTION),
    TEXT("image chart", "alt", F_ALT),
    /* tables */
    {"table", "widths", ASHI_VT_WIDTHS_AUTO, NULL, 0, 0, 0, F_WIDTHS},
    {"table", "header-rows", ASHI_VT_WHOLE, NULL, 0, 0, 0, F_HEADER_ROWS},
    ENUM("table", "borders", "grid rules none", F_BORDERS),
    ONOFF("table", "zebra", F_ZEBRA),
    ONOFF("table", "first-col", F_FIRST_COL),
    ENUM("table", "split", "error continue", F_SPLIT),
    {"table chart", "src", ASHI_VT_FILE, NULL, 0, 0, 0, F_SRC},
    ENUM("col td th", "align", "start center end num char", F_ALIGN),
    {"col td th", "char", ASHI_VT_CHAR, NULL, 0, 0, 0, F_CHAR},
    {"col stat compare", "format", ASHI_VT_FORMAT, NULL, 0, 4, 0, F_FORMAT},
    {"td th", "colspan", ASHI_VT_WHOLE, NULL, 1, 64, 0, F_COLSPAN},
    {"td th", "rowspan", ASHI_VT_WHOLE, NULL, 1, 0, 0, F_ROWSPAN},
    /* charts */
    ENUM("chart", "type", "bar hbar", F_TYPE),
    ENUM("chart", "stacked", "true false", F_STACKED),
    TEXT("chart", "title", F_TITLE),
    {"chart", "min", ASHI_VT_NUMBER, NULL, 0, 0, 0, F_MIN},
    {"chart", "max", ASHI_VT_NUMBER, NULL, 0, 0, 0, F_MAX},
    {"chart", "number-format", ASHI_VT_CHART_FORMAT, NULL, 0, 4, 0, F_FORMAT},
    TEXT("chart", "highlight", F_HIGHLIGHT),
    ENUM("chart", "legend", "top right none", F_LEGEND),
    TEXT("chart", "source", F_SOURCE),
    {"chart", "bar-width", ASHI_VT_PERCENT, NULL, 10, 100, 0, F_BAR_WIDTH},
    TEXT("series", "name", F_NAME),
    /* inline */
    {"span", "color", ASHI_VT_COLOR, NULL, 0, 0, 0, 0},
    {"span", "size", ASHI_VT_SIZE, NULL, 4, 400, 0, 0},
    TEXT_REQ("ruby", "rt", 0),
    ENUM("ruby", "mode", "group mono jukugo", 0),
    {NULL, NULL, ASHI_VT_TEXT, NULL, 0, 0, 0, 0},
};

const ashi_props ashi_props_none = {.header_rows = -1};

/* Whether the space-separated list holds word. */
static int listed(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *c = list; *c;) {
        size_t k = strcspn(c, " ");
        if (k == n && !memcmp(c, word, n))
            return 1;
        c += k;
        while (*c == ' ')
            c++;
    }
    return 0;
}

static int is_block(const char *element)
{
    static const char *const blocks =
        "h p list columns box stat compare spacer placeholder arrow image table chart";
    return listed(blocks, element);
}

int ashi_vocab_takes(const ashi_vattr *v, const char *element)
{
    return listed(v->elements, element) || (!strcmp(v->elements, "*") && is_block(element));
}

const ashi_vattr *ashi_vocab_find(const char *element, const char *name)
{
    for (const ashi_vattr *v = ashi_vocab; v->name; v++)
        if (v->name[0] == name[0] && !strcmp(v->name, name) && ashi_vocab_takes(v, element))
            return v;
    return NULL;
}

/* A length in the unit it was most likely written in. */
static void put_length(char *buf, size_t size, double pt)
{
    double mm = pt * 25.4 / 72;
    if (pt == 0)
        ashi_snprintf(buf, size, "0");
    else if (mm >= 1 && (mm - (double)(long)(mm + 0.5)) * (mm - (double)(long)(mm + 0.5)) < 1e-6)
        ashi_snprintf(buf, size, "%.0fmm", mm);
    else
        ashi_snprintf(buf, size, "%gpt", pt);
}

/* "a, b or c" from "a b c" */
static void put_choices(char *buf, size_t size, const char *choices)
{
    size_t n = 0, count = 0, i = 0;
    for (const char *c = choices; *c; c += strcspn(c, " "), c += strspn(c, " "))
        count++;
    buf[0] = 0;
    for (const char *c = choices; *c && n + 1 < size; i++) {
        size_t k = strcspn(c, " ");
        const char *sep = i == 0 ? "" : i + 1 == count ? " or " : ", ";
        int w = ashi_snprintf(buf + n, size - n, "%s%.*s", sep, (int)k, c);
        n += w > 0 ? (size_t)w : 0;
        c += k;
        c += strspn(c, " ");
    }
}

const char *ashi_vocab_allowed(const ashi_vattr *def, char *buf, size_t size)
{
    char lo[32], hi[32];
    put_length(lo, sizeof lo, def->min);
    put_length(hi, sizeof hi, def->max);
    switch (def->type) {
    case ASHI_VT_ENUM:
        put_choices(buf, size, def->choices);
        break;
    case ASHI_VT_ONOFF:
        ashi_snprintf(buf, size, "on or off");
        break;
    case ASHI_VT_LENGTH:
        if (def->min == 0)
            ashi_snprintf(buf, size, "a length (mm, pt, cm, in) up to %s", hi);
        else
            ashi_snprintf(buf, size, "a length (mm, pt, cm, in) from %s to %s", lo, hi);
        break;
    case ASHI_VT_LENGTH_PCT:
        ashi_snprintf(buf, size,
                 "a length (mm, pt, cm, in) from %s to %s, or a percentage up to 100%%", lo, hi);
        break;
    case ASHI_VT_SIZE:
        ashi_snprintf(buf, size, "a length from %s to %s, or a percentage of the surrounding size",
                 lo, hi);
        break;
    case ASHI_VT_PERCENT:
        ashi_snprintf(buf, size, "a percentage from %g%% to %g%%", def->min, def->max);
        break;
    case ASHI_VT_WHOLE:
        if (def->max > 0)
            ashi_snprintf(buf, size, "a whole number from %g to %g", def->min, def->max);
        else
            ashi_snprintf(buf, size, "a whole number from %g", def->min);
        break;
    case ASHI_VT_NUMBER:
        ashi_snprintf(buf, size, "a number");
        break;
    case ASHI_VT_COLOR:
        ashi_snprintf(buf, size, "#RGB, #RRGGBB or a theme colour name");
        break;
    case ASHI_VT_FILL:
        ashi_snprintf(buf, size, "#RGB, #RRGGBB, a theme colour name or none");
        break;
    case ASHI_VT_WIDTHS:
        ashi_snprintf(buf, size, "lengths, percentages or fr shares (\"40mm 1fr\")");
        break;
    case ASHI_VT_WIDTHS_AUTO:
        ashi_snprintf(buf, size, "lengths, percentages, fr shares or auto");
        break;
    case ASHI_VT_FORMAT:
        ashi_snprintf(buf, size, "comma, fixed:N (N from 0 to 4), man or oku");
        break;
    case ASHI_VT_CHART_FORMAT:
        ashi_snprintf(buf, size, "comma, fixed:N (N from 0 to 4), percent, man, oku or auto");
        break;
    case ASHI_VT_BORDER:
        ashi_snprintf(buf, size, "a width from 0 to 20pt, a colour and solid or dashed (0.75pt accent)");
        break;
    case ASHI_VT_ASPECT:
        ashi_snprintf(buf, size, "two numbers under 100 such as 4:3");
        break;
    case ASHI_VT_CHAR:
        ashi_snprintf(buf, size, "one character");
        break;
    case ASHI_VT_INK:
        ashi_snprintf(buf, size, "#RGB, #RRGGBB, cmyk(C,M,Y,K) with each from 0 to 100, or a theme "
                            "colour name");
        break;
    case ASHI_VT_LEADING:
        ashi_snprintf(buf, size, "a factor of the size from 0.8 to 4, or a line pitch from %s to %s",
                 lo, hi);
        break;
    case ASHI_VT_INDENT:
        ashi_snprintf(buf, size, "a length (mm, pt, cm, in) up to %s, or a multiple of the size "
                            "such as 1em", hi);
        break;
    case ASHI_VT_PAGE:
        ashi_snprintf(buf, size,
                 "A4, A3 or B5 (each also with -landscape), 16:9, or two lengths from 10mm to "
                 "5000mm such as '210mm 297mm'");
        break;
    default:
        ashi_snprintf(buf, size, "text");
        break;
    }
    return buf;
}

const char *ashi_vocab_suggest(const ashi_vattr *def, const char *value, char *buf, size_t size)
{
    char near[64];
    const char *words = def->type == ASHI_VT_ENUM ? def->choices
                        : def->type == ASHI_VT_ONOFF ? "on off"
                                                      : NULL;
    return ashi_did_you_mean(words ? ashi_nearest_word(value, words, near, sizeof near) : NULL,
                             "'", "'", buf, size);
}

int ashi_vocab_set(ashi_props *p, const ashi_vattr *def, const char *value, ashi_loc loc,
                   ashi_arena *a, ashi_diags *d)
{
    ashi_value v;
    int rc = ashi_value_parse(def, value, a, &v);
    if (rc == -2)
        return -1;
    if (rc) {
        char allowed[160], hint[96];
        ashi_diag_add(d, ASHI_ERROR, "bad-value", loc, "%s '%s' must be %s%s", def->name, value,
                      ashi_vocab_allowed(def, allowed, sizeof allowed),
                      ashi_vocab_suggest(def, value, hint, sizeof hint));
        return 0;
    }
    switch (def->field) {
    case F_X: p->x = v.len; break;
    case F_Y: p->y = v.len; break;
    case F_W: p->w = v.len; break;
    case F_H: p->h = v.len; break;
    case F_ALIGN: {
        /* blocks and cells choose from different lists: one enum for both */
        static const char *const names[] = {"start", "center", "end", "justify", "num", "char"};
        for (int i = 0; i < 6; i++)
            if (!strcmp(value, names[i]))
                p->align = (unsigned char)(ASHI_ALIGN_V_START + i);
        break;
    }
    case F_VALIGN: p->valign = v.e; break;
    case F_DIR: p->dir = v.e; break;
    case F_ARROW_STYLE: p->arrow_style = v.e; break;
    case F_FIT: p->fit = v.e; break;
    case F_TYPE: p->type = v.e; break;
    case F_STACKED: p->stacked = v.e; break;
    case F_LEGEND: p->legend = v.e; break;
    case F_BORDERS: p->borders = v.e; break;
    case F_ZEBRA: p->zebra = v.e; break;
    case F_FIRST_COL: p->first_col = v.e; break;
    case F_SPLIT: p->split = v.e; break;
    case F_COLOR: p->color = v.color; break;
    case F_FILL: p->fill = v.color; break;
    case F_BORDER: p->border = v.border; break;
    case F_RADIUS: p->radius = v.len; break;
    case F_PADDING: p->padding = v.len; break;
    case F_GAP: p->gap = v.len; break;
    case F_WIDTHS: p->widths = v.widths; break;
    case F_FORMAT: p->format = v.format; break;
    case F_MIN: p->min = (ashi_optnum){v.num, 1}; break;
    case F_MAX: p->max = (ashi_optnum){v.num, 1}; break;
    case F_BAR_WIDTH: p->bar_width = v.num / 100; break;
    case F_ASPECT: p->aspect_w = v.pair[0], p->aspect_h = v.pair[1]; break;
    case F_HEADER_ROWS: p->header_rows = v.whole; break;
    case F_COLSPAN: p->colspan = v.whole; break;
    case F_ROWSPAN: p->rowspan = v.whole; break;
    case F_CHAR: p->chr = v.chr, p->chr_text = value; break;
    case F_LABEL: p->label = value; break;
    case F_VALUE: p->value = value; break;
    case F_UNIT: p->unit = value; break;
    case F_NOTE: p->note = value; break;
    case F_TITLE: p->title = value; break;
    case F_SOURCE: p->source = value; break;
    case F_SRC: p->src = value; break;
    case F_ALT: p->alt = value; break;
    case F_CAPTION: p->caption = value; break;
    case F_MARKER: p->marker = value; break;
    case F_NAME: p->name = value; break;
    case F_HIGHLIGHT: p->highlight = value; break;
    case F_RATIO: p->ratio = value; break;
    default: break;
    }
    return 0;
}
