/* raster.c — a second device on the display list: one page drawn through
 * cairo as a PNG image (at a resolution) or an SVG file, for the web and
 * for quick looks. Glyphs come from the same font files through cairo's
 * FreeType face, so the page looks like the PDF; colours are the screen
 * PDF's (cmyk() colours by the plain formula). Text is drawn as glyphs:
 * the PDF stays the accessible document. SPDX-License-Identifier: MIT */
#include <math.h>
#include <string.h>

#include <cairo-ft.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <turbojpeg.h>

#include "image/image.h"
#include "render/render.h"
#include "text/face.h"

typedef struct painter {
    cairo_t *cr;
    const ashi_dlist *dl;
    ashi_arena *a;
    int oom;
} painter;

static void set_color(painter *p, uint32_t c)
{
    double v[3];
    if (ASHI_IS_CMYK(c) && (int)(c & 0xFF) < p->dl->ncmyk)
        ashi_cmyk_to_rgb(p->dl->cmyk[c & 0xFF], v);
    else
        v[0] = ((c >> 16) & 0xFF) / 255.0, v[1] = ((c >> 8) & 0xFF) / 255.0,
        v[2] = (c & 0xFF) / 255.0;
    cairo_set_source_rgb(p->cr, v[0], v[1], v[2]);
}

static void stroke_style(painter *p, double width, double dash)
{
    cairo_set_line_width(p->cr, width);
    if (dash > 0)
        cairo_set_dash(p->cr, &dash, 1, 0);
    else
        cairo_set_dash(p->cr, NULL, 0, 0);
}

static int draw_rect(void *user, const ashi_dl_rect *r)
{
    painter *p = user;
    cairo_t *cr = p->cr;
    cairo_new_path(cr);
    if (r->radius > 0) {
        double rad = fmin(r->radius, fmin(r->w, r->h) / 2), x = r->x, y = r->y;
        cairo_arc(cr, x + r->w - rad, y + rad, rad, -M_PI / 2, 0);
        cairo_arc(cr, x + r->w - rad, y + r->h - rad, rad, 0, M_PI / 2);
        cairo_arc(cr, x + rad, y + r->h - rad, rad, M_PI / 2, M_PI);
        cairo_arc(cr, x + rad, y + rad, rad, M_PI, 1.5 * M_PI);
        cairo_close_path(cr);
    } else {
        cairo_rectangle(cr, r->x, r->y, r->w, r->h);
    }
    if (r->fill != ASHI_NO_COLOR) {
        set_color(p, r->fill);
        cairo_fill_preserve(cr);
    }
    if (r->stroke != ASHI_NO_COLOR && r->stroke_w > 0) {
        set_color(p, r->stroke);
        stroke_style(p, r->stroke_w, r->dash);
        cairo_stroke_preserve(cr);
    }
    cairo_new_path(cr);
    return 0;
}

static int draw_line(void *user, const ashi_dl_line *l)
{
    painter *p = user;
    set_color(p, l->color);
    stroke_style(p, l->width, l->dash);
    cairo_move_to(p->cr, l->x1, l->y1);
    cairo_line_to(p->cr, l->x2, l->y2);
    cairo_stroke(p->cr);
    return 0;
}

static int draw_path(void *user, const ashi_dl_path *path)
{
    painter *p = user;
    if (path->npoints < 2)
        return 0;
    cairo_new_path(p->cr);
    for (size_t i = 0; i < path->npoints; i++)
        (i ? cairo_line_to : cairo_move_to)(p->cr, path->xy[2 * i], path->xy[2 * i + 1]);
    cairo_close_path(p->cr);
    if (path->fill != ASHI_NO_COLOR) {
        set_color(p, path->fill);
        cairo_fill_preserve(p->cr);
    }
    if (path->stroke != ASHI_NO_COLOR && path->stroke_w > 0) {
        set_color(p, path->stroke);
        stroke_style(p, path->stroke_w, 0);
        cairo_stroke_preserve(p->cr);
    }
    cairo_new_path(p->cr);
    return 0;
}

