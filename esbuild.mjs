// Bundles the three entry points: the CLI, the language server and the VS Code client.
// `npm ci` runs this through the `prepare` script, so a fresh clone is ready to use.
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';

let esbuild;
try {
  esbuild = await import('esbuild');
} catch (e) {
  // Installed as a package (e.g. by `npx` into its cache): no devDependencies, but the
  // bundles ship with it.
  if (existsSync(new URL('./dist/cli.js', import.meta.url))) process.exit(0);
  throw e;
}

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { __VERSION__: JSON.stringify(version) },
};

// pdf.js (about 2 MB) is loaded only when a PDF is read: the bundles import it at run time from
// a file of its own, dist/pdf-engine.mjs, which nothing else loads.
const pdfEngineApart = {
  name: 'pdf-engine-apart',
  setup(build) {
    build.onResolve({ filter: /\/pdf-engine\.js$/ }, () => ({ path: './pdf-engine.mjs', external: true }));
  },
};

const bins = [
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', plugins: [pdfEngineApart] },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', plugins: [pdfEngineApart] },
];

// The character maps pdf.js needs for Chinese fonts a PDF does not embed (the GB ones only).
const cmaps = new URL('./node_modules/pdfjs-dist/cmaps/', import.meta.url);
if (existsSync(cmaps)) {
  mkdirSync(new URL('./dist/pdfjs-cmaps/', import.meta.url), { recursive: true });
  for (const f of readdirSync(cmaps)) if (/GB|^Identity|LICENSE/.test(f)) copyFileSync(new URL(f, cmaps), new URL(`./dist/pdfjs-cmaps/${f}`, import.meta.url));
}

await Promise.all([
  ...bins.map((b) => esbuild.build({ ...common, ...b, banner: { js: '#!/usr/bin/env node' } })),
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  // Optional native canvas packages of pdf.js are for rendering, which the checker never does.
  esbuild.build({ ...common, format: 'esm', entryPoints: ['server/src/sources/pdf-engine.ts'], outfile: 'dist/pdf-engine.mjs', external: ['@napi-rs/canvas', 'canvas', 'path2d'] }),
]);
for (const b of bins) chmodSync(b.outfile, 0o755);
