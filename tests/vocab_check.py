#!/usr/bin/env python3
# vocab_check.py MODE WORK SRC — the checks of tests/vocab.sh, one program
# run in several modes so that the generator of the bad-values deck and the
# checkers of its diagnostics and of the schema share the deck's
# description (WORK/bad-values.json) and WORK/vocab.txt (vocab_dump's
# table). SPDX-License-Identifier: MIT
import json, re, sys
import xml.etree.ElementTree as ET

mode, work, src = sys.argv[1:4]
cli = sys.argv[4] if len(sys.argv) > 4 else None
BLOCKS = 'h p list columns box stat compare spacer placeholder arrow image table chart'.split()
ENUMS = ('enum', 'onoff')
FIVE_M = 14173  # 5000 mm in points: lengths up to it count as unbounded

vocab = {}
for line in open(f'{work}/vocab.txt', encoding='utf-8'):
    el, at, ty, ch, mn, mx, req = line.split()
    vocab[el, at] = dict(type=ty, choices=None if ch == '-' else set(ch.split('|')),
                         min=float(mn), max=float(mx), required=req == '1')
bad = []
def problem(msg):
    print(msg)
    bad.append(msg)

def schema_check():
    R = '{http://relaxng.org/ns/structure/1.0}'
    root = ET.parse(f'{src}/data/ashireport.rng').getroot()
    defs = {d.get('name'): d for d in root.iter(R + 'define')}
    tag = lambda n: n.tag[len(R):]
    def values(node, seen):
        # the <value> choices an attribute allows, through <ref>s; None: free text
        out = None
        for c in node:
            if tag(c) == 'value':
                out = (out or set()) | {c.text.strip()}
            else:
                sub = c if tag(c) != 'ref' else defs[c.get('name')]
                if tag(c) == 'ref' and c.get('name') in seen:
                    continue
                v = values(sub, seen | {c.get('name')})
                if v is not None:
                    out = (out or set()) | v
        return out
    schema = {}
    def walk(node, el, optional, seen):
        # an element's attributes, not descending into the elements it holds
        for c in node:
            t = tag(c)
            if t == 'element':
                continue
            if t == 'attribute':
                schema[el, c.get('name')] = (values(c, set()), not optional)
            elif t == 'ref':
                if c.get('name') not in seen:
                    walk(defs[c.get('name')], el, optional, seen | {c.get('name')})
            else:
                walk(c, el, optional or t in ('optional', 'zeroOrMore', 'choice'), seen)
    for e in root.iter(R + 'element'):
        walk(e, e.get('name'), False, set())
    for k in sorted(set(schema) - set(vocab)):
        problem(f'schema: <{k[0]}> {k[1]} is in the schema, not in the vocabulary table')
    for k in sorted(set(vocab) - set(schema)):
        problem(f'schema: <{k[0]}> {k[1]} is in the vocabulary table, not in the schema')
    for k in sorted(set(vocab) & set(schema)):
        v, (choices, required) = vocab[k], schema[k]
        if v['type'] in ENUMS and choices != v['choices']:
            problem(f'schema: <{k[0]}> {k[1]}: schema values {sorted(choices or [])}, '
                    f'vocabulary {sorted(v["choices"])}')
        elif v['type'] not in ENUMS and choices is not None:
            problem(f'schema: <{k[0]}> {k[1]}: schema values {sorted(choices)}, '
                    f'vocabulary type {v["type"]}')
        if required != v['required']:
            problem(f'schema: <{k[0]}> {k[1]}: required {required} in the schema, '
                    f'{v["required"]} in the vocabulary')
    print(f'schema: {len(schema)} attributes, vocabulary: {len(vocab)}')

