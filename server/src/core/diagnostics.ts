// Diagnostics as the core produces them: rule id, severity, a message in both languages, an
// exact range, and for arithmetic rules the expected and actual values. The CLI and the
// language server only choose the language and the wire format.

import type { CellKey } from './format/index.js';
import type { Localized } from './i18n.js';
import type { Range } from './model.js';

export type { Locale, Localized } from './i18n.js';
export { pick, resolveLocale } from './i18n.js';
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: Localized;
  edits: TextEdit[];
  /**
   * `'prose'`: the fix rewrites the user's prose (a prose number to the table's value, a stated
   * total to the sum of its parts). Which side is wrong is the author's call, so such a fix is
   * offered only as a quick fix the user picks: never preferred, never part of `--fix`,
   * recompute or `source.fixAll` (those only ever apply the fixer's recompute of derived cells).
   */
  changes?: 'prose';
}

export interface RelatedInfo {
  /** Another report's path (or URI) as the caller named it; absent for a place in this report. */
  path?: string;
  range: Range;
  /** The cell key there, when the place is a cell (`t3.carryOver.total`). */
  cell?: CellKey;
  message: Localized;
}

/** prose-repeated's details (core/years): a passage of this year's prose found in last year's. */
export interface RepeatedPassage {
  /** The passage as this year's report writes it. */
  text: string;
  /** Where it is in this year's report. */
  range: Range;
  /** Where it is in last year's report. */
  previousRange: Range;
  /** Its length in characters (white space excluded). */
  length: number;
}

export interface RepeatedDetails {
  /** Repeated sentences / counted sentences, in [0, 1]. */
  share: number;
  repeated: number;
  counted: number;
  /** The longest runs of repeated sentences, longest first (at most three). */
  passages: RepeatedPassage[];
}

/**
 * The cell an arithmetic diagnostic's failure is likely due to (CONTRACT.md, "Suspect cells"):
 * one cell explains every failing identity of its table, and `value` makes them all hold.
 */
export interface Suspect {
  cell: CellKey;
  value: number;
  /** The cell as written, and its label (row / column). */
  written: string;
  label: Localized;
  /** How many failing identities it explains (two or more). */
  explains: number;
}

export interface Diagnostic {
  rule: RuleId;
  severity: Severity;
  message: Localized;
  range: Range;
  expected?: number;
  actual?: number;
  related?: RelatedInfo[];
  /**
   * A quick fix: one right answer for a cell or a label (never an input number), or, marked
   * `changes: 'prose'`, the prose rewritten to agree with the table (quick fix only).
   */
  fix?: Fix;
  /** The key of the cell the diagnostic is about (an arithmetic rule's anchor), `t3.new.total`. */
  cell?: CellKey;
  /** The key of the row a row-wide diagnostic is about, `t3.new`. */
  row?: string;
  /** An arithmetic diagnostic's likely mistyped cell, when one cell explains every failure of its table. */
  suspect?: Suspect;
  /** prose-repeated: the share, the counts and the longest repeated passages (for a hover). */
  details?: RepeatedDetails;
}

/** A diagnostic as a reader or a rule's check makes it; the runner adds the rule's severity. */
export type Finding = Omit<Diagnostic, 'severity'> & { severity?: Severity };

export type RuleId =
  | 'request-row-total'
  | 'request-outcome-total'
  | 'request-balance'
  | 'review-total'
  | 'litigation-total'
  | 'section-missing'
  | 'section-duplicate'
  | 'section-order'
  | 'section-title'
  | 'table-missing'
  | 'row-missing'
  | 'row-unknown'
  | 'cells-missing'
  | 'cells-extra'
  | 'cell-blank'
  | 'cell-placeholder'
  | 'cell-unit'
  | 'cell-not-number'
  | 'cell-fullwidth-digits'
  | 'count-negative'
  | 'count-fractional'
  | 'label-wording'
  | 'period-year'
  | 'format-2019'
  | 'prose-table-mismatch'
  | 'enumeration-sum'
  | 'carryover-mismatch'
  | 'valid-count-chain'
  | 'prose-repeated'
  | 'prose-copied'
  | 'section-empty'
  | 'section-fee'
  | 'word-repeated'
  | 'punctuation-halfwidth'
  | 'brackets-unpaired'
  | 'sentence-unfinished'
  | 'report-deadline'
  | 'outline-numbering'
  | 'prose-zero-claim'
  | 'reviewed-stale';

export function diag(
  rule: RuleId,
  range: Range,
  message: Localized,
  extra: Partial<Pick<Diagnostic, 'expected' | 'actual' | 'related' | 'fix' | 'cell' | 'row' | 'details'>> = {},
): Finding {
  return { rule, message, range, ...extra };
}

export function compareDiagnostics(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

/**
 * Merges two sorted lists; on a tie the first list's item comes first (as a stable sort would).
 * When one list is short beside the other (a few document-wide findings into a thousand of the
 * segments', or one segment's few into the thousands of a document of many reports, bench c), each
 * of its items finds its place in the long one by galloping, and the long one is copied between.
 */
export function mergeSorted<T extends Finding>(a: T[], b: T[]): T[] {
  if (!b.length) return a;
  // A copy, not `b` itself: the caller may hand `b` on again (a kept rule's findings).
  if (!a.length) return b.slice();
  if (b.length * 16 <= a.length) return placedInto(a, b, false);
  if (a.length * 16 <= b.length) return placedInto(b, a, true);
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compareDiagnostics(a[i], b[j]) <= 0 ? a[i++] : b[j++]);
  while (j < b.length) out.push(b[j++]);
  while (i < a.length) out.push(a[i++]);
  return out;
}

/** The short sorted list `few` merged into `many`; `fewFirst`: `few` is the first list (its items go first on a tie). */
function placedInto<T extends Finding>(many: T[], few: T[], fewFirst: boolean): T[] {
  const out: T[] = new Array(many.length + few.length);
  const before = (y: T, x: T) => (fewFirst ? compareDiagnostics(y, x) < 0 : compareDiagnostics(y, x) <= 0);
  let i = 0;
  let o = 0;
  for (const x of few) {
    // The first k ≥ i with many[k] after x (steps of 1, 2, 4…, then halving): many[i..k) go before x.
    let lo = i;
    let step = 1;
    while (lo < many.length && before(many[lo], x)) {
      lo = i + step;
      step *= 2;
    }
    let hi = Math.min(lo, many.length);
    lo = Math.max(i, i + (step >> 2));
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(many[mid], x)) lo = mid + 1;
      else hi = mid;
    }
    while (i < lo) out[o++] = many[i++];
    out[o++] = x;
  }
  while (i < many.length) out[o++] = many[i++];
  return out;
}
