// The core's diagnostics in LSP's shape: code = rule, source = `disclosure-report`, the message
// in the user's language, the severity after overrides, related information at the cells of a
// sum, and `data` carrying what a fix needs (checked against the server's own copy later).

import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { pick, type Diagnostic, type Locale, type Position, type RuleId, type Severity, type TextEdit } from '../core/index.js';
import { DIAGNOSTIC_SOURCE } from '../protocol.js';

const SOURCE = DIAGNOSTIC_SOURCE;

/** What every published diagnostic carries in `data`. */
export interface DiagnosticData {
  /** The document version the diagnostic was computed for. */
  version: number;
  rule: RuleId;
  /** Where the core's diagnostic starts (identifies its cell together with `rule`). */
  at: Position;
  expected?: number;
  actual?: number;
  /** The fix the core offers, if any (recomputed from the server's text before use). */
  edits?: TextEdit[];
  /** The key of the cell the diagnostic is about (`t3.new.total`), or of its row (`t3.new`). */
  cell?: string;
  row?: string;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLsp(d: Diagnostic, opts: { uri: string; version: number; locale: Locale; severity: Severity }): LspDiagnostic {
  const data: DiagnosticData = { version: opts.version, rule: d.rule, at: d.range.start };
  if (d.expected !== undefined) data.expected = d.expected;
  if (d.actual !== undefined) data.actual = d.actual;
  if (d.fix) data.edits = d.fix.edits;
  if (d.cell) data.cell = d.cell;
  if (d.row) data.row = d.row;
  const out: LspDiagnostic = {
    range: d.range,
    severity: SEVERITY[opts.severity],
    code: d.rule,
    source: SOURCE,
    message: pick(d.message, opts.locale),
    data,
  };
  if (d.related?.length) {
    out.relatedInformation = d.related.map((r) => ({ location: { uri: r.path ? uriOf(r.path) : opts.uri, range: r.range }, message: pick(r.message, opts.locale) }));
  }
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

/** `data` of a diagnostic a client sent back, if it is one of ours and well-formed. */
export function readData(d: unknown): DiagnosticData | undefined {
  if (!d || typeof d !== 'object') return undefined;
  const x = d as { source?: unknown; data?: unknown };
  if (x.source !== SOURCE || !x.data || typeof x.data !== 'object') return undefined;
  const data = x.data as Partial<DiagnosticData>;
  if (!Number.isInteger(data.version) || typeof data.rule !== 'string') return undefined;
  if (!data.at || !Number.isInteger(data.at.line) || !Number.isInteger(data.at.character)) return undefined;
  return data as DiagnosticData;
}
