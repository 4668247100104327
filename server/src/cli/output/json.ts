// `check --format json`: the contract's document (../shared/CONTRACT.md "CLI", "Beyond the arithmetic"):
// `{ version: 1, files: [ { path, previous?, diagnostics: [ { rule, severity, message, range, expected?,
// actual?, cell?, row?, suspect?: { cell, value }, related?: [ { path, range, cell? } ], details? } ],
// fixed?: [ { rule, range, cell, old, new, suspect? } ], refused?, unwritten? (as fixed: what a refused write would have changed), error?,
// notice?, coverage?, reviewed? } ], tally? }`; `coverage` (additive, "Completeness and coverage"): rows found
// per table, identities evaluated of those in the format, and why each other one was not. A reviewed finding (`.disclosure-report.json`) carries `review`:
// `{ status, reason, reviewer?, date? }` — a confirmed one among `diagnostics` (as information), an
// accepted or false-alarm one in the file's `reviewed` list (additive: absent when there is none). `related` is given for the rules beyond the arithmetic (a place in this
// file carries its own path); `tally` (over more than one file, additive): for each rule, how many
// reports fail it. Written as a stream (`JsonStream`): each file's part as soon as it is checked,
// so a batch of thousands never holds its whole document in memory; the text is exactly what
// `checkJson` (JSON.stringify of the whole, indented by two) gives.

import { ARITHMETIC_RULES, pick, type Diagnostic, type FixChange, type Locale } from '../../core/index.js';
import { statusOf, type ReviewedEntry } from '../../config/index.js';
import { reviewOf, type FileReport } from '../report.js';

function reviewJson(e: ReviewedEntry): Record<string, unknown> {
  const j: Record<string, unknown> = { status: statusOf(e), reason: e.reason };
  if (e.reviewer) j.reviewer = e.reviewer;
  if (e.date) j.date = e.date;
  return j;
}

export function fileJson(r: FileReport, locale: Locale): Record<string, unknown> {
  const out: Record<string, unknown> = {
    path: r.path,
    diagnostics: r.diagnostics.map((d) => {
      const j = diagnosticJson(d, r.path, locale);
      const e = reviewOf(r, d);
      if (e) j.review = reviewJson(e);
      return j;
    }),
  };
  // Reviewed findings no longer reported (accepted, false alarm): listed with their review.
  const reported = new Set(r.diagnostics.map((d) => `${d.rule} ${d.range.start.line}:${d.range.start.character}`));
  const settled = (r.reviewed ?? []).filter((x) => !reported.has(`${x.d.rule} ${x.d.range.start.line}:${x.d.range.start.character}`));
  if (settled.length) out.reviewed = settled.map((x) => ({ ...diagnosticJson(x.d, r.path, locale), review: reviewJson(x.entry) }));
  const change = (c: FixChange) => {
    const j: Record<string, unknown> = { rule: c.rule, range: c.range, cell: locale === 'en' ? c.labelEn : c.label, old: c.old, new: c.new };
    if (c.suspect) j.suspect = { cell: c.suspect.cell, value: c.suspect.value };
    return j;
  };
  if (r.fixed.length || r.refused.length) {
    out.fixed = r.fixed.map(change);
    out.refused = r.refused.map((x) => ({ range: x.range, reason: pick(x.reason, locale) }));
  }
  if (r.unwritten?.length) out.unwritten = r.unwritten.map(change);
  if (r.coverage) out.coverage = r.coverage;
  if (r.error) out.error = r.error;
  if (r.notice) out.notice = r.notice;
  if (r.previous) out.previous = r.previous;
  return out;
}

function diagnosticJson(d: Diagnostic, path: string, locale: Locale): Record<string, unknown> {
  const j: Record<string, unknown> = { rule: d.rule, severity: d.severity, message: pick(d.message, locale), range: d.range };
  if (ARITHMETIC_RULES.has(d.rule)) Object.assign(j, { expected: d.expected, actual: d.actual });
  else {
    if (d.expected !== undefined) j.expected = d.expected;
    if (d.actual !== undefined) j.actual = d.actual;
  }
  if (d.cell) j.cell = d.cell;
  if (d.row) j.row = d.row;
  if (d.suspect) j.suspect = { cell: d.suspect.cell, value: d.suspect.value };
  if (!ARITHMETIC_RULES.has(d.rule) && d.related?.length) j.related = relatedJson(d, path, locale);
  if (d.details) j.details = { share: d.details.share, repeated: d.details.repeated, counted: d.details.counted };
  return j;
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

export function checkJson(reports: FileReport[], locale: Locale, tally?: [string, number][]): string {
  const doc: Record<string, unknown> = { version: 1, files: reports.map((r) => fileJson(r, locale)) };
  if (tally) doc.tally = Object.fromEntries(tally);
  return JSON.stringify(doc, null, 2) + '\n';
}

/** The `check --format json` document written file by file through `write`, byte for byte as `checkJson` writes it whole. */
export class JsonStream {
  private count = 0;
  constructor(
    private readonly write: (s: string) => void,
    private readonly locale: Locale,
  ) {
    write('{\n  "version": 1,\n  "files": [');
  }

  file(r: FileReport): void {
    // JSON.stringify escapes line breaks inside strings: every \n here is the indentation's.
    const body = JSON.stringify(fileJson(r, this.locale), null, 2).replace(/\n/g, '\n    ');
    this.write(`${this.count++ ? ',' : ''}\n    ${body}`);
  }

  end(tally?: [string, number][]): void {
    const files = this.count ? '\n  ]' : ']';
    const rest = tally ? `,\n  "tally": ${JSON.stringify(Object.fromEntries(tally), null, 2).replace(/\n/g, '\n  ')}` : '';
    this.write(`${files}${rest}\n}\n`);
  }
}
