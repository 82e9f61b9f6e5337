/* deck.h — the options and the deck as the public API's files share them
 * (api.c: loading, diagnostics, rendering; builder.c: decks built in C).
 * Internal; the public header keeps both opaque. SPDX-License-Identifier: MIT */
#ifndef ASHI_DECK_H
#define ASHI_DECK_H

#include "base/base.h"
#include "doc/doc.h"
#include "dlist/dlist.h"
#include "res/res.h"
#include "style/style.h"
#include "text/face.h"
#include "text/text.h"

#define MAX_FONT_DIRS ASHI_MAX_FONT_DIRS

struct ashi_options {
    char *font_dirs[MAX_FONT_DIRS];
    size_t nfont_dirs;
    int draft;
    int absolute_paths;
    unsigned print;
    double bleed_mm;
    double creep_mm; /* booklet only */
    ashi_limits limits;
    ashi_mem *mem; /* allocation probe for tests (api_debug.h), or NULL */
    ashi_font_cache *font_cache;
    int threads;
    char *output_profile; /* PDF/X-4's ICC profile file, or NULL (PDF/X-1a) */
    int max_ppi;          /* print: images downsampled above it; 0 never */
    ashi_photo_intent photo_intent;
    int lang_ja; /* diagnostics in Japanese */
};

struct ashi_deck {
    ashi_arena *arena;
    ashi_diags diags;
    ashi_doc *doc;
    ashi_theme theme;
    ashi_fontset fonts;
    int fonts_open;
    ashi_dlist dlist;
    int laid_out;
    ashi_limits limits;
    unsigned print_flags;
    double bleed;
    double creep; /* points, booklet only */
    ashi_mem *mem;
    const unsigned char *profile; /* the output profile read (arena), or NULL */
    size_t profile_len;
    char profile_desc[256];
    int max_ppi; /* print: the options', else ASHI_PRINT_PPI_DEFAULT */
    int photo_intent; /* ASHI_INTENT_*: the options', else the deck's */
    int threads;      /* the options': layout, and the PDF's compression */
    ashi_subset subsets[2 * ASHI_MAX_FAMILIES]; /* made when checked, for the renders */
    int nsubsets;
    size_t pdf_pages; /* of the last render */
    ashi_res res;     /* the files the deck names; the deck's own file */
    struct ashi_xml_tree *built; /* a deck built in C: its elements (builder.c) */
    int lang_ja;                 /* hints in Japanese too */
};

/* The folders fonts are looked up in, in order: base_dir (may be NULL),
 * the options', ASHI_FONT_PATH's, the installed ones (api.c); strings in
 * a. Returns how many; dirs holds ASHI__FONT_SEARCH_DIRS. */
#define ASHI__FONT_SEARCH_DIRS (1 + MAX_FONT_DIRS + 8 + 8)
size_t ashi__font_search_dirs(const ashi_options *opt, const char *base_dir, ashi_arena *a,
                              const char **dirs);
/* The limits opt sets, or the defaults for NULL (api.c). */
const ashi_limits *ashi__limits_of(const ashi_options *opt);
/* A new deck with nothing loaded, named name in diagnostics (api.c). */
ashi_deck *ashi__deck_new(const ashi_options *opt, const char *name);
/* Loads a deck: from the text data (len bytes) or, when built is not NULL,
 * from that built tree (xml.h's ashi_xml_tree); then style, fonts, files,
 * checks and layout, and the diagnostics put in source order (api.c). */
ashi_status ashi__deck_load(ashi_deck *deck, const ashi_options *opt, const char *data,
                            size_t len, const char *base_dir, void *built);

#endif
