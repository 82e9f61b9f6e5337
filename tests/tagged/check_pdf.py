#!/usr/bin/env python3
"""check_pdf.py FILE.pdf [--no-pdfa] [--quiet] — checks a PDF against the
machine-checkable failure conditions of the Matterhorn Protocol 1.1
(PDF/UA-1) and the PDF/A-2a rules that a rendered deck could break, each
failure printed on one line with its condition's id:

    FAIL 01-005 page 3: 'Tj' at offset 1234 is neither tagged nor an Artifact

It reads the file through qpdf's JSON (qpdf --json=2
--json-stream-data=inline --decode-level=generalized), so the PDF parsing is
qpdf's and the checks are this file's, python3's standard library only.
Exit 0 when every check passes, 1 on any failure, 2 when the file cannot
be read. docs/accessibility-checks.md lists the conditions.
SPDX-License-Identifier: MIT"""
import base64
import datetime
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

# ---------------------------------------------------------------- objects


class Ref:
    __slots__ = ("num",)

    def __init__(self, num):
        self.num = num

    def __repr__(self):
        return self.num

    def __eq__(self, o):
        return isinstance(o, Ref) and o.num == self.num

    def __hash__(self):
        return hash(self.num)


class Name(str):
    """a PDF name, without its slash"""


class Stream:
    def __init__(self, d, data):
        self.dict = d
        self.data = data


REF_RE = re.compile(r"^\d+ \d+ R$")


def conv(v):
    """qpdf JSON v2 value -> python: dict, list, Name, str (text),
    bytes (binary string), Ref, numbers, bool, None"""
    if isinstance(v, dict):
        return {k[1:]: conv(x) for k, x in v.items()}
    if isinstance(v, list):
        return [conv(x) for x in v]
    if isinstance(v, str):
        if v.startswith("/"):
            return Name(v[1:])
        if v.startswith("u:"):
            return v[2:]
        if v.startswith("b:"):
            return bytes.fromhex(v[2:])
        if v.startswith("n:/"):
            return Name(v[3:])
        if REF_RE.match(v):
            return Ref(v)
        return v
    return v


class PDF:
    def __init__(self, path):
        out = subprocess.run(
            ["qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=inline",
             "--decode-level=generalized", path],
            capture_output=True)
        if out.returncode not in (0, 3):
            raise RuntimeError("qpdf: " + out.stderr.decode(errors="replace"))
        j = json.loads(out.stdout)
        self.header = j["qpdf"][0]
        self.objs = {}
        raw = j["qpdf"][1]
        for k, v in raw.items():
            if k == "trailer":
                self.trailer = conv(v["value"])
                continue
            num = k[4:]  # "obj:1 0 R"
            if "stream" in v:
                s = v["stream"]
                data = base64.b64decode(s["data"]) if "data" in s else None
                self.objs[num] = Stream(conv(s["dict"]), data)
            else:
                self.objs[num] = conv(v.get("value"))

    def get(self, v):
        seen = 0
        while isinstance(v, Ref):
            v = self.objs.get(v.num)
            seen += 1
            if seen > 32:
                return None
        return v

    def dget(self, d, key, default=None):
        d = self.get(d)
        if isinstance(d, Stream):
            d = d.dict
        if not isinstance(d, dict):
            return default
        v = self.get(d.get(key))
        return default if v is None else v

    def pages(self):
        out = []

        def walk(node, inherited, depth):
            n = self.get(node)
            if not isinstance(n, dict) or depth > 64:
                return
            inh = dict(inherited)
            for k in ("Resources", "MediaBox", "CropBox", "Rotate"):
                if k in n:
                    inh[k] = n[k]
            if n.get("Type") == "Pages" or "Kids" in n:
                for k in self.get(n.get("Kids")) or []:
                    walk(k, inh, depth + 1)
            else:
                out.append((node, n, inh))

        walk(self.dget(self.trailer, "Root").get("Pages"), {}, 0)
        return out


# ----------------------------------------------------- content streams

DELIM = b"()<>[]{}/%"
WS = b" \t\r\n\f\0"


def tokenize(data):
    """yields (offset, kind, value): kind 'op', 'num', 'name', 'str',
    'hex', '[', ']', '<<', '>>', 'inline' (BI..EI as one op)"""
    i, n = 0, len(data)
    while i < n:
        c = data[i]
        if c in WS:
            i += 1
            continue
        if c == 0x25:  # %
            while i < n and data[i] not in b"\r\n":
                i += 1
            continue
        start = i
        if c == 0x28:  # (
            depth, i, buf = 1, i + 1, bytearray()
            while i < n and depth:
                ch = data[i]
                if ch == 0x5C:  # backslash
                    i += 1
                    if i >= n:
                        break
                    e = data[i]
                    m = {0x6E: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12}
                    if e in m:
                        buf.append(m[e])
                    elif 0x30 <= e <= 0x37:
                        j, val = i, 0
                        while j < n and j < i + 3 and 0x30 <= data[j] <= 0x37:
                            val = val * 8 + data[j] - 0x30
                            j += 1
                        buf.append(val & 0xFF)
                        i = j - 1
                    elif e in b"\r\n":
                        if e == 0x0D and i + 1 < n and data[i + 1] == 0x0A:
                            i += 1
                    else:
                        buf.append(e)
                elif ch == 0x28:
                    depth += 1
                    buf.append(ch)
                elif ch == 0x29:
                    depth -= 1
                    if depth:
                        buf.append(ch)
                else:
                    buf.append(ch)
                i += 1
            yield start, "str", bytes(buf)
            continue
        if c == 0x3C:  # <
            if i + 1 < n and data[i + 1] == 0x3C:
                yield start, "<<", None
                i += 2
                continue
            j = data.index(b">", i)
            hx = re.sub(rb"\s", b"", data[i + 1:j])
            if len(hx) % 2:
                hx += b"0"
            yield start, "str", bytes.fromhex(hx.decode())
            i = j + 1
            continue
        if c == 0x3E:
            if i + 1 < n and data[i + 1] == 0x3E:
                yield start, ">>", None
                i += 2
                continue
            i += 1
            continue
        if c in b"[]{}":
            yield start, chr(c), None
            i += 1
            continue
        if c == 0x2F:  # /
            i += 1
            while i < n and data[i] not in WS and data[i] not in DELIM:
                i += 1
            nm = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]),
                        data[start + 1:i])
            yield start, "name", nm.decode("latin-1")
            continue
        while i < n and data[i] not in WS and data[i] not in DELIM:
            i += 1
        word = data[start:i]
        if re.match(rb"^[+-]?(\d+\.?\d*|\.\d+)$", word):
            yield start, "num", float(word)
            continue
        w = word.decode("latin-1")
        if w == "BI":
            # inline image: skip to EI preceded and followed by white space
            m = re.compile(rb"\sEI(?=[\s]|$)").search(data, i)
            i = m.end() if m else n
            yield start, "op", "BI"
            continue
        yield start, "op", w


