/* fuzz_deck.c — libFuzzer target: deck bytes to a PDF in memory, through
 * the public API, on one or two layout threads, with a structure-aware
 * mutator that changes attribute values and whole elements while keeping
 * the XML well-formed. SPDX-License-Identifier: MIT */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ashireport.h"

/* the fonts, read and checked once for the run through a font cache (as a
 * program rendering many documents does), but for one input in sixteen,
 * which opens its own */
static ashi_font_cache *fonts;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ashi_options *opt = NULL;
    if ((!fonts && ashi_font_cache_new(&fonts) != ASHI_OK) || ashi_options_new(&opt) != ASHI_OK)
        return 0;
    ashi_options_add_font_dir(opt, ASHI_FUZZ_FONTDIR);
    if (size % 16)
        ashi_options_set_font_cache(opt, fonts);
    /* half the inputs laid out on two threads */
    ashi_options_set_threads(opt, size & 1 ? 2 : 1);
    ashi_deck *deck = NULL;
    /* the deck's folder is fuzz/corpus: a deck may name image/rgb8.png or
     * csv/simple, the other targets' seeds */
    if (ashi_deck_load_memory(opt, data, size, "fuzz.xml", ASHI_FUZZ_DECKDIR, &deck) == ASHI_OK) {
        unsigned char *pdf = NULL;
        size_t len = 0;
        if (ashi_deck_render_memory(deck, &pdf, &len) == ASHI_OK)
            ashi_free(pdf);
    }
    for (size_t i = 0; i < ashi_deck_diag_count(deck); i++) {
        ashi_diag g;
        ashi_deck_diag(deck, i, &g);
    }
    ashi_deck_free(deck);
    ashi_options_free(opt);
    return 0;
}

/* ---- the mutator ------------------------------------------------------------
 * Byte-level mutation rarely turns max="10" into max="-10" and keeps the rest
 * of a deck valid. Four times in ten this mutator does what libFuzzer would
 * (LLVMFuzzerMutate, which also inserts dictionary words); otherwise it
 * replaces one attribute value by a word of the dictionary, by another
 * value of the same deck or by a number near its own, swaps two values of
 * one element, adds an attribute, or copies or removes one element. Values
 * are taken only when they hold no " < > or &, and an attribute is added
 * only where the tag lacks it, so a well-formed deck stays well-formed. The
 * words come from the file given with -dict= (fuzz/run.sh passes the one
 * made from the schema). */

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);

#define MAX_WORDS 1024
#define MAX_SPANS 512

typedef struct word {
    char text[64];
    size_t len;
} word;

typedef struct words {
    word values[MAX_WORDS]; /* attribute values: 1000, 150%, #GGG, hbar */
    size_t nvalues;
    word attrs[MAX_WORDS]; /* attribute names with their =": ` min="` */
    size_t nattrs;
} words;

static words W; /* filled once by LLVMFuzzerInitialize, then only read */

typedef struct span {
    size_t at, len, tag; /* a value's bytes and the start tag it is in */
} span;

