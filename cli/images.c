/* images.c — `render --format png|svg`: the pages as image files, named
 * by a pattern whose {n} is the page number. SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int cli_pages_parse(const char *spec, size_t npages, unsigned char *want, long *last)
{
    memset(want, spec ? 0 : 1, npages);
    *last = 0;
    for (const char *s = spec; s && *s;) {
        char *end;
        long a = strtol(s, &end, 10), b = a;
        if (end == s || a < 1)
            return -1;
        s = end;
        if (*s == '-') {
            b = strtol(s + 1, &end, 10);
            if (end == s + 1 || b < a)
                return -1;
            s = end;
        }
        if (*s == ',')
            s++;
        else if (*s)
            return -1;
        if (b > *last)
            *last = b;
        for (long k = a; k <= b && (size_t)k <= npages; k++)
            want[k - 1] = 1;
    }
    return 0;
}

/* pattern with {n} replaced by n (every {n}), into a new string. */
static char *page_name(const char *pattern, size_t n)
{
    char num[24];
    snprintf(num, sizeof num, "%zu", n);
    size_t len = strlen(pattern) + 1;
    for (const char *s = strstr(pattern, "{n}"); s; s = strstr(s + 3, "{n}"))
        len += strlen(num);
    char *out = malloc(len), *o = out;
    for (const char *s = pattern; out && *s;) {
        if (strncmp(s, "{n}", 3) == 0) {
            o += sprintf(o, "%s", num);
            s += 3;
        } else {
            *o++ = *s++;
        }
    }
    if (out)
        *o = 0;
    return out;
}

ashi_status cli_images(ashi_deck *deck, const char *pattern, int svg, double ppi,
                       const char *pages)
{
    size_t n = ashi_deck_page_count(deck);
    unsigned char *want = malloc(n ? n : 1);
    if (!want)
        return ASHI_E_MEMORY;
    long last = 0;
    if (cli_pages_parse(pages, n, want, &last)) {
        fprintf(stderr, cli_t("ashireport: --pages takes page numbers and ranges such as 1-3,7, not "
                        "'%s'\n"),
                pages);
        free(want);
        return ASHI_E_ARGUMENT;
    }
    if (last > 0 && (size_t)last > n) {
        fprintf(stderr, cli_t("ashireport: --pages %s asks for page %ld; the deck has %zu page%s\n"),
                pages, last, n, n == 1 ? "" : "s");
        free(want);
        return ASHI_E_ARGUMENT;
    }
    size_t chosen = 0;
    for (size_t i = 0; i < n; i++)
        chosen += want[i];
    if (chosen > 1 && !strstr(pattern, "{n}")) {
        fprintf(stderr, cli_t("ashireport: %zu pages need {n} in the output name for the page "
                        "number (e.g. -o slide-{n}.%s)\n"),
                chosen, svg ? "svg" : "png");
        free(want);
        return ASHI_E_ARGUMENT;
    }
    ashi_status st = ASHI_OK;
    for (size_t i = 0; i < n && st == ASHI_OK; i++) {
        if (!want[i])
            continue;
        char *name = page_name(pattern, i + 1), *tmp = name ? malloc(strlen(name) + 8) : NULL;
        if (!tmp) {
            free(name);
            st = ASHI_E_MEMORY;
            break;
        }
        /* written beside, then renamed: a reader never sees half a page */
        sprintf(tmp, "%s.part", name);
        FILE *f = fopen(tmp, "wb");
        st = f ? ashi_deck_render_page(deck, i, svg ? ASHI_IMAGE_SVG : ASHI_IMAGE_PNG, ppi,
                                       cli_write_file, f)
               : ASHI_E_IO;
        if (f && fclose(f) && st == ASHI_OK)
            st = ASHI_E_IO;
        if (st == ASHI_OK && rename(tmp, name))
            st = ASHI_E_IO;
        if (st != ASHI_OK) {
            unlink(tmp);
            fprintf(stderr, cli_t("ashireport: cannot write '%s': %s\n"), name, cli_t(ashi_status_str(st)));
        } else {
            printf(cli_t("wrote %s\n"), name);
        }
        free(tmp);
        free(name);
    }
    free(want);
    return st;
}
