#!/usr/bin/env python3
# pdfa_check.py PDF archival|print|pdfx1a|pdfx4 — the parts of a PDF/A-2a, PDF/UA-1 file
# other than its tags, read back with qpdf and poppler: /Metadata (an
# uncompressed XML stream that parses, pdfinfo -meta shows it), its values
# equal to the Info dictionary's, pdfuaid:part 1, /MarkInfo Marked true, a
# trailer /ID of two equal 16-byte strings; archival: pdfaid part 2
# conformance A and one GTS_PDFA1 output intent with an N 3 ICC profile
# (RGB); print: neither (a file that claims nothing). pdfx1a (--print) and
# pdfx4 (--print --output-profile), PDF/X-1a:2003 and PDF/X-4 short of
# preflight: the header (%PDF-1.4, %PDF-1.6), one GTS_PDFX output intent
# (JC200103 with no profile; Custom with an N 4 CMYK output profile), Info's
# GTS_PDFXVersion (and GTS_PDFXConformance), Trapped /False, Title and
# dates, the XMP saying the same, TrimBox and BleedBox on every page; for
# X-1a also no SMask, no RGB (DeviceRGB, ICCBased N 3, rg/RG operators) and
# no ActualText marked content anywhere. SPDX-License-Identifier: MIT
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

pdf, mode = sys.argv[1], sys.argv[2]
assert mode in ("archival", "print", "pdfx1a", "pdfx4"), mode
archival = mode == "archival"
pdfx = mode.startswith("pdfx")
errors = []


def check(ok, what):
    if not ok:
        errors.append(what)


def run(*args):
    return subprocess.run(args, check=True, capture_output=True).stdout


objects = json.loads(run("qpdf", "--json", "--json-key=qpdf", pdf))["qpdf"][1]


def get(ref):
    """An object's value: direct values as they are, "N 0 R" looked up."""
    if isinstance(ref, str) and ref.endswith(" R"):
        o = objects["obj:" + ref]
        return o.get("value", o.get("stream"))
    return ref


def text(v):
    """A qpdf JSON v2 string: u:text or b:hex."""
    if v.startswith("u:"):
        return v[2:]
    raw = bytes.fromhex(v[2:])
    return raw[2:].decode("utf-16-be") if raw[:2] == b"\xfe\xff" else raw.decode("latin-1")


trailer = objects["trailer"]["value"]
catalog = get(trailer["/Root"])
info = get(trailer.get("/Info", {}))

# trailer /ID: two equal 16-byte strings
ids = get(trailer.get("/ID", []))
check(len(ids) == 2 and ids[0] == ids[1], "/ID is not two equal strings: %r" % ids)
check(all(i.startswith("b:") and len(i) == 2 + 32 for i in ids), "/ID strings not 16 bytes: %r" % ids)

# /MarkInfo
check(get(catalog.get("/MarkInfo", {})).get("/Marked") is True, "no /MarkInfo << /Marked true >>")

# /Metadata: an uncompressed XML stream
meta_ref = catalog.get("/Metadata")
check(meta_ref is not None, "no /Metadata in the catalog")
meta = get(meta_ref)["dict"] if meta_ref else {}
check(meta.get("/Type") == "/Metadata" and meta.get("/Subtype") == "/XML", "/Metadata dict: %r" % meta)
check("/Filter" not in meta, "/Metadata is compressed")

# /OutputIntents
intents = get(catalog.get("/OutputIntents", []))
if archival:
    check(len(intents) == 1, "want one output intent, have %d" % len(intents))
    for oi in intents:
        oi = get(oi)
        check(oi.get("/S") == "/GTS_PDFA1", "output intent /S %r" % oi.get("/S"))
        check(text(oi.get("/OutputConditionIdentifier", "u:")) == "sRGB IEC61966-2.1",
              "OutputConditionIdentifier %r" % oi.get("/OutputConditionIdentifier"))
        prof_ref = oi.get("/DestOutputProfile")
        prof = get(prof_ref)["dict"] if prof_ref else {}
        check(prof.get("/N") == 3, "ICC profile /N %r" % prof.get("/N"))
        if prof_ref:
            icc = run("qpdf", "--show-object=" + prof_ref.split()[0], "--filtered-stream-data", pdf)
            check(len(icc) >= 128 and int.from_bytes(icc[:4], "big") == len(icc), "ICC size")
            check(icc[36:40] == b"acsp" and icc[16:20] == b"RGB ", "not an RGB ICC profile")
