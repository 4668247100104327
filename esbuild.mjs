// Bundles the three entry points: the CLI, the language server and the VS Code client.
// `npm ci` runs this through the `prepare` script, so a fresh clone is ready to use.
import { chmodSync, existsSync, readFileSync } from 'node:fs';

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

const bins = [
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['server/src/lsp/node.ts'], outfile: 'dist/server.js' },
];

await Promise.all([
  ...bins.map((b) => esbuild.build({ ...common, ...b, banner: { js: '#!/usr/bin/env node' } })),
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
]);
for (const b of bins) chmodSync(b.outfile, 0o755);
