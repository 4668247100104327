// Where pdf.js finds its character maps (for Chinese fonts a PDF does not embed) on Node: beside
// the bundle (dist/pdfjs-cmaps, copied by esbuild.mjs) or in node_modules. The browser worker's
// bundle takes pdf-cmaps.browser.ts instead (esbuild.mjs).

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';

export function cMapUrl(): string | undefined {
  const beside = typeof __dirname === 'string' ? join(__dirname, 'pdfjs-cmaps') : '';
  if (beside && existsSync(beside)) return beside + '/';
  try {
    const req = createRequire(typeof __filename === 'string' ? __filename : process.cwd() + '/');
    return join(dirname(req.resolve('pdfjs-dist/package.json')), 'cmaps') + '/';
  } catch {
    return undefined;
  }
}
