/* test_api.c — the public API as a linking program sees it: loading from
 * memory and files, diagnostics, rendering to memory, callback and file,
 * byte-identical output, failure leaving files untouched.
 * SPDX-License-Identifier: MIT */
#include <dirent.h>
#include <stddef.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ashireport.h"
#include "api_debug.h"
#include "base/base.h"
#include "harness.h"

static const char small[] =
    "<deck xmlns=\"urn:ashireport:deck:1\"><info><title>題</title></info>"
    "<slide title=\"最小\"><p>旭川市の取組</p></slide></deck>";

static const char broken[] = "<deck xmlns=\"urn:ashireport:deck:1\">\n"
                             "<slide><p>閉じていない</slide></deck>";

typedef struct sink {
    unsigned char *data;
    size_t len;
    int calls, fail_at; /* fail_at: the call that fails (0: none) */
    size_t largest;
} sink;

static int to_sink(void *user, const void *data, size_t len)
{
    sink *s = user;
    s->calls++;
    s->largest = len > s->largest ? len : s->largest;
    if (s->fail_at && s->calls >= s->fail_at)
        return s->calls == s->fail_at ? 1 : 2; /* 2: called after it failed */
    unsigned char *p = realloc(s->data, s->len + len);
    if (!p)
        return -1;
    memcpy(p + s->len, data, len);
    s->data = p;
    s->len += len;
    return 0;
}

static void test_basics(void)
{
    CHECK_STR(ashi_status_str(ASHI_OK), "success");
    CHECK_STR(ashi_status_str(ASHI_E_DECK), "the deck has errors; see its diagnostics");
    CHECK_STR(ashi_status_str((ashi_status)999), "unknown status");
    CHECK_STR(ashi_version(), ASHI_VERSION_STRING);
    char v[32];
    snprintf(v, sizeof v, "%d.%d.%d", ashi_version_number() / 10000,
             ashi_version_number() / 100 % 100, ashi_version_number() % 100);
    CHECK_STR(v, ashi_version());
    CHECK(ASHI_VERSION_AT_LEAST(0, 3, 0) && !ASHI_VERSION_AT_LEAST(ASHI_VERSION_MAJOR + 1, 0, 0));
    CHECK_INT(ASHI_VERSION_ENCODE(1, 2, 3), 10203);
    CHECK_INT(ashi_deck_load_memory(NULL, small, sizeof small - 1, NULL, NULL, NULL),
              ASHI_E_ARGUMENT);
    CHECK_INT(ashi_deck_diag_count(NULL), 0);
    ashi_deck_free(NULL);
    ashi_options_free(NULL);
    ashi_free(NULL);
    /* creep: 0 to 5 mm */
    ashi_options *opt = NULL;
    CHECK_INT(ashi_options_new(&opt), ASHI_OK);
    CHECK_INT(ashi_options_set_creep(NULL, 1), ASHI_E_ARGUMENT);
    CHECK_INT(ashi_options_set_creep(opt, -0.01), ASHI_E_ARGUMENT);
    CHECK_INT(ashi_options_set_creep(opt, 5.01), ASHI_E_ARGUMENT);
    CHECK_INT(ashi_options_set_creep(opt, strtod("nan", NULL)), ASHI_E_ARGUMENT);
    CHECK_INT(ashi_options_set_creep(opt, 0), ASHI_OK);
    CHECK_INT(ashi_options_set_creep(opt, 5), ASHI_OK);
    ashi_options_free(opt);
}

