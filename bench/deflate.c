/* deflate.c — the deflate part of the floor of issue #19 (bench/floor.sh):
 * `ashi-deflate zlib|libdeflate FILE` compresses FILE (an uncompressed PDF)
 * at level 6 as one zlib stream, with zlib's compress2 or libdeflate's
 * zlib compressor, and prints the bytes in and out and the milliseconds the
 * compression alone took; floor.sh times the whole process. Built by
 * floor.sh with cc (-lz -ldeflate), outside the project's CMake build, so
 * that building the library never needs libdeflate.
 * SPDX-License-Identifier: MIT */
#define _POSIX_C_SOURCE 200809L
#include <libdeflate.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* the whole file in one buffer; NULL on failure */
static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf = NULL;
    long n;
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (buf = malloc((size_t)n + 1)) && fread(buf, 1, (size_t)n, f) == (size_t)n) {
        *len = (size_t)n;
    } else {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    return buf;
}

int main(int argc, char **argv)
{
    if (argc != 3 || (strcmp(argv[1], "zlib") && strcmp(argv[1], "libdeflate"))) {
        fprintf(stderr, "usage: ashi-deflate zlib|libdeflate FILE\n");
        return 2;
    }
    size_t len = 0;
    unsigned char *in = slurp(argv[2], &len);
    if (!in) {
        fprintf(stderr, "ashi-deflate: cannot read %s\n", argv[2]);
        return 1;
    }
    int zlib = !strcmp(argv[1], "zlib");
    size_t cap = zlib ? (size_t)compressBound((uLong)len) : 0, out_len = 0;
    struct libdeflate_compressor *c = NULL;
    if (!zlib) {
        if (!(c = libdeflate_alloc_compressor(6))) {
            free(in);
            return 1;
        }
        cap = libdeflate_zlib_compress_bound(c, len);
    }
    unsigned char *out = malloc(cap ? cap : 1);
    if (!out) {
        free(in);
        libdeflate_free_compressor(c);
        return 1;
    }
    double t = now_ms();
    int ok;
    if (zlib) {
        uLongf n = (uLongf)cap;
        ok = compress2(out, &n, in, (uLong)len, 6) == Z_OK;
        out_len = n;
    } else {
        out_len = libdeflate_zlib_compress(c, in, len, out, cap);
        ok = out_len > 0;
    }
    t = now_ms() - t;
    if (ok)
        printf("%s level 6: %zu -> %zu bytes in %.1f ms\n", argv[1], len, out_len, t);
    free(out);
    free(in);
    libdeflate_free_compressor(c);
    return ok ? 0 : 1;
}
