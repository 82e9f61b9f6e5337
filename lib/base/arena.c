/* arena.c — chunked bump allocator that owns a deck's model and strings.
 * SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"

typedef struct chunk {
    struct chunk *next;
    size_t used, size;
    size_t seq; /* order of creation, for ashi_arena_release */
    max_align_t data[];
} chunk;

struct ashi_arena {
    chunk *head;
    ashi_mem *mem;
    size_t seq; /* chunks made so far */
};

#define CHUNK_MIN (64 * 1024)

ashi_arena *ashi_arena_new(ashi_mem *m)
{
    ashi_arena *a = ashi_calloc(m, 1, sizeof *a);
    if (a)
        a->mem = m;
    return a;
}

ashi_mem *ashi_arena_mem(const ashi_arena *a) { return a->mem; }

void ashi_arena_free(ashi_arena *a)
{
    if (!a)
        return;
    for (chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    free(a);
}

void ashi_arena_reset(ashi_arena *a)
{
    /* keep one ordinary chunk for reuse, free the rest (under ASan free
     * all, so that a pointer kept past the reset is caught) */
    chunk *keep = NULL;
#ifdef __SANITIZE_ADDRESS__
    const int reuse = 0;
#else
    const int reuse = 1;
#endif
    for (chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        if (reuse && !keep && c->size == CHUNK_MIN) {
            keep = c;
            continue;
        }
        free(c);
    }
    a->head = keep;
    if (keep) {
        keep->next = NULL;
        keep->used = 0;
    }
}

ashi_arena_mark ashi_arena_save(const ashi_arena *a)
{
    ashi_arena_mark m = {a->head, a->head ? a->head->used : 0, a->seq};
    return m;
}

void ashi_arena_release(ashi_arena *a, ashi_arena_mark m)
{
    /* chunks made since the mark go; the head of then is cut back */
    chunk **p = &a->head;
    while (*p) {
        chunk *c = *p;
        if (c->seq >= m.seq) {
            *p = c->next;
            free(c);
        } else {
            p = &c->next;
        }
    }
    a->head = m.head;
    if (a->head)
        a->head->used = m.used;
}

void *ashi_arena_alloc(ashi_arena *a, size_t size)
{
    const size_t align = sizeof(max_align_t);
    if (size > SIZE_MAX / 2)
        return NULL;
    size = (size + align - 1) / align * align;
    if (size == 0)
        size = align;
    chunk *c = a->head;
    if (!c || c->size - c->used < size) {
        size_t cs = size > CHUNK_MIN ? size : CHUNK_MIN;
        chunk *n = ashi_malloc(a->mem, sizeof(chunk) + cs);
        if (!n)
            return NULL;
        n->size = cs;
        n->used = 0;
        n->seq = a->seq++;
        /* A big one-off block goes behind the head so the head's free space
         * stays usable. */
        if (c && size > CHUNK_MIN) {
            n->next = c->next;
            c->next = n;
        } else {
            n->next = c;
            a->head = n;
        }
        c = n;
    }
    void *p = (char *)c->data + c->used;
    c->used += size;
    memset(p, 0, size);
    return p;
}

void *ashi_arena_grow(ashi_arena *a, void *old, size_t old_size, size_t new_size)
{
    void *p = ashi_arena_alloc(a, new_size);
    if (p && old && old_size)
        memcpy(p, old, old_size < new_size ? old_size : new_size);
    return p;
}

char *ashi_arena_strndup(ashi_arena *a, const char *s, size_t n)
{
    char *p = ashi_arena_alloc(a, n + 1);
    if (p && n)
        memcpy(p, s, n);
    return p;
}

char *ashi_arena_strdup(ashi_arena *a, const char *s)
{
    return s ? ashi_arena_strndup(a, s, strlen(s)) : NULL;
}

char *ashi_arena_printf(ashi_arena *a, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = ashi_vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = n < 0 ? NULL : ashi_arena_alloc(a, (size_t)n + 1);
    if (p)
        ashi_vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}