static uint32_t next_rand(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

static int hexval(int c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* One dictionary line ("...", optionally after name=) into w; 0 when the
 * line holds none. */
static int parse_entry(const char *line, word *w)
{
    const char *q = strchr(line, '"');
    if (!q || line[0] == '#')
        return 0;
    w->len = 0;
    for (const char *p = q + 1; *p && *p != '"'; p++) {
        int c = (unsigned char)*p;
        if (c == '\\' && p[1] == 'x' && hexval(p[2]) >= 0 && hexval(p[3]) >= 0) {
            c = hexval(p[2]) * 16 + hexval(p[3]);
            p += 3;
        } else if (c == '\\' && p[1]) {
            c = (unsigned char)*++p;
        }
        if (w->len == sizeof w->text - 1)
            return 0;
        w->text[w->len++] = (char)c;
    }
    w->text[w->len] = 0;
    return w->len > 0;
}

static void load_dict(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        word w;
        if (!parse_entry(line, &w))
            continue;
        if (w.text[0] == ' ' && w.len > 3 && !strcmp(w.text + w.len - 2, "=\"")) {
            if (W.nattrs < MAX_WORDS)
                W.attrs[W.nattrs++] = w;
        } else if (!strpbrk(w.text, "\"<>&") && strlen(w.text) == w.len) {
            if (W.nvalues < MAX_WORDS)
                W.values[W.nvalues++] = w;
        }
    }
    fclose(f);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    for (int i = 1; i < *argc; i++)
        if (!strncmp((*argv)[i], "-dict=", 6))
            load_dict((*argv)[i] + 6);
    return 0;
}

/* The value spans of attributes (between =" and ") and the ends of start
 * tag names (where an attribute may go), in a deck's bytes. */
static void scan(const uint8_t *d, size_t n, span *vals, size_t *nv, size_t *tag_ends,
                 size_t *nt)
{
    *nv = *nt = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (d[i] != '<' || d[i + 1] < 'a' || d[i + 1] > 'z')
            continue;
        size_t j = i + 1;
        while (j < n && d[j] != ' ' && d[j] != '>' && d[j] != '/' && d[j] != '\n')
            j++;
        if (*nt < MAX_SPANS)
            tag_ends[(*nt)++] = j;
        /* the attributes up to the tag's end */
        while (j < n && d[j] != '>' && d[j] != '<') {
            if (d[j] == '=' && j + 1 < n && (d[j + 1] == '"' || d[j + 1] == '\'')) {
                uint8_t q = d[j + 1];
                size_t k = j + 2;
                while (k < n && d[k] != q && d[k] != '<')
                    k++;
                if (k < n && d[k] == q && *nv < MAX_SPANS)
                    vals[(*nv)++] = (span){j + 2, k - (j + 2), *nt};
                j = k;
            }
            j++;
        }
        i = j - 1;
    }
}

/* Whether the start tag whose name ends at `at` has attribute a (` min="`):
 * a second one would make the deck ill-formed. */
static int has_attr(const uint8_t *d, size_t n, size_t at, const word *a)
{
    for (size_t i = at; i + a->len <= n && d[i] != '>' && d[i] != '<'; i++)
        if (isspace(d[i]) && !memcmp(d + i + 1, a->text + 1, a->len - 1))
            return 1;
    return 0;
}

/* The length of the element whose start tag begins at `at`, up to and with
 * its end tag; 0 when the bytes do not close it plainly. */
static size_t element_len(const uint8_t *d, size_t n, size_t at)
{
    int depth = 0;
    for (size_t i = at; i < n; i++) {
        if (d[i] != '<')
            continue;
        size_t j = i + 1;
        if (j < n && (d[j] == '!' || d[j] == '?'))
            return 0;
        int closing = j < n && d[j] == '/';
        while (j < n && d[j] != '>')
            j++;
        if (j == n)
            return 0;
        if (closing)
            depth--;
        else if (d[j - 1] != '/')
            depth++;
        if (depth == 0)
            return j + 1 - at;
        if (depth < 0)
            return 0;
        i = j;
    }
    return 0;
}

/* Replaces d[at, at+old) by rep[0, len); 0 when the result would not fit. */
static size_t splice(uint8_t *d, size_t n, size_t max, size_t at, size_t old, const void *rep,
                     size_t len)
{
    if (n - old + len > max)
        return 0;
    memmove(d + at + len, d + at + old, n - at - old);
    memcpy(d + at, rep, len);
    return n - old + len;
}

/* A number near the one that value v starts with: its negative, ten times
 * it, one more or less, zero or a tenth; 0 when v holds no number. */
