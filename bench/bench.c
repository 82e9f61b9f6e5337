/* bench.c — loads and renders a deck N times to memory and prints the
 * median wall time per deck and per page, and per phase (parse, style,
 * fonts, shaping, line breaking, the rest of layout, font subsetting, the
 * rest of PDF writing) its median time and the library's own heap
 * allocations (libxml2, HarfBuzz, FreeType and libharu allocate besides).
 * Links the static library for the internal probe (api_debug.h).
 * SPDX-License-Identifier: MIT */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api_debug.h"
#include "ashireport.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

enum { P_PARSE, P_STYLE, P_FONTS, P_SHAPE, P_BREAK, P_LAYOUT, P_SUBSET, P_PDF, P_TOTAL, NP };
static const char *const names[NP] = {"parse",  "style",          "fonts",
                                       "shape",  "line breaking",  "layout (rest)",
                                       "subset", "pdf (rest)",     "total"};

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: ashi-bench DECK.xml [RUNS] [--font-cache]\n");
        return 2;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 20;
    if (runs < 1 || runs > 100000)
        runs = 20;
    double *ms[NP];
    size_t allocs[NP] = {0};
    for (int p = 0; p < NP; p++)
        if (!(ms[p] = calloc((size_t)runs, sizeof(double))))
            return 1;
    size_t pages = 0, bytes = 0;
    /* --font-cache: every run shares one font cache, as a server would */
    ashi_font_cache *cache = NULL;
    if (argc > 3 && !strcmp(argv[3], "--font-cache") && ashi_font_cache_new(&cache) != ASHI_OK)
        return 1;
    for (int i = 0; i < runs; i++) {
        ashi_options *opt;
        ashi_mem probe = {0};
        if (ashi_options_new(&opt) != ASHI_OK)
            return 1;
        ashi_options_set_alloc_probe(opt, &probe);
        ashi_options_set_font_cache(opt, cache);
        double t0 = now_ms();
        ashi_deck *deck = NULL;
        ashi_status st = ashi_deck_load_file(opt, argv[1], &deck);
        unsigned char *out = NULL;
        size_t len = 0;
        if (st == ASHI_OK)
            st = ashi_deck_render_memory(deck, &out, &len);
        double t1 = now_ms();
        if (st != ASHI_OK) {
            fprintf(stderr, "ashi-bench: %s\n", ashi_status_str(st));
            ashi_deck_free(deck);
            ashi_options_free(opt);
            return 1;
        }
        pages = ashi_deck_page_count(deck);
        bytes = len;
        ashi_free(out);
        ashi_deck_free(deck);
        ashi_options_free(opt);
        /* phases nest: layout holds shaping and breaking, pdf the subsets */
        const double *m = probe.ms;
        const size_t *a = probe.allocs;
        double v[NP] = {
            m[ASHI_PHASE_PARSE], m[ASHI_PHASE_STYLE], m[ASHI_PHASE_FONTS],
            m[ASHI_PHASE_SHAPE], m[ASHI_PHASE_BREAK],
            m[ASHI_PHASE_LAYOUT] - m[ASHI_PHASE_SHAPE] - m[ASHI_PHASE_BREAK],
            m[ASHI_PHASE_SUBSET], m[ASHI_PHASE_PDF] - m[ASHI_PHASE_SUBSET], t1 - t0};
        size_t c[NP] = {
            a[ASHI_PHASE_PARSE], a[ASHI_PHASE_STYLE], a[ASHI_PHASE_FONTS],
            a[ASHI_PHASE_SHAPE], a[ASHI_PHASE_BREAK],
            a[ASHI_PHASE_LAYOUT] - a[ASHI_PHASE_SHAPE] - a[ASHI_PHASE_BREAK],
            a[ASHI_PHASE_SUBSET], a[ASHI_PHASE_PDF] - a[ASHI_PHASE_SUBSET], probe.count};
        for (int p = 0; p < NP; p++) {
            ms[p][i] = v[p];
            allocs[p] = c[p]; /* the same every run */
        }
    }
    ashi_font_cache_free(cache);
    printf("deck: %s\npages: %zu\npdf bytes: %zu\nruns: %d%s\n", argv[1], pages, bytes, runs,
           cache ? ", one font cache" : "");
    printf("%-16s %10s %10s %12s\n", "phase", "median ms", "ms/page", "allocations");
    for (int p = 0; p < NP; p++) {
        double md = median(ms[p], runs);
        printf("%-16s %10.2f %10.3f %12zu\n", names[p], md, pages ? md / (double)pages : 0.0,
               allocs[p]);
        free(ms[p]);
    }
    return 0;
}
