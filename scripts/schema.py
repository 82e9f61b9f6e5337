#!/usr/bin/env python3
# schema.py — keeps data/ashireport.rng typed and documented from the two
# sources of truth: the vocabulary table (lib/doc/vocab.c, printed by the
# test program vocab_dump) gives every attribute's type, range and choices;
# the reference (docs/reference.en.md and .ja.md) gives the documentation.
# The element structure of the schema stays written by hand; this rewrites
# each <attribute>'s content (its a:documentation in English and Japanese,
# then its type), each <element>'s a:documentation, and the generated value
# types at the end of the grammar.
#
#   scripts/schema.py --dump build/tests/vocab_dump [--check]
#
# --check writes nothing and fails if the schema is not what it would
# write (the test `schema-types` runs it so). SPDX-License-Identifier: MIT
import argparse
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from decimal_regex import decimal, integers  # noqa: E402

R = '{http://relaxng.org/ns/structure/1.0}'
BLOCKS = 'h p list columns box stat compare spacer placeholder arrow image table chart'.split()
BEGIN = '  <!-- Value types, written by scripts/schema.py from the vocabulary table (lib/doc/vocab.c): do not edit by hand. -->\n'
END = '  <!-- End of the value types. -->\n'
UNITS = (('pt', Fraction(1)), ('mm', Fraction(72) / Fraction(254, 10)),
         ('cm', Fraction(72) / Fraction(254, 100)), ('in', Fraction(72)))
FIVE_M = Fraction(5000) * UNITS[1][1]


# ---- the vocabulary -------------------------------------------------------

def exact(pt):
    """A bound printed in points (%.17g) as the exact number it was written
    as: a decimal of a few places in points or in millimetres."""
    if pt == 0:
        return Fraction(0)
    for unit, f in UNITS[:2]:
        v = Fraction(pt) / f
        r = round(v, 4)
        if abs(v - r) < Fraction(1, 10 ** 8):
            return Fraction(r) * f if unit != 'pt' else Fraction(r)
    return Fraction(pt)


def read_vocab(dump):
    out = subprocess.run([dump], check=True, capture_output=True, text=True).stdout
    vocab = {}
    for line in out.splitlines():
        el, at, ty, ch, mn, mx, req = line.split()
        vocab[el, at] = dict(type=ty, choices=None if ch == '-' else ch.split('|'),
                             min=exact(float(mn)), max=exact(float(mx)), required=req == '1')
    return vocab


# ---- value types as patterns ---------------------------------------------

def rx(r):
    # \d is any Unicode digit in XML Schema; the loader reads ASCII digits
    return r.replace(r'\d', '[0-9]')


def number(lo, hi, lo_strict=False, hi_strict=False):
    return rx(decimal(lo, hi, lo_strict, hi_strict))


def length(lo, hi, lo_strict=False):
    """A length from lo to hi points in any unit (hi None: no bound; above
    lo when lo_strict)."""
    parts = []
    for unit, f in UNITS:
        p = number(lo / f, None if hi is None else hi / f, lo_strict)
        if p:
            parts.append(f'{p}{unit}')
    return '(' + '|'.join(parts) + ')'


def percent(lo, hi, lo_strict=False, sign=True):
    return number(lo, hi, lo_strict) + ('%' if sign else '')


COLOR_NAMES = ('text accent band band-text background muted section table-head '
               'table-zebra table-line').split()
HEX = '#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})'
COLOR = '(' + HEX + '|' + '|'.join(COLOR_NAMES) + ')'
SPACE = r'[ \t\n\r]'


