// Splitting a line into cells, in every layout users paste: ` | `, tabs, one cell per line
// ending in ` |`, merged-cell debris (`|||`), and PDF text whose cells are runs of spaces.

import { AMOUNT_UNIT_RE, COUNT_UNIT_RE, PAGE_MARK_LINE, PLACEHOLDERS, RUNNING_TITLE_HINT, RUNNING_TITLE_RE, UNIT_RE, VALUE_TOKEN_RE, ZERO_PLACEHOLDER_RE } from './format/index.js';
import type { CellProblem, RawCell } from './model.js';
import { normalizeLabel, toHalfWidth } from './text.js';

/** A cell separator: `|` or its full-width form. */
export const PIPE = /[|｜]/;
const ONLY_PIPES_AND_SPACE = /^[\s|｜]*$/;
const MARKDOWN_RULE_CHARS = /^[\s|｜:-]*$/;
// Regular expressions as module constants: a literal in a function body is a new RegExp object
// each call. The global ones are used by replace (which starts at 0) or reset before an exec loop.
const SPACED_RE = /\S {2,}\S/;
const GAP_RE = /\s{2,}/g;
const MINUS_RE = /[−]/g;
const SPACES_RE = /\s+/g;
const COMMAS_RE = /,/g;
const SEPARATED_RE = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const DECIMAL_RE = /^[-+]?\d+(\.\d+)?$/;
const FULL_WIDTH_NUMBER_RE = /[０-９－．]/;
/** White space as cells are trimmed: ASCII and Unicode spaces, NBSP, ideographic space, ZWSP, BOM. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0x200b || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
}

/** What a regular expression's \s matches: isSpace but U+200B. */
export const isRegexSpace = (c: number): boolean => c !== 0x200b && isSpace(c);

/** Leading and trailing white space of a piece, counted by scanning (an anchored `\s*$` regex is quadratic). */
export function leadingSpace(s: string): number {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}
export function trailingSpace(s: string): number {
  let i = s.length;
  while (i > 0 && isSpace(s.charCodeAt(i - 1))) i--;
  return s.length - i;
}

/**
 * Whether the line has a tab after its indentation: a tab that parts cells, or marks an empty
 * cell after a label (`2.重复申请\t\t\t`). Tabs before the first character only indent it.
 */
export function hasTabInside(text: string): boolean {
  const at = text.indexOf('\t');
  return at >= 0 && text.indexOf('\t', leadingSpace(text)) >= 0;
}

function cell(line: number, text: string, from: number, to: number): RawCell {
  // The trimmed text sliced once, from the line itself.
  let start = from;
  while (start < to && isSpace(text.charCodeAt(start))) start++;
  if (start === to) {
    // A blank cell: a point just inside its separators.
    const at = Math.min(from + (to > from ? 1 : 0), to);
    return { line, start: at, end: at, text: '' };
  }
  let end = to;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { line, start, end, text: cut(text, start, end) };
}

/** Every count under 1000 as text, made once: most value cells hold one. */
const SMALL_COUNTS: string[] = Array.from({ length: 1000 }, (_, i) => String(i));

/** `text.slice(start, end)`, but a count under 1000 (no leading zero) is the shared string: no new string per cell. */
function cut(text: string, start: number, end: number): string {
  const n = end - start;
  if (n >= 1 && n <= 3) {
    let v = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57 || (c === 48 && i === start && n > 1)) return text.slice(start, end);
      v = v * 10 + (c - 48);
    }
    return SMALL_COUNTS[v];
  }
  return text.slice(start, end);
}

function splitOn(line: number, text: string, sep: 'tab' | 'pipe', dropTrailingEmpty: boolean): RawCell[] {
  const cells: RawCell[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (sep === 'tab' ? c === 9 : c === 0x7c || c === 0xff5c) {
      cells.push(cell(line, text, from, i));
      from = i + 1;
    }
  }
  const last = cell(line, text, from, text.length);
  if (!(dropTrailingEmpty && last.text === '')) cells.push(last);
  return cells;
}

const NUMBER_TOKEN = VALUE_TOKEN_RE;

/**
 * The cells of one line. A line of only separators is merged-cell debris (no cells), except a
 * lone `|`, which is one blank cell in the one-cell-per-line layout; a page number pasted from a
 * PDF's footer (`— 5 —`, `第5页`) has none either, nor the report's title printed again at the top
 * of a page (the running title).
 */
