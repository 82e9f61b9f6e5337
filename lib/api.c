/* api.c — the public API: options, loading (parse, style, fonts, layout),
 * diagnostics, rendering to memory, callback or file.
 * SPDX-License-Identifier: MIT */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "layout/layout.h"
#include "color/color.h"
#include "render/render.h"
#include "doc/check.h"
#include "res/res.h"
#include "api_debug.h"
#include "xml/xml.h"
#include "deck.h"



static const ashi_limits default_limits = ASHI_LIMITS_DEFAULT;

const ashi_limits *ashi__limits_of(const ashi_options *opt)
{
    return opt ? &opt->limits : &default_limits;
}


const char *ashi_status_str(ashi_status status)
{
    switch (status) {
#define ASHI_STATUS_CASE(name, value, text)                                            \
    case name:                                                                         \
        return text;
        ASHI_STATUS_LIST(ASHI_STATUS_CASE)
#undef ASHI_STATUS_CASE
    }
    return "unknown status";
}

const char *ashi_version(void) { return ASHI_VERSION_STRING; }

int ashi_version_number(void) { return ASHI_VERSION_NUMBER; }

ashi_status ashi_options_new(ashi_options **out)
{
    if (!out)
        return ASHI_E_ARGUMENT;
    *out = ashi_calloc(NULL, 1, sizeof **out);
    if (*out) {
        (*out)->limits = default_limits;
        (*out)->threads = 1;
        (*out)->max_ppi = ASHI_PRINT_PPI_DEFAULT;
    }
    return *out ? ASHI_OK : ASHI_E_MEMORY;
}

ashi_status ashi_options_set_limit(ashi_options *opt, ashi_limit limit, size_t value)
{
    if (!opt || !value)
        return ASHI_E_ARGUMENT;
    switch (limit) {
    case ASHI_LIMIT_INPUT_BYTES:
        opt->limits.input_bytes = value;
        return ASHI_OK;
    case ASHI_LIMIT_SLIDES:
        opt->limits.slides = value;
        return ASHI_OK;
    case ASHI_LIMIT_TABLE_ROWS:
        opt->limits.table_rows = value;
        return ASHI_OK;
    case ASHI_LIMIT_IMAGE_PIXELS:
        opt->limits.image_pixels = value;
        return ASHI_OK;
    case ASHI_LIMIT_OUTPUT_BYTES:
        opt->limits.output_bytes = value;
        return ASHI_OK;
    case ASHI_LIMIT_TEXT_BYTES:
        opt->limits.text_bytes = value;
        return ASHI_OK;
    case ASHI_LIMIT_ELEMENTS:
        opt->limits.elements = value;
        return ASHI_OK;
    case ASHI_LIMIT_FILES_BYTES:
        opt->limits.files_bytes = value;
        return ASHI_OK;
    }
    return ASHI_E_ARGUMENT;
}

void ashi_options_free(ashi_options *opt)
{
    if (!opt)
        return;
    for (size_t i = 0; i < opt->nfont_dirs; i++)
        free(opt->font_dirs[i]);
    free(opt->output_profile);
    free(opt);
}

ashi_status ashi_options_add_font_dir(ashi_options *opt, const char *dir)
{
    if (!opt || !dir || !dir[0])
        return ASHI_E_ARGUMENT;
    if (opt->nfont_dirs == MAX_FONT_DIRS)
        return ASHI_E_ARGUMENT;
    char *copy = ashi_strdup(opt->mem, dir);
    if (!copy)
        return ASHI_E_MEMORY;
    opt->font_dirs[opt->nfont_dirs++] = copy;
    return ASHI_OK;
}

ashi_status ashi_options_allow_absolute_paths(ashi_options *opt, int allow)
{
    if (!opt)
        return ASHI_E_ARGUMENT;
    opt->absolute_paths = allow != 0;
    return ASHI_OK;
}

ashi_status ashi_options_set_print(ashi_options *opt, unsigned flags, double bleed_mm)
{
    if (!opt || flags > 127 || !(bleed_mm >= 0 && bleed_mm <= 20))
        return ASHI_E_ARGUMENT;
    opt->print = flags;
    opt->bleed_mm = bleed_mm;
    return ASHI_OK;
}

ashi_status ashi_options_set_creep(ashi_options *opt, double mm)
{
    if (!opt || !(mm >= 0 && mm <= 5))
        return ASHI_E_ARGUMENT;
    opt->creep_mm = mm;
    return ASHI_OK;
}

ashi_status ashi_options_set_output_profile(ashi_options *opt, const char *path)
{
    if (!opt || (path && !path[0]))
        return ASHI_E_ARGUMENT;
    char *copy = NULL;
    if (path && !(copy = ashi_strdup(opt->mem, path)))
        return ASHI_E_MEMORY;
    free(opt->output_profile);
    opt->output_profile = copy;
    return ASHI_OK;
}

ashi_status ashi_options_set_photo_intent(ashi_options *opt, ashi_photo_intent intent)
{
    if (!opt || (intent != ASHI_PHOTO_DECK && intent != ASHI_PHOTO_PERCEPTUAL &&
                 intent != ASHI_PHOTO_RELATIVE))
        return ASHI_E_ARGUMENT;
    opt->photo_intent = intent;
    return ASHI_OK;
}

