/* ashireport.h — public API of libashireport: XML slide decks to Japanese PDF.
 * SPDX-License-Identifier: MIT
 *
 * The whole flow:
 *
 *     ashi_options *opt;  ashi_options_new(&opt);
 *     ashi_deck *deck;
 *     ashi_status st = ashi_deck_load_file(opt, "deck.xml", &deck);
 *     if (st == ASHI_OK) st = ashi_deck_render_file(deck, "deck.pdf");
 *     for (size_t i = 0; i < ashi_deck_diag_count(deck); i++) { ... }
 *     ashi_deck_free(deck);  ashi_options_free(opt);
 *
 * Threads: there is no global mutable state. Distinct objects may be used on
 * distinct threads at once; one object must not be used by two threads at
 * the same time. An options object may be shared read-only by decks loading
 * on several threads once it is no longer modified.
 */
#ifndef ASHIREPORT_H
#define ASHIREPORT_H

#include <stddef.h>

#include "ashireport_export.h"
#include "ashireport_version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* X-macro list of status codes: ASHI_STATUS(name, value, description). */
#define ASHI_STATUS_LIST(X)                                                   \
    X(ASHI_OK, 0, "success")                                                  \
    X(ASHI_E_ARGUMENT, 1, "invalid argument")                                 \
    X(ASHI_E_MEMORY, 2, "out of memory")                                      \
    X(ASHI_E_IO, 3, "file could not be read or written")                      \
    X(ASHI_E_DECK, 4, "the deck has errors; see its diagnostics")             \
    X(ASHI_E_FONT, 5, "a font could not be loaded")                           \
    X(ASHI_E_PDF, 6, "the PDF could not be written")                          \
    X(ASHI_E_INTERNAL, 7, "internal error")

/** Status returned by every fallible function; ASHI_OK is 0. */
typedef enum ashi_status {
#define ASHI_STATUS_ENUM(name, value, text) name = value,
    ASHI_STATUS_LIST(ASHI_STATUS_ENUM)
#undef ASHI_STATUS_ENUM
} ashi_status;

/** Severity of a diagnostic. */
typedef enum ashi_severity {
    ASHI_NOTE = 0,
    ASHI_WARNING = 1,
    ASHI_ERROR = 2
} ashi_severity;

/** One problem found in a deck. Strings are borrowed from the deck and live
 * until it is freed. line and col are 1-based (col counts characters); 0
 * means unknown.
 *
 * The struct grows at its end in later versions: ashi_deck_diag passes
 * the size the program was compiled with, and the library fills only the
 * fields that size holds, so a program built against an older header
 * keeps working with a newer library.
 *
 * code is one of these stable identifiers (docs/reference.*.md,
 * "Diagnostic codes", says what each means):
 *   reading the deck: xml-syntax, encoding, utf8, doctype, entity, empty,
 *     empty-deck, root, namespace, schema, unknown-element,
 *     unknown-attribute, missing-attribute, unexpected-content,
 *     unexpected-text, bad-value, duplicate, order, count, unknown-name,
 *     limit
 *   files it names: io, image, image-path, image-profile, csv, csv-path,
 *     table, chart-data, font-missing, font-path, font-bad, output-profile,
 *     output-profile-path
 *   layout: overflow, chart-range, word-split, loose-line, missing-glyph,
 *     no-bold, no-alt, empty-list, ruby-count, unused, useless
 *   output: pdf, not-pdfa, print-rgb, print-rgb-colour, print-rgb-image,
 *     print-small-text, print-plates, print-ink, print-low-ppi,
 *     print-hairline, print-edge */
typedef struct ashi_diag {
    ashi_severity severity;
    const char *code;    /* stable identifier, listed above */
    const char *file;    /* the deck file (or the name given for memory) */
    unsigned line;
    unsigned col;
    const char *message; /* UTF-8, one line, no trailing period */
    /* Since 0.3: */
    unsigned end_line;   /* where the text it is about ends (just after an */
    unsigned end_col;    /* attribute's value, or a start tag); 0: unknown */
    size_t slide;        /* the slide it is in, 1 for the deck's first slide
                            (sections are not counted); 0: outside slides */
    const char *hint;    /* what usually fixes it, one line of English; NULL
                            when there is nothing to add to the message */
} ashi_diag;

