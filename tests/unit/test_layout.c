/* test_layout.c — golden display-list traces: each golden/NAME.xml and
 * decks/NAME.xml must lay out exactly as golden/NAME.trace says. Run with --update to rewrite the
 * traces, then review them as a diff. SPDX-License-Identifier: MIT */
#include <dirent.h>
#include <math.h>
#include <stdlib.h>

#include "api_debug.h"
#include "ashireport.h"
#include "base/base.h"
#include "harness.h"

ashi_status ashi__deck_trace(const ashi_deck *deck, ashi_buf *out);

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    ashi_buf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        ashi_buf_append(&b, chunk, n);
    fclose(f);
    if (len)
        *len = b.len;
    return b.data;
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* x of glyph k of the first run showing exactly `text` in a trace */
static double glyph_x(const char *trace, const char *text, int k)
{
    char key[128];
    snprintf(key, sizeof key, "\"%s\" gids", text);
    const char *p = strstr(trace, key);
    if (!p)
        return -1;
    const char *line = p;
    while (line > trace && line[-1] != '\n')
        line--;
    double x = atof(strstr(line, "text ") + 5);
    const char *g = p + strlen(key);
    for (int i = 0; i <= k && g; i++) {
        g = strchr(g, '@');
        if (g)
            g++;
    }
    return g ? x + atof(g) : -1;
}

/* A num column lines its numbers up on the decimal point, to 0.01 pt. */
static void test_decimal_points(void)
{
    ashi_deck *deck = NULL;
    CHECK_INT(ashi_deck_load_file(NULL, ASHI_TEST_DIR "/decks/tables.xml", &deck), ASHI_OK);
    ashi_buf t = {0};
    CHECK_INT(ashi__deck_trace(deck, &t), ASHI_OK);
    double a = t.data ? glyph_x(t.data, "2.7", 1) : -1;
    double b = t.data ? glyph_x(t.data, "1.25", 1) : -1;
    CHECK(a > 0 && b > 0);
    CHECK(fabs(a - b) < 0.01);
    ashi_buf_free(&t);
    ashi_deck_free(deck);
}

/* Heights of the rects of one fill colour in a trace, in order. */
static size_t rect_heights(const char *trace, const char *color, double *out, size_t max)
{
    size_t n = 0;
    for (const char *p = trace; (p = strstr(p, "  rect ")) && n < max; p++) {
        const char *eol = strchr(p, '\n');
        const char *c = strstr(p, color);
        if (!c || (eol && c > eol))
            continue;
        const char *x = strchr(p + 7, 'x');
        if (x && (!eol || x < eol))
            out[n++] = atof(x + 1);
    }
    return n;
}

/* Bars are as tall as their values say, to 0.01 pt (the trace rounds to
 * 0.01, so two roundings allow 0.015). */
static void test_bar_heights(void)
{
    ashi_deck *deck = NULL;
    CHECK_INT(ashi_deck_load_file(NULL, ASHI_TEST_DIR "/decks/charts.xml", &deck), ASHI_OK);
    ashi_buf t = {0};
    CHECK_INT(ashi__deck_trace(deck, &t), ASHI_OK);
    double muted[64], hi[64];
    /* page 2, いじめ認知件数: 6,147 muted, 7,498 highlighted (after the
     * accent rule under the title band) */
    char *p2 = t.data ? strstr(t.data, "page 2 ") : NULL;
    char *p3 = p2 ? strstr(p2, "page 3 ") : NULL;
    if (p3)
        *p3 = '\0'; /* page 2 only */
    size_t nm = p2 ? rect_heights(p2, "#B8C2CC", muted, 64) : 0;
    size_t nh = p2 ? rect_heights(p2, "#D7000F", hi, 64) : 0;
    CHECK(nm == 1 && nh == 2);
    if (nm == 1 && nh == 2)
        CHECK(fabs(muted[0] - hi[1] * 6147.0 / 7498.0) < 0.015);
    ashi_buf_free(&t);
    ashi_deck_free(deck);
}

/* No two text runs of a page overlap, and every run stays on the page:
 * runs are boxes from their trace line (x, baseline, size, width). */
