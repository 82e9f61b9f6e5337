/* chart.c — a chart's data at load: the categories and the numbers of
 * each series, from its <category> and <series> elements or from its CSV
 * (read by res/), checked against each other and against the chart's min
 * and max, so that every problem of a chart is said when the deck is
 * loaded and the layout receives numbers. SPDX-License-Identifier: MIT */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "doc/check.h"

static const char *plural(size_t n) { return n == 1 ? "" : "s"; }


/* A number as a chart writes it (7,498 too); -1 when it is none, or too
 * long to be one. */
static int chart_number(const char *s, size_t len, double *v)
{
    char clean[64];
    size_t m = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == ',')
            continue;
        if (m + 1 >= sizeof clean)
            return -1;
        clean[m++] = s[i];
    }
    clean[m] = 0;
    return ashi_parse_number(clean, v);
}

/* The text of inline runs, breaks left out. */
static const char *inline_text(ashi_arena *a, const ashi_inline *in, int *oom)
{
    ashi_buf b = {.mem = ashi_arena_mem(a)};
    for (; in; in = in->next)
        if (in->kind == ASHI_INL_TEXT)
            ashi_buf_append(&b, in->text, in->len);
    const char *s = b.oom ? NULL : ashi_arena_strndup(a, b.data ? b.data : "", b.len);
    ashi_buf_free(&b);
    if (!s)
        *oom = 1;
    return s ? s : "";
}

/* The numbers of a series, all counted (only max kept). */
static int parse_numbers(ashi_diags *d, const ashi_block *s, const char *text, double *out,
                         size_t max, size_t *n)
{
    *n = 0;
    const char *p = text;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        if (!*p)
            break;
        size_t k = strcspn(p, " \t\n");
        double v;
        if (chart_number(p, k, &v)) {
            ashi_diag_add(d, ASHI_ERROR, "chart-data", s->loc,
                          "'%.*s%s' in a series is not a number", ashi_utf8_prefix(p, k, 60), p,
                          k > 60 ? "..." : "");
            return -1;
        }
        p += k;
        if (*n < max)
            out[*n] = v;
        (*n)++;
    }
    return 0;
}

typedef struct loading {
    ashi_chart_data *c;
    ashi_loc *series_loc; /* each <series>; unused from a CSV */
    unsigned *cat_line;   /* each category's row of the CSV */
    const char *csv;      /* the CSV's name, when the data is its */
    ashi_arena *a;
    ashi_diags *d;
    int oom;
} loading;

static int alloc_data(loading *ld, size_t ncats, size_t nseries)
{
    ashi_chart_data *c = ld->c;
    ashi_arena *a = ld->a;
    c->cats = ashi_arena_alloc(a, (ncats + 1) * sizeof *c->cats);
    c->cat_loc = ashi_arena_alloc(a, (ncats + 1) * sizeof *c->cat_loc);
    c->names = ashi_arena_alloc(a, (nseries + 1) * sizeof *c->names);
    c->colors = ashi_arena_alloc(a, (nseries + 1) * sizeof *c->colors);
    c->vals = ashi_arena_alloc(a, (nseries + 1) * sizeof *c->vals);
    ld->series_loc = ashi_arena_alloc(a, (nseries + 1) * sizeof *ld->series_loc);
    ld->cat_line = ashi_arena_alloc(a, (ncats + 1) * sizeof *ld->cat_line);
    if (!c->cats || !c->cat_loc || !c->names || !c->colors || !c->vals || !ld->series_loc ||
        !ld->cat_line)
        return -1;
    for (size_t i = 0; i < nseries; i++)
        if (!(c->vals[i] = ashi_arena_alloc(a, (ncats + 1) * sizeof(double))))
            return -1;
    return 0;
}

