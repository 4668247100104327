// prose-copied over a batch: which report shares most of its prose, word for word, with another
// office's report of the same year. A sentence-hash index, not a comparison of every pair: each
// sentence hash is counted once per office; a sentence found in many offices' reports is the
// boilerplate of the format or of a common template (not copying), and is left out of both the
// shared and the counted sentences; the other sentences' postings (the reports that carry them)
// are short, so one pass over each report's sentences finds the report it shares most with.

import { officeKey, sameOffice } from '../years/identity.js';
import { keyLength, type ProseFingerprint } from './fingerprint.js';

export interface CopiedOptions {
  /** The share above which a report is reported (default 0.5), or the share for each report (its own config file's). */
  threshold?: number | ((p: ProseFingerprint) => number);
  /** A sentence found in more than this many offices' reports is boilerplate (default 3)… */
  commonReports?: number;
  /** …or in more than this share of the batch's offices, whichever is larger (default 0.01). */
  commonShare?: number;
  /** Fewest counted sentences (boilerplate left out) for a share to mean anything (default 5). */
  minSentences?: number;
}

export const COPIED_DEFAULTS = { threshold: 0.5, commonReports: 3, commonShare: 0.01, minSentences: 5 } as const;

/** A run of consecutive counted sentences of the report all found in the other report. */
export interface CopiedPassage {
  /** Sentence indices (into the report's fingerprint), first and last. */
  from: number;
  to: number;
  /** Where the run's first and last sentences are in the other report (its sentence indices). */
  otherFrom: number;
  otherTo: number;
  /** Characters, white space excluded. */
  length: number;
}

export interface CopiedMatch {
  /** The report (an index into the fingerprints given). */
  report: number;
  /** The other office's report it shares the most sentences with. */
  other: number;
  shared: number;
  counted: number;
  share: number;
  /** The longest passages, longest first (at most three). */
  passages: CopiedPassage[];
}

const MAX_PASSAGES = 3;

/** The reports above their threshold, each with the other office's report it shares the most with. */
export function findCopied(prints: readonly ProseFingerprint[], options: CopiedOptions = {}): CopiedMatch[] {
  const commonReports = options.commonReports ?? COPIED_DEFAULTS.commonReports;
  const commonShare = options.commonShare ?? COPIED_DEFAULTS.commonShare;
  const minSentences = options.minSentences ?? COPIED_DEFAULTS.minSentences;
  const thresholdOf = typeof options.threshold === 'function' ? options.threshold : () => (options.threshold as number | undefined) ?? COPIED_DEFAULTS.threshold;

  // Only reports whose office and year are known take part (an unknown office may be this one).
  const keys = prints.map((p) => (p.office && p.year !== null ? officeKey(p.office) : null));
  const known = prints.map((_, i) => i).filter((i) => keys[i] !== null);
  // Offices per sentence: the reports visited office by office, each office counted once.
  const byOffice = [...known].sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
  const seen = new Map<number, { offices: number; last: string }>();
  let offices = 0;
  let lastKey: string | null = null;
  for (const i of byOffice) {
    const k = keys[i]!;
    if (k !== lastKey) offices++;
    lastKey = k;
    for (const h of prints[i].hashes) {
      const s = seen.get(h);
      if (!s) seen.set(h, { offices: 1, last: k });
      else if (s.last !== k) {
        s.offices++;
        s.last = k;
      }
    }
  }
  const limit = Math.max(commonReports, Math.floor(commonShare * offices));
  const common = (h: number) => (seen.get(h)?.offices ?? 0) > limit;

  // Postings of the sentences that are not common: the reports carrying each (once, in index order).
  const postings = new Map<number, number[]>();
  for (const i of known) {
    for (const h of prints[i].hashes) {
      if (common(h)) continue;
      const list = postings.get(h);
      if (!list) postings.set(h, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  }

  const out: CopiedMatch[] = [];
  for (const r of known) {
    const p = prints[r];
    const counted: number[] = [];
    for (let i = 0; i < p.hashes.length; i++) if (!common(p.hashes[i])) counted.push(i);
    if (counted.length < minSentences) continue;
    const hits = new Map<number, number>();
    const other = new Map<number, boolean>();
    for (const i of counted) {
      for (const o of postings.get(p.hashes[i]) ?? []) {
        if (o === r || prints[o].year !== p.year) continue;
        let differs = other.get(o);
        if (differs === undefined) other.set(o, (differs = !sameOffice(p.office, prints[o].office)));
        if (differs) hits.set(o, (hits.get(o) ?? 0) + 1);
      }
    }
    let best = -1;
    let shared = 0;
    for (const [o, n] of hits) if (n > shared || (n === shared && o < best)) [best, shared] = [o, n];
    const share = shared / counted.length;
    if (best < 0 || !(share > thresholdOf(p))) continue;
    out.push({ report: r, other: best, shared, counted: counted.length, share, passages: passagesOf(p, prints[best], counted) });
  }
  return out;
}

/** Runs of consecutive counted sentences of `p` found in `q`, longest first. */
function passagesOf(p: ProseFingerprint, q: ProseFingerprint, counted: readonly number[]): CopiedPassage[] {
  const inOther = new Map<number, number>();
  q.hashes.forEach((h, i) => {
    if (!inOther.has(h)) inOther.set(h, i);
  });
  const runs: CopiedPassage[] = [];
  for (let k = 0; k < counted.length; ) {
    if (!inOther.has(p.hashes[counted[k]])) {
      k++;
      continue;
    }
    let j = k;
    while (j + 1 < counted.length && inOther.has(p.hashes[counted[j + 1]])) j++;
    let length = 0;
    for (let m = k; m <= j; m++) length += keyLength(p, counted[m]);
    runs.push({ from: counted[k], to: counted[j], otherFrom: inOther.get(p.hashes[counted[k]])!, otherTo: inOther.get(p.hashes[counted[j]])!, length });
    k = j + 1;
  }
  return runs.sort((a, b) => b.length - a.length || a.from - b.from).slice(0, MAX_PASSAGES);
}