export function splitLine(text: string, line: number): RawCell[] {
  if (text.includes('---') && MARKDOWN_RULE_CHARS.test(text)) return []; // a Markdown table's |---|---| line
  if (text.length <= 24 && PAGE_MARK_LINE.test(text)) return []; // a page number pasted between rows (— 5 —)
  if (ONLY_PIPES_AND_SPACE.test(text)) {
    let pipes = 0;
    let at = -1;
    for (let i = 0; i < text.length; i++) if (PIPE.test(text[i])) { pipes++; at = i; }
    return pipes === 1 ? [{ line, start: at, end: at, text: '' }] : [];
  }
  if (hasTabInside(text)) return beforeLabel(splitOn(line, text, 'tab', false));
  // A Markdown row's opening pipe (`| 规章 | 22 | 235 |`) ends an empty cell before the label, which
  // beforeLabel drops; on a line of numbers it cannot be told here from a blank first cell (`|0|0|`).
  if (PIPE.test(text)) return beforeLabel(splitOn(line, text, 'pipe', true));
  if (isRunningTitle(text)) return []; // the report's title printed again at a page break
  return splitBySpaces(text, line);
}

/** Whether a line (no cell separator in it) is the report's title as a page's running title prints it (RUNNING_TITLE_RE). */
export function isRunningTitle(text: string): boolean {
  return text.length <= 80 && text.includes(RUNNING_TITLE_HINT) && RUNNING_TITLE_RE.test(normalizeLabel(text));
}

/**
 * A line's cells without the empty ones before its first label (`\t（二）部分公开…`: the merged
 * column of a group heading printed in the row above). They are no cell of this row, and they
 * are none of the row above either: read as its values, they would fill the place of a cell that
 * row lost with a blank.
 */
function beforeLabel(cells: RawCell[]): RawCell[] {
  if (!cells.length || cells[0].text !== '') return cells;
  let i = 1;
  while (i < cells.length && cells[i].text === '') i++;
  return i < cells.length && !isValueText(cells[i].text) ? cells.slice(i) : cells;
}

/**
 * The runs of non-space in `text` (as /\S+/g finds them), as start and end offsets in one flat
 * array; the scan stops once the array is longer than `limit` (a caller's sign of prose).
 */
export function wordRuns(text: string, limit: number): number[] {
  const at: number[] = [];
  for (let i = 0; i < text.length && at.length <= limit; ) {
    while (i < text.length && isRegexSpace(text.charCodeAt(i))) i++;
    if (i === text.length) break;
    const start = i;
    while (i < text.length && !isRegexSpace(text.charCodeAt(i))) i++;
    at.push(start, i);
  }
  return at;
}

/** No separator: a label followed by numbers split by spaces (PDF text), or one cell. */
function splitBySpaces(text: string, line: number): RawCell[] {
  const at = wordRuns(text, 128); // past 64 runs: prose, not a row
  const n = at.length >> 1;
  let m: RegExpExecArray | null;
  if (n === 0) return [];
  const whole = (): RawCell[] => [cell(line, text, 0, text.length)];
  if (n === 1 || n > 64) return whole();
  let k = n;
  while (k > 0 && isNumberToken(text, at[2 * k - 2], at[2 * k - 1])) k--;
  const out: RawCell[] = [];
  if (k === n) {
    // No numbers: maybe header labels separated by runs of spaces.
    if (!SPACED_RE.test(text)) return whole();
    let from = 0;
    const gap = GAP_RE;
    gap.lastIndex = 0;
    while ((m = gap.exec(text))) {
      if (m.index > from) out.push(cell(line, text, from, m.index));
      from = m.index + m[0].length;
    }
    if (from < text.length) out.push(cell(line, text, from, text.length));
    return out;
  }
  if (k > 0) {
    // The labels before the numbers: one cell, or several where runs of spaces part them.
    const from = at[0];
    const to = at[2 * k - 1];
    const gap = GAP_RE;
    let start = from;
    gap.lastIndex = from;
    while ((m = gap.exec(text)) && m.index < to) {
      out.push(cell(line, text, start, m.index));
      start = m.index + m[0].length;
    }
    out.push(cell(line, text, start, to));
  }
  for (let i = k; i < n; i++) out.push({ line, start: at[2 * i], end: at[2 * i + 1], text: cut(text, at[2 * i], at[2 * i + 1]) });
  return out;
}

/** Whether `text[start, end)` is a value token (NUMBER_TOKEN); ASCII digits alone, the common case, without a slice. */
function isNumberToken(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  return i === end || NUMBER_TOKEN.test(text.slice(start, end));
}

const PLACEHOLDER_SET = new Set(PLACEHOLDERS);
const ANY_UNIT_RE = new RegExp(`(?:${UNIT_RE.source.replace(/\$$/, '')}|${COUNT_UNIT_RE.source.replace(/\$$/, '')})$`);

