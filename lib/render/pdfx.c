/* pdfx.c — PDF/X-1a:2003 and PDF/X-4 for print output: the GTS_PDFX output
 * intent, Info's PDF/X keys, boxes on every page, images in CMYK or grey
 * (alpha flattened onto white for X-1a), and the check of a user's output
 * profile. SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_error.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <turbojpeg.h>

#include "render/flate.h"
#include "render/pdfa.h"
#include "render/pdfx.h"
#include "render/tags.h"

static int fail(HPDF_Doc pdf, HPDF_STATUS code)
{
    HPDF_SetError(&pdf->error, code, 0);
    return -1;
}

/* ---- images ----------------------------------------------------------------- */

int ashi_pdfx_image_needed(const ashi_image *im, ashi_pdfx_level level)
{
    if (im->channels == 3)
        return 1;
    return level == ASHI_PDFX_1A && im->kind == ASHI_IMAGE_RAW && im->alpha;
}

/* A JPEG's pixels, full size, as RGB (TurboJPEG converts YCbCr). */
static unsigned char *jpeg_rgb(HPDF_Doc pdf, ashi_mem *mem, const ashi_image *im)
{
    tjhandle tj = tjInitDecompress();
    if (!tj) {
        fail(pdf, HPDF_FAILD_TO_ALLOC_MEM);
        return NULL;
    }
    unsigned char *rgb = NULL;
    int w, h, sub, cs;
    if (tjDecompressHeader3(tj, im->data, (unsigned long)im->len, &w, &h, &sub, &cs) == 0 &&
        (unsigned)w == im->stored_w && (unsigned)h == im->stored_h) {
        rgb = ashi_malloc(mem, (size_t)w * (size_t)h * 3);
        if (!rgb)
            fail(pdf, HPDF_FAILD_TO_ALLOC_MEM);
        else if (tjDecompress2(tj, im->data, (unsigned long)im->len, rgb, w, 0, h, TJPF_RGB, 0)) {
            free(rgb);
            rgb = NULL;
            fail(pdf, HPDF_INVALID_JPEG_DATA);
        }
    } else {
        fail(pdf, HPDF_INVALID_JPEG_DATA);
    }
    tjDestroy(tj);
    return rgb;
}

static int formula(const unsigned char *src, const unsigned char *alpha, unsigned char *out,
                   size_t n, int out_n);

/* A value composited onto white with alpha a: v a + 255 (1 - a). */
static unsigned char on_white(unsigned v, unsigned a)
{
    return (unsigned char)((v * a + 255 * (255 - a) + 127) / 255);
}

/* Pixels of im to CMYK (out_n 4, from RGB) or grey (out_n 1), alpha
 * composited onto white when given: through the profile when cm (from the
 * image's own profile when it has one), else by put_color's formula
 * K = 1 - max(R,G,B), C = (1-R-K)/(1-K) = (max-R)/max, on the pixels made
 * sRGB first when the image has a profile of its own. */
static int to_print(ashi_cm *cm, ashi_mem *mem, const ashi_image *im, const unsigned char *src,
                    const unsigned char *alpha, unsigned char *out, size_t n, int out_n)
{
    unsigned char *flat = NULL;
    const unsigned char *icc = out_n == 4 ? im->icc : NULL;
    if ((cm || icc) && out_n == 4 && alpha) {
        if (!(flat = ashi_malloc(mem, n * 3)))
            return -1;
        for (size_t i = 0; i < 3 * n; i++)
            flat[i] = alpha[i / 3] == 255 ? src[i] : on_white(src[i], alpha[i / 3]);
        src = flat;
        alpha = NULL;
    }
    if (cm && out_n == 4) {
        int rc = ashi_cm_pixels(cm, icc, im->icc_len, src, out, n);
        free(flat);
        return rc;
    }
    if (icc) { /* to sRGB, the formula's input */
        if (!flat && !(flat = ashi_malloc(mem, n * 3)))
            return -1;
        if (ashi_icc_to_srgb(icc, im->icc_len, src, flat, n) == 0)
            src = flat;
    }
    int rc = formula(src, alpha, out, n, out_n);
    free(flat);
    return rc;
}