elif pdfx:
    with open(pdf, "rb") as f:
        header = f.read(9)
    want = b"%PDF-1.4\n" if mode == "pdfx1a" else b"%PDF-1.6\n"
    check(header == want, "header %r, want %r" % (header, want))
    check(len(intents) == 1, "want one output intent, have %d" % len(intents))
    for oi in intents:
        oi = get(oi)
        check(oi.get("/S") == "/GTS_PDFX", "output intent /S %r" % oi.get("/S"))
        ident = text(oi.get("/OutputConditionIdentifier", "u:"))
        prof_ref = oi.get("/DestOutputProfile")
        check(text(oi.get("/Info", "u:")) != "", "output intent without /Info")
        if mode == "pdfx1a":
            check(ident == "JC200103", "OutputConditionIdentifier %r" % ident)
            check(text(oi.get("/RegistryName", "u:")) == "http://www.color.org", "RegistryName")
            check(text(oi.get("/OutputCondition", "u:")) == "Japan Color 2001 Coated",
                  "OutputCondition %r" % oi.get("/OutputCondition"))
            check(prof_ref is None, "X-1a with a registered condition embeds a profile")
        else:
            check(ident == "Custom", "OutputConditionIdentifier %r" % ident)
            check(text(oi.get("/OutputCondition", "u:")) != "", "no OutputCondition")
            prof = get(prof_ref)["dict"] if prof_ref else {}
            check(prof.get("/N") == 4, "ICC profile /N %r" % prof.get("/N"))
            if prof_ref:
                icc = run("qpdf", "--show-object=" + prof_ref.split()[0],
                          "--filtered-stream-data", pdf)
                check(icc[36:40] == b"acsp" and icc[16:20] == b"CMYK" and icc[12:16] == b"prtr",
                      "not a CMYK output ICC profile")
    check(info.get("/GTS_PDFXVersion") is not None and
          text(info["/GTS_PDFXVersion"]) == ("PDF/X-1:2003" if mode == "pdfx1a" else "PDF/X-4"),
          "Info GTS_PDFXVersion %r" % info.get("/GTS_PDFXVersion"))
    if mode == "pdfx1a":
        check(text(info.get("/GTS_PDFXConformance", "u:")) == "PDF/X-1a:2003",
              "Info GTS_PDFXConformance %r" % info.get("/GTS_PDFXConformance"))
    check(info.get("/Trapped") == "/False", "Info Trapped %r" % info.get("/Trapped"))
    for key in ("/Title", "/CreationDate", "/ModDate"):
        check(info.get(key) is not None and text(info[key]) != "", "Info without %s" % key)
    # every page: a TrimBox and a BleedBox
    pages = [o["value"] for o in objects.values()
             if isinstance(o.get("value"), dict) and o["value"].get("/Type") == "/Page"]
    check(len(pages) > 0, "no pages")
    for pg in pages:
        check("/TrimBox" in pg and "/BleedBox" in pg, "a page without TrimBox or BleedBox")
    if mode == "pdfx1a":
        # everything, content streams inflated: no transparency, no RGB,
        # no ActualText marked content (PDF 1.5)
        with tempfile.TemporaryDirectory() as tmp:
            qdf = os.path.join(tmp, "q.pdf")
            subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, qdf], check=True)
            with open(qdf, "rb") as f:
                body = f.read()
        check(b"/SMask" not in body, "X-1a with a soft mask")
        check(b"/DeviceRGB" not in body, "X-1a with DeviceRGB")
        check(re.search(rb"/ICCBased", body) is None, "X-1a with an ICCBased colour space")
        check(re.search(rb"(^|\s)(rg|RG)(\s|$)", body, re.M) is None, "X-1a with rg/RG operators")
        check(re.search(rb"/ActualText[^\n]*BDC", body) is None, "X-1a with ActualText spans")
        check(re.search(rb"/(CA|ca) (0?\.\d+|0)\b", body) is None, "X-1a with constant alpha")
else:
    check("/OutputIntents" not in catalog, "print output has /OutputIntents")

