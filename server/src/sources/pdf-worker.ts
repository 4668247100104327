// The thread pdf.js runs in (bundled apart as dist/pdf-worker.js; pdf.js itself stays in
// dist/pdf-engine.mjs, loaded here on the first PDF): it opens each PDF it is sent and posts back
// `ready` once pdf.js is loaded, then the page count, then each page's text items, one message a page
// (pdf-text.ts readPages). The main thread (pdf.ts) holds the budgets — time to be ready, time per
// page and in all, memory — and ends this thread when one is exceeded, so that no PDF (50,000
// nested `q`, forms drawing each other, a stream inflating to 1.5 GB) can stall or kill the CLI or
// the language server.

import { parentPort } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { cMapUrl } from './pdf-cmaps.js';
import { readPages, type PdfJob, type PdfReply } from './pdf-text.js';
import './pdf-polyfill.js';

export type { PdfJob, PdfReply };

type Engine = typeof import('./pdf-engine.js');
let engine: Promise<Engine> | null = null;

// pdf.js's modern build reads files (character maps) through process.getBuiltinModule (Node 20.16).
const proc: { getBuiltinModule?: (id: string) => unknown } = process;
proc.getBuiltinModule ??= (id: string) => createRequire(process.cwd() + '/')(id);

/** pdf.js, imported on the first PDF and kept. */
function loadEngine(): Promise<Engine> {
  // From the sources, pdf.ts hands pdf.js over (see its spawn()); bundled, it is dist/pdf-engine.mjs.
  const given = (globalThis as { __pdfEngine?: () => Promise<Engine> }).__pdfEngine;
  engine ??= withoutNodeWarning(given ?? (() => import('./pdf-engine.js'))).then((m) => {
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = { WorkerMessageHandler: m.WorkerMessageHandler };
    return m;
  });
  return engine;
}

/**
 * Loads pdf.js without the warning its modern build prints on Node as it loads ("Please use the
 * `legacy` build"): printed from this thread it would land in the CLI's standard output, among
 * the text. The build is chosen on purpose (pdf-engine.ts); nothing else is filtered.
 */
async function withoutNodeWarning<T>(load: () => Promise<T>): Promise<T> {
  const log = console.log;
  console.log = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('Please use the `legacy` build')) return;
    log(...args);
  };
  try {
    return await load();
  } finally {
    console.log = log;
  }
}

// One job at a time: pdf.ts sends the next only once this one has answered `done` or `error`.
// `ready` once pdf.js is loaded (at once for every PDF after the thread's first): the keeper starts
// the PDF's own budgets then, so loading pdf.js is never counted as the PDF's time.
parentPort?.on('message', (job: PdfJob) => {
  const post = (r: PdfReply) => parentPort!.postMessage(r);
  const detail = (e: unknown) => (e instanceof Error ? e.message : String(e));
  loadEngine()
    .then(
      (pdfjs) => {
        post({ id: job.id, type: 'ready' });
        return readPages(pdfjs, job, cMapUrl(), post);
      },
      // pdf.js itself did not load: not the PDF's fault (the keeper ends this thread; the next PDF gets a new one).
      (e) => post({ id: job.id, type: 'error', kind: 'engine', detail: detail(e) }),
    )
    .catch((e) => post({ id: job.id, type: 'error', kind: 'corrupt', detail: detail(e) }));
});
