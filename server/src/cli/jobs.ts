// `check --jobs N`: the inputs read, converted and analysed on N threads (job-worker.ts, bundled
// as dist/check-worker.js) when there are many, else on the main thread (inputs.ts readAll).
// Each thread keeps the analyses it made; the main thread gets each report's text, diagnostics,
// identity, coverage and prose fingerprint (job-transfer.ts), pairs the reports, and asks the
// thread holding a report to compare it with last year's (sent to it as bytes when another
// thread read it). The batch rules and the printing stay on the main thread, over the inputs in
// the walk's order, so the output is the same whatever N. A thread that stops (a crash, out of
// memory) fails only the file it was reading, with an error of its own, and a new thread takes
// the rest; the reports it held are compared on the main thread.

import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { pick, type CrossCheckOptions, type Diagnostic, type Locale } from '../core/index.js';
import { UsageError } from './args.js';
import { kept, readAll, walkAll, type Input, type ReadAll } from './inputs.js';
import { packAnalysis, unpack } from './job-transfer.js';
import type { Job, JobReply, PreviousRef } from './job-worker.js';

/** Fewer files than this are read on the main thread: starting a thread costs about as much as reading a few dozen reports. */
export const THREAD_MIN_FILES = 48;
/** Each thread gets at least this many files (a thread for 3 files costs more than it saves). */
const FILES_PER_THREAD = 24;
/** The longest run of consecutive files a thread takes at once (shorter runs balance the threads' load). */
const RUN_MAX = 16;

/** `--jobs` by default: the machine's cores. */
export const defaultJobs = (): number => availableParallelism();

/**
 * `--jobs N` as given (a whole number ≥ 1; `message` otherwise), else the machine's cores. With
 * `--fix` the files are read where they are written back, on the main thread: 1.
 */
export function jobsOption(value: unknown, fix: boolean, message: string): number {
  if (value === undefined) return fix ? 1 : defaultJobs();
  if (typeof value !== 'string' || !/^[1-9]\d{0,3}$/.test(value)) throw new UsageError(message, 'check');
  return fix ? 1 : Number(value);
}

/** The thread: dist/check-worker.js beside the bundle; from the sources (tests, development), the .ts through tsx. */
function spawn(locale: Locale): Worker {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  const bundled = join(here, 'check-worker.js');
  const workerData = { locale };
  if (existsSync(bundled)) return new Worker(bundled, { workerData });
  const req = createRequire(join(here, 'jobs.ts'));
  const code = `require(${JSON.stringify(req.resolve('tsx/cjs'))}); require(${JSON.stringify(join(here, 'job-worker.ts'))});`;
  return new Worker(code, { eval: true, workerData });
}

type Request = Job extends infer J ? (J extends Job ? Omit<J, 'seq'> : never) : never;

/** One thread and its requests in flight; it keeps the process alive only while a request is. */
class Thread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (r: JobReply) => void; reject: (e: Error) => void }>();
  private seq = 0;
  dead: Error | null = null;

  constructor(locale: Locale) {
    this.worker = spawn(locale);
    this.worker.unref();
    this.worker.on('message', (r: JobReply) => {
      const p = this.pending.get(r.seq);
      this.pending.delete(r.seq);
      if (!this.pending.size) this.worker.unref();
      p?.resolve(r);
    });
    this.worker.on('error', (e) => this.lost(e));
    this.worker.on('exit', (code) => this.lost(new Error(`exit ${code}`)));
  }

  request<R extends Request>(job: R): Promise<Extract<JobReply, { type: R['type'] }>> {
    if (this.dead) return Promise.reject(this.dead);
    const seq = ++this.seq;
    if (!this.pending.size) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve: resolve as (r: JobReply) => void, reject });
      this.worker.postMessage({ ...job, seq });
    });
  }

  private lost(e: Error): void {
    this.dead ??= e;
    for (const p of this.pending.values()) p.reject(this.dead);
    this.pending.clear();
    this.worker.removeAllListeners();
    void this.worker.terminate();
  }

  close(): void {
    this.lost(new Error('closed'));
  }
}

const stopped = (detail: string) => ({
  zh: `检查线程在读取该文件时意外停止（${detail}）`,
  en: `The checking thread stopped while reading this file (${detail})`,
});

/** What `check` read: the inputs, and where threads read them, how to compare pairs there. */
export interface Analyzed extends ReadAll {
  /**
   * The cross-year diagnostics of each pair [this year's, last year's], computed on the thread
   * holding this year's report; `undefined` for a pair the main thread must compare (crossCheck
   * itself). Absent when the inputs were read on the main thread.
   */
  crossCheck?: (pairs: readonly (readonly [Input, Input])[], options?: CrossCheckOptions) => Promise<(Diagnostic[] | undefined)[]>;
  /** Ends the threads (idle threads keep no process alive, but hold the analyses). */
  close(): void;
}

