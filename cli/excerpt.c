/* excerpt.c — the source line under a diagnostic, for --diagnostic-format
 * human: the line with its number, and a caret line under the columns the
 * diagnostic names. Columns count characters (as the library's do); on
 * screen an East Asian wide character takes two cells, so the caret is
 * placed by cells. Control characters and broken UTF-8 show as '?', so a
 * hostile deck cannot send escape sequences to the terminal; a long line
 * shows a window around the column, its cuts marked "...". SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { WINDOW = 72, MAX_SOURCE = 64 << 20 };

char *cli_read_all(FILE *f, size_t max, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
        if (n == cap) {
            char *more = cap < max ? realloc(buf, cap * 2) : NULL;
            if (!more) {
                free(buf);
                return NULL;
            }
            buf = more;
            cap *= 2;
        }
    }
    if (buf && ferror(f)) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

int cli_source_read(cli_source *s, const char *path)
{
    memset(s, 0, sizeof *s);
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t n = 0;
    char *buf = cli_read_all(f, MAX_SOURCE, &n);
    fclose(f);
    if (!buf)
        return -1;
    s->text = buf;
    s->len = n;
    s->owned = 1;
    return 0;
}

void cli_source_free(cli_source *s)
{
    free(s->text);
    memset(s, 0, sizeof *s);
}

/* One character at p (n bytes left): its code point in *cp, its length
 * returned; broken UTF-8 is one byte, code point -1. */
static size_t next_char(const unsigned char *p, size_t n, long *cp)
{
    static const unsigned char lead_len[16] = {1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 2, 2, 3, 4};
    size_t k = lead_len[p[0] >> 4];
    long v = k == 1 ? p[0] : k == 2 ? p[0] & 0x1F : k == 3 ? p[0] & 0x0F : p[0] & 0x07;
    if (k == 0 || k > n) {
        *cp = -1;
        return 1;
    }
    for (size_t i = 1; i < k; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            *cp = -1;
            return 1;
        }
        v = v << 6 | (p[i] & 0x3F);
    }
    *cp = v;
    return k;
}

/* The cells a character takes on a terminal: two for East Asian wide and
 * fullwidth characters (the main blocks of UAX #11's W and F), one else;
 * combining marks are shown as they come. */
static int cells(long c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
                   (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
                   (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
                   (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                   (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                   (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
                   (c >= 0x20000 && c <= 0x3FFFD)
               ? 2
               : 1;
}

/* Where character n of the line (len bytes) starts; len past its end. */
static size_t byte_of(const unsigned char *line, size_t len, size_t n)
{
    size_t i = 0;
    long c;
    for (; i < len && n; n--)
        i += next_char(line + i, len - i, &c);
    return i;
}

/* Bytes [i, j) of the line as they should look, printed on f (or, when f
 * is NULL, only measured); returns the cells they take. */
static size_t show(FILE *f, const unsigned char *line, size_t i, size_t j)
{
    size_t w = 0;
    while (i < j) {
        long c;
        size_t k = next_char(line + i, j - i, &c);
        if (c == '\t') {
            if (f)
                fputc(' ', f); /* a tab is one column to the library */
            w++;
        } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0x2028 ||
                   c == 0x2029 || c == 0xFEFF || (c >= 0x202A && c <= 0x202E) ||
                   (c >= 0x2066 && c <= 0x2069)) {
            if (f)
                fputc('?', f); /* controls, broken UTF-8, bidi overrides */
            w++;
        } else {
            if (f)
                fwrite(line + i, 1, k, f);
            w += (size_t)cells(c);
        }
        i += k;
    }
    return w;
}

void cli_excerpt(FILE *f, cli_source *s, unsigned line, unsigned col, unsigned end_line,
                 unsigned end_col)
{
    if (!s->text || line == 0)
        return;
    /* the line's bytes, from where the last one was found when it is
     * further on (diagnostics come in source order) */
    const unsigned char *text = (const unsigned char *)s->text, *end = text + s->len;
    unsigned n = 1;
    const unsigned char *p = text;
    if (s->at_line && s->at_line <= line) {
        n = s->at_line;
        p = text + s->at_pos;
    }
    for (; n < line; n++) {
        const unsigned char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return;
        p = nl + 1;
    }
    s->at_line = line;
    s->at_pos = (size_t)(p - text);
    const unsigned char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t len = (size_t)((nl ? nl : end) - p);
    if (len && p[len - 1] == '\r')
        len--;
    /* the characters to mark, from 0: col to end_col on the same line, else one */
    size_t a = col ? col - 1 : 0, b = a + 1;
    if (end_line == line && end_col > col)
        b = end_col - 1;
    size_t ab = byte_of(p, len, a), bb = ab + byte_of(p + ab, len - ab, b > a ? b - a : 0);
    /* a window of the line around the mark, cut where it passes WINDOW cells */
    size_t from = 0, to = len;
    if (show(NULL, p, 0, len) > WINDOW) {
        from = a > WINDOW / 3 ? byte_of(p, len, a - WINDOW / 3) : 0;
        size_t w = 0;
        for (to = from; to < len;) {
            long c;
            size_t k = next_char(p + to, len - to, &c);
            if ((w += show(NULL, p, to, to + k)) > WINDOW)
                break;
            to += k;
        }
    }
    if (bb > to)
        bb = to;
    char num[16];
    int nw = snprintf(num, sizeof num, "%u", line);
    fprintf(f, " %s | %s", num, from ? "..." : "");
    show(f, p, from, to);
    fprintf(f, "%s\n", to < len ? "..." : "");
    fprintf(f, " %*s | %s", nw, "", from ? "   " : "");
    for (size_t k = ab > from ? show(NULL, p, from, ab) : 0; k; k--)
        fputc(' ', f);
    size_t marks = bb > ab ? show(NULL, p, ab, bb) : 0;
    for (size_t k = marks ? marks : 1; k; k--)
        fputc('^', f);
    fputc('\n', f);
}
