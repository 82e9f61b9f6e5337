/* image.h — PNG and JPEG files read for layout (their size) and for the
 * PDF (their pixels or their DCT data). PNGs are decoded with libpng, never
 * by libharu (its loader crashes on RGB PNGs with tRNS); JPEGs are passed
 * through as DCT data after a bounds-checked look at their markers.
 * SPDX-License-Identifier: MIT */
#ifndef ASHI_IMAGE_H
#define ASHI_IMAGE_H

#include "base/base.h"


typedef enum ashi_image_kind { ASHI_IMAGE_RAW, ASHI_IMAGE_JPEG } ashi_image_kind;

typedef struct ashi_image {
    const char *path;
    ashi_image_kind kind;
    unsigned w, h;
    int channels;          /* 1 grey, 3 RGB, 4 CMYK (JPEG only) */
    unsigned char *pixels; /* RAW: w*h*channels bytes, 8 bits each */
    unsigned char *alpha;  /* RAW: w*h bytes, or NULL when opaque */
    unsigned char *data;   /* JPEG: the file */
    size_t len;
    int inverted;          /* JPEG: Adobe CMYK, stored inverted */
    int progressive;
} ashi_image;

/* Decodes an image file's bytes (PNG or JPEG, told by its signature; data
 * stays owned by the caller and must outlive the image, whose JPEG data
 * points into it). Problems are diagnostics at loc naming the image as
 * `name` (the path as the deck wrote it); returns NULL then. The pixels it
 * costs (ashi_image_cost) must fit in what used_pixels leaves of
 * max_pixels, the deck's image-pixels limit. Memory comes from the arena. */
ashi_image *ashi_image_decode(const unsigned char *data, size_t len, const char *name,
                              size_t max_pixels, size_t used_pixels, ashi_arena *a,
                              ashi_diags *d, ashi_loc loc);

/* The pixels decoding an image costs against the image-pixels limit: all
 * of a PNG's (decoded whole); one in 64 of a JPEG's (embedded as it is,
 * checked at 1/8 scale). */
size_t ashi_image_cost(ashi_image_kind kind, unsigned w, unsigned h);

#endif
