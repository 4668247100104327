// Every table as keyed rows × columns (the contract's cell keys): the rows and columns a table
// has in its format, the cell at a row and a column, and one walk over all value cells with
// their key and labels. Everything that addresses cells by name goes through here.

import { t3Rows, TABLE3, TABLE4, type CellKey, type ColumnSpec, type RowSpec, type T3RowSpec, type TableKind } from './format/index.js';
import type { Localized } from './i18n.js';
import { perObject, RecentMemo } from './recent.js';
import type { Cell, Table, Table2, Table3, Table4 } from './model.js';
import { packedMap } from './shape.js';

/** A row of a table as the format has it: key (without the table), role, label. */
export interface GridRow {
  key: string;
  role: string;
  label: Localized;
}

export interface KeyedCell {
  key: CellKey;
  table: Table;
  /** The row's key, `t3.new`. */
  row: string;
  /** The column's key, `total`. */
  column: string;
  rowLabel: Localized;
  columnLabel: Localized;
  cell: Cell;
}

// Made once per format row or column (recent.ts perObject): every open report's keyed cells share
// their labels and row keys instead of each holding copies.

/** A table 三 row's official label (`（七）总计`), one object per format row. */
export const t3RowLabel = perObject((r: T3RowSpec): Localized => ({ zh: r.ordinal + r.text, en: r.en }));
const t2RowLabel = perObject((r: RowSpec): Localized => ({ zh: r.label, en: r.en }));
const columnLabel = perObject((c: ColumnSpec): Localized => ({ zh: c.label, en: c.en }));
/** A row's key (`t2.<row>`, `t3.<row>`), one string per format row. */
export const t2RowKey = perObject((r: RowSpec) => `t2.${r.key}`);
export const t3RowKey = perObject((r: T3RowSpec) => `t3.${r.key}`);

const T3_GRID = [false, true].map((single) => t3Rows(single).map((r) => ({ key: r.key, role: r.role, label: t3RowLabel(r) })));
const T4_GRID: GridRow[] = TABLE4.groups.map((g) => ({ key: g.key, role: 'group', label: { zh: g.label, en: g.en } }));
const T4_ROW_KEYS = TABLE4.groups.map((g) => `t4.${g.key}`);

/** The rows a table has in its format (absent ones included). */
export function gridRows(t: Table): GridRow[] {
  if (t.kind === 't3') return T3_GRID[t.singleOther ? 1 : 0];
  if (t.kind === 't4') return T4_GRID;
  return t.items.flatMap((it) => it.spec.rows.map((r) => ({ key: r.key, role: 'item', label: t2RowLabel(r) })));
}

/** The value columns of a table (for table 二, of the item a row belongs to). */
export function gridColumns(t: Table, row?: string): ColumnSpec[] {
  if (t.kind === 't3') return TABLE3.columns;
  if (t.kind === 't4') return TABLE4.results;
  const it = t.items.find((x) => x.spec.rows.some((r) => r.key === row)) ?? t.items[0];
  return it ? it.spec.values : [];
}

const T3_COLUMN_INDEX = new Map(TABLE3.columns.map((c, i) => [c.key, i]));
const T4_GROUP_INDEX = new Map(TABLE4.groups.map((g, i) => [g.key, i]));
const T4_RESULT_INDEX = new Map(TABLE4.results.map((r, i) => [r.key, i]));

/** The cell at a row and a column key of a table (keys without the table prefix). */
export function cellIn(t: Table, row: string, column: string): Cell | null | undefined {
  if (t.kind === 't3') {
    const c = T3_COLUMN_INDEX.get(column);
    return c === undefined ? undefined : t.byKey.get(row)?.cells[c];
  }
  if (t.kind === 't4') {
    const g = T4_GROUP_INDEX.get(row);
    const r = T4_RESULT_INDEX.get(column);
    return g === undefined || r === undefined ? undefined : t.cells[g * TABLE4.results.length + r];
  }
  for (const it of t.items) {
    const r = it.rows.find((x) => x.spec.key === row);
    if (!r) continue;
    const c = it.spec.values.findIndex((v) => v.key === column);
    return c < 0 ? undefined : r.cells[c];
  }
  return undefined;
}

/** A cell's place in tables of one kind, worked out once from its keys: cellAtAddress finds it without looking its column up. */
export interface CellAddress {
  row: string;
  column: string;
  /** Table 三: the column's index; 四: the cell's index; −1: no such cell; −2 (table 二): looked up by cellIn. */
  index: number;
}

