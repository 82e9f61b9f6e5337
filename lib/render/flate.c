/* flate.c — streams compressed with libdeflate (see flate.h).
 * SPDX-License-Identifier: MIT */
#include <pthread.h>
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

/* The compressed bytes as obj's stream, with its /Filter key. */
static int attach(HPDF_Dict obj, const unsigned char *bytes, size_t n)
{
    obj->filter = HPDF_STREAM_FILTER_NONE;
    obj->write_fn = flate_key;
    return HPDF_Stream_Write(obj->stream, bytes, (HPDF_UINT)n) == HPDF_OK ? 0 : -1;
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
    return attach(obj, z->out, n);
}

/* ---- the pipe ------------------------------------------------------------ */

enum { JOB_IDLE, JOB_PENDING, JOB_DONE };

struct ashi_flate_pipe {
    ashi_mem *mem;
    ashi_flate *z; /* inline, and the failure path */
    int threaded;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    /* the one stream in the second thread's hands (guarded by lock) */
    int state, quit;
    HPDF_Dict obj;
    ashi_buf in;
    unsigned char *out;
    size_t cap, n; /* n 0: compression failed */
    struct libdeflate_compressor *c; /* the second thread's */
};

static void *compress_loop(void *arg)
{
    ashi_flate_pipe *p = arg;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (p->state != JOB_PENDING && !p->quit)
            pthread_cond_wait(&p->cond, &p->lock);
        if (p->state != JOB_PENDING)
            break;
        const char *data = p->in.data;
        size_t len = p->in.len;
        unsigned char *out = p->out;
        size_t cap = p->cap;
        pthread_mutex_unlock(&p->lock);
        size_t n = libdeflate_zlib_compress(p->c, data, len, out, cap);
        pthread_mutex_lock(&p->lock);
        p->n = n;
        p->state = JOB_DONE;
        pthread_cond_broadcast(&p->cond);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

ashi_flate_pipe *ashi_flate_pipe_new(ashi_mem *mem, ashi_flate *z, int threaded)
{
    ashi_flate_pipe *p = ashi_calloc(mem, 1, sizeof *p);
    if (!p)
        return NULL;
    p->mem = mem;
    p->z = z;
    p->in.mem = mem;
    if (threaded && (p->c = libdeflate_alloc_compressor(6))) {
        pthread_mutex_init(&p->lock, NULL);
        pthread_cond_init(&p->cond, NULL);
        p->threaded = pthread_create(&p->thread, NULL, compress_loop, p) == 0;
        if (!p->threaded) {
            pthread_mutex_destroy(&p->lock);
            pthread_cond_destroy(&p->cond);
        }
    }
    return p;
}

/* Waits for the stream in the second thread's hands and writes it. */
static int collect(ashi_flate_pipe *p)
{
    pthread_mutex_lock(&p->lock);
    while (p->state == JOB_PENDING)
        pthread_cond_wait(&p->cond, &p->lock);
    int was = p->state;
    p->state = JOB_IDLE;
    pthread_mutex_unlock(&p->lock);
    if (was != JOB_DONE)
        return 0;
    if (!p->n || p->n > 0xFFFFFFFFu)
        return -1;
    return attach(p->obj, p->out, p->n);
}

int ashi_flate_pipe_put(ashi_flate_pipe *p, HPDF_Dict obj, ashi_buf *data)
{
    if (!p->threaded) {
        int rc = ashi_flate_write(p->z, obj, data->data, data->len);
        data->len = 0;
        return rc;
    }
    if (collect(p))
        return -1;
    /* the second thread is idle: its buffers are the caller's to change */
    size_t bound = libdeflate_zlib_compress_bound(p->c, data->len);
    if (bound > p->cap) {
        unsigned char *g = ashi_realloc(p->mem, p->out, bound);
        if (!g) {
            HPDF_SetError(obj->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
            return -1;
        }
        p->out = g;
        p->cap = bound;
    }
    ashi_buf spare = p->in;
    pthread_mutex_lock(&p->lock);
    p->in = *data;
    p->obj = obj;
    p->state = JOB_PENDING;
    pthread_cond_broadcast(&p->cond);
    pthread_mutex_unlock(&p->lock);
    *data = spare;
    data->len = 0;
    return 0;
}

int ashi_flate_pipe_flush(ashi_flate_pipe *p)
{
    return p->threaded ? collect(p) : 0;
}

void ashi_flate_pipe_free(ashi_flate_pipe *p)
{
    if (!p)
        return;
    if (p->threaded) {
        pthread_mutex_lock(&p->lock);
        while (p->state == JOB_PENDING)
            pthread_cond_wait(&p->cond, &p->lock);
        p->quit = 1;
        pthread_cond_broadcast(&p->cond);
        pthread_mutex_unlock(&p->lock);
        pthread_join(p->thread, NULL);
        pthread_mutex_destroy(&p->lock);
        pthread_cond_destroy(&p->cond);
    }
    if (p->c)
        libdeflate_free_compressor(p->c);
    ashi_buf_free(&p->in);
    free(p->out);
    free(p);
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