static void test_render(void)
{
    ashi_options *opt;
    CHECK_INT(ashi_options_new(&opt), ASHI_OK);
    CHECK_INT(ashi_options_add_font_dir(opt, ASHI_TEST_FONTDIR), ASHI_OK);
    CHECK_INT(ashi_options_add_font_dir(opt, ""), ASHI_E_ARGUMENT);
    CHECK_INT(ashi_options_set_output_profile(opt, ""), ASHI_E_ARGUMENT);
    CHECK_INT(ashi_options_set_output_profile(NULL, "x.icc"), ASHI_E_ARGUMENT);
    CHECK_INT(ashi_options_set_output_profile(opt, "x.icc"), ASHI_OK);
    CHECK_INT(ashi_options_set_output_profile(opt, NULL), ASHI_OK); /* back to PDF/X-1a */
    ashi_deck *deck;
    CHECK_INT(ashi_deck_load_memory(opt, small, sizeof small - 1, "small.xml", NULL, &deck),
              ASHI_OK);
    CHECK_INT(ashi_deck_diag_count(deck), 0);
    CHECK_INT(ashi_deck_page_count(deck), 1);
    /* The font came from the folder the options named. */
    const char *font = ashi_deck_font_file(deck, 0);
    CHECK(font && strncmp(font, ASHI_TEST_FONTDIR, strlen(ASHI_TEST_FONTDIR)) == 0);
    CHECK(ashi_deck_font_file(deck, 99) == NULL);

    unsigned char *a = NULL, *b = NULL;
    size_t alen = 0, blen = 0;
    CHECK_INT(ashi_deck_render_memory(deck, &a, &alen), ASHI_OK);
    CHECK_INT(ashi_deck_render_memory(deck, &b, &blen), ASHI_OK);
    CHECK(alen > 1000 && alen == blen && memcmp(a, b, alen) == 0);
    CHECK(alen > 8 && memcmp(a, "%PDF-1.5", 8) == 0);

    sink s = {0};
    CHECK_INT(ashi_deck_render_callback(deck, to_sink, &s), ASHI_OK);
    CHECK(s.len == alen && memcmp(s.data, a, alen) == 0);
    free(s.data);

    /* A second deck loaded separately renders the same bytes. */
    ashi_deck *again;
    CHECK_INT(ashi_deck_load_memory(opt, small, sizeof small - 1, "small.xml", NULL, &again),
              ASHI_OK);
    unsigned char *c = NULL;
    size_t clen = 0;
    CHECK_INT(ashi_deck_render_memory(again, &c, &clen), ASHI_OK);
    CHECK(clen == alen && memcmp(a, c, alen) == 0);
    ashi_free(c);
    ashi_deck_free(again);

    char path[] = "/tmp/ashi-api-XXXXXX";
    CHECK(mkdtemp(path) != NULL);
    char out[256];
    snprintf(out, sizeof out, "%s/out.pdf", path);
    CHECK_INT(ashi_deck_render_file(deck, out), ASHI_OK);
    struct stat st;
    CHECK(stat(out, &st) == 0 && (size_t)st.st_size == alen);

    /* A deck with errors: diagnostics readable, no render, file untouched. */
    ashi_deck *bad;
    CHECK_INT(ashi_deck_load_memory(opt, broken, sizeof broken - 1, "broken.xml", NULL, &bad),
              ASHI_E_DECK);
    CHECK(ashi_deck_error_count(bad) >= 1);
    ashi_diag g;
    CHECK_INT(ashi_deck_diag(bad, 0, &g), ASHI_OK);
    CHECK_STR(g.file, "broken.xml");
    CHECK_INT(g.line, 2);
    CHECK(g.severity == ASHI_ERROR);
    CHECK_INT(ashi_deck_diag(bad, 999, &g), ASHI_E_ARGUMENT);
    CHECK_INT(ashi_deck_page_count(bad), 0);
    CHECK_INT(ashi_deck_render_file(bad, out), ASHI_E_DECK);
    CHECK(stat(out, &st) == 0 && (size_t)st.st_size == alen);
    unsigned char *none = (unsigned char *)"x";
    size_t nlen = 5;
    CHECK_INT(ashi_deck_render_memory(bad, &none, &nlen), ASHI_E_DECK);
    CHECK(none == NULL && nlen == 0);
    ashi_deck_free(bad);

    /* Writing into a folder that does not exist fails cleanly. */
    char nowhere[300];
    snprintf(nowhere, sizeof nowhere, "%s/missing/out.pdf", path);
    CHECK_INT(ashi_deck_render_file(deck, nowhere), ASHI_E_IO);
    CHECK(ashi_deck_error_count(deck) == 1);

    unlink(out);
    rmdir(path);
    ashi_free(a);
    ashi_free(b);
    ashi_deck_free(deck);
    ashi_options_free(opt);
}

/* A slide with nothing on it still renders (tagging: elements with no
 * children; found by fuzz_deck under UBSan). */
static void test_empty_slide(void)
{
    static const char deck_xml[] = "<deck xmlns=\"urn:ashireport:deck:1\"><slide></slide></deck>";
    ashi_options *opt;
    CHECK_INT(ashi_options_new(&opt), ASHI_OK);
    CHECK_INT(ashi_options_add_font_dir(opt, ASHI_TEST_FONTDIR), ASHI_OK);
    ashi_deck *deck;
    CHECK_INT(ashi_deck_load_memory(opt, deck_xml, sizeof deck_xml - 1, "empty.xml", NULL, &deck),
              ASHI_OK);
    unsigned char *pdf = NULL;
    size_t len = 0;
    CHECK_INT(ashi_deck_render_memory(deck, &pdf, &len), ASHI_OK);
    CHECK(len > 8 && memcmp(pdf, "%PDF-", 5) == 0);
    ashi_free(pdf);
    ashi_deck_free(deck);
    ashi_options_free(opt);
}

static void test_missing_file(void)
{
    ashi_deck *deck = NULL;
    CHECK_INT(ashi_deck_load_file(NULL, "/nonexistent/deck.xml", &deck), ASHI_E_IO);
    CHECK(deck != NULL && ashi_deck_error_count(deck) == 1);
    ashi_diag g;
    CHECK_INT(ashi_deck_diag(deck, 0, &g), ASHI_OK);
    CHECK_STR(g.message, "cannot read the deck: No such file or directory");
    ashi_deck_free(deck);
}

/* Eight threads at once, each loading and rendering a different deck three
 * times over, give the same bytes as each deck rendered alone. */
typedef struct job {
    const char *path;
    const ashi_options *opt; /* NULL: the defaults */
    unsigned char *pdf;
    size_t len;
    ashi_status st;
} job;

static void *render_job(void *arg)
{
    job *j = arg;
    for (int round = 0; round < 3; round++) {
        ashi_deck *deck = NULL;
        j->st = ashi_deck_load_file(j->opt, j->path, &deck);
        if (j->st == ASHI_OK) {
            ashi_free(j->pdf);
            j->pdf = NULL;
            j->st = ashi_deck_render_memory(deck, &j->pdf, &j->len);
        }
        ashi_deck_free(deck);
        if (j->st != ASHI_OK)
            break;
    }
    return NULL;
}