typedef struct box {
    double x0, y0, x1, y1;
    char text[64];
} box;

static void check_page(const char *deck_path, int page, const box *boxes, size_t n,
                       double pw, double ph)
{
    for (size_t i = 0; i < n; i++) {
        t_checks++;
        if (boxes[i].x0 < -0.01 || boxes[i].x1 > pw + 0.01 || boxes[i].y0 < -0.01 ||
            boxes[i].y1 > ph + 0.01) {
            t_failed++;
            fprintf(stderr, "%s page %d: '%s' leaves the page\n", deck_path, page, boxes[i].text);
        }
        for (size_t j = i + 1; j < n; j++) {
            t_checks++;
            /* x and w are each rounded to 0.01 in the trace: 0.015 */
            if (boxes[i].x0 < boxes[j].x1 - 0.015 && boxes[j].x0 < boxes[i].x1 - 0.015 &&
                boxes[i].y0 < boxes[j].y1 - 0.015 && boxes[j].y0 < boxes[i].y1 - 0.015) {
                t_failed++;
                fprintf(stderr, "%s page %d: '%s' overlaps '%s'\n", deck_path, page,
                        boxes[i].text, boxes[j].text);
            }
        }
    }
}

static void test_no_overlap(const char *deck_path)
{
    ashi_deck *deck = NULL;
    CHECK_INT(ashi_deck_load_file(NULL, deck_path, &deck), ASHI_OK);
    ashi_buf t = {0};
    CHECK_INT(ashi__deck_trace(deck, &t), ASHI_OK);
    static box boxes[4096];
    size_t n = 0;
    double pw = 0, ph = 0;
    int page = 0;
    for (const char *p = t.data; p && *p;) {
        const char *eol = strchr(p, '\n');
        if (!strncmp(p, "page ", 5)) {
            check_page(deck_path, page, boxes, n, pw, ph);
            n = 0;
            page++;
            sscanf(p + 5, "%*d %lfx%lf", &pw, &ph);
        } else if (!strncmp(p, "  text ", 7) && n < 4096) {
            double x, y, size;
            const char *w = eol ? eol : p + strlen(p);
            while (w > p && strncmp(w, " w ", 3))
                w--;
            if (sscanf(p + 7, "%lf,%lf size %lf", &x, &y, &size) == 3 && w > p) {
                const char *q = strchr(p, '"'), *qe = q ? strchr(q + 1, '"') : NULL;
                box *bx = &boxes[n++];
                bx->x0 = x;
                bx->x1 = x + atof(w + 3);
                bx->y0 = y - 0.88 * size;
                bx->y1 = y + 0.12 * size;
                snprintf(bx->text, sizeof bx->text, "%.*s", q && qe ? (int)(qe - q - 1) : 0,
                         q ? q + 1 : "");
            }
        }
        p = eol ? eol + 1 : NULL;
    }
    check_page(deck_path, page, boxes, n, pw, ph);
    ashi_buf_free(&t);
    ashi_deck_free(deck);
}

/* A deck nesting `depth` containers of one kind around a paragraph:
 * box, columns (a 1 mm column beside the rest), or both in turn. */
static char *nested(const char *kind, int depth)
{
    ashi_buf b = {0};
    ashi_buf_puts(&b, "<deck xmlns=\"urn:ashireport:deck:1\"><slide title=\"t\">");
    for (int i = 0; i < depth; i++) {
        int box = kind[0] == 'b' || (kind[0] == 'm' && i % 2);
        ashi_buf_puts(&b, box ? "<box padding=\"0mm\">"
                              : "<columns gap=\"0mm\" widths=\"1mm 1fr\"><column/><column>");
    }
    ashi_buf_puts(&b, "<p>いちばん深い段落</p>");
    for (int i = depth - 1; i >= 0; i--) {
        int box = kind[0] == 'b' || (kind[0] == 'm' && i % 2);
        ashi_buf_puts(&b, box ? "</box>" : "</column></columns>");
    }
    ashi_buf_puts(&b, "</slide></deck>");
    return b.data;
}

