/* fuzz_image.c — libFuzzer target: PNG and JPEG decoding from the bytes of
 * a file, as the resolver hands them over. SPDX-License-Identifier: MIT */
#include <stddef.h>
#include <stdint.h>

#include "image/image.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ashi_arena *a = ashi_arena_new(NULL);
    if (!a)
        return 0;
    ashi_diags d = {.arena = a, .file = "fuzz"};
    ashi_loc loc = {1, 1};
    ashi_image_decode(data, size, "fuzz", 4000000, 0, a, &d, loc);
    ashi_arena_free(a);
    return 0;
}