ashi_status ashi_options_set_print_ppi(ashi_options *opt, int max_ppi)
{
    if (!opt || (max_ppi != 0 && (max_ppi < 150 || max_ppi > 1200)))
        return ASHI_E_ARGUMENT;
    opt->max_ppi = max_ppi;
    return ASHI_OK;
}

ashi_status ashi_font_cache_new(ashi_font_cache **out)
{
    if (!out)
        return ASHI_E_ARGUMENT;
    *out = ashi_font_cache_create();
    return *out ? ASHI_OK : ASHI_E_MEMORY;
}

void ashi_font_cache_free(ashi_font_cache *cache) { ashi_font_cache_destroy(cache); }

ashi_status ashi_options_set_font_cache(ashi_options *opt, ashi_font_cache *cache)
{
    if (!opt)
        return ASHI_E_ARGUMENT;
    opt->font_cache = cache;
    return ASHI_OK;
}

ashi_status ashi_options_set_threads(ashi_options *opt, int threads)
{
    if (!opt || threads < 1 || threads > ASHI_LAYOUT_THREADS)
        return ASHI_E_ARGUMENT;
    opt->threads = threads;
    return ASHI_OK;
}

ashi_status ashi_options_set_language(ashi_options *opt, const char *lang)
{
    if (!opt || !lang || (strcmp(lang, "ja") && strcmp(lang, "en")))
        return ASHI_E_ARGUMENT;
    opt->lang_ja = !strcmp(lang, "ja");
    return ASHI_OK;
}

ashi_status ashi_options_set_draft(ashi_options *opt, int draft)
{
    if (!opt)
        return ASHI_E_ARGUMENT;
    opt->draft = draft != 0;
    return ASHI_OK;
}

/* The folder a path is in ("." when it has none). */
static char *dir_of(ashi_arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return ashi_arena_strdup(a, ".");
    if (slash == path)
        return ashi_arena_strdup(a, "/");
    return ashi_arena_strndup(a, path, (size_t)(slash - path));
}

#define MAX_ENV_FONT_DIRS 8

/* The folders of ASHI_FONT_PATH (colon-separated, as PATH; empty parts
 * skipped), at most MAX_ENV_FONT_DIRS, read at each load. */
static size_t env_font_dirs(ashi_arena *a, const char **dirs)
{
    const char *p = getenv("ASHI_FONT_PATH");
    size_t n = 0;
    while (p && *p && n < MAX_ENV_FONT_DIRS) {
        const char *e = strchr(p, ':');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len && (dirs[n] = ashi_arena_strndup(a, p, len)))
            n++;
        p += len + (e != NULL);
    }
    return n;
}

/* Where the installed fonts are: beside this library (or the program it is
 * linked into) as installed under any prefix, then the configured prefix;
 * the source tree's fonts only for a library or program still inside the
 * build tree (an installed copy never looks there). */
static size_t installed_font_dirs(ashi_arena *a, const char **dirs)
{
    size_t n = 0;
    int in_build = 0;
    Dl_info info;
    if (dladdr((void *)&installed_font_dirs, &info) && info.dli_fname) {
        char real[PATH_MAX];
        if (realpath(info.dli_fname, real)) {
            char *bin = dir_of(a, real);
            if (bin) {
                dirs[n++] = ashi_arena_printf(a, "%s/%s", bin, ASHI_LIB_TO_FONTDIR);
                dirs[n++] = ashi_arena_printf(a, "%s/%s", bin, ASHI_BIN_TO_FONTDIR);
            }
            char build[PATH_MAX];
            size_t bl = realpath(ASHI_BUILD_DIR, build) ? strlen(build) : 0;
            in_build = bl && strncmp(real, build, bl) == 0 && real[bl] == '/';
        }
    }
    dirs[n++] = ASHI_INSTALL_FONTDIR;
    if (in_build)
        dirs[n++] = ASHI_SOURCE_FONTDIR;
    return n;
}

ashi_deck *ashi__deck_new(const ashi_options *opt, const char *name)
{
    ashi_mem *mem = opt ? opt->mem : NULL;
    ashi_deck *deck = ashi_calloc(mem, 1, sizeof *deck);
    if (!deck)
        return NULL;
    deck->mem = mem;
    deck->arena = ashi_arena_new(mem);
    deck->diags.file = deck->arena ? ashi_arena_strdup(deck->arena, name) : NULL;
    if (!deck->diags.file) {
        ashi_arena_free(deck->arena);
        free(deck);
        return NULL;
    }
    deck->diags.arena = deck->arena;
    deck->diags.ja = opt && opt->lang_ja;
    deck->lang_ja = deck->diags.ja;
    deck->dlist.a = deck->arena;
    ashi_res_init(&deck->res, NULL, 0, 0, deck->arena);
    return deck;
}

ashi_status ashi_options_set_alloc_probe(ashi_options *opt, ashi_mem *probe)
{
    if (!opt)
        return ASHI_E_ARGUMENT;
    opt->mem = probe;
    return ASHI_OK;
}

int ashi_alloc_can_fail(void)
{
#ifdef ASHI_FAULT_INJECTION
    return 1;
#else
    return 0;
#endif
}

