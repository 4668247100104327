// Classifying single lines: section heading, prose, or anything else (table lines, short
// labels, blanks). The classification depends on the line alone, which is what lets the
// incremental model re-classify only the lines an edit touches.

import { HEADING_PUNCTUATION, HEADING_RE, HEADING_START, SECTIONS, VALUE_END_RE, VALUE_TOKEN_RE, type SectionSpec } from './format/index.js';
import { hasTabInside, isRegexSpace } from './cells.js';
import { lcs, normalizeLabel } from './text.js';

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
  // Word and WPS paste indented headings: tabs, spaces, U+3000 and U+00A0 before the numeral.
  let lead = 0;
  while (lead < text.length && (isRegexSpace(text.charCodeAt(lead)) || text.charCodeAt(lead) === 35 || text.charCodeAt(lead) === 42)) lead++;
  // Scanned, not matched on a slice: a tab or cell separator makes a table line; a digit after
  // the numeral makes no heading (it would be in the body, which has none): most table lines.
  for (let i = lead; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 9 || c === 0x7c || c === 0xff5c || (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) return null;
  }
  let end = text.length;
  while (end > lead && (isRegexSpace(text.charCodeAt(end - 1)) || text.charCodeAt(end - 1) === 42)) end--;
  const norm = normalizeLabel(text.slice(lead, end));
  const m = HEADING_RE.exec(norm);
  if (!m) return null;
  const [, numeral, punctuation, body] = m;
  if (body.length > 32 || /\d/.test(body) || /[。;]$/.test(body)) return null;
  const spec = SECTIONS.find((s) => s.keys.every((k) => body.includes(k))) ?? nearTitle(numeral, body);
  if (!spec) return null;
  const official = spec.numeral + HEADING_PUNCTUATION + spec.title;
  const isOfficial = numeral === spec.numeral && punctuation === HEADING_PUNCTUATION && body === normalizeLabel(spec.title);
  return { spec, numeral, start: lead, end, body, official, isOfficial };
}

const SENTENCE_END = /[。！？；;]$/;

/** Whether the last token after white space is a value (a PDF row ending in `—`, `/` or `12件`). */
function endsInValue(t: string): boolean {
  let i = t.length;
  while (i > 0) {
    const c = t.charCodeAt(i - 1);
    if (c === 32 || c === 9 || c === 0x3000 || c === 0xa0) break;
    i--;
  }
  return i > 0 && VALUE_TOKEN_RE.test(t.slice(i));
}

export function classifyLine(text: string): LineKind {
  if (matchHeading(text)) return 'heading';
  // Cell separators, or cells parted by runs of spaces (PDF text), make a table line; tabs and
  // full-width spaces that only indent a paragraph (Word, WPS) do not.
  if (/[|｜]/.test(text) || hasTabInside(text) || /\S(?: {2,}|\u3000)\S/.test(text)) return 'other';
  const t = text.trim();
  // Prose: a long line with no cell separator that does not end in a number (or a `—` for none).
  if (t.length >= 50 && !/[0-9０-９]$/.test(t) && !(VALUE_END_RE.test(t) && endsInValue(t))) return 'prose';
  if (t.length >= 16 && SENTENCE_END.test(t)) return 'prose';
  return 'other';
}
