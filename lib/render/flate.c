/* flate.c — streams compressed with libdeflate (see flate.h).
 * SPDX-License-Identifier: MIT */
#include <stdlib.h>

#include <string.h>

#include <hpdf_doc.h>
#include <hpdf_error.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <libdeflate.h>

#include "render/flate.h"

struct ashi_flate {
    ashi_mem *mem;
    struct libdeflate_compressor *c;
    unsigned char *out;
    size_t cap;
};

ashi_flate *ashi_flate_new(ashi_mem *mem)
{
    ashi_flate *z = ashi_calloc(mem, 1, sizeof *z);
    if (!z)
        return NULL;
    z->mem = mem;
    if (!(z->c = libdeflate_alloc_compressor(6))) {
        free(z);
        return NULL;
    }
    return z;
}

void ashi_flate_free(ashi_flate *z)
{
    if (!z)
        return;
    libdeflate_free_compressor(z->c);
    free(z->out);
    free(z);
}

/* libharu writes a stream's /Filter from its filter bits, and removes the
 * key when there are none: the key goes in from the dictionary's own
 * write hook, after its other entries. */
static HPDF_STATUS flate_key(HPDF_Dict obj, HPDF_Stream stream)
{
    (void)obj;
    return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

int ashi_flate_write(ashi_flate *z, HPDF_Dict obj, const void *data, size_t len)
{
    size_t bound = libdeflate_zlib_compress_bound(z->c, len);
    if (bound > z->cap) {
        unsigned char *g = ashi_realloc(z->mem, z->out, bound);
        if (!g) { /* said as libharu says it: the render reports memory */
            HPDF_SetError(obj->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
            return -1;
        }
        z->out = g;
        z->cap = bound;
    }
    size_t n = libdeflate_zlib_compress(z->c, data, len, z->out, z->cap);
    if (!n || n > 0xFFFFFFFFu)
        return -1;
    obj->filter = HPDF_STREAM_FILTER_NONE;
    obj->write_fn = flate_key;
    return HPDF_Stream_Write(obj->stream, z->out, (HPDF_UINT)n) == HPDF_OK ? 0 : -1;
}

HPDF_Image ashi_flate_image(HPDF_Doc pdf, ashi_flate *z, const unsigned char *pixels,
                            unsigned w, unsigned h, const char *space)
{
    int n = strcmp(space, "DeviceGray") == 0 ? 1 : strcmp(space, "DeviceRGB") == 0 ? 3 : 4;
    HPDF_Dict x = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!x || HPDF_Dict_AddName(x, "Type", "XObject") ||
        HPDF_Dict_AddName(x, "Subtype", "Image") ||
        HPDF_Dict_AddNumber(x, "Width", (HPDF_INT32)w) ||
        HPDF_Dict_AddNumber(x, "Height", (HPDF_INT32)h) ||
        HPDF_Dict_AddName(x, "ColorSpace", space) ||
        HPDF_Dict_AddNumber(x, "BitsPerComponent", 8) ||
        ashi_flate_write(z, x, pixels, (size_t)w * h * (size_t)n))
        return NULL;
    return x;
}
