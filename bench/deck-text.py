#!/usr/bin/env python3
# deck-text.py DECK.xml PREFIX — writes the text a deck shows, for the
# shaping part of the floor (bench/floor.sh runs hb-shape over it):
# PREFIX-regular.txt and PREFIX-bold.txt, one line per run of text (an
# element's text or its tail, an attribute that is shown), split by the
# face the default theme sets it in: bold for slide titles, h, th, b,
# chart titles and stat labels and values, regular for the rest (series
# numbers as written). SPDX-License-Identifier: MIT
import sys
import xml.etree.ElementTree as ET

NS = "{urn:ashireport:deck:1}"
BOLD = {"h", "th", "b"}
# attributes shown on the page, and whether their style is bold
SHOWN = {("slide", "title"): 1, ("slide", "subtitle"): 0, ("section", "title"): 1,
         ("section", "subtitle"): 0, ("chart", "title"): 1, ("chart", "unit"): 0,
         ("chart", "source"): 0, ("series", "name"): 0, ("stat", "label"): 1,
         ("stat", "value"): 1, ("stat", "unit"): 1, ("stat", "note"): 0,
         ("master", "footer-text"): 0, ("image", "caption"): 0, ("arrow", "label"): 0,
         ("placeholder", "label"): 0}


def walk(el, bold, out):
    tag = el.tag[len(NS):] if el.tag.startswith(NS) else el.tag
    if tag == "info":
        return
    for (t, a), b in SHOWN.items():
        if t == tag and a in el.attrib:
            out[b].append(el.attrib[a])
    b = bold or tag in BOLD
    if el.text and el.text.strip():
        out[b].append(el.text.strip())
    for child in el:
        walk(child, b, out)
        if child.tail and child.tail.strip():
            out[b].append(child.tail.strip())


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: deck-text.py DECK.xml PREFIX")
    out = {0: [], 1: []}
    walk(ET.parse(sys.argv[1]).getroot(), False, out)
    for b, name in ((0, "regular"), (1, "bold")):
        with open(f"{sys.argv[2]}-{name}.txt", "w", encoding="utf-8") as f:
            f.write("".join(" ".join(s.split()) + "\n" for s in out[b]))


if __name__ == "__main__":
    main()