/* put_color's formula, pixel by pixel (see to_print). */
static int formula(const unsigned char *src, const unsigned char *alpha, unsigned char *out,
                   size_t n, int out_n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned a = alpha ? alpha[i] : 255;
        if (out_n == 1) {
            out[i] = a == 255 ? src[i] : on_white(src[i], a);
            continue;
        }
        unsigned r = src[3 * i], g = src[3 * i + 1], b = src[3 * i + 2];
        if (a != 255)
            r = on_white(r, a), g = on_white(g, a), b = on_white(b, a);
        unsigned mx = r > g ? r : g;
        mx = mx > b ? mx : b;
        unsigned char *c = out + 4 * i;
        c[3] = (unsigned char)(255 - mx);
        if (mx == 0) {
            c[0] = c[1] = c[2] = 0;
        } else {
            c[0] = (unsigned char)(((mx - r) * 255 + mx / 2) / mx);
            c[1] = (unsigned char)(((mx - g) * 255 + mx / 2) / mx);
            c[2] = (unsigned char)(((mx - b) * 255 + mx / 2) / mx);
        }
    }
    return 0;
}

HPDF_Image ashi_pdfx_image(HPDF_Doc pdf, ashi_mem *mem, ashi_flate *z, const ashi_image *im,
                           int flatten, ashi_cm *cm)
{
    size_t n = (size_t)im->stored_w * im->stored_h;
    const unsigned char *src = im->pixels;
    unsigned char *decoded = NULL;
    if (im->kind == ASHI_IMAGE_JPEG) {
        if (im->channels != 3 || !(src = decoded = jpeg_rgb(pdf, mem, im)))
            return NULL;
    }
    const unsigned char *alpha = im->kind == ASHI_IMAGE_RAW ? im->alpha : NULL;
    int out_n = im->channels == 3 ? 4 : 1;
    unsigned char *out = ashi_malloc(mem, n * (size_t)out_n);
    if (!out || to_print(cm, mem, im, src, flatten ? alpha : NULL, out, n, out_n)) {
        free(out);
        free(decoded);
        fail(pdf, out ? HPDF_INVALID_COLOR_SPACE : HPDF_FAILD_TO_ALLOC_MEM);
        return NULL;
    }
    free(decoded);
    HPDF_Image x = ashi_flate_image(pdf, z, out, im->stored_w, im->stored_h,
                                    out_n == 4 ? "DeviceCMYK" : "DeviceGray");
    free(out);
    if (x && alpha && !flatten) {
        HPDF_Image mask = ashi_flate_image(pdf, z, alpha, im->stored_w, im->stored_h,
                                           "DeviceGray");
        if (!mask || HPDF_Dict_Add(x, "SMask", mask))
            return NULL;
    }
    return x;
}

/* ---- photos downsampled for print ----------------------------------------- */

