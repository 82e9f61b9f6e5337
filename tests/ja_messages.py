#!/usr/bin/env python3
# ja_messages.py SRC — every message is in Japanese too, and the Japanese
# stays true to the English: (1) every format the library's sources give a
# diagnostic has its Japanese in lib/base/ja.c, taking the same arguments
# (the same conversions in order, or each %n$ of the n-th argument's type,
# every argument printed), so that ashi_ja_vformat can print it with the
# English call's arguments; (2) every English phrase the sources write for
# a message to print (why a file cannot be used, the values allowed, ...)
# has its Japanese, found the way ja.c finds it; (3) every message of the
# command line (cli_t in cli/*.c) has its Japanese in cli/text.c, for
# printf. SPDX-License-Identifier: MIT
import glob
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import diag_sources  # noqa: E402

src = sys.argv[1]
lit = diag_sources.LITERAL
conv = re.compile(r'%(?:(\d+)\$)?([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?(hh|h|ll|l|z|j|t|L)?([diouxXeEfFgGcsp%])')

def convs(fmt):
    """A format's conversions: (position or None, kind, has '#', star width
    or precision) each, in order."""
    out = []
    for m in conv.finditer(fmt):
        n, flags, width, prec, length, c = m.groups()
        if c == '%':
            continue
        kind = {'d': 'int', 'i': 'int', 'u': 'int', 'o': 'int', 'x': 'int', 'X': 'int',
                'c': 'int', 'e': 'double', 'E': 'double', 'f': 'double', 'F': 'double',
                'g': 'double', 'G': 'double', 's': 'str', 'p': 'ptr'}[c]
        kind = (length or '') + kind
        if '#' in flags and c != 's':
            raise ValueError('%# on a conversion that is not %s: ' + fmt)
        out.append((int(n) if n else None, kind, '#' in flags, width == '*', prec == '*'))
    return out


def args(fmt):
    """The argument types an English format takes, in order (a star's int
    before its conversion); the English formats have no positions."""
    seq = []
    for n, kind, _, wstar, pstar in convs(fmt):
        if n is not None:
            raise ValueError('an English format with a position: ' + fmt)
        seq += ['int'] * wstar + ['int'] * pstar + [kind]
    return seq


def check_japanese(en, ja):
    """None when ja can print en's arguments (ashi_ja_vformat): in order, the
    same types; or by position, each %n$ of the type of the English n-th
    argument, every argument used but the count of a %.*s, no stars."""
    a, cs = args(en), convs(ja)
    if all(n is None for n, *_ in cs):
        b = []
        for n, kind, _, wstar, pstar in cs:
            b += ['int'] * wstar + ['int'] * pstar + [kind]
        return None if a == b else f'takes {b}, the English {a}'
    if any(n is None for n, *_ in cs):
        return 'positional and plain conversions mixed'
    used = set()
    for n, kind, _, wstar, pstar in cs:
        if wstar or pstar:
            return 'a positional conversion with *'
        if n > len(a) or a[n - 1] != kind:
            return f'%{n}$ is {kind}, the English argument {n} is {a[n - 1] if n <= len(a) else "missing"}'
        used.add(n)
    missing = [i for i in range(1, len(a) + 1) if i not in used and not star_count(en, i)]
    return f'arguments {missing} are not printed (use %N$.0s)' if missing else None


def star_count(en, i):
    """Whether argument i of en is the count a star takes."""
    k = 0
    for n, kind, _, wstar, pstar in convs(en):
        for _ in range(wstar + pstar):
            k += 1
            if k == i:
                return True
        k += 1
    return False


# the formats the sources give diagnostics, as written (escapes kept)
formats = diag_sources.formats(src)

table = diag_sources.source(src + '/lib/base/ja.c')
ENTRY = re.compile(r'\{((?:\s*"(?:[^"\\]|\\.)*")+)\s*,((?:\s*"(?:[^"\\]|\\.)*")+)\s*\}')


def entries_of(name):
    start = table.index(name + '[] = {')
    body = table[start:table.index('\n};', start)]
    return [(''.join(lit.findall(e.group(1))), ''.join(lit.findall(e.group(2))))
            for e in ENTRY.finditer(body)]


fail = 0
def problem(msg):
    global fail
    print('FAIL: ' + msg)
    fail = 1


