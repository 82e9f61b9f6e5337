/* test_text.c — classes, fallback and line breaking; the breaking cases
 * are the spec file text/linebreak.spec (name, width, text, lines).
 * SPDX-License-Identifier: MIT */
#include <stdlib.h>

#include "harness.h"
#include "text/text.h"

typedef struct env {
    ashi_arena *a;
    ashi_diags d;
    ashi_theme theme;
    ashi_fontset fs;
} env;

#define FIXED_FONT "/usr/share/fonts/truetype/bizud-gothic/BIZUDGothic-Regular.ttf"

/* One family from a font file (regular and bold alike), or the default
 * theme's fonts when path is NULL. */
static int env_open(env *e, const char *path)
{
    memset(e, 0, sizeof *e);
    e->a = ashi_arena_new(NULL);
    e->d.arena = e->a;
    e->d.file = "test";
    ashi_doc doc = {0};
    const char *dirs[] = {ASHI_TEST_FONTDIR};
    if (ashi_style_resolve(&doc, 0, NULL, dirs, 1, e->a, &e->d, &e->theme) || e->d.errors)
        return -1;
    if (path) {
        e->theme.nfamilies = 1;
        e->theme.families[0].regular = path;
        e->theme.families[0].bold = path;
    }
    return ashi_fontset_open(&e->fs, &e->theme, NULL, e->a, &e->d);
}

static void env_close(env *e)
{
    ashi_fontset_close(&e->fs);
    ashi_arena_free(e->a);
}

static ashi_span span(const char *text, double size)
{
    ashi_span s = {0};
    s.text = text;
    s.len = strlen(text);
    s.size = size;
    s.loc.line = 7;
    return s;
}

typedef struct spec_case {
    char name[4096];
    char text[4096];
    double width, size, indent;
    int fixed;
    ashi_align align;
    ashi_text_opts opts;
    int show; /* 0 lines, 1 widths, 2 positions */
    int warnings; /* expected warnings, -1: not checked */
} spec_case;

/* Sets the case's text ('|' = <br/>, {...} = <nobr>, [base:reading] =
 * group ruby, [m:base:readings] and [j:base:readings] = mono and jukugo
 * ruby, readings separated by spaces) and returns its lines, one per
 * output line, as the spec file writes them. */
