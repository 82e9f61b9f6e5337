// glyphs.mjs FILE.pdf — every glyph a PDF shows, read by pdf.js (an
// independent reader: its operator list, not our writer's idea of the
// text), as one JSON line per page:
//   {"page":N,"g":[[x,y,size,adv,"text"],...]}
// in content order: x, y the glyph's origin on the page (points, y up,
// through the text matrix and the CTM), size the font size there, adv the
// glyph's own advance from the font's widths (size x width / 1000), text
// what ToUnicode maps the glyph to. The positions include every TJ
// adjustment, character and word spacing: they are where a viewer draws.
//
// pdf.js is opened by tests/pdfjs_open.mjs (where it looks for pdfjs-dist).
// SPDX-License-Identifier: MIT
import { openPdf } from "../pdfjs_open.mjs";

const file = process.argv[2];
if (!file) {
  process.stderr.write("usage: node glyphs.mjs FILE.pdf\n");
  process.exit(2);
}
const { pdfjs, doc } = await openPdf(file);
const OPS = pdfjs.OPS;

// [a b c d e f] matrices, PDF order: p' = p x m
const mul = (m, n) => [
  m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
];
const ID = [1, 0, 0, 1, 0, 0];
const r2 = (v) => Math.round(v * 1000) / 1000;

for (let p = 1; p <= doc.numPages; p++) {
  const page = await doc.getPage(p);
  const ol = await page.getOperatorList();
  const out = [];
  let ctm = ID, stack = [];
  let tm = ID, tlm = ID, size = 0, cs = 0, ws = 0, hs = 1, lead = 0, rise = 0;
  for (let i = 0; i < ol.fnArray.length; i++) {
    // pdf.js passes some operands packed in one typed array
    const fn = ol.fnArray[i], raw = ol.argsArray[i] || [];
    const a = raw.length === 1 && raw[0] && raw[0].length >= 2 && typeof raw[0][0] === "number"
      ? Array.from(raw[0]) : raw;
    switch (fn) {
      case OPS.save: stack.push(ctm); break;
      case OPS.restore: ctm = stack.pop() || ID; break;
      case OPS.transform: ctm = mul(Array.from(a), ctm); break;
      case OPS.beginText: tm = tlm = ID; break;
      case OPS.setFont: size = a[1]; break;
      case OPS.setCharSpacing: cs = a[0]; break;
      case OPS.setWordSpacing: ws = a[0]; break;
      case OPS.setHScale: hs = a[0] / 100; break;
      case OPS.setLeading: lead = a[0]; break;
      case OPS.setTextRise: rise = a[0]; break;
      case OPS.setTextMatrix: tm = tlm = a.slice(0, 6); break;
      case OPS.moveText: tm = tlm = mul([1, 0, 0, 1, a[0], a[1]], tlm); break;
      case OPS.setLeadingMoveText: lead = -a[1]; tm = tlm = mul([1, 0, 0, 1, a[0], a[1]], tlm); break;
      case OPS.nextLine: tm = tlm = mul([1, 0, 0, 1, 0, -lead], tlm); break;
      case OPS.showText: {
        // text space: advance x by w*size/1000 (+ spacing) per glyph, a
        // number n in the array moves back n/1000 em
        let x = 0;
        for (const g of a[0]) {
          if (typeof g === "number") { x -= (g * size) / 1000 * hs; continue; }
          const m = mul(mul([1, 0, 0, 1, x, rise], tm), ctm);
          const scale = Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
          const adv = (g.width * size) / 1000;
          out.push([r2(m[4]), r2(m[5]), r2(size * scale), r2(adv * scale), g.unicode]);
          x += (adv + cs + (g.isSpace ? ws : 0)) * hs;
        }
        tm = mul([1, 0, 0, 1, x, 0], tm);
        break;
      }
      default: break;
    }
  }
  process.stdout.write(JSON.stringify({ page: p, g: out }) + "\n");
}
