/* deck_reflow.c — rewrites a deck for setting its paragraphs at another
 * measure: the page becomes WIDTH wide and very tall, titles become "T" and
 * section dividers "S", covers become content slides, and columns and
 * boxes are unwrapped, so every paragraph is set at WIDTH minus the
 * margins. Output on stdout.
 * SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

/* Replaces a container by its children. */
static xmlNodePtr unwrap(xmlNodePtr n)
{
    xmlNodePtr first = n->children, next = n->next;
    for (xmlNodePtr c = first; c;) {
        xmlNodePtr after = c->next;
        xmlUnlinkNode(c);
        xmlAddPrevSibling(n, c);
        c = after;
    }
    xmlUnlinkNode(n);
    xmlFreeNode(n);
    return first ? first : next;
}

static void walk(xmlNodePtr n)
{
    while (n) {
        if (n->type == XML_ELEMENT_NODE &&
            (!strcmp((const char *)n->name, "columns") ||
             !strcmp((const char *)n->name, "column") || !strcmp((const char *)n->name, "box"))) {
            n = unwrap(n);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE) {
            n = n->next;
            continue;
        }
        if (!strcmp((const char *)n->name, "slide")) {
            if (xmlHasProp(n, (const xmlChar *)"title"))
                xmlSetProp(n, (const xmlChar *)"title", (const xmlChar *)"T");
            xmlUnsetProp(n, (const xmlChar *)"layout");
        } else if (!strcmp((const char *)n->name, "section")) {
            xmlSetProp(n, (const xmlChar *)"title", (const xmlChar *)"S");
            xmlUnsetProp(n, (const xmlChar *)"subtitle");
        }
        walk(n->children);
        n = n->next;
    }
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: deck_reflow DECK.xml WIDTH\n");
        return 2;
    }
    xmlDocPtr doc = xmlReadFile(argv[1], NULL, XML_PARSE_NONET);
    if (!doc)
        return 1;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    char page[64];
    snprintf(page, sizeof page, "%s 4000mm", argv[2]);
    xmlSetProp(root, (const xmlChar *)"page", (const xmlChar *)page);
    walk(root->children);
    xmlDocFormatDump(stdout, doc, 0);
    xmlFreeDoc(doc);
    return 0;
}
