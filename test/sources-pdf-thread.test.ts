// The pdf.js thread's keeper (sources/pdf.ts PdfThread) on its own: threads scripted to answer,
// hang, crash, exit or die between PDFs stand in for pdf.js (spawnPdfThread's `script`, with the
// same resource limits), so that each budget and each way a thread can end is met alone — the
// hostile PDFs of test/hostile.test.ts meet several at once. Every test waits on the thread's
// own events or on a budget ending; the page-by-page one runs on mocked timers.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Worker } from 'node:worker_threads';
import { PdfThread, spawnPdfThread } from '../server/src/sources/pdf.ts';
import { DEFAULT_LIMITS, SourceError, type Limits } from '../server/src/sources/index.ts';

const ROOT = join(__dirname, '..');
const BYTES = new Uint8Array([1, 2, 3]);
const limits = (l: Partial<Limits> = {}): Limits => ({ ...DEFAULT_LIMITS, ...l });

/** Thread code: `on(job)` is run for each job with `post` and `page(str)` (a page of one item). */
const script = (on: string) => `
  const { parentPort, threadId, resourceLimits } = require('node:worker_threads');
  const post = (r) => parentPort.postMessage(r);
  const page = (str) => ({ width: 595, height: 842, items: [{ str, x: 72, y: 100, w: 10, h: 10 }] });
  parentPort.on('message', (job) => { ${on} });`;
/** Answers each job with one page saying which thread it is and its resource limits. */
const REPORT = script(`if (job.next) return; post({ id: job.id, type: 'pages', count: 1 });
  post({ id: job.id, type: 'page', n: 1, page: page(JSON.stringify({ threadId, resourceLimits, bytes: job.bytes.length })) });
  post({ id: job.id, type: 'done' });`);

/**
 * A keeper whose threads run `scripts` in turn (the last one again once they run out): each thread
 * in `threads`, and `exited(i)` when the i-th has ended (held meanwhile: the keeper lets an idle
 * thread keep no process alive).
 */
function keeper(...scripts: string[]): { thread: PdfThread; threads: Worker[]; spawned: Promise<Worker>[]; exited: (i: number) => Promise<unknown> } {
  const threads: Worker[] = [];
  const exits: Promise<unknown>[] = [];
  const waiting: ((w: Worker) => void)[] = [];
  const spawned = Array.from({ length: 8 }, () => new Promise<Worker>((res) => waiting.push(res)));
  const thread = new PdfThread((mb) => {
    const w = spawnPdfThread(mb, scripts[Math.min(threads.length, scripts.length - 1)]);
    waiting[threads.length]?.(w);
    threads.push(w);
    exits.push(new Promise((res) => w.once('exit', res)));
    return w;
  });
  const exited = (i: number) => {
    threads[i].ref();
    return exits[i];
  };
  return { thread, threads, spawned, exited };
}

type Told = { threadId: number; resourceLimits: { maxOldGenerationSizeMb: number; stackSizeMb: number }; bytes: number };
const told = async (t: PdfThread, l = limits()): Promise<Told> => JSON.parse((await t.read(BYTES, l)).pages[0].items[0].str) as Told;

async function refused(p: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  const e = await p.then(() => null, (x: unknown) => x);
  assert.ok(e instanceof SourceError, `expected a SourceError, got ${String(e)}`);
  assert.equal(e.code, code, e.message);
  assert.match(e.message, message);
}

test('one thread reads PDF after PDF, its heap capped at the memory budget; a new budget, a new thread', async () => {
  const { thread, threads, exited } = keeper(REPORT);
  const a = await told(thread, limits({ pdfMemoryMb: 300 }));
  const b = await told(thread, limits({ pdfMemoryMb: 300 }));
  assert.equal(b.threadId, a.threadId, 'the thread is kept between PDFs');
  assert.deepEqual([a.resourceLimits.maxOldGenerationSizeMb, a.resourceLimits.stackSizeMb], [300, 8]);
  assert.equal(a.bytes, BYTES.length, 'the PDF’s bytes are handed over');
  const c = await told(thread, limits({ pdfMemoryMb: 200 }));
  assert.notEqual(c.threadId, a.threadId);
  assert.equal(c.resourceLimits.maxOldGenerationSizeMb, 200);
  await exited(0);
  assert.equal(threads.length, 2);
});

test('a thread that never answers once ready: too-complex at the page budget, the thread ended, and the next PDF gets a new one', async () => {
  const { thread, threads, exited } = keeper(script(`post({ id: job.id, type: 'ready' });`), REPORT);
  await refused(thread.read(BYTES, limits({ pdfPageMs: 200 })), 'too-complex', /The PDF took over 0\.2 s on page 1; not read/);
  await exited(0);
  assert.equal((await told(thread)).threadId, threads[1].threadId);
});

