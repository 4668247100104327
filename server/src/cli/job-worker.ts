// A thread of `check --jobs` (bundled as dist/check-worker.js; cli/jobs.ts starts it and sends it
// one file at a time): reads, converts and analyses the file and posts the input back packed
// (job-transfer.ts), its year record included; it keeps nothing (the cross-year rules run on the
// main thread, from the records). A file that cannot be read comes back with the same error as on
// the main thread (inputs.ts readOne).

import { parentPort, workerData } from 'node:worker_threads';
import type { Locale } from '../core/index.js';
import { readOne } from './inputs.js';
import { pack, type PackedInput } from './job-transfer.js';

export type Job = { seq: number; type: 'read'; id: number; path: string };

export type JobReply = { seq: number; type: 'read'; input: PackedInput };

const locale = (workerData as { locale: Locale }).locale;

async function answer(job: Job): Promise<JobReply> {
  const input = await readOne(job.path, locale);
  return { seq: job.seq, type: 'read', input: pack(input) };
}

parentPort?.on('message', (job: Job) => {
  void answer(job).then((r) => parentPort!.postMessage(r));
});