static int near_number(const uint8_t *v, size_t len, uint32_t *r, char *out, size_t size)
{
    char num[32];
    size_t n = 0;
    while (n < len && n < sizeof num - 1 && v[n] && strchr("+-.0123456789", v[n]))
        n++;
    if (!n)
        return 0;
    memcpy(num, v, n);
    num[n] = 0;
    double x = strtod(num, NULL);
    static const double mul[] = {-1, 10, 0.1, 0, 1e6};
    unsigned k = next_rand(r) % 7;
    x = k < 5 ? x * mul[k] : k == 5 ? x + 1 : x - 1;
    /* the unit after the number stays */
    return snprintf(out, size, "%.15g%.*s", x, (int)(len - n), (const char *)v + n) < (int)size;
}

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed)
{
    uint32_t r = seed | 1;
    unsigned what = next_rand(&r) % 10;
    if (what < 4 || size < 8)
        return LLVMFuzzerMutate(data, size, max_size);
    static span vals[MAX_SPANS];
    static size_t tags[MAX_SPANS];
    size_t nv, nt, out = 0;
    scan(data, size, vals, &nv, tags, &nt);
    span s = nv ? vals[next_rand(&r) % nv] : (span){0, 0, 0};
    char buf[256];
    if (what == 4 && nv && W.nvalues) {
        /* a value from the dictionary */
        const word *w = &W.values[next_rand(&r) % W.nvalues];
        out = splice(data, size, max_size, s.at, s.len, w->text, w->len);
    } else if (what == 5 && nv > 1) {
        /* the value of another attribute of the deck */
        span t = vals[next_rand(&r) % nv];
        if (t.len <= sizeof buf && t.at != s.at) {
            memcpy(buf, data + t.at, t.len);
            out = splice(data, size, max_size, s.at, s.len, buf, t.len);
        }
    } else if (what == 6 && nv && s.len < sizeof buf) {
        /* a number near the one the value has (max="8000" to max="-8000") */
        int len = near_number(data + s.at, s.len, &r, buf, sizeof buf);
        if (len)
            out = splice(data, size, max_size, s.at, s.len, buf, strlen(buf));
    } else if (what == 7 && nv > 1) {
        /* two values of one element swapped (min and max, say) */
        size_t n = 0, pick[MAX_SPANS];
        for (size_t i = 0; i < nv; i++)
            if (vals[i].tag == s.tag && vals[i].at != s.at)
                pick[n++] = i;
        if (n) {
            span t = vals[pick[next_rand(&r) % n]];
            span a = s.at < t.at ? s : t, b = s.at < t.at ? t : s;
            char va[256], vb[256];
            if (a.len <= sizeof va && b.len <= sizeof vb) {
                memcpy(va, data + a.at, a.len);
                memcpy(vb, data + b.at, b.len);
                /* the later one first, so the earlier offset holds */
                size_t m = splice(data, size, max_size, b.at, b.len, va, a.len);
                out = m ? splice(data, m, max_size, a.at, a.len, vb, b.len) : 0;
            }
        }
    } else if (what == 8 && nt && W.nattrs && W.nvalues) {
        /* a new attribute */
        const word *a = &W.attrs[next_rand(&r) % W.nattrs];
        const word *v = &W.values[next_rand(&r) % W.nvalues];
        size_t at = tags[next_rand(&r) % nt];
        int len = snprintf(buf, sizeof buf, "%s%s\"", a->text, v->text);
        if (len > 0 && (size_t)len < sizeof buf && !has_attr(data, size, at, a))
            out = splice(data, size, max_size, at, 0, buf, (size_t)len);
    } else if (what == 9 && nt > 1) {
        /* a copy of an element after itself, or the element removed (not
         * the root: a deck has one) */
        size_t at = tags[1 + next_rand(&r) % (nt - 1)];
        while (at > 0 && data[at] != '<')
            at--;
        size_t len = element_len(data, size, at);
        if (len && next_rand(&r) % 2 && size + len <= max_size) {
            memmove(data + at + len, data + at, size - at);
            out = size + len;
        } else if (len && len < size) {
            out = splice(data, size, max_size, at, len, "", 0);
        }
    }
    return out ? out : LLVMFuzzerMutate(data, size, max_size);
}
