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
    cmsHTRANSFORM vector, photo; /* relative colorimetric + BPC; perceptual */
    int failed;
    uint32_t keys[CM_CACHE]; /* converted colours, by open addressing */
    double values[CM_CACHE][4];
    unsigned char used[CM_CACHE];
};

ashi_cm *ashi_cm_new(ashi_mem *mem, const unsigned char *profile, size_t len)
{
    ashi_cm *cm = ashi_calloc(mem, 1, sizeof *cm);
    if (!cm)
        return NULL;
    cm->mem = mem;
    cm->profile = profile;
    cm->len = len;
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
    if (cm->srgb)
        cmsCloseProfile(cm->srgb);
    if (cm->out)
        cmsCloseProfile(cm->out);
    if (cm->ctx)
        cmsDeleteContext(cm->ctx);
    free(cm);
}

/* The transform for this intent, made once. */
static cmsHTRANSFORM cm_transform(ashi_cm *cm, int photo)
{
    cmsHTRANSFORM *t = photo ? &cm->photo : &cm->vector;
    if (*t || cm->failed)
        return *t;
    if (!cm->ctx && !(cm->ctx = cmsCreateContext(NULL, NULL)))
        goto fail;
    if (!cm->srgb && !(cm->srgb = cmsCreate_sRGBProfileTHR(cm->ctx)))
        goto fail;
    if (!cm->out &&
        !(cm->out = cmsOpenProfileFromMemTHR(cm->ctx, cm->profile, (cmsUInt32Number)cm->len)))
        goto fail;
    *t = photo ? cmsCreateTransformTHR(cm->ctx, cm->srgb, TYPE_RGB_8, cm->out, TYPE_CMYK_8,
                                       INTENT_PERCEPTUAL, 0)
               : cmsCreateTransformTHR(cm->ctx, cm->srgb, TYPE_RGB_8, cm->out, TYPE_CMYK_DBL,
                                       INTENT_RELATIVE_COLORIMETRIC,
                                       cmsFLAGS_BLACKPOINTCOMPENSATION);
    if (*t)
        return *t;
fail:
    cm->failed = 1;
    return NULL;
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

int ashi_cm_pixels(ashi_cm *cm, const unsigned char *rgb, unsigned char *cmyk, size_t n)
{
    cmsHTRANSFORM t = cm_transform(cm, 1);
    if (!t)
        return -1;
    while (n) { /* cmsDoTransform counts in 32 bits */
        size_t step = n > (1u << 24) ? (1u << 24) : n;
        cmsDoTransform(t, rgb, cmyk, (cmsUInt32Number)step);
        rgb += 3 * step, cmyk += 4 * step, n -= step;
    }
    return 0;
}

