/* fuzz_csv.c — libFuzzer target: the CSV reader. SPDX-License-Identifier: MIT */
#include <stddef.h>
#include <stdint.h>

#include "xml/xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ashi_arena *a = ashi_arena_new(NULL);
    if (!a)
        return 0;
    ashi_diags d = {.arena = a, .file = "fuzz"};
    ashi_csv csv;
    ashi_csv_parse((const char *)data, size, "fuzz.csv", 1000, 64, a, &d, &csv);
    ashi_arena_free(a);
    return 0;
}
