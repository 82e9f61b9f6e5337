/* kinsoku_check.c — reads `pdftotext -bbox-layout` output and reports
 * every line that starts with a character JLReq forbids at a line start or
 * ends with one it forbids at a line end. An oracle independent of the
 * library: the character lists are written out here again.
 * SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* closing brackets, 、。，．・：；！？‼⁇, small kana, ー, iteration marks */
static const char *const no_start[] = {
    "」", "』", "）", "］", "｝", "〕", "〉", "》", "】", "〙", "〗", "｠", "’", "”", "»",
    "、", "。", "，", "．", "・", "：", "；", "！", "？", "‼", "⁇", "ぁ", "ぃ", "ぅ", "ぇ",
    "ぉ", "っ", "ゃ", "ゅ", "ょ", "ゎ", "ゕ", "ゖ", "ァ", "ィ", "ゥ", "ェ", "ォ", "ッ", "ャ",
    "ュ", "ョ", "ヮ", "ヵ", "ヶ", "ー", "ゝ", "ゞ", "ヽ", "ヾ", "々", "〻", NULL};
/* opening brackets */
static const char *const no_end[] = {"「", "『", "（", "［", "｛", "〔", "〈", "《", "【",
                                     "〘", "〖", "｟", "‘", "“", "«", NULL};

static int starts_with_any(const char *s, const char *const *set)
{
    for (; *set; set++)
        if (strncmp(s, *set, strlen(*set)) == 0)
            return 1;
    return 0;
}

static int ends_with_any(const char *s, size_t n, const char *const *set)
{
    for (; *set; set++) {
        size_t k = strlen(*set);
        if (n >= k && memcmp(s + n - k, *set, k) == 0)
            return 1;
    }
    return 0;
}

int main(void)
{
    size_t cap = 1 << 20, len = 0;
    char *in = malloc(cap);
    size_t r;
    while (in && (r = fread(in + len, 1, cap - len - 1, stdin)) > 0) {
        len += r;
        if (len + 1 == cap) {
            char *bigger = realloc(in, cap *= 2);
            if (!bigger)
                return 2;
            in = bigger;
        }
    }
    if (!in)
        return 2;
    in[len] = 0;
    int page = 0;
    long lines = 0, bad = 0;
    char text[8192];
    for (char *p = in; (p = strstr(p, "<")) != NULL;) {
        if (strncmp(p, "<page ", 6) == 0) {
            page++;
            p++;
            continue;
        }
        if (strncmp(p, "<line ", 6) != 0) {
            p++;
            continue;
        }
        char *end = strstr(p, "</line>");
        if (!end)
            break;
        size_t n = 0, first_word_end = 0;
        int words = 0;
        for (char *w = p; (w = strstr(w, "<word ")) && w < end;) {
            char *t = strchr(w, '>') + 1, *te = strstr(t, "</word>");
            for (char *c = t; c < te && n + 1 < sizeof text; c++) {
                /* XML entities pdftotext writes */
                if (*c == '&') {
                    const char *ents[][2] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"},
                                             {"&quot;", "\""}, {"&apos;", "'"}};
                    for (size_t e = 0; e < 5; e++)
                        if (strncmp(c, ents[e][0], strlen(ents[e][0])) == 0) {
                            text[n++] = ents[e][1][0];
                            c += strlen(ents[e][0]) - 1;
                            goto next_char;
                        }
                }
                text[n++] = *c;
            next_char:;
            }
            w = te;
            if (++words == 1)
                first_word_end = n;
        }
        text[n] = 0;
        /* A list marker is a word of its own before the item's text: the
         * item's first character is what must obey the rule. */
        const char *start = text;
        if (words > 1 && first_word_end <= 4)
            start = text + first_word_end;
        lines++;
        if (starts_with_any(start, no_start)) {
            printf("page %d: line starts with a prohibited character: %s\n", page, text);
            bad++;
        }
        if (ends_with_any(text, n, no_end)) {
            printf("page %d: line ends with an opening bracket: %s\n", page, text);
            bad++;
        }
        p = end;
    }
    printf("%ld lines checked, %ld kinsoku violations\n", lines, bad);
    free(in);
    return bad || lines == 0 ? 1 : 0;
}