def pattern(v):
    """The XML Schema pattern of a vocabulary entry's values, or None for
    a type the schema gives otherwise (text, names, enumerations)."""
    ty, lo, hi = v['type'], v['min'], v['max']
    top = hi if hi > 0 else None
    if ty == 'length':
        return length(lo, top)
    if ty == 'length_pct':
        return '(' + length(lo, top) + '|' + percent(Fraction(0), Fraction(100), True) + ')'
    if ty == 'size':
        return '(' + length(lo, top) + '|' + percent(Fraction(0), Fraction(100000), True) + ')'
    if ty == 'percent':
        return number(lo, top) + '%?'
    if ty == 'whole':
        return whole(lo, top)
    if ty == 'number':
        # any decimal, as ashi_parse_number reads it: at most 15 digits before the point
        return r'[+\-]?([0-9]{1,15}(\.[0-9]*)?|\.[0-9]+)'

    if ty == 'color':
        return COLOR
    if ty == 'fill':
        return '(' + COLOR + '|none)'
    if ty == 'ink':
        c = number(Fraction(0), Fraction(100))
        return '(' + COLOR + f'|cmyk\\({c},{c},{c},{c}\\))'
    if ty in ('widths', 'widths_auto'):
        tok = ('(' + number(Fraction(0), None, True) + 'fr|' +
               percent(Fraction(0), Fraction(100), True) + '|' + length(Fraction(0), FIVE_M, True) +
               ('|auto' if ty == 'widths_auto' else '') + ')')
        return f' *{tok}( +{tok}){{0,63}} *'
    if ty in ('format', 'chart_format'):
        return 'fixed:[0-4]|comma|man|oku' + ('|percent|auto' if ty == 'chart_format' else '')
    if ty == 'border':
        w = length(Fraction(0), Fraction(20))
        return f'{SPACE}*{w}{SPACE}+{COLOR}({SPACE}+(solid|dashed))?{SPACE}*'
    if ty == 'aspect':
        n = number(Fraction(0), Fraction(100), True, True)
        return f'{n}:{n}'
    if ty == 'char':
        return r'[^\t\n\r]'
    if ty == 'page':
        names = '(A4|A3|B5)(-landscape)?|16:9'
        side = length(exact(10 * 72 / 25.4), FIVE_M)
        return f'{names}|{side} {side}'
    if ty == 'leading':
        return '(' + number(Fraction(8, 10), Fraction(4)) + '|' + length(lo, top) + ')'
    if ty == 'indent':
        return '(' + number(Fraction(0), None) + 'em|' + length(lo, top) + ')'
    return None


def whole(lo, hi):
    """A whole number from lo to hi (None: no end), with white space
    around it and a + sign allowed, as parse_whole reads it."""
    if hi is None and lo <= 0:
        digits = '[0-9]+'
    else:
        ints = rx(integers(max(int(lo), 1), None if hi is None else int(hi)))
        digits = '0*' + ints if lo >= 1 else '(0+|0*' + ints + ')'
    return f'{SPACE}*\\+?{digits}{SPACE}*'


def type_name(v):
    """The name of the generated define for an entry's type."""
    ty, lo, hi = v['type'], v['min'], v['max']
    def num(x):
        mm = x / UNITS[1][1]
        if ty in ('length', 'length_pct', 'size', 'leading', 'indent') and x and \
                mm.denominator == 1 and x.denominator != 1:
            return f'{mm}mm'
        s = f'{float(x):g}'
        return s + ('pt' if ty in ('length', 'length_pct', 'size', 'leading', 'indent', 'border') else '')
    if ty in ('color', 'fill', 'ink', 'widths', 'widths_auto', 'format', 'chart_format',
              'char', 'page', 'number', 'aspect', 'border'):
        return 'value.' + ty.replace('_', '-')
    bound = f'{num(lo)}-{num(hi)}' if hi > 0 else f'{num(lo)}-'
    return f'value.{ty.replace("_", "-")}.{bound}'


# ---- the reference -------------------------------------------------------

def plain(md):
    """Markdown of a table cell or a list item as plain text."""
    s = md.strip().replace('\\|', '|')
    s = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', s)
    s = s.replace('**', '').replace('`', '')
    return re.sub(r'\s+', ' ', s)


