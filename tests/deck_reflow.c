/* deck_reflow.c — rewrites a deck for setting its paragraphs at another
 * measure: the page becomes WIDTH wide and very tall, titles become "T" and
 * section dividers "S", covers become content slides, columns, boxes and
 * tables are unwrapped (a cell of text becomes a paragraph), charts go, so every
 * paragraph is set at WIDTH minus the margins. Output on stdout.
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

static int is(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static void walk(xmlNodePtr n)
{
    while (n) {
        if (is(n, "columns") || is(n, "column") || is(n, "box") || is(n, "table") ||
            is(n, "tr")) {
            n = unwrap(n);
            continue;
        }
        if (is(n, "col") || is(n, "chart")) { /* no paragraphs in these */
            xmlNodePtr next = n->next;
            xmlUnlinkNode(n);
            xmlFreeNode(n);
            n = next;
            continue;
        }
        if (is(n, "td") || is(n, "th")) {
            int blocks = 0;
            for (xmlNodePtr c = n->children; c; c = c->next)
                blocks |= is(c, "p") || is(c, "list") || is(c, "stat") || is(c, "box");
            if (blocks) {
                n = unwrap(n);
                continue;
            }
            xmlNodeSetName(n, (const xmlChar *)"p");
            while (n->properties)
                xmlRemoveProp(n->properties);
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
