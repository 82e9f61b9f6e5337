/* embed.c — subset TrueType fonts as Type0/CIDFontType2 with Identity-H,
 * glyph-ID content, /W widths and a ToUnicode CMap, through libharu's
 * object API (its own TrueType path is slow and writes maps poppler
 * rejects; see shared/LIBHARU.md). SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hb-subset.h>
#include <hb.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "render/embed.h"
#include "render/flate.h"

int ashi_embed_use(ashi_embed *e, uint32_t gid, const char *text, size_t len)
{
    if (!e->gids) {
        e->nglyphs = (unsigned)hb_face_get_glyph_count(e->face->hb_face);
        e->gids = hb_set_create();
        e->text = ashi_calloc(e->mem, e->nglyphs + 1, sizeof *e->text);
        if (!e->text || !hb_set_allocation_successful(e->gids)) {
            e->oom = 1;
            return -1;
        }
        hb_set_add(e->gids, 0); /* .notdef always */
    }
    if (gid >= e->nglyphs)
        return 0;
    hb_set_add(e->gids, gid);
    if (len && !e->text[gid]) {
        e->text[gid] = (uint32_t)e->texts.len + 1;
        ashi_buf_append(&e->texts, text, len);
        ashi_buf_putc(&e->texts, 0);
        if (e->texts.oom) {
            e->oom = 1;
            return -1;
        }
    }
    return 0;
}

/* poppler reads each ToUnicode destination as one token of at most 255
 * characters, '<', four hex digits per UTF-16 unit and '>': a longer one is
 * refused with a warning. So no glyph is given more than 63 units. */
#define MAX_UNITS 63

static unsigned units_of(uint32_t cp) { return cp >= 0x10000 ? 2 : 1; }

/* One cluster: its text t (len bytes) shown by the k glyphs g. Within the
 * limit the first glyph reads as the whole text, as for a ligature. A
 * longer cluster (a letter with dozens of marks, a long emoji sequence) is
 * spread over its glyphs: trailing glyphs that are the font's own glyphs
 * of the trailing characters (the marks) read as those characters, and
 * the rest goes to the glyphs before them in order, at most MAX_UNITS
 * each; what no glyph is left for is in the line's ActualText, which
 * carries every line's exact text anyway. */
static int use_cluster(ashi_embed *e, const ashi_dl_glyph *g, size_t k, const char *t,
                       size_t len)
{
    size_t units = 0, pos = 0;
    uint32_t cp;
    while (pos < len && units <= MAX_UNITS) {
        ashi_utf8_next(t, len, &pos, &cp);
        units += units_of(cp);
    }
    if (units <= MAX_UNITS) {
        for (size_t i = 0; i < k; i++)
            if (ashi_embed_use(e, g[i].gid, t, i ? 0 : len))
                return -1;
        return 0;
    }
    size_t end = len, j = k;
    while (j > 1 && end > 0) {
        size_t start = end - 1;
        while (start > 0 && ((unsigned char)t[start] & 0xC0) == 0x80)
            start--;
        size_t q = start;
        ashi_utf8_next(t, end, &q, &cp);
        uint32_t own = ashi_face_glyph(e->face, cp);
        if (!own || own != g[j - 1].gid)
            break;
        if (ashi_embed_use(e, own, t + start, end - start))
            return -1;
        end = start;
        j--;
    }
    pos = 0;
    for (size_t i = 0; i < j; i++) {
        size_t start = pos;
        units = 0;
        while (pos < end) {
            size_t q = pos;
            ashi_utf8_next(t, end, &q, &cp);
            if (units + units_of(cp) > MAX_UNITS)
                break;
            units += units_of(cp);
            pos = q;
        }
        if (ashi_embed_use(e, g[i].gid, t + start, pos - start))
            return -1;
    }
    return 0;
}

