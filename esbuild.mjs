// Bundles the three entry points: the CLI, the language server and the VS Code client.
// `npm ci` runs this through the `prepare` script, so a fresh clone is ready to use.
// The options are exported (`bundleOptions`), so that the tests build the server the same way
// (test/lsp/build.ts); run as a script, this builds everything.
import { chmodSync, existsSync, readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** The esbuild options of one bundle: `cli`, `server` or `client`. */
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
      return { ...common, ...bin, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' };
    case 'server':
      return { ...common, ...bin, entryPoints: ['server/src/lsp/node.ts'], outfile: 'dist/server.js' };
    case 'client':
      return { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] };
    default:
      throw new Error(`no bundle named ${name}`);
  }
}

export const BINS = ['cli', 'server'];

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
  await Promise.all(['cli', 'server', 'client'].map((name) => esbuild.build(bundleOptions(name, { production }))));
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