static int draw_run(void *user, const ashi_dl_run *run)
{
    painter *p = user;
    if (!run->nglyphs || !run->face || !run->face->ft_face)
        return 0;
    cairo_glyph_t *g = ashi_arena_alloc(p->a, run->nglyphs * sizeof *g);
    if (!g) {
        p->oom = 1;
        return -1;
    }
    for (size_t i = 0; i < run->nglyphs; i++) {
        g[i].index = run->glyphs[i].gid;
        g[i].x = run->x + run->glyphs[i].x;
        g[i].y = run->y - run->glyphs[i].y;
    }
    cairo_font_face_t *ff = cairo_ft_font_face_create_for_ft_face(run->face->ft_face, 0);
    cairo_set_font_face(p->cr, ff);
    cairo_set_font_size(p->cr, run->size);
    set_color(p, run->color);
    if (run->fake_bold) { /* as the PDF: filled and stroked */
        cairo_glyph_path(p->cr, g, (int)run->nglyphs);
        cairo_fill_preserve(p->cr);
        stroke_style(p, run->size * 0.03, 0);
        cairo_stroke(p->cr);
    } else {
        cairo_show_glyphs(p->cr, g, (int)run->nglyphs);
    }
    cairo_set_font_face(p->cr, NULL);
    cairo_font_face_destroy(ff);
    return 0;
}

/* The image's pixels as a cairo surface (RGB, alpha premultiplied), or
 * NULL when they cannot be had. */
static cairo_surface_t *image_surface(painter *p, const ashi_image *im)
{
    unsigned w = im->stored_w, h = im->stored_h;
    const unsigned char *px = im->pixels;
    int ch = im->channels;
    unsigned char *decoded = NULL;
    if (!px && im->data) { /* a JPEG: decoded now, as RGB, grey or CMYK as stored */
        tjhandle tj = tjInitDecompress();
        ch = im->channels == 4 ? 4 : im->channels == 1 ? 1 : 3;
        int pf = ch == 4 ? TJPF_CMYK : ch == 1 ? TJPF_GRAY : TJPF_RGB;
        decoded = tj ? ashi_arena_alloc(p->a, (size_t)w * h * (size_t)ch) : NULL;
        if (!decoded || tjDecompress2(tj, im->data, (unsigned long)im->len, decoded, (int)w, 0,
                                      (int)h, pf, 0)) {
            if (tj)
                tjDestroy(tj);
            return NULL;
        }
        tjDestroy(tj);
        px = decoded;
    }
    if (!px)
        return NULL;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)w, (int)h);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
        return s;
    cairo_surface_flush(s);
    unsigned char *dst = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    for (unsigned y = 0; y < h; y++) {
        uint32_t *row = (uint32_t *)(void *)(dst + (size_t)y * (size_t)stride);
        for (unsigned x = 0; x < w; x++) {
            const unsigned char *q = px + ((size_t)y * w + x) * (size_t)ch;
            unsigned r, g, b;
            if (ch == 1)
                r = g = b = q[0];
            else if (ch == 4) { /* CMYK inks by the plain formula (Adobe's stored inverted) */
                unsigned c0 = q[0], c1 = q[1], c2 = q[2], c3 = q[3];
                if (im->inverted)
                    c0 = 255 - c0, c1 = 255 - c1, c2 = 255 - c2, c3 = 255 - c3;
                unsigned k = 255 - c3;
                r = (255 - c0) * k / 255, g = (255 - c1) * k / 255, b = (255 - c2) * k / 255;
            } else
                r = q[0], g = q[1], b = q[2];
            unsigned a = im->alpha ? im->alpha[(size_t)y * w + x] : 255;
            row[x] = a << 24 | (r * a / 255) << 16 | (g * a / 255) << 8 | (b * a / 255);
        }
    }
    cairo_surface_mark_dirty(s);
    return s;
}

