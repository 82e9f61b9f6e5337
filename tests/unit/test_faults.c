/* test_faults.c — fails each of the library's own allocations in turn, for
 * whole decks loaded, laid out and rendered (with and without print
 * production), and checks that every failure is reported and nothing is
 * lost quietly: the load or render returns ASHI_E_MEMORY (or ASHI_E_DECK
 * with an error saying the memory ran out), or it succeeds with the very
 * same PDF. Leaks on these error paths are found by LeakSanitizer in the
 * ASan build, which runs this test. Needs a debug build (fault injection
 * compiled in); elsewhere it reports itself skipped.
 * SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "api_debug.h"
#include "ashireport.h"
#include "harness.h"

#define SKIP 77

typedef struct outcome {
    ashi_status st;
    unsigned char *pdf;
    size_t len;
    int memory_diag; /* an error diagnostic mentions memory */
} outcome;

static outcome run(const char *path, unsigned print, ashi_mem *probe)
{
    outcome o = {0};
    ashi_options *opt;
    if (ashi_options_new(&opt) != ASHI_OK) {
        o.st = ASHI_E_MEMORY;
        return o;
    }
    ashi_options_set_alloc_probe(opt, probe);
    if (print)
        ashi_options_set_print(opt, print, 3);
    ashi_deck *deck = NULL;
    o.st = ashi_deck_load_file(opt, path, &deck);
    if (o.st == ASHI_OK)
        o.st = ashi_deck_render_memory(deck, &o.pdf, &o.len);
    for (size_t i = 0; deck && i < ashi_deck_diag_count(deck); i++) {
        ashi_diag g;
        if (ashi_deck_diag(deck, i, &g) == ASHI_OK && g.severity == ASHI_ERROR &&
            strstr(g.message, "memory"))
            o.memory_diag = 1;
    }
    ashi_deck_free(deck);
    ashi_options_free(opt);
    return o;
}

static void fail_each(const char *deck, unsigned print)
{
    char path[512];
    snprintf(path, sizeof path, "%s/decks/%s", ASHI_TEST_DIR, deck);
    ashi_mem count = {0};
    outcome ref = run(path, print, &count);
    CHECK_INT(ref.st, ASHI_OK);
    CHECK(count.count > 10);
    size_t reported = 0, same = 0, bad = 0;
    for (size_t i = 1; i <= count.count; i++) {
        ashi_mem probe = {.fail_at = i};
        outcome o = run(path, print, &probe);
        if (o.st == ASHI_OK) {
            if (o.len == ref.len && !memcmp(o.pdf, ref.pdf, o.len))
                same++;
            else if (bad++ < 5)
                fprintf(stderr, "%s: allocation %zu failed and the PDF differs\n", deck, i);
        } else if (o.st == ASHI_E_MEMORY || (o.st == ASHI_E_DECK && o.memory_diag)) {
            reported++;
        } else if (bad++ < 5) {
            fprintf(stderr, "%s: allocation %zu failed: status %d (%s)%s\n", deck, i, o.st,
                    ashi_status_str(o.st), o.memory_diag ? "" : ", no memory diagnostic");
        }
        ashi_free(o.pdf);
    }
    t_checks++;
    if (bad)
        t_failed++;
    printf("%s%s: %zu allocations; failing each: %zu reported, %zu harmless, %zu wrong\n",
           deck, print ? " (print)" : "", count.count, reported, same, bad);
    ashi_free(ref.pdf);
}

int main(void)
{
    if (!ashi_alloc_can_fail()) {
        printf("skipped: this build has no fault injection (a Debug build has)\n");
        return SKIP;
    }
    fail_each("minimal.xml", 0);
    fail_each("japanese.xml", 0);
    fail_each("tables.xml", 0);
    fail_each("charts.xml", 0);
    fail_each("images.xml", 0);
    fail_each("blocks.xml", ASHI_PRINT_BLEED | ASHI_PRINT_MARKS | ASHI_PRINT_CMYK |
                                ASHI_PRINT_BOOKLET | ASHI_PRINT_SLUG);
    return t_done();
}
