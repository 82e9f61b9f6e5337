/* font.c — opens font files once: each is read into memory (so a file that
 * changes afterwards cannot touch the library; its outlines block by block,
 * as glyphs are used), checked, and then served from that copy to FreeType
 * and HarfBuzz; a font cache shares opened faces
 * between decks and threads. SPDX-License-Identifier: MIT */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include "api_debug.h"
#include "res/res.h"
#include "text/text.h"

#define MAX_FONT_FILE (256u * 1024 * 1024)
#define WHY_SIZE 200

/* ---- reading ------------------------------------------------------------ */

/* The outlines (glyf) are most of a large font's bytes and a deck uses few
 * of them: they are read when a glyph is first checked or embedded, in
 * blocks of LAZY_BLOCK bytes of the file, from the descriptor kept open for
 * that; every other byte is read at load. Blocks that share a byte with any
 * other table (or the directory) are read at load too, so that a block read
 * later never writes bytes someone may be reading. */
#define LAZY_BLOCK 512u
#define LAZY_MIN (64u * 1024)

typedef struct lazy_glyf {
    pthread_mutex_t lock; /* faces are shared between threads */
    int fd;
    size_t b0, b1;         /* the blocks read on demand: [b0, b1) of the file */
    unsigned char *loaded; /* a bit per block of [b0, b1) */
    off_t size;            /* the file as opened: a later read of a file */
    struct timespec mtime; /* written since is refused */
    int broken;            /* the file changed: no more reads */
} lazy_glyf;

static void lazy_free(lazy_glyf *z)
{
    if (!z)
        return;
    if (z->fd >= 0)
        close(z->fd);
    pthread_mutex_destroy(&z->lock);
    free(z->loaded);
    free(z);
}

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
    lazy_free(f->lazy);
    free(f->data);
    f->hb_font = f->hb_face = f->ft_face = NULL;
    f->lazy = NULL;
    f->data = NULL;
}

static unsigned u16(const uint8_t *p) { return (unsigned)p[0] << 8 | p[1]; }
static uint32_t u32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

#define TAG(a, b, c, d) ((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 | (d))

/* Reads bytes [from, to) of fd into buf at the same offsets; 0 when all of
 * them came. */