int ashi_embed_use_run(ashi_embed *e, const ashi_dl_run *r)
{
    /* a cluster: a glyph with text and the glyphs without text after it */
    for (size_t i = 0; i < r->nglyphs;) {
        size_t j = i + 1;
        while (j < r->nglyphs && r->glyphs[j].tlen == 0)
            j++;
        const ashi_dl_glyph *g = &r->glyphs[i];
        if (use_cluster(e, g, j - i, r->text + g->toff, g->tlen))
            return -1;
        i = j;
    }
    return 0;
}

uint32_t ashi_embed_gid(const ashi_embed *e, uint32_t gid)
{
    hb_codepoint_t n = hb_map_get(e->old_to_new, gid);
    return n == HB_MAP_VALUE_INVALID ? 0 : n;
}

int ashi_embed_width(const ashi_embed *e, uint32_t gid)
{
    long adv = ashi_face_advance(e->face, gid);
    long upem = (long)e->face->upem;
    return (int)((adv * 1000 + (adv >= 0 ? upem / 2 : -upem / 2)) / upem);
}

/* Six capital letters derived from the face and its glyph set, so the same
 * input always gives the same name and different subsets differ. */
static void subset_tag(const ashi_embed *e, char tag[7])
{
    uint64_t h = 1469598103934665603ULL;
    for (const char *p = e->face->ps_name; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    hb_codepoint_t g = HB_SET_VALUE_INVALID;
    while (hb_set_next(e->gids, &g))
        h = (h ^ g) * 1099511628211ULL;
    for (int i = 0; i < 6; i++) {
        tag[i] = (char)('A' + h % 26);
        h /= 26;
    }
    tag[6] = 0;
}

static void put_hex16(ashi_buf *b, unsigned v) { ashi_buf_hex4(b, v); }

void ashi_put_utf16_hex(ashi_buf *b, const char *s, size_t len)
{
    size_t pos = 0;
    while (pos < len) {
        uint32_t cp;
        ashi_utf8_next(s, len, &pos, &cp);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            put_hex16(b, 0xD800 | (cp >> 10));
            put_hex16(b, 0xDC00 | (cp & 0x3FF));
        } else {
            put_hex16(b, cp);
        }
    }
}

static void build_tounicode(const ashi_embed *e, ashi_buf *b)
{
    ashi_buf_puts(b, "/CIDInit /ProcSet findresource begin\n"
                     "12 dict begin\n"
                     "begincmap\n"
                     "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                     "/CMapName /Adobe-Identity-UCS def\n"
                     "/CMapType 2 def\n"
                     "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    /* Entries in new-gid order, at most 100 per block. */
    unsigned count = 0;
    hb_codepoint_t g = HB_SET_VALUE_INVALID;
    while (hb_set_next(e->gids, &g))
        if (e->text[g])
            count++;
    ashi_buf block = {.mem = e->mem};
    unsigned in_block = 0;
    g = HB_SET_VALUE_INVALID;
    while (hb_set_next(e->gids, &g)) {
        if (!e->text[g])
            continue;
        ashi_buf_putc(&block, '<');
        put_hex16(&block, ashi_embed_gid(e, g));
        ashi_buf_puts(&block, "> <");
        const char *t = e->texts.data + e->text[g] - 1;
        ashi_put_utf16_hex(&block, t, strlen(t));
        ashi_buf_puts(&block, ">\n");
        in_block++;
        count--;
        if (in_block == 100 || count == 0) {
            ashi_buf_printf(b, "%u beginbfchar\n", in_block);
            ashi_buf_append(b, block.data, block.len);
            ashi_buf_puts(b, "endbfchar\n");
            block.len = 0;
            in_block = 0;
        }
    }
    if (block.oom)
        b->oom = 1;
    ashi_buf_free(&block);
    ashi_buf_puts(b, "endcmap\n"
                     "CMapName currentdict /CMap defineresource pop\n"
                     "end\nend\n");
}

/* The subset of the face with the glyphs used, as checked at load: the
 * one made then when it has the same glyphs (borrowed), else made now. */
static int subset(ashi_embed *e, const ashi_subset *pre, hb_blob_t **out)
{
    if (pre && hb_set_is_equal(pre->gids, e->gids)) {
        e->old_to_new = (void *)hb_subset_plan_old_to_new_glyph_mapping(pre->plan);
        *out = hb_blob_reference(pre->blob);
        return 0;
    }
    void *blob;
    if (ashi_face_subset(e->face, e->gids, &e->plan, &blob))
        return -1;
    e->old_to_new = (void *)hb_subset_plan_old_to_new_glyph_mapping(e->plan);
    *out = blob;
    return 0;
}

/* A failure to embed, named by the font file: -1 when out of memory (the
 * caller reports it), else -2 with a diagnostic in d. */
static int failed(ashi_embed *e, HPDF_Doc pdf, ashi_diags *d, const char *harfbuzz)
{
    HPDF_STATUS err = HPDF_GetError(pdf);
    if (e->oom || err == HPDF_FAILD_TO_ALLOC_MEM)
        return -1;
    const char *slash = strrchr(e->face->path, '/');
    const char *name = slash ? slash + 1 : e->face->path;
    ashi_loc none = {0, 0};
    if (harfbuzz)
        ashi_diag_add(d, ASHI_ERROR, "font-bad", none,
                      "font file '%s' could not be embedded: %s", name, harfbuzz);
    else
        ashi_diag_add(d, ASHI_ERROR, "font-bad", none,
                      "font file '%s' could not be embedded: libharu error 0x%04lX, detail %lu",
                      name, (unsigned long)err, (unsigned long)HPDF_GetErrorDetail(pdf));
    return -2;
}

static HPDF_Dict indirect_dict(HPDF_Doc pdf)
{
    HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);
    if (d && HPDF_Xref_Add(pdf->xref, d) != HPDF_OK)
        return NULL; /* the xref frees it on failure */
    return d;
}

