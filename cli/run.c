/* run.c — one run of the command line's render or check: the deck loaded
 * (from a file or standard input), rendered to a PDF or page images, its
 * diagnostics printed as asked. SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ashireport.h"
#include "cli.h"

static const char *const severity_names[] = {"note", "warning", "error"};


/* The diagnostics, in the format asked; with human, each diagnostic of the
 * deck's own text (named name) shows its line, from src (read from the
 * file name when first needed). */
static void print_diags(const ashi_deck *deck, diag_format fmt, const char *name,
                        cli_source *src)
{
    for (size_t i = 0; i < ashi_deck_diag_count(deck); i++) {
        ashi_diag g;
        if (ashi_deck_diag(deck, i, &g) != ASHI_OK)
            continue;
        const char *sev = severity_names[g.severity];
        if (fmt == FMT_JSON) {
            fputs("{\"file\":", stderr);
            cli_json_string(stderr, g.file);
            fprintf(stderr,
                    ",\"line\":%u,\"col\":%u,\"end_line\":%u,\"end_col\":%u,\"slide\":%zu,"
                    "\"severity\":\"%s\",\"code\":",
                    g.line, g.col, g.end_line, g.end_col, g.slide, sev);
            cli_json_string(stderr, g.code);
            fputs(",\"message\":", stderr);
            cli_json_string(stderr, g.message);
            fputs(",\"hint\":", stderr);
            cli_json_string(stderr, g.hint);
            fputs("}\n", stderr);
            continue;
        }
        /* a problem of no place in the file (it cannot be read, the PDF
         * cannot be written) names the file alone */
        if (g.line == 0)
            fprintf(stderr, "%s: %s: %s\n", g.file, sev, g.message);
        else if (g.col == 0)
            fprintf(stderr, "%s:%u: %s: %s\n", g.file, g.line, sev, g.message);
        else
            fprintf(stderr, "%s:%u:%u: %s: %s\n", g.file, g.line, g.col, sev, g.message);
        if (fmt == FMT_HUMAN && g.line && g.file && strcmp(g.file, name) == 0) {
            if (!src->text && !src->owned)
                src->owned = cli_source_read(src, name) == 0 ? 1 : 2; /* 2: tried */
            cli_excerpt(stderr, src, g.line, g.col, g.end_line, g.end_col);
        }
        if (fmt == FMT_HUMAN && g.hint)
            fprintf(stderr, cli_t("  hint: %s\n"), g.hint);
    }
}

int cli_write_file(void *user, const void *data, size_t len)
{
    return fwrite(data, 1, len, user) == len ? 0 : -1;
}

static char *default_output(const char *deck)
{
    size_t n = strlen(deck);
    const char *dot = strrchr(deck, '.');
    const char *slash = strrchr(deck, '/');
    if (dot && (!slash || dot > slash))
        n = (size_t)(dot - deck);
    char *out = malloc(n + 5);
    if (out) {
        memcpy(out, deck, n);
        memcpy(out + n, ".pdf", 5);
    }
    return out;
}

/* Loads the deck (from standard input for "-"), renders it when asked,
 * prints its diagnostics and what was written. */
ashi_status cli_run(const ashi_options *opt, const char *deck_path, const char *out_path,
                    const char *base_dir, int render, diag_format fmt, const cli_output *img)
{
    int from_stdin = strcmp(deck_path, "-") == 0;
    ashi_deck *deck = NULL;
    ashi_status st;
    cli_source src = {0};
    if (from_stdin) {
        /* the deck from standard input: it names files relative to
         * --base-dir only, else to no folder at all */
        size_t len = 0;
        char *data = cli_read_all(stdin, 1u << 30, &len);
        st = data ? ashi_deck_load_memory(opt, data, len, "<stdin>", base_dir, &deck)
                  : ASHI_E_IO;
        if (!data)
            fputs(cli_t("ashireport: cannot read the deck from standard input\n"), stderr);
        src = (cli_source){.text = data, .len = len, .owned = 1}; /* kept for the lines under diagnostics */
    } else {
        st = ashi_deck_load_file(opt, deck_path, &deck);
    }
    const char *name = from_stdin ? "<stdin>" : deck_path;
    char *def = NULL;
    int to_stdout = out_path && strcmp(out_path, "-") == 0;
    if (render == CLI_QUERY) {
        /* what the deck holds, when it has no errors (a query of a broken
         * deck would describe another one) */
        if (st == ASHI_OK) {
            cli_query_print(deck, stdout);
            if (fflush(stdout))
                st = ASHI_E_IO;
        }
        print_diags(deck, fmt, name, &src);
        ashi_deck_free(deck);
        cli_source_free(&src);
        return st;
    }
    if (st == ASHI_OK && render && img->format) {
        /* page images: DECK-{n}.png beside the deck unless -o names them */
        if (!out_path && (def = default_output(deck_path)) &&
            (def = realloc(def, strlen(def) + 8)))
            strcpy(def + strlen(def) - 4, img->format == 2 ? "-{n}.svg" : "-{n}.png");
        st = out_path || def ? cli_images(deck, out_path ? out_path : def, img->format == 2,
                                          img->ppi, img->pages)
                             : ASHI_E_MEMORY;
        print_diags(deck, fmt, name, &src);
        free(def);
        ashi_deck_free(deck);
        cli_source_free(&src);
        return st;
    }
    if (st == ASHI_OK && render) {
        if (!out_path)
            out_path = def = default_output(deck_path);
        if (to_stdout)
            st = ashi_deck_render_callback(deck, cli_write_file, stdout);
        else
            st = out_path ? ashi_deck_render_file(deck, out_path) : ASHI_E_MEMORY;
        if (to_stdout && st == ASHI_OK && fflush(stdout))
            st = ASHI_E_IO;
    }
    if (deck)
        print_diags(deck, fmt, name, &src);
    if (st != ASHI_OK && (!deck || ashi_deck_error_count(deck) == 0))
        fprintf(stderr, cli_t("ashireport: %s\n"), cli_t(ashi_status_str(st)));
    if (st == ASHI_OK && render) {
        /* the PDF itself may have gone to standard output (-o /dev/stdout):
         * then the message goes to standard error */
        struct stat so, po;
        FILE *msg = to_stdout || (fstat(1, &so) == 0 && stat(out_path, &po) == 0 &&
                                  so.st_dev == po.st_dev && so.st_ino == po.st_ino)
                        ? stderr
                        : stdout;
        size_t n = ashi_deck_page_count(deck), sides = ashi_deck_pdf_page_count(deck);
        if (sides == n)
            fprintf(msg, cli_t("wrote %s (%zu page%s)\n"), to_stdout ? cli_t("standard output") : out_path, n,
                    n == 1 ? "" : "s");
        else /* imposed: booklet sheet sides, 2-up handout pages */
            fprintf(msg, cli_t("wrote %s (%zu page%s on %zu PDF page%s)\n"),
                    to_stdout ? cli_t("standard output") : out_path, n, n == 1 ? "" : "s", sides,
                    sides == 1 ? "" : "s");
    }
    free(def);
    ashi_deck_free(deck);
    cli_source_free(&src);
    return st;
}