def read_reference(path, ja):
    """{element: {'': the element's first paragraph, attribute: text}}."""
    docs, cur, para, head = {}, None, None, None
    names = r'((?:`[^`]+`\s*[,・、]?\s*)+)'
    lines = open(path, encoding='utf-8').read().split('\n')
    for i, line in enumerate(lines):
        if line.startswith('## '):
            cur = para = None
            continue
        if line.startswith('### '):
            h = line[4:].strip()
            m = re.match(r'([^(（]*)[(（]([^)）]*)[)）]', h)
            if re.search(r'x[ ・]y[ ・]w[ ・]h$', h):
                cur = ['*']
            else:
                cur = [s for s in re.split(r'[,・、\s]+', m.group(1) if m else h) if s]
            for e in cur:
                docs.setdefault(e, {})
            para, head = [], None
            continue
        if cur is None:
            continue
        if para is not None:
            if not line.strip() and not para:
                continue
            if line.strip() and not line.startswith(('|', '- ', '```')):
                para.append(line.strip())
                continue
            for e in cur:
                docs[e][''] = plain(' '.join(para))
            para = None
        if re.match(r'\|.*\|\s*$', line) and i + 1 < len(lines) and \
                re.match(r'\|[-| ]+\|\s*$', lines[i + 1]):
            head = [c.strip() for c in line.strip().strip('|').split('|')]
            continue
        m = re.match(r'\|\s*' + names + r'\|(.*)\|\s*$', line)
        if m and head:
            cells = [c.strip() for c in re.split(r'(?<!\\)\|', m.group(2))]
            for n in re.findall(r'`([^`]+)`', m.group(1)):
                if len(head) == 4:
                    values, default, desc = (plain(c).rstrip('.。') for c in cells[:3])
                    text = (f'{desc}。値：{values}。既定値：{default}。' if ja else
                            f'{desc}. Values: {values}. Default: {default}.')
                    for e in cur:
                        docs[e][n] = text
                elif len(head) == 3:
                    # a child element's row: its content and description
                    content, desc = (plain(c).rstrip('.。') for c in cells[:2])
                    docs.setdefault(n, {})[''] = (f'{desc}。中身：{content}。' if ja else
                                                  f'{desc}. Content: {content}.')
            continue
        m = re.match(r'- ' + names + r' — (.*)', line)
        if m:
            for n in re.findall(r'`([^`]+)`', m.group(1)):
                for e in cur:
                    docs[e][n] = plain(m.group(2))
    return docs


# ---- the schema ----------------------------------------------------------

def attribute_owners(root):
    """For each <attribute> of the schema, in document order: the elements
    it belongs to, following <ref>s but not into the elements it holds."""
    defs = {d.get('name'): d for d in root.iter(R + 'define')}
    owners = {}
    def walk(node, el, seen):
        for c in node:
            t = c.tag[len(R):] if c.tag.startswith(R) else None
            if t == 'element' or t is None:
                continue
            if t == 'attribute':
                owners.setdefault(id(c), set()).add(el)
            elif t == 'ref':
                if c.get('name') not in seen:
                    walk(defs[c.get('name')], el, seen | {c.get('name')})
            else:
                walk(c, el, seen)
    for e in root.iter(R + 'element'):
        walk(e, e.get('name'), set())
    return [(a.get('name'), owners.get(id(a), set())) for a in root.iter(R + 'attribute')]


def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def docs_xml(en, ja, indent):
    out = ''
    if en:
        out += f'{indent}<a:documentation xml:lang="en">{esc(en)}</a:documentation>\n'
    if ja:
        out += f'{indent}<a:documentation xml:lang="ja">{esc(ja)}</a:documentation>\n'
    return out


def doc_of(docs, owners, name):
    els = sorted(owners)
    if all(e in BLOCKS for e in els) and name in docs.get('*', {}):
        return docs['*'][name]
    for e in els:
        if name in docs.get(e, {}):
            return docs[e][name]
    return None


