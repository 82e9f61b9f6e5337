/* pdfa.c — XMP metadata, /MarkInfo, the sRGB output intent and the trailer
 * /ID of a PDF/A-2a, PDF/UA-1 file, through libharu's object API.
 * SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_error.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <lcms2.h>

#include "render/pdfa.h"

/* ---- XMP ------------------------------------------------------------------ */

/* Text content or attribute value: & < > " escaped, CR kept as a character
 * reference (XML parsers would turn a raw one into LF), other C0 controls
 * (not XML characters; a deck cannot hold them) dropped. */
static void put_escaped(ashi_buf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '&': ashi_buf_puts(b, "&amp;"); break;
        case '<': ashi_buf_puts(b, "&lt;"); break;
        case '>': ashi_buf_puts(b, "&gt;"); break;
        case '"': ashi_buf_puts(b, "&quot;"); break;
        case '\r': ashi_buf_puts(b, "&#xD;"); break;
        default:
            if (c >= 0x20 || c == '\t' || c == '\n')
                ashi_buf_putc(b, (char)c);
        }
    }
}

/* A language alternative: x-default, and the same text under the
 * document's language when it has one. */
static void put_alt(ashi_buf *b, const char *prop, const char *value, const char *lang)
{
    ashi_buf_printf(b, "   <%s>\n    <rdf:Alt>\n     <rdf:li xml:lang=\"x-default\">", prop);
    put_escaped(b, value);
    ashi_buf_puts(b, "</rdf:li>\n");
    if (lang && lang[0]) {
        ashi_buf_puts(b, "     <rdf:li xml:lang=\"");
        put_escaped(b, lang);
        ashi_buf_puts(b, "\">");
        put_escaped(b, value);
        ashi_buf_puts(b, "</rdf:li>\n");
    }
    ashi_buf_printf(b, "    </rdf:Alt>\n   </%s>\n", prop);
}

static void put_simple(ashi_buf *b, const char *prop, const char *value)
{
    ashi_buf_printf(b, "   <%s>", prop);
    put_escaped(b, value);
    ashi_buf_printf(b, "</%s>\n", prop);
}

/* PDF/A-2 (6.6.2.3) accepts only the predefined XMP schemas and those
 * described in the file: pdfuaid (ISO 14289-1) is not predefined. */
static const char pdfuaid_extension[] =
    "  <rdf:Description rdf:about=\"\"\n"
    "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
    "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
    "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
    "   <pdfaExtension:schemas>\n"
    "    <rdf:Bag>\n"
    "     <rdf:li rdf:parseType=\"Resource\">\n"
    "      <pdfaSchema:schema>PDF/UA identification schema</pdfaSchema:schema>\n"
    "      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
    "      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
    "      <pdfaSchema:property>\n"
    "       <rdf:Seq>\n"
    "        <rdf:li rdf:parseType=\"Resource\">\n"
    "         <pdfaProperty:name>part</pdfaProperty:name>\n"
    "         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
    "         <pdfaProperty:category>internal</pdfaProperty:category>\n"
    "         <pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>\n"
    "        </rdf:li>\n"
    "       </rdf:Seq>\n"
    "      </pdfaSchema:property>\n"
    "     </rdf:li>\n"
    "    </rdf:Bag>\n"
    "   </pdfaExtension:schemas>\n"
    "  </rdf:Description>\n";

