/* pdf.c — the PDF backend: pages, paths and glyph runs written as raw
 * content operators, fonts from embed.c, outline and info through libharu.
 * SPDX-License-Identifier: MIT */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include "image/image.h"
#include "render/embed.h"
#include "render/flate.h"
#include "render/pdfa.h"
#include "render/pdfx.h"
#include "render/render.h"
#include "render/tags.h"

typedef struct writer {
    HPDF_Doc pdf;
    HPDF_Page page;
    double page_h;
    ashi_embed fonts[2 * ASHI_MAX_FAMILIES];
    int nfonts;
    ashi_buf content; /* the current page's content stream */
    const ashi_image *images[64];
    HPDF_Image xobjects[64];
    int nimages;
    const ashi_image *placed[64]; /* print: each image's largest placement (pass 1) */
    const ashi_image *icc[64];     /* screen: images whose own profiles are written */
    HPDF_Dict icc_streams[64];
    int nicc;
    double scale[64];             /* as the pixels it needs over those it has */
    int nplaced;
    const ashi_dlist *dl;
    ashi_render_opts o;
    double page_w;         /* the source page being drawn */
    unsigned bleed_edges;  /* which of its edges bleed: 1 left 2 right 4 top 8 bottom */
    uint32_t converted[32]; /* RGB colours turned into CMYK, for the warning */
    int nconverted;
    int rgb_images;
    int icc_images; /* of them, with their own colour profile */
    int cmyk_images;       /* CMYK JPEGs in a screen PDF: it cannot be PDF/A */
    size_t *sheet_of;      /* the output page each source page is on */
    ashi_mem *mem;         /* the deck's, for our own allocations */
    int oom;               /* one of them failed */
    size_t sheets;         /* PDF pages made */
    ashi_tags *tags;       /* the structure tree and marked content */
    ashi_flate *z;         /* the compressor of every stream we write */
    ashi_flate_pipe *pipe; /* ... of the pages' content, on a second thread */
    HPDF_MD5_CTX pages_md5; /* of every sheet's content, for the /ID */
    HPDF_Array registration; /* [/Separation /All /DeviceCMYK f], made once */
    HPDF_ExtGState gs[2];  /* overprint off (/OP false /op false), on (true, /OPM 1) */
    int overprinting;      /* which of them is in force where the content is */
    ashi_cm *cm;           /* print with an output profile: lcms2 converts (pdfx.c) */
    HPDF_STATUS error;
    HPDF_STATUS detail;
} writer;

static void on_hpdf_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user)
{
    writer *w = user;
    if (!w->error) {
        w->error = error_no;
        w->detail = detail_no;
    }
}

static ashi_embed *font_of(writer *w, ashi_face *face)
{
    for (int i = 0; i < w->nfonts; i++)
        if (w->fonts[i].face == face)
            return &w->fonts[i];
    if (w->nfonts == (int)(sizeof w->fonts / sizeof w->fonts[0]))
        return NULL;
    ashi_embed *e = &w->fonts[w->nfonts++];
    e->face = face;
    e->mem = e->texts.mem = w->mem;
    return e;
}

/* ---- pass 1: which glyphs each font needs ------------------------------- */

static int collect_run(void *user, const ashi_dl_run *r)
{
    writer *w = user;
    ashi_embed *e = font_of(w, r->face);
    return e ? ashi_embed_use_run(e, r) : -1;
}

/* Print: the share of an image's pixels its largest placement needs at
 * max_ppi, over all its placements; images beyond the table keep theirs. */
static int collect_image(void *user, const ashi_dl_image *di)
{
    writer *w = user;
    const ashi_image *im = di->image;
    if (!im->w || !im->h)
        return 0;
    double need = fmax(di->w / 72 * w->o.max_ppi / im->w, di->h / 72 * w->o.max_ppi / im->h);
    for (int i = 0; i < w->nplaced; i++)
        if (w->placed[i] == im) {
            w->scale[i] = fmax(w->scale[i], need);
            return 0;
        }
    if (w->nplaced < 64) {
        w->placed[w->nplaced] = im;
        w->scale[w->nplaced++] = need;
    }
    return 0;
}

/* ---- pass 2: content streams -------------------------------------------- */

/* A colour operator: RGB as written, CMYK theme colours as DeviceCMYK,
 * and in CMYK mode RGB converted by K = 1 - max(R,G,B), C = (1-R-K)/(1-K)
 * (M and Y likewise), so greys and black become K only; with an output
 * profile, colours other than greys go from sRGB through it instead. */
static void put_color(writer *w, ashi_buf *b, uint32_t c, int stroke)
{
    double v[4];
    int n;
    if (ASHI_IS_CMYK(c) && (int)(c & 0xFF) < w->dl->ncmyk &&
        !(w->o.flags & ASHI_RENDER_CMYK)) {
        /* a cmyk() colour on screen, where the file is sRGB (PDF/A): as the
         * inks would look, by the plain formula */
        ashi_cmyk_to_rgb(w->dl->cmyk[c & 0xFF], v);
        n = 3;
    } else if (ASHI_IS_CMYK(c) && (int)(c & 0xFF) < w->dl->ncmyk) {
        for (int i = 0; i < 4; i++)
            v[i] = w->dl->cmyk[c & 0xFF][i] / 100.0;
        n = 4;
    } else {
        double r = ((c >> 16) & 0xFF) / 255.0, g = ((c >> 8) & 0xFF) / 255.0,
               bl = (c & 0xFF) / 255.0;
        if ((w->o.flags & ASHI_RENDER_CMYK) && w->cm) {
            if (ashi_cm_color(w->cm, c, v) && !w->error)
                w->error = HPDF_INVALID_COLOR_SPACE;
            n = 4;
        } else if (w->o.flags & ASHI_RENDER_CMYK) {
            ashi_rgb_to_cmyk(c, v); /* the documented formula (base/num.c) */
            n = 4;
        } else {
            v[0] = r, v[1] = g, v[2] = bl;
            n = 3;
        }
        if (n == 4) {
            int seen = 0;
            for (int i = 0; i < w->nconverted; i++)
                seen |= w->converted[i] == (c & 0xFFFFFF);
            if (!seen && w->nconverted < 32)
                w->converted[w->nconverted++] = c & 0xFFFFFF;
        }
    }
    for (int i = 0; i < n; i++) {
        ashi_buf_num(b, v[i], 3);
        ashi_buf_putc(b, ' ');
    }
    ashi_buf_puts(b, n == 4 ? (stroke ? "K\n" : "k\n") : (stroke ? "RG\n" : "rg\n"));
}

/* ---- overprint (墨ノセ) ----------------------------------------------------
 * In CMYK output what is painted in 100 % black ink alone (0/0/0/100: K100
 * theme colours, #000000 by the formula) overprints, so that it never
 * leaves a gap in the other inks when the plates shift: text, strokes up
 * to OVERPRINT_THIN wide, and fills whose shorter side is at most
 * OVERPRINT_THIN (rules drawn as rectangles) or whose area is under
 * OVERPRINT_AREA. A larger K100 fill knocks out, as does everything else.
 * The state is tracked and switched (`/En gs`) only where it changes; a
 * theme's overprint="off" never switches it on. */
