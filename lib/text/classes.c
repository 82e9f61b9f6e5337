/* classes.c — JLReq character classes for horizontal text (W3C JLReq
 * Appendix A, cl-01 to cl-27, the ones horizontal slides need), as one
 * table of ranges, full-width and half-width forms together.
 * SPDX-License-Identifier: MIT */
#include <stddef.h>

#include "text/text.h"

typedef struct range {
    uint32_t first, last;
    uint8_t cls;
} range;

/* Sorted by first code point; characters not listed are Western (below
 * U+2E80 and outside the wide blocks) or ideographic (wide). */
static const range table[] = {
    {0x0009, 0x0009, ASHI_CL_SPACE},      /* tab, treated as a Western space */
    {0x0020, 0x0020, ASHI_CL_SPACE},      /* Western space */
    {0x0021, 0x0021, ASHI_CL_DIVIDING},   /* cl-04 ! (JLReq: as ！) */
    {0x0024, 0x0024, ASHI_CL_PREFIX},     /* cl-12 $ */
    {0x0025, 0x0025, ASHI_CL_POSTFIX},    /* cl-13 % */
    {0x0028, 0x0028, ASHI_CL_OPEN},       /* cl-01 ( */
    {0x0029, 0x0029, ASHI_CL_CLOSE},      /* cl-02 ) */
    {0x0030, 0x0039, ASHI_CL_DIGIT},      /* cl-23/24 digits 0-9 */
    {0x003F, 0x003F, ASHI_CL_DIVIDING},   /* ? */
    {0x005B, 0x005B, ASHI_CL_OPEN},       /* [ */
    {0x005D, 0x005D, ASHI_CL_CLOSE},      /* ] */
    {0x007B, 0x007B, ASHI_CL_OPEN},       /* { */
    {0x007D, 0x007D, ASHI_CL_CLOSE},      /* } */
    {0x00A2, 0x00A2, ASHI_CL_POSTFIX},    /* ¢ */
    {0x00A3, 0x00A3, ASHI_CL_PREFIX},     /* £ */
    {0x00A5, 0x00A5, ASHI_CL_PREFIX},     /* ¥ */
    {0x00AB, 0x00AB, ASHI_CL_OPEN},       /* « */
    {0x00B0, 0x00B0, ASHI_CL_POSTFIX},    /* ° */
    {0x00BB, 0x00BB, ASHI_CL_CLOSE},      /* » */
    {0x2010, 0x2010, ASHI_CL_HYPHEN},     /* cl-03 ‐ hyphen */
    {0x2013, 0x2013, ASHI_CL_HYPHEN},     /* – en dash */
    {0x2014, 0x2015, ASHI_CL_INSEP},      /* cl-08 — ― dashes */
    {0x2018, 0x2018, ASHI_CL_OPEN},       /* ‘ */
    {0x2019, 0x2019, ASHI_CL_CLOSE},      /* ’ */
    {0x201C, 0x201C, ASHI_CL_OPEN},       /* “ */
    {0x201D, 0x201D, ASHI_CL_CLOSE},      /* ” */
    {0x2025, 0x2026, ASHI_CL_INSEP},      /* ‥ … leaders */
    {0x2030, 0x2030, ASHI_CL_POSTFIX},    /* ‰ */
    {0x2032, 0x2033, ASHI_CL_POSTFIX},    /* ′ ″ */
    {0x203C, 0x203C, ASHI_CL_DIVIDING},   /* cl-04 ‼ */
    {0x2047, 0x2049, ASHI_CL_DIVIDING},   /* ⁇ ⁈ ⁉ */
    {0x20AC, 0x20AC, ASHI_CL_PREFIX},     /* € */
    {0x2103, 0x2103, ASHI_CL_POSTFIX},    /* ℃ */
    {0x2109, 0x2109, ASHI_CL_POSTFIX},    /* ℉ */
    {0x2113, 0x2113, ASHI_CL_POSTFIX},    /* ℓ */
    {0x2116, 0x2116, ASHI_CL_PREFIX},     /* № */
    {0x3000, 0x3000, ASHI_CL_IDEO_SPACE}, /* cl-14 ideographic space */
    {0x3001, 0x3001, ASHI_CL_COMMA},      /* cl-07 、 */
    {0x3002, 0x3002, ASHI_CL_FULL_STOP},  /* cl-06 。 */
    {0x3005, 0x3005, ASHI_CL_ITERATION},  /* cl-09 々 */
    {0x3008, 0x3008, ASHI_CL_OPEN},       /* 〈 */
    {0x3009, 0x3009, ASHI_CL_CLOSE},      /* 〉 */
    {0x300A, 0x300A, ASHI_CL_OPEN},       /* 《 */
    {0x300B, 0x300B, ASHI_CL_CLOSE},      /* 》 */
    {0x300C, 0x300C, ASHI_CL_OPEN},       /* 「 */
    {0x300D, 0x300D, ASHI_CL_CLOSE},      /* 」 */
    {0x300E, 0x300E, ASHI_CL_OPEN},       /* 『 */
    {0x300F, 0x300F, ASHI_CL_CLOSE},      /* 』 */
    {0x3010, 0x3010, ASHI_CL_OPEN},       /* 【 */
    {0x3011, 0x3011, ASHI_CL_CLOSE},      /* 】 */
    {0x3014, 0x3014, ASHI_CL_OPEN},       /* 〔 */
    {0x3015, 0x3015, ASHI_CL_CLOSE},      /* 〕 */
    {0x3016, 0x3016, ASHI_CL_OPEN},       /* 〖 */
    {0x3017, 0x3017, ASHI_CL_CLOSE},      /* 〗 */
    {0x3018, 0x3018, ASHI_CL_OPEN},       /* 〘 */
    {0x3019, 0x3019, ASHI_CL_CLOSE},      /* 〙 */
    {0x301A, 0x301A, ASHI_CL_OPEN},       /* 〚 */
    {0x301B, 0x301B, ASHI_CL_CLOSE},      /* 〛 */
    {0x301C, 0x301C, ASHI_CL_HYPHEN},     /* 〜 wave dash */
    {0x301D, 0x301D, ASHI_CL_OPEN},       /* 〝 */
    {0x301E, 0x301F, ASHI_CL_CLOSE},      /* 〞 〟 */
    {0x3033, 0x3035, ASHI_CL_INSEP},      /* 〳 〴 〵 */
    {0x303B, 0x303B, ASHI_CL_ITERATION},  /* 〻 */
    {0x3041, 0x3041, ASHI_CL_SMALL_KANA}, /* cl-11 ぁ */
    {0x3042, 0x3042, ASHI_CL_KANA},       /* cl-15 hiragana ... */
    {0x3043, 0x3043, ASHI_CL_SMALL_KANA}, /* ぃ */
    {0x3044, 0x3044, ASHI_CL_KANA},
    {0x3045, 0x3045, ASHI_CL_SMALL_KANA}, /* ぅ */
    {0x3046, 0x3046, ASHI_CL_KANA},
    {0x3047, 0x3047, ASHI_CL_SMALL_KANA}, /* ぇ */
    {0x3048, 0x3048, ASHI_CL_KANA},
    {0x3049, 0x3049, ASHI_CL_SMALL_KANA}, /* ぉ */
    {0x304A, 0x3062, ASHI_CL_KANA},
    {0x3063, 0x3063, ASHI_CL_SMALL_KANA}, /* っ */
    {0x3064, 0x3082, ASHI_CL_KANA},
    {0x3083, 0x3083, ASHI_CL_SMALL_KANA}, /* ゃ */
    {0x3084, 0x3084, ASHI_CL_KANA},
    {0x3085, 0x3085, ASHI_CL_SMALL_KANA}, /* ゅ */
    {0x3086, 0x3086, ASHI_CL_KANA},
    {0x3087, 0x3087, ASHI_CL_SMALL_KANA}, /* ょ */
    {0x3088, 0x308D, ASHI_CL_KANA},
    {0x308E, 0x308E, ASHI_CL_SMALL_KANA}, /* ゎ */
    {0x308F, 0x3094, ASHI_CL_KANA},
    {0x3095, 0x3096, ASHI_CL_SMALL_KANA}, /* ゕ ゖ */
    {0x3099, 0x309C, ASHI_CL_KANA},       /* voicing marks */
    {0x309D, 0x309E, ASHI_CL_ITERATION},  /* ゝ ゞ */
    {0x30A0, 0x30A0, ASHI_CL_HYPHEN},     /* ゠ */
    {0x30A1, 0x30A1, ASHI_CL_SMALL_KANA}, /* cl-16 katakana: ァ */
    {0x30A2, 0x30A2, ASHI_CL_KANA},
    {0x30A3, 0x30A3, ASHI_CL_SMALL_KANA}, /* ィ */
    {0x30A4, 0x30A4, ASHI_CL_KANA},
    {0x30A5, 0x30A5, ASHI_CL_SMALL_KANA}, /* ゥ */
    {0x30A6, 0x30A6, ASHI_CL_KANA},
    {0x30A7, 0x30A7, ASHI_CL_SMALL_KANA}, /* ェ */
    {0x30A8, 0x30A8, ASHI_CL_KANA},
    {0x30A9, 0x30A9, ASHI_CL_SMALL_KANA}, /* ォ */
    {0x30AA, 0x30C2, ASHI_CL_KANA},
    {0x30C3, 0x30C3, ASHI_CL_SMALL_KANA}, /* ッ */
    {0x30C4, 0x30E2, ASHI_CL_KANA},
    {0x30E3, 0x30E3, ASHI_CL_SMALL_KANA}, /* ャ */
    {0x30E4, 0x30E4, ASHI_CL_KANA},
    {0x30E5, 0x30E5, ASHI_CL_SMALL_KANA}, /* ュ */
    {0x30E6, 0x30E6, ASHI_CL_KANA},
    {0x30E7, 0x30E7, ASHI_CL_SMALL_KANA}, /* ョ */
    {0x30E8, 0x30ED, ASHI_CL_KANA},
    {0x30EE, 0x30EE, ASHI_CL_SMALL_KANA}, /* ヮ */
    {0x30EF, 0x30F4, ASHI_CL_KANA},
    {0x30F5, 0x30F6, ASHI_CL_SMALL_KANA}, /* ヵ ヶ */
    {0x30F7, 0x30FA, ASHI_CL_KANA},
    {0x30FB, 0x30FB, ASHI_CL_MIDDLE_DOT}, /* cl-05 ・ */
    {0x30FC, 0x30FC, ASHI_CL_PROLONGED},  /* cl-10 ー */
    {0x30FD, 0x30FE, ASHI_CL_ITERATION},  /* ヽ ヾ */
    {0x30FF, 0x30FF, ASHI_CL_KANA},
    {0x31F0, 0x31FF, ASHI_CL_SMALL_KANA}, /* ㇰ-ㇿ small katakana for Ainu */
    {0x3300, 0x3357, ASHI_CL_POSTFIX},    /* ㌃ ㌔ ㍉ ... squared units */
    {0x3371, 0x33DF, ASHI_CL_POSTFIX},    /* ㎎ ㎏ ㎜ ㎝ ㎞ ㎡ ㏄ ... */
    {0xFF01, 0xFF01, ASHI_CL_DIVIDING},   /* ！ */
    {0xFF03, 0xFF04, ASHI_CL_PREFIX},     /* ＃ ＄ */
    {0xFF05, 0xFF05, ASHI_CL_POSTFIX},    /* ％ */
    {0xFF08, 0xFF08, ASHI_CL_OPEN},       /* （ */
    {0xFF09, 0xFF09, ASHI_CL_CLOSE},      /* ） */
    {0xFF0C, 0xFF0C, ASHI_CL_COMMA},      /* ， */
    {0xFF0E, 0xFF0E, ASHI_CL_FULL_STOP},  /* ． */
    {0xFF10, 0xFF19, ASHI_CL_DIGIT},      /* ０-９ */
    {0xFF1A, 0xFF1B, ASHI_CL_MIDDLE_DOT}, /* ： ； */
    {0xFF1F, 0xFF1F, ASHI_CL_DIVIDING},   /* ？ */
    {0xFF21, 0xFF3A, ASHI_CL_LATIN},      /* Ａ-Ｚ */
    {0xFF3B, 0xFF3B, ASHI_CL_OPEN},       /* ［ */
    {0xFF3D, 0xFF3D, ASHI_CL_CLOSE},      /* ］ */
    {0xFF41, 0xFF5A, ASHI_CL_LATIN},      /* ａ-ｚ */
    {0xFF5B, 0xFF5B, ASHI_CL_OPEN},       /* ｛ */
    {0xFF5D, 0xFF5D, ASHI_CL_CLOSE},      /* ｝ */
    {0xFF5E, 0xFF5E, ASHI_CL_HYPHEN},     /* ～ */
    {0xFF5F, 0xFF5F, ASHI_CL_OPEN},       /* ｟ */
    {0xFF60, 0xFF60, ASHI_CL_CLOSE},      /* ｠ */
    {0xFF61, 0xFF61, ASHI_CL_FULL_STOP},  /* ｡ half-width */
    {0xFF62, 0xFF62, ASHI_CL_OPEN},       /* ｢ */
    {0xFF63, 0xFF63, ASHI_CL_CLOSE},      /* ｣ */
    {0xFF64, 0xFF64, ASHI_CL_COMMA},      /* ､ */
    {0xFF65, 0xFF65, ASHI_CL_MIDDLE_DOT}, /* ･ */
    {0xFF66, 0xFF66, ASHI_CL_KANA},       /* ｦ */
    {0xFF67, 0xFF6F, ASHI_CL_SMALL_KANA}, /* ｧ-ｯ */
    {0xFF70, 0xFF70, ASHI_CL_PROLONGED},  /* ｰ */
    {0xFF71, 0xFF9F, ASHI_CL_KANA},       /* ｱ-ﾟ */
    {0xFFE0, 0xFFE0, ASHI_CL_POSTFIX},    /* ￠ */
    {0xFFE1, 0xFFE1, ASHI_CL_PREFIX},     /* ￡ */
    {0xFFE5, 0xFFE6, ASHI_CL_PREFIX},     /* ￥ ￦ */
};

