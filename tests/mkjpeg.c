/* mkjpeg OUT.jpg W H SEED [rgb|cmyk|gray|flat:R,G,B] — a test photo: smooth
 * colour gradients with a little deterministic noise (SEED makes each
 * different), or one flat RGB colour, encoded by TurboJPEG at quality 90
 * (flat ones at 100, 4:4:4, so that they decode to their colour).
 * SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <turbojpeg.h>

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: mkjpeg OUT.jpg W H SEED [rgb|cmyk|gray]\n");
        return 2;
    }
    int w = atoi(argv[2]), h = atoi(argv[3]);
    unsigned seed = (unsigned)strtoul(argv[4], NULL, 10);
    const char *kind = argc > 5 ? argv[5] : "rgb";
    int n = strcmp(kind, "cmyk") == 0 ? 4 : strcmp(kind, "gray") == 0 ? 1 : 3;
    int flat[3], is_flat = sscanf(kind, "flat:%d,%d,%d", &flat[0], &flat[1], &flat[2]) == 3;
    int pf = n == 4 ? TJPF_CMYK : n == 1 ? TJPF_GRAY : TJPF_RGB;
    if (w < 1 || h < 1 || w > 20000 || h > 20000)
        return 2;
    unsigned char *px = malloc((size_t)w * h * n);
    if (!px)
        return 1;
    unsigned r = seed * 2654435761u + 1;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            unsigned char *p = px + ((size_t)y * w + x) * n;
            r = r * 1103515245u + 12345u;
            int noise = (int)((r >> 16) & 15) - 8;
            for (int c = 0; c < n && is_flat; c++)
                p[c] = (unsigned char)flat[c];
            for (int c = 0; c < n && !is_flat; c++) {
                int v = (int)((((unsigned)x * (c + 1) * 255u / w) + ((unsigned)y * (3 - c % 3) * 255u / h) +
                               seed * 37u * (c + 1)) % 256) + noise;
                p[c] = (unsigned char)(v < 0 ? 0 : v > 255 ? 255 : v);
            }
        }
    tjhandle tj = tjInitCompress();
    unsigned char *jpeg = NULL;
    unsigned long len = 0;
    if (!tj || tjCompress2(tj, px, w, 0, h, pf, &jpeg, &len,
                           n == 1 ? TJSAMP_GRAY : is_flat ? TJSAMP_444 : TJSAMP_420,
                           is_flat ? 100 : 90, 0)) {
        fprintf(stderr, "mkjpeg: %s\n", tjGetErrorStr());
        return 1;
    }
    FILE *f = fopen(argv[1], "wb");
    if (!f || fwrite(jpeg, 1, len, f) != len || fclose(f)) {
        perror(argv[1]);
        return 1;
    }
    tjFree(jpeg);
    tjDestroy(tj);
    free(px);
    return 0;
}
