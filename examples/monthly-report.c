/* monthly-report.c — turns a CSV of monthly figures into a one-slide
 * report, a table beside a bar chart, through libashireport's builder API
 * alone: no XML text is written anywhere.
 *
 *     monthly-report figures.csv report.pdf ["タイトル"]
 *
 * figures.csv: a header row (the corner, then one name per series), then a
 * month and its numbers per row, UTF-8:
 *
 *     月,相談件数,解決件数
 *     4月,1234,1100
 *     5月,987,950
 *
 * Build: cc monthly-report.c $(pkg-config --cflags --libs ashireport)
 * SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>

#include <ashireport.h>

/* The whole file in memory (NULL when it cannot be read). */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (size_t got; buf && (got = fread(buf + n, 1, cap - n, f)) > 0;) {
        n += got;
        if (n == cap) {
            char *more = realloc(buf, cap *= 2);
            if (!more) {
                free(buf);
                buf = NULL;
            }
            buf = more;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

/* Fields of the CSV's first line (its header), quotes respected. */
static int header_fields(const char *csv, size_t len)
{
    int n = 1, quoted = 0;
    for (size_t i = 0; i < len && (quoted || (csv[i] != '\n' && csv[i] != '\r')); i++) {
        if (csv[i] == '"')
            quoted = !quoted;
        else if (csv[i] == ',' && !quoted)
            n++;
    }
    return n;
}

/* Adds an element with up to three attributes (name, value pairs). */
static ashi_node *add(ashi_node *parent, const char *element, const char *a1, const char *v1,
                      const char *a2, const char *v2, const char *a3, const char *v3,
                      ashi_status *st)
{
    ashi_node *n = NULL;
    if (*st == ASHI_OK)
        *st = ashi_node_add(parent, element, &n);
    if (*st == ASHI_OK && a1)
        *st = ashi_node_set(n, a1, v1);
    if (*st == ASHI_OK && a2)
        *st = ashi_node_set(n, a2, v2);
    if (*st == ASHI_OK && a3)
        *st = ashi_node_set(n, a3, v3);
    return n;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: monthly-report FIGURES.csv OUT.pdf [TITLE]\n");
        return 2;
    }
    const char *title = argc > 3 ? argv[3] : "月ごとの件数";
    size_t len = 0;
    char *csv = read_file(argv[1], &len);
    if (!csv) {
        fprintf(stderr, "monthly-report: cannot read %s\n", argv[1]);
        return 1;
    }

    int fields = header_fields(csv, len);
    ashi_deck *deck = NULL;
    ashi_status st = ashi_deck_new(NULL, argv[1], NULL, &deck);
    /* the figures go to the library as they are: the table and the chart
     * both read them, under the name their src gives */
    if (st == ASHI_OK)
        st = ashi_deck_add_file(deck, "figures.csv", csv, len);
    free(csv);
    ashi_node *root = ashi_deck_root(deck);
    if (st == ASHI_OK)
        st = ashi_node_set(root, "xml:lang", "ja");
    ashi_node *info = add(root, "info", NULL, NULL, NULL, NULL, NULL, NULL, &st);
    ashi_node *t = add(info, "title", NULL, NULL, NULL, NULL, NULL, NULL, &st);
    if (st == ASHI_OK)
        st = ashi_node_add_text(t, title);
    ashi_node *slide = add(root, "slide", "title", title, NULL, NULL, NULL, NULL, &st);
    ashi_node *cols = add(slide, "columns", "widths", "2fr 3fr", NULL, NULL, NULL, NULL, &st);
    ashi_node *left = add(cols, "column", NULL, NULL, NULL, NULL, NULL, NULL, &st);
    ashi_node *table = add(left, "table", "src", "figures.csv", "header-rows", "1", "zebra", "on",
                           &st);
    /* the month, then every figure with thousands separators */
    add(table, "col", NULL, NULL, NULL, NULL, NULL, NULL, &st);
    for (int i = 1; i < fields; i++)
        add(table, "col", "format", "comma", "align", "num", NULL, NULL, &st);
    ashi_node *right = add(cols, "column", NULL, NULL, NULL, NULL, NULL, NULL, &st);
    add(right, "chart", "src", "figures.csv", "h", "110mm", NULL, NULL, &st);

    if (st == ASHI_OK)
        st = ashi_deck_lay_out(deck, NULL);
    /* every problem, at the number of the element it is about */
    for (size_t i = 0; deck && i < ashi_deck_diag_count(deck); i++) {
        ashi_diag d;
        if (ashi_deck_diag(deck, i, &d) == ASHI_OK)
            fprintf(stderr, "%s: element %u: %s: %s\n", d.file, d.line,
                    d.severity == ASHI_ERROR ? "error" : "warning", d.message);
    }
    if (st == ASHI_OK)
        st = ashi_deck_render_file(deck, argv[2]);
    if (st != ASHI_OK)
        fprintf(stderr, "monthly-report: %s\n", ashi_status_str(st));
    else
        printf("wrote %s (%zu page)\n", argv[2], ashi_deck_pdf_page_count(deck));
    ashi_deck_free(deck);
    return st == ASHI_OK ? 0 : 1;
}