static int scaled(const ashi_embed *e, int v)
{
    long u = (long)e->face->upem;
    long x = (long)v * 1000;
    return (int)((x + (x >= 0 ? u / 2 : -u / 2)) / u);
}

int ashi_embed_write(ashi_embed *e, const ashi_subset *pre, HPDF_Doc pdf, ashi_flate *z,
                     ashi_diags *d)
{
    hb_blob_t *blob = NULL;
    if (subset(e, pre, &blob)) {
        hb_blob_destroy(blob);
        return failed(e, pdf, d, "HarfBuzz could not make its subset");
    }
    int rc = -1;
    ashi_buf cmap = {.mem = e->mem};
    char tag[7], base[160];
    subset_tag(e, tag);
    ashi_snprintf(base, sizeof base, "%s+%.120s", tag, e->face->ps_name);
    HPDF_MMgr mm = pdf->mmgr;

    HPDF_Dict type0 = indirect_dict(pdf);
    HPDF_Dict cid = indirect_dict(pdf);
    HPDF_Dict desc = indirect_dict(pdf);
    HPDF_Dict file = HPDF_DictStream_New(mm, pdf->xref);
    HPDF_Dict tounicode = HPDF_DictStream_New(mm, pdf->xref);
    if (!type0 || !cid || !desc || !file || !tounicode)
        goto done;
    /* Direct objects go into their parents as soon as they exist: libharu
     * frees only what hangs from its cross-reference table, so one left
     * loose by a failure would leak. */
    HPDF_Dict sysinfo = HPDF_Dict_New(mm);
    if (!sysinfo || HPDF_Dict_Add(cid, "CIDSystemInfo", sysinfo))
        goto done;
    HPDF_Array desc_arr = HPDF_Array_New(mm);
    if (!desc_arr || HPDF_Dict_Add(type0, "DescendantFonts", desc_arr))
        goto done;
    HPDF_Array bbox = HPDF_Array_New(mm);
    if (!bbox || HPDF_Dict_Add(desc, "FontBBox", bbox))
        goto done;
    HPDF_Array w = HPDF_Array_New(mm);
    if (!w || HPDF_Dict_Add(cid, "W", w))
        goto done;

    /* FontFile2: the subset, Flate-compressed. */
    unsigned len = 0;
    const char *data = hb_blob_get_data(blob, &len);
    if (ashi_flate_write(z, file, data, len) ||
        HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)len) != HPDF_OK) {
        e->oom = 1;
        goto done;
    }

    /* ToUnicode. */
    build_tounicode(e, &cmap);
    if (cmap.oom) {
        e->oom = 1;
        goto done;
    }
    if (ashi_flate_write(z, tounicode, cmap.data, cmap.len)) {
        e->oom = 1;
        goto done;
    }

    /* FontDescriptor. */
    for (int i = 0; i < 4; i++)
        HPDF_Array_AddNumber(bbox, scaled(e, e->face->bbox[i]));
    if (HPDF_Dict_AddName(desc, "Type", "FontDescriptor") ||
        HPDF_Dict_AddName(desc, "FontName", base) ||
        HPDF_Dict_AddNumber(desc, "Flags", 4) ||
        HPDF_Dict_AddNumber(desc, "ItalicAngle", e->face->italic_angle) ||
        HPDF_Dict_AddNumber(desc, "Ascent", scaled(e, e->face->ascender)) ||
        HPDF_Dict_AddNumber(desc, "Descent", scaled(e, e->face->descender)) ||
        HPDF_Dict_AddNumber(desc, "CapHeight", scaled(e, e->face->cap_height)) ||
        HPDF_Dict_AddNumber(desc, "StemV", 80) || HPDF_Dict_Add(desc, "FontFile2", file))
        goto done;

    /* Widths of the subset's glyphs, runs of consecutive ids grouped. */
    hb_codepoint_t g = HB_SET_VALUE_INVALID;
    HPDF_Array group = NULL;
    long prev = -2;
    while (hb_set_next(e->gids, &g)) {
        uint32_t ng = ashi_embed_gid(e, g);
        if ((long)ng != prev + 1 || !group) {
            group = HPDF_Array_New(mm);
            if (!group || HPDF_Array_AddNumber(w, (HPDF_INT32)ng) || HPDF_Array_Add(w, group))
                goto done;
        }
        if (HPDF_Array_AddNumber(group, ashi_embed_width(e, g)))
            goto done;
        prev = ng;
    }

    if (HPDF_Dict_Add(sysinfo, "Registry", HPDF_String_New(mm, "Adobe", NULL)) ||
        HPDF_Dict_Add(sysinfo, "Ordering", HPDF_String_New(mm, "Identity", NULL)) ||
        HPDF_Dict_AddNumber(sysinfo, "Supplement", 0))
        goto done;
    if (HPDF_Dict_AddName(cid, "Type", "Font") ||
        HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2") ||
        HPDF_Dict_AddName(cid, "BaseFont", base) ||
        HPDF_Dict_Add(cid, "FontDescriptor", desc) || HPDF_Dict_AddNumber(cid, "DW", 1000) ||
        HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity"))
        goto done;
    if (HPDF_Array_Add(desc_arr, cid) || HPDF_Dict_AddName(type0, "Type", "Font") ||
        HPDF_Dict_AddName(type0, "Subtype", "Type0") ||
        HPDF_Dict_AddName(type0, "BaseFont", base) ||
        HPDF_Dict_AddName(type0, "Encoding", "Identity-H") ||
        HPDF_Dict_Add(type0, "ToUnicode", tounicode))
        goto done;
    e->type0 = type0;
    rc = 0;
done:
    ashi_buf_free(&cmap);
    hb_blob_destroy(blob);
    return rc ? failed(e, pdf, d, NULL) : 0;
}

void ashi_embed_free(ashi_embed *e)
{
    if (e->gids)
        hb_set_destroy(e->gids);
    if (e->plan)
        hb_subset_plan_destroy(e->plan);
    free(e->text);
    ashi_buf_free(&e->texts);
    memset(e, 0, sizeof *e);
}
