/* style.c — built-in default theme, theme overrides, font file lookup.
 * SPDX-License-Identifier: MIT */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "res/res.h"
#include "style/style.h"

static const char *const style_names[ASHI_STYLE_COUNT] = {
    "body",       "h",          "title",     "cover-title", "section-title", "section-subtitle",
    "footer",     "em",         "stat-label", "stat-value",  "stat-unit",     "stat-note",
    "caption",    "cover-subtitle", "table", "table-head",
};
/* the theme's colour names are the vocabulary's (doc/value.c) */
#define color_names ashi_theme_color_names
_Static_assert(ASHI_COLOR_COUNT == ASHI_THEME_COLORS, "one list of theme colour names");

/* Families a theme may use without declaring them. */
static const struct {
    const char *name, *regular, *bold;
} builtin_families[] = {
    {"gothic", "BIZUDPGothic-Regular.ttf", "BIZUDPGothic-Bold.ttf"},
    {"mincho", "BIZUDPMincho-Regular.ttf", NULL},
};

static void set_default(ashi_theme *t, int print)
{
    memset(t, 0, sizeof *t);
    /* Sober city colours: dark ink, a strong red accent for figures, a deep
     * blue band; all readable when printed in greyscale. */
    t->colors[ASHI_COLOR_TEXT] = 0x222222;
    if (print) {
        /* for print, text is in black ink alone (K100, not #222222's K 86.7 %
         * by the formula): sharp, no screen, and it can overprint; the slot
         * is the theme's own, beyond the 64 it may define */
        t->cmyk[0][3] = 100;
        t->ncmyk = t->reserved_cmyk = 1;
        t->colors[ASHI_COLOR_TEXT] = ASHI_CMYK_TAG | 0;
    }
    t->colors[ASHI_COLOR_ACCENT] = 0xD7000F;
    t->colors[ASHI_COLOR_BAND] = 0x1F4E79;
    t->colors[ASHI_COLOR_BAND_TEXT] = 0xFFFFFF;
    t->colors[ASHI_COLOR_BACKGROUND] = 0xFFFFFF;
    t->colors[ASHI_COLOR_MUTED] = 0x6B6B6B;
    t->colors[ASHI_COLOR_SECTION] = 0x1F4E79;
    t->colors[ASHI_COLOR_TABLE_HEAD] = 0xDCE6F1;
    t->colors[ASHI_COLOR_TABLE_ZEBRA] = 0xF3F6FA;
    t->colors[ASHI_COLOR_TABLE_LINE] = 0x8C8C8C;
    static const ashi_text_style d[ASHI_STYLE_COUNT] = {
        [ASHI_STYLE_BODY] = {0, 16, 1.6, 0x222222, 0, ASHI_ALIGN_JUSTIFY, 0, 0},
        [ASHI_STYLE_H] = {0, 20, 1.4, 0x1F4E79, 1, ASHI_ALIGN_START, 0, 0},
        [ASHI_STYLE_TITLE] = {0, 24, 1.25, 0xFFFFFF, 1, ASHI_ALIGN_START, 0, 0},
        [ASHI_STYLE_COVER_TITLE] = {0, 40, 1.3, 0x1F4E79, 1, ASHI_ALIGN_CENTER, 0, 0},
        [ASHI_STYLE_SECTION_TITLE] = {0, 36, 1.3, 0xFFFFFF, 1, ASHI_ALIGN_CENTER, 0, 0},
        [ASHI_STYLE_SECTION_SUBTITLE] = {0, 16, 1.4, 0xFFFFFF, 0, ASHI_ALIGN_CENTER, 0, 0},
        [ASHI_STYLE_FOOTER] = {0, 10, 1.2, 0x6B6B6B, 0, ASHI_ALIGN_START, 0, 0},
        [ASHI_STYLE_EM] = {0, 16, 1.6, 0xD7000F, 0, ASHI_ALIGN_START, 0, 0},
        [ASHI_STYLE_STAT_LABEL] = {0, 15, 1.3, 0x222222, 1, ASHI_ALIGN_CENTER, 0, 0},
        [ASHI_STYLE_STAT_VALUE] = {0, 44, 1.15, 0xD7000F, 1, ASHI_ALIGN_CENTER, 0, 0},
        [ASHI_STYLE_STAT_UNIT] = {0, 22, 1.15, 0xD7000F, 1, ASHI_ALIGN_CENTER, 0, 0},
        [ASHI_STYLE_STAT_NOTE] = {0, 11, 1.3, 0x6B6B6B, 0, ASHI_ALIGN_CENTER, 0, 0},
        [ASHI_STYLE_CAPTION] = {0, 12, 1.3, 0x6B6B6B, 0, ASHI_ALIGN_CENTER, 0, 0},
        [ASHI_STYLE_COVER_SUBTITLE] = {0, 20, 1.3, 0x1F4E79, 0, ASHI_ALIGN_CENTER, 0, 0},
        [ASHI_STYLE_TABLE] = {0, 13, 1.35, 0x222222, 0, ASHI_ALIGN_START, 0, 0},
        [ASHI_STYLE_TABLE_HEAD] = {0, 13, 1.35, 0x1F4E79, 1, ASHI_ALIGN_CENTER, 0, 0},
    };
    memcpy(t->styles, d, sizeof d);
    t->autospace = 1;
    t->bracket_start_half = 1;
    t->hanging = 0;
    t->overprint = 1;
}

