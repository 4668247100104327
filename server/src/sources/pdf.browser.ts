// The PDF reader of the browser worker (dist/web/server.js; esbuild.mjs takes this file for
// ./pdf.js there): pdf.js runs in place, in the web worker the language server already is, with
// no thread of its own — node:worker_threads does not exist there, and the worker is itself apart
// from the editor. The page and character limits hold as on Node (pdf-text.ts readPages, the same
// reading and errors); the time and memory budgets of pdf.ts do not (nothing can stop pdf.js in
// the middle of a page here): the browser's own limits on the worker are the bound.

import { cMapUrl } from './pdf-cmaps.browser.js';
import { engineFailed, pdfError, pdfText } from './pdf-result.js';
import { readPages, type PdfReply } from './pdf-text.js';
import type { PdfPage } from './pdf-layout.js';
import type { Limits, SourceResult } from './types.js';

type Engine = typeof import('./pdf-engine.js');
let engine: Promise<Engine> | null = null;

/** pdf.js, imported on the first PDF and kept; an import that failed (a chunk not fetched) is tried again on the next PDF, and is no damaged PDF. */
function loadEngine(): Promise<Engine> {
  engine ??= import('./pdf-engine.js').then(
    (m) => {
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = { WorkerMessageHandler: m.WorkerMessageHandler };
      return m;
    },
    (e: unknown) => {
      engine = null;
      throw engineFailed(e instanceof Error ? e.message : String(e));
    },
  );
  return engine;
}

export async function readPdf(bytes: Uint8Array, limits: Limits): Promise<SourceResult> {
  const pdfjs = await loadEngine();
  let count = 0;
  const pages: PdfPage[] = [];
  const failed: { reply?: Extract<PdfReply, { type: 'error' }> } = {};
  await readPages(pdfjs, { id: 0, bytes: new Uint8Array(bytes), maxPages: limits.maxPages, maxChars: limits.maxChars }, cMapUrl(), (r) => {
    if (r.type === 'pages') count = r.count;
    else if (r.type === 'page') pages.push(r.page);
    else if (r.type === 'error') failed.reply = r;
  });
  if (failed.reply) throw pdfError(failed.reply, limits);
  return pdfText(count, pages);
}
