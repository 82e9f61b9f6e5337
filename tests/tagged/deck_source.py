#!/usr/bin/env python3
"""deck_source.py DECK.xml — the text a deck's structure tree must hold, in
source order, one piece a line, whitespace removed: slide and section titles
and subtitles, h, p, list items, table cells (or the blocks inside them),
stat label / value+unit / note, image captions, placeholder labels, right
arrow labels, chart titles and sources. Ruby prints its base text (the
reading is the rt attribute). Cells of a column with a number format print
nothing (their shown text is the formatted number, not the source's).
Generated text (footers, page numbers, （続き）, the placeholder's
【写真・差し替え予定】) is not printed: it is no source text. xml.etree only,
independent of the library. SPDX-License-Identifier: MIT"""
import re
import sys
import xml.etree.ElementTree as ET

NS = "{urn:ashireport:deck:1}"
WS = re.compile(r"\s+")


def local(tag):
    return tag[len(NS):] if tag.startswith(NS) else tag


def strip(s):
    return WS.sub("", s or "")


def inline_text(el):
    """the text of inline content: text and tails, ruby's base text"""
    out = [el.text or ""]
    for c in el:
        out.append(inline_text(c))
        out.append(c.tail or "")
    return "".join(out)


def emit(out, s):
    s = strip(s)
    if s:
        out.append(s)


def table(el, out):
    formatted = []
    for col in el.findall(NS + "col"):
        formatted.append(col.get("format") is not None)
    occupied = set()
    for ri, tr in enumerate(el.findall(NS + "tr")):
        ci = 0
        for cell in tr:
            if local(cell.tag) not in ("th", "td"):
                continue
            while (ri, ci) in occupied:
                ci += 1
            cs = int(cell.get("colspan", "1"))
            rs = int(cell.get("rowspan", "1"))
            for dr in range(rs):
                for dc in range(cs):
                    occupied.add((ri + dr, ci + dc))
            fmt = ci < len(formatted) and formatted[ci]
            ci += cs
            blocks = [c for c in cell if local(c.tag) in ("p", "list", "stat", "image", "box")]
            if blocks:
                walk(cell, out)
            elif not fmt:
                emit(out, inline_text(cell))


def walk(el, out):
    for c in el:
        if not isinstance(c.tag, str):
            continue
        name = local(c.tag)
        if name in ("info", "theme"):
            continue
        if name in ("slide", "section"):
            emit(out, c.get("title"))
            emit(out, c.get("subtitle"))
            walk(c, out)
        elif name == "stat":
            emit(out, c.get("label"))
            emit(out, (c.get("value") or "") + (c.get("unit") or ""))
            emit(out, c.get("note"))
        elif name == "placeholder":
            emit(out, c.get("label"))
        elif name == "image":
            emit(out, c.get("caption"))
        elif name == "arrow":
            if c.get("dir") == "right":
                emit(out, c.get("label"))
        elif name == "chart":
            emit(out, c.get("title"))
            emit(out, c.get("source"))
        elif name == "table":
            table(c, out)
        elif name in ("h", "p", "item"):
            emit(out, inline_text(c))
        else:
            walk(c, out)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: deck_source.py DECK.xml")
    root = ET.parse(sys.argv[1]).getroot()
    out = []
    walk(root, out)
    sys.stdout.write("".join(s + "\n" for s in out))


if __name__ == "__main__":
    main()