static void test_threads(void)
{
    static const char *const decks[8] = {
        ASHI_TEST_DIR "/decks/blocks.xml",   ASHI_TEST_DIR "/decks/charts.xml",
        ASHI_TEST_DIR "/decks/images.xml",   ASHI_TEST_DIR "/decks/japanese.xml",
        ASHI_TEST_DIR "/decks/minimal.xml",  ASHI_TEST_DIR "/decks/tables.xml",
        ASHI_TEST_DIR "/decks/theme.xml",    ASHI_TEST_DIR "/../data/asahikawa.xml",
    };
    job alone[8], jobs[8];
    pthread_t th[8];
    memset(alone, 0, sizeof alone);
    memset(jobs, 0, sizeof jobs);
    for (int i = 0; i < 8; i++) {
        alone[i].path = jobs[i].path = decks[i];
        render_job(&alone[i]);
        CHECK_INT(alone[i].st, ASHI_OK);
    }
    /* half of them on two threads of their own each (layout, and the
     * pages compressed beside the drawing) */
    ashi_options *two = NULL;
    CHECK_INT(ashi_options_new(&two), ASHI_OK);
    CHECK_INT(ashi_options_set_threads(two, 2), ASHI_OK);
    for (int i = 0; i < 8; i++) {
        jobs[i].opt = i % 2 ? two : NULL;
        CHECK(pthread_create(&th[i], NULL, render_job, &jobs[i]) == 0);
    }
    for (int i = 0; i < 8; i++) {
        pthread_join(th[i], NULL);
        CHECK_INT(jobs[i].st, ASHI_OK);
        CHECK(jobs[i].len == alone[i].len && jobs[i].pdf &&
              memcmp(jobs[i].pdf, alone[i].pdf, alone[i].len) == 0);
        ashi_free(jobs[i].pdf);
    }
    ashi_options_free(two);
    /* each deck laid out on 4 threads: the same bytes too */
    ashi_options *opt = NULL;
    CHECK_INT(ashi_options_new(&opt), ASHI_OK);
    CHECK_INT(ashi_options_set_threads(opt, 0), ASHI_E_ARGUMENT);
    CHECK_INT(ashi_options_set_threads(opt, 17), ASHI_E_ARGUMENT);
    CHECK_INT(ashi_options_set_threads(opt, 4), ASHI_OK);
    for (int i = 0; i < 8; i++) {
        ashi_deck *deck = NULL;
        unsigned char *pdf = NULL;
        size_t len = 0;
        CHECK_INT(ashi_deck_load_file(opt, decks[i], &deck), ASHI_OK);
        CHECK_INT(ashi_deck_render_memory(deck, &pdf, &len), ASHI_OK);
        CHECK(len == alone[i].len && pdf && memcmp(pdf, alone[i].pdf, len) == 0);
        ashi_free(pdf);
        ashi_deck_free(deck);
        ashi_free(alone[i].pdf);
    }
    ashi_options_free(opt);
}

/* One font cache, four threads, a hundred documents: each the same bytes as
 * its deck rendered alone without a cache, and each font file opened once. */
#define CACHE_DECKS 7
#define CACHE_DOCS 100
typedef struct cache_job {
    const ashi_options *opt;
    int first; /* documents first, first + 4, first + 8, ... */
    const job *alone;
    int rendered, same;
} cache_job;

static void *cache_worker(void *arg)
{
    cache_job *c = arg;
    for (int doc = c->first; doc < CACHE_DOCS; doc += 4) {
        const job *ref = &c->alone[doc % CACHE_DECKS];
        ashi_deck *deck = NULL;
        unsigned char *pdf = NULL;
        size_t len = 0;
        if (ashi_deck_load_file(c->opt, ref->path, &deck) == ASHI_OK &&
            ashi_deck_render_memory(deck, &pdf, &len) == ASHI_OK) {
            c->rendered++;
            c->same += len == ref->len && memcmp(pdf, ref->pdf, len) == 0;
        }
        ashi_free(pdf);
        ashi_deck_free(deck);
    }
    return NULL;
}

static void test_font_cache(void)
{
    static const char *const decks[CACHE_DECKS] = {
        ASHI_TEST_DIR "/decks/blocks.xml",  ASHI_TEST_DIR "/decks/charts.xml",
        ASHI_TEST_DIR "/decks/images.xml",  ASHI_TEST_DIR "/decks/japanese.xml",
        ASHI_TEST_DIR "/decks/minimal.xml", ASHI_TEST_DIR "/decks/tables.xml",
        ASHI_TEST_DIR "/decks/theme.xml",
    };
    job alone[CACHE_DECKS];
    memset(alone, 0, sizeof alone);
    for (int i = 0; i < CACHE_DECKS; i++) {
        alone[i].path = decks[i];
        render_job(&alone[i]);
        CHECK_INT(alone[i].st, ASHI_OK);
    }
    ashi_font_cache *cache = NULL;
    ashi_options *opt = NULL;
    CHECK_INT(ashi_font_cache_new(&cache), ASHI_OK);
    CHECK_INT(ashi_options_new(&opt), ASHI_OK);
    CHECK_INT(ashi_options_set_font_cache(opt, cache), ASHI_OK);
    cache_job jobs[4];
    pthread_t th[4];
    for (int i = 0; i < 4; i++) {
        jobs[i] = (cache_job){opt, i, alone, 0, 0};
        CHECK(pthread_create(&th[i], NULL, cache_worker, &jobs[i]) == 0);
    }
    int rendered = 0, same = 0;
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        rendered += jobs[i].rendered;
        same += jobs[i].same;
    }
    CHECK_INT(rendered, CACHE_DOCS);
    CHECK_INT(same, CACHE_DOCS);
    /* every font file the decks use, each opened once */
    const char *files[32];
    int nfiles = 0;
    for (int i = 0; i < CACHE_DECKS; i++) {
        ashi_deck *deck = NULL;
        CHECK_INT(ashi_deck_load_file(NULL, decks[i], &deck), ASHI_OK);
        const char *f;
        for (size_t k = 0; (f = ashi_deck_font_file(deck, k)) != NULL; k++) {
            int seen = 0;
            for (int j = 0; j < nfiles; j++)
                seen |= !strcmp(files[j], f);
            if (!seen && nfiles < 32)
                files[nfiles++] = strdup(f);
        }
        ashi_deck_free(deck);
    }
    CHECK(nfiles >= 3);
    CHECK_INT(ashi__font_cache_faces(cache), nfiles);
    for (int j = 0; j < nfiles; j++)
        free((void *)files[j]);
    ashi_options_free(opt);
    ashi_font_cache_free(cache);
    for (int i = 0; i < CACHE_DECKS; i++)
        ashi_free(alone[i].pdf);
}

