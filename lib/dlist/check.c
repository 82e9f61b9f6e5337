/* check.c — what a print shop would bounce, read off the display list:
 * text under 6 pt, images under 150 dpi at their placed size, content
 * within 3 mm of the trim edge that does not bleed.
 * SPDX-License-Identifier: MIT */
#include <math.h>

#include "dlist/dlist.h"
#include "image/image.h"

#define SAFE 8.5039 /* 3 mm, in points */

static double run_width(const ashi_dl_run *r)
{
    double w = 0;
    for (size_t i = 0; i < r->nglyphs; i++)
        w = fmax(w, r->glyphs[i].x + r->glyphs[i].adv);
    return w;
}

void ashi_dl_print_check(const ashi_dlist *dl, ashi_diags *d)
{
    for (size_t p = 0; p < dl->npages; p++) {
        const ashi_dl_page *pg = &dl->pages[p];
        int near = 0;
        for (size_t i = 0; i < pg->nitems; i++) {
            const ashi_dl_item *it = &pg->items[i];
            if (it->kind == ASHI_DL_RUN) {
                const ashi_dl_run *r = &it->u.run;
                if (r->size < 6 - 1e-9)
                    ashi_diag_add(d, ASHI_WARNING, "print-small-text", r->loc,
                                  "page %zu: text '%.*s' is %.1f pt, under the 6 pt print "
                                  "minimum",
                                  p + 1, (int)(r->text_len > 60 ? 60 : r->text_len), r->text,
                                  r->size);
                double x0 = r->x, x1 = r->x + run_width(r);
                double y0 = r->y - 0.88 * r->size, y1 = r->y + 0.12 * r->size;
                if (!near && (x0 < SAFE || y0 < SAFE || x1 > pg->w - SAFE || y1 > pg->h - SAFE)) {
                    near = 1;
                    ashi_diag_add(d, ASHI_WARNING, "print-edge", r->loc,
                                  "page %zu: text '%.*s' is within 3 mm of the trim edge",
                                  p + 1, (int)(r->text_len > 60 ? 60 : r->text_len), r->text);
                }
            } else if (it->kind == ASHI_DL_IMAGE) {
                const ashi_dl_image *im = &it->u.image;
                double dpi = fmin(im->image->w / (im->w / 72), im->image->h / (im->h / 72));
                if (dpi < 150)
                    ashi_diag_add(d, ASHI_WARNING, "print-low-dpi", pg->loc,
                                  "page %zu: image '%s' is %.0f dpi at its placed size; print "
                                  "wants 150 dpi or more",
                                  p + 1, im->image->path, dpi);
            }
        }
    }
}
