// Splitting a line into cells, in every layout users paste: ` | `, tabs, one cell per line
// ending in ` |`, merged-cell debris (`|||`), and PDF text whose cells are runs of spaces.

import { PLACEHOLDERS, UNIT_RE } from './format/index.js';
import type { CellProblem, RawCell } from './model.js';
import { toHalfWidth } from './text.js';

const PIPE = /[|｜]/;
const ONLY_PIPES_AND_SPACE = /^[\s|｜]*$/;
const MARKDOWN_RULE_CHARS = /^[\s|｜:-]*$/;
/** White space as cells are trimmed: ASCII and Unicode spaces, NBSP, ideographic space, ZWSP, BOM. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0x200b || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
}

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

function cell(line: number, text: string, from: number, to: number): RawCell {
  const piece = text.slice(from, to);
  const left = leadingSpace(piece);
  if (left === piece.length) {
    // A blank cell: a point just inside its separators.
    const at = Math.min(from + (piece.length ? 1 : 0), to);
    return { line, start: at, end: at, text: '' };
  }
  const right = trailingSpace(piece);
  return { line, start: from + left, end: to - right, text: piece.slice(left, piece.length - right) };
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

const NUMBER_TOKEN = /^[-−－+]?[0-9０-９][0-9０-９,，.．]*$/;

/**
 * The cells of one line. A line of only separators is merged-cell debris (no cells), except a
 * lone `|`, which is one blank cell in the one-cell-per-line layout.
 */
export function splitLine(text: string, line: number): RawCell[] {
  if (text.includes('---') && MARKDOWN_RULE_CHARS.test(text)) return []; // a Markdown table's |---|---| line
  if (ONLY_PIPES_AND_SPACE.test(text)) {
    let pipes = 0;
    let at = -1;
    for (let i = 0; i < text.length; i++) if (PIPE.test(text[i])) { pipes++; at = i; }
    return pipes === 1 ? [{ line, start: at, end: at, text: '' }] : [];
  }
  if (text.includes('\t')) return splitOn(line, text, 'tab', false);
  if (PIPE.test(text)) return splitOn(line, text, 'pipe', true);
  return splitBySpaces(text, line);
}

/** No separator: a label followed by numbers split by spaces (PDF text), or one cell. */
function splitBySpaces(text: string, line: number): RawCell[] {
  const tokens: { start: number; end: number }[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    tokens.push({ start: m.index, end: m.index + m[0].length });
    if (tokens.length > 64) break; // prose, not a row
  }
  if (tokens.length === 0) return [];
  const whole = (): RawCell[] => [cell(line, text, 0, text.length)];
  if (tokens.length === 1 || tokens.length > 64) return whole();
  let k = tokens.length;
  while (k > 0 && NUMBER_TOKEN.test(text.slice(tokens[k - 1].start, tokens[k - 1].end))) k--;
  const out: RawCell[] = [];
  if (k === tokens.length) {
    // No numbers: maybe header labels separated by runs of spaces.
    if (!/\S {2,}\S/.test(text)) return whole();
    let from = 0;
    const gap = /\s{2,}/g;
    while ((m = gap.exec(text))) {
      if (m.index > from) out.push(cell(line, text, from, m.index));
      from = m.index + m[0].length;
    }
    if (from < text.length) out.push(cell(line, text, from, text.length));
    return out;
  }
  if (k > 0) {
    // The labels before the numbers: one cell, or several where runs of spaces part them.
    const from = tokens[0].start;
    const to = tokens[k - 1].end;
    const gap = /\s{2,}/g;
    let at = from;
    gap.lastIndex = from;
    while ((m = gap.exec(text)) && m.index < to) {
      out.push(cell(line, text, at, m.index));
      at = m.index + m[0].length;
    }
    out.push(cell(line, text, at, to));
  }
  for (let i = k; i < tokens.length; i++) out.push({ line, start: tokens[i].start, end: tokens[i].end, text: text.slice(tokens[i].start, tokens[i].end) });
  return out;
}

const PLACEHOLDER_SET = new Set(PLACEHOLDERS);

/** A cell that stands where a number should: a number, a blank, or a placeholder such as `—`. */
export function isValueText(text: string): boolean {
  return text === '' || PLAIN_COUNT.test(text) || PLACEHOLDER_SET.has(text) || parseNumber(text, { decimals: true, signed: true, unit: true }) !== null;
}

export interface ValueRules {
  decimals?: boolean;
  signed?: boolean;
  unit?: boolean;
}

function parseNumber(text: string, rules: ValueRules): number | null {
  let t = toHalfWidth(text).replace(/[−]/g, '-').replace(/\s+/g, '');
  if (rules.unit) t = t.replace(UNIT_RE, '');
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  if (!/^[-+]?\d+(\.\d+)?$/.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

export interface ParsedValue {
  value: number | null;
  problem: CellProblem | null;
}

const PLAIN_COUNT = /^\d{1,15}$/;

/** The number a cell holds and the first thing wrong with how it is written. */
export function parseValue(text: string, rules: ValueRules = {}): ParsedValue {
  if (text === '') return { value: null, problem: 'blank' };
  if (PLAIN_COUNT.test(text)) return { value: Number(text), problem: null }; // the common case, fast
  const value = parseNumber(text, rules);
  if (value === null) return { value: null, problem: 'not-number' };
  if (value < 0 && !rules.signed) return { value, problem: 'negative' };
  if (!Number.isInteger(value) && !rules.decimals) return { value, problem: 'fractional' };
  if (/[０-９－．，]/.test(text)) return { value, problem: 'fullwidth' };
  return { value, problem: null };
}

/** Writes a number as the fixer puts it into a derived cell. */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10000) / 10000);
}
