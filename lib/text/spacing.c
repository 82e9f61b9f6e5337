/* spacing.c — where lines may break and how much space JLReq puts around
 * each character: half-em punctuation cores with their aki, compression
 * where punctuation meets, the quarter em between Japanese and Western
 * text. SPDX-License-Identifier: MIT */
#include <string.h>

#include "text/text.h"

ashi_text_opts ashi_text_opts_default(void)
{
    ashi_text_opts o = {.autospace = 1, .bracket_start_half = 1, .hanging = 0,
                        .kinsoku = ASHI_KINSOKU_STRICT};
    return o;
}

/* Counters and units that stay with the number before them, beyond JLReq
 * (50万円, 令和5年度, 30戸, 1.2倍) — every tool we compared splits these. */
static const uint32_t units[] = {
    0x4E07, /* 万 */ 0x5104, /* 億 */ 0x5146, /* 兆 */ 0x5343, /* 千 */ 0x767E, /* 百 */
    0x5186, /* 円 */ 0x5E74, /* 年 */ 0x6708, /* 月 */ 0x65E5, /* 日 */ 0x6642, /* 時 */
    0x5206, /* 分 */ 0x79D2, /* 秒 */ 0x5EA6, /* 度 */ 0x4EBA, /* 人 */ 0x540D, /* 名 */
    0x4EF6, /* 件 */ 0x56DE, /* 回 */ 0x500D, /* 倍 */ 0x5272, /* 割 */ 0x6B73, /* 歳 */
    0x500B, /* 個 */ 0x53F0, /* 台 */ 0x6821, /* 校 */ 0x793E, /* 社 */ 0x6238, /* 戸 */
    0x672C, /* 本 */ 0x679A, /* 枚 */ 0x518A, /* 冊 */ 0x968E, /* 階 */ 0x53F7, /* 号 */
    0x7B87, /* 箇 */ 0x6240, /* 所 */ 0x30F6, /* ヶ */ 0x9031, /* 週 */
    0x9593, /* 間 */ 0x672B, /* 末 */ 0x76EE, /* 目 */ 0x70B9, /* 点 */ 0x4F4D, /* 位 */
};

static int is_unit(uint32_t cp)
{
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (units[i] == cp)
            return 1;
    return 0;
}

/* An era name: 令和, 平成, 昭和, 大正, 明治 — kept with the year after it
 * (令和5年, 平成元年), as Japanese reports write dates. */
static int is_era(uint32_t a, uint32_t b)
{
    static const uint32_t eras[][2] = {
        {0x4EE4, 0x548C}, {0x5E73, 0x6210}, {0x662D, 0x548C}, {0x5927, 0x6B63}, {0x660E, 0x6CBB}};
    for (size_t i = 0; i < sizeof eras / sizeof eras[0]; i++)
        if (eras[i][0] == a && eras[i][1] == b)
            return 1;
    return 0;
}

/* Western letters and digits: where the quarter em to Japanese goes
 * (not next to Western punctuation such as the / in 円/年). */
static int alnum(const ashi_cluster *c)
{
    uint32_t cp = c->cp;
    return c->cls == ASHI_CL_DIGIT ||
           (c->cls == ASHI_CL_LATIN &&
            ((cp | 0x20) - 'a' < 26 || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
             (cp >= 0x370 && cp <= 0x4FF) || (cp >= 0xFF21 && cp <= 0xFF5A)));
}

/* Punctuation set on a half-em core with JLReq spacing around it: the
 * full-width forms (half-width forms stay tight). */
static int spaced_punct(const ashi_cluster *c)
{
    if (c->palt) /* proportional punctuation: as the font sets it (palt) */
        return 0;
    switch (c->cls) {
    case ASHI_CL_OPEN:
    case ASHI_CL_CLOSE:
    case ASHI_CL_COMMA:
    case ASHI_CL_FULL_STOP:
    case ASHI_CL_MIDDLE_DOT:
        return ashi_is_wide(c->cp) || (c->cp >= 0x2018 && c->cp <= 0x201D);
    default:
        return 0;
    }
}

static int closing_like(const ashi_cluster *c)
{
    return spaced_punct(c) &&
           (c->cls == ASHI_CL_CLOSE || c->cls == ASHI_CL_COMMA || c->cls == ASHI_CL_FULL_STOP);
}

