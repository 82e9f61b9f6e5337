/* fuzz_deck.c — libFuzzer target: deck bytes to a PDF in memory, through
 * the public API, on one or two layout threads. SPDX-License-Identifier: MIT */
#include <stddef.h>
#include <stdint.h>

#include "ashireport.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ashi_options *opt = NULL;
    if (ashi_options_new(&opt) != ASHI_OK)
        return 0;
    ashi_options_add_font_dir(opt, ASHI_FUZZ_FONTDIR);
    /* half the inputs laid out on two threads */
    ashi_options_set_threads(opt, size & 1 ? 2 : 1);
    ashi_deck *deck = NULL;
    /* the deck's folder is fuzz/corpus: a deck may name image/rgb8.png or
     * csv/simple, the other targets' seeds */
    if (ashi_deck_load_memory(opt, data, size, "fuzz.xml", ASHI_FUZZ_DECKDIR, &deck) == ASHI_OK) {
        unsigned char *pdf = NULL;
        size_t len = 0;
        if (ashi_deck_render_memory(deck, &pdf, &len) == ASHI_OK)
            ashi_free(pdf);
    }
    for (size_t i = 0; i < ashi_deck_diag_count(deck); i++) {
        ashi_diag g;
        ashi_deck_diag(deck, i, &g);
    }
    ashi_deck_free(deck);
    ashi_options_free(opt);
    return 0;
}
