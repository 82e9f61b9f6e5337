/* csv.c — UTF-8 CSV as RFC 4180 has it (quoted fields, doubled quotes,
 * CRLF or LF, a byte order mark tolerated), for tables kept in
 * spreadsheets. Errors carry the CSV's own line and column.
 *
 * Read in two passes: the first checks the file and counts its rows,
 * fields and text; the second fills arrays of exactly that size. So the
 * parsed CSV takes at most its text, a pointer per field and a row record
 * per row (blank lines are no rows and cost nothing), and reading stops at
 * the first row over the limits.
 * SPDX-License-Identifier: MIT */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "xml/xml.h"

typedef struct counts {
    size_t rows, fields, text;
} counts;

/* Where the second pass writes: NULL in the first. */
typedef struct fill {
    ashi_csv_row *rows;
    char **fields;
    char *text;
} fill;

static const char empty[] = "";

static void located(ashi_diags *d, const char *name, unsigned line, unsigned col,
                    const char *fmt, ...)
{
    ashi_loc loc = {line, col};
    va_list ap;
    va_start(ap, fmt);
    ashi_diag_vadd_in(d, name, ASHI_ERROR, "csv", loc, fmt, ap);
    va_end(ap);
}

/* One pass over the bytes. Returns 0, or -1 (reported, first pass only). */
static int scan(const char *data, size_t len, const char *name, size_t max_rows,
                size_t max_fields, ashi_diags *d, counts *c, fill *f)
{
    size_t i = 0;
    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
        i = 3; /* byte order mark */
    unsigned line = 1, col = 1;
    size_t row_fields = 0; /* fields of the record being read */
    unsigned row_line = 1; /* where it starts */
    memset(c, 0, sizeof *c);
    while (i < len) {
        if (row_fields == 0 && (data[i] == '\n' || data[i] == '\r')) {
            /* a blank line is no record */
            if (data[i] == '\r' && i + 1 < len && data[i + 1] == '\n')
                i++;
            i++, line++, col = 1;
            continue;
        }
        if (row_fields == 0 && c->rows == max_rows) {
            if (!f)
                located(d, name, line, col,
                        "the CSV has more rows than the table-rows limit of %zu", max_rows);
            return -1;
        }
        if (row_fields == max_fields)
            goto too_wide;
        if (row_fields == 0)
            row_line = line;
        /* one field */
        char *out = f ? f->text + c->text : NULL;
        size_t flen = 0;
        if (data[i] == '"') {
            unsigned qline = line, qcol = col;
            i++, col++;
            for (;;) {
                if (i >= len) {
                    if (!f)
                        located(d, name, qline, qcol, "a quoted field is never closed");
                    return -1;
                }
                if (data[i] == '"') {
                    if (i + 1 < len && data[i + 1] == '"') {
                        if (out)
                            out[flen] = '"';
                        flen++;
                        i += 2, col += 2;
                        continue;
                    }
                    i++, col++;
                    break;
                }
                if (!data[i]) {
                    if (!f)
                        located(d, name, line, col,
                                "a NUL byte in the CSV (is it a text file saved as UTF-8?)");
                    return -1;
                }
                if (out)
                    out[flen] = data[i];
                flen++;
                if (data[i] == '\n')
                    line++, col = 0;
                i++, col++;
            }
            if (i < len && data[i] != ',' && data[i] != '\n' && data[i] != '\r') {
                if (!f)
                    located(d, name, line, col,
                            "text after a closing quote (write \"\" for a quote inside a "
                            "quoted field)");
                return -1;
            }
        } else {
            while (i < len && data[i] != ',' && data[i] != '\n' && data[i] != '\r') {
                if (data[i] == '"' || !data[i]) {
                    if (!f)
                        located(d, name, line, col,
                                data[i] ? "a quote inside an unquoted field (quote the whole "
                                          "field)"
                                        : "a NUL byte in the CSV (is it a text file saved as "
                                          "UTF-8?)");
                    return -1;
                }
                if (out)
                    out[flen] = data[i];
                flen++;
                i++, col++;
            }
        }
        /* an empty field shares one empty string; others are copied with
         * their NUL */
        if (f) {
            f->fields[c->fields] = flen ? out : (char *)empty;
            if (flen)
                out[flen] = 0;
        }
        c->fields++;
        c->text += flen ? flen + 1 : 0;
        row_fields++;
        if (i < len && data[i] == ',') {
            i++, col++;
            if (i < len)
                continue;
            /* a comma at the very end: one more, empty, field */
            if (row_fields == max_fields)
                goto too_wide;
            if (f)
                f->fields[c->fields] = (char *)empty;
            c->fields++;
            row_fields++;
        }
        /* end of record */
        if (i < len && data[i] == '\r')
            i++;
        if (i < len && data[i] == '\n')
            i++;
        if (f) {
            ashi_csv_row *r = &f->rows[c->rows];
            r->fields = f->fields + c->fields - row_fields;
            r->n = row_fields;
            r->line = row_line;
        }
        c->rows++;
        row_fields = 0;
        line++, col = 1;
    }
    return 0;
too_wide:
    if (!f)
        located(d, name, line, col,
                "this row has more fields than the %zu columns a table can have", max_fields);
    return -1;
}

int ashi_csv_parse(const char *data, size_t len, const char *name, size_t max_rows,
                   size_t max_fields, ashi_arena *a, ashi_diags *d, ashi_csv *out)
{
    memset(out, 0, sizeof *out);
    size_t bad = ashi_utf8_check(data, len);
    if (bad != (size_t)-1) {
        unsigned line = 1, col = 1;
        for (size_t i = 0; i < bad; i++) {
            if (data[i] == '\n')
                line++, col = 1;
            else
                col++;
        }
        located(d, name, line, col, "the CSV is not valid UTF-8 here; save it as UTF-8");
        return -1;
    }
    counts c;
    if (scan(data, len, name, max_rows, max_fields, d, &c, NULL))
        return -1;
    fill f = {ashi_arena_alloc(a, (c.rows ? c.rows : 1) * sizeof *f.rows),
              ashi_arena_alloc(a, (c.fields ? c.fields : 1) * sizeof *f.fields),
              ashi_arena_alloc(a, c.text ? c.text : 1)};
    if (!f.rows || !f.fields || !f.text)
        return -2;
    scan(data, len, name, max_rows, max_fields, d, &c, &f);
    out->rows = f.rows;
    out->n = c.rows;
    return 0;
}