def docs_check(doc):
    # each "### element" section's attribute rows (tables, or "- `attr` — " lines
    # for one-attribute elements): element -> attribute -> Values text
    rows, cur = {}, None
    names = r'((?:`[^`]+`\s*[,・、]?\s*)+)'
    for line in open(doc, encoding='utf-8'):
        if line.startswith('## '):
            cur = None
        elif line.startswith('### '):
            h = line[4:].strip()
            if re.search(r'x[ ・]y[ ・]w[ ・]h$', h):
                cur = ['*']
            else:
                cur = [s for s in re.split(r'[,・、\s]+', re.sub(r'\s*[(（].*$', '', h)) if s]
            for e in cur:
                rows.setdefault(e, {})
        elif cur:
            m = (re.match(r'\|\s*' + names + r'\|((?:[^|\\]|\\.)*)\|', line) or
                 re.match(r'- ' + names + r' — (.*)', line))
            if m:
                for e in cur:
                    for n in re.findall(r'`([^`]+)`', m.group(1)):
                        rows[e][n] = m.group(2)
    def values_of(el, at):
        r = rows.get(el, {}).get(at)
        if r is None and el in BLOCKS:
            r = rows.get('*', {}).get(at)
        # "as `align` of `col`" / "`col` の `align` と同じ": the other row's values too
        m = r and (re.search(r'as `([^`]+)` of `([^`]+)`', r) or
                   re.search(r'`([^`]+)` の `([^`]+)` と同じ', r))
        if m:
            a, e = m.groups() if m.re.pattern.startswith('as') else m.groups()[::-1]
            r += ' ' + (rows.get(e, {}).get(a) or '')
        return r
    def has_number(text, x):
        return re.search(r'(?<![\d.])' + re.escape(x) + r'(?![\d.])', text) is not None
    def spellings(v, ty):
        # a bound as the reference may write it: as is, and for lengths in mm
        out = [f'{v:g}']
        if ty in ('length', 'size'):
            mm = v * 25.4 / 72
            if abs(mm - round(mm)) < 1e-3:
                out.append(f'{round(mm):g}')
        return out
    for (el, at), v in sorted(vocab.items()):
        text = values_of(el, at)
        if text is None:
            problem(f'{doc}: <{el}> {at} is not in the section of {el}')
            continue
        ty = v['type']
        if ty == 'enum':
            for c in sorted(v['choices']):
                if f'`{c}`' not in text:
                    problem(f'{doc}: <{el}> {at}: choice `{c}` missing from "{text.strip()}"')
        if ty == 'onoff' and 'on/off' not in text and not ('`on`' in text and '`off`' in text):
            problem(f'{doc}: <{el}> {at}: on/off missing from "{text.strip()}"')
        bounds = []
        if ty == 'percent' or ty in ('format', 'chart_format', 'border'):
            bounds = [v['min'], v['max']]
        elif ty == 'whole' and v['max'] > 0:
            bounds = [v['min'], v['max']]
        elif ty in ('length', 'size') and v['max'] < FIVE_M:
            bounds = [v['min'], v['max']]
        elif ty == 'aspect':
            bounds = [v['max']]  # "under 100"; the lower bound is "above 0"
        for b in bounds:
            if not any(has_number(text, s) for s in spellings(b, ty)):
                problem(f'{doc}: <{el}> {at}: bound {" or ".join(spellings(b, ty))} '
                        f'missing from "{text.strip()}"')
    print(f'{doc}: {len(vocab)} attributes checked')

def bad_values(ty, mn, mx):
    def over(pt):
        mm = pt * 25.4 / 72
        return f'{round(mm) + 1}mm' if abs(mm - round(mm)) < 1e-3 else f'{pt + 1:g}pt'
    return {
        'enum': ['bogus'], 'onoff': ['maybe'],
        'length': ['abc'] + ([over(mx)] if mx < FIVE_M else []),
        'length_pct': ['abc', '150%'], 'size': ['abc', over(mx)],
        'percent': ['150%', 'x%'],
        'whole': ['x', f'{mx + 1:g}' if mx > 0 else f'{mn - 1:g}'],
        'number': ['x'], 'color': ['#GGG'], 'fill': ['nonecolor'],
        'widths': ['1fr zz'], 'widths_auto': ['1fr zz'], 'format': ['fixed:9'],
        'chart_format': ['fixed:x'], 'border': ['1pt'], 'aspect': ['4-3'], 'char': ['ab'],
        'page': ['A5'], 'ink': ['cmyk(1,2,3)', '#GGG'], 'leading': ['x', '0.5'],
        'indent': ['x'],
    }.get(ty, [])  # text, file, lang, theme: any text is allowed

