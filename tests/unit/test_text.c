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

static int env_open(env *e)
{
    memset(e, 0, sizeof *e);
    e->a = ashi_arena_new();
    e->d.arena = e->a;
    e->d.file = "test";
    ashi_doc doc = {0};
    const char *dirs[] = {ASHI_TEST_FONTDIR};
    if (ashi_style_resolve(&doc, dirs, 1, e->a, &e->d, &e->theme) || e->d.errors)
        return -1;
    return ashi_fontset_open(&e->fs, &e->theme, e->a, &e->d);
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

/* Breaks text at width and returns the lines joined with '\n'. A '|' in
 * the text stands for <br/>. */
static char *break_text(env *e, const char *text, double width)
{
    ashi_span spans[64];
    size_t n = 0;
    const char *p = text;
    while (*p && n < 62) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        if (len) {
            spans[n] = span(p, 10);
            spans[n++].len = len;
        }
        if (!bar)
            break;
        spans[n] = span("", 10);
        spans[n++].brk = 1;
        p = bar + 1;
    }
    ashi_para para;
    ashi_line *lines;
    size_t nlines;
    if (ashi_shape(&e->fs, spans, n, e->a, &e->d, &para) ||
        ashi_break_lines(&para, width, e->a, &lines, &nlines))
        return NULL;
    ashi_buf b = {0};
    for (size_t i = 0; i < nlines; i++) {
        if (i)
            ashi_buf_putc(&b, '\n');
        if (lines[i].c1 > lines[i].c0) {
            const ashi_cluster *c0 = &para.clusters[lines[i].c0];
            const ashi_cluster *c1 = &para.clusters[lines[i].c1 - 1];
            ashi_buf_append(&b, para.text + c0->off, c1->off + c1->len - c0->off);
        }
        /* Every line but an emergency one fits. */
        CHECK(lines[i].width <= width + 1e-6 || lines[i].c1 - lines[i].c0 == 1);
    }
    if (!b.data)
        ashi_buf_puts(&b, "");
    return b.data;
}

static void run_spec(env *e, const char *path)
{
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    if (!f)
        return;
    char line[4096], name[4096] = "", text[4096] = "";
    double width = 0;
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
                char *got = break_text(e, text, width);
                cases++;
                t_checks++;
                if (!got || strcmp(got, want.data ? want.data : "") != 0) {
                    t_failed++;
                    fprintf(stderr, "%s: case '%s' at width %g:\n--- want\n%s\n--- got\n%s\n",
                            path, name, width, want.data ? want.data : "", got ? got : "(null)");
                }
                free(got);
            }
            if (!got_line)
                break;
            snprintf(name, sizeof name, "%s", line + 4);
            in_lines = 0;
            want.len = 0;
            if (want.data)
                want.data[0] = 0;
        } else if (!in_lines && strncmp(line, "width: ", 7) == 0) {
            width = atof(line + 7);
        } else if (!in_lines && strncmp(line, "text: ", 6) == 0) {
            snprintf(text, sizeof text, "%s", line + 6);
        } else if (!in_lines && strcmp(line, "---") == 0) {
            in_lines = 1;
        } else if (in_lines) {
            if (want.len)
                ashi_buf_putc(&want, '\n');
            ashi_buf_puts(&want, line);
        }
    }
    fclose(f);
    ashi_buf_free(&want);
    CHECK(cases >= 10);
}

static void test_classes(void)
{
    CHECK(ashi_jclass_of(0x3002) == ASHI_CL_NOSTART); /* 。 */
    CHECK(ashi_jclass_of(0x3001) == ASHI_CL_NOSTART); /* 、 */
    CHECK(ashi_jclass_of(0x300D) == ASHI_CL_CLOSE);   /* 」 */
    CHECK(ashi_jclass_of(0xFF09) == ASHI_CL_CLOSE);   /* ） */
    CHECK(ashi_jclass_of(0x300C) == ASHI_CL_OPEN);    /* 「 */
    CHECK(ashi_jclass_of(0x3083) == ASHI_CL_NOSTART); /* ゃ */
    CHECK(ashi_jclass_of(0x30FC) == ASHI_CL_NOSTART); /* ー */
    CHECK(ashi_jclass_of(0x3005) == ASHI_CL_NOSTART); /* 々 */
    CHECK(ashi_jclass_of('7') == ASHI_CL_ALNUM);
    CHECK(ashi_jclass_of(',') == ASHI_CL_ALNUM);
    CHECK(ashi_jclass_of(0x65ED) == ASHI_CL_IDEO); /* 旭 */
    CHECK(ashi_jclass_of(0x2026) == ASHI_CL_INSEP); /* … */
    CHECK(ashi_jclass_of(0xFF05) == ASHI_CL_POSTFIX); /* ％ */
    CHECK(ashi_jclass_of(0xFFE5) == ASHI_CL_PREFIX); /* ￥ */
    CHECK(!ashi_can_break(ASHI_CL_IDEO, ASHI_CL_CLOSE));
    CHECK(!ashi_can_break(ASHI_CL_OPEN, ASHI_CL_IDEO));
    CHECK(!ashi_can_break(ASHI_CL_ALNUM, ASHI_CL_ALNUM));
    CHECK(ashi_can_break(ASHI_CL_IDEO, ASHI_CL_IDEO));
    CHECK(ashi_can_break(ASHI_CL_SPACE, ASHI_CL_ALNUM));
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
}

int main(void)
{
    env e;
    test_classes();
    CHECK(env_open(&e) == 0);
    test_shaping(&e);
    run_spec(&e, ASHI_TEST_DIR "/text/linebreak.spec");
    env_close(&e);
    return t_done();
}
