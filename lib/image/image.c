/* image.c — PNG through libpng's simplified API (which reports errors by
 * return value, no longjmp), JPEG by walking its markers.
 * SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>

#include "image/image.h"

/* The pixels decoding an image costs: all of a PNG's; a JPEG is embedded as
 * it is and only checked at 1/8 scale, one pixel in 64. */
size_t ashi_image_cost(ashi_image_kind kind, unsigned w, unsigned h)
{
    if (kind == ASHI_IMAGE_JPEG)
        return (size_t)((w + 7ull) / 8 * ((h + 7ull) / 8));
    return (size_t)((unsigned long long)w * h);
}

/* Is there room for the image in what is left of the deck's pixels? */
static int over_budget(ashi_image_kind kind, unsigned long w, unsigned long h,
                       size_t max_pixels, size_t used, char *msg, size_t msg_size)
{
    size_t cost = ashi_image_cost(kind, (unsigned)w, (unsigned)h);
    if (used <= max_pixels && cost <= max_pixels - used)
        return 0;
    if (used)
        snprintf(msg, msg_size,
                 "has %lu x %lu pixels, over the image-pixels limit of %zu for the deck's "
                 "images together (%zu used by the images before it)",
                 w, h, max_pixels, used);
    else
        snprintf(msg, msg_size, "has %lu x %lu pixels, over the image-pixels limit of %zu", w,
                 h, max_pixels);
    return 1;
}

static ashi_image *load_png(ashi_image *img, const unsigned char *data, size_t len,
                            size_t max_pixels, size_t used, ashi_arena *a, const char **why,
                            char *msg, size_t msg_size)
{
    png_image p;
    memset(&p, 0, sizeof p);
    p.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&p, data, len)) {
        snprintf(msg, msg_size, "is not a valid PNG (%s)", p.message[0] ? p.message : "?");
        *why = msg;
        return NULL;
    }
    if (!p.width || !p.height ||
        over_budget(ASHI_IMAGE_RAW, p.width, p.height, max_pixels, used, msg, msg_size)) {
        png_image_free(&p);
        if (!p.width || !p.height)
            snprintf(msg, msg_size, "has no pixels");
        *why = msg;
        return NULL;
    }
    /* Palette, 16-bit and tRNS all become 8-bit grey or RGB, with alpha
     * when the file has any transparency. */
    int grey = !(p.format & PNG_FORMAT_FLAG_COLOR);
    int alpha = (p.format & PNG_FORMAT_FLAG_ALPHA) != 0;
    p.format = (grey ? PNG_FORMAT_GRAY : PNG_FORMAT_RGB) | (alpha ? PNG_FORMAT_FLAG_ALPHA : 0);
    size_t stride = PNG_IMAGE_ROW_STRIDE(p);
    size_t size = PNG_IMAGE_BUFFER_SIZE(p, stride);
    unsigned char *buf = ashi_malloc(ashi_arena_mem(a), size);
    if (!buf) {
        png_image_free(&p);
        *why = "does not fit in memory";
        return NULL;
    }
    if (!png_image_finish_read(&p, NULL, buf, (png_int_32)stride, NULL)) {
        free(buf);
        snprintf(msg, msg_size, "is a damaged PNG (%s)", p.message[0] ? p.message : "?");
        *why = msg;
        return NULL;
    }
    img->kind = ASHI_IMAGE_RAW;
    img->w = p.width;
    img->h = p.height;
    img->channels = grey ? 1 : 3;
    size_t n = (size_t)p.width * p.height;
    img->pixels = ashi_arena_alloc(a, n * (size_t)img->channels);
    img->alpha = alpha ? ashi_arena_alloc(a, n) : NULL;
    if (!img->pixels || (alpha && !img->alpha)) {
        free(buf);
        *why = "does not fit in memory";
        return NULL;
    }
    /* split colour and alpha: PDF wants the alpha as a soft mask */
    int step = img->channels + alpha;
    for (size_t i = 0; i < n; i++) {
        memcpy(img->pixels + i * (size_t)img->channels, buf + i * (size_t)step,
               (size_t)img->channels);
        if (alpha)
            img->alpha[i] = buf[i * (size_t)step + (size_t)img->channels];
    }
    free(buf);
    if (img->alpha) {
        /* all opaque after all: no mask */
        size_t i = 0;
        while (i < n && img->alpha[i] == 255)
            i++;
        if (i == n)
            img->alpha = NULL;
    }
    return img;
}

