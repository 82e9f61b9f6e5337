/* doc.c — page sizes and other small model helpers.
 * SPDX-License-Identifier: MIT */
#include <string.h>

#include "doc/doc.h"

int ashi_page_size(const char *name, double *w, double *h)
{
    static const struct {
        const char *name;
        double w_mm, h_mm;
    } sizes[] = {
        {"A4", 210, 297}, {"A3", 297, 420}, {"B5", 182, 257},
    };
    if (strcmp(name, "16:9") == 0) {
        *w = ASHI_MM(338.7);
        *h = ASHI_MM(190.5);
        return 0;
    }
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        size_t n = strlen(sizes[i].name);
        if (strncmp(name, sizes[i].name, n) != 0)
            continue;
        if (name[n] == 0) {
            *w = ASHI_MM(sizes[i].w_mm);
            *h = ASHI_MM(sizes[i].h_mm);
            return 0;
        }
        if (strcmp(name + n, "-landscape") == 0) {
            *w = ASHI_MM(sizes[i].h_mm);
            *h = ASHI_MM(sizes[i].w_mm);
            return 0;
        }
    }
    /* Two lengths, width first. */
    const char *sp = strchr(name, ' ');
    if (!sp || strchr(sp + 1, ' '))
        return -1;
    char first[64];
    size_t n = (size_t)(sp - name);
    if (n >= sizeof first)
        return -1;
    memcpy(first, name, n);
    first[n] = 0;
    double pw, ph;
    if (ashi_parse_length(first, &pw) || ashi_parse_length(sp + 1, &ph))
        return -1;
    if (!(pw >= ASHI_MM(10) - 1e-9 && ph >= ASHI_MM(10) - 1e-9 && pw <= ASHI_MM(5000) + 1e-9 &&
          ph <= ASHI_MM(5000) + 1e-9))
        return -2;
    *w = pw;
    *h = ph;
    return 0;
}

static const ashi_attr *find_attr(const ashi_block *b, const char *name)
{
    for (const ashi_attr *a = b->attrs; a && a->name; a++)
        if (strcmp(a->name, name) == 0)
            return a;
    return NULL;
}

ashi_loc ashi_block_attr_loc(const ashi_block *b, const char *name)
{
    const ashi_attr *a = find_attr(b, name);
    return a ? a->loc : b->loc;
}

const char *ashi_block_attr_text(const ashi_block *b, const char *name)
{
    const ashi_attr *a = find_attr(b, name);
    return a ? a->value : "";
}
