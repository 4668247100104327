// Reading every input of a command before any is checked: the paths walked (folders for every
// source kind), each file read from disk and converted to the draft the core analyses (plain
// text decoded as before; .docx, .html/.htm and .pdf through the sources layer), through the Node
// runtime (host/nodeRuntime.ts) within each kind's limit, as the server reads them. A file that
// cannot be read becomes an input with an error, said once, and the others go on. `check` and
// `export` then work over the list (a second pass can pair reports across years).

import { analyzeText, pick, readsLikeReport, type Analysis, type Coverage, type Locale, type ProseFingerprint, type YearRecord } from '../core/index.js';
import { nodePaths } from '../host/nodeRuntime.js';
import { walk } from '../sources/files.js';
import { bufferOf, byteLimit, isSourceFile, readSource, sourceKind, type SourceResult } from '../sources/index.js';
import type { TextSourceResult } from '../sources/index.js';
import { reason } from './report.js';
import { shown } from './shown.js';

export interface Input {
  /** The path as given (or as the walk found it under a folder given). */
  path: string;
  /** The file's bytes as read (for writing fixes back atomically). */
  bytes?: Buffer;
  /** The converted source: its kind, the draft text, whether fixes can be written back. */
  source?: SourceResult | TextSourceResult;
  analysis?: Analysis;
  /** Why the file could not be read, in the user's language. */
  error?: string;
  /**
   * Worked out when the input was read, before its analysis's tables were dropped (a slim input,
   * job-transfer.ts): what `check` reads of them — the coverage, the prose fingerprint and the
   * year record for the cross-year rules.
   */
  prepared?: { coverage: Coverage; fingerprint: ProseFingerprint; year: YearRecord };
}

/** The draft of one file (sources/readSource: every kind, one dispatch). Throws. */
export async function convert(path: string, bytes: Buffer): Promise<SourceResult | TextSourceResult> {
  return readSource(path, bytes);
}

/** Reads and converts one file; never throws (the error is on the input). */
export async function readOne(path: string, locale: Locale): Promise<Input> {
  try {
    const bytes = bufferOf(await nodePaths.readFile(path, byteLimit(sourceKind(path))));
    const source = await convert(path, bytes);
    return { path, bytes, source, analysis: analyzeText(source.text, { name: path }) };
  } catch (e) {
    return { path, error: reason(e, locale) };
  }
}

export interface ReadAll {
  inputs: Input[];
  /** Paths that could not be walked (missing, unreadable folders), with their reason. */
  unwalkable: { path: string; error: string }[];
}

/**
 * What a folder walk takes: every source kind and the legacy Word/WPS files (each gets its error).
 * A `.md` found in a folder is kept only when it reads like a report (readsLikeReport): a folder of
 * reports often holds a README, which is no report (a .md named on the command line is always read).
 */
export const walkable = (name: string): boolean => isSourceFile(name);
const isMarkdown = (path: string) => /\.md$/i.test(path);

/**
 * Every input of a command, in the walk's order. `progress(done, total)` is called after each
 * file (the caller decides whether to show it). `keep`: what is kept of each input read (`check`
 * in text or JSON: job-transfer.ts slimmed, so that the batch holds no analysis alive). `walked`:
 * the walk of `paths` when the caller already made it (cli/jobs.ts).
 */
export async function readAll(paths: string[], locale: Locale, progress?: (done: number, total: number) => void, keep?: (input: Input) => Input, walked = walkAll(paths, locale)): Promise<ReadAll> {
  const { files, unwalkable } = walked;
  const named = new Set(paths);
  const inputs: Input[] = [];
  let done = 0;
  for (const path of files) {
    const input = await readOne(path, locale);
    progress?.(++done, files.length);
    if (kept(input, named)) inputs.push(keep && input.analysis ? keep(input) : input);
  }
  return { inputs, unwalkable };
}

/** The files under the paths (cli/jobs.ts reads them on threads) and the paths that could not be walked. */
export function walkAll(paths: string[], locale: Locale): { files: string[]; unwalkable: ReadAll['unwalkable'] } {
  const { files, errors } = walk(paths, walkable);
  return { files, unwalkable: errors.map(({ path, error }) => ({ path, error: reason(error, locale) })) };
}

/** Whether an input read is checked: all but a `.md` found in a folder that does not read like a report (`likeReport`, when already known). */
export function kept(input: Input, named: ReadonlySet<string>, likeReport?: boolean): boolean {
  if (!isMarkdown(input.path) || named.has(input.path) || !input.analysis) return true;
  return likeReport ?? readsLikeReport(input.analysis);
}

/** The problems a reader had with a source (read with doubt), one line each. */
export function problemLines(input: Input, locale: Locale): string[] {
  return (input.source?.problems ?? []).map((p) => `${shown(input.path)}: ${pick(p, locale)}`);
}

/**
 * A progress writer for long batches: `\r12/300` on stderr when it is a terminal (`tty`), nothing
 * otherwise; `done()` clears the line before anything else is printed.
 */
export function progressLine(tty: boolean | undefined, write: (s: string) => void, min = 20): { step(done: number, total: number): void; done(): void } {
  let shown = false;
  return {
    step(done, total) {
      if (!tty || total < min) return;
      write(`\r${done}/${total}`);
      shown = true;
    },
    done() {
      if (shown) write('\r\x1b[K');
      shown = false;
    },
  };
}
