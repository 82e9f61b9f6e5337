/* check.c — preflight: what a print shop would bounce, read off the
 * display list, each at the place it comes from: text under 6 pt; coloured
 * text under 12 pt on more than one plate (misregistration); RGB colours
 * and RGB images (what they become: by the formula, or through the output
 * profile when there is one); ink over the total-area-coverage limit (350 %,
 * Japan Color 2001 Coated's, or the output profile's own); images under
 * 300 ppi at their placed size;
 * hairlines under 0.1 mm; content within 3 mm of the trim edge.
 * SPDX-License-Identifier: MIT */
#include <math.h>

#include "color/color.h"
#include "dlist/dlist.h"
#include "image/image.h"

#define SAFE 8.5039      /* 3 mm, in points */
#define HAIRLINE 0.28346 /* 0.1 mm, in points */
#define MIN_PPI 300
#define INK_LIMIT 350    /* total area coverage, percent */
#define MAX_SEEN 64

static double run_width(const ashi_dl_run *r)
{
    double w = 0;
    for (size_t i = 0; i < r->nglyphs; i++)
        w = fmax(w, r->glyphs[i].x + r->glyphs[i].adv);
    return w;
}

typedef struct preflight {
    const ashi_dlist *dl;
    int full; /* RGB colours and images too */
    ashi_cm *cm; /* the output profile's conversions, or NULL: the formula */
    int limit;   /* ink limit, per cent */
    const char *via; /* how RGB becomes CMYK, for messages */
    ashi_diags *d;
    /* colours already reported, each once for the deck (at its first use) */
    uint32_t rgb[MAX_SEEN], ink[MAX_SEEN], plates[MAX_SEEN];
    int nrgb, nink, nplates;
} preflight;

/* Whether c is in the list; adds it when not (and there is room). */
static int seen(uint32_t *list, int *n, uint32_t c)
{
    for (int i = 0; i < *n; i++)
        if (list[i] == c)
            return 1;
    if (*n < MAX_SEEN)
        list[(*n)++] = c;
    return 0;
}

/* A colour's inks in percent, as the PDF will have them. */
static void inks(const preflight *pf, uint32_t c, double v[4])
{
    if (ASHI_IS_CMYK(c) && (int)(c & 0xFF) < pf->dl->ncmyk) {
        for (int i = 0; i < 4; i++)
            v[i] = pf->dl->cmyk[c & 0xFF][i];
        return;
    }
    if (!pf->cm || ashi_cm_color(pf->cm, c, v))
        ashi_rgb_to_cmyk(c, v);
    for (int i = 0; i < 4; i++)
        v[i] = round(v[i] * 1000) / 10;
}

/* A colour painted at loc: RGB (converted) and over the ink
 * limit are said once each, where first used. */
static void colour(preflight *pf, uint32_t c, ashi_loc loc, size_t page)
{
    if (c == ASHI_NO_COLOR)
        return;
    double v[4];
    inks(pf, c, v);
    int neutral = v[0] == 0 && v[1] == 0 && v[2] == 0; /* a grey: K only, exactly */
    if (pf->full && !ASHI_IS_CMYK(c) && !neutral && !seen(pf->rgb, &pf->nrgb, c))
        ashi_diag_add(pf->d, ASHI_WARNING, "print-rgb-colour", loc,
                      "page %zu: RGB colour #%06X becomes C%.0f M%.0f Y%.0f K%.0f %s; "
                      "give the theme a cmyk() colour for exact inks",
                      page, (unsigned)c, v[0], v[1], v[2], v[3], pf->via);
    double tac = v[0] + v[1] + v[2] + v[3];
    if (tac > pf->limit + 0.05 && !seen(pf->ink, &pf->nink, c))
        ashi_diag_add(pf->d, ASHI_WARNING, "print-ink", loc,
                      "page %zu: a colour has %.0f %% ink in all (C%.0f M%.0f Y%.0f K%.0f), over "
                      "the %d %% limit",
                      page, tac, v[0], v[1], v[2], v[3], pf->limit);
}

/* Text under 12 pt in more than one ink: the plates must meet exactly. */
static void thin_text(preflight *pf, const ashi_dl_run *r, size_t page)
{
    double v[4];
    inks(pf, r->color, v);
    int plates = 0;
    for (int i = 0; i < 4; i++)
        plates += v[i] > 0.05;
    if (r->size < 12 - 1e-9 && plates > 1 && !seen(pf->plates, &pf->nplates, r->color))
        ashi_diag_add(pf->d, ASHI_WARNING, "print-plates", r->loc,
                      "page %zu: text '%.*s' is %.1f pt in %d inks (C%.0f M%.0f Y%.0f K%.0f): "
                      "small text on several plates blurs when they do not meet exactly; use "
                      "one ink (such as K) or 12 pt or more",
                      page, ashi_utf8_prefix(r->text, r->text_len, 60), r->text, r->size, plates,
                      v[0], v[1], v[2], v[3]);
}

/* Black text overprints (墨ノセ): its 100 % K adds to the inks of a fill
 * under it, which can then go over the limit though neither does alone.
 * Said once per page, at the text. */