/* The faces the laid-out deck uses (that HarfBuzz subsets them as the PDF
 * will) and the outline of every glyph it uses, checked once per glyph (a
 * whole font's at load cost more than laying out a small deck):
 * a damaged one is reported as a damaged font file, at its <font> (or at
 * the deck's start for a font the deck does not name), once per font, so
 * that check and render report the same. The subsets made are kept for the
 * renders (deck->subsets). Returns -1 when out of memory. */
static void font_bad(ashi_deck *deck, const ashi_face *f, const char *why)
{
    ashi_fontset *fs = &deck->fonts;
    ashi_loc loc = {1, 1};
    for (int fam = 0; fam < deck->theme.nfamilies; fam++)
        if ((fs->families[fam].regular == f || fs->families[fam].bold == f) &&
            deck->theme.families[fam].loc.line) {
            loc = deck->theme.families[fam].loc;
            break;
        }
    const char *slash = strrchr(f->path, '/');
    ashi_diag_add(&deck->diags, ASHI_ERROR, "font-bad", loc, "font file '%s' %s",
                  slash ? slash + 1 : f->path, why);
}

static int check_glyphs(ashi_deck *deck)
{
    ashi_fontset *fs = &deck->fonts;
    unsigned char *seen[2 * ASHI_MAX_FAMILIES] = {0};
    int bad[2 * ASHI_MAX_FAMILIES] = {0}, order[2 * ASHI_MAX_FAMILIES], norder = 0, oom = 0;
    ashi_subset used[2 * ASHI_MAX_FAMILIES];
    memset(used, 0, sizeof used);
    for (size_t p = 0; p < deck->dlist.npages && !oom; p++) {
        const ashi_dl_page *pg = &deck->dlist.pages[p];
        for (size_t i = 0; i < pg->nitems && !oom; i++) {
            const ashi_dl_run *run = &pg->items[i].u.run;
            if (pg->items[i].kind != ASHI_DL_RUN)
                continue;
            int k = 0;
            while (k < fs->nfaces && fs->faces[k] != run->face)
                k++;
            if (k == fs->nfaces || bad[k])
                continue;
            const ashi_face *f = fs->faces[k];
            char why[160];
            if (!seen[k]) {
                order[norder++] = k;
                if (!(seen[k] = ashi_arena_alloc(deck->arena, f->nglyphs / 8 + 1)) ||
                    ashi_subset_begin(&used[k], f)) {
                    oom = 1;
                    break;
                }
            }
            for (size_t g = 0; g < run->nglyphs && !bad[k]; g++) {
                unsigned gid = run->glyphs[g].gid;
                if (gid < f->nglyphs && (seen[k][gid / 8] >> (gid % 8) & 1))
                    continue;
                if (gid < f->nglyphs)
                    seen[k][gid / 8] |= (unsigned char)(1u << (gid % 8));
                ashi_subset_add(&used[k], gid);
                if (ashi_face_check_glyph(f, gid, why, sizeof why) == 0)
                    continue;
                bad[k] = 1;
                font_bad(deck, f, why);
            }
        }
    }
    /* each face's subset, made as the PDF embeds it: when HarfBuzz gives
     * up, the trial with .notdef alone names the table at fault */
    for (int j = 0; j < norder && !oom; j++) {
        int k = order[j];
        if (bad[k])
            continue;
        int rc = ashi_subset_make(&used[k]);
        if (rc > 0) {
            oom = 1;
        } else if (rc == 0) {
            deck->subsets[deck->nsubsets++] = used[k]; /* the deck's now */
            memset(&used[k], 0, sizeof used[k]);
        } else {
            char why[160] = "is damaged: HarfBuzz cannot subset it";
            ashi_face_check_subset(fs->faces[k], why, sizeof why);
            font_bad(deck, fs->faces[k], why);
        }
    }
    for (int k = 0; k < 2 * ASHI_MAX_FAMILIES; k++)
        ashi_subset_free(&used[k]);
    return oom || deck->diags.oom ? -1 : 0;
}

/* The largest output profile read: press profiles are 0.5 to 4 MB. */
#define MAX_PROFILE_BYTES (16u << 20)

/* Uses icc (len bytes; 0: it could not be read whole) as the output
 * profile when it is a CMYK output profile, else an error at loc. */
static void use_profile(ashi_deck *deck, const char *name, const unsigned char *icc, size_t len,
                        ashi_loc loc)
{
    const char *why = "could not be read whole";
    if (!len || ashi_output_profile_check(icc, len, deck->profile_desc,
                                          sizeof deck->profile_desc, &why)) {
        ashi_diag_add(&deck->diags, ASHI_ERROR, "output-profile", loc,
                      "the output profile '%s' %s", name, why);
        return;
    }
    deck->profile = icc;
    deck->profile_len = len;
}

/* The output profile of a print render (PDF/X-4): a regular file, read
 * whole, an ICC output profile for CMYK. Problems are error diagnostics;
 * returns -1 only when out of memory. */
