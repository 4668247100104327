// Builds dist/server.js for the language server tests (and dist/cli.js for the tests that run it) with esbuild.mjs's own options (so the
// tested bundle is the shipped one), unless it is newer than every server source; written
// atomically, so parallel test files never see half a bundle.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as esbuild from 'esbuild';
import { bundleOptions, copyCmaps } from '../../esbuild.mjs';
import { ROOT, SERVER } from './client';

function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    newest = Math.max(newest, s.isDirectory() ? newestSource(p) : s.mtimeMs);
  }
  return newest;
}

/** Builds dist/server.js (and the PDF thread, dist/pdf-worker.js, dist/iconv-lite.js and dist/markup-lib.js) unless newer than every server source. */
export async function buildServer(): Promise<void> {
  await buildBundle('iconv-lite', join(ROOT, 'dist/iconv-lite.js'));
  await buildBundle('markup-lib', join(ROOT, 'dist/markup-lib.js'));
  await buildBundle('pdf-worker', join(ROOT, 'dist/pdf-worker.js'));
  return buildBundle('server', SERVER);
}

/** Builds dist/cli.js (and dist/iconv-lite.js, dist/markup-lib.js, dist/pdf-worker.js, dist/check-worker.js, and the character maps in dist/pdfjs-cmaps) unless newer than every server source (the CLI's sources are there too). */
export async function buildCli(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/pdfjs-cmaps'))) copyCmaps();
  await buildBundle('iconv-lite', join(ROOT, 'dist/iconv-lite.js'));
  await buildBundle('markup-lib', join(ROOT, 'dist/markup-lib.js'));
  await buildBundle('pdf-worker', join(ROOT, 'dist/pdf-worker.js'));
  await buildBundle('check-worker', join(ROOT, 'dist/check-worker.js'));
  return buildBundle('cli', join(ROOT, 'dist/cli.js'));
}

/** Builds dist/web/server.js (the browser worker's server) unless it is newer than every server source. */
export function buildWebServer(): Promise<string> {
  const out = join(ROOT, 'dist/web/server.js');
  return buildBundle('web-server', out).then(() => out);
}

async function buildBundle(name: 'server' | 'cli' | 'pdf-worker' | 'check-worker' | 'iconv-lite' | 'markup-lib' | 'web-server', outfile: string): Promise<void> {
  const sources = Math.max(newestSource(join(ROOT, 'server/src')), statSync(join(ROOT, 'package.json')).mtimeMs);
  if (existsSync(outfile) && statSync(outfile).mtimeMs >= sources) return;
  const options = bundleOptions(name);
  const r = await esbuild.build({ ...options, write: false });
  mkdirSync(dirname(outfile), { recursive: true });
  // The bundle last, so that a present bundle always has its map.
  const files = [...r.outputFiles!].sort((a, b) => (a.path.endsWith('.map') ? -1 : b.path.endsWith('.map') ? 1 : 0));
  for (const f of files) {
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents, { mode: 0o755 });
    renameSync(tmp, f.path);
  }
}
