// Findings as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), what code
// review tools and CI dashboards read: one run, the checker as its tool with every rule it knows,
// one result per finding with its place (1-based lines and UTF-16 columns, `columnKind`), the cell
// or row key as a logical location, and `suppressions` for the reviewed findings (SARIF §3.27.23,
// §3.35): accepted and false-alarm → `{ kind: "external", status: "accepted", justification }`;
// confirmed (to be corrected) → status `rejected` (the finding stands); an unreviewed finding has an
// empty array (suppression information was computed, none applies). The review's status, reviewer
// and date travel in the suppression's `properties`. Validated against the published schema in
// test/findings-sarif.test.ts. Pure.

import { pick, RULES, type Locale, type Severity } from '../core/index.js';
import { REVIEWED_STALE } from '../config/index.js';
import type { ReportFindings } from './record.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A path as a relative URI reference (`reports/2025/某区.txt` → percent-encoded segments); a URI stays as it is. */
export function artifactUri(path: string): string {
  if (/^[a-z][a-z0-9+.-]+:/i.test(path) && !/^[a-z]:[\\/]/i.test(path)) return path;
  let p = path.replace(/\\/g, '/');
  const drive = /^[a-z]:\//i.test(p);
  if (drive) p = `/${p}`;
  const encoded = p.split('/').map((s, i) => (drive && i === 1 ? s : encodeURIComponent(s))).join('/');
  return p.startsWith('/') ? `file://${encoded}` : encoded;
}

export interface SarifOptions {
  locale: Locale;
  toolVersion: string;
}

/** The SARIF log of `reports`, as text (two-space indentation, a final newline). */
export function sarifLog(reports: readonly ReportFindings[], opts: SarifOptions): string {
  const { locale } = opts;
  const rules: { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] = RULES.map((r) => ({
    id: r.id,
    shortDescription: { text: pick(r.summary, locale) },
    defaultConfiguration: { level: LEVEL[r.severity] },
  }));
  // Every id the run can report, once: the registry holds reviewed-stale too (a config rule); a
  // suspect cell is not a rule of its own but a property of the arithmetic findings it explains.
  if (!rules.some((r) => r.id === REVIEWED_STALE)) {
    rules.push({
      id: REVIEWED_STALE,
      shortDescription: { text: pick({ zh: '已审核的发现不再出现，可删除该条记录', en: 'a reviewed finding no longer occurs; its entry can be removed' }, locale) },
      defaultConfiguration: { level: 'note' },
    });
  }
  const ruleIndex = new Map<string, number>(rules.map((r, i) => [r.id, i]));
  const results = reports.flatMap((report) =>
    report.findings.map((f) => {
      const region = {
        startLine: f.range.start.line + 1,
        startColumn: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
      };
      const location: Record<string, unknown> = { physicalLocation: { artifactLocation: { uri: artifactUri(report.path) }, region } };
      const key = f.cell ?? f.row;
      if (key) location.logicalLocations = [{ name: key, kind: 'element' }];
      const result: Record<string, unknown> = { ruleId: f.rule };
      const index = ruleIndex.get(f.rule);
      if (index !== undefined) result.ruleIndex = index;
      result.level = LEVEL[f.severity];
      result.message = { text: pick(f.message, locale) };
      result.locations = [location];
      const properties: Record<string, unknown> = { place: f.place };
      if (f.cell) properties.cell = f.cell;
      if (f.row) properties.row = f.row;
      if (f.expected !== undefined) properties.expected = f.expected;
      if (f.actual !== undefined) properties.actual = f.actual;
      if (f.suspect) properties.suspect = f.suspect;
      if (report.office) properties.office = report.office;
      if (report.year !== null) properties.year = report.year;
      result.properties = properties;
      result.suppressions = f.review
        ? [
            {
              kind: 'external',
              status: f.review.status === 'confirmed' ? 'rejected' : 'accepted',
              ...(f.review.reason ? { justification: f.review.reason } : {}),
              properties: { review: f.review.status, ...(f.review.reviewer ? { reviewer: f.review.reviewer } : {}), ...(f.review.date ? { date: f.review.date } : {}) },
            },
          ]
        : [];
      return result;
    }),
  );
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'disclosure-report', informationUri: 'https://github.com/disclosure-report/disclosure-report', version: opts.toolVersion, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
