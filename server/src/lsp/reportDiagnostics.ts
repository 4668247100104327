// A report's LSP diagnostics after the user's settings and the workspace configuration file:
// severities from `.disclosure-report.json` win over the editor settings (the file is what the
// team and the CLI share, as markdownlint's .markdownlint.json wins over its user setting), then
// the settings, then the rule's default; reviewed findings are dropped, and reviewed entries that
// no longer occur come back as `reviewed-stale` information at the top of the report. Used for
// open documents (features/diagnostics.ts) and for files on disk (features/workspaceCheck.ts).

import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { applyConfig, CONFIG_FILE, staleDiagnostic } from '../config/index.js';
import type { Diagnostic, Locale, RuleId, Severity } from '../core/index.js';
import { toLsp } from './convert.js';
import { canonicalUri, relativePath } from './files.js';
import type { DocumentConfig } from './projectConfig.js';

export interface ReportDiagnosticsOptions {
  uri: string;
  version: number;
  locale: Locale;
  /** The severity after the editor settings (the config file's comes first). */
  severity: (rule: RuleId, own?: Severity) => Severity | 'off';
  lines: readonly string[] | { line(i: number): string; readonly lineCount: number };
  config?: DocumentConfig;
}

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
