// Classifying single lines: section heading, prose, or anything else (table lines, short
// labels, blanks). The classification depends on the line alone, which is what lets the
// incremental model re-classify only the lines an edit touches.

import { HEADING_PUNCTUATION, HEADING_RE, HEADING_START, SECTIONS, VALUE_END_RE, VALUE_TOKEN_RE, type SectionSpec } from './format/index.js';
import { hasTabInside, isRegexSpace, isRunningTitle } from './cells.js';
import { isInvisible, lcs, normalizeLabel } from './text.js';

export type LineKind = 'heading' | 'prose' | 'other';

export interface HeadingMatch {
  spec: SectionSpec;
  numeral: string;
  /** Column range of the heading text (without leading markup and white space, and trailing space). */
  start: number;
  end: number;
  /** The normalised text after the numeral. */
  body: string;
  /** The official heading, and whether this one is written so (white space aside). */
  official: string;
  isOfficial: boolean;
}

const TITLES = SECTIONS.map((s) => ({ spec: s, title: normalizeLabel(s.title) }));

/**
 * A heading whose title is one slip away from its section's official title: a wrong, missing
 * or extra character (two in a long title), under that section's own numeral.
 */
function nearTitle(numeral: string, body: string): SectionSpec | undefined {
  const t = TITLES.find((x) => x.spec.numeral === numeral);
  if (!t) return undefined;
  const slips = Math.max(body.length, t.title.length) - lcs(body, t.title);
  return slips <= (t.title.length >= 10 ? 2 : 1) && (2 * (Math.max(body.length, t.title.length) - slips)) / (body.length + t.title.length) >= 0.8 ? t.spec : undefined;
}

export function matchHeading(text: string): HeadingMatch | null {
  if (text.length > 80 || !HEADING_START.test(text)) return null;
  // Word and WPS paste indented headings: tabs, spaces, U+3000 and U+00A0 before the numeral; web
  // pages a zero-width space or a BOM.
  let lead = 0;
  while (lead < text.length && (isRegexSpace(text.charCodeAt(lead)) || isInvisible(text.charCodeAt(lead)) || text.charCodeAt(lead) === 35 || text.charCodeAt(lead) === 42)) lead++;
  // Scanned, not matched on a slice: a tab or cell separator makes a table line; a digit after
  // the numeral makes no heading (it would be in the body, which has none): most table lines.
  for (let i = lead; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 9 || c === 0x7c || c === 0xff5c || (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) return null;
  }
  let end = text.length;
  while (end > lead && (isRegexSpace(text.charCodeAt(end - 1)) || isInvisible(text.charCodeAt(end - 1)) || text.charCodeAt(end - 1) === 42)) end--;
  // Normalising keeps every character but white space: past 35 of them the body (all but a
  // numeral or two and its punctuation) is longer than a heading's 32 (a prose line, not normalised).
  let kept = 0;
  for (let i = lead; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!(isRegexSpace(c) || isInvisible(c)) && ++kept > 35) return null;
  }
  const norm = normalizeLabel(text.slice(lead, end));
  const m = HEADING_RE.exec(norm);
  if (!m) return null;
  const [, numeral, punctuation, body] = m;
  if (body.length > 32 || DIGIT_RE.test(body) || STOP_END_RE.test(body)) return null;
  const spec = SECTIONS.find((s) => s.keys.every((k) => body.includes(k))) ?? nearTitle(numeral, body);
  if (!spec) return null;
  const official = spec.numeral + HEADING_PUNCTUATION + spec.title;
  const isOfficial = numeral === spec.numeral && punctuation === HEADING_PUNCTUATION && body === normalizeLabel(spec.title);
  return { spec, numeral, start: lead, end, body, official, isOfficial };
}

const SENTENCE_END = /[。！？；;]$/;
// Regular expressions as module constants: a literal in a function body is a new RegExp object each call.
const DIGIT_RE = /\d/;
const STOP_END_RE = /[。;]$/;
const PIPE_RE = /[|｜]/;
const SPACED_CELLS_RE = /\S(?: {2,}|\u3000)\S/;

/** Whether the last token after white space of `text[from, to)` is a value (a PDF row ending in `—`, `/` or `12件`). */
function endsInValue(text: string, from: number, to: number): boolean {
  let i = to;
  while (i > from) {
    const c = text.charCodeAt(i - 1);
    if (c === 32 || c === 9 || c === 0x3000 || c === 0xa0) break;
    i--;
  }
  return i > from && VALUE_TOKEN_RE.test(text.slice(i, to));
}

const isDigit = (c: number) => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);

/** Whether a line-end pattern (`/[…]$/`) holds for a line's last character, remembered per character code (no one-character string per line). */
function endsIn(re: RegExp, seen: Map<number, boolean>, code: number): boolean {
  let x = seen.get(code);
  if (x === undefined) seen.set(code, (x = re.test(String.fromCharCode(code))));
  return x;
}
const VALUE_ENDS = new Map<number, boolean>();
const SENTENCE_ENDS = new Map<number, boolean>();

export function classifyLine(text: string): LineKind {
  if (matchHeading(text)) return 'heading';
  // Cell separators, or cells parted by runs of spaces (PDF text), make a table line; tabs and
  // full-width spaces that only indent a paragraph (Word, WPS) do not.
  if (PIPE_RE.test(text) || hasTabInside(text) || SPACED_CELLS_RE.test(text)) return 'other';
  // The line trimmed as `trim` does (its white space is \s), by offsets: no copy.
  let from = 0;
  let to = text.length;
  while (from < to && isRegexSpace(text.charCodeAt(from))) from++;
  while (to > from && isRegexSpace(text.charCodeAt(to - 1))) to--;
  const length = to - from;
  if (length < 16) return 'other';
  // The report's title (also printed again at a page break inside a table): no prose, even when long.
  if (isRunningTitle(text)) return 'other';
  const last = text.charCodeAt(to - 1);
  // Prose: a long line with no cell separator that does not end in a number (or a `—` for none).
  if (length >= 50 && !isDigit(last) && !(endsIn(VALUE_END_RE, VALUE_ENDS, last) && endsInValue(text, from, to))) return 'prose';
  if (endsIn(SENTENCE_END, SENTENCE_ENDS, last)) return 'prose';
  return 'other';
}
