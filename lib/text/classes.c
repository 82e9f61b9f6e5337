/* classes.c — JLReq character classes for horizontal text and the basic
 * line-breaking rules between them. The full JLReq table is issue #3; this
 * is the place it grows.
 * SPDX-License-Identifier: MIT */
#include "text/text.h"

/* Characters of one class, as a sorted-free list of code points. */
static const uint32_t opening[] = {
    /* JLReq cl-01 opening brackets, full and half width */
    0x2018, 0x201C, 0x3008, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3016,
    0x3018, 0x301A, 0x301D, 0xFF08, 0xFF3B, 0xFF5B, 0xFF5F, 0xFF62, 0x00AB,
    '(', '[', '{',
};
static const uint32_t closing[] = {
    /* cl-02 closing brackets */
    0x2019, 0x201D, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3017,
    0x3019, 0x301B, 0x301E, 0x301F, 0xFF09, 0xFF3D, 0xFF5D, 0xFF60, 0xFF63,
    0x00BB, ')', ']', '}',
};
static const uint32_t nostart[] = {
    /* cl-04 dividing punctuation ！？‼⁇⁈⁉ */
    0xFF01, 0xFF1F, 0x203C, 0x2047, 0x2048, 0x2049,
    /* cl-05 middle dots ・：； */
    0x30FB, 0xFF1A, 0xFF1B, 0xFF65,
    /* cl-06 full stops 。． ; cl-07 commas 、， */
    0x3002, 0xFF0E, 0x3001, 0xFF0C, 0xFF61, 0xFF64,
    /* cl-09 iteration marks ヽヾゝゞ々〻 */
    0x30FD, 0x30FE, 0x309D, 0x309E, 0x3005, 0x303B,
    /* cl-10 prolonged sound mark ー */
    0x30FC, 0xFF70,
    /* cl-11 small kana */
    0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087,
    0x308E, 0x3095, 0x3096, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3,
    0x30E3, 0x30E5, 0x30E7, 0x30EE, 0x30F5, 0x30F6, 0x31F0, 0x31F1, 0x31F2,
    0x31F3, 0x31F4, 0x31F5, 0x31F6, 0x31F7, 0x31F8, 0x31F9, 0x31FA, 0x31FB,
    0x31FC, 0x31FD, 0x31FE, 0x31FF, 0xFF67, 0xFF68, 0xFF69, 0xFF6A, 0xFF6B,
    0xFF6C, 0xFF6D, 0xFF6E, 0xFF6F,
    /* cl-03 hyphens ‐〜゠– */
    0x2010, 0x301C, 0x30A0, 0x2013, 0xFF5E,
};
static const uint32_t inseparable[] = {
    /* cl-08 inseparable characters —…‥〳〴〵 */
    0x2014, 0x2015, 0x2025, 0x2026, 0x3033, 0x3034, 0x3035,
};
static const uint32_t prefix[] = {
    /* cl-12 prefixed abbreviations */
    0xFFE5, 0xFF04, 0xFFE1, 0x00A5, '$', 0x00A3, 0x20AC, '#', 0xFF03, 0x2116,
};
static const uint32_t postfix[] = {
    /* cl-13 postfixed abbreviations */
    0xFF05, '%', 0x2103, 0x2030, 0x00B0, 0x2032, 0x2033, 0x00A2, 0xFFE0, 0x2109,
};

static int in(const uint32_t *set, size_t n, uint32_t cp)
{
    for (size_t i = 0; i < n; i++)
        if (set[i] == cp)
            return 1;
    return 0;
}
#define IN(set, cp) in(set, sizeof set / sizeof set[0], cp)

ashi_jclass ashi_jclass_of(uint32_t cp)
{
    if (cp == ' ' || cp == '\t')
        return ASHI_CL_SPACE;
    if (IN(opening, cp))
        return ASHI_CL_OPEN;
    if (IN(closing, cp))
        return ASHI_CL_CLOSE;
    if (IN(nostart, cp))
        return ASHI_CL_NOSTART;
    if (IN(inseparable, cp))
        return ASHI_CL_INSEP;
    if (IN(prefix, cp))
        return ASHI_CL_PREFIX;
    if (IN(postfix, cp))
        return ASHI_CL_POSTFIX;
    /* Latin letters and digits, ASCII punctuation, Latin-1 and other
     * alphabetic scripts; full-width digits and letters too (cl-24, cl-27). */
    if ((cp > 0x20 && cp < 0x7F) || (cp >= 0xA0 && cp < 0x2000) ||
        (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
        (cp >= 0xFF41 && cp <= 0xFF5A))
        return ASHI_CL_ALNUM;
    /* The rest of the BMP's general punctuation behaves like letters for
     * breaking unless listed above (※ ○ ■ → …). */
    return ASHI_CL_IDEO;
}

int ashi_can_break(ashi_jclass a, ashi_jclass b)
{
    if (a == ASHI_CL_BREAK || b == ASHI_CL_BREAK)
        return 1;
    if (b == ASHI_CL_SPACE)
        return 0; /* spaces stay at the end of the line they follow */
    if (a == ASHI_CL_SPACE)
        return 1;
    if (b == ASHI_CL_CLOSE || b == ASHI_CL_NOSTART)
        return 0;
    if (a == ASHI_CL_OPEN)
        return 0;
    if (a == ASHI_CL_ALNUM && (b == ASHI_CL_ALNUM || b == ASHI_CL_POSTFIX))
        return 0;
    if (a == ASHI_CL_PREFIX && b == ASHI_CL_ALNUM)
        return 0;
    if (a == ASHI_CL_INSEP && b == ASHI_CL_INSEP)
        return 0;
    return 1;
}
