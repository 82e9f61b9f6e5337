/* image.c — PNG through libpng's simplified API, JPEG by walking its
 * markers and then reading all its scans with TurboJPEG (both report errors
 * by return value, no longjmp); the EXIF orientation from a bounds-checked
 * look at one TIFF tag.
 * SPDX-License-Identifier: MIT */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>
#include <turbojpeg.h>
#include <zlib.h>

#include "color/color.h"
#include "image/image.h"

/* ---- EXIF orientation ---------------------------------------------------------- */

static uint32_t get16(const unsigned char *p, int le)
{
    return le ? (uint32_t)p[0] | (uint32_t)p[1] << 8 : (uint32_t)p[0] << 8 | p[1];
}

static uint32_t get32(const unsigned char *p, int le)
{
    return le ? get16(p, 1) | get16(p + 2, 1) << 16 : get16(p, 0) << 16 | get16(p + 2, 0);
}

int ashi_exif_orientation(const unsigned char *tiff, size_t len)
{
    if (!tiff || len < 8)
        return 1;
    int le = tiff[0] == 'I' && tiff[1] == 'I';
    if (!le && !(tiff[0] == 'M' && tiff[1] == 'M'))
        return 1;
    if (get16(tiff + 2, le) != 42)
        return 1;
    /* IFD0 only: no offset is followed past it, so no loop can form */
    uint32_t ifd = get32(tiff + 4, le);
    if (ifd < 8 || ifd > len - 2)
        return 1;
    size_t n = get16(tiff + ifd, le);
    size_t room = (len - ifd - 2) / 12; /* entries the buffer really holds */
    if (n > room)
        n = room;
    for (size_t i = 0; i < n; i++) {
        const unsigned char *e = tiff + ifd + 2 + 12 * i;
        if (get16(e, le) != 0x0112)
            continue;
        /* a SHORT as the standard says; a LONG from careless writers */
        uint32_t type = get16(e + 2, le), count = get32(e + 4, le), v = 0;
        if (type == 3 && count == 1)
            v = get16(e + 8, le);
        else if (type == 4 && count == 1)
            v = get32(e + 8, le);
        return v >= 1 && v <= 8 ? (int)v : 1;
    }
    return 1;
}

/* Where shown pixel (x, y) of an image stored w x h comes from under EXIF
 * orientation o (5 to 8 show it w and h swapped). */
static void orient_src(int o, long long w, long long h, long long x, long long y, long long *sx,
                       long long *sy)
{
    switch (o) {
    case 2: *sx = w - 1 - x, *sy = y; break;
    case 3: *sx = w - 1 - x, *sy = h - 1 - y; break;
    case 4: *sx = x, *sy = h - 1 - y; break;
    case 5: *sx = y, *sy = x; break;
    case 6: *sx = y, *sy = h - 1 - x; break;
    case 7: *sx = w - 1 - y, *sy = h - 1 - x; break;
    case 8: *sx = w - 1 - y, *sy = x; break;
    default: *sx = x, *sy = y; break;
    }
}

/* ---- PNG ------------------------------------------------------------------------- */

/* The first eXIf chunk's data, or NULL: a walk over the chunk headers,
 * each length checked against what is left. */
static const unsigned char *png_exif(const unsigned char *data, size_t len, size_t *n)
{
    size_t i = 8;
    while (len - i >= 12) {
        size_t clen = get32(data + i, 0);
        if (clen > len - i - 12)
            return NULL;
        const unsigned char *type = data + i + 4;
        if (memcmp(type, "eXIf", 4) == 0) {
            *n = clen;
            return data + i + 8;
        }
        if (memcmp(type, "IEND", 4) == 0)
            return NULL;
        i += 12 + clen;
    }
    return NULL;
}

/* The pixels decoding an image costs: all of a PNG's; a JPEG is embedded as
 * it is and only checked at 1/8 scale, one pixel in 64. */
size_t ashi_image_cost(ashi_image_kind kind, unsigned w, unsigned h)
{
    if (kind == ASHI_IMAGE_JPEG)
        return (size_t)((w + 7ull) / 8 * ((h + 7ull) / 8));
    return (size_t)((unsigned long long)w * h);
}

/* Is the image within the limit, and is there room for it in what is left
 * of the deck's pixels? */
