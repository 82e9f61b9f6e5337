/* num.c — locale-independent parsing and formatting of numbers and
 * lengths. SPDX-License-Identifier: MIT */
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base.h"

/* Parses [+-]digits[.digits] at s; returns characters used (0: none). */
static size_t scan_decimal(const char *s, double *out)
{
    size_t i = 0;
    int neg = 0, digits = 0;
    double v = 0, scale = 1;
    if (s[i] == '+' || s[i] == '-')
        neg = s[i++] == '-';
    while (s[i] >= '0' && s[i] <= '9' && digits < 15) {
        v = v * 10 + (s[i++] - '0');
        digits++;
    }
    if (s[i] >= '0' && s[i] <= '9')
        return 0; /* absurdly long: refuse rather than lose precision */
    if (s[i] == '.') {
        i++;
        while (s[i] >= '0' && s[i] <= '9') {
            if (scale > 1e-9) {
                scale /= 10;
                v += (s[i] - '0') * scale;
            }
            i++;
            digits++;
        }
    }
    if (!digits)
        return 0;
    *out = neg ? -v : v;
    return i;
}

int ashi_parse_number(const char *s, double *out)
{
    size_t n = scan_decimal(s, out);
    return n && s[n] == 0 && isfinite(*out) ? 0 : -1;
}

int ashi_parse_length(const char *s, double *pt)
{
    static const struct {
        const char *unit;
        double factor;
    } units[] = {
        {"pt", 1.0}, {"mm", 72.0 / 25.4}, {"cm", 72.0 / 2.54}, {"in", 72.0},
    };
    double v;
    size_t n = scan_decimal(s, &v);
    if (!n)
        return -1;
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (strcmp(s + n, units[i].unit) == 0) {
            *pt = v * units[i].factor;
            return 0;
        }
    }
    return -2;
}

void ashi_rgb_to_cmyk(uint32_t rgb, double v[4])
{
    double r = ((rgb >> 16) & 0xFF) / 255.0, g = ((rgb >> 8) & 0xFF) / 255.0,
           b = (rgb & 0xFF) / 255.0;
    double k = 1 - fmax(r, fmax(g, b));
    v[3] = k;
    v[0] = k < 1 ? (1 - r - k) / (1 - k) : 0;
    v[1] = k < 1 ? (1 - g - k) / (1 - k) : 0;
    v[2] = k < 1 ? (1 - b - k) / (1 - k) : 0;
}

void ashi_cmyk_to_rgb(const uint8_t percent[4], double rgb[3])
{
    for (int i = 0; i < 3; i++)
        rgb[i] = (1 - percent[i] / 100.0) * (1 - percent[3] / 100.0);
}

/* The host program's locale is its own (setlocale in a German program
 * makes printf write 1234,5): every number this library formats is
 * formatted in the C locale, switched for this thread only while it
 * formats (uselocale; glibc and musl give the C locale without
 * allocating, so newlocale cannot fail here). */
int ashi_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    locale_t was = c ? uselocale(c) : (locale_t)0;
    int n = vsnprintf(buf, size, fmt, ap);
    if (c) {
        uselocale(was);
        freelocale(c);
    }
    return n;
}

int ashi_snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = ashi_vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
