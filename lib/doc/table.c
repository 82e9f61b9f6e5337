/* table.c — a table's grid at load: its rows (from <tr> or its CSV) and
 * cells placed as HTML places them, spans and all, checked against each
 * other and against the table's <col>, widths and header-rows, so that
 * every problem of a table is said when the deck is loaded and the layout
 * receives a grid. SPDX-License-Identifier: MIT */
#include <stdlib.h>

#include "doc/check.h"

#define MAX_COLS ASHI_TABLE_MAX_COLS

/* The cell's alignment is "char": its own, else its column's. */
static int aligned_on_char(const ashi_grid_cell *c, const ashi_table_grid *g)
{
    int a = c->b->p->align;
    if (!a && c->cols == 1 && g->colspec[c->col])
        a = g->colspec[c->col]->p->align;
    return a == ASHI_ALIGN_V_CHAR;
}

/* <col>s, widths and char against the grid. */
static void check_columns(const ashi_block *t, const ashi_table_grid *g, ashi_diags *d)
{
    int ncol = 0;
    for (const ashi_block *k = t->children; k; k = k->next) {
        if (k->kind != ASHI_BLOCK_COL || ncol++ != g->ncols)
            continue;
        int n = ncol;
        for (const ashi_block *r = k->next; r; r = r->next)
            n += r->kind == ASHI_BLOCK_COL;
        ashi_diag_add(d, ASHI_ERROR, "count", k->loc,
                      "the table has %d <col> elements for %d column%s", n, g->ncols,
                      g->ncols == 1 ? "" : "s");
        break;
    }
    if (t->p->widths.v && t->p->widths.n != g->ncols)
        ashi_diag_add(d, ASHI_ERROR, "count", ashi_block_attr_loc(t, "widths"),
                      "widths '%s' gives %d widths for %d columns",
                      ashi_block_attr_text(t, "widths"), t->p->widths.n, g->ncols);
    /* a char that align="char" does not use */
    int char_used[MAX_COLS] = {0};
    for (size_t i = 0; i < g->ncells; i++) {
        const ashi_grid_cell *c = &g->cells[i];
        const char *ch = c->b->p->chr_text;
        int uses = aligned_on_char(c, g);
        if (ch && !uses)
            ashi_diag_add(d, ASHI_WARNING, "unused", ashi_block_attr_loc(c->b, "char"),
                          "char '%s' is used only with align=\"char\"", ch);
        else if (!ch && uses && c->cols == 1)
            char_used[c->col] = 1;
    }
    for (int i = 0; i < g->ncols; i++) {
        const ashi_block *k = g->colspec[i];
        const char *ch = k ? k->p->chr_text : NULL;
        if (ch && !char_used[i])
            ashi_diag_add(d, ASHI_WARNING, "unused", ashi_block_attr_loc(k, "char"),
                          "char '%s' is used only with align=\"char\" (no cell of its column "
                          "is aligned on a character)",
                          ch);
    }
}

