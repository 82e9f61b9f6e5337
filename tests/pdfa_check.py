#!/usr/bin/env python3
# pdfa_check.py PDF archival|print — the parts of a PDF/A-2a, PDF/UA-1 file
# other than its tags, read back with qpdf and poppler: /Metadata (an
# uncompressed XML stream that parses, pdfinfo -meta shows it), its values
# equal to the Info dictionary's, pdfuaid:part 1, /MarkInfo Marked true, a
# trailer /ID of two equal 16-byte strings; archival: pdfaid part 2
# conformance A and one GTS_PDFA1 output intent with an N 3 ICC profile
# (RGB); print (CMYK): neither. SPDX-License-Identifier: MIT
import json
import subprocess
import sys
import xml.etree.ElementTree as ET

pdf, mode = sys.argv[1], sys.argv[2]
archival = mode == "archival"
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
          "pdfuaid": "http://www.aiim.org/pdfua/ns/id/"}
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

for e in errors:
    print("pdfa: " + e, file=sys.stderr)
sys.exit(1 if errors else 0)
