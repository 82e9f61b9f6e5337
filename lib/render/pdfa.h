/* pdfa.h — what an archival (PDF/A-2a) and accessible (PDF/UA-1) file needs
 * besides its tags: XMP metadata equal to the Info dictionary, /MarkInfo,
 * the sRGB output intent and a deterministic trailer /ID.
 * SPDX-License-Identifier: MIT */
#ifndef ASHI_PDFA_H
#define ASHI_PDFA_H

#include <stddef.h>

#include <hpdf.h>

#include "base/base.h"

/* The parts of an archival (PDF/A-2a) and accessible (PDF/UA-1) file other
 * than its tags. */
typedef struct ashi_pdfa_meta {
    const char *title, *author, *subject; /* UTF-8 or NULL */
    const char *date;     /* YYYY-MM-DD or NULL: xmp:CreateDate and ModifyDate, as Info has them */
    const char *lang;     /* BCP 47, e.g. "ja" */
    const char *producer; /* as Info's Producer */
    int archival; /* claim PDF/A-2a: pdfaid in XMP and the sRGB output intent; 0 for print (CMYK) output */
    int pdfx;     /* print: 0 none, 1 PDF/X-1a:2003, 2 PDF/X-4 (ashi_pdfx_level): the XMP says
                   * so (pdfxid:GTS_PDFXVersion, pdf:Trapped False, xmpMM ids) as Info does */
    const unsigned char *id_seed;
    size_t id_seed_len; /* bytes the trailer /ID is derived from */
} ashi_pdfa_meta;

/* Adds to pdf:
 * - the XMP metadata stream as the catalog's /Metadata (uncompressed,
 *   /Type /Metadata /Subtype /XML) with dc:title, dc:creator,
 *   dc:description (the subject), dc:language, xmp:CreateDate, ModifyDate
 *   and MetadataDate (only with a date), xmp:CreatorTool, pdf:Producer,
 *   pdfuaid:part 1, and when archival pdfaid:part 2, conformance A and the
 *   extension schema PDF/A-2 wants for pdfuaid; with pdfx pdfxid:GTS_PDFXVersion,
 *   pdf:Trapped False, xmpMM:DocumentID and InstanceID (uuid: from the /ID),
 *   VersionID 1 and RenditionClass default (PDF/X-4 requires them); values
 *   equal to the Info dictionary's (PDF/A-2 6.6.3, PDF/X-4 6.7.2);
 * - /MarkInfo <</Marked true>> in the catalog;
 * - when archival, /OutputIntents with one GTS_PDFA1 intent whose
 *   DestOutputProfile is lcms2's sRGB profile (N 3, Flate);
 * - the trailer's /ID: twice the MD5 of id_seed.
 * Same input, same bytes. Our allocations go through mem; an allocation
 * failure is set as pdf's error HPDF_FAILD_TO_ALLOC_MEM. Returns 0, or -1
 * on failure (HPDF_GetError(pdf) says which, when libharu's). */
int ashi_pdfa_add(HPDF_Doc pdf, ashi_mem *mem, const ashi_pdfa_meta *m);

/* The catalog's /OutputIntents with one /OutputIntent of subtype s
 * (GTS_PDFA1, GTS_PDFX), attached, for the caller to fill; NULL on failure. */
HPDF_Dict ashi_pdf_output_intent(HPDF_Doc pdf, const char *s);
/* The Info's CreationDate and ModDate from a YYYY-MM-DD date. */
int ashi_pdf_info_dates(HPDF_Doc pdf, const char *date);

/* An ICC profile stream of n components (Flate), for an output intent's
 * DestOutputProfile or an image's ICCBased colour space; NULL with pdf's
 * error set. */
HPDF_Dict ashi_pdf_icc_stream(HPDF_Doc pdf, const unsigned char *icc, size_t len, int n);

#endif