# Where each element goes, {A} its attribute: blocks and cells inside a slide
# of their own (so no body overflows), theme entries inside the theme.
SLIDE = '  <slide title="値">{}</slide>'
CONTEXT = {
    'h': '<h {A}>x</h>', 'p': '<p {A}>x</p>', 'list': '<list {A}><item>x</item></list>',
    'columns': '<columns {A}><column><p>x</p></column></columns>',
    'column': '<columns><column {A}><p>x</p></column></columns>',
    'box': '<box {A}><p>x</p></box>', 'stat': '<stat value="1" {A}/>',
    'compare': '<compare {A}><stat value="1"/><stat value="2"/></compare>',
    'spacer': '<spacer {A}/>', 'placeholder': '<placeholder {A}/>', 'arrow': '<arrow {A}/>',
    'image': '<image src="pixel.png" alt="点" {A}/>',
    'table': '<table {A}><tr><td>x</td></tr></table>',
    'col': '<table><col {A}/><tr><td>x</td></tr></table>',
    'td': '<table><tr><td>あ</td><td {A}>x</td></tr></table>',
    'th': '<table><tr><th {A}>x</th></tr></table>',
    'chart': '<chart {A}><category>a</category><series>1</series></chart>',
    'series': '<chart><category>a</category><series {A}>1</series></chart>',
    'span': '<p><span {A}>x</span></p>',
    'ruby': '<p><ruby rt="よみ" {A}>読</ruby></p>',
}
CONTEXT = {e: SLIDE.format(t) for e, t in CONTEXT.items()}
CONTEXT.update(slide='  <slide title="スライド" {A}><p>x</p></slide>',
               style='    <style name="body" {A}/>', master='    <master {A}/>',
               color='    <color name="accent" {A}/>')
# Lines with several problems: (template, [(problem's first characters, kind)]);
# kind 'value' an attribute's bad value, else a pattern of the message at
# that column (the < of an element, the name of an unknown attribute).
MULTI = [
    ('<chart type="pie" legend="bottom" bar-width="5%"><category>a</category>'
     '<category>b</category><series>1 2 3</series></chart>',
     [('type=', 'value'), ('legend=', 'value'), ('bar-width=', 'value'),
      ('<series', r'series has 3 numbers for 2 categories')]),
    ('<box fill="#GGG" radius="x" valign="up"><p>x</p></box>',
     [('fill=', 'value'), ('radius=', 'value'), ('valign=', 'value')]),
    ('<table><tr><td colspan="0" rowspan="x" align="middle" char="">x</td></tr></table>',
     [('colspan=', 'value'), ('rowspan=', 'value'), ('align=', 'value'), ('char=', 'value')]),
    ('<p algn="center">x</p>', [('algn=', r"unknown attribute 'algn' on <p>")]),
]

def generate():
    lines, expect = [], []  # expect: [line, col, attribute, value, message pattern]
    def add(text, probs):
        lines.append(text)
        for col, at, val, pat in probs:
            expect.append([len(lines), col, at, val, pat])
    def value_pattern(at, val, ty):
        if ty == 'page':
            return rf"^unknown page size '{re.escape(val)}'"
        return rf"^{re.escape(at)} '{re.escape(val)}' must be "
    def on_one_line(start, el, end):
        # deck and theme exist once: every attribute's first bad value on their line
        text, probs = start, []
        for (e, at), v in sorted(vocab.items()):
            vals = bad_values(v['type'], v['min'], v['max'])
            if e == el and vals:
                probs.append((len(text) + 2, at, vals[0], value_pattern(at, vals[0], v['type'])))
                text += f' {at}="{vals[0]}"'
        add(text + end, probs)
    on_one_line('<deck xmlns="urn:ashireport:deck:1"', 'deck', '>')
    on_one_line('  <theme', 'theme', '>')
    later = []  # theme entries go inside the theme, the rest after it
    for (el, at), v in sorted(vocab.items()):
        if el in ('deck', 'theme'):
            continue
        for val in bad_values(v['type'], v['min'], v['max']):
            if el not in CONTEXT:
                problem(f'generator: no context for <{el}>: add one to CONTEXT')
                break
            t = CONTEXT[el]
            item = (t.replace('{A}', f'{at}="{val}"'),
                    [(t.index('{A}') + 1, at, val, value_pattern(at, val, v['type']))])
            add(*item) if el in ('style', 'master', 'color') else later.append(item)
    add('  </theme>', [])
    for item in later:
        add(*item)
    for t, probs in MULTI:
        text = SLIDE.format(t)
        out = []
        for start, kind in probs:
            if start[0] == '<':  # an element's problem: at its <
                out.append((text.index(start) + 1, None, None, kind))
                continue
            at = start[:-1]
            col = text.index(f' {start}') + 2
            val = re.match(r'="([^"]*)"', text[col - 1 + len(at):]).group(1)
            out.append((col, at, val, kind if kind != 'value' else
                        rf"^{re.escape(at)} '{re.escape(val)}' must be "))
        add(text, out)
    add('</deck>', [])
    with open(f'{work}/bad-values.xml', 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')
    json.dump(expect, open(f'{work}/bad-values.json', 'w'), ensure_ascii=False, indent=0)
    # a 64×1 grey PNG for <image src>, so that only the bad value is wrong (wide
    # and flat: as wide as the frame, it must not overflow the slide)
    import struct, zlib
    chunk = lambda t, d: (struct.pack('>I', len(d)) + t + d +
                          struct.pack('>I', zlib.crc32(t + d) & 0xffffffff))
    with open(f'{work}/pixel.png', 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 64, 1, 8, 0, 0, 0, 0))
                + chunk(b'IDAT', zlib.compress(b'\0' + b'\x80' * 64, 9)) + chunk(b'IEND', b''))

