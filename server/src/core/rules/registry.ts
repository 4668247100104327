// Every rule in one list: id, default severity, summary and example (from messages.ts), scope,
// what it reads and its check. The segment parser runs the table rules on each table it reads,
// the assembler those that read the report's format (the arithmetic rules) and the document
// rules, each document rule's findings kept by what its entry says it reads (memo.ts) and its
// check handed only that (a `'prose'` rule's `tables` throws); the package.json severity setting
// and the README rule table are tested against this list (test/core-registry.test.ts). To add a
// rule: give it an id in RuleId (diagnostics.ts), its texts in RULE_TEXT (messages.ts), and an
// entry here.

import { compareDiagnostics, type Diagnostic, type Finding, type RuleId, type Severity } from '../diagnostics.js';
import type { Format } from '../format/index.js';
import { RULE_TEXT } from '../messages.js';
import { firstTables } from '../keys.js';
import type { Table } from '../model.js';
import { arithmeticCheck } from './arithmetic.js';
import { blankCells, cellProblem, writtenAs } from './cellValues.js';
import { memoized } from './memo.js';
import type { DocumentContext, DocumentReads, DocumentRule, ProseContext, Rule, TableRule, TableSpan } from './rule.js';
import { periodYear, sectionDuplicate, sectionMissing, sectionOrder, sectionTitle, tableMissing } from './sections.js';
import { enumerationSumRule, proseTableMismatchRule } from './prose.js';
import { reportDeadlineRule } from './deadline.js';
import { outlineNumberingRule } from './outline.js';
import { proseZeroClaimRule } from './zeroClaims.js';
import { bracketsUnbalancedRule, punctuationHalfwidthRule, sentenceUnfinishedRule, wordRepeatedRule } from './slips.js';
import { carryoverMismatchRule, proseRepeatedRule, sectionEmptyRule, sectionFeeRule, validCountChainRule } from './years.js';
import { extend } from '../shape.js';

type Entry =
  | { scope: 'table'; severity: Severity; check?: (table: Table) => Finding[] }
  | { scope: 'table'; severity: Severity; arithmetic: true; reads: 'format'; check: (table: Table, format: Format) => Finding[] }
  | { scope: 'document'; severity: Severity; reads: 'prose'; check: (ctx: ProseContext) => Finding[] }
  | { scope: 'document'; severity: Severity; reads: Exclude<DocumentReads, 'prose'>; check: (ctx: DocumentContext) => Finding[] }
  | { scope: 'config'; severity: Severity }
  | { scope: 'batch'; severity: Severity };