/* From <category> and <series>: -1 when unusable (reported). */
static int from_elements(loading *ld, const ashi_block *b)
{
    ashi_chart_data *c = ld->c;
    ashi_diags *d = ld->d;
    size_t ncats = 0, nseries = 0;
    const ashi_block *over = NULL;
    for (const ashi_block *k = b->children; k; k = k->next) {
        if (k->kind == ASHI_BLOCK_CATEGORY && ncats++ == ASHI_CHART_MAX_CATS)
            over = k;
        nseries += k->kind == ASHI_BLOCK_SERIES;
    }
    /* more bars than any page shows legibly: an error naming the limit,
     * never a chart cut short */
    if (over) {
        ashi_diag_add(d, ASHI_ERROR, "limit", over->loc,
                      "the chart has %zu categories, over the limit of %d", ncats,
                      ASHI_CHART_MAX_CATS);
        return -1;
    }
    size_t kept = nseries > ASHI_CHART_MAX_SERIES ? ASHI_CHART_MAX_SERIES : nseries;
    if (alloc_data(ld, ncats, kept))
        return ld->oom = 1, -1;
    for (const ashi_block *k = b->children; k; k = k->next)
        if (k->kind == ASHI_BLOCK_CATEGORY) {
            c->cat_loc[c->ncats] = k->loc;
            c->cats[c->ncats++] = inline_text(ld->a, k->inl, &ld->oom);
        }
    for (const ashi_block *k = b->children; k; k = k->next) {
        if (k->kind != ASHI_BLOCK_SERIES)
            continue;
        if (c->nseries == ASHI_CHART_MAX_SERIES) {
            ashi_diag_add(d, ASHI_ERROR, "limit", k->loc,
                          "the chart has %zu series, over the limit of %d", nseries,
                          ASHI_CHART_MAX_SERIES);
            return -1;
        }
        size_t i = c->nseries, n;
        if (parse_numbers(d, k, inline_text(ld->a, k->inl, &ld->oom), c->vals[i],
                          c->ncats, &n))
            return -1;
        if (n != c->ncats) {
            ashi_diag_add(d, ASHI_ERROR, "chart-data", k->loc,
                          "the series has %zu number%s for %zu categor%s", n, plural(n),
                          c->ncats, c->ncats == 1 ? "y" : "ies");
            return -1;
        }
        c->names[i] = k->p->name;
        c->colors[i] = k->p->color;
        ld->series_loc[i] = k->loc;
        c->nseries++;
    }
    return 0;
}

/* From the CSV: a header row (a corner and the series' names), then a
 * category and its numbers per row. */
static int from_csv(loading *ld, const ashi_block *b)
{
    ashi_chart_data *c = ld->c;
    ashi_diags *d = ld->d;
    const char *src = b->p->src;
    for (const ashi_block *k = b->children; k; k = k->next)
        if (k->kind == ASHI_BLOCK_CATEGORY || k->kind == ASHI_BLOCK_SERIES) {
            ashi_diag_add(d, ASHI_ERROR, "chart-data", b->loc,
                          "a chart with src takes its data from the CSV, not from <category> "
                          "and <series>");
            return -1;
        }
    const ashi_csv *csv = b->csv; /* read at load (NULL: reported there) */
    if (!csv)
        return -1;
    if (csv->n < 2 || csv->rows[0].n < 2) {
        ashi_diag_add_in(d, src, ASHI_ERROR, "chart-data", (ashi_loc){1, 1},
                         "a chart's CSV needs a header row and a row of data, and two "
                         "columns at least");
        return -1;
    }
    const ashi_csv_row *head = &csv->rows[0];
    size_t ns = head->n - 1;
    if (ns > ASHI_CHART_MAX_SERIES) {
        ashi_diag_add_in(d, src, ASHI_ERROR, "limit", (ashi_loc){head->line, 1},
                         "the CSV has %zu series (columns after the first), over a chart's "
                         "limit of %d",
                         ns, ASHI_CHART_MAX_SERIES);
        return -1;
    }
    if (csv->n - 1 > ASHI_CHART_MAX_CATS) {
        ashi_diag_add_in(d, src, ASHI_ERROR, "limit",
                         (ashi_loc){csv->rows[ASHI_CHART_MAX_CATS + 1].line, 1},
                         "the CSV has %zu categories (rows after the header), over a "
                         "chart's limit of %d",
                         csv->n - 1, ASHI_CHART_MAX_CATS);
        return -1;
    }
    if (alloc_data(ld, csv->n - 1, ns))
        return ld->oom = 1, -1;
    ld->csv = src;
    for (size_t i = 0; i < ns; i++) {
        c->names[i] = head->fields[i + 1];
        c->colors[i] = (ashi_color){ASHI_COLOR_UNSET, 0};
    }
    for (size_t r = 1; r < csv->n; r++) {
        const ashi_csv_row *row = &csv->rows[r];
        if (row->n != head->n) {
            ashi_diag_add_in(d, src, ASHI_ERROR, "chart-data", (ashi_loc){row->line, 1},
                             "the row has %zu field%s; the header has %zu", row->n,
                             plural(row->n), head->n);
            return -1;
        }
        c->cat_loc[c->ncats] = b->loc;
        c->cats[c->ncats] = row->fields[0];
        ld->cat_line[c->ncats] = row->line;
        for (size_t i = 0; i < ns; i++) {
            const char *f = row->fields[i + 1];
            if (chart_number(f, strlen(f), &c->vals[i][c->ncats])) {
                /* the row's line; its fields' columns are not kept */
                ashi_diag_add_in(d, src, ASHI_ERROR, "chart-data", (ashi_loc){row->line, 1},
                                 "'%.*s%s' in field %zu ('%.*s') is not a number",
                                 ashi_utf8_prefix(f, strlen(f), 60), f, strlen(f) > 60 ? "..." : "",
                                 i + 2, ashi_utf8_prefix(c->names[i], strlen(c->names[i]), 60),
                                 c->names[i]);
                return -1;
            }
        }
        c->ncats++;
    }
    c->nseries = ns;
    return 0;
}