def verify():
    expect = json.load(open(f'{work}/bad-values.json'))
    diags = []
    for d in open(f'{work}/bad-values.got', encoding='utf-8').read().splitlines():
        m = re.match(r'DECK:(\d+):(\d+): (error|warning): (.*)$', d)
        if not m:
            problem(f'deck: not a diagnostic: {d}')
            continue
        diags.append((int(m.group(1)), int(m.group(2)), m.group(3), m.group(4), d))
    used = set()
    for line, col, at, val, pat in expect:
        hit = [i for i, d in enumerate(diags) if i not in used and d[:2] == (line, col)
               and d[2] == 'error' and re.search(pat, d[3])]
        if hit:
            used.add(hit[0])
        else:
            near = [d[4] for d in diags if d[0] == line]
            what = f"{at}='{val}'" if at else f'/{pat}/'
            problem(f'deck: line {line} col {col} {what}: no such error; on that line: '
                    + ('; '.join(near) or 'nothing'))
    for i, d in enumerate(diags):
        if i not in used:
            problem(f'deck: unexpected diagnostic: {d[4]}')
    where = [d[:2] for d in diags]
    if where != sorted(where):
        first = next(i for i in range(1, len(where)) if where[i] < where[i - 1])
        problem(f'deck: diagnostics not sorted by line and column: {diags[first - 1][4]} '
                f'before {diags[first][4]}')
    print(f'deck: {len(expect)} problems expected, {len(diags)} diagnostics')

NS = 'xmlns="urn:ashireport:deck:1"'
PLAIN_SLIDE = '<slide title="x"><p>x</p></slide>'


def deck_with(el, at, val):
    """A whole deck in which <el> has at="val" (at None: no such attribute)."""
    from xml.sax.saxutils import quoteattr
    a = '' if at is None else f'{at}={quoteattr(val)}'
    if el == 'deck':
        return f'<deck {NS} {a}>{PLAIN_SLIDE}</deck>\n'
    if el == 'theme':
        return f'<deck {NS}><theme {a}/>{PLAIN_SLIDE}</deck>\n'
    line = CONTEXT[el].replace('{A}', a)
    if el in ('style', 'master', 'color'):
        return f'<deck {NS}><theme>{line.strip()}</theme>{PLAIN_SLIDE}</deck>\n'
    return f'<deck {NS}>{line.strip()}</deck>\n'


def schema_verdicts(decks):
    """Whether each deck (texts) validates against the shipped schema, by
    xmllint (libxml2 reads the XML Schema patterns, not Python)."""
    import os, subprocess
    d = f'{work}/schema'
    os.makedirs(d, exist_ok=True)
    names = []
    for i, text in enumerate(decks):
        names.append(f'{d}/{i:05d}.xml')
        with open(names[-1], 'w', encoding='utf-8') as f:
            f.write(text)
    out = {}
    for k in range(0, len(names), 500):
        r = subprocess.run(['xmllint', '--noout', '--relaxng', f'{src}/data/ashireport.rng']
                           + names[k:k + 500], capture_output=True, text=True)
        for line in r.stderr.splitlines():
            m = re.match(r'(\S+) (validates|fails to validate)$', line)
            if m:
                out[m.group(1)] = m.group(2) == 'validates'
    return [out.get(n) for n in names]


