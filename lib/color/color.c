/* color.c — colour management for print: the check of a user's output
 * profile, and RGB made CMYK through it with lcms2 (vectors relative
 * colorimetric with black point compensation, photos perceptual).
 * Used by the print preflight (dlist) and by the PDF writer (render).
 * SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include <lcms2.h>

#include "color/color.h"

/* ---- the output profile ---------------------------------------------------- */

int ashi_output_profile_check(const unsigned char *icc, size_t len, char *desc,
                              size_t desc_size, const char **why)
{
    if (len < 132 || len > 0x7FFFFFFF || memcmp(icc + 36, "acsp", 4) != 0) {
        *why = "is not an ICC profile";
        return -1;
    }
    cmsHPROFILE h = cmsOpenProfileFromMem(icc, (cmsUInt32Number)len);
    if (!h) {
        *why = "is not an ICC profile lcms2 can read";
        return -1;
    }
    int rc = -1;
    if (cmsGetColorSpace(h) != cmsSigCmykData)
        *why = "is not a CMYK profile (PDF/X-4 wants the press's CMYK output profile)";
    else if (cmsGetDeviceClass(h) != cmsSigOutputClass)
        *why = "is not an output (printer) profile";
    else {
        rc = 0;
        desc[0] = 0;
        cmsGetProfileInfoASCII(h, cmsInfoDescription, "en", "US", desc,
                               (cmsUInt32Number)desc_size);
        /* a PDF string of printable ASCII: controls (and lcms2's '?' for
         * what ASCII lacks stay) become spaces */
        for (char *p = desc; *p; p++)
            if ((unsigned char)*p < 0x20 || (unsigned char)*p > 0x7E)
                *p = ' ';
        if (!desc[0] && desc_size > 6)
            strcpy(desc, "Custom");
    }
    cmsCloseProfile(h);
    return rc;
}

/* ---- colour management ------------------------------------------------------ */

#define CM_CACHE 256

struct ashi_cm {
    ashi_mem *mem;
    const unsigned char *profile;
    size_t len;
    cmsContext ctx;
    cmsHPROFILE srgb, out;
    cmsHTRANSFORM vector, photo; /* relative colorimetric + BPC; the photo intent */
    int intent;                  /* ASHI_INTENT_* for photos */
    /* the last image profile converted from, and its transform to out */
    const unsigned char *src_icc;
    cmsHTRANSFORM src;
    int failed;
    uint32_t keys[CM_CACHE]; /* converted colours, by open addressing */
    double values[CM_CACHE][4];
    unsigned char used[CM_CACHE];
};

ashi_cm *ashi_cm_new(ashi_mem *mem, const unsigned char *profile, size_t len, int intent)
{
    ashi_cm *cm = ashi_calloc(mem, 1, sizeof *cm);
    if (!cm)
        return NULL;
    cm->mem = mem;
    cm->profile = profile;
    cm->len = len;
    cm->intent = intent;
    return cm;
}

void ashi_cm_free(ashi_cm *cm)
{
    if (!cm)
        return;
    if (cm->vector)
        cmsDeleteTransform(cm->vector);
    if (cm->photo)
        cmsDeleteTransform(cm->photo);
    if (cm->src)
        cmsDeleteTransform(cm->src);
    if (cm->srgb)
        cmsCloseProfile(cm->srgb);
    if (cm->out)
        cmsCloseProfile(cm->out);
    if (cm->ctx)
        cmsDeleteContext(cm->ctx);
    free(cm);
}

/* The lcms2 context and the two profiles, opened once. */
static int cm_open(ashi_cm *cm)
{
    if (cm->failed)
        return -1;
    if ((!cm->ctx && !(cm->ctx = cmsCreateContext(NULL, NULL))) ||
        (!cm->srgb && !(cm->srgb = cmsCreate_sRGBProfileTHR(cm->ctx))) ||
        (!cm->out &&
         !(cm->out = cmsOpenProfileFromMemTHR(cm->ctx, cm->profile, (cmsUInt32Number)cm->len)))) {
        cm->failed = 1;
        return -1;
    }
    return 0;
}