static int draw_image(void *user, const ashi_dl_image *di)
{
    painter *p = user;
    const ashi_image *im = di->image;
    cairo_surface_t *s = im ? image_surface(p, im) : NULL;
    if (!s)
        return 0; /* reported when loaded */
    cairo_t *cr = p->cr;
    cairo_save(cr);
    if (di->clip_w > 0) {
        cairo_rectangle(cr, di->clip_x, di->clip_y, di->clip_w, di->clip_h);
        cairo_clip(cr);
    }
    /* the box as shown; the stored pixels turned by the EXIF orientation */
    cairo_translate(cr, di->x, di->y);
    double sw = im->stored_w, sh = im->stored_h;
    int o = im->orientation >= 2 && im->orientation <= 8 ? im->orientation : 1;
    int swapped = o >= 5;
    double bw = swapped ? di->h : di->w, bh = swapped ? di->w : di->h;
    cairo_matrix_t m;
    switch (o) {
    case 2: cairo_matrix_init(&m, -1, 0, 0, 1, di->w, 0); break;
    case 3: cairo_matrix_init(&m, -1, 0, 0, -1, di->w, di->h); break;
    case 4: cairo_matrix_init(&m, 1, 0, 0, -1, 0, di->h); break;
    case 5: cairo_matrix_init(&m, 0, 1, 1, 0, 0, 0); break;
    case 6: cairo_matrix_init(&m, 0, 1, -1, 0, di->w, 0); break;
    case 7: cairo_matrix_init(&m, 0, -1, -1, 0, di->w, di->h); break;
    case 8: cairo_matrix_init(&m, 0, -1, 1, 0, 0, di->h); break;
    default: cairo_matrix_init_identity(&m); break;
    }
    cairo_transform(cr, &m);
    cairo_scale(cr, bw / sw, bh / sh);
    cairo_set_source_surface(cr, s, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_rectangle(cr, 0, 0, sw, sh);
    cairo_fill(cr);
    cairo_restore(cr);
    cairo_surface_destroy(s);
    return 0;
}

static int none(void *user) { (void)user; return 0; }
static int none_span(void *user, const ashi_dl_text_span *s) { (void)user; (void)s; return 0; }

static cairo_status_t to_sink(void *closure, const unsigned char *data, unsigned int len)
{
    const ashi_pdf_sink *out = closure;
    return out->write(out->user, data, len) ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

ashi_status ashi_render_page_image(const ashi_dlist *dl, size_t page, int svg, double ppi,
                                   ashi_arena *a, const ashi_pdf_sink *out)
{
    if (page >= dl->npages || (!svg && (ppi < 10 || ppi > 1200)))
        return ASHI_E_ARGUMENT;
    const ashi_dl_page *pg = &dl->pages[page];
    double scale = svg ? 1 : ppi / 72.0;
    int pw = (int)ceil(pg->w * scale - 1e-6), ph = (int)ceil(pg->h * scale - 1e-6);
    if (!svg && (double)pw * ph > 400e6)
        return ASHI_E_ARGUMENT; /* more than 400 megapixels: ask for fewer ppi */
    if (out->open(out->user, 0))
        return ASHI_E_IO;
    cairo_surface_t *s = svg ? cairo_svg_surface_create_for_stream(to_sink, (void *)out, pg->w,
                                                                   pg->h)
                             : cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        return ASHI_E_MEMORY;
    }
    cairo_t *cr = cairo_create(s);
    painter p = {cr, dl, a, 0};
    cairo_scale(cr, scale, scale);
    cairo_set_source_rgb(cr, 1, 1, 1); /* the paper */
    cairo_paint(cr);
    ashi_device dev = {.user = &p, .run = draw_run, .rect = draw_rect, .line = draw_line,
                       .span_begin = none_span, .span_end = none, .path = draw_path,
                       .image = draw_image};
    int rc = ashi_dl_play_items(pg, &dev);
    cairo_destroy(cr);
    cairo_status_t cs = CAIRO_STATUS_SUCCESS;
    if (!rc && !p.oom && !svg)
        cs = cairo_surface_write_to_png_stream(s, to_sink, (void *)out);
    cairo_surface_finish(s);
    if (cs == CAIRO_STATUS_SUCCESS)
        cs = cairo_surface_status(s);
    cairo_surface_destroy(s);
    if (p.oom || rc)
        return ASHI_E_MEMORY;
    return cs == CAIRO_STATUS_SUCCESS ? ASHI_OK
           : cs == CAIRO_STATUS_WRITE_ERROR ? ASHI_E_IO
                                            : ASHI_E_MEMORY;
}