/** Options for loading and rendering decks. Opaque. */
typedef struct ashi_options ashi_options;

/** A loaded deck with its diagnostics. Opaque. */
typedef struct ashi_deck ashi_deck;

/** Receives PDF bytes from ashi_deck_render_callback; returns 0 on success,
 * anything else to stop the render with ASHI_E_IO. */
typedef int (*ashi_write_fn)(void *user, const void *data, size_t len);

/** Returns a static English text for a status (never NULL). Since 0.1. */
ASHI_EXPORT const char *ashi_status_str(ashi_status status);

/** Returns the library version as "MAJOR.MINOR.PATCH" (static). Since 0.1. */
ASHI_EXPORT const char *ashi_version(void);

/** Returns the version of the library running, as ASHI_VERSION_NUMBER
 * encodes it (MAJOR * 10000 + MINOR * 100 + PATCH); compare it with the
 * ASHI_VERSION_NUMBER of the header compiled against. Since 0.3. */
ASHI_EXPORT int ashi_version_number(void);

/** Creates options with defaults in *out, released with
 * ashi_options_free. Since 0.1. */
ASHI_EXPORT ashi_status ashi_options_new(ashi_options **out);

/** Frees options; NULL is accepted. Since 0.1. */
ASHI_EXPORT void ashi_options_free(ashi_options *opt);

/** The most font folders ashi_options_add_font_dir takes. Since 0.3. */
#define ASHI_MAX_FONT_DIRS 32

/** Appends a folder to the font search path. Fonts named by a theme are
 * looked up in: the deck's folder, these folders in the order added, the
 * folders of the environment variable ASHI_FONT_PATH (':'-separated, up to
 * 8), the installed font folder (found from where the library is), and,
 * for a library still in its build tree only, the source tree's fonts/
 * folder. The string is
 * copied. ASHI_E_ARGUMENT for NULL, an empty string or a folder past the
 * ASHI_MAX_FONT_DIRS-th. Since 0.1. */
ASHI_EXPORT ashi_status ashi_options_add_font_dir(ashi_options *opt,
                                                  const char *dir);

/** The language of diagnostics and hints: "en" (the default) or "ja".
 * Japanese is used where the library has the message in Japanese; any
 * other stays English. ASHI_E_ARGUMENT for anything else. Since 0.3. */
ASHI_EXPORT ashi_status ashi_options_set_language(ashi_options *opt, const char *lang);

/** Draft mode: text that overflows its frame is a warning instead of an
 * error, and the frame is marked in red on the page, so that the deck can
 * be rendered and looked at while it is being fixed. Off by default.
 * Since 0.2. */
ASHI_EXPORT ashi_status ashi_options_set_draft(ashi_options *opt, int draft);

/** Resource limits a deck must stay within; exceeding one is a diagnostic
 * naming the limit. Defaults: input 64 MiB (the deck and each file it
 * reads), 10,000 slides, 100,000 table rows, 100 megapixels (the most an
 * image may have, and the most decoded for all the images of a deck
 * together: a PNG counts all its pixels, a JPEG, embedded as it is and
 * checked at 1/8 scale, one in 64), 512 MiB of PDF, 256 KiB of text in one
 * paragraph, cell or label (far more than a page can show; laying out text
 * costs about 300 bytes of memory per character), 1,000,000 elements in a
 * deck, 1 GiB for all the files a deck reads together (images, CSV).
 * Fixed limits, named in their diagnostics too: elements nest at most 256
 * deep; an element has at most 64 attributes. Since 0.2. */
typedef enum ashi_limit {
    ASHI_LIMIT_INPUT_BYTES,
    ASHI_LIMIT_SLIDES,
    ASHI_LIMIT_TABLE_ROWS,
    ASHI_LIMIT_IMAGE_PIXELS,
    ASHI_LIMIT_OUTPUT_BYTES,
    ASHI_LIMIT_TEXT_BYTES,
    ASHI_LIMIT_ELEMENTS,   /* Since 0.3 */
    ASHI_LIMIT_FILES_BYTES /* Since 0.3 */
} ashi_limit;

/** Sets a limit (a positive value); ASHI_E_ARGUMENT for an unknown limit
 * or 0. Since 0.2. */