#define OVERPRINT_THIN ASHI_MM(1)
#define OVERPRINT_AREA (ASHI_MM(1) * ASHI_MM(1) * 20) /* 20 mm² */

static int is_k100(const writer *w, uint32_t c)
{
    if (!(w->o.flags & ASHI_RENDER_CMYK) || c == ASHI_NO_COLOR)
        return 0;
    if (ASHI_IS_CMYK(c) && (int)(c & 0xFF) < w->dl->ncmyk) {
        const uint8_t *k = w->dl->cmyk[c & 0xFF];
        return k[0] == 0 && k[1] == 0 && k[2] == 0 && k[3] == 100;
    }
    return (c & 0xFFFFFF) == 0; /* as put_color converts RGB: K = 1, C = M = Y = 0 */
}

/* Overprint on or off from here on. A failure marks the content stream
 * failed, so the sheet fails (end_sheet): out of memory, in all likelihood. */
static void overprint(writer *w, int on)
{
    if (on == w->overprinting || !(w->o.flags & ASHI_RENDER_CMYK) || !w->dl->overprint)
        return;
    if (!w->gs[on]) {
        HPDF_PDFVer v = w->pdf->pdf_version; /* kept: libharu may lower it to 1.4 */
        HPDF_ExtGState gs = HPDF_CreateExtGState(w->pdf);
        w->pdf->pdf_version = v;
        if (!gs || HPDF_Dict_AddBoolean(gs, "OP", on ? HPDF_TRUE : HPDF_FALSE) ||
            HPDF_Dict_AddBoolean(gs, "op", on ? HPDF_TRUE : HPDF_FALSE) ||
            (on && HPDF_Dict_AddNumber(gs, "OPM", 1))) {
            w->content.oom = 1;
            return;
        }
        w->gs[on] = gs;
    }
    const char *name = HPDF_Page_GetExtGStateName(w->page, w->gs[on]);
    if (!name) {
        w->content.oom = 1;
        return;
    }
    ashi_buf_printf(&w->content, "/%s gs\n", name);
    w->overprinting = on;
}

static void put_xy(ashi_buf *b, double x, double y)
{
    ashi_buf_num(b, x, 3);
    ashi_buf_putc(b, ' ');
    ashi_buf_num(b, y, 3);
}

/* Fill and stroke operator for what is set: f, S, B or nothing; small_fill:
 * the fill is small enough to overprint in K100. */
static const char *paint_op(writer *w, ashi_buf *b, uint32_t fill, uint32_t stroke,
                            double stroke_w, double dash, int small_fill)
{
    if (fill != ASHI_NO_COLOR || stroke != ASHI_NO_COLOR)
        overprint(w, (fill == ASHI_NO_COLOR || (small_fill && is_k100(w, fill))) &&
                         (stroke == ASHI_NO_COLOR ||
                          (stroke_w <= OVERPRINT_THIN && is_k100(w, stroke))));
    if (fill != ASHI_NO_COLOR)
        put_color(w, b, fill, 0);
    if (stroke != ASHI_NO_COLOR) {
        put_color(w, b, stroke, 1);
        ashi_buf_num(b, stroke_w, 3);
        ashi_buf_puts(b, " w ");
        if (dash > 0) {
            ashi_buf_putc(b, '[');
            ashi_buf_num(b, dash, 3);
            ashi_buf_puts(b, "] 0 d ");
        }
    }
    if (fill != ASHI_NO_COLOR && stroke != ASHI_NO_COLOR)
        return "B";
    return fill != ASHI_NO_COLOR ? "f" : stroke != ASHI_NO_COLOR ? "S" : "n";
}

static int draw_rect(void *user, const ashi_dl_rect *r)
{
    writer *w = user;
    ashi_buf *b = &w->content;
    ashi_tags_paint(w->tags, b, 0);
    const char *op = paint_op(w, b, r->fill, r->stroke, r->stroke_w, r->dash,
                              fmin(r->w, r->h) <= OVERPRINT_THIN || r->w * r->h < OVERPRINT_AREA);
    double x0 = r->x, y0 = w->page_h - r->y - r->h, x1 = x0 + r->w, y1 = y0 + r->h;
    if (w->bleed_edges && r->radius <= 0 && r->stroke == ASHI_NO_COLOR) {
        /* a background touching the trim edge runs on into the bleed */
        double bl = w->o.bleed;
        if ((w->bleed_edges & 1) && r->x <= 0.01)
            x0 -= bl;
        if ((w->bleed_edges & 2) && r->x + r->w >= w->page_w - 0.01)
            x1 += bl;
        if ((w->bleed_edges & 4) && r->y <= 0.01)
            y1 += bl;
        if ((w->bleed_edges & 8) && r->y + r->h >= w->page_h - 0.01)
            y0 -= bl;
    }
    double rad = r->radius;
    if (rad > r->w / 2)
        rad = r->w / 2;
    if (rad > r->h / 2)
        rad = r->h / 2;
    if (rad <= 0) {
        put_xy(b, x0, y0);
        ashi_buf_putc(b, ' ');
        put_xy(b, x1 - x0, y1 - y0);
        ashi_buf_printf(b, " re %s\n", op);
    } else {
        /* quarter circles as Bézier curves (0.5523 of the radius) */
        double k = rad * 0.5523;
        put_xy(b, x0 + rad, y0);
        ashi_buf_puts(b, " m ");
        put_xy(b, x1 - rad, y0);
        ashi_buf_puts(b, " l ");
        put_xy(b, x1 - rad + k, y0);
        ashi_buf_putc(b, ' ');
        put_xy(b, x1, y0 + rad - k);
        ashi_buf_putc(b, ' ');
        put_xy(b, x1, y0 + rad);
        ashi_buf_puts(b, " c ");
        put_xy(b, x1, y1 - rad);
        ashi_buf_puts(b, " l ");
        put_xy(b, x1, y1 - rad + k);
        ashi_buf_putc(b, ' ');
        put_xy(b, x1 - rad + k, y1);
        ashi_buf_putc(b, ' ');
        put_xy(b, x1 - rad, y1);
        ashi_buf_puts(b, " c ");
        put_xy(b, x0 + rad, y1);
        ashi_buf_puts(b, " l ");
        put_xy(b, x0 + rad - k, y1);
        ashi_buf_putc(b, ' ');
        put_xy(b, x0, y1 - rad + k);
        ashi_buf_putc(b, ' ');
        put_xy(b, x0, y1 - rad);
        ashi_buf_puts(b, " c ");
        put_xy(b, x0, y0 + rad);
        ashi_buf_puts(b, " l ");
        put_xy(b, x0, y0 + rad - k);
        ashi_buf_putc(b, ' ');
        put_xy(b, x0 + rad - k, y0);
        ashi_buf_putc(b, ' ');
        put_xy(b, x0 + rad, y0);
        ashi_buf_printf(b, " c h %s\n", op);
    }
    if (r->dash > 0 && r->stroke != ASHI_NO_COLOR)
        ashi_buf_puts(b, "[] 0 d\n");
    return 0;
}