export function addressOf(kind: TableKind, row: string, column: string): CellAddress {
  if (kind === 't3') return { row, column, index: T3_COLUMN_INDEX.get(column) ?? -1 };
  if (kind === 't4') {
    const g = T4_GROUP_INDEX.get(row);
    const r = T4_RESULT_INDEX.get(column);
    return { row, column, index: g === undefined || r === undefined ? -1 : g * TABLE4.results.length + r };
  }
  return { row, column, index: -2 };
}

/** The cell at an address made for the table's kind (addressOf): cellIn's answer. */
export function cellAtAddress(t: Table, a: CellAddress): Cell | null | undefined {
  if (a.index === -1) return undefined;
  if (t.kind === 't3') return t.byKey.get(a.row)?.cells[a.index];
  if (t.kind === 't4') return t.cells[a.index];
  return cellIn(t, a.row, a.column);
}

// The walks of the tables used last (an analysis's rules, then hover and lens, ask one table
// many times); an open report does not keep its own (bench/RESULTS.md, issue 19 item 4).
const walked = new RecentMemo<Table, KeyedCell[]>(32);

/** Every value cell of a table, in reading order, with its key and labels (tables are never changed: the same walk while it is kept). */
export function keyedCells(t: Table): KeyedCell[] {
  return walked.get(t, (x) => (x.kind === 't3' ? t3Cells(x) : x.kind === 't4' ? t4Cells(x) : t2Cells(x)));
}

function t3Cells(t: Table3): KeyedCell[] {
  const out: KeyedCell[] = [];
  for (const r of t.rows) {
    const rowLabel = t3RowLabel(r.spec);
    r.cells.forEach((cell, i) => {
      if (cell) out.push({ key: cell.key, table: t, row: t3RowKey(r.spec), column: TABLE3.columns[i].key, rowLabel, columnLabel: columnLabel(TABLE3.columns[i]), cell });
    });
  }
  return out;
}

function t4Cells(t: Table4): KeyedCell[] {
  const out: KeyedCell[] = [];
  const width = TABLE4.results.length;
  t.cells.forEach((cell, i) => {
    if (!cell) return;
    const g = Math.floor(i / width);
    const r = TABLE4.results[i % width];
    out.push({ key: cell.key, table: t, row: T4_ROW_KEYS[g], column: r.key, rowLabel: T4_GRID[g].label, columnLabel: columnLabel(r), cell });
  });
  return out;
}

function t2Cells(t: Table2): KeyedCell[] {
  const out: KeyedCell[] = [];
  for (const it of t.items) {
    for (const r of it.rows) {
      const rowLabel = t2RowLabel(r.spec);
      const row = t2RowKey(r.spec);
      r.cells.forEach((cell, i) => {
        const col = it.spec.values[i];
        if (cell && col) out.push({ key: cell.key, table: t, row, column: col.key, rowLabel, columnLabel: columnLabel(col), cell });
      });
    }
  }
  return out;
}

/** A printed row of a table: its key (table 四's one printed row: `t4`), label and cells. */
export interface PrintedRow {
  key: string;
  label: Localized;
  cells: (Cell | null)[];
}

const T4_ROW: Localized = TABLE4.name;
const printed = new RecentMemo<Table, PrintedRow[]>(32);

/** The rows as the report prints them (table 四: fifteen cells in one row). */
export function printedRows(t: Table): PrintedRow[] {
  return printed.get(t, (x) => {
    if (x.kind === 't3') return packedMap(x.rows, (r) => ({ key: t3RowKey(r.spec), label: t3RowLabel(r.spec), cells: r.cells }));
    if (x.kind === 't4') return [{ key: 't4', label: T4_ROW, cells: x.cells }];
    return x.items.flatMap((it) => it.rows.map((r) => ({ key: t2RowKey(r.spec), label: t2RowLabel(r.spec), cells: r.cells })));
  });
}

/** The key of the row a cell key belongs to: `t3.new.total` → `t3.new`. */
export function rowOfKey(key: CellKey): string {
  return key.slice(0, key.lastIndexOf('.'));
}

/** The table whose lines include `line`. */
export function tableAt(tables: Table[], line: number): Table | undefined {
  return tables.find((t) => t.startLine <= line && line <= t.endLine);
}

/** The first table of each kind, in document order: the tables whose cells a report's keys name (a document of many reports is read by its first ones). */
export function firstTables(tables: readonly Table[]): Table[] {
  const out: Table[] = [];
  const seen = new Set<string>();
  for (const t of tables) {
    if (seen.has(t.kind)) continue;
    seen.add(t.kind);
    out.push(t);
    if (seen.size === 3) break;
  }
  return out;
}
