/* test_res.c — the path rule for files a deck names: symbolic links out of
 * the deck's folder, special files, one file under many names, limits, a
 * deck in memory without a folder; and the same through the public API.
 * SPDX-License-Identifier: MIT */
#include <fcntl.h>
#include <png.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "res/res.h"

static char root[64];

static void put(const char *name, const char *text)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", root, name);
    FILE *f = fopen(p, "wb");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static void link_to(const char *target, const char *name)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", root, name);
    if (symlink(target, p))
        perror(p);
}

/* A grey PNG of w x h pixels (zeros compress to almost nothing). */
static void put_png(const char *name, unsigned w, unsigned h)
{
    png_image im;
    memset(&im, 0, sizeof im);
    im.version = PNG_IMAGE_VERSION;
    im.width = w;
    im.height = h;
    im.format = PNG_FORMAT_GRAY;
    unsigned char *px = calloc((size_t)w, h);
    char p[256];
    snprintf(p, sizeof p, "%s/%s", root, name);
    if (px)
        png_image_write_to_file(&im, p, 0, px, 0, NULL);
    free(px);
}

/* Reads name through a resolver of the deck folder; returns rc and the
 * message of the diagnostic made (or ""). */
static int rd(ashi_res *r, ashi_diags *d, const char *name, ashi_res_kind kind,
              const ashi_file **f, const char **msg)
{
    size_t n = d->n;
    ashi_loc loc = {3, 5};
    int rc = ashi_res_read(r, name, kind, loc, d, f);
    *msg = d->n > n ? d->v[n].message : "";
    return rc;
}