/** A thread that blocks for `ms` as it starts (as loading pdf.js does on a cold, busy machine), then runs `on`. */
const slowStart = (ms: number, on: string) => `{ const t = Date.now(); while (Date.now() - t < ${ms}); }` + script(on);

test('loading pdf.js is not the PDF’s time: a thread that takes longer than the page and total budgets to be ready still reads the PDF', async () => {
  const sound = `post({ id: job.id, type: 'ready' }); post({ id: job.id, type: 'pages', count: 1 });
    post({ id: job.id, type: 'page', n: 1, page: page('一') }); post({ id: job.id, type: 'done' });`;
  const { thread } = keeper(slowStart(800, sound));
  const r = await thread.read(BYTES, limits({ pdfLoadMs: 60_000, pdfPageMs: 250, pdfTotalMs: 400 }));
  assert.deepEqual(r.pages.map((p) => p.items[0].str), ['一'], 'read, though the thread took 0.8 s to start');
  // Ready at once (pdf.js loaded in the thread), then a page over its budget: the page budget still holds.
  const { thread: t2 } = keeper(slowStart(800, `post({ id: job.id, type: 'ready' }); post({ id: job.id, type: 'pages', count: 1 });`));
  await refused(t2.read(BYTES, limits({ pdfLoadMs: 60_000, pdfPageMs: 250, pdfTotalMs: 60_000 })), 'too-complex', /took over 0\.3 s on page 1/);
});

test('a thread that is never ready (pdf.js never loads): an error at the load budget saying so, not calling the PDF crafted; the thread ended, and the next PDF gets a new one', async () => {
  const { thread, threads, exited } = keeper(script(''), REPORT);
  await refused(thread.read(BYTES, limits({ pdfLoadMs: 300, pdfPageMs: 120_000, pdfTotalMs: 120_000 })), 'too-complex', /^pdf\.js did not start within 0\.3 s; the PDF was not read \(try again\)$/);
  await exited(0);
  assert.equal((await told(thread)).threadId, threads[1].threadId);
});

test('pdf.js that fails to load (a broken install): said so, never "the PDF is damaged"; the thread ended, and the next PDF gets a new one', async () => {
  // The real thread code (pdf-worker.ts) with an engine whose import fails, as a missing dist/pdf-engine.mjs would.
  const broken = `globalThis.__pdfEngine = () => Promise.reject(new Error("Cannot find module 'pdf-engine.mjs'"));
    require(${JSON.stringify(require.resolve('tsx/cjs'))});
    require(${JSON.stringify(join(ROOT, 'server/src/sources/pdf-worker.ts'))});`;
  const { thread, threads, exited } = keeper(broken, REPORT);
  await refused(thread.read(BYTES, limits()), 'too-complex', /^pdf\.js could not be loaded \(Cannot find module 'pdf-engine\.mjs'\); the PDF was not read \(try again, or reinstall\)$/);
  await exited(0);
  assert.equal((await told(thread)).threadId, threads[1].threadId);
});

test('pages each within the page budget but not the total: too-complex at the total budget', async () => {
  const { thread } = keeper(script(`post({ id: job.id, type: 'pages', count: 3 }); post({ id: job.id, type: 'page', n: 1, page: page('一') });`));
  await refused(thread.read(BYTES, limits({ pdfPageMs: 120_000, pdfTotalMs: 300 })), 'too-complex', /The PDF took over 0\.3 s in all; not read/);
});

test('the page budget is each page’s: pages that each take most of it are read, until the total budget', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  // One page each time it is told `next`, then `done`.
  const stepped = script(`if (!job.next) { globalThis.id = job.id; globalThis.n = 0; return post({ id: job.id, type: 'pages', count: 3 }); }
    if (globalThis.n === 3) return post({ id: globalThis.id, type: 'done' });
    globalThis.n++; post({ id: globalThis.id, type: 'page', n: globalThis.n, page: page('第' + globalThis.n + '页') });`);
  const { thread, spawned } = keeper(stepped);
  const run = async (l: Limits, w: Promise<Worker>) => {
    const read = thread.read(BYTES, l);
    const worker = await w;
    // Each reply, once the keeper has it (its listener is first); or the read ended by a budget.
    const reply = () => Promise.race([once(worker, 'message'), read.then(() => { throw new Error('read before its last page'); })]);
    await reply(); // pages
    for (let k = 0; k < 4; k++) {
      t.mock.timers.tick(900);
      const next = k < 3 ? reply() : null;
      worker.postMessage({ next: true });
      await next;
    }
    return read;
  };
  const r = await run(limits({ pdfPageMs: 1000, pdfTotalMs: 60_000 }), spawned[0]);
  assert.deepEqual(r.pages.map((p) => p.items[0].str), ['第1页', '第2页', '第3页'], '3.6 s in all, under 1 s a page');
  await refused(run(limits({ pdfPageMs: 1000, pdfTotalMs: 2000 }), spawned[0]), 'too-complex', /took over 2 s in all/);
});

