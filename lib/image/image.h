/* image.h — PNG and JPEG files read for layout (their size) and for the
 * PDF (their pixels or their DCT data). PNGs are decoded with libpng, never
 * by libharu (its loader crashes on RGB PNGs with tRNS); JPEGs are passed
 * through as DCT data once TurboJPEG has read all their scans. Both honour
 * the EXIF orientation.
 * SPDX-License-Identifier: MIT */
#ifndef ASHI_IMAGE_H
#define ASHI_IMAGE_H

#include "base/base.h"


typedef enum ashi_image_kind { ASHI_IMAGE_RAW, ASHI_IMAGE_JPEG } ashi_image_kind;

typedef struct ashi_image {
    const char *path;      /* the file (ashi_image_load) or the name (ashi_image_decode) */
    ashi_image_kind kind;
    unsigned w, h;         /* as shown, the EXIF orientation applied: what layout places */
    unsigned stored_w, stored_h; /* as stored in pixels or data (w, h swapped for 5-8) */
    int orientation;       /* EXIF 1-8 the drawing applies: JPEG only, RAW pixels come turned (1) */
    int channels;          /* 1 grey, 3 RGB, 4 CMYK (JPEG only) */
    unsigned char *pixels; /* RAW: w*h*channels bytes, 8 bits each */
    unsigned char *alpha;  /* RAW: w*h bytes, or NULL when opaque */
    const unsigned char *data; /* JPEG: the file */
    size_t len;
    int inverted;          /* JPEG: Adobe CMYK, stored inverted */
    /* The colour profile embedded in the file (PNG iCCP, JPEG APP2
     * ICC_PROFILE), checked to fit the pixels (ashi_icc_check); NULL when
     * there is none (the pixels are then sRGB) or it could not be used (a
     * warning said so). */
    const unsigned char *icc;
    size_t icc_len;
    int progressive;
} ashi_image;

/* Decodes an image file's bytes (PNG or JPEG, told by its signature; data
 * stays owned by the caller and must outlive the image, whose JPEG data
 * points into it). Problems are diagnostics at loc naming the image as
 * `name` (the path as the deck wrote it); returns NULL then. The image may
 * have at most max_pixels (the image-pixels limit), and the pixels decoding
 * it costs (ashi_image_cost) must fit in what used_pixels leaves of them,
 * for the deck's images together. Memory comes from the arena. */
ashi_image *ashi_image_decode(const unsigned char *data, size_t len, const char *name,
                              size_t max_pixels, size_t used_pixels, ashi_arena *a,
                              ashi_diags *d, ashi_loc loc);

/* The pixels decoding an image costs against the image-pixels limit: all
 * of a PNG's (decoded whole); one in 64 of a JPEG's (embedded as it is,
 * checked at 1/8 scale). */
size_t ashi_image_cost(ashi_image_kind kind, unsigned w, unsigned h);

/* Box filter: sw x sh pixels of n 8-bit channels into dw x dh (each at
 * most its source's, at least 1), every output pixel the rounded mean of
 * the source pixels its area covers (whole pixels: rows [y sh / dh,
 * (y + 1) sh / dh), columns likewise). */
void ashi_image_box(const unsigned char *src, unsigned sw, unsigned sh, int n,
                    unsigned char *dst, unsigned dw, unsigned dh);

/* The EXIF orientation (tag 0x0112 of IFD0) in len bytes of TIFF data,
 * either byte order: 1 to 8, or 1 for anything missing, out of range or
 * malformed. Never reads outside the buffer. */
int ashi_exif_orientation(const unsigned char *tiff, size_t len);

#endif