static int over_budget(ashi_image_kind kind, unsigned long w, unsigned long h,
                       size_t max_pixels, size_t used, char *msg, size_t msg_size)
{
    size_t cost = ashi_image_cost(kind, (unsigned)w, (unsigned)h);
    int alone = (unsigned long long)w * h > max_pixels;
    if (!alone && used <= max_pixels && cost <= max_pixels - used)
        return 0;
    if (!alone)
        ashi_snprintf(msg, msg_size,
                 "has %lu x %lu pixels, over the image-pixels limit of %zu for the deck's "
                 "images together (%zu used by the images before it)",
                 w, h, max_pixels, used);
    else
        ashi_snprintf(msg, msg_size, "has %lu x %lu pixels, over the image-pixels limit of %zu", w,
                 h, max_pixels);
    return 1;
}

/* The chunks of a PNG, walked before libpng reads them: each must lie
 * inside the file, as libpng allocates a chunk's declared length before
 * reading it (a 344-byte file saying its tEXt chunk holds 1.87 GB took
 * that much memory). NULL when they do, else why not. */
static const char *png_chunks(const unsigned char *data, size_t len, char *msg, size_t size)
{
    size_t at = 8;
    while (at + 12 <= len) {
        size_t n = (size_t)data[at] << 24 | (size_t)data[at + 1] << 16 |
                   (size_t)data[at + 2] << 8 | data[at + 3];
        char type[5];
        for (int i = 0; i < 4; i++) {
            unsigned char c = data[at + 4 + i];
            type[i] = (char)(c >= 0x20 && c < 0x7F ? c : '?');
        }
        type[4] = 0;
        if (n > len - at - 12) {
            ashi_snprintf(msg, size, "is a truncated PNG (its '%s' chunk says %zu bytes, more than "
                     "the file holds)", type, n);
            return msg;
        }
        if (!memcmp(type, "IEND", 4))
            return NULL;
        at += 12 + n;
    }
    ashi_snprintf(msg, size, "is a truncated PNG (no IEND chunk)");
    return msg;
}

/* ---- embedded colour profiles ------------------------------------------------ */

/* The most an embedded profile may have: camera and display profiles are
 * a few kB, the largest press profiles a few MB. */
#define MAX_ICC (16u << 20)

/* A PNG's iCCP chunk: a name, a NUL, compression method 0, then the
 * profile as zlib data, inflated here into the arena (at most MAX_ICC
 * bytes). NULL when there is none; *bad 1 when it is damaged, 2 when
 * memory ran out. */
static const unsigned char *png_icc(const unsigned char *data, size_t len, ashi_arena *a,
                                    size_t *n, int *bad)
{
    size_t i = 8;
    while (len - i >= 12) {
        size_t clen = get32(data + i, 0);
        if (clen > len - i - 12)
            return NULL;
        const unsigned char *type = data + i + 4, *c = data + i + 8;
        if (memcmp(type, "IDAT", 4) == 0 || memcmp(type, "IEND", 4) == 0)
            return NULL;
        if (memcmp(type, "iCCP", 4) == 0) {
            size_t k = 0;
            while (k < clen && k < 80 && c[k])
                k++;
            if (k == 0 || k >= clen || k == 80 || k + 2 > clen || c[k + 1] != 0) {
                *bad = 1;
                return NULL;
            }
            z_stream z;
            memset(&z, 0, sizeof z);
            if (inflateInit(&z) != Z_OK) {
                *bad = 1;
                return NULL;
            }
            size_t cap = 4096, got = 0;
            unsigned char *out = ashi_arena_alloc(a, cap);
            z.next_in = (unsigned char *)(c + k + 2);
            z.avail_in = (uInt)(clen - k - 2);
            int rc = Z_OK;
            while (out && rc == Z_OK) {
                if (got == cap) {
                    size_t more = cap * 2 > MAX_ICC ? MAX_ICC : cap * 2;
                    if (more == cap)
                        break;
                    out = ashi_arena_grow(a, out, cap, more);
                    cap = more;
                    if (!out)
                        break;
                }
                z.next_out = out + got;
                z.avail_out = (uInt)(cap - got);
                rc = inflate(&z, Z_NO_FLUSH);
                got = cap - z.avail_out;
                if (rc == Z_BUF_ERROR && z.avail_out)
                    break; /* input ended early */
            }
            inflateEnd(&z);
            if (!out || rc != Z_STREAM_END) {
                *bad = out ? 1 : 2;
                return NULL;
            }
            *n = got;
            return out;
        }
        i += 12 + clen;
    }
    return NULL;
}