test('a read that makes the process grow past the memory budget: too-complex, whatever the time budgets', async () => {
  // Memory outside the thread's heap (as pdf.js's inflated streams are): only the watch on the process sees it.
  const { thread, threads, exited } = keeper(script(`post({ id: job.id, type: 'pages', count: 1 }); globalThis.keep = [];
    for (let i = 0; i < 24; i++) globalThis.keep.push(Buffer.alloc(16 << 20, 1));`), REPORT);
  await refused(thread.read(BYTES, limits({ pdfPageMs: 120_000, pdfTotalMs: 120_000, pdfMemoryMb: 64 })), 'too-complex', /The PDF needed over 64 MB of memory; not read/);
  await exited(0);
  assert.equal((await told(thread)).threadId, threads[1].threadId);
});

test('a thread that crashes on a PDF: corrupt, saying why; a thread that exits: corrupt; the next PDF gets a new thread each time', async () => {
  const { thread, threads } = keeper(script(`throw new Error('xref stream broken')`), script(`process.exit(3)`), REPORT);
  await refused(thread.read(BYTES, limits({ pdfPageMs: 120_000 })), 'corrupt', /The PDF is damaged and cannot be read \(xref stream broken\)/);
  await refused(thread.read(BYTES, limits({ pdfPageMs: 120_000 })), 'corrupt', /The PDF is damaged and cannot be read \(pdf\.js stopped after/);
  assert.equal((await told(thread, limits({ pdfPageMs: 120_000 }))).threadId, threads[2].threadId);
});

test('a thread that dies between PDFs (an error after its answer): no uncaught error, and the next PDF gets a new thread', async () => {
  const late = script(`post({ id: job.id, type: 'pages', count: 1 }); post({ id: job.id, type: 'page', n: 1, page: page('x') }); post({ id: job.id, type: 'done' });
    setImmediate(() => { throw new Error('pdf.js failed after its answer'); });`);
  const { thread, threads, exited } = keeper(late, REPORT);
  // The thread's error and its last messages travel on different ports: under load the error can
  // come first, and the PDF is then an error (never a hang, never an uncaught error); either is sound.
  const first = await thread.read(BYTES, limits()).then((r) => r.pages.length, (e: unknown) => e);
  assert.ok(first === 1 || first instanceof SourceError, `the PDF read before the thread died: ${String(first)}`);
  await exited(0);
  // Posted to the dead thread, the next PDF would wait out its page budget and be called crafted.
  assert.equal((await told(thread, limits({ pdfPageMs: 120_000 }))).threadId, threads[1].threadId);
});

test('reading PDFs leaves nothing running: a process that read them ends by itself', async () => {
  // A sound PDF, then one ended at its page budget, then the sound one again with budgets far longer
  // than this test waits: a timer or a thread left running would keep the process alive.
  const code = `const { readSource } = require(${JSON.stringify(join(ROOT, 'server/src/sources/index.ts'))});
    const { pdfNestedQ } = require(${JSON.stringify(join(ROOT, 'test/helpers/hostile.ts'))});
    const sound = require('node:fs').readFileSync(${JSON.stringify(join(ROOT, 'test/fixtures/sources/wrong-totals.pdf'))});
    const long = { pdfPageMs: 600000, pdfTotalMs: 600000 };
    (async () => {
      const a = await readSource('a.pdf', sound, long);
      const b = await readSource('b.pdf', pdfNestedQ(50000), { pdfPageMs: 300, pdfTotalMs: 600000 }).catch((e) => e.code);
      const c = await readSource('c.pdf', sound, long);
      process.stdout.write(JSON.stringify([a.text === c.text && a.text.length > 1000, b]));
    })();`;
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', code], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const [status, signal] = (await once(child, 'exit')) as [number | null, string | null];
  assert.equal(signal, null, `the process did not end by itself (killed): ${out} ${err}`);
  assert.equal(status, 0, err);
  assert.equal(out, '[true,"too-complex"]');
});

test('spawnPdfThread without a script runs pdf-worker (from the sources here): a real PDF reads', async () => {
  const r = await new PdfThread().read(readFileSync(join(ROOT, 'test/fixtures/sources/wrong-totals.pdf')), limits());
  assert.ok(r.count >= 2 && r.pages.length === r.count, `${r.count} pages`);
});