static void test_rule(void)
{
    char deck[128], out[128];
    snprintf(deck, sizeof deck, "%s/deck", root);
    snprintf(out, sizeof out, "%s/outside", root);
    mkdir(deck, 0755);
    mkdir(out, 0755);
    mkdir(strcat(strcpy((char[160]){0}, deck), "/sub"), 0755);
    put("outside/secret.csv", "payroll,1\n");
    put("deck/a.csv", "a,b\n1,2\n");
    put("deck/sub/b.csv", "b\n");
    link_to("../outside/secret.csv", "deck/rel-out.csv");
    link_to("/etc/passwd", "deck/passwd.csv");
    char abs_in[256];
    snprintf(abs_in, sizeof abs_in, "%s/a.csv", deck);
    link_to(abs_in, "deck/abs-in.csv");
    link_to("sub", "deck/subdir");
    link_to("../a.csv", "deck/sub/up.csv");
    link_to("loop-b", "deck/loop-a");
    link_to("loop-a", "deck/loop-b");
    link_to("../deck/a.csv", "deck/out-and-in.csv");
    link_to("/dev/zero", "deck/zero.csv");
    char fifo[160];
    snprintf(fifo, sizeof fifo, "%s/fifo.csv", deck);
    mkfifo(fifo, 0644);
    mkdir(strcat(strcpy((char[160]){0}, deck), "/dir.csv"), 0755);

    ashi_arena *a = ashi_arena_new(NULL);
    ashi_diags d = {.arena = a, .file = "deck.xml"};
    ashi_res r;
    ashi_res_init(&r, deck, 0, 1000, a);
    const ashi_file *f, *g;
    const char *msg;
    alarm(20); /* a FIFO must never block: fail rather than hang */

    CHECK_INT(rd(&r, &d, "a.csv", ASHI_RES_CSV, &f, &msg), 0);
    CHECK(f && f->len == 8 && !memcmp(f->data, "a,b\n1,2\n", 9));
    /* one file, many names: the same file, read once */
    const char *names[] = {"./a.csv", "././a.csv", "sub/../a.csv", "sub/up.csv", "abs-in.csv",
                           "subdir/../a.csv", "subdir/up.csv", "sub//up.csv"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        CHECK_INT(rd(&r, &d, names[i], ASHI_RES_CSV, &g, &msg), 0);
        CHECK(g == f);
    }
    CHECK_INT(r.nfiles, 1);
    CHECK_INT(rd(&r, &d, "subdir/b.csv", ASHI_RES_CSV, &g, &msg), 0);
    CHECK(g && g != f && g->len == 2);

    struct {
        const char *name, *code, *msg;
    } bad[] = {
        {"rel-out.csv", "csv-path",
         "CSV 'rel-out.csv' leads out of the deck's folder through a symbolic link"},
        {"passwd.csv", "csv-path",
         "CSV 'passwd.csv' leads out of the deck's folder through a symbolic link"},
        {"out-and-in.csv", "csv-path",
         "CSV 'out-and-in.csv' leads out of the deck's folder through a symbolic link"},
        {"zero.csv", "csv-path",
         "CSV 'zero.csv' leads out of the deck's folder through a symbolic link"},
        {"../outside/secret.csv", "csv-path",
         "CSV '../outside/secret.csv' must be a relative path inside the deck's folder"},
        {"sub/../../outside/secret.csv", "csv-path",
         "CSV 'sub/../../outside/secret.csv' must be a relative path inside the deck's folder"},
        {"/etc/passwd", "csv-path", "CSV '/etc/passwd' must be a relative path inside the deck's folder"},
        {"loop-a", "csv", "CSV 'loop-a' cannot be read: too many symbolic links"},
        {"fifo.csv", "csv", "CSV 'fifo.csv' is a FIFO (named pipe), not a regular file"},
        {"dir.csv", "csv", "CSV 'dir.csv' is a folder, not a file"},
        {"sub", "csv", "CSV 'sub' is a folder, not a file"},
        {"missing.csv", "csv", "CSV 'missing.csv' does not exist"},
        {"a.csv/x", "csv", "CSV 'a.csv/x' cannot be found: a part of its path is not a folder"},
        {"", "csv", "CSV '' is an empty name"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        size_t n = d.n;
        CHECK_INT(rd(&r, &d, bad[i].name, ASHI_RES_CSV, &g, &msg), 1);
        CHECK(g == NULL);
        CHECK_STR(msg, bad[i].msg);
        CHECK_STR(d.n > n ? d.v[n].code : "", bad[i].code);
        CHECK_INT(d.n > n ? d.v[n].line : 0, 3);
        /* asked again: the same answer, not reported twice */
        CHECK_INT(rd(&r, &d, bad[i].name, ASHI_RES_CSV, &g, &msg), 1);
        CHECK_INT(d.n, n + 1);
    }
    /* every file is within the input-bytes limit */
    char big[1002];
    memset(big, 'x', 1001);
    big[1001] = 0;
    put("deck/big.csv", big);
    CHECK_INT(rd(&r, &d, "big.csv", ASHI_RES_CSV, &g, &msg), 1);
    CHECK_STR(msg, "CSV 'big.csv' is 1001 bytes, over the input-bytes limit of 1000");
    /* the files read must not be written over */
    struct stat st;
    CHECK(stat(abs_in, &st) == 0 && ashi_res_is_input(&r, st.st_dev, st.st_ino));
    snprintf(big, sizeof big, "%s/outside/secret.csv", root);
    CHECK(stat(big, &st) == 0 && !ashi_res_is_input(&r, st.st_dev, st.st_ino));

    /* absolute paths allowed: links out and absolute names work, climbing
     * out with ".." still does not, special files still are refused */
    ashi_res ra;
    ashi_res_init(&ra, deck, 1, 1000, a);
    CHECK_INT(rd(&ra, &d, "rel-out.csv", ASHI_RES_CSV, &g, &msg), 0);
    CHECK(g && g->len == 10);
    CHECK_INT(rd(&ra, &d, big, ASHI_RES_CSV, &f, &msg), 0);
    CHECK(f == g);
    CHECK_INT(rd(&ra, &d, "../outside/secret.csv", ASHI_RES_CSV, &g, &msg), 1);
    CHECK_STR(msg, "CSV '../outside/secret.csv' must not climb out of the deck's folder with '..'");
    CHECK_INT(rd(&ra, &d, "zero.csv", ASHI_RES_CSV, &g, &msg), 1);
    CHECK_STR(msg, "CSV 'zero.csv' is a device, not a regular file");
    CHECK_INT(rd(&ra, &d, "fifo.csv", ASHI_RES_IMAGE, &g, &msg), 1);
    CHECK_STR(msg, "image 'fifo.csv' is a FIFO (named pipe), not a regular file");

    /* the files read together stay within the files-bytes limit */
    ashi_res rt;
    ashi_res_init(&rt, deck, 0, 1000, a);
    rt.max_total = 9;
    CHECK_INT(rd(&rt, &d, "a.csv", ASHI_RES_CSV, &g, &msg), 0); /* 8 bytes */
    CHECK_INT(rd(&rt, &d, "sub/b.csv", ASHI_RES_CSV, &g, &msg), 1); /* 2 more */
    CHECK_STR(msg, "CSV 'sub/b.csv' (2 bytes) would bring the files the deck reads over the "
                   "files-bytes limit of 9 bytes together");
    CHECK_INT(rd(&rt, &d, "./a.csv", ASHI_RES_CSV, &g, &msg), 0); /* read already */

    /* no folder (a deck from memory without base_dir): nothing relative */
    ashi_res rn;
    ashi_res_init(&rn, NULL, 0, 1000, a);
    CHECK_INT(chdir(deck), 0);
    CHECK_INT(rd(&rn, &d, "a.csv", ASHI_RES_CSV, &g, &msg), 1);
    CHECK_STR(msg, "CSV 'a.csv' cannot be read: the deck was given without a folder to read "
                   "files from");
    alarm(0);
    ashi_arena_free(a);
}

/* The same rule through the public API: a deck from memory with no folder
 * reads no file from the working directory; images named eight ways are
 * decoded once; the image-pixels limit counts the deck's images together. */
static const char *diag_text(const ashi_deck *deck, size_t i)
{
    static char buf[512];
    ashi_diag g;
    if (ashi_deck_diag(deck, i, &g) != ASHI_OK)
        return "";
    snprintf(buf, sizeof buf, "%u:%u: %s", g.line, g.col, g.message);
    return buf;
}

static void test_api(void)
{
    char deck[160];
    snprintf(deck, sizeof deck, "%s/api", root);
    mkdir(deck, 0755);
    char sec[192];
    snprintf(sec, sizeof sec, "%s/secret", deck);
    mkdir(sec, 0755);
    put("api/secret/payroll.csv", "name,pay\nX,1\n");
    CHECK_INT(chdir(deck), 0);
    ashi_options *opt;
    ashi_options_new(&opt);
    ashi_options_add_font_dir(opt, ASHI_TEST_FONTDIR);
    const char *xml = "<deck xmlns=\"urn:ashireport:deck:1\"><slide title=\"t\">\n"
                      "<table src=\"secret/payroll.csv\"/></slide></deck>";
    ashi_deck *dk;
    CHECK_INT(ashi_deck_load_memory(opt, xml, strlen(xml), "mem.xml", NULL, &dk), ASHI_E_DECK);
    CHECK_INT(ashi_deck_diag_count(dk), 1);
    CHECK_STR(diag_text(dk, 0), "2:8: CSV 'secret/payroll.csv' cannot be read: the deck was "
                                "given without a folder to read files from");
    ashi_deck_free(dk);
    /* an empty deck is said to be empty, at 1:1 (it was "out of memory") */
    CHECK_INT(ashi_deck_load_memory(opt, "", 0, "empty.xml", NULL, &dk), ASHI_E_DECK);
    CHECK_STR(diag_text(dk, 0), "1:1: the deck is empty");
    ashi_deck_free(dk);
    /* with the folder given, it is read */
    CHECK_INT(ashi_deck_load_memory(opt, xml, strlen(xml), "mem.xml", deck, &dk), ASHI_OK);
    ashi_deck_free(dk);

    /* a PNG bomb (6,000 x 6,000 grey zeros, a few kilobytes) named eight
     * ways is decoded once: every drawing of it is the one image */
    put_png("api/bomb.png", 6000, 6000);
    put_png("api/small.png", 3000, 3000);
    const char *eight = "<deck xmlns=\"urn:ashireport:deck:1\"><slide title=\"t\" layout=\"blank\">"
                        "<image alt=\"\" src=\"bomb.png\" x=\"0mm\" y=\"0mm\" w=\"10mm\" h=\"10mm\"/>"
                        "<image src=\"./bomb.png\" x=\"0mm\" y=\"0mm\" w=\"10mm\" h=\"10mm\"/>"
                        "<image src=\"././bomb.png\" x=\"0mm\" y=\"0mm\" w=\"10mm\" h=\"10mm\"/>"
                        "<image src=\"secret/../bomb.png\" x=\"0mm\" y=\"0mm\" w=\"10mm\" h=\"10mm\"/>"
                        "<image src=\".//bomb.png\" x=\"0mm\" y=\"0mm\" w=\"10mm\" h=\"10mm\"/>"
                        "<image src=\"./././bomb.png\" x=\"0mm\" y=\"0mm\" w=\"10mm\" h=\"10mm\"/>"
                        "<image src=\"secret/.././bomb.png\" x=\"0mm\" y=\"0mm\" w=\"10mm\" h=\"10mm\"/>"
                        "<image src=\"./secret/../bomb.png\" x=\"0mm\" y=\"0mm\" w=\"10mm\" h=\"10mm\"/>"
                        "</slide></deck>";
    ashi_options_set_limit(opt, ASHI_LIMIT_IMAGE_PIXELS, 40000000);
    CHECK_INT(ashi_deck_load_memory(opt, eight, strlen(eight), "eight.xml", deck, &dk), ASHI_OK);
    unsigned char *pdf = NULL;
    size_t len = 0;
    CHECK_INT(ashi_deck_render_memory(dk, &pdf, &len), ASHI_OK);
    /* one image XObject in the PDF */
    size_t images = 0;
    for (size_t i = 0; pdf && i + 14 < len; i++)
        images += !memcmp(pdf + i, "/Subtype /Image", 15);
    CHECK_INT(images, 1);
    ashi_free(pdf);
    ashi_deck_free(dk);

    /* two images, each within the limit, together over it */
    const char *two = "<deck xmlns=\"urn:ashireport:deck:1\"><slide title=\"t\" layout=\"blank\">\n"
                      "<image alt=\"\" src=\"bomb.png\" x=\"0mm\" y=\"0mm\" w=\"10mm\" h=\"10mm\"/>\n"
                      "<image alt=\"\" src=\"small.png\" x=\"0mm\" y=\"0mm\" w=\"10mm\" h=\"10mm\"/>\n"
                      "</slide></deck>";
    CHECK_INT(ashi_deck_load_memory(opt, two, strlen(two), "two.xml", deck, &dk), ASHI_E_DECK);
    CHECK_INT(ashi_deck_diag_count(dk), 1);
    CHECK_STR(diag_text(dk, 0),
              "3:15: image 'small.png' has 3000 x 3000 pixels, over the image-pixels limit of "
              "40000000 for the deck's images together (36000000 used by the images before it)");
    ashi_deck_free(dk);
    ashi_options_free(opt);
}

int main(void)
{
    snprintf(root, sizeof root, "/tmp/ashi-res-XXXXXX");
    if (!mkdtemp(root))
        return 1;
    test_rule();
    test_api();
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    if (system(cmd))
        fprintf(stderr, "could not remove %s\n", root);
    return t_done();
}
