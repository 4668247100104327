// An input as a batch keeps it (`check` in text or JSON, cli/inputs.ts readAll) and as it
// crosses from a thread of `check --jobs` (job-worker.ts) to the main thread. What the check needs
// of each report until it prints: its text, diagnostics, identity, coverage, prose fingerprint,
// and its year record (what the cross-year rules read: a few cells, the prose lines). The
// analysis's headings, sections, tables and claims (95 % of it, and as costly to copy as to
// rebuild) are dropped as soon as the report is read, so a batch holds no analysis alive until
// pairing. Should anything read them later (SARIF and CSV place each finding in its table or
// section), they are rebuilt from the text on the first access — analyzeText of the same text
// and name gives the same analysis.

import { analyzeText, coverage, FORMAT_2019, FORMAT_2021, proseFingerprint, readsLikeReport, splitWithEols, yearRecord, type Analysis } from '../core/index.js';
import type { SourceResult } from '../sources/index.js';
import type { Input } from './inputs.js';

/** The parts of an analysis that only the findings lists read (and the year record holds what the cross-year rules read of them). */
const HEAVY = ['headings', 'sections', 'tables', 'claims'] as const;
const IS_HEAVY: ReadonlySet<string> = new Set(HEAVY);
type Heavy = Pick<Analysis, (typeof HEAVY)[number]>;
type Light = Omit<Analysis, (typeof HEAVY)[number] | 'format'> & { format: '2021' | '2019' };

export interface PackedInput {
  path: string;
  error?: string;
  /** The source without what only `--fix` needs (the bytes, the .docx runs, the encoding): `check --fix` keeps whole inputs. */
  source?: Pick<SourceResult, 'kind' | 'text' | 'writable' | 'problems'>;
  light?: Light;
  /** The analysis's keys in their order, so that the one rebuilt lists them as the original does. */
  keys?: string[];
  prepared?: Input['prepared'];
  /** readsLikeReport of the analysis (a walked `.md` that does not is left out, cli/inputs.ts kept). */
  likeReport?: boolean;
}

const formatOf = (id: '2021' | '2019') => (id === '2019' ? FORMAT_2019 : FORMAT_2021);

/** What the check would otherwise compute from an analysis's tables later. */
function prepare(path: string, text: string, analysis: Analysis): NonNullable<Input['prepared']> {
  const lines = splitWithEols(text)[0];
  const year = yearRecord(analysis, lines);
  return { coverage: coverage(analysis), fingerprint: proseFingerprint(analysis, lines, path, year.prose), year };
}

const slimSource = (s: SourceResult): NonNullable<PackedInput['source']> => ({ kind: s.kind, text: s.text, writable: s.writable, problems: s.problems });

/** An input read, with what the check would otherwise compute from its tables later. */
export function pack(input: Input): PackedInput {
  const { path, error, source, analysis } = input;
  if (!source || !analysis) return { path, error };
  const light: Record<string, unknown> = {};
  for (const key in analysis) if (!IS_HEAVY.has(key)) light[key] = analysis[key as keyof Analysis];
  light.format = analysis.format.id;
  return {
    path,
    source: slimSource(source),
    light: light as Light,
    keys: Object.keys(analysis),
    prepared: prepare(path, source.text, analysis),
    likeReport: readsLikeReport(analysis),
  };
}

/** What each lazy analysis's heavy parts are made again from, and the parts once made. */
const madeFrom = new WeakMap<object, { path: string; text: string; heavy?: Heavy }>();

/** The heavy parts' accessors, shared by every lazy analysis (one shape for all, no closures per report). */
const HEAVY_ACCESSORS = new Map(
  HEAVY.map((key) => [
    key as string,
    {
      enumerable: true,
      get(this: Analysis) {
        const from = madeFrom.get(this)!;
        return (from.heavy ??= analyzeText(from.text, { name: from.path }))[key];
      },
    },
  ]),
);

/** An analysis whose heavy parts are made again from `text` when first asked for, its keys in the order of `keys`. */
function lazyAnalysis(path: string, text: string, keys: readonly string[], value: (key: string) => unknown): Analysis {
  const analysis = {} as Analysis;
  madeFrom.set(analysis, { path, text });
  for (const key of keys) {
    const heavy = HEAVY_ACCESSORS.get(key);
    if (heavy) Object.defineProperty(analysis, key, heavy);
    else Reflect.set(analysis, key, value(key));
  }
  return analysis;
}

/** The input again, its analysis's heavy parts rebuilt from the text when first asked for. */
export function unpack(p: PackedInput): Input {
  if (!p.source || !p.light || !p.keys) return { path: p.path, error: p.error };
  const light: Record<string, unknown> = p.light;
  const analysis = lazyAnalysis(p.path, p.source.text, p.keys, (key) => (key === 'format' ? formatOf(p.light!.format) : light[key]));
  return { path: p.path, source: p.source, analysis, prepared: p.prepared };
}

/**
 * An input read on this thread, as a batch keeps it: what unpack(pack(input)) gives, made in place
 * (nothing crosses a thread: no light copy, no key list, no readsLikeReport, which readAll's
 * `kept` has already asked the whole analysis).
 */
export function slimmed(input: Input): Input {
  const { path, source, analysis } = input;
  if (!source || !analysis) return { path, error: input.error };
  return { path, source: slimSource(source), analysis: lazyAnalysis(path, source.text, Object.keys(analysis), (key) => analysis[key as keyof Analysis]), prepared: prepare(path, source.text, analysis) };
}