def generate(text, vocab, en, ja):
    problems = []
    # what this writes is taken away first, so that writing is idempotent
    text = re.sub(r'\n[ \t]*<a:documentation\b[^>]*>.*?</a:documentation>', '', text, flags=re.S)
    if BEGIN in text:
        text = text[:text.index(BEGIN)] + text[text.index(END) + len(END):]
    if 'xmlns:a="http://relaxng.org/ns/compatibility/annotations/1.0"' not in text:
        problems.append('the grammar needs xmlns:a for the annotations')
    root = ET.fromstring(text.encode('utf-8'))
    owners = attribute_owners(root)
    types = {}
    spans = list(re.finditer(r'(?m)^([ \t]*)(<optional>)?(<attribute name="([^"]+)">)(.*?)'
                             r'(</attribute>)(</optional>)?[ \t]*$', text, flags=re.S))
    if len(spans) != len(owners):
        raise SystemExit(f'schema.py: {len(spans)} attributes found in the text, {len(owners)} '
                         'in the tree: write each <attribute> with its content and its end')
    out, pos = [], 0
    for m, (name, els) in zip(spans, owners):
        assert m.group(4) == name
        entries = {(e, name): vocab.get((e, name)) for e in els}
        missing = [k for k, v in entries.items() if v is None]
        if missing or not els:
            if name == 'xml:lang' or not els:
                content = None
            else:
                problems.append(f'<{sorted(els)[0]}> {name}: not in the vocabulary table')
                continue
        kinds = {(v['type'], tuple(v['choices'] or ()), v['min'], v['max'])
                 for v in entries.values() if v}
        if len(kinds) > 1:
            problems.append(f'{name} on {sorted(els)}: one <attribute> for entries of '
                            f'different types; give each its own')
            continue
        v = next(iter(entries.values()))
        ind = m.group(1) + ('  ' if m.group(2) else '')
        inner = ind + '  '
        ty = v['type'] if v else 'lang'
        if ty in ('enum', 'onoff'):
            content = ('<ref name="onoff"/>' if ty == 'onoff' else
                       '<choice>' + ''.join(f'<value>{c}</value>' for c in v['choices']) + '</choice>')
        elif ty == 'lang':
            content = '<data type="language"/>'
        elif ty in ('text', 'file', 'theme'):
            content = '<text/>'
        else:
            tn = type_name(v)
            p = pattern(v)
            if types.get(tn, p) != p:
                problems.append(f'type {tn}: two patterns')
            types[tn] = p
            content = f'<ref name="{tn}"/>'
        d = doc_of(en, els, name), doc_of(ja, els, name)
        if not d[0] or not d[1]:
            problems.append(f'<{sorted(els)[0]}> {name}: no row in docs/reference.'
                            f'{"en" if not d[0] else "ja"}.md')
        block = f'{ind}<attribute name="{name}">\n' + docs_xml(d[0], d[1], inner) + \
                f'{inner}{content}\n{ind}</attribute>'
        if m.group(2):
            block = f'{m.group(1)}<optional>\n{block}\n{m.group(1)}</optional>'
        out.append(text[pos:m.start()] + block)
        pos = m.end()
    text = ''.join(out) + text[pos:]
    # the elements' documentation, after each <element name="...">
    def element_doc(m):
        name, ind = m.group(2), m.group(1)
        d = en.get(name, {}).get(''), ja.get(name, {}).get('')
        if not d[0] or not d[1]:
            problems.append(f'<{name}>: no description in the reference')
            return m.group(0)
        line_ind = ind + '  '
        return m.group(0) + '\n' + docs_xml(d[0], d[1], line_ind).rstrip('\n')
    text = re.sub(r'(?m)^([ \t]*)(?:<[a-zA-Z]+>)*<element name="([^"]+)">(?=\n)', element_doc, text)
    # the value types
    defs = ''.join(f'  <define name="{n}">\n    <data type="string"><param name="pattern">'
                   f'{esc(p)}</param></data>\n  </define>\n' for n, p in sorted(types.items()))
    end = text.rindex('</grammar>')
    text = text[:end].rstrip('\n') + '\n\n' + BEGIN + defs + END + text[end:]
    return text, problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--dump', required=True, help='the vocab_dump test program')
    ap.add_argument('--src', default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap.add_argument('--check', action='store_true')
    a = ap.parse_args()
    rng = os.path.join(a.src, 'data', 'ashireport.rng')
    vocab = read_vocab(a.dump)
    en = read_reference(os.path.join(a.src, 'docs', 'reference.en.md'), False)
    ja = read_reference(os.path.join(a.src, 'docs', 'reference.ja.md'), True)
    old = open(rng, encoding='utf-8').read()
    new, problems = generate(old, vocab, en, ja)
    for p in problems:
        print('schema.py: ' + p)
    if problems:
        return 1
    if a.check:
        if new != old:
            import difflib
            sys.stdout.writelines(list(difflib.unified_diff(
                old.splitlines(True), new.splitlines(True), 'data/ashireport.rng',
                'as scripts/schema.py writes it'))[:60])
            print('FAIL: data/ashireport.rng is not as the vocabulary and the reference give it: '
                  'run scripts/schema.py --dump build/tests/vocab_dump')
            return 1
        print(f'ok: data/ashireport.rng has the types of {len(vocab)} attributes and the '
              'reference\'s documentation')
        return 0
    if new != old:
        open(rng, 'w', encoding='utf-8').write(new)
        print('schema.py: wrote data/ashireport.rng')
    return 0


if __name__ == '__main__':
    sys.exit(main())
