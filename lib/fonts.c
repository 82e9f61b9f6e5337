/* fonts.c — the public API's list of usable fonts: every TrueType or
 * OpenType file in the folders fonts are looked up in, in that order, with
 * the family and style its name table gives (FreeType reads the headers,
 * not the outlines). SPDX-License-Identifier: MIT */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <ft2build.h>
#include FT_FREETYPE_H

#include "deck.h"

static int font_name(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && (!strcasecmp(name + n - 4, ".ttf") || !strcasecmp(name + n - 4, ".otf") ||
                     !strcasecmp(name + n - 4, ".ttc"));
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

ashi_status ashi_fonts_list(const ashi_options *opt, ashi_font_fn each, void *user)
{
    if (!each)
        return ASHI_E_ARGUMENT;
    ashi_arena *a = ashi_arena_new(NULL);
    FT_Library ft = NULL;
    if (!a || FT_Init_FreeType(&ft)) {
        ashi_arena_free(a);
        return ASHI_E_MEMORY;
    }
    const char *dirs[ASHI__FONT_SEARCH_DIRS];
    size_t nd = ashi__font_search_dirs(opt, NULL, a, dirs);
    ashi_status st = ASHI_OK;
    char **seen = NULL; /* folders already listed (the same one twice) */
    size_t nseen = 0;
    for (size_t d = 0; d < nd && st == ASHI_OK; d++) {
        char *real = dirs[d] ? realpath(dirs[d], NULL) : NULL;
        int dup = !real;
        for (size_t k = 0; real && k < nseen && !dup; k++)
            dup = !strcmp(seen[k], real);
        char **grown = dup ? NULL : realloc(seen, (nseen + 1) * sizeof *seen);
        if (dup || !grown) {
            free(real);
            continue;
        }
        seen = grown;
        seen[nseen++] = real;
        DIR *dir = opendir(real);
        if (!dir)
            continue;
        /* the files of the folder, in name order */
        char **names = NULL;
        size_t n = 0, cap = 0;
        for (struct dirent *e; (e = readdir(dir));) {
            if (!font_name(e->d_name))
                continue;
            if (n == cap) {
                cap = cap ? cap * 2 : 32;
                char **v = realloc(names, cap * sizeof *v);
                if (!v)
                    break;
                names = v;
            }
            if (!(names[n] = ashi_arena_strdup(a, e->d_name)))
                break;
            n++;
        }
        closedir(dir);
        if (n)
            qsort(names, n, sizeof *names, by_name);
        for (size_t i = 0; i < n && st == ASHI_OK; i++) {
            char *path = ashi_arena_printf(a, "%s/%s", real, names[i]);
            struct stat sb;
            FT_Face face = NULL;
            if (!path || stat(path, &sb) || !S_ISREG(sb.st_mode) ||
                FT_New_Face(ft, path, 0, &face))
                continue; /* not a font FreeType opens: not usable */
            if (FT_IS_SFNT(face) && each(user, face->family_name ? face->family_name : "",
                                         face->style_name ? face->style_name : "", path))
                st = ASHI_E_IO; /* the caller stopped */
            FT_Done_Face(face);
        }
        free(names);
    }
    for (size_t k = 0; k < nseen; k++)
        free(seen[k]);
    free(seen);
    FT_Done_FreeType(ft);
    ashi_arena_free(a);
    return st;
}
