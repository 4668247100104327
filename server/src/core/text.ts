// Text primitives: line splitting as LSP counts lines, label normalisation, ordinals, similarity.

import { ORDINAL_RE } from './format/index.js';
import { detached, LineMemo } from './lineMemo.js';

/** Splits at `\n`, `\r\n` or `\r`, as LSP does. The line texts exclude their line ends. */
export function splitLines(text: string): string[] {
  return text.split(EOL_RE);
}

/** Full-width ASCII and ideographic space to half-width; NFKC would also fold other things we keep. */
export function toHalfWidth(s: string): string {
  // Most text has none: return it as it is rather than rebuilding it a character at a time.
  return FULL_WIDTH.test(s) ? s.replace(FULL_WIDTH_ALL, halfOf) : s;
}
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
const FULL_WIDTH_ALL = /[\uff01-\uff5e\u3000]/g;
const halfOf = (c: string) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0));

// White space and the characters Word, WPS and web pages leave invisible in a text (zero-width
// space, joiners, word joiner, BOM, soft hyphen): none is part of a label.
const SPACE_RE = /[\s\u00a0\u3000\u00ad\u200b-\u200d\u2060\ufeff]+/g;

/** A character that prints nothing and parts nothing: zero-width space and joiners, word joiner, BOM, soft hyphen. */
export function isInvisible(c: number): boolean {
  return c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff || c === 0x00ad;
}
// Module constants: a regular expression literal in a function body is a new object each call.
const EOL_RE = /\r\n|\r|\n/;
const ORDINAL_PUNCT_RE = /^(\d+)[、.,，](?=\D)/;
const QUOTES_RE = /[“”"]/g;
const COLONS_RE = /[：:]/g;
const COMMAS_RE = /[，,]/g;
const SEMICOLONS_RE = /[；;]/g;

/**
 * The comparable form of a label: half-width, no white space, one spelling of the ordinal
 * punctuation (`1、` `1．` `1.` → `1.`), straight quotes kept as the official curly ones.
 */
export function normalizeLabel(s: string): string {
  // Labels repeat across tables, edits and documents: remember the short ones.
  const hit = memo.peek(s);
  if (hit !== undefined) return hit;
  const t = normalize(s);
  memo.keep(s, detached(t));
  return t;
}

const memo = new LineMemo<string>(20000, 120);

function normalize(s: string): string {
  let t = toHalfWidth(s).replace(SPACE_RE, '');
  t = t.replace(ORDINAL_PUNCT_RE, '$1.');
  t = t.replace(QUOTES_RE, '"');
  t = t.replace(COLONS_RE, ':').replace(COMMAS_RE, ',').replace(SEMICOLONS_RE, ';');
  return t;
}

export interface Ordinal {
  kind: 'chinese' | 'paren' | 'arabic';
  value: string;
  /** Length of the ordinal in the normalised label. */
  length: number;
}


export function parseOrdinal(normalized: string): Ordinal | null {
  const m = ORDINAL_RE.exec(normalized);
  if (!m) return null;
  if (m[1]) return { kind: 'chinese', value: m[1], length: m[0].length };
  if (m[2]) return { kind: 'paren', value: m[2], length: m[0].length };
  return { kind: 'arabic', value: m[3], length: m[0].length };
}

/** Ordinal as the format prints it ('一、', '（一）', '1.') → the normalised ordinal. */
export function ordinalOf(printed: string): Ordinal | null {
  return parseOrdinal(normalizeLabel(printed) + 'x');
}

/** Similarity of two short strings in [0, 1]: 2·LCS / (|a| + |b|). Bounded to short inputs. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  return (2 * lcs(a, b)) / (a.length + b.length || 1);
}

/** How much of the shorter string the longer one holds, in order: LCS / min(|a|, |b|). */
export function containment(a: string, b: string): number {
  if (!a.length || !b.length) return 0;
  return lcs(a, b) / Math.min(a.length, b.length);
}

/** Length of the longest common subsequence; 0 for inputs too long to be labels. */
export function lcs(a: string, b: string): number {
  if (!a.length || !b.length) return 0;
  if (a.length > 200 || b.length > 200) return 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

export function countCjk(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) n++;
  }
  return n;
}
