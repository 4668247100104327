// A report's LSP diagnostics after the user's settings and the workspace configuration file:
// severities from `.disclosure-report.json` win over the editor settings (the file is what the
// team and the CLI share, as markdownlint's .markdownlint.json wins over its user setting), then
// the settings, then the rule's default; reviewed findings are dropped, and reviewed entries that
// no longer occur come back as `reviewed-stale` information at the top of the report. Used for
// open documents (features/diagnostics.ts) and for files on disk (features/workspaceCheck.ts).

import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { applyConfig, CONFIG_FILE, NOTHING_SETTLED, settledIn, staleDiagnostic, type ReviewedEntry, type Settled as SettledCells } from '../config/index.js';
import { crossCheck, withCrossYear, type Diagnostic, type Locale, type RuleId, type Severity } from '../core/index.js';
import type { ServerContext } from './context.js';
import { linesOf, type ReportDocument } from './documents.js';
import { toLsp } from './convert.js';
import { canonicalUri, relativePath } from './files.js';
import type { DocumentConfig } from './projectConfig.js';
import type { Settings } from './settings.js';

export interface ReportDiagnosticsOptions {
  uri: string;
  version: number;
  locale: Locale;
  /** The severity after the editor settings (the config file's comes first). */
  severity: (rule: RuleId, own?: Severity) => Severity | 'off';
  lines: readonly string[] | { line(i: number): string; readonly lineCount: number };
  config?: DocumentConfig;
}

/**
 * A document's own diagnostics and, when last year's report is known (`ctx.documents.previousOf`,
 * which the workspace index fills), the cross-year ones: crossCheck(analysis, lines, previous).
 */
export function coreDiagnostics(ctx: ServerContext, doc: ReportDocument): Diagnostic[] {
  const analysis = ctx.documents.analyzeSafely(doc);
  const previous = ctx.documents.previousOf(doc);
  if (!previous) return analysis.diagnostics;
  // Kept per analysis and last year's report: code actions, the review and the Findings view ask
  // again for the version the diagnostics were published for (crossCheck reads all the prose).
  const memo = crossMemo.get(doc);
  if (memo && memo.analysis === analysis && memo.previous === previous) return memo.result;
  let result: Diagnostic[];
  try {
    result = withCrossYear(analysis.diagnostics, crossCheck(analysis, linesOf(doc.model), previous));
  } catch (err) {
    ctx.log.error(`comparing ${doc.uri} with last year's report ${previous.source} failed`, err);
    result = analysis.diagnostics;
  }
  crossMemo.set(doc, { analysis, previous, result });
  return result;
}

const crossMemo = new WeakMap<ReportDocument, { analysis: unknown; previous: unknown; result: Diagnostic[] }>();

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
      const d = staleDiagnostic(s.entry, CONFIG_FILE) as unknown as Diagnostic;
      const lsp = toLsp(d, { uri: opts.uri, version: opts.version, locale: opts.locale, severity: 'information' });
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
  return { ...s, settled };
}