/* A JPEG's profile from its APP2 "ICC_PROFILE" segments before the first
 * scan (each: the name, a NUL, its number from 1, the count, its part):
 * the one part itself, or all joined in order in the arena. NULL when
 * there is none; *bad 1 when parts are missing, repeated or disagree, 2
 * when memory ran out. The
 * markers were walked once already (load_jpeg), so they are sound. */
static const unsigned char *jpeg_icc(const unsigned char *data, size_t len, ashi_arena *a,
                                     size_t *n, int *bad)
{
    struct { const unsigned char *data; size_t len; } parts[256];
    int count = 0, seen = 0;
    memset(parts, 0, sizeof parts);
    for (size_t i = 2; i + 4 <= len && data[i] == 0xFF;) {
        unsigned m = data[i + 1];
        if (m == 0xFF || m == 0xD8 || (m >= 0xD0 && m <= 0xD7) || m == 0x01) {
            i += m == 0xFF ? 1 : 2;
            continue;
        }
        if (m == 0xD9 || m == 0xDA)
            break;
        size_t seg = (size_t)data[i + 2] << 8 | data[i + 3];
        if (seg < 2 || i + 2 + seg > len)
            break;
        const unsigned char *s = data + i + 4;
        if (m == 0xE2 && seg >= 16 && memcmp(s, "ICC_PROFILE", 12) == 0) {
            int k = s[12], c = s[13];
            if (k < 1 || k > c || (seen && c != count) || parts[k - 1].data) {
                *bad = 1;
                return NULL;
            }
            seen = 1;
            count = c;
            parts[k - 1].data = s + 14;
            parts[k - 1].len = seg - 16;
        }
        i += 2 + seg;
    }
    if (!seen)
        return NULL;
    size_t total = 0;
    for (int k = 0; k < count; k++) {
        if (!parts[k].data) {
            *bad = 1;
            return NULL;
        }
        total += parts[k].len;
    }
    if (total > MAX_ICC) {
        *bad = 1;
        return NULL;
    }
    if (count == 1) {
        *n = parts[0].len;
        return parts[0].data;
    }
    unsigned char *out = ashi_arena_alloc(a, total ? total : 1);
    if (!out) {
        *bad = 2;
        return NULL;
    }
    size_t at = 0;
    for (int k = 0; k < count; k++) {
        memcpy(out + at, parts[k].data, parts[k].len);
        at += parts[k].len;
    }
    *n = total;
    return out;
}

/* Keeps the profile when it fits the pixels, else warns and drops it. */
static void keep_icc(ashi_image *img, const unsigned char *icc, size_t n, int bad,
                     ashi_diags *d, ashi_loc loc)
{
    const char *why = "is damaged";
    if (bad == 2) {
        d->oom = 1;
        return;
    }
    if (icc && !bad && ashi_icc_check(icc, n, img->channels, &why) == 0) {
        img->icc = icc;
        img->icc_len = n;
    } else if (icc || bad) {
        ashi_diag_add(d, ASHI_WARNING, "image-profile", loc,
                      "image '%s': its embedded colour profile %s; its colours are taken as %s",
                      img->path, why,
                      img->channels == 3   ? "sRGB"
                      : img->channels == 4 ? "device CMYK"
                                           : "device grey");
    }
}

