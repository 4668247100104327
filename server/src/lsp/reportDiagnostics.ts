// The one way from a report to the diagnostics the editor shows (json-language-features' one
// validate() for push and pull), used by push and pull (features/diagnostics.ts), Check All Reports
// for files on disk and its counts of open ones (features/workspaceCheck.ts): the core's findings,
// with the cross-year ones when last year's report is known (`findingsOf`), then the user's
// settings and the workspace configuration file — severities from `.disclosure-report.json` win
// over the editor settings (the file is what the team and the CLI share, as markdownlint's
// .markdownlint.json wins over its user setting), then the settings, then the rule's default;
// reviewed findings are dropped, and reviewed entries that no longer occur come back as
// `reviewed-stale` information at the top of the report — and at most `maxDiagnostics`, then one
// that says how many more (`diagnosticsFor`).

import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { applyConfig, CONFIG_FILE, staleDiagnostic } from '../config/index.js';
import { crossCheck, pick, withCrossYear, type Analysis, type Diagnostic, type Locale, type PreviousReport, type RuleId, type Severity } from '../core/index.js';
import { DIAGNOSTIC_SOURCE } from '../protocol.js';
import { toLsp } from './convert.js';
import { canonicalUri, relativePath } from './files.js';
import { linesOf, type DocumentStore, type ReportDocument } from './documents.js';
import type { Logger } from './guard.js';
import { text } from './messages.js';
import type { DocumentConfig } from './projectConfig.js';
import { DEFAULT_MAX_DIAGNOSTICS, type Settings, type SettingsStore } from './settings.js';

/** The `code` of the one diagnostic that says how many were left out (not a rule). */
export const LIMIT_CODE = 'diagnostics-limit';

type Lines = readonly string[] | { line(i: number): string; readonly lineCount: number };

/** A report to publish diagnostics for: an open document, or a file read from disk. */
export interface ReportSubject {
  uri: string;
  /** The editor's version; undefined for a file read from disk (its diagnostics carry none). */
  version?: number;
  analysis: Analysis;
  lines: Lines;
  /** The text's lines as strings, for the cross-year comparison (asked only when `previous` is given). */
  lineList: () => readonly string[];
  /** Last year's report, when it is known. */
  previous?: PreviousReport;
}

/** An open document as the editor holds it, with last year's report as the workspace found it. */
export function documentSubject(documents: Pick<DocumentStore, 'analyzeSafely' | 'previousOf'>, doc: ReportDocument): ReportSubject {
  return { uri: doc.uri, version: doc.version, analysis: documents.analyzeSafely(doc), lines: doc.model, lineList: () => linesOf(doc.model), previous: documents.previousOf(doc) };
}

/** The report's own findings and, when last year's report is known, the cross-year ones. */
export function findingsOf(subject: ReportSubject, log: Logger): Diagnostic[] {
  const { analysis, previous } = subject;
  if (!previous) return analysis.diagnostics;
  try {
    return withCrossYear(analysis.diagnostics, crossCheck(analysis, subject.lineList(), previous));
  } catch (err) {
    log.error(`comparing ${subject.uri} with last year's report ${previous.source} failed`, err);
    return analysis.diagnostics;
  }
}

/** The LSP diagnostics of a report for the given settings and configuration file. */
export function diagnosticsFor(
  ctx: { settings: Pick<SettingsStore, 'locale' | 'severity'>; log: Logger },
  subject: ReportSubject,
  settings: Settings,
  config: DocumentConfig | undefined,
): LspDiagnostic[] {
  const locale = ctx.settings.locale(settings);
  const severity = (rule: RuleId, own?: Severity) => ctx.settings.severity(rule, settings, own);
  const diagnostics = findingsOf(subject, ctx.log);
  const version = subject.version ?? 0;
  // Without a configuration file, only the first `maxDiagnostics` are ever converted.
  const out = config
    ? capped(reportDiagnostics(diagnostics, { uri: subject.uri, version, locale, severity, lines: subject.lines, config }), settings.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS, locale)
    : toLspDiagnostics(diagnostics, { uri: subject.uri, version, locale, severity, max: settings.maxDiagnostics });
  // A file on disk has no version: its diagnostics say nothing of one.
  if (subject.version === undefined) for (const d of out) if (d.data && typeof d.data === 'object') delete (d.data as { version?: number }).version;
  return out;
}