static int read_output_profile(ashi_deck *deck, const char *path)
{
    ashi_loc none = {0, 0};
    struct stat st;
    int fd = ashi_res_open_regular(path, &st);
    if (fd < 0) {
        const char *why = ashi_res_open_why(fd, &st);
        ashi_diag_add(&deck->diags, ASHI_ERROR, "output-profile", none,
                      "cannot read the output profile '%s': %s", path, why);
        return deck->diags.oom ? -1 : 0;
    }
    if ((unsigned long long)st.st_size > MAX_PROFILE_BYTES) {
        close(fd);
        ashi_diag_add(&deck->diags, ASHI_ERROR, "output-profile", none,
                      "the output profile '%s' is %lld bytes, over the %u bytes an ICC "
                      "profile may have here",
                      path, (long long)st.st_size, MAX_PROFILE_BYTES);
        return deck->diags.oom ? -1 : 0;
    }
    size_t len = (size_t)st.st_size;
    unsigned char *icc = ashi_arena_alloc(deck->arena, len + 1);
    if (!icc) {
        close(fd);
        return -1;
    }
    int failed;
    size_t got = ashi_res_read_exact(fd, icc, len, &failed);
    close(fd);
    if (ashi_res_protect(&deck->res, (unsigned long long)st.st_dev,
                         (unsigned long long)st.st_ino))
        return -1;
    use_profile(deck, path, icc, got == len ? len : 0, none);
    return deck->diags.oom ? -1 : 0;
}

/* The output profile the deck names (output-profile), read through the
 * resolver: in the deck's folder by the rule every file it names follows. */
static int read_deck_profile(ashi_deck *deck)
{
    const ashi_file *f = NULL;
    if (ashi_res_read(&deck->res, deck->doc->output_profile, ASHI_RES_PROFILE,
                      deck->doc->output_profile_loc, &deck->diags, &f) < 0)
        return -1;
    if (f)
        use_profile(deck, deck->doc->output_profile, f->data, f->len,
                    deck->doc->output_profile_loc);
    return deck->diags.oom ? -1 : 0;
}

/* The pipeline: parse, resolve the theme, open fonts, lay out. Every stage
 * that can still run runs, so that one load reports every problem. */
size_t ashi__font_search_dirs(const ashi_options *opt, const char *base_dir, ashi_arena *a,
                              const char **dirs)
{
    size_t n = 0;
    if (base_dir)
        dirs[n++] = base_dir;
    for (size_t i = 0; opt && i < opt->nfont_dirs; i++)
        dirs[n++] = opt->font_dirs[i];
    n += env_font_dirs(a, dirs + n);
    n += installed_font_dirs(a, dirs + n);
    return n;
}

