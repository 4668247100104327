// The rules of years/: id, default severity, whether they need last year's report, and their
// summary and README example in both languages, for the rule registry. And the one constructor
// of findings, which takes the severity from here.

import type { Range } from '../model.js';
import type { Localized, Severity } from '../diagnostics.js';
import type { Finding, YearsRuleId } from './findings.js';
import { ruleText } from './messages.js';

export interface YearsRuleInfo {
  id: YearsRuleId;
  severity: Severity;
  /** Needs last year's report. */
  crossYear: boolean;
  summary: Localized;
  /** What triggers it, for the README. */
  example: Localized;
}

export const YEARS_RULES: YearsRuleInfo[] = [
  { id: 'carryover-mismatch', severity: 'warning', crossYear: true, ...ruleText['carryover-mismatch'] },
  { id: 'valid-count-chain', severity: 'information', crossYear: true, ...ruleText['valid-count-chain'] },
  { id: 'prose-repeated', severity: 'information', crossYear: true, ...ruleText['prose-repeated'] },
  { id: 'section-empty', severity: 'warning', crossYear: false, ...ruleText['section-empty'] },
  { id: 'section-fee', severity: 'information', crossYear: false, ...ruleText['section-fee'] },
];

export const YEARS_RULE_BY_ID = new Map(YEARS_RULES.map((r) => [r.id, r]));

export function finding(rule: YearsRuleId, range: Range, message: Localized, extra: Omit<Partial<Finding>, 'rule' | 'severity' | 'range' | 'message'> = {}): Finding {
  return { rule, severity: YEARS_RULE_BY_ID.get(rule)!.severity, message, range, ...extra };
}