static char *set_text(env *e, const spec_case *c)
{
    ashi_span spans[64];
    size_t n = 0;
    const char *p = c->text;
    while (*p && n < 62) {
        if (*p == '[') {
            const char *q = p + 1, *end = strchr(q, ']');
            int mode = ASHI_RUBY_GROUP;
            if (!end)
                break;
            if (q[0] == 'm' && q[1] == ':')
                mode = ASHI_RUBY_MONO, q += 2;
            else if (q[0] == 'j' && q[1] == ':')
                mode = ASHI_RUBY_JUKUGO, q += 2;
            const char *colon = memchr(q, ':', (size_t)(end - q));
            if (!colon)
                break;
            spans[n] = span(q, c->size);
            spans[n].len = (size_t)(colon - q);
            spans[n].ruby = colon + 1;
            spans[n].ruby_len = (size_t)(end - colon - 1);
            spans[n].ruby_mode = mode;
            spans[n].group = mode == ASHI_RUBY_GROUP ? (unsigned)n + 1 : 0;
            n++;
            p = end + 1;
            continue;
        }
        size_t len = strcspn(p, "|{}[");
        if (len) {
            spans[n] = span(p, c->size);
            spans[n].len = len;
            spans[n].group = p > c->text && p[-1] == '{' ? (unsigned)n + 1 : 0;
            n++;
        }
        p += len;
        if (*p == '[')
            continue;
        if (*p == '|') {
            spans[n] = span("", c->size);
            spans[n++].brk = 1;
        }
        if (*p)
            p++;
    }
    ashi_para para;
    ashi_line *lines;
    size_t nlines;
    if (ashi_shape(&e->fs, spans, n, e->a, &e->d, &para))
        return NULL;
    ashi_space(&para, &c->opts);
    if (ashi_break_lines(&para, c->width, c->indent, c->align, &c->opts, e->a, &e->d, &lines,
                         &nlines))
        return NULL;
    ashi_buf b = {0};
    for (size_t i = 0; i < nlines; i++) {
        const ashi_line *ln = &lines[i];
        if (i)
            ashi_buf_putc(&b, '\n');
        if (ln->c1 > ln->c0) {
            const ashi_cluster *c0 = &para.clusters[ln->c0];
            const ashi_cluster *c1 = &para.clusters[ln->c1 - 1];
            ashi_buf_append(&b, para.text + c0->off, c1->off + c1->len - c0->off);
        }
        if (c->show == 2) {
            ashi_buf_puts(&b, " |");
            for (size_t k = ln->c0; k < ln->c1; k++) {
                ashi_buf_putc(&b, ' ');
                ashi_buf_num(&b, ln->x[k - ln->c0], 2);
            }
        }
        if (c->show == 3) {
            /* each base on the line: where its first glyph and its reading start */
            for (size_t r = 0; r < para.nrubies; r++) {
                const ashi_ruby *ru = &para.rubies[r];
                if (ru->c0 < ln->c0 || ru->c1 > ln->c1)
                    continue;
                const ashi_cluster *bc = &para.clusters[ru->c0];
                ashi_buf_puts(&b, " | ");
                ashi_buf_append(&b, para.text + bc->off,
                                para.clusters[ru->c1 - 1].off + para.clusters[ru->c1 - 1].len -
                                    bc->off);
                ashi_buf_putc(&b, ' ');
                ashi_buf_num(&b, ln->x[ru->c0 - ln->c0] + bc->shift, 2);
                ashi_buf_putc(&b, ' ');
                ashi_buf_append(&b, ru->text.text, ru->text.len);
                ashi_buf_putc(&b, ' ');
                ashi_buf_num(&b, ashi_ruby_x(&para, ru, ln), 2);
            }
        }
        if (c->show >= 1) {
            ashi_buf_puts(&b, " | ");
            ashi_buf_num(&b, ln->width, 2);
        }
        /* Every line fits its measure (hanging punctuation aside). */
        double measure = c->width - (i == 0 ? c->indent : 0);
        CHECK(ln->width <= measure + 0.01 || ln->c1 - ln->c0 == 1);
        /* Justified lines other than the last fill it exactly. */
        int stretchy = 0; /* a line with nothing to spread (a URL) stays short */
        for (size_t k = ln->c0; k + 1 < ln->c1; k++)
            stretchy |= para.clusters[k].gap_kind != ASHI_GAP_NONE;
        if (c->align == ASHI_ALIGN_JUSTIFY && i + 1 < nlines && stretchy &&
            para.clusters[ln->c1 < para.nclusters ? ln->c1 : ln->c1 - 1].cls != ASHI_CL_BREAK) {
            t_checks++;
            if (ln->width < measure - 0.01 || ln->width > measure + 0.01) {
                t_failed++;
                fprintf(stderr, "%s: justified line %zu is %.3f wide, not %.3f\n", c->name,
                        i + 1, ln->width, measure);
            }
        }
    }
    if (!b.data)
        ashi_buf_puts(&b, "");
    return b.data;
}

static void run_case(env *fonts[2], spec_case *c, const char *want, const char *path)
{
    size_t before = fonts[c->fixed]->d.n;
    char *got = set_text(fonts[c->fixed], c);
    if (c->warnings >= 0) {
        t_checks++;
        if (fonts[c->fixed]->d.n - before != (size_t)c->warnings) {
            t_failed++;
            fprintf(stderr, "%s: case '%s': %zu warnings, want %d\n", path, c->name,
                    fonts[c->fixed]->d.n - before, c->warnings);
        }
    }
    t_checks++;
    if (!got || strcmp(got, want) != 0) {
        t_failed++;
        fprintf(stderr, "%s: case '%s':\n--- want\n%s\n--- got\n%s\n", path, c->name, want,
                got ? got : "(null)");
    }
    free(got);
}

static void reset_case(spec_case *c, const char *name)
{
    memset(c, 0, sizeof *c);
    snprintf(c->name, sizeof c->name, "%s", name);
    c->size = 10;
    c->warnings = -1;
    c->align = ASHI_ALIGN_START;
    c->opts = ashi_text_opts_default();
}

