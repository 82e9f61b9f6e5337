/* value.c — one parser per attribute value type: lengths, percentages,
 * whole numbers, numbers, colours, widths, number formats, borders,
 * aspects, characters, enumerations and page sizes. Each takes the text as
 * written and the vocabulary's entry (its range, its choices) and says
 * whether the value is allowed; nothing here reports or depends on the
 * theme or the layout. Numbers are read the same in every locale
 * (base/num.c). SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include "doc/vocab.h"

const char *const ashi_theme_color_names[ASHI_THEME_COLORS] = {
    "text",       "accent",      "band",       "band-text", "background",
    "muted",      "section",     "table-head", "table-zebra", "table-line",
};

/* "80%" (or "80" where the percentage is plain) as a number. */
static int percent_number(const char *s, int sign_needed, double *out)
{
    size_t n = strlen(s);
    int has = n > 1 && s[n - 1] == '%';
    if (sign_needed && !has)
        return -1;
    char num[32];
    if ((has ? n - 1 : n) >= sizeof num)
        return -1;
    ashi_snprintf(num, sizeof num, "%.*s", (int)(has ? n - 1 : n), s);
    return ashi_parse_number(num, out);
}

static int in_range(double v, const ashi_vattr *def)
{
    if (!(v >= def->min - 1e-9))
        return 0;
    return def->max <= 0 || v <= def->max + 1e-9;
}

static int parse_enum(const ashi_vattr *def, const char *s, ashi_value *out)
{
    const char *c = def->type == ASHI_VT_ONOFF ? "on off" : def->choices;
    size_t n = strlen(s);
    for (int i = 1; *c; i++) {
        size_t k = strcspn(c, " ");
        if (k == n && n && !memcmp(c, s, n)) {
            out->e = (unsigned char)i;
            return 0;
        }
        c += k;
        while (*c == ' ')
            c++;
    }
    return -1;
}

static int parse_length(const ashi_vattr *def, const char *s, ashi_value *out)
{
    double v;
    out->len = (ashi_len){0, 1, 0};
    if (def->type != ASHI_VT_LENGTH && percent_number(s, 1, &v) == 0) {
        if (!(v > 0 && (v <= 100 || def->type == ASHI_VT_SIZE) && v <= 100000))
            return -1;
        out->len.v = v;
        out->len.pct = 1;
        return 0;
    }
    if (ashi_parse_length(s, &v) || !in_range(v, def))
        return -1;
    out->len.v = v;
    return 0;
}

static int parse_percent(const ashi_vattr *def, const char *s, ashi_value *out)
{
    return percent_number(s, 0, &out->num) || !in_range(out->num, def) ? -1 : 0;
}

static int parse_whole(const ashi_vattr *def, const char *s, ashi_value *out)
{
    /* as XML Schema reads an integer: white space around it, a + sign */
    long v = 0;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    if (*s == '+')
        s++;
    if (*s < '0' || *s > '9')
        return -1;
    for (; *s >= '0' && *s <= '9'; s++)
        v = v > 1000000000L ? v : v * 10 + (*s - '0');
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    if (*s)
        return -1;
    out->whole = (int)v;
    return in_range((double)v, def) ? 0 : -1;
}

static int parse_number(const char *s, ashi_value *out)
{
    return ashi_parse_number(s, &out->num);
}

/* #RGB, #RRGGBB, a theme colour's name, and none where def allows it. */
static int parse_color(const ashi_vattr *def, const char *s, ashi_color *out)
{
    if (def && def->type == ASHI_VT_FILL && strcmp(s, "none") == 0) {
        *out = (ashi_color){ASHI_COLOR_IS_NONE, 0};
        return 0;
    }
    if (s[0] == '#') {
        size_t n = strlen(s + 1);
        if (n != 3 && n != 6)
            return -1;
        uint32_t v = 0;
        for (size_t i = 1; i <= n; i++) {
            char c = s[i];
            int h = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
            if (h < 0)
                return -1;
            v = v << 4 | (uint32_t)h;
            if (n == 3)
                v = v << 4 | (uint32_t)h;
        }
        *out = (ashi_color){ASHI_COLOR_IS_RGB, v};
        return 0;
    }
    for (uint32_t i = 0; i < ASHI_THEME_COLORS; i++)
        if (strcmp(s, ashi_theme_color_names[i]) == 0) {
            *out = (ashi_color){ASHI_COLOR_IS_THEME, i};
            return 0;
        }
    return -1;
}

