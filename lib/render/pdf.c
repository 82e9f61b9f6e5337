/* pdf.c — the PDF backend: pages, paths and glyph runs written as raw
 * content operators, fonts from embed.c, outline and info through libharu.
 * SPDX-License-Identifier: MIT */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include "image/image.h"
#include "render/embed.h"
#include "render/render.h"

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
    return e;
}

/* ---- pass 1: which glyphs each font needs ------------------------------- */

static int collect_run(void *user, const ashi_dl_run *r)
{
    writer *w = user;
    ashi_embed *e = font_of(w, r->face);
    if (!e)
        return -1;
    for (size_t i = 0; i < r->nglyphs; i++) {
        const ashi_dl_glyph *g = &r->glyphs[i];
        if (ashi_embed_use(e, g->gid, r->text + g->toff, g->tlen))
            return -1;
    }
    return 0;
}

/* ---- pass 2: content streams -------------------------------------------- */

static void put_rgb(ashi_buf *b, uint32_t c, const char *op)
{
    ashi_buf_num(b, ((c >> 16) & 0xFF) / 255.0, 3);
    ashi_buf_putc(b, ' ');
    ashi_buf_num(b, ((c >> 8) & 0xFF) / 255.0, 3);
    ashi_buf_putc(b, ' ');
    ashi_buf_num(b, (c & 0xFF) / 255.0, 3);
    ashi_buf_printf(b, " %s\n", op);
}

static void put_xy(ashi_buf *b, double x, double y)
{
    ashi_buf_num(b, x, 3);
    ashi_buf_putc(b, ' ');
    ashi_buf_num(b, y, 3);
}

static int begin_page(void *user, const ashi_dl_page *pg, size_t index)
{
    (void)index;
    writer *w = user;
    w->page = HPDF_AddPage(w->pdf);
    if (!w->page || HPDF_Page_SetWidth(w->page, (HPDF_REAL)pg->w) ||
        HPDF_Page_SetHeight(w->page, (HPDF_REAL)pg->h))
        return -1;
    w->page_h = pg->h;
    w->content.len = 0;
    return 0;
}

