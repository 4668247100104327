// What the cross-year and section-content rules return: findings shaped like the core's
// diagnostics, with the cell key, and related locations that may sit in another file (last
// year's report). Types only; the rules' ids, severities and texts are in rules.ts.

import type { Localized, RepeatedDetails, Severity } from '../diagnostics.js';
import type { Range } from '../model.js';

export type YearsRuleId = 'carryover-mismatch' | 'valid-count-chain' | 'prose-repeated' | 'section-empty' | 'section-fee';

/** A place in another report (or this one, when `path` is absent) that a finding refers to. */
export interface RelatedLocation {
  /** The other report's path as the caller gave it; absent for a place in this report. */
  path?: string;
  range: Range;
  /** The cell key there, when the place is a cell. */
  cell?: string;
  message: Localized;
}

export type { RepeatedDetails, RepeatedPassage } from '../diagnostics.js';

export interface Finding {
  rule: YearsRuleId;
  severity: Severity;
  message: Localized;
  range: Range;
  /** The cell key of `range`, when the finding is about a cell. */
  cell?: string;
  expected?: number;
  actual?: number;
  related?: RelatedLocation[];
  /** prose-repeated: the share and the passages, for a hover. */
  details?: RepeatedDetails;
  // No fix: carryover-mismatch and valid-count-chain are about input cells (which year is wrong
  // is the user's call, and a fix never changes an input), the others about prose.
}