/* The cells placed; -1 when the table has none to place (reported). */
static int place(const ashi_block *rows, int nrows, size_t ncells,
                 ashi_table_grid *g, ashi_arena *a, ashi_diags *d)
{
    ashi_grid_cell *cells = ashi_arena_alloc(a, (ncells + 1) * sizeof *cells);
    /* occupancy: rows x MAX_COLS, for rowspans from above */
    unsigned char *used = ashi_calloc(ashi_arena_mem(a), (size_t)nrows * MAX_COLS + 1, 1);
    if (!cells || !used) {
        free(used);
        return -2;
    }
    g->cells = cells;
    g->nrows = nrows;
    int row = 0;
    for (const ashi_block *r = rows; r; r = r->next) {
        if (r->kind != ASHI_BLOCK_ROW)
            continue;
        int col = 0;
        for (const ashi_block *b = r->children; b; b = b->next) {
            while (col < MAX_COLS && used[row * MAX_COLS + col])
                col++;
            long span_c = b->p->colspan > 0 ? b->p->colspan : 1;
            long span_r = b->p->rowspan > 0 ? b->p->rowspan : 1;
            if (span_r > nrows - row) {
                ashi_diag_add(d, ASHI_ERROR, "bad-value", ashi_block_attr_loc(b, "rowspan"),
                              "rowspan '%s' runs past the end of the table: the cell is in row "
                              "%d of %d",
                              ashi_block_attr_text(b, "rowspan"), row + 1, nrows);
                span_r = nrows - row;
            }
            if (col + span_c > MAX_COLS) {
                ashi_diag_add(d, ASHI_ERROR, "limit", b->loc,
                              "the cell would reach column %ld; a table has at most %d columns",
                              col + span_c, MAX_COLS);
                break;
            }
            /* a colspan running into a rowspan from above: two cells on
             * one place */
            for (int j = 1; j < span_c; j++)
                if (used[row * MAX_COLS + col + j]) {
                    ashi_diag_add(d, ASHI_ERROR, "table", b->loc,
                                  "the cell's colspan runs into column %d, which a cell from a "
                                  "row above spans",
                                  col + j + 1);
                    span_c = j;
                    break;
                }
            ashi_grid_cell *c = &cells[g->ncells++];
            *c = (ashi_grid_cell){b, row, col, (int)span_r, (int)span_c};
            for (int i = 0; i < c->rows; i++)
                for (int j = 0; j < c->cols; j++)
                    used[(row + i) * MAX_COLS + col + j] = 1;
            col += c->cols;
            if (col > g->ncols)
                g->ncols = col;
        }
        row++;
    }
    free(used);
    return g->ncols ? 0 : -1;
}

int ashi_table_load(ashi_block *t, const ashi_limits *lim, ashi_arena *a, ashi_diags *d)
{
    ashi_table_grid *g = ashi_arena_alloc(a, sizeof *g);
    if (!g)
        return -1;
    /* <col> settings come from the deck; rows from it or from a CSV file */
    const char *src = t->p->src;
    if (src) {
        const ashi_csv *csv = t->csv;
        if (csv && !csv->n)
            ashi_diag_add(d, ASHI_ERROR, "table", t->loc, "the table's CSV '%s' has no rows",
                          src);
        for (const ashi_block *r = t->children; r; r = r->next)
            if (r->kind == ASHI_BLOCK_ROW) {
                ashi_diag_add(d, ASHI_ERROR, "table", r->loc,
                              "a table with src takes its rows from the CSV, not from <tr>");
                break;
            }
        if (!t->rows)
            return 0; /* the CSV could not be read (reported), or has no rows */
    }
    int ncol = 0, nrows = 0;
    size_t ncells = 0;
    for (const ashi_block *r = t->children; r; r = r->next)
        if (r->kind == ASHI_BLOCK_COL && ncol < MAX_COLS)
            g->colspec[ncol++] = r;
    const ashi_block *rows = src ? t->rows : t->children;
    for (const ashi_block *r = rows; r; r = r->next) {
        if (r->kind != ASHI_BLOCK_ROW)
            continue;
        nrows++;
        for (const ashi_block *c = r->children; c; c = c->next)
            ncells++;
    }
    if ((size_t)nrows > lim->table_rows) {
        ashi_diag_add(d, ASHI_ERROR, "limit", t->loc,
                      "the table has %d rows, over the table-rows limit of %zu", nrows,
                      lim->table_rows);
        return 0;
    }
    if (!nrows) {
        ashi_diag_add(d, ASHI_ERROR, "table", t->loc,
                      "the table has no rows (it needs <tr> elements or src)");
        return 0;
    }
    long hn = t->p->header_rows > 0 ? t->p->header_rows : 0;
    if (hn > nrows) {
        ashi_diag_add(d, ASHI_ERROR, "bad-value", ashi_block_attr_loc(t, "header-rows"),
                      "header-rows '%s' is more than the table's %d row%s",
                      ashi_block_attr_text(t, "header-rows"), nrows, nrows == 1 ? "" : "s");
        hn = 0;
    }
    g->header_rows = (int)hn;
    int rc = place(rows, nrows, ncells, g, a, d);
    if (rc == -2)
        return -1;
    if (rc == 0) {
        check_columns(t, g, d);
        t->grid = g;
    }
    return 0;
}
