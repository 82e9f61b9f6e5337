/* reuse.c — text shaped and broken on this slide, kept so that drawing
 * what a measuring pass has just measured (every block is measured before
 * it is drawn) takes the measured lines instead of shaping and breaking
 * the text again. The key is everything ashi_lay_shape's result depends on:
 * the spans (text, readings, size, colour, face, place in the deck), the
 * style, the width, the alignment, the frame's scale and phrase rule.
 * Lines whose making asked for a diagnostic are not kept, so that a
 * drawing pass still reports it. The entries live in the scratch arena:
 * giving scratch back (ashi_lay_scratch_release) forgets the entries made
 * since its mark, newest first. A leaf of the layout stage.
 * SPDX-License-Identifier: MIT */
#include <string.h>

#include "layout/internal.h"

typedef struct reuse_entry {
    uint64_t hash;
    size_t next; /* 1 + index of the next entry of its bucket; 0: none */
    const ashi_span *spans;
    size_t nspans;
    const ashi_text_style *st;
    double size, width, scale;
    int al, phrase;
    shaped out;
} reuse_entry;

struct lay_reuse {
    reuse_entry *v;
    size_t n, cap;
    size_t *heads; /* 1 + index of the newest entry of each bucket */
    size_t nb;     /* a power of two */
};

static uint64_t mix(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001B3ull;
    return h;
}

/* The span's fields that shape it, pointers left out. */
typedef struct span_key {
    double size;
    int family, bold, brk, fake_bold, palt, ruby_mode;
    uint32_t color;
    unsigned group;
    float rise, tracking;
    unsigned line, col;
} span_key;

static span_key key_of(const ashi_span *s)
{
    span_key k;
    memset(&k, 0, sizeof k); /* padding too: keys are hashed and compared whole */
    k.size = s->size;
    k.family = s->family;
    k.bold = s->bold;
    k.brk = s->brk;
    k.fake_bold = s->fake_bold;
    k.palt = s->palt;
    k.ruby_mode = s->ruby_mode;
    k.color = s->color;
    k.group = s->group;
    k.rise = s->rise;
    k.tracking = s->tracking;
    k.line = s->loc.line;
    k.col = s->loc.col;
    return k;
}

static uint64_t hash_of(const ashi_span *spans, size_t n, const ashi_text_style *st, double size,
                        double width, double scale, int al, int phrase)
{
    uint64_t h = 0xCBF29CE484222325ull;
    for (size_t i = 0; i < n; i++) {
        span_key k = key_of(&spans[i]);
        h = mix(h, &k, sizeof k);
        h = mix(h, spans[i].text, spans[i].len);
        h = mix(h, "\1", 1);
        if (spans[i].ruby)
            h = mix(h, spans[i].ruby, spans[i].ruby_len);
        h = mix(h, "\2", 1);
    }
    h = mix(h, &st, sizeof st);
    h = mix(h, &size, sizeof size);
    h = mix(h, &width, sizeof width);
    h = mix(h, &scale, sizeof scale);
    h = mix(h, &al, sizeof al);
    h = mix(h, &phrase, sizeof phrase);
    return h ^ h >> 31;
}

static int same_text(const char *a, size_t an, const char *b, size_t bn)
{
    return an == bn && (an == 0 || memcmp(a, b, an) == 0);
}

static int same(const reuse_entry *e, const ashi_span *spans, size_t n, const ashi_text_style *st,
                double size, double width, double scale, int al, int phrase)
{
    if (e->nspans != n || e->st != st || e->size != size || e->width != width ||
        e->scale != scale || e->al != al || e->phrase != phrase)
        return 0;
    for (size_t i = 0; i < n; i++) {
        span_key a = key_of(&e->spans[i]), b = key_of(&spans[i]);
        if (memcmp(&a, &b, sizeof a) != 0 ||
            !same_text(e->spans[i].text, e->spans[i].len, spans[i].text, spans[i].len) ||
            !same_text(e->spans[i].ruby, e->spans[i].ruby ? e->spans[i].ruby_len : 0,
                       spans[i].ruby, spans[i].ruby ? spans[i].ruby_len : 0))
            return 0;
    }
    return 1;
}

