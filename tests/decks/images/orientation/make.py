#!/usr/bin/env python3
# make.py — writes the EXIF orientation test images of ../../orientation.xml
# into this folder (needs python3-pil; run it only to remake them, the files
# are committed). Every file shows, once its orientation is applied, the same
# upright 120 x 80 picture: red top left, green top right, blue bottom left,
# yellow bottom right, a black F in the middle. jpeg-N.jpg and png-N.png
# carry orientation N (APP1 Exif / eXIf; odd N little-endian "II", even N
# big-endian "MM"); png-alpha-6.png has orientation 6 and a transparent top
# left corner. The stored pixels are made from the orientation's definition
# (which stored row and column become the shown top and left) and checked
# against Pillow's ImageOps.exif_transpose. SPDX-License-Identifier: MIT
import io
import os
import struct

from PIL import Image, ImageDraw, ImageOps

here = os.path.dirname(os.path.abspath(__file__))
W, H = 120, 80
RED, GREEN, BLUE, YELLOW = (230, 0, 0), (0, 170, 0), (0, 0, 230), (240, 200, 0)


def upright(alpha=False):
    im = Image.new("RGBA" if alpha else "RGB", (W, H))
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, W // 2 - 1, H // 2 - 1], fill=RED)
    d.rectangle([W // 2, 0, W - 1, H // 2 - 1], fill=GREEN)
    d.rectangle([0, H // 2, W // 2 - 1, H - 1], fill=BLUE)
    d.rectangle([W // 2, H // 2, W - 1, H - 1], fill=YELLOW)
    for box in ([50, 15, 58, 65], [50, 15, 80, 23], [50, 36, 72, 43]):
        d.rectangle(box, fill=(0, 0, 0))
    if alpha:
        d.rectangle([0, 0, 19, 19], fill=(230, 0, 0, 0))
    return im


# Orientation N stores the shown pixel (x, y) of a w x h picture at stored
# (sx, sy), from the EXIF definitions: 2 mirrored, 3 turned 180, 4 flipped,
# 5 row 0 is the left side and column 0 the top, 6 row 0 the right side and
# column 0 the top (shown turned 90 clockwise), 7 row 0 the right side and
# column 0 the bottom, 8 row 0 the left side and column 0 the bottom.
def stored_of(n, x, y, w, h):
    return {
        1: (x, y), 2: (w - 1 - x, y), 3: (w - 1 - x, h - 1 - y), 4: (x, h - 1 - y),
        5: (y, x), 6: (y, w - 1 - x), 7: (h - 1 - y, w - 1 - x), 8: (h - 1 - y, x),
    }[n]


def stored(im, n):
    w, h = im.size
    out = Image.new(im.mode, (w, h) if n <= 4 else (h, w))
    for y in range(h):
        for x in range(w):
            out.putpixel(stored_of(n, x, y, w, h), im.getpixel((x, y)))
    return out


def exif(n):
    e = "<" if n % 2 else ">"
    tiff = (b"II" if n % 2 else b"MM") + struct.pack(e + "HI", 42, 8)
    tiff += struct.pack(e + "HHHIHHI", 1, 0x0112, 3, 1, n, 0, 0)
    return b"Exif\0\0" + tiff


def check(path, want):
    got = ImageOps.exif_transpose(Image.open(path)).convert(want.mode)
    assert got.size == want.size, (path, got.size)
    for px in ((12, 8), (108, 8), (12, 72), (108, 72), (54, 50), (75, 19)):
        g, w = got.getpixel(px), want.getpixel(px)
        assert all(abs(a - b) < 24 for a, b in zip(g, w)), (path, px, g, w)


pic = upright()
for n in range(1, 9):
    p = os.path.join(here, "jpeg-%d.jpg" % n)
    stored(pic, n).save(p, quality=95, subsampling=0, exif=exif(n))
    check(p, pic)
    p = os.path.join(here, "png-%d.png" % n)
    stored(pic, n).save(p, exif=exif(n))
    check(p, pic)
p = os.path.join(here, "png-alpha-6.png")
stored(upright(True), 6).save(p, exif=exif(6))
check(p, upright(True))
