// The one way from a report to the diagnostics the editor shows (json-language-features' one
// validate() for push and pull), used by push and pull (features/diagnostics.ts), Check All Reports
// for files on disk and its counts of open ones (features/workspaceCheck.ts): the core's findings,
// with the cross-year ones when last year's report is known and prose-copied when Check All
// Reports found it (`findingsOf`, lsp/copiedReports.ts), then the user's settings and the
// workspace configuration file — severities from `.disclosure-report.json` win over the editor
// settings (the file is what the team and the CLI share, as markdownlint's .markdownlint.json
// wins over its user setting), then the settings, then the rule's default; reviewed findings are
// dropped, and reviewed entries that no longer occur come back as `reviewed-stale` information at
// the top of the report — and at most `maxDiagnostics`, then one that says how many more
// (`diagnosticsFor`).

import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { applyConfig, CONFIG_FILE, NOTHING_SETTLED, settledIn, staleDiagnostic, type ReviewedEntry, type Settled as SettledCells } from '../config/index.js';
import { crossCheck, extend, pick, withCrossYear, type Analysis, type Diagnostic, type Locale, type PreviousReport, type RuleId, type Severity } from '../core/index.js';
import { DIAGNOSTIC_SOURCE } from '../protocol.js';
import type { ServerContext } from './context.js';
import type { CopiedReports } from './copiedReports.js';
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
  /** The report's own findings (the core's). */
  diagnostics: readonly Diagnostic[];
  /** Its analysis, asked only for the cross-year comparison (an open report whose parse was released parses again). */
  analysis: () => Analysis;
  lines: Lines;
  /** The text's lines as strings, for the cross-year comparison (asked only when `previous` is given). */
  lineList: () => readonly string[];
  /** Last year's report, when it is known. */
  previous?: PreviousReport;
  /** Findings over a batch of reports (prose-copied: lsp/copiedReports.ts), when it took part in one. */
  batch?: readonly Diagnostic[];
  /** The open document it is: its cross-year findings are kept per version and last year's report (`crossMemo`). */
  doc?: ReportDocument;
}

/** An open document as the editor holds it, with last year's report as the workspace found it (and its batch findings, given `copied`). */
export function documentSubject(documents: Pick<DocumentStore, 'analyzeSafely' | 'previousOf' | 'ownFindings'>, doc: ReportDocument, copied?: Pick<CopiedReports, 'findingsFor'>): ReportSubject {
  // A released report publishes its kept findings: parsed again only when the cross-year
  // comparison must run anew or it took part in Check All Reports' batch.
  const analysis = () => documents.analyzeSafely(doc);
  const lineList = () => linesOf(doc.model);
  return {
    uri: doc.uri,
    version: doc.version,
    diagnostics: documents.ownFindings(doc),
    analysis,
    lines: doc.model,
    lineList,
    previous: documents.previousOf(doc),
    batch: copied?.findingsFor(doc.uri, analysis, lineList),
    doc,
  };
}

/** The report's own findings and, when last year's report is known, the cross-year ones; then its batch findings. */
export function findingsOf(subject: ReportSubject, log: Logger): Diagnostic[] {
  const { previous, batch } = subject;
  let out = subject.diagnostics as Diagnostic[];
  if (previous) {
    // Kept per version and last year's report: code actions, the review and the Findings view ask
    // again for the version the diagnostics were published for (crossCheck reads all the prose),
    // and a released report is not parsed again for a check of every open report (settings, config).
    const doc = subject.doc;
    const memo = doc && crossMemo.get(doc);
    if (doc && memo && memo.model === doc.model && memo.version === doc.version && memo.previous === previous) out = memo.result;
    else {
      try {
        out = withCrossYear(out, crossCheck(subject.analysis(), subject.lineList(), previous));
        if (doc) crossMemo.set(doc, { model: doc.model, version: doc.version, previous, result: out });
      } catch (err) {
        log.error(`comparing ${subject.uri} with last year's report ${previous.source} failed`, err);
      }
    }
  }
  return batch?.length ? withCrossYear(out, [...batch]) : out;
}

