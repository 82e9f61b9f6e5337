#!/usr/bin/env python3
# ja_codes.py CLI SRC WORK — every diagnostic code has both texts: for each
# code the public header lists, decks that give it (tests/errors/*.xml,
# and tests/lang/CODE.xml for the codes no error deck gives, run with
# tests/lang/CODE.args when there is one) are run with --lang en and
# --lang ja (JSON diagnostics), and each diagnostic of the code must come
# in both at the same place, the Japanese differing from the English, in
# Japanese, and with no English sentence left in it (three English words in
# a row outside quotes, names and brackets); its hint likewise. A code no
# deck can give is listed below with the reason.
# SPDX-License-Identifier: MIT
import glob
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib

cli, src, work = (os.path.abspath(a) for a in sys.argv[1:4])
STATIC_ONLY = {
    # an entity reference node needs a DTD that declares it, and a DOCTYPE
    # stops the parse first (an undefined one is xml-syntax, tested)
    'entity': 'an entity reference, which only a refused DOCTYPE could declare',
    # libharu failing inside a save: only memory exhaustion brings it, and
    # test_faults fails each allocation; its format is checked by ja_messages.py
    'pdf': 'libharu failing while it writes',
}

header = open(src + '/include/ashireport.h', encoding='utf-8').read()
block = header[header.index('code is one of these stable identifiers'):header.index('typedef struct ashi_diag')]
codes = set(re.findall(r'([a-z][a-z0-9-]*)(?=,|[ \t]*\n|[ \t]*\*/)', block.split(':', 1)[1]))

# the work folder: tests/lang's decks and the files they read (made here)
shutil.rmtree(work, ignore_errors=True)
shutil.copytree(src + '/tests/lang', work)
shutil.copy(src + '/tests/decks/images/cmyk.jpg', work)
chunk = lambda t, d: struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
ihdr = chunk(b'IHDR', struct.pack('>IIBBBBB', 64, 1, 8, 0, 0, 0, 0))
idat = chunk(b'IDAT', zlib.compress(b'\0' + b'\x80' * 64, 9))
os.symlink('/etc/hostname', f'{work}/link.ttf')  # leads out of the folder: font-path
for name, extra in (('pixel.png', b''),
                    ('bad-icc.png', chunk(b'iCCP', b'grey\0\0' + zlib.compress(b'not a profile' * 20)))):
    with open(f'{work}/{name}', 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + ihdr + extra + idat + chunk(b'IEND', b''))


fail = 0
def problem(msg):
    global fail
    print('FAIL: ' + msg)
    fail = 1


def run(args, lang, cwd):
    r = subprocess.run([cli] + args + ['--diagnostic-format', 'json', '--lang', lang],
                       capture_output=True, cwd=cwd,
                       env=dict(os.environ, LANGUAGE='', LC_ALL='C.UTF-8'))
    try:
        err = r.stderr.decode('utf-8')
    except UnicodeDecodeError as e:
        # a quote cut inside a character: never what a message may print
        problem(f'{" ".join(args)} --lang {lang}: the diagnostics are not UTF-8 ({e})')
        err = r.stderr.decode('utf-8', 'replace')
    return [json.loads(line) for line in err.splitlines() if line.startswith('{')]


runs = [(['check', f], os.path.dirname(f)) for f in sorted(glob.glob(src + '/tests/errors/*.xml'))]
# the print checks and the layout's warnings, on the test decks
runs += [(['check', '--print', f], os.path.dirname(f))
         for f in sorted(glob.glob(src + '/tests/decks/*.xml') + glob.glob(src + '/tests/preflight/*.xml')
                         + glob.glob(src + '/tests/golden/*.xml'))]
for f in sorted(glob.glob(work + '/*.xml')):
    extra = os.path.splitext(f)[0] + '.args'
    args = open(extra).read().split() if os.path.exists(extra) else ['check']
    args = [a.replace('{out}', os.path.splitext(f)[0] + '.pdf') for a in args]
    runs.append(([args[0], f] + args[1:], work))

JA = re.compile(r'[\u3040-\u30ff\u4e00-\u9fff]')
# what may stay as it is: quoted text, names in brackets, what a library said in parentheses
KEEP = re.compile(r"urn:[\w:.-]+|'[^']*'|「[^」]*」|\"[^\"]*\"|<[^>]*>|\([^()]*\)|（[^（）]*）|`[^`]*`")
ENGLISH = re.compile(r'\b[A-Za-z]+[ ,;:]+[a-z]+[ ,;:]+[a-z]{2,}\b')


def english_left(text):
    return ENGLISH.search(KEEP.sub(' ', text))


seen = {}
for args, cwd in runs:
    en, ja = run(args, 'en', cwd), run(args, 'ja', cwd)
    deck = os.path.relpath(args[1], src)
    if len(en) != len(ja):
        problem(f'{deck}: {len(en)} diagnostics in English, {len(ja)} in Japanese')
        continue
    for e, j in zip(en, ja):
        where = (e['file'], e['line'], e['col'], e['code'])
        if where != (j['file'], j['line'], j['col'], j['code']):
            problem(f'{deck}: {where} in English, {(j["file"], j["line"], j["col"], j["code"])} in Japanese')
            continue
        seen.setdefault(e['code'], []).append(deck)
        m = english_left(j['message'])
        if j['message'] == e['message'] or not JA.search(j['message']) or m:
            problem(f'{deck}:{e["line"]}:{e["col"]} {e["code"]}: not in Japanese'
                    + (f' ("{m.group(0)}" left)' if m else '') + f': {j["message"]}')
        if e['hint'] and (not j['hint'] or j['hint'] == e['hint'] or not JA.search(j['hint'])):
            problem(f'{deck}: the hint of {e["code"]} is not in Japanese: {j["hint"]}')
for code in sorted(codes - set(seen) - set(STATIC_ONLY)):
    problem(f'no deck gives the code {code}: add tests/lang/{code}.xml')
for code in sorted(set(STATIC_ONLY) & set(seen)):
    problem(f'{code} is listed as given by no deck, but {seen[code][0]} gives it')
if not fail:
    n = sum(len(v) for v in seen.values())
    print(f'ok: {len(seen)} of {len(codes)} codes given by decks ({n} diagnostics), each in English '
          f'and Japanese; {", ".join(sorted(STATIC_ONLY))} checked by its format only')
sys.exit(fail)
