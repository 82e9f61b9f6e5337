#!/usr/bin/env python3
"""sample.py OUT.pdf [BREAK] — writes a small hand-made Tagged PDF (two
pages: a Document with a Sect per page, H1, P, L/LI/Lbl/LBody, a Table with
a TH Scope and a ColSpan, a Figure with /Alt, artifacts for the background
and the page number), to try the readers and check_pdf.py on a file whose
structure is known. Its font is the standard Helvetica, not embedded, so
check_pdf.py reports 31-009 for it and nothing else. BREAK makes one
condition fail on purpose (see BREAKS). stdlib only. SPDX-License-Identifier: MIT"""
import sys
import zlib

BREAKS = {
    "untagged-paint": "01-005",   # a rectangle outside any marked content
    "mcid-in-artifact": "01-004",  # an MCID sequence inside an Artifact
    "figure-no-alt": "13-004",
    "h3-after-h1": "14-003",
    "th-no-scope": "15-003",
    "no-lang": "11-001",
    "parenttree-gap": "UA1:7.1-ParentTree",
    "td-outside-tr": "09-004",
}


def build(brk=None):
    objs = {}

    def put(num, body):
        objs[num] = body

    def stream(num, d, data):
        objs[num] = (d, data)

    xmp = ("""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Sample deck</rdf:li></rdf:Alt></dc:title>
<pdf:Producer>sample.py</pdf:Producer><pdfuaid:part>1</pdfuaid:part><pdfaid:part>2</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>""").encode()
    lang = "" if brk == "no-lang" else "/Lang (ja-JP) "
    put(1, f"<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 10 0 R /MarkInfo << /Marked true >> "
           f"{lang}/ViewerPreferences << /DisplayDocTitle true >> /Metadata 5 0 R "
           f"/OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB) /DestOutputProfile 6 0 R >>] >>")
    put(2, "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>")
    res = "<< /Font << /F1 7 0 R >> >>"
    put(3, f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Resources {res} /Contents 8 0 R /StructParents 0 >>")
    put(4, f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Resources {res} /Contents 9 0 R /StructParents 1 >>")
    stream(5, "/Type /Metadata /Subtype /XML", xmp)
    # a fake ICC header: size, 'acsp' at 36, 'RGB ' at 16
    icc = bytearray(128)
    icc[16:20] = b"RGB "
    icc[36:40] = b"acsp"
    stream(6, "/N 3", bytes(icc))
    put(7, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")

    def text(x, y, s):
        return f"BT /F1 12 Tf {x} {y} Td ({s}) Tj ET"

    art = "/Artifact << /Type /Pagination >> BDC 0.9 g 0 0 400 300 re f EMC"
    p1 = [art,
          "/H1 << /MCID 0 >> BDC " + text(20, 260, "Title one") + " EMC",
          "/P << /MCID 1 >> BDC " + text(20, 230, "A paragraph.") + " EMC",
          "/Lbl << /MCID 2 >> BDC " + text(20, 200, "-") + " EMC",
          "/LBody << /MCID 3 >> BDC " + text(35, 200, "An item") + " EMC",
          "/Figure << /MCID 4 >> BDC 0 0 1 rg 300 200 50 50 re f EMC",
          "/Artifact << /Type /Pagination /Subtype /Footer >> BDC " + text(370, 10, "1") + " EMC"]
    if brk == "untagged-paint":
        p1.append("1 0 0 rg 10 10 5 5 re f")
    if brk == "mcid-in-artifact":
        p1[0] = "/Artifact BMC /P << /MCID 9 >> BDC 0 0 1 1 re f EMC EMC"
    p2 = [art,
          "/H1 << /MCID 0 >> BDC " + text(20, 260, "Title two") + " EMC",
          "/TH << /MCID 1 >> BDC " + text(20, 230, "Head") + " EMC",
          "/TD << /MCID 2 >> BDC " + text(20, 200, "Cell a") + " EMC",
          "/TD << /MCID 3 >> BDC " + text(120, 200, "Cell b") + " EMC",
          "/Artifact << /Type /Pagination /Subtype /Footer >> BDC " + text(370, 10, "2") + " EMC"]
    stream(8, "", zlib.compress("\n".join(p1).encode()))
    objs[8] = ("/Filter /FlateDecode", zlib.compress("\n".join(p1).encode()))
    objs[9] = ("/Filter /FlateDecode", zlib.compress("\n".join(p2).encode()))
    # structure: 10 root, 11 Document, 12 Sect p1, 13 H1, 14 P, 15 L, 16 LI,
    # 17 Lbl, 18 LBody, 19 Figure, 20 Sect p2, 21 H1, 22 Table, 23 TR, 24 TH,
    # 25 TR, 26 TD, 27 TD
    put(10, "<< /Type /StructTreeRoot /K [11 0 R] /ParentTree 30 0 R /ParentTreeNextKey 2 >>")
    put(11, "<< /Type /StructElem /S /Document /P 10 0 R /K [12 0 R 20 0 R] >>")
    put(12, "<< /Type /StructElem /S /Sect /P 11 0 R /K [13 0 R 14 0 R 15 0 R 19 0 R] >>")
    put(13, "<< /Type /StructElem /S /H1 /P 12 0 R /Pg 3 0 R /K 0 >>")
    put(14, "<< /Type /StructElem /S /P /P 12 0 R /Pg 3 0 R /K 1 >>")
    put(15, "<< /Type /StructElem /S /L /P 12 0 R /K [16 0 R] /A << /O /List /ListNumbering /None >> >>")
    put(16, "<< /Type /StructElem /S /LI /P 15 0 R /K [17 0 R 18 0 R] >>")
    put(17, "<< /Type /StructElem /S /Lbl /P 16 0 R /Pg 3 0 R /K 2 >>")
    put(18, "<< /Type /StructElem /S /LBody /P 16 0 R /Pg 3 0 R /K 3 >>")
    alt = "" if brk == "figure-no-alt" else "/Alt (A blue square) "
    put(19, f"<< /Type /StructElem /S /Figure /P 12 0 R /Pg 3 0 R {alt}/K 4 /A << /O /Layout /BBox [300 200 350 250] >> >>")
    put(20, "<< /Type /StructElem /S /Sect /P 11 0 R /K [21 0 R 22 0 R] >>")
    put(21, f"<< /Type /StructElem /S /{'H3' if brk == 'h3-after-h1' else 'H1'} /P 20 0 R /Pg 4 0 R /K 0 >>")
    put(22, "<< /Type /StructElem /S /Table /P 20 0 R /K [23 0 R 25 0 R] >>")
    put(23, "<< /Type /StructElem /S /TR /P 22 0 R /K [24 0 R] >>")
    scope = "" if brk == "th-no-scope" else "/Scope /Column "
    put(24, f"<< /Type /StructElem /S /TH /P 23 0 R /Pg 4 0 R /K 1 /A << /O /Table {scope}/ColSpan 2 >> >>")
    if brk == "td-outside-tr":
        put(25, "<< /Type /StructElem /S /TR /P 22 0 R /K [26 0 R] >>")
        put(22, "<< /Type /StructElem /S /Table /P 20 0 R /K [23 0 R 25 0 R 27 0 R] >>")
        put(27, "<< /Type /StructElem /S /TD /P 22 0 R /Pg 4 0 R /K 3 >>")
    else:
        put(25, "<< /Type /StructElem /S /TR /P 22 0 R /K [26 0 R 27 0 R] >>")
        put(27, "<< /Type /StructElem /S /TD /P 25 0 R /Pg 4 0 R /K 3 >>")
    put(26, "<< /Type /StructElem /S /TD /P 25 0 R /Pg 4 0 R /K 2 >>")
    p2tree = "[21 0 R 24 0 R 26 0 R 27 0 R]" if brk != "parenttree-gap" else "[21 0 R 24 0 R 26 0 R]"
    put(30, f"<< /Nums [0 [13 0 R 14 0 R 17 0 R 18 0 R 19 0 R] 1 {p2tree}] >>")
    put(31, "<< /Title (Sample deck) /Producer (sample.py) >>")

    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offs = {}
    for num in sorted(objs):
        offs[num] = len(out)
        body = objs[num]
        if isinstance(body, tuple):
            d, data = body
            out += f"{num} 0 obj\n<< {d} /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream\nendobj\n"
        else:
            out += f"{num} 0 obj\n{body}\nendobj\n".encode()
    size = max(objs) + 1
    xref = len(out)
    out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    for n in range(1, size):
        out += (f"{offs[n]:010d} 00000 n \n" if n in offs else "0000000000 65535 f \n").encode()
    out += (f"trailer\n<< /Size {size} /Root 1 0 R /Info 31 0 R "
            f"/ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


if __name__ == "__main__":
    brk = sys.argv[2] if len(sys.argv) > 2 else None
    if brk is not None and brk not in BREAKS:
        sys.exit(f"unknown break {brk}; one of {', '.join(BREAKS)}")
    with open(sys.argv[1], "wb") as f:
        f.write(build(brk))