def operations(data):
    """yields (offset, operator, operands) with operands parsed: dicts as
    python dicts of Name keys, arrays as lists"""
    stack = []  # operand stack, with markers for [ and <<
    for off, kind, val in tokenize(data):
        if kind == "op":
            if val in ("true", "false", "null"):
                stack.append({"true": True, "false": False, "null": None}[val])
                continue
            ops = [x for x in stack]
            stack.clear()
            yield off, val, ops
        elif kind in ("[", "<<"):
            stack.append(("mark", kind))
        elif kind == "]":
            arr = []
            while stack and stack[-1] != ("mark", "["):
                arr.append(stack.pop())
            if stack:
                stack.pop()
            stack.append(list(reversed(arr)))
        elif kind == ">>":
            items = []
            while stack and stack[-1] != ("mark", "<<"):
                items.append(stack.pop())
            if stack:
                stack.pop()
            items.reverse()
            d = {}
            for k in range(0, len(items) - 1, 2):
                if isinstance(items[k], Name):
                    d[str(items[k])] = items[k + 1]
            stack.append(d)
        elif kind == "name":
            stack.append(Name(val))
        elif kind in ("num", "str"):
            stack.append(val)


PAINT = {"Tj", "TJ", "'", '"', "f", "F", "f*", "B", "B*", "b", "b*", "S", "s",
         "Do", "sh", "BI"}
TEXT_SHOW = {"Tj", "TJ", "'", '"'}

# ------------------------------------------------------------------ fonts