/* Where the bar of series i in category k reaches: its value, or stacked
 * the totals of the positive and of the negative parts of all series
 * (has_pos, has_neg: whether there are any). */
static void extent(const ashi_chart_data *c, size_t k, int stacked, size_t i, double *top,
                   double *bottom, int *has_pos, int *has_neg)
{
    double pos = 0, neg = 0;
    *has_pos = *has_neg = 0;
    for (size_t s = 0; s < c->nseries; s++) {
        double v = c->vals[s][k];
        if (!stacked && s != i)
            continue;
        if (v >= 0)
            pos += v, *has_pos = 1;
        else
            neg += v, *has_neg = 1;
    }
    *top = pos;
    *bottom = neg;
}

/* The chart's min and max against its data: no room for any bar is an
 * error (axis_ok stays 0), a value outside a given range a warning (its
 * bar is cut at the plot's edge). */
static void check_range(loading *ld, const ashi_block *b)
{
    ashi_chart_data *c = ld->c;
    ashi_diags *d = ld->d;
    int stacked = b->p->stacked == ASHI_BOOL_TRUE;
    double lo = 0, hi = 0;
    for (size_t k = 0; k < c->ncats; k++)
        for (size_t i = 0; i < (stacked ? 1 : c->nseries); i++) {
            double top, bottom;
            int has_pos, has_neg;
            extent(c, k, stacked, i, &top, &bottom, &has_pos, &has_neg);
            hi = fmax(hi, top);
            lo = fmin(lo, bottom);
        }
    c->lo = lo;
    c->hi = hi;
    const char *vmin = ashi_block_attr_text(b, "min"), *vmax = ashi_block_attr_text(b, "max");
    double umin = b->p->min.v, umax = b->p->max.v;
    int has_min = b->p->min.set, has_max = b->p->max.set;
    if (has_min && has_max && !(umin < umax)) {
        ashi_diag_add(d, ASHI_ERROR, "bad-value", ashi_block_attr_loc(b, "min"),
                      "min '%s' must be below max '%s'", vmin, vmax);
        return;
    }
    if (has_min && !has_max && !(hi > umin)) {
        ashi_diag_add(d, ASHI_ERROR, "bad-value", ashi_block_attr_loc(b, "min"),
                      "min '%s' is not below the largest %s, %.15g: no bar would show (lower "
                      "min, or give max too)",
                      vmin, stacked ? "total" : "value", hi);
        return;
    }
    if (has_max && !has_min && !(umax > lo)) {
        ashi_diag_add(d, ASHI_ERROR, "bad-value", ashi_block_attr_loc(b, "max"),
                      "max '%s' is not above where the axis starts, %.15g (zero or the smallest "
                      "%s): no bar would show (raise max, or give min too)",
                      vmax, lo, stacked ? "total" : "value");
        return;
    }
    c->axis_ok = 1;
    if (!has_min && !has_max)
        return;
    /* what a given range leaves out: said, never drawn outside the plot */
    size_t out = 0;
    for (size_t i = 0; i < (stacked ? 1 : c->nseries); i++)
        for (size_t k = 0; k < c->ncats; k++) {
            double ends[2];
            int has[2];
            extent(c, k, stacked, i, &ends[0], &ends[1], &has[0], &has[1]);
            for (int e = 0; e < 2; e++) {
                double v = ends[e];
                int above = has_max && v > umax;
                if (!has[e] || (!above && !(has_min && v < umin)) || out++ >= 8)
                    continue;
                /* a value at its series; a stack's total at the chart (or,
                 * from a CSV, at its category's row) */
                ashi_loc at = ld->csv ? (ashi_loc){ld->cat_line[k], 1}
                              : stacked ? b->loc
                                        : ld->series_loc[i];
                const char *cat = c->cats[k];
                char msg[400];
                if (stacked)
                    ashi_snprintf(msg, sizeof msg, "the %stotal %.15g of category '%.*s'",
                             e ? "negative " : "", v, ashi_utf8_prefix(cat, strlen(cat), 60), cat);
                else if (c->names[i] && c->nseries > 1)
                    ashi_snprintf(msg, sizeof msg, "the value %.15g of series '%.*s', category '%.*s'",
                             v, ashi_utf8_prefix(c->names[i], strlen(c->names[i]), 60), c->names[i],
                             ashi_utf8_prefix(cat, strlen(cat), 60), cat);
                else
                    ashi_snprintf(msg, sizeof msg, "the value %.15g of category '%.*s'", v,
                             ashi_utf8_prefix(cat, strlen(cat), 60), cat);
                const char *edge = above ? vmax : vmin;
                if (ld->csv)
                    ashi_diag_add_in(d, ld->csv, ASHI_WARNING, "chart-range", at,
                                     "%s is %s the axis %s %.*s and is clipped to it", msg,
                                     above ? "above" : "below", above ? "maximum" : "minimum",
                                     ashi_utf8_prefix(edge, strlen(edge), 40), edge);
                else
                    ashi_diag_add(d, ASHI_WARNING, "chart-range", at,
                                  "%s is %s the axis %s %.*s and is clipped to it", msg,
                                  above ? "above" : "below", above ? "maximum" : "minimum",
                                  ashi_utf8_prefix(edge, strlen(edge), 40), edge);
            }
        }
    if (out > 8)
        ashi_diag_add(d, ASHI_WARNING, "chart-range", b->loc,
                      "%zu more values lie outside the axis range %s to %s and are clipped to it",
                      out - 8, has_min ? vmin : "(from the data)",
                      has_max ? vmax : "(from the data)");
}