static ashi_status load_stages(ashi_deck *deck, const ashi_options *opt, const char *data,
                               size_t len, const char *base_dir, void *built)
{
    deck->limits = *ashi__limits_of(opt);
    ashi_arena *a = deck->arena;
    deck->res.base_dir = base_dir;
    deck->res.absolute = opt && opt->absolute_paths;
    deck->res.max_bytes = ashi__limits_of(opt)->input_bytes;
    deck->res.max_total = ashi__limits_of(opt)->files_bytes;
    ashi_diags *d = &deck->diags;
    ashi_mem *m = deck->mem;
    size_t k = 0;
    while (!built && k < len &&
           (data[k] == ' ' || data[k] == '\t' || data[k] == '\n' || data[k] == '\r'))
        k++;
    if (!built && k == len) {
        ashi_loc start = {1, 1};
        ashi_diag_add(d, ASHI_ERROR, "empty", start,
                      len ? "the deck is empty (white space only)" : "the deck is empty");
        return ASHI_E_DECK;
    }
    ashi_phase_mark t = ashi_phase_begin(m);
    int rc;
    if (built) {
        /* a limit the building passed: said once, at the element refused more */
        size_t elements, text, at = ashi_xml_tree_over(built, &elements, &text);
        ashi_loc where = {(unsigned)at, 0};
        if (elements)
            ashi_diag_add(d, ASHI_ERROR, "limit", where,
                          "the deck has more than %zu elements, over the elements limit of %zu",
                          elements, elements);
        if (text)
            ashi_diag_add(d, ASHI_ERROR, "limit", where,
                          "a text is over the text-bytes limit of %zu bytes", text);
        rc = ashi_xml_model(ashi_xml_tree_doc(built), a, d, &deck->doc);
    } else {
        rc = ashi_xml_parse(data, len, &deck->limits, a, d, &deck->doc);
    }
    ashi_phase_end(m, ASHI_PHASE_PARSE, t);
    if (rc)
        return ASHI_E_MEMORY;
    if (!deck->doc)
        return ASHI_E_DECK;

    /* the deck's folder, the program's folders, ASHI_FONT_PATH's, then the
     * installed fonts */
    const char *dirs[ASHI__FONT_SEARCH_DIRS];
    size_t n = ashi__font_search_dirs(opt, base_dir, a, dirs);
    /* CMYK output, as the print settings below will say (the options',
     * else the deck's print="on"): the theme's default text is then K100 */
    unsigned print = opt ? opt->print : 0;
    if (!print && deck->doc->print)
        print = ASHI_PRINT_CMYK;
    t = ashi_phase_begin(m);
    rc = ashi_style_resolve(deck->doc, (print & ASHI_PRINT_CMYK) != 0, &deck->res, dirs, n, a,
                            d, &deck->theme);
    ashi_phase_end(m, ASHI_PHASE_STYLE, t);
    if (rc)
        return ASHI_E_MEMORY;

    deck->fonts_open = 1;
    t = ashi_phase_begin(m);
    int fonts_ok = ashi_fontset_open(&deck->fonts, &deck->theme, opt ? opt->font_cache : NULL,
                                     a, d) == 0;
    ashi_phase_end(m, ASHI_PHASE_FONTS, t);
    /* the files the deck names, read and decoded before layout */
    if (ashi_res_load_deck(&deck->res, deck->doc, ashi__limits_of(opt), a, d))
        return ASHI_E_MEMORY;
    /* and the model checked against itself: every problem said at load */
    if (ashi_doc_check(deck->doc, ashi__limits_of(opt), a, d))
        return ASHI_E_MEMORY;
    deck->threads = opt ? opt->threads : 1;
    t = ashi_phase_begin(m);
    rc = fonts_ok && ashi_layout(deck->doc, &deck->theme, &deck->fonts, opt && opt->draft,
                                 deck->threads, ashi__limits_of(opt), a, d, &deck->dlist);
    ashi_phase_end(m, ASHI_PHASE_LAYOUT, t);
    if (rc || (fonts_ok && check_glyphs(deck)))
        return ASHI_E_MEMORY;
    if (d->oom)
        return ASHI_E_MEMORY;
    /* print settings: the options', else the deck's print="on" */
    deck->print_flags = opt ? opt->print : 0;
    deck->max_ppi = opt ? opt->max_ppi : ASHI_PRINT_PPI_DEFAULT;
    if (!deck->print_flags && deck->dlist.print)
        deck->print_flags = ASHI_PRINT_BLEED | ASHI_PRINT_MARKS | ASHI_PRINT_CMYK;
    /* PDF/X-4 with the output profile given (the options', else the
     * deck's), for print (CMYK) output */
    if (opt && opt->output_profile) {
        if (!(deck->print_flags & ASHI_PRINT_CMYK)) {
            ashi_loc none = {0, 0};
            ashi_diag_add(d, ASHI_WARNING, "output-profile", none,
                          "the output profile is for print (--print) output only; this PDF "
                          "is for the screen and does not use it");
        } else if (read_output_profile(deck, opt->output_profile)) {
            return ASHI_E_MEMORY;
        }
    } else if (deck->doc->output_profile && (deck->print_flags & ASHI_PRINT_CMYK) &&
               read_deck_profile(deck)) {
        return ASHI_E_MEMORY;
    }
    ashi_photo_intent pi = opt ? opt->photo_intent : ASHI_PHOTO_DECK;
    deck->photo_intent = pi == ASHI_PHOTO_RELATIVE                              ? ASHI_INTENT_RELATIVE
                         : pi == ASHI_PHOTO_DECK && deck->doc->photo_intent == 1 ? ASHI_INTENT_RELATIVE
                                                                                 : ASHI_INTENT_PERCEPTUAL;
    /* the print checks, through the output profile when there is one */
    if (deck->print_flags && fonts_ok && !d->errors) {
        ashi_cm *cm = deck->profile ? ashi_cm_new(m, deck->profile, deck->profile_len,
                                                  deck->photo_intent)
                                    : NULL;
        if (deck->profile && !cm)
            return ASHI_E_MEMORY;
        ashi_dl_print_check(&deck->dlist, (deck->print_flags & ASHI_PRINT_PREFLIGHT) != 0, cm,
                            d);
        ashi_cm_free(cm);
    }
    deck->bleed = opt && opt->print ? ASHI_MM(opt->bleed_mm)
                  : deck->dlist.bleed > 0 ? deck->dlist.bleed
                                          : ASHI_MM(3);
    deck->creep = opt && deck->print_flags & ASHI_PRINT_BOOKLET ? ASHI_MM(opt->creep_mm) : 0;
    /* the slug label, after the checks: it belongs outside the trim */
    if ((deck->print_flags & (ASHI_PRINT_SLUG | ASHI_PRINT_MARKS | ASHI_PRINT_2UP)) ==
            (ASHI_PRINT_SLUG | ASHI_PRINT_MARKS) &&
        fonts_ok && !d->errors &&
        ashi_layout_slugs(deck->doc, &deck->theme, &deck->fonts, deck->diags.file,
                          deck->print_flags & ASHI_PRINT_BLEED ? deck->bleed : 0,
                          ashi__limits_of(opt), a, d, &deck->dlist))
        return ASHI_E_MEMORY;
    if (d->errors)
        return ASHI_E_DECK;
    if (!fonts_ok)
        return ASHI_E_FONT;
    deck->laid_out = 1;
    return ASHI_OK;
}

/* The stages, then every problem they found in source order, each once. */
ashi_status ashi__deck_load(ashi_deck *deck, const ashi_options *opt, const char *data,
                            size_t len, const char *base_dir, void *built)
{
    ashi_status st = load_stages(deck, opt, data, len, base_dir, built);
    ashi_diag_sort(&deck->diags);
    return deck->diags.oom ? ASHI_E_MEMORY : st;
}

ashi_status ashi_deck_load_memory(const ashi_options *opt, const void *data, size_t len,
                                  const char *name, const char *base_dir, ashi_deck **out)
{
    if (!out || (!data && len))
        return ASHI_E_ARGUMENT;
    *out = ashi__deck_new(opt, name ? name : "<memory>");
    if (!*out)
        return ASHI_E_MEMORY;
    ashi_deck *deck = *out;
    if (len > ashi__limits_of(opt)->input_bytes) {
        ashi_loc none = {0, 0};
        ashi_diag_add(&deck->diags, ASHI_ERROR, "limit", none,
                      "the deck is %zu bytes, over the input-bytes limit of %zu", len,
                      ashi__limits_of(opt)->input_bytes);
        return ASHI_E_DECK;
    }
    char *copy = ashi_arena_strndup(deck->arena, data ? data : "", len);
    char *dir = base_dir ? ashi_arena_strdup(deck->arena, base_dir) : NULL;
    if (!copy || (base_dir && !dir))
        return ASHI_E_MEMORY;
    return ashi__deck_load(deck, opt, copy, len, dir, NULL);
}

