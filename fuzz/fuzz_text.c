/* fuzz_text.c — libFuzzer target: the text engine on arbitrary bytes as
 * UTF-8 (invalid sequences included) at an arbitrary width: shaping,
 * spacing, line breaking, justification. SPDX-License-Identifier: MIT */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "text/text.h"

/* the fonts, read and checked once for the whole run, as a program that
 * renders many documents would (a cache of the harness, not of the
 * library) */
static ashi_font_cache *fonts;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    if (!fonts && !(fonts = ashi_font_cache_create()))
        return 0;
    /* first byte: width; second: options */
    double width = 4 + data[0] * 2.0;
    int flags = data[1];
    const char *text = (const char *)data + 2;
    size_t len = size - 2;
    ashi_arena *a = ashi_arena_new(NULL);
    if (!a)
        return 0;
    ashi_diags d = {.arena = a, .file = "fuzz"};
    ashi_doc doc;
    memset(&doc, 0, sizeof doc);
    ashi_theme t;
    ashi_fontset fs;
    const char *dirs[] = {ASHI_FUZZ_FONTDIR};
    if (ashi_style_resolve(&doc, 0, NULL, dirs, 1, a, &d, &t) == 0 &&
        ashi_fontset_open(&fs, &t, fonts, a, &d) == 0) {
        /* the text engine takes valid UTF-8 (the XML layer checks it) */
        if (ashi_utf8_check(text, len) == (size_t)-1) {
            /* with flag 128, text is A \1 base \1 reading \1 C: a ruby
             * (mode from the reading's length) between two spans */
            ashi_span s[4];
            memset(s, 0, sizeof s);
            s[0].text = text;
            s[0].len = len;
            s[0].size = 10;
            s[0].bold = flags & 1;
            s[0].group = flags & 2 ? 1 : 0;
            size_t ns = 1;
            const char *cut[3] = {0};
            if (flags & 128) {
                const char *q = text, *end = text + len;
                for (int k = 0; k < 3 && q < end; k++)
                    if ((cut[k] = memchr(q, 1, (size_t)(end - q))))
                        q = cut[k] + 1;
            }
            if (cut[0] && cut[1] && cut[2]) {
                s[0].len = (size_t)(cut[0] - text);
                s[1] = s[0];
                s[1].text = cut[0] + 1;
                s[1].len = (size_t)(cut[1] - cut[0] - 1);
                s[1].ruby = cut[1] + 1;
                s[1].ruby_len = (size_t)(cut[2] - cut[1] - 1);
                s[1].ruby_mode = (int)(s[1].ruby_len % 3);
                s[1].group = s[1].ruby_mode == ASHI_RUBY_GROUP ? 2 : 0;
                s[2] = s[0];
                s[2].text = cut[2] + 1;
                s[2].len = (size_t)(text + len - cut[2] - 1);
                ns = 3;
            }
            s[ns] = s[0];
            s[ns].brk = 1;
            ashi_para p;
            if (ashi_shape(&fs, s, flags & 4 ? ns + 1 : ns, a, &d, &p) == 0) {
                ashi_text_opts o = ashi_text_opts_default();
                o.hanging = flags & 8;
                o.autospace = !(flags & 16);
                ashi_space(&p, &o);
                ashi_line *lines;
                size_t n;
                ashi_break_lines(&p, width, flags & 32 ? width / 3 : 0,
                                 flags & 64 ? ASHI_ALIGN_JUSTIFY : ASHI_ALIGN_START, &o, a, &d,
                                 &lines, &n);
                double mn, mx;
                ashi_para_extent(&p, &o, NULL, &mn, &mx);
            }
        }
        ashi_fontset_close(&fs);
    }
    ashi_arena_free(a);
    return 0;
}