/* Each limit refuses what exceeds it with a diagnostic naming it. */
static void expect_limit(ashi_limit which, size_t value, const char *xml, const char *want,
                         const char *base_dir)
{
    ashi_options *opt;
    CHECK_INT(ashi_options_new(&opt), ASHI_OK);
    CHECK_INT(ashi_options_set_limit(opt, which, value), ASHI_OK);
    ashi_deck *deck = NULL;
    ashi_status st = ashi_deck_load_memory(opt, xml, strlen(xml), "limits.xml", base_dir, &deck);
    if (st == ASHI_OK) {
        unsigned char *pdf = NULL;
        size_t len = 0;
        st = ashi_deck_render_memory(deck, &pdf, &len);
        ashi_free(pdf);
    }
    CHECK_INT(st, ASHI_E_DECK);
    int found = 0;
    for (size_t i = 0; i < ashi_deck_diag_count(deck); i++) {
        ashi_diag g;
        ashi_deck_diag(deck, i, &g);
        found |= strstr(g.message, want) != NULL;
    }
    t_checks++;
    if (!found) {
        t_failed++;
        fprintf(stderr, "no limit diagnostic mentioning '%s'\n", want);
    }
    ashi_deck_free(deck);
    ashi_options_free(opt);
}

static void test_limits(void)
{
    CHECK_INT(ashi_options_set_limit(NULL, ASHI_LIMIT_SLIDES, 1), ASHI_E_ARGUMENT);
    expect_limit(ASHI_LIMIT_INPUT_BYTES, 50, small, "input-bytes limit of 50", NULL);
    expect_limit(ASHI_LIMIT_SLIDES, 1,
                 "<deck xmlns=\"urn:ashireport:deck:1\"><slide/><slide/></deck>",
                 "slides limit of 1", NULL);
    expect_limit(ASHI_LIMIT_TABLE_ROWS, 1,
                 "<deck xmlns=\"urn:ashireport:deck:1\"><slide><table><tr><td>1</td></tr>"
                 "<tr><td>2</td></tr></table></slide></deck>",
                 "table-rows limit of 1", NULL);
    expect_limit(ASHI_LIMIT_OUTPUT_BYTES, 1000, small, "output-bytes limit of 1000", NULL);
    /* a PNG of 120 x 80 pixels */
    expect_limit(ASHI_LIMIT_IMAGE_PIXELS, 5000,
                 "<deck xmlns=\"urn:ashireport:deck:1\"><slide><image src=\"images/rgb8.png\"/>"
                 "</slide></deck>",
                 "image-pixels limit of 5000", ASHI_TEST_DIR "/decks");
    /* text bytes: one text node over the limit stops the parse; white space
     * is not counted; pieces of one paragraph add up (layout counts them) */
    expect_limit(ASHI_LIMIT_TEXT_BYTES, 10,
                 "<deck xmlns=\"urn:ashireport:deck:1\"><slide><p>12345678901</p></slide></deck>",
                 "this text is more than 10 bytes, over the text-bytes limit of 10", NULL);
    expect_limit(ASHI_LIMIT_TEXT_BYTES, 10,
                 "<deck xmlns=\"urn:ashireport:deck:1\"><slide><p>123456<b>78901</b></p>"
                 "</slide></deck>",
                 "this text is 11 bytes, over the text-bytes limit of 10", NULL);
    expect_limit(ASHI_LIMIT_TEXT_BYTES, 10,
                 "<deck xmlns=\"urn:ashireport:deck:1\"><slide><chart title=\"12345678901\">"
                 "<category>a</category><series name=\"a\">1</series></chart>"
                 "</slide></deck>",
                 "this text is 11 bytes, over the text-bytes limit of 10", NULL);
    {
        ashi_options *opt;
        CHECK_INT(ashi_options_new(&opt), ASHI_OK);
        CHECK_INT(ashi_options_set_limit(opt, ASHI_LIMIT_TEXT_BYTES, 10), ASHI_OK);
        const char *ok = "<deck xmlns=\"urn:ashireport:deck:1\"><slide><p>\n  1234567890\n  "
                         "\n</p></slide></deck>";
        ashi_deck *deck = NULL;
        CHECK_INT(ashi_deck_load_memory(opt, ok, strlen(ok), "ok.xml", NULL, &deck), ASHI_OK);
        ashi_deck_free(deck);
        ashi_options_free(opt);
    }
    /* A 100 MB text node with the input limit raised past it: refused by
     * the text-bytes limit where the paragraph starts, without reading on. */
    {
        const char *head = "<deck xmlns=\"urn:ashireport:deck:1\">\n<slide><p>",
                   *tail = "</p></slide></deck>";
        size_t n = 100u * 1000 * 1000, hl = strlen(head), tl = strlen(tail);
        char *xml = malloc(hl + n + tl);
        CHECK(xml != NULL);
        if (xml) {
            memcpy(xml, head, hl);
            for (size_t i = 0; i < n; i++)
                xml[hl + i] = "あいう"[i % 9];
            memcpy(xml + hl + n, tail, tl);
            ashi_options *opt;
            CHECK_INT(ashi_options_new(&opt), ASHI_OK);
            CHECK_INT(ashi_options_set_limit(opt, ASHI_LIMIT_INPUT_BYTES, 128u << 20), ASHI_OK);
            ashi_deck *deck = NULL;
            CHECK_INT(ashi_deck_load_memory(opt, xml, hl + n + tl, "huge.xml", NULL, &deck),
                      ASHI_E_DECK);
            ashi_diag g;
            CHECK_INT(ashi_deck_diag_count(deck), 1);
            CHECK(ashi_deck_diag(deck, 0, &g) == ASHI_OK && !strcmp(g.code, "limit"));
            CHECK_INT(g.line, 2);
            CHECK_INT(g.col, 8);
            CHECK(!strcmp(g.message, "this text is more than 262144 bytes, over the "
                                     "text-bytes limit of 262144"));
            ashi_deck_free(deck);
            ashi_options_free(opt);
            free(xml);
        }
    }
    /* The default slide limit stops decks of 10,001 and of a million slides
     * at the 10,001st, where the parse stops: one diagnostic naming it. */
    for (int n = 10001; n <= 1000000; n = n == 10001 ? 1000000 : n + 1) {
        ashi_buf big = {0};
        ashi_buf_puts(&big, "<deck xmlns=\"urn:ashireport:deck:1\">\n");
        for (int i = 0; i < n; i++)
            ashi_buf_puts(&big, "<slide/>");
        ashi_buf_puts(&big, "</deck>");
        CHECK(!big.oom);
        ashi_deck *deck = NULL;
        CHECK_INT(ashi_deck_load_memory(NULL, big.data, big.len, "big.xml", NULL, &deck),
                  ASHI_E_DECK);
        ashi_diag g;
        CHECK_INT(ashi_deck_diag_count(deck), 1);
        CHECK(ashi_deck_diag(deck, 0, &g) == ASHI_OK && !strcmp(g.code, "limit"));
        CHECK_INT(g.line, 2);
        CHECK_INT(g.col, 10000 * 8 + 1);
        CHECK(!strcmp(g.message, "the deck has more than 10000 slides and sections, over "
                                 "the slides limit of 10000"));
        ashi_deck_free(deck);
        ashi_buf_free(&big);
    }
}

