/* shape.c — styled spans to clusters and glyphs: face fallback by coverage,
 * then HarfBuzz shaping per run of one face.
 * SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include <hb.h>

#include "text/text.h"

typedef struct vec {
    void *v;
    size_t n, cap, elem;
    ashi_mem *mem;
    ashi_arena *arena; /* when set, the elements live there (zeroed) */
} vec;

/* Room for at least `need` elements; -1 when out of memory. An arena
 * vector leaves its old block in the arena: sized right from the start,
 * it never grows. */
static int vec_reserve(vec *x, size_t need)
{
    if (need <= x->cap)
        return 0;
    /* an arena vector starts at what it needs: arena blocks are zeroed,
     * and most text is a few characters (a label, a cell) */
    size_t cap = x->cap ? x->cap : need > 64 || x->arena ? need : 64;
    while (cap < need)
        cap *= 2;
    if (cap > SIZE_MAX / x->elem)
        return -1;
    void *p = x->arena ? ashi_arena_grow(x->arena, x->v, x->n * x->elem, cap * x->elem)
                       : ashi_realloc(x->mem, x->v, cap * x->elem);
    if (!p)
        return -1;
    x->v = p;
    x->cap = cap;
    return 0;
}

static void *vec_push(vec *x)
{
    if (vec_reserve(x, x->n + 1))
        return NULL;
    void *e = (char *)x->v + x->n++ * x->elem;
    if (!x->arena)
        memset(e, 0, x->elem);
    return e;
}

/* Characters no face has that were reported, by source location and code
 * point: each once per element, however often it comes (an open-addressed
 * set). */
typedef struct seen_key {
    uint32_t line, col, cp, used;
} seen_key;

typedef struct seen {
    seen_key *k;
    size_t n, cap;
    ashi_mem *mem;
} seen;

static size_t seen_slot(const seen_key *k, size_t cap, seen_key key)
{
    uint64_t h = ((uint64_t)key.line * 0x9E3779B97F4A7C15u) ^
                 ((uint64_t)key.col * 0xC2B2AE3D27D4EB4Fu) ^ ((uint64_t)key.cp * 0x165667B19E3779F9u);
    size_t i = (size_t)(h >> 24) & (cap - 1);
    while (k[i].used && (k[i].line != key.line || k[i].col != key.col || k[i].cp != key.cp))
        i = (i + 1) & (cap - 1);
    return i;
}

/* 1 when the character at loc is new (and now kept), 0 when it was
 * there; new too when there is no memory to keep it (reported again,
 * never lost). */
static int seen_add(seen *s, ashi_loc loc, uint32_t cp)
{
    if (2 * (s->n + 1) > s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 64;
        seen_key *k = ashi_calloc(s->mem, cap, sizeof *k);
        if (!k)
            return 1;
        for (size_t i = 0; i < s->cap; i++)
            if (s->k[i].used)
                k[seen_slot(k, cap, s->k[i])] = s->k[i];
        free(s->k);
        s->k = k;
        s->cap = cap;
    }
    seen_key key = {loc.line, loc.col, cp, 1};
    size_t i = seen_slot(s->k, s->cap, key);
    if (s->k[i].used)
        return 0;
    s->k[i] = key;
    s->n++;
    return 1;
}

static ashi_face *span_face(const ashi_fontset *fs, int family, int bold)
{
    const ashi_font_family *f = &fs->families[family];
    return bold ? f->bold : f->regular;
}

/* The face that has cp: the span's own, then the other families in theme
 * order (same weight). NULL when none has it. */
static ashi_face *cover(const ashi_fontset *fs, const ashi_span *s, uint32_t cp)
{
    ashi_face *own = span_face(fs, s->family, s->bold);
    if (ashi_face_glyph(own, cp))
        return own;
    for (int i = 0; i < fs->nfamilies; i++) {
        ashi_face *f = span_face(fs, i, s->bold);
        if (f != own && ashi_face_glyph(f, cp))
            return f;
    }
    return NULL;
}

