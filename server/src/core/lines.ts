// Classifying single lines: section heading, prose, or anything else (table lines, short
// labels, blanks). The classification depends on the line alone, which is what lets the
// incremental model re-classify only the lines an edit touches.

import { SECTIONS, type SectionSpec } from './format.js';
import { normalizeLabel } from './text.js';

export type LineKind = 'heading' | 'prose' | 'other';

const HEADING_START = /^[\s#*]*[一二三四五六七八九十]/;
const HEADING_RE = /^([一二三四五六七八九十]{1,2})[、.,]?(.+)$/;

export interface HeadingMatch {
  spec: SectionSpec;
  numeral: string;
  /** Column range of the heading text (without leading markup and trailing space). */
  start: number;
  end: number;
  /** The normalised text after the numeral. */
  body: string;
}

export function matchHeading(text: string): HeadingMatch | null {
  if (text.length > 80 || !HEADING_START.test(text) || /[\t|｜]/.test(text)) return null;
  const lead = /^[\s#*]*/.exec(text)![0].length;
  let end = text.length;
  while (end > lead && /[\s*]/.test(text[end - 1])) end--;
  const trail = text.length - end;
  const norm = normalizeLabel(text.slice(lead, text.length - trail));
  const m = HEADING_RE.exec(norm);
  if (!m) return null;
  const body = m[2];
  if (body.length > 32 || /\d/.test(body) || /[。;]$/.test(body)) return null;
  for (const spec of SECTIONS) {
    if (spec.keys.every((k) => body.includes(k))) return { spec, numeral: m[1], start: lead, end: text.length - trail, body };
  }
  return null;
}

const SENTENCE_END = /[。！？；;]$/;

export function classifyLine(text: string): LineKind {
  if (matchHeading(text)) return 'heading';
  // Cell separators, or cells parted by runs of spaces (PDF text), make a table line.
  if (/[\t|｜]/.test(text) || /\S(?: {2,}|\u3000)\S/.test(text)) return 'other';
  const t = text.trim();
  // Prose: a long line with no cell separator that does not end in a number.
  if (t.length >= 50 && !/[0-9０-９]$/.test(t)) return 'prose';
  if (t.length >= 16 && SENTENCE_END.test(t)) return 'prose';
  return 'other';
}