static int draw_path(void *user, const ashi_dl_path *p)
{
    writer *w = user;
    ashi_buf *b = &w->content;
    if (p->npoints < 2) {
        ashi_tags_skip(w->tags);
        return 0;
    }
    ashi_tags_paint(w->tags, b, 0);
    double x0 = p->xy[0], x1 = x0, y0 = p->xy[1], y1 = y0; /* its bounding box */
    for (size_t i = 1; i < p->npoints; i++) {
        x0 = fmin(x0, p->xy[2 * i]), x1 = fmax(x1, p->xy[2 * i]);
        y0 = fmin(y0, p->xy[2 * i + 1]), y1 = fmax(y1, p->xy[2 * i + 1]);
    }
    const char *op = paint_op(w, b, p->fill, p->stroke, p->stroke_w, 0,
                              fmin(x1 - x0, y1 - y0) <= OVERPRINT_THIN ||
                                  (x1 - x0) * (y1 - y0) < OVERPRINT_AREA);
    for (size_t i = 0; i < p->npoints; i++) {
        put_xy(b, p->xy[2 * i], w->page_h - p->xy[2 * i + 1]);
        ashi_buf_puts(b, i ? " l " : " m ");
    }
    ashi_buf_printf(b, "h %s\n", op);
    return 0;
}

static int draw_line(void *user, const ashi_dl_line *l)
{
    writer *w = user;
    ashi_buf *b = &w->content;
    ashi_tags_paint(w->tags, b, 0);
    paint_op(w, b, ASHI_NO_COLOR, l->color, l->width, l->dash, 0);
    put_xy(b, l->x1, w->page_h - l->y1);
    ashi_buf_puts(b, " m ");
    put_xy(b, l->x2, w->page_h - l->y2);
    ashi_buf_puts(b, " l S\n");
    if (l->dash > 0)
        ashi_buf_puts(b, "[] 0 d\n");
    return 0;
}

/* A run as one BT/ET: glyph ids in a TJ array whose numbers move each glyph
 * from where the PDF's /W width puts it to where layout placed it. */
static int draw_run(void *user, const ashi_dl_run *r)
{
    writer *w = user;
    ashi_embed *e = font_of(w, r->face);
    if (!e || !e->type0 || r->nglyphs == 0) {
        ashi_tags_skip(w->tags);
        return e && e->type0 ? 0 : -1;
    }
    const char *name = HPDF_Page_GetLocalFontName(w->page, (HPDF_Font)e->type0);
    if (!name)
        return -1;
    ashi_buf *b = &w->content;
    ashi_tags_paint(w->tags, b, 1);
    overprint(w, is_k100(w, r->color)); /* K100 text overprints, whatever its size */
    ashi_buf_puts(b, "BT\n");
    put_color(w, b, r->color, 0);
    if (r->fake_bold) {
        /* no bold face: fill and stroke the outline, 3 % of the size wide */
        put_color(w, b, r->color, 1);
        ashi_buf_num(b, r->size * 0.03, 3);
        ashi_buf_puts(b, " w 2 Tr\n");
    }
    ashi_buf_printf(b, "/%s ", name);
    ashi_buf_num(b, r->size, 3);
    ashi_buf_puts(b, " Tf\n");
    size_t i = 0;
    while (i < r->nglyphs) {
        /* A new text matrix wherever the baseline shifts (mark offsets). */
        float gy = r->glyphs[i].y;
        double pen = r->glyphs[i].x;
        ashi_buf_puts(b, "1 0 0 1 ");
        put_xy(b, r->x + pen, w->page_h - (r->y + gy));
        ashi_buf_puts(b, " Tm\n[");
        int open = 0;
        for (; i < r->nglyphs && r->glyphs[i].y == gy; i++) {
            const ashi_dl_glyph *g = &r->glyphs[i];
            double diff = g->x - pen;
            if (fabs(diff) > 0.0005) {
                if (open) {
                    ashi_buf_putc(b, '>');
                    open = 0;
                }
                ashi_buf_putc(b, ' ');
                ashi_buf_num(b, -diff * 1000.0 / r->size, 2);
                ashi_buf_putc(b, ' ');
            }
            if (!open) {
                ashi_buf_putc(b, '<');
                open = 1;
            }
            ashi_buf_hex4(b, ashi_embed_gid(e, g->gid));
            pen = g->x + ashi_embed_width(e, g->gid) * r->size / 1000.0;
        }
        if (open)
            ashi_buf_putc(b, '>');
        ashi_buf_puts(b, "] TJ\n");
    }
    if (r->fake_bold)
        ashi_buf_puts(b, "0 Tr\n");
    ashi_buf_puts(b, "ET\n");
    return 0;
}

/* ActualText: copy, search and pdftotext get the line's exact source text
 * rather than glyphs with JLReq spacing read as word spaces. */
static int span_begin(void *user, const ashi_dl_text_span *sp)
{
    writer *w = user;
    return ashi_tags_span_begin(w->tags, &w->content, sp->text, sp->len);
}

static int span_end(void *user)
{
    writer *w = user;
    return ashi_tags_span_end(w->tags, &w->content);
}

/* The image's own profile as its colour space [/ICCBased stream], one
 * stream for every image with the same profile bytes. */
static int icc_space(writer *w, HPDF_Image x, const ashi_image *im)
{
    HPDF_Dict prof = NULL;
    for (int i = 0; i < w->nicc && !prof; i++)
        if (w->icc[i]->icc_len == im->icc_len && !memcmp(w->icc[i]->icc, im->icc, im->icc_len))
            prof = w->icc_streams[i];
    if (!prof) {
        if (!(prof = ashi_pdf_icc_stream(w->pdf, im->icc, im->icc_len, im->channels)))
            return -1;
        if (w->nicc < 64) {
            w->icc[w->nicc] = im;
            w->icc_streams[w->nicc++] = prof;
        }
    }
    HPDF_Array cs = HPDF_Array_New(w->pdf->mmgr);
    if (!cs || HPDF_Array_AddName(cs, "ICCBased") || HPDF_Array_Add(cs, prof) ||
        HPDF_Dict_Add(x, "ColorSpace", cs))
        return -1;
    return 0;
}

/* An image XObject, made once per image: raw pixels (Flate) with the alpha
 * as a soft mask, or JPEG data passed through as DCTDecode. */
