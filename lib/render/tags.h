/* tags.h — the tagging half of the PDF device: the structure tree made
 * from the display list's structure items, and the marked-content
 * sequences (MCIDs, artifacts) around what the pages paint.
 * SPDX-License-Identifier: MIT */
#ifndef ASHI_RENDER_TAGS_H
#define ASHI_RENDER_TAGS_H

#include <hpdf.h>

#include "dlist/dlist.h"

typedef struct ashi_tags ashi_tags;

/* A PDF text string (UTF-16BE with a byte order mark). */
HPDF_Binary ashi_pdf_text(HPDF_Doc pdf, ashi_mem *mem, const char *s);

/* Plans the structure tree from the whole display list in source order
 * (so that imposed pages, drawn out of order, still read in order) and
 * makes its elements in pdf. NULL when out of memory or libharu fails. */
ashi_tags *ashi_tags_new(HPDF_Doc pdf, const ashi_dlist *dl, ashi_mem *mem);
void ashi_tags_free(ashi_tags *t);

/* A new output page (a sheet side): its MCIDs start at 0. */
int ashi_tags_sheet(ashi_tags *t, HPDF_Page page);
/* Source page `index` of the display list is about to be drawn into b,
 * then has been. */
void ashi_tags_page_begin(ashi_tags *t, size_t index);
int ashi_tags_page_end(ashi_tags *t, ashi_buf *b);
/* An item that paints nothing (an empty run or path): counted, so that
 * every item has its place. */
void ashi_tags_skip(ashi_tags *t);
/* The page's structure items, in its order. */
void ashi_tags_struct_begin(ashi_tags *t);
void ashi_tags_struct_end(ashi_tags *t);
/* Before an item is painted into b: opens the marked-content sequence it
 * belongs in (its element's, with an MCID, or an artifact) unless it is
 * open. Text and images are content of their element; other shapes are
 * content only inside a figure, decoration elsewhere. */
int ashi_tags_paint(ashi_tags *t, ashi_buf *b, int is_text_or_image);
/* One line whose extracted text must be exactly text: a sequence of its
 * own carrying its ActualText (the runs painted until the end are in it). */
int ashi_tags_span_begin(ashi_tags *t, ashi_buf *b, const char *text, size_t len);
int ashi_tags_span_end(ashi_tags *t, ashi_buf *b);
/* From now on a line keeps its own sequence (its MCID) but without the
 * /Span ActualText around it: marked-content ActualText is PDF 1.5, too
 * new for PDF/X-1a:2003 (PDF 1.4). Text copied from such a file is the
 * glyphs' own (ToUnicode), JLReq spacing read as spaces. */
void ashi_tags_no_actual_text(ashi_tags *t);
/* Page furniture of a sheet (crop marks): an artifact sequence. */
int ashi_tags_artifact(ashi_tags *t, ashi_buf *b);
int ashi_tags_close(ashi_tags *t, ashi_buf *b);
/* The sheet is finished: its ParentTree entry and /StructParents. */
int ashi_tags_sheet_end(ashi_tags *t);
/* Whether anything failed (always for want of memory: ours or libharu's). */
int ashi_tags_failed(const ashi_tags *t);
/* The StructTreeRoot into the catalog. */
int ashi_tags_finish(ashi_tags *t);

#endif
