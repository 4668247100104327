// Recognises a government information disclosure annual report (政府信息公开工作年度报告) by its
// content, so a plain `.txt` draft can be switched to the `disclosure-report` language.
// No `vscode` import: this module is unit-tested on its own (test/client-detect.test.ts). The
// words come from the format (server/src/core/format/f2021.ts), as the server's headings take them.

import { SECTIONS, TABLE3 } from '../../server/src/core/format/f2021';

/** The six sections' key fragments and table 三's first row label, from the core's format data (f2021.ts imports only types: nothing of the server comes with it). */
const SECTION_KEYS: readonly (readonly string[])[] = SECTIONS.map((s) => s.keys);
const TABLE_THREE_LABEL = TABLE3.rows.find((r) => r.role === 'new')!.text;

/** A heading is a short line; longer lines are prose that may merely mention a title. */
const MAX_HEADING_LENGTH = 40;

/** Only the start of a very large file is looked at, so detection stays cheap. */
const MAX_SCAN_CHARS = 400_000;

/** How many distinct section titles make a report. */
export const MIN_SECTION_TITLES = 3;

export interface Detection {
  /** True when the text looks like a disclosure report. */
  isReport: boolean;
  /** Indexes into the six section titles that were found as headings. */
  sections: number[];
  /** True when a line holds the table-三 row label 本年新收政府信息公开申请数量. */
  tableThreeLabel: boolean;
}

/**
 * Full-width forms to half-width (NFKC), ideographic and other spaces removed, and the list
 * commas, brackets and enumeration marks made uniform, so 「行政复议，行政诉讼情况」 and
 * 「行政复议 、 行政诉讼 情况」 compare equal to the official wording.
 */
export function normalizeLine(line: string): string {
  return line
    .normalize('NFKC')
    .replace(/[\s\u200b\u200c\u200d\ufeff|]+/g, '')
    .replace(/[,，、;；]/g, '、');
}

/** Which of the six sections a (normalised) heading line names (it holds every key fragment of one), or -1. */
function sectionOf(line: string): number {
  if (line.length === 0 || line.length > MAX_HEADING_LENGTH) return -1;
  return SECTION_KEYS.findIndex((keys) => keys.every((k) => line.includes(k)));
}

/** Looks at the text and tells whether it is a disclosure report, and why. */
export function detectReport(text: string): Detection {
  const scanned = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
  const found = new Set<number>();
  let tableThreeLabel = false;
  for (const raw of scanned.split(/\r\n|\r|\n/)) {
    const line = normalizeLine(raw);
    if (line.length === 0) continue;
    if (!tableThreeLabel && line.includes(TABLE_THREE_LABEL)) tableThreeLabel = true;
    const s = sectionOf(line);
    if (s >= 0) found.add(s);
  }
  const sections = [...found].sort((a, b) => a - b);
  return { isReport: tableThreeLabel || sections.length >= MIN_SECTION_TITLES, sections, tableThreeLabel };
}

/** True when the text looks like a disclosure report. */
export function looksLikeReport(text: string): boolean {
  return detectReport(text).isReport;
}

/** True for file names that content detection should look at (plain `.txt`, not already `.report.txt`). */
export function isCandidateFileName(path: string): boolean {
  const lower = path.toLowerCase();
  return lower.endsWith('.txt') && !lower.endsWith('.report.txt');
}
