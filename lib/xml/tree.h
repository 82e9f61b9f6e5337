/* tree.h — what the XML stage keeps of each element beside libxml2's node
 * (node->_private): where its start tag and attributes are, for
 * diagnostics. The parser (xml.c) finds them in the deck's text; the
 * builder (build.c) numbers its nodes instead. SPDX-License-Identifier: MIT */
#ifndef ASHI_XML_TREE_H
#define ASHI_XML_TREE_H

#include "base/base.h"

/* What the loader keeps of each start tag: where it begins (line and
 * column of its '<') and where each of its attributes' names begins. */
typedef struct tag_attr {
    const char *name; /* in the deck's bytes, as written (prefix:name) */
    unsigned len;
    ashi_loc loc;
    ashi_loc end; /* just after its value's closing quote */
} tag_attr;

typedef struct node_info {
    ashi_loc loc; /* a built node: {its number, 0} */
    ashi_loc end; /* just after the start tag's '>' */
    unsigned nattrs;
    tag_attr attrs[];
} node_info;

/* libxml2 set up and the schema compiled, once per process. */
void ashi_xml_init(void);

#endif