static int read_at(int fd, unsigned char *buf, size_t from, size_t to)
{
    while (from < to) {
        ssize_t k = pread(fd, buf + from, to - from, (off_t)from);
        if (k < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (k <= 0)
            return -1;
        from += (size_t)k;
    }
    return 0;
}

static int block_loaded(const lazy_glyf *z, size_t b)
{
    return z->loaded[(b - z->b0) / 8] >> ((b - z->b0) % 8) & 1;
}

static void mark_blocks(lazy_glyf *z, size_t from, size_t to)
{
    size_t lo = from / LAZY_BLOCK, hi = (to + LAZY_BLOCK - 1) / LAZY_BLOCK;
    for (size_t b = lo > z->b0 ? lo : z->b0; b < hi && b < z->b1; b++)
        z->loaded[(b - z->b0) / 8] |= (unsigned char)(1u << ((b - z->b0) % 8));
}

/* Makes bytes [from, to) of the file present in f->data; 0, or -1 when the
 * file no longer holds them. */
static int load_bytes(const ashi_face *f, size_t from, size_t to)
{
    lazy_glyf *z = f->lazy;
    if (!z || to <= from)
        return 0;
    size_t lo = from / LAZY_BLOCK, hi = (to + LAZY_BLOCK - 1) / LAZY_BLOCK;
    if (lo < z->b0)
        lo = z->b0;
    if (hi > z->b1)
        hi = z->b1;
    pthread_mutex_lock(&z->lock);
    struct stat st;
    for (size_t b = lo; b < hi && !z->broken;) {
        if (block_loaded(z, b)) {
            b++;
            continue;
        }
        size_t e = b + 1;
        while (e < hi && !block_loaded(z, e))
            e++;
        if (fstat(z->fd, &st) || st.st_size != z->size ||
            st.st_mtim.tv_sec != z->mtime.tv_sec || st.st_mtim.tv_nsec != z->mtime.tv_nsec ||
            read_at(z->fd, f->data, b * LAZY_BLOCK, e * LAZY_BLOCK))
            z->broken = 1;
        else
            mark_blocks(z, b * LAZY_BLOCK, e * LAZY_BLOCK);
        b = e;
    }
    int rc = z->broken ? -1 : 0;
    pthread_mutex_unlock(&z->lock);
    return rc;
}

/* Where the table directory and the glyf table lie, read from the file's
 * first bytes (already in buf); 0 when found. */
static int find_glyf(int fd, unsigned char *buf, size_t size, size_t *dir_end, size_t *off,
                     size_t *len)
{
    size_t base = 0;
    if (read_at(fd, buf, 0, 16))
        return -1;
    if (u32(buf) == TAG('t', 't', 'c', 'f')) {
        base = u32(buf + 12);
        if (base > size - 12 || read_at(fd, buf, base, base + 12))
            return -1;
    }
    size_t n = u16(buf + base + 4), end = base + 12 + 16 * n;
    if (end > size || read_at(fd, buf, base + 12, end))
        return -1;
    *dir_end = end;
    for (size_t i = 0; i < n; i++) {
        const unsigned char *r = buf + base + 12 + 16 * i;
        if (u32(r) == TAG('g', 'l', 'y', 'f')) {
            *off = u32(r + 8);
            *len = u32(r + 12);
            return *off <= size && *len <= size - *off ? 0 : -1;
        }
    }
    return -1;
}

/* Reads the file into f->data (as large as the file): every byte now but
 * the glyf blocks no other table touches, which stay zero until
 * load_bytes. Its size from fstat; a file cut short or replaced while it
 * is read is refused, never a signal later, as a mapping of it would
 * give. */
static int read_font(ashi_face *f, const char *path, const unsigned long long *id,
                     ashi_mem *m, char *why)
{
    /* a regular file only: a FIFO put in the font's place is never opened */
    struct stat st;
    int fd = ashi_res_open_regular(path, &st);
    int rc = -1;
    if (fd == -1) {
        ashi_snprintf(why, WHY_SIZE, "cannot be read");
    } else if (fd == -2) {
        ashi_snprintf(why, WHY_SIZE, "is not a regular file");
    } else if (fd < 0) {
        ashi_snprintf(why, WHY_SIZE, "changed while it was being opened");
    } else if (id && id[1] && ((unsigned long long)st.st_dev != id[0] ||
                               (unsigned long long)st.st_ino != id[1])) {
        /* found in the deck's folder by the path rule: still that file */
        ashi_snprintf(why, WHY_SIZE, "changed while it was being opened");
    } else if (st.st_size < 12 || (unsigned long long)st.st_size > MAX_FONT_FILE) {
        ashi_snprintf(why, WHY_SIZE, "has an impossible size");
    } else if (!(f->data = ashi_calloc(m, (size_t)st.st_size, 1))) {
        ashi_snprintf(why, WHY_SIZE, "does not fit in memory");
    } else {
        size_t size = (size_t)st.st_size, dir_end = 0, goff = 0, glen = 0;
        f->size = size;
        lazy_glyf *z = NULL;
        if (size >= LAZY_MIN && find_glyf(fd, f->data, size, &dir_end, &goff, &glen) == 0 &&
            glen >= LAZY_MIN && (z = ashi_calloc(m, 1, sizeof *z))) {
            z->fd = fd;
            z->size = st.st_size;
            z->mtime = st.st_mtim;
            z->b0 = (goff + LAZY_BLOCK - 1) / LAZY_BLOCK;
            z->b1 = (goff + glen) / LAZY_BLOCK;
            if (!(z->loaded = ashi_calloc(m, (z->b1 - z->b0 + 7) / 8, 1)) ||
                pthread_mutex_init(&z->lock, NULL)) {
                free(z->loaded);
                free(z);
                z = NULL;
            }
        }
        int bad = 0;
        if (z) {
            /* the blocks the directory or another table shares are read now */
            mark_blocks(z, 0, dir_end);
            size_t base = u32(f->data) == TAG('t', 't', 'c', 'f') ? u32(f->data + 12) : 0;
            size_t n = u16(f->data + base + 4);
            for (size_t i = 0; i < n; i++) {
                const unsigned char *r = f->data + base + 12 + 16 * i;
                uint64_t o = u32(r + 8), l = u32(r + 12);
                if (u32(r) != TAG('g', 'l', 'y', 'f') && o < size)
                    mark_blocks(z, (size_t)o, (size_t)(o + l < size ? o + l : size));
            }
            /* then everything but the blocks left for later */
            size_t at = 0;
            for (size_t b = z->b0; b < z->b1 && !bad; b++)
                if (!block_loaded(z, b)) {
                    bad = read_at(fd, f->data, at, b * LAZY_BLOCK);
                    at = (b + 1) * LAZY_BLOCK;
                }
            bad = bad || read_at(fd, f->data, at, size);
        } else {
            bad = read_at(fd, f->data, 0, size);
        }
        /* nothing more than fstat said */
        unsigned char probe;
        if (!bad && pread(fd, &probe, 1, (off_t)size) != 0)
            bad = 1;
        if (bad) {
            ashi_snprintf(why, WHY_SIZE, "changed while it was read");
            if (z)
                z->fd = -1; /* closed below, with the file read */
            lazy_free(z);
        } else {
            rc = 0;
            f->lazy = z;
            if (z)
                fd = -1; /* kept for the outlines */
        }
    }
    if (fd >= 0)
        close(fd);
    return rc;
}

/* ---- checking: what FreeType opens, HarfBuzz may still read as empty ---- */


/* A table tag for a message: its four characters, '?' for unprintable. */
static void tag_name(uint32_t tag, char out[5])
{
    for (int i = 0; i < 4; i++) {
        unsigned c = tag >> (24 - 8 * i) & 0xFF;
        out[i] = c >= 0x20 && c < 0x7F && c != '\'' ? (char)c : '?';
    }
    out[4] = 0;
}

typedef struct sfnt {
    const uint8_t *p; /* the file */
    size_t n;
    const uint8_t *dir; /* the table records */
    unsigned ntables;
} sfnt;

/* The table tagged tag, its length in *len; NULL when absent. */
static const uint8_t *table(const sfnt *s, uint32_t tag, size_t *len)
{
    for (unsigned i = 0; i < s->ntables; i++) {
        const uint8_t *r = s->dir + 16 * i;
        if (u32(r) == tag) {
            *len = u32(r + 12);
            return s->p + u32(r + 8);
        }
    }
    *len = 0;
    return NULL;
}

/* The table directory: inside the file, each table inside the file, none
 * listed twice. */
static int check_directory(sfnt *s, char *why)
{
    size_t base = 0;
    uint32_t magic = u32(s->p);
    if (magic == TAG('t', 't', 'c', 'f')) { /* a collection: its first font is used */
        if (s->n < 16 || u32(s->p + 8) == 0 || (base = u32(s->p + 12)) > s->n - 12) {
            ashi_snprintf(why, WHY_SIZE, "is damaged: its collection header runs past the end of "
                                    "the file");
            return -1;
        }
        magic = u32(s->p + base);
    }
    if (magic == TAG('O', 'T', 'T', 'O')) {
        ashi_snprintf(why, WHY_SIZE, "has no TrueType outlines (glyf table); only TrueType fonts "
                                "can be embedded");
        return -1;
    }
    if (magic != 0x00010000 && magic != TAG('t', 'r', 'u', 'e')) {
        ashi_snprintf(why, WHY_SIZE, "is not a TrueType/OpenType font");
        return -1;
    }
    s->ntables = u16(s->p + base + 4);
    s->dir = s->p + base + 12;
    if (s->ntables == 0 || base + 12 + 16 * (size_t)s->ntables > s->n) {
        ashi_snprintf(why, WHY_SIZE, "is damaged: its table directory runs past the end of the "
                                "file");
        return -1;
    }
    for (unsigned i = 0; i < s->ntables; i++) {
        const uint8_t *r = s->dir + 16 * i;
        uint64_t off = u32(r + 8), len = u32(r + 12);
        char name[5];
        tag_name(u32(r), name);
        if (off + len > s->n) {
            ashi_snprintf(why, WHY_SIZE,
                     "is damaged: its '%s' table runs past the end of the file (to byte "
                     "%llu of %zu)",
                     name, (unsigned long long)(off + len), s->n);
            return -1;
        }
        for (unsigned j = 0; j < i; j++)
            if (u32(s->dir + 16 * j) == u32(r)) {
                ashi_snprintf(why, WHY_SIZE, "is damaged: it lists its '%s' table twice", name);
                return -1;
            }
    }
    return 0;
}

/* One glyph's outline, p[0..n) with n > 0: every field inside its bytes
 * (else HarfBuzz's subsetter writes the glyph as empty), contour ends
 * increasing, flags no further than the points, components that exist. */
/* The length of one part's record in a composite glyph, from its flags:
 * flags and glyph (4), the offsets (words or bytes), then the scale (one
 * value, two, or a 2x2 matrix, or none). */
static size_t part_size(unsigned fl)
{
    return 4 + (fl & 1 ? 4 : 2) + (fl & 8 ? 2 : fl & 0x40 ? 4 : fl & 0x80 ? 8 : 0);
}

static const char *check_glyph(const uint8_t *p, size_t n, unsigned gid, unsigned nglyphs,
                               unsigned *component)
{
    if (n < 10)
        return "is cut short";
    int contours = (int16_t)u16(p);
    size_t q = 10;
    if (contours > 0) {
        if (q + 2 * (size_t)contours + 2 > n)
            return "is cut short";
        long last = -1;
        for (int i = 0; i < contours; i++, q += 2) {
            long end = (long)u16(p + q);
            if (end <= last)
                return "has its contour ends out of order";
            last = end;
        }
        size_t points = (size_t)last + 1, coords = 0;
        q += 2 + u16(p + q); /* instructions */
        /* bytes of x and y per point by its flag's short and same bits */
        static const uint8_t coord_bytes[64] = {
#define XY(f) (((f) & 2 ? 1 : (f) & 16 ? 0 : 2) + ((f) & 4 ? 1 : (f) & 32 ? 0 : 2))
#define XY4(f) XY(f), XY(f + 1), XY(f + 2), XY(f + 3)
#define XY16(f) XY4(f), XY4(f + 4), XY4(f + 8), XY4(f + 12)
            XY16(0), XY16(16), XY16(32), XY16(48),
#undef XY16
#undef XY4
#undef XY
        };
        for (size_t k = 0; k < points;) {
            if (q >= n)
                return "is cut short";
            unsigned fl = p[q++];
            size_t rep = 1;
            if (fl & 8) {
                if (q >= n)
                    return "is cut short";
                rep += p[q++];
                if (rep > points - k)
                    return "has flags past its last point";
            }
            coords += rep * coord_bytes[fl & 63];
            k += rep;
        }
        if (q + coords > n)
            return "is cut short";
    } else if (contours < 0) { /* composite */
        unsigned fl;
        do {
            if (q + 4 > n)
                return "is cut short";
            fl = u16(p + q);
            unsigned g = u16(p + q + 2);
            if (g >= nglyphs || g == gid) {
                *component = g;
                return g == gid ? "is made of itself" : "is made of a glyph the font does not have";
            }
            q += part_size(fl);
            if (q > n)
                return "is cut short";
        } while (fl & 0x20);
        if (fl & 0x100) {
            if (q + 2 > n || q + 2 + u16(p + q) > n)
                return "is cut short";
        }
    }
    return NULL;
}

/* The tables HarfBuzz's subsetter and the PDF embedding read to find
 * glyphs and their widths: head, maxp, hhea, hmtx, loca and glyf consistent
 * with one another, every glyph inside glyf. (The outlines of the glyphs a
 * deck uses are checked once it is laid out: ashi_face_check_glyph.) */
static int check_tables(const sfnt *s, char *why)
{
    static const uint32_t required[] = {
        TAG('h', 'e', 'a', 'd'), TAG('h', 'h', 'e', 'a'), TAG('h', 'm', 't', 'x'),
        TAG('m', 'a', 'x', 'p'), TAG('c', 'm', 'a', 'p'), TAG('l', 'o', 'c', 'a'),
        TAG('g', 'l', 'y', 'f'),
    };
    size_t len;
    if (!table(s, TAG('g', 'l', 'y', 'f'), &len) && table(s, TAG('C', 'F', 'F', ' '), &len)) {
        ashi_snprintf(why, WHY_SIZE, "has no TrueType outlines (glyf table); only TrueType fonts "
                                "can be embedded");
        return -1;
    }
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
        if (!table(s, required[i], &len)) {
            char name[5];
            tag_name(required[i], name);
            ashi_snprintf(why, WHY_SIZE, "lacks the '%s' table every TrueType font has", name);
            return -1;
        }

    size_t head_len, maxp_len, hhea_len, hmtx_len, loca_len, glyf_len;
    const uint8_t *head = table(s, TAG('h', 'e', 'a', 'd'), &head_len);
    const uint8_t *maxp = table(s, TAG('m', 'a', 'x', 'p'), &maxp_len);
    const uint8_t *hhea = table(s, TAG('h', 'h', 'e', 'a'), &hhea_len);
    (void)table(s, TAG('h', 'm', 't', 'x'), &hmtx_len);
    const uint8_t *loca = table(s, TAG('l', 'o', 'c', 'a'), &loca_len);
    (void)table(s, TAG('g', 'l', 'y', 'f'), &glyf_len);
    if (head_len < 54 || u16(head) != 1 || u32(head + 12) != 0x5F0F3CF5u) {
        ashi_snprintf(why, WHY_SIZE, "is damaged: its 'head' table is not a font header");
        return -1;
    }
    unsigned loc_format = u16(head + 50);
    if (loc_format > 1) {
        ashi_snprintf(why, WHY_SIZE,
                 "is damaged: its 'head' table gives loca format %u (0 or 1 expected)",
                 loc_format);
        return -1;
    }
    uint32_t maxp_version = maxp_len >= 6 ? u32(maxp) : 0;
    if (!(maxp_version == 0x00005000 || (maxp_version == 0x00010000 && maxp_len >= 32))) {
        ashi_snprintf(why, WHY_SIZE, "is damaged: its 'maxp' table is cut short or unknown");
        return -1;
    }
    unsigned nglyphs = u16(maxp + 4);
    if (nglyphs == 0) {
        ashi_snprintf(why, WHY_SIZE, "is damaged: its 'maxp' table gives no glyphs");
        return -1;
    }
    if (hhea_len < 36 || u16(hhea) != 1) {
        ashi_snprintf(why, WHY_SIZE, "is damaged: its 'hhea' table is cut short or unknown");
        return -1;
    }
    unsigned metrics = u16(hhea + 34);
    if (metrics == 0) {
        ashi_snprintf(why, WHY_SIZE, "is damaged: its 'hhea' table gives no glyph widths");
        return -1;
    }
    if (metrics > nglyphs)
        metrics = nglyphs;
    size_t hmtx_need = 4 * (size_t)metrics + 2 * (size_t)(nglyphs - metrics);
    if (hmtx_len < hmtx_need) {
        ashi_snprintf(why, WHY_SIZE,
                 "is damaged: its 'hmtx' table holds %zu bytes where its %u glyphs need %zu",
                 hmtx_len, nglyphs, hmtx_need);
        return -1;
    }
    size_t loca_need = ((size_t)nglyphs + 1) * (loc_format ? 4 : 2);
    if (loca_len < loca_need) {
        ashi_snprintf(why, WHY_SIZE,
                 "is damaged: its 'loca' table holds %zu bytes where its %u glyphs need %zu",
                 loca_len, nglyphs, loca_need);
        return -1;
    }
    size_t prev = 0;
    for (unsigned g = 0; g <= nglyphs; g++) {
        size_t off = loc_format ? u32(loca + 4 * (size_t)g) : 2 * (size_t)u16(loca + 2 * (size_t)g);
        if (off < prev) {
            ashi_snprintf(why, WHY_SIZE,
                     "is damaged: its 'loca' table ends glyph %u before it starts", g - 1);
            return -1;
        }
        if (off > glyf_len) {
            ashi_snprintf(why, WHY_SIZE,
                     "is damaged: glyph %u runs past the end of its 'glyf' table (to byte %zu "
                     "of %zu)",
                     g ? g - 1 : 0, off, glyf_len);
            return -1;
        }
        prev = off;
    }
    return 0;
}

/* Where glyph gid's outline lies in glyf, from loca (checked at load). */
static void glyph_span(const ashi_face *f, unsigned gid, size_t *from, size_t *to)
{
    const uint8_t *loca = f->loca;
    if (f->loc_format) {
        *from = u32(loca + 4 * (size_t)gid);
        *to = u32(loca + 4 * (size_t)gid + 4);
    } else {
        *from = 2 * (size_t)u16(loca + 2 * (size_t)gid);
        *to = 2 * (size_t)u16(loca + 2 * (size_t)gid + 2);
    }
}

int ashi_face_check_glyph(const ashi_face *f, unsigned gid, char *why, size_t size)
{
    /* the glyph and the glyphs it is made of, a few levels deep */
    unsigned stack[16];
    int n = 0;
    stack[n++] = gid;
    while (n) {
        unsigned g = stack[--n];
        if (g >= f->nglyphs) {
            ashi_snprintf(why, size, "is damaged: it has no glyph %u", g);
            return -1;
        }
        size_t from, to;
        glyph_span(f, g, &from, &to);
        if (to <= from)
            continue; /* no outline: a space */
        size_t at = (size_t)(f->glyf - f->data);
        if (load_bytes(f, at + from, at + to)) {
            ashi_snprintf(why, size, "was written to after it was opened (its outlines are read "
                                "as the glyphs are used)");
            return -1;
        }
        unsigned component = 0;
        const uint8_t *p = f->glyf + from;
        const char *bad = check_glyph(p, to - from, g, f->nglyphs, &component);
        if (bad && strncmp(bad, "is made", 7) == 0) {
            ashi_snprintf(why, size, "is damaged: glyph %u %s (glyph %u)", g, bad, component);
            return -1;
        }
        if (bad) {
            ashi_snprintf(why, size, "is damaged: glyph %u %s", g, bad);
            return -1;
        }
        if ((int16_t)u16(p) < 0) { /* composite: its parts too */
            size_t q = 10;
            unsigned fl;
            do {
                fl = u16(p + q);
                if (n < 16)
                    stack[n++] = u16(p + q + 2);
                q += part_size(fl);
            } while (fl & 0x20);
        }
    }
    return 0;
}

/* ---- subsetting --------------------------------------------------------- */

/* The plan for a subset of face with the glyphs in glyphs, as the PDF
 * embeds it, with one more table left out when also_drop is not 0. Layout
 * tables are of no use inside a PDF, nor is the character map: the PDF
 * addresses glyphs by id (Identity CIDToGIDMap), its text comes from the
 * ToUnicode map, and PDF asks no cmap of a CIDFontType2 program. */
static hb_subset_plan_t *plan_subset(hb_face_t *face, const hb_set_t *glyphs, hb_tag_t also_drop)
{
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in)
        return NULL;
    hb_set_union(hb_subset_input_glyph_set(in), glyphs);
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    static const hb_tag_t tags[] = {
        HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
        HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('v', 'h', 'e', 'a'),
        HB_TAG('v', 'm', 't', 'x'), HB_TAG('V', 'O', 'R', 'G'), HB_TAG('D', 'S', 'I', 'G'),
        HB_TAG('c', 'm', 'a', 'p'),
    };
    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
        hb_set_add(drop, tags[i]);
    if (also_drop)
        hb_set_add(drop, also_drop);
    hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(face, in);
    hb_subset_input_destroy(in);
    return plan;
}

