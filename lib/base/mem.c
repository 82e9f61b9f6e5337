/* mem.c — the one way the library allocates from the heap, so that a test
 * can make any single allocation fail (ASHI_FAULT_INJECTION, debug builds)
 * and check that every error path reports it and frees what it holds.
 * SPDX-License-Identifier: MIT */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base.h"

/* Counts an allocation; 1 when this is the one to fail. */
static int fails(ashi_mem *m)
{
    if (!m)
        return 0;
    m->count++;
#ifdef ASHI_FAULT_INJECTION
    return m->count == m->fail_at;
#else
    return 0;
#endif
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

ashi_phase_mark ashi_phase_begin(const ashi_mem *m)
{
    ashi_phase_mark k = {0, 0};
    if (m) {
        k.t = now_ms();
        k.count = m->count;
    }
    return k;
}

void ashi_phase_end(ashi_mem *m, ashi_phase phase, ashi_phase_mark mark)
{
    if (!m)
        return;
    m->ms[phase] += now_ms() - mark.t;
    m->allocs[phase] += m->count - mark.count;
}

void *ashi_malloc(ashi_mem *m, size_t size) { return fails(m) ? NULL : malloc(size ? size : 1); }

void *ashi_calloc(ashi_mem *m, size_t n, size_t size)
{
    return fails(m) ? NULL : calloc(n ? n : 1, size ? size : 1);
}

void *ashi_realloc(ashi_mem *m, void *p, size_t size)
{
    return fails(m) ? NULL : realloc(p, size ? size : 1);
}

char *ashi_strdup(ashi_mem *m, const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = ashi_malloc(m, n);
    if (p)
        memcpy(p, s, n);
    return p;
}