int ashi_lay_reuse_find(L *l, const ashi_span *spans, size_t n, const ashi_text_style *st,
                        double size, double width, align al, shaped *out)
{
    const struct lay_reuse *r = l->mem.reuse;
    if (!r || !r->nb)
        return 0;
    uint64_t h = hash_of(spans, n, st, size, width, l->fr.scale, (int)al, l->fr.phrase);
    for (size_t i = r->heads[h & (r->nb - 1)]; i; i = r->v[i - 1].next) {
        const reuse_entry *e = &r->v[i - 1];
        if (e->hash == h &&
            same(e, spans, n, st, size, width, l->fr.scale, (int)al, l->fr.phrase)) {
            *out = e->out;
            return 1;
        }
    }
    return 0;
}

static void link(struct lay_reuse *r, size_t i)
{
    size_t b = r->v[i].hash & (r->nb - 1);
    r->v[i].next = r->heads[b];
    r->heads[b] = i + 1;
}

void ashi_lay_reuse_put(L *l, const ashi_span *spans, size_t n, const ashi_text_style *st,
                        double size, double width, align al, const shaped *s)
{
    ashi_arena *keep = l->mem.cache_arena ? l->mem.cache_arena : l->mem.keep;
    struct lay_reuse *r = l->mem.reuse;
    if (!r && !(r = l->mem.reuse = ashi_arena_alloc(keep, sizeof *r)))
        return;
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 64;
        reuse_entry *v = ashi_arena_grow(keep, r->v, r->n * sizeof *v, cap * sizeof *v);
        size_t *heads = ashi_arena_alloc(keep, cap * sizeof *heads);
        if (!v || !heads)
            return; /* nothing kept: the text is just shaped again */
        memset(heads, 0, cap * sizeof *heads);
        r->v = v;
        r->cap = cap;
        r->heads = heads;
        r->nb = cap;
        for (size_t i = 0; i < r->n; i++) /* oldest first: the newest heads its bucket */
            link(r, i);
    }
    /* the spans and their text, copied: a plain string may be a caller's
     * buffer */
    ashi_span *copy = ashi_arena_alloc(l->mem.a, (n + 1) * sizeof *copy);
    if (!copy)
        return;
    for (size_t i = 0; i < n; i++) {
        copy[i] = spans[i];
        copy[i].text =
            spans[i].len ? ashi_arena_strndup(l->mem.a, spans[i].text, spans[i].len) : "";
        if (spans[i].ruby)
            copy[i].ruby = ashi_arena_strndup(l->mem.a, spans[i].ruby, spans[i].ruby_len);
        if (!copy[i].text || (spans[i].ruby && !copy[i].ruby))
            return;
    }
    reuse_entry *e = &r->v[r->n];
    e->hash = hash_of(spans, n, st, size, width, l->fr.scale, (int)al, l->fr.phrase);
    e->size = size;
    e->spans = copy;
    e->nspans = n;
    e->st = st;
    e->width = width;
    e->scale = l->fr.scale;
    e->al = (int)al;
    e->phrase = l->fr.phrase;
    e->out = *s;
    link(r, r->n);
    r->n++;
}

size_t ashi_lay_reuse_count(const L *l)
{
    return l->mem.reuse ? l->mem.reuse->n : 0;
}

void ashi_lay_reuse_forget(L *l, size_t n)
{
    struct lay_reuse *r = l->mem.reuse;
    while (r && r->n > n) {
        /* the newest entry heads its bucket */
        reuse_entry *e = &r->v[--r->n];
        r->heads[e->hash & (r->nb - 1)] = e->next;
    }
}