/* Reads the outlines of the glyphs in want and of the glyphs they are made
 * of (added to want); 0, or -1 when the file no longer holds them. */
static int load_outlines(const ashi_face *f, hb_set_t *want)
{
    if (!f->lazy)
        return 0;
    size_t at = (size_t)(f->glyf - f->data);
    hb_set_t *todo = hb_set_copy(want);
    int rc = 0;
    hb_codepoint_t g = HB_SET_VALUE_INVALID;
    while (rc == 0 && !hb_set_is_empty(todo)) {
        g = hb_set_get_min(todo);
        hb_set_del(todo, g);
        if (g >= f->nglyphs)
            continue;
        size_t from, to;
        glyph_span(f, g, &from, &to);
        if (to <= from)
            continue;
        rc = load_bytes(f, at + from, at + to);
        const uint8_t *p = f->glyf + from;
        size_t len = to - from;
        if (rc || len < 10 || (int16_t)u16(p) >= 0)
            continue;
        /* a composite: its parts, as far as its bytes go */
        size_t q = 10;
        unsigned fl;
        do {
            if (q + 4 > len)
                break;
            fl = u16(p + q);
            unsigned part = u16(p + q + 2);
            if (part < f->nglyphs && !hb_set_has(want, part)) {
                hb_set_add(want, part);
                hb_set_add(todo, part);
            }
            q += part_size(fl);
        } while (fl & 0x20);
    }
    if (!hb_set_allocation_successful(todo) || !hb_set_allocation_successful(want))
        rc = -1;
    hb_set_destroy(todo);
    return rc;
}

