/* deck_reflow.c — rewrites a deck for setting its paragraphs at another
 * measure: the page becomes WIDTH wide and very tall, titles become "T" and
 * section dividers "S", covers become content slides, so every paragraph
 * is set at WIDTH minus the margins. Output on stdout.
 * SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

static void walk(xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (!strcmp((const char *)n->name, "slide")) {
            if (xmlHasProp(n, (const xmlChar *)"title"))
                xmlSetProp(n, (const xmlChar *)"title", (const xmlChar *)"T");
            xmlUnsetProp(n, (const xmlChar *)"layout");
        } else if (!strcmp((const char *)n->name, "section")) {
            xmlSetProp(n, (const xmlChar *)"title", (const xmlChar *)"S");
            xmlUnsetProp(n, (const xmlChar *)"subtitle");
        }
        walk(n->children);
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