/* ---- shaping cache ----------------------------------------------------------
 * HarfBuzz's result for a run depends on the face, the run's text and up
 * to five characters of context on each side (direction and language are
 * fixed, the script guessed from the text); at a scale of one unit per font
 * unit it does not depend on the size. So the glyphs of a run are kept
 * under exactly that key, and a run met again (the same paragraph measured
 * and then drawn, shrunk to fit, a table cell sized and set) is not shaped
 * again. The cache lives in an arena, so it goes when the arena is reset. */
#define CACHE_BUCKETS 256 /* to start with; doubled as entries come */
#define CONTEXT 5 /* HarfBuzz keeps this many characters of context */

typedef struct cached_glyph {
    uint32_t gid, cluster; /* cluster: byte offset from the run's start */
    int32_t xa, xo, yo;    /* font units */
} cached_glyph;

typedef struct cache_entry {
    struct cache_entry *next;
    const ashi_face *face;
    const char *key;
    size_t pre, run, post; /* the key: context before, run, context after */
    uint32_t hash;
    unsigned n;
    cached_glyph *g;
    int palt; /* shaped with OpenType palt */
} cache_entry;

struct ashi_shape_cache {
    ashi_arena *a;
    cache_entry **buckets;
    size_t nbuckets, n;
};

ashi_shape_cache *ashi_shape_cache_new(ashi_arena *a)
{
    ashi_shape_cache *c = ashi_arena_alloc(a, sizeof *c);
    cache_entry **b = c ? ashi_arena_alloc(a, CACHE_BUCKETS * sizeof *b) : NULL;
    if (!b)
        return NULL;
    c->a = a;
    c->buckets = b;
    c->nbuckets = CACHE_BUCKETS;
    return c;
}

/* Keeps chains short: twice the buckets when there are more entries than
 * buckets (the old array stays in the arena). */
static void cache_grow(ashi_shape_cache *c)
{
    size_t nb = c->nbuckets * 2;
    cache_entry **b = ashi_arena_alloc(c->a, nb * sizeof *b);
    if (!b)
        return; /* longer chains, still right */
    for (size_t i = 0; i < c->nbuckets; i++)
        for (cache_entry *e = c->buckets[i], *next; e; e = next) {
            next = e->next;
            e->next = b[e->hash % nb];
            b[e->hash % nb] = e;
        }
    c->buckets = b;
    c->nbuckets = nb;
}

typedef struct shaper {
    ashi_fontset *fs;
    ashi_shape_cache *cache;
    ashi_diags *d;
    hb_buffer_t *buf;
    hb_language_t lang;
    vec clusters, glyphs;
    vec uncached; /* cached_glyph: a run's glyphs when they are not kept */
    const char *text;
    size_t len;
} shaper;

/* The run's glyphs from the cache, else shaped (and kept when memory
 * allows: the cache is an optimisation, never a reason to fail). */