HPDF_Image ashi_pdfx_jpeg_scaled(HPDF_Doc pdf, ashi_mem *mem, const ashi_image *im,
                                 ashi_cm *cm, unsigned ow, unsigned oh)
{
    static const int formats[] = {0, TJPF_GRAY, 0, TJPF_RGB, TJPF_CMYK};
    if (im->channels != 1 && im->channels != 3 && im->channels != 4) {
        fail(pdf, HPDF_INVALID_JPEG_DATA);
        return NULL;
    }
    int n = im->channels, out_n = n == 3 ? 4 : n;
    tjhandle dec = tjInitDecompress(), enc = tjInitCompress();
    unsigned char *pix = NULL, *box = NULL, *ink = NULL, *jpeg = NULL;
    unsigned long jpeg_len = 0;
    HPDF_Image x = NULL;
    HPDF_STATUS why = HPDF_FAILD_TO_ALLOC_MEM;
    int w, h, sub, cs;
    if (!dec || !enc)
        goto done;
    why = HPDF_INVALID_JPEG_DATA;
    if (tjDecompressHeader3(dec, im->data, (unsigned long)im->len, &w, &h, &sub, &cs) ||
        (unsigned)w != im->stored_w || (unsigned)h != im->stored_h)
        goto done;
    /* the smallest of TurboJPEG's scales that still gives ow x oh */
    int nsf = 0, sw = w, sh = h;
    tjscalingfactor *sf = tjGetScalingFactors(&nsf);
    for (int i = 0; sf && i < nsf; i++) {
        int tw = TJSCALED(w, sf[i]), th = TJSCALED(h, sf[i]);
        if (sf[i].num <= sf[i].denom && (unsigned)tw >= ow && (unsigned)th >= oh &&
            (size_t)tw * th < (size_t)sw * sh)
            sw = tw, sh = th;
    }
    why = HPDF_FAILD_TO_ALLOC_MEM;
    if (!(pix = ashi_malloc(mem, (size_t)sw * sh * n)))
        goto done;
    why = HPDF_INVALID_JPEG_DATA;
    if (tjDecompress2(dec, im->data, (unsigned long)im->len, pix, sw, 0, sh, formats[n], 0))
        goto done;
    const unsigned char *at = pix;
    if ((unsigned)sw != ow || (unsigned)sh != oh) {
        why = HPDF_FAILD_TO_ALLOC_MEM;
        if (!(box = ashi_malloc(mem, (size_t)ow * oh * n)))
            goto done;
        ashi_image_box(pix, (unsigned)sw, (unsigned)sh, n, box, ow, oh);
        at = box;
    }
    if (n == 3) { /* RGB: to CMYK through the profile or by the formula */
        why = HPDF_FAILD_TO_ALLOC_MEM;
        if (!(ink = ashi_malloc(mem, (size_t)ow * oh * 4)))
            goto done;
        if (to_print(cm, mem, im, at, NULL, ink, (size_t)ow * oh, 4)) {
            why = HPDF_INVALID_COLOR_SPACE;
            goto done;
        }
        at = ink;
    }
    /* CMYK as the source stored it (Adobe's inverted ink stays inverted,
     * and so does its /Decode); RGB made CMYK is plain ink */
    why = HPDF_INVALID_JPEG_DATA;
    if (tjCompress2(enc, at, (int)ow, 0, (int)oh, formats[out_n], &jpeg, &jpeg_len,
                    out_n == 1 ? TJSAMP_GRAY : TJSAMP_444, 90, 0))
        goto done;
    static const char *const spaces[] = {NULL, "DeviceGray", NULL, NULL, "DeviceCMYK"};
    why = HPDF_FAILD_TO_ALLOC_MEM;
    if (!(x = HPDF_DictStream_New(pdf->mmgr, pdf->xref)))
        goto done;
    x->filter = HPDF_STREAM_FILTER_DCT_DECODE;
    if (HPDF_Dict_AddName(x, "Type", "XObject") || HPDF_Dict_AddName(x, "Subtype", "Image") ||
        HPDF_Dict_AddNumber(x, "Width", (HPDF_INT32)ow) ||
        HPDF_Dict_AddNumber(x, "Height", (HPDF_INT32)oh) ||
        HPDF_Dict_AddName(x, "ColorSpace", spaces[out_n]) ||
        HPDF_Dict_AddNumber(x, "BitsPerComponent", 8) ||
        HPDF_Stream_Write(x->stream, jpeg, (HPDF_UINT)jpeg_len)) {
        x = NULL;
        goto done;
    }
    if (n == 4 && im->inverted) {
        HPDF_Array d = HPDF_Array_New(pdf->mmgr);
        for (int i = 0; d && i < 4; i++)
            if (HPDF_Array_AddNumber(d, 1) || HPDF_Array_AddNumber(d, 0))
                d = NULL;
        if (!d || HPDF_Dict_Add(x, "Decode", d)) {
            x = NULL;
            goto done;
        }
    }
done:
    if (!x)
        fail(pdf, why);
    free(pix);
    free(box);
    free(ink);
    if (jpeg)
        tjFree(jpeg);
    if (dec)
        tjDestroy(dec);
    if (enc)
        tjDestroy(enc);
    return x;
}

/* ---- the document ------------------------------------------------------------ */

static int add_string(HPDF_Doc pdf, HPDF_Dict d, const char *key, const char *value)
{
    HPDF_String s = HPDF_String_New(pdf->mmgr, value, NULL);
    return s && HPDF_Dict_Add(d, key, s) == HPDF_OK ? 0 : -1;
}

