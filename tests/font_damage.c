/* font_damage.c — writes a damaged copy of a TrueType font, for the tests of
 * font checking at load (tests/fonts.sh): `font_damage IN OUT KIND`, one
 * kind of damage each, made from the bundled fonts at test time so that no
 * damaged font is kept in the tree. Each keeps the file consistent enough
 * for FreeType to open it unless its name says otherwise. libc only.
 * SPDX-License-Identifier: MIT */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint8_t *font;
static size_t size;

static unsigned get16(size_t at) { return (unsigned)font[at] << 8 | font[at + 1]; }
static uint32_t get32(size_t at)
{
    return (uint32_t)font[at] << 24 | (uint32_t)font[at + 1] << 16 |
           (uint32_t)font[at + 2] << 8 | font[at + 3];
}
static void put16(size_t at, unsigned v)
{
    font[at] = (uint8_t)(v >> 8);
    font[at + 1] = (uint8_t)v;
}
static void put32(size_t at, uint32_t v)
{
    put16(at, v >> 16);
    put16(at + 2, v & 0xFFFF);
}

/* The offset of the table record tagged tag in the directory. */
static size_t record(const char *tag)
{
    unsigned n = get16(4);
    for (unsigned i = 0; i < n; i++)
        if (memcmp(font + 12 + 16 * i, tag, 4) == 0)
            return 12 + 16 * i;
    fprintf(stderr, "font_damage: the font has no '%s' table\n", tag);
    exit(2);
}
static size_t table(const char *tag) { return get32(record(tag) + 8); }
static size_t table_len(const char *tag) { return get32(record(tag) + 12); }

/* Where glyph g's outline starts in the file, and its length. */
static size_t glyph(unsigned g, size_t *len)
{
    size_t loca = table("loca");
    int longs = get16(table("head") + 50) != 0;
    size_t a = longs ? get32(loca + 4 * g) : 2 * (size_t)get16(loca + 2 * g);
    size_t b = longs ? get32(loca + 4 * g + 4) : 2 * (size_t)get16(loca + 2 * g + 2);
    *len = b - a;
    return table("glyf") + a;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: font_damage IN.ttf OUT.ttf KIND\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "rb");
    if (!in || fseek(in, 0, SEEK_END) || (long)(size = (size_t)ftell(in)) < 0 ||
        fseek(in, 0, SEEK_SET) || !(font = malloc(size)) || fread(font, 1, size, in) != size) {
        fprintf(stderr, "font_damage: cannot read %s\n", argv[1]);
        return 2;
    }
    fclose(in);
    const char *kind = argv[3];
    unsigned nglyphs = get16(table("maxp") + 4);
    size_t out_size = size;

    if (!strcmp(kind, "glyf-short")) {
        /* the glyf table said to end after its first 1000 bytes: every
         * later glyph's loca offset runs past it */
        put32(record("glyf") + 12, 1000);
    } else if (!strcmp(kind, "file-cut")) {
        /* the file cut in the middle of its glyf table */
        out_size = table("glyf") + table_len("glyf") / 2;
    } else if (!strcmp(kind, "loca-backwards")) {
        /* glyph 100 said to start after glyph 101 does */
        size_t loca = table("loca");
        uint32_t a = get32(loca + 4 * 100), b = get32(loca + 4 * 101);
        put32(loca + 4 * 100, b + 4);
        put32(loca + 4 * 101, a);
    } else if (!strcmp(kind, "loca-short")) {
        put32(record("loca") + 12, (uint32_t)(table_len("loca") / 2));
    } else if (!strcmp(kind, "loca-format")) {
        put16(table("head") + 50, 2);
    } else if (!strcmp(kind, "head-magic")) {
        put32(table("head") + 12, 0);
    } else if (!strcmp(kind, "hmtx-short")) {
        put32(record("hmtx") + 12, (uint32_t)(table_len("hmtx") - 400));
    } else if (!strcmp(kind, "no-loca")) {
        /* the loca table's record renamed: FreeType opens the font still */
        memcpy(font + record("loca"), "loc?", 4);
    } else if (!strcmp(kind, "no-cmap")) {
        memcpy(font + record("cmap"), "cma?", 4);
    } else if (!strcmp(kind, "cmap-empty")) {
        put16(table("cmap") + 2, 0); /* no encoding records */
    } else if (!strcmp(kind, "twice")) {
        /* a second record for the 'post' table, in place of 'prep' */
        memcpy(font + record("prep"), "post", 4);
    } else if (!strcmp(kind, "glyph-cut") || !strcmp(kind, "contours") ||
               !strcmp(kind, "component")) {
        /* every simple glyph of two contours or more and 40 bytes or more
         * damaged alike (the outlines checked are those a deck uses):
         * glyph-cut: its last contour said to end at point 30000, so that
         * its flags and coordinates run past its bytes; contours: contour
         * ends out of order; component: rewritten as a composite of a
         * glyph past the font's glyph count */
        for (unsigned g = 1; g < nglyphs; g++) {
            size_t len, at = glyph(g, &len);
            if (len < 40 || (int16_t)get16(at) < 2)
                continue;
            if (!strcmp(kind, "glyph-cut")) {
                unsigned contours = get16(at);
                put16(at + 10 + 2 * (contours - 1), 30000);
            } else if (!strcmp(kind, "contours")) {
                put16(at + 10, get16(at + 12) + 1);
            } else {
                put16(at, 0xFFFF);           /* numberOfContours -1 */
                put16(at + 10, 0x0002);      /* ARGS_ARE_XY_VALUES, byte arguments */
                put16(at + 12, nglyphs + 5); /* glyphIndex */
                put16(at + 14, 0);           /* the two arguments */
            }
        }
    } else if (!strcmp(kind, "name")) {
        /* the name table's records said to be 60000: HarfBuzz's check of
         * it fails, FreeType opens the font all the same */
        put16(table("name") + 2, 60000);
    } else {
        fprintf(stderr, "font_damage: unknown kind '%s'\n", kind);
        return 2;
    }

    FILE *out = fopen(argv[2], "wb");
    if (!out || fwrite(font, 1, out_size, out) != out_size || fclose(out)) {
        fprintf(stderr, "font_damage: cannot write %s\n", argv[2]);
        return 2;
    }
    free(font);
    return 0;
}