ASHI_EXPORT ashi_status ashi_options_set_limit(ashi_options *opt, ashi_limit limit,
                                               size_t value);

/** Print production flags for ashi_options_set_print. Since 0.2. */
enum {
    ASHI_PRINT_BLEED = 1,   /* backgrounds at the trim edge run into a bleed */
    ASHI_PRINT_MARKS = 2,   /* Japanese crop marks, TrimBox and BleedBox */
    ASHI_PRINT_CMYK = 4,    /* all colour as DeviceCMYK; RGB converted, with a warning */
    ASHI_PRINT_BOOKLET = 8, /* saddle-stitch imposition on sheets twice the page */
    ASHI_PRINT_2UP = 16,    /* two slides a portrait A4 page, for handouts */
    ASHI_PRINT_SLUG = 32,   /* with marks: file name, page and deck date in the slug */
    ASHI_PRINT_PREFLIGHT = 64 /* the full preflight (`check --print`): also every RGB
                                 colour and image, each where it is first used */
};

/** Sets print production: a combination of ASHI_PRINT_* and the bleed in
 * millimetres (0 to 20; 3 is what Japanese print shops ask). A deck with
 * print="on" gets bleed, marks and CMYK without this. Since 0.2. */
ASHI_EXPORT ashi_status ashi_options_set_print(ashi_options *opt, unsigned flags,
                                               double bleed_mm);

/** Sets the creep (shingling) of a saddle-stitched booklet in millimetres
 * (0 to 5; 0, the default, is none; ASHI_E_ARGUMENT outside): the pages of
 * each sheet move toward the spine by an amount growing linearly from 0 on
 * the outermost sheet to the full creep on the innermost, both pages of a
 * spread (the left one right, the right one left), so that the margins
 * still match after the folded booklet's fore-edge is trimmed. Sheets,
 * trim boxes and crop marks stay where they are; each page is clipped at
 * the spine. Only with ASHI_PRINT_BOOKLET; ignored otherwise. Since 0.3. */
ASHI_EXPORT ashi_status ashi_options_set_creep(ashi_options *opt, double mm);

/** Print output (ASHI_PRINT_CMYK) claims PDF/X: by default PDF/X-1a:2003
 * for Japan Color 2001 Coated (the registered characterization JC200103,
 * named, not embedded; PDF 1.4, so no transparency: images with alpha are
 * composited onto white, and no ActualText). With an output profile it
 * claims PDF/X-4 instead (PDF 1.6, transparency and ActualText kept): path
 * names an ICC output profile for CMYK (the press's, e.g. from the print
 * shop), read at load (a regular file of at most 16 MiB) and embedded as
 * the output intent's DestOutputProfile under its own description. A file
 * that cannot be read or is not a CMYK output profile is an error
 * diagnostic of the load; given for a screen (non-print) render it is a
 * warning and unused. With a profile, RGB colours are converted from sRGB
 * through it with Little CMS 2 (relative colorimetric with black point
 * compensation; RGB images perceptual); greys (R = G = B) stay K only as
 * the plain formula makes them and cmyk() colours pass untouched; without
 * one the plain formula converts. An image with a colour profile of its
 * own (PNG iCCP, JPEG APP2) converts from that profile instead of sRGB.
 * The deck's output-profile attribute names a profile in the deck's
 * folder the same way; this option, when set, wins over it. The string is
 * copied; NULL goes back to the deck's (or PDF/X-1a). ASHI_E_ARGUMENT for
 * an empty string. Since 0.3. */
ASHI_EXPORT ashi_status ashi_options_set_output_profile(ashi_options *opt, const char *path);

/** How photos (RGB images) convert through the output profile. */
typedef enum ashi_photo_intent {
    ASHI_PHOTO_DECK,       /**< the deck's photo-intent attribute, else perceptual */
    ASHI_PHOTO_PERCEPTUAL, /**< perceptual: the whole gamut compressed into the press's */
    ASHI_PHOTO_RELATIVE    /**< relative colorimetric with black point compensation:
                                colours inside the press's gamut kept exactly */
} ashi_photo_intent;

/** Sets the rendering intent photos convert with through the output
 * profile (PDF/X-4 only; without a profile the plain formula converts and
 * this has no effect). Vector colours always convert relative
 * colorimetric with black point compensation. ASHI_E_ARGUMENT for a value
 * not in ashi_photo_intent. Since 0.3. */
