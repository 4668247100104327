// Reading a PDF's text layer with pdf.js, only when a PDF is read, in a thread of its own
// (pdf-worker.ts) and within a budget of work: time per page, time in all and memory, counted from
// when pdf.js is ready in the thread (loading it has a budget of its own, pdfLoadMs). pdf.js has
// no limits of its own on operators, nesting or inflated streams, so the budget is kept from
// outside: a page that takes too long, or a read that makes the process grow too far, ends the
// thread (a new one serves the next PDF) and the PDF gets a `too-complex` error — never a hang
// or an out-of-memory crash of the CLI or the language server. Pages within the page limit, each
// page's text items with their positions handed to pdf-layout. A PDF without text (a scan) and a
// PDF that needs a password are errors of their own. The reading itself (pdf-text.ts) is shared
// with the browser worker's reader (pdf.browser.ts), which runs pdf.js in place.

import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PdfPage } from './pdf-layout.js';
import { corrupt, pdfError, pdfText } from './pdf-result.js';
import type { PdfJob, PdfReply } from './pdf-text.js';
import { SourceError, type Limits, type SourceResult } from './types.js';
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/**
 * The worker thread, its heap capped at the memory budget: dist/pdf-worker.js beside the bundle;
 * from the sources (tests), the .ts through tsx; `script`, code run in its place (tests: a thread
 * scripted to hang, crash or die, test/sources-pdf-thread.test.ts).
 */
export function spawnPdfThread(memoryMb: number, script?: string): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb, stackSizeMb: 8 };
  if (script !== undefined) return new Worker(script, { eval: true, resourceLimits });
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  const bundled = join(here, 'pdf-worker.js');
  if (existsSync(bundled)) return new Worker(bundled, { resourceLimits });
  // From the sources (tests, development): pdf.js imported natively when the thread asks for it
  // (pdf-worker.ts loadEngine), then the thread's TypeScript through tsx (a worker does not
  // inherit tsx's import hooks).
  const req = createRequire(join(here, 'pdf.ts'));
  const pdfjs = dirname(req.resolve('pdfjs-dist/package.json'));
  const url = (p: string) => JSON.stringify(pathToFileURL(join(pdfjs, p)).href);
  const code = `globalThis.__pdfEngine = () => Promise.all([import(${url('build/pdf.mjs')}), import(${url('build/pdf.worker.mjs')})])
      .then(([m, w]) => ({ ...m, WorkerMessageHandler: w.WorkerMessageHandler }));
    require(${JSON.stringify(req.resolve('tsx/cjs'))});
    require(${JSON.stringify(join(here, 'pdf-worker.ts'))});`;
  return new Worker(code, { eval: true, resourceLimits });
}

interface Read {
  count: number;
  pages: PdfPage[];
}

/** The one pdf.js thread, kept between PDFs (loading pdf.js costs more than a page), jobs one at a time. */
export class PdfThread {
  private worker: Worker | null = null;
  private memoryMb = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private ids = 0;

  constructor(private readonly spawn: (memoryMb: number) => Worker = spawnPdfThread) {}

  read(bytes: Uint8Array, limits: Limits): Promise<Read> {
    const next = this.queue.then(() => this.run(bytes, limits));
    this.queue = next.catch(() => {});
    return next;
  }

  private thread(limits: Limits): Worker {
    if (this.worker && this.memoryMb !== limits.pdfMemoryMb) this.end();
    if (!this.worker) {
      const w = this.spawn(limits.pdfMemoryMb);
      this.worker = w;
      this.memoryMb = limits.pdfMemoryMb;
      // A thread that dies between PDFs (pdf.js failing after its answer) is forgotten, so that the
      // next PDF is not posted to it (and waits out its page budget, called crafted), and its error
      // is no uncaught exception of the CLI or the server. A read's own listeners come and go.
      w.on('error', () => {});
      w.on('exit', () => {
        if (this.worker === w) this.worker = null;
      });
      // An idle thread keeps no process alive (the CLI exits when its work is done).
      w.unref();
    }
    return this.worker;
  }

  private end(): void {
    const w = this.worker;
    this.worker = null;
    if (w) void w.terminate().catch(() => {});
  }

