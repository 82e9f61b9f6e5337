/* layout.h — blocks on pages: masters (title band, footer), section
 * dividers, headings, paragraphs and lists in the body frame; overflow is
 * an error. Output: a display list.
 * SPDX-License-Identifier: MIT */
#ifndef ASHI_LAYOUT_H
#define ASHI_LAYOUT_H

#include "dlist/dlist.h"
#include "text/text.h"

/* Lays out the whole deck into out (whose arena is a). Problems go to d.
 * Returns -1 only when out of memory. With draft set, overflowing text is
 * a warning and its frame is marked in red on the page instead of an
 * error. The images and CSV files the blocks name are data in the model
 * already (lib/res). Slides are laid out on up to `threads` threads (arenas of the
 * others go to out->arenas); the result is the same for any number. */
int ashi_layout(const ashi_doc *doc, const ashi_theme *t, ashi_fontset *fs, int draft,
                int threads, const ashi_limits *limits, ashi_arena *a, ashi_diags *d,
                ashi_dlist *out);

/* Adds to every page of dl a label in the slug, below the bleed: the deck's
 * file name, the page number and total, and the deck's date, at 6 pt in
 * black. Returns -1 only when out of memory. */
int ashi_layout_slugs(const ashi_doc *doc, const ashi_theme *t, ashi_fontset *fs,
                      const char *name, double bleed, const ashi_limits *limits, ashi_arena *a,
                      ashi_diags *d, ashi_dlist *dl);

#endif
