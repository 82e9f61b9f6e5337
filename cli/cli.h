/* cli.h — what the command line's files share. SPDX-License-Identifier: MIT */
#ifndef ASHI_CLI_H
#define ASHI_CLI_H

#include "ashireport.h"

/* How diagnostics are printed (--diagnostic-format). */
typedef enum { FMT_HUMAN, FMT_SHORT, FMT_JSON } diag_format;

/* Loads the deck ("-": standard input, its files from base_dir), renders
 * it to out_path when render is set ("-": standard output), prints its
 * diagnostics and what was written (main.c). */
ashi_status cli_run(const ashi_options *opt, const char *deck_path, const char *out_path,
                    const char *base_dir, int render, diag_format fmt);

/* Renders the deck, then again each time it or a file in its folder (or a
 * folder just below) changes, until interrupted (watch.c). A change that
 * breaks the deck prints its diagnostics and leaves the last good PDF. */
ashi_status cli_watch(const ashi_options *opt, const char *deck_path, const char *out_path,
                      diag_format fmt);

#endif
