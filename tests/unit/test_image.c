/* test_image.c — the image stage: the EXIF orientation reader on hostile
 * TIFF data, decoding from memory (orientation, turned PNG pixels, damaged
 * JPEGs, CMYK), and the orientation deck rendered and rasterised by
 * pdftoppm with each image's corner colours read back.
 * SPDX-License-Identifier: MIT */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "ashireport.h"
#include "base/base.h"
#include "harness.h"
#include "image/image.h"

ashi_status ashi__deck_trace(const ashi_deck *deck, ashi_buf *out);

#define IMAGES ASHI_TEST_DIR "/decks/images"

static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    ashi_buf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        ashi_buf_append(&b, chunk, n);
    fclose(f);
    *len = b.len;
    return (unsigned char *)b.data;
}

/* The reader on a heap copy of exactly len bytes, so that ASan and
 * valgrind see any read past them. */
static int orientation_of(const unsigned char *tiff, size_t len)
{
    unsigned char *copy = malloc(len ? len : 1);
    if (!copy)
        return -1;
    if (len)
        memcpy(copy, tiff, len);
    int o = ashi_exif_orientation(copy, len);
    free(copy);
    return o;
}

static void put16(unsigned char *p, unsigned v, int le)
{
    p[le ? 0 : 1] = (unsigned char)(v & 255);
    p[le ? 1 : 0] = (unsigned char)(v >> 8);
}

static void put32(unsigned char *p, uint32_t v, int le)
{
    put16(p + (le ? 0 : 2), v & 0xFFFF, le);
    put16(p + (le ? 2 : 0), v >> 16, le);
}

/* A TIFF header and IFD0 with n entries at offset 8; entry i has tag
 * tags[i], type SHORT, count 1, value vals[i]. Returns its length. */
static size_t tiff(unsigned char *b, int le, size_t n, const unsigned *tags,
                   const unsigned *vals)
{
    b[0] = b[1] = le ? 'I' : 'M';
    put16(b + 2, 42, le);
    put32(b + 4, 8, le);
    put16(b + 8, (unsigned)n, le);
    for (size_t i = 0; i < n; i++) {
        unsigned char *e = b + 10 + 12 * i;
        put16(e, tags[i], le);
        put16(e + 2, 3, le);
        put32(e + 4, 1, le);
        put32(e + 8, 0, le);
        put16(e + 8, vals[i], le);
    }
    put32(b + 10 + 12 * n, 0, le); /* no next IFD */
    return 14 + 12 * n;
}

