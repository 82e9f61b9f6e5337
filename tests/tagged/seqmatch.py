#!/usr/bin/env python3
"""seqmatch.py — text comparisons for tests/tagged.sh, whitespace ignored.

  seqmatch.py flat-pdfinfo STRUCT.txt     the text of `pdfinfo -struct-text`
                                          (its quoted lines), whitespace removed
  seqmatch.py subseq EXPECT FLAT          each line of EXPECT found in FLAT in
                                          order; else the first one missing
  seqmatch.py same A B NAME_A NAME_B      A and B equal once whitespace is
                                          removed; else where they part
  seqmatch.py absent NEEDLE FLAT          NEEDLE (whitespace removed) not in FLAT
SPDX-License-Identifier: MIT"""
import re
import sys

WS = re.compile(r"\s+")


def flat(s):
    return WS.sub("", s)


def pdfinfo_text(path):
    """The quoted text lines, without those under an RT element (a ruby's
    reading is no part of the text the source reads)."""
    out = []
    skip_below = None  # the indentation of the RT being skipped
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            t = line.strip()
            indent = len(line) - len(line.lstrip(" "))
            if skip_below is not None and indent <= skip_below:
                skip_below = None
            if skip_below is not None:
                continue
            if t == "RT" or t.startswith("RT "):
                skip_below = indent
                continue
            if len(t) >= 2 and t.startswith('"') and t.endswith('"'):
                out.append(t[1:-1])
    return "".join(out)


def ctx(s, i, n=30):
    return s[max(0, i - n):i] + "⟦" + s[i:i + n] + "⟧"


def main(a):
    if a[0] == "flat-pdfinfo":
        sys.stdout.write(flat(pdfinfo_text(a[1])) + "\n")
        return 0
    if a[0] == "subseq":
        hay = flat(open(a[2], encoding="utf-8").read())
        pos = 0
        for n, line in enumerate(open(a[1], encoding="utf-8"), 1):
            want = flat(line)
            if not want:
                continue
            i = hay.find(want, pos)
            if i < 0:
                j = hay.find(want)
                where = (f"it is there earlier, at {j} (out of order)" if j >= 0
                         else "it is nowhere in the text")
                print(f"source piece {n} {want!r} not found after position {pos}; {where}; "
                      f"the text there: {ctx(hay, pos)}")
                return 1
            pos = i + len(want)
        return 0
    if a[0] == "same":
        x = flat(open(a[1], encoding="utf-8").read())
        y = flat(open(a[2], encoding="utf-8").read())
        if x == y:
            return 0
        i = next((k for k in range(min(len(x), len(y))) if x[k] != y[k]), min(len(x), len(y)))
        print(f"{a[3]} ({len(x)} chars) and {a[4]} ({len(y)} chars) part at {i}: "
              f"{a[3]} {ctx(x, i)} vs {a[4]} {ctx(y, i)}")
        return 1
    if a[0] == "absent":
        hay = flat(open(a[2], encoding="utf-8").read())
        needle = flat(a[1])
        if needle and needle in hay:
            i = hay.find(needle)
            print(f"{needle!r} is in the structure text (should be an artifact): {ctx(hay, i)}")
            return 1
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