ashi_status ashi_deck_load_file(const ashi_options *opt, const char *path, ashi_deck **out)
{
    if (!out || !path)
        return ASHI_E_ARGUMENT;
    *out = ashi__deck_new(opt, path);
    if (!*out)
        return ASHI_E_MEMORY;
    ashi_deck *deck = *out;
    ashi_loc none = {0, 0};
    /* only a regular file: a FIFO or a device is never opened (opening
     * either can block or act), and what is opened must be what was seen */
    struct stat st;
    int fd = ashi_res_open_regular(path, &st);
    if (fd < 0) {
        const char *why = ashi_res_open_why(fd, &st);
        ashi_diag_add(&deck->diags, ASHI_ERROR, "io", none, "cannot read the deck: %s", why);
        return ASHI_E_IO;
    }
    if ((unsigned long long)st.st_size > ashi__limits_of(opt)->input_bytes) {
        close(fd);
        ashi_diag_add(&deck->diags, ASHI_ERROR, "limit", none,
                      "the deck is %lld bytes, over the input-bytes limit of %zu",
                      (long long)st.st_size, ashi__limits_of(opt)->input_bytes);
        return ASHI_E_DECK;
    }
    size_t len = (size_t)st.st_size;
    char *data = ashi_arena_alloc(deck->arena, len + 1);
    if (!data) {
        close(fd);
        return ASHI_E_MEMORY;
    }
    int failed;
    size_t got = ashi_res_read_exact(fd, (unsigned char *)data, len, &failed);
    close(fd);
    if (ashi_res_protect(&deck->res, (unsigned long long)st.st_dev,
                         (unsigned long long)st.st_ino))
        return ASHI_E_MEMORY;
    if (got != len) {
        ashi_diag_add(&deck->diags, ASHI_ERROR, "io", none, "the deck could not be read whole");
        return ASHI_E_IO;
    }
    return ashi__deck_load(deck, opt, data, len, dir_of(deck->arena, path), NULL);
}

void ashi_deck_free(ashi_deck *deck)
{
    if (!deck)
        return;
    for (int i = 0; i < deck->nsubsets; i++)
        ashi_subset_free(&deck->subsets[i]);
    if (deck->fonts_open)
        ashi_fontset_close(&deck->fonts);
    ashi_dl_release(&deck->dlist); /* pages left open by a failed layout */
    for (int i = 0; i < deck->dlist.narenas; i++)
        ashi_arena_free(deck->dlist.arenas[i]);
    ashi_xml_tree_free(deck->built);
    ashi_arena_free(deck->arena);
    free(deck);
}

size_t ashi_deck_diag_count(const ashi_deck *deck) { return deck ? deck->diags.n : 0; }

size_t ashi_deck_error_count(const ashi_deck *deck) { return deck ? deck->diags.errors : 0; }

/* What usually fixes a problem of a code, for ashi_diag.hint; NULL where
 * the message says it all. */
static const struct {
    const char *code, *hint;
} hints[] = {
    {"bad-value", "use one of the values the message lists (docs/reference.en.md)"},
    {"chart-data", "give each series one number per category, separated by spaces"},
    {"doctype", "remove the DOCTYPE line; write characters directly in UTF-8"},
    {"empty-list", "give the list at least one item, or remove it"},
    {"encoding", "save the deck as UTF-8"},
    {"entity", "write the character itself in UTF-8 instead of an entity"},
    {"font-bad", "use an undamaged copy of the font file, or remove it from the theme"},
    {"font-missing", "put the font file in the deck's folder, or name its folder with "
                     "--font-dir or ASHI_FONT_PATH"},
    {"image", "save the picture again as PNG or JPEG, inside the deck's folder"},
    {"io", "check the path, the folder's permissions and the free space"},
    {"limit", "split the deck, or raise the limit in the options (--limit)"},
    {"loose-line", "reword the text or widen the column so that the line fills"},
    {"missing-attribute", "add the attribute the message names"},
    {"missing-glyph", "use a character the fonts have, or add a font that has it to the "
                      "theme"},
    {"no-alt", "give the image or chart an alt text for screen readers"},
    {"overflow", "shorten the text, split the slide in two, or give the slide "
                 "fit=\"shrink\""},
    {"print-edge", "move the text at least 3 mm inside the trim"},
    {"print-low-ppi", "use a larger picture, or place it smaller"},
    {"print-rgb-colour", "give the colour as cmyk(C,M,Y,K) in the theme"},
    {"print-small-text", "make the text at least 6 pt"},
    {"ruby-count", "give one reading per base character, separated by spaces"},
    {"unknown-attribute", "check the spelling against the element's attributes "
                          "(docs/reference.en.md)"},
    {"unknown-element", "check the spelling against the element names "
                        "(docs/reference.en.md)"},
    {"utf8", "save the deck as UTF-8"},
    {"xml-syntax", "check the tags and quotes at that place: every element is closed, "
                   "every value quoted, & written &amp;"},
};

