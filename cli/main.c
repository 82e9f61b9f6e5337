/* main.c — the ashireport command: parses arguments and hands them to a
 * run (run.c), a watch (watch.c) or the font list. SPDX-License-Identifier: MIT */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ashireport.h"
#include "cli.h"

static const char usage[] =
    "usage: ashireport render DECK.xml [-o OUT.pdf] [--draft] [--print] [--slug] [--booklet]\n"
    "                          [--creep MM] [--2up] [--output-profile FILE.icc]\n"
    "                          [--photo-intent perceptual|relative] [--max-ppi N]\n"
    "                          [--threads N] [--font-dir DIR]... [--diagnostic-format F]\n"
    "                          [--format pdf|png|svg] [--ppi N] [--pages 1-3,7] [--lang ja|en]\n"
    "       ashireport check DECK.xml [--print] [--output-profile FILE.icc] [--threads N]\n"
    "                          [--font-dir DIR]... [--diagnostic-format F] [--lang ja|en]\n"
    "       ashireport watch DECK.xml [-o OUT.pdf] [render's options]\n"
    "       ashireport fonts [--font-dir DIR]...\n"
    "       ashireport query DECK.xml [--print] [--font-dir DIR]... [--lang ja|en]\n"
    "       ashireport help [COMMAND] | --help | --version\n"
    "\n"
    "render  lays out DECK.xml and writes a PDF (default: DECK.pdf beside it)\n"
    "check   loads and lays out DECK.xml, prints diagnostics, writes nothing\n"
    "fonts   lists the fonts decks can use: family, style and file, a line each\n"
    "query   prints what the laid-out deck holds as one JSON object: its title, author,\n"
    "        subject, date and language, and each page's source line, size, outline\n"
    "        title and figures (alternative text, image file); nothing when it has errors\n"
    "watch   renders, then again whenever DECK.xml or a file in its folder changes\n"
    "        (a change that breaks the deck keeps the last good PDF); Ctrl+C stops\n"
    "DECK.xml -  reads the deck from standard input; it reads no other file unless\n"
    "          --base-dir DIR says where the files it names are\n"
    "-o -      writes the PDF to standard output (messages go to standard error)\n"
    "--format  png or svg: each page as an image file instead of the PDF, named by -o with\n"
    "          {n} for the page number (default DECK-{n}.png beside the deck), for the web\n"
    "--ppi     with --format png: pixels an inch (10-1200, default 144)\n"
    "--pages   with --format: the pages to write, such as 1-3,7 (default all)\n"
    "--lang    ja or en: the language of the messages (default: the locale's, Japanese when\n"
    "          the first of LANGUAGE, LC_ALL, LC_MESSAGES and LANG that is set starts with ja)\n"
    "--diagnostic-format  short (default: a line each), human (each with the deck's line,\n"
    "          carets under the place and a hint) or json (an object a line: file, line, col,\n"
    "          end_line, end_col, slide, severity, code, message, hint)\n"
    "--draft   renders even when text overflows, marking the frame in red\n"
    "--print   for the print shop: 3 mm bleed, crop marks, trim and bleed boxes, CMYK;\n"
    "          PDF/X-1a:2003 for Japan Color 2001 Coated (single pages: what print\n"
    "          shops usually want, they impose themselves)\n"
    "--slug    --print, with file name, page and date in the slug below each page\n"
    "--booklet --print, imposed for saddle stitching (pages in fours, two a sheet; blanks\n"
    "          before the back cover), for in-house printing or when the shop asks\n"
    "--creep   with --booklet: moves pages toward the spine, 0 on the outer sheet to MM\n"
    "          (0-5) on the innermost, for the paper's thickness\n"
    "--2up     two slides a portrait A4 page, for handouts\n"
    "--output-profile  with --print: PDF/X-4 for this CMYK output ICC profile (wins over\n"
    "          the deck's output-profile)\n"
    "--photo-intent  with --output-profile: how photos convert, perceptual (default) or\n"
    "          relative (colorimetric, black point compensation)\n"
    "--max-ppi with --print: images placed above N ppi are downsampled to it (150-1200,\n"
    "          default 350; 0 never)\n"
    "--threads lays slides out on N threads (1-16, default: every core, at most 16); the\n"
    "          PDF is the same whatever N is\n"
    "\n"
    "Diagnostics are printed as FILE:LINE:COL: SEVERITY: MESSAGE (FILE: SEVERITY: MESSAGE\n"
    "for a problem of no place in the file).\n"
    "Exit status: 0 success, 1 the deck has errors (or output failed), 2 usage.\n";

