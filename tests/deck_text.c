/* deck_text.c — the oracle for end-to-end tests: prints, in document order,
 * every piece of text a deck should put on its pages (slide and section
 * titles, subtitles, headings, paragraphs, list items), one per line, with
 * all whitespace removed. Reads the XML with libxml2 only, independently of
 * the library under test. SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

static void put_stripped(const xmlChar *s)
{
    for (; s && *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            putchar(*s);
    putchar('\n');
}

static void walk(xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)n->name;
        if (!strcmp(name, "slide") || !strcmp(name, "section")) {
            xmlChar *t = xmlGetProp(n, (const xmlChar *)"title");
            if (t)
                put_stripped(t);
            xmlFree(t);
            t = xmlGetProp(n, (const xmlChar *)"subtitle");
            /* (a cover slide's subtitle, like a section's, follows its title) */
            if (t)
                put_stripped(t);
            xmlFree(t);
        }
        if (!strcmp(name, "stat")) {
            /* label, then value and unit on one line, then note */
            xmlChar *v = xmlGetProp(n, (const xmlChar *)"label");
            if (v)
                put_stripped(v);
            xmlFree(v);
            xmlChar *val = xmlGetProp(n, (const xmlChar *)"value");
            xmlChar *unit = xmlGetProp(n, (const xmlChar *)"unit");
            char both[1024];
            snprintf(both, sizeof both, "%s%s", val ? (const char *)val : "",
                     unit ? (const char *)unit : "");
            put_stripped((const xmlChar *)both);
            xmlFree(val);
            xmlFree(unit);
            v = xmlGetProp(n, (const xmlChar *)"note");
            if (v)
                put_stripped(v);
            xmlFree(v);
            continue;
        }
        if (!strcmp(name, "placeholder") || !strcmp(name, "image")) {
            xmlChar *v = xmlGetProp(n, (const xmlChar *)(name[0] == 'p' ? "label" : "caption"));
            if (v)
                put_stripped(v);
            xmlFree(v);
            continue;
        }
        if (!strcmp(name, "td") || !strcmp(name, "th")) {
            int blocks = 0;
            for (xmlNodePtr c = n->children; c; c = c->next)
                blocks |= c->type == XML_ELEMENT_NODE &&
                          (!strcmp((const char *)c->name, "p") ||
                           !strcmp((const char *)c->name, "list"));
            if (blocks) {
                walk(n->children);
                continue;
            }
        }
        if (!strcmp(name, "h") || !strcmp(name, "p") || !strcmp(name, "item") ||
            !strcmp(name, "td") || !strcmp(name, "th")) {
            xmlChar *t = xmlNodeGetContent(n);
            put_stripped(t);
            xmlFree(t);
            continue;
        }
        if (strcmp(name, "info") && strcmp(name, "theme"))
            walk(n->children);
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: deck_text DECK.xml\n");
        return 2;
    }
    xmlDocPtr doc = xmlReadFile(argv[1], NULL, XML_PARSE_NONET);
    if (!doc)
        return 1;
    walk(xmlDocGetRootElement(doc));
    xmlFreeDoc(doc);
    return 0;
}
