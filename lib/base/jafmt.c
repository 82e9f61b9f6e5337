/* jafmt.c — a diagnostic formatted in Japanese: the English format's
 * arguments, taken from the va_list by the English format's conversions,
 * printed by the Japanese format (in its own order, %n$ naming the n-th
 * argument). A string the Japanese format prints with %#s is a phrase the
 * library wrote in English (why a file cannot be used, what values are
 * allowed): it is put in Japanese first (ja.c); a name or a value from the
 * deck is printed with %s, as it is. Numbers are printed in the C locale (ashi_snprintf).
 * SPDX-License-Identifier: MIT */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base.h"

enum { MAX_ARGS = 16 };

typedef enum { A_INT, A_LONG, A_LLONG, A_SIZE, A_INTMAX, A_PTRDIFF, A_DOUBLE, A_STR, A_PTR } akind;

typedef struct {
    akind kind;
    union {
        long long i;
        double f;
        const char *s;
        void *p;
    } v;
    int prec_arg; /* a string's precision given as an argument (%.*s): its index, or -1 */
} arg;

typedef struct {
    int pos;             /* %n$: n, else 0 */
    int width_star, prec_star;
    int has_prec;
    char spec[24];       /* the conversion without n$ and stars: "%-5.1f" */
    char len[3], conv;
    const char *end;     /* just after it */
} conv;

/* The conversion at p (just after '%'); 0 when it is not one we print. */
static int parse_conv(const char *p, conv *c)
{
    memset(c, 0, sizeof *c);
    const char *q = p;
    if (*q >= '1' && *q <= '9') {
        const char *d = q;
        int n = 0;
        while (*d >= '0' && *d <= '9')
            n = n * 10 + (*d++ - '0');
        if (*d == '$') {
            c->pos = n;
            q = d + 1;
        }
    }
    size_t k = 0;
    c->spec[k++] = '%';
    while (*q && strchr("-+ #0", *q) && k < 8)
        c->spec[k++] = *q++;
    if (*q == '*') {
        c->width_star = 1;
        c->spec[k++] = '*';
        q++;
    } else {
        while (*q >= '0' && *q <= '9' && k < 12)
            c->spec[k++] = *q++;
    }
    if (*q == '.') {
        c->has_prec = 1;
        c->spec[k++] = *q++;
        if (*q == '*') {
            c->prec_star = 1;
            c->spec[k++] = '*';
            q++;
        } else {
            while (*q >= '0' && *q <= '9' && k < 18)
                c->spec[k++] = *q++;
        }
    }
    size_t l = 0;
    while (*q && strchr("hlzjt", *q) && l < 2) {
        c->len[l++] = *q;
        c->spec[k++] = *q++;
    }
    if (!*q || !strchr("diouxXcfFeEgGsp", *q))
        return 0;
    c->conv = *q;
    c->spec[k++] = *q++;
    c->spec[k] = 0;
    c->end = q;
    return 1;
}

static akind kind_of(const conv *c)
{
    if (c->conv == 's')
        return A_STR;
    if (c->conv == 'p')
        return A_PTR;
    if (strchr("fFeEgG", c->conv))
        return A_DOUBLE;
    if (!strcmp(c->len, "l"))
        return A_LONG;
    if (!strcmp(c->len, "ll"))
        return A_LLONG;
    if (!strcmp(c->len, "z"))
        return A_SIZE;
    if (!strcmp(c->len, "j"))
        return A_INTMAX;
    if (!strcmp(c->len, "t"))
        return A_PTRDIFF;
    return A_INT;
}

/* The English format's arguments, in order (stars first, as printf reads
 * them); the count, or -1 when the format has a conversion we cannot read. */
static int take_args(const char *en, va_list ap, arg *args)
{
    int n = 0;
    for (const char *p = en; (p = strchr(p, '%'));) {
        if (p[1] == '%') {
            p += 2;
            continue;
        }
        conv c;
        if (!parse_conv(p + 1, &c) || c.pos || n + 3 > MAX_ARGS)
            return -1;
        if (c.width_star)
            args[n++] = (arg){A_INT, {.i = va_arg(ap, int)}, -1};
        int prec = -1;
        if (c.prec_star) {
            prec = n;
            args[n++] = (arg){A_INT, {.i = va_arg(ap, int)}, -1};
        }
        arg a = {kind_of(&c), {0}, prec};
        int is_unsigned = strchr("ouxX", c.conv) != NULL;
        switch (a.kind) {
        case A_INT: a.v.i = is_unsigned ? (long long)va_arg(ap, unsigned) : va_arg(ap, int); break;
        case A_LONG:
            a.v.i = is_unsigned ? (long long)va_arg(ap, unsigned long) : va_arg(ap, long);
            break;
        case A_LLONG: a.v.i = (long long)va_arg(ap, unsigned long long); break;
        case A_SIZE: a.v.i = (long long)va_arg(ap, size_t); break;
        case A_INTMAX: a.v.i = (long long)va_arg(ap, intmax_t); break;
        case A_PTRDIFF: a.v.i = (long long)va_arg(ap, ptrdiff_t); break;
        case A_DOUBLE: a.v.f = va_arg(ap, double); break;
        case A_STR: a.v.s = va_arg(ap, const char *); break;
        case A_PTR: a.v.p = va_arg(ap, void *); break;
        }
        args[n++] = a;
        p = c.end;
    }
    return n;
}

