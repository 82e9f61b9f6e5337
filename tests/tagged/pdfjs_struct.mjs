// pdfjs_struct.mjs FILE.pdf [--text] — reads a PDF's structure tree the way
// a browser's PDF viewer (pdf.js) does. For each page prints one JSON line
//   {"page":N,"tree":{role,children:[...]}}
// where each marked-content leaf ({"type":"content","id":"pR_mcM"}) carries
// "text": the text that pdf.js's getTextContent({includeMarkedContent:true})
// puts between the beginMarkedContentProps with that id and its
// endMarkedContent. A last line {"unmarked":[...]} lists text that is in no
// MCID sequence (neither tagged content nor inside any marked sequence), and
// {"orphans":[...]} the MCIDs with text that no structure element names.
// With --text, prints instead the leaves' texts in structure (reading)
// order, one per line, pages in order; an element whose children are all
// leaves of one line is joined on one line.
//
// pdf.js is opened by tests/pdfjs_open.mjs (where it looks for pdfjs-dist).
// SPDX-License-Identifier: MIT
import { openPdf } from "../pdfjs_open.mjs";

const args = process.argv.slice(2);
const textMode = args.includes("--text");
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  process.stderr.write("usage: node pdfjs_struct.mjs FILE.pdf [--text]\n");
  process.exit(2);
}

const { doc } = await openPdf(file);

const unmarked = [];
const orphans = [];
const lines = [];

// the text of each MCID on a page: items between beginMarkedContentProps
// (id) and its endMarkedContent; nested sequences without an id (e.g. a
// /Span BMC) add to the enclosing id's text
function textByMcid(items, pageNo) {
  const byId = new Map();
  const stack = [];
  for (const it of items) {
    if (it.type === "beginMarkedContentProps" || it.type === "beginMarkedContent") {
      stack.push({ id: it.id ?? null, tag: it.tag });
    } else if (it.type === "endMarkedContent") {
      stack.pop();
    } else if (typeof it.str === "string") {
      let id = null;
      let artifact = false;
      for (let i = stack.length - 1; i >= 0; i--) {
        if (stack[i].tag === "Artifact") artifact = true;
        if (stack[i].id !== null && id === null) id = stack[i].id;
      }
      if (id !== null) byId.set(id, (byId.get(id) || "") + it.str);
      else if (!artifact && it.str.trim() !== "") unmarked.push({ page: pageNo, str: it.str });
    }
  }
  return byId;
}

function attach(node, byId, used) {
  if (node.type === "content") {
    node.text = byId.get(node.id) ?? "";
    used.add(node.id);
    return;
  }
  for (const c of node.children || []) attach(c, byId, used);
}

// the leaves' texts in tree order; an element whose kids are all content
// leaves gives one line (its MCIDs joined)
function collect(node, out) {
  // a ruby's reading (RT) is not part of the text the source reads
  if (node.role === "RT") return;
  const kids = node.children || [];
  if (kids.length && kids.every((k) => k.type === "content")) {
    const t = kids.map((k) => k.text).join("");
    if (t.trim() !== "") out.push(t);
    return;
  }
  for (const k of kids) {
    if (k.type === "content") {
      if (k.text.trim() !== "") out.push(k.text);
    } else if (k.role) collect(k, out);
  }
}

for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const tc = await page.getTextContent({ includeMarkedContent: true });
  const byId = textByMcid(tc.items, n);
  const tree = (await page.getStructTree()) || null;
  const used = new Set();
  if (tree) attach(tree, byId, used);
  for (const [id, t] of byId) if (!used.has(id) && t.trim() !== "") orphans.push({ page: n, id, text: t });
  if (textMode) {
    if (tree) collect(tree, lines);
  } else {
    process.stdout.write(JSON.stringify({ page: n, tree }) + "\n");
  }
  page.cleanup();
}
if (textMode) {
  for (const l of lines) process.stdout.write(l.replace(/\n/g, " ") + "\n");
} else {
  process.stdout.write(JSON.stringify({ unmarked }) + "\n");
  process.stdout.write(JSON.stringify({ orphans }) + "\n");
}
await doc.destroy();