ASHI_EXPORT ashi_status ashi_options_set_photo_intent(ashi_options *opt,
                                                      ashi_photo_intent intent);

/** The default of ashi_options_set_print_ppi. */
#define ASHI_PRINT_PPI_DEFAULT 350

/** Sets the resolution above which print output (ASHI_PRINT_CMYK)
 * downsamples images: an image placed (at its placed size on the page)
 * above max_ppi pixels an inch, on either axis, is downsampled to max_ppi
 * for its largest placement. JPEGs are decoded at the smallest scale
 * TurboJPEG offers that still gives that size (a 24-megapixel photo never
 * needs full-size memory), box-filtered to the exact size and encoded again
 * as JPEG (quality 90): CMYK ones stay CMYK as stored (Adobe's inverted
 * ink too), RGB ones become CMYK (through the output profile when there
 * is one, else by the plain formula), grey ones grey. PNGs are
 * box-filtered (their alpha too). 150 to 1200, or 0 to never downsample;
 * ASHI_E_ARGUMENT otherwise. The default is ASHI_PRINT_PPI_DEFAULT (350);
 * screen output never downsamples. Since 0.3. */
ASHI_EXPORT ashi_status ashi_options_set_print_ppi(ashi_options *opt, int max_ppi);

/** Receives one usable font file from ashi_fonts_list: the family and
 * style its name table gives, and its path; returns 0 to go on. Since 0.3. */
typedef int (*ashi_font_fn)(void *user, const char *family, const char *style,
                            const char *path);

/** Lists the font files a deck loaded with opt may use, in the order they
 * are looked up: the options' folders, ASHI_FONT_PATH's, the installed
 * fonts (a folder once); in each, every TrueType or OpenType file
 * (.ttf, .otf, .ttc) that FreeType opens, in name order. opt may be NULL.
 * ASHI_E_IO when each stopped the listing. Since 0.3. */
ASHI_EXPORT ashi_status ashi_fonts_list(const ashi_options *opt, ashi_font_fn each, void *user);

/** A cache of opened font files, shared by every deck loaded with options
 * that name it, on any number of threads at once: a program rendering many
 * documents opens each font once instead of once per document. A font
 * file is read when first used; changes to it on disk are not seen while
 * the cache lives. Opaque. Since 0.2. */
typedef struct ashi_font_cache ashi_font_cache;

/** Creates an empty font cache in *out. Since 0.2. */
ASHI_EXPORT ashi_status ashi_font_cache_new(ashi_font_cache **out);

/** Frees a font cache; NULL is accepted. Every deck loaded through it must
 * have been freed first. Since 0.2. */
ASHI_EXPORT void ashi_font_cache_free(ashi_font_cache *cache);

/** Decks loaded with these options take their fonts from cache (NULL: each
 * deck opens its own, the default). The cache is not owned by the options.
 * Since 0.2. */
ASHI_EXPORT ashi_status ashi_options_set_font_cache(ashi_options *opt,
                                                    ashi_font_cache *cache);

/** Lays out the slides of a deck on up to `threads` threads (1 to 16;
 * default 1); with 2 or more, rendering also compresses each page on a
 * second thread while it draws the next. The PDF is byte for byte the same
 * whatever the number; only the time differs. Since 0.2. */
ASHI_EXPORT ashi_status ashi_options_set_threads(ashi_options *opt, int threads);

/** Lets decks name images and CSV files by absolute path, and follow
 * symbolic links out of their folder (off by default: a deck may only read
 * regular files inside its own folder, links judged by where they lead).
 * Paths that climb out with ".." stay refused. Since 0.2. */
ASHI_EXPORT ashi_status ashi_options_allow_absolute_paths(ashi_options *opt, int allow);

/** Loads, checks and lays out a deck file. *out receives a deck whenever
 * memory allows, even when the deck has errors, so that its diagnostics can
 * be read; release it with ashi_deck_free. Returns ASHI_OK, ASHI_E_DECK when
 * any diagnostic is an error, or another status. opt may be NULL for
 * defaults; it is only read during the call. Since 0.1. */
ASHI_EXPORT ashi_status ashi_deck_load_file(const ashi_options *opt,
                                            const char *path,
                                            ashi_deck **out);

