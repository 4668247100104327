// Pairing a report with last year's report among the inputs of one check: the same office (as
// sameOffice compares them) and the year before. Two candidates are no pairing: the user names
// last year's report then (--previous, or the editor setting).

import type { Localized } from '../diagnostics.js';
import { sameOffice } from './identity.js';
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
  return reports.map((r) => {
    const none = (reason: PairingReason, message: Localized, candidates: string[] = []): Pairing => ({ path: r.path, previous: null, reason, message, candidates });
    if (!r.office) return none('no-office', pairingMsg.noOffice());
    if (r.year === null) return none('no-year', pairingMsg.noYear());
    const found = reports.filter((p) => p !== r && p.path !== r.path && p.year === r.year! - 1 && sameOffice(p.office, r.office));
    const paths = [...new Set(found.map((p) => p.path))];
    if (!paths.length) return none('none', pairingMsg.none(r.office, r.year - 1));
    if (paths.length > 1) return none('ambiguous', pairingMsg.ambiguous(r.year - 1, paths), paths);
    return { path: r.path, previous: paths[0], reason: null, message: null, candidates: [] };
  });
}
