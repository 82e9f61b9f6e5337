/* color.h — colour management for print output: the user's CMYK output
 * profile checked, and colours and pixels converted through it by lcms2.
 * SPDX-License-Identifier: MIT */
#ifndef ASHI_COLOR_H
#define ASHI_COLOR_H

#include <stddef.h>
#include <stdint.h>

#include "base/base.h"

/* Whether icc (len bytes) is an ICC output profile for CMYK, as PDF/X-4's
 * DestOutputProfile must be: 0 and its description (lcms2's, en-US, at
 * most desc_size - 1 bytes; "Custom" when it has none) in desc, or -1 and
 * why not in *why (a static English phrase). */
int ashi_output_profile_check(const unsigned char *icc, size_t len, char *desc,
                              size_t desc_size, const char **why);

/* Colour management for print with an output profile (PDF/X-4): one per
 * render, its lcms2 context and transforms made when first needed and
 * reused, converted colours cached. Without a profile there is none and
 * the plain formula (ashi_rgb_to_cmyk) converts. */
typedef struct ashi_cm ashi_cm;

/* How photos convert: perceptual (the default) or relative colorimetric
 * with black point compensation (deck photo-intent, --photo-intent). */
enum { ASHI_INTENT_PERCEPTUAL, ASHI_INTENT_RELATIVE };

/* A colour manager for this output profile (already checked by
 * ashi_output_profile_check), photos in intent (ASHI_INTENT_*); NULL when
 * out of memory. */
ashi_cm *ashi_cm_new(ashi_mem *mem, const unsigned char *profile, size_t len, int intent);
void ashi_cm_free(ashi_cm *cm);

/* An RGB vector colour (0xRRGGBB) as CMYK (0 to 1) from sRGB through the
 * profile, relative colorimetric with black point compensation; greys
 * (R = G = B) stay K only, K = 1 - value, as the formula makes them.
 * Returns 0, or -1 when the profile cannot make the transform. */
int ashi_cm_color(ashi_cm *cm, uint32_t rgb, double cmyk[4]);

/* n RGB pixels (3 bytes each) as CMYK (4 bytes each, 0 to 255 ink)
 * through the output profile in the photo intent, from the image's own
 * profile icc (icc_len bytes, checked by ashi_icc_check) when not NULL,
 * else from sRGB; a profile of its own that lcms2 cannot use after all
 * falls back to sRGB. Returns 0 or -1 as above. */
int ashi_cm_pixels(ashi_cm *cm, const unsigned char *icc, size_t icc_len,
                   const unsigned char *rgb, unsigned char *cmyk, size_t n);

/* The most ink the output profile puts down, in per cent (C+M+Y+K, the
 * total area coverage its separation allows): the largest sum over a grid
 * of sRGB colours converted as vectors are, black among them. -1 when the
 * profile cannot make the transform. */
int ashi_cm_ink_limit(ashi_cm *cm);

/* Whether an image's embedded ICC profile (PNG iCCP, JPEG APP2) can
 * convert its pixels: an ICC profile lcms2 reads, for the image's colour
 * space (channels 1 grey, 3 RGB, 4 CMYK), usable as an input. 0, or -1 and
 * why not in *why (a static English phrase). */
int ashi_icc_check(const unsigned char *icc, size_t len, int channels, const char **why);

/* n RGB pixels from their own profile icc to sRGB (perceptual), in into
 * out (3 bytes each): the print formula's input when there is no output
 * profile. Returns 0, or -1 when the transform cannot be made. */
int ashi_icc_to_srgb(const unsigned char *icc, size_t len, const unsigned char *in,
                     unsigned char *out, size_t n);

#endif