static void put_xmp(ashi_buf *b, const ashi_pdfa_meta *m, const unsigned char id[16])
{
    /* begin is the UTF-8 byte order mark; PDF/A-2 forbids bytes= and encoding= */
    ashi_buf_puts(b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                     "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                     " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
    if (m->archival)
        ashi_buf_puts(b, pdfuaid_extension);
    ashi_buf_puts(b, "  <rdf:Description rdf:about=\"\"\n"
                     "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                     "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                     "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                     "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"");
    if (m->archival)
        ashi_buf_puts(b, "\n    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"");
    if (m->pdfx)
        ashi_buf_puts(b, "\n    xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\""
                         "\n    xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\"");
    ashi_buf_puts(b, ">\n");
    put_simple(b, "dc:format", "application/pdf");
    if (m->title)
        put_alt(b, "dc:title", m->title, m->lang);
    if (m->author) {
        ashi_buf_puts(b, "   <dc:creator>\n    <rdf:Seq>\n     <rdf:li>");
        put_escaped(b, m->author);
        ashi_buf_puts(b, "</rdf:li>\n    </rdf:Seq>\n   </dc:creator>\n");
    }
    if (m->subject)
        put_alt(b, "dc:description", m->subject, m->lang);
    if (m->lang && m->lang[0]) {
        ashi_buf_puts(b, "   <dc:language>\n    <rdf:Bag>\n     <rdf:li>");
        put_escaped(b, m->lang);
        ashi_buf_puts(b, "</rdf:li>\n    </rdf:Bag>\n   </dc:language>\n");
    }
    if (m->date) {
        /* Read as pdf.c's set_info reads it for HPDF_SetInfoDateAttr, which
         * writes D:YYYYMMDD000000 with no time zone: the same instant,
         * with no time zone either. */
        char when[32];
        ashi_snprintf(when, sizeof when, "%04d-%02d-%02dT00:00:00", atoi(m->date) % 10000,
                 atoi(m->date + 5) % 100, atoi(m->date + 8) % 100);
        put_simple(b, "xmp:CreateDate", when);
        put_simple(b, "xmp:ModifyDate", when);
        put_simple(b, "xmp:MetadataDate", when);
    }
    if (m->producer) {
        put_simple(b, "xmp:CreatorTool", m->producer);
        put_simple(b, "pdf:Producer", m->producer);
    }
    put_simple(b, "pdfuaid:part", "1");
    if (m->archival) {
        put_simple(b, "pdfaid:part", "2");
        put_simple(b, "pdfaid:conformance", "A");
    }
    if (m->pdfx) {
        /* the document's identity is its /ID, written as a UUID */
        char uuid[48];
        ashi_snprintf(uuid, sizeof uuid,
                 "uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                 id[0], id[1], id[2], id[3], id[4], id[5], id[6], id[7], id[8], id[9], id[10],
                 id[11], id[12], id[13], id[14], id[15]);
        put_simple(b, "pdf:Trapped", "False");
        put_simple(b, "xmpMM:DocumentID", uuid);
        put_simple(b, "xmpMM:InstanceID", uuid);
        put_simple(b, "xmpMM:VersionID", "1");
        put_simple(b, "xmpMM:RenditionClass", "default");
        put_simple(b, "pdfxid:GTS_PDFXVersion", m->pdfx == 2 ? "PDF/X-4" : "PDF/X-1:2003");
    }
    ashi_buf_puts(b, "  </rdf:Description>\n"
                     " </rdf:RDF>\n"
                     "</x:xmpmeta>\n"
                     "<?xpacket end=\"w\"?>");
}

/* ---- objects -------------------------------------------------------------- */

static int oom(HPDF_Doc pdf)
{
    HPDF_SetError(&pdf->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
    return -1;
}

static int add_metadata(HPDF_Doc pdf, ashi_mem *mem, const ashi_pdfa_meta *m,
                        const unsigned char id[16])
{
    ashi_buf xmp = {.mem = mem};
    put_xmp(&xmp, m, id);
    if (xmp.oom) {
        ashi_buf_free(&xmp);
        return oom(pdf);
    }
    HPDF_Dict st = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    int rc = -1;
    if (st) {
        st->filter = HPDF_STREAM_FILTER_NONE; /* readable by tools that do not inflate */
        if (HPDF_Dict_AddName(st, "Type", "Metadata") == HPDF_OK &&
            HPDF_Dict_AddName(st, "Subtype", "XML") == HPDF_OK &&
            HPDF_Stream_Write(st->stream, (const HPDF_BYTE *)xmp.data, (HPDF_UINT)xmp.len) ==
                HPDF_OK &&
            HPDF_Dict_Add(pdf->catalog, "Metadata", st) == HPDF_OK)
            rc = 0;
    }
    ashi_buf_free(&xmp);
    return rc;
}

static int add_mark_info(HPDF_Doc pdf)
{
    /* A direct object goes into its container first: HPDF_Dict_Add and
     * HPDF_Array_Add free it when they fail, nothing frees an orphan. */
    HPDF_Dict mi = HPDF_Dict_New(pdf->mmgr);
    if (!mi || HPDF_Dict_Add(pdf->catalog, "MarkInfo", mi) != HPDF_OK)
        return -1;
    return HPDF_Dict_AddBoolean(mi, "Marked", HPDF_TRUE) == HPDF_OK ? 0 : -1;
}

/* lcms2's sRGB profile, made the same at every call: lcms2 stamps its
 * header with the current time (bytes 24-35), so that is set to a fixed
 * one; the profile ID (84-99) stays zero, "not computed". */
static unsigned char *srgb_profile(HPDF_Doc pdf, ashi_mem *mem, cmsUInt32Number *len)
{
    cmsHPROFILE h = cmsCreate_sRGBProfile();
    if (!h)
        return NULL;
    unsigned char *icc = NULL;
    *len = 0;
    if (cmsSaveProfileToMem(h, NULL, len) && *len >= 128) {
        icc = ashi_malloc(mem, *len);
        if (!icc)
            oom(pdf);
        else if (!cmsSaveProfileToMem(h, icc, len) || *len < 128) {
            free(icc);
            icc = NULL;
        }
    }
    cmsCloseProfile(h);
    if (icc) {
        /* 2000-01-01 00:00:00, as six big-endian 16-bit numbers */
        static const unsigned char created[12] = {0x07, 0xD0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0};
        memcpy(icc + 24, created, sizeof created);
        memset(icc + 84, 0, 16);
    }
    return icc;
}

HPDF_Dict ashi_pdf_output_intent(HPDF_Doc pdf, const char *s)
{
    HPDF_Array list = HPDF_Array_New(pdf->mmgr);
    if (!list || HPDF_Dict_Add(pdf->catalog, "OutputIntents", list) != HPDF_OK)
        return NULL;
    HPDF_Dict oi = HPDF_Dict_New(pdf->mmgr);
    if (!oi || HPDF_Array_Add(list, oi) != HPDF_OK)
        return NULL;
    if (HPDF_Dict_AddName(oi, "Type", "OutputIntent") != HPDF_OK ||
        HPDF_Dict_AddName(oi, "S", s) != HPDF_OK)
        return NULL;
    return oi;
}

int ashi_pdf_info_dates(HPDF_Doc pdf, const char *date)
{
    HPDF_Date d = {0};
    d.year = atoi(date);
    d.month = atoi(date + 5);
    d.day = atoi(date + 8);
    d.ind = ' ';
    return HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, d) ||
                   HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, d)
               ? -1
               : 0;
}

HPDF_Dict ashi_pdf_icc_stream(HPDF_Doc pdf, const unsigned char *icc, size_t len, int n)
{
    HPDF_Dict prof = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!prof)
        return NULL;
    prof->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    if (HPDF_Dict_AddNumber(prof, "N", n) != HPDF_OK ||
        HPDF_Stream_Write(prof->stream, icc, (HPDF_UINT)len) != HPDF_OK)
        return NULL;
    return prof;
}