ashi_jclass ashi_jclass_of(uint32_t cp)
{
    size_t lo = 0, hi = sizeof table / sizeof table[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < table[mid].first)
            hi = mid;
        else if (cp > table[mid].last)
            lo = mid + 1;
        else
            return (ashi_jclass)table[mid].cls;
    }
    /* cl-19 ideographs and the other wide characters (※ ○ ■ → ...) */
    if (ashi_is_wide(cp) || (cp >= 0x2190 && cp <= 0x2BFF) || cp == 0x203B)
        return ASHI_CL_IDEO;
    /* cl-27 Western characters: letters, and the punctuation that belongs
     * to a Western word or number (, . : / - ' etc.) */
    return ASHI_CL_LATIN;
}

int ashi_jclass_no_start(ashi_jclass c)
{
    switch (c) {
    case ASHI_CL_CLOSE:
    case ASHI_CL_HYPHEN:
    case ASHI_CL_DIVIDING:
    case ASHI_CL_MIDDLE_DOT:
    case ASHI_CL_FULL_STOP:
    case ASHI_CL_COMMA:
    case ASHI_CL_ITERATION:
    case ASHI_CL_PROLONGED:
    case ASHI_CL_SMALL_KANA:
        return 1;
    default:
        return 0;
    }
}

int ashi_jclass_no_start_at(ashi_jclass c, ashi_kinsoku k)
{
    if (k >= ASHI_KINSOKU_NORMAL && (c == ASHI_CL_SMALL_KANA || c == ASHI_CL_PROLONGED))
        return 0;
    if (k >= ASHI_KINSOKU_LOOSE && (c == ASHI_CL_HYPHEN || c == ASHI_CL_ITERATION))
        return 0;
    return ashi_jclass_no_start(c);
}

int ashi_jclass_is_word(ashi_jclass c) { return c == ASHI_CL_LATIN || c == ASHI_CL_DIGIT; }

int ashi_jclass_is_japanese(ashi_jclass c)
{
    return c == ASHI_CL_KANA || c == ASHI_CL_IDEO || c == ASHI_CL_SMALL_KANA ||
           c == ASHI_CL_ITERATION || c == ASHI_CL_PROLONGED;
}
