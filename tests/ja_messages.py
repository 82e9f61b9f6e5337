#!/usr/bin/env python3
# ja_messages.py SRC — the Japanese diagnostics (lib/base/ja.c) stay true to
# the English: each entry's English format is one the sources give a
# diagnostic, and its Japanese format takes the same arguments (the same
# conversions for the same positions, %n$ or in order), so that formatting
# it with the English call's arguments is safe. Prints how many of the
# sources' formats have Japanese. SPDX-License-Identifier: MIT
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import diag_sources  # noqa: E402

src = sys.argv[1]
lit = diag_sources.LITERAL
conv = re.compile(r'%(?:(\d+)\$)?[-+ #0]*(\*|\d+)?(?:\.(\*|\d+))?(hh|h|ll|l|z|j|t|L)?([diouxXeEfFgGcsp%])')

def args(fmt):
    """The argument types a format takes, in argument order."""
    seq, pos = [], {}
    for m in conv.finditer(fmt):
        n, width, prec, length, c = m.groups()
        if c == '%':
            continue
        kind = {'d': 'int', 'i': 'int', 'u': 'int', 'o': 'int', 'x': 'int', 'X': 'int',
                'c': 'int', 'e': 'double', 'E': 'double', 'f': 'double', 'F': 'double',
                'g': 'double', 'G': 'double', 's': 'str', 'p': 'ptr'}[c]
        kind = (length or '') + kind
        if n:
            if width == '*' or prec == '*':
                raise ValueError('a positional conversion with *: ' + fmt)
            pos[int(n)] = kind
        else:
            if width == '*':
                seq.append('int')
            if prec == '*':
                seq.append('int')
            seq.append(kind)
    if pos and seq:
        raise ValueError('positional and plain conversions mixed: ' + fmt)
    return [pos[k] for k in sorted(pos)] if pos else seq

# the formats the sources give diagnostics, as written (escapes kept)
formats = diag_sources.formats(src)

table = open(src + '/lib/base/ja.c', encoding='utf-8').read()
body = table[table.index('formats[] = {'):table.index('};', table.index('formats[] = {'))]
entries = []
for e in re.finditer(r'\{((?:\s*"(?:[^"\\]|\\.)*")+)\s*,((?:\s*"(?:[^"\\]|\\.)*")+)\s*\}', body):
    en = ''.join(lit.findall(e.group(1)))
    ja = ''.join(lit.findall(e.group(2)))
    entries.append((en, ja))
fail = 0
for en, ja in entries:
    if en not in formats:
        print(f'FAIL: ja.c translates a format no source gives: "{en}"')
        fail = 1
        continue
    try:
        a, b = args(en), args(ja)
    except ValueError as err:
        print(f'FAIL: {err}')
        fail = 1
        continue
    if a != b:
        print(f'FAIL: "{ja}" takes {b}, the English "{en}" {a}')
        fail = 1
if len(entries) < 40:
    print(f'FAIL: only {len(entries)} entries read from ja.c')
    fail = 1
if not fail:
    print(f'ok: {len(entries)} of {len(formats)} diagnostic formats in Japanese, each taking '
          'the English arguments')
sys.exit(fail)