/* Is glyph g (read) made of other glyphs? */
static int composite(const ashi_face *f, hb_codepoint_t g)
{
    size_t from, to;
    if (g >= f->nglyphs)
        return 0;
    glyph_span(f, g, &from, &to);
    return to - from >= 10 && (int16_t)u16(f->glyf + from) < 0;
}

/* plan_subset over outlines that are all read: those of glyphs and of
 * whatever glyph HarfBuzz's plan adds to them (parts, the variants of the
 * characters' variation sequences, colour layers). The plan is made for
 * glyphs as given; again when it added a composite glyph not read yet, as
 * its parts were not seen. */
static hb_subset_plan_t *plan_read(const ashi_face *f, const hb_set_t *glyphs,
                                   hb_tag_t also_drop)
{
    hb_set_t *want = hb_set_copy(glyphs), *more = hb_set_create();
    hb_subset_plan_t *plan = NULL;
    int again = 1;
    for (int round = 0; round < 8 && again; round++) {
        hb_subset_plan_destroy(plan);
        plan = NULL;
        if (load_outlines(f, want) || !(plan = plan_subset(f->hb_face, glyphs, also_drop)))
            break;
        const hb_map_t *old_of = hb_subset_plan_new_to_old_glyph_mapping(plan);
        unsigned n = hb_map_get_population(old_of);
        hb_set_clear(more);
        for (unsigned i = 0; i < n; i++) {
            hb_codepoint_t old = hb_map_get(old_of, i);
            if (old != HB_MAP_VALUE_INVALID && !hb_set_has(want, old))
                hb_set_add(more, old);
        }
        hb_set_union(want, more);
        if (load_outlines(f, want)) {
            hb_subset_plan_destroy(plan);
            plan = NULL;
            break;
        }
        again = 0;
        for (hb_codepoint_t g = HB_SET_VALUE_INVALID; hb_set_next(more, &g);)
            again |= composite(f, g);
    }
    if (again || !hb_set_allocation_successful(more)) {
        hb_subset_plan_destroy(plan);
        plan = NULL;
    }
    hb_set_destroy(more);
    hb_set_destroy(want);
    return plan;
}