/* A photo transform from src to out in the photo intent: perceptual, or
 * relative colorimetric with black point compensation. */
static cmsHTRANSFORM photo_transform(ashi_cm *cm, cmsHPROFILE src)
{
    return cmsCreateTransformTHR(cm->ctx, src, TYPE_RGB_8, cm->out, TYPE_CMYK_8,
                                 cm->intent == ASHI_INTENT_RELATIVE ? INTENT_RELATIVE_COLORIMETRIC
                                                                    : INTENT_PERCEPTUAL,
                                 cm->intent == ASHI_INTENT_RELATIVE
                                     ? cmsFLAGS_BLACKPOINTCOMPENSATION
                                     : 0);
}

/* The transform for vectors or photos from sRGB, made once. */
static cmsHTRANSFORM cm_transform(ashi_cm *cm, int photo)
{
    cmsHTRANSFORM *t = photo ? &cm->photo : &cm->vector;
    if (*t || cm->failed)
        return *t;
    if (cm_open(cm))
        return NULL;
    *t = photo ? photo_transform(cm, cm->srgb)
               : cmsCreateTransformTHR(cm->ctx, cm->srgb, TYPE_RGB_8, cm->out, TYPE_CMYK_DBL,
                                       INTENT_RELATIVE_COLORIMETRIC,
                                       cmsFLAGS_BLACKPOINTCOMPENSATION);
    if (!*t)
        cm->failed = 1;
    return *t;
}