static HPDF_Image xobject(writer *w, const ashi_image *im)
{
    const ashi_image *const orig = im;
    if ((w->o.flags & ASHI_RENDER_CMYK) && im->channels == 3) {
        w->rgb_images++;
        w->icc_images += im->icc != NULL;
    }
    if (!(w->o.flags & ASHI_RENDER_CMYK) && im->channels == 4 && !im->icc)
        w->cmyk_images++; /* passed through: device CMYK in an sRGB file */
    for (int i = 0; i < w->nimages; i++)
        if (w->images[i] == im)
            return w->xobjects[i];
    if (w->nimages == 64)
        return NULL;
    HPDF_Doc pdf = w->pdf;
    HPDF_Image x = NULL;
    ashi_pdfx_level level = ashi_pdfx_level_of(&w->o);
    /* print: placed above max_ppi, downsampled to it */
    double s = 1;
    for (int i = 0; level != ASHI_PDFX_NONE && i < w->nplaced; i++)
        if (w->placed[i] == im)
            s = w->scale[i];
    ashi_image small;
    unsigned char *small_pixels = NULL, *small_alpha = NULL;
    if (s < 1) {
        unsigned ow = (unsigned)ceil(im->stored_w * s - 1e-6);
        unsigned oh = (unsigned)ceil(im->stored_h * s - 1e-6);
        ow = ow < 1 ? 1 : ow > im->stored_w ? im->stored_w : ow;
        oh = oh < 1 ? 1 : oh > im->stored_h ? im->stored_h : oh;
        if (ow == im->stored_w && oh == im->stored_h) {
            /* nothing to gain */
        } else if (im->kind == ASHI_IMAGE_JPEG) {
            x = ashi_pdfx_jpeg_scaled(pdf, w->mem, im, w->cm, ow, oh);
            if (!x) {
                if (!w->error)
                    w->error = HPDF_GetError(pdf);
                return NULL;
            }
            goto made;
        } else {
            small = *im;
            small.stored_w = small.w = ow;
            small.stored_h = small.h = oh;
            small.pixels = small_pixels = ashi_malloc(w->mem, (size_t)ow * oh * im->channels);
            if (im->alpha)
                small.alpha = small_alpha = ashi_malloc(w->mem, (size_t)ow * oh);
            if (!small_pixels || (im->alpha && !small_alpha)) {
                free(small_pixels);
                free(small_alpha);
                w->oom = 1;
                return NULL;
            }
            ashi_image_box(im->pixels, im->stored_w, im->stored_h, im->channels, small_pixels,
                           ow, oh);
            if (im->alpha)
                ashi_image_box(im->alpha, im->stored_w, im->stored_h, 1, small_alpha, ow, oh);
            im = &small;
        }
    }
    if (level != ASHI_PDFX_NONE && ashi_pdfx_image_needed(im, level)) {
        /* print: RGB to CMYK, and for X-1a alpha onto white (pdfx.c) */
        x = ashi_pdfx_image(pdf, w->mem, w->z, im, level == ASHI_PDFX_1A, w->cm);
        if (!x && !w->error)
            w->error = HPDF_GetError(pdf);
    } else if (im->kind == ASHI_IMAGE_RAW) {
        x = ashi_flate_image(pdf, w->z, im->pixels, im->stored_w, im->stored_h,
                             im->channels == 1 ? "DeviceGray" : "DeviceRGB");
        if (x && im->alpha) {
            HPDF_Image mask =
                ashi_flate_image(pdf, w->z, im->alpha, im->stored_w, im->stored_h, "DeviceGray");
            if (!mask || HPDF_Dict_Add(x, "SMask", mask))
                x = NULL;
        }
        if (!x && !w->error)
            w->error = HPDF_GetError(pdf);
    } else {
        static const char *const spaces[] = {NULL, "DeviceGray", NULL, "DeviceRGB", "DeviceCMYK"};
        x = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
        if (!x)
            return NULL;
        x->filter = HPDF_STREAM_FILTER_DCT_DECODE;
        if (HPDF_Dict_AddName(x, "Type", "XObject") || HPDF_Dict_AddName(x, "Subtype", "Image") ||
            HPDF_Dict_AddNumber(x, "Width", (HPDF_INT32)im->stored_w) ||
            HPDF_Dict_AddNumber(x, "Height", (HPDF_INT32)im->stored_h) ||
            HPDF_Dict_AddName(x, "ColorSpace", spaces[im->channels]) ||
            HPDF_Dict_AddNumber(x, "BitsPerComponent", 8) ||
            HPDF_Stream_Write(x->stream, im->data, (HPDF_UINT)im->len))
            return NULL;
        if (im->inverted) {
            /* Adobe CMYK JPEGs store their ink inverted */
            HPDF_Array dec = HPDF_Array_New(pdf->mmgr);
            for (int i = 0; dec && i < 4; i++) {
                HPDF_Array_AddNumber(dec, 1);
                HPDF_Array_AddNumber(dec, 0);
            }
            if (!dec || HPDF_Dict_Add(x, "Decode", dec))
                return NULL;
        }
    }
    free(small_pixels);
    free(small_alpha);
    im = orig;
    /* on screen, an image with a colour profile of its own shows through
     * it (ICCBased; print has converted it, or keeps device CMYK/grey) */
    if (x && level == ASHI_PDFX_NONE && im->icc && icc_space(w, x, im)) {
        if (!w->error)
            w->error = HPDF_GetError(pdf);
        return NULL;
    }
made:
    if (x) {
        w->images[w->nimages] = im;
        w->xobjects[w->nimages++] = x;
    }
    return x;
}

static int draw_image(void *user, const ashi_dl_image *im)
{
    writer *w = user;
    HPDF_Image x = xobject(w, im->image);
    const char *name = x ? HPDF_Page_GetXObjectName(w->page, x) : NULL;
    if (!name)
        return -1;
    ashi_buf *b = &w->content;
    /* its alternative text is its Figure element's (tags.c) */
    ashi_tags_paint(w->tags, b, 1);
    overprint(w, 0); /* an image knocks out (and its q keeps the state as it is) */
    ashi_buf_puts(b, "q\n");
    if (im->clip_w > 0) {
        put_xy(b, im->clip_x, w->page_h - im->clip_y - im->clip_h);
        ashi_buf_putc(b, ' ');
        put_xy(b, im->clip_w, im->clip_h);
        ashi_buf_puts(b, " re W n\n");
    }
    /* The image's unit square (u right, v up, its first row at v = 1) onto
     * the box as shown: X = x + w (xu u + xv v + x0), Y = bottom + h (yu u +
     * yv v + y0), turned or mirrored as the EXIF orientation says. */
    static const signed char turn[9][6] = {
        {1, 0, 0, 0, 1, 0},   {1, 0, 0, 0, 1, 0},  {-1, 0, 1, 0, 1, 0},
        {-1, 0, 1, 0, -1, 1}, {1, 0, 0, 0, -1, 1}, {0, -1, 1, -1, 0, 1},
        {0, 1, 0, -1, 0, 1},  {0, 1, 0, 1, 0, 0},  {0, -1, 1, 1, 0, 0},
    };
    const signed char *t = turn[im->orientation >= 1 && im->orientation <= 8 ? im->orientation : 1];
    double bottom = w->page_h - im->y - im->h;
    double m[6] = {im->w * t[0], im->h * t[3], im->w * t[1],
                   im->h * t[4], im->x + im->w * t[2], bottom + im->h * t[5]};
    for (int i = 0; i < 6; i++) {
        ashi_buf_num(b, m[i], 3);
        ashi_buf_putc(b, ' ');
    }
    ashi_buf_printf(b, "cm /%s Do\nQ\n", name);
    return 0;
}

/* ---- sheets: pages, print marks and boxes, imposition ---------------------- */