/* Whether the run of spaces ending at cluster i follows a ※. */
static int after_reference_mark(const ashi_cluster *cl, size_t i)
{
    while (i > 0 && cl[i].cls == ASHI_CL_SPACE)
        i--;
    return cl[i].cp == 0x203B;
}

/* The characters a URL or e-mail address may break after. */
static int url_mark(uint32_t cp)
{
    return cp == '/' || cp == '.' || cp == '-' || cp == '_' || cp == '?' || cp == '&' ||
           cp == '=' || cp == '@';
}

/* Whether the text t[0, len), printable ASCII without spaces, is a URL
 * (a scheme's "://", or "www.") or an e-mail address (x@y.z). */
static int is_url(const char *t, size_t len)
{
    if (len >= 4 && memcmp(t, "www.", 4) == 0)
        return 1;
    for (size_t i = 0; i + 3 <= len; i++)
        if (memcmp(t + i, "://", 3) == 0)
            return i > 0;
    const char *at = memchr(t, '@', len);
    return at && at > t && memchr(at + 1, '.', len - (size_t)(at + 1 - t)) != NULL &&
           t[len - 1] != '@';
}

/* Inside each URL and e-mail address, breaks only after / . - _ ? & = @
 * (not inside a run of them: https:// stays whole), each at a cost, and
 * none elsewhere: not at its digits, nor before its ! or ?. */
static void mark_urls(ashi_para *p)
{
    ashi_cluster *cl = p->clusters;
    size_t n = p->nclusters;
    for (size_t s = 0; s < n;) {
        size_t e = s;
        while (e < n && cl[e].cp > 0x20 && cl[e].cp < 0x7F && cl[e].len == 1)
            e++;
        if (e == s) {
            s++;
            continue;
        }
        if (is_url(p->text + cl[s].off, cl[e - 1].off + 1 - cl[s].off))
            for (size_t i = s + 1; i < e; i++) {
                int ok = url_mark(cl[i - 1].cp) && !url_mark(cl[i].cp) &&
                         !ashi_jclass_no_start((ashi_jclass)cl[i].cls);
                cl[i].brk = ok ? ASHI_BRK_OK : ASHI_BRK_NO;
                cl[i].soft = ok ? ASHI_SOFT_URL : ASHI_SOFT_NONE;
            }
        s = e;
    }
}

