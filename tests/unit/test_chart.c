/* test_chart.c — nice axis steps over a range of data, number formats
 * (comma, fixed, percent, 万, 億, auto), ticks inside any axis, and bars
 * that stay inside the plot whatever min and max cut off.
 * SPDX-License-Identifier: MIT */
#include <math.h>

#include "ashireport.h"
#include "harness.h"
#include "doc/vocab.h"
#include "layout/internal.h"

ashi_status ashi__deck_trace(const ashi_deck *deck, ashi_buf *out);

static void ticks(double lo, double hi, double want_lo, double want_hi, double want_step)
{
    double a, b, s;
    ashi_lay_nice_ticks(lo, hi, &a, &b, &s);
    t_checks++;
    if (fabs(a - want_lo) > 1e-9 || fabs(b - want_hi) > 1e-9 || fabs(s - want_step) > 1e-9) {
        t_failed++;
        fprintf(stderr, "ticks(%g, %g) = %g..%g by %g, want %g..%g by %g\n", lo, hi, a, b, s,
                want_lo, want_hi, want_step);
    }
}

/* A chart's number-format as the loader reads it (NULL: not given). */
static ashi_numfmt chart_format(const char *f)
{
    ashi_value v = {0};
    if (f)
        CHECK(ashi_value_parse(ashi_vocab_find("chart", "number-format"), f, NULL, &v) == 0);
    return v.format;
}

static int format_ok(const char *element, const char *f)
{
    ashi_value v;
    return ashi_value_parse(ashi_vocab_find(element, element[0] == 'c' && element[1] == 'o'
                                                         ? "format"
                                                         : "number-format"),
                            f, NULL, &v) == 0;
}

static void fmt(double v, const char *fs, double top, const char *want)
{
    char out[64];
    ashi_numfmt f = chart_format(fs);
    int unit = ashi_lay_number_unit(f, top);
    double div = unit == 1 ? 1e4 : unit == 2 ? 1e8 : 1;
    int dec = fabs(v / div - round(v / div)) > 1e-9 ? 1 : 0;
    ashi_lay_format_number(out, sizeof out, v, f, unit, dec);
    CHECK_STR(out, want);
}

/* ---- axes for any range ---------------------------------------------------- */

static void axis(double lo, double hi, double step, int want_n, double want_first, double want_last)
{
    double t[64];
    int n = ashi_lay_axis_ticks(lo, hi, step, t, 64);
    t_checks++;
    if (n != want_n || (n && (fabs(t[0] - want_first) > 1e-9 * fmax(1, fabs(want_first)) ||
                              fabs(t[n - 1] - want_last) > 1e-9 * fmax(1, fabs(want_last))))) {
        t_failed++;
        fprintf(stderr, "axis(%g, %g, %g) = %d ticks %g..%g, want %d ticks %g..%g\n", lo, hi, step,
                n, n ? t[0] : 0, n ? t[n - 1] : 0, want_n, want_first, want_last);
    }
    for (int i = 0; i < n; i++)
        CHECK(t[i] >= lo - 1e-9 * fabs(lo) - 1e-12 && t[i] <= hi + 1e-9 * fabs(hi) + 1e-12);
}

/* Ticks stay inside the axis whatever min and max are: a min that is no
 * multiple of the step, a range the wrong way round, the widest doubles. */
