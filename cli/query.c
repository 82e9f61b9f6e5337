/* query.c — `ashireport query DECK.xml`: what the laid-out deck holds, as
 * one JSON object on standard output, for scripts and web pages: the
 * document's information, then each page with its source line, size,
 * outline title and level, and figures (alternative text, image file).
 * SPDX-License-Identifier: MIT */
#include <stdio.h>

#include "cli.h"

static void field(FILE *f, const char *name, const char *value, int comma)
{
    fprintf(f, "%s\"%s\":", comma ? "," : "", name);
    cli_json_string(f, value);
}

void cli_query_print(const ashi_deck *deck, FILE *f)
{
    static const char *const keys[] = {"title", "author", "subject", "date", "lang"};
    fputc('{', f);
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
        field(f, keys[k], ashi_deck_info(deck, keys[k]), k > 0);
    fputs(",\"pages\":[", f);
    size_t n = ashi_deck_page_count(deck);
    for (size_t p = 0; p < n; p++) {
        ashi_page_info pi;
        if (ashi_deck_page_info(deck, p, &pi) != ASHI_OK)
            continue;
        /* sizes in millimetres to a tenth, as the reference gives them */
        fprintf(f, "%s\n{\"page\":%zu,\"line\":%u,\"width_mm\":%.1f,\"height_mm\":%.1f,", p ? "," : "",
                p + 1, pi.line, pi.width * 25.4 / 72, pi.height * 25.4 / 72);
        field(f, "title", pi.title, 0);
        fprintf(f, ",\"level\":%d,\"figures\":[", pi.level);
        for (size_t k = 0; k < pi.figures; k++) {
            ashi_figure_info fi;
            if (ashi_deck_figure_info(deck, p, k, &fi) != ASHI_OK)
                continue;
            fprintf(f, "%s{\"line\":%u,", k ? "," : "", fi.line);
            field(f, "alt", fi.alt, 0);
            field(f, "file", fi.file, 1);
            fputc('}', f);
        }
        fputs("]}", f);
    }
    fputs("\n]}\n", f);
}
