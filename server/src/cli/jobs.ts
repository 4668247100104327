// `check --jobs N`: the inputs read, converted and analysed on N threads (job-worker.ts, bundled
// as dist/check-worker.js) when there are many, else on the main thread (inputs.ts readAll).
// The threads keep nothing; the main thread gets each report's text, diagnostics, identity,
// coverage, prose fingerprint and year record (job-transfer.ts), as it keeps them of a report read
// on itself. Pairing, the cross-year and batch rules and the printing stay on the main thread,
// over the inputs in the walk's order, so the output is the same whatever N. A thread that stops
// (a crash, out of memory) fails only the file it was reading, with an error of its own, and a new
// thread takes the rest.

import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { pick, type Locale } from '../core/index.js';
import { UsageError } from './args.js';
import { kept, readAll, walkAll, type Input, type ReadAll } from './inputs.js';
import { slimmed, unpack } from './job-transfer.js';
import type { Job, JobReply } from './job-worker.js';

/** Fewer files than this are read on the main thread: starting a thread costs about as much as reading a few dozen reports. */
export const THREAD_MIN_FILES = 48;
/** Each thread gets at least this many files (a thread for 3 files costs more than it saves). */
const FILES_PER_THREAD = 24;
/** The longest run of consecutive files a thread takes at once (shorter runs balance the threads' load). */
const RUN_MAX = 16;

/**
 * `--jobs` by default: one thread fewer than the machine's cores, since the main thread walks,
 * receives, pairs and prints meanwhile and V8 collects garbage on helper threads; on 2 cores that
 * is 1, the main thread alone (measured there: two threads took 1.3x the wall time and 1.5x the
 * CPU of one, bench/RESULTS.md "CLI outside the core").
 */
export const defaultJobs = (cores: number = availableParallelism()): number => Math.max(1, cores - 1);

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

  request(job: Omit<Job, 'seq'>): Promise<JobReply> {
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

/** What `check` read: the inputs. */
export interface Analyzed extends ReadAll {
  /** Ends the threads (idle threads keep no process alive). */
  close(): void;
}

/**
 * Every input of `check`, in the walk's order, read on up to `jobs` threads (`jobs` ≤ 1, or
 * fewer than THREAD_MIN_FILES files: on this thread, as readAll). `progress` as readAll's; `slim`:
 * each input kept slimmed (job-transfer.ts), as one read on a thread always is.
 */
export async function analyzeInputs(paths: string[], jobs: number, locale: Locale, progress?: (done: number, total: number) => void, slim = false): Promise<Analyzed> {
  const walked = walkAll(paths, locale);
  const { files, unwalkable } = walked;
  const count = Math.min(jobs, Math.floor(files.length / FILES_PER_THREAD));
  if (jobs <= 1 || files.length < THREAD_MIN_FILES || count < 2) return { ...(await readAll(paths, locale, progress, slim ? slimmed : undefined, walked)), close() {} };
  const threads: Thread[] = [];
  const read: Input[] = new Array(files.length);
  const likeReport: (boolean | undefined)[] = new Array(files.length);
  let next = 0;
  let done = 0;
  // Each thread takes a run of consecutive files (fewer requests than one file at a time, and
  // the threads' loads still balance), and reads them one at a time, so that a thread that stops
  // names its file.
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
    close: () => threads.forEach((t) => t.close()),
  };
}
