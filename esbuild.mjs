// Bundles the entry points: for Node, the CLI (dist/cli.js) and its checking threads
// (dist/check-worker.js), the language server (dist/server.js), iconv-lite apart (dist/iconv-lite.js)
// and the HTML and XML parser apart (dist/markup-lib.js),
// the VS Code client (dist/client.js), the thread PDFs are read in (dist/pdf-worker.js) and pdf.js
// apart (dist/pdf-engine.mjs); for VS Code for the
// Web, the client (dist/web/client.js, package.json `browser`) and the language server as a web
// worker (dist/web/server.js, pdf.js inside). `npm ci` runs this through the `prepare` script, so
// a fresh clone is ready to use.
// The options are exported (`bundleOptions`), so that the tests build the server the same way
// (test/lsp/build.ts); run as a script, this builds everything.
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

// pdf.js (about 2 MB) is loaded only when a PDF is read: the bundles import it at run time from
// a file of its own, dist/pdf-engine.mjs, which nothing else loads.
const pdfEngineApart = {
  name: 'pdf-engine-apart',
  setup(build) {
    build.onResolve({ filter: /\/pdf-engine\.js$/ }, () => ({ path: './pdf-engine.mjs', external: true }));
  },
};

// iconv-lite (550 KB of charset tables) is loaded only when a file needs a legacy charset
// (sources/iconv.ts requires it on first use): the Node bundles require it from a file of its own,
// dist/iconv-lite.js, so that starting the CLI or the server does not parse it.
const iconvApart = {
  name: 'iconv-apart',
  setup(build) {
    build.onResolve({ filter: /^iconv-lite$/ }, () => ({ path: './iconv-lite.js', external: true }));
    // Likewise the HTML and XML parser (sources/markup.ts requires it on the first web page or .docx): dist/markup-lib.js.
    build.onResolve({ filter: /^\.\/markup-lib\.js$/ }, (args) => (args.resolveDir.endsWith(join('server', 'src', 'sources')) && args.kind === 'require-call' ? { path: './markup-lib.js', external: true } : undefined));
  },
};

// The browser worker: the Node-only modules swapped for their browser twins (`x.browser.ts` beside
// `x.ts`: the character maps' place, and the PDF reader, which on Node runs pdf.js in a thread of
// its own with budgets — sources/pdf-worker.ts — and in the worker runs it in place), and pdf.js
// bundled in (a worker bundle is one file; it is parsed only in the worker).
const browserTwins = {
  name: 'browser-twins',
  setup(build) {
    build.onResolve({ filter: /^\.\/pdf(-cmaps)?\.js$/ }, (args) =>
      args.resolveDir.endsWith(join('server', 'src', 'sources')) ? { path: join(args.resolveDir, args.path.replace(/\.js$/, '.browser.ts')) } : undefined,
    );
  },
};

/** The esbuild options of one bundle: `cli`, `check-worker`, `iconv-lite`, `server`, `client`, `pdf-worker`, `pdf-engine`, `web-client` or `web-server`. */
export function bundleOptions(name, { production = false } = {}) {
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // jsonc-parser's `main` is a UMD build that requires its modules dynamically: bundle its ESM build.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    define: { __VERSION__: JSON.stringify(version) },
  };
  const bin = { banner: { js: '#!/usr/bin/env node' } };
  switch (name) {
    case 'cli':
      return { ...common, ...bin, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', plugins: [pdfEngineApart, iconvApart] };
    case 'server':
      return { ...common, ...bin, entryPoints: ['server/src/lsp/node.ts'], outfile: 'dist/server.js', plugins: [pdfEngineApart, iconvApart] };
    case 'client':
      return { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] };
    case 'pdf-worker':
      // The thread pdf.js runs in (sources/pdf.ts starts it); pdf.js itself stays in pdf-engine.mjs.
      return { ...common, entryPoints: ['server/src/sources/pdf-worker.ts'], outfile: 'dist/pdf-worker.js', plugins: [pdfEngineApart, iconvApart] };
    case 'check-worker':
      // A thread of `check --jobs` (cli/jobs.ts starts it beside dist/cli.js); it reads PDFs through dist/pdf-worker.js as the CLI does.
      return { ...common, entryPoints: ['server/src/cli/job-worker.ts'], outfile: 'dist/check-worker.js', plugins: [pdfEngineApart, iconvApart] };
    case 'markup-lib':
      // The HTML and XML parser alone, required by the Node bundles on first use (iconvApart).
      return { ...common, entryPoints: ['server/src/sources/markup-lib.ts'], outfile: 'dist/markup-lib.js' };
    case 'iconv-lite':
      // iconv-lite alone, required by the Node bundles above on first use (iconvApart).
      return { ...common, entryPoints: ['node_modules/iconv-lite/lib/index.js'], outfile: 'dist/iconv-lite.js' };
    case 'pdf-engine':
      // Optional native canvas packages of pdf.js are for rendering, which the checker never does.
      return { ...common, format: 'esm', entryPoints: ['server/src/sources/pdf-engine.ts'], outfile: 'dist/pdf-engine.mjs', external: ['@napi-rs/canvas', 'canvas', 'path2d'] };
    case 'web-client':
      return { ...common, platform: 'browser', target: 'es2022', format: 'cjs', entryPoints: ['client/src/browser.ts'], outfile: 'dist/web/client.js', external: ['vscode'] };
    case 'web-server':
      return {
        ...common,
        platform: 'browser',
        target: 'es2022',
        format: 'iife',
        entryPoints: ['server/src/lsp/browser.ts'],
        outfile: 'dist/web/server.js',
        inject: ['server/src/host/buffer-shim.ts'],
        plugins: [browserTwins],
        external: ['@napi-rs/canvas', 'canvas', 'path2d'],
      };
    default:
      throw new Error(`no bundle named ${name}`);
  }
}

export const BUNDLES = ['cli', 'check-worker', 'iconv-lite', 'markup-lib', 'server', 'client', 'pdf-worker', 'pdf-engine', 'web-client', 'web-server'];
export const BINS = ['cli', 'server'];

/** The character maps pdf.js needs for Chinese fonts a PDF does not embed (the GB ones only), into dist/pdfjs-cmaps. */
export function copyCmaps() {
  const cmaps = new URL('./node_modules/pdfjs-dist/cmaps/', import.meta.url);
  if (!existsSync(cmaps)) return;
  mkdirSync(new URL('./dist/pdfjs-cmaps/', import.meta.url), { recursive: true });
  for (const f of readdirSync(cmaps)) if (/GB|^Identity|LICENSE/.test(f)) copyFileSync(new URL(f, cmaps), new URL(`./dist/pdfjs-cmaps/${f}`, import.meta.url));
}

async function buildAll() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch (e) {
    // Installed as a package (e.g. by `npx` into its cache): no devDependencies, but the
    // bundles ship with it.
    if (existsSync(new URL('./dist/cli.js', import.meta.url))) process.exit(0);
    throw e;
  }
  const production = process.argv.includes('--production');
  copyCmaps();
  await Promise.all(BUNDLES.map((name) => esbuild.build(bundleOptions(name, { production }))));
  for (const name of BINS) chmodSync(new URL(bundleOptions(name).outfile, import.meta.url), 0o755);
}

// Run as a script (not imported): build. No top-level await, so that the tests can load this file
// as CommonJS (tsx) for its options.
const isMain = () => {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
};
if (isMain()) {
  buildAll().catch((e) => {
    if (!e?.errors) console.error(e);
    process.exitCode = 1;
  });
}