int ashi_face_subset(const ashi_face *f, const void *glyphs, void **plan, void **blob)
{
    hb_subset_plan_t *pl = plan_read(f, glyphs, 0);
    hb_face_t *sub = pl ? hb_subset_plan_execute_or_fail(pl) : NULL;
    hb_blob_t *b = sub ? hb_face_reference_blob(sub) : NULL;
    hb_face_destroy(sub);
    if (!b || !hb_blob_get_length(b)) {
        hb_blob_destroy(b);
        hb_subset_plan_destroy(pl);
        return -1;
    }
    *plan = pl;
    *blob = b;
    return 0;
}

int ashi_subset_begin(ashi_subset *s, const ashi_face *f)
{
    memset(s, 0, sizeof *s);
    s->face = f;
    s->gids = hb_set_create();
    hb_set_add(s->gids, 0);
    return hb_set_allocation_successful(s->gids) ? 0 : 1;
}

void ashi_subset_add(ashi_subset *s, unsigned gid)
{
    hb_set_add(s->gids, gid);
}

int ashi_subset_make(ashi_subset *s)
{
    if (!hb_set_allocation_successful(s->gids))
        return 1;
    return ashi_face_subset(s->face, s->gids, &s->plan, &s->blob);
}

void ashi_subset_free(ashi_subset *s)
{
    hb_blob_destroy(s->blob);
    hb_subset_plan_destroy(s->plan);
    hb_set_destroy(s->gids);
    memset(s, 0, sizeof *s);
}

