/* api_debug.h — hooks for the library's own tests, not part of the public
 * API. SPDX-License-Identifier: MIT */
#ifndef ASHI_API_DEBUG_H
#define ASHI_API_DEBUG_H

#include "base/base.h"

/* Decks loaded with these options allocate through probe (counting their
 * allocations, failing the probe->fail_at-th). Only in builds with
 * ASHI_FAULT_INJECTION (debug builds); elsewhere ASHI_E_ARGUMENT. The probe
 * belongs to the caller and must outlive the decks; one thread at a time. */
ashi_status ashi_options_set_alloc_probe(ashi_options *opt, ashi_mem *probe);

#endif
