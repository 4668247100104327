// Pairing a report with last year's report among the inputs of one check: the same office (as
// sameOffice compares them) and the year before. Two candidates are no pairing: the user names
// last year's report then (--previous, or the editor setting).

import type { Localized } from '../diagnostics.js';
import { officeKey, sameOfficeKey } from './identity.js';
import { pairingMsg } from './messages.js';

export interface PairingInput {
  path: string;
  office: string | null;
  year: number | null;
}

export type PairingReason = 'no-office' | 'no-year' | 'none' | 'ambiguous';

export interface Pairing {
  path: string;
  /** Last year's report's path, or null. */
  previous: string | null;
  /** Why there is none (null when paired). */
  reason: PairingReason | null;
  message: Localized | null;
  /** With `ambiguous`: the candidates' paths. */
  candidates: string[];
}

/** For each report (in the order given), last year's report among the same inputs. */
export function findPrevious(reports: readonly PairingInput[]): Pairing[] {
  const keys = reports.map((r) => (r.office ? officeKey(r.office) : null));
  const byYear = suffixIndex(reports, keys);
  return reports.map((r, i) => {
    const none = (reason: PairingReason, message: Localized, candidates: string[] = []): Pairing => ({ path: r.path, previous: null, reason, message, candidates });
    if (!r.office) return none('no-office', pairingMsg.noOffice());
    if (r.year === null) return none('no-year', pairingMsg.noYear());
    const k = keys[i]!;
    const found = candidates(byYear.get(r.year - 1), k).filter((j) => j !== i && reports[j].path !== r.path && sameOfficeKey(keys[j]!, k));
    const paths = [...new Set(found.map((j) => reports[j].path))];
    if (!paths.length) return none('none', pairingMsg.none(r.office, r.year - 1));
    if (paths.length > 1) return none('ambiguous', pairingMsg.ambiguous(r.year - 1, paths), paths);
    return { path: r.path, previous: paths[0], reason: null, message: null, candidates: [] };
  });
}

// sameOffice holds only between keys one of which ends with the other, so instead of comparing
// every pair (quadratic in a batch of thousands) each year's keys are indexed by their suffixes.
interface YearIndex {
  /** Key → the reports with that key. */
  exact: Map<string, number[]>;
  /** Suffix → the reports whose key ends with it. */
  endingWith: Map<string, number[]>;
}

function suffixIndex(reports: readonly PairingInput[], keys: (string | null)[]): Map<number, YearIndex> {
  const byYear = new Map<number, YearIndex>();
  reports.forEach((r, i) => {
    const k = keys[i];
    if (k === null || r.year === null) return;
    let y = byYear.get(r.year);
    if (!y) byYear.set(r.year, (y = { exact: new Map(), endingWith: new Map() }));
    push(y.exact, k, i);
    for (let s = 0; s < k.length; s++) push(y.endingWith, k.slice(s), i);
  });
  return byYear;
}

function push(m: Map<string, number[]>, k: string, i: number): void {
  const l = m.get(k);
  if (l) l.push(i);
  else m.set(k, [i]);
}

/** The reports of that year whose key ends with `k` or that `k` ends with, in input order. */
function candidates(y: YearIndex | undefined, k: string): number[] {
  if (!y) return [];
  const out = new Set(y.endingWith.get(k) ?? []);
  for (let s = 0; s <= k.length; s++) for (const j of y.exact.get(k.slice(s)) ?? []) out.add(j);
  return [...out].sort((a, b) => a - b);
}
