/* xml.h — libxml2 tree to document model, with located diagnostics.
 * SPDX-License-Identifier: MIT */
#ifndef ASHI_XML_H
#define ASHI_XML_H

#include "doc/doc.h"

#define ASHI_NS "urn:ashireport:deck:1"

/* Parses a deck. Network access, DTD loading and entity expansion are off.
 * Problems go to d (file names come from d->file). Returns the model in
 * *out, or NULL when the XML itself could not be read; the model may be
 * usable even when errors were recorded (d->errors). Reading stops with an
 * error past the slides limit or at a text node over the text-bytes limit
 * (limits may be NULL: none). Returns -1 only when out of memory. */
int ashi_xml_parse(const char *data, size_t len, const ashi_limits *limits, ashi_arena *a,
                   ashi_diags *d, ashi_doc **out);

/* CSV (csv.c): ashi_csv is the model's (doc.h). */
/* Parses CSV bytes into rows of fields (in the arena; empty fields share
 * one empty string, blank lines are no rows). Problems are diagnostics
 * naming the CSV file `name` with its line and column: malformed quoting,
 * NUL bytes, invalid UTF-8, more than max_rows rows (the table-rows limit)
 * or a row of more than max_fields fields. Memory: the text, a pointer per
 * field and a row record per row, nothing more. Returns 0, -1 for a
 * malformed CSV, -2 when out of memory. */
int ashi_csv_parse(const char *data, size_t len, const char *name, size_t max_rows,
                   size_t max_fields, ashi_arena *a, ashi_diags *d, ashi_csv *out);

#endif
