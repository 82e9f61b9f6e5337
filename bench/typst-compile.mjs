// typst-compile.mjs IN.typ OUT.pdf [FONT_DIR ...] — compiles one Typst file
// to a PDF in one process, with Typst's compiler from the npm package
// @myriaddreamin/typst-ts-node-compiler (scripts/deps.sh --bench installs it
// into ~/.cache/ashireport-bench-npm, or $ASHI_BENCH_NPM_DIR). bench/run.sh times this
// whole process against `ashireport render`. Fonts: the folders given (the
// same files our deck uses: the repository's fonts/), and the system's,
// which this compiler, like the typst command, searches besides (its start-up
// includes that). SPDX-License-Identifier: MIT
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { homedir } from 'node:os';

const [input, output, ...fontDirs] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: typst-compile.mjs IN.typ OUT.pdf [FONT_DIR ...]');
  process.exit(2);
}
const npmDir = process.env.ASHI_BENCH_NPM_DIR || resolve(homedir(), '.cache/ashireport-bench-npm');
const require = createRequire(resolve(npmDir, 'node_modules/'));
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');

const main = resolve(input);
const compiler = NodeCompiler.create({
  workspace: dirname(main),
  fontArgs: [{ fontPaths: fontDirs.map((d) => resolve(d)) }],
});
const result = compiler.compile({ mainFilePath: main });
const doc = result.result;
if (!doc) {
  result.printDiagnostics();
  process.exit(1);
}
// warnings (a font not found, say) are shown, as the typst CLI does
const warnings = result.takeWarnings();
if (warnings)
  for (const d of compiler.fetchDiagnostics(warnings)) console.error(JSON.stringify(d));
writeFileSync(output, compiler.pdf(doc));
