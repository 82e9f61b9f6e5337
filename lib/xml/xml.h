/* xml.h — libxml2 tree to document model, with located diagnostics.
 * SPDX-License-Identifier: MIT */
#ifndef ASHI_XML_H
#define ASHI_XML_H

#include "doc/doc.h"

#define ASHI_NS "urn:ashireport:deck:1"

/* Parses a deck. Network access, DTD loading and entity expansion are off.
 * Problems go to d (file names come from d->file). Returns the model in
 * *out, or NULL when the XML itself could not be read; the model may be
 * usable even when errors were recorded (d->errors). Returns -1 only when
 * out of memory. */
int ashi_xml_parse(const char *data, size_t len, ashi_arena *a, ashi_diags *d,
                   ashi_doc **out);

/* Adds the schema violations held on the model whose line no diagnostic
 * names yet (call after the later stages have run). */
void ashi_xml_flush_schema(const ashi_doc *doc, ashi_diags *d);

#endif
