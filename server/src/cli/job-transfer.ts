// An input read on a thread of `check --jobs` (job-worker.ts) as it crosses to the main thread.
// The main thread needs every report's diagnostics, identity, coverage, prose fingerprint and
// text; the analysis's headings, sections and tables (95 % of a cloned analysis, and as costly to
// clone as to rebuild) stay on the thread that read the report, which runs the cross-year rules
// on them (jobs.ts). Should anything on the main thread read them (SARIF and CSV place each
// finding in its table or section), they are rebuilt from the text there, on the first access
// — analyzeText of the same text and name gives the same analysis.

import { deserialize, serialize } from 'node:v8';
import { analyzeText, coverage, FORMAT_2019, FORMAT_2021, proseFingerprint, readsLikeReport, splitWithEols, type Analysis } from '../core/index.js';
import type { SourceResult } from '../sources/index.js';
import type { Input } from './inputs.js';

/** The parts of an analysis that only the cross-year rules and the findings lists read. */
const HEAVY = ['headings', 'sections', 'tables', 'claims'] as const;
type Heavy = Pick<Analysis, (typeof HEAVY)[number]>;
type Light = Omit<Analysis, (typeof HEAVY)[number] | 'format'> & { format: '2021' | '2019' };

export interface PackedInput {
  path: string;
  error?: string;
  /** The source without what only `--fix` needs (the bytes, the .docx runs, the encoding): `check --fix` reads on the main thread. */
  source?: Pick<SourceResult, 'kind' | 'text' | 'writable' | 'problems'>;
  light?: Light;
  /** The analysis's keys in their order, so that the one rebuilt lists them as the original does. */
  keys?: string[];
  prepared?: Input['prepared'];
  /** readsLikeReport of the analysis (a walked `.md` that does not is left out, cli/inputs.ts kept). */
  likeReport?: boolean;
}

const formatOf = (id: '2021' | '2019') => (id === '2019' ? FORMAT_2019 : FORMAT_2021);

/** On the thread: an input read, with what the main thread would otherwise compute from its tables. */
export function pack(input: Input): PackedInput {
  const { path, error, source, analysis } = input;
  if (!source || !analysis) return { path, error };
  const rest = Object.fromEntries(Object.entries(analysis).filter(([k]) => k !== 'format' && !(HEAVY as readonly string[]).includes(k))) as Omit<Light, 'format'>;
  const lines = splitWithEols(source.text)[0];
  return {
    path,
    source: { kind: source.kind, text: source.text, writable: source.writable, problems: source.problems },
    light: { ...rest, format: analysis.format.id },
    keys: Object.keys(analysis),
    prepared: { coverage: coverage(analysis), fingerprint: proseFingerprint(analysis, lines, path) },
    likeReport: readsLikeReport(analysis),
  };
}

/** On the main thread: the input, its analysis's heavy parts rebuilt from the text when first asked for. */
export function unpack(p: PackedInput): Input {
  if (!p.source || !p.light || !p.keys) return { path: p.path, error: p.error };
  const { text } = p.source;
  let heavy: Heavy | null = null;
  const load = (): Heavy => (heavy ??= analyzeText(text, { name: p.path }));
  const light: Record<string, unknown> = { ...p.light, format: formatOf(p.light.format) };
  const analysis = {} as Analysis;
  for (const key of p.keys) {
    if ((HEAVY as readonly string[]).includes(key)) Object.defineProperty(analysis, key, { get: () => load()[key as keyof Heavy], enumerable: true });
    else Object.defineProperty(analysis, key, { value: light[key], enumerable: true, writable: true, configurable: true });
  }
  return { path: p.path, source: p.source, analysis, prepared: p.prepared };
}

/** A whole analysis as bytes, for last year's report to reach the thread that compares with it. */
export function packAnalysis(a: Analysis): Uint8Array {
  return serialize({ ...a, format: a.format.id });
}

export function unpackAnalysis(bytes: Uint8Array): Analysis {
  const a = deserialize(bytes) as Omit<Analysis, 'format'> & { format: '2021' | '2019' };
  return { ...a, format: formatOf(a.format) };
}