static ashi_image *load_png(ashi_image *img, const unsigned char *data, size_t len,
                            size_t max_pixels, size_t used, ashi_arena *a, const char **why,
                            char *msg, size_t msg_size)
{
    if ((*why = png_chunks(data, len, msg, msg_size)))
        return NULL;
    png_image p;
    memset(&p, 0, sizeof p);
    p.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&p, data, len)) {
        ashi_snprintf(msg, msg_size, "is not a valid PNG (%s)", p.message[0] ? p.message : "?");
        *why = msg;
        return NULL;
    }
    if (!p.width || !p.height ||
        over_budget(ASHI_IMAGE_RAW, p.width, p.height, max_pixels, used, msg, msg_size)) {
        png_image_free(&p);
        if (!p.width || !p.height)
            ashi_snprintf(msg, msg_size, "has no pixels");
        *why = msg;
        return NULL;
    }
    /* Palette, 16-bit and tRNS all become 8-bit grey or RGB, with alpha
     * when the file has any transparency. */
    int grey = !(p.format & PNG_FORMAT_FLAG_COLOR);
    int alpha = (p.format & PNG_FORMAT_FLAG_ALPHA) != 0;
    p.format = (grey ? PNG_FORMAT_GRAY : PNG_FORMAT_RGB) | (alpha ? PNG_FORMAT_FLAG_ALPHA : 0);
    size_t stride = PNG_IMAGE_ROW_STRIDE(p);
    size_t size = PNG_IMAGE_BUFFER_SIZE(p, stride);
    unsigned char *buf = ashi_malloc(ashi_arena_mem(a), size);
    if (!buf) {
        png_image_free(&p);
        *why = "does not fit in memory";
        return NULL;
    }
    if (!png_image_finish_read(&p, NULL, buf, (png_int_32)stride, NULL)) {
        free(buf);
        ashi_snprintf(msg, msg_size, "is a damaged PNG (%s)", p.message[0] ? p.message : "?");
        *why = msg;
        return NULL;
    }
    size_t exif_len = 0;
    const unsigned char *exif = png_exif(data, len, &exif_len);
    int o = exif ? ashi_exif_orientation(exif, exif_len) : 1;
    img->kind = ASHI_IMAGE_RAW;
    img->w = o >= 5 ? p.height : p.width;
    img->h = o >= 5 ? p.width : p.height;
    img->stored_w = img->w; /* the pixels come turned */
    img->stored_h = img->h;
    img->channels = grey ? 1 : 3;
    size_t n = (size_t)p.width * p.height;
    img->pixels = ashi_arena_alloc(a, n * (size_t)img->channels);
    img->alpha = alpha ? ashi_arena_alloc(a, n) : NULL;
    if (!img->pixels || (alpha && !img->alpha)) {
        free(buf);
        *why = "does not fit in memory";
        return NULL;
    }
    /* Split colour and alpha (PDF wants the alpha as a soft mask) and turn
     * the pixels as the orientation says, in one pass: the source of each
     * shown pixel moves by a fixed step along a row and down a column. */
    long long sx, sy, w = p.width;
    orient_src(o, w, p.height, 0, 0, &sx, &sy);
    long long base = sy * w + sx;
    orient_src(o, w, p.height, 1, 0, &sx, &sy);
    long long step_x = sy * w + sx - base;
    orient_src(o, w, p.height, 0, 1, &sx, &sy);
    long long step_y = sy * w + sx - base;
    size_t ch = (size_t)img->channels, step = ch + (size_t)alpha, k = 0;
    for (unsigned y = 0; y < img->h; y++, base += step_y) {
        long long src = base;
        for (unsigned x = 0; x < img->w; x++, src += step_x, k++) {
            const unsigned char *s = buf + (size_t)src * step;
            memcpy(img->pixels + k * ch, s, ch);
            if (alpha)
                img->alpha[k] = s[ch];
        }
    }
    free(buf);
    if (img->alpha) {
        /* all opaque after all: no mask */
        size_t i = 0;
        while (i < n && img->alpha[i] == 255)
            i++;
        if (i == n)
            img->alpha = NULL;
    }
    return img;
}

/* ---- JPEG ------------------------------------------------------------------------ */

/* Reads every scan with TurboJPEG, at 1/8 scale into a small buffer (the
 * entropy-coded data is all decoded, the inverse DCT is cheap); a warning
 * is damage too. NULL when the data is sound. */
