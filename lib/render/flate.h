/* flate.h — FlateDecode streams compressed by libdeflate, whole buffers at
 * once (which every stream written here is), in place of libharu's zlib
 * pass when the file is saved: the same format, a smaller result in less
 * than half the time. SPDX-License-Identifier: MIT */
#ifndef ASHI_FLATE_H
#define ASHI_FLATE_H

#include <stddef.h>

#include <hpdf.h>

#include "base/base.h"

/* One compressor (level 6) and its output buffer, for one render; not
 * thread-safe. */
typedef struct ashi_flate ashi_flate;

ashi_flate *ashi_flate_new(ashi_mem *mem);
void ashi_flate_free(ashi_flate *z);

/* Writes len bytes of data, compressed, as the stream of obj (a libharu
 * stream dictionary with nothing written yet) and declares /Filter
 * /FlateDecode for it; libharu then writes the bytes as they are.
 * Returns 0, or -1 (out of memory, or obj's stream failed). */
int ashi_flate_write(ashi_flate *z, HPDF_Dict obj, const void *data, size_t len);

/* An image XObject of w x h pixels of 8-bit samples in colour space
 * space ("DeviceGray", "DeviceRGB", "DeviceCMYK"; channels 1, 3, 4),
 * compressed by z: what HPDF_LoadRawImageFromMem makes, without its copy
 * of the pixels. NULL with pdf's error set, or when out of memory. */
/* Page content streams compressed while the next page is drawn: with
 * threaded set, a second thread compresses each stream put here as the
 * caller builds the next one (libharu is only touched from the caller's
 * thread, when the next stream is put or at ashi_flate_pipe_flush);
 * without, each is compressed at once by z. The file is the same. */
typedef struct ashi_flate_pipe ashi_flate_pipe;
ashi_flate_pipe *ashi_flate_pipe_new(ashi_mem *mem, ashi_flate *z, int threaded);
/* Hands data over as obj's stream: *data comes back empty (another
 * buffer) for the next stream. Returns 0, or -1 as ashi_flate_write (a
 * failure of the stream put before may show here). */
int ashi_flate_pipe_put(ashi_flate_pipe *p, HPDF_Dict obj, ashi_buf *data);
/* Every stream put is written; returns 0 or -1. */
int ashi_flate_pipe_flush(ashi_flate_pipe *p);
void ashi_flate_pipe_free(ashi_flate_pipe *p);

HPDF_Image ashi_flate_image(HPDF_Doc pdf, ashi_flate *z, const unsigned char *pixels,
                            unsigned w, unsigned h, const char *space);

#endif
