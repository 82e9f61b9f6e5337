# diag_sources.py — what the library's sources say of their diagnostics, for
# the tests that hold them against the header and the docs (diag_codes.py)
# and against their Japanese formats (ja_messages.py): each call of
# ashi_diag_add*, ashi_diag_vadd* or error_at with the string literals that
# follow it. SPDX-License-Identifier: MIT
import glob
import os
import re

LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')
CODE = re.compile(r'[a-z][a-z0-9]*(?:-[a-z0-9]+)*$')
CALL = re.compile(r'\b(?:ashi_diag_(?:v?add(?:_range|_in)?)|error_at|located)\s*\(')
CODE_TABLE = re.compile(r'const char \*const \w*code\w*\[\] = \{([^}]*)\}')


MACROS = ('ASHI_NS', 'ASHI_DID_YOU_MEAN')


def source(path):
    """A C file's text with the string macros of lib/base/base.h (the
    namespace, the suggestion's words) written into the literals around
    them ("... " ASHI_NS " ..." is one literal to C)."""
    text = open(path, encoding='utf-8').read()
    base = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'lib', 'base',
                             'base.h'), encoding='utf-8').read()
    for name in MACROS:
        value = re.search(r'#define ' + name + r' "((?:[^"\\]|\\.)*)"', base).group(1)
        text = re.sub(r'"\s*' + name + r'\s*"', lambda m: value, text)
        text = re.sub(r'"\s*' + name + r'\b', lambda m: value + '"', text)
        text = re.sub(r'\b' + name + r'\s*"', lambda m: '"' + value, text)
    return text


def top_literals(seg):
    """The string literals of a call's arguments (seg: the text after its
    '('), leaving out those inside nested parentheses (a location's
    attribute name, a helper's argument), up to the call's ')'."""
    out, depth, i = [], 0, 0
    while i < len(seg):
        c = seg[i]
        if c == '"':
            m = LITERAL.match(seg, i)
            if not m:
                break
            if depth == 0:
                out.append(m)
            i = m.end()
            continue
        if c == "'":
            j = seg.find("'", i + 2 if seg[i + 1:i + 2] == '\\' else i + 1)
            i = j + 1 if j > 0 else i + 1
            continue
        if c == '(':
            depth += 1
        elif c == ')':
            if depth == 0:
                break
            depth -= 1
        i += 1
    return out


