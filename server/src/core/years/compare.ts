// The cross-year rules together: one report against last year's, in the order the rules are
// listed (carry-over, valid-count chain, repeated prose). What a check runs once it has a pair.

import type { Range } from '../model.js';
import { carryoverMismatch, validCountChain, type YearSide } from './crossYear.js';
import type { Finding } from './findings.js';
import { proseRepeated, type ProseInput } from './prose.js';
import { sectionEmpty, sectionFee, type SectionHeading } from './sections.js';

/** One year's report for the cross-year rules: its cells by key, its prose, where a whole-report finding goes. */
export interface YearReport extends YearSide {
  prose: ProseInput;
  /** Where prose-repeated sits: the title (ReportIdentity.titleRange) or the first heading. */
  anchor?: Range;
}

export interface CompareOptions {
  /** prose-repeated's threshold (default 0.5). */
  proseThreshold?: number;
}

/** carryover-mismatch, valid-count-chain and prose-repeated of this year's report against last year's. */
export function compareYears(current: YearReport, previous: YearReport, options: CompareOptions = {}): Finding[] {
  return [
    ...carryoverMismatch(current, previous),
    ...validCountChain(current, previous),
    ...proseRepeated(current.prose, previous.prose, { threshold: options.proseThreshold, anchor: current.anchor, previousPath: previous.path }),
  ];
}

/** section-empty and section-fee of one report (the year, when known, exempts reports before 2021 from section-fee). */
export function sectionContent(lines: readonly string[], headings: readonly SectionHeading[], year?: number | null): Finding[] {
  return [...sectionEmpty(lines, headings), ...sectionFee(lines, headings, year)];
}