/** Like ashi_deck_load_file for a deck in memory. name is used in
 * diagnostics (NULL: "<memory>"); base_dir is the deck's folder: where the
 * images and CSV files it names are read from, and where fonts are looked
 * up first. NULL: no folder, and then no relative file name is read at
 * all. The bytes are copied. Since 0.1. */
ASHI_EXPORT ashi_status ashi_deck_load_memory(const ashi_options *opt,
                                              const void *data, size_t len,
                                              const char *name,
                                              const char *base_dir,
                                              ashi_deck **out);

/* ---- Decks built in C ------------------------------------------------
 *
 * A program can build a deck element by element instead of writing XML
 * text: the elements, attributes and inline markup are the vocabulary's
 * (docs/reference.en.md), made with the calls below, and the deck is then
 * checked and laid out by exactly what loads a deck file: the same model,
 * the same schema, the same diagnostics. Text and attribute values are
 * plain UTF-8, stored as given and never read as markup ("<" is a
 * character). Each element gets a number, 1 for <deck> and then in the
 * order made (ashi_node_number); a diagnostic about an element gives that
 * number as its line, and column 0. Nodes belong to the deck: there is
 * nothing to free but the deck.
 *
 *     ashi_deck *deck;
 *     ashi_deck_new(NULL, "report", NULL, &deck);
 *     ashi_node *slide, *p;
 *     ashi_node_add(ashi_deck_root(deck), "slide", &slide);
 *     ashi_node_set(slide, "title", "市民の声");
 *     ashi_node_add(slide, "p", &p);
 *     ashi_node_add_text(p, "本文");
 *     if (ashi_deck_lay_out(deck, NULL) == ASHI_OK)
 *         ashi_deck_render_file(deck, "report.pdf");
 *     ashi_deck_free(deck);
 */

/** An element of a deck being built. Opaque; owned by its deck. Since 0.3. */
typedef struct ashi_node ashi_node;

/** Starts a deck to build, with its <deck> element alone, in *out (release
 * it with ashi_deck_free). name is used in diagnostics (NULL: "<built>");
 * base_dir is the folder files the deck names are read from (NULL: only
 * the files given with ashi_deck_add_file). opt's limits bound the
 * building (elements, text bytes); opt may be NULL and is only read during
 * the call. Since 0.3. */
ASHI_EXPORT ashi_status ashi_deck_new(const ashi_options *opt, const char *name,
                                      const char *base_dir, ashi_deck **out);

/** The <deck> element of a deck being built; NULL for a deck loaded from
 * text. Since 0.3. */
ASHI_EXPORT ashi_node *ashi_deck_root(ashi_deck *deck);

/** Appends a child element named element (a name of the vocabulary, e.g.
 * "slide", "p", "b") to parent; *out (may be NULL) receives it. A name the
 * vocabulary does not allow there is reported by ashi_deck_lay_out, as a
 * deck file's would be. ASHI_E_ARGUMENT for NULL, a name that is not an
 * XML name, or a deck already laid out; ASHI_E_DECK past the elements
 * limit (reported when laid out). Since 0.3. */
ASHI_EXPORT ashi_status ashi_node_add(ashi_node *parent, const char *element,
                                      ashi_node **out);

/** Sets attribute name of node to value (again: replaced). "xml:lang" sets
 * the language. ASHI_E_ARGUMENT for NULL, a name that is not an XML name,
 * a value that is not plain UTF-8 (control characters other than tab and
 * line breaks), or a deck already laid out. Since 0.3. */
ASHI_EXPORT ashi_status ashi_node_set(ashi_node *node, const char *name,
                                      const char *value);

/** Appends text to parent's content, after its last child: a paragraph's
 * words between its inline elements, a cell's content, a series' numbers.
 * Errors as ashi_node_set's; ASHI_E_DECK for a text over the text-bytes
 * limit. Since 0.3. */
ASHI_EXPORT ashi_status ashi_node_add_text(ashi_node *parent, const char *text);

/** Appends a row to a <table>: a <tr> of ncells cells, <th> when header is
 * not 0, else <td>, each holding the text cells[i] (NULL: an empty cell).
 * Since 0.3. */
ASHI_EXPORT ashi_status ashi_node_add_row(ashi_node *table, int header,
                                          const char *const *cells, size_t ncells);

