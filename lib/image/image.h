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

/* Reads an image file (PNG or JPEG, told by its signature). Problems are
 * diagnostics at loc naming the image as `name` (the path as the deck wrote
 * it); returns NULL then. Images over max_pixels are refused. Memory comes
 * from the arena. */
ashi_image *ashi_image_load(const char *path, const char *name, size_t max_pixels,
                            ashi_arena *a, ashi_diags *d, ashi_loc loc);

#endif