int ashi_cm_color(ashi_cm *cm, uint32_t rgb, double cmyk[4])
{
    rgb &= 0xFFFFFF;
    unsigned r = rgb >> 16, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
    if (r == g && g == b) { /* grey: K only, never through the profile */
        ashi_rgb_to_cmyk(rgb, cmyk);
        return 0;
    }
    unsigned slot = (rgb * 2654435761u) >> 24; /* CM_CACHE = 256 */
    for (unsigned i = 0; i < CM_CACHE; i++, slot = (slot + 1) % CM_CACHE) {
        if (!cm->used[slot])
            break;
        if (cm->keys[slot] == rgb) {
            memcpy(cmyk, cm->values[slot], sizeof cm->values[slot]);
            return 0;
        }
    }
    cmsHTRANSFORM t = cm_transform(cm, 0);
    if (!t)
        return -1;
    unsigned char in[3] = {(unsigned char)r, (unsigned char)g, (unsigned char)b};
    double out[4];
    cmsDoTransform(t, in, out, 1);
    for (int i = 0; i < 4; i++) { /* lcms2's CMYK doubles are per cent */
        double v = out[i] / 100;
        cmyk[i] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
    if (!cm->used[slot]) { /* a full cache converts again, the same way */
        cm->used[slot] = 1;
        cm->keys[slot] = rgb;
        memcpy(cm->values[slot], cmyk, sizeof cm->values[slot]);
    }
    return 0;
}

/* n pixels through t, 3 bytes in and out_n out each. */
static void run(cmsHTRANSFORM t, const unsigned char *in, unsigned char *out, size_t n,
                int out_n)
{
    while (n) { /* cmsDoTransform counts in 32 bits */
        size_t step = n > (1u << 24) ? (1u << 24) : n;
        cmsDoTransform(t, in, out, (cmsUInt32Number)step);
        in += 3 * step, out += (size_t)out_n * step, n -= step;
    }
}

/* The transform from an image's own profile to out, kept for the next
 * call with the same profile; NULL when it cannot be made. */
static cmsHTRANSFORM src_transform(ashi_cm *cm, const unsigned char *icc, size_t len)
{
    if (cm->src && cm->src_icc == icc)
        return cm->src;
    if (cm->src)
        cmsDeleteTransform(cm->src);
    cm->src = NULL;
    cm->src_icc = NULL;
    if (cm_open(cm) || len > 0x7FFFFFFF)
        return NULL;
    cmsHPROFILE in = cmsOpenProfileFromMemTHR(cm->ctx, icc, (cmsUInt32Number)len);
    if (!in)
        return NULL;
    if (cmsGetColorSpace(in) == cmsSigRgbData && (cm->src = photo_transform(cm, in)))
        cm->src_icc = icc;
    cmsCloseProfile(in);
    return cm->src;
}

int ashi_cm_pixels(ashi_cm *cm, const unsigned char *icc, size_t icc_len,
                   const unsigned char *rgb, unsigned char *cmyk, size_t n)
{
    cmsHTRANSFORM t = icc ? src_transform(cm, icc, icc_len) : NULL;
    if (!t) /* no profile of its own, or one that cannot be used: sRGB */
        t = cm_transform(cm, 1);
    if (!t)
        return -1;
    run(t, rgb, cmyk, n, 4);
    return 0;
}

int ashi_cm_ink_limit(ashi_cm *cm)
{
    cmsHTRANSFORM t = cm_transform(cm, 0);
    if (!t)
        return -1;
    /* the sRGB cube in steps of 51 (216 colours), black among them */
    double most = 0;
    for (int r = 0; r <= 255; r += 51)
        for (int g = 0; g <= 255; g += 51)
            for (int b = 0; b <= 255; b += 51) {
                unsigned char in[3] = {(unsigned char)r, (unsigned char)g, (unsigned char)b};
                double out[4];
                cmsDoTransform(t, in, out, 1);
                double sum = out[0] + out[1] + out[2] + out[3];
                most = sum > most ? sum : most;
            }
    return (int)(most + 0.5);
}

/* ---- an image's own profile ------------------------------------------------- */

int ashi_icc_check(const unsigned char *icc, size_t len, int channels, const char **why)
{
    static const cmsColorSpaceSignature want[] = {0, cmsSigGrayData, 0, cmsSigRgbData,
                                                  cmsSigCmykData};
    if (len < 132 || len > 0x7FFFFFFF || memcmp(icc + 36, "acsp", 4) != 0) {
        *why = "is not an ICC profile";
        return -1;
    }
    cmsContext ctx = cmsCreateContext(NULL, NULL);
    cmsHPROFILE h = ctx ? cmsOpenProfileFromMemTHR(ctx, icc, (cmsUInt32Number)len) : NULL;
    int rc = -1;
    if (!h)
        *why = "is damaged (lcms2 cannot read it)";
    else if (channels < 1 || channels > 4 || !want[channels] ||
             cmsGetColorSpace(h) != want[channels])
        *why = channels == 1   ? "is not for grey pixels"
               : channels == 3 ? "is not for RGB pixels"
                               : "is not for CMYK pixels";
    else if (!cmsIsIntentSupported(h, INTENT_PERCEPTUAL, LCMS_USED_AS_INPUT) &&
             !cmsIsIntentSupported(h, INTENT_RELATIVE_COLORIMETRIC, LCMS_USED_AS_INPUT))
        *why = "cannot convert colours from its pixels";
    else
        rc = 0;
    if (h)
        cmsCloseProfile(h);
    if (ctx)
        cmsDeleteContext(ctx);
    return rc;
}

int ashi_icc_to_srgb(const unsigned char *icc, size_t len, const unsigned char *rgb,
                     unsigned char *out, size_t n)
{
    cmsContext ctx = cmsCreateContext(NULL, NULL);
    cmsHPROFILE in = ctx && len <= 0x7FFFFFFF
                         ? cmsOpenProfileFromMemTHR(ctx, icc, (cmsUInt32Number)len)
                         : NULL;
    cmsHPROFILE srgb = ctx ? cmsCreate_sRGBProfileTHR(ctx) : NULL;
    cmsHTRANSFORM t = in && srgb && cmsGetColorSpace(in) == cmsSigRgbData
                          ? cmsCreateTransformTHR(ctx, in, TYPE_RGB_8, srgb, TYPE_RGB_8,
                                                  INTENT_PERCEPTUAL, 0)
                          : NULL;
    if (t)
        run(t, rgb, out, n, 3);
    if (t)
        cmsDeleteTransform(t);
    if (srgb)
        cmsCloseProfile(srgb);
    if (in)
        cmsCloseProfile(in);
    if (ctx)
        cmsDeleteContext(ctx);
    return t ? 0 : -1;
}