/** Appends n numbers to a <series> (or any element) as its text, written
 * as the deck's number syntax wants them (C locale, up to 15 significant
 * digits, separated by spaces). ASHI_E_ARGUMENT for a value that is not
 * finite. Since 0.3. */
ASHI_EXPORT ashi_status ashi_node_add_numbers(ashi_node *node, const double *values,
                                              size_t n);

/** The number of an element: 1 for <deck>, then in the order they were
 * made; diagnostics about an element give it as their line. 0 for NULL.
 * Since 0.3. */
ASHI_EXPORT size_t ashi_node_number(const ashi_node *node);

/** Gives the deck a file in memory (len bytes, copied) under name: an
 * image's or a table's src (a CSV's bytes) of that name finds it before any
 * file on disk, within the same size limits. For a deck being built,
 * before ashi_deck_lay_out; ASHI_E_ARGUMENT otherwise. Since 0.3. */
ASHI_EXPORT ashi_status ashi_deck_add_file(ashi_deck *deck, const char *name,
                                           const void *data, size_t len);

/** Checks and lays out a built deck, as ashi_deck_load_file does a deck
 * file: every problem in the diagnostics, in element order; ASHI_OK,
 * ASHI_E_DECK when any is an error, or another status. Afterwards the deck
 * renders like any other, and its elements can no longer change
 * (ASHI_E_ARGUMENT). opt may be NULL; it is only read during the call.
 * Since 0.3. */
ASHI_EXPORT ashi_status ashi_deck_lay_out(ashi_deck *deck, const ashi_options *opt);

/** Frees a deck and everything borrowed from it; NULL is accepted. Since 0.1. */
ASHI_EXPORT void ashi_deck_free(ashi_deck *deck);

/** Number of diagnostics recorded on the deck (loading and rendering). Since 0.1. */
ASHI_EXPORT size_t ashi_deck_diag_count(const ashi_deck *deck);

/** Copies diagnostic number index into *out, of which the program has
 * size bytes (the fields that fit in them; at least up to message);
 * ASHI_E_ARGUMENT when index is out of range or size too small. Called
 * through ashi_deck_diag, which passes sizeof *out. Since 0.3. */
ASHI_EXPORT ashi_status ashi_deck_diag_sized(const ashi_deck *deck, size_t index,
                                             ashi_diag *out, size_t size);

/** Copies diagnostic number index into *out: ashi_deck_diag_sized with the
 * size of the ashi_diag the program was compiled with. Since 0.1 (a macro
 * since 0.3). */
#define ashi_deck_diag(deck, index, out) \
    ashi_deck_diag_sized((deck), (index), (out), sizeof *(out))

/** Number of errors among the diagnostics. Since 0.1. */
ASHI_EXPORT size_t ashi_deck_error_count(const ashi_deck *deck);

/** Number of laid-out pages (0 when the deck has errors). Since 0.1. */
ASHI_EXPORT size_t ashi_deck_page_count(const ashi_deck *deck);

/** Pages of the PDF the last render made: the laid-out pages, or the sheet
 * sides of a booklet and the pages of 2-up handouts; 0 before a render or
 * when it failed. Since 0.2. */
ASHI_EXPORT size_t ashi_deck_pdf_page_count(const ashi_deck *deck);

/** Path of the index-th font file the deck resolved, or NULL past the end.
 * Borrowed from the deck. Useful to see which font folder won. Since 0.1. */
ASHI_EXPORT const char *ashi_deck_font_file(const ashi_deck *deck,
                                            size_t index);

/** One laid-out page, for a table of contents, a web page or a script
 * (ashi_deck_page_info). Strings are borrowed from the deck. Since 0.4. */
typedef struct ashi_page_info {
    unsigned line;        /**< the line of the <slide> or <section> it shows
                               (a built deck: the element's number) */
    double width, height; /**< the page's size in points */
    const char *title;    /**< its entry in the PDF's outline (bookmarks), or
                               NULL for a page without one (a slide's
                               continuation page) */
    int level;            /**< that entry's level: 0 at the top, 1 inside a
                               section; -1 without an entry */
    size_t figures;       /**< images, charts and photo placeholders on it */
} ashi_page_info;

