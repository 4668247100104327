// `check --format json`: the contract's document (../shared/CONTRACT.md "CLI"):
// `{ version: 1, files: [ { path, diagnostics: [ { rule, severity, message, range, expected?, actual? } ],
// fixed?, refused?, error?, notice? } ], tally? }` — `tally` (over more than one file, additive):
// for each rule, how many reports fail it.

import { ARITHMETIC_RULES, pick, type Locale } from '../../core/index.js';
import type { FileReport } from '../report.js';

export function fileJson(r: FileReport, locale: Locale): Record<string, unknown> {
  const out: Record<string, unknown> = {
    path: r.path,
    diagnostics: r.diagnostics.map((d) => {
      const j: Record<string, unknown> = { rule: d.rule, severity: d.severity, message: pick(d.message, locale), range: d.range };
      if (ARITHMETIC_RULES.has(d.rule)) Object.assign(j, { expected: d.expected, actual: d.actual });
      if (d.cell) j.cell = d.cell;
      if (d.row) j.row = d.row;
      return j;
    }),
  };
  if (r.fixed.length || r.refused.length) {
    out.fixed = r.fixed.map((c) => ({ rule: c.rule, range: c.range, cell: locale === 'en' ? c.labelEn : c.label, old: c.old, new: c.new }));
    out.refused = r.refused.map((x) => ({ range: x.range, reason: pick(x.reason, locale) }));
  }
  if (r.error) out.error = r.error;
  if (r.notice) out.notice = r.notice;
  return out;
}

export function checkJson(reports: FileReport[], locale: Locale, tally?: [string, number][]): string {
  const doc: Record<string, unknown> = { version: 1, files: reports.map((r) => fileJson(r, locale)) };
  if (tally) doc.tally = Object.fromEntries(tally);
  return JSON.stringify(doc, null, 2) + '\n';
}