/** Keyed by id, so that the compiler holds every RuleId to exactly one entry. */
const ENTRIES: { [id in RuleId]: Entry } = {
  'request-row-total': { scope: 'table', severity: 'error', arithmetic: true, reads: 'format', check: arithmeticCheck('request-row-total') },
  'request-outcome-total': { scope: 'table', severity: 'error', arithmetic: true, reads: 'format', check: arithmeticCheck('request-outcome-total') },
  'request-balance': { scope: 'table', severity: 'error', arithmetic: true, reads: 'format', check: arithmeticCheck('request-balance') },
  'review-total': { scope: 'table', severity: 'error', arithmetic: true, reads: 'format', check: arithmeticCheck('review-total') },
  'litigation-total': { scope: 'table', severity: 'error', arithmetic: true, reads: 'format', check: arithmeticCheck('litigation-total') },
  'section-missing': { scope: 'document', severity: 'error', reads: 'headings', check: sectionMissing },
  'section-duplicate': { scope: 'document', severity: 'error', reads: 'headings', check: sectionDuplicate },
  'section-order': { scope: 'document', severity: 'error', reads: 'headings', check: sectionOrder },
  'section-title': { scope: 'document', severity: 'warning', reads: 'headings', check: sectionTitle },
  'table-missing': { scope: 'document', severity: 'error', reads: 'all', check: tableMissing },
  'row-missing': { scope: 'table', severity: 'error' },
  'row-unknown': { scope: 'table', severity: 'warning' },
  'cells-missing': { scope: 'table', severity: 'error' },
  'cells-extra': { scope: 'table', severity: 'warning' },
  'cell-blank': { scope: 'table', severity: 'warning', check: blankCells },
  // A warning: reading a placeholder as 0 is an interpretation the office should confirm (and the
  // format prints numbers), yet the table is read and its identities checked.
  'cell-placeholder': { scope: 'table', severity: 'warning', check: writtenAs('placeholder') },
  // Information: the number is certain and checked; only its writing differs from the format's.
  'cell-unit': { scope: 'table', severity: 'information', check: writtenAs('unit') },
  'cell-not-number': { scope: 'table', severity: 'error', check: cellProblem('not-number') },
  'cell-fullwidth-digits': { scope: 'table', severity: 'warning', check: cellProblem('fullwidth') },
  'count-negative': { scope: 'table', severity: 'error', check: cellProblem('negative') },
  'count-fractional': { scope: 'table', severity: 'error', check: cellProblem('fractional') },
  'label-wording': { scope: 'table', severity: 'warning' },
  'period-year': { scope: 'document', severity: 'error', reads: 'all', check: periodYear },
  'format-2019': { scope: 'table', severity: 'information' },
  'prose-table-mismatch': { scope: 'document', severity: 'warning', reads: 'prose+tables', check: proseTableMismatchRule },
  // A category named twice in one enumeration comes as information (the finding says so).
  'enumeration-sum': { scope: 'document', severity: 'warning', reads: 'prose', check: enumerationSumRule },
  'carryover-mismatch': { scope: 'document', severity: 'warning', reads: 'previous', check: carryoverMismatchRule },
  'valid-count-chain': { scope: 'document', severity: 'information', reads: 'previous', check: validCountChainRule },
  'prose-repeated': { scope: 'document', severity: 'information', reads: 'previous', check: proseRepeatedRule },
  // Found over a batch (core/copied: `check` over many reports, Check All Reports), not in one report.
  'prose-copied': { scope: 'batch', severity: 'information' },
  'section-empty': { scope: 'document', severity: 'warning', reads: 'prose', check: sectionEmptyRule },
  'section-fee': { scope: 'document', severity: 'information', reads: 'prose', check: sectionFeeRule },
  // Slips of the pen (slips.ts): information, and a hint for the punctuation's width.
  'word-repeated': { scope: 'document', severity: 'information', reads: 'prose', check: wordRepeatedRule },
  'punctuation-halfwidth': { scope: 'document', severity: 'hint', reads: 'prose', check: punctuationHalfwidthRule },
  'brackets-unpaired': { scope: 'document', severity: 'information', reads: 'prose', check: bracketsUnbalancedRule },
  'sentence-unfinished': { scope: 'document', severity: 'information', reads: 'prose', check: sentenceUnfinishedRule },
  // The publication deadline (deadline.ts): a warning, assessors deduct for a late report.
  'report-deadline': { scope: 'document', severity: 'warning', reads: 'prose', check: reportDeadlineRule },
  // The outline's numbering (outline.ts): a warning, a misnumbered outline is a layout deduction.
  'outline-numbering': { scope: 'document', severity: 'warning', reads: 'prose', check: outlineNumberingRule },
  // The prose saying none happened while the tables count some (zeroClaims.ts): a warning at the prose.
  'prose-zero-claim': { scope: 'document', severity: 'warning', reads: 'prose+tables', check: proseZeroClaimRule },
  // Found by applying the configuration file (config/apply.ts), not by reading the report.
  'reviewed-stale': { scope: 'config', severity: 'information' },
};

export const RULES: Rule[] = (Object.keys(ENTRIES) as RuleId[]).map((id) => {
  const e = ENTRIES[id];
  const base = { id, severity: e.severity, summary: RULE_TEXT[id].summary, example: RULE_TEXT[id].example };
  if (e.scope === 'table') return 'reads' in e ? { ...base, scope: 'table', arithmetic: true, reads: e.reads, check: e.check } : { ...base, scope: 'table', arithmetic: false, check: e.check };
  if (e.scope === 'config') return { ...base, scope: 'config', arithmetic: false };
  if (e.scope === 'batch') return { ...base, scope: 'batch', arithmetic: false };
  // The same object either way: the branches only let the compiler pair `reads` with its check's context.
  return e.reads === 'prose' ? { ...base, scope: 'document', arithmetic: false, reads: e.reads, check: e.check } : { ...base, scope: 'document', arithmetic: false, reads: e.reads, check: e.check };
});

export const RULE_BY_ID = new Map<RuleId, Rule>(RULES.map((r) => [r.id, r]));
export const ARITHMETIC_RULES = new Set(RULES.filter((r) => r.arithmetic).map((r) => r.id));

type TableCheck = { check: (table: Table) => Finding[] };
type FormatCheck = { check: (table: Table, format: Format) => Finding[] };
const TABLE_CHECKS = RULES.filter((r): r is TableRule & TableCheck => r.scope === 'table' && !r.reads && !!r.check);
const FORMAT_CHECKS = RULES.filter((r): r is TableRule & FormatCheck => r.scope === 'table' && r.reads === 'format');
const DOCUMENT_RULES = RULES.filter((r): r is DocumentRule => r.scope === 'document');

/** A finding with its rule's default severity (findings are made without one). */
export function withSeverity(f: Finding): Finding & { severity: Severity } {
  if (!f.severity) f.severity = RULE_BY_ID.get(f.rule)!.severity;
  return f as Finding & { severity: Severity };
}

/** Findings with their severities, in document order. */
export function sortedFindings(found: Finding[]): Diagnostic[] {
  return found.map(withSeverity).sort(compareDiagnostics);
}