# 1. every diagnostic format has its Japanese, which takes its arguments
entries = entries_of('formats')
def check_table(pairs, given, where):
    """Each (English, Japanese) of a table: its English one the sources
    give, its Japanese taking the English arguments; and every one they
    give in the table."""
    for en, ja in pairs:
        if en not in given:
            problem(f'{where} translates "{en}", which the sources do not give')
            continue
        try:
            why = check_japanese(en, ja)
        except ValueError as err:
            why = str(err)
        if why:
            problem(f'{where}: "{ja}" for "{en}": {why}')
    for en in sorted(given - {en for en, _ in pairs}):
        problem(f'{where} has no Japanese for "{en}"')


check_table(entries, formats, 'lib/base/ja.c')

# 2. every phrase the sources write for a message (why a file cannot be
# used, the values allowed, ...) has its Japanese; each %n$s names one of
# the English conversions
phrases = entries_of('phrases')
known = {en for en, _ in phrases}
for en, ja in phrases:
    n = len([c for c in convs(en)])
    for m in re.finditer(r'%(\d+)\$#?s', ja):
        if not 1 <= int(m.group(1)) <= n:
            problem(f'phrase "{ja}": %{m.group(1)}$ but "{en}" has {n} conversions')
    if re.search(r'%(?!\d+\$#?s)', ja.replace('%%', '')) and '% ' not in ja and '%）' not in ja:
        problem(f'phrase "{ja}": only %n$s and %n$#s are filled in')
def as_regex(fmt):
    """An English phrase format as ja.c matches it: each conversion any text."""
    out, pos = '', 0
    for m in conv.finditer(fmt):
        out += re.escape(fmt[pos:m.start()].replace('%%', '%'))
        out += '%' if m.group(6) == '%' else '(.+?)'
        pos = m.end()
    return re.compile(out + re.escape(fmt[pos:]) + '$')


compiled = [(as_regex(en), ja) for en, ja in phrases]


def covered(text, depth=0):
    """Whether ja.c has Japanese for text (a phrase as written, its own
    conversions standing for any text): the first entry matching it, and
    the parts its Japanese says again as phrases (%n$#s) in turn."""
    for rx, ja in compiled:
        m = rx.match(text)
        if m:
            inner = [int(k) for k in re.findall(r'%(\d+)\$#s', ja)]
            return depth > 3 or all(covered(m.group(k), depth + 1) or '%' in m.group(k)
                                    for k in inner)
    return False


written = diag_sources.phrases(src)
for en in sorted(written):
    if not covered(en):
        problem(f'no Japanese for the phrase "{en}" (lib/base/ja.c, phrases[])')
# 3. the command line's own messages (cli/text.c): every message the CLI
# passes through cli_t has its Japanese, printed by printf with the same
# arguments (in order, or all by position)
cli_text = open(src + '/cli/text.c', encoding='utf-8').read()
body = cli_text[cli_text.index('texts[] = {'):cli_text.index('\n};', cli_text.index('texts[] = {'))]
cli_entries = {''.join(lit.findall(e.group(1))): ''.join(lit.findall(e.group(2)))
               for e in ENTRY.finditer(body)}
asked = set()
for f in glob.glob(src + '/cli/*.c'):
    text = open(f, encoding='utf-8').read()
    for m in re.finditer(r'cli_t\(((?:\s*"(?:[^"\\]|\\.)*")+)\s*\)', text):
        asked.add(''.join(lit.findall(m.group(1))))
    if 'ashi_status_str' in text:
        asked.update(re.findall(r'X\(ASHI_\w+, \d+, "([^"]*)"\)',
                                open(src + '/include/ashireport.h', encoding='utf-8').read()))
check_table(list(cli_entries.items()), asked, 'cli/text.c')
if len(cli_entries) < 40:
    problem(f'only {len(cli_entries)} messages read from cli/text.c')
if len(entries) < 100 or len(phrases) < 100:
    problem(f'only {len(entries)} formats and {len(phrases)} phrases read from ja.c')
if not fail:
    print(f'ok: all {len(formats)} diagnostic formats, {len(written)} phrases the sources write and '
          f'{len(asked)} command-line messages are in Japanese ({len(entries)} formats, '
          f'{len(phrases)} phrases in ja.c), each taking the English arguments')
sys.exit(fail)