def calls(src, reach=1200):
    """Each diagnostic call of lib/: (the text after its '(', up to reach
    characters, the string literals of its arguments as match objects)."""
    for f in glob.glob(src + '/lib/**/*.c', recursive=True):
        text = source(f)
        for m in CALL.finditer(text):
            seg = text[m.end():m.end() + reach]
            yield seg, top_literals(seg)


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
    the code (or a ternary's two codes), adjacent ones joined; a ternary's
    two formats both. located() (xml/csv.c) takes no code."""
    out = set()
    for seg, lits in calls(src):
        if not lits:
            continue
        if re.match(r'\s*d, name, q?line, q?col,', seg):  # located(d, name, line, col, fmt, ...)
            i = 0
        elif not CODE.match(lits[0].group(1)):
            i = 0  # the code is not a literal (a table's): the format comes first
        elif len(lits) < 2:
            continue
        else:
            i = 2 if seg[lits[0].end():lits[1].start()].strip() == ':' else 1
        while i < len(lits):
            s, prev = '', None
            for l in lits[i:]:
                if prev is not None and seg[prev.end():l.start()].strip():
                    break
                s += l.group(1)
                prev = l
                i += 1
            out.add(s)
            # "cond ? "A" : "B"": B is a format too
            if i < len(lits) and seg[prev.end():lits[i].start()].strip() == ':':
                continue
            break
    return out


PHRASE_FILES = ('lib/base/nearest.c', 'lib/res/res.c', 'lib/res/output.c', 'lib/text/font.c', 'lib/image/image.c',
                'lib/color/color.c', 'lib/doc/vocab.c', 'lib/doc/chart.c', 'lib/api.c',
                'lib/render/pdf.c', 'lib/dlist/check.c', 'lib/layout/layout.c')
NOT_PHRASES = {'s', 'y', 'ies', '...', 'mode', 'rowspan'}


def joined(seg, start):
    """The adjacent literals from the one at start, joined, and the end."""
    s, end = '', start
    for m in LITERAL.finditer(seg, start):
        if seg[end:m.start()].strip():
            break
        s += m.group(1)
        end = m.end()
    return s, end


def is_phrase(s):
    # words, not a number's format ("%.0fmm") or a name
    return re.search(r'[A-Za-z]{2}', s) and not re.fullmatch(r'%[-.0-9]*[a-z]+(mm|pt)?', s) \
        and s not in NOT_PHRASES


def tokens(text):
    """A C file's tokens that matter here, comments left out: ('lit', the
    adjacent literals joined, position) or ('op', the word or mark, pos)."""
    i, n = 0, len(text)
    while i < n:
        if text.startswith('/*', i):
            i = text.find('*/', i + 2) + 2 or n
            continue
        if text.startswith('//', i):
            i = text.find('\n', i) + 1 or n
            continue
        c = text[i]
        if c == '"':
            s, end = joined(text, i)
            yield 'lit', s, i
            i = end
            continue
        if c == "'":
            j = text.find("'", i + 2 if text[i + 1] == '\\' else i + 1)
            i = j + 1 if j > 0 else i + 1
            continue
        m = re.match(r'[A-Za-z_][A-Za-z_0-9]*|\S', text[i:i + 64])
        if not m:
            i += 1
            continue
        yield 'op', m.group(0), i
        i += len(m.group(0))


def phrases(src):
    """The English phrases the sources write for a diagnostic to print as a
    string: why a file, font, image or profile cannot be used (assigned to
    a why, returned by the functions that say why, or written into one),
    the values an attribute allows, and the literal arguments of the
    diagnostic calls (a stage, a comparison's words)."""
    out = set()
    for f in PHRASE_FILES:
        toks = list(tokens(source(src + '/' + f)))
        for k, (kind, s, _) in enumerate(toks):
            if kind != 'lit' or not is_phrase(s) or k < 2:
                continue
            # the statement it is in, back to its start
            j = k
            while j > 0 and toks[j - 1][1] not in (';', '{', '}'):
                j -= 1
            stmt = [t[1] for t in toks[j:k]]
            assigned = next((stmt[i - 1] for i in range(1, len(stmt)) if stmt[i] == '='), None)
            if assigned in ('why', 'via', 'stage'):
                out.add(s)  # why = "...", *why = c ? "..." : "...", o.why = ...
            elif stmt[:1] == ['return'] and f in ('lib/res/res.c', 'lib/text/font.c',
                                                  'lib/image/image.c', 'lib/color/color.c'):
                out.add(s)  # the functions that say why
            elif stmt[-6:-1] in (['ashi_snprintf', '(', 'why', ',', 'WHY_SIZE'],
                                 ['ashi_snprintf', '(', 'msg', ',', 'msg_size'],
                                 ['ashi_snprintf', '(', 'msg', ',', 'size'],
                                 ['ashi_snprintf', '(', 'buf', ',', 'size']) and stmt[-1] == ',':
                out.add(s)
        text = source(src + '/' + f)
        for m in re.finditer(r'what_of\[\] = \{([^}]*)\}', text):
            out.update(LITERAL.findall(m.group(1)))
    # the literal arguments of the diagnostic calls, after the code and the format
    fmts = formats(src)
    for seg, lits in calls(src):
        groups, prev = [], None
        for l in lits:
            if prev is not None and not seg[prev.end():l.start()].strip():
                groups[-1] += l.group(1)
            else:
                groups.append(l.group(1))
            prev = l
        while groups and CODE.match(groups[0]):
            groups.pop(0)
        out.update(g for g in groups[1:] if is_phrase(g) and '%' not in g and g not in fmts)
    return {p for p in out if p}
