/* bench.c — loads and renders a deck N times to memory and prints the
 * median, minimum and maximum wall time per deck and per page, split into
 * load (parse, style, fonts, layout) and PDF writing.
 * SPDX-License-Identifier: MIT */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ashireport.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
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

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: ashi-bench DECK.xml [RUNS]\n");
        return 2;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 20;
    if (runs < 1 || runs > 100000)
        runs = 20;
    double *load = calloc((size_t)runs, sizeof *load);
    double *pdf = calloc((size_t)runs, sizeof *pdf);
    double *total = calloc((size_t)runs, sizeof *total);
    size_t pages = 0, bytes = 0;
    if (!load || !pdf || !total)
        return 1;
    for (int i = 0; i < runs; i++) {
        double t0 = now_ms();
        ashi_deck *deck = NULL;
        ashi_status st = ashi_deck_load_file(NULL, argv[1], &deck);
        double t1 = now_ms();
        unsigned char *out = NULL;
        size_t len = 0;
        if (st == ASHI_OK)
            st = ashi_deck_render_memory(deck, &out, &len);
        double t2 = now_ms();
        if (st != ASHI_OK) {
            fprintf(stderr, "ashi-bench: %s\n", ashi_status_str(st));
            ashi_deck_free(deck);
            return 1;
        }
        pages = ashi_deck_page_count(deck);
        bytes = len;
        ashi_free(out);
        ashi_deck_free(deck);
        load[i] = t1 - t0;
        pdf[i] = t2 - t1;
        total[i] = t2 - t0;
    }
    double lo = total[0], hi = total[0];
    for (int i = 0; i < runs; i++) {
        lo = total[i] < lo ? total[i] : lo;
        hi = total[i] > hi ? total[i] : hi;
    }
    double m = median(total, runs);
    printf("deck: %s\npages: %zu\npdf bytes: %zu\nruns: %d\n", argv[1], pages, bytes, runs);
    printf("median per deck: %.2f ms (min %.2f, max %.2f)\n", m, lo, hi);
    printf("  load+layout: %.2f ms, pdf: %.2f ms\n", median(load, runs), median(pdf, runs));
    printf("median per page: %.3f ms\n", pages ? m / (double)pages : 0.0);
    free(load);
    free(pdf);
    free(total);
    return 0;
}
