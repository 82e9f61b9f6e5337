/* test_csv.c — the CSV reader: records, blank lines, quoting, NUL bytes,
 * the row and field limits, each problem at the CSV's own line:col.
 * SPDX-License-Identifier: MIT */
#include <stdlib.h>

#include "harness.h"
#include "xml/xml.h"

static ashi_arena *a;
static ashi_diags d;
static ashi_csv csv;

/* Parses text; returns the rc and leaves the first diagnostic in *msg as
 * "line:col: message" (or ""). */
static int parse(const char *text, size_t len, size_t max_rows, size_t max_fields,
                 const char **msg)
{
    static char buf[512];
    ashi_arena_reset(a);
    d = (ashi_diags){.arena = a, .file = "deck.xml"};
    int rc = ashi_csv_parse(text, len, "t.csv", max_rows, max_fields, a, &d, &csv);
    buf[0] = 0;
    if (d.n)
        snprintf(buf, sizeof buf, "%s:%u:%u: %s", d.v[0].file, d.v[0].line, d.v[0].col,
                 d.v[0].message);
    *msg = buf;
    return rc;
}

#define P(text, rows, fields, msg) parse(text, sizeof text - 1, rows, fields, msg)

int main(void)
{
    a = ashi_arena_new(NULL);
    const char *msg;

    /* blank lines are no records; lines are where records start */
    CHECK_INT(P("\n\na,b\r\n\r\n\n1,\"x\ny\"\n\n2,3", 100, 64, &msg), 0);
    CHECK_STR(msg, "");
    CHECK_INT(csv.n, 3);
    CHECK_INT(csv.rows[0].n, 2);
    CHECK_STR(csv.rows[0].fields[1], "b");
    CHECK_INT(csv.rows[0].line, 3);
    CHECK_STR(csv.rows[1].fields[1], "x\ny");
    CHECK_INT(csv.rows[1].line, 6);
    CHECK_INT(csv.rows[2].line, 9);
    CHECK_STR(csv.rows[2].fields[0], "2");
    /* a row of commas is a record of empty fields; a comma at the very
     * end makes one more empty field */
    CHECK_INT(P(",,\nx,", 100, 64, &msg), 0);
    CHECK_INT(csv.n, 2);
    CHECK_INT(csv.rows[0].n, 3);
    CHECK_STR(csv.rows[0].fields[2], "");
    CHECK_INT(csv.rows[1].n, 2);
    CHECK_STR(csv.rows[1].fields[1], "");
    /* only blank lines: no rows */
    CHECK_INT(P("\n\r\n\n", 100, 64, &msg), 0);
    CHECK_INT(csv.n, 0);
    /* a byte order mark, doubled quotes */
    CHECK_INT(P("\xEF\xBB\xBF\"a\"\"b\",c", 100, 64, &msg), 0);
    CHECK_STR(csv.rows[0].fields[0], "a\"b");

    /* NUL bytes: an error where they are, never a cut text */
    CHECK_INT(P("a,b\nc,d\0e\n", 100, 64, &msg), -1);
    CHECK_STR(msg, "t.csv:2:4: a NUL byte in the CSV (is it a text file saved as UTF-8?)");
    CHECK_INT(P("a,\"b\0\"", 100, 64, &msg), -1);
    CHECK_STR(msg, "t.csv:1:5: a NUL byte in the CSV (is it a text file saved as UTF-8?)");
    /* quoting */
    CHECK_INT(P("a,b\n1,2\n3,\"unclosed\n4,5\n", 100, 64, &msg), -1);
    CHECK_STR(msg, "t.csv:3:3: a quoted field is never closed");
    CHECK_INT(P("a,\"b\"c\n", 100, 64, &msg), -1);
    CHECK_STR(msg, "t.csv:1:6: text after a closing quote (write \"\" for a quote inside a "
                   "quoted field)");
    CHECK_INT(P("ab\"c\n", 100, 64, &msg), -1);
    CHECK_STR(msg, "t.csv:1:3: a quote inside an unquoted field (quote the whole field)");
    /* invalid UTF-8: line and column */
    CHECK_INT(P("a,b\nxy,\xff\n", 100, 64, &msg), -1);
    CHECK_STR(msg, "t.csv:2:4: the CSV is not valid UTF-8 here; save it as UTF-8");

    /* limits: reading stops at the first row or field over them */
    CHECK_INT(P("a\n\nb\nc\nd\n", 3, 64, &msg), -1);
    CHECK_STR(msg, "t.csv:5:1: the CSV has more rows than the table-rows limit of 3");
    CHECK_INT(P("a\n\nb\nc\n\n\n", 3, 64, &msg), 0); /* blank lines do not count */
    CHECK_INT(csv.n, 3);
    CHECK_INT(P("1,2,3\n1,2,3,4\n", 100, 3, &msg), -1);
    CHECK_STR(msg, "t.csv:2:7: this row has more fields than the 3 columns a table can have");
    CHECK_INT(P("1,2,3,", 100, 3, &msg), -1);
    CHECK_STR(msg, "t.csv:1:7: this row has more fields than the 3 columns a table can have");
    CHECK_INT(P("1,2,", 100, 3, &msg), 0);
    CHECK_INT(csv.rows[0].n, 3);

    /* a million blank lines cost nothing and take no time */
    size_t n = 1000000;
    char *blank = malloc(n + 4);
    if (blank) {
        memset(blank, '\n', n);
        memcpy(blank + n, "a,b", 4);
        CHECK_INT(parse(blank, n + 3, 100, 64, &msg), 0);
        CHECK_INT(csv.n, 1);
        CHECK_INT(csv.rows[0].line, n + 1);
        free(blank);
    }
    ashi_arena_free(a);
    return t_done();
}
