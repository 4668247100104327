// The thread pdf.js runs in (bundled apart as dist/pdf-worker.js; pdf.js itself stays in
// dist/pdf-engine.mjs, loaded here on the first PDF): it opens each PDF it is sent and posts back
// the page count, then each page's text items, one message a page. The main thread (pdf.ts) holds
// the budgets — time per page and in all, memory — and ends this thread when one is exceeded, so
// that no PDF (50,000 nested `q`, forms drawing each other, a stream inflating to 1.5 GB) can stall
// or kill the CLI or the language server.

import { parentPort } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import type { PdfItem, PdfPage } from './pdf-layout.js';

type Engine = typeof import('./pdf-engine.js');
let engine: Promise<Engine> | null = null;

/** pdf.js, imported on the first PDF and kept. */
function loadEngine(): Promise<Engine> {
  // From the sources, pdf.ts hands pdf.js over (see its spawn()); bundled, it is dist/pdf-engine.mjs.
  const given = (globalThis as { __pdfEngine?: Engine }).__pdfEngine;
  engine ??= (given ? Promise.resolve(given) : import('./pdf-engine.js')).then((m) => {
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = { WorkerMessageHandler: m.WorkerMessageHandler };
    return m;
  });
  return engine;
}

/** pdf.js's character maps (for fonts that are not embedded), beside the bundle or in node_modules. */
function cMapUrl(): string | undefined {
  const beside = typeof __dirname === 'string' ? join(__dirname, 'pdfjs-cmaps') : '';
  if (beside && existsSync(beside)) return beside + '/';
  try {
    const req = createRequire(typeof __filename === 'string' ? __filename : process.cwd() + '/');
    return join(dirname(req.resolve('pdfjs-dist/package.json')), 'cmaps') + '/';
  } catch {
    return undefined;
  }
}

/** A job: the PDF's bytes and the limits checked here (pages, characters). */
export interface PdfJob {
  id: number;
  bytes: Uint8Array;
  maxPages: number;
  maxChars: number;
}

/** What the thread posts back for a job, in order: `pages`, then one `page` each, then `done`; or `error`. */
export type PdfReply =
  | { id: number; type: 'pages'; count: number }
  | { id: number; type: 'page'; n: number; page: PdfPage }
  | { id: number; type: 'done' }
  | { id: number; type: 'error'; kind: 'encrypted' | 'too-many-pages' | 'too-large' | 'corrupt'; detail: string; count?: number };

async function run(job: PdfJob, post: (r: PdfReply) => void): Promise<void> {
  const pdfjs = await loadEngine();
  const url = cMapUrl();
  const task = pdfjs.getDocument({
    data: job.bytes, // pdf.js takes ownership of the buffer
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    ...(url ? { cMapUrl: url, cMapPacked: true } : {}),
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    if ((e as { name?: string })?.name === 'PasswordException') return post({ id: job.id, type: 'error', kind: 'encrypted', detail: '' });
    return post({ id: job.id, type: 'error', kind: 'corrupt', detail: e instanceof Error ? e.message : String(e) });
  }
  try {
    if (doc.numPages > job.maxPages) return post({ id: job.id, type: 'error', kind: 'too-many-pages', detail: '', count: doc.numPages });
    post({ id: job.id, type: 'pages', count: doc.numPages });
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const view = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str) continue;
        // Page space → top-left origin through the viewport transform.
        const [a, b, c, d, e, f] = it.transform as number[];
        const [x, y] = view.convertToViewportPoint(e, f);
        const h = Math.hypot(c, d) || Math.hypot(a, b) || it.height;
        items.push({ str: it.str, x, y, w: it.width, h, ...(it.dir === "ttb" ? { vertical: true } : {}) });
        chars += it.str.length;
      }
      page.cleanup();
      if (chars > job.maxChars) return post({ id: job.id, type: 'error', kind: 'too-large', detail: '' });
      post({ id: job.id, type: 'page', n, page: { width: view.width, height: view.height, items } });
    }
    post({ id: job.id, type: 'done' });
  } catch (e) {
    post({ id: job.id, type: 'error', kind: 'corrupt', detail: e instanceof Error ? e.message : String(e) });
  } finally {
    await doc.destroy().catch(() => {});
  }
}

// One job at a time: pdf.ts sends the next only once this one has answered `done` or `error`.
parentPort?.on('message', (job: PdfJob) => {
  const post = (r: PdfReply) => parentPort!.postMessage(r);
  run(job, post).catch((e) => post({ id: job.id, type: 'error', kind: 'corrupt', detail: e instanceof Error ? e.message : String(e) }));
});
