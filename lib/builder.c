/* builder.c — the public API for decks built in C: elements made through
 * the XML stage's builder (xml/build.c), laid out by the same stages as a
 * deck read from text (api.c's ashi__deck_load). Public nodes are the
 * builder's elements. SPDX-License-Identifier: MIT */
#include <math.h>
#include <string.h>

#include "deck.h"
#include "xml/xml.h"

ashi_status ashi_deck_new(const ashi_options *opt, const char *name, const char *base_dir,
                          ashi_deck **out)
{
    if (!out)
        return ASHI_E_ARGUMENT;
    *out = ashi__deck_new(opt, name ? name : "<built>");
    if (!*out)
        return ASHI_E_MEMORY;
    ashi_deck *deck = *out;
    const ashi_limits *lim = ashi__limits_of(opt);
    if (base_dir && !(deck->res.base_dir = ashi_arena_strdup(deck->arena, base_dir)))
        return ASHI_E_MEMORY;
    deck->built = ashi_xml_tree_new(deck->arena, lim->elements, lim->text_bytes, deck);
    return deck->built ? ASHI_OK : ASHI_E_MEMORY;
}

ashi_node *ashi_deck_root(ashi_deck *deck)
{
    return deck && deck->built ? ashi_xml_tree_root(deck->built) : NULL;
}

/* The tree of a node that may still change; NULL for anything else. */
static ashi_xml_tree *open_tree(const ashi_node *node)
{
    ashi_xml_tree *t = ashi_xml_tree_of(node);
    return t && !ashi_xml_tree_frozen(t) ? t : NULL;
}

static ashi_status status_of(int rc)
{
    return rc == 0 ? ASHI_OK : rc == -1 ? ASHI_E_ARGUMENT : rc == -3 ? ASHI_E_DECK : ASHI_E_MEMORY;
}

ashi_status ashi_node_add(ashi_node *parent, const char *element, ashi_node **out)
{
    if (out)
        *out = NULL;
    ashi_xml_tree *t = open_tree(parent);
    if (!t)
        return ASHI_E_ARGUMENT;
    void *n = NULL;
    ashi_status st = status_of(ashi_xml_tree_add(t, parent, element, &n));
    if (out)
        *out = n;
    return st;
}

ashi_status ashi_node_set(ashi_node *node, const char *name, const char *value)
{
    ashi_xml_tree *t = open_tree(node);
    return t ? status_of(ashi_xml_tree_set(t, node, name, value)) : ASHI_E_ARGUMENT;
}

ashi_status ashi_node_add_text(ashi_node *parent, const char *text)
{
    ashi_xml_tree *t = open_tree(parent);
    return t ? status_of(ashi_xml_tree_text(t, parent, text)) : ASHI_E_ARGUMENT;
}

ashi_status ashi_node_add_row(ashi_node *table, int header, const char *const *cells,
                              size_t ncells)
{
    if (!open_tree(table) || (ncells && !cells))
        return ASHI_E_ARGUMENT;
    ashi_node *tr;
    ashi_status st = ashi_node_add(table, "tr", &tr);
    for (size_t i = 0; st == ASHI_OK && i < ncells; i++) {
        ashi_node *c;
        st = ashi_node_add(tr, header ? "th" : "td", &c);
        if (st == ASHI_OK && cells[i] && cells[i][0])
            st = ashi_node_add_text(c, cells[i]);
    }
    return st;
}

ashi_status ashi_node_add_numbers(ashi_node *node, const double *values, size_t n)
{
    ashi_xml_tree *t = open_tree(node);
    if (!t || (n && !values))
        return ASHI_E_ARGUMENT;
    for (size_t i = 0; i < n; i++)
        if (!isfinite(values[i]))
            return ASHI_E_ARGUMENT;
    ashi_deck *deck = ashi_xml_tree_owner(t);
    ashi_buf b = {.mem = deck->mem};
    for (size_t i = 0; i < n; i++)
        ashi_buf_printf(&b, "%s%.15g", i ? " " : "", values[i]);
    ashi_status st = b.oom ? ASHI_E_MEMORY : ashi_node_add_text(node, b.data ? b.data : "");
    ashi_buf_free(&b);
    return st;
}

size_t ashi_node_number(const ashi_node *node) { return ashi_xml_tree_number(node); }

ashi_status ashi_deck_add_file(ashi_deck *deck, const char *name, const void *data, size_t len)
{
    if (!deck || !deck->built || ashi_xml_tree_frozen(deck->built) || !name || !name[0] ||
        (!data && len))
        return ASHI_E_ARGUMENT;
    return ashi_res_add_memory(&deck->res, name, data ? data : "", len) ? ASHI_E_MEMORY
                                                                        : ASHI_OK;
}

ashi_status ashi_deck_lay_out(ashi_deck *deck, const ashi_options *opt)
{
    if (!deck || !deck->built || ashi_xml_tree_frozen(deck->built))
        return ASHI_E_ARGUMENT;
    ashi_xml_tree_freeze(deck->built);
    return ashi__deck_load(deck, opt, NULL, 0, deck->res.base_dir, deck->built);
}