/** A cell that stands where a number should: a number, a blank, or a placeholder such as `—`. */
export function isValueText(text: string): boolean {
  if (text === '' || PLAIN_COUNT.test(text)) return true;
  const c = text.charCodeAt(0);
  // A label starts with a letter or a bracket: no number to read (the common case, no allocation).
  const numeric = (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19) || c === 43 || c === 45 || c === 0x2212 || c === 0xff0d || isSpace(c);
  if (!numeric) return ZERO_PLACEHOLDER_RE.test(text) || PLACEHOLDER_SET.has(text);
  return ZERO_PLACEHOLDER_RE.test(text) || readNumber(text, ANY_UNIT_RE, true) !== null;
}

export interface ValueRules {
  decimals?: boolean;
  signed?: boolean;
  /** A unit after the number is part of the format here (2019: 采购总金额 251000元): accepted silently. */
  unit?: boolean;
}

/** The rules of tables 三 and 四's cells, counts (no sign, no decimals, no unit): one object, not a literal per cell. */
export const COUNTS: ValueRules = Object.freeze({});

interface Read {
  value: number;
  /** Written with a unit the format does not print in cells (12件, 0.5万元). */
  unit: boolean;
  /** Written with thousands separators (1,234 / 1，234). */
  separators: boolean;
}

/** The number a cell's text holds, its unit (matching `unitRe`) and thousands separators read through. */
function readNumber(text: string, unitRe: RegExp | null, allowSeparators: boolean): Read | null {
  let t = toHalfWidth(text).replace(MINUS_RE, '-').replace(SPACES_RE, '');
  let unit = false;
  if (unitRe) {
    const u = t.replace(unitRe, '');
    if (u !== t) { unit = true; t = u; }
  }
  let separators = false;
  if (allowSeparators && SEPARATED_RE.test(t)) { t = t.replace(COMMAS_RE, ''); separators = true; }
  if (!DECIMAL_RE.test(t)) return null;
  const value = Number(t);
  return Number.isFinite(value) ? { value, unit, separators } : null;
}

export interface ParsedValue {
  value: number | null;
  problem: CellProblem | null;
}

const PLAIN_COUNT = /^\d{1,15}$/;

/** PLAIN_COUNT.test, scanned: one to fifteen ASCII digits. */
export function isPlainCount(text: string): boolean {
  if (text.length < 1 || text.length > 15) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The units a cell may be written with: the format's own (silent), the fee's 万元, or a count's 件. */
function unitsOf(rules: ValueRules): RegExp {
  return rules.unit ? UNIT_RE : rules.decimals ? AMOUNT_UNIT_RE : COUNT_UNIT_RE;
}

/**
 * The number a cell holds and the first thing wrong with how it is written. A placeholder for
 * none (`—`, `/`, `无`) holds 0; `12件`, `0.5万元` (in the fee's column) and `1,234` hold their
 * number. Only a blank or text that is not a number holds nothing.
 */
export function parseValue(text: string, rules: ValueRules = {}): ParsedValue {
  if (text === '') return { value: null, problem: 'blank' };
  if (PLAIN_COUNT.test(text)) return { value: Number(text), problem: null }; // the common case, fast
  if (ZERO_PLACEHOLDER_RE.test(text)) return { value: 0, problem: 'placeholder' };
  const read = readNumber(text, unitsOf(rules), true);
  if (read === null) return { value: null, problem: 'not-number' };
  const { value } = read;
  if (value < 0 && !rules.signed) return { value, problem: 'negative' };
  if (!Number.isInteger(value) && !rules.decimals) return { value, problem: 'fractional' };
  if (FULL_WIDTH_NUMBER_RE.test(text)) return { value, problem: 'fullwidth' };
  if ((read.unit && !rules.unit) || read.separators) return { value, problem: 'unit' };
  return { value, problem: null };
}

/**
 * The plain number a cell written with a unit or thousands separators stands for, as its digits
 * are written (`1,234件` → `1234`, `0.50万元` → `0.50`); null when it is not such a cell.
 */
export function plainNumber(text: string, rules: ValueRules = {}): string | null {
  const t = toHalfWidth(text).replace(MINUS_RE, '-').replace(SPACES_RE, '').replace(unitsOf(rules), '');
  const plain = SEPARATED_RE.test(t) ? t.replace(COMMAS_RE, '') : t;
  return DECIMAL_RE.test(plain) ? plain : null;
}

/** Writes a number as the fixer puts it into a derived cell. */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10000) / 10000);
}