/** Fills *out for page (from 0, as ashi_deck_page_count counts) of a
 * laid-out deck; ASHI_E_ARGUMENT past the end. Since 0.4. */
ASHI_EXPORT ashi_status ashi_deck_page_info(const ashi_deck *deck, size_t page,
                                            ashi_page_info *out);

/** One figure of a page (ashi_deck_figure_info): what a screen reader says
 * of it. Since 0.4. */
typedef struct ashi_figure_info {
    const char *alt;  /**< its alternative text (a chart's is made from its
                           data when it has none), or NULL when it has none */
    const char *file; /**< the image file it shows, as the deck names it, or
                           NULL (a chart, a placeholder) */
    unsigned line;    /**< the line of its element */
} ashi_figure_info;

/** Fills *out for the index-th figure (from 0) of page, in reading order;
 * ASHI_E_ARGUMENT past the end of either. Since 0.4. */
ASHI_EXPORT ashi_status ashi_deck_figure_info(const ashi_deck *deck, size_t page, size_t index,
                                              ashi_figure_info *out);

/** The deck's document information by key: "title", "author", "subject",
 * "date" (from <info>; the title falls back to the first section's or
 * slide's as the PDF's does) or "lang"; NULL when it has none or for
 * another key. Borrowed from the deck. Since 0.4. */
ASHI_EXPORT const char *ashi_deck_info(const ashi_deck *deck, const char *key);

/** Page image formats for ashi_deck_render_page. Since 0.3. */
typedef enum ashi_image_format {
    ASHI_IMAGE_PNG, /**< a PNG image at the resolution asked */
    ASHI_IMAGE_SVG  /**< an SVG file, in points (text as glyph outlines) */
} ashi_image_format;

/** Renders one page of the laid-out deck (page counts from 0, as the
 * laid-out pages: ashi_deck_page_count) as an image through write: a PNG
 * at ppi pixels an inch (10 to 1200), or an SVG file (ppi unused), drawn
 * from the same display list and font files as the PDF, as the screen PDF
 * shows it. For the web and quick looks; the PDF stays the accessible
 * document. ASHI_E_ARGUMENT for a page past the end or ppi outside the
 * range; ASHI_E_DECK when the deck has errors; ASHI_E_IO when write fails.
 * Since 0.3. */
ASHI_EXPORT ashi_status ashi_deck_render_page(ashi_deck *deck, size_t page,
                                              ashi_image_format format, double ppi,
                                              ashi_write_fn write, void *user);

/** Renders the laid-out deck as PDF to memory. *out is allocated with
 * malloc and released with ashi_free; *len receives its size. Fails with
 * ASHI_E_DECK when the deck has errors. Since 0.1. */
ASHI_EXPORT ashi_status ashi_deck_render_memory(ashi_deck *deck,
                                                unsigned char **out,
                                                size_t *len);

/** Renders the deck as PDF through a write callback: once the file is
 * complete and inside ASHI_LIMIT_OUTPUT_BYTES (else ASHI_E_DECK and no
 * call), write gets it in order, in pieces of at most 64 KiB, without the
 * library holding a second copy of the whole file. A write that fails
 * stops the render with ASHI_E_IO and an "io" diagnostic; the bytes
 * already written stay written. Since 0.1; in pieces since 0.3. */
ASHI_EXPORT ashi_status ashi_deck_render_callback(ashi_deck *deck,
                                                  ashi_write_fn write,
                                                  void *user);

/** Renders the deck to a file. The PDF is written to a temporary file in
 * the folder of the file path names (links followed) and renamed over it
 * only when complete, so a failed render leaves any previous file
 * untouched, no partial file behind, and a link a link. A new file gets
 * mode 0666 less the umask, a replaced one keeps its mode. A FIFO or a
 * character device (/dev/stdout) is written into directly. Refused with
 * ASHI_E_IO (and a diagnostic): the deck's own file or any file it read,
 * a folder, anything else that is not a regular file. Since 0.1. */
ASHI_EXPORT ashi_status ashi_deck_render_file(ashi_deck *deck,
                                              const char *path);

/** Frees memory returned by ashi_deck_render_memory; NULL is accepted. Since 0.1. */
ASHI_EXPORT void ashi_free(void *ptr);

#ifdef __cplusplus
}
#endif

#endif /* ASHIREPORT_H */
