// The core's diagnostics in LSP's shape: code = rule, source = `disclosure-report`, the message
// in the user's language, the severity after overrides, related information at the cells of a
// sum that are not zero (the likely mistyped cell first), and `data` carrying the version the
// diagnostic was computed for, the cell or row key it is about, its `suspect` when one cell
// explains the table's failures, and for one with a fix where it starts: the fix is rebuilt from the server's own copy, found
// again by rule (`code`) and that position (never from the range a client sends back), so
// nothing else needs to travel. What an editor parses again on every
// keystroke is kept small: one message, no repeated texts, no fields a fix does not read.
//
// The LSP objects are memoised per core diagnostic (the core reuses a diagnostic object while its
// segment is unchanged), so an edit converts only what it changed; the outer object is new for
// each version (its `data.version` differs), the message, range and related list are shared.

import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { pick, type Diagnostic, type Locale, type Position, type RuleId, type Severity } from '../core/index.js';
import { DIAGNOSTIC_SOURCE } from '../protocol.js';

const SOURCE = DIAGNOSTIC_SOURCE;

/** What every published diagnostic carries in `data`. */
export interface DiagnosticData {
  /** The document version the diagnostic was computed for. */
  version: number;
  /** Where the core's diagnostic starts, on those with a fix (with `code`, it finds the fix again). */
  at?: Position;
  /** The cell key (`t3.new.total`) of a diagnostic about one cell, or the row key of a row-wide one. */
  cell?: string;
  row?: string;
  /** An arithmetic diagnostic's likely mistyped cell and the value that makes its table's failures hold. */
  suspect?: { cell: string; value: number };
}

/** `data`: the version, where a fix starts, and the cell (or row) key the diagnostic is about. */
function dataOf(d: Diagnostic, version: number): DiagnosticData {
  const data: DiagnosticData = { version };
  if (d.fix) data.at = d.range.start;
  if (d.cell) data.cell = d.cell;
  else if (d.row) data.row = d.row;
  if (d.suspect) data.suspect = { cell: d.suspect.cell, value: d.suspect.value };
  return data;
}

/** What a diagnostic sent back by a client says about itself, once checked. */
export interface SentDiagnostic {
  version: number;
  rule: RuleId;
  /** Where the core's diagnostic starts (identifies it together with `rule`). */
  at: Position;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

interface Parts {
  uri: string;
  locale: Locale;
  message: string;
  related: DiagnosticRelatedInformation[] | undefined;
}
const parts = new WeakMap<Diagnostic, Parts>();

function partsOf(d: Diagnostic, uri: string, locale: Locale): Parts {
  let p = parts.get(d);
  if (p && p.uri === uri && p.locale === locale) return p;
  let related: DiagnosticRelatedInformation[] | undefined;
  if (d.related?.length) related = d.related.map((r) => ({ location: { uri: r.path ? uriOf(r.path) : uri, range: r.range }, message: pick(r.message, locale) }));
  p = { uri, locale, message: pick(d.message, locale), related };
  parts.set(d, p);
  return p;
}

export function toLsp(d: Diagnostic, opts: { uri: string; version: number; locale: Locale; severity: Severity }): LspDiagnostic {
  const p = partsOf(d, opts.uri, opts.locale);
  const out: LspDiagnostic = {
    range: d.range,
    severity: SEVERITY[opts.severity],
    code: d.rule,
    source: SOURCE,
    message: p.message,
    data: dataOf(d, opts.version),
  };
  if (p.related) out.relatedInformation = p.related;
  return out;
}

/** A related place's URI: last year's report is named by a URI (the editor) or a file path. */
export function uriOf(path: string): string {
  if (/^[a-z][a-z0-9+.-]+:/i.test(path) && !/^[a-z]:[\\/]/i.test(path)) return path;
  let p = path.replace(/\\/g, '/');
  if (/^[a-z]:/i.test(p)) p = `/${p}`;
  // No node:url here: the server also runs in a browser worker.
  return `file://${p.split('/').map(encodeURIComponent).join('/').replace(/^(\/[a-z])%3A/i, '$1:')}`;
}

const isPosition = (p: unknown): p is Position =>
  !!p && typeof p === 'object' && Number.isInteger((p as Position).line) && Number.isInteger((p as Position).character);

/** What a diagnostic a client sent back says, if it is one of ours and well-formed. */
export function readData(d: unknown): SentDiagnostic | undefined {
  if (!d || typeof d !== 'object') return undefined;
  const x = d as { source?: unknown; data?: unknown; code?: unknown; range?: { start?: unknown } };
  if (x.source !== SOURCE || !x.data || typeof x.data !== 'object') return undefined;
  const data = x.data as Partial<DiagnosticData>;
  if (!Number.isInteger(data.version) || typeof x.code !== 'string') return undefined;
  const at = data.at !== undefined ? data.at : x.range?.start;
  if (!isPosition(at)) return undefined;
  return { version: data.version as number, rule: x.code as RuleId, at: { line: at.line, character: at.character } };
}
