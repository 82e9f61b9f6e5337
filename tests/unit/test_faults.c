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

/* Does an error of the deck say the memory ran out? */
static int memory_diag(const ashi_deck *deck)
{
    for (size_t i = 0; deck && i < ashi_deck_diag_count(deck); i++) {
        ashi_diag g;
        if (ashi_deck_diag(deck, i, &g) == ASHI_OK && g.severity == ASHI_ERROR &&
            strstr(g.message, "memory"))
            return 1;
    }
    return 0;
}

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
    o.memory_diag = memory_diag(deck);
    ashi_deck_free(deck);
    ashi_options_free(opt);
    return o;
}

/* How one deck is made, loaded and rendered with a probe. */
typedef outcome (*runner)(const void *ctx, ashi_mem *probe);

/* Fails each allocation of r in turn: every failure is reported, or the
 * PDF is the very same. */
static void fail_each_run(const char *label, runner r, const void *ctx)
{
    ashi_mem count = {0};
    outcome ref = r(ctx, &count);
    CHECK_INT(ref.st, ASHI_OK);
    CHECK(count.count > 10);
    size_t reported = 0, same = 0, bad = 0;
    for (size_t i = 1; i <= count.count; i++) {
        ashi_mem probe = {.fail_at = i};
        outcome o = r(ctx, &probe);
        if (o.st == ASHI_OK) {
            if (o.len == ref.len && !memcmp(o.pdf, ref.pdf, o.len))
                same++;
            else if (bad++ < 5)
                fprintf(stderr, "%s: allocation %zu failed and the PDF differs\n", label, i);
        } else if (o.st == ASHI_E_MEMORY || (o.st == ASHI_E_DECK && o.memory_diag)) {
            reported++;
        } else if (bad++ < 5) {
            fprintf(stderr, "%s: allocation %zu failed: status %d (%s)%s\n", label, i, o.st,
                    ashi_status_str(o.st), o.memory_diag ? "" : ", no memory diagnostic");
        }
        ashi_free(o.pdf);
    }
    t_checks++;
    if (bad)
        t_failed++;
    printf("%s: %zu allocations; failing each: %zu reported, %zu harmless, %zu wrong\n", label,
           count.count, reported, same, bad);
    ashi_free(ref.pdf);
}

typedef struct file_deck {
    char path[512];
    unsigned print;
} file_deck;

static outcome run_file(const void *ctx, ashi_mem *probe)
{
    const file_deck *f = ctx;
    return run(f->path, f->print, probe);
}

static void fail_each(const char *deck, unsigned print)
{
    file_deck f = {.print = print};
    snprintf(f.path, sizeof f.path, "%s/decks/%s", ASHI_TEST_DIR, deck);
    char label[128];
    snprintf(label, sizeof label, "%s%s", deck, print ? " (print)" : "");
    fail_each_run(label, run_file, &f);
}

/* A deck built in C (rows, numbers, a CSV in memory), laid out and
 * rendered: the first call that fails must say ASHI_E_MEMORY. */
#define STEP(call)                                                                        \
    do {                                                                                  \
        ashi_status s_ = (call);                                                          \
        if (o.st == ASHI_OK && s_ != ASHI_OK)                                             \
            o.st = s_;                                                                    \
    } while (0)

static outcome run_built(const void *ctx, ashi_mem *probe)
{
    outcome o = {0};
    (void)ctx;
    ashi_options *opt;
    if (ashi_options_new(&opt) != ASHI_OK) {
        o.st = ASHI_E_MEMORY;
        return o;
    }
    ashi_options_set_alloc_probe(opt, probe);
    ashi_deck *deck = NULL;
    STEP(ashi_deck_new(opt, "built", NULL, &deck));
    static const char csv[] = "月,件数\n4月,12\n5月,7\n";
    ashi_node *slide = NULL, *p = NULL, *t = NULL, *c = NULL, *s = NULL, *k = NULL, *t2 = NULL;
    if (o.st == ASHI_OK) {
        STEP(ashi_deck_add_file(deck, "d.csv", csv, sizeof csv - 1));
        STEP(ashi_node_add(ashi_deck_root(deck), "slide", &slide));
        STEP(ashi_node_set(slide, "title", "組み立て"));
        STEP(ashi_node_add(slide, "p", &p));
        STEP(ashi_node_add_text(p, "本文の段落です。"));
        STEP(ashi_node_add(slide, "table", &t));
        const char *row[] = {"一", "二"};
        STEP(ashi_node_add_row(t, 1, row, 2));
        STEP(ashi_node_add_row(t, 0, row, 2));
        STEP(ashi_node_add(slide, "table", &t2));
        STEP(ashi_node_set(t2, "src", "d.csv"));
        STEP(ashi_node_add(slide, "chart", &c));
        STEP(ashi_node_add(c, "category", &k));
        STEP(ashi_node_add_text(k, "春"));
        STEP(ashi_node_add(c, "series", &s));
        const double v[] = {42};
        STEP(ashi_node_add_numbers(s, v, 1));
        STEP(ashi_deck_lay_out(deck, opt));
        STEP(ashi_deck_render_memory(deck, &o.pdf, &o.len));
    }
    o.memory_diag = memory_diag(deck);
    ashi_deck_free(deck);
    ashi_options_free(opt);
    return o;
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
    fail_each_run("built deck", run_built, NULL);
    return t_done();
}