def schema_rejects():
    """d: the schema refuses every bad value the loader is tested with, and
    accepts the same element without it."""
    cases = []
    for (el, at), v in sorted(vocab.items()):
        for val in bad_values(v['type'], v['min'], v['max']):
            cases.append((el, at, val))
    decks = []
    for el, at, val in cases:
        # the twin: without the attribute, or with a good value where it is required
        good = {'ink': '#123456', 'text': 'x', 'theme': 'accent'}.get(vocab[el, at]['type'])
        twin = deck_with(el, at, good) if vocab[el, at]['required'] else deck_with(el, None, None)
        decks += [deck_with(el, at, val), twin]
    got = schema_verdicts(decks)
    for i, (el, at, val) in enumerate(cases):
        if got[2 * i] is not False:
            problem(f'schema: accepts <{el} {at}="{val}">, which the loader refuses')
        if got[2 * i + 1] is not True:
            problem(f'schema: refuses <{el}> without a bad {at} (its context is wrong)')
    print(f'schema: {len(cases)} bad values refused')


def candidates(v, rnd):
    """Values to hold the schema's verdict against the loader's: the bounds
    in every unit, just inside and outside them, odd spellings, and random
    numbers around the range."""
    ty, lo, hi = v['type'], v['min'], v['max']
    units = (('pt', 1.0), ('mm', 72 / 25.4), ('cm', 72 / 2.54), ('in', 72.0))
    def nums(lo, hi, scale):
        out = set()
        for b in (lo, hi) if hi > 0 else (lo,):
            x = b / scale
            for d in (0, 0.01, -0.01, 1, -1):
                out.add(f'{round(x + d, 4):g}')
        top = hi / scale if hi > 0 else 1000
        for _ in range(6):
            out.add(f'{rnd.uniform(-0.5 * top, 1.5 * top):.{rnd.randint(0, 3)}f}')
        return out
    odd = ['', ' ', '.', '5', '5 mm', '5MM', '5e1mm', '+5mm', '-0mm', '05.50mm', '.5mm', '5.mm',
           '\u0665mm', '\uff15mm', 'mm', '5mmm', '1,5mm', '5pt ', ' 5pt', '0x5pt']
    out = set(odd)
    if ty in ('length', 'length_pct', 'size', 'leading', 'indent', 'border'):
        for u, f in units:
            out.update(n + u for n in nums(v['min'] if ty != 'border' else 0,
                                           v['max'] if ty != 'border' else 20, f))
    if ty in ('length_pct', 'size', 'percent'):
        out.update(n + '%' for n in nums(lo if ty == 'percent' else 0,
                                         hi if ty == 'percent' else 100, 1))
        out.update(['0%', '100%', '100.0001%', '1e2%', '%', '50 %', '99999%', '100001%'])
    if ty == 'percent':
        out.update(nums(lo, hi, 1))
    if ty == 'whole':
        out.update(['0', '1', '64', '65', '+3', ' 3 ', '3.0', '-1', '007', '1e1', '99999999999'])
    if ty == 'number':
        out.update(['0', '-5', '+5', '1.5', '.5', '5.', '1e3', '1234567890123456', '123456789012345', '--5'])
    if ty in ('color', 'fill', 'ink', 'border'):
        col = ['#fff', '#FFF', '#ffffff', '#GGG', '#ffff', '#1F4E79', 'accent', 'table-line',
               'Accent', 'none', 'red']
        if ty == 'border':
            out.update(f'{w} {c}{s}' for w in ('0.75pt', '20pt', '21pt', '1mm', 'x')
                       for c in col[:3] + ['accent', 'none'] for s in ('', ' solid', ' dashed', ' dotted'))
            out.update(['1pt', '1pt  #999', ' 1pt #999 ', '1pt #999 solid x'])
        else:
            out.update(col)
    if ty == 'ink':
        out.update(['cmyk(0,100,100,0)', 'cmyk(0,0,0,101)', 'cmyk(0,0,0)', 'cmyk(0, 0,0,0)',
                    'cmyk(.5,0,0,100.0)', 'cmyk(0,0,0,0) ', 'CMYK(0,0,0,0)', 'cmyk(-0,0,0,0)'])
    if ty in ('widths', 'widths_auto'):
        out.update(['1fr', '1fr 2fr', '30% 70%', '40mm 1fr auto', 'auto', '0fr', '0%', '101%',
                    ' 1fr  2fr ', '1fr' + ' 1fr' * 63, '1fr' + ' 1fr' * 64, '5001mm', '5000mm',
                    '1.5fr', 'fr', '10px'])
    if ty in ('format', 'chart_format'):
        out.update(['comma', 'fixed:0', 'fixed:4', 'fixed:5', 'fixed:', 'man', 'oku', 'percent',
                    'auto', 'Comma', 'fixed:01'])
    if ty == 'aspect':
        out.update(['4:3', '16:9', '0:1', '1:0', '99.9:1', '100:1', '1.5:2.5', '4-3', '4:3:2',
                    ':3', ' 4:3', '4 : 3'])
    if ty == 'char':
        out.update(['.', '、', 'ab', '\u00a0', '𠀋', ' '])
    if ty == 'page':
        out.update(['A4', 'A3', 'B5', 'A4-landscape', 'B5-landscape', '16:9', 'A5', 'a4',
                    '210mm 297mm', '10mm 10mm', '9.99mm 10mm', '5000mm 5000mm', '5000.01mm 1mm',
                    '210mm  297mm', '210mm 297mm 1mm', '210 297', '8.5in 11in', '595pt 842pt'])
    if ty == 'leading':
        out.update(['1.5', '0.8', '0.79', '4', '4.01', '12pt', '3.9pt', '1000pt', '1001pt'])
    if ty == 'indent':
        out.update(['1em', '0em', '2.5em', '-1em', 'em', '1 em', '0pt', '1000pt', '1001pt'])
    return sorted(x for x in out if '"' not in x)


