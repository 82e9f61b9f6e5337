/* draw.c — rectangles, lines and paths into the display list; nothing while
 * the layout only measures. SPDX-License-Identifier: MIT */
#include <string.h>

#include "image/image.h"
#include "layout/internal.h"

static ashi_dl_item *item(L *l, ashi_dl_kind kind)
{
    if (l->out.measuring)
        return NULL;
    ashi_dl_item *it = ashi_dl_add_item(l->out.dl, l->out.page, kind);
    if (!it)
        l->oom = 1;
    return it;
}

void ashi_lay_box(L *l, double x, double y, double w, double h, uint32_t fill, uint32_t stroke,
                  double stroke_w, double radius, double dash)
{
    ashi_dl_item *it = item(l, ASHI_DL_RECT);
    if (it)
        it->u.rect = (ashi_dl_rect){x, y, w, h, fill, stroke, stroke_w, radius, dash};
}

void ashi_lay_rect(L *l, double x, double y, double w, double h, uint32_t fill)
{
    ashi_lay_box(l, x, y, w, h, fill, ASHI_NO_COLOR, 0, 0, 0);
}

void ashi_lay_line(L *l, double x1, double y1, double x2, double y2, double w, uint32_t color,
                   double dash)
{
    ashi_dl_item *it = item(l, ASHI_DL_LINE);
    if (it)
        it->u.line = (ashi_dl_line){x1, y1, x2, y2, w, color, dash};
}

void ashi_lay_path(L *l, const double *xy, size_t npoints, uint32_t fill)
{
    if (l->out.measuring)
        return;
    double *copy = ashi_arena_alloc(l->mem.keep, 2 * npoints * sizeof *copy);
    ashi_dl_item *it = copy ? item(l, ASHI_DL_PATH) : NULL;
    if (!it) {
        l->oom = 1;
        return;
    }
    memcpy(copy, xy, 2 * npoints * sizeof *copy);
    it->u.path = (ashi_dl_path){copy, npoints, fill, ASHI_NO_COLOR, 0};
}

void ashi_lay_image(L *l, const struct ashi_image *im, double x, double y, double w, double h,
                    double cx, double cy, double cw, double ch, const char *alt, ashi_loc loc)
{
    ashi_dl_item *it = item(l, ASHI_DL_IMAGE);
    if (it)
        it->u.image = (ashi_dl_image){im, x, y, w, h, cx, cy, cw, ch, alt, im->orientation, loc};
}

void ashi_lay_begin_cell(L *l, ashi_dl_role role, const char *alt, int colspan, int rowspan,
                         ashi_loc loc)
{
    ashi_dl_item *it = item(l, ASHI_DL_STRUCT_BEGIN);
    if (it)
        it->u.structure = (ashi_dl_struct){role, alt, NULL, colspan, rowspan, loc};
}

void ashi_lay_begin_figure(L *l, const char *alt, const ashi_dl_table *data, ashi_loc loc)
{
    ashi_dl_item *it = item(l, ASHI_DL_STRUCT_BEGIN);
    if (it)
        it->u.structure = (ashi_dl_struct){ASHI_ROLE_FIGURE, alt, data, 1, 1, loc};
}

void ashi_lay_begin(L *l, ashi_dl_role role, const char *alt, ashi_loc loc)
{
    ashi_lay_begin_cell(l, role, alt, 1, 1, loc);
}

void ashi_lay_artifact(L *l)
{
    ashi_lay_begin(l, ASHI_ROLE_ARTIFACT, NULL, (ashi_loc){0, 0});
}

void ashi_lay_end(L *l)
{
    item(l, ASHI_DL_STRUCT_END);
}