static const cache_entry *run_glyphs(shaper *sh, ashi_face *face, size_t off, size_t len,
                                     int palt, cache_entry *tmp)
{
    const char *t = sh->text;
    size_t pre = off, post = off + len;
    for (int k = 0; k < CONTEXT && pre > 0; k++) {
        pre--;
        while (pre > 0 && ((unsigned char)t[pre] & 0xC0) == 0x80)
            pre--;
    }
    for (int k = 0; k < CONTEXT && post < sh->len; k++) {
        post++;
        while (post < sh->len && ((unsigned char)t[post] & 0xC0) == 0x80)
            post++;
    }
    uint32_t h = 2166136261u;
    for (size_t i = pre; i < post; i++)
        h = (h ^ (unsigned char)t[i]) * 16777619u;
    h = (h ^ (uint32_t)(off - pre)) * 16777619u;
    h = (h ^ (uint32_t)len) * 16777619u;
    h ^= (uint32_t)(((uintptr_t)face >> 4) * 2654435761u);
    h ^= (uint32_t)palt * 0x9E3779B9u;
    cache_entry **bucket = sh->cache ? &sh->cache->buckets[h % sh->cache->nbuckets] : NULL;
    for (cache_entry *e = bucket ? *bucket : NULL; e; e = e->next)
        if (e->hash == h && e->face == face && e->palt == palt && e->pre == off - pre &&
            e->run == len &&
            e->post == post - off - len && !memcmp(e->key, t + pre, post - pre))
            return e;

    hb_buffer_t *buf = sh->buf;
    hb_buffer_clear_contents(buf);
    hb_buffer_add_utf8(buf, t, (int)sh->len, (unsigned)off, (int)len);
    hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
    hb_buffer_set_language(buf, sh->lang);
    hb_buffer_guess_segment_properties(buf);
    /* palt: the font's proportional widths for punctuation (titles) */
    static const hb_feature_t palt_on = {HB_TAG('p', 'a', 'l', 't'), 1, 0, (unsigned)-1};
    hb_shape(face->hb_font, buf, palt ? &palt_on : NULL, palt ? 1 : 0);
    unsigned n = 0;
    hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &n);
    hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, NULL);
    cache_entry *e = NULL;
    if (bucket) {
        e = ashi_arena_alloc(sh->cache->a, sizeof *e);
        char *key = e ? ashi_arena_strndup(sh->cache->a, t + pre, post - pre) : NULL;
        cached_glyph *g = key ? ashi_arena_alloc(sh->cache->a, (n + 1) * sizeof *g) : NULL;
        if (g) {
            *e = (cache_entry){*bucket, face, key, off - pre, len, post - off - len, h, n, g,
                               palt};
            *bucket = e;
            if (++sh->cache->n > sh->cache->nbuckets)
                cache_grow(sh->cache);
        } else {
            e = NULL;
        }
    }
    if (!e) {
        /* no cache, or no memory for the entry: the glyphs for this call */
        if (vec_reserve(&sh->uncached, (size_t)n + 1))
            return NULL;
        cached_glyph *g = sh->uncached.v;
        *tmp = (cache_entry){.face = face, .n = n, .g = g, .palt = palt};
        e = tmp;
    }
    for (unsigned i = 0; i < n; i++)
        e->g[i] = (cached_glyph){info[i].codepoint, (uint32_t)(info[i].cluster - off),
                                 pos[i].x_advance, pos[i].x_offset, pos[i].y_offset};
    return e;
}

static int shape_run(shaper *sh, const ashi_span *s, ashi_face *face, size_t off,
                     size_t len)
{
    cache_entry tmp;
    const cache_entry *run = run_glyphs(sh, face, off, len, s->palt != 0, &tmp);
    if (!run)
        return -1;
    unsigned n = run->n;
    double scale = s->size / face->upem;
    ashi_cluster *cur = NULL;
    for (unsigned i = 0; i < n; i++) {
        const cached_glyph *cg = &run->g[i];
        uint32_t cluster = (uint32_t)off + cg->cluster;
        if (!cur || cluster != cur->off) {
            if (!(cur = vec_push(&sh->clusters)))
                return -1;
            cur->off = cluster;
            cur->g0 = (uint32_t)sh->glyphs.n;
            cur->size = (float)s->size;
            cur->color = s->color;
            cur->face = face;
            cur->loc = s->loc;
            size_t p = cur->off;
            uint32_t cp;
            ashi_utf8_next(sh->text, sh->len, &p, &cp);
            cur->cp = cp;
            cur->cls = (uint8_t)ashi_jclass_of(cp);
            cur->group = (uint16_t)s->group;
            cur->rise = s->rise;
            cur->fake_bold = (uint8_t)s->fake_bold;
            cur->palt = (uint8_t)(s->palt != 0);
            cur->tracking = (float)(s->tracking * s->size);
        }
        ashi_glyph *g = vec_push(&sh->glyphs);
        if (!g)
            return -1;
        g->gid = cg->gid;
        g->adv = (float)(cg->xa * scale);
        g->dx = (float)(cg->xo * scale);
        g->dy = (float)(cg->yo * scale);
        cur->ng++;
        cur->width += g->adv;
    }
    return 0;
}

int ashi_shape(ashi_fontset *fs, const ashi_span *spans, size_t n, ashi_arena *a,
               ashi_diags *d, ashi_para *out)
{
    return ashi_shape_cached(fs, NULL, spans, n, a, d, out);
}