static const char *jpeg_check(const unsigned char *data, size_t len, unsigned fw, unsigned fh,
                              ashi_mem *mem, char *msg, size_t msg_size)
{
    tjhandle tj = tjInitDecompress();
    if (!tj)
        return "does not fit in memory";
    const char *why = NULL;
    unsigned char *buf = NULL;
    int w, h, sub, cs;
    int head = tjDecompressHeader3(tj, data, (unsigned long)len, &w, &h, &sub, &cs);
    /* TurboJPEG must see the frame the markers were read for: another size
     * (a second frame header) is damage, never a buffer of that size */
    if (head == 0 && (w <= 0 || h <= 0 || (unsigned)w != fw || (unsigned)h != fh)) {
        tjDestroy(tj);
        return "is a damaged JPEG (its frame headers disagree)";
    }
    if (head == 0) {
        tjscalingfactor eighth = {1, 8};
        int sw = TJSCALED(w, eighth), sh = TJSCALED(h, eighth);
        /* CMYK and YCCK only decode as CMYK */
        int pf = cs == TJCS_CMYK || cs == TJCS_YCCK ? TJPF_CMYK
                 : cs == TJCS_GRAY                  ? TJPF_GRAY
                                                    : TJPF_RGB;
        buf = ashi_malloc(mem, (size_t)sw * (size_t)sh * (size_t)tjPixelSize[pf]);
        if (!buf) {
            why = "does not fit in memory";
            goto cleanup;
        }
        if (tjDecompress2(tj, data, (unsigned long)len, buf, sw, 0, sh, pf,
                          TJFLAG_STOPONWARNING | TJFLAG_LIMITSCANS) == 0)
            goto cleanup;
    }
    /* libjpeg's messages start with a capital: ours are lower case */
    const char *e = tjGetErrorStr2(tj);
    if (!e || !*e)
        e = "?";
    char low[200];
    ashi_snprintf(low, sizeof low, "%s", e);
    if (isupper((unsigned char)low[0]) && islower((unsigned char)low[1]))
        low[0] = (char)tolower((unsigned char)low[0]);
    ashi_snprintf(msg, msg_size, "is a damaged JPEG (%s)", low);
    why = msg;
cleanup:
    free(buf);
    tjDestroy(tj);
    return why;
}

static ashi_image *load_jpeg(ashi_image *img, const unsigned char *data, size_t len,
                             size_t max_pixels, size_t used, ashi_arena *a, const char **why,
                             char *msg,
                             size_t msg_size)
{
    /* the markers up to the first scan: frame, Adobe transform, EXIF */
    size_t i = 2;
    int adobe = 0, frame = 0, exif = 0;
    unsigned m = 0;
    while (i + 2 <= len) {
        if (data[i] != 0xFF) {
            *why = "is a damaged JPEG (no marker where one must be)";
            return NULL;
        }
        m = data[i + 1];
        if (m == 0xFF) { /* fill byte */
            i++;
            continue;
        }
        if (m == 0xD8 || (m >= 0xD0 && m <= 0xD7) || m == 0x01) {
            i += 2;
            continue;
        }
        if (m == 0xD9 || m == 0xDA)
            break;
        size_t seg = i + 4 <= len ? (size_t)data[i + 2] << 8 | data[i + 3] : 0;
        if (seg < 2 || i + 2 + seg > len) {
            *why = "is a truncated JPEG";
            return NULL;
        }
        const unsigned char *s = data + i + 4;
        if (m == 0xEE && seg >= 7 && memcmp(s, "Adobe", 5) == 0)
            adobe = 1;
        if (m == 0xE1 && !exif && seg >= 8 && memcmp(s, "Exif\0\0", 6) == 0) {
            exif = 1;
            img->orientation = ashi_exif_orientation(s + 6, seg - 8);
        }
        if (!frame && m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            if (m != 0xC0 && m != 0xC1 && m != 0xC2) {
                *why = "uses a JPEG process PDF cannot show (lossless, hierarchical or "
                       "arithmetic coding)";
                return NULL;
            }
            if (seg < 8) {
                *why = "is a damaged JPEG";
                return NULL;
            }
            img->stored_h = (unsigned)s[1] << 8 | s[2];
            img->stored_w = (unsigned)s[3] << 8 | s[4];
            img->channels = s[5];
            if (s[0] != 8 || !img->stored_w || !img->stored_h ||
                (img->channels != 1 && img->channels != 3 && img->channels != 4)) {
                *why = "is a JPEG PDF cannot show (not 8-bit grey, RGB or CMYK)";
                return NULL;
            }
            /* before any decoding */
            if (over_budget(ASHI_IMAGE_JPEG, img->stored_w, img->stored_h, max_pixels, used,
                            msg, msg_size)) {
                *why = msg;
                return NULL;
            }
            img->progressive = m == 0xC2;
            frame = 1;
        }
        i += 2 + seg;
    }
    if (i + 2 > len) {
        *why = "is a truncated JPEG";
        return NULL;
    }
    if (!frame) {
        *why = "is a JPEG without a frame header";
        return NULL;
    }
    if (m == 0xD9) {
        *why = "is a damaged JPEG (no scan data)";
        return NULL;
    }
    /* the end-of-image marker must be there: no truncated data */
    if (data[len - 2] != 0xFF || data[len - 1] != 0xD9) {
        size_t k = len;
        while (k > i && !(data[k - 2] == 0xFF && data[k - 1] == 0xD9))
            k--;
        if (k <= i) {
            *why = "is a truncated JPEG (no end marker)";
            return NULL;
        }
    }
    if ((*why = jpeg_check(data, len, img->stored_w, img->stored_h, ashi_arena_mem(a), msg, msg_size)))
        return NULL;
    img->kind = ASHI_IMAGE_JPEG;
    img->data = data;
    img->len = len;
    img->inverted = adobe && img->channels == 4;
    /* shown turned: w and h swap for 5 to 8, the drawing applies the rest */
    int swap = img->orientation >= 5;
    img->w = swap ? img->stored_h : img->stored_w;
    img->h = swap ? img->stored_w : img->stored_h;
    return img;
}