/* Column widths: lengths, percentages, fr shares (and auto). */
static int parse_widths(const ashi_vattr *def, const char *s, ashi_arena *a, ashi_value *out)
{
    int allow_auto = def->type == ASHI_VT_WIDTHS_AUTO, n = 0;
    for (const char *p = s; *p;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        n++;
        p += strcspn(p, " ");
    }
    if (!n || n > 64)
        return -1;
    ashi_width *v = ashi_arena_alloc(a, (size_t)n * sizeof *v);
    if (!v)
        return -2;
    int i = 0;
    for (const char *p = s; *p;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        char tok[32];
        size_t k = strcspn(p, " ");
        if (k >= sizeof tok)
            return -1;
        ashi_snprintf(tok, sizeof tok, "%.*s", (int)k, p);
        p += k;
        double x;
        if (allow_auto && strcmp(tok, "auto") == 0) {
            v[i] = (ashi_width){ASHI_W_AUTO, 1};
        } else if (k > 2 && strcmp(tok + k - 2, "fr") == 0) {
            tok[k - 2] = 0;
            if (ashi_parse_number(tok, &x) || !(x > 0))
                return -1;
            v[i] = (ashi_width){ASHI_W_FR, x};
        } else if (k > 1 && tok[k - 1] == '%') {
            tok[k - 1] = 0;
            if (ashi_parse_number(tok, &x) || !(x > 0) || x > 100)
                return -1;
            v[i] = (ashi_width){ASHI_W_PCT, x};
        } else if (ashi_parse_length(tok, &x) == 0 && x > 0 && x <= ASHI_MM(5000)) {
            v[i] = (ashi_width){ASHI_W_FIXED, x};
        } else {
            return -1;
        }
        i++;
    }
    out->widths = (ashi_widths){v, n};
    return 0;
}

/* comma, fixed:N, man, oku; for charts percent and auto too. */
static int parse_format(const ashi_vattr *def, const char *s, ashi_value *out)
{
    static const char *const names[] = {"", "comma", "", "percent", "man", "oku", "auto"};
    int chart = def->type == ASHI_VT_CHART_FORMAT;
    if (!strncmp(s, "fixed:", 6) && s[6] >= '0' && s[6] <= '4' && !s[7]) {
        out->format = (ashi_numfmt){ASHI_NF_FIXED, (unsigned char)(s[6] - '0')};
        return 0;
    }
    for (int i = ASHI_NF_COMMA; i <= ASHI_NF_AUTO; i++) {
        if (!names[i][0] || strcmp(s, names[i]))
            continue;
        if (!chart && (i == ASHI_NF_PERCENT || i == ASHI_NF_AUTO))
            return -1;
        out->format = (ashi_numfmt){(unsigned char)i, 0};
        return 0;
    }
    return -1;
}

/* "0.75pt accent", "1pt #999 dashed": a width from 0 to 20pt, a colour,
 * and solid (the default) or dashed. */
static int parse_border(const char *s, ashi_value *out)
{
    char wbuf[32] = "", cbuf[64] = "", sbuf[32] = "", extra[2] = "";
    int n = sscanf(s, "%31s %63s %31s %1s", wbuf, cbuf, sbuf, extra);
    double w;
    ashi_color c;
    if (n < 2 || n > 3 || ashi_parse_length(wbuf, &w) || !(w >= 0) || w > 20 ||
        parse_color(NULL, cbuf, &c) || (n == 3 && strcmp(sbuf, "solid") && strcmp(sbuf, "dashed")))
        return -1;
    out->border = (ashi_border){w, c, 1, n == 3 && !strcmp(sbuf, "dashed")};
    return 0;
}

/* W:H, two numbers above 0 and under 100. */
static int parse_aspect(const char *s, ashi_value *out)
{
    const char *colon = strchr(s, ':');
    char num[32];
    double w, h;
    if (!colon || (size_t)(colon - s) >= sizeof num)
        return -1;
    ashi_snprintf(num, sizeof num, "%.*s", (int)(colon - s), s);
    if (ashi_parse_number(num, &w) || ashi_parse_number(colon + 1, &h) || !(w > 0) ||
        !(h > 0) || w >= 100 || h >= 100)
        return -1;
    out->pair[0] = w;
    out->pair[1] = h;
    return 0;
}

static int parse_char(const char *s, ashi_value *out)
{
    size_t n = strlen(s), pos = 0;
    uint32_t cp;
    if (!n || ashi_utf8_next(s, n, &pos, &cp) || pos != n || cp < 0x20)
        return -1;
    out->chr = cp;
    return 0;
}