/** The findings on one table of the table rules that do not read the report's format. */
export function checkTable(t: Table, out: Finding[]): void {
  for (const r of TABLE_CHECKS) for (const d of r.check(t)) out.push(d);
}

/** The findings on one table of the table rules that read the report's format (the arithmetic rules). */
export function checkTableIn(t: Table, format: Format, out: Finding[]): void {
  for (const r of FORMAT_CHECKS) for (const d of r.check(t, format)) out.push(d);
}

/** The document rules of `which` group: the headings-only ones, the others, or those needing last year's report. */
export function checkDocument(ctx: DocumentContext, which: 'headings' | 'rest' | 'previous', out: Finding[]): void {
  const { kept, fresh } = documentParts(ctx, which);
  for (const part of kept) for (const d of part) out.push(d);
  for (const d of fresh) out.push(d);
}

/**
 * The findings of `which` group's document rules, in two: `kept`, each memoized rule's own array
 * (the same array object while what the rule reads is the same, memo.ts), and `fresh`, those of
 * the rules that run on every analysis. Findings of two rules never compare equal
 * (compareDiagnostics ends on the rule), so sorting the two apart and merging orders them as one sort.
 */
export function documentParts(ctx: DocumentContext, which: 'headings' | 'rest' | 'previous'): { kept: Finding[][]; fresh: Finding[] } {
  let spans: TableSpan[] | undefined;
  const spansOf = () => (spans ??= spanCopies(ctx));
  const kept: Finding[][] = [];
  const fresh: Finding[] = [];
  for (const r of DOCUMENT_RULES) {
    const group = r.reads === 'headings' || r.reads === 'previous' ? r.reads : 'rest';
    if (group !== which || (group === 'previous' && !ctx.previous)) continue;
    const found = runDocumentRule(r, ctx, spansOf);
    if (isMemoized(r) && ctx.memo) kept.push(found);
    else for (const d of found) fresh.push(d);
  }
  return { kept, fresh };
}

/** Whether runDocumentRule keeps this rule's findings in the memo. */
const isMemoized = (r: DocumentRule): boolean => r.reads === 'prose' || r.reads === 'prose+tables' || r.reads === 'headings';

/**
 * One document rule's findings, kept by what it declares it reads (memo.ts) and its check handed
 * only that: a `'prose'` rule a context whose `tables` throws, a `'prose+tables'` rule the first
 * table of each kind. `spans` the tables' spans as copies (made once per analysis).
 */
export function runDocumentRule(r: DocumentRule, ctx: DocumentContext, spans = () => spanCopies(ctx)): Finding[] {
  switch (r.reads) {
    case 'prose':
      return memoized(ctx, r.id, 'prose', () => r.check(proseView(ctx, r.id, spans())));
    case 'prose+tables':
      return memoized(ctx, r.id, 'prose+tables', () => r.check(extend(ctx, { tables: firstTables(ctx.tables) })));
    case 'headings':
      return memoized(ctx, r.id, 'headings', () => r.check(ctx));
    default:
      return r.check(ctx);
  }
}

/** The tables' spans without the tables (a span is not a way back to its cells). */
const spanCopies = (ctx: DocumentContext): TableSpan[] => ctx.spans.map((t) => ({ startLine: t.startLine, endLine: t.endLine }));

/**
 * The report as rule `id`, which `reads: 'prose'`, sees it: the tables' spans, and `tables` (and
 * last year's report) throwing. A class, so that the view is an ordinary object for the rules
 * that read it (getters defined on the object itself made it a slow dictionary-mode one).
 */
class ProseView implements ProseContext {
  readonly headings: DocumentContext['headings'];
  readonly sections: DocumentContext['sections'];
  readonly reportYear: DocumentContext['reportYear'];
  readonly periodYears: DocumentContext['periodYears'];
  readonly lines: DocumentContext['lines'];
  readonly end: DocumentContext['end'];
  readonly identity: DocumentContext['identity'];
  readonly memo: DocumentContext['memo'];
  constructor(
    ctx: DocumentContext,
    private readonly id: RuleId,
    readonly spans: TableSpan[],
  ) {
    this.headings = ctx.headings;
    this.sections = ctx.sections;
    this.reportYear = ctx.reportYear;
    this.periodYears = ctx.periodYears;
    this.lines = ctx.lines;
    this.end = ctx.end;
    this.identity = ctx.identity;
    this.memo = ctx.memo;
  }
  get tables(): never {
    return this.wrong('the tables');
  }
  get previous(): never {
    return this.wrong('last year’s report');
  }
  private wrong(what: string): never {
    throw new Error(`${this.id} declares reads: 'prose' (rules/registry.ts) and read ${what}: declare what it reads ('prose+tables', 'all')`);
  }
}

const proseView = (ctx: DocumentContext, id: RuleId, spans: TableSpan[]): ProseContext => new ProseView(ctx, id, spans);
