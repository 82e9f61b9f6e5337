/* build.c — a deck built in C instead of read from text: the same libxml2
 * tree the parser makes, element by element, so that the same model is
 * built from it (xml.c's ashi_xml_model), checked by the same schema, with
 * the same diagnostics. Text and attribute values are stored as given,
 * never read as markup. Each element gets a number in the order it was
 * made, which its diagnostics give as their line (column 0).
 * SPDX-License-Identifier: MIT */
#include <string.h>

#include <libxml/tree.h>

#include "xml/tree.h"
#include "xml/xml.h"

struct ashi_xml_tree {
    xmlDocPtr doc;
    xmlNsPtr ns;
    ashi_arena *a;
    size_t elements, max_elements; /* made, and the limit (then refused) */
    size_t text, max_text;         /* bytes of the largest text, and the limit */
    size_t over;                   /* the first refused element's parent's number */
    int frozen;                    /* its model is made: no more changes */
    void *owner;
};

/* Plain UTF-8 as XML can hold it: no bytes that are not UTF-8, no control
 * characters but tab, line feed and carriage return. */
static int xml_text_ok(const char *s)
{
    if (!s || !xmlCheckUTF8((const xmlChar *)s))
        return 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
            return 0;
    return 1;
}

static int number(ashi_xml_tree *t, xmlNodePtr n)
{
    node_info *info = ashi_arena_alloc(t->a, sizeof *info);
    if (!info)
        return -2;
    memset(info, 0, sizeof *info);
    info->loc.line = (unsigned)(++t->elements);
    n->_private = info;
    return 0;
}

ashi_xml_tree *ashi_xml_tree_new(ashi_arena *a, size_t max_elements, size_t max_text,
                                 void *owner)
{
    ashi_xml_init();
    ashi_xml_tree *t = ashi_arena_alloc(a, sizeof *t);
    if (!t)
        return NULL;
    memset(t, 0, sizeof *t);
    t->a = a;
    t->max_elements = max_elements;
    t->max_text = max_text;
    t->owner = owner;
    t->doc = xmlNewDoc((const xmlChar *)"1.0");
    xmlNodePtr root = t->doc ? xmlNewDocNode(t->doc, NULL, (const xmlChar *)"deck", NULL) : NULL;
    t->ns = root ? xmlNewNs(root, (const xmlChar *)ASHI_NS, NULL) : NULL;
    if (!t->ns || number(t, root)) {
        if (root && !t->ns)
            xmlFreeNode(root);
        xmlFreeDoc(t->doc);
        return NULL;
    }
    xmlSetNs(root, t->ns);
    xmlDocSetRootElement(t->doc, root);
    t->doc->_private = t;
    return t;
}

void ashi_xml_tree_free(ashi_xml_tree *t)
{
    if (t && t->doc)
        xmlFreeDoc(t->doc);
}

void *ashi_xml_tree_root(ashi_xml_tree *t) { return xmlDocGetRootElement(t->doc); }

ashi_xml_tree *ashi_xml_tree_of(const void *node)
{
    const xmlNode *n = node;
    return n && n->type == XML_ELEMENT_NODE && n->doc ? n->doc->_private : NULL;
}

void *ashi_xml_tree_owner(const ashi_xml_tree *t) { return t->owner; }

void ashi_xml_tree_freeze(ashi_xml_tree *t) { t->frozen = 1; }

int ashi_xml_tree_frozen(const ashi_xml_tree *t) { return t->frozen; }

size_t ashi_xml_tree_number(const void *node)
{
    const xmlNode *n = node;
    return n && n->_private ? ((const node_info *)n->_private)->loc.line : 0;
}

size_t ashi_xml_tree_over(const ashi_xml_tree *t, size_t *elements, size_t *text)
{
    *elements = t->elements > t->max_elements ? t->max_elements : 0;
    *text = t->text > t->max_text ? t->max_text : 0;
    return t->over;
}

int ashi_xml_tree_add(ashi_xml_tree *t, void *parent, const char *element, void **out)
{
    if (out)
        *out = NULL;
    if (!element || !xml_text_ok(element) || xmlValidateNCName((const xmlChar *)element, 0))
        return -1;
    if (t->elements >= t->max_elements) {
        /* said once, at the parent, when the model is made */
        if (!t->over)
            t->over = ashi_xml_tree_number(parent);
        t->elements = t->max_elements + 1;
        return -3;
    }
    xmlNodePtr n = xmlNewChild(parent, t->ns, (const xmlChar *)element, NULL);
    if (!n || number(t, n))
        return -2;
    if (out)
        *out = n;
    return 0;
}

int ashi_xml_tree_set(ashi_xml_tree *t, void *node, const char *name, const char *value)
{
    (void)t;
    if (!name || !value || !xml_text_ok(name) || !xml_text_ok(value))
        return -1;
    if (!strcmp(name, "xml:lang")) {
        xmlNodeSetLang(node, (const xmlChar *)value);
        return 0;
    }
    if (xmlValidateNCName((const xmlChar *)name, 0))
        return -1;
    /* stored as given: xmlSetProp keeps the value a text, never markup */
    return xmlSetProp(node, (const xmlChar *)name, (const xmlChar *)value) ? 0 : -2;
}

int ashi_xml_tree_text(ashi_xml_tree *t, void *parent, const char *text)
{
    if (!text || !xml_text_ok(text))
        return -1;
    size_t len = strlen(text);
    if (len > t->text)
        t->text = len;
    if (len > t->max_text) {
        if (!t->over)
            t->over = ashi_xml_tree_number(parent);
        return -3;
    }
    xmlNodePtr n = xmlNewDocTextLen(t->doc, (const xmlChar *)text, (int)len);
    if (!n)
        return -2;
    if (!xmlAddChild(parent, n)) {
        xmlFreeNode(n);
        return -2;
    }
    return 0;
}

void *ashi_xml_tree_doc(ashi_xml_tree *t) { return t->doc; }
