// Putting the segments together: the report's sections and tables, and the document rules of
// the registry (sections present and in order, required tables, the period's year).

import type { Analysis } from './analysis.js';
import { mergeSorted, type Diagnostic, type Finding } from './diagnostics.js';
import { gather } from './gather.js';
import type { Range, YearMention } from './model.js';
import { checkDocument, documentParts, sortedFindings } from './rules/registry.js';
import type { DocumentContext, PreviousReport } from './rules/rule.js';
import type { SegmentResult } from './segment.js';
import { proseOf } from './rules/prose.js';
import { ObjectSlot } from './recent.js';
import { reportIdentity, type ReportIdentity } from './years/identity.js';
import type { YearRecord } from './years/record.js';
import { TITLE_YEAR_LINES } from './windows.js';
import { keptOn, memoized, newMemo, type RuleMemo } from './rules/memo.js';

export type { Analysis, Section } from './analysis.js';

/** A memoized rule's findings sorted, kept per array: the memo hands the same array while the rule's inputs are the same. */
const sortedParts = new ObjectSlot<Finding[], Diagnostic[]>('sorted');
function sortedPart(part: Finding[]): Diagnostic[] {
  let out = sortedParts.get(part);
  if (!out) sortedParts.set(part, (out = sortedFindings(part)));
  return out;
}

/**
 * The analysis from the segments' results (in document lines, in line order) and the document
 * rules; `memo` the rules' results kept from the model's last analysis (none: a fresh one).
 */
export function assemble(segments: SegmentResult[], lines: readonly string[], memo: RuleMemo = newMemo(), name?: string): Analysis {
  const count = lines.length;
  const lastLength = lines[count - 1]?.length ?? 0;
  const { headings, sections, tables, titleYears, periodYears, format, own } = gather(segments, count, memo);
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
    return sortedFindings(found);
  });
  // The document-wide findings merged once while every kept rule's findings are the same arrays
  // (an edit of a number in a document of many reports leaves them all), and each rule's sorted
  // once: sorting a thousand findings on every edit grew with the document (bench c).
  const { kept, fresh } = documentParts(ctx, 'rest');
  const documentWide = keptOn(memo, 'document:sorted', [byHeadings, ...kept], () => kept.reduce<Diagnostic[]>((all, part) => mergeSorted(all, sortedPart(part)), byHeadings));
  const claims = proseOf(ctx).readings;
  return { lineCount: count, headings, sections, tables, diagnostics: mergeSorted(own, mergeSorted(documentWide, sortedFindings(fresh))), reportYear, format, identity, claims };
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
  const end: Range = { start: { line: lines.length - 1, character: lines[lines.length - 1]?.length ?? 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1]?.length ?? 0 } };
  const identity = analysis.identity;
  const ctx: DocumentContext = { headings: analysis.headings, sections: analysis.sections, tables: analysis.tables, spans: analysis.tables, reportYear: analysis.reportYear, periodYears: [] as YearMention[], lines, end, identity, previous, proseThreshold: options.proseThreshold };
  const found: Finding[] = [];
  checkDocument(ctx, 'previous', found);
  return sortedFindings(found);
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
  return sortedFindings(found);
}

/** A report's own diagnostics and its cross-year ones as one sorted list. */
export function withCrossYear(own: Diagnostic[], cross: Diagnostic[]): Diagnostic[] {
  return mergeSorted(own, cross);
}