/* Allocations made loading a nested deck (a count that grows with the work
 * done); checks that the innermost paragraph is drawn. */
static size_t nested_cost(const char *kind, int depth)
{
    char *xml = nested(kind, depth);
    ashi_mem probe = {0};
    ashi_options *opt = NULL;
    ashi_options_new(&opt);
    ashi_options_set_alloc_probe(opt, &probe);
    ashi_deck *deck = NULL;
    CHECK_INT(ashi_deck_load_memory(opt, xml, strlen(xml), "nested.xml", NULL, &deck), ASHI_OK);
    ashi_buf got = {0};
    CHECK_INT(ashi__deck_trace(deck, &got), ASHI_OK);
    CHECK(got.data && strstr(got.data, "\"いちばん深い段落\" gids"));
    ashi_buf_free(&got);
    ashi_deck_free(deck);
    ashi_options_free(opt);
    free(xml);
    return probe.count;
}

/* Laying out nested containers costs in proportion to their number: the
 * allocations grow linearly with the depth (they doubled with every level
 * when each container measured its content again: 4, 8 and 16 levels then
 * cost about 1 : 16 : 4,000), and the deepest nesting allowed lays out
 * with its innermost paragraph drawn. */
static void test_nesting_linear(void)
{
    static const struct {
        const char *kind;
        int deepest; /* elements nest at most 256 deep */
    } kinds[] = {{"box", 253}, {"columns", 126}, {"mixed", 168}};
    for (size_t k = 0; k < 3; k++) {
        size_t c4 = nested_cost(kinds[k].kind, 4), c8 = nested_cost(kinds[k].kind, 8);
        size_t c16 = nested_cost(kinds[k].kind, 16);
        t_checks++;
        if (c8 < c4 || c16 < c8 || c16 - c8 > 3 * (c8 - c4) + 50) {
            t_failed++;
            fprintf(stderr, "%s nested 4/8/16 deep: %zu/%zu/%zu allocations, not linear\n",
                    kinds[k].kind, c4, c8, c16);
        }
        nested_cost(kinds[k].kind, kinds[k].deepest);
    }
}

/* The structure items nest, across pages and units, on one thread and on
 * four: every begin has its end, the trace says no "left open" and no end
 * without a begin; the sample booklet's sections and slides are all there. */
static void test_structure(const char *deck_path, int threads, int sections, int slides)
{
    ashi_options *opt = NULL;
    ashi_options_new(&opt);
    ashi_options_set_threads(opt, threads);
    ashi_deck *deck = NULL;
    CHECK_INT(ashi_deck_load_file(opt, deck_path, &deck), ASHI_OK);
    ashi_buf t = {0};
    CHECK_INT(ashi__deck_trace(deck, &t), ASHI_OK);
    CHECK(t.data && !strstr(t.data, "left open") && !strstr(t.data, "</?>"));
    int nsec = 0, nslide = 0, depth = 0, worst = 0;
    for (const char *p = t.data; p && (p = strstr(p, "\n  <")); p++) {
        if (p[4] == '/')
            depth--;
        else
            depth++;
        worst = depth < worst ? depth : worst;
        nsec += !strncmp(p + 4, "section ", 8);
        nslide += !strncmp(p + 4, "slide ", 6);
    }
    CHECK_INT(depth, 0);
    CHECK_INT(worst, 0);
    if (sections >= 0) {
        CHECK_INT(nsec, sections);
        CHECK_INT(nslide, slides);
    }
    ashi_buf_free(&t);
    ashi_deck_free(deck);
    ashi_options_free(opt);
}

/* The first table of a deck laid out, as text: its rows one a line, cells
 * separated by " | ", a cell's lines by "/"; then "widths" and each of the
 * first row's cell widths. */