static ashi_image *load_jpeg(ashi_image *img, unsigned char *data, size_t len,
                             size_t max_pixels, size_t used, const char **why, char *msg,
                             size_t msg_size)
{
    size_t i = 2;
    int adobe = 0;
    while (i + 4 <= len) {
        if (data[i] != 0xFF) {
            *why = "is a damaged JPEG (no marker where one must be)";
            return NULL;
        }
        unsigned m = data[i + 1];
        if (m == 0xFF) { /* fill byte */
            i++;
            continue;
        }
        if (m == 0xD8 || (m >= 0xD0 && m <= 0xD7) || m == 0x01) {
            i += 2;
            continue;
        }
        if (m == 0xD9 || m == 0xDA) {
            *why = "is a JPEG without a frame header";
            return NULL;
        }
        size_t seg = (size_t)data[i + 2] << 8 | data[i + 3];
        if (seg < 2 || i + 2 + seg > len) {
            *why = "is a truncated JPEG";
            return NULL;
        }
        const unsigned char *s = data + i + 4;
        if (m == 0xEE && seg >= 7 && memcmp(s, "Adobe", 5) == 0)
            adobe = 1;
        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            if (m != 0xC0 && m != 0xC1 && m != 0xC2) {
                *why = "uses a JPEG process PDF cannot show (lossless, hierarchical or "
                       "arithmetic coding)";
                return NULL;
            }
            if (seg < 8) {
                *why = "is a damaged JPEG";
                return NULL;
            }
            img->h = (unsigned)s[1] << 8 | s[2];
            img->w = (unsigned)s[3] << 8 | s[4];
            img->channels = s[5];
            if (s[0] != 8 || !img->w || !img->h ||
                (img->channels != 1 && img->channels != 3 && img->channels != 4)) {
                *why = "is a JPEG PDF cannot show (not 8-bit grey, RGB or CMYK)";
                return NULL;
            }
            if (over_budget(ASHI_IMAGE_JPEG, img->w, img->h, max_pixels, used, msg,
                            msg_size)) {
                *why = msg;
                return NULL;
            }
            img->progressive = m == 0xC2;
            img->kind = ASHI_IMAGE_JPEG;
            img->data = data;
            img->len = len;
            /* the end-of-image marker must be there: no truncated data */
            if (len < 2 || data[len - 2] != 0xFF || data[len - 1] != 0xD9) {
                size_t k = len;
                while (k > i && !(data[k - 2] == 0xFF && data[k - 1] == 0xD9))
                    k--;
                if (k <= i) {
                    *why = "is a truncated JPEG (no end marker)";
                    return NULL;
                }
            }
            img->inverted = adobe && img->channels == 4;
            return img;
        }
        i += 2 + seg;
    }
    *why = "is a truncated JPEG";
    return NULL;
}

ashi_image *ashi_image_decode(const unsigned char *data, size_t len, const char *name,
                              size_t max_pixels, size_t used_pixels, ashi_arena *a,
                              ashi_diags *d, ashi_loc loc)
{
    const char *why = NULL;
    char msg[200];
    ashi_image *img = ashi_arena_alloc(a, sizeof *img);
    if (!img)
        why = "does not fit in memory";
    if (img) {
        img->path = name;
        static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        if (len >= 8 && memcmp(data, png_sig, 8) == 0)
            img = load_png(img, data, len, max_pixels, used_pixels, a, &why, msg, sizeof msg);
        else if (len >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
            img = load_jpeg(img, (unsigned char *)data, len, max_pixels, used_pixels, &why, msg,
                            sizeof msg);
        else {
            why = "is neither a PNG nor a JPEG file";
            img = NULL;
        }
    }
    if (!img)
        ashi_diag_add(d, ASHI_ERROR, "image", loc, "image '%s' %s", name,
                      why ? why : "cannot be read");
    return img;
}