def parse_tounicode(data):
    """{code bytes: unicode str}, and the code space byte lengths"""
    m = {}
    lens = set()
    txt = data.decode("latin-1")
    for blk in re.findall(r"begincodespacerange(.*?)endcodespacerange", txt, re.S):
        for lo, _hi in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", blk):
            lens.add(len(lo) // 2)

    def u(hx):
        b = bytes.fromhex(hx)
        return b.decode("utf-16-be", errors="replace")

    for blk in re.findall(r"beginbfchar(.*?)endbfchar", txt, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", blk):
            m[bytes.fromhex(src)] = u(dst)
    for blk in re.findall(r"beginbfrange(.*?)endbfrange", txt, re.S):
        for lo, hi, rest in re.findall(
                r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]*>)", blk):
            a, z, w = int(lo, 16), int(hi, 16), len(lo) // 2
            if z - a > 65536:
                continue
            if rest.startswith("["):
                dsts = re.findall(r"<([0-9A-Fa-f]*)>", rest)
                for k, d in enumerate(dsts[: z - a + 1]):
                    m[(a + k).to_bytes(w, "big")] = u(d)
            else:
                base = bytes.fromhex(rest[1:-1])
                for k in range(z - a + 1):
                    b = bytearray(base)
                    v = int.from_bytes(b[-2:], "big") + k if len(b) >= 2 else (b[-1] + k if b else 0)
                    if len(b) >= 2:
                        b[-2:] = (v & 0xFFFF).to_bytes(2, "big")
                    elif b:
                        b[-1] = v & 0xFF
                    m[(a + k).to_bytes(w, "big")] = bytes(b).decode("utf-16-be", errors="replace")
    return m, lens or {1}


# ------------------------------------------------------------ the checks

STANDARD = set("""Document Part Art Sect Div BlockQuote Caption TOC TOCI Index
NonStruct Private H H1 H2 H3 H4 H5 H6 P L LI Lbl LBody Table TR TH TD THead TBody
TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP
Figure Formula Form""".split())


class Checker:
    def __init__(self, pdf, pdfa=True):
        self.pdf = pdf
        self.pdfa = pdfa
        self.failures = []
        self.passed = set()

    def fail(self, cid, msg):
        self.failures.append((cid, msg))

    def desc(self, ref, d=None):
        d = d if d is not None else self.pdf.get(ref)
        if isinstance(d, dict):
            keys = {k: v for k, v in d.items() if k in ("Type", "S", "Alt", "ActualText", "Pg", "A", "T")}
            return f"{ref} {keys}"
        return repr(ref)

    # ---- catalog, metadata
    def run(self):
        pdf = self.pdf
        cat = pdf.dget(pdf.trailer, "Root")
        self.cat = cat
        self.check_catalog(cat)
        self.check_metadata(cat)
        self.check_structure(cat)
        self.check_pages()
        if self.pdfa:
            self.check_pdfa(cat)
        return self.failures

    def check_catalog(self, cat):
        pdf = self.pdf
        mi = pdf.get(cat.get("MarkInfo"))
        if not isinstance(mi, dict) or pdf.get(mi.get("Marked")) is not True:
            self.fail("UA1:7.1-MarkInfo", f"catalog /MarkInfo /Marked is not true: MarkInfo={mi!r}")
        if isinstance(mi, dict) and pdf.get(mi.get("Suspects")) is True:
            self.fail("01-007", "catalog /MarkInfo /Suspects is true")
        vp = pdf.get(cat.get("ViewerPreferences"))
        ddt = pdf.dget(vp, "DisplayDocTitle") if isinstance(vp, dict) else None
        if ddt is None:
            self.fail("07-001", f"catalog /ViewerPreferences has no /DisplayDocTitle: {vp!r}")
        elif ddt is not True:
            self.fail("07-002", f"/ViewerPreferences /DisplayDocTitle is {ddt!r}")
        lang = pdf.get(cat.get("Lang"))
        if not isinstance(lang, str) or not lang.strip():
            self.fail("11-001", f"catalog has no /Lang (natural language of the content cannot be determined): {lang!r}")
        elif not re.match(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$", lang):
            self.fail("11-001", f"catalog /Lang {lang!r} is not a BCP 47 language tag")
        oc = pdf.get(cat.get("OCProperties"))
        if isinstance(oc, dict):
            d = pdf.get(oc.get("D"))
            if isinstance(d, dict) and not pdf.get(d.get("Name")):
                self.fail("20-002", "optional content default configuration has no /Name")
            for c in pdf.get(oc.get("Configs")) or []:
                if not pdf.dget(c, "Name"):
                    self.fail("20-001", f"optional content configuration {c!r} has no /Name")
            for c in [d] + list(pdf.get(oc.get("Configs")) or []):
                if pdf.dget(c, "AS") is not None:
                    self.fail("20-003", f"optional content configuration {c!r} has /AS")
        if "Encrypt" in pdf.trailer:
            self.fail("PDF/A-2:6.1.3", "the trailer has /Encrypt (PDF/A forbids encryption)")

    def xmp(self, cat):
        md = self.pdf.get(cat.get("Metadata"))
        if not isinstance(md, Stream) or md.data is None:
            return None, md
        try:
            return ET.fromstring(md.data), md
        except ET.ParseError as e:
            self.fail("06-001", f"the catalog's /Metadata is not well-formed XML: {e}")
            return None, md

    NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
          "dc": "http://purl.org/dc/elements/1.1/",
          "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
          "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
          "pdf": "http://ns.adobe.com/pdf/1.3/",
          "xmp": "http://ns.adobe.com/xap/1.0/",
          "x": "adobe:ns:meta/"}

    def xmp_prop(self, root, pfx, local):
        """the property's value: a simple one (element or attribute of an
        rdf:Description), or the x-default (else first) rdf:li of an Alt,
        or the rdf:li texts of a Seq/Bag joined"""
        ns = self.NS[pfx]
        for desc in root.iter("{%s}Description" % self.NS["rdf"]):
            a = desc.get("{%s}%s" % (ns, local))
            if a is not None:
                return a
            el = desc.find("{%s}%s" % (ns, local))
            if el is not None:
                lis = el.findall(".//{%s}li" % self.NS["rdf"])
                if not lis:
                    return (el.text or "").strip()
                for li in lis:
                    if li.get("{http://www.w3.org/XML/1998/namespace}lang") == "x-default":
                        return li.text or ""
                if el.find("{%s}Alt" % self.NS["rdf"]) is not None:
                    return lis[0].text or ""
                return ", ".join(li.text or "" for li in lis)
        return None

    def check_metadata(self, cat):
        root, md = self.xmp(cat)
        self.xmproot = root
        if md is None or not isinstance(md, Stream):
            self.fail("06-001", "the catalog has no /Metadata stream")
            return
        if root is None:
            if md.data is None:
                self.fail("06-001", "the /Metadata stream could not be decoded")
            return
        if self.xmp_prop(root, "pdfuaid", "part") is None:
            self.fail("06-002", "the XMP metadata has no pdfuaid:part (PDF/UA identifier)")
        elif self.xmp_prop(root, "pdfuaid", "part").strip() != "1":
            self.fail("06-002", f"XMP pdfuaid:part is {self.xmp_prop(root, 'pdfuaid', 'part')!r}, not 1")
        t = self.xmp_prop(root, "dc", "title")
        if t is None:
            self.fail("06-003", "the XMP metadata has no dc:title")
        elif not t.strip():
            self.fail("06-003", "the XMP dc:title is empty")

    # ---- structure tree
    def check_structure(self, cat):
        pdf = self.pdf
        self.mcid_refs = {}  # (page ref num, mcid) -> elem ref
        self.elem_parent = {}
        self.struct_order = []  # (elem ref, S resolved) in document order
        self.objr = []  # (elem, obj ref)
        str_ = pdf.get(cat.get("StructTreeRoot"))
        self.str_ = str_
        if not isinstance(str_, dict):
            self.fail("UA1:7.1-StructTreeRoot", "the catalog has no /StructTreeRoot: the document is not tagged")
            return
        rolemap = pdf.get(str_.get("RoleMap")) or {}
        self.rolemap = rolemap

        def resolve(s):
            seen = []
            while s not in STANDARD:
                if s in seen:
                    return None, "02-002"
                seen.append(s)
                if s not in rolemap:
                    return None, "02-001"
                s = str(pdf.get(rolemap[s]))
            return s, None

        for k, v in rolemap.items():
            if k in STANDARD:
                self.fail("02-003" if False else "02-004", f"standard type {k} is remapped to {v}")

        page_refs = {p[0].num if isinstance(p[0], Ref) else None for p in pdf.pages()}
        kids = pdf.get(str_.get("K"))
        top = kids if isinstance(kids, list) else [str_.get("K")] if kids is not None else []
        if not top:
            self.fail("UA1:7.1-StructTreeRoot", "/StructTreeRoot has no /K")
        seen_elems = set()

        def visit(ref, parent, pg, depth):
            e = pdf.get(ref)
            if not isinstance(e, dict):
                self.fail("UA1:7.1-K", f"structure kid {ref!r} of {parent!r} is not a dictionary")
                return
            if not isinstance(ref, Ref):
                self.fail("ISO32000:14.7.2-indirect", f"a structure element is a direct object (its kids' /P and the ParentTree cannot point to it): {self.desc(None, e)}")
                ref = Ref(f"direct#{id(e)}")
            if isinstance(ref, Ref):
                if ref in seen_elems:
                    self.fail("UA1:7.1-K", f"structure element {ref!r} is reached twice")
                    return
                seen_elems.add(ref)
            if depth > 200:
                self.fail("UA1:7.1-K", "structure tree deeper than 200")
                return
            s = e.get("S")
            if s is None:
                self.fail("UA1:7.1-K", f"structure element {self.desc(ref, e)} has no /S")
                return
            std, err = resolve(str(s))
            if err:
                self.fail(err, f"structure type /{s} of {self.desc(ref, e)} "
                          + ("is neither standard nor role-mapped to a standard type" if err == "02-001" else "has a circular role mapping"))
            p = e.get("P")
            if parent is not None and p != parent:
                self.fail("UA1:7.1-P", f"{self.desc(ref, e)} has /P {p!r}, but is a kid of {parent!r}")
            mypg = e.get("Pg", pg)
            if "Pg" in e and isinstance(e["Pg"], Ref) and e["Pg"].num not in page_refs:
                self.fail("UA1:7.1-Pg", f"{self.desc(ref, e)} /Pg {e['Pg']!r} is not a page of the document")
            self.elem_parent[ref] = parent
            self.struct_order.append((ref, std or str(s), e, parent))
            k = e.get("K")
            ks = pdf.get(k)
            items = ks if isinstance(ks, list) else [k] if k is not None else []
            for kid in items:
                kv = pdf.get(kid)
                if isinstance(kv, (int, float)) and not isinstance(kv, bool):
                    if not isinstance(mypg, Ref):
                        self.fail("UA1:7.1-Pg", f"{self.desc(ref, e)} has MCID {int(kv)} but no /Pg (own or inherited)")
                        continue
                    self.add_mcid(mypg, int(kv), ref)
                elif isinstance(kv, dict) and kv.get("Type") == "MCR":
                    mpg = kv.get("Pg", mypg)
                    if "Stm" in kv:
                        continue
                    if not isinstance(mpg, Ref):
                        self.fail("UA1:7.1-Pg", f"marked-content reference in {self.desc(ref, e)} has no /Pg")
                        continue
                    if mpg.num not in page_refs:
                        self.fail("UA1:7.1-Pg", f"marked-content reference in {self.desc(ref, e)}: /Pg {mpg!r} is not a page")
                    self.add_mcid(mpg, int(pdf.get(kv.get("MCID"))), ref)
                elif isinstance(kv, dict) and kv.get("Type") == "OBJR":
                    self.objr.append((ref, kv.get("Obj"), kv.get("Pg", mypg)))
                elif isinstance(kv, dict):
                    visit(kid, ref, mypg, depth + 1)
                else:
                    self.fail("UA1:7.1-K", f"kid {kid!r} of {self.desc(ref, e)} is neither an MCID, an MCR, an OBJR nor an element")

        for t in top:
            visit(t, Ref.__new__(Ref) if False else None, None, 0)
        # kids of the root: their /P is the StructTreeRoot
        strref = cat.get("StructTreeRoot")
        for t in top:
            e = pdf.get(t)
            if isinstance(e, dict) and isinstance(strref, Ref) and e.get("P") != strref:
                self.fail("UA1:7.1-P", f"top structure element {self.desc(t, e)} has /P {e.get('P')!r}, not the StructTreeRoot {strref!r}")
        self.check_roles()

    def add_mcid(self, pg, mcid, elem):
        key = (pg.num, mcid)
        if key in self.mcid_refs and self.mcid_refs[key] != elem:
            self.fail("UA1:7.1-MCID", f"MCID {mcid} of page {pg!r} is claimed by {self.mcid_refs[key]!r} and {elem!r}")
        elif key in self.mcid_refs:
            self.fail("UA1:7.1-MCID", f"MCID {mcid} of page {pg!r} is listed twice in {elem!r}")
        self.mcid_refs[key] = elem

    def role(self, ref):
        for r, s, e, p in self.struct_index.get(ref, []):
            return s
        return None

    def check_roles(self):
        pdf = self.pdf
        self.struct_index = {}
        for item in self.struct_order:
            self.struct_index.setdefault(item[0], []).append(item)
        kids_of = {}
        for ref, s, e, parent in self.struct_order:
            kids_of.setdefault(parent, []).append((ref, s, e))

        def prole(parent):
            return self.role(parent) if parent is not None else "StructTreeRoot"

        headings = []
        has_h = has_hn = False
        for ref, s, e, parent in self.struct_order:
            ps = prole(parent)
            # 09-004 tables (ISO 32000-1 Table 337)
            if s == "TR" and ps not in ("Table", "THead", "TBody", "TFoot"):
                self.fail("09-004", f"TR {ref!r} is in {ps}, not in Table/THead/TBody/TFoot")
            if s in ("TH", "TD") and ps != "TR":
                self.fail("09-004", f"{s} {ref!r} is in {ps}, not in TR")
            if s in ("THead", "TBody", "TFoot") and ps != "Table":
                self.fail("09-004", f"{s} {ref!r} is in {ps}, not in Table")
            if s == "Table":
                kinds = [k[1] for k in kids_of.get(ref, [])]
                bad = [k for k in kinds if k not in ("TR", "THead", "TBody", "TFoot", "Caption")]
                if bad:
                    self.fail("09-004", f"Table {ref!r} has kids {bad} (only TR, THead, TBody, TFoot, Caption)")
                if kinds.count("THead") > 1 or kinds.count("TFoot") > 1:
                    self.fail("09-004", f"Table {ref!r} has more than one THead or TFoot: {kinds}")
                if "Caption" in kinds and kinds.index("Caption") not in (0, len(kinds) - 1):
                    self.fail("09-004", f"Table {ref!r}: its Caption is neither its first nor its last kid: {kinds}")
                self.check_table_grid(ref, kids_of)
            if s == "TR":
                bad = [k[1] for k in kids_of.get(ref, []) if k[1] not in ("TH", "TD")]
                if bad:
                    self.fail("09-004", f"TR {ref!r} has kids {bad} (only TH, TD)")
            # 15-003: TH Scope (this library uses no Headers/IDs)
            if s == "TH":
                if not self.has_headers(e) and self.attr(e, "Table", "Scope") not in ("Row", "Column", "Both"):
                    self.fail("15-003", f"TH {self.desc(ref, e)} has no /Scope (Row, Column or Both) in an attribute object with /O /Table")
            # 09-005 lists (Table 336)
            if s == "LI" and ps != "L":
                self.fail("09-005", f"LI {ref!r} is in {ps}, not in L")
            if s in ("Lbl", "LBody") and ps != "LI":
                if not (s == "Lbl" and ps in ("BibEntry", "Note")):
                    self.fail("09-005", f"{s} {ref!r} is in {ps}, not in LI")
            if s == "L":
                bad = [k[1] for k in kids_of.get(ref, []) if k[1] not in ("LI", "Caption", "L")]
                if bad:
                    self.fail("09-005", f"L {ref!r} has kids {bad} (only LI, Caption)")
            if s == "LI":
                bad = [k[1] for k in kids_of.get(ref, []) if k[1] not in ("Lbl", "LBody")]
                if bad:
                    self.fail("09-005", f"LI {ref!r} has kids {bad} (only Lbl, LBody)")
            # 09-006 TOC
            if s == "TOCI" and ps != "TOC":
                self.fail("09-006", f"TOCI {ref!r} is in {ps}, not in TOC")
            # 09-007 Ruby
            if s in ("RB", "RT", "RP") and ps != "Ruby":
                self.fail("09-007", f"{s} {ref!r} is in {ps}, not in Ruby")
            if s == "Ruby":
                kinds = [k[1] for k in kids_of.get(ref, [])]
                if kinds.count("RB") != 1 or kinds.count("RT") != 1 or any(k not in ("RB", "RT", "RP") for k in kinds):
                    self.fail("09-007", f"Ruby {ref!r} has kids {kinds} (one RB, one RT, RP around RT)")
            if s in ("WT", "WP") and ps != "Warichu":
                self.fail("09-008", f"{s} {ref!r} is in {ps}, not in Warichu")
            # 13-004 Figure alternative text
            if s == "Figure":
                alt = pdf.get(e.get("Alt"))
                act = pdf.get(e.get("ActualText"))
                if not (isinstance(alt, str) and alt.strip()) and not (isinstance(act, str) and act.strip()):
                    self.fail("13-004", f"Figure {self.desc(ref, e)} has neither /Alt nor /ActualText")
            if s == "Formula" and not pdf.get(e.get("Alt")):
                self.fail("17-002", f"Formula {ref!r} has no /Alt")
            if s == "Note":
                ids = [x for x in self.struct_order if x[1] == "Note"]
                if not e.get("ID"):
                    self.fail("19-003", f"Note {ref!r} has no /ID")
            # 14-xxx headings
            if s == "H":
                has_h = True
            m = re.match(r"^H([1-6])$", s)
            if m:
                has_hn = True
                headings.append((int(m.group(1)), ref))
            hs = [k for k in kids_of.get(ref, []) if k[1] == "H"]
            if len(hs) > 1:
                self.fail("14-006", f"{s} {ref!r} holds {len(hs)} H elements")
        if headings:
            if headings[0][0] != 1:
                self.fail("14-002", f"the first numbered heading is H{headings[0][0]} {headings[0][1]!r}, not H1")
            for (a, ra), (b, rb) in zip(headings, headings[1:]):
                if b > a + 1:
                    self.fail("14-003", f"H{b} {rb!r} follows H{a} {ra!r}: heading level H{a + 1} skipped")
        if has_h and has_hn:
            self.fail("14-007", "the structure uses both H and H1-H6")
        note_ids = [self.pdf.get(e.get("ID")) for r, s, e, p in self.struct_order if s == "Note" and e.get("ID")]
        if len(note_ids) != len(set(map(repr, note_ids))):
            self.fail("19-004", "Note IDs are not unique")

    def has_headers(self, e):
        return self.attr(e, "Table", "Headers") is not None

    def attr(self, e, owner, key):
        a = self.pdf.get(e.get("A"))
        items = a if isinstance(a, list) else [a] if a is not None else []
        for it in items:
            d = self.pdf.get(it)
            if isinstance(d, dict) and d.get("O") == owner and key in d:
                return self.pdf.get(d[key])
        return None

    def check_table_grid(self, tref, kids_of):
        """rows, with ColSpan and RowSpan, give every row the same width"""
        rows = []
        for ref, s, e in kids_of.get(tref, []):
            if s == "TR":
                rows.append(ref)
            elif s in ("THead", "TBody", "TFoot"):
                rows += [r for r, s2, e2 in kids_of.get(ref, []) if s2 == "TR"]
        occupied = {}
        widths = []
        for ri, row in enumerate(rows):
            col = 0
            for cref, s, e in kids_of.get(row, []):
                if s not in ("TH", "TD"):
                    continue
                while occupied.get((ri, col)):
                    col += 1
                cs = self.attr(e, "Table", "ColSpan") or 1
                rs = self.attr(e, "Table", "RowSpan") or 1
                if rs > 1 and ri + rs > len(rows):
                    self.fail("09-004", f"{s} {cref!r} RowSpan {rs} runs past the table's last row")
                for dr in range(int(rs)):
                    for dc in range(int(cs)):
                        if occupied.get((ri + dr, col + dc)):
                            self.fail("09-004", f"{s} {cref!r} overlaps another cell at row {ri + dr + 1}, column {col + dc + 1}")
                        occupied[(ri + dr, col + dc)] = True
                col += int(cs)
            w = max([c + 1 for (r, c) in occupied if r == ri] or [0])
            widths.append(w)
        if widths and len(set(widths)) > 1:
            self.fail("09-004", f"Table {tref!r}: rows span different numbers of columns with ColSpan/RowSpan: {widths}")

    # ---- pages: content, ParentTree, fonts, annotations
    def parent_tree(self):
        pt = self.pdf.get(self.str_.get("ParentTree")) if isinstance(self.str_, dict) else None
        out = {}

        def walk(node, depth):
            n = self.pdf.get(node)
            if not isinstance(n, dict) or depth > 32:
                return
            nums = self.pdf.get(n.get("Nums")) or []
            for i in range(0, len(nums) - 1, 2):
                out[int(self.pdf.get(nums[i]))] = nums[i + 1]
            for k in self.pdf.get(n.get("Kids")) or []:
                walk(k, depth + 1)

        if pt is not None:
            walk(pt, 0)
        return pt, out

    def check_pages(self):
        pdf = self.pdf
        tagged = isinstance(self.str_, dict)
        pt, ptmap = self.parent_tree() if tagged else (None, {})
        if tagged and pt is None:
            self.fail("UA1:7.1-ParentTree", "/StructTreeRoot has no /ParentTree")
        self.form_mcid_uses = {}
        self.fonts_checked = {}
        used_sp = {}
        for pno, (pref, page, inh) in enumerate(pdf.pages(), 1):
            where = f"page {pno} ({pref!r})"
            res = pdf.get(inh.get("Resources")) or {}
            data = self.page_content(page)
            mcids = self.check_content(data, res, where, set(), [])
            sp = page.get("StructParents")
            if tagged:
                if mcids and sp is None:
                    self.fail("UA1:7.1-StructParents", f"{where} uses MCIDs {sorted(mcids)[:8]} but has no /StructParents")
                if sp is not None:
                    sp = int(sp)
                    if sp in used_sp:
                        self.fail("UA1:7.1-StructParents", f"{where} has /StructParents {sp}, as {used_sp[sp]} does")
                    used_sp[sp] = where
                    arr = pdf.get(ptmap.get(sp))
                    if arr is None and mcids:
                        self.fail("UA1:7.1-ParentTree", f"{where}: the ParentTree has no entry {sp} (its /StructParents)")
                    arr = arr if isinstance(arr, list) else []
                    for m in sorted(mcids):
                        if m >= len(arr) or pdf.get(arr[m]) is None:
                            self.fail("UA1:7.1-ParentTree", f"{where}: MCID {m} has no parent in ParentTree entry {sp}")
                            continue
                        owner = self.mcid_refs.get((pref.num, m))
                        if owner is None:
                            self.fail("UA1:7.1-ParentTree", f"{where}: MCID {m} is in the content and the ParentTree ({arr[m]!r}) but no structure element's /K names it")
                        elif owner != arr[m]:
                            self.fail("UA1:7.1-ParentTree", f"{where}: MCID {m} belongs to {owner!r} in the tree but to {arr[m]!r} in the ParentTree")
                    for m, v in enumerate(arr):
                        if pdf.get(v) is not None and m not in mcids:
                            self.fail("UA1:7.1-ParentTree", f"{where}: ParentTree entry {sp} names MCID {m} ({v!r}), which the page's content does not have")
                for (pgn, m), owner in self.mcid_refs.items():
                    if pgn == pref.num and m not in mcids:
                        self.fail("UA1:7.1-MCID", f"{where}: structure element {owner!r} names MCID {m}, which the page's content does not have")
            annots = pdf.get(page.get("Annots")) or []
            if annots:
                tabs = pdf.get(page.get("Tabs"))
                if tabs is None:
                    self.fail("28-008", f"{where} has annotations but no /Tabs")
                elif tabs != "S":
                    self.fail("28-009", f"{where} has /Tabs /{tabs}, not /S")
            for a in annots:
                ad = pdf.get(a)
                if not isinstance(ad, dict):
                    continue
                st = ad.get("Subtype")
                if st == "Link":
                    if not pdf.get(ad.get("Contents")):
                        self.fail("28-012", f"{where}: Link annotation {a!r} has no /Contents")
                    owners = [e for e, o, _ in self.objr if o == a]
                    if not owners or self.role(owners[0]) != "Link":
                        self.fail("28-011", f"{where}: Link annotation {a!r} is not in a Link structure element (via OBJR): {owners}")
                elif st == "TrapNet":
                    self.fail("28-007", f"{where}: a TrapNet annotation {a!r}")
                elif st == "PrinterMark":
                    if any(o == a for e, o, _ in self.objr):
                        self.fail("28-017", f"{where}: PrinterMark annotation {a!r} is in the structure tree")
                elif st not in ("Widget", "Popup") and tagged:
                    owners = [e for e, o, _ in self.objr if o == a]
                    if not owners:
                        self.fail("28-002", f"{where}: {st} annotation {a!r} is not in the structure tree")
                    if not pdf.get(ad.get("Contents")) and not any(pdf.dget(o, "Alt") for o in owners):
                        self.fail("28-004", f"{where}: {st} annotation {a!r} has no /Contents nor /Alt")
                if st == "FileAttachment" or (self.pdfa and st in ("Sound", "Movie", "Screen")):
                    self.fail("PDF/A-2:6.3.1", f"{where}: annotation subtype {st} {a!r}")
        if tagged:
            pagenums = {p[0].num for p in pdf.pages()}
            for (pgn, m), owner in self.mcid_refs.items():
                if pgn not in pagenums:
                    self.fail("UA1:7.1-Pg", f"{owner!r} names MCID {m} on {pgn}, not a page")
        for ref, n in self.form_mcid_uses.items():
            if n > 1:
                self.fail("30-002", f"Form XObject {ref!r} holds MCIDs and is drawn {n} times")

    def page_content(self, page):
        c = self.pdf.get(page.get("Contents"))
        parts = c if isinstance(c, list) else [page.get("Contents")] if c is not None else []
        data = b""
        for p in parts:
            s = self.pdf.get(p)
            if isinstance(s, Stream) and s.data is not None:
                data += s.data + b"\n"
        return data

    def font_info(self, fref):
        """(bytes per code, ToUnicode map or None, name, is CID 0 .notdef possible)"""
        key = fref.num if isinstance(fref, Ref) else id(fref)
        if key in self.fonts_checked:
            return self.fonts_checked[key]
        pdf = self.pdf
        f = pdf.get(fref)
        name = str(pdf.get(f.get("BaseFont")))
        st = f.get("Subtype")
        width = 1
        desc_font = f
        if st == "Type0":
            width = 2
            df = pdf.get(f.get("DescendantFonts"))
            desc_font = pdf.get(df[0]) if isinstance(df, list) and df else {}
            enc = pdf.get(f.get("Encoding"))
            if enc not in ("Identity-H", "Identity-V") and not isinstance(enc, Stream):
                self.fail("31-006", f"font {name} ({fref!r}): CMap {enc!r} is neither Identity nor embedded")
            if desc_font.get("Subtype") == "CIDFontType2":
                c2g = pdf.get(desc_font.get("CIDToGIDMap"))
                if c2g is None:
                    self.fail("31-005", f"CIDFontType2 {name} ({fref!r}) has no /CIDToGIDMap")
                elif not (c2g == "Identity" or isinstance(c2g, Stream)):
                    self.fail("31-004", f"CIDFontType2 {name} ({fref!r}): /CIDToGIDMap is {c2g!r}")
        fd = pdf.dget(desc_font, "FontDescriptor")
        if st != "Type3":
            if not isinstance(fd, dict) or not any(k in fd for k in ("FontFile", "FontFile2", "FontFile3")):
                self.fail("31-009", f"font {name} ({fref!r}) is not embedded (no FontFile/FontFile2/FontFile3 in its descriptor)")
        if isinstance(fd, dict) and st == "Type0" and "CIDSet" in fd and not isinstance(pdf.get(fd["CIDSet"]), Stream):
            self.fail("31-014", f"font {name}: /CIDSet is not a stream")
        tu = pdf.get(f.get("ToUnicode"))
        tmap = None
        if isinstance(tu, Stream) and tu.data is not None:
            tmap, lens = parse_tounicode(tu.data)
            for code, u in tmap.items():
                if "\0" in u:
                    self.fail("31-028", f"font {name}: ToUnicode maps <{code.hex()}> to U+0000")
                    break
            for code, u in tmap.items():
                if "\ufeff" in u or "\ufffe" in u:
                    self.fail("31-029", f"font {name}: ToUnicode maps <{code.hex()}> to U+FEFF or U+FFFE")
                    break
        else:
            ok = False
            enc = pdf.get(f.get("Encoding"))
            if enc in ("MacRomanEncoding", "MacExpertEncoding", "WinAnsiEncoding"):
                ok = True
            if st == "Type0":
                csi = pdf.dget(desc_font, "CIDSystemInfo")
                if isinstance(csi, dict) and pdf.get(csi.get("Ordering")) in ("GB1", "CNS1", "Japan1", "Korea1") \
                        and pdf.get(csi.get("Registry")) == "Adobe":
                    ok = True
            if st == "TrueType" and isinstance(fd, dict) and not (int(pdf.get(fd.get("Flags")) or 0) & 4):
                ok = True
            if not ok:
                self.fail("31-027", f"font {name} ({fref!r}) has no /ToUnicode and no standard encoding or collection")
        info = (width, tmap, name)
        self.fonts_checked[key] = info
        return info

    def check_content(self, data, res, where, forms_seen, outer):
        """checks one content stream; returns the MCIDs it shows. outer is
        the marked-content stack of the Do that drew it (for forms)."""
        pdf = self.pdf
        mcids = set()
        stack = list(outer)  # entries: 'mcid', 'artifact', 'other'
        depth0 = len(stack)
        font = None
        gstack = []
        props = pdf.get(res.get("Properties")) or {}
        fonts = pdf.get(res.get("Font")) or {}
        xobjs = pdf.get(res.get("XObject")) or {}
        reported = set()
        unmapped = {}
        for off, op, ops in operations(data):
            if op in ("BMC", "BDC"):
                tag = ops[0] if ops else None
                kind = "other"
                mcid = None
                if op == "BDC" and len(ops) >= 2:
                    pr = ops[1]
                    if isinstance(pr, Name):
                        pr = pdf.get(props.get(str(pr)))
                    if isinstance(pr, dict):
                        m = pdf.get(pr.get("MCID"))
                        if isinstance(m, (int, float)) and not isinstance(m, bool):
                            mcid = int(m)
                if tag == "Artifact":
                    kind = "artifact"
                    if "mcid" in stack:
                        self.fail("01-003", f"{where}: an Artifact sequence at offset {off} is inside tagged content (MCID)")
                    if mcid is not None:
                        self.fail("01-004", f"{where}: an Artifact at offset {off} carries MCID {mcid}")
                elif mcid is not None:
                    kind = "mcid"
                    if "artifact" in stack:
                        self.fail("01-004", f"{where}: /{tag} with MCID {mcid} at offset {off} is inside an Artifact")
                    if "mcid" in stack:
                        self.fail("ISO32000:14.7.4-nest", f"{where}: /{tag} with MCID {mcid} at offset {off} is nested in another MCID sequence")
                    if mcid in mcids:
                        self.fail("UA1:7.1-MCID", f"{where}: MCID {mcid} is used twice in the content (again at offset {off})")
                    mcids.add(mcid)
                stack.append(kind)
                continue
            if op == "EMC":
                if len(stack) <= depth0:
                    self.fail("ISO32000:14.6-balance", f"{where}: EMC at offset {off} without a BMC/BDC")
                else:
                    stack.pop()
                continue
            if op == "q":
                gstack.append(font)
            elif op == "Q":
                font = gstack.pop() if gstack else font
            elif op == "Tf" and ops and isinstance(ops[0], Name):
                font = pdf.get(fonts.get(str(ops[0]))) and fonts.get(str(ops[0]))
            if op in PAINT:
                if "mcid" not in stack and "artifact" not in stack:
                    k = ("01-005", op)
                    if len([1 for c, _ in self.failures if c == "01-005" and where in _]) < 5:
                        self.fail("01-005", f"{where}: '{op}' at offset {off} is neither tagged content (BDC with /MCID) nor inside an /Artifact sequence")
                    reported.add(k)
            if op in TEXT_SHOW and font is not None:
                self.check_codes(op, ops, font, where, off, unmapped)
            if op == "Do" and ops and isinstance(ops[0], Name):
                xr = xobjs.get(str(ops[0]))
                x = pdf.get(xr)
                if isinstance(x, Stream) and x.dict.get("Subtype") == "Form":
                    if "Ref" in x.dict:
                        self.fail("30-001", f"{where}: reference XObject {xr!r}")
                    if xr in forms_seen:
                        continue
                    xres = pdf.get(x.dict.get("Resources")) or res
                    inner = self.check_content(x.data or b"", xres, f"{where} form {xr!r}",
                                               forms_seen | {xr}, stack)
                    if inner:
                        self.form_mcid_uses[xr] = self.form_mcid_uses.get(xr, 0) + 1
                        mcids |= set()  # a form's MCIDs belong to the form (StructParent), not the page
        if len(stack) > depth0:
            self.fail("ISO32000:14.6-balance", f"{where}: {len(stack) - depth0} marked-content sequence(s) not closed by EMC at the end of the stream")
        for name, codes in unmapped.items():
            self.fail("10-001", f"{where}: font {name}: character codes with no Unicode mapping: {', '.join(sorted(codes)[:10])}")
        return mcids

    def check_codes(self, op, ops, fref, where, off, unmapped):
        width, tmap, name = self.font_info(fref)
        strs = []
        for o in ops:
            if isinstance(o, bytes):
                strs.append(o)
            elif isinstance(o, list):
                strs += [x for x in o if isinstance(x, bytes)]
        for s in strs:
            for i in range(0, len(s) - width + 1, width):
                code = s[i:i + width]
                if width == 2 and code == b"\0\0":
                    self.fail("31-030", f"{where}: '{op}' at offset {off} shows CID 0 (.notdef) in {name}")
                if tmap is not None and code not in tmap:
                    unmapped.setdefault(name, set()).add("<" + code.hex() + ">")
                elif tmap is not None and tmap[code] in ("", "\ufffd"):
                    unmapped.setdefault(name, set()).add("<" + code.hex() + ">=''")

    # ---- PDF/A-2
    def check_pdfa(self, cat):
        pdf = self.pdf
        root = self.xmproot
        if "ID" not in pdf.trailer or not isinstance(pdf.get(pdf.trailer["ID"]), list) \
                or len(pdf.get(pdf.trailer["ID"])) != 2:
            self.fail("PDF/A-2:6.1.3", f"the trailer has no /ID of two strings: {pdf.trailer.get('ID')!r}")
        part = conf = None
        if root is not None:
            part = self.xmp_prop(root, "pdfaid", "part")
            conf = self.xmp_prop(root, "pdfaid", "conformance")
            if part is None or part.strip() != "2" or conf is None or conf.strip() != "A":
                self.fail("PDF/A-2:6.6.4", f"XMP pdfaid:part={part!r} pdfaid:conformance={conf!r}, expected 2 and A")
        md = pdf.get(cat.get("Metadata"))
        if isinstance(md, Stream):
            if "Filter" in md.dict:
                self.fail("PDF/A-2:6.6.2.1", f"the /Metadata stream has a /Filter {md.dict['Filter']!r}")
            if md.data is not None and not md.data.lstrip().startswith(b"<?xpacket"):
                self.fail("PDF/A-2:6.6.2.1", "the XMP metadata has no xpacket header")
        ois = pdf.get(cat.get("OutputIntents")) or []
        gts = [o for o in ois if pdf.dget(o, "S") == "GTS_PDFA1"]
        if not gts:
            self.fail("PDF/A-2:6.2.3", f"no /OutputIntents entry with /S /GTS_PDFA1: {ois!r}")
        for o in gts:
            prof = pdf.dget(o, "DestOutputProfile")
            if not isinstance(prof, Stream):
                self.fail("PDF/A-2:6.2.3", f"output intent {o!r} has no /DestOutputProfile stream")
            elif prof.data is not None and prof.data[36:40] != b"acsp":
                self.fail("PDF/A-2:6.2.3", f"output intent {o!r}: /DestOutputProfile is not an ICC profile")
            elif prof.data is not None and prof.data[16:20] not in (b"RGB ", b"CMYK", b"GRAY"):
                self.fail("PDF/A-2:6.2.3", f"output intent {o!r}: ICC colour space {prof.data[16:20]!r}")
            elif "N" not in prof.dict:
                self.fail("PDF/A-2:6.2.3", f"output intent {o!r}: ICC stream has no /N")
        if len({repr(pdf.dget(o, "DestOutputProfile", None)) for o in gts}) > 1:
            self.fail("PDF/A-2:6.2.3", "output intents with different profiles")
        # JavaScript, LZW, forbidden actions, embedded files
        names = pdf.get(cat.get("Names"))
        if isinstance(names, dict) and "JavaScript" in names:
            self.fail("PDF/A-2:6.6.1", "the catalog's /Names has a /JavaScript tree")
        if isinstance(names, dict) and "EmbeddedFiles" in names:
            self.fail("PDF/A-2:6.8", "the catalog's /Names has /EmbeddedFiles (PDF/A-2 allows only PDF/A files)")
        if "AA" in cat:
            self.fail("PDF/A-2:6.6.2", "the catalog has /AA (additional actions)")
        for num, o in pdf.objs.items():
            d = o.dict if isinstance(o, Stream) else o
            if not isinstance(d, dict):
                continue
            f = pdf.get(d.get("Filter"))
            fl = f if isinstance(f, list) else [f]
            if "LZWDecode" in fl:
                self.fail("PDF/A-2:6.1.7", f"object {num} is LZW-compressed")
            if d.get("S") in ("JavaScript", "Launch", "Sound", "Movie", "ResetForm", "ImportData",
                              "Hide", "SetOCGState", "Rendition", "Trans", "GoTo3DView"):
                self.fail("PDF/A-2:6.6.1", f"object {num} is a forbidden /{d['S']} action")
            if "JS" in d:
                self.fail("PDF/A-2:6.6.1", f"object {num} holds /JS")
            if isinstance(o, Stream) and ("F" in d and d.get("Type") != "Filespec"
                                          and not isinstance(d.get("F"), (int, float))):
                self.fail("PDF/A-2:6.1.7", f"stream {num} refers to an external file (/F)")
            if d.get("Type") == "XObject" and d.get("Subtype") == "PS" or d.get("Subtype2") == "PS":
                self.fail("PDF/A-2:6.2.9", f"object {num} is a PostScript XObject")
            if isinstance(o, Stream) and d.get("Subtype") == "Image" and pdf.get(d.get("Interpolate")) is True:
                self.fail("PDF/A-2:6.2.8", f"image {num} has /Interpolate true")
            if d.get("Type") == "ExtGState":
                if "TR" in d or ("TR2" in d and pdf.get(d["TR2"]) != "Default"):
                    self.fail("PDF/A-2:6.2.5", f"ExtGState {num} has a transfer function")
                if "HTP" in d:
                    self.fail("PDF/A-2:6.2.5", f"ExtGState {num} has /HTP")
                bm = pdf.get(d.get("BM"))
                std_bm = {"Normal", "Compatible", "Multiply", "Screen", "Overlay", "Darken", "Lighten",
                          "ColorDodge", "ColorBurn", "HardLight", "SoftLight", "Difference", "Exclusion",
                          "Hue", "Saturation", "Color", "Luminosity"}
                bms = bm if isinstance(bm, list) else [bm] if bm is not None else []
                if any(b not in std_bm for b in bms):
                    self.fail("PDF/A-2:6.2.10", f"ExtGState {num} blend mode {bm!r}")
        # Info and XMP say the same (PDF/A-2 6.6.3)
        info = pdf.get(pdf.trailer.get("Info"))
        if isinstance(info, dict) and root is not None:
            pairs = [("Title", "dc", "title"), ("Author", "dc", "creator"), ("Subject", "dc", "description"),
                     ("Producer", "pdf", "Producer"), ("Keywords", "pdf", "Keywords"),
                     ("Creator", "xmp", "CreatorTool")]
            for key, pfx, local in pairs:
                iv = pdf.get(info.get(key))
                if iv is None:
                    continue
                if isinstance(iv, bytes):
                    iv = iv.decode("latin-1")
                xv = self.xmp_prop(root, pfx, local)
                if xv is None:
                    self.fail("PDF/A-2:6.6.3", f"Info /{key} {iv!r} has no XMP {pfx}:{local}")
                elif xv != iv:
                    self.fail("PDF/A-2:6.6.3", f"Info /{key} {iv!r} differs from XMP {pfx}:{local} {xv!r}")
            for key, local in (("CreationDate", "CreateDate"), ("ModDate", "ModifyDate")):
                iv = pdf.get(info.get(key))
                if iv is None:
                    continue
                xv = self.xmp_prop(root, "xmp", local)
                a, b = pdf_date(iv), xmp_date(xv)
                if xv is None:
                    self.fail("PDF/A-2:6.6.3", f"Info /{key} {iv!r} has no XMP xmp:{local}")
                elif a is None or b is None or a != b:
                    self.fail("PDF/A-2:6.6.3", f"Info /{key} {iv!r} differs from XMP xmp:{local} {xv!r}")
        if self.pdf.header.get("pdfversion", "1.7") > "1.7":
            self.fail("PDF/A-2:6.1.2", f"PDF version {self.pdf.header.get('pdfversion')} (PDF/A-2 is based on 1.7)")


def pdf_date(s):
    if isinstance(s, bytes):
        s = s.decode("latin-1")
    m = re.match(r"^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?$", s or "")
    if not m:
        return None
    y, mo, d, h, mi, se = (int(m.group(i) or dflt) for i, dflt in zip(range(1, 7), (0, 1, 1, 0, 0, 0)))
    tz = m.group(7)
    off = 0
    if tz in ("+", "-"):
        off = int(m.group(8) or 0) * 60 + int(m.group(9) or 0)
        off = off if tz == "+" else -off
    elif tz is None:
        return (y, mo, d, h, mi, se, None)
    t = datetime.datetime(y, mo, d, h, mi, se, tzinfo=datetime.timezone(datetime.timedelta(minutes=off)))
    return t.astimezone(datetime.timezone.utc).timetuple()[:6]


def xmp_date(s):
    if s is None:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$", s.strip())
    if not m:
        return None
    y, mo, d, h, mi, se = (int(m.group(i) or dflt) for i, dflt in zip(range(1, 7), (0, 1, 1, 0, 0, 0)))
    tz = m.group(7)
    if tz is None:
        return (y, mo, d, h, mi, se, None)
    off = 0 if tz == "Z" else (int(tz[1:3]) * 60 + int(tz[4:6])) * (1 if tz[0] == "+" else -1)
    t = datetime.datetime(y, mo, d, h, mi, se, tzinfo=datetime.timezone(datetime.timedelta(minutes=off)))
    return t.astimezone(datetime.timezone.utc).timetuple()[:6]


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        print(__doc__.split("\n\n")[0], file=sys.stderr)
        return 2
    try:
        pdf = PDF(args[0])
    except Exception as e:  # noqa: BLE001 — any reading failure is exit 2
        print(f"cannot read {args[0]}: {e}", file=sys.stderr)
        return 2
    c = Checker(pdf, pdfa="--no-pdfa" not in argv)
    fails = c.run()
    for cid, msg in fails:
        print(f"FAIL {cid} {msg}")
    if "--quiet" not in argv:
        print(f"{args[0]}: {len(fails)} failure(s), "
              f"{len(set(cid for cid, _ in fails))} condition(s)", file=sys.stderr)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