static void run_spec(env *fonts[2], const char *path)
{
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    if (!f)
        return;
    char line[4096];
    spec_case c;
    reset_case(&c, "");
    ashi_buf want = {0};
    int in_lines = 0, cases = 0;
    for (;;) {
        char *got_line = fgets(line, sizeof line, f);
        size_t n = got_line ? strlen(line) : 0;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = 0;
        if (!got_line || strncmp(line, "=== ", 4) == 0) {
            if (in_lines) {
                while (want.len && want.data[want.len - 1] == '\n')
                    want.data[--want.len] = 0;
                run_case(fonts, &c, want.data ? want.data : "", path);
                cases++;
            }
            if (!got_line)
                break;
            reset_case(&c, line + 4);
            in_lines = 0;
            want.len = 0;
            if (want.data)
                want.data[0] = 0;
        } else if (in_lines) {
            if (want.len)
                ashi_buf_putc(&want, '\n');
            ashi_buf_puts(&want, line);
        } else if (strncmp(line, "width: ", 7) == 0) {
            c.width = atof(line + 7);
        } else if (strncmp(line, "size: ", 6) == 0) {
            c.size = atof(line + 6);
        } else if (strncmp(line, "indent: ", 8) == 0) {
            c.indent = atof(line + 8);
        } else if (strncmp(line, "text: ", 6) == 0) {
            snprintf(c.text, sizeof c.text, "%s", line + 6);
        } else if (strncmp(line, "warnings: ", 10) == 0) {
            c.warnings = atoi(line + 10);
        } else if (strcmp(line, "font: fixed") == 0) {
            c.fixed = 1;
        } else if (strcmp(line, "align: justify") == 0) {
            c.align = ASHI_ALIGN_JUSTIFY;
        } else if (strcmp(line, "show: width") == 0) {
            c.show = 1;
        } else if (strcmp(line, "show: x") == 0) {
            c.show = 2;
        } else if (strcmp(line, "show: ruby") == 0) {
            c.show = 3;
        } else if (strncmp(line, "opts: ", 6) == 0) {
            if (strstr(line, "noautospace"))
                c.opts.autospace = 0;
            if (strstr(line, "fullstart"))
                c.opts.bracket_start_half = 0;
            if (strstr(line, "hanging"))
                c.opts.hanging = 1;
            if (strstr(line, "kinsoku-normal"))
                c.opts.kinsoku = ASHI_KINSOKU_NORMAL;
            if (strstr(line, "kinsoku-loose"))
                c.opts.kinsoku = ASHI_KINSOKU_LOOSE;
        } else if (strcmp(line, "---") == 0) {
            in_lines = 1;
        }
    }
    fclose(f);
    ashi_buf_free(&want);
    CHECK(cases >= 10);
}

