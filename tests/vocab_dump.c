/* vocab_dump.c — prints the vocabulary table (lib/doc/vocab.c) one line per
 * element and attribute, "*" expanded to every block, sorted, for
 * tests/vocab.sh to hold against the schema, the reference and the loader:
 *   ELEMENT ATTR TYPE CHOICES MIN MAX REQUIRED
 * TYPE is the ashi_vtype's name in lowercase, CHOICES '|'-joined or '-',
 * MIN and MAX with %.17g (lengths in points), REQUIRED 1 or 0. An entry that
 * another one shadows (ashi_vocab_find finds the other) is an error.
 * SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/vocab.h"

static const char *const type_names[] = {
    [ASHI_VT_TEXT] = "text",         [ASHI_VT_FILE] = "file",
    [ASHI_VT_LANG] = "lang",         [ASHI_VT_ENUM] = "enum",
    [ASHI_VT_ONOFF] = "onoff",       [ASHI_VT_LENGTH] = "length",
    [ASHI_VT_LENGTH_PCT] = "length_pct", [ASHI_VT_SIZE] = "size",
    [ASHI_VT_PERCENT] = "percent",   [ASHI_VT_WHOLE] = "whole",
    [ASHI_VT_NUMBER] = "number",     [ASHI_VT_COLOR] = "color",
    [ASHI_VT_FILL] = "fill",         [ASHI_VT_WIDTHS] = "widths",
    [ASHI_VT_WIDTHS_AUTO] = "widths_auto", [ASHI_VT_FORMAT] = "format",
    [ASHI_VT_CHART_FORMAT] = "chart_format", [ASHI_VT_BORDER] = "border",
    [ASHI_VT_ASPECT] = "aspect",     [ASHI_VT_CHAR] = "char",
    [ASHI_VT_PAGE] = "page",         [ASHI_VT_THEME] = "theme",
    [ASHI_VT_INK] = "ink",           [ASHI_VT_LEADING] = "leading",
    [ASHI_VT_INDENT] = "indent",
};

/* vocab.c keeps its block list private; "*" means these (doc/vocab.h). */
static const char blocks[] =
    "h p list columns box stat compare spacer placeholder arrow image table chart";

static char *lines[4096];
static size_t nlines;
static int failed;

static int by_text(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void put(const ashi_vattr *v, const char *el, size_t n)
{
    char element[64], choices[256] = "-", line[512];
    snprintf(element, sizeof element, "%.*s", (int)n, el);
    if (ashi_vocab_find(element, v->name) != v) {
        fprintf(stderr, "vocab_dump: %s %s: entry shadowed by an earlier one\n", element, v->name);
        failed = 1;
        return;
    }
    /* on/off is an enumeration too, for the schema's <choice> */
    const char *c = v->type == ASHI_VT_ONOFF ? "on off" : v->choices;
    if (c && *c) {
        snprintf(choices, sizeof choices, "%s", c);
        for (char *s = choices; *s; s++)
            if (*s == ' ')
                *s = '|';
    }
    snprintf(line, sizeof line, "%s %s %s %s %.17g %.17g %d", element, v->name,
             (size_t)v->type < sizeof type_names / sizeof *type_names && type_names[v->type]
                 ? type_names[v->type] : "?",
             choices, v->min, v->max, v->required ? 1 : 0);
    if (nlines == sizeof lines / sizeof *lines || !(lines[nlines++] = strdup(line))) {
        fprintf(stderr, "vocab_dump: too many entries\n");
        exit(1);
    }
}

int main(void)
{
    for (const ashi_vattr *v = ashi_vocab; v->name; v++) {
        const char *list = strcmp(v->elements, "*") ? v->elements : blocks;
        for (const char *e = list; *e; e += strspn(e, " ")) {
            size_t n = strcspn(e, " ");
            put(v, e, n);
            e += n;
        }
    }
    qsort(lines, nlines, sizeof *lines, by_text);
    for (size_t i = 0; i < nlines; i++)
        puts(lines[i]);
    return failed;
}