ashi_image *ashi_image_decode(const unsigned char *data, size_t len, const char *name,
                              size_t max_pixels, size_t used_pixels, ashi_arena *a,
                              ashi_diags *d, ashi_loc loc)
{
    const char *why = NULL;
    char msg[256];
    ashi_image *img = ashi_arena_alloc(a, sizeof *img);
    if (!img) {
        why = "does not fit in memory";
    } else {
        memset(img, 0, sizeof *img);
        img->path = name;
        img->orientation = 1;
        static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        if (len >= 8 && memcmp(data, png_sig, 8) == 0)
            img = load_png(img, data, len, max_pixels, used_pixels, a, &why, msg, sizeof msg);
        else if (len >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
            img = load_jpeg(img, data, len, max_pixels, used_pixels, a, &why, msg, sizeof msg);
        else {
            why = "is neither a PNG nor a JPEG file";
            img = NULL;
        }
    }
    if (!img) {
        ashi_diag_add(d, ASHI_ERROR, "image", loc, "image '%s' %s", name,
                      why ? why : "cannot be read");
        return NULL;
    }
    /* its own colour profile, when it has one that fits */
    size_t n = 0;
    int bad = 0;
    const unsigned char *icc = img->kind == ASHI_IMAGE_RAW ? png_icc(data, len, a, &n, &bad)
                                                           : jpeg_icc(data, len, a, &n, &bad);
    keep_icc(img, icc, n, bad, d, loc);
    return img;
}

void ashi_image_box(const unsigned char *src, unsigned sw, unsigned sh, int n,
                    unsigned char *dst, unsigned dw, unsigned dh)
{
    for (unsigned y = 0; y < dh; y++) {
        size_t y0 = (size_t)y * sh / dh, y1 = (size_t)(y + 1) * sh / dh;
        if (y1 <= y0)
            y1 = y0 + 1;
        for (unsigned x = 0; x < dw; x++) {
            size_t x0 = (size_t)x * sw / dw, x1 = (size_t)(x + 1) * sw / dw;
            if (x1 <= x0)
                x1 = x0 + 1;
            size_t count = (x1 - x0) * (y1 - y0);
            uint64_t sum[4] = {0, 0, 0, 0};
            for (size_t yy = y0; yy < y1; yy++) {
                const unsigned char *p = src + (yy * sw + x0) * (size_t)n;
                for (size_t xx = x0; xx < x1; xx++)
                    for (int c = 0; c < n; c++)
                        sum[c] += *p++;
            }
            unsigned char *o = dst + ((size_t)y * dw + x) * (size_t)n;
            for (int c = 0; c < n; c++)
                o[c] = (unsigned char)((sum[c] + count / 2) / count);
        }
    }
}