  private run(bytes: Uint8Array, limits: Limits): Promise<Read> {
    const worker = this.thread(limits);
    const id = ++this.ids;
    return new Promise<Read>((resolve, reject) => {
      const pages: PdfPage[] = [];
      let count = 0;
      const started = Date.now();
      const baseline = process.memoryUsage.rss();
      let pageTimer: ReturnType<typeof setTimeout> | undefined;
      let totalTimer: ReturnType<typeof setTimeout> | undefined;
      let ready = false;
      const finish = (error: SourceError | null, kill = false) => {
        clearTimeout(loadTimer);
        clearTimeout(pageTimer);
        clearTimeout(totalTimer);
        clearInterval(memoryPoll);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (kill || error?.code === 'too-complex') this.end();
        else worker.unref();
        if (error) reject(error);
        else resolve({ count, pages });
      };
      const overBudget = (zh: string, en: string) => finish(new SourceError('too-complex', { zh: `PDF ${zh}，不予读取（可能是恶意构造的文件）`, en: `The PDF ${en}; not read (possibly a crafted file)` }), true);
      const armPage = () => {
        clearTimeout(pageTimer);
        const n = pages.length + 1;
        pageTimer = setTimeout(() => overBudget(`第 ${n} 页的处理超过 ${seconds(limits.pdfPageMs)}`, `took over ${seconds(limits.pdfPageMs)} on page ${n}`), limits.pdfPageMs);
      };
      // Until pdf.js is ready in the thread (the thread started, pdf.js loaded: the first PDF of a
      // thread), its own budget; not the PDF's (its bytes are not read before), nor a hostile file's.
      const loadTimer = setTimeout(
        () => finish(new SourceError('too-complex', { zh: `PDF 读取组件（pdf.js）未能在 ${seconds(limits.pdfLoadMs)} 内启动，PDF 未读取；请稍后重试`, en: `pdf.js did not start within ${seconds(limits.pdfLoadMs)}; the PDF was not read (try again)` }), true),
        limits.pdfLoadMs,
      );
      // pdf.js ready: the PDF's budgets start, in all and for page 1 (opening the PDF is part of it).
      const start = () => {
        if (ready) return;
        ready = true;
        clearTimeout(loadTimer);
        totalTimer = setTimeout(() => overBudget(`的处理超过 ${seconds(limits.pdfTotalMs)}`, `took over ${seconds(limits.pdfTotalMs)} in all`), limits.pdfTotalMs);
        armPage();
      };
      const memoryPoll = setInterval(() => {
        if (process.memoryUsage.rss() - baseline > limits.pdfMemoryMb * 1048576) overBudget(`的处理占用内存超过 ${limits.pdfMemoryMb} MB`, `needed over ${limits.pdfMemoryMb} MB of memory`);
      }, 50);
      const onMessage = (r: PdfReply) => {
        if (r.id !== id) return;
        if (r.type === 'ready') start();
        else if (r.type === 'pages') { start(); count = r.count; armPage(); }
        else if (r.type === 'page') { start(); pages.push(r.page); armPage(); }
        else if (r.type === 'done') finish(null);
        else finish(pdfError(r, limits));
      };
      // The thread's heap over its limit (ERR_WORKER_OUT_OF_MEMORY) or a crash in it.
      const onError = (e: Error) => {
        const oom = (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
        if (oom) overBudget(`的处理占用内存超过 ${limits.pdfMemoryMb} MB`, `needed over ${limits.pdfMemoryMb} MB of memory`);
        else finish(corrupt(e.message), true);
      };
      const onExit = () => { this.worker = null; finish(corrupt(`pdf.js stopped after ${seconds(Date.now() - started)}`)); };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.ref();
      const job: PdfJob = { id, bytes: new Uint8Array(bytes), maxPages: limits.maxPages, maxChars: limits.maxChars };
      worker.postMessage(job, [job.bytes.buffer as ArrayBuffer]);
    });
  }
}

let thread: PdfThread | null = null;

export async function readPdf(bytes: Uint8Array, limits: Limits): Promise<SourceResult> {
  thread ??= new PdfThread();
  const { count, pages } = await thread.read(bytes, limits);
  return pdfText(count, pages);
}
