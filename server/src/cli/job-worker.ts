// A thread of `check --jobs` (bundled as dist/check-worker.js; cli/jobs.ts starts it and sends it
// one request at a time): `read` reads, converts and analyses a file and posts the input back
// packed (job-transfer.ts), keeping the analysis; `export` posts a kept analysis as bytes (last
// year's report, for another thread); `cross` runs the cross-year rules on a kept analysis
// against last year's (kept here, or sent as bytes). A file that cannot be read comes back with
// the same error as on the main thread (inputs.ts readOne).

import { parentPort, workerData } from 'node:worker_threads';
import { crossCheck, splitWithEols, type Analysis, type CrossCheckOptions, type Diagnostic, type Locale, type PreviousReport } from '../core/index.js';
import { readOne } from './inputs.js';
import { pack, packAnalysis, unpackAnalysis, type PackedInput } from './job-transfer.js';

/** Last year's report for `cross`: one this thread read (`held`), or bytes from another (sent once per `key`). */
export type PreviousRef = { held: number } | { key: string; path: string; text?: string; bytes?: Uint8Array };

export type Job =
  | { seq: number; type: 'read'; id: number; path: string }
  | { seq: number; type: 'export'; id: number }
  | { seq: number; type: 'cross'; id: number; previous: PreviousRef; options?: CrossCheckOptions };

export type JobReply =
  | { seq: number; type: 'read'; input: PackedInput }
  | { seq: number; type: 'export'; bytes: Uint8Array | null }
  | { seq: number; type: 'cross'; diagnostics: Diagnostic[] | null };

const locale = (workerData as { locale: Locale }).locale;
const held = new Map<number, { analysis: Analysis; text: string; path: string }>();
const imported = new Map<string, PreviousReport>();
const linesOf = (text: string) => splitWithEols(text)[0];

function previousOf(ref: PreviousRef): PreviousReport | undefined {
  if ('held' in ref) {
    const h = held.get(ref.held);
    return h && { analysis: h.analysis, lines: linesOf(h.text), source: h.path };
  }
  if (ref.bytes && ref.text !== undefined) imported.set(ref.key, { analysis: unpackAnalysis(ref.bytes), lines: linesOf(ref.text), source: ref.path });
  return imported.get(ref.key);
}

async function answer(job: Job): Promise<JobReply> {
  switch (job.type) {
    case 'read': {
      const input = await readOne(job.path, locale);
      if (input.analysis && input.source) held.set(job.id, { analysis: input.analysis, text: input.source.text, path: input.path });
      return { seq: job.seq, type: 'read', input: pack(input) };
    }
    case 'export': {
      const h = held.get(job.id);
      return { seq: job.seq, type: 'export', bytes: h ? packAnalysis(h.analysis) : null };
    }
    case 'cross': {
      const h = held.get(job.id);
      const previous = previousOf(job.previous);
      return { seq: job.seq, type: 'cross', diagnostics: h && previous ? crossCheck(h.analysis, linesOf(h.text), previous, job.options) : null };
    }
  }
}

parentPort?.on('message', (job: Job) => {
  void answer(job).then((r) => parentPort!.postMessage(r));
});