/** The cross-year findings of an open document, by its text (model and version) and last year's report: never its analysis, which a release drops. */
const crossMemo = new WeakMap<ReportDocument, { model: object; version: number; previous: PreviousReport; result: Diagnostic[] }>();

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
  // Memoised per rule and the diagnostic's own severity (a rule may report at two levels), with no key made per diagnostic.
  const severities = new Map<RuleId, Partial<Record<Severity, Severity | 'off'>>>();
  for (const d of diagnostics) {
    let byOwn = severities.get(d.rule);
    if (!byOwn) severities.set(d.rule, (byOwn = {}));
    let severity = byOwn[d.severity];
    if (severity === undefined) byOwn[d.severity] = severity = opts.severity(d.rule, d.severity);
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

/**
 * A document's own diagnostics and, when last year's report is known (`ctx.documents.previousOf`,
 * which the workspace index fills), the cross-year ones (findingsOf); then its batch findings
 * (prose-copied, while its prose is as Check All Reports saw it).
 */
export function coreDiagnostics(ctx: Pick<ServerContext, 'documents' | 'log' | 'copied'>, doc: ReportDocument): Diagnostic[] {
  return findingsOf(documentSubject(ctx.documents, doc, ctx.copied), ctx.log);
}

export interface Settled {
  /** Still reported, as the core's diagnostics (a confirmed finding: a copy, as information, its message with the review). */
  kept: Diagnostic[];
  /** Every finding a reviewed entry matched, before the config, with the entry. */
  reviewed: { d: Diagnostic; entry: ReviewedEntry; index: number }[];
  stale: { entry: ReviewedEntry; index: number }[];
  /** The config that was applied (none, or one with a syntax error: not applied). */
  config?: DocumentConfig;
}

/** The core diagnostics after the settings' severities and the config file (not yet LSP). */
export function settle(diagnostics: readonly Diagnostic[], opts: Omit<ReportDiagnosticsOptions, 'version' | 'locale'>): Settled {
  const config = opts.config && !opts.config.problems.some((p) => p.fatal) ? opts.config : undefined;
  // The settings' severity, unless the config file names the rule.
  const severed: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (config?.config.severity[d.rule]) {
      severed.push(d);
      continue;
    }
    const s = opts.severity(d.rule, d.severity);
    if (s === 'off') continue;
    severed.push(s === d.severity ? d : { ...d, severity: s });
  }
  if (!config) return { kept: severed, reviewed: [], stale: [] };
  const applied = applyConfig(severed, { file: relativePath(config.dir, canonicalUri(opts.uri)), lines: opts.lines }, config.config);
  return { kept: applied.kept, reviewed: applied.reviewed, stale: applied.staleReviewed, config };
}

export function reportDiagnostics(diagnostics: readonly Diagnostic[], opts: ReportDiagnosticsOptions): LspDiagnostic[] {
  const { kept, stale, config } = settle(diagnostics, opts);
  const out: LspDiagnostic[] = [];
  if (config) {
    for (const s of stale) {
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

/**
 * An open document's findings as the user sees them now: the core's diagnostics (cross-year ones
 * included) after the settings and the config file, with the cells the fixes leave alone and which
 * findings are settled (their inlay hint and recompute offer hidden).
 */
export async function documentFindings(ctx: ServerContext, doc: ReportDocument, settings: Settings): Promise<Settled & { settled: SettledCells }> {
  const config = await ctx.projectConfig.forDocument(doc.uri);
  const s = settle(coreDiagnostics(ctx, doc), { uri: doc.uri, severity: (rule, own) => ctx.settings.severity(rule, settings, own), lines: doc.model, config });
  const settled = s.config ? settledIn(s.config.config, relativePath(s.config.dir, canonicalUri(doc.uri))) : NOTHING_SETTLED;
  // Not `{ ...s, settled }`: a spread then a new property is a new hidden class on every call (core/shape.ts).
  return extend(s, { settled });
}