/* A usage error: "ashireport: " and the message on standard error, the
 * options freed, exit status 2. */
static int usage_error(ashi_options *opt, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static int usage_error(ashi_options *opt, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs(cli_t("ashireport: "), stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    ashi_options_free(opt);
    return 2;
}

static int print_font(void *user, const char *family, const char *style, const char *path)
{
    (void)user;
    printf("%s\t%s\t%s\n", family, style, path);
    return 0;
}

/* `ashireport fonts [--font-dir DIR]...`: the usable fonts, a line each
 * (family, style, file, tab-separated), in the order they are looked up. */
static int list_fonts(int argc, char **argv)
{
    ashi_options *opt = NULL;
    if (ashi_options_new(&opt) != ASHI_OK)
        return 1;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--font-dir") == 0 && i + 1 < argc &&
            ashi_options_add_font_dir(opt, argv[i + 1]) == ASHI_OK) {
            i++;
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            puts(cli_t("usage: ashireport fonts [--font-dir DIR]...\n\nlists the fonts decks can "
                 "use, a line each: family, style, file (tab-separated), in the\norder they "
                 "are looked up (--font-dir's, ASHI_FONT_PATH's, the installed ones)"));
            ashi_options_free(opt);
            return 0;
        } else {
            return usage_error(opt, cli_t("fonts takes only --font-dir DIR, not '%s'\n"), argv[i]);
        }
    }
    ashi_status st = ashi_fonts_list(opt, print_font, NULL);
    ashi_options_free(opt);
    return st == ASHI_OK ? 0 : 1;
}