static void test_exif_reader(void)
{
    unsigned char b[256];
    unsigned tags[3] = {0x0100, 0x0112, 0x0131}, vals[3] = {640, 6, 7};
    /* both byte orders, every valid value, among other tags */
    for (int le = 0; le < 2; le++)
        for (unsigned v = 1; v <= 8; v++) {
            vals[1] = v;
            size_t n = tiff(b, le, 3, tags, vals);
            CHECK_INT(orientation_of(b, n), v);
        }
    /* out-of-range values */
    static const unsigned bad[] = {0, 9, 255, 0xFFFF};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        vals[1] = bad[i];
        CHECK_INT(orientation_of(b, tiff(b, 1, 3, tags, vals)), 1);
    }
    vals[1] = 6;
    size_t full = tiff(b, 0, 3, tags, vals);
    CHECK_INT(orientation_of(b, full), 6);
    /* every truncation: the entry holding the tag ends at byte 10 + 24,
     * any shorter buffer gives 1, never a read past its end */
    for (size_t len = 0; len < full; len++)
        CHECK_INT(orientation_of(b, len), len >= 34 ? 6 : 1);
    CHECK_INT(orientation_of(NULL, 0), 1);
    CHECK_INT(ashi_exif_orientation(NULL, 100), 1);
    /* bad byte order mark, bad magic number */
    unsigned char c[256];
    memcpy(c, b, full);
    c[0] = 'I', c[1] = 'M';
    CHECK_INT(orientation_of(c, full), 1);
    memcpy(c, b, full);
    put16(c + 2, 43, 0);
    CHECK_INT(orientation_of(c, full), 1);
    /* IFD0 offsets: inside the header, at the very end, past it, huge */
    const uint32_t offs[] = {0, 4, 7, (uint32_t)full - 1, (uint32_t)full,
                             (uint32_t)full + 1, 0x7FFFFFFF, 0xFFFFFFFF};
    for (size_t i = 0; i < sizeof offs / sizeof offs[0]; i++) {
        memcpy(c, b, full);
        put32(c + 4, offs[i], 0);
        CHECK_INT(orientation_of(c, full), 1);
    }
    /* a huge entry count: only the entries the buffer holds are read */
    memcpy(c, b, full);
    put16(c + 8, 0xFFFF, 0);
    CHECK_INT(orientation_of(c, full), 6);
    tags[1] = 0x0110;
    size_t n = tiff(c, 1, 3, tags, vals);
    put16(c + 8, 0xFFFF, 1);
    CHECK_INT(orientation_of(c, n), 1);
    tags[1] = 0x0112;
    /* a next-IFD offset pointing back at IFD0 (a loop): never followed */
    n = tiff(c, 1, 1, tags + 1, vals + 1);
    put32(c + 10 + 12, 8, 1);
    CHECK_INT(orientation_of(c, n), 6);
    unsigned other = 0x0100;
    n = tiff(c, 1, 1, &other, vals);
    put32(c + 10 + 12, 8, 1);
    CHECK_INT(orientation_of(c, n), 1);
    /* the tag with a wrong type or count; a LONG is taken */
    n = tiff(c, 0, 1, tags + 1, vals + 1);
    put16(c + 12, 2, 0); /* ASCII */
    CHECK_INT(orientation_of(c, n), 1);
    n = tiff(c, 0, 1, tags + 1, vals + 1);
    put32(c + 14, 0x40000000, 0); /* count */
    CHECK_INT(orientation_of(c, n), 1);
    n = tiff(c, 0, 1, tags + 1, vals + 1);
    put16(c + 12, 4, 0);
    put32(c + 18, 8, 0);
    CHECK_INT(orientation_of(c, n), 8);
    /* random bytes behind a valid header: always 1 to 8 */
    uint32_t seed = 12345;
    int in_range = 1;
    for (int k = 0; k < 20000; k++) {
        size_t len = 8 + (seed % 120);
        b[0] = b[1] = k % 2 ? 'I' : 'M';
        put16(b + 2, 42, k % 2);
        for (size_t i = 4; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            b[i] = (unsigned char)(seed >> 16);
        }
        if (k % 3 == 0)
            put32(b + 4, 8, k % 2);
        int o = orientation_of(b, len);
        in_range &= o >= 1 && o <= 8;
    }
    CHECK(in_range);
}

typedef struct {
    ashi_arena *a;
    ashi_diags d;
    unsigned char *data;
    size_t len;
} decoded;

static ashi_image *decode(decoded *t, const char *path)
{
    memset(t, 0, sizeof *t);
    t->a = ashi_arena_new(NULL);
    t->d.arena = t->a;
    t->d.file = "test";
    size_t len = 0;
    unsigned char *raw = slurp(path, &len);
    CHECK(raw != NULL);
    if (!raw || !t->a) {
        free(raw);
        return NULL;
    }
    /* the bytes live in the arena, as the caller of ashi_image_decode keeps them */
    t->data = ashi_arena_alloc(t->a, len);
    t->len = len;
    if (t->data)
        memcpy(t->data, raw, len);
    free(raw);
    ashi_loc loc = {3, 5};
    return t->data ? ashi_image_decode(t->data, len, "x", 50000000, 0, t->a, &t->d, loc) : NULL;
}

static const char *message(const decoded *t) { return t->d.n ? t->d.v[0].message : ""; }

/* the colour class of a pixel: r, g, b (blue), y (yellow), k (black), w (white) */
static char color_class(const unsigned char *p)
{
    int r = p[0] > 128, g = p[1] > 100, b = p[2] > 128;
    return r && g && b ? 'w' : r && g ? 'y' : r ? 'r' : g ? 'g' : b ? 'b' : 'k';
}

/* Sample points of the upright 120 x 80 picture, as fractions, and what
 * each must show: the four corners and two strokes of the F. */