# the XMP
if meta_ref:
    xmp = run("qpdf", "--show-object=" + meta_ref.split()[0], "--filtered-stream-data", pdf)
    shown = run("pdfinfo", "-meta", pdf)
    check(xmp.strip() in shown, "pdfinfo -meta does not show the XMP")
    check(xmp.startswith(b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>'),
          "xpacket header")
    check(xmp.rstrip().endswith(b'<?xpacket end="w"?>'), "xpacket trailer")
    try:
        root = ET.fromstring(xmp)
    except ET.ParseError as e:
        errors.append("XMP is not well-formed: %s" % e)
        root = ET.Element("none")
    ns = {"x": "adobe:ns:meta/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
          "dc": "http://purl.org/dc/elements/1.1/", "xmp": "http://ns.adobe.com/xap/1.0/",
          "pdf": "http://ns.adobe.com/pdf/1.3/", "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
          "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
          "pdfxid": "http://www.npes.org/pdfx/ns/id/", "xmpMM": "http://ns.adobe.com/xap/1.0/mm/"}
    check(root.tag == "{adobe:ns:meta/}xmpmeta", "root element %s" % root.tag)
    X_DEFAULT = "{http://www.w3.org/XML/1998/namespace}lang"

    def prop(path):
        e = root.find("rdf:RDF/rdf:Description/" + path, ns)
        return None if e is None else e.text

    def alt(name):
        for li in root.findall("rdf:RDF/rdf:Description/%s/rdf:Alt/rdf:li" % name, ns):
            if li.get(X_DEFAULT) == "x-default":
                return li.text
        return None

    def xmp_date(d):
        # D:YYYYMMDDHHmmSS as libharu writes it (no time zone)
        d = d[2:] if d.startswith("D:") else d
        return "%s-%s-%sT%s:%s:%s" % (d[0:4], d[4:6], d[6:8], d[8:10], d[10:12], d[12:14]) + d[14:]

    # pdfinfo's Title is what a reader shows
    title = None
    for line in run("pdfinfo", "-enc", "UTF-8", pdf).decode().splitlines():
        if line.startswith("Title:"):
            title = line[len("Title:"):].strip()
    check(alt("dc:title") == title, "dc:title %r, pdfinfo Title %r" % (alt("dc:title"), title))
    pairs = [("/Title", alt("dc:title")), ("/Subject", alt("dc:description")),
             ("/Author", prop("dc:creator/rdf:Seq/rdf:li")), ("/Producer", prop("pdf:Producer")),
             ("/CreationDate", prop("xmp:CreateDate")), ("/ModDate", prop("xmp:ModifyDate"))]
    for key, value in pairs:
        want = info.get(key)
        if want is not None:
            want = text(want)
            if key.endswith("Date"):
                want = xmp_date(want)
        check(want == value, "Info %s %r, XMP %r" % (key, want, value))
    lang = catalog.get("/Lang")
    if lang:
        check(prop("dc:language/rdf:Bag/rdf:li") == text(lang), "dc:language and /Lang differ")
    check(prop("pdfuaid:part") == "1", "pdfuaid:part %r" % prop("pdfuaid:part"))
    if archival:
        check(prop("pdfaid:part") == "2", "pdfaid:part %r" % prop("pdfaid:part"))
        check(prop("pdfaid:conformance") == "A", "pdfaid:conformance %r" % prop("pdfaid:conformance"))
    else:
        check(b"pdfaid" not in xmp, "print output claims PDF/A")
    if pdfx:
        v = info.get("/GTS_PDFXVersion")
        check(prop("pdfxid:GTS_PDFXVersion") == (text(v) if v else None),
              "XMP pdfxid:GTS_PDFXVersion %r, Info %r" % (prop("pdfxid:GTS_PDFXVersion"), v))
        check(prop("pdf:Trapped") == "False", "XMP pdf:Trapped %r" % prop("pdf:Trapped"))
        check((prop("xmpMM:DocumentID") or "").startswith("uuid:"), "no xmpMM:DocumentID")
        check(prop("xmpMM:RenditionClass") == "default", "xmpMM:RenditionClass")
    else:
        check(b"pdfxid" not in xmp, "a file not for print claims PDF/X")

for e in errors:
    print("pdfa: " + e, file=sys.stderr)
sys.exit(1 if errors else 0)
