// What a rule is: its id, default severity, summary and example (from the message catalogue),
// its scope and its check. Table rules look at one table as read (the arithmetic ones in the
// report's format); document rules at the whole report, and may ask for last year's report.
// The registry (registry.ts) lists them all.

import type { Finding, RuleId, Severity } from '../diagnostics.js';
import type { Format } from '../format/index.js';
import type { Localized } from '../i18n.js';
import type { Analysis, Section } from '../analysis.js';
import type { Heading, Range, Table, YearMention } from '../model.js';
import type { ReportIdentity } from '../years/identity.js';
import type { RuleMemo } from './memo.js';
import type { YearRecord } from '../years/record.js';

interface RuleBase {
  id: RuleId;
  severity: Severity;
  summary: Localized;
  /** A line of a draft that triggers the rule (README, docs). */
  example: string;
  /** One of the contract's arithmetic rules (an identity; expected/actual, recomputable). */
  arithmetic: boolean;
}

/**
 * A rule over one table as read. Its check is absent for the recognition rules (row-missing,
 * cells-missing, label-wording …): the table's reader reports those while it reads. A check that
 * `reads: 'format'` is given the format the report is in (its identities: the arithmetic rules),
 * which the report's table 二 decides, so it runs when the segments are assembled; the others
 * run when the table is read.
 */
export type TableRule = RuleBase & { scope: 'table' } & (
  | { reads?: undefined; check?: (table: Table) => Finding[] }
  | { reads: 'format'; check: (table: Table, format: Format) => Finding[] }
);

/**
 * Last year's report, for the rules that compare with it: its analysis and lines, or only its
 * year record (yearRecord: what those rules read of it; a batch keeps no more of a report).
 */
export type PreviousReport = {
  /** Where it was read from (a path or a URI): `related` locations and messages name it. */
  source: string;
} & ({ analysis: Analysis; lines: readonly string[] } | { record: YearRecord });

/** Where a table stands in the text, without its cells. */
export interface TableSpan {
  startLine: number;
  endLine: number;
}

/** What a document rule sees: the report as assembled, its text, and maybe last year's report. */
export interface DocumentContext {
  headings: Heading[];
  sections: Section[];
  tables: Table[];
  /** The tables' line spans (which lines are not prose). */
  spans: readonly TableSpan[];
  reportYear: number | null;
  /** The years the first sentence about the statistical period names. */
  periodYears: YearMention[];
  /** The text's lines (without line ends). */
  lines: readonly string[];
  /** The point at the end of the text (where a missing section is reported when nothing follows). */
  end: Range;
  /** The report's office and year (title, period statement, file name). */
  identity: ReportIdentity;
  previous?: PreviousReport;
  /**
   * This report's year record when the context is built from records (crossCheckRecords): the
   * cross-year rules read it instead of the tables, headings and lines, which are then empty.
   */
  record?: YearRecord;
  /** prose-repeated's threshold, a share in [0, 1] (default 0.5). */
  proseThreshold?: number;
  /** The results kept from the last analysis by what they read (memo.ts); absent: nothing kept. */
  memo?: RuleMemo;
}

/**
 * What a rule that `reads: 'prose'` sees: the report without its tables' cells (their spans only)
 * and without last year's report. The runner hands it a context whose `tables` throws.
 */
export type ProseContext = Omit<DocumentContext, 'tables' | 'previous' | 'proseThreshold'>;

/**
 * What a document rule's check reads, declared once in the registry: the runner reuses its
 * findings while those inputs stay the same (memo.ts), and hands it only what it declared.
 * - `'headings'`: the headings, the tables' presence and the end of the text;
 * - `'prose'`: the text outside the tables' cells, the title, signature, years and headings
 *   (ProseContext: `tables` throws when read);
 * - `'prose+tables'`: those and the first table of each kind (`tables` holds only those);
 * - `'all'`: anything of the report; run at every analysis;
 * - `'previous'`: last year's report too; run only when one is given (`crossCheck`).
 */
export type DocumentReads = 'headings' | 'prose' | 'prose+tables' | 'all' | 'previous';

interface DocumentRuleBase extends RuleBase {
  scope: 'document';
}

export type DocumentRule = DocumentRuleBase & (
  | { reads: 'prose'; check: (ctx: ProseContext) => Finding[] }
  | { reads: Exclude<DocumentReads, 'prose'>; check: (ctx: DocumentContext) => Finding[] }
);

/** A rule found by applying the configuration file to a report's findings (reviewed-stale). */
export interface ConfigRule extends RuleBase {
  scope: 'config';
}

/** A rule found over a batch of reports (prose-copied: core/copied), not by reading one report. */
export interface BatchRule extends RuleBase {
  scope: 'batch';
}

export type Rule = TableRule | DocumentRule | ConfigRule | BatchRule;