/* A thin frame around a slide on a handout page. */
static void lay_frame_line(writer *w, double x, double y, double width, double height)
{
    ashi_buf *b = &w->content;
    ashi_tags_artifact(w->tags, b);
    put_color(w, b, 0x9A9A9A, 1);
    ashi_buf_puts(b, "0.5 w ");
    put_xy(b, x, y);
    ashi_buf_putc(b, ' ');
    put_xy(b, width, height);
    ashi_buf_puts(b, " re S\n");
}

static int new_sheet(writer *w, double width, double height)
{
    w->page = HPDF_AddPage(w->pdf);
    w->sheets++;
    if (!w->page || HPDF_Page_SetWidth(w->page, (HPDF_REAL)width) ||
        HPDF_Page_SetHeight(w->page, (HPDF_REAL)height) || ashi_tags_sheet(w->tags, w->page))
        return -1;
    w->content.len = 0;
    return 0;
}

static int end_sheet(writer *w)
{
    ashi_tags_close(w->tags, &w->content);
    if (w->content.oom || ashi_tags_sheet_end(w->tags))
        return -1;
    HPDF_MD5Update(&w->pages_md5, (const HPDF_BYTE *)w->content.data,
                   (HPDF_UINT32)w->content.len);
    HPDF_Dict contents = ((HPDF_PageAttr)w->page->attr)->contents;
    if (ashi_flate_pipe_put(w->pipe, contents, &w->content)) {
        w->content.oom = 1; /* out of memory, in all likelihood */
        return -1;
    }
    return 0;
}

static int begin_struct(void *user, const ashi_dl_struct *s)
{
    (void)s; /* planned from the whole list (tags.c) */
    ashi_tags_struct_begin(((writer *)user)->tags);
    return 0;
}

static int end_struct(void *user)
{
    ashi_tags_struct_end(((writer *)user)->tags);
    return 0;
}

/* A source page drawn on the sheet: scaled by s with its top-left corner
 * at (x, y) from the sheet's top-left; edges listed in `bleed` bleed. */
static int place(writer *w, const ashi_dl_page *pg, double sheet_h, double x, double y,
                 double s, unsigned bleed)
{
    ashi_buf *b = &w->content;
    int overprinting = w->overprinting; /* what the Q below brings back */
    ashi_buf_puts(b, "q\n");
    ashi_buf_num(b, s, 4);
    ashi_buf_puts(b, " 0 0 ");
    ashi_buf_num(b, s, 4);
    ashi_buf_putc(b, ' ');
    put_xy(b, x, sheet_h - y - pg->h * s);
    ashi_buf_puts(b, " cm\n");
    w->page_w = pg->w;
    w->page_h = pg->h;
    w->bleed_edges = w->o.flags & ASHI_RENDER_BLEED ? bleed : 0;
    const ashi_device draw = {.user = w,
                              .run = draw_run,
                              .rect = draw_rect,
                              .line = draw_line,
                              .span_begin = span_begin,
                              .span_end = span_end,
                              .path = draw_path,
                              .image = draw_image,
                              .begin_struct = begin_struct,
                              .end_struct = end_struct};
    ashi_tags_page_begin(w->tags, (size_t)(pg - w->dl->pages));
    int rc = ashi_dl_play_items(pg, &draw);
    ashi_tags_page_end(w->tags, b);
    ashi_buf_puts(b, "Q\n");
    w->overprinting = overprinting;
    return rc;
}

static int set_box(writer *w, const char *name, double x0, double y0, double x1, double y1)
{
    HPDF_Box box = {(HPDF_REAL)x0, (HPDF_REAL)y0, (HPDF_REAL)x1, (HPDF_REAL)y1};
    HPDF_Array a = HPDF_Box_Array_New(w->pdf->mmgr, box);
    return a && HPDF_Dict_Add(w->page, name, a) == HPDF_OK ? 0 : -1;
}

static void mark_line(ashi_buf *b, double x1, double y1, double x2, double y2)
{
    put_xy(b, x1, y1);
    ashi_buf_puts(b, " m ");
    put_xy(b, x2, y2);
    ashi_buf_puts(b, " l S\n");
}

static HPDF_Array real_array(HPDF_MMgr mm, const double *v, int n)
{
    HPDF_Array a = HPDF_Array_New(mm);
    for (int i = 0; a && i < n; i++)
        if (HPDF_Array_AddReal(a, (HPDF_REAL)v[i]) != HPDF_OK)
            return NULL; /* a belongs to the document's memory: freed with it */
    return a;
}

/* The registration colour space, /CS0 in the sheet's resources: a
 * Separation /All (every plate, whatever the separations), its tint 1 being
 * DeviceCMYK 1 1 1 1 by a Type 2 function (C0 [0 0 0 0], C1 [1 1 1 1],
 * N 1); one array for the document, shared by the sheets. NULL: failed. */
static const char *registration_space(writer *w)
{
    HPDF_Doc pdf = w->pdf;
    if (!w->registration) {
        static const double zero[4] = {0, 0, 0, 0}, one[4] = {1, 1, 1, 1}, domain[2] = {0, 1};
        HPDF_Array cs = HPDF_Array_New(pdf->mmgr);
        HPDF_Dict fn = HPDF_Dict_New(pdf->mmgr);
        HPDF_Array c0 = real_array(pdf->mmgr, zero, 4), c1 = real_array(pdf->mmgr, one, 4);
        HPDF_Array dom = real_array(pdf->mmgr, domain, 2);
        if (!cs || HPDF_Xref_Add(pdf->xref, cs) || !fn || !c0 || !c1 || !dom ||
            HPDF_Dict_AddNumber(fn, "FunctionType", 2) || HPDF_Dict_Add(fn, "Domain", dom) ||
            HPDF_Dict_Add(fn, "C0", c0) || HPDF_Dict_Add(fn, "C1", c1) ||
            HPDF_Dict_AddNumber(fn, "N", 1) || HPDF_Array_AddName(cs, "Separation") ||
            HPDF_Array_AddName(cs, "All") || HPDF_Array_AddName(cs, "DeviceCMYK") ||
            HPDF_Array_Add(cs, fn))
            return NULL;
        w->registration = cs;
    }
    HPDF_Dict res = HPDF_Dict_GetItem(w->page, "Resources", HPDF_OCLASS_DICT);
    if (!res)
        return NULL;
    HPDF_Dict spaces = HPDF_Dict_GetItem(res, "ColorSpace", HPDF_OCLASS_DICT);
    if (!spaces) {
        HPDF_ResetError(pdf); /* not there yet is no error */
        spaces = HPDF_Dict_New(pdf->mmgr);
        if (!spaces || HPDF_Dict_Add(res, "ColorSpace", spaces))
            return NULL;
    }
    if (!HPDF_Dict_GetItem(spaces, "CS0", HPDF_OCLASS_ARRAY)) {
        HPDF_ResetError(pdf);
        if (HPDF_Dict_Add(spaces, "CS0", w->registration))
            return NULL;
    }
    return "CS0";
}

/* Japanese crop marks (トンボ) around a trim box (PDF coordinates, y up):
 * double corner marks at the trim and the bleed line, centre marks on each
 * side, 0.1 mm in registration colour (Separation /All: on every plate),
 * all outside the bleed. */
