#!/usr/bin/env python3
"""data_tables.py FILE.pdf — the tables of the structure tree whose cells
carry their text as /ActualText (a chart's data), one line per row, cells
joined by ' | ', a blank line between tables, in tree order. Reads the file
through qpdf's JSON. SPDX-License-Identifier: MIT"""
import json
import subprocess
import sys


def text(v):
    """A PDF text string as qpdf's JSON gives it (u:... or b:<hex>)."""
    if isinstance(v, str) and v.startswith("u:"):
        return v[2:]
    if isinstance(v, str) and v.startswith("b:"):
        b = bytes.fromhex(v[2:])
        return b[2:].decode("utf-16-be") if b[:2] == b"\xfe\xff" else b.decode("latin-1")
    return str(v)


def main(path):
    j = json.loads(subprocess.run(["qpdf", "--json=2", path], check=True,
                                  capture_output=True).stdout)
    objs = j["qpdf"][1]

    def obj(ref):
        o = objs.get("obj:" + ref, {})
        return o.get("value", o)

    def kids(d):
        k = d.get("/K", [])
        return k if isinstance(k, list) else [k]

    out = []

    def walk(d):
        if d.get("/S") == "/Table" and any(
                isinstance(r, str) and any(isinstance(c, str) and "/ActualText" in obj(c)
                                           for c in kids(obj(r))) for r in kids(d)):
            for r in kids(d):
                cells = [text(obj(c).get("/ActualText", "")) for c in kids(obj(r))
                         if isinstance(c, str)]
                out.append(" | ".join(cells))
            out.append("")
            return
        for k in kids(d):
            if isinstance(k, str) and k.endswith(" R"):
                walk(obj(k))

    root = obj(obj(objs["trailer"]["value"]["/Root"])["/StructTreeRoot"])
    walk(root)
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1])