/* The same in Japanese: every one (tests/ja_codes.py checks). */
static const struct {
    const char *code, *hint;
} hints_ja[] = {
    {"bad-value", "メッセージにある値のどれかにしてください（docs/reference.ja.md）"},
    {"chart-data", "系列ごとに、分類の数だけ数を空白で区切って書いてください"},
    {"doctype", "DOCTYPE の行を消し、文字は UTF-8 でそのまま書いてください"},
    {"empty-list", "リストに項目を少なくとも 1 つ書くか、リストを消してください"},
    {"entity", "実体参照ではなく、文字そのものを UTF-8 で書いてください"},
    {"font-bad", "壊れていない書体ファイルを使うか、テーマから外してください"},
    {"limit", "デッキを分けるか、オプションで上限を上げてください（--limit）"},
    {"print-edge", "文字を仕上がり線から 3 mm 以上内側に入れてください"},
    {"print-low-ppi", "もっと大きな画像を使うか、小さく配置してください"},
    {"print-rgb-colour", "テーマで色を cmyk(C,M,Y,K) で書いてください"},
    {"print-small-text", "文字を 6 pt 以上にしてください"},
    {"ruby-count", "親文字 1 字に一つずつ、空白で区切って読みを書いてください"},
    {"encoding", "デッキを UTF-8 で保存してください"},
    {"font-missing", "書体ファイルをデッキのフォルダに置くか、そのフォルダを --font-dir か "
                     "ASHI_FONT_PATH で指定してください"},
    {"image", "画像を PNG か JPEG で保存し直し、デッキのフォルダに置いてください"},
    {"io", "パス、フォルダの書き込み権限、空き容量を確かめてください"},
    {"loose-line", "言い回しを変えるか段の幅を広げると、行が埋まります"},
    {"missing-attribute", "メッセージにある属性を加えてください"},
    {"missing-glyph", "書体にある文字を使うか、その文字を持つ書体をテーマに加えてください"},
    {"no-alt", "読み上げのために、画像やグラフに代替テキスト（alt）を付けてください"},
    {"overflow", "文字を減らすか、スライドを 2 枚に分けるか、スライドに fit=\"shrink\" を付け"
                 "てください"},
    {"unknown-attribute", "その要素の属性の綴りを確かめてください（docs/reference.ja.md）"},
    {"unknown-element", "要素名の綴りを確かめてください（docs/reference.ja.md）"},
    {"utf8", "デッキを UTF-8 で保存してください"},
    {"xml-syntax", "その場所のタグと引用符を確かめてください。要素はすべて閉じ、値はすべて引用"
                   "符で囲み、& は &amp; と書きます"},
};

static const char *hint_of(const char *code, int ja)
{
    for (size_t i = 0; ja && i < sizeof hints_ja / sizeof hints_ja[0]; i++)
        if (!strcmp(hints_ja[i].code, code))
            return hints_ja[i].hint;
    for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++)
        if (!strcmp(hints[i].code, code))
            return hints[i].hint;
    return NULL;
}

static int loc_before(ashi_loc a, ashi_loc b)
{
    return a.line < b.line || (a.line == b.line && a.col <= b.col);
}

/* The slide (1-based, in the deck's order) a place in the deck is in: the
 * last slide or section starting at or before it, when that is a slide. */
static size_t slide_at(const ashi_deck *deck, ashi_loc at)
{
    if (!deck->doc || at.line == 0)
        return 0;
    size_t n = 0, in = 0;
    for (const ashi_entry *e = deck->doc->entries; e; e = e->next) {
        const ashi_section *sec = e->section;
        if (sec) {
            if (!loc_before(sec->loc, at))
                return in;
            in = 0;
            for (const ashi_slide *s = sec->slides; s; s = s->next_in_section) {
                n++;
                if (!loc_before(s->loc, at))
                    return in;
                in = n;
            }
        } else if (e->slide) {
            n++;
            if (!loc_before(e->slide->loc, at))
                return in;
            in = n;
        }
    }
    return in;
}

ashi_status ashi_deck_diag_sized(const ashi_deck *deck, size_t index, ashi_diag *out,
                                 size_t size)
{
    if (!deck || !out || index >= deck->diags.n ||
        size < offsetof(ashi_diag, message) + sizeof out->message)
        return ASHI_E_ARGUMENT;
    ashi_diag g = deck->diags.v[index];
    g.slide = slide_at(deck, deck->diags.keys[index]);
    g.hint = hint_of(g.code, deck->lang_ja);
    memcpy(out, &g, size < sizeof g ? size : sizeof g);
    return ASHI_OK;
}

size_t ashi_deck_page_count(const ashi_deck *deck)
{
    return deck && deck->laid_out ? deck->dlist.npages : 0;
}

size_t ashi_deck_pdf_page_count(const ashi_deck *deck) { return deck ? deck->pdf_pages : 0; }

const char *ashi_deck_font_file(const ashi_deck *deck, size_t index)
{
    if (!deck || !deck->fonts_open || index >= (size_t)deck->fonts.nfaces)
        return NULL;
    return deck->fonts.faces[index]->path;
}

