/* face.h — one font face as the text stage opens it and the PDF device
 * embeds it: its bytes, metrics and HarfBuzz objects (font.c). The output
 * stage includes this and not text.h, so that it sees no document model.
 * SPDX-License-Identifier: MIT */
#ifndef ASHI_FACE_H
#define ASHI_FACE_H

#include "base/base.h"

/* One font file: read into memory once (its outlines as glyphs are used),
 * checked, and shared by FreeType (metrics, coverage) and HarfBuzz
 * (shaping, subsetting). Owned by its fontset. */
typedef struct ashi_face {
    const char *path;
    const char *ps_name;  /* PostScript name, for the PDF FontDescriptor */
    unsigned upem;
    /* metrics in font units */
    int ascender, descender, cap_height, bbox[4], italic_angle;
    void *ft_face;        /* FT_Face */
    void *hb_face;        /* hb_face_t * */
    void *hb_font;        /* hb_font_t *, scale = upem */
    unsigned char *data;  /* the file's bytes: all read at load but the */
    size_t size;          /* outlines, read as glyphs are checked (font.c) */
    void *lazy;           /* how the outlines are read (font.c) */
    const unsigned char *loca, *glyf; /* in data, checked at load */
    unsigned loc_format, nglyphs;
} ashi_face;

/* Checks the outline of glyph gid and of the glyphs it is made of (the
 * glyphs a deck uses, once it is laid out: checking every glyph of a large
 * font at load cost more than laying out a small deck). Returns 0, or -1
 * with "is damaged: glyph N ..." in why. */
int ashi_face_check_glyph(const ashi_face *f, unsigned gid, char *why, size_t size);
/* Does HarfBuzz subset the face as the PDF embedding does (with .notdef
 * alone)? Checked for the faces a deck uses once it is laid out. Returns 0,
 * or -1 with why. */
int ashi_face_check_subset(const ashi_face *f, char *why, size_t size);

/* Glyph for cp in face, 0 when the face has none. */
uint32_t ashi_face_glyph(const ashi_face *f, uint32_t cp);
/* Advance width of a glyph in font units. */
int ashi_face_advance(const ashi_face *f, uint32_t gid);
/* The subset of f with the glyph ids in glyphs (an hb_set_t *) that the
 * PDF embeds, the one every face passed as a trial at load: HarfBuzz's
 * plan (*plan, an hb_subset_plan_t *, with its old-to-new glyph map) and
 * the subset font (*blob, an hb_blob_t *), both the caller's to free.
 * Returns 0, or -1 (nothing made) when HarfBuzz fails. */
int ashi_face_subset(const ashi_face *f, const void *glyphs, void **plan, void **blob);

/* The subset of a face the PDF embeds, made once for a deck when it is
 * checked (api.c) and used by every render of it (embed.c). */
typedef struct ashi_subset {
    const ashi_face *face;
    void *gids; /* hb_set_t *: the glyph ids in it (.notdef too) */
    void *plan; /* hb_subset_plan_t *: its old-to-new glyph map */
    void *blob; /* hb_blob_t *: the subset font's bytes */
} ashi_subset;
/* Starts s for f with .notdef; 0, or 1 when out of memory. */
int ashi_subset_begin(ashi_subset *s, const ashi_face *f);
void ashi_subset_add(ashi_subset *s, unsigned gid);
/* Makes the subset of the glyphs added. Returns 0; -1 when HarfBuzz
 * fails; 1 when out of memory. */
int ashi_subset_make(ashi_subset *s);
void ashi_subset_free(ashi_subset *s);

#endif