static void crop_marks(writer *w, double x0, double y0, double x1, double y1, double bl)
{
    ashi_buf *b = &w->content;
    double len = ASHI_MM(10);
    const char *cs = registration_space(w);
    if (!cs) {
        w->content.oom = 1; /* the sheet fails (end_sheet): out of memory, in all likelihood */
        return;
    }
    ashi_tags_artifact(w->tags, b);
    ashi_buf_printf(b, "q\n/%s CS 1 SCN\n", cs);
    ashi_buf_num(b, ASHI_MM(0.1), 3);
    ashi_buf_puts(b, " w\n");
    const double cx[2] = {x0, x1}, cy[2] = {y0, y1};
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) {
            double sx = i ? 1 : -1, sy = j ? 1 : -1, x = cx[i], y = cy[j];
            /* horizontal: at the trim and at the bleed */
            mark_line(b, x + sx * bl, y, x + sx * (bl + len), y);
            mark_line(b, x + sx * bl, y + sy * bl, x + sx * (bl + len), y + sy * bl);
            /* vertical */
            mark_line(b, x, y + sy * bl, x, y + sy * (bl + len));
            mark_line(b, x + sx * bl, y + sy * bl, x + sx * bl, y + sy * (bl + len));
        }
    double mx = (x0 + x1) / 2, my = (y0 + y1) / 2, half = len / 2;
    for (int j = 0; j < 2; j++) {
        double sy = j ? 1 : -1, y = cy[j] + sy * bl;
        mark_line(b, mx, y, mx, y + sy * len);
        mark_line(b, mx - half, y + sy * half, mx + half, y + sy * half);
    }
    for (int i = 0; i < 2; i++) {
        double sx = i ? 1 : -1, x = cx[i] + sx * bl;
        mark_line(b, x, my, x + sx * len, my);
        mark_line(b, x + sx * half, my - half, x + sx * half, my + half);
    }
    ashi_buf_puts(b, "Q\n");
}

/* Trim and bleed boxes and the marks for a trim box on the sheet. */
static int finish_print(writer *w, double x0, double y0, double x1, double y1)
{
    unsigned f = w->o.flags;
    double bl = f & ASHI_RENDER_BLEED ? w->o.bleed : 0;
    if (f & ASHI_RENDER_MARKS)
        crop_marks(w, x0, y0, x1, y1, bl);
    if (f & (ASHI_RENDER_MARKS | ASHI_RENDER_BLEED))
        return set_box(w, "TrimBox", x0, y0, x1, y1) ||
               set_box(w, "BleedBox", x0 - bl, y0 - bl, x1 + bl, y1 + bl);
    return 0;
}

/* The source page at booklet position i of n4 (a multiple of four), or n
 * for a blank: the first page stays the front cover and the last the back
 * cover, so the blanks padding n pages to n4 go just before the last. */
static size_t booklet_page(size_t i, size_t n, size_t n4)
{
    if (n < 2 || i + 1 < n)
        return i < n ? i : n;
    return i + 1 == n4 ? n - 1 : n;
}

/* A booklet page at x on the sheet, moved by dx for creep; a moved page is
 * clipped at the spine (x0..x1 of its half of the sheet) so that it does
 * not run onto its neighbour. */
static int place_booklet(writer *w, const ashi_dl_page *pg, double sh, double x, double dx,
                         double m, double x0, double x1, unsigned bleed)
{
    if (dx == 0)
        return place(w, pg, sh, x, m, 1, bleed);
    ashi_buf *b = &w->content;
    ashi_buf_puts(b, "q\n");
    put_xy(b, x0, 0);
    ashi_buf_putc(b, ' ');
    put_xy(b, x1 - x0, sh);
    ashi_buf_puts(b, " re W n\n");
    int rc = place(w, pg, sh, x + dx, m, 1, bleed);
    ashi_buf_puts(b, "Q\n");
    return rc;
}

static int ashi_print_sheets(writer *w, const ashi_dlist *dl)
{
    unsigned f = w->o.flags;
    double bl = f & ASHI_RENDER_BLEED ? w->o.bleed : 0;
    double m = bl + (f & ASHI_RENDER_MARKS ? ASHI_MM(13) : 0); /* trim to sheet edge */
    size_t n = dl->npages;
    w->sheet_of = ashi_calloc(w->mem, n + 1, sizeof *w->sheet_of);
    if (!w->sheet_of) {
        w->oom = 1;
        return -1;
    }
    size_t sheet = 0;
    if (f & ASHI_RENDER_2UP) {
        /* handouts: two slides a portrait A4 page, one above the other */
        double sw = ASHI_MM(210), sh = ASHI_MM(297), margin = ASHI_MM(15);
        for (size_t i = 0; i < n; i += 2, sheet++) {
            if (new_sheet(w, sw, sh))
                return -1;
            for (size_t k = i; k < i + 2 && k < n; k++) {
                const ashi_dl_page *pg = &dl->pages[k];
                double s = fmin((sw - 2 * margin) / pg->w, (sh / 2 - 1.5 * margin) / pg->h);
                double y = k == i ? margin : sh / 2 + margin / 2;
                w->sheet_of[k] = sheet;
                if (place(w, pg, sh, (sw - pg->w * s) / 2, y, s, 0))
                    return -1;
                lay_frame_line(w, (sw - pg->w * s) / 2, sh - y - pg->h * s, pg->w * s, pg->h * s);
            }
            if (end_sheet(w))
                return -1;
        }
        return 0;
    }
    if (f & ASHI_RENDER_BOOKLET) {
        /* saddle stitching: blanks up to a multiple of four, two pages a
         * sheet side in printer spreads (last+first, second+second-last...);
         * the blanks go before the back cover (booklet_page). Creep moves
         * both pages of a sheet toward the spine, from 0 on the outermost
         * sheet to the full creep on the innermost; the trim stays. */
        size_t n4 = (n + 3) / 4 * 4, nsheets = n4 / 4;
        double pw = n ? dl->pages[0].w : ASHI_MM(210), ph = n ? dl->pages[0].h : ASHI_MM(297);
        double sw = 2 * pw + 2 * m, sh = ph + 2 * m;
        for (size_t s = 0; s < nsheets; s++)
            for (int side = 0; side < 2; side++, sheet++) {
                double c = nsheets > 1 ? w->o.creep * (double)s / (double)(nsheets - 1) : 0;
                size_t left = booklet_page(side ? 2 * s + 1 : n4 - 1 - 2 * s, n, n4);
                size_t right = booklet_page(side ? n4 - 2 - 2 * s : 2 * s, n, n4);
                if (new_sheet(w, sw, sh))
                    return -1;
                if (left < n) {
                    w->sheet_of[left] = sheet;
                    if (place_booklet(w, &dl->pages[left], sh, m, c, m, 0, m + pw, 1 | 4 | 8))
                        return -1;
                }
                if (right < n) {
                    w->sheet_of[right] = sheet;
                    if (place_booklet(w, &dl->pages[right], sh, m + pw, -c, m, m + pw, sw,
                                      2 | 4 | 8))
                        return -1;
                }
                if (finish_print(w, m, m, m + 2 * pw, m + ph) || end_sheet(w))
                    return -1;
            }
        return 0;
    }
    for (size_t i = 0; i < n; i++, sheet++) {
        const ashi_dl_page *pg = &dl->pages[i];
        w->sheet_of[i] = sheet;
        if (new_sheet(w, pg->w + 2 * m, pg->h + 2 * m) ||
            place(w, pg, pg->h + 2 * m, m, m, 1, 1 | 2 | 4 | 8) ||
            finish_print(w, m, m, m + pg->w, m + pg->h) || end_sheet(w))
            return -1;
    }
    return 0;
}