/* Internal: the display list as text (tests and debugging). */
ASHI_EXPORT ashi_status ashi__deck_trace(const ashi_deck *deck, ashi_buf *out);
ashi_status ashi__deck_trace(const ashi_deck *deck, ashi_buf *out)
{
    if (!deck || !deck->laid_out)
        return ASHI_E_DECK;
    return ashi_dl_trace(&deck->dlist, out) ? ASHI_E_MEMORY : ASHI_OK;
}

static ashi_status render(ashi_deck *deck, const ashi_pdf_sink *out)
{
    if (!deck)
        return ASHI_E_ARGUMENT;
    if (!deck->laid_out || deck->diags.errors)
        return ASHI_E_DECK;
    ashi_render_opts o = {deck->print_flags, deck->bleed, deck->limits.output_bytes,
                          deck->creep, deck->diags.file, deck->profile, deck->profile_len,
                          deck->profile ? deck->profile_desc : NULL, deck->max_ppi,
                          deck->photo_intent, deck->threads, deck->subsets, deck->nsubsets};
    ashi_phase_mark t = ashi_phase_begin(deck->mem);
    ashi_status st = ashi_render_pdf(&deck->dlist, &o, &deck->diags, out, &deck->pdf_pages);
    ashi_phase_end(deck->mem, ASHI_PHASE_PDF, t);
    return st;
}

/* ---- where the PDF goes (render/render.h's sink) ---- */

static int buf_open(void *user, size_t size)
{
    ashi_buf *b = user;
    b->data = ashi_malloc(b->mem, size ? size : 1);
    b->cap = size ? size : 1;
    return b->data ? 0 : 1;
}

static int buf_write(void *user, const void *p, size_t n)
{
    ashi_buf *b = user;
    ashi_buf_append(b, p, n);
    return b->oom ? 1 : 0;
}

ashi_status ashi_deck_render_memory(ashi_deck *deck, unsigned char **out, size_t *len)
{
    if (!out || !len)
        return ASHI_E_ARGUMENT;
    *out = NULL;
    *len = 0;
    ashi_buf b = {.mem = deck ? deck->mem : NULL};
    const ashi_pdf_sink sink = {buf_open, buf_write, &b};
    ashi_status st = render(deck, &sink);
    if (st != ASHI_OK) {
        ashi_buf_free(&b);
        return st;
    }
    *out = (unsigned char *)b.data;
    *len = b.len;
    return ASHI_OK;
}

typedef struct callback_out {
    ashi_write_fn write;
    void *user;
    ashi_diags *d;
} callback_out;

static int callback_open(void *user, size_t size)
{
    (void)user;
    (void)size;
    return 0;
}

static int callback_write(void *user, const void *p, size_t n)
{
    callback_out *c = user;
    if (c->write(c->user, p, n) == 0)
        return 0;
    ashi_loc none = {0, 0};
    ashi_diag_add(c->d, ASHI_ERROR, "io", none, "the write callback failed");
    return -1;
}

ashi_status ashi_deck_render_callback(ashi_deck *deck, ashi_write_fn write, void *user)
{
    if (!write)
        return ASHI_E_ARGUMENT;
    if (!deck)
        return ASHI_E_ARGUMENT;
    callback_out c = {write, user, &deck->diags};
    const ashi_pdf_sink sink = {callback_open, callback_write, &c};
    return render(deck, &sink);
}

typedef struct file_out {
    ashi_deck *deck;
    const char *path;
    ashi_res_out out;
    int opened;
} file_out;

static int file_open(void *user, size_t size)
{
    (void)size;
    file_out *f = user;
    int rc = ashi_res_out_open(&f->out, &f->deck->res, f->path, &f->deck->diags);
    f->opened = rc == 0;
    return rc > 0 ? -1 : rc < 0 ? 1 : 0;
}

static int file_write(void *user, const void *p, size_t n)
{
    file_out *f = user;
    return ashi_res_out_write(&f->out, p, n) ? -1 : 0;
}

ashi_status ashi_deck_render_page(ashi_deck *deck, size_t page, ashi_image_format format,
                                  double ppi, ashi_write_fn write, void *user)
{
    if (!deck || !write || (format != ASHI_IMAGE_PNG && format != ASHI_IMAGE_SVG))
        return ASHI_E_ARGUMENT;
    if (!deck->laid_out || deck->diags.errors)
        return ASHI_E_DECK;
    callback_out c = {write, user, &deck->diags};
    const ashi_pdf_sink sink = {callback_open, callback_write, &c};
    ashi_arena *scratch = ashi_arena_new(deck->mem);
    if (!scratch)
        return ASHI_E_MEMORY;
    ashi_status st = ashi_render_page_image(&deck->dlist, page, format == ASHI_IMAGE_SVG, ppi,
                                            scratch, &sink);
    ashi_arena_free(scratch);
    return st;
}

ashi_status ashi_deck_render_file(ashi_deck *deck, const char *path)
{
    if (!deck || !path || !path[0])
        return ASHI_E_ARGUMENT;
    file_out f = {deck, path, {0}, 0};
    const ashi_pdf_sink sink = {file_open, file_write, &f};
    ashi_status st = render(deck, &sink);
    /* the new file replaces the old one only when all of it was written */
    if (f.opened && ashi_res_out_close(&f.out, st == ASHI_OK) && st == ASHI_OK)
        st = ASHI_E_IO;
    return st;
}

void ashi_free(void *ptr) { free(ptr); }