/* The canonical path of a readable regular file, or NULL. */
static const char *readable(const char *path, ashi_arena *a)
{
    char real[PATH_MAX];
    struct stat st;
    if (!path || !realpath(path, real) || stat(real, &st) || !S_ISREG(st.st_mode) ||
        access(real, R_OK))
        return NULL;
    return ashi_arena_strdup(a, real);
}

/* A typed theme colour as the theme holds it: a theme name resolved
 * against the colours so far (document order), a cmyk() one added to the
 * theme's CMYK table; -1 when that table's 64 colours are taken. */
static int ink(ashi_theme *t, ashi_color c, uint32_t *out)
{
    switch (c.kind) {
    case ASHI_COLOR_IS_THEME:
        *out = t->colors[c.v];
        return 0;
    case ASHI_COLOR_IS_CMYK:
        if (t->ncmyk - t->reserved_cmyk == 64)
            return -1;
        for (int i = 0; i < 4; i++)
            t->cmyk[t->ncmyk][i] = (uint8_t)(c.v >> (24 - 8 * i));
        *out = ASHI_CMYK_TAG | (uint32_t)t->ncmyk++;
        return 0;
    default:
        *out = c.v;
        return 0;
    }
}

static void cmyk_limit(ashi_diags *d, ashi_loc loc, const char *value)
{
    ashi_diag_add(d, ASHI_ERROR, "limit", loc,
                  "colour '%s' is one more than the 64 cmyk() colours a theme may define",
                  value);
}

/* Finds a font file: absolute paths as they are, others in dirs in order
 * (but for the folder skip, already looked in). */
static const char *find_font(const char *file, const char *const *dirs, size_t ndirs,
                             const char *skip, ashi_arena *a)
{
    if (file[0] == '/')
        return readable(file, a);
    for (size_t i = 0; i < ndirs; i++) {
        if (!dirs[i] || !dirs[i][0] || (skip && !strcmp(dirs[i], skip)))
            continue;
        const char *p = readable(ashi_arena_printf(a, "%s/%s", dirs[i], file), a);
        if (p)
            return p;
    }
    return NULL;
}

typedef struct resolver {
    ashi_res *res; /* the deck's files; NULL: dirs alone */
    const char *const *dirs;
    size_t ndirs;
    ashi_arena *a;
    ashi_diags *d;
    ashi_theme *t;
} resolver;

/* A font file: in the deck's folder by the path rule every file the deck
 * names follows (lib/res: inside the folder, links judged by where they
 * lead, regular files only; its identity kept in id for the reader), then
 * in the font folders given and the installed and bundled ones. A name
 * that is absolute or climbs with ".." is for the deck's folder alone (and
 * absolute only when the options allow absolute paths). */
static const char *resolve_file(resolver *r, const char *file, ashi_loc loc,
                                unsigned long long id[2], int quiet)
{
    id[0] = id[1] = 0;
    const char *p = NULL;
    int tried_deck = 0;
    if (r->res && (r->res->base_dir || file[0] == '/')) {
        char *path = NULL;
        const char *why = NULL;
        int rc = ashi_res_locate(r->res, file, &path, id, &why);
        if (rc < 0) {
            r->d->oom = 1;
            return NULL;
        }
        if (rc == 0)
            return path;
        if (rc == 2 || strcmp(why, "does not exist") != 0) {
            ashi_diag_add(r->d, ASHI_ERROR, rc == 2 ? "font-path" : "font-missing", loc,
                          "font file '%s' %s", file, why);
            return NULL;
        }
        tried_deck = 1;
    }
    /* the other folders: the user's own and the library's */
    if (!r->res)
        p = find_font(file, r->dirs, r->ndirs, NULL, r->a);
    else if (file[0] != '/' && !ashi_res_climbs(file))
        p = find_font(file, r->dirs, r->ndirs, tried_deck ? r->res->base_dir : NULL, r->a);
    if (!p && !quiet)
        ashi_diag_add(r->d, ASHI_ERROR, "font-missing", loc,
                      "font file '%s' not found in the deck's folder, the font folders "
                      "given, or the installed and bundled font folders",
                      file);
    return p;
}

