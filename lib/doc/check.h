/* check.h — the last step of loading: what the model says checked against
 * itself once its files are read (charts' data against their categories
 * and range; tables' grids), so that layout receives data it can lay out
 * and every problem of a deck is said at load. SPDX-License-Identifier: MIT */
#ifndef ASHI_DOC_CHECK_H
#define ASHI_DOC_CHECK_H

#include "doc/doc.h"

/* Checks every block of the deck; problems go to d. Returns -1 only when
 * out of memory. */
int ashi_doc_check(ashi_doc *doc, const ashi_limits *lim, ashi_arena *a, ashi_diags *d);

/* chart.c: reads and checks a chart's data into b->chart (left NULL when
 * unusable, reported) and gives it its alternative text (its alt, else
 * its data in words in the deck's language lang). -1 only when out of
 * memory. */
int ashi_chart_load(ashi_block *b, const char *lang, ashi_arena *a, ashi_diags *d);

/* table.c: places a table's cells into t->grid (left NULL when it has
 * none, reported) and checks them. -1 only when out of memory. */
int ashi_table_load(ashi_block *t, const ashi_limits *lim, ashi_arena *a, ashi_diags *d);

#endif
