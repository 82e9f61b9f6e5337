/* cli.h — what the command line's files share. SPDX-License-Identifier: MIT */
#ifndef ASHI_CLI_H
#define ASHI_CLI_H

#include <stdio.h>

#include "ashireport.h"

/* How diagnostics are printed (--diagnostic-format). */
typedef enum { FMT_HUMAN, FMT_SHORT, FMT_JSON } diag_format;

/* What render writes: a PDF, or page images. */
typedef struct cli_output {
    int format; /* 0 PDF, 1 PNG, 2 SVG */
    double ppi;
    const char *pages;
} cli_output;

/* What cli_run does after loading: check (0), render (1), query. */
enum { CLI_QUERY = 2 };

/* Loads the deck ("-": standard input, its files from base_dir), renders
 * it to out_path when render is set ("-": standard output), or prints what
 * it holds (CLI_QUERY), prints its diagnostics and what was written (run.c). */
ashi_status cli_run(const ashi_options *opt, const char *deck_path, const char *out_path,
                    const char *base_dir, int render, diag_format fmt, const struct cli_output *img);

/* The command line's own messages in Japanese (text.c): the language is
 * set once, before any message; cli_t gives the Japanese of an English
 * message, or the English. */
void cli_lang_set(int ja);
int cli_lang_ja(void);
/* Japanese when --lang ja is given, else when the locale's language is. */
int cli_locale_ja(int argc, char **argv);
const char *cli_t(const char *en) __attribute__((format_arg(1)));
const char *cli_usage(const char *usage_en);

/* A deck's text, for the lines under its diagnostics (excerpt.c). */
typedef struct cli_source {
    char *text; /* malloc'd, or NULL */
    size_t len;
    int owned;  /* 1: text is read (or given), 2: reading it failed */
    unsigned at_line; /* the line last shown, starting at byte at_pos */
    size_t at_pos;
} cli_source;

/* All of f, malloc'd, its length in *len; NULL when it cannot be read or
 * passes max bytes (excerpt.c). */
char *cli_read_all(FILE *f, size_t max, size_t *len);
/* Reads the file at path (at most 64 MiB) into s; -1 when it cannot. */
int cli_source_read(cli_source *s, const char *path);
void cli_source_free(cli_source *s);
/* Prints line `line` of s with its number and, below it, carets under the
 * characters from col to end_col (one caret when the end is on another
 * line or not given); nothing when s has no such line. */
void cli_excerpt(FILE *f, cli_source *s, unsigned line, unsigned col, unsigned end_line,
                 unsigned end_col);

/* s as a JSON string, or null (json.c). */
void cli_json_string(FILE *f, const char *s);

/* The deck's information, pages and figures as one JSON object (query.c). */
void cli_query_print(const ashi_deck *deck, FILE *f);

/* An ashi_write_fn writing to the FILE * user (run.c). */
int cli_write_file(void *user, const void *data, size_t len);

/* Page images (images.c): the pages `pages` selects ("1-3,7"; NULL: all)
 * written as PNG at ppi or as SVG, each to pattern with {n} the page
 * number (required for more than one page). */
ashi_status cli_images(ashi_deck *deck, const char *pattern, int svg, double ppi,
                       const char *pages);
/* Marks in want (npages bytes) the pages spec names, the highest asked for
 * in *last; -1 when it is not a list of numbers and ranges from 1. */
int cli_pages_parse(const char *spec, size_t npages, unsigned char *want, long *last);


/* Renders the deck, then again each time it or a file in its folder (or a
 * folder just below) changes, until interrupted (watch.c). A change that
 * breaks the deck prints its diagnostics and leaves the last good PDF. */
ashi_status cli_watch(const ashi_options *opt, const char *deck_path, const char *out_path,
                      diag_format fmt, const struct cli_output *img);

#endif