int main(int argc, char **argv)
{
    cli_lang_set(cli_locale_ja(argc, argv));
    if (argc < 2) {
        fputs(cli_usage(usage), stderr);
        return 2;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        if (strcmp(argv[1], "help") == 0 && argc > 2 && strcmp(argv[2], "render") != 0 &&
            strcmp(argv[2], "check") != 0 && strcmp(argv[2], "watch") != 0 &&
            strcmp(argv[2], "fonts") != 0 && strcmp(argv[2], "query") != 0) {
            fprintf(stderr,
                    cli_t("ashireport: no command '%s' (the commands: render, check, watch, fonts, query)\n"),
                    argv[2]);
            return 2;
        }
        fputs(cli_usage(usage), stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("ashireport %s\n", ashi_version());
        return 0;
    }
    if (strcmp(argv[1], "fonts") == 0)
        return list_fonts(argc, argv);
    int watching = strcmp(argv[1], "watch") == 0;
    int querying = strcmp(argv[1], "query") == 0;
    int render = watching || strcmp(argv[1], "render") == 0;
    if (!render && !querying && strcmp(argv[1], "check") != 0) {
        fprintf(stderr, cli_t("ashireport: unknown command '%s'\n\n%s"), argv[1], cli_usage(usage));
        return 2;
    }
    const char *deck_path = NULL, *out_path = NULL, *base_dir = NULL;
    diag_format fmt = FMT_SHORT;
    cli_output img = {0, 144, NULL};
    int booklet = 0, two_up = 0, ppi_given = 0;
    unsigned print = 0;
    int font_dirs = 0;
    const char *creep = NULL; /* --creep's argument */
    ashi_options *opt = NULL;
    if (ashi_options_new(&opt) != ASHI_OK) {
        fputs(cli_t("ashireport: out of memory\n"), stderr);
        return 1;
    }
    /* the messages' language, chosen at the start (cli_locale_ja); a bad
     * --lang is refused below */
    ashi_options_set_language(opt, cli_lang_ja() ? "ja" : "en");
    /* every core unless --threads says otherwise (the PDF is the same) */
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    ashi_options_set_threads(opt, cores < 1 ? 1 : cores > 16 ? 16 : (int)cores);
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(cli_usage(usage), stdout); /* `render --help` */
            ashi_options_free(opt);
            return 0;
        } else if ((strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) && render &&
                   i + 1 < argc) {
            out_path = argv[++i];
        } else if (strcmp(a, "--diagnostic-format") == 0 && i + 1 < argc) {
            const char *v = argv[++i];
            if (strcmp(v, "human") == 0)
                fmt = FMT_HUMAN;
            else if (strcmp(v, "short") == 0)
                fmt = FMT_SHORT;
            else if (strcmp(v, "json") == 0)
                fmt = FMT_JSON;
            else {
                return usage_error(opt,
                                   cli_t("--diagnostic-format takes human, short or json, not '%s'\n"), v);
            }
        } else if (strcmp(a, "--format") == 0 && i + 1 < argc && render) {
            const char *v = argv[++i];
            img.format = strcmp(v, "pdf") == 0 ? 0 : strcmp(v, "png") == 0 ? 1
                         : strcmp(v, "svg") == 0 ? 2
                                                 : -1;
            if (img.format < 0) {
                return usage_error(opt, cli_t("--format takes pdf, png or svg, not '%s'\n"), v);
            }
        } else if (strcmp(a, "--ppi") == 0 && i + 1 < argc && render) {
            char *end;
            img.ppi = strtod(argv[++i], &end);
            if (*end || end == argv[i] || !(img.ppi >= 10 && img.ppi <= 1200)) {
                return usage_error(opt, cli_t("--ppi takes a number from 10 to 1200, not '%s'\n"),
                                   argv[i]);
            }
            ppi_given = 1;
        } else if (strcmp(a, "--pages") == 0 && i + 1 < argc && render) {
            img.pages = argv[++i];
        } else if (strcmp(a, "--lang") == 0 && i + 1 < argc) {
            if (ashi_options_set_language(opt, argv[++i]) != ASHI_OK) {
                return usage_error(opt, cli_t("--lang takes ja or en, not '%s'\n"), argv[i]);
            }
        } else if (strcmp(a, "--base-dir") == 0 && i + 1 < argc) {
            base_dir = argv[++i];
        } else if (strcmp(a, "--draft") == 0) {
            ashi_options_set_draft(opt, 1);
        } else if (strcmp(a, "--print") == 0 || strcmp(a, "--booklet") == 0) {
            booklet |= strcmp(a, "--booklet") == 0;
            print |= ASHI_PRINT_BLEED | ASHI_PRINT_MARKS | ASHI_PRINT_CMYK |
                     (strcmp(a, "--booklet") == 0 ? ASHI_PRINT_BOOKLET : 0) |
                     (render ? 0 : ASHI_PRINT_PREFLIGHT); /* check --print: all of it */
        } else if (strcmp(a, "--slug") == 0) {
            print |= ASHI_PRINT_BLEED | ASHI_PRINT_MARKS | ASHI_PRINT_CMYK | ASHI_PRINT_SLUG;
        } else if (strcmp(a, "--creep") == 0 && i + 1 < argc) {
            char *end;
            creep = argv[++i];
            double mm = strtod(creep, &end);
            if (end == creep || *end || ashi_options_set_creep(opt, mm) != ASHI_OK) {
                return usage_error(opt, cli_t("--creep takes millimetres from 0 to 5, not '%s'\n"), creep);
            }
        } else if (strcmp(a, "--2up") == 0) {
            two_up = 1;
            print |= ASHI_PRINT_2UP;
        } else if (strcmp(a, "--output-profile") == 0 && i + 1 < argc) {
            if (ashi_options_set_output_profile(opt, argv[++i]) != ASHI_OK) {
                return usage_error(opt, cli_t("--output-profile takes a file, not '%s'\n"), argv[i]);
            }
        } else if (strcmp(a, "--photo-intent") == 0 && i + 1 < argc) {
            const char *v = argv[++i];
            ashi_photo_intent pi = strcmp(v, "perceptual") == 0 ? ASHI_PHOTO_PERCEPTUAL
                                   : strcmp(v, "relative") == 0 ? ASHI_PHOTO_RELATIVE
                                                                : ASHI_PHOTO_DECK;
            if (pi == ASHI_PHOTO_DECK) {
                return usage_error(opt, cli_t("--photo-intent takes perceptual or relative, not '%s'\n"),
                                   v);
            }
            ashi_options_set_photo_intent(opt, pi);
        } else if (strcmp(a, "--max-ppi") == 0 && i + 1 < argc) {
            char *end;
            long n = strtol(argv[++i], &end, 10);
            if (end == argv[i] || *end || n < 0 || n > 1200 ||
                ashi_options_set_print_ppi(opt, (int)n) != ASHI_OK) {
                return usage_error(opt,
                                   cli_t("--max-ppi takes 0 (never) or a number from 150 to 1200, "
                                   "not '%s'\n"),
                                   argv[i]);
            }
        } else if (strcmp(a, "--threads") == 0 && i + 1 < argc) {
            char *end;
            long n = strtol(argv[++i], &end, 10);
            if (*end || n < 1 || n > 16 || ashi_options_set_threads(opt, (int)n) != ASHI_OK) {
                return usage_error(opt, cli_t("--threads takes a number from 1 to 16, not '%s'\n"),
                                   argv[i]);
            }
        } else if (strcmp(a, "--font-dir") == 0 && i + 1 < argc) {
            if (ashi_options_add_font_dir(opt, argv[++i]) != ASHI_OK) {
                if (font_dirs == ASHI_MAX_FONT_DIRS)
                    return usage_error(opt,
                                       cli_t("--font-dir '%s' is one more than the %d font folders "
                                       "that may be given\n"),
                                       argv[i], ASHI_MAX_FONT_DIRS);
                return usage_error(opt, cli_t("cannot add font folder '%s'\n"), argv[i]);
            }
            font_dirs++;
        } else if (a[0] == '-' && a[1]) { /* "-" alone is the deck on standard input */
            return usage_error(opt, cli_t("unknown or incomplete option '%s'\n\n%s"), a, cli_usage(usage));
        } else if (!deck_path) {
            deck_path = a;
        } else {
            return usage_error(opt, cli_t("only one deck at a time ('%s')\n"), a);
        }
    }
    if (!deck_path) {
        return usage_error(opt, cli_t("no deck given\n\n%s"), cli_usage(usage));
    }

    if (!img.format && (ppi_given || img.pages)) {
        return usage_error(opt, cli_t("--ppi and --pages are for page images (--format png or svg)\n"));
    }
    if (img.format && (print || (out_path && strcmp(out_path, "-") == 0))) {
        return usage_error(opt,
                           cli_t("page images are for the screen, one file a page: not with --print, "
                           "--booklet, --2up or -o -\n"));
    }
    if (img.pages) {
        unsigned char probe[1];
        long last;
        if (cli_pages_parse(img.pages, 0, probe, &last)) {
            return usage_error(opt,
                               cli_t("--pages takes page numbers and ranges such as 1-3,7, "
                               "not '%s'\n"),
                               img.pages);
        }
    }
    if (booklet && two_up) {
        return usage_error(opt, cli_t("--booklet and --2up impose the pages in two different ways; give "
                                "one of them\n"));
    }
    int from_stdin = strcmp(deck_path, "-") == 0;
    if (from_stdin && render && !out_path) {
        return usage_error(opt, cli_t("a deck from standard input needs -o OUT.pdf (or -o - for standard "
                                "output)\n"));
    }
    if (base_dir && !from_stdin) {
        return usage_error(opt, cli_t("--base-dir is for a deck from standard input (a deck file reads "
                                "from its own folder)\n"));
    }
    if (creep && !(print & ASHI_PRINT_BOOKLET)) {
        return usage_error(opt,
                           cli_t("--creep %s needs --booklet (creep is for saddle-stitched "
                           "sheets)\n\n%s"),
                           creep, cli_usage(usage));
    }
    if (print && ashi_options_set_print(opt, print, 3) != ASHI_OK) {
        return usage_error(opt, cli_t("bad print options\n"));
    }
    ashi_status st = watching ? cli_watch(opt, deck_path, out_path, fmt, &img)
                              : cli_run(opt, deck_path, out_path, base_dir,
                                        querying ? CLI_QUERY : render, fmt, &img);
    ashi_options_free(opt);
    return st == ASHI_OK ? 0 : 1;
}
