/* trace.c — the display list as text, for golden tests and debugging.
 * SPDX-License-Identifier: MIT */
#include <string.h>

#include "dlist/dlist.h"
#include "image/image.h"

static int t_begin(void *u, const ashi_dl_page *pg, size_t index)
{
    ashi_buf *b = u;
    ashi_buf_printf(b, "page %zu ", index + 1);
    ashi_buf_num(b, pg->w, 2);
    ashi_buf_putc(b, 'x');
    ashi_buf_num(b, pg->h, 2);
    ashi_buf_printf(b, " line %u\n", pg->loc.line);
    return 0;
}

static int t_run(void *u, const ashi_dl_run *r)
{
    ashi_buf *b = u;
    ashi_buf_puts(b, "  text ");
    ashi_buf_num(b, r->x, 2);
    ashi_buf_putc(b, ',');
    ashi_buf_num(b, r->y, 2);
    ashi_buf_puts(b, " size ");
    ashi_buf_num(b, r->size, 2);
    ashi_buf_printf(b, " #%06X%s \"", (unsigned)r->color, r->fake_bold ? " stroked" : "");
    ashi_buf_append(b, r->text, r->text_len);
    ashi_buf_puts(b, "\" gids");
    double w = 0;
    for (size_t i = 0; i < r->nglyphs; i++) {
        ashi_buf_printf(b, " %u@", (unsigned)r->glyphs[i].gid);
        ashi_buf_num(b, r->glyphs[i].x, 2);
        if (r->glyphs[i].y != 0) {
            ashi_buf_putc(b, ',');
            ashi_buf_num(b, r->glyphs[i].y, 2);
        }
        if (r->glyphs[i].x + r->glyphs[i].adv > w)
            w = r->glyphs[i].x + r->glyphs[i].adv;
    }
    ashi_buf_puts(b, " w ");
    ashi_buf_num(b, w, 2);
    ashi_buf_putc(b, '\n');
    return 0;
}

static int t_rect(void *u, const ashi_dl_rect *r)
{
    ashi_buf *b = u;
    ashi_buf_puts(b, "  rect ");
    ashi_buf_num(b, r->x, 2);
    ashi_buf_putc(b, ',');
    ashi_buf_num(b, r->y, 2);
    ashi_buf_putc(b, ' ');
    ashi_buf_num(b, r->w, 2);
    ashi_buf_putc(b, 'x');
    ashi_buf_num(b, r->h, 2);
    if (r->fill != ASHI_NO_COLOR)
        ashi_buf_printf(b, " #%06X", (unsigned)r->fill);
    if (r->stroke != ASHI_NO_COLOR) {
        ashi_buf_printf(b, " stroke #%06X w ", (unsigned)r->stroke);
        ashi_buf_num(b, r->stroke_w, 2);
    }
    if (r->radius > 0) {
        ashi_buf_puts(b, " radius ");
        ashi_buf_num(b, r->radius, 2);
    }
    if (r->dash > 0) {
        ashi_buf_puts(b, " dash ");
        ashi_buf_num(b, r->dash, 2);
    }
    ashi_buf_putc(b, '\n');
    return 0;
}

static int t_path(void *u, const ashi_dl_path *p)
{
    ashi_buf *b = u;
    ashi_buf_puts(b, "  path");
    for (size_t i = 0; i < p->npoints; i++) {
        ashi_buf_putc(b, ' ');
        ashi_buf_num(b, p->xy[2 * i], 2);
        ashi_buf_putc(b, ',');
        ashi_buf_num(b, p->xy[2 * i + 1], 2);
    }
    if (p->fill != ASHI_NO_COLOR)
        ashi_buf_printf(b, " #%06X", (unsigned)p->fill);
    ashi_buf_putc(b, '\n');
    return 0;
}

static int t_line(void *u, const ashi_dl_line *l)
{
    ashi_buf *b = u;
    ashi_buf_puts(b, "  line ");
    ashi_buf_num(b, l->x1, 2);
    ashi_buf_putc(b, ',');
    ashi_buf_num(b, l->y1, 2);
    ashi_buf_puts(b, " ");
    ashi_buf_num(b, l->x2, 2);
    ashi_buf_putc(b, ',');
    ashi_buf_num(b, l->y2, 2);
    ashi_buf_puts(b, " w ");
    ashi_buf_num(b, l->width, 2);
    ashi_buf_printf(b, " #%06X%s\n", (unsigned)l->color, l->dash > 0 ? " dashed" : "");
    return 0;
}