static void test_axis_ticks(void)
{
    axis(0, 100, 20, 6, 0, 100);
    axis(3, 10, 2, 4, 4, 10);       /* min 3: ticks from 4, none past 10 */
    axis(-100, -20, 20, 5, -100, -20);
    axis(1000, 0, 200, 0, 0, 0);    /* min above max: no ticks (an error) */
    axis(5, 5, 1, 0, 0, 0);
    axis(0, 1, 0, 0, 0, 0);         /* no step */
    axis(0, 1e6, 1e-3, 64, 0, 63e-3); /* never more than asked for */
    double lo, hi, step;
    ashi_lay_nice_ticks(-1e308, 1e308, &lo, &hi, &step);
    CHECK(isfinite(lo) && isfinite(hi) && isfinite(step) && step > 0 && lo <= -1e308 &&
          hi >= 1e308);
    double t[64];
    int n = ashi_lay_axis_ticks(lo, hi, step, t, 64);
    CHECK(n >= 2 && n <= 64);
    ashi_lay_nice_ticks(1.7e308, 1.7e308, &lo, &hi, &step);
    CHECK(isfinite(lo) && isfinite(hi) && hi > lo && step > 0);
    /* the largest number a deck can write, whole; any double, cut to the
     * buffer rather than past it */
    char out[64];
    ashi_lay_format_number(out, sizeof out, 999999999999999, chart_format(NULL), 0, 0);
    CHECK_STR(out, "999,999,999,999,999");
    /* halves away from zero (四捨五入), on the number as written */
    static const struct {
        double v;
        const char *fmt, *want;
    } ties[] = {{0.25, "fixed:1", "0.3"},    {-0.25, "fixed:1", "-0.3"},
                {1.005, "fixed:2", "1.01"},  {2.5, "comma", "3"},
                {1553.5, "comma", "1,554"},  {0.125, "fixed:2", "0.13"},
                {-0.04, "fixed:1", "0.0"},   {2.449, "fixed:1", "2.4"},
                {0.35, "fixed:1", "0.4"},    {1234.45, "fixed:1", "1,234.5"},
                {99.995, "fixed:2", "100.00"}, {0.1 + 0.2, "fixed:1", "0.3"}};
    for (size_t i = 0; i < sizeof ties / sizeof ties[0]; i++) {
        ashi_lay_format_number(out, sizeof out, ties[i].v, chart_format(ties[i].fmt), 0, 0);
        CHECK_STR(out, ties[i].want);
    }
    ashi_lay_format_number(out, 8, -1e308, chart_format(NULL), 0, 2);
    CHECK_STR(out, "-100,0.");
    CHECK(format_ok("chart", "fixed:4") && !format_ok("chart", "fixed:5") &&
          !format_ok("chart", "fixed:2x") && !format_ok("chart", "fixed:"));
    CHECK(format_ok("col", "fixed:0") && format_ok("chart", "percent") &&
          !format_ok("col", "percent") && !format_ok("col", "auto") && format_ok("col", "oku"));
}

/* ---- bars inside the plot ---------------------------------------------------- */

typedef struct plotbox {
    double x0, y0, x1, y1; /* from the gridlines */
    int n;
} plotbox;

typedef struct bar {
    double x, y, w, h;
} bar;

/* Where page `page` of a trace starts (NULL: it has none); *end where
 * the next one does (NULL: the trace's end). */
static const char *page_of(const char *trace, int page, const char **end)
{
    char key[32];
    snprintf(key, sizeof key, "page %d ", page);
    const char *p = strstr(trace, key);
    snprintf(key, sizeof key, "page %d ", page + 1);
    *end = p ? strstr(p, key) : NULL;
    return p;
}

/* The gridlines' box and the bars of one colour on page `page` of a trace. */
static size_t page_bars(const char *trace, int page, const char *color, plotbox *pb, bar *out,
                        size_t max)
{
    const char *end, *p = page_of(trace, page, &end);
    size_t n = 0;
    *pb = (plotbox){1e9, 1e9, -1e9, -1e9, 0};
    for (; p && *p && (!end || p < end);) {
        const char *eol = strchr(p, '\n');
        double a, b, c, d;
        char col[16];
        if (sscanf(p, "  line %lf,%lf %lf,%lf w %*f #%6s", &a, &b, &c, &d, col) == 5 &&
            !strcmp(col, "D9D9D9")) {
            pb->x0 = fmin(pb->x0, fmin(a, c)), pb->x1 = fmax(pb->x1, fmax(a, c));
            pb->y0 = fmin(pb->y0, fmin(b, d)), pb->y1 = fmax(pb->y1, fmax(b, d));
            pb->n++;
        } else if (sscanf(p, "  rect %lf,%lf %lfx%lf #%6s", &a, &b, &c, &d, col) == 5 &&
                   !strcmp(col, color) && n < max) {
            out[n++] = (bar){a, b, c, d};
        }
        p = eol ? eol + 1 : NULL;
    }
    return n;
}

static int inside(const bar *b, const plotbox *pb)
{
    const double e = 0.011; /* the trace's rounding */
    return b->w >= 0 && b->h >= 0 && b->x >= pb->x0 - e && b->x + b->w <= pb->x1 + e &&
           b->y >= pb->y0 - e && b->y + b->h <= pb->y1 + e;
}