/* Break opportunities: JLReq's prohibitions plus numbers with units. */
static void mark_breaks(ashi_para *p, ashi_kinsoku kinsoku)
{
    ashi_cluster *cl = p->clusters;
    int chain = 0; /* inside a number and its units */
    for (size_t i = 0; i < p->nclusters; i++) {
        ashi_cluster *b = &cl[i];
        if (b->cls == ASHI_CL_BREAK) {
            b->brk = ASHI_BRK_FORCED;
            chain = 0;
            continue;
        }
        if (i == 0 || cl[i - 1].cls == ASHI_CL_BREAK) {
            b->brk = ASHI_BRK_NO;
            chain = b->cls == ASHI_CL_DIGIT;
            continue;
        }
        const ashi_cluster *a = &cl[i - 1];
        ashi_jclass ca = (ashi_jclass)a->cls, cb = (ashi_jclass)b->cls;
        int ok = 1, soft = 0;
        if (b->group && b->group == a->group)
            ok = 0; /* inside <nobr> or a ruby base */
        else if (cb == ASHI_CL_SPACE)
            ok = 0; /* spaces stay at the end of the line they follow */
        else if (ca == ASHI_CL_SPACE)
            ok = !after_reference_mark(cl, i - 1); /* ※ 27日 */
        else if (ashi_jclass_no_start_at(cb, kinsoku) || ca == ASHI_CL_OPEN)
            ok = 0;
        else if (ca == ASHI_CL_INSEP && cb == ASHI_CL_INSEP && a->cp == b->cp)
            ok = 0; /* …… —— */
        else if ((ca == ASHI_CL_PREFIX && ashi_jclass_is_word(cb)) ||
                 (ashi_jclass_is_word(ca) && cb == ASHI_CL_POSTFIX))
            ok = 0; /* ￥500, 50％ */
        else if (ashi_jclass_is_word(ca) && ashi_jclass_is_word(cb))
            ok = 0; /* words and numbers, 7,498 and 2.7t included */
        else if (a->cp == 0x203B)
            ok = 0; /* ※ stays with what follows */
        else if ((cb == ASHI_CL_DIGIT || b->cp == 0x5143 /* 元 */) && i >= 2 &&
                 is_era(cl[i - 2].cp, a->cp))
            ok = 0, soft = ASHI_SOFT_ERA; /* 令和5年, 平成元年 */
        else if (a->cp == 0x5143 && b->cp == 0x5E74 && i >= 3 && is_era(cl[i - 3].cp, cl[i - 2].cp))
            ok = 0, soft = ASHI_SOFT_UNIT; /* 元年 after an era */
        else if (is_era(a->cp, b->cp) && i + 1 < p->nclusters &&
                 (cl[i + 1].cls == ASHI_CL_DIGIT || cl[i + 1].cp == 0x5143))
            ok = 0; /* nor the era name itself */
        else if (chain && (cb == ASHI_CL_IDEO || cb == ASHI_CL_KANA) &&
                 (ca == ASHI_CL_DIGIT || is_unit(b->cp)))
            ok = 0, soft = ASHI_SOFT_UNIT; /* 50万円, 30戸 */
        else if (chain && ca != ASHI_CL_DIGIT && b->cp == '/' && i + 1 < p->nclusters &&
                 is_unit(cl[i + 1].cp))
            ok = 0, soft = ASHI_SOFT_UNIT; /* 5,400円/年 */
        else if (chain && a->cp == '/' && is_unit(b->cp))
            ok = 0, soft = ASHI_SOFT_UNIT;
        b->brk = ok ? ASHI_BRK_OK : ASHI_BRK_NO;
        b->soft = (uint8_t)soft;
        /* The chain starts at a digit and goes on through the digits, their
         * separators and the units bound to them. */
        chain = cb == ASHI_CL_DIGIT ||
                (chain && !ok &&
                 (ashi_jclass_is_word(cb) || is_unit(b->cp) || b->cp == '/' ||
                  (ca == ASHI_CL_DIGIT && (cb == ASHI_CL_IDEO || cb == ASHI_CL_KANA))));
    }
    mark_urls(p);
}

/* A Western space beside a spaced ・ (「A ・ B」): the dot's own quarter
 * em is the space there, so the source space takes none. */
static int dot_space(const ashi_cluster *cl, size_t n, size_t i)
{
    return cl[i].cls == ASHI_CL_SPACE &&
           ((i > 0 && cl[i - 1].cls == ASHI_CL_MIDDLE_DOT && spaced_punct(&cl[i - 1])) ||
            (i + 1 < n && cl[i + 1].cls == ASHI_CL_MIDDLE_DOT && spaced_punct(&cl[i + 1])));
}

/* What the gap between a and b may do in justification (JLReq 3.8: the
 * aki of punctuation and between scripts first, then between Japanese
 * characters; never before 、。 or a closing bracket, after an opening
 * one, inside ―― ……, a word or a number). da, db: a or b is a space
 * beside a ・ (dot_space). */
static int gap_kind(const ashi_cluster *a, const ashi_cluster *b, int da, int db)
{
    ashi_jclass ca = (ashi_jclass)a->cls, cb = (ashi_jclass)b->cls;
    if (da || db) /* the dot's aki, once: the other side of the space is tight */
        return (da && cb == ASHI_CL_MIDDLE_DOT) || (db && ca == ASHI_CL_MIDDLE_DOT)
                   ? ASHI_GAP_PUNCT
                   : ASHI_GAP_NONE;
    if (ca == ASHI_CL_SPACE)
        return ASHI_GAP_SPACE; /* a space stretches once, after it */
    if (cb == ASHI_CL_SPACE || cb == ASHI_CL_CLOSE || cb == ASHI_CL_COMMA ||
        cb == ASHI_CL_FULL_STOP || cb == ASHI_CL_DIVIDING || ca == ASHI_CL_OPEN ||
        (ca == ASHI_CL_INSEP && cb == ASHI_CL_INSEP))
        return ASHI_GAP_NONE;
    if ((ashi_jclass_is_word(ca) && ashi_jclass_is_word(cb)) || ca == ASHI_CL_PREFIX ||
        cb == ASHI_CL_POSTFIX)
        return ASHI_GAP_NONE;
    if ((ashi_jclass_is_japanese(ca) && alnum(b)) || (alnum(a) && ashi_jclass_is_japanese(cb)))
        return ASHI_GAP_SCRIPT;
    if (closing_like(a) || (cb == ASHI_CL_OPEN && spaced_punct(b)) ||
        (ca == ASHI_CL_MIDDLE_DOT && spaced_punct(a)) ||
        (cb == ASHI_CL_MIDDLE_DOT && spaced_punct(b)))
        return ASHI_GAP_PUNCT;
    if (ashi_jclass_is_word(ca) || ashi_jclass_is_word(cb))
        return ASHI_GAP_NONE; /* Western punctuation: 円/年 */
    return ASHI_GAP_CHAR;
}

