/* embed.h — font embedding for the PDF backend (internal to render/).
 * SPDX-License-Identifier: MIT */
#ifndef ASHI_EMBED_H
#define ASHI_EMBED_H

#include <hpdf.h>

#include "dlist/dlist.h"
#include "text/face.h"

typedef struct ashi_embed {
    ashi_face *face;
    ashi_mem *mem;    /* where its own memory comes from */
    int oom;          /* an allocation of its own failed */
    void *gids;       /* hb_set_t *: original glyph ids used */
    uint32_t *text;   /* per original gid: 1 + offset into texts, 0 = none */
    unsigned nglyphs; /* glyphs in the original face */
    ashi_buf texts;   /* NUL-separated UTF-8 strings */
    void *old_to_new; /* hb_map_t *, owned by the plan */
    void *plan;       /* hb_subset_plan_t * */
    HPDF_Dict type0;
    const char *res_name; /* set per page */
} ashi_embed;

/* Records a glyph (and the text it shows, first one wins) for a face. */
int ashi_embed_use(ashi_embed *e, uint32_t gid, const char *text, size_t len);
/* Records the glyphs of a run and the text each shows in the ToUnicode map
 * (first one wins), no glyph's over poppler's limit. */
int ashi_embed_use_run(ashi_embed *e, const ashi_dl_run *r);
/* Subsets the face (or takes pre, the subset made when the deck was
 * checked, when it has the same glyphs) and creates the PDF font objects
 * in pdf. Returns 0; -1
 * when out of memory (e->oom or libharu's allocation error); -2 when it
 * failed otherwise, reported in d naming the font file. The font file and
 * the ToUnicode map are compressed by z. */
struct ashi_flate;
int ashi_embed_write(ashi_embed *e, const ashi_subset *pre, HPDF_Doc pdf, struct ashi_flate *z,
                     ashi_diags *d);
/* The glyph id in the subset for an original glyph id. */
uint32_t ashi_embed_gid(const ashi_embed *e, uint32_t gid);
/* Advance in /W units (1/1000 em) of an original glyph id. */
int ashi_embed_width(const ashi_embed *e, uint32_t gid);
void ashi_embed_free(ashi_embed *e);
/* UTF-8 as UTF-16BE hex digits (surrogate pairs above U+FFFF), for
 * ToUnicode maps and PDF text strings written in hex. */
void ashi_put_utf16_hex(ashi_buf *b, const char *s, size_t len);

#endif
