// Putting the segments together: the report's sections and tables, and the document rules of
// the registry (sections present and in order, required tables, the period's year).

import type { Analysis } from './analysis.js';
import { compareDiagnostics, type Diagnostic, type Finding } from './diagnostics.js';
import type { Heading, Range, Table, YearMention } from './model.js';
import { t3Rows } from './format/index.js';
import { checkDocument, checkTableIn, documentParts, withSeverity } from './rules/registry.js';
import type { Format } from './format/index.js';
import { reportFormat } from './rules/identities.js';
import type { DocumentContext, PreviousReport } from './rules/rule.js';
import type { SegmentResult } from './segment.js';
import { proseOf } from './rules/prose.js';
import { reportIdentity, type ReportIdentity } from './years/identity.js';
import type { YearRecord } from './years/record.js';
import { TITLE_YEAR_LINES } from './windows.js';
import { t2RowKey, t3RowKey } from './keys.js';
import { perObject } from './recent.js';
import { keptOn, memoized, newMemo, type RuleMemo } from './rules/memo.js';

export type { Analysis, Section } from './analysis.js';

function sorted(found: Finding[]): Diagnostic[] {
  return found.map(withSeverity).sort(compareDiagnostics);
}

/** A memoized rule's findings sorted, kept per array: the memo hands the same array while the rule's inputs are the same. */
const sortedParts = new WeakMap<Finding[], Diagnostic[]>();
function sortedPart(part: Finding[]): Diagnostic[] {
  let out = sortedParts.get(part);
  if (!out) sortedParts.set(part, (out = sorted(part)));
  return out;
}

/**
 * The analysis from the segments' results (in document lines, in line order) and the document
 * rules; `memo` the rules' results kept from the model's last analysis (none: a fresh one).
 */
export function assemble(segments: SegmentResult[], lines: readonly string[], memo: RuleMemo = newMemo(), name?: string): Analysis {
  const count = lines.length;
  const lastLength = lines[count - 1]?.length ?? 0;
  const headings: Heading[] = [];
  const tables: Table[] = [];
  // Each segment's diagnostics come sorted and segments are in line order, so theirs are sorted
  // as collected; only the document-wide ones are sorted here and merged in.
  const diagnostics: Diagnostic[] = [];
  const titleYears: YearMention[] = [];
  let periodYears: YearMention[] = [];
  // One push per item: spreading them all into one call overflows the stack past ~100,000.
  for (const r of segments) {
    if (r.heading) headings.push(r.heading);
    for (const t of r.tables) tables.push(t);
    for (const x of r.diagnostics) diagnostics.push(x);
    if (r.titleYears.length && !titleYears.length) titleYears.push(r.titleYears[0]);
    if (r.periodYears.length && !periodYears.length) periodYears = r.periodYears;
  }
  const format = reportFormat(tables);
  const sections = headings.map((h, i) => ({ heading: h, endLine: (headings[i + 1]?.line ?? count) - 1 }));
  const end: Range = { start: { line: count - 1, character: lastLength }, end: { line: count - 1, character: lastLength } };
  const firstHeading = headings[0]?.line ?? Infinity;
  const title = titleYears.find((y) => y.line < Math.min(firstHeading, TITLE_YEAR_LINES));
  const reportYear = title?.year ?? null;
  const identity = reportIdentity(lines, name);
  const ctx: DocumentContext = { headings, sections, tables, spans: tables, reportYear, periodYears, lines, end, identity, memo };

  // Each rule's findings are kept by what its registry entry says it reads (rules/memo.ts); the
  // headings rules' together, sorted, on the same inputs.
  const byHeadings = memoized(ctx, 'headings:sorted', 'headings', () => {
    const found: Finding[] = [];
    checkDocument(ctx, 'headings', found);
    return sorted(found);
  });
  // The document-wide findings merged once while every kept rule's findings are the same arrays
  // (an edit of a number in a document of many reports leaves them all), and each rule's sorted
  // once: sorting a thousand findings on every edit grew with the document (bench c).
  const { kept, fresh } = documentParts(ctx, 'rest');
  const documentWide = keptOn(memo, 'document:sorted', [byHeadings, ...kept], () => kept.reduce<Diagnostic[]>((all, part) => merge(all, sortedPart(part)), byHeadings));
  const claims = proseOf(ctx).readings;
  const twice = new Set(tables.map((t) => t.kind)).size < tables.length;
  const own = merge(twice ? foundElsewhere(tables, diagnostics) : diagnostics, inFormat(tables, format));
  return { lineCount: count, headings, sections, tables, diagnostics: merge(own, merge(documentWide, sorted(fresh))), reportYear, format, identity, claims };
}

/** Each table's findings of the rules that read the report's format, per table object and format. */
const checkedIn = new WeakMap<Table, { format: Format; found: Diagnostic[] }>();

/** The findings of the rules that read the report's format over every table, sorted. */
function inFormat(tables: Table[], format: Format): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const t of tables) {
    let known = checkedIn.get(t);
    if (!known || known.format !== format) {
      const found: Finding[] = [];
      checkTableIn(t, format, found);
      checkedIn.set(t, (known = { format, found: sorted(found) }));
    }
    for (const d of known.found) out.push(d);
  }
  for (let i = 1; i < out.length; i++) if (compareDiagnostics(out[i - 1], out[i]) > 0) return out.sort(compareDiagnostics);
  return out;
}

