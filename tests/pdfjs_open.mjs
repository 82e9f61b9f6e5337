// pdfjs_open.mjs — opens a PDF with pdf.js (pdfjs-dist's legacy build) for
// the tests that read PDFs back as a browser's viewer would
// (tests/tagged/pdfjs_struct.mjs, tests/evenness/glyphs.mjs).
//
// pdfjs-dist is looked up in $ASHI_NPM_DIR, each folder of $NODE_PATH, then
// $HOME/.cache/ashireport-npm (where scripts/deps.sh --test installs it),
// then as a bare import. SPDX-License-Identifier: MIT
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

async function loadPdfjs() {
  const rel = join("pdfjs-dist", "legacy", "build", "pdf.mjs");
  const dirs = [];
  if (process.env.ASHI_NPM_DIR) dirs.push(join(process.env.ASHI_NPM_DIR, "node_modules"));
  for (const d of (process.env.NODE_PATH || "").split(":")) if (d) dirs.push(d);
  if (process.env.HOME) dirs.push(join(process.env.HOME, ".cache", "ashireport-npm", "node_modules"));
  for (const d of dirs) {
    const p = join(d, rel);
    if (existsSync(p)) return { lib: await import(pathToFileURL(p).href), root: join(d, "pdfjs-dist") };
  }
  return { lib: await import("pdfjs-dist/legacy/build/pdf.mjs"), root: null };
}

// The pdf.js module and the document in file: { pdfjs, doc }.
export async function openPdf(file) {
  // pdf.js warns (console.warn) at import that its optional native canvas
  // is missing: drop that one warning, keep the others
  const origWarn = console.warn;
  console.warn = (...a) => {
    if (!a.join(" ").includes("@napi-rs/canvas")) origWarn(...a);
  };
  // pdf.js wants canvas classes at import time (from @napi-rs/canvas, a
  // native package); reading text, structure and operators never draws,
  // so inert stand-ins do
  for (const name of ["DOMMatrix", "ImageData", "Path2D"]) {
    if (!globalThis[name]) globalThis[name] = class { constructor() { this.a = 1; this.d = 1; this.b = this.c = this.e = this.f = 0; } };
  }
  const { lib: pdfjs, root } = await loadPdfjs();
  const opts = { data: new Uint8Array(readFileSync(file)), verbosity: 0, isEvalSupported: false,
                 useSystemFonts: false };
  if (root) {
    opts.standardFontDataUrl = join(root, "standard_fonts") + "/";
    opts.cMapUrl = join(root, "cmaps") + "/";
    opts.cMapPacked = true;
  }
  return { pdfjs, doc: await pdfjs.getDocument(opts).promise };
}
