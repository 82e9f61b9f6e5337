/* pdfx.h — what print output needs to claim PDF/X: the output intent, the
 * Info keys, trim and bleed boxes on every page, and images in DeviceCMYK
 * (or grey) without transparency where the level forbids it.
 * SPDX-License-Identifier: MIT */
#ifndef ASHI_PDFX_H
#define ASHI_PDFX_H

#include <stddef.h>
#include <stdint.h>

#include <hpdf.h>

#include "color/color.h"
#include "image/image.h"
#include "render/render.h"

/* The date a PDF/X file whose deck has no <date> gives as its
 * CreationDate and ModDate (PDF/X requires both): fixed, so that the same
 * deck makes the same bytes. */
#define ASHI_PDFX_FIXED_DATE "2000-01-01"

/* The level render options claim: none on screen, X-4 with a profile. */
static inline ashi_pdfx_level ashi_pdfx_level_of(const ashi_render_opts *o)
{
    return !(o->flags & ASHI_RENDER_CMYK) ? ASHI_PDFX_NONE
           : o->profile                   ? ASHI_PDFX_4
                                          : ASHI_PDFX_1A;
}

typedef struct ashi_pdfx_doc {
    ashi_pdfx_level level;
    const char *title;  /* UTF-8: Info's Title when the deck set none */
    const char *date;   /* YYYY-MM-DD: CreationDate and ModDate when the deck set none */
    const unsigned char *profile; /* PDF/X-4: the output profile and its description */
    size_t profile_len;
    const char *profile_desc;
    size_t pages;       /* the PDF's pages */
} ashi_pdfx_doc;

/* Adds to pdf, whose Info dictionary exists (pdf.c's set_info):
 * - /OutputIntents with one GTS_PDFX intent: for X-1a the registered
 *   characterization JC200103 (Japan Color 2001 Coated) with no profile,
 *   for X-4 the given profile as DestOutputProfile (N 4, Flate) under its
 *   own description and the identifier Custom;
 * - Info's GTS_PDFXVersion, for X-1a GTS_PDFXConformance, Trapped False,
 *   and Title, CreationDate and ModDate when the deck gave none;
 * - TrimBox and BleedBox equal to the MediaBox on every page that has no
 *   TrimBox (2-up handouts, CMYK without marks or bleed).
 * Returns 0, or -1 with pdf's error set. */
int ashi_pdfx_add(HPDF_Doc pdf, ashi_mem *mem, const ashi_pdfx_doc *x);

/* Whether an image must be rewritten for print at this level: RGB (pixels
 * or JPEG) always, any image with alpha for X-1a. */
int ashi_pdfx_image_needed(const ashi_image *im, ashi_pdfx_level level);

/* The image as a DeviceCMYK (RGB images; through cm, perceptual, when
 * there is a profile, else the put_color formula, pixel by pixel) or DeviceGray Flate XObject: a JPEG decompressed whole with
 * TurboJPEG, alpha composited onto white when flatten (X-1a) or kept as
 * an SMask. NULL with pdf's error set on failure. */
struct ashi_flate;
HPDF_Image ashi_pdfx_image(HPDF_Doc pdf, ashi_mem *mem, struct ashi_flate *z,
                           const ashi_image *im, int flatten, ashi_cm *cm);

/* A JPEG downsampled for print to ow x oh stored pixels (at most its
 * own): decoded by TurboJPEG at the smallest of its scales that still
 * gives that size (never full size when a scale does), box-filtered to
 * the exact size, RGB made CMYK (through cm, perceptual, or by the
 * formula), and encoded again as a DCT XObject (quality 90): DeviceCMYK,
 * or DeviceGray for grey; CMYK ones stay as their source stored them, with
 * its /Decode for Adobe's inverted ink. NULL with pdf's error set. */
HPDF_Image ashi_pdfx_jpeg_scaled(HPDF_Doc pdf, ashi_mem *mem, const ashi_image *im,
                                 ashi_cm *cm, unsigned ow, unsigned oh);

#endif