/**
 * A table cut in two (a line that reads as prose between its rows, a page break's text): each part
 * is read as a table of its own and would name the other part's rows as missing. A row-missing is
 * dropped when another table of the same kind has that row; a row no part has is named once, by
 * the part that has rows after it (where the row belongs), else by the first.
 */
function foundElsewhere(tables: Table[], diagnostics: Diagnostic[]): Diagnostic[] {
  // Most analyses have no row-missing at all: nothing to walk (a document of a hundred reports
  // would otherwise collect every table's rows on every edit).
  if (!diagnostics.some((d) => d.rule === 'row-missing' && d.row)) return diagnostics;
  const byTable = tables.map((t) => ({ t, rows: rowKeysOf(t) }));
  const tableOf = (d: Diagnostic) => byTable.find((x) => x.t.startLine <= d.range.start.line && d.range.start.line <= x.t.endLine);
  const order = t3Order();
  /** Whether a table has a row that comes after `row` in the format (so the missing row belongs in it). */
  const hasAfter = (x: (typeof byTable)[number] | undefined, row: string) => !!x && [...x.rows].some((r) => (order.get(r) ?? -1) > (order.get(row) ?? Infinity));
  const named = new Map<string, Diagnostic>();
  for (const d of diagnostics) {
    if (d.rule !== 'row-missing' || !d.row) continue;
    const own = tableOf(d);
    if (byTable.some((x) => x !== own && x.rows.has(d.row!))) continue;
    const prior = named.get(d.row);
    if (!prior || (!hasAfter(tableOf(prior), d.row) && hasAfter(own, d.row))) named.set(d.row, d);
  }
  const keep = new Set(named.values());
  return diagnostics.filter((d) => d.rule !== 'row-missing' || !d.row || keep.has(d));
}

/** A table's row keys (`t3.…`, `t2.…`), kept per table: an edit elsewhere leaves the table the same object. */
const rowKeysOf = perObject((t: Table) => new Set(t.kind === 't3' ? t.rows.map((r) => t3RowKey(r.spec)) : t.kind === 't2' ? t.items.flatMap((it) => it.rows.map((r) => t2RowKey(r.spec))) : []));

/** Table 三's rows in the format's order (（六） as one row takes the place of its three); made once. */
let t3OrderMap: Map<string, number> | undefined;
function t3Order(): Map<string, number> {
  if (!t3OrderMap) {
    t3OrderMap = new Map();
    for (const single of [false, true]) t3Rows(single).forEach((r, i) => t3OrderMap!.set(`t3.${r.key}`, single && i >= 20 ? i + 2 : i));
  }
  return t3OrderMap;
}

/** What crossCheck may be told besides the two reports. */
export interface CrossCheckOptions {
  /** prose-repeated's threshold, a share in [0, 1] (default 0.5). */
  proseThreshold?: number;
}

/**
 * The findings of the rules that compare a report with last year's (carryover-mismatch,
 * valid-count-chain, prose-repeated): run by the edges that know the previous report, beside
 * `analysis.diagnostics` (sorted; merge them in for one list). `lines` are this year's report's;
 * `previous` last year's analysis, lines and path (or URI), which `related` and the messages name.
 */
export function crossCheck(analysis: Analysis, lines: readonly string[], previous: PreviousReport, options: CrossCheckOptions = {}): Diagnostic[] {
  const years = { periodYears: [] as YearMention[] };
  const end: Range = { start: { line: lines.length - 1, character: lines[lines.length - 1]?.length ?? 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1]?.length ?? 0 } };
  const identity = analysis.identity;
  const ctx: DocumentContext = { headings: analysis.headings, sections: analysis.sections, tables: analysis.tables, spans: analysis.tables, reportYear: analysis.reportYear, ...years, lines, end, identity, previous, proseThreshold: options.proseThreshold };
  const found: Finding[] = [];
  checkDocument(ctx, 'previous', found);
  return sorted(found);
}

/**
 * crossCheck from this year's year record (rules/years.ts yearRecord) instead of its analysis and
 * lines, and last year's report (its record, or its analysis): the same findings. A batch keeps
 * only each report's record until it is paired (cli/commands/check.ts).
 */
export function crossCheckRecord(current: YearRecord, previous: PreviousReport, options: CrossCheckOptions = {}): Diagnostic[] {
  const at: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const identity: ReportIdentity = { office: null, officeKey: null, year: current.year, source: { office: null, year: null }, titleRange: current.anchor };
  const ctx: DocumentContext = { headings: [], sections: [], tables: [], spans: [], reportYear: current.year, periodYears: [], lines: [], end: at, identity, previous, record: current, proseThreshold: options.proseThreshold };
  const found: Finding[] = [];
  checkDocument(ctx, 'previous', found);
  return sorted(found);
}

/** A report's own diagnostics and its cross-year ones as one sorted list. */
export function withCrossYear(own: Diagnostic[], cross: Diagnostic[]): Diagnostic[] {
  return merge(own, cross);
}

/** Merges two sorted lists; on a tie the first list's item comes first (as a stable sort would). */
function merge(a: Diagnostic[], b: Diagnostic[]): Diagnostic[] {
  if (!b.length) return a;
  const out: Diagnostic[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compareDiagnostics(a[i], b[j]) <= 0 ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}
