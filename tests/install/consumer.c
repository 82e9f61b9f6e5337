/* consumer.c — a program built against an installed libashireport: renders
 * a deck from memory and prints the font file the library found, so the
 * test can see that the installed copy found its installed fonts.
 * SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include <ashireport.h>

int main(void)
{
    static const char deck_xml[] = "<deck xmlns=\"urn:ashireport:deck:1\">"
                                   "<slide title=\"導入確認\"><p>旭川市</p></slide></deck>";
    ashi_deck *deck = NULL;
    ashi_status st = ashi_deck_load_memory(NULL, deck_xml, sizeof deck_xml - 1, "consumer",
                                           NULL, &deck);
    for (size_t i = 0; i < ashi_deck_diag_count(deck); i++) {
        ashi_diag g;
        ashi_deck_diag(deck, i, &g);
        fprintf(stderr, "%s:%u:%u: %s\n", g.file, g.line, g.col, g.message);
    }
    unsigned char *pdf = NULL;
    size_t len = 0;
    if (st == ASHI_OK)
        st = ashi_deck_render_memory(deck, &pdf, &len);
    if (st != ASHI_OK) {
        fprintf(stderr, "consumer: %s\n", ashi_status_str(st));
        ashi_deck_free(deck);
        return 1;
    }
    printf("version %s\nfont %s\npdf %zu %.8s\n", ashi_version(), ashi_deck_font_file(deck, 0),
           len, (const char *)pdf);
    ashi_free(pdf);
    ashi_deck_free(deck);
    return 0;
}
