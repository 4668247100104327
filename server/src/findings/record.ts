// A report's findings as the outputs list them — the CLI's `check --format sarif|csv`, the editor's
// Findings view and its export: every finding still reported and every reviewed one, each with
// where it is (a table, else a section), its cell or row key, and its review (status, reason, who,
// when). Built from the core's diagnostics after `.disclosure-report.json` (config/apply.ts), so
// that a reviewed finding is listed with its status instead of vanishing. Pure.

import { SECTIONS, TABLE_NAMES, type Analysis, type Diagnostic, type Localized, type Range, type Severity } from '../core/index.js';
import { statusOf, type ReviewedEntry, type ReviewStatus } from '../config/index.js';

export interface FindingReview {
  status: ReviewStatus;
  reason: string;
  reviewer?: string;
  date?: string;
}

export interface FindingRecord {
  rule: string;
  /** As reported (a confirmed finding: information); a settled one: its own severity. */
  severity: Severity;
  message: Localized;
  range: Range;
  cell?: string;
  row?: string;
  expected?: number;
  actual?: number;
  /** The one input cell that explains this arithmetic finding, and the value that makes it hold (core/rules/suspect.ts). */
  suspect?: { cell: string; value: number };
  /** `t2` `t3` `t4` (a table), `s1`…`s6` (a section), `doc` (before the first heading). */
  place: string;
  placeName: Localized;
  review?: FindingReview;
}

export interface ReportFindings {
  /** The report as the output names it: a path as given (CLI) or a URI (editor). */
  path: string;
  office: string;
  year: number | null;
  findings: FindingRecord[];
}

const DOC: Localized = { zh: '全文', en: 'the report' };

/** Where a finding is: the table its key or its line is in, else the section of its line. */
export function placeOf(a: Analysis | undefined, d: Pick<Diagnostic, 'range' | 'cell' | 'row'>): { place: string; placeName: Localized } {
  const key = d.cell ?? d.row;
  const kind = key && /^t[234]\./.test(key) ? (key.slice(0, 2) as 't2' | 't3' | 't4') : undefined;
  if (kind) return { place: kind, placeName: TABLE_NAMES[kind] };
  const line = d.range.start.line;
  const table = a?.tables.find((t) => line >= t.startLine && line <= t.endLine);
  if (table) return { place: table.kind, placeName: TABLE_NAMES[table.kind] };
  const section = a?.sections.find((s) => line >= s.heading.line && line <= s.endLine);
  if (section) {
    const spec = SECTIONS.find((s) => s.id === section.heading.spec.id) ?? section.heading.spec;
    return { place: `s${spec.id}`, placeName: { zh: `${spec.numeral}、${spec.title}`, en: `section ${spec.numeral} (${spec.en})` } };
  }
  return { place: 'doc', placeName: DOC };
}

function record(a: Analysis | undefined, d: Diagnostic, entry?: ReviewedEntry): FindingRecord {
  const r: FindingRecord = { rule: d.rule, severity: d.severity, message: d.message, range: d.range, ...placeOf(a, d) };
  if (d.cell) r.cell = d.cell;
  else if (d.row) r.row = d.row;
  if (d.expected !== undefined) r.expected = d.expected;
  if (d.actual !== undefined) r.actual = d.actual;
  if (d.suspect) r.suspect = { cell: d.suspect.cell, value: d.suspect.value };
  if (entry) {
    r.review = { status: statusOf(entry), reason: entry.reason };
    if (entry.reviewer) r.review.reviewer = entry.reviewer;
    if (entry.date) r.review.date = entry.date;
  }
  return r;
}

const byPosition = (x: FindingRecord, y: FindingRecord) =>
  x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character || (x.rule < y.rule ? -1 : x.rule > y.rule ? 1 : 0);

/**
 * The findings of one report: `kept` (what is still reported, after the config; a confirmed finding
 * is among them) and `reviewed` (every finding an entry matched, as it was before the config), in
 * document order, each once. A confirmed finding is listed as reported (information, its message
 * with the review) and carries its review.
 */
export function reportFindings(
  path: string,
  analysis: Analysis | undefined,
  kept: readonly Diagnostic[],
  reviewed: readonly { d: Diagnostic; entry: ReviewedEntry }[] = [],
): ReportFindings {
  const reviewOf = new Map<string, ReviewedEntry>();
  const keyOf = (d: Pick<Diagnostic, 'rule' | 'range'>) => `${d.rule} ${d.range.start.line}:${d.range.start.character}`;
  for (const x of reviewed) reviewOf.set(keyOf(x.d), x.entry);
  const findings: FindingRecord[] = [];
  const listed = new Set<string>();
  for (const d of kept) {
    const entry = reviewOf.get(keyOf(d));
    findings.push(record(analysis, d, entry));
    listed.add(keyOf(d));
  }
  for (const x of reviewed) if (!listed.has(keyOf(x.d))) findings.push(record(analysis, x.d, x.entry));
  findings.sort(byPosition);
  return { path, office: analysis?.identity.office ?? '', year: analysis?.identity.year ?? null, findings };
}
