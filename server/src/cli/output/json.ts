// `check --format json`: the contract's document (../shared/CONTRACT.md "CLI", "Beyond the arithmetic"):
// `{ version: 1, files: [ { path, previous?, diagnostics: [ { rule, severity, message, range, expected?,
// actual?, cell?, row?, related?: [ { path, range, cell? } ], details? } ], fixed?, refused?, error? } ] }`.
// `related` is given for the rules beyond the arithmetic (a place in this file carries its own path).

import { ARITHMETIC_RULES, pick, type Diagnostic, type Locale } from '../../core/index.js';
import type { FileReport } from '../report.js';

export function fileJson(r: FileReport, locale: Locale): Record<string, unknown> {
  const out: Record<string, unknown> = {
    path: r.path,
    diagnostics: r.diagnostics.map((d) => {
      const j: Record<string, unknown> = { rule: d.rule, severity: d.severity, message: pick(d.message, locale), range: d.range };
      if (ARITHMETIC_RULES.has(d.rule)) Object.assign(j, { expected: d.expected, actual: d.actual });
      else {
        if (d.expected !== undefined) j.expected = d.expected;
        if (d.actual !== undefined) j.actual = d.actual;
      }
      if (d.cell) j.cell = d.cell;
      if (d.row) j.row = d.row;
      if (!ARITHMETIC_RULES.has(d.rule) && d.related?.length) j.related = relatedJson(d, r.path, locale);
      if (d.details) j.details = { share: d.details.share, repeated: d.details.repeated, counted: d.details.counted };
      return j;
    }),
  };
  if (r.fixed.length || r.refused.length) {
    out.fixed = r.fixed.map((c) => ({ rule: c.rule, range: c.range, cell: locale === 'en' ? c.labelEn : c.label, old: c.old, new: c.new }));
    out.refused = r.refused.map((x) => ({ range: x.range, reason: pick(x.reason, locale) }));
  }
  if (r.error) out.error = r.error;
  if (r.previous) out.previous = r.previous;
  return out;
}

/** A diagnostic's related places: `{ path, range, cell?, message }` (this file's path for a place in it). */
function relatedJson(d: Diagnostic, path: string, locale: Locale): Record<string, unknown>[] {
  return (d.related ?? []).map((x) => {
    const j: Record<string, unknown> = { path: x.path ?? path, range: x.range };
    if (x.cell) j.cell = x.cell;
    j.message = pick(x.message, locale);
    return j;
  });
}

export function checkJson(reports: FileReport[], locale: Locale): string {
  return JSON.stringify({ version: 1, files: reports.map((r) => fileJson(r, locale)) }, null, 2) + '\n';
}
