// V8's optimising compiler (TurboFan) with a smaller inlining budget, for the CLI's and the
// language server's processes (set on entry, before the core's code is hot; V8's flags are the
// process's, so `check --jobs` threads and the PDF thread share it). With the default budget
// (920 bytes of bytecode inlined per function) TurboFan folds the table readers and rules into
// a few very large functions: compiling them is most of the CPU of a batch's first thousand
// reports and of an editing session's first hundreds of edits, and their code stays in memory.
// With 200: the server's memory per open report 105–111 → 89–95 KB (bench d, 5 runs each), the
// CLI's CPU over figure a's batch 4.1–4.2 → 3.5–3.8 s (8 alternated runs each time), the
// server's CPU per edit 1.2–1.3 → 1.0–1.1 ms; edit latency unchanged beyond the noise
// (bench/RESULTS.md "The inlining budget").

import { setFlagsFromString } from 'node:v8';

export const INLINING_BUDGET_FLAG = '--max-inlined-bytecode-size-cumulative=200';

/** Sets the smaller inlining budget for this process, unless Node was given a budget of its own (on its command line or in NODE_OPTIONS). */
export function smallerInliningBudget(): void {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  if (!given.some((a) => a.startsWith('--max-inlined-bytecode-size-cumulative'))) setFlagsFromString(INLINING_BUDGET_FLAG);
}