/* ---- document ------------------------------------------------------------ */

static HPDF_Binary text_string(writer *w, const char *s)
{
    HPDF_Binary b = ashi_pdf_text(w->pdf, w->mem, s);
    if (!b)
        w->oom = 1;
    return b;
}

static int set_info(writer *w, const ashi_dlist *dl)
{
    HPDF_Doc pdf = w->pdf;
    /* Creates the info dictionary; the rest is added as UTF-16 strings. */
    if (HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, "libashireport " ASHI_VERSION_STRING))
        return -1;
    const struct {
        const char *key, *value;
    } fields[] = {{"Title", dl->title}, {"Author", dl->author}, {"Subject", dl->subject}};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (!fields[i].value)
            continue;
        HPDF_Binary b = text_string(w, fields[i].value);
        if (!b || HPDF_Dict_Add(pdf->info, fields[i].key, b))
            return -1;
    }
    if (dl->date && ashi_pdf_info_dates(pdf, dl->date))
        return -1;
    if (dl->lang && dl->lang[0]) {
        HPDF_Binary b = text_string(w, dl->lang);
        if (!b || HPDF_Dict_Add(pdf->catalog, "Lang", b))
            return -1;
    }
    if (dl->title) {
        /* Viewers show the title, not the file name, in their title bar. */
        HPDF_Dict vp = HPDF_Dict_New(pdf->mmgr);
        if (!vp || HPDF_Dict_AddBoolean(vp, "DisplayDocTitle", HPDF_TRUE) ||
            HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", vp))
            return -1;
    }
    return 0;
}

static int set_outline(writer *w, const ashi_dlist *dl)
{
    if (dl->noutline == 0)
        return 0;
    HPDF_Doc pdf = w->pdf;
    HPDF_Encoder enc = HPDF_GetEncoder(pdf, "UTF-8");
    if (!enc)
        return -1;
    HPDF_Outline parent[2] = {NULL, NULL};
    for (size_t i = 0; i < dl->noutline; i++) {
        const ashi_dl_outline *o = &dl->outline[i];
        int level = o->level > 0 && parent[0] ? 1 : 0;
        HPDF_Outline ol = HPDF_CreateOutline(pdf, level ? parent[0] : NULL, o->title, enc);
        HPDF_Page page = HPDF_GetPageByIndex(pdf, (HPDF_UINT)w->sheet_of[o->page]);
        HPDF_Destination dst = page ? HPDF_Page_CreateDestination(page) : NULL;
        if (!ol || !dst || HPDF_Outline_SetDestination(ol, dst) ||
            HPDF_Outline_SetOpened(ol, HPDF_TRUE))
            return -1;
        if (level == 0)
            parent[0] = ol;
    }
    return HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE) ? -1 : 0;
}

/* The saved file to out, in pieces as libharu gives them back (no copy of
 * the whole file here), once its size is known to be inside max_bytes.
 * Returns 0; -1 when libharu failed; -2 when the sink failed and -3 when
 * the size is over the limit, both said in d; 1 when out of memory. */
static int save(writer *w, const ashi_pdf_sink *out, size_t max_bytes, ashi_diags *d)
{
    if (HPDF_SaveToStream(w->pdf))
        return -1;
    size_t size = HPDF_GetStreamSize(w->pdf);
    if (size > max_bytes) {
        ashi_loc none = {0, 0};
        ashi_diag_add(d, ASHI_ERROR, "limit", none,
                      "the PDF would be %zu bytes, over the output-bytes limit of %zu", size,
                      max_bytes);
        return -3;
    }
    int rc = out->open(out->user, size);
    if (rc)
        return rc < 0 ? -2 : 1;
    unsigned char chunk[65536];
    size_t sent = 0;
    for (;;) {
        HPDF_UINT32 n = sizeof chunk;
        HPDF_STATUS st = HPDF_ReadFromStream(w->pdf, chunk, &n);
        if (n && (rc = out->write(out->user, chunk, n)))
            return rc < 0 ? -2 : 1;
        sent += n;
        if (st == HPDF_STREAM_EOF)
            break;
        if (st != HPDF_OK)
            return -1;
    }
    return sent == size ? 0 : -1;
}