static char *table_text(const char *xml, ashi_status *st)
{
    ashi_deck *deck = NULL;
    ashi_buf t = {0}, out = {0};
    *st = ashi_deck_load_memory(NULL, xml, strlen(xml), "table.xml", NULL, &deck);
    if (*st == ASHI_OK)
        *st = ashi__deck_trace(deck, &t);
    ashi_deck_free(deck);
    const char *p = t.data ? strstr(t.data, "<table ") : NULL;
    const char *end = p ? strstr(p, "</table>") : NULL;
    char widths[256] = "widths";
    int row = -1, cells = 0, lines = 0;
    while (p && p < end) {
        const char *eol = strchr(p, '\n');
        if (!eol)
            break;
        while (*p == ' ')
            p++;
        if (!strncmp(p, "<row ", 5)) {
            if (++row > 0)
                ashi_buf_append(&out, "\n", 1);
            cells = 0;
        } else if (!strncmp(p, "<td ", 4) || !strncmp(p, "<th ", 4)) {
            if (cells++)
                ashi_buf_append(&out, " | ", 3);
            lines = 0;
        } else if (!strncmp(p, "span \"", 6)) {
            if (lines++)
                ashi_buf_append(&out, "/", 1);
            ashi_buf_append(&out, p + 6, (size_t)(eol - p - 7));
        } else if (!strncmp(p, "rect ", 5) && strstr(p, " stroke ") < eol && row == 0) {
            const char *w = strchr(p, ' ') ? strchr(p + 5, ' ') : NULL;
            if (w && w < eol)
                snprintf(widths + strlen(widths), sizeof widths - strlen(widths), " %.*s",
                         (int)(strchr(w + 1, 'x') - w - 1), w + 1);
        }
        p = eol + 1;
    }
    ashi_buf_append(&out, "\n", 1);
    ashi_buf_append(&out, widths, strlen(widths));
    ashi_buf_append(&out, "", 1);
    ashi_buf_free(&t);
    return out.data;
}

#define TABLE_DECK(frame, rows)                                                                \
    "<deck xmlns=\"urn:ashireport:deck:1\" xml:lang=\"ja\" page=\"A4-landscape\"><slide "        \
    "title=\"T\"><columns widths=\"" frame " 1fr\"><column><table>" rows                        \
    "</table></column><column/></columns></slide></deck>"

/* Auto column widths keep a cell of up to four ideographs whole (京都市 is
 * not split into 京都 / 市 for the long sentences beside it), move width
 * between columns rather than leave one character alone on a cell's last
 * line (につい / て), and a table too narrow for either still lays out. */
static void test_table_phrases(void)
{
    ashi_status st;
    char *got = table_text(
        TABLE_DECK("100mm",
                   "<tr><th>都市</th><th>取組</th></tr>"
                   "<tr><td>京都市</td><td>観光客の分散に向けて、混雑状況の発信と朝夜の観光を"
                   "組み合わせた取組を進めています。</td></tr>"
                   "<tr><td>旭川市</td><td>冬の観光資源を生かし、雪と食の魅力を発信するイベ"
                   "ントを開催しています。</td></tr>"),
        &st);
    CHECK_INT(st, ASHI_OK);
    /* 都市's column: 京都市 (3 x 13 pt) and 2 x 2 mm of padding */
    CHECK_STR(got, "都市 | 取組\n"
                   "京都市 | 観光客の分散に向けて、混雑状況の発/信と朝夜の観光を組み合わせた取"
                   "組を/進めています。\n"
                   "旭川市 | 冬の観光資源を生かし、雪と食の魅力/を発信するイベントを開催してい"
                   "ます。\n"
                   "widths 50.34 233.13");
    free(got);
    got = table_text(
        TABLE_DECK("151mm",
                   "<tr><th>都市</th><th>取組</th><th>備考</th></tr>"
                   "<tr><td>京都市</td><td>観光客の分散に向けて、混雑状況の発信と朝夜の観光を"
                   "組み合わせた取組を進めています。</td><td>市電のループ化について</td></tr>"
                   "<tr><td>旭川市</td><td>冬の観光資源を生かし、雪と食の魅力を発信するイベ"
                   "ントを開催しています。</td><td>令和8年度から実施予定の事業について</td></tr>"),
        &st);
    CHECK_INT(st, ASHI_OK);
    /* in proportion, 備考 is 145.43 pt wide; the paragraph's breaks keep
     * て company (市電のループ化につ / いて, not につい / て), so no width
     * needs to move between the columns */
    CHECK_STR(got, "都市 | 取組 | 備考\n"
                   "京都市 | 観光客の分散に向けて、混雑状況の発/信と朝夜の観光を組み合わせた取"
                   "組を/進めています。 | 市電のループ化につ/いて\n"
                   "旭川市 | 冬の観光資源を生かし、雪と食の魅力/を発信するイベントを開催してい"
                   "ます。 | 令和8年度から実施予/定の事業について\n"
                   "widths 50.34 232.27 145.43");
    free(got);
    /* 32 mm for three columns: every phrase split, one character a line,
     * but laid out, between min- and max-content */
    got = table_text(TABLE_DECK("32mm", "<tr><td>京都市</td><td>旭川市</td>"
                                        "<td>観光客の分散に向けた取組</td></tr>"),
                     &st);
    CHECK_INT(st, ASHI_OK);
    CHECK_STR(got, "京/都/市 | 旭/川/市 | 観/光/客/の/分/散に/向け/た取/組\n"
                   "widths 26.71 26.71 37.28");
    free(got);
}

