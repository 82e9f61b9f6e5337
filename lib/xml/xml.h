/* xml.h — libxml2 tree to document model, with located diagnostics.
 * SPDX-License-Identifier: MIT */
#ifndef ASHI_XML_H
#define ASHI_XML_H

#include "doc/doc.h"

/* Parses a deck. Network access, DTD loading and entity expansion are off.
 * Problems go to d (file names come from d->file). Returns the model in
 * *out, or NULL when the XML itself could not be read; the model may be
 * usable even when errors were recorded (d->errors). Reading stops with an
 * error past the slides limit or at a text node over the text-bytes limit
 * (limits may be NULL: none). Returns -1 only when out of memory. */
int ashi_xml_parse(const char *data, size_t len, const ashi_limits *limits, ashi_arena *a,
                   ashi_diags *d, ashi_doc **out);

/* A deck built in C (build.c): a tree of elements as the parser would make
 * it, numbered in the order they are made. Nodes are void * to keep
 * libxml2 out of this header. */
typedef struct ashi_xml_tree ashi_xml_tree;
/* A tree with its <deck> element (in a); NULL when out of memory. Over
 * max_elements elements, or a text over max_text bytes, further additions
 * are refused (-3) and ashi_xml_model says so once. owner: the deck. */
ashi_xml_tree *ashi_xml_tree_new(ashi_arena *a, size_t max_elements, size_t max_text,
                                 void *owner);
void ashi_xml_tree_free(ashi_xml_tree *t);
void *ashi_xml_tree_root(ashi_xml_tree *t);
/* The tree an element belongs to (NULL for anything else), and its deck. */
ashi_xml_tree *ashi_xml_tree_of(const void *node);
void *ashi_xml_tree_owner(const ashi_xml_tree *t);
void ashi_xml_tree_freeze(ashi_xml_tree *t);
int ashi_xml_tree_frozen(const ashi_xml_tree *t);
/* An element's number: 1 for <deck>, then in the order they were made. */
size_t ashi_xml_tree_number(const void *node);
/* Each returns 0; -1 when a name or text is not plain UTF-8 XML can hold
 * (or an element's or attribute's name is not an XML name); -2 when out
 * of memory; -3 (add, text) over a limit. Text and values are kept as
 * given, never read as markup; "xml:lang" sets the language. */
int ashi_xml_tree_add(ashi_xml_tree *t, void *parent, const char *element, void **out);
int ashi_xml_tree_set(ashi_xml_tree *t, void *node, const char *name, const char *value);
int ashi_xml_tree_text(ashi_xml_tree *t, void *parent, const char *text);
/* Where a limit was passed: the number of the element whose child or text
 * was refused (0: none), and the limits passed (0: not that one). */
size_t ashi_xml_tree_over(const ashi_xml_tree *t, size_t *elements, size_t *text);
void *ashi_xml_tree_doc(ashi_xml_tree *t);
/* The model of a built tree, as ashi_xml_parse makes it of a parsed one:
 * the same checks, the same schema, the same diagnostics (at the elements'
 * numbers). Returns -1 only when out of memory. */
int ashi_xml_model(void *doc, ashi_arena *a, ashi_diags *d, ashi_doc **out);

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