static void test_classes(void)
{
    static const struct {
        uint32_t cp;
        ashi_jclass cls;
    } cases[] = {
        {0x300C, ASHI_CL_OPEN},       {0xFF08, ASHI_CL_OPEN},      {0xFF62, ASHI_CL_OPEN},
        {0x300D, ASHI_CL_CLOSE},      {0xFF09, ASHI_CL_CLOSE},     {0xFF63, ASHI_CL_CLOSE},
        {0x301C, ASHI_CL_HYPHEN},     {0x2010, ASHI_CL_HYPHEN},    {0xFF01, ASHI_CL_DIVIDING},
        {0xFF1F, ASHI_CL_DIVIDING},   {0x203C, ASHI_CL_DIVIDING},  {0x30FB, ASHI_CL_MIDDLE_DOT},
        {0xFF1A, ASHI_CL_MIDDLE_DOT}, {0xFF65, ASHI_CL_MIDDLE_DOT}, {0x3002, ASHI_CL_FULL_STOP},
        {0xFF0E, ASHI_CL_FULL_STOP},  {0xFF61, ASHI_CL_FULL_STOP}, {0x3001, ASHI_CL_COMMA},
        {0xFF0C, ASHI_CL_COMMA},      {0xFF64, ASHI_CL_COMMA},     {0x2026, ASHI_CL_INSEP},
        {0x2014, ASHI_CL_INSEP},      {0x3005, ASHI_CL_ITERATION}, {0x309D, ASHI_CL_ITERATION},
        {0x30FC, ASHI_CL_PROLONGED},  {0xFF70, ASHI_CL_PROLONGED}, {0x3083, ASHI_CL_SMALL_KANA},
        {0x30C3, ASHI_CL_SMALL_KANA}, {0xFF6F, ASHI_CL_SMALL_KANA}, {0xFFE5, ASHI_CL_PREFIX},
        {0xFF04, ASHI_CL_PREFIX},     {'$', ASHI_CL_PREFIX},       {0xFF05, ASHI_CL_POSTFIX},
        {'%', ASHI_CL_POSTFIX},       {0x2103, ASHI_CL_POSTFIX},   {0x2030, ASHI_CL_POSTFIX},
        {0x3000, ASHI_CL_IDEO_SPACE}, {0x3042, ASHI_CL_KANA},      {0x30A2, ASHI_CL_KANA},
        {0xFF71, ASHI_CL_KANA},       {0x65ED, ASHI_CL_IDEO},      {0x203B, ASHI_CL_IDEO},
        {'7', ASHI_CL_DIGIT},         {0xFF17, ASHI_CL_DIGIT},     {'A', ASHI_CL_LATIN},
        {',', ASHI_CL_LATIN},         {0xFF21, ASHI_CL_LATIN},     {' ', ASHI_CL_SPACE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        t_checks++;
        if (ashi_jclass_of(cases[i].cp) != cases[i].cls) {
            t_failed++;
            fprintf(stderr, "class of U+%04X is %d, want %d\n", (unsigned)cases[i].cp,
                    ashi_jclass_of(cases[i].cp), cases[i].cls);
        }
    }
}

static void test_shaping(env *e)
{
    /* Proportional kana and full-width ideographs from the font itself. */
    ashi_span s = span("旭川あ", 10);
    ashi_para p;
    CHECK(ashi_shape(&e->fs, &s, 1, e->a, &e->d, &p) == 0);
    CHECK_INT(p.nclusters, 3);
    CHECK(p.clusters[0].width > 9.99 && p.clusters[0].width < 10.01);
    CHECK(p.clusters[2].width > 7 && p.clusters[2].width < 10);
    CHECK_INT(p.clusters[1].off, 3);
    CHECK_INT(p.clusters[1].len, 3);
    CHECK(p.glyphs[0].gid != 0);
    CHECK(p.clusters[0].face == e->fs.families[0].regular);

    /* Bold comes from the bold face. */
    s.bold = 1;
    CHECK(ashi_shape(&e->fs, &s, 1, e->a, &e->d, &p) == 0);
    CHECK(p.clusters[0].face == e->fs.families[0].bold);
    CHECK(p.clusters[0].face != e->fs.families[0].regular);

    /* A character no font has: a warning naming it and its line. */
    size_t before = e->d.n;
    s = span("𠮷野家", 10);
    CHECK(ashi_shape(&e->fs, &s, 1, e->a, &e->d, &p) == 0);
    CHECK_INT(e->d.n, before + 1);
    if (e->d.n > before) {
        CHECK_STR(e->d.v[before].message, "character U+20BB7 '𠮷' is in none of the theme's "
                                          "fonts; it is drawn as an empty box");
        CHECK_INT(e->d.v[before].line, 7);
        CHECK(e->d.v[before].severity == ASHI_WARNING);
    }
    CHECK_INT(p.glyphs[0].gid, 0);
    CHECK(p.glyphs[1].gid != 0);

    /* Once per span and character, however often it comes: 2,000 of 𠮷
     * and one 😀 in one span, 𠮷 again in the next. */
    ashi_buf b = {0};
    for (int i = 0; i < 2000; i++)
        ashi_buf_puts(&b, "𠮷野");
    ashi_buf_puts(&b, "😀");
    ashi_span two[2] = {span(b.data, 10), span("𠮷", 10)};
    two[1].loc.line = 8;
    before = e->d.n;
    CHECK(ashi_shape(&e->fs, two, 2, e->a, &e->d, &p) == 0);
    CHECK_INT(e->d.n, before + 3);
    if (e->d.n == before + 3) {
        CHECK(strstr(e->d.v[before].message, "U+20BB7") != NULL);
        CHECK(strstr(e->d.v[before + 1].message, "U+1F600") != NULL);
        CHECK_INT(e->d.v[before + 2].line, 8);
    }
    CHECK_INT(p.nclusters, 4002);
    ashi_buf_free(&b);
}

/* ---- line breaking stays linear ----------------------------------------------
 * Work (clusters looked at, ashi_text_opts.work) for a hostile paragraph of
 * n and of 4n repeats: about four times as much, never sixteen, whatever
 * the paragraph holds. */
typedef struct hostile {
    const char *name, *pre, *rep, *post; /* '|' in rep: a forced break */
    int group; /* one <nobr> (1) or one ruby base (2) */
} hostile;

static size_t break_work(env *e, const hostile *h, size_t n, double width, size_t *nlines,
                         size_t *warnings)
{
    size_t pl = strlen(h->pre), rl = strlen(h->rep), ql = strlen(h->post);
    char *text = malloc(pl + n * rl + ql + 1);
    if (!text)
        return 0;
    memcpy(text, h->pre, pl);
    for (size_t i = 0; i < n; i++)
        memcpy(text + pl + i * rl, h->rep, rl);
    memcpy(text + pl + n * rl, h->post, ql + 1);
    /* '|' is a forced break (a span of its own) */
    size_t nspans = 1;
    for (const char *c = text; *c; c++)
        nspans += 2 * (*c == '|');
    ashi_span *spans = malloc(nspans * sizeof *spans);
    size_t k = 0;
    for (const char *c = text; spans;) {
        size_t len = strcspn(c, "|");
        spans[k] = span(c, 10);
        spans[k].len = len;
        spans[k].group = h->group ? 1 : 0;
        if (h->group == 2) {
            spans[k].ruby = "かんじ";
            spans[k].ruby_len = strlen(spans[k].ruby);
        }
        k++;
        if (!c[len])
            break;
        spans[k] = span("", 10);
        spans[k++].brk = 1;
        c += len + 1;
    }
    size_t work = 0, before = e->d.n;
    ashi_text_opts o = ashi_text_opts_default();
    o.work = &work;
    ashi_para p;
    ashi_line *lines = NULL;
    *nlines = 0;
    if (spans && ashi_shape(&e->fs, spans, k, e->a, &e->d, &p) == 0) {
        ashi_space(&p, &o);
        double min, max;
        if (ashi_para_extent(&p, &o, ashi_arena_mem(e->a), &min, &max) ||
            ashi_break_lines(&p, width, 0, ASHI_ALIGN_JUSTIFY, &o, e->a, &e->d, &lines, nlines))
            work = 0;
    }
    *warnings = e->d.n - before;
    free(spans);
    free(text);
    return work;
}

static void test_linear_work(env *e)
{
    static const hostile shapes[] = {
        {"one Latin word", "", "a", "", 0},
        {"one number", "", "7", "", 0},
        {"kana and kanji", "", "あ漢", "", 0},
        {"one nobr", "", "あ漢", "", 1},
        {"one ruby base", "", "漢", "", 2},
        {"closing brackets", "漢", "」", "", 0},
        {"commas", "漢", "、", "", 0},
        {"opening brackets", "", "「", "漢", 0},
        {"leaders", "", "…", "", 0},
        {"a URL", "https://", "www.example.com/path/to/page_1.html?q=a&r=5#f-", "", 0},
        {"Latin and Japanese", "", "ab漢", "", 0},
        {"a number and its units", "", "5万", "", 0},
        {"era dates", "", "令和5年度", "", 0},
        {"a run of spaces", "a", " ", "b", 0},
        {"words", "", "abc ", "", 0},
        {"one nobr of words", "", "abc ", "", 1},
        {"forced breaks", "", "ab|", "", 0},
    };
    const size_t n = 1500;
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
        size_t l1, l4, w1, w4;
        size_t small = break_work(e, &shapes[i], n, 40, &l1, &w1);
        size_t big = break_work(e, &shapes[i], 4 * n, 40, &l4, &w4);
        t_checks++;
        if (small == 0 || big > 5 * small) {
            t_failed++;
            fprintf(stderr, "%s: %zu clusters looked at for %zu repeats, %zu for %zu\n",
                    shapes[i].name, small, n, big, 4 * n);
        }
    }
}