static void overprinted(preflight *pf, const ashi_dl_page *pg, size_t upto,
                        const ashi_dl_run *r, size_t page, int *said)
{
    double v[4];
    inks(pf, r->color, v);
    if (*said || !pf->dl->overprint || v[0] > 0 || v[1] > 0 || v[2] > 0 || v[3] < 99.95)
        return;
    double x0 = r->x, x1 = r->x + run_width(r), y0 = r->y - 0.88 * r->size, y1 = r->y;
    for (size_t i = 0; i < upto; i++) {
        const ashi_dl_item *it = &pg->items[i];
        if (it->kind != ASHI_DL_RECT || it->u.rect.fill == ASHI_NO_COLOR)
            continue;
        const ashi_dl_rect *f = &it->u.rect;
        if (f->x > x0 || f->y > y0 || f->x + f->w < x1 || f->y + f->h < y1)
            continue;
        double u[4];
        inks(pf, f->fill, u);
        double tac = u[0] + u[1] + u[2] + 100;
        if (tac > pf->limit + 0.05) {
            ashi_diag_add(pf->d, ASHI_WARNING, "print-ink", r->loc,
                          "page %zu: black text '%.*s' overprints a fill of C%.0f M%.0f Y%.0f "
                          "K%.0f: %.0f %% ink under the text, over the %d %% limit (lighten the "
                          "fill, or set the theme's overprint=\"off\")",
                          page, ashi_utf8_prefix(r->text, r->text_len, 60), r->text, u[0], u[1],
                          u[2], u[3], tac, pf->limit);
            *said = 1;
            return;
        }
    }
}

static void hairline(preflight *pf, double w, ashi_loc loc, size_t page)
{
    if (w > 0 && w < HAIRLINE - 1e-6)
        ashi_diag_add(pf->d, ASHI_WARNING, "print-hairline", loc,
                      "page %zu: a line %.2f mm wide is under the 0.1 mm a press holds", page,
                      w * 25.4 / 72);
}

void ashi_dl_print_check(const ashi_dlist *dl, int full, ashi_cm *cm, ashi_diags *d)
{
    int limit = cm ? ashi_cm_ink_limit(cm) : -1;
    preflight pf = {.dl = dl,
                    .full = full,
                    .cm = cm,
                    .limit = limit > 0 ? limit : INK_LIMIT,
                    .via = cm ? "through the output profile" : "by formula",
                    .d = d};
    for (size_t p = 0; p < dl->npages; p++) {
        const ashi_dl_page *pg = &dl->pages[p];
        size_t page = p + 1;
        int near = 0, said_overprint = 0;
        for (size_t i = 0; i < pg->nitems; i++) {
            const ashi_dl_item *it = &pg->items[i];
            if (it->kind == ASHI_DL_RUN) {
                const ashi_dl_run *r = &it->u.run;
                if (r->size < 6 - 1e-9)
                    ashi_diag_add(d, ASHI_WARNING, "print-small-text", r->loc,
                                  "page %zu: text '%.*s' is %.1f pt, under the 6 pt print "
                                  "minimum",
                                  page, ashi_utf8_prefix(r->text, r->text_len, 60), r->text,
                                  r->size);
                colour(&pf, r->color, r->loc, page);
                thin_text(&pf, r, page);
                overprinted(&pf, pg, i, r, page, &said_overprint);
                double x0 = r->x, x1 = r->x + run_width(r);
                double y0 = r->y - 0.88 * r->size, y1 = r->y + 0.12 * r->size;
                if (!near && (x0 < SAFE || y0 < SAFE || x1 > pg->w - SAFE || y1 > pg->h - SAFE)) {
                    near = 1;
                    ashi_diag_add(d, ASHI_WARNING, "print-edge", r->loc,
                                  "page %zu: text '%.*s' is within 3 mm of the trim edge",
                                  page, ashi_utf8_prefix(r->text, r->text_len, 60), r->text);
                }
            } else if (it->kind == ASHI_DL_RECT) {
                const ashi_dl_rect *r = &it->u.rect;
                colour(&pf, r->fill, pg->loc, page);
                colour(&pf, r->stroke, pg->loc, page);
                if (r->stroke != ASHI_NO_COLOR)
                    hairline(&pf, r->stroke_w, pg->loc, page);
            } else if (it->kind == ASHI_DL_LINE) {
                colour(&pf, it->u.line.color, pg->loc, page);
                hairline(&pf, it->u.line.width, pg->loc, page);
            } else if (it->kind == ASHI_DL_PATH) {
                colour(&pf, it->u.path.fill, pg->loc, page);
            } else if (it->kind == ASHI_DL_IMAGE) {
                const ashi_dl_image *im = &it->u.image;
                double ppi = fmin(im->image->w / (im->w / 72), im->image->h / (im->h / 72));
                ashi_loc at = im->loc.line ? im->loc : pg->loc;
                if (ppi < MIN_PPI)
                    ashi_diag_add(d, ASHI_WARNING, "print-low-ppi", at,
                                  "page %zu: image '%s' is %.0f ppi at its placed size; print "
                                  "wants %d ppi or more",
                                  page, im->image->path, ppi, MIN_PPI);
                if (full && im->image->channels == 3)
                    ashi_diag_add(d, ASHI_WARNING, "print-rgb-image", at,
                                  "page %zu: image '%s' is RGB%s and becomes CMYK %s; give "
                                  "the print shop a CMYK image for exact colour",
                                  page, im->image->path,
                                  im->image->icc ? " (with its own colour profile)" : "",
                                  pf.via);
            }
        }
    }
}