/* Fill and stroke operator for what is set: f, S, B or nothing. */
static const char *paint_op(ashi_buf *b, uint32_t fill, uint32_t stroke, double stroke_w,
                            double dash)
{
    if (fill != ASHI_NO_COLOR)
        put_rgb(b, fill, "rg");
    if (stroke != ASHI_NO_COLOR) {
        put_rgb(b, stroke, "RG");
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
    const char *op = paint_op(b, r->fill, r->stroke, r->stroke_w, r->dash);
    double x0 = r->x, y0 = w->page_h - r->y - r->h, x1 = x0 + r->w, y1 = y0 + r->h;
    double rad = r->radius;
    if (rad > r->w / 2)
        rad = r->w / 2;
    if (rad > r->h / 2)
        rad = r->h / 2;
    if (rad <= 0) {
        put_xy(b, x0, y0);
        ashi_buf_putc(b, ' ');
        put_xy(b, r->w, r->h);
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
    if (p->npoints < 2)
        return 0;
    const char *op = paint_op(b, p->fill, p->stroke, p->stroke_w, 0);
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
    paint_op(b, ASHI_NO_COLOR, l->color, l->width, l->dash);
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
    if (!e || !e->type0 || r->nglyphs == 0)
        return e && e->type0 ? 0 : -1;
    const char *name = HPDF_Page_GetLocalFontName(w->page, (HPDF_Font)e->type0);
    if (!name)
        return -1;
    ashi_buf *b = &w->content;
    ashi_buf_puts(b, "BT\n");
    put_rgb(b, r->color, "rg");
    if (r->fake_bold) {
        /* no bold face: fill and stroke the outline, 3 % of the size wide */
        put_rgb(b, r->color, "RG");
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
            ashi_buf_printf(b, "%04X", ashi_embed_gid(e, g->gid) & 0xFFFF);
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
    ashi_buf *b = &w->content;
    ashi_buf_puts(b, "/Span <</ActualText <FEFF");
    ashi_put_utf16_hex(b, sp->text, sp->len);
    ashi_buf_puts(b, ">>> BDC\n");
    return 0;
}

static int span_end(void *user)
{
    writer *w = user;
    ashi_buf_puts(&w->content, "EMC\n");
    return 0;
}

/* An image XObject, made once per image: raw pixels (Flate) with the alpha
 * as a soft mask, or JPEG data passed through as DCTDecode. */
static HPDF_Image xobject(writer *w, const ashi_image *im)
{
    for (int i = 0; i < w->nimages; i++)
        if (w->images[i] == im)
            return w->xobjects[i];
    if (w->nimages == 64)
        return NULL;
    HPDF_Doc pdf = w->pdf;
    HPDF_Image x = NULL;
    if (im->kind == ASHI_IMAGE_RAW) {
        x = HPDF_LoadRawImageFromMem(pdf, im->pixels, im->w, im->h,
                                     im->channels == 1 ? HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB,
                                     8);
        if (x && im->alpha) {
            HPDF_Image mask =
                HPDF_LoadRawImageFromMem(pdf, im->alpha, im->w, im->h, HPDF_CS_DEVICE_GRAY, 8);
            if (!mask || HPDF_Dict_Add(x, "SMask", mask))
                return NULL;
        }
    } else {
        static const char *const spaces[] = {NULL, "DeviceGray", NULL, "DeviceRGB", "DeviceCMYK"};
        x = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
        if (!x)
            return NULL;
        x->filter = HPDF_STREAM_FILTER_DCT_DECODE;
        if (HPDF_Dict_AddName(x, "Type", "XObject") || HPDF_Dict_AddName(x, "Subtype", "Image") ||
            HPDF_Dict_AddNumber(x, "Width", (HPDF_INT32)im->w) ||
            HPDF_Dict_AddNumber(x, "Height", (HPDF_INT32)im->h) ||
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
    if (im->alt) {
        ashi_buf_puts(b, "/Figure <</Alt <FEFF");
        ashi_put_utf16_hex(b, im->alt, strlen(im->alt));
        ashi_buf_puts(b, ">>> BDC\n");
    }
    ashi_buf_puts(b, "q\n");
    if (im->clip_w > 0) {
        put_xy(b, im->clip_x, w->page_h - im->clip_y - im->clip_h);
        ashi_buf_putc(b, ' ');
        put_xy(b, im->clip_w, im->clip_h);
        ashi_buf_puts(b, " re W n\n");
    }
    ashi_buf_num(b, im->w, 3);
    ashi_buf_puts(b, " 0 0 ");
    ashi_buf_num(b, im->h, 3);
    ashi_buf_putc(b, ' ');
    put_xy(b, im->x, w->page_h - im->y - im->h);
    ashi_buf_printf(b, " cm /%s Do\nQ\n", name);
    if (im->alt)
        ashi_buf_puts(b, "EMC\n");
    return 0;
}

static int end_page(void *user, const ashi_dl_page *pg)
{
    (void)pg;
    writer *w = user;
    if (w->content.oom)
        return -1;
    HPDF_Stream s = ((HPDF_PageAttr)w->page->attr)->stream;
    return HPDF_Stream_Write(s, (const HPDF_BYTE *)w->content.data,
                             (HPDF_UINT)w->content.len) == HPDF_OK
               ? 0
               : -1;
}

/* ---- document ------------------------------------------------------------ */

/* A PDF text string as UTF-16BE with a byte order mark, written in hex. */
static HPDF_Binary text_string(HPDF_Doc pdf, const char *s)
{
    size_t len = strlen(s), pos = 0, n = 2;
    unsigned char *u = malloc(2 + len * 4);
    if (!u)
        return NULL;
    u[0] = 0xFE;
    u[1] = 0xFF;
    while (pos < len) {
        uint32_t cp;
        ashi_utf8_next(s, len, &pos, &cp);
        uint32_t units[2] = {cp, 0};
        int k = 1;
        if (cp >= 0x10000) {
            units[0] = 0xD800 | ((cp - 0x10000) >> 10);
            units[1] = 0xDC00 | ((cp - 0x10000) & 0x3FF);
            k = 2;
        }
        for (int i = 0; i < k; i++) {
            u[n++] = (unsigned char)(units[i] >> 8);
            u[n++] = (unsigned char)(units[i] & 0xFF);
        }
    }
    HPDF_Binary b = HPDF_Binary_New(pdf->mmgr, u, (HPDF_UINT)n);
    free(u);
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
        HPDF_Binary b = text_string(pdf, fields[i].value);
        if (!b || HPDF_Dict_Add(pdf->info, fields[i].key, b))
            return -1;
    }
    if (dl->date) {
        HPDF_Date d = {0};
        d.year = atoi(dl->date);
        d.month = atoi(dl->date + 5);
        d.day = atoi(dl->date + 8);
        d.ind = ' ';
        if (HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, d) ||
            HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, d))
            return -1;
    }
    if (dl->lang && dl->lang[0]) {
        HPDF_Binary b = text_string(pdf, dl->lang);
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
        HPDF_Page page = HPDF_GetPageByIndex(pdf, (HPDF_UINT)o->page);
        HPDF_Destination dst = page ? HPDF_Page_CreateDestination(page) : NULL;
        if (!ol || !dst || HPDF_Outline_SetDestination(ol, dst) ||
            HPDF_Outline_SetOpened(ol, HPDF_TRUE))
            return -1;
        if (level == 0)
            parent[0] = ol;
    }
    return HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE) ? -1 : 0;
}

static int save(writer *w, ashi_buf *out)
{
    if (HPDF_SaveToStream(w->pdf))
        return -1;
    HPDF_UINT32 size = HPDF_GetStreamSize(w->pdf);
    out->len = 0;
    unsigned char chunk[65536];
    for (;;) {
        HPDF_UINT32 n = sizeof chunk;
        HPDF_STATUS st = HPDF_ReadFromStream(w->pdf, chunk, &n);
        ashi_buf_append(out, chunk, n);
        if (st == HPDF_STREAM_EOF)
            break;
        if (st != HPDF_OK)
            return -1;
    }
    return out->oom || out->len != size ? -1 : 0;
}

ashi_status ashi_render_pdf(const ashi_dlist *dl, size_t max_bytes, ashi_diags *d,
                            ashi_buf *out)
{
    writer w;
    memset(&w, 0, sizeof w);
    ashi_status st = ASHI_E_PDF;
    const char *stage = "creating the document";
    w.pdf = HPDF_New(on_hpdf_error, &w);
    if (!w.pdf)
        return ASHI_E_MEMORY;
    if (HPDF_SetCompressionMode(w.pdf, HPDF_COMP_ALL) || HPDF_UseUTFEncodings(w.pdf))
        goto done;
    w.pdf->pdf_version = HPDF_VER_15; /* ActualText */

    stage = "collecting glyphs";
    ashi_device collect = {.user = &w, .run = collect_run};
    if (ashi_dl_play(dl, &collect))
        goto done;
    stage = "embedding fonts";
    for (int i = 0; i < w.nfonts; i++)
        if (ashi_embed_write(&w.fonts[i], w.pdf))
            goto done;
    stage = "writing pages";
    ashi_device draw = {.user = &w,
                        .begin_page = begin_page,
                        .run = draw_run,
                        .rect = draw_rect,
                        .line = draw_line,
                        .span_begin = span_begin,
                        .span_end = span_end,
                        .path = draw_path,
                        .image = draw_image,
                        .end_page = end_page};
    if (ashi_dl_play(dl, &draw))
        goto done;
    stage = "writing the outline and document info";
    if (set_outline(&w, dl) || set_info(&w, dl))
        goto done;
    stage = "saving";
    if (save(&w, out))
        goto done;
    if (out->len > max_bytes) {
        ashi_loc none = {0, 0};
        ashi_diag_add(d, ASHI_ERROR, "limit", none,
                      "the PDF would be %zu bytes, over the output-bytes limit of %zu", out->len,
                      max_bytes);
        HPDF_Free(w.pdf);
        for (int i = 0; i < w.nfonts; i++)
            ashi_embed_free(&w.fonts[i]);
        ashi_buf_free(&w.content);
        return ASHI_E_DECK;
    }
    st = ASHI_OK;
done:
    if (st != ASHI_OK) {
        ashi_loc none = {0, 0};
        ashi_diag_add(d, ASHI_ERROR, "pdf", none,
                      "PDF output failed while %s (libharu error 0x%04lX, detail %lu)", stage,
                      (unsigned long)w.error, (unsigned long)w.detail);
    }
    for (int i = 0; i < w.nfonts; i++)
        ashi_embed_free(&w.fonts[i]);
    ashi_buf_free(&w.content);
    HPDF_Free(w.pdf);
    return st;
}
