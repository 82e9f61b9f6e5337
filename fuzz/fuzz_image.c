/* fuzz_image.c — libFuzzer target: PNG and JPEG reading from a file.
 * SPDX-License-Identifier: MIT */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include "image/image.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/ashi-fuzz-image-%d", (int)getpid());
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    ashi_arena *a = ashi_arena_new(NULL);
    if (a) {
        ashi_diags d = {.arena = a, .file = "fuzz"};
        ashi_loc loc = {1, 1};
        ashi_image_load(path, "fuzz", 4000000, a, &d, loc);
        ashi_arena_free(a);
    }
    unlink(path);
    return 0;
}