static const char clip_deck[] =
    "<deck xmlns=\"urn:ashireport:deck:1\">\n"
    /* page 1: 50..100, bars start at the plot's bottom (zero is below it) */
    "<slide title=\"a\"><chart min=\"50\" max=\"100\" legend=\"none\" h=\"100mm\">"
    "<category>a</category><category>b</category><category>c</category><category>d</category>"
    "<series color=\"#123456\">30 75 150 -20</series>"
    "<series color=\"#654321\">60 120 80 55</series></chart></slide>\n"
    /* page 2: the same across */
    "<slide title=\"b\"><chart type=\"hbar\" min=\"50\" max=\"100\" legend=\"none\" h=\"100mm\">"
    "<category>a</category><category>b</category><category>c</category><category>d</category>"
    "<series color=\"#123456\">30 75 150 -20</series>"
    "<series color=\"#654321\">60 120 80 55</series></chart></slide>\n"
    /* page 3: stacked both ways past -40..40 */
    "<slide title=\"c\"><chart stacked=\"true\" min=\"-40\" max=\"40\" legend=\"none\" h=\"100mm\">"
    "<category>a</category><category>b</category>"
    "<series color=\"#123456\">30 -50</series><series color=\"#654321\">20 -10</series>"
    "</chart></slide>\n"
    /* page 4: the same across */
    "<slide title=\"d\"><chart type=\"hbar\" stacked=\"true\" min=\"-40\" max=\"40\" "
    "legend=\"none\" h=\"100mm\"><category>a</category><category>b</category>"
    "<series color=\"#123456\">30 -50</series><series color=\"#654321\">20 -10</series>"
    "</chart></slide>\n"
    /* page 5: all negative, -100..-20 */
    "<slide title=\"e\"><chart min=\"-100\" max=\"-20\" h=\"100mm\">"
    "<category>a</category><category>b</category><category>c</category>"
    "<series color=\"#123456\">-50 -5 -200</series></chart></slide>\n"
    /* page 6: negative parts of a horizontal stack side by side, not on
     * top of each other */
    "<slide title=\"f\"><chart type=\"hbar\" stacked=\"true\" legend=\"none\" h=\"100mm\">"
    "<category>a</category><series color=\"#123456\">-10</series>"
    "<series color=\"#654321\">-20</series></chart></slide>\n"
    "</deck>\n";

static void test_clipped_bars(void)
{
    ashi_deck *deck = NULL;
    ashi_status st =
        ashi_deck_load_memory(NULL, clip_deck, sizeof clip_deck - 1, "clip.xml", NULL, &deck);
    CHECK_INT(st, ASHI_OK);
    /* each value outside its axis is a warning at its series (a stack's
     * total at its chart), and nothing else is said */
    size_t warnings = 0, nd = ashi_deck_diag_count(deck);
    for (size_t i = 0; i < nd; i++) {
        ashi_diag d;
        ashi_deck_diag(deck, i, &d);
        CHECK(d.severity == ASHI_WARNING && !strcmp(d.code, "chart-range"));
        warnings += d.severity == ASHI_WARNING;
    }
    CHECK_INT(warnings, 4 + 4 + 2 + 2 + 2);
    ashi_buf t = {0};
    CHECK_INT(ashi__deck_trace(deck, &t), ASHI_OK);
    const char *tr = t.data ? t.data : "";
    bar a[16], b[16];
    plotbox pb;
    for (int page = 1; page <= 6; page++) {
        size_t na = page_bars(tr, page, "123456", &pb, a, 16);
        size_t nb = page_bars(tr, page, "654321", &pb, b, 16);
        CHECK(pb.n >= 3);
        CHECK(na > 0);
        for (size_t i = 0; i < na; i++)
            if (!inside(&a[i], &pb)) {
                t_failed++;
                fprintf(stderr, "page %d: bar %.2f,%.2f %.2fx%.2f outside the plot %.2f,%.2f to "
                                "%.2f,%.2f\n",
                        page, a[i].x, a[i].y, a[i].w, a[i].h, pb.x0, pb.y0, pb.x1, pb.y1);
            }
        for (size_t i = 0; i < nb; i++)
            if (!inside(&b[i], &pb)) {
                t_failed++;
                fprintf(stderr, "page %d: bar %.2f,%.2f %.2fx%.2f outside the plot\n", page,
                        b[i].x, b[i].y, b[i].w, b[i].h);
            }
        t_checks += (int)(na + nb);
        double ph = pb.y1 - pb.y0, pw = pb.x1 - pb.x0;
        if (page == 1 && na == 2 && nb == 4) {
            /* 30 and -20 lie below 50: no bar; 75 rises from the bottom a
             * half of the plot; 150 and 120 stop at its top */
            CHECK(fabs(a[0].h - ph * 25 / 50) < 0.03 && fabs(a[0].y + a[0].h - pb.y1) < 0.02);
            CHECK(fabs(a[1].y - pb.y0) < 0.02 && fabs(a[1].h - ph) < 0.03);
            CHECK(fabs(b[1].y - pb.y0) < 0.02 && fabs(b[3].h - ph * 5 / 50) < 0.03);
        } else if (page == 1) {
            CHECK(!"page 1: 2 and 4 bars");
        }
        if (page == 2 && na == 2 && nb == 4) {
            CHECK(fabs(a[0].x - pb.x0) < 0.02 && fabs(a[0].w - pw * 25 / 50) < 0.03);
            CHECK(fabs(a[1].x + a[1].w - pb.x1) < 0.02);
        } else if (page == 2) {
            CHECK(!"page 2: 2 and 4 bars");
        }
        if (page == 5 && na == 2) {
            /* -50 from the top (-20) down 30 of 80; -200 down to the bottom;
             * -5, above the axis, no bar */
            CHECK(fabs(a[0].y - pb.y0) < 0.02 && fabs(a[0].h - ph * 30 / 80) < 0.03);
            CHECK(fabs(a[1].y + a[1].h - pb.y1) < 0.02);
        } else if (page == 5) {
            CHECK(!"page 5: 2 bars");
        }
        if (page == 6 && na == 1 && nb == 1) {
            /* -10 next to zero, -20 beyond it: they meet, never overlap */
            CHECK(fabs(b[0].x + b[0].w - a[0].x) < 0.02);
            CHECK(fabs(b[0].w - 2 * a[0].w) < 0.03);
        } else if (page == 6) {
            CHECK(!"page 6: 1 and 1 bars");
        }
    }
    ashi_buf_free(&t);
    ashi_deck_free(deck);
}

