/* api_debug.h — hooks for the library's own tests, not part of the public
 * API. SPDX-License-Identifier: MIT */
#ifndef ASHI_API_DEBUG_H
#define ASHI_API_DEBUG_H

#include "base/base.h"

/* Decks loaded with these options allocate through probe: it counts their
 * allocations and the time and allocations of each phase (the benchmark
 * reads them) and, in builds where ashi_alloc_can_fail(), fails the
 * probe->fail_at-th allocation. The probe belongs to the caller and must
 * outlive the decks; one thread at a time. */
ashi_status ashi_options_set_alloc_probe(ashi_options *opt, ashi_mem *probe);
/* Is fault injection compiled in (ASHI_FAULT_INJECTION, debug builds)? */
int ashi_alloc_can_fail(void);
/* How many font files a cache holds. */
int ashi__font_cache_faces(ashi_font_cache *cache);

#endif
