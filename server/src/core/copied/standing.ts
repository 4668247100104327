// prose-copied kept standing over a batch that changes (the editor's Check All Reports): each
// report's fingerprint by a key (its URI), with the threshold that holds for it; `match` runs
// findCopied over all of them again and says which reports' findings changed, so that only those
// are published again. A finding is given only for the prose it was found on: a report whose
// prose changed since (or whose other report's did) has none until the next `match`.

import type { Diagnostic } from '../diagnostics.js';
import { findCopied, type CopiedMatch, type CopiedOptions } from './batch.js';
import { copiedFinding } from './finding.js';
import type { ProseFingerprint } from './fingerprint.js';

interface Entry {
  print: ProseFingerprint;
  threshold: number;
  /** Bumped on every put: which fingerprint a match was found on. */
  serial: number;
}

interface Found {
  match: CopiedMatch;
  prints: [ProseFingerprint, ProseFingerprint];
  self: number;
  other: string;
  otherSerial: number;
  /** What the finding says and where (compared to tell a change). */
  sig: string;
}

export class CopiedBatch {
  private readonly entries = new Map<string, Entry>();
  private found = new Map<string, Found>();
  private serial = 0;

  constructor(private readonly options: Omit<CopiedOptions, 'threshold'> = {}) {}

  get size(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Forgets every report and finding (a new batch begins). */
  clear(): void {
    this.entries.clear();
    this.found.clear();
  }

  /** A report's fingerprint (`threshold`: the share above which it is reported); whether it is new. A new one's finding waits for `match`; the same prose again changes nothing. */
  put(key: string, print: ProseFingerprint, threshold: number): boolean {
    const old = this.entries.get(key);
    if (old && old.threshold === threshold && samePrint(old.print, print)) return false;
    this.entries.set(key, { print, threshold, serial: ++this.serial });
    return true;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Finds the copies over the reports held; the keys whose finding appeared, changed or went. */
  match(): string[] {
    const keys = [...this.entries.keys()];
    const list = keys.map((k) => this.entries.get(k)!);
    const thresholds = new Map(list.map((e) => [e.print, e.threshold]));
    const prints = list.map((e) => e.print);
    const next = new Map<string, Found>();
    for (const m of findCopied(prints, { ...this.options, threshold: (p) => thresholds.get(p) ?? 0.5 })) {
      const e = list[m.report];
      const o = list[m.other];
      const sig = `${keys[m.other]}#${e.serial}#${o.serial}#${m.shared}/${m.counted}#${JSON.stringify(m.passages)}`;
      next.set(keys[m.report], { match: { ...m, report: 0, other: 1 }, prints: [e.print, o.print], self: e.serial, other: keys[m.other], otherSerial: o.serial, sig });
    }
    const changed: string[] = [];
    for (const k of new Set([...this.found.keys(), ...next.keys()])) if (this.found.get(k)?.sig !== next.get(k)?.sig) changed.push(k);
    this.found = next;
    return changed;
  }

  /** The report's prose-copied finding, if the last `match` found one for this prose (`print`, of the text whose `lines` are given). */
  finding(key: string, print: ProseFingerprint, lines: readonly string[]): Diagnostic | undefined {
    const f = this.found.get(key);
    const e = this.entries.get(key);
    if (!f || !e || e.serial !== f.self || this.entries.get(f.other)?.serial !== f.otherSerial || !samePrint(e.print, print)) return undefined;
    return copiedFinding(f.match, f.prints, lines);
  }
}

/** The same report's prose, sentence for sentence and place for place (its path aside: one key, two spellings of it, a file and its draft). */
function samePrint(a: ProseFingerprint, b: ProseFingerprint): boolean {
  if (a === b) return true;
  const sameRange = JSON.stringify(a.anchor) === JSON.stringify(b.anchor);
  return a.office === b.office && a.year === b.year && sameRange && sameArray(a.hashes, b.hashes) && sameArray(a.places, b.places);
}

function sameArray(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