/* ---- value labels clear of each other and of the bars ------------------------ */

/* Three series of close, wide values at three widths (the 7,618 beside
 * 7,678 of the bench booklet, a short bar between two tall ones). */
static const char label_deck[] =
    "<deck xmlns=\"urn:ashireport:deck:1\">\n"
    "<slide title=\"a\"><chart h=\"110mm\">"
    "<category>バス</category><category>鉄道</category><category>タクシー</category>"
    "<category>自転車</category>"
    "<series name=\"令和4年\">697 7618 4480 8826</series>"
    "<series name=\"令和5年\">4865 7678 6658 5467</series>"
    "<series name=\"令和6年\">1841 8210 2470 6792</series></chart></slide>\n"
    "<slide title=\"b\"><columns><column><chart h=\"110mm\">"
    "<category>a</category><category>b</category><category>c</category>"
    "<series>97683 97612 12</series><series>97690 30001 97650</series>"
    "<series>97701 97600 97640</series></chart></column><column/></columns></slide>\n"
    "<slide title=\"c\"><columns><column><chart h=\"110mm\">"
    "<category>a</category><category>b</category>"
    "<series>7618 9000</series><series>7678 1200</series><series>8210 9100</series>"
    "</chart></column><column/><column/></columns></slide>\n"
    "</deck>\n";

typedef struct tbox {
    double x0, y0, x1, y1;
    char text[64];
} tbox;

/* Value labels (numbers, not white) and bars (rectangles below the title
 * band, narrower than the page's frames) of one page of a trace. */
static void page_labels(const char *trace, int page, tbox *labels, size_t *nl, bar *bars,
                        size_t *nb)
{
    const char *end, *p = page_of(trace, page, &end);
    *nl = *nb = 0;
    for (; p && *p && (!end || p < end);) {
        const char *eol = strchr(p, '\n');
        double x, y, sz, w, h;
        char col[16], txt[64];
        if (sscanf(p, "  text %lf,%lf size %lf #%6s \"%63[^\"]\"", &x, &y, &sz, col, txt) == 5 &&
            strcmp(col, "FFFFFF") && strspn(txt, "0123456789,.万") == strlen(txt) && *nl < 64) {
            const char *wp = strstr(p, " w ");
            if (wp && (!eol || wp < eol) && sscanf(wp, " w %lf", &w) == 1) {
                tbox *t = &labels[(*nl)++];
                *t = (tbox){x, y - 0.8 * sz, x + w, y + 0.2 * sz, ""};
                snprintf(t->text, sizeof t->text, "%s", txt);
            }
        } else if (sscanf(p, "  rect %lf,%lf %lfx%lf #%6s", &x, &y, &w, &h, col) == 5 && y > 72 &&
                   h > 0 && w < 200 && *nb < 64) {
            bars[(*nb)++] = (bar){x, y, w, h};
        }
        p = eol ? eol + 1 : NULL;
    }
}

