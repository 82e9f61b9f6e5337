/* render.h — display list to PDF through libharu, with fonts embedded as
 * subset glyph-ID CID fonts (Type0/CIDFontType2, Identity-H, /W, ToUnicode).
 * The only stage that includes hpdf.h. SPDX-License-Identifier: MIT */
#ifndef ASHI_RENDER_H
#define ASHI_RENDER_H

#include "dlist/dlist.h"
#include "text/face.h"

/* Print production (print.c). */
enum {
    ASHI_RENDER_BLEED = 1,   /* backgrounds touching the trim edge extend by the bleed */
    ASHI_RENDER_MARKS = 2,   /* Japanese crop marks (トンボ), TrimBox and BleedBox */
    ASHI_RENDER_CMYK = 4,    /* every colour as DeviceCMYK */
    ASHI_RENDER_BOOKLET = 8, /* saddle-stitch imposition, two pages a sheet side */
    ASHI_RENDER_2UP = 16,    /* two slides a portrait page, for handouts */
};

/* The PDF/X level print (ASHI_RENDER_CMYK) output claims (pdfx.c). */
typedef enum ashi_pdfx_level {
    ASHI_PDFX_NONE, /* screen output: PDF/A-2a (pdfa.c) when it can */
    ASHI_PDFX_1A,   /* PDF/X-1a:2003, Japan Color 2001 Coated, PDF 1.4 */
    ASHI_PDFX_4,    /* PDF/X-4 with an embedded output profile, PDF 1.6 */
} ashi_pdfx_level;

typedef struct ashi_render_opts {
    unsigned flags;
    double bleed;     /* points */
    size_t max_bytes; /* the PDF's size limit */
    double creep;     /* points, booklet only: the innermost sheet's shift */
    const char *name; /* the deck's file name: the Title of a PDF/X file whose deck has none */
    /* PDF/X-4: the output profile (a CMYK output ICC profile, checked by
     * ashi_output_profile_check) and its description; NULL: PDF/X-1a */
    const unsigned char *profile;
    size_t profile_len;
    const char *profile_desc;
    /* print (CMYK): images placed above this many pixels an inch are
     * downsampled to it; 0 never */
    int max_ppi;
    int photo_intent; /* PDF/X-4: ASHI_INTENT_* (color.h) photos convert in */
    int threads;      /* over 1: pages compressed on a second thread (same file) */
    /* fonts' subsets made when the deck was checked (face.h), used when
     * their glyphs are the ones drawn */
    const ashi_subset *subsets;
    int nsubsets;
} ashi_render_opts;

/* Where the PDF goes, once it is complete and inside the size limit: open
 * is told its size, then write gets it in pieces, in order. Each returns 0,
 * or -1 when it failed and said why in the diagnostics, or 1 when out of
 * memory. */
typedef struct ashi_pdf_sink {
    int (*open)(void *user, size_t size);
    int (*write)(void *user, const void *p, size_t n);
    void *user;
} ashi_pdf_sink;

/* Writes the display list as a complete PDF into out; a PDF over the size
 * limit is refused before a byte goes out. Returns ASHI_OK or a status;
 * problems and print warnings go to d; *pages gets the PDF's page count
 * (sheet sides when imposed). */
ashi_status ashi_render_pdf(const ashi_dlist *dl, const ashi_render_opts *o, ashi_diags *d,
                            const ashi_pdf_sink *out, size_t *pages);

/* Page `page` (0-based) of the display list through cairo (raster.c): a
 * PNG at ppi pixels an inch, or (svg) an SVG file in points, to out
 * (whose open is told 0). Scratch from a. ASHI_E_ARGUMENT for a page past
 * the end or ppi outside 10 to 1200 (or over 400 megapixels). */
ashi_status ashi_render_page_image(const ashi_dlist *dl, size_t page, int svg, double ppi,
                                   ashi_arena *a, const ashi_pdf_sink *out);

#endif