/* A theme colour: a colour, or cmyk(C,M,Y,K) with four numbers 0 to 100. */
static int parse_ink(const char *s, ashi_value *out)
{
    if (strncmp(s, "cmyk(", 5) != 0)
        return parse_color(NULL, s, &out->color);
    const char *p = s + 5;
    uint32_t packed = 0;
    for (int i = 0; i < 4; i++) {
        char num[16];
        size_t n = strcspn(p, i < 3 ? "," : ")");
        double v;
        if (n == 0 || n >= sizeof num || !p[n])
            return -1;
        ashi_snprintf(num, sizeof num, "%.*s", (int)n, p);
        if (ashi_parse_number(num, &v) || !(v >= 0) || v > 100)
            return -1;
        packed = packed << 8 | (uint32_t)(v + 0.5);
        p += n + 1;
    }
    if (p[-1] != ')' || *p)
        return -1;
    out->color = (ashi_color){ASHI_COLOR_IS_CMYK, packed};
    return 0;
}

/* A factor of the size from 0.8 to 4, or a line pitch from 4pt to max. */
static int parse_leading(const ashi_vattr *def, const char *s, ashi_value *out)
{
    double v;
    if (ashi_parse_number(s, &v) == 0)
        return v >= 0.8 && v <= 4 ? (out->leading = (ashi_leading){v, 1, 0}, 0) : -1;
    if (ashi_parse_length(s, &v) == 0 && v >= def->min && v <= def->max)
        return out->leading = (ashi_leading){v, 1, 1}, 0;
    return -1;
}

/* A length from 0 to max, or a multiple of the size ("1em"), checked
 * against max once the size is known. */
static int parse_indent(const ashi_vattr *def, const char *s, ashi_value *out)
{
    size_t n = strlen(s);
    double v;
    if (n > 2 && strcmp(s + n - 2, "em") == 0) {
        char num[32];
        if (n - 2 >= sizeof num)
            return -1;
        ashi_snprintf(num, sizeof num, "%.*s", (int)(n - 2), s);
        if (ashi_parse_number(num, &v) || !(v >= 0))
            return -1;
        out->indent = (ashi_indent){v, 1, 1};
        return 0;
    }
    if (ashi_parse_length(s, &v) || !in_range(v, def))
        return -1;
    out->indent = (ashi_indent){v, 1, 0};
    return 0;
}

static int parse_page(const char *s, ashi_value *out)
{
    int rc = ashi_page_size(s, &out->pair[0], &out->pair[1]);
    return rc ? -1 : 0;
}

int ashi_value_parse(const ashi_vattr *def, const char *value, ashi_arena *a, ashi_value *out)
{
    memset(out, 0, sizeof *out);
    out->text = value;
    switch (def->type) {
    case ASHI_VT_TEXT:
    case ASHI_VT_FILE:
    case ASHI_VT_LANG:
    case ASHI_VT_THEME:
        return 0;
    case ASHI_VT_ENUM:
    case ASHI_VT_ONOFF:
        return parse_enum(def, value, out);
    case ASHI_VT_LENGTH:
    case ASHI_VT_LENGTH_PCT:
    case ASHI_VT_SIZE:
        return parse_length(def, value, out);
    case ASHI_VT_PERCENT:
        return parse_percent(def, value, out);
    case ASHI_VT_WHOLE:
        return parse_whole(def, value, out);
    case ASHI_VT_NUMBER:
        return parse_number(value, out);
    case ASHI_VT_COLOR:
    case ASHI_VT_FILL:
        return parse_color(def, value, &out->color);
    case ASHI_VT_WIDTHS:
    case ASHI_VT_WIDTHS_AUTO:
        return parse_widths(def, value, a, out);
    case ASHI_VT_FORMAT:
    case ASHI_VT_CHART_FORMAT:
        return parse_format(def, value, out);
    case ASHI_VT_BORDER:
        return parse_border(value, out);
    case ASHI_VT_ASPECT:
        return parse_aspect(value, out);
    case ASHI_VT_CHAR:
        return parse_char(value, out);
    case ASHI_VT_PAGE:
        return parse_page(value, out);
    case ASHI_VT_INK:
        return parse_ink(value, out);
    case ASHI_VT_LEADING:
        return parse_leading(def, value, out);
    case ASHI_VT_INDENT:
        return parse_indent(def, value, out);
    }
    return -1;
}