static int add_output_intent(HPDF_Doc pdf, const ashi_pdfx_doc *x)
{
    HPDF_Dict prof = NULL;
    if (x->level == ASHI_PDFX_4) {
        if (!(prof = ashi_pdf_icc_stream(pdf, x->profile, x->profile_len, 4)))
            return -1;
    }
    HPDF_Dict oi = ashi_pdf_output_intent(pdf, "GTS_PDFX");
    if (!oi)
        return -1;
    if (x->level == ASHI_PDFX_4) {
        const char *desc = x->profile_desc && x->profile_desc[0] ? x->profile_desc : "Custom";
        return add_string(pdf, oi, "OutputConditionIdentifier", "Custom") ||
                       add_string(pdf, oi, "OutputCondition", desc) ||
                       add_string(pdf, oi, "Info", desc) ||
                       HPDF_Dict_Add(oi, "DestOutputProfile", prof) != HPDF_OK
                   ? -1
                   : 0;
    }
    /* a characterization registered with the ICC: named, not embedded */
    return add_string(pdf, oi, "OutputConditionIdentifier", "JC200103") ||
                   add_string(pdf, oi, "RegistryName", "http://www.color.org") ||
                   add_string(pdf, oi, "OutputCondition", "Japan Color 2001 Coated") ||
                   add_string(pdf, oi, "Info",
                              "Japan Color 2001 Coated (ISO 12647-2:2004 paper type 1, "
                              "Japan Color 2001 Coated, registered at www.color.org as "
                              "JC200103)")
               ? -1
               : 0;
}

static int add_info(HPDF_Doc pdf, ashi_mem *mem, const ashi_pdfx_doc *x)
{
    HPDF_Dict info = pdf->info;
    if (!info)
        return fail(pdf, HPDF_INVALID_OBJECT);
    if (add_string(pdf, info, "GTS_PDFXVersion",
                   x->level == ASHI_PDFX_4 ? "PDF/X-4" : "PDF/X-1:2003"))
        return -1;
    if (x->level == ASHI_PDFX_1A && add_string(pdf, info, "GTS_PDFXConformance", "PDF/X-1a:2003"))
        return -1;
    if (HPDF_Dict_AddName(info, "Trapped", "False") != HPDF_OK)
        return -1;
    if (x->title && !HPDF_Dict_GetItem(info, "Title", HPDF_OCLASS_BINARY)) {
        HPDF_Binary t = ashi_pdf_text(pdf, mem, x->title);
        if (!t)
            return fail(pdf, HPDF_FAILD_TO_ALLOC_MEM);
        if (HPDF_Dict_Add(info, "Title", t) != HPDF_OK)
            return -1;
    }
    if (x->date && !HPDF_Dict_GetItem(info, "CreationDate", HPDF_OCLASS_STRING) &&
        ashi_pdf_info_dates(pdf, x->date))
        return -1;
    return 0;
}

/* PDF/X: every page has a TrimBox (or ArtBox) and a BleedBox inside the
 * MediaBox; pages made without print marks get the whole page as both. */
static int add_boxes(HPDF_Doc pdf, size_t pages)
{
    for (size_t i = 0; i < pages; i++) {
        HPDF_Page page = HPDF_GetPageByIndex(pdf, (HPDF_UINT)i);
        if (!page)
            return -1;
        if (HPDF_Dict_GetItem(page, "TrimBox", HPDF_OCLASS_ARRAY))
            continue;
        HPDF_Box box = {0, 0, HPDF_Page_GetWidth(page), HPDF_Page_GetHeight(page)};
        HPDF_Array trim = HPDF_Box_Array_New(pdf->mmgr, box);
        if (!trim || HPDF_Dict_Add(page, "TrimBox", trim) != HPDF_OK)
            return -1;
        HPDF_Array bleed = HPDF_Box_Array_New(pdf->mmgr, box);
        if (!bleed || HPDF_Dict_Add(page, "BleedBox", bleed) != HPDF_OK)
            return -1;
    }
    return 0;
}

int ashi_pdfx_add(HPDF_Doc pdf, ashi_mem *mem, const ashi_pdfx_doc *x)
{
    if (x->level == ASHI_PDFX_NONE)
        return 0;
    if (x->level == ASHI_PDFX_4 && !x->profile)
        return fail(pdf, HPDF_INVALID_PARAMETER);
    return add_output_intent(pdf, x) || add_info(pdf, mem, x) || add_boxes(pdf, x->pages) ? -1
                                                                                          : 0;
}
