// The Findings view's data (`disclosureReport/findings`) and its export
// (`disclosureReport/exportFindings`): every open report and every file the last "Check All
// Reports" covered (ctx.checkedFiles), each with its findings after the settings and
// `.disclosure-report.json` — still-reported ones and reviewed ones with their status, reason,
// reviewer and date — and where each is (table or section); prose-copied where the check found it. The export is the CLI's writer
// (findings/: SARIF 2.1.0 or CSV) over the same list, paths relative to the workspace folder.

import { pick, withCrossYear, type Diagnostic, type Locale } from '../../core/index.js';
import { CONFIG_FILE, staleDiagnostic } from '../../config/index.js';
import { findingsCsv, reportFindings, sarifLog, type ReportFindings } from '../../findings/index.js';
import { REQUESTS, type FindingsReport } from '../../protocol.js';
import type { ServerContext } from '../context.js';
import { canonicalUri, relativePath } from '../files.js';
import { InvalidParams, onCustom } from '../guard.js';
import { documentFindings, settle, type Settled } from '../reportDiagnostics.js';

declare const __VERSION__: string | undefined;

/** The findings of the open reports and of the files the workspace check covered (by URI). */
export async function gatherFindings(ctx: ServerContext): Promise<ReportFindings[]> {
  const out: ReportFindings[] = [];
  const seen = new Set<string>();
  const stale = (s: Settled): Diagnostic[] => s.stale.map((x) => staleDiagnostic(x.entry, CONFIG_FILE, s.config?.config));
  for (const doc of ctx.documents.all()) {
    const c = canonicalUri(doc.uri);
    if (seen.has(c)) continue;
    seen.add(c);
    const settings = await ctx.settings.get(doc.uri);
    const f = await documentFindings(ctx, doc, settings);
    out.push(reportFindings(doc.uri, ctx.documents.analyzeSafely(doc), [...stale(f), ...f.kept], f.reviewed));
  }
  for (const c of [...ctx.checkedFiles]) {
    if (seen.has(c)) continue;
    seen.add(c);
    const r = await ctx.workspace.report(c);
    if (!r?.isReport) continue;
    const settings = await ctx.settings.get(c);
    const config = await ctx.projectConfig.forDocument(c);
    const batch = ctx.copied.findingsFor(c, () => r.analysis, () => r.lines);
    const s = settle(batch.length ? withCrossYear(r.analysis.diagnostics, batch) : r.analysis.diagnostics, { uri: c, severity: (rule, own) => ctx.settings.severity(rule, settings, own), lines: r.lines, config });
    out.push(reportFindings(c, r.analysis, [...stale(s), ...s.kept], s.reviewed));
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The list as the client shows it: messages and places in the user's language. */
export function findingsForClient(reports: readonly ReportFindings[], locale: Locale): FindingsReport[] {
  return reports.map((r) => ({
    uri: r.path,
    office: r.office,
    ...(r.year !== null ? { year: r.year } : {}),
    findings: r.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: pick(f.message, locale),
      range: f.range,
      ...(f.cell ? { cell: f.cell } : {}),
      ...(f.row ? { row: f.row } : {}),
      place: f.place,
      placeName: pick(f.placeName, locale),
      ...(f.review ? { review: f.review } : {}),
    })),
  }));
}

export function register(ctx: ServerContext): void {
  const localeNow = async () => ctx.settings.locale(await ctx.settings.get(ctx.workspace.folders[0] ?? ''));
  onCustom(ctx, REQUESTS.findings, async () => ({ reports: findingsForClient(await gatherFindings(ctx), await localeNow()) }));
  onCustom(ctx, REQUESTS.exportFindings, async (params: unknown) => {
      const format = (params as { format?: unknown } | null)?.format;
      if (format !== 'csv' && format !== 'sarif') throw new InvalidParams("expected { format: 'csv' | 'sarif' }");
      const locale = await localeNow();
      // Paths relative to the report's workspace folder (as the CLI run there names them).
      const reports = (await gatherFindings(ctx)).map((r) => {
        const folder = ctx.workspace.folderOf(canonicalUri(r.path));
        return folder ? { ...r, path: relativePath(folder, canonicalUri(r.path)) } : r;
      });
      const count = reports.reduce((n, r) => n + r.findings.length, 0);
      const text = format === 'csv' ? findingsCsv(reports, locale) : sarifLog(reports, { locale, toolVersion: typeof __VERSION__ === 'string' ? __VERSION__ : 'dev' });
      return { text, count };
    });
}
