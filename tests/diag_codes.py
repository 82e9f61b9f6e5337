#!/usr/bin/env python3
# diag_codes.py SRC — the diagnostic codes are one list: every code the
# library's sources give a diagnostic (ashi_diag_add*, error_at and the
# like) is listed in the public header's comment on ashi_diag, and the
# header's list is exactly the tables "Diagnostic codes" of
# docs/reference.en.md and "報告のコード" of docs/reference.ja.md.
# SPDX-License-Identifier: MIT
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import diag_sources  # noqa: E402

src = sys.argv[1]
used = diag_sources.codes(src)

header = open(src + '/include/ashireport.h', encoding='utf-8').read()
block = header[header.index('code is one of these stable identifiers'):header.index('typedef struct ashi_diag')]
# the words of the list: each followed by a comma or by the end of a line
listed = set(re.findall(r'([a-z][a-z0-9-]*)(?=,|[ \t]*\n|[ \t]*\*/)', block.split(':', 1)[1]))

def doc_table(path, heading):
    text = open(path, encoding='utf-8').read()
    part = text[text.index(heading):]
    return set(re.findall(r'^\| `([a-z0-9-]+)` \|', part, re.M))

en = doc_table(src + '/docs/reference.en.md', '### Diagnostic codes')
ja = doc_table(src + '/docs/reference.ja.md', '### 報告のコード')
fail = 0
for name, s in (('the header', listed), ('reference.en.md', en), ('reference.ja.md', ja)):
    missing = sorted(used - s)
    if missing:
        print(f'FAIL: codes the library gives that {name} does not list: {missing}')
        fail = 1
for name, s in (('reference.en.md', en), ('reference.ja.md', ja)):
    if s != listed:
        print(f'FAIL: {name} and the header differ: {sorted(s ^ listed)}')
        fail = 1
stale = sorted(listed - used)
if stale:
    print(f'FAIL: codes listed that no source gives: {stale}')
    fail = 1
if len(used) < 40:
    print(f'FAIL: only {len(used)} codes found in the sources')
    fail = 1
if not fail:
    print(f'ok: {len(used)} codes, listed alike in the header and both references')
sys.exit(fail)