def loader_refuses(el, at, val, diags):
    pat = (rf"^(unknown page size|page size) '{re.escape(val)}'" if vocab[el, at]['type'] == 'page'
           else rf"^{re.escape(at)} '{re.escape(val)}' must be ")
    return any(re.search(pat, d) for d in diags)


def schema_agrees():
    """e: for values around every typed attribute's rules, the schema and
    the loader give the same verdict (the schema's patterns are written by
    scripts/schema.py from the same table)."""
    import random, subprocess
    from xml.sax.saxutils import quoteattr
    rnd = random.Random(7)  # the same values on every run
    typed = {k: v for k, v in vocab.items() if v['type'] not in
             ('text', 'file', 'lang', 'theme', 'enum', 'onoff')}
    cases = [(el, at, val) for (el, at), v in sorted(typed.items()) for val in candidates(v, rnd)]
    # the loader: one deck of lines for the slides' elements and the theme's
    # entries, a deck each for <deck> and <theme>
    lines, where, theme = [f'<deck {NS}>', '  <theme>'], {}, []
    for el, at, val in cases:
        if el in ('style', 'master', 'color'):
            where[el, at, val] = len(lines) + 1
            lines.append(CONTEXT[el].replace('{A}', f'{at}={quoteattr(val)}'))
    lines.append('  </theme>')
    for el, at, val in cases:
        if el not in ('deck', 'theme', 'style', 'master', 'color'):
            where[el, at, val] = len(lines) + 1
            lines.append(CONTEXT[el].replace('{A}', f'{at}={quoteattr(val)}'))
    lines.append('</deck>')
    deck = f'{work}/schema-loader.xml'
    with open(deck, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')
    def diags_of(path):
        r = subprocess.run([cli, 'check', path], capture_output=True, text=True, cwd=work)
        by_line = {}
        for d in r.stderr.splitlines():
            m = re.match(r'.*?:(\d+):(\d+): (?:error|warning): (.*)$', d)
            if m:
                by_line.setdefault(int(m.group(1)), []).append(m.group(3))
        return by_line
    by_line = diags_of(deck)
    loader = {}
    for el, at, val in cases:
        if (el, at, val) in where:
            loader[el, at, val] = not loader_refuses(el, at, val, by_line.get(where[el, at, val], []))
        else:
            path = f'{work}/schema-one.xml'
            with open(path, 'w', encoding='utf-8') as f:
                f.write(deck_with(el, at, val))
            ds = [d for ds in diags_of(path).values() for d in ds]
            loader[el, at, val] = not loader_refuses(el, at, val, ds)
    got = schema_verdicts([deck_with(el, at, val) for el, at, val in cases])
    wrong = 0
    for (el, at, val), ok in zip(cases, got):
        if ok != loader[el, at, val]:
            wrong += 1
            problem(f'schema: <{el} {at}="{val}">: the schema {"accepts" if ok else "refuses"} it, '
                    f'the loader {"accepts" if loader[el, at, val] else "refuses"} it')
    print(f'schema: {len(cases)} values of {len(typed)} typed attributes, {wrong} verdicts '
          'differ from the loader\'s')


{'tables': lambda: (schema_check(), docs_check(f'{src}/docs/reference.en.md'),
                    docs_check(f'{src}/docs/reference.ja.md')),
 'generate': generate, 'verify': verify,
 'schema': lambda: (schema_rejects(), schema_agrees())}[mode]()
sys.exit(1 if bad else 0)
