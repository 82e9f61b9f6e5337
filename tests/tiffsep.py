"""tiffsep.py — one plate of Ghostscript's tiffsep output, for the print
tests (print.sh, ink.sh): plate(PATH) -> (width, height, pixels), the pixels
as stored (BlackIsZero: 0 is full ink). The plate must be uncompressed
(-sCompression=none), 8 bits, one sample. SPDX-License-Identifier: MIT"""
import struct


def plate(path):
    d = open(path, 'rb').read()
    e = '<' if d[:2] == b'II' else '>'
    off = struct.unpack(e + 'I', d[4:8])[0]
    tags = {}
    for i in range(struct.unpack(e + 'H', d[off:off + 2])[0]):
        t, ty, cnt, val = struct.unpack(e + 'HHII', d[off + 2 + 12 * i:off + 14 + 12 * i])
        f, size = ('H', 2) if ty == 3 else ('I', 4)
        if cnt == 1:
            tags[t] = [val & 0xFFFF if ty == 3 else val]
        else:
            tags[t] = list(struct.unpack(e + f * cnt, d[val:val + size * cnt]))
    assert tags[259] == [1] and tags[258] == [8] and tags.get(277, [1]) == [1], \
        'an uncompressed 8-bit plate'
    assert tags[262] == [1], 'BlackIsZero'
    px = b''.join(d[o:o + c] for o, c in zip(tags[273], tags[279]))
    return tags[256][0], tags[257][0], px
