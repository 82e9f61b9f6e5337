#!/usr/bin/env python3
# api_docs.py SRC SHARED — the API reference covers the library: every
# function the shared library exports (but the tests' ashi__ probes) has a
# row in docs/api.en.md and docs/api.ja.md whose signature is the header's
# declaration and whose version is the header's "Since"; no row names a
# function the library does not export. SPDX-License-Identifier: MIT
import re
import subprocess
import sys

src, shared = sys.argv[1], sys.argv[2]
nm = subprocess.run(['nm', '-D', '--defined-only', shared], capture_output=True, text=True,
                    check=True).stdout
exported = {l.split()[-1] for l in nm.splitlines() if l.split() and l.split()[-1].startswith('ashi_')
            and not l.split()[-1].startswith('ashi__')}

header = open(src + '/include/ashireport.h', encoding='utf-8').read()
declared = {}
for m in re.finditer(r'/\*\*((?:(?!\*/).)*)\*/\s*ASHI_EXPORT\s+([^;]*?)\s*;', header, re.S):
    doc, decl = m.group(1), ' '.join(m.group(2).split())
    decl = decl.replace('( ', '(').replace(' )', ')')
    name = re.search(r'(\w+)\s*\(', decl).group(1)
    since = re.findall(r'Since (\d+\.\d+)', doc)
    declared[name] = (decl, since[0] if since else None)

fail = 0
def problem(msg):
    global fail
    print('FAIL: ' + msg)
    fail = 1

for name in sorted(exported - set(declared)):
    problem(f'{name} is exported but not declared with a doc comment in the header')
for name in sorted(exported & set(declared)):
    if not declared[name][1]:
        problem(f'{name}: the header does not say since which version')
for lang in ('en', 'ja'):
    path = f'{src}/docs/api.{lang}.md'
    rows = {}
    for m in re.finditer(r'^\| `([^`]+)` \| ([0-9.]+) \|', open(path, encoding='utf-8').read(), re.M):
        sig = ' '.join(m.group(1).split())
        name = re.search(r'(\w+)\s*\(', sig).group(1)
        rows[name] = (sig, m.group(2))
    for name in sorted(exported):
        if name not in rows:
            problem(f'{path}: {name} is not documented')
            continue
        sig, since = rows[name]
        want, want_since = declared.get(name, (None, None))
        if want and sig != want:
            problem(f'{path}: {name}: "{sig}" is not the header\'s "{want}"')
        if want_since and since != want_since:
            problem(f'{path}: {name}: since {since}, the header says {want_since}')
    for name in sorted(set(rows) - exported):
        problem(f'{path}: {name} is documented but not exported')
if len(exported) < 30:
    problem(f'only {len(exported)} exported functions found')
if not fail:
    print(f'ok: {len(exported)} exported functions, each documented in both references')
sys.exit(fail)
