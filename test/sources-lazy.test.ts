// pdf.js is loaded only when a PDF is read: no module of the sources layer imports it
// statically, and a bundle of the layer (built as esbuild.mjs builds the CLI and the server)
// holds none of it: PDFs are read in a thread (dist/pdf-worker.js), which imports
// dist/pdf-engine.mjs dynamically on the first PDF.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as esbuild from 'esbuild';

const DIR = join(__dirname, '../server/src/sources');

test('only pdf-engine.ts imports pdf.js, and pdf-worker.ts / index.ts load it with a dynamic import()', () => {
  for (const f of readdirSync(DIR)) {
    const src = readFileSync(join(DIR, f), 'utf8');
    const statics = [...src.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
    if (f !== 'pdf-engine.ts') assert.ok(!statics.some((s) => s.startsWith('pdfjs-dist')), `${f} imports pdf.js`);
    assert.ok(!statics.includes('./pdf-engine.js'), `${f} imports the engine statically`);
    if (f !== 'pdf.ts' && f !== 'pdf-engine.ts' && f !== 'pdf-worker.ts') assert.ok(!statics.includes('./pdf.js'), `${f} imports the PDF reader statically`);
  }
  assert.match(readFileSync(join(DIR, 'pdf-worker.ts'), 'utf8'), /import\('\.\/pdf-engine\.js'\)/);
  assert.match(readFileSync(join(DIR, 'index.ts'), 'utf8'), /await import\('\.\/pdf\.js'\)/);
});

test('the bundled layer holds no pdf.js code', async () => {
  const apart: esbuild.Plugin = { name: 'pdf-engine-apart', setup: (b) => { b.onResolve({ filter: /\/pdf-engine\.js$/ }, () => ({ path: './pdf-engine.mjs', external: true })); } };
  const r = await esbuild.build({ bundle: true, platform: 'node', target: 'node20', format: 'cjs', entryPoints: [join(DIR, 'index.ts')], write: false, outfile: 'out.js', plugins: [apart], logLevel: 'silent' });
  const js = r.outputFiles[0].text;
  assert.ok(!js.includes('pdf-engine'), 'the layer itself never loads the engine: its thread does');
  const w = await esbuild.build({ bundle: true, platform: 'node', target: 'node20', format: 'cjs', entryPoints: [join(DIR, 'pdf-worker.ts')], write: false, outfile: 'out.js', plugins: [apart], logLevel: 'silent' });
  assert.match(w.outputFiles[0].text, /import\("\.\/pdf-engine\.mjs"\)/);
  for (const marker of ['PDFDocumentProxy', 'WorkerMessageHandler =', 'pdfjs-dist/legacy']) assert.ok(!w.outputFiles[0].text.includes(marker), marker);
  for (const marker of ['PDFDocumentProxy', 'WorkerMessageHandler =', 'pdfjs-dist/legacy']) assert.ok(!js.includes(marker), marker);
});

test('iconv-lite (the legacy charsets) is required on first use, from a bundle of its own: the CLI, server and check thread hold none of it', async () => {
  for (const f of readdirSync(DIR)) {
    const src = readFileSync(join(DIR, f), 'utf8');
    const statics = [...src.matchAll(/^\s*(?:import|export)\s(?!type\s)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
    assert.ok(!statics.includes('iconv-lite'), `${f} imports iconv-lite statically: sources/iconv.ts loads it`);
  }
  const { bundleOptions } = await import('../esbuild.mjs');
  for (const name of ['cli', 'server', 'check-worker'] as const) {
    const r = await esbuild.build({ ...bundleOptions(name), write: false, sourcemap: false, logLevel: 'silent' });
    const js = r.outputFiles[0].text;
    assert.ok(!js.includes('DBCSCodec'), `${name} holds iconv-lite`);
    assert.match(js, /require\("\.\/iconv-lite\.js"\)/, name);
  }
  const lib = await esbuild.build({ ...bundleOptions('iconv-lite'), write: false, sourcemap: false, logLevel: 'silent' });
  assert.ok(lib.outputFiles[0].text.includes('DBCSCodec'));
});

test('the HTML and XML parser is required on first use, from a bundle of its own: the CLI, server and check thread hold none of it', async () => {
  for (const f of readdirSync(DIR)) {
    if (f === 'markup-lib.ts') continue;
    const src = readFileSync(join(DIR, f), 'utf8');
    const statics = [...src.matchAll(/^\s*(?:import|export)\s(?!type\s)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
    for (const lib of ['htmlparser2', 'domhandler', 'entities', './markup-lib.js']) assert.ok(!statics.includes(lib), `${f} imports ${lib} statically: sources/markup.ts loads it`);
  }
  const { bundleOptions } = await import('../esbuild.mjs');
  for (const name of ['cli', 'server', 'check-worker'] as const) {
    const r = await esbuild.build({ ...bundleOptions(name), write: false, sourcemap: false, logLevel: 'silent' });
    const js = r.outputFiles[0].text;
    for (const marker of ['onopentagname', 'htmlDecodeTree']) assert.ok(!js.includes(marker), `${name} holds the parser (${marker})`);
    assert.match(js, /require\("\.\/markup-lib\.js"\)/, name);
  }
  const lib = await esbuild.build({ ...bundleOptions('markup-lib'), write: false, sourcemap: false, logLevel: 'silent' });
  for (const marker of ['onopentagname', 'htmlDecodeTree']) assert.ok(lib.outputFiles[0].text.includes(marker), marker);
});

test('every file a Node bundle loads at run time beside itself (dist/iconv-lite.js, dist/pdf-engine.mjs…) is let into the .vsix', async () => {
  const { bundleOptions } = await import('../esbuild.mjs');
  const shipped = new Set([...readFileSync(join(DIR, '../../../.vscodeignore'), 'utf8').matchAll(/^!(dist\/\S+)$/gm)].map((m) => m[1]));
  const loaded = new Set<string>();
  for (const name of ['cli', 'server', 'check-worker', 'pdf-worker'] as const) {
    const r = await esbuild.build({ ...bundleOptions(name), write: false, sourcemap: false, logLevel: 'silent' });
    for (const m of r.outputFiles[0].text.matchAll(/\b(?:require|import)\("\.\/([\w.-]+\.m?js)"\)/g)) loaded.add(`dist/${m[1]}`);
  }
  assert.ok(loaded.has('dist/iconv-lite.js') && loaded.has('dist/markup-lib.js') && loaded.has('dist/pdf-engine.mjs'), [...loaded].join(' '));
  for (const f of loaded) assert.ok(shipped.has(f), `${f} is loaded at run time but .vscodeignore leaves it out of the .vsix`);
});