/* Absolute image paths: refused by default, allowed by the option; a path
 * climbing out with .. stays refused. */
static void test_absolute_paths(void)
{
    const char *abs = "<deck xmlns=\"urn:ashireport:deck:1\"><slide><image src=\""
                      ASHI_TEST_DIR "/decks/images/rgb8.png\" h=\"20mm\"/></slide></deck>";
    ashi_deck *deck = NULL;
    CHECK_INT(ashi_deck_load_memory(NULL, abs, strlen(abs), "abs.xml", NULL, &deck), ASHI_E_DECK);
    ashi_deck_free(deck);
    ashi_options *opt;
    CHECK_INT(ashi_options_new(&opt), ASHI_OK);
    CHECK_INT(ashi_options_allow_absolute_paths(opt, 1), ASHI_OK);
    CHECK_INT(ashi_deck_load_memory(opt, abs, strlen(abs), "abs.xml", NULL, &deck), ASHI_OK);
    ashi_deck_free(deck);
    const char *climb = "<deck xmlns=\"urn:ashireport:deck:1\"><slide><image "
                        "src=\"../../etc/passwd\"/></slide></deck>";
    CHECK_INT(ashi_deck_load_memory(opt, climb, strlen(climb), "c.xml", "/tmp", &deck),
              ASHI_E_DECK);
    ashi_deck_free(deck);
    ashi_options_free(opt);
}

/* Font files are read into memory at load: a font file cut to nothing
 * between load and render (which, mapped, would kill the process with
 * SIGBUS when the subset reads it) changes nothing in the PDF, for a
 * deck's own faces and for a cache's; a load after the cut reports it. */
static int copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    char buf[65536];
    size_t n;
    int rc = in && out ? 0 : -1;
    while (!rc && (n = fread(buf, 1, sizeof buf, in)) > 0)
        rc = fwrite(buf, 1, n, out) == n ? 0 : -1;
    if (in)
        fclose(in);
    if (out && fclose(out))
        rc = -1;
    return rc;
}

