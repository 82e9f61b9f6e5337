# diag_sources.py — what the library's sources say of their diagnostics, for
# the tests that hold them against the header and the docs (diag_codes.py)
# and against their Japanese formats (ja_messages.py): each call of
# ashi_diag_add*, ashi_diag_vadd* or error_at with the string literals that
# follow it. SPDX-License-Identifier: MIT
import glob
import re

LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')
CODE = re.compile(r'[a-z][a-z0-9]*(?:-[a-z0-9]+)*$')
CALL = re.compile(r'\b(?:ashi_diag_(?:v?add(?:_range|_in)?)|error_at)\s*\(')
CODE_TABLE = re.compile(r'const char \*const \w*code\w*\[\] = \{([^}]*)\}')


def calls(src, reach=800):
    """Each diagnostic call of lib/: (the text after its '(', up to reach
    characters, the string literals in it as match objects)."""
    for f in glob.glob(src + '/lib/**/*.c', recursive=True):
        text = open(f, encoding='utf-8').read()
        for m in CALL.finditer(text):
            seg = text[m.end():m.end() + reach]
            yield seg, list(LITERAL.finditer(seg))


def codes(src):
    """The codes the sources give: a call's first literals that look like
    one ("font-path" : "font-missing" both), and the tables of codes."""
    used = set()
    for seg, lits in calls(src):
        prev = None
        for lit in lits:
            if not CODE.match(lit.group(1)) or (prev and seg[prev.end():lit.start()].strip() != ':'):
                break
            used.add(lit.group(1))
            prev = lit
    for f in glob.glob(src + '/lib/**/*.c', recursive=True):
        for m in CODE_TABLE.finditer(open(f, encoding='utf-8').read()):
            used.update(l for l in LITERAL.findall(m.group(1)) if CODE.match(l))
    return used


def formats(src):
    """The message formats, as written (escapes kept): the literals after
    the code (or a ternary's two codes), adjacent ones joined."""
    out = set()
    for seg, lits in calls(src):
        if len(lits) < 2:
            continue
        i = 2 if seg[lits[0].end():lits[1].start()].strip() == ':' else 1
        s, prev = '', None
        for l in lits[i:]:
            if prev is not None and seg[prev.end():l.start()].strip():
                break
            s += l.group(1)
            prev = l
        out.add(s)
    return out