/* One argument printed by one conversion (its stars given as numbers). */
static int put_one(char *out, size_t size, const conv *c, const arg *a, int width, int prec)
{
    int is_unsigned = strchr("ouxX", c->conv) != NULL;
    char spec[24];
    /* the stars written out, so that one call prints it */
    size_t k = 0;
    for (const char *s = c->spec; *s && k + 12 < sizeof spec; s++) {
        if (*s == '*') {
            int v = s > c->spec && s[-1] == '.' ? prec : width;
            k += (size_t)ashi_snprintf(spec + k, sizeof spec - k, "%d", v);
        } else {
            spec[k++] = *s;
        }
    }
    spec[k] = 0;
    switch (a->kind) {
    case A_STR: return ashi_snprintf(out, size, spec, a->v.s ? a->v.s : "(null)");
    case A_PTR: return ashi_snprintf(out, size, spec, a->v.p);
    case A_DOUBLE: return ashi_snprintf(out, size, spec, a->v.f);
    case A_INT:
        return is_unsigned ? ashi_snprintf(out, size, spec, (unsigned)a->v.i)
                           : ashi_snprintf(out, size, spec, (int)a->v.i);
    case A_LONG:
        return is_unsigned ? ashi_snprintf(out, size, spec, (unsigned long)a->v.i)
                           : ashi_snprintf(out, size, spec, (long)a->v.i);
    case A_LLONG:
        return is_unsigned ? ashi_snprintf(out, size, spec, (unsigned long long)a->v.i)
                           : ashi_snprintf(out, size, spec, a->v.i);
    case A_SIZE: return ashi_snprintf(out, size, spec, (size_t)a->v.i);
    case A_INTMAX: return ashi_snprintf(out, size, spec, (intmax_t)a->v.i);
    case A_PTRDIFF: return ashi_snprintf(out, size, spec, (ptrdiff_t)a->v.i);
    }
    return 0;
}

int ashi_ja_vformat(char *out, size_t size, const char *en, const char *ja, va_list ap)
{
    arg args[MAX_ARGS];
    int n = take_args(en, ap, args);
    if (n < 0 || size == 0)
        return -1;
    char phrase[512];
    size_t k = 0;
    int next = 0;
    for (const char *p = ja; *p && k + 1 < size;) {
        if (*p != '%') {
            out[k++] = *p++;
            continue;
        }
        if (p[1] == '%') {
            out[k++] = '%';
            p += 2;
            continue;
        }
        conv c;
        if (!parse_conv(p + 1, &c))
            return -1;
        int width = 0, prec = -1, idx;
        if (c.pos) {
            if (c.width_star || c.prec_star)
                return -1;
            idx = c.pos - 1;
        } else {
            if (c.width_star)
                width = next < n ? (int)args[next++].v.i : 0;
            if (c.prec_star)
                prec = next < n ? (int)args[next++].v.i : 0;
            idx = next++;
        }
        if (idx < 0 || idx >= n || kind_of(&c) != args[idx].kind)
            return -1;
        conv use = c;
        if (args[idx].prec_arg >= 0 && !c.has_prec) {
            /* a counted string (%.*s in English): its count comes along */
            ashi_snprintf(use.spec, sizeof use.spec, "%%.%ds", (int)args[args[idx].prec_arg].v.i);
        }
        arg a = args[idx];
        char *hash = strchr(use.spec, '#');
        if (hash) {
            /* %#s: a phrase the library wrote, said in Japanese where ja.c can */
            if (a.kind != A_STR || a.prec_arg >= 0)
                return -1;
            memmove(hash, hash + 1, strlen(hash));
            if (a.v.s && ashi_ja_phrase(a.v.s, phrase, sizeof phrase))
                a.v.s = phrase;
        }
        int w = put_one(out + k, size - k, &use, &a, width, prec);
        if (w > 0)
            k += (size_t)w < size - k ? (size_t)w : size - k - 1;
        p = c.end;
    }
    out[k] = 0;
    return 0;
}
