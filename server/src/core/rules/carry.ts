// When the prose's inputs are as they were: what the rules that `reads: 'prose'` (registry.ts)
// see, and what their results are kept on (memo.ts). Those results (the prose's claims,
// enumeration-sum, section-empty, the slips …) depend on the prose lines, the tables' line spans,
// the report's office and year (title, preamble, signature, period statement, years named) and
// the sections' text, and not on the numbers in table cells. An edit that only rewrote one number
// of a table cell (ReportModel's patched path) leaves all of that as it was, unless the line it
// rewrote is one those readers look at for other reasons: checked here on the line before and
// after, so that the kept results equal a fresh reading.

import * as PROSE from '../format/prose.js';
import { PAGE_MARK } from '../format/years.js';
import { namesFirstHeading } from '../prose/scope.js';
import { SIGNATURE_LINES, TITLE_SCAN } from '../windows.js';

const FOLD = /[\uff10-\uff19]/g;
const fold = (s: string) => s.replace(FOLD, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
/** A year (the title's, the period's, a date line's, the years readYear counts). */
const YEARISH = /(?:19|20)\d\d/;

/**
 * Whether rewriting table line `i` from `before` to `after` (one cell's number, the tables' spans
 * unchanged) leaves the prose rules' inputs as they were. `lines` are the lines after the edit;
 * `firstHeading` the line of the analysis's first heading (or -1).
 */
export function proseUnaffected(lines: readonly string[], i: number, before: string, after: string, firstHeading: number): boolean {
  // The title and preamble: readTitle reads the first TITLE_SCAN lines, readOffice those above its
  // first 总体情况 line (at or above the first heading when that heading names it).
  if (i < TITLE_SCAN || firstHeading < 0 || i <= firstHeading) return false;
  if (!namesFirstHeading(lines[firstHeading] ?? '')) return false;
  // Years (title, period, date lines, the years counted) and the period's words.
  const b = fold(before);
  const a = fold(after);
  if (YEARISH.test(b) || YEARISH.test(a) || PROSE.PERIOD_WORDS.some((w) => before.includes(w) || after.includes(w))) return false;
  // Page marks are left out of a section's text.
  if (PAGE_MARK.test(before.trim()) !== PAGE_MARK.test(after.trim())) return false;
  // The signature: readOffice reads the last SIGNATURE_LINES lines with text.
  let seen = 0;
  for (let j = lines.length - 1; j > i && seen < SIGNATURE_LINES; j--) if (lines[j].trim()) seen++;
  return seen >= SIGNATURE_LINES;
}
