// What the cross-year and section-content rules return: the core's Finding (diagnostics.ts), for
// one of the years rules, made by `finding` without a severity (the registry gives it, as for every
// rule). Related locations may sit in another file (last year's report): RelatedInfo's `path`.

import type { Finding as CoreFinding, Localized, RelatedInfo } from '../diagnostics.js';
import type { Range } from '../model.js';

export type YearsRuleId = 'carryover-mismatch' | 'valid-count-chain' | 'prose-repeated' | 'section-empty' | 'section-fee';

/** A place in another report (or this one, when `path` is absent) that a finding refers to. */
export type RelatedLocation = RelatedInfo;

export type { RepeatedDetails, RepeatedPassage } from '../diagnostics.js';

// No fix: carryover-mismatch and valid-count-chain are about input cells (which year is wrong
// is the user's call, and a fix never changes an input), the others about prose.
export type Finding = Omit<CoreFinding, 'fix'> & { rule: YearsRuleId };

type Extra = Pick<Finding, 'cell' | 'expected' | 'actual' | 'related' | 'details'>;

/** A finding of a years rule (the fields of `extra` that are set). */
export function finding(rule: YearsRuleId, range: Range, message: Localized, extra: Partial<Extra> = {}): Finding {
  const out: Finding = { rule, message, range };
  for (const k of Object.keys(extra) as (keyof Extra)[]) if (extra[k] !== undefined) Object.assign(out, { [k]: extra[k] });
  return out;
}
