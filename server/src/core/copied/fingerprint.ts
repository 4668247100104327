// A report's prose as prose-copied sees it: the hashes of its counted sentences (cut and compared
// as prose-repeated does: years/prose.ts) and where each is, with the office and year. No text is
// kept, so a batch of thousands holds only numbers; the passage a finding quotes is read back from
// the report's lines when the finding is made (finding.ts).

import type { Analysis } from '../analysis.js';
import type { Range } from '../model.js';
import { counts, proseLines, sentences, type ProseLine } from '../years/prose.js';

export interface ProseFingerprint {
  /** The report's path or URI, as the caller names it. */
  path: string;
  office: string | null;
  year: number | null;
  /** Where a finding about the whole report sits: the title, else the first heading, else the top. */
  anchor: Range;
  /** The counted sentences' hashes (53 bits of each sentence's comparable form), in text order. */
  hashes: Float64Array;
  /** Per sentence: line, start, end (UTF-16, a sentence never runs across lines), length of its comparable form. */
  places: Int32Array;
}

const TOP: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * The fingerprint of one analysed report (`lines`: its text's lines; `prose`: its proseLines when
 * already cut, as the year record holds them).
 */
export function proseFingerprint(analysis: Pick<Analysis, 'headings' | 'tables' | 'identity'>, lines: readonly string[], path: string, prose: readonly ProseLine[] = proseLines(lines, analysis)): ProseFingerprint {
  const counted = sentences(prose).filter(counts);
  const hashes = new Float64Array(counted.length);
  const places = new Int32Array(counted.length * 4);
  counted.forEach((s, i) => {
    hashes[i] = hash53(s.key);
    places[i * 4] = s.range.start.line;
    places[i * 4 + 1] = s.range.start.character;
    places[i * 4 + 2] = s.range.end.character;
    places[i * 4 + 3] = s.key.length;
  });
  const h = analysis.headings[0];
  const anchor = analysis.identity.titleRange ?? (h ? { start: { line: h.line, character: 0 }, end: { line: h.line, character: lines[h.line]?.length ?? 0 } } : TOP);
  return { path, office: analysis.identity.office, year: analysis.identity.year, anchor, hashes, places };
}

/** Where sentence `i` of a fingerprint is. */
export function placeOf(p: ProseFingerprint, i: number): Range {
  const line = p.places[i * 4];
  return { start: { line, character: p.places[i * 4 + 1] }, end: { line, character: p.places[i * 4 + 2] } };
}

/** The length of sentence `i`'s comparable form (characters, white space excluded). */
export const keyLength = (p: ProseFingerprint, i: number) => p.places[i * 4 + 3];

/** cyrb53: a 53-bit string hash (two 32-bit multiplicative hashes combined); collisions among a province's sentences are negligible. */
export function hash53(s: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
