/* utf8.c — strict UTF-8 decoding and encoding.
 * SPDX-License-Identifier: MIT */
#include <string.h>

#include "base.h"

int ashi_utf8_next(const char *s, size_t len, size_t *pos, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s + *pos;
    size_t left = len - *pos;
    uint32_t c = p[0], min;
    size_t n;
    if (c < 0x80) {
        *cp = c;
        *pos += 1;
        return 0;
    } else if ((c & 0xE0) == 0xC0) {
        n = 2, c &= 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3, c &= 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4, c &= 0x07, min = 0x10000;
    } else {
        goto bad;
    }
    if (left < n)
        goto bad;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            goto bad;
        c = (c << 6) | (p[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        goto bad;
    *cp = c;
    *pos += n;
    return 0;
bad:
    *cp = 0xFFFD;
    *pos += 1;
    return -1;
}

size_t ashi_utf8_put(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    } else if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    } else if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t ashi_utf8_check(const char *s, size_t len)
{
    size_t pos = 0;
    uint32_t cp;
    while (pos < len) {
        size_t at = pos;
        if (ashi_utf8_next(s, len, &pos, &cp))
            return at;
    }
    return (size_t)-1;
}

int ashi_is_wide(uint32_t cp)
{
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

int ashi_is_attached(uint32_t cp)
{
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
           (cp >= 0xE0100 && cp <= 0xE01EF) || cp == 0x200D || cp == 0x3099 ||
           cp == 0x309A;
}

size_t ashi_utf8_chars(const char *s, size_t len)
{
    size_t pos = 0, n = 0;
    uint32_t cp;
    while (pos < len)
        if (ashi_utf8_next(s, len, &pos, &cp) == 0 && !ashi_is_attached(cp))
            n++;
    return n;
}

static int is_space_at(const char *s, size_t len, size_t pos, size_t *next)
{
    uint32_t cp;
    size_t p = pos;
    if (ashi_utf8_next(s, len, &p, &cp) == 0 && (cp == ' ' || cp == 0x3000)) {
        *next = p;
        return 1;
    }
    return 0;
}

int ashi_utf8_word(const char *s, size_t len, size_t *pos, size_t *w0, size_t *w1)
{
    size_t p = *pos, nx;
    while (p < len && is_space_at(s, len, p, &nx))
        p = nx;
    if (p >= len)
        return 0;
    *w0 = p;
    while (p < len && !is_space_at(s, len, p, &nx)) {
        uint32_t cp;
        ashi_utf8_next(s, len, &p, &cp);
    }
    *w1 = *pos = p;
    return 1;
}

size_t ashi_utf8_words(const char *s, size_t len)
{
    size_t n = 0, pos = 0, w0, w1;
    while (ashi_utf8_word(s, len, &pos, &w0, &w1))
        n++;
    return n;
}

int ashi_utf8_prefix(const char *s, size_t n, size_t max)
{
    if (n <= max)
        return (int)n;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return (int)max;
}

void ashi_utf8_trim(char *s)
{
    size_t n = strlen(s), k = n;
    /* back over continuation bytes to the character's lead */
    while (k > 0 && ((unsigned char)s[k - 1] & 0xC0) == 0x80 && n - k < 3)
        k--;
    if (k == 0)
        return;
    unsigned char lead = (unsigned char)s[k - 1];
    size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (lead >= 0xC0 && n - (k - 1) < want)
        s[k - 1] = 0;
}