void ashi_space(ashi_para *p, const ashi_text_opts *o)
{
    ashi_cluster *cl = p->clusters;
    mark_breaks(p, o->kinsoku);
    /* Each cluster's own aki (in its em), its core and glyph shift. */
    for (size_t i = 0; i < p->nclusters; i++) {
        ashi_cluster *c = &cl[i];
        c->shift = 0;
        c->lead = c->trail = 0;
        if (!spaced_punct(c))
            continue;
        float em = c->size, half = em / 2;
        int full = c->width > em * 0.75f;
        switch (c->cls) {
        case ASHI_CL_OPEN:
            c->shift = full ? -half : 0;
            c->lead = half; /* aki before, kept in lead for now */
            break;
        case ASHI_CL_MIDDLE_DOT:
            c->shift = full ? -em / 4 : (c->width < half ? (half - c->width) / 2 : 0);
            c->lead = c->trail = em / 4;
            break;
        default: /* closing brackets, commas, full stops */
            c->trail = half; /* aki after */
            break;
        }
        c->width = half;
    }
    for (size_t i = 0; i < p->nclusters; i++)
        if (dot_space(cl, p->nclusters, i))
            cl[i].width = 0;
    /* The space between neighbours, with JLReq's compressions. */
    for (size_t i = 0; i + 1 < p->nclusters; i++) {
        ashi_cluster *a = &cl[i], *b = &cl[i + 1];
        float after = a->trail, bef = b->lead, after_min = 0;
        if (a->cls == ASHI_CL_FULL_STOP && spaced_punct(a))
            after_min = after; /* a full stop keeps its space inside a line */
        if (closing_like(b) || (b->cls == ASHI_CL_MIDDLE_DOT && spaced_punct(b) &&
                                closing_like(a))) {
            after = after_min = 0; /* 」」 。」 、」 」・ : tight */
        } else if (a->cls == ASHI_CL_OPEN && spaced_punct(a) && b->cls == ASHI_CL_OPEN &&
                   spaced_punct(b)) {
            bef = 0; /* 「『 */
        } else if (closing_like(a) && b->cls == ASHI_CL_OPEN && spaced_punct(b)) {
            bef = 0; /* 」「 。「 : half an em between them */
            after_min = 0;
        }
        a->gap = after + bef + a->tracking;
        a->gap_min = after_min + a->tracking;
        a->gap_kind = (uint8_t)gap_kind(a, b, dot_space(cl, p->nclusters, i),
                                        dot_space(cl, p->nclusters, i + 1));
        if (a->gap_kind == ASHI_GAP_SCRIPT && o->autospace) {
            float em = a->size < b->size ? a->size : b->size;
            a->gap += em / 4;
            a->gap_min += em / 8;
        }
    }
    /* At a line's edges: an opening bracket starting a line may drop its
     * space; closing brackets, commas and full stops end a line tight. */
    for (size_t i = 0; i < p->nclusters; i++) {
        ashi_cluster *c = &cl[i];
        if (!spaced_punct(c))
            continue;
        if (c->cls == ASHI_CL_OPEN && o->bracket_start_half)
            c->lead = 0;
        if (closing_like(c))
            c->trail = 0;
    }
    ashi_ruby_space(p);
}
