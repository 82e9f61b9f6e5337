/* harness.h — the tiny test harness every unit test shares.
 * SPDX-License-Identifier: MIT */
#ifndef ASHI_TEST_HARNESS_H
#define ASHI_TEST_HARNESS_H

#include <stdio.h>
#include <string.h>

static int t_checks, t_failed;

#define CHECK(cond)                                                                    \
    do {                                                                               \
        t_checks++;                                                                    \
        if (!(cond)) {                                                                 \
            t_failed++;                                                                \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);   \
        }                                                                              \
    } while (0)

#define CHECK_STR(got, want)                                                           \
    do {                                                                               \
        const char *g_ = (got), *w_ = (want);                                          \
        t_checks++;                                                                    \
        if (!g_ || strcmp(g_, w_) != 0) {                                              \
            t_failed++;                                                                \
            fprintf(stderr, "%s:%d: %s\n  got:  %s\n  want: %s\n", __FILE__, __LINE__,  \
                    #got, g_ ? g_ : "(null)", w_);                                     \
        }                                                                              \
    } while (0)

#define CHECK_INT(got, want)                                                           \
    do {                                                                               \
        long long g_ = (long long)(got), w_ = (long long)(want);                       \
        t_checks++;                                                                    \
        if (g_ != w_) {                                                                \
            t_failed++;                                                                \
            fprintf(stderr, "%s:%d: %s is %lld, want %lld\n", __FILE__, __LINE__, #got, \
                    g_, w_);                                                           \
        }                                                                              \
    } while (0)

static int t_done(void)
{
    printf("%d passed, %d failed\n", t_checks - t_failed, t_failed);
    return t_failed ? 1 : 0;
}

#endif
