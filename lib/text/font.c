/* font.c — opens font files once: one read-only mapping serves FreeType and
 * HarfBuzz; a font cache shares opened faces between decks and threads.
 * SPDX-License-Identifier: MIT */
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include <hb-ot.h>
#include <hb.h>

#include "api_debug.h"
#include "text/text.h"

#define MAX_FONT_FILE (256u * 1024 * 1024)

static void face_free(ashi_face *f)
{
    if (!f)
        return;
    if (f->hb_font)
        hb_font_destroy(f->hb_font);
    if (f->hb_face)
        hb_face_destroy(f->hb_face);
    if (f->ft_face)
        FT_Done_Face(f->ft_face);
    if (f->map)
        munmap(f->map, f->map_len);
    f->hb_font = f->hb_face = f->ft_face = f->map = NULL;
}

/* Maps and opens one font file into f (strings in a). Returns NULL, or why
 * the file cannot be used (then f holds nothing). */
static const char *load_face(ashi_face *f, FT_Library lib, const char *path, ashi_arena *a)
{
    f->path = ashi_arena_strdup(a, path);
    if (!f->path)
        return "does not fit in memory";
    const char *why = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) || !S_ISREG(st.st_mode)) {
        why = "cannot be read";
    } else if (st.st_size < 12 || (unsigned long long)st.st_size > MAX_FONT_FILE) {
        why = "has an impossible size";
    } else {
        f->map_len = (size_t)st.st_size;
        f->map = mmap(NULL, f->map_len, PROT_READ, MAP_PRIVATE, fd, 0);
        if (f->map == MAP_FAILED) {
            f->map = NULL;
            why = "cannot be mapped";
        }
    }
    if (fd >= 0)
        close(fd);
    FT_Face ft = NULL;
    if (!why && FT_New_Memory_Face(lib, f->map, (FT_Long)f->map_len, 0, &ft))
        why = "is not a font FreeType can read";
    f->ft_face = ft;
    if (!why && !FT_IS_SFNT(ft))
        why = "is not a TrueType/OpenType font";
    if (!why) {
        hb_blob_t *blob = hb_blob_create(f->map, (unsigned)f->map_len,
                                         HB_MEMORY_MODE_READONLY, NULL, NULL);
        f->hb_face = hb_face_create(blob, 0);
        hb_blob_destroy(blob);
        hb_blob_t *glyf = hb_face_reference_table(f->hb_face, HB_TAG('g', 'l', 'y', 'f'));
        if (hb_blob_get_length(glyf) == 0)
            why = "has no TrueType outlines (glyf table); only TrueType fonts can be embedded";
        hb_blob_destroy(glyf);
    }
    if (!why && (ft->units_per_EM < 16 || ft->units_per_EM > 16384 || ft->num_glyphs < 1))
        why = "has broken header values";
    const char *ps = why ? NULL : FT_Get_Postscript_Name(ft);
    if (!why && !(f->ps_name = ashi_arena_strdup(a, ps ? ps : "Unnamed")))
        why = "does not fit in memory";
    if (why) {
        face_free(f);
        return why;
    }
    f->upem = ft->units_per_EM;
    f->hb_font = hb_font_create(f->hb_face);
    hb_font_set_scale(f->hb_font, (int)f->upem, (int)f->upem);
    hb_ot_font_set_funcs(f->hb_font);
    hb_font_make_immutable(f->hb_font); /* shared by threads through a cache */
    f->ascender = ft->ascender;
    f->descender = ft->descender;
    f->bbox[0] = (int)ft->bbox.xMin;
    f->bbox[1] = (int)ft->bbox.yMin;
    f->bbox[2] = (int)ft->bbox.xMax;
    f->bbox[3] = (int)ft->bbox.yMax;
    TT_OS2 *os2 = FT_Get_Sfnt_Table(ft, FT_SFNT_OS2);
    f->cap_height = os2 && os2->version >= 2 ? os2->sCapHeight : f->ascender * 7 / 10;
    TT_Postscript *post = FT_Get_Sfnt_Table(ft, FT_SFNT_POST);
    f->italic_angle = post ? (int)(post->italicAngle >> 16) : 0;
    return NULL;
}

/* ---- the shared cache (ashi_font_cache in the public API) --------------- */

#define CACHE_FACES 64

struct ashi_font_cache {
    pthread_mutex_t lock;
    FT_Library ft_library;
    ashi_arena *a;
    ashi_face *faces[CACHE_FACES];
    int nfaces;
};