/**
 * The core's diagnostics as LSP diagnostics, after the severity overrides (`off` drops them): the
 * first `max` in document order, and when there are more, one information diagnostic at the top
 * of the document saying how many were left out (a file of hundreds of reports pasted together
 * would otherwise republish thousands on every keystroke).
 */
export function toLspDiagnostics(
  diagnostics: readonly Diagnostic[],
  opts: { uri: string; version: number; locale: Locale; severity: (rule: RuleId, own?: Severity) => Severity | 'off'; max?: number },
): LspDiagnostic[] {
  const max = opts.max ?? DEFAULT_MAX_DIAGNOSTICS;
  const out: LspDiagnostic[] = [];
  let more = 0;
  const severities = new Map<string, Severity | 'off'>();
  for (const d of diagnostics) {
    // Memoised per rule and the diagnostic's own severity (a rule may report at two levels).
    const key = `${d.rule} ${d.severity}`;
    let severity = severities.get(key);
    if (severity === undefined) severities.set(key, (severity = opts.severity(d.rule, d.severity)));
    if (severity === 'off') continue;
    if (out.length >= max) {
      more++;
      continue;
    }
    out.push(toLsp(d, { uri: opts.uri, version: opts.version, locale: opts.locale, severity }));
  }
  return withLimitNote(out, more, max, opts.locale);
}

/** `more` left out past `max`: one information diagnostic at the top of the document says so. */
function withLimitNote(out: LspDiagnostic[], more: number, max: number, locale: Locale): LspDiagnostic[] {
  if (more) {
    const at = { line: 0, character: 0 };
    out.unshift({ range: { start: at, end: at }, severity: DiagnosticSeverity.Information, code: LIMIT_CODE, source: DIAGNOSTIC_SOURCE, message: pick(text.moreDiagnostics(more, max), locale) });
  }
  return out;
}

/** At most `max` diagnostics, in document order, and the note of how many were left out. */
export function capped(list: LspDiagnostic[], max: number, locale: Locale): LspDiagnostic[] {
  return list.length <= max ? list : withLimitNote(list.slice(0, max), list.length - max, max, locale);
}

export interface ReportDiagnosticsOptions {
  uri: string;
  version: number;
  locale: Locale;
  /** The severity after the editor settings (the config file's comes first). */
  severity: (rule: RuleId, own?: Severity) => Severity | 'off';
  lines: Lines;
  config?: DocumentConfig;
}

/** After the configuration file and the settings (not capped): diagnosticsFor's step for a report with a config file. */
export function reportDiagnostics(diagnostics: readonly Diagnostic[], opts: ReportDiagnosticsOptions): LspDiagnostic[] {
  const config = opts.config && !opts.config.problems.some((p) => p.fatal) ? opts.config : undefined;
  // The settings' severity, unless the config file names the rule.
  const settled: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (config?.config.severity[d.rule]) {
      settled.push(d);
      continue;
    }
    const s = opts.severity(d.rule, d.severity);
    if (s === 'off') continue;
    settled.push(s === d.severity ? d : { ...d, severity: s });
  }
  let kept = settled;
  const out: LspDiagnostic[] = [];
  if (config) {
    const applied = applyConfig(settled, { file: relativePath(config.dir, canonicalUri(opts.uri)), lines: opts.lines }, config.config);
    kept = applied.kept;
    for (const s of applied.staleReviewed) {
      const d = staleDiagnostic(s.entry, CONFIG_FILE, config.config);
      const lsp = toLsp(d, { uri: opts.uri, version: opts.version, locale: opts.locale, severity: d.severity });
      const at = config.reviewedAt[s.index] ?? { line: 0, character: 0 };
      lsp.relatedInformation = [{ location: { uri: config.uri, range: { start: at, end: at } }, message: CONFIG_FILE }];
      // Which entry: the "remove this entry" action finds it again by this index.
      lsp.data = { ...(lsp.data as object), entry: s.index };
      out.push(lsp);
    }
  }
  for (const d of kept) out.push(toLsp(d, { uri: opts.uri, version: opts.version, locale: opts.locale, severity: d.severity }));
  return out;
}