/* Does a subset of face (with .notdef alone, or one table left out) come
 * out? -1 when HarfBuzz gives up, 1 when out of memory. */
static int try_subset(const ashi_face *f, hb_tag_t also_drop)
{
    hb_set_t *glyphs = hb_set_create();
    hb_set_add(glyphs, 0);
    if (!hb_set_allocation_successful(glyphs)) {
        hb_set_destroy(glyphs);
        return 1;
    }
    hb_subset_plan_t *plan = plan_read(f, glyphs, also_drop);
    hb_set_destroy(glyphs);
    hb_face_t *sub = plan ? hb_subset_plan_execute_or_fail(plan) : NULL;
    hb_blob_t *blob = sub ? hb_face_reference_blob(sub) : NULL;
    int ok = blob && hb_blob_get_length(blob) > 0;
    hb_blob_destroy(blob);
    hb_face_destroy(sub);
    hb_subset_plan_destroy(plan);
    return ok ? 0 : -1;
}

/* The subsetter runs over every table the embedding keeps, and gives up
 * on the first one that does not pass HarfBuzz's checks; the check (for
 * the faces a deck uses, once it is laid out) subsets .notdef alone, and
 * names the table when leaving one out helps. */
static int check_subset(const sfnt *s, const ashi_face *f, char *why)
{
    int rc = try_subset(f, 0);
    if (rc == 0)
        return 0;
    if (rc > 0) {
        ashi_snprintf(why, WHY_SIZE, "does not fit in memory");
        return -1;
    }
    for (unsigned i = 0; i < s->ntables; i++) {
        uint32_t tag = u32(s->dir + 16 * i);
        if (try_subset(f, tag) == 0) {
            char name[5];
            tag_name(tag, name);
            ashi_snprintf(why, WHY_SIZE, "is damaged: HarfBuzz cannot subset its '%s' table", name);
            return -1;
        }
    }
    ashi_snprintf(why, WHY_SIZE, "is damaged: HarfBuzz cannot subset it");
    return -1;
}

