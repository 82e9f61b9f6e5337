/* csv.c — UTF-8 CSV as RFC 4180 has it (quoted fields, doubled quotes,
 * CRLF or LF, a byte order mark tolerated), for tables kept in
 * spreadsheets. Errors carry the CSV's own line and column.
 * SPDX-License-Identifier: MIT */
#include <string.h>

#include "xml/xml.h"

typedef struct growing {
    void *v;
    size_t n, cap, elem;
} growing;

static void *push(ashi_arena *a, growing *g)
{
    if (g->n == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 16;
        void *v = ashi_arena_grow(a, g->v, g->n * g->elem, cap * g->elem);
        if (!v)
            return NULL;
        g->v = v;
        g->cap = cap;
    }
    return (char *)g->v + g->elem * g->n++;
}

int ashi_csv_parse(const char *data, size_t len, const char *name, ashi_arena *a,
                   ashi_diags *d, ashi_csv *out)
{
    memset(out, 0, sizeof *out);
    size_t bad = ashi_utf8_check(data, len);
    if (bad != (size_t)-1) {
        unsigned line = 1;
        for (size_t i = 0; i < bad; i++)
            line += data[i] == '\n';
        ashi_loc loc = {line, 0};
        ashi_diag_add_in(d, name, ASHI_ERROR, "csv", loc,
                         "the CSV is not valid UTF-8 here; save it as UTF-8");
        return -1;
    }
    size_t i = 0;
    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
        i = 3; /* byte order mark */
    growing rows = {.elem = sizeof(ashi_csv_row)};
    growing fields = {.elem = sizeof(char *)};
    ashi_buf field = {.mem = ashi_arena_mem(a)};
    unsigned line = 1, col = 1;
    int rc = 0;
    while (i < len || fields.n || field.len) {
        /* one field */
        field.len = 0;
        if (i < len && data[i] == '"') {
            unsigned qline = line, qcol = col;
            i++, col++;
            for (;;) {
                if (i >= len) {
                    ashi_loc loc = {qline, qcol};
                    ashi_diag_add_in(d, name, ASHI_ERROR, "csv", loc,
                                     "a quoted field is never closed");
                    rc = -1;
                    goto done;
                }
                if (data[i] == '"') {
                    if (i + 1 < len && data[i + 1] == '"') {
                        ashi_buf_putc(&field, '"');
                        i += 2, col += 2;
                        continue;
                    }
                    i++, col++;
                    break;
                }
                if (data[i] == '\n')
                    line++, col = 0;
                ashi_buf_putc(&field, data[i]);
                i++, col++;
            }
            if (i < len && data[i] != ',' && data[i] != '\n' && data[i] != '\r') {
                ashi_loc loc = {line, col};
                ashi_diag_add_in(d, name, ASHI_ERROR, "csv", loc,
                                 "text after a closing quote (write \"\" for a quote inside a "
                                 "quoted field)");
                rc = -1;
                goto done;
            }
        } else {
            while (i < len && data[i] != ',' && data[i] != '\n' && data[i] != '\r') {
                if (data[i] == '"') {
                    ashi_loc loc = {line, col};
                    ashi_diag_add_in(d, name, ASHI_ERROR, "csv", loc,
                                     "a quote inside an unquoted field (quote the whole field)");
                    rc = -1;
                    goto done;
                }
                ashi_buf_putc(&field, data[i]);
                i++, col++;
            }
        }
        char **f = push(a, &fields);
        char *copy = ashi_arena_strndup(a, field.data ? field.data : "", field.len);
        if (!f || !copy || field.oom) {
            rc = -2;
            goto done;
        }
        *f = copy;
        if (i < len && data[i] == ',') {
            i++, col++;
            continue;
        }
        /* end of record */
        if (i < len && data[i] == '\r')
            i++;
        if (i < len && data[i] == '\n')
            i++;
        ashi_csv_row *r = push(a, &rows);
        if (!r) {
            rc = -2;
            goto done;
        }
        r->fields = fields.v;
        r->n = fields.n;
        r->line = line;
        fields = (growing){.elem = sizeof(char *)};
        line++, col = 1;
        if (i >= len)
            break;
    }
    out->rows = rows.v;
    out->n = rows.n;
done:
    ashi_buf_free(&field);
    return rc;
}