/* A word far wider than the line: cut every six letters (5 pt each at
 * 10 pt, in a 32 pt line), with one warning. */
static void test_long_word(env *fixed)
{
    const hostile h = {"one Latin word", "", "a", "", 0};
    size_t nlines, warnings;
    CHECK(break_work(fixed, &h, 6000, 32, &nlines, &warnings) > 0);
    CHECK_INT(nlines, 1000);
    CHECK_INT(warnings, 1);
    ashi_span s = span("abcdefghijklmnopqrstuvwxyz0123456789", 10);
    ashi_para p;
    ashi_line *lines;
    size_t nl;
    ashi_text_opts o = ashi_text_opts_default();
    CHECK(ashi_shape(&fixed->fs, &s, 1, fixed->a, &fixed->d, &p) == 0);
    ashi_space(&p, &o);
    CHECK(ashi_break_lines(&p, 32, 0, ASHI_ALIGN_START, &o, fixed->a, NULL, &lines, &nl) == 0);
    CHECK_INT(nl, 6);
    for (size_t i = 0; i < nl && i < 6; i++) {
        CHECK_INT(lines[i].c0, 6 * i);
        CHECK_INT(lines[i].c1, 6 * i + 6);
    }
}

int main(void)
{
    env e, fixed;
    test_classes();
    CHECK(env_open(&e, NULL) == 0);
    CHECK(env_open(&fixed, FIXED_FONT) == 0);
    test_shaping(&e);
    env *fonts[2] = {&e, &fixed};
    run_spec(fonts, ASHI_TEST_DIR "/text/linebreak.spec");
    run_spec(fonts, ASHI_TEST_DIR "/text/spacing.spec");
    run_spec(fonts, ASHI_TEST_DIR "/text/ruby.spec");
    test_linear_work(&e);
    test_long_word(&fixed);
    env_close(&e);
    env_close(&fixed);
    return t_done();
}