int ashi_face_check_subset(const ashi_face *f, char *why, size_t size)
{
    sfnt s = {f->data, f->size, NULL, 0};
    char msg[WHY_SIZE] = "";
    if (check_directory(&s, msg) == 0 && check_subset(&s, f, msg) == 0)
        return 0;
    ashi_snprintf(why, size, "%s", msg);
    return -1;
}

/* ---- opening ------------------------------------------------------------ */

/* Reads, checks and opens one font file into f (strings in a, the file's
 * bytes from m). Returns 0, or -1 with why the file cannot be used in why
 * (then f holds nothing). */
static int load_face(ashi_face *f, FT_Library lib, const char *path,
                     const unsigned long long *id, ashi_arena *a, ashi_mem *m, char *why)
{
    memset(f, 0, sizeof *f);
    f->path = ashi_arena_strdup(a, path);
    if (!f->path) {
        ashi_snprintf(why, WHY_SIZE, "does not fit in memory");
        return -1;
    }
    if (read_font(f, path, id, m, why)) {
        face_free(f);
        return -1;
    }
    FT_Face ft = NULL;
    int bad = 0;
    if (FT_New_Memory_Face(lib, f->data, (FT_Long)f->size, 0, &ft)) {
        ashi_snprintf(why, WHY_SIZE, "is not a font FreeType can read");
        bad = 1;
    }
    f->ft_face = ft;
    if (!bad && !FT_IS_SFNT(ft)) {
        ashi_snprintf(why, WHY_SIZE, "is not a TrueType/OpenType font");
        bad = 1;
    }
    sfnt s = {f->data, f->size, NULL, 0};
    bad = bad || check_directory(&s, why) || check_tables(&s, why);
    if (!bad && (ft->units_per_EM < 16 || ft->units_per_EM > 16384 || ft->num_glyphs < 1)) {
        ashi_snprintf(why, WHY_SIZE, "has broken header values");
        bad = 1;
    }
    if (!bad) {
        hb_blob_t *blob = hb_blob_create((const char *)f->data, (unsigned)f->size,
                                         HB_MEMORY_MODE_READONLY, NULL, NULL);
        f->hb_face = hb_face_create(blob, 0);
        hb_blob_destroy(blob);
        /* the character map HarfBuzz reads, or every character would
         * silently come from another font */
        hb_set_t *cps = hb_set_create();
        hb_face_collect_unicodes(f->hb_face, cps);
        if (!hb_set_allocation_successful(cps)) {
            ashi_snprintf(why, WHY_SIZE, "does not fit in memory");
            bad = 1;
        } else if (hb_set_is_empty(cps)) {
            ashi_snprintf(why, WHY_SIZE, "has no character map HarfBuzz can read ('cmap' table)");
            bad = 1;
        }
        hb_set_destroy(cps);

    }
    const char *ps = bad ? NULL : FT_Get_Postscript_Name(ft);
    if (!bad && !(f->ps_name = ashi_arena_strdup(a, ps ? ps : "Unnamed"))) {
        ashi_snprintf(why, WHY_SIZE, "does not fit in memory");
        bad = 1;
    }
    if (bad) {
        face_free(f);
        return -1;
    }
    f->upem = ft->units_per_EM;
    size_t n;
    f->glyf = table(&s, TAG('g', 'l', 'y', 'f'), &n);
    f->loca = table(&s, TAG('l', 'o', 'c', 'a'), &n);
    f->loc_format = u16(table(&s, TAG('h', 'e', 'a', 'd'), &n) + 50);
    f->nglyphs = u16(table(&s, TAG('m', 'a', 'x', 'p'), &n) + 4);
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
    return 0;
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
 * why set when the file cannot be used, or with why empty when the cache is
 * full (the caller opens the face itself). */
static ashi_face *cached_face(ashi_font_cache *c, const char *path,
                              const unsigned long long *id, char *why)
{
    why[0] = 0;
    ashi_face *f = NULL;
    pthread_mutex_lock(&c->lock);
    for (int i = 0; i < c->nfaces && !f; i++)
        if (strcmp(c->faces[i]->path, path) == 0)
            f = c->faces[i];
    if (!f && c->nfaces < CACHE_FACES) {
        ashi_face *n = ashi_arena_alloc(c->a, sizeof *n);
        if (!n)
            ashi_snprintf(why, WHY_SIZE, "does not fit in memory");
        else if (load_face(n, c->ft_library, path, id, c->a, NULL, why) == 0)
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

static ashi_face *open_face(ashi_fontset *fs, const char *path, const unsigned long long *id,
                            ashi_arena *a, ashi_diags *d, ashi_loc loc)
{
    for (int i = 0; i < fs->nfaces; i++)
        if (strcmp(fs->faces[i]->path, path) == 0)
            return fs->faces[i];
    char why[WHY_SIZE] = "";
    ashi_face *f = fs->cache ? cached_face(fs->cache, path, id, why) : NULL;
    int owned = !f && !why[0];
    if (owned) {
        if (!fs->ft_library && FT_Init_FreeType((FT_Library *)&fs->ft_library))
            return NULL;
        f = ashi_arena_alloc(a, sizeof *f);
        if (!f)
            return NULL;
        load_face(f, fs->ft_library, path, id, a, ashi_arena_mem(a), why);
    }
    if (why[0]) {
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
        ashi_face *r =
            fam->regular ? open_face(fs, fam->regular, fam->regular_id, a, d, fam->loc) : NULL;
        ashi_face *b = fam->bold ? open_face(fs, fam->bold, fam->bold_id, a, d, fam->loc) : r;
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