ashi_font_cache *ashi_font_cache_create(void)
{
    ashi_font_cache *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->a = ashi_arena_new(NULL);
    if (!c->a || FT_Init_FreeType(&c->ft_library) || pthread_mutex_init(&c->lock, NULL)) {
        if (c->ft_library)
            FT_Done_FreeType(c->ft_library);
        ashi_arena_free(c->a);
        free(c);
        return NULL;
    }
    return c;
}

void ashi_font_cache_destroy(ashi_font_cache *c)
{
    if (!c)
        return;
    for (int i = 0; i < c->nfaces; i++)
        face_free(c->faces[i]);
    FT_Done_FreeType(c->ft_library);
    pthread_mutex_destroy(&c->lock);
    ashi_arena_free(c->a);
    free(c);
}

/* The cached face for path, opened into the cache on first use. NULL with
 * *why when the file cannot be used, or with *why NULL when the cache is
 * full (the caller opens the face itself). */
static ashi_face *cached_face(ashi_font_cache *c, const char *path, const char **why)
{
    *why = NULL;
    ashi_face *f = NULL;
    pthread_mutex_lock(&c->lock);
    for (int i = 0; i < c->nfaces && !f; i++)
        if (strcmp(c->faces[i]->path, path) == 0)
            f = c->faces[i];
    if (!f && c->nfaces < CACHE_FACES) {
        ashi_face *n = ashi_arena_alloc(c->a, sizeof *n);
        *why = n ? load_face(n, c->ft_library, path, c->a) : "does not fit in memory";
        if (!*why)
            c->faces[c->nfaces++] = f = n;
    }
    pthread_mutex_unlock(&c->lock);
    return f;
}

int ashi__font_cache_faces(ashi_font_cache *c)
{
    pthread_mutex_lock(&c->lock);
    int n = c->nfaces;
    pthread_mutex_unlock(&c->lock);
    return n;
}

/* ---- the faces of one deck ---------------------------------------------- */

static ashi_face *open_face(ashi_fontset *fs, const char *path, ashi_arena *a,
                            ashi_diags *d, ashi_loc loc)
{
    for (int i = 0; i < fs->nfaces; i++)
        if (strcmp(fs->faces[i]->path, path) == 0)
            return fs->faces[i];
    const char *why = NULL;
    ashi_face *f = fs->cache ? cached_face(fs->cache, path, &why) : NULL;
    int owned = !f && !why;
    if (owned) {
        if (!fs->ft_library && FT_Init_FreeType((FT_Library *)&fs->ft_library))
            return NULL;
        f = ashi_arena_alloc(a, sizeof *f);
        if (!f)
            return NULL;
        why = load_face(f, fs->ft_library, path, a);
    }
    if (why) {
        const char *slash = strrchr(path, '/');
        ashi_diag_add(d, ASHI_ERROR, "font-bad", loc, "font file '%s' %s",
                      slash ? slash + 1 : path, why);
        return NULL;
    }
    fs->owned[fs->nfaces] = owned;
    fs->faces[fs->nfaces++] = f;
    return f;
}

int ashi_fontset_open(ashi_fontset *fs, const ashi_theme *t, ashi_font_cache *cache,
                      ashi_arena *a, ashi_diags *d)
{
    memset(fs, 0, sizeof *fs);
    fs->cache = cache;
    int rc = 0;
    for (int i = 0; i < t->nfamilies; i++) {
        const ashi_family *fam = &t->families[i];
        ashi_face *r = fam->regular ? open_face(fs, fam->regular, a, d, fam->loc) : NULL;
        ashi_face *b = fam->bold ? open_face(fs, fam->bold, a, d, fam->loc) : r;
        if (!r || !b)
            rc = -1;
        fs->families[i].regular = r;
        fs->families[i].bold = b ? b : r;
    }
    fs->nfamilies = t->nfamilies;
    if (fs->nfamilies == 0)
        rc = -1;
    return rc;
}

void ashi_fontset_close(ashi_fontset *fs)
{
    for (int i = 0; i < fs->nfaces; i++)
        if (fs->owned[i])
            face_free(fs->faces[i]);
    fs->nfaces = 0;
    if (fs->ft_library)
        FT_Done_FreeType(fs->ft_library);
    fs->ft_library = NULL;
}

uint32_t ashi_face_glyph(const ashi_face *f, uint32_t cp)
{
    hb_codepoint_t g = 0;
    return hb_font_get_nominal_glyph(f->hb_font, cp, &g) ? g : 0;
}

int ashi_face_advance(const ashi_face *f, uint32_t gid)
{
    return hb_font_get_glyph_h_advance(f->hb_font, gid);
}
