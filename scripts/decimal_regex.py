# decimal_regex.py — XML Schema regular expressions for decimal numbers in a
# range, as the loader reads them (lib/base/num.c): an optional sign, digits,
# an optional point and more digits ("5", "5.", ".5", "05.50"), at least one
# digit, no exponent. scripts/schema.py types the schema's attributes with
# them, so that an editor refuses "401pt" where the loader does.
# SPDX-License-Identifier: MIT
from fractions import Fraction

DIGITS = 6  # a bound's decimals kept: 7.055555mm for 20pt, not 7.0555556mm


def _alt(parts):
    parts = [p for p in parts if p is not None]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else '(' + '|'.join(parts) + ')'


def _digit_class(lo, hi):
    """One digit from lo to hi."""
    if lo > hi:
        return None
    if lo == hi:
        return str(lo)
    return r'\d' if (lo, hi) == (0, 9) else f'[{lo}-{hi}]'


def _then(head, rest):
    """head followed by a fraction rest given as (nonempty regex, empty ok)."""
    ne, empty = rest
    if ne is None:
        return head if empty else None
    return head + (_optional(ne) if empty else ne)


def _optional(r):
    """r or nothing: r? when r is one group or one character, else (r)?."""
    one = len(r) == 1 or (r.startswith('(') and _group_end(r) == len(r) - 1)
    return r + '?' if one else f'({r})?'


def _group_end(r):
    """Where the group that opens r closes."""
    depth, i = 0, 0
    while i < len(r):
        if r[i] == '\\':
            i += 2  # an escaped character is never a bracket
            continue
        depth += r[i] == '('
        depth -= r[i] == ')'
        if depth == 0:
            return i
        i += 1
    return -1


def _frac(a, b, a_strict, b_strict):
    """The digit strings F after a decimal point with a <= 0.F <= b, as
    (regex of the nonempty ones or None, whether the empty one is in).
    a and b are digit strings ('' is zero), b None for no bound below 1;
    a_strict and b_strict make the bounds < instead of <=."""
    a_zero = not a.strip('0')
    b_zero = b is not None and not b.strip('0')
    empty = a_zero and not a_strict and not (b_zero and b_strict)
    if b_zero:
        return ('0+' if empty else None), empty
    if a_zero and b is None:
        return (r'0*[1-9]\d*' if a_strict else r'\d+'), empty
    a0, a_rest = (int(a[0]), a[1:]) if a else (0, '')
    b0, b_rest = (10, None) if b is None else (int(b[0]), b[1:])
    parts = []
    if a0 == b0:
        parts.append(_then(str(a0), _frac(a_rest, b_rest, a_strict, b_strict)))
    else:
        parts.append(_then(str(a0), _frac(a_rest, None, a_strict, False)))
        mid = _digit_class(a0 + 1, b0 - 1)
        if mid:
            parts.append(mid + r'\d*')
        if b0 < 10:
            parts.append(_then(str(b0), _frac('', b_rest, False, b_strict)))
    return _alt(parts), empty


def _same_length(lo, hi):
    """Digit strings of one length from lo to hi (as strings)."""
    if not lo:
        return ''
    n = len(lo) - 1
    anything = '' if n == 0 else (r'\d' if n == 1 else r'\d{%d}' % n)
    if lo[0] == hi[0]:
        return lo[0] + _same_length(lo[1:], hi[1:])
    if lo[1:] == '0' * n and hi[1:] == '9' * n:
        return _digit_class(int(lo[0]), int(hi[0])) + anything
    mid = _digit_class(int(lo[0]) + 1, int(hi[0]) - 1)
    return _alt([lo[0] + _same_length(lo[1:], '9' * n), mid + anything if mid else None,
                 hi[0] + _same_length('0' * n, hi[1:])])


def integers(lo, hi):
    """Integers from lo >= 1 to hi (None: no end), no leading zeros."""
    top = hi if hi is not None else 10 ** len(str(lo)) - 1
    parts = []
    for width in range(len(str(lo)), len(str(top)) + 1):
        a, b = max(lo, 10 ** (width - 1)), min(top, 10 ** width - 1)
        if a <= b:
            parts.append(_same_length(str(a), str(b)))
    if hi is None:
        parts.append(r'[1-9]\d{%d,}' % len(str(lo)))
    return _alt(parts)


def _split(x):
    """A nonnegative Fraction as (integer part, decimals cut to DIGITS)."""
    i = int(x)
    f, s = x - i, ''
    for _ in range(DIGITS):
        f *= 10
        s += str(int(f))
        f -= int(f)
    return i, s.rstrip('0')


def unsigned(lo, hi, lo_strict=False, hi_strict=False):
    """Unsigned decimals x, lo <= x <= hi (strict: < and >), lo and hi
    nonnegative Fractions, hi None for no bound. Zeros may lead and trail."""
    li, lf = _split(lo)
    hi_i, hf = (None, None) if hi is None else _split(hi)
    groups = []  # (integers as a regex or 0 for zero, fraction)
    if hi_i is not None and li == hi_i:
        groups.append((li, _frac(lf, hf, lo_strict, hi_strict)))
    else:
        groups.append((li, _frac(lf, None, lo_strict, False)))
        mid = integers(li + 1, None if hi_i is None else hi_i - 1)
        if mid:
            groups.append((mid, (r'\d+', True)))
        if hi_i is not None:
            groups.append((hi_i, _frac('', hf, False, hi_strict)))
    parts = []
    for ints, (ne, empty) in groups:
        # after the integer part: a point and the fraction, or (when the
        # fraction may be empty) a bare point or nothing
        point = (r'(\.' + _optional(ne) + ')?' if ne and empty else
                 r'\.?' if empty else (r'\.' + ne) if ne else None)
        if point is None:
            continue
        if ints == 0:
            # zero as integer part: "0", "00.5", or none at all before ".5"
            parts.append('0+' + point)
            if ne:
                parts.append(r'\.' + ne)
        else:
            parts.append('0*' + (str(ints) if isinstance(ints, int) else ints) + point)
    return _alt(parts)


def decimal(lo, hi, lo_strict=False, hi_strict=False):
    """Decimals from lo to hi (Fractions; None: no bound) with an optional
    sign, as ashi_parse_number reads them."""
    parts = []
    if hi is None or hi > 0 or (hi == 0 and not hi_strict):
        low = Fraction(0) if lo is None or lo < 0 else lo
        strict = lo_strict if lo is not None and lo >= 0 else False
        p = unsigned(low, hi, strict, hi_strict)
        if p:
            parts.append(r'\+?' + p)
    if lo is None or lo < 0 or (lo == 0 and not lo_strict):
        # -x, x from max(0, -hi) to -lo; "-0" is zero
        low = Fraction(0) if hi is None or hi > 0 else -hi
        strict = hi_strict if hi is not None and hi <= 0 else False
        p = unsigned(low, None if lo is None else -lo, strict, lo_strict)
        if p:
            parts.append('-' + p)
    return _alt(parts)