ashi_status ashi_render_pdf(const ashi_dlist *dl, const ashi_render_opts *o, ashi_diags *d,
                            const ashi_pdf_sink *out, size_t *pages)
{
    *pages = 0;
    writer w;
    memset(&w, 0, sizeof w);
    w.dl = dl;
    w.o = *o;
    w.mem = ashi_arena_mem(dl->a);
    w.content.mem = w.mem;
    size_t max_bytes = o->max_bytes;
    ashi_status st = ASHI_E_PDF;
    int reported = 0; /* a failure already said in d */
    const char *stage = "creating the document";
    HPDF_MD5Init(&w.pages_md5);
    w.pdf = HPDF_New(on_hpdf_error, &w);
    if (!w.pdf)
        return ASHI_E_MEMORY;
    if (!(w.z = ashi_flate_new(w.mem)) ||
        !(w.pipe = ashi_flate_pipe_new(w.mem, w.z, o->threads > 1))) {
        ashi_flate_pipe_free(w.pipe);
        ashi_flate_free(w.z);
        HPDF_Free(w.pdf);
        return ASHI_E_MEMORY;
    }
    if (HPDF_SetCompressionMode(w.pdf, HPDF_COMP_ALL) || HPDF_UseUTFEncodings(w.pdf))
        goto done;
    /* ActualText is 1.5; PDF/X-1a:2003 is 1.4 (no ActualText), PDF/X-4 1.6 */
    ashi_pdfx_level pdfx = ashi_pdfx_level_of(o);
    w.pdf->pdf_version = pdfx == ASHI_PDFX_1A ? HPDF_VER_14
                         : pdfx == ASHI_PDFX_4 ? HPDF_VER_16
                                               : HPDF_VER_15;
    if (pdfx == ASHI_PDFX_4 && !(w.cm = ashi_cm_new(w.mem, o->profile, o->profile_len, o->photo_intent))) {
        w.oom = 1;
        goto done;
    }

    stage = "collecting glyphs";
    ashi_device collect = {.user = &w, .run = collect_run};
    if ((o->flags & ASHI_RENDER_CMYK) && o->max_ppi > 0)
        collect.image = collect_image;
    if (ashi_dl_play(dl, &collect))
        goto done;
    stage = "embedding fonts";
    ashi_phase_mark t = ashi_phase_begin(w.mem);
    for (int i = 0; i < w.nfonts; i++) {
        const ashi_subset *pre = NULL;
        for (int k = 0; k < o->nsubsets && !pre; k++)
            if (o->subsets[k].face == w.fonts[i].face)
                pre = &o->subsets[k];
        int rc = ashi_embed_write(&w.fonts[i], pre, w.pdf, w.z, d);
        reported = rc == -2;
        if (rc)
            goto done;
    }
    ashi_phase_end(w.mem, ASHI_PHASE_SUBSET, t);
    stage = "tagging";
    if (!(w.tags = ashi_tags_new(w.pdf, dl, w.mem))) {
        w.oom = 1; /* its only failure */
        goto done;
    }
    if (pdfx == ASHI_PDFX_1A)
        ashi_tags_no_actual_text(w.tags);
    stage = "writing pages";
    if (ashi_print_sheets(&w, dl) || ashi_flate_pipe_flush(w.pipe) || ashi_tags_finish(w.tags))
        goto done;
    stage = "writing the outline and document info";
    if (set_outline(&w, dl) || set_info(&w, dl))
        goto done;
    /* ---- PDF/A-2a, PDF/UA-1: XMP, MarkInfo, output intent, /ID (pdfa.c) ---- */
    stage = "writing the XMP metadata and output intent";
    {
        /* The /ID's seed: what every page shows (the content streams, as
         * hashed when each sheet was finished) and the document's info, so
         * the same deck gives the same /ID and different ones differ. */
        HPDF_BYTE pages[16];
        HPDF_MD5Final(pages, &w.pages_md5);
        ashi_buf seed = {.mem = w.mem};
        ashi_buf_append(&seed, pages, sizeof pages);
        ashi_buf_printf(&seed, "%s%c%s%c%s%c%s%c%zu", dl->title ? dl->title : "", 0,
                        dl->author ? dl->author : "", 0, dl->subject ? dl->subject : "", 0,
                        dl->date ? dl->date : "", 0, dl->npages);
        /* PDF/X wants a Title and dates: the file's name and a fixed date
         * when the deck has none (pdfx.h) */
        const char *title = dl->title, *date = dl->date;
        if (pdfx != ASHI_PDFX_NONE && !title) {
            const char *slash = o->name ? strrchr(o->name, '/') : NULL;
            title = slash ? slash + 1 : o->name && o->name[0] ? o->name : "Untitled";
        }
        if (pdfx != ASHI_PDFX_NONE && !date)
            date = ASHI_PDFX_FIXED_DATE;
        const ashi_pdfa_meta meta = {.title = title, .author = dl->author,
                                     .subject = dl->subject, .date = date, .lang = dl->lang,
                                     .producer = "libashireport " ASHI_VERSION_STRING,
                                     .archival = !(w.o.flags & ASHI_RENDER_CMYK) &&
                                                 !w.cmyk_images,
                                     .pdfx = (int)pdfx,
                                     .id_seed = (const unsigned char *)seed.data,
                                     .id_seed_len = seed.len};
        int rc = seed.oom ? -1 : ashi_pdfa_add(w.pdf, w.mem, &meta);
        const ashi_pdfx_doc x = {.level = pdfx, .title = title, .date = date,
                                 .profile = o->profile, .profile_len = o->profile_len,
                                 .profile_desc = o->profile_desc, .pages = w.sheets};
        if (!rc)
            rc = ashi_pdfx_add(w.pdf, w.mem, &x);
        w.oom |= seed.oom;
        ashi_buf_free(&seed);
        if (rc) {
            if (!w.error) /* the object API does not call the error handler */
                w.error = HPDF_GetError(w.pdf);
            goto done;
        }
    }
    if (w.nconverted) {
        /* say once which RGB colours became CMYK */
        ashi_buf list = {.mem = w.mem};
        for (int i = 0; i < w.nconverted; i++)
            ashi_buf_printf(&list, "%s#%06X", i ? ", " : "", (unsigned)w.converted[i]);
        ashi_loc none = {0, 0};
        ashi_diag_add(d, ASHI_WARNING, "print-rgb", none,
                      w.cm ? "for print, RGB colours were converted to CMYK through the output "
                             "profile: %s"
                           : "for print, RGB colours were converted to CMYK: %s",
                      list.data ? list.data : "");
        ashi_buf_free(&list);
    }
    if (w.cmyk_images) {
        ashi_loc none = {0, 0};
        ashi_diag_add(d, ASHI_WARNING, "not-pdfa", none,
                      "%d CMYK JPEG image(s) go into the screen PDF as they are, so it does not "
                      "claim PDF/A (tagged PDF/UA it stays); give RGB images for the web",
                      w.cmyk_images);
    }
    if (w.rgb_images) {
        ashi_loc none = {0, 0};
        if (w.cm)
            ashi_diag_add(d, ASHI_WARNING, "print-rgb-image", none,
                          "%d RGB image(s) were converted to CMYK for print through the "
                          "output profile (%s, %d of them from their own colour profile, the "
                          "rest from sRGB)",
                          w.rgb_images,
                          o->photo_intent == ASHI_INTENT_RELATIVE
                              ? "relative colorimetric with black point compensation"
                              : "perceptual",
                          w.icc_images);
        else
            ashi_diag_add(d, ASHI_WARNING, "print-rgb-image", none,
                          "%d RGB image(s) were converted to CMYK for print by the plain "
                          "formula (no colour management; %d of them made sRGB from their own "
                          "colour profile first); the print shop may want CMYK images",
                          w.rgb_images, w.icc_images);
    }
    /* the warnings above are said whether or not the file can go out */
    stage = "saving";
    int saved = save(&w, out, max_bytes, d);
    if (saved) {
        reported = saved <= -2;
        w.oom |= saved == 1;
        st = saved == -3 ? ASHI_E_DECK : saved == -2 ? ASHI_E_IO : ASHI_E_PDF;
        goto done;
    }
    st = ASHI_OK;
    *pages = w.sheets;
done:
    for (int i = 0; i < w.nfonts; i++)
        w.oom |= w.fonts[i].oom;
    w.oom |= w.tags && ashi_tags_failed(w.tags);
    if (st != ASHI_OK && (w.oom || w.content.oom || w.error == HPDF_FAILD_TO_ALLOC_MEM)) {
        st = ASHI_E_MEMORY;
    } else if (st != ASHI_OK && !reported) {
        ashi_loc none = {0, 0};
        ashi_diag_add(d, ASHI_ERROR, "pdf", none,
                      "PDF output failed while %s (libharu error 0x%04lX, detail %lu)", stage,
                      (unsigned long)w.error, (unsigned long)w.detail);
    }
    for (int i = 0; i < w.nfonts; i++)
        ashi_embed_free(&w.fonts[i]);
    ashi_buf_free(&w.content);
    free(w.sheet_of);
    ashi_tags_free(w.tags);
    ashi_cm_free(w.cm);
    ashi_flate_pipe_free(w.pipe);
    ashi_flate_free(w.z);
    HPDF_Free(w.pdf);
    return st;
}