static ashi_status load_render(ashi_options *opt, const char *xml, const char *dir,
                               ashi_deck **deck, unsigned char **pdf, size_t *len)
{
    ashi_status st = ashi_deck_load_memory(opt, xml, strlen(xml), "cut.xml", dir, deck);
    if (st == ASHI_OK && pdf)
        st = ashi_deck_render_memory(*deck, pdf, len);
    return st;
}

static void test_font_file_cut(void)
{
    static const char xml[] =
        "<deck xmlns=\"urn:ashireport:deck:1\"><theme>"
        "<font name=\"copy\" regular=\"Copy-Regular.ttf\" bold=\"Copy-Bold.ttf\"/></theme>"
        "<slide title=\"書体の写し\"><p>旭川市の<b>取組</b>と Latin text</p></slide></deck>";
    char dir[] = "/tmp/ashi-font-cut-XXXXXX", reg[64], bold[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(reg, sizeof reg, "%s/Copy-Regular.ttf", dir);
    snprintf(bold, sizeof bold, "%s/Copy-Bold.ttf", dir);
    CHECK_INT(copy_file(ASHI_TEST_FONTDIR "/BIZUDPGothic-Regular.ttf", reg), 0);
    CHECK_INT(copy_file(ASHI_TEST_FONTDIR "/BIZUDPGothic-Bold.ttf", bold), 0);

    ashi_deck *ref = NULL, *own = NULL, *cached = NULL, *after = NULL, *lost = NULL;
    unsigned char *ref_pdf = NULL, *pdf = NULL;
    size_t ref_len = 0, len = 0;
    CHECK_INT(load_render(NULL, xml, dir, &ref, &ref_pdf, &ref_len), ASHI_OK);
    ashi_font_cache *cache = NULL;
    ashi_options *opt = NULL;
    CHECK_INT(ashi_font_cache_new(&cache), ASHI_OK);
    CHECK_INT(ashi_options_new(&opt), ASHI_OK);
    CHECK_INT(ashi_options_set_font_cache(opt, cache), ASHI_OK);
    CHECK_INT(load_render(NULL, xml, dir, &own, NULL, NULL), ASHI_OK);
    CHECK_INT(load_render(opt, xml, dir, &cached, NULL, NULL), ASHI_OK);

    CHECK_INT(truncate(reg, 0), 0);
    CHECK_INT(truncate(bold, 0), 0);
    CHECK_INT(ashi_deck_render_memory(own, &pdf, &len), ASHI_OK);
    CHECK(len == ref_len && ref_pdf && pdf && !memcmp(pdf, ref_pdf, len));
    ashi_free(pdf);
    pdf = NULL;
    CHECK_INT(ashi_deck_render_memory(cached, &pdf, &len), ASHI_OK);
    CHECK(len == ref_len && ref_pdf && pdf && !memcmp(pdf, ref_pdf, len));
    ashi_free(pdf);
    pdf = NULL;
    /* a later deck gets the cache's copies, opened once */
    CHECK_INT(load_render(opt, xml, dir, &after, &pdf, &len), ASHI_OK);
    CHECK(len == ref_len && ref_pdf && pdf && !memcmp(pdf, ref_pdf, len));
    CHECK_INT(ashi__font_cache_faces(cache), 3); /* the two copies and the fallback */
    ashi_free(pdf);
    /* the cache read only the outlines of the glyphs used so far: a deck
     * with others finds the file written to since, and says so */
    static const char other[] =
        "<deck xmlns=\"urn:ashireport:deck:1\"><theme>"
        "<font name=\"copy\" regular=\"Copy-Regular.ttf\" bold=\"Copy-Bold.ttf\"/></theme>"
        "<slide title=\"書体の写し\"><p>鬱蒼とした森の麓</p></slide></deck>";
    ashi_deck *later = NULL;
    CHECK_INT(ashi_deck_load_memory(opt, other, strlen(other), "cut.xml", dir, &later),
              ASHI_E_DECK);
    ashi_diag w = {0};
    CHECK(ashi_deck_diag_count(later) >= 1 && ashi_deck_diag(later, 0, &w) == ASHI_OK);
    CHECK_STR(w.message, "font file 'Copy-Regular.ttf' was written to after it was opened "
                         "(its outlines are read as the glyphs are used)");
    ashi_deck_free(later);
    /* without the cache the file is read again, and found cut */
    CHECK_INT(load_render(NULL, xml, dir, &lost, NULL, NULL), ASHI_E_DECK);
    ashi_diag g = {0};
    CHECK(ashi_deck_diag_count(lost) >= 1 && ashi_deck_diag(lost, 0, &g) == ASHI_OK);
    CHECK_STR(g.message, "font file 'Copy-Regular.ttf' has an impossible size");

    ashi_deck_free(ref);
    ashi_deck_free(own);
    ashi_deck_free(cached);
    ashi_deck_free(after);
    ashi_deck_free(lost);
    ashi_free(ref_pdf);
    ashi_options_free(opt);
    ashi_font_cache_free(cache);
    unlink(reg);
    unlink(bold);
    rmdir(dir);
}

/* The write callback gets the PDF in pieces as it is produced, not the
 * whole file at once; a failing callback stops the render at once. */
static void test_streaming(void)
{
    ashi_deck *deck = NULL;
    CHECK_INT(ashi_deck_load_file(NULL, ASHI_TEST_DIR "/../data/asahikawa.xml", &deck), ASHI_OK);
    unsigned char *whole = NULL;
    size_t len = 0;
    CHECK_INT(ashi_deck_render_memory(deck, &whole, &len), ASHI_OK);
    CHECK(len > 4 * 65536);
    sink s = {0};
    CHECK_INT(ashi_deck_render_callback(deck, to_sink, &s), ASHI_OK);
    CHECK(s.len == len && s.data && memcmp(s.data, whole, len) == 0);
    CHECK(s.calls >= 4 && s.largest <= 65536);
    free(s.data);
    size_t before = ashi_deck_diag_count(deck);
    sink f = {.fail_at = 2};
    CHECK_INT(ashi_deck_render_callback(deck, to_sink, &f), ASHI_E_IO);
    CHECK_INT(f.calls, 2);
    ashi_diag d = {0};
    CHECK(ashi_deck_diag_count(deck) == before + 1 &&
          ashi_deck_diag(deck, before, &d) == ASHI_OK);
    CHECK_STR(d.code, "io");
    free(f.data);
    ashi_free(whole);
    ashi_deck_free(deck);
    /* over the output limit: refused before a byte goes out, no file made */
    ashi_options *opt = NULL;
    CHECK_INT(ashi_options_new(&opt), ASHI_OK);
    CHECK_INT(ashi_options_set_limit(opt, ASHI_LIMIT_OUTPUT_BYTES, 50000), ASHI_OK);
    CHECK_INT(ashi_deck_load_file(opt, ASHI_TEST_DIR "/../data/asahikawa.xml", &deck), ASHI_OK);
    sink none = {0};
    CHECK_INT(ashi_deck_render_callback(deck, to_sink, &none), ASHI_E_DECK);
    CHECK_INT(none.calls, 0);
    char dir[] = "/tmp/ashi-stream-XXXXXX", out[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(out, sizeof out, "%s/out.pdf", dir);
    CHECK_INT(ashi_deck_render_file(deck, out), ASHI_E_DECK);
    CHECK(access(out, F_OK) != 0);
    DIR *dd = opendir(dir);
    int entries = 0;
    for (struct dirent *e; dd && (e = readdir(dd));)
        entries += e->d_name[0] != '.' || strncmp(e->d_name, ".ashi-", 6) == 0;
    if (dd)
        closedir(dd);
    CHECK_INT(entries, 0); /* no temporary file left either */
    rmdir(dir);
    ashi_deck_free(deck);
    ashi_options_free(opt);
}

/* ASHI_FONT_PATH's folders come before the installed fonts (after the
 * program's own); parts empty or missing are skipped. */
static void test_font_path(void)
{
    static const char xml[] = "<deck xmlns=\"urn:ashireport:deck:1\"><slide title=\"書体\"/></deck>";
    char dir[] = "/tmp/ashi-fontpath-XXXXXX", reg[96];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(reg, sizeof reg, "%s/BIZUDPGothic-Regular.ttf", dir);
    CHECK_INT(copy_file(ASHI_TEST_FONTDIR "/BIZUDPGothic-Regular.ttf", reg), 0);
    char env[256];
    snprintf(env, sizeof env, "::/nonexistent:%s:", dir);
    setenv("ASHI_FONT_PATH", env, 1);
    ashi_deck *deck = NULL;
    CHECK_INT(ashi_deck_load_memory(NULL, xml, sizeof xml - 1, "f.xml", NULL, &deck), ASHI_OK);
    const char *f = deck ? ashi_deck_font_file(deck, 0) : NULL;
    CHECK_STR(f ? f : "", reg);
    ashi_deck_free(deck);
    /* the program's folder wins over the variable */
    ashi_options *opt = NULL;
    CHECK_INT(ashi_options_new(&opt), ASHI_OK);
    CHECK_INT(ashi_options_add_font_dir(opt, ASHI_TEST_FONTDIR), ASHI_OK);
    CHECK_INT(ashi_deck_load_memory(opt, xml, sizeof xml - 1, "f.xml", NULL, &deck), ASHI_OK);
    f = deck ? ashi_deck_font_file(deck, 0) : NULL;
    CHECK(f && strncmp(f, ASHI_TEST_FONTDIR "/", strlen(ASHI_TEST_FONTDIR) + 1) == 0);
    ashi_deck_free(deck);
    ashi_options_free(opt);
    unsetenv("ASHI_FONT_PATH");
    unlink(reg);
    rmdir(dir);
}

/* A diagnostic says where its text ends, which slide it is in and what
 * usually fixes it; a program compiled with the 0.2 struct gets its fields
 * only. */
static void test_diag_fields(void)
{
    static const char xml[] =
        "<deck xmlns=\"urn:ashireport:deck:1\">\n"
        "<theme><color name=\"accent\" value=\"#GG0000\"/></theme>\n"
        "<slide title=\"一\"><p>本文</p></slide>\n"
        "<section title=\"章\">\n"
        "<slide title=\"二\"><p colour=\"red\">本文</p></slide>\n"
        "</section></deck>\n";
    ashi_deck *deck = NULL;
    CHECK_INT(ashi_deck_load_memory(NULL, xml, sizeof xml - 1, "d.xml", NULL, &deck), ASHI_E_DECK);
    CHECK_INT(ashi_deck_diag_count(deck), 2);
    ashi_diag g;
    memset(&g, 0, sizeof g);
    CHECK_INT(ashi_deck_diag(deck, 0, &g), ASHI_OK);
    CHECK_STR(g.code, "bad-value"); /* the theme's colour: in no slide */
    CHECK_INT(g.line, 2);
    CHECK_INT(g.col, 29);
    CHECK_INT(g.end_line, 2);
    CHECK_INT(g.end_col, 44); /* value="#GG0000": columns 29 to 43 */
    CHECK_INT(g.slide, 0);
    CHECK(g.hint && strstr(g.hint, "values the message lists"));
    CHECK_INT(ashi_deck_diag(deck, 1, &g), ASHI_OK);
    CHECK_STR(g.code, "unknown-attribute");
    CHECK_INT(g.line, 5);
    CHECK_INT(g.col, 21);
    CHECK_INT(g.end_col, 33); /* colour="red": columns 21 to 32 */
    CHECK_INT(g.slide, 2);    /* the second slide, inside the section */
    /* the fields of 0.2's struct, and nothing past them */
    union {
        ashi_diag d;
        unsigned char bytes[sizeof(ashi_diag)];
    } old;
    memset(&old, 0xA5, sizeof old);
    size_t v02 = offsetof(ashi_diag, message) + sizeof(const char *);
    CHECK_INT(ashi_deck_diag_sized(deck, 1, &old.d, v02), ASHI_OK);
    CHECK_STR(old.d.code, "unknown-attribute");
    CHECK_INT(old.d.line, 5);
    CHECK_INT(old.bytes[v02], 0xA5);
    CHECK_INT(old.bytes[sizeof old - 1], 0xA5);
    CHECK_INT(ashi_deck_diag_sized(deck, 1, &old.d, v02 - 1), ASHI_E_ARGUMENT);
    ashi_deck_free(deck);
}

/* The laid-out deck read back: pages, their outline entries, figures, info. */
static void test_query(void)
{
    static const char deck_xml[] =
        "<deck xmlns=\"urn:ashireport:deck:1\" page=\"A4\">\n"
        "<info><author>旭川市</author></info>\n"
        "<section title=\"第1章\">\n"
        "<slide title=\"数字\"><chart><category>a</category><series>1</series></chart>\n"
        "<placeholder label=\"写真の枠\"/></slide>\n"
        "</section></deck>\n";
    ashi_options *opt;
    CHECK_INT(ashi_options_new(&opt), ASHI_OK);
    CHECK_INT(ashi_options_add_font_dir(opt, ASHI_TEST_FONTDIR), ASHI_OK);
    ashi_deck *deck;
    CHECK_INT(ashi_deck_load_memory(opt, deck_xml, sizeof deck_xml - 1, "q.xml", NULL, &deck),
              ASHI_OK);
    CHECK_INT((int)ashi_deck_page_count(deck), 2);
    ashi_page_info pi;
    CHECK_INT(ashi_deck_page_info(deck, 0, &pi), ASHI_OK);
    CHECK_STR(pi.title ? pi.title : "", "第1章");
    CHECK_INT(pi.level, 0);
    CHECK_INT((int)pi.line, 3);
    CHECK(fabs(pi.width - 595.28) < 0.1 && fabs(pi.height - 841.89) < 0.1);
    CHECK_INT(ashi_deck_page_info(deck, 1, &pi), ASHI_OK);
    CHECK_STR(pi.title ? pi.title : "", "数字");
    CHECK_INT(pi.level, 1);
    CHECK_INT((int)pi.line, 4);
    CHECK_INT((int)pi.figures, 2);
    ashi_figure_info fi;
    CHECK_INT(ashi_deck_figure_info(deck, 1, 0, &fi), ASHI_OK);
    CHECK_STR(fi.alt ? fi.alt : "", "棒グラフ: a 1"); /* the chart's, from its data */
    CHECK(fi.file == NULL);
    CHECK_INT((int)fi.line, 4);
    CHECK_INT(ashi_deck_figure_info(deck, 1, 1, &fi), ASHI_OK);
    CHECK_STR(fi.alt ? fi.alt : "", "【写真・差し替え予定】写真の枠");
    CHECK_INT((int)fi.line, 5);
    CHECK_INT(ashi_deck_figure_info(deck, 1, 2, &fi), ASHI_E_ARGUMENT);
    CHECK_INT(ashi_deck_page_info(deck, 2, &pi), ASHI_E_ARGUMENT);
    CHECK_INT(ashi_deck_page_info(NULL, 0, &pi), ASHI_E_ARGUMENT);
    CHECK_INT(ashi_deck_page_info(deck, 0, NULL), ASHI_E_ARGUMENT);
    CHECK_STR(ashi_deck_info(deck, "author") ? ashi_deck_info(deck, "author") : "", "旭川市");
    CHECK_STR(ashi_deck_info(deck, "title") ? ashi_deck_info(deck, "title") : "", "第1章");
    CHECK(ashi_deck_info(deck, "subject") == NULL);
    CHECK(ashi_deck_info(deck, "colour") == NULL);
    CHECK(ashi_deck_info(NULL, "title") == NULL);
    ashi_deck_free(deck);
    ashi_options_free(opt);
}

int main(void)
{
    test_query();
    test_basics();
    test_absolute_paths();
    test_limits();
    test_threads();
    test_font_cache();
    test_render();
    test_missing_file();
    test_empty_slide();
    test_font_file_cut();
    test_streaming();
    test_font_path();
    test_diag_fields();
    return t_done();
}
