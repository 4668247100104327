// The likely mistyped cell of a table (CONTRACT.md, "Suspect cells"): when the identities that
// fail are all explained by one cell holding a wrong value, that cell and the value that makes
// every one of them hold. Worked out over the declared identities (identities.ts), never over
// named rows: each identity is a linear form (anchor − Σ signs·summands = 0), so changing a cell
// by d moves each form it takes part in by its coefficient times d. A cell explains the failures
// when it takes part in every failing identity and in no holding one, and one d cancels every
// failing identity's residual. An input cell of table 三 takes part in its row's 总计 and in its
// column's （七）总计 or balance; a derived total in its own identities and those that sum it — so
// one wrong cell always fails two or more identities, and a single failing identity (table 四,
// or 三 with the other identities not evaluable) names no suspect. Two candidates: none.

import { formatNumber } from '../cells.js';
import type { Localized, Suspect } from '../diagnostics.js';
import type { CellKey, Format } from '../format/index.js';
import { msg } from '../messages.js';
import type { Cell, Table } from '../model.js';
import { ObjectSlot } from '../recent.js';
import { holds, identities, round, type Identity } from './identities.js';

export interface TableSuspect {
  /** The cell's key, `t3.new.natural`. */
  cell: CellKey;
  /** The value that makes every failing identity hold. */
  value: number;
  at: Cell;
  /** The failing identities it explains: every failing identity of the table. */
  explains: Identity[];
}

/** How a cell enters an identity's form: +1 as its anchor, −sign as a summand (0: not at all). */
function coefficient(id: Identity, c: Cell): number {
  let a = id.anchor === c ? 1 : 0;
  for (let i = 0; i < id.summands.length; i++) if (id.summands[i] === c) a -= id.signs[i];
  return a;
}

// Worked out without a map per identity: this runs on every edit that leaves two identities failing.
function find(t: Table, format: Format): TableSuspect | null {
  const ids = identities(t, format);
  const failing = ids.filter((id) => !holds(id));
  if (failing.length < 2) return null;
  // A cell that explains every failure takes part in the first one (each of its cells once).
  const first = failing[0];
  const found: TableSuspect[] = [];
  for (let k = -1; k < first.summands.length; k++) {
    const c = k < 0 ? first.anchor : first.summands[k];
    if (c === first.anchor ? k >= 0 : first.summands.indexOf(c) < k) continue;
    if (coefficient(first, c) === 0) continue;
    let d: number | null = null;
    let count = 0;
    let ok = true;
    for (const id of ids) {
      const a = coefficient(id, c);
      if (a === 0) continue;
      if (holds(id)) { ok = false; break; }
      const residual = round((id.anchor.value as number) - id.expected);
      const step = round(-residual / a);
      if (d !== null && step !== d) { ok = false; break; }
      d = step;
      count++;
    }
    if (!ok || d === null || d === 0 || count !== failing.length) continue;
    const value = round((c.value as number) + d);
    // A count is never negative, nor fractional where the cell was whole.
    if (value < 0 || (Number.isInteger(c.value) && !Number.isInteger(value))) continue;
    found.push({ cell: c.key, value, at: c, explains: failing });
  }
  return found.length === 1 ? found[0] : null;
}

const cache = new ObjectSlot<Table, { identities: Identity[]; s: TableSuspect | null }>('suspect');

/** The one cell that explains every failing identity `format` declares for a table, or null (cached per table object and its identities). */
export function suspectOf(t: Table, format: Format): TableSuspect | null {
  const ids = identities(t, format);
  const known = cache.get(t);
  if (known && known.identities === ids) return known.s;
  const s = find(t, format);
  cache.set(t, { identities: ids, s });
  return s;
}

/** What a diagnostic or a fix change carries of a table's suspect. */
export function asSuspect(s: TableSuspect): Suspect {
  return { cell: s.cell, value: s.value, written: s.at.text, label: { zh: s.at.label, en: s.at.labelEn }, explains: s.explains.length };
}

/** `t3.new.natural (5) is likely the typo, 6 would make both hold`: for the CLI's lines and hover. */
export function suspectNote(s: Suspect): Localized {
  return msg.suspectNote(s.cell, s.written, formatNumber(s.value), s.explains);
}

/** The title of the quick fix that changes the suspect cell: `Change … / natural persons to 6 (likely mistyped)`. */
export function suspectFixTitle(s: Suspect): Localized {
  return msg.fixSuspect(s.label, formatNumber(s.value));
}