static int family_index(resolver *r, const char *name, ashi_loc loc)
{
    ashi_theme *t = r->t;
    for (int i = 0; i < t->nfamilies; i++)
        if (strcmp(t->families[i].name, name) == 0)
            return i;
    for (size_t b = 0; b < sizeof builtin_families / sizeof builtin_families[0]; b++) {
        if (strcmp(builtin_families[b].name, name) != 0)
            continue;
        if (t->nfamilies == ASHI_MAX_FAMILIES)
            break;
        ashi_family *f = &t->families[t->nfamilies];
        f->name = builtin_families[b].name;
        f->loc = loc;
        f->regular = resolve_file(r, builtin_families[b].regular, loc, f->regular_id, 0);
        f->bold = builtin_families[b].bold
                      ? resolve_file(r, builtin_families[b].bold, loc, f->bold_id, 0)
                      : NULL;
        return t->nfamilies++;
    }
    return -1;
}

int ashi_style_resolve(const ashi_doc *doc, int print, ashi_res *res, const char *const *dirs,
                       size_t ndirs, ashi_arena *a, ashi_diags *d, ashi_theme *t)
{
    resolver r = {res, dirs, ndirs, a, d, t};
    set_default(t, print);

    for (const ashi_theme_font *f = doc->fonts; f; f = f->next) {
        int dup = 0;
        for (int i = 0; i < t->nfamilies; i++)
            if (strcmp(t->families[i].name, f->name) == 0)
                dup = 1;
        if (dup) {
            ashi_diag_add(d, ASHI_ERROR, "duplicate", f->loc, "font '%s' is defined twice",
                          f->name);
            continue;
        }
        if (t->nfamilies == ASHI_MAX_FAMILIES) {
            ashi_diag_add(d, ASHI_ERROR, "limit", f->loc, "a theme may define at most %d fonts",
                          ASHI_MAX_FAMILIES);
            break;
        }
        ashi_family *fam = &t->families[t->nfamilies++];
        fam->name = f->name;
        fam->loc = f->loc;
        fam->regular = resolve_file(&r, f->regular, f->loc, fam->regular_id, 0);
        fam->bold = f->bold ? resolve_file(&r, f->bold, f->loc, fam->bold_id, 0) : NULL;
    }

    for (const ashi_theme_color *c = doc->colors; c; c = c->next) {
        uint32_t v;
        if (!c->value.kind)
            continue; /* not allowed: reported at load */
        if (ink(t, c->value, &v)) {
            cmyk_limit(d, c->loc, c->text);
            continue;
        }
        int known = 0;
        for (int i = 0; i < ASHI_COLOR_COUNT; i++)
            if (strcmp(c->name, color_names[i]) == 0) {
                t->colors[i] = v;
                known = 1;
            }
        char near[64], hint[96];
        if (!known)
            ashi_diag_add(d, ASHI_ERROR, "unknown-name", c->loc,
                          "unknown theme colour '%s'%s (known: text, accent, band, band-text, "
                          "background, muted, section, table-head, table-zebra, table-line)",
                          c->name,
                          ashi_did_you_mean(ashi_nearest(c->name, color_names, ASHI_COLOR_COUNT,
                                                         near, sizeof near),
                                            "'", "'", hint, sizeof hint));
    }

    /* The default family is the first declared one, else gothic. */
    int base = t->nfamilies ? 0 : family_index(&r, "gothic", doc->loc);
    for (int i = 0; i < ASHI_STYLE_COUNT; i++)
        t->styles[i].family = base < 0 ? 0 : base;
    /* Default text colours follow the theme colours. */
    t->styles[ASHI_STYLE_BODY].color = t->colors[ASHI_COLOR_TEXT];
    t->styles[ASHI_STYLE_H].color = t->colors[ASHI_COLOR_BAND];
    t->styles[ASHI_STYLE_TITLE].color = t->colors[ASHI_COLOR_BAND_TEXT];
    t->styles[ASHI_STYLE_COVER_TITLE].color = t->colors[ASHI_COLOR_BAND];
    t->styles[ASHI_STYLE_FOOTER].color = t->colors[ASHI_COLOR_MUTED];
    t->styles[ASHI_STYLE_EM].color = t->colors[ASHI_COLOR_ACCENT];
    t->styles[ASHI_STYLE_STAT_LABEL].color = t->colors[ASHI_COLOR_TEXT];
    t->styles[ASHI_STYLE_STAT_VALUE].color = t->colors[ASHI_COLOR_ACCENT];
    t->styles[ASHI_STYLE_STAT_UNIT].color = t->colors[ASHI_COLOR_ACCENT];
    t->styles[ASHI_STYLE_STAT_NOTE].color = t->colors[ASHI_COLOR_MUTED];
    t->styles[ASHI_STYLE_CAPTION].color = t->colors[ASHI_COLOR_MUTED];
    t->styles[ASHI_STYLE_COVER_SUBTITLE].color = t->colors[ASHI_COLOR_BAND];
    t->styles[ASHI_STYLE_TABLE].color = t->colors[ASHI_COLOR_TEXT];
    t->styles[ASHI_STYLE_TABLE_HEAD].color = t->colors[ASHI_COLOR_BAND];

    /* The master's background (its number is the layout's), and the JLReq
     * switches on <theme>: typed at load. */
    if (doc->master_background.kind == ASHI_COLOR_IS_RGB)
        t->colors[ASHI_COLOR_BACKGROUND] = doc->master_background.v;
    else if (doc->master_background.kind == ASHI_COLOR_IS_THEME)
        t->colors[ASHI_COLOR_BACKGROUND] = t->colors[doc->master_background.v];
    if (doc->autospace >= 0)
        t->autospace = doc->autospace;
    if (doc->hanging >= 0)
        t->hanging = doc->hanging;
    if (doc->bracket_start_half >= 0)
        t->bracket_start_half = doc->bracket_start_half;
    if (doc->overprint >= 0)
        t->overprint = doc->overprint;
    if (doc->kinsoku >= 0)
        t->kinsoku = doc->kinsoku;

    for (const ashi_theme_style *s = doc->styles; s; s = s->next) {
        int id = -1;
        for (int i = 0; i < ASHI_STYLE_COUNT; i++)
            if (strcmp(s->name, style_names[i]) == 0)
                id = i;
        if (id < 0) {
            char near[64], hint[96];
            ashi_diag_add(d, ASHI_ERROR, "unknown-name", s->loc,
                          "unknown style '%s'%s (known: body, h, title, cover-title, "
                          "section-title, section-subtitle, footer, em, stat-label, stat-value, "
                          "stat-unit, stat-note, caption, cover-subtitle, table, table-head)",
                          s->name,
                          ashi_did_you_mean(ashi_nearest(s->name, style_names, ASHI_STYLE_COUNT,
                                                         near, sizeof near),
                                            "'", "'", hint, sizeof hint));
            continue;
        }
        ashi_text_style *ts = &t->styles[id];
        if (s->font) {
            int f = family_index(&r, s->font, s->loc);
            if (f < 0)
                ashi_diag_add(d, ASHI_ERROR, "unknown-name", s->loc,
                              "style '%s' names font '%s', which the theme does not define",
                              s->name, s->font);
            else
                ts->family = f;
        }
        /* the values were typed at load (and what was wrong reported there) */
        if (s->size.set)
            ts->size = s->size.v;
        if (s->leading.set && s->leading.pitch) {
            ts->pitch = s->leading.v;
        } else if (s->leading.set) {
            ts->leading = s->leading.v;
            ts->pitch = 0;
        }
        if (s->color.kind) {
            uint32_t c;
            if (ink(t, s->color, &c))
                cmyk_limit(d, s->loc, s->color_text);
            else
                ts->color = c;
        }
        if (s->align >= 0)
            ts->align = (ashi_align)s->align;
        if (s->indent.set) {
            /* a multiple of the style's size: checked now that it is known */
            double v = s->indent.em ? s->indent.v * ts->size : s->indent.v;
            if (v > 1000)
                ashi_diag_add(d, ASHI_ERROR, "bad-value", s->indent_loc,
                              "indent '%gem' is %.1fpt at this style's size: it must be from 0 "
                              "to 1000pt",
                              s->indent.v, v);
            else
                ts->indent = v;
        }
        if (s->weight >= 0)
            ts->bold = s->weight;
        if (s->has_tracking)
            ts->tracking = s->tracking / 100;
        if (s->palt >= 0)
            ts->palt = s->palt;
    }
    /* Last in the fallback order: a wide-coverage font for characters no
     * theme font has (silently absent when it cannot be found). */
    if (t->nfamilies < ASHI_MAX_FAMILIES) {
        ashi_family *f = &t->families[t->nfamilies];
        memset(f, 0, sizeof *f);
        /* by the same rule as every font, silent only when it is nowhere */
        f->regular = resolve_file(&r, "DroidSansFallbackFull.ttf", doc->loc, f->regular_id, 1);
        if (f->regular) {
            t->nfamilies++;
            f->name = "fallback";
            f->loc = doc->loc;
        }
    }
    return d->oom ? -1 : 0;
}
