/* render.h — display list to PDF through libharu, with fonts embedded as
 * subset glyph-ID CID fonts (Type0/CIDFontType2, Identity-H, /W, ToUnicode).
 * The only stage that includes hpdf.h. SPDX-License-Identifier: MIT */
#ifndef ASHI_RENDER_H
#define ASHI_RENDER_H

#include "dlist/dlist.h"

/* Print production (print.c). */
enum {
    ASHI_RENDER_BLEED = 1,   /* backgrounds touching the trim edge extend by the bleed */
    ASHI_RENDER_MARKS = 2,   /* Japanese crop marks (トンボ), TrimBox and BleedBox */
    ASHI_RENDER_CMYK = 4,    /* every colour as DeviceCMYK */
    ASHI_RENDER_BOOKLET = 8, /* saddle-stitch imposition, two pages a sheet side */
    ASHI_RENDER_2UP = 16,    /* two slides a portrait page, for handouts */
};

typedef struct ashi_render_opts {
    unsigned flags;
    double bleed;     /* points */
    size_t max_bytes; /* the PDF's size limit */
    double creep;     /* points, booklet only: the innermost sheet's shift */
} ashi_render_opts;

/* Writes the display list as a complete PDF into out (heap buffer); a PDF
 * over the size limit is refused. Returns ASHI_OK or a status; problems and
 * print warnings go to d; *pages gets the PDF's page count (sheet sides
 * when imposed). */
ashi_status ashi_render_pdf(const ashi_dlist *dl, const ashi_render_opts *o, ashi_diags *d,
                            ashi_buf *out, size_t *pages);

#endif
