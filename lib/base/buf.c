/* buf.c — growable byte buffer with locale-independent number output.
 * SPDX-License-Identifier: MIT */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"

static int reserve(ashi_buf *b, size_t extra)
{
    if (b->oom)
        return -1;
    if (extra > SIZE_MAX / 2 - b->len) {
        b->oom = 1;
        return -1;
    }
    if (b->len + extra + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = ashi_realloc(b->mem, b->data, cap);
    if (!p) {
        b->oom = 1;
        return -1;
    }
    b->data = p;
    b->cap = cap;
    return 0;
}

void ashi_buf_append(ashi_buf *b, const void *p, size_t n)
{
    if (reserve(b, n))
        return;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = 0;
}

void ashi_buf_puts(ashi_buf *b, const char *s) { ashi_buf_append(b, s, strlen(s)); }

void ashi_buf_putc(ashi_buf *b, char c) { ashi_buf_append(b, &c, 1); }

void ashi_buf_printf(ashi_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    va_list ap2;
    va_copy(ap2, ap);
    int n = ashi_vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) {
        va_end(ap2);
        b->oom = 1;
        return;
    }
    if ((size_t)n < sizeof tmp) {
        ashi_buf_append(b, tmp, (size_t)n);
    } else if (!reserve(b, (size_t)n)) {
        ashi_vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    }
    va_end(ap2);
}

/* Digits of u, most significant first, into out; returns their count. */
static size_t digits(unsigned long long u, char *out)
{
    char tmp[24];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    for (size_t i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    return n;
}

void ashi_buf_num(ashi_buf *b, double v, int decimals)
{
    static const long long scale[] = {1, 10, 100, 1000, 10000};
    if (decimals < 0)
        decimals = 0;
    if (decimals > 4)
        decimals = 4;
    if (!isfinite(v) || fabs(v) > 1e12)
        v = 0;
    long long s = scale[decimals];
    long long q = llround(v * (double)s);
    char tmp[48];
    size_t n = 0;
    unsigned long long u = q < 0 ? (unsigned long long)(-q) : (unsigned long long)q;
    unsigned long long ip = u / (unsigned long long)s, fp = u % (unsigned long long)s;
    if (q < 0)
        tmp[n++] = '-';
    n += digits(ip, tmp + n);
    if (fp) {
        /* the decimals, leading zeros kept, trailing ones dropped */
        tmp[n++] = '.';
        int d = decimals;
        while (fp % 10 == 0) {
            fp /= 10;
            d--;
        }
        char frac[8];
        size_t fl = digits(fp, frac);
        for (size_t z = fl; z < (size_t)d; z++)
            tmp[n++] = '0';
        memcpy(tmp + n, frac, fl);
        n += fl;
    }
    ashi_buf_append(b, tmp, n);
}

void ashi_buf_hex4(ashi_buf *b, unsigned v)
{
    static const char hex[] = "0123456789ABCDEF";
    char t[4] = {hex[(v >> 12) & 15], hex[(v >> 8) & 15], hex[(v >> 4) & 15], hex[v & 15]};
    ashi_buf_append(b, t, 4);
}

void ashi_buf_free(ashi_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