static const double probe[][2] = {{0.1, 0.1}, {0.9, 0.1}, {0.1, 0.9},
                                  {0.9, 0.9}, {0.45, 0.6}, {0.62, 0.24}};
static const char want[] = "rgbykk";

static void test_decode(void)
{
    char path[512];
    decoded t;
    for (int o = 1; o <= 8; o++) {
        snprintf(path, sizeof path, "%s/orientation/jpeg-%d.jpg", IMAGES, o);
        ashi_image *im = decode(&t, path);
        CHECK(im != NULL);
        if (im) {
            CHECK_INT(im->kind, ASHI_IMAGE_JPEG);
            CHECK_INT(im->orientation, o);
            CHECK_INT(im->w, 120);
            CHECK_INT(im->h, 80);
            CHECK_INT(im->stored_w, o >= 5 ? 80 : 120);
            CHECK_INT(im->stored_h, o >= 5 ? 120 : 80);
        }
        ashi_arena_free(t.a);
        snprintf(path, sizeof path, "%s/orientation/png-%d.png", IMAGES, o);
        im = decode(&t, path);
        CHECK(im != NULL);
        if (im) {
            CHECK_INT(im->kind, ASHI_IMAGE_RAW);
            CHECK_INT(im->orientation, 1); /* the pixels come turned */
            CHECK_INT(im->w, 120);
            CHECK_INT(im->h, 80);
            CHECK_INT(im->stored_w, 120);
            CHECK_INT(im->stored_h, 80);
            char got[sizeof want];
            for (size_t k = 0; k < sizeof want - 1; k++) {
                size_t x = (size_t)(probe[k][0] * 120), y = (size_t)(probe[k][1] * 80);
                got[k] = color_class(im->pixels + (y * 120 + x) * 3);
            }
            got[sizeof want - 1] = 0;
            CHECK_STR(got, want);
        }
        ashi_arena_free(t.a);
    }
    /* alpha is turned with the colour: transparent top left corner */
    ashi_image *im = decode(&t, IMAGES "/orientation/png-alpha-6.png");
    CHECK(im && im->alpha);
    if (im && im->alpha) {
        CHECK_INT(im->w, 120);
        CHECK_INT(im->alpha[5 * 120 + 5], 0);
        CHECK_INT(im->alpha[5 * 120 + 25], 255);
        CHECK_INT(im->alpha[70 * 120 + 110], 255);
        CHECK_INT(color_class(im->pixels + (30 * 120 + 30) * 3), 'r');
    }
    ashi_arena_free(t.a);
    /* garbage in the Exif segment: orientation 1, the stored size shown */
    im = NULL;
    if (decode(&t, IMAGES "/orientation/jpeg-6.jpg") && t.len > 40 &&
        memcmp(t.data + 24, "Exif\0\0MM", 8) == 0) {
        t.data[30] = 'X';
        ashi_loc loc = {1, 1};
        im = ashi_image_decode(t.data, t.len, "x", 50000000, 0, t.a, &t.d, loc);
    }
    CHECK(im != NULL);
    if (im) {
        CHECK_INT(im->orientation, 1);
        CHECK_INT(im->w, 80);
        CHECK_INT(im->h, 120);
    }
    ashi_arena_free(t.a);
    /* CMYK (Adobe, inverted) and progressive JPEGs pass the scan check */
    im = decode(&t, IMAGES "/cmyk.jpg");
    CHECK(im && im->channels == 4 && im->inverted);
    ashi_arena_free(t.a);
    im = decode(&t, IMAGES "/progressive.jpg");
    CHECK(im && im->progressive);
    ashi_arena_free(t.a);
    /* a damaged JPEG from memory: NULL and one located diagnostic */
    im = decode(&t, ASHI_TEST_DIR "/errors/images/lying-size.jpg");
    CHECK(im == NULL);
    CHECK_INT(t.d.n, 1);
    CHECK_STR(message(&t),
              "image 'x' is a damaged JPEG (corrupt JPEG data: premature end of data segment)");
    CHECK_INT(t.d.n ? t.d.v[0].line : 0, 3);
    ashi_arena_free(t.a);
    /* the pixel limit comes before any decoding */
    im = decode(&t, ASHI_TEST_DIR "/errors/images/huge-frame.jpg");
    CHECK(im == NULL);
    CHECK_STR(message(&t),
              "image 'x' has 65500 x 65500 pixels, over the image-pixels limit of 50000000");
    ashi_arena_free(t.a);
}