int ashi_shape_cached(ashi_fontset *fs, ashi_shape_cache *cache, const ashi_span *spans,
                      size_t n, ashi_arena *a, ashi_diags *d, ashi_para *out)
{
    memset(out, 0, sizeof *out);
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += spans[i].brk ? 0 : spans[i].len;
    char *text = ashi_arena_alloc(a, total + 1);
    if (!text)
        return -1;
    size_t at = 0;
    for (size_t i = 0; i < n; i++)
        if (!spans[i].brk) {
            memcpy(text + at, spans[i].text, spans[i].len);
            at += spans[i].len;
        }
    shaper sh = {.fs = fs, .cache = cache, .d = d, .text = text, .len = total};
    sh.clusters.elem = sizeof(ashi_cluster);
    sh.glyphs.elem = sizeof(ashi_glyph);
    sh.uncached.elem = sizeof(cached_glyph);
    sh.clusters.mem = sh.glyphs.mem = sh.uncached.mem = ashi_arena_mem(a);
    /* Clusters and glyphs go straight into the arena, room made at once
     * for one of each per character and break (HarfBuzz merges, seldom
     * splits): no copy of them at the end. */
    sh.clusters.arena = sh.glyphs.arena = a;
    size_t chars = 0;
    for (size_t i = 0; i < total; i++)
        chars += ((unsigned char)text[i] & 0xC0) != 0x80;
    for (size_t i = 0; i < n; i++)
        chars += spans[i].brk != 0;
    int rc = vec_reserve(&sh.clusters, chars + 1) || vec_reserve(&sh.glyphs, chars + 1) ? -1 : 0;
    sh.buf = hb_buffer_create();
    sh.lang = hb_language_from_string("ja", -1);
    if (!hb_buffer_allocation_successful(sh.buf))
        rc = -1;

    /* where each span with a reading put its base: [c0, c1), and the span */
    typedef struct ruby_at {
        size_t c0, c1, span;
        int per_char; /* mono or jukugo with a reading for each character */
    } ruby_at;
    vec rubies = {.elem = sizeof(ruby_at), .mem = ashi_arena_mem(a)};
    seen missing = {.mem = ashi_arena_mem(a)};
    size_t span_off = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        const ashi_span *s = &spans[i];
        if (s->brk) {
            ashi_cluster *c = vec_push(&sh.clusters);
            if (!c) {
                rc = -1;
                break;
            }
            c->off = (uint32_t)span_off;
            c->g0 = (uint32_t)sh.glyphs.n;
            c->cls = ASHI_CL_BREAK;
            c->size = (float)s->size;
            c->face = span_face(fs, s->family, s->bold);
            c->loc = s->loc;
            continue;
        }
        size_t first_cluster = sh.clusters.n;
        /* Split the span into runs of one face and shape each. */
        size_t pos = 0, run_start = 0;
        ashi_face *run_face = NULL;
        while (pos < s->len) {
            size_t cp_at = pos;
            uint32_t cp;
            ashi_utf8_next(s->text, s->len, &pos, &cp);
            ashi_face *f;
            if (cp < 0x21 || ashi_is_attached(cp)) {
                f = run_face ? run_face : span_face(fs, s->family, s->bold);
            } else if (!(f = cover(fs, s, cp))) {
                char u[5] = {0};
                ashi_utf8_put(cp, u);
                if (seen_add(&missing, s->loc, cp))
                    ashi_diag_add(d, ASHI_WARNING, "missing-glyph", s->loc,
                                  "character U+%04X '%s' is in none of the theme's fonts; "
                                  "it is drawn as an empty box",
                                  cp, u);
                f = span_face(fs, s->family, s->bold);
            }
            if (run_face && f != run_face) {
                if (shape_run(&sh, s, run_face, span_off + run_start, cp_at - run_start)) {
                    rc = -1;
                    break;
                }
                run_start = cp_at;
            }
            run_face = f;
        }
        if (rc == 0 && run_face && run_start < s->len &&
            shape_run(&sh, s, run_face, span_off + run_start, s->len - run_start))
            rc = -1;
        span_off += s->len;
        if (rc == 0 && s->ruby && s->ruby_len && sh.clusters.n > first_cluster) {
            ruby_at *r = vec_push(&rubies);
            if (r)
                *r = (ruby_at){first_cluster, sh.clusters.n, i, 0};
            else
                rc = -1;
        }
    }
    hb_buffer_destroy(sh.buf);

    if (rc == 0) {
        /* Cluster text ends where the next cluster (in text order) starts. */
        ashi_cluster *cl = sh.clusters.v;
        for (size_t i = 0; i < sh.clusters.n; i++) {
            if (cl[i].cls == ASHI_CL_BREAK)
                continue;
            size_t end = total;
            for (size_t j = i + 1; j < sh.clusters.n; j++)
                if (cl[j].off > cl[i].off) {
                    end = cl[j].off;
                    break;
                }
            cl[i].len = (uint32_t)(end - cl[i].off);
        }
        out->text = text;
        out->len = total;
        out->nclusters = sh.clusters.n;
        out->nglyphs = sh.glyphs.n;
        out->clusters = cl;
        out->glyphs = sh.glyphs.v;
    }
    free(sh.uncached.v);
    free(missing.k);
    /* Readings: shaped at half the base size; clusters point at them. A
     * mono or jukugo base gets one reading per cluster, each its share of
     * the span's readings (a cluster of two characters, two of them). */
    if (rc == 0 && rubies.n) {
        size_t total_r = 0;
        for (size_t r = 0; r < rubies.n; r++) {
            ruby_at *at = (ruby_at *)rubies.v + r;
            const ashi_span *base = &spans[at->span];
            at->per_char = 0;
            if (base->ruby_mode != ASHI_RUBY_GROUP) {
                size_t words = ashi_utf8_words(base->ruby, base->ruby_len), chars = 0;
                for (size_t k = at->c0; k < at->c1; k++)
                    chars += ashi_utf8_chars(text + out->clusters[k].off, out->clusters[k].len);
                at->per_char = words == chars; /* else one reading over all */
            }
            total_r += at->per_char ? at->c1 - at->c0 : 1;
        }
        out->rubies = ashi_arena_alloc(a, total_r * sizeof *out->rubies);
        if (!out->rubies)
            rc = -1;
        size_t nr = 0;
        for (size_t r = 0; rc == 0 && r < rubies.n; r++) {
            const ruby_at *at = (const ruby_at *)rubies.v + r;
            const ashi_span *base = &spans[at->span];
            ashi_span rs = *base;
            rs.size = base->size / 2;
            rs.ruby = NULL;
            rs.group = 0;
            rs.rise = 0;
            size_t pos = 0, w0 = 0, w1 = 0;
            for (size_t k = at->c0; rc == 0 && k < at->c1;) {
                size_t k1 = at->per_char ? k + 1 : at->c1;
                if (at->per_char) {
                    size_t chars = ashi_utf8_chars(text + out->clusters[k].off,
                                                   out->clusters[k].len);
                    size_t s0 = 0;
                    for (size_t c = 0; c < chars; c++) {
                        ashi_utf8_word(base->ruby, base->ruby_len, &pos, &w0, &w1);
                        if (c == 0)
                            s0 = w0;
                    }
                    rs.text = base->ruby + s0;
                    rs.len = chars ? w1 - s0 : 0;
                } else {
                    rs.text = base->ruby;
                    rs.len = base->ruby_len;
                }
                ashi_ruby *ru = &out->rubies[nr];
                memset(ru, 0, sizeof *ru);
                ru->c0 = k;
                ru->c1 = k1;
                ru->mode = at->per_char ? base->ruby_mode : ASHI_RUBY_GROUP;
                ru->word = (unsigned)r + 1;
                if (ashi_shape_cached(fs, cache, &rs, 1, a, d, &ru->text)) {
                    rc = -1;
                    break;
                }
                for (size_t g = 0; g < ru->text.nclusters; g++)
                    ru->width += ru->text.clusters[g].width;
                nr++;
                for (size_t g = k; g < k1; g++)
                    out->clusters[g].ruby = (uint32_t)nr;
                k = k1;
            }
        }
        out->nrubies = nr;
    }
    free(rubies.v);
    return rc;
}
