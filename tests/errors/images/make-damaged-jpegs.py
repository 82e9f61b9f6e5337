#!/usr/bin/env python3
# make-damaged-jpegs.py — writes the damaged JPEGs of ../damaged-jpeg.xml
# into this folder from the sound tests/decks/images/baseline.jpg (160 x 90,
# SOF0 at byte 158, the scan header at 277) and progressive.jpg. Run it
# only to remake them; the files are committed. SPDX-License-Identifier: MIT
import os

here = os.path.dirname(os.path.abspath(__file__))
images = os.path.join(here, "..", "..", "decks", "images")
base = bytearray(open(os.path.join(images, "baseline.jpg"), "rb").read())
prog = bytearray(open(os.path.join(images, "progressive.jpg"), "rb").read())
SOF, SOS = 158, 277
assert base[SOF:SOF + 2] == b"\xff\xc0" and base[SOS:SOS + 2] == b"\xff\xda"


def frame(data, w, h):
    """The frame header claims w x h pixels."""
    d = bytearray(data)
    d[SOF + 5:SOF + 9] = bytes([h >> 8, h & 255, w >> 8, w & 255])
    return d


def write(name, data):
    with open(os.path.join(here, name), "wb") as f:
        f.write(data)


# headers and tables, then the end marker: no scan at all
write("no-scan.jpg", base[:SOS] + b"\xff\xd9")
# the frame says 65500 x 700 (under the pixel limit), the data is for 160 x 90
write("lying-size.jpg", frame(base, 65500, 700))
# the entropy-coded data cut after 200 bytes, the end marker still there
write("truncated-scan.jpg", base[:SOS + 14 + 200] + b"\xff\xd9")
# 200 bytes of the entropy-coded data overwritten (no 0xFF: no false marker)
garbage = bytearray(base)
for k in range(SOS + 14 + 50, SOS + 14 + 250):
    garbage[k] = (k * 37) & 0xFE
write("garbage-scan.jpg", garbage)
# a progressive JPEG cut in the middle of its third scan
write("truncated-progressive.jpg", prog[:600] + b"\xff\xd9")
# 65500 x 65500: refused by the pixel limit before any decoding
write("huge-frame.jpg", frame(base, 65500, 65500))
