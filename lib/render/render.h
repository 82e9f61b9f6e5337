/* render.h — display list to PDF through libharu, with fonts embedded as
 * subset glyph-ID CID fonts (Type0/CIDFontType2, Identity-H, /W, ToUnicode).
 * The only stage that includes hpdf.h. SPDX-License-Identifier: MIT */
#ifndef ASHI_RENDER_H
#define ASHI_RENDER_H

#include "dlist/dlist.h"

/* Writes the display list as a complete PDF into out (heap buffer); a PDF
 * over max_bytes is refused. Returns ASHI_OK or a status; problems also go
 * to d. */
ashi_status ashi_render_pdf(const ashi_dlist *dl, size_t max_bytes, ashi_diags *d,
                            ashi_buf *out);

#endif
