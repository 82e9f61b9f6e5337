/* image.c — what reading a JPEG's scans before embedding it costs:
 * `ashi-bench-image make FILE MEGAPIXELS [progressive]` writes a synthetic
 * photo-like 4:3 JPEG (4:2:0, quality 90) with TurboJPEG; `ashi-bench-image
 * check FILE RUNS` decodes it with ashi_image_decode RUNS times and prints
 * the median time and the peak memory the decoding added to the file's
 * bytes. bench/image.sh runs both over several sizes.
 * SPDX-License-Identifier: MIT */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <turbojpeg.h>

#include "base/base.h"
#include "image/image.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static long peak_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static int make(const char *path, double mp, int progressive)
{
    int w = (int)(sqrt(mp * 1e6 * 4 / 3) + 0.5), h = w * 3 / 4;
    unsigned char *px = malloc((size_t)w * (size_t)h * 3);
    if (!px)
        return 1;
    /* smooth gradients with some noise: compresses like a photo */
    unsigned seed = 1;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            seed = seed * 1103515245u + 12345u;
            int n = (int)(seed >> 28) - 8;
            unsigned char *p = px + ((size_t)y * (size_t)w + (size_t)x) * 3;
            p[0] = (unsigned char)(128 + 100 * sin(x / 97.0) + n);
            p[1] = (unsigned char)(128 + 100 * sin(y / 61.0) + n);
            p[2] = (unsigned char)(128 + 100 * sin((x + y) / 143.0) + n);
        }
    tjhandle tj = tjInitCompress();
    unsigned char *jpeg = NULL;
    unsigned long len = 0;
    int rc = !tj || tjCompress2(tj, px, w, 0, h, TJPF_RGB, &jpeg, &len, TJSAMP_420, 90,
                                progressive ? TJFLAG_PROGRESSIVE : 0) != 0;
    FILE *f = rc ? NULL : fopen(path, "wb");
    if (f) {
        rc = fwrite(jpeg, 1, len, f) != len;
        fclose(f);
        printf("%s %dx%d %lu bytes\n", path, w, h, len);
    }
    tjFree(jpeg);
    if (tj)
        tjDestroy(tj);
    free(px);
    return rc || !f;
}

static int check(const char *path, int runs)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 1;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *data = malloc((size_t)len);
    if (!data || fread(data, 1, (size_t)len, f) != (size_t)len) {
        fclose(f);
        free(data);
        return 1;
    }
    fclose(f);
    long before = peak_kb();
    double ms[64];
    if (runs > 64)
        runs = 64;
    int ok = 1;
    for (int r = 0; r < runs; r++) {
        ashi_arena *a = ashi_arena_new(NULL);
        ashi_diags d = {.arena = a, .file = "bench"};
        ashi_loc loc = {1, 1};
        double t = now_ms();
        ok &= ashi_image_decode(data, (size_t)len, path, 100000000, 0, a, &d, loc) != NULL;
        ms[r] = now_ms() - t;
        ashi_arena_free(a);
    }
    qsort(ms, (size_t)runs, sizeof ms[0], cmp);
    printf("%s: median %.1f ms of %d, peak memory +%ld KiB%s\n", path, ms[runs / 2], runs,
           peak_kb() - before, ok ? "" : " (REFUSED)");
    free(data);
    return !ok;
}

int main(int argc, char **argv)
{
    if (argc >= 4 && strcmp(argv[1], "make") == 0)
        return make(argv[2], atof(argv[3]), argc > 4 && strcmp(argv[4], "progressive") == 0);
    if (argc >= 4 && strcmp(argv[1], "check") == 0)
        return check(argv[2], atoi(argv[3]));
    fprintf(stderr, "usage: ashi-bench-image make FILE MEGAPIXELS [progressive] | check FILE RUNS\n");
    return 2;
}