int main(int argc, char **argv)
{
    int update = argc > 1 && strcmp(argv[1], "--update") == 0;
    static const char *const dirs[] = {ASHI_TEST_DIR "/golden", ASHI_TEST_DIR "/decks"};
    char *names[256];
    size_t n = 0;
    for (size_t k = 0; k < 2; k++) {
        DIR *d = opendir(dirs[k]);
        CHECK(d != NULL);
        if (!d)
            return t_done();
        struct dirent *de;
        while ((de = readdir(d)) && n < 256) {
            size_t l = strlen(de->d_name);
            if (l > 4 && strcmp(de->d_name + l - 4, ".xml") == 0) {
                char path[1024];
                snprintf(path, sizeof path, "%s/%.*s", dirs[k], (int)(l - 4), de->d_name);
                names[n++] = strdup(path);
            }
        }
        closedir(d);
    }
    qsort(names, n, sizeof names[0], cmp);
    CHECK(n >= 6);
    for (size_t i = 0; i < n; i++) {
        char xml[1100], trace[1100];
        snprintf(xml, sizeof xml, "%s.xml", names[i]);
        snprintf(trace, sizeof trace, "%s/golden/%s.trace", ASHI_TEST_DIR,
                 strrchr(names[i], '/') + 1);
        ashi_deck *deck = NULL;
        ashi_status st = ashi_deck_load_file(NULL, xml, &deck);
        CHECK_INT(st, ASHI_OK);
        ashi_buf got = {0};
        CHECK_INT(ashi__deck_trace(deck, &got), ASHI_OK);
        if (update) {
            FILE *f = fopen(trace, "wb");
            if (f) {
                fwrite(got.data, 1, got.len, f);
                fclose(f);
            }
            printf("updated %s\n", trace);
        } else {
            char *want = slurp(trace, NULL);
            t_checks++;
            if (!want || !got.data || strcmp(want, got.data) != 0) {
                t_failed++;
                fprintf(stderr, "%s: layout differs from %s\n--- got\n%s", xml, trace,
                        got.data ? got.data : "");
            }
            free(want);
        }
        ashi_buf_free(&got);
        ashi_deck_free(deck);
        free(names[i]);
    }
    test_decimal_points();
    test_table_phrases();
    test_nesting_linear();
    /* the sample booklet: 11 sections and 41 slides (53 pages: 11 dividers, a
     * table continued on a second page) */
    test_structure(ASHI_TEST_DIR "/../data/asahikawa.xml", 1, 11, 41);
    test_structure(ASHI_TEST_DIR "/../data/asahikawa.xml", 4, 11, 41);
    test_structure(ASHI_TEST_DIR "/decks/tables.xml", 4, -1, 0);
    test_structure(ASHI_TEST_DIR "/decks/blocks.xml", 1, -1, 0);
    test_bar_heights();
    test_no_overlap(ASHI_TEST_DIR "/decks/charts.xml");
    test_no_overlap(ASHI_TEST_DIR "/../data/asahikawa.xml");
    return t_done();
}
