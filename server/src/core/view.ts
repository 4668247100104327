// The report seen by cell: every value cell by its key, the cell under a position, the
// identities anchored at a cell, and each table's verdict. What hover, code lens, the outline,
// the CLI and the export ask of an analysis.

import type { Analysis } from './analysis.js';
import type { CellKey, Format } from './format/index.js';
import { keyedCells, tableAt as tableAtLine, type KeyedCell } from './keys.js';
import type { Cell, Position, Table } from './model.js';
import { holds, identities, numeric, possibleIdentities, repeats, type Identity } from './rules/identities.js';

/** Every value cell of every table, in reading order, with its key and labels. */
/**
 * Whether a text reads like a report at all: a report title, three section headings, or a table of
 * the format. A folder walk and the workspace check skip other texts (a README, notes) rather than
 * flag every section of them as missing.
 */
export function readsLikeReport(a: Analysis): boolean {
  return a.identity.titleRange !== null || a.headings.length >= 3 || a.tables.length > 0;
}

export function cellsOf(a: Analysis): KeyedCell[] {
  const out: KeyedCell[] = [];
  for (const t of a.tables) for (const k of keyedCells(t)) out.push(k);
  return out;
}

/** The cell of a key; where a report has two tables of a kind, the first one's. */
export function cellByKey(a: Analysis, key: CellKey): KeyedCell | undefined {
  const kind = key.slice(0, key.indexOf('.'));
  for (const t of a.tables) {
    if (t.kind !== kind) continue;
    const hit = keyedCells(t).find((k) => k.key === key);
    if (hit) return hit;
  }
  return undefined;
}

/** The number a key's cell holds: null when it is absent, blank, not a number or in full-width digits. */
export function valueOf(a: Analysis, key: CellKey): number | null {
  const k = cellByKey(a, key);
  return k && numeric(k.cell) ? k.cell.value : null;
}

/** Every value cell of a table with its key and labels. */
export const tableCells = keyedCells;

/** The table of an analysis whose lines include `line`. */
export function tableOf(a: Analysis, line: number): Table | undefined {
  return tableAtLine(a.tables, line);
}

/** The value cell under a position (its characters, or the point of a blank cell). */
export function cellAt(a: Analysis, p: Position): KeyedCell | undefined {
  const t = tableOf(a, p.line);
  if (!t) return undefined;
  return keyedCells(t).find((x) => x.cell.line === p.line && x.cell.start <= p.character && p.character <= x.cell.end);
}

export function sameCell(a: Cell, b: Cell): boolean {
  return a.line === b.line && a.start === b.start && a.end === b.end;
}

/** The identities whose derived cell is `cell`. */
export function identitiesAt(t: Table, cell: Cell, format: Format): Identity[] {
  return identities(t, format).filter((id) => sameCell(id.anchor, cell));
}

export interface Verdict {
  /** Identities evaluated (all their cells numeric) and how many of them hold. */
  evaluated: number;
  hold: number;
  /** Identities the format has for this table (some may not be evaluated). */
  possible: number;
  /** Tables with row and column identities (三): rows holding/evaluated, columns holding/evaluated. */
  rows?: [number, number];
  columns?: [number, number];
  failing: Identity[];
}

export function verdict(t: Table, format: Format): Verdict {
  const ids = identities(t, format);
  const ok = ids.filter(holds);
  const failing = ids.filter((id) => !holds(id));
  const v: Verdict = { evaluated: ids.length, hold: ok.length, possible: possibleIdentities(t, format), failing };
  if (!repeats(t, format)) return v;
  const rowIds = ids.filter((id) => id.over === 'row');
  // A column is evaluated when one of its column identities is, and holds when all evaluated do.
  const cols = new Map<string, boolean>();
  for (const id of ids) {
    if (id.over !== 'column') continue;
    const c = id.key.slice(id.key.lastIndexOf('.') + 1);
    cols.set(c, (cols.get(c) ?? true) && holds(id));
  }
  v.rows = [rowIds.filter(holds).length, rowIds.length];
  v.columns = [[...cols.values()].filter(Boolean).length, cols.size];
  return v;
}
