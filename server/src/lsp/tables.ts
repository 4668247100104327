// Looking at the core's tables from the editor's side: every value cell with its row and column
// label, the cell under a position, the identities anchored at a cell, and a table's verdict.

import { holds, identities, tableAt as tableAtLine, T3_COLUMNS, type Analysis, type Cell, type Identity, type Localized, type Position, type Table } from '../core/index.js';
import { labels } from './messages.js';

export interface PlacedCell {
  cell: Cell;
  table: Table;
  row: Localized;
  column: Localized;
}

/** Every value cell of a table, with its row and column label. */
export function tableCells(t: Table): PlacedCell[] {
  const out: PlacedCell[] = [];
  if (t.kind === 't3') {
    for (const r of t.rows) {
      const row = r.spec.ordinal + r.spec.text;
      r.cells.forEach((c, i) => c && out.push({ cell: c, table: t, row: { zh: row, en: row }, column: { zh: T3_COLUMNS[i], en: `${T3_COLUMNS[i]} (${labels.t3ColumnsEn[i]})` } }));
    }
  } else if (t.kind === 't4') {
    t.cells.forEach((c, i) => c && out.push({ cell: c, table: t, row: labels.t4Groups[Math.floor(i / 5)], column: labels.t4Results[i % 5] }));
  } else {
    for (const it of t.items) {
      for (const r of it.rows) {
        r.cells.forEach((c, i) => {
          const col = it.columns[i + 1]?.official ?? it.columns[i + 1]?.text ?? '';
          if (c) out.push({ cell: c, table: t, row: { zh: r.spec.label, en: r.spec.label }, column: { zh: col, en: col } });
        });
      }
    }
  }
  return out;
}

/** The table whose lines include `line`. */
export function tableAt(a: Analysis, line: number): Table | undefined {
  return tableAtLine(a.tables, line);
}

/** The value cell under a position (its characters, or the point of a blank cell). */
export function cellAt(a: Analysis, p: Position): PlacedCell | undefined {
  const t = tableAt(a, p.line);
  if (!t) return undefined;
  const onLine = tableCells(t).filter((x) => x.cell.line === p.line);
  return onLine.find((x) => x.cell.start <= p.character && p.character <= x.cell.end);
}

export function sameCell(a: Cell, b: Cell): boolean {
  return a.line === b.line && a.start === b.start && a.end === b.end;
}

/** The identities whose derived cell is `cell`. */
export function identitiesAt(t: Table, cell: Cell): Identity[] {
  return identities(t).filter((id) => sameCell(id.anchor, cell));
}

export interface Verdict {
  /** Identities evaluated (all their cells numeric) and how many of them hold. */
  evaluated: number;
  hold: number;
  /** Identities the format has for this table (some may not be evaluated). */
  possible: number;
  /** Table 三 only: rows (row totals) and columns ((七) and 四 of each column). */
  rows?: [number, number];
  columns?: [number, number];
  failing: Identity[];
}

export function verdict(t: Table): Verdict {
  const ids = identities(t);
  const ok = ids.filter(holds);
  const failing = ids.filter((id) => !holds(id));
  if (t.kind === 't4') return { evaluated: ids.length, hold: ok.length, possible: 3, failing };
  if (t.kind === 't2') return { evaluated: 0, hold: 0, possible: 0, failing };
  const rowIds = ids.filter((id) => id.rule === 'request-row-total');
  // A column is evaluated when one of its column identities is, and holds when all evaluated do.
  const cols = new Map<number, boolean>();
  const colIndex = (id: Identity) => {
    const row = id.rule === 'request-balance' ? t.byKey.get('carryOver') : t.byKey.get('total');
    return row ? row.cells.findIndex((c) => c !== null && sameCell(c, id.anchor)) : -1;
  };
  for (const id of ids) {
    if (id.rule === 'request-row-total') continue;
    const c = colIndex(id);
    if (c < 0) continue;
    cols.set(c, (cols.get(c) ?? true) && holds(id));
  }
  return {
    evaluated: ids.length,
    hold: ok.length,
    possible: (t.singleOther ? 23 : 25) + 14,
    rows: [rowIds.filter(holds).length, rowIds.length],
    columns: [[...cols.values()].filter(Boolean).length, cols.size],
    failing,
  };
}