static void test_value_labels(void)
{
    ashi_deck *deck = NULL;
    CHECK_INT(ashi_deck_load_memory(NULL, label_deck, sizeof label_deck - 1, "labels.xml", NULL,
                                    &deck),
              ASHI_OK);
    ashi_buf t = {0};
    CHECK_INT(ashi__deck_trace(deck, &t), ASHI_OK);
    const char *tr = t.data ? t.data : "";
    static const size_t want[] = {12, 9, 6};
    for (int page = 1; page <= 3; page++) {
        tbox lab[64];
        bar bars[64];
        size_t nl, nb;
        page_labels(tr, page, lab, &nl, bars, &nb);
        /* the axis' tick labels are numbers too: only those in the plot */
        size_t n = 0;
        for (size_t i = 0; i < nl; i++)
            for (size_t k = 0; k < nb; k++)
                if (lab[i].x1 > bars[k].x - 3 && lab[i].x0 < bars[k].x + bars[k].w + 3) {
                    lab[n++] = lab[i];
                    break;
                }
        CHECK_INT(n, want[page - 1]);
        const double e = 0.05;
        for (size_t i = 0; i < n; i++) {
            for (size_t j = i + 1; j < n; j++)
                if (lab[i].x0 < lab[j].x1 - e && lab[j].x0 < lab[i].x1 - e &&
                    lab[i].y0 < lab[j].y1 - e && lab[j].y0 < lab[i].y1 - e) {
                    t_failed++;
                    fprintf(stderr, "page %d: labels %s and %s overlap\n", page, lab[i].text,
                            lab[j].text);
                }
            for (size_t k = 0; k < nb; k++)
                if (lab[i].x0 < bars[k].x + bars[k].w - e && bars[k].x < lab[i].x1 - e &&
                    lab[i].y0 < bars[k].y + bars[k].h - e && bars[k].y < lab[i].y1 - e) {
                    t_failed++;
                    fprintf(stderr, "page %d: label %s runs into the bar at %.2f,%.2f\n", page,
                            lab[i].text, bars[k].x, bars[k].y);
                }
            t_checks++;
        }
    }
    ashi_buf_free(&t);
    ashi_deck_free(deck);
}

int main(void)
{
    ticks(0, 1, 0, 1, 0.2);
    ticks(0, 7, 0, 8, 2);
    ticks(0, 7498, 0, 8000, 2000);
    ticks(0, 942314, 0, 1000000, 200000);
    ticks(-35, 120, -50, 150, 50);
    ticks(0, 2.7, 0, 3, 1);
    ticks(0, 100, 0, 100, 20);
    ticks(0, 12, 0, 12.5, 2.5);
    ticks(42, 42, 0, 50, 10);   /* a single value: from zero */
    ticks(0, 0, 0, 1, 0.2);     /* all zeros */
    ticks(-5, -5, -5, 0, 1);    /* a single negative value */

    fmt(7498, NULL, 8000, "7,498");
    fmt(1553, "comma", 2000, "1,553");
    fmt(2.7, "fixed:1", 3, "2.7");
    fmt(2, "fixed:2", 3, "2.00");
    fmt(12.5, "percent", 20, "12.5%");
    fmt(942314, "man", 1e6, "94.2万");
    fmt(15530000, "man", 2e7, "1,553万");
    fmt(1000000000, "oku", 1e9, "10億");
    fmt(942314, "auto", 1e6, "94.2万");   /* auto: 万 from 100,000 up */
    fmt(7498, "auto", 8000, "7,498");
    fmt(1500000000, "auto", 2e9, "15億"); /* auto: 億 from 10^9 up */
    fmt(0, "man", 1e6, "0");
    fmt(-1234, NULL, 2000, "-1,234");

    test_axis_ticks();
    test_value_labels();
    test_clipped_bars();
    return t_done();
}