/**
 * Every input of `check`, in the walk's order, read on up to `jobs` threads (`jobs` ≤ 1, or
 * fewer than THREAD_MIN_FILES files: on this thread, as readAll). `progress` as readAll's.
 */
export async function analyzeInputs(paths: string[], jobs: number, locale: Locale, progress?: (done: number, total: number) => void): Promise<Analyzed> {
  const { files, unwalkable } = walkAll(paths, locale);
  const count = Math.min(jobs, Math.floor(files.length / FILES_PER_THREAD));
  if (jobs <= 1 || files.length < THREAD_MIN_FILES || count < 2) return { ...(await readAll(paths, locale, progress)), close() {} };
  const threads: Thread[] = [];
  const where = new Map<Input, { thread: Thread; id: number }>();
  const read: Input[] = new Array(files.length);
  const likeReport: (boolean | undefined)[] = new Array(files.length);
  let next = 0;
  let done = 0;
  // Each thread takes a run of consecutive files (one office's reports are often neighbours in
  // the walk's order, and a pair held by one thread is compared without sending an analysis
  // across), and reads them one at a time, so that a thread that stops names its file.
  const run = Math.max(1, Math.min(RUN_MAX, Math.ceil(files.length / (count * 4))));
  const lane = async () => {
    let thread = new Thread(locale);
    threads.push(thread);
    let id = 0;
    let end = 0;
    for (;;) {
      if (id >= end) {
        if (next >= files.length) break;
        id = next;
        end = next = Math.min(files.length, next + run);
      }
      const path = files[id];
      try {
        const r = await thread.request({ type: 'read', id, path });
        read[id] = unpack(r.input);
        likeReport[id] = r.input.likeReport;
        if (read[id].analysis) where.set(read[id], { thread, id });
      } catch (e) {
        read[id] = { path, error: pick(stopped((e as Error).message), locale) };
        thread = new Thread(locale);
        threads.push(thread);
      }
      progress?.(++done, files.length);
      id++;
    }
  };
  await Promise.all(Array.from({ length: count }, lane));
  const named = new Set(paths);
  const inputs = read.filter((input, i) => kept(input, named, likeReport[i]));
  return {
    inputs,
    unwalkable,
    crossCheck: (pairs, options) => crossOnThreads(pairs, where, options),
    close: () => threads.forEach((t) => t.close()),
  };
}

/**
 * Each pair compared on the thread holding this year's report, one request at a time per thread;
 * last year's report is that thread's own, or its bytes are fetched once from the thread holding
 * it (or made here, for `--previous` read on the main thread) and sent once to each thread.
 */
async function crossOnThreads(pairs: readonly (readonly [Input, Input])[], where: Map<Input, { thread: Thread; id: number }>, options?: CrossCheckOptions): Promise<(Diagnostic[] | undefined)[]> {
  const out: (Diagnostic[] | undefined)[] = new Array(pairs.length).fill(undefined);
  const bytes = new Map<Input, Promise<Uint8Array | null>>();
  const keys = new Map<Input, string>();
  const sent = new Map<Thread, Set<string>>();
  const exported = (prev: Input): Promise<Uint8Array | null> => {
    let b = bytes.get(prev);
    if (!b) {
      const w = where.get(prev);
      b = w ? w.thread.request({ type: 'export', id: w.id }).then((r) => r.bytes, () => null) : Promise.resolve(packAnalysis(prev.analysis!));
      bytes.set(prev, b);
    }
    return b;
  };
  const byThread = new Map<Thread, number[]>();
  pairs.forEach(([cur], i) => {
    const w = where.get(cur);
    if (w) byThread.set(w.thread, [...(byThread.get(w.thread) ?? []), i]);
  });
  await Promise.all(
    [...byThread].map(async ([thread, indexes]) => {
      for (const i of indexes) {
        if (thread.dead) return;
        const [cur, prev] = pairs[i];
        const holder = where.get(prev);
        let ref: PreviousRef;
        if (holder?.thread === thread) ref = { held: holder.id };
        else {
          let key = keys.get(prev);
          if (key === undefined) keys.set(prev, (key = String(keys.size)));
          let seen = sent.get(thread);
          if (!seen) sent.set(thread, (seen = new Set()));
          ref = { key, path: prev.path };
          if (!seen.has(key)) {
            const b = await exported(prev);
            if (!b) continue;
            Object.assign(ref, { bytes: b, text: prev.source?.text ?? '' });
            seen.add(key);
          }
        }
        try {
          const r = await thread.request({ type: 'cross', id: where.get(cur)!.id, previous: ref, options });
          out[i] = r.diagnostics ?? undefined;
        } catch {
          return;
        }
      }
    }),
  );
  return out;
}