static int add_output_intent(HPDF_Doc pdf, ashi_mem *mem)
{
    cmsUInt32Number len;
    unsigned char *icc = srgb_profile(pdf, mem, &len);
    if (!icc)
        return -1;
    HPDF_Dict prof = ashi_pdf_icc_stream(pdf, icc, len, 3);
    free(icc);
    if (!prof)
        return -1;
    static const char condition[] = "sRGB IEC61966-2.1";
    HPDF_Dict oi = ashi_pdf_output_intent(pdf, "GTS_PDFA1");
    if (!oi)
        return -1;
    HPDF_String id = HPDF_String_New(pdf->mmgr, condition, NULL);
    if (!id || HPDF_Dict_Add(oi, "OutputConditionIdentifier", id) != HPDF_OK)
        return -1;
    HPDF_String info = HPDF_String_New(pdf->mmgr, condition, NULL);
    if (!info || HPDF_Dict_Add(oi, "Info", info) != HPDF_OK)
        return -1;
    HPDF_String reg = HPDF_String_New(pdf->mmgr, "http://www.color.org", NULL);
    if (!reg || HPDF_Dict_Add(oi, "RegistryName", reg) != HPDF_OK)
        return -1;
    return HPDF_Dict_Add(oi, "DestOutputProfile", prof) == HPDF_OK ? 0 : -1;
}

/* The trailer's /ID: both halves the MD5 of the seed (libharu's MD5, the
 * one it uses for encryption keys), so that the same input gives the same
 * file. */
static void id_digest(const ashi_pdfa_meta *m, HPDF_BYTE digest[16])
{
    HPDF_MD5_CTX ctx;
    HPDF_MD5Init(&ctx);
    const unsigned char *p = m->id_seed;
    size_t left = p ? m->id_seed_len : 0;
    while (left > 0) {
        HPDF_UINT32 n = left > 0x10000000u ? 0x10000000u : (HPDF_UINT32)left;
        HPDF_MD5Update(&ctx, p, n);
        p += n;
        left -= n;
    }
    HPDF_MD5Final(digest, &ctx);
}

static int add_id(HPDF_Doc pdf, const HPDF_BYTE digest[16])
{
    HPDF_Array id = HPDF_Array_New(pdf->mmgr);
    if (!id)
        return -1;
    if (HPDF_Dict_Add(pdf->trailer, "ID", id) != HPDF_OK)
        return -1;
    for (int i = 0; i < 2; i++) {
        HPDF_Binary b = HPDF_Binary_New(pdf->mmgr, (HPDF_BYTE *)digest, 16);
        if (!b || HPDF_Array_Add(id, b) != HPDF_OK)
            return -1;
    }
    return 0;
}

int ashi_pdfa_add(HPDF_Doc pdf, ashi_mem *mem, const ashi_pdfa_meta *m)
{
    HPDF_BYTE digest[16];
    id_digest(m, digest);
    if (add_metadata(pdf, mem, m, digest) || add_mark_info(pdf))
        return -1;
    if (m->archival && add_output_intent(pdf, mem))
        return -1;
    return add_id(pdf, digest);
}