/* A highlight naming no category would mute every bar: an error, and no
 * highlight. */
static void check_highlight(loading *ld, const ashi_block *b)
{
    const char *hl = b->p->highlight;
    if (!hl)
        return;
    for (size_t k = 0; k < ld->c->ncats; k++)
        if (!strcmp(hl, ld->c->cats[k]))
            return;
    ashi_diag_add(ld->d, ASHI_ERROR, "bad-value", ashi_block_attr_loc(b, "highlight"),
                  "highlight '%s' names no category of the chart", hl);
}

/* A value as the description says it: its digits grouped by thousands
 * (the same in every locale), at most 15 significant. */
static void put_value(ashi_buf *out, double v)
{
    char raw[64];
    ashi_snprintf(raw, sizeof raw, "%.15g", v);
    if (strchr(raw, 'e') || strchr(raw, 'n') || strchr(raw, 'i')) {
        ashi_buf_puts(out, raw);
        return;
    }
    const char *p = raw;
    if (*p == '-')
        ashi_buf_putc(out, *p++);
    size_t intlen = strcspn(p, ".");
    for (size_t i = 0; i < intlen; i++) {
        if (i && (intlen - i) % 3 == 0)
            ashi_buf_putc(out, ',');
        ashi_buf_putc(out, p[i]);
    }
    ashi_buf_puts(out, p + intlen);
}