/* A PPM (P6, 8-bit) read whole. */
typedef struct {
    int w, h;
    unsigned char *px;
} ppm;

static int read_ppm(const char *path, ppm *p)
{
    size_t len = 0;
    unsigned char *d = slurp(path, &len);
    int w = 0, h = 0, max = 0, off = 0;
    if (!d || sscanf((char *)d, "P6 %d %d %d%n", &w, &h, &max, &off) != 3 || max != 255 ||
        w <= 0 || h <= 0 || (size_t)off + 1 + (size_t)w * (size_t)h * 3 > len) {
        free(d);
        return -1;
    }
    p->w = w, p->h = h;
    p->px = malloc((size_t)w * (size_t)h * 3);
    if (p->px)
        memcpy(p->px, d + off + 1, (size_t)w * (size_t)h * 3);
    free(d);
    return p->px ? 0 : -1;
}

/* Renders the orientation deck, rasterises it at 50 dpi with pdftoppm and
 * reads each image's corners and its F where the trace placed it: every
 * image, JPEG (turned by the PDF's matrix) or PNG (turned at decode), must
 * show upright. */
static void test_rendered(void)
{
    ashi_deck *deck = NULL;
    CHECK_INT(ashi_deck_load_file(NULL, ASHI_TEST_DIR "/decks/orientation.xml", &deck), ASHI_OK);
    if (!deck)
        return;
    char dir[] = "/tmp/ashi-test-image-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char pdf[600], cmd[1400], base[600];
    snprintf(pdf, sizeof pdf, "%s/orientation.pdf", dir);
    snprintf(base, sizeof base, "%s/page", dir);
    CHECK_INT(ashi_deck_render_file(deck, pdf), ASHI_OK);
    snprintf(cmd, sizeof cmd, "pdftoppm -r 50 '%s' '%s'", pdf, base);
    CHECK_INT(system(cmd), 0);
    ashi_buf t = {0};
    CHECK_INT(ashi__deck_trace(deck, &t), ASHI_OK);
    int page = 0, images = 0;
    ppm p = {0, 0, NULL};
    for (const char *l = t.data; l && *l;) {
        const char *eol = strchr(l, '\n');
        char name[128];
        double x, y, w, h;
        if (sscanf(l, "page %d", &page) == 1) {
            free(p.px);
            p.px = NULL;
            char file[700];
            snprintf(file, sizeof file, "%s-%d.ppm", base, page);
            CHECK_INT(read_ppm(file, &p), 0);
        } else if (sscanf(l, "  image %127s %lf,%lf %lfx%lf", name, &x, &y, &w, &h) == 5 &&
                   p.px) {
            images++;
            char got[sizeof want];
            for (size_t k = 0; k < sizeof want - 1; k++) {
                int px = (int)((x + probe[k][0] * w) * 50 / 72);
                int py = (int)((y + probe[k][1] * h) * 50 / 72);
                got[k] = px < p.w && py < p.h ? color_class(p.px + ((size_t)py * p.w + px) * 3)
                                              : '?';
            }
            got[sizeof want - 1] = 0;
            /* the transparent corner shows the white page */
            const char *expect = strstr(name, "alpha") ? "wgbykk" : want;
            t_checks++;
            if (strcmp(got, expect) != 0) {
                t_failed++;
                fprintf(stderr, "page %d, %s: corners and F read %s, want %s\n", page, name, got,
                        expect);
            }
        }
        l = eol ? eol + 1 : NULL;
    }
    CHECK_INT(images, 17);
    free(p.px);
    ashi_buf_free(&t);
    ashi_deck_free(deck);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK_INT(system(cmd), 0);
}

int main(void)
{
    test_exif_reader();
    test_decode();
    test_rendered();
    return t_done();
}