static int t_span_begin(void *u, const ashi_dl_text_span *s)
{
    ashi_buf *b = u;
    ashi_buf_puts(b, "  span \"");
    ashi_buf_append(b, s->text, s->len);
    ashi_buf_puts(b, "\"\n");
    return 0;
}

static int t_span_end(void *u)
{
    ashi_buf_puts(u, "  end\n");
    return 0;
}

static int t_image(void *u, const ashi_dl_image *im)
{
    ashi_buf *b = u;
    const char *slash = strrchr(im->image->path, '/');
    ashi_buf_printf(b, "  image %s ", slash ? slash + 1 : im->image->path);
    double v[] = {im->x, im->y, im->w, im->h};
    for (int i = 0; i < 4; i++) {
        if (i)
            ashi_buf_putc(b, ", x"[i - 1]);
        ashi_buf_num(b, v[i], 2);
    }
    /* the EXIF orientation the drawing applies, when it turns anything */
    if (im->orientation > 1)
        ashi_buf_printf(b, " orientation %d", im->orientation);
    ashi_buf_putc(b, '\n');
    if (im->clip_w > 0) {
        ashi_buf_puts(b, "    clip ");
        double c[] = {im->clip_x, im->clip_y, im->clip_w, im->clip_h};
        for (int i = 0; i < 4; i++) {
            ashi_buf_num(b, c[i], 2);
            ashi_buf_putc(b, i == 1 ? ' ' : i == 3 ? '\n' : i == 0 ? ',' : 'x');
        }
    }
    return 0;
}

/* The tracer's state: its buffer first (the callbacks above take it as
 * their ashi_buf), then the roles open, for naming what each end closes. */
typedef struct tracer {
    ashi_buf b;
    ashi_dl_role open[512];
    int depth;
} tracer;

static int t_struct_begin(void *u, const ashi_dl_struct *s)
{
    tracer *t = u;
    ashi_buf_printf(&t->b, "  <%s %u:%u", ashi_dl_role_names[s->role], s->loc.line, s->loc.col);
    if (s->colspan > 1)
        ashi_buf_printf(&t->b, " colspan %d", s->colspan);
    if (s->rowspan > 1)
        ashi_buf_printf(&t->b, " rowspan %d", s->rowspan);
    if (s->alt)
        ashi_buf_printf(&t->b, " alt \"%s\"", s->alt);
    ashi_buf_puts(&t->b, ">\n");
    if (t->depth < 512)
        t->open[t->depth] = s->role;
    t->depth++;
    return 0;
}

static int t_struct_end(void *u)
{
    tracer *t = u;
    if (t->depth > 0 && --t->depth < 512)
        ashi_buf_printf(&t->b, "  </%s>\n", ashi_dl_role_names[t->open[t->depth]]);
    else
        ashi_buf_puts(&t->b, "  </?> (an end with no begin)\n");
    return 0;
}

int ashi_dl_trace(const ashi_dlist *dl, ashi_buf *out)
{
    tracer tr = {.b = *out};
    ashi_device dev = {.user = &tr,
                       .begin_struct = t_struct_begin,
                       .end_struct = t_struct_end,
                       .begin_page = t_begin,
                       .run = t_run,
                       .rect = t_rect,
                       .line = t_line,
                       .span_begin = t_span_begin,
                       .span_end = t_span_end,
                       .path = t_path,
                       .image = t_image};
    for (size_t i = 0; i < dl->noutline; i++)
        ashi_buf_printf(&tr.b, "outline %d \"%s\" page %zu\n", dl->outline[i].level,
                        dl->outline[i].title, dl->outline[i].page + 1);
    int rc = ashi_dl_play(dl, &dev);
    if (tr.depth)
        ashi_buf_printf(&tr.b, "%d structure items left open\n", tr.depth);
    *out = tr.b;
    return out->oom ? -1 : rc;
}
