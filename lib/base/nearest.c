/* nearest.c — the valid name nearest to a misspelt one, for a
 * diagnostic's "did you mean". SPDX-License-Identifier: MIT */
#include <string.h>

#include "base.h"

/* Edit distance of a and b (ASCII names), insertions, deletions,
 * substitutions and swaps of neighbours costing one; stops counting past
 * cap (returns cap + 1). */
static size_t distance(const char *a, const char *b, size_t cap)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return cap + 1;
    size_t d[65][65];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            size_t c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < c)
                c = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < c)
                c = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < c)
                c = d[i - 2][j - 2] + 1;
            d[i][j] = c;
        }
    return d[la][lb] > cap ? cap + 1 : d[la][lb];
}

const char *ashi_nearest(const char *word, const char *const *names, size_t n, char *buf,
                         size_t size)
{
    size_t wl = strlen(word), cap = wl < 4 ? 1 : wl < 8 ? 2 : 3, best = cap + 1;
    const char *found = NULL;
    int ties = 0;
    if (wl < 2)
        return NULL; /* one letter is near too much to mean anything */
    for (size_t i = 0; i < n; i++) {
        if (!names[i] || !strcmp(names[i], word))
            continue;
        size_t k = distance(word, names[i], cap);
        if (k < best) {
            best = k;
            found = names[i];
            ties = 0;
        } else if (k == best && found && strcmp(found, names[i])) {
            ties++;
        }
    }
    if (!found || ties || !size)
        return NULL;
    ashi_snprintf(buf, size, "%s", found);
    return buf;
}

const char *ashi_nearest_word(const char *word, const char *words, char *buf, size_t size)
{
    /* the space-separated words, at most 64 of up to 63 bytes */
    char copy[64][64];
    const char *names[64];
    size_t n = 0;
    for (const char *s = words; s && *s && n < 64;) {
        while (*s == ' ')
            s++;
        size_t l = strcspn(s, " ");
        if (!l)
            break;
        if (l < 64) {
            memcpy(copy[n], s, l);
            copy[n][l] = 0;
            names[n] = copy[n];
            n++;
        }
        s += l;
    }
    return ashi_nearest(word, names, n, buf, size);
}

const char *ashi_did_you_mean(const char *name, const char *open, const char *close, char *buf,
                              size_t size)
{
    if (!name || !size)
        return "";
    ashi_snprintf(buf, size, ASHI_DID_YOU_MEAN "%s%s%s?", open, name, close);
    return buf;
}
