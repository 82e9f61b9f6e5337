/* test_chart.c — nice axis steps over a range of data, and number formats
 * (comma, fixed, percent, 万, 億, auto). SPDX-License-Identifier: MIT */
#include <math.h>

#include "harness.h"
#include "layout/internal.h"

static void ticks(double lo, double hi, double want_lo, double want_hi, double want_step)
{
    double a, b, s;
    lay_nice_ticks(lo, hi, &a, &b, &s);
    t_checks++;
    if (fabs(a - want_lo) > 1e-9 || fabs(b - want_hi) > 1e-9 || fabs(s - want_step) > 1e-9) {
        t_failed++;
        fprintf(stderr, "ticks(%g, %g) = %g..%g by %g, want %g..%g by %g\n", lo, hi, a, b, s,
                want_lo, want_hi, want_step);
    }
}

static void fmt(double v, const char *f, double top, const char *want)
{
    char out[64];
    int unit = lay_number_unit(f, top);
    double div = unit == 1 ? 1e4 : unit == 2 ? 1e8 : 1;
    int dec = fabs(v / div - round(v / div)) > 1e-9 ? 1 : 0;
    lay_format_number(out, sizeof out, v, f, unit, dec);
    CHECK_STR(out, want);
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
    return t_done();
}