/* The chart in words, for readers who cannot see it: its kind and title,
 * then each category with its value (each series' with several) and the
 * unit, and its source; Japanese when the deck is, else English. */
static const char *describe(const ashi_block *b, const ashi_chart_data *c, const char *lang,
                            ashi_arena *a)
{
    int ja = !lang || !strncmp(lang, "ja", 2);
    int stacked = b->p->stacked == ASHI_BOOL_TRUE, hbar = b->p->type == ASHI_CHART_HBAR;
    const char *unit = b->p->unit ? b->p->unit : "";
    ashi_buf out = {.mem = ashi_arena_mem(a)};
    static const char *const kind_ja[2][2] = {{"棒グラフ", "横棒グラフ"},
                                              {"積み上げ棒グラフ", "積み上げ横棒グラフ"}};
    static const char *const kind_en[2][2] = {{"Bar chart", "Horizontal bar chart"},
                                              {"Stacked bar chart", "Stacked horizontal bar chart"}};
    ashi_buf_puts(&out, (ja ? kind_ja : kind_en)[stacked][hbar]);
    if (b->p->title)
        ashi_buf_printf(&out, ja ? "「%s」" : " \u201C%s\u201D", b->p->title);
    if (c->nseries > 1) {
        ashi_buf_puts(&out, ja ? "（系列: " : " (series: ");
        for (size_t i = 0; i < c->nseries; i++) {
            if (i)
                ashi_buf_puts(&out, ja ? "、" : ", ");
            if (c->names[i])
                ashi_buf_puts(&out, c->names[i]);
            else
                ashi_buf_printf(&out, ja ? "系列%zu" : "series %zu", i + 1);
        }
        ashi_buf_puts(&out, ja ? "）" : ")");
    }
    ashi_buf_puts(&out, ": ");
    for (size_t k = 0; k < c->ncats; k++) {
        if (k)
            ashi_buf_puts(&out, ja ? "、" : "; ");
        ashi_buf_puts(&out, c->cats[k]);
        for (size_t i = 0; i < c->nseries; i++) {
            ashi_buf_puts(&out, i ? (ja ? "・" : ", ") : " ");
            if (c->nseries > 1) {
                if (c->names[i])
                    ashi_buf_printf(&out, "%s ", c->names[i]);
                else
                    ashi_buf_printf(&out, ja ? "系列%zu " : "series %zu ", i + 1);
            }
            put_value(&out, c->vals[i][k]);
            ashi_buf_printf(&out, "%s%s", ja || !unit[0] ? "" : " ", unit);
        }
    }
    if (b->p->source)
        ashi_buf_printf(&out, ja ? "。%s" : ". %s", b->p->source);
    const char *s = out.oom ? NULL : ashi_arena_strndup(a, out.data ? out.data : "", out.len);
    ashi_buf_free(&out);
    return s;
}

int ashi_chart_load(ashi_block *b, const char *lang, ashi_arena *a, ashi_diags *d)
{
    ashi_chart_data *c = ashi_arena_alloc(a, sizeof *c);
    if (!c)
        return -1;
    loading ld = {.c = c, .a = a, .d = d};
    /* the CSV's own lines belong where the chart names it */
    d->origin = b->loc;
    int bad = b->p->src ? from_csv(&ld, b) : from_elements(&ld, b);
    if (!bad && (!c->ncats || !c->nseries)) {
        ashi_diag_add(d, ASHI_ERROR, "chart-data", b->loc,
                      "the chart has no data (it needs <category> elements and a <series>)");
        bad = 1;
    }
    if (!bad) {
        check_range(&ld, b);
        check_highlight(&ld, b);
        b->chart = c;
    }
    /* what it shows, said: its own alt, else its data in words */
    b->alt = b->p->alt ? b->p->alt : !bad ? describe(b, c, lang, a) : b->p->title;
    if (!bad && !b->alt)
        ld.oom = 1;
    d->origin = (ashi_loc){0, 0};
    return ld.oom ? -1 : 0;
}
