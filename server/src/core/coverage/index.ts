// What was verified (CONTRACT.md, "Completeness and coverage"): for each table the rows found of
// those its format has, and of the identities the format declares, how many were evaluated and
// why each other one could not be (its table or a row missing, a row found only in another part of
// its table — cut in two by other text —, a row found whose cells could not be read, a cell missing,
// blank or not a number). Table 二 has no identities: its cells that were
// not read as numbers are listed with it (`unread`). One function over the analysis; the CLI's JSON,
// `export`, the text summary and the editor (code lens, outline, status bar) all say what it says,
// so that a report that was fully verified can be told from one in which nothing wrong was found
// but not everything could be checked.

import type { Analysis } from '../analysis.js';
import { t3Rows, TABLE2_2019, TABLE2_2021, TABLE4, type CellKey, type Format, type Table2Spec, type TableKind } from '../format/index.js';
import type { Table, Table2, Table3, Table4 } from '../model.js';
import { cellIn, t2RowKey } from '../keys.js';
import { declared, identities, identityOf, numeric, type Declared } from '../rules/identities.js';

/**
 * Why an identity was not evaluated (or a cell of table 二 not read), the most telling reason first.
 * `table-split`: the row was found, in another part of its table (the table cut in two by other
 * text: an identity is evaluated within one part); `row-unread`: the row was found but none of its
 * cells could be read — its numbers could not be put in their columns (fewer or more than the
 * format has: `cells-missing`, `cells-extra`), or it has none; `cell-missing`: one cell of a row
 * whose other cells were read is absent.
 */
export type NotEvaluableWhy = 'table-missing' | 'row-missing' | 'table-split' | 'row-unread' | 'cell-missing' | 'blank' | 'not-number';
const WHY_ORDER: NotEvaluableWhy[] = ['table-missing', 'row-missing', 'table-split', 'row-unread', 'cell-missing', 'not-number', 'blank'];

export interface NotEvaluable {
  /** The identity: its rule and anchor cell, `request-balance:t3.carryOver.natural`. */
  id: string;
  why: NotEvaluableWhy;
  /** The cell (for blank, not-number, cell-missing) or row (row-missing, table-split, row-unread) that kept it from being evaluated. */
  cell?: CellKey;
  row?: string;
}

/** A cell (or a found row's cells) of table 二 not read as a number: table 二 has no identities to say it. */
export interface Unread {
  why: Exclude<NotEvaluableWhy, 'table-missing' | 'row-missing' | 'table-split'>;
  /** The cell (blank, not-number, cell-missing) or the row (row-unread). */
  cell?: CellKey;
  row?: string;
}

export interface TableCoverage {
  /** Rows found (table 四: its three groups, found when its row of numbers is, read into its columns or not). */
  rows: number;
  /** Rows the format has. */
  of: number;
  /** Table 二 only, and only where there is one: what of its rows found was not read as numbers. */
  unread?: Unread[];
}

export interface Coverage {
  tables: Record<TableKind, TableCoverage>;
  identities: { evaluated: number; of: number; notEvaluable: NotEvaluable[] };
}

const EMPTY_T3: Table3 = { kind: 't3', startLine: 0, endLine: 0, rows: [], byKey: new Map(), singleOther: false, headers: [] };
const EMPTY_T4: Table4 = { kind: 't4', startLine: 0, endLine: 0, headers: [], cells: new Array(TABLE4.groups.length * TABLE4.results.length).fill(null), rowFound: false };

function firstOf<K extends TableKind>(a: Analysis, kind: K): Extract<Table, { kind: K }> | undefined {
  return a.tables.find((t) => t.kind === kind) as Extract<Table, { kind: K }> | undefined;
}

/** How many rows table 二 has in each format (counted once). */
const rowCount = (spec: Table2Spec) => spec.items.reduce((n, it) => n + it.rows.length, 0);
const T2_OF: Record<Table2['format'], number> = { '2019': rowCount(TABLE2_2019), '2021': rowCount(TABLE2_2021) };

/** The row keys of table 二 found (in every part, `tables`). */
function t2Keys(tables: readonly Table2[]): Set<string> {
  const found = new Set<string>();
  for (const t of tables) for (const it of t.items) for (const r of it.rows) found.add(r.spec.key);
  return found;
}

/**
 * What of table 二's rows found was not read as numbers (in every part, `tables`; a row read twice
 * counted once): a row none of whose cells was read, each other cell absent, blank or not a number
 * (as the identities of tables 三 and 四 read a cell: `numeric`).
 */
function t2Unread(tables: readonly Table2[]): Unread[] {
  const out: Unread[] = [];
  const seen = new Set<string>();
  for (const t of tables) for (const it of t.items) for (const r of it.rows) {
    const row = t2RowKey(r.spec);
    if (seen.has(row)) continue;
    seen.add(row);
    if (!r.cells.some((c) => c)) { out.push({ why: 'row-unread', row }); continue; }
    r.cells.forEach((c, i) => {
      if (numeric(c)) return;
      if (!c) out.push({ why: 'cell-missing', cell: `${row}.${it.spec.values[i].key}` });
      else out.push({ why: c.problem === 'blank' ? 'blank' : 'not-number', cell: c.key });
    });
  }
  return out;
}

function t2Coverage(t: Table2 | undefined, all: readonly Table2[] = t ? [t] : []): TableCoverage {
  const c: TableCoverage = { rows: all.length > 1 ? t2Keys(all).size : t ? t2Keys([t]).size : 0, of: T2_OF[t?.format === '2019' ? '2019' : '2021'] };
  const unread = t2Unread(all);
  if (unread.length) c.unread = unread;
  return c;
}

/** Table 四's groups found: all three where its row of numbers was found (read into its columns or not), else those that have a cell. */
function t4Groups(t: Table4): Set<string> {
  const width = TABLE4.results.length;
  const found = new Set<string>();
  TABLE4.groups.forEach((g, i) => {
    if (t.rowFound || t.cells.slice(i * width, (i + 1) * width).some((c) => c !== null)) found.add(g.key);
  });
  return found;
}

/** The rows a part of table 三 or 四 has (table 四: its groups found), by their keys without the table. */
function rowsIn(t: Table3 | Table4): ReadonlySet<string> {
  return t.kind === 't3' ? new Set(t.byKey.keys()) : t4Groups(t);
}

/** Whether a found row has no cell at all (none of its numbers could be put in its column). */
function noCellIn(t: Table, row: string): boolean {
  if (t.kind === 't3') return !t.byKey.get(row)?.cells.some((c) => c);
  if (t.kind === 't4') {
    const g = TABLE4.groups.findIndex((x) => x.key === row);
    const width = TABLE4.results.length;
    return g >= 0 && !t.cells.slice(g * width, (g + 1) * width).some((c) => c);
  }
  return false;
}

/** Why a declared identity could not be evaluated, or null when every cell it needs is a number. */
function whyNot(d: Declared, t: Table, rowFound: (row: string) => boolean, elsewhere: (row: string) => boolean): Omit<NotEvaluable, 'id'> | null {
  let best: Omit<NotEvaluable, 'id'> | null = null;
  for (const [row, column] of d.refs) {
    const cell = cellIn(t, row, column);
    if (numeric(cell)) continue;
    const rowKey = `${t.kind}.${row}`;
    const x: Omit<NotEvaluable, 'id'> = !rowFound(row)
      ? { why: elsewhere(row) ? 'table-split' : 'row-missing', row: rowKey }
      : !cell
        ? noCellIn(t, row) ? { why: 'row-unread', row: rowKey } : { why: 'cell-missing', cell: `${rowKey}.${column}` }
        : { why: cell.problem === 'blank' ? 'blank' : 'not-number', cell: cell.key };
    if (!best || WHY_ORDER.indexOf(x.why) < WHY_ORDER.indexOf(best.why)) best = x;
  }
  return best;
}

/**
 * The identities of table 三 or 四 as read in `t`: evaluated, or why not. `parts`: every part of
 * that table the report has (cut in two by other text). With `across`, an identity evaluated in any
 * part counts (the arithmetic rules evaluate each part: a row total in the second is checked there),
 * and one no part could evaluate is said why by the part that has all its rows, if one does (a blank,
 * a row not read), else by `t` — a row in another part is `table-split`, never `row-missing`.
 * Without, only `t`'s own (the code lens above one part).
 */
function identityCoverage(t: Table3 | Table4 | undefined, kind: 't3' | 't4', format: Format, out: Coverage['identities'] = { evaluated: 0, of: 0, notEvaluable: [] }, parts: readonly Table[] = [], across = false): Coverage['identities'] {
  const table = t ?? (kind === 't3' ? EMPTY_T3 : EMPTY_T4);
  let groups: Set<string> | undefined;
  const rowFound = (row: string) => (table.kind === 't3' ? table.byKey.has(row) : (groups ??= t4Groups(table)).has(row));
  const others = parts.filter((p): p is Table3 | Table4 => p !== t && p.kind === kind);
  let rowsOfOthers: ReadonlySet<string>[] | undefined;
  const elsewhere = (row: string) => (rowsOfOthers ??= others.map(rowsIn)).some((r) => r.has(row));
  // In the other parts (rare: a table cut in two), the identities each evaluates and the rows it has.
  let inOthers: { part: Table3 | Table4; rows: ReadonlySet<string>; ids: Set<string> }[] | undefined;
  const otherParts = () => (inOthers ??= others.map((part) => ({ part, rows: rowsIn(part), ids: new Set(identities(part, format).map((x) => `${x.rule}:${x.key}`)) })));
  // The identities evaluated (the arithmetic rules' own, kept per table) come in the declarations'
  // order: a declaration that has one needs no look at its cells (every one is a number).
  const evaluated = t ? identities(t, format) : [];
  let next = 0;
  for (const d of declared(table, format)) {
    out.of++;
    const id = `${d.rule}:${d.key}`;
    if (!t) { out.notEvaluable.push({ id, why: 'table-missing' }); continue; }
    if (next < evaluated.length && identityOf(evaluated[next], d)) { next++; out.evaluated++; continue; }
    if (across && others.length && otherParts().some((o) => o.ids.has(id))) { out.evaluated++; continue; }
    let why = whyNot(d, table, rowFound, elsewhere);
    if (why && across && others.length && !d.refs.every(([row]) => rowFound(row))) {
      // The part that has every row this identity needs says why it could not be evaluated there.
      const whole = otherParts().find((o) => d.refs.every(([row]) => o.rows.has(row)));
      if (whole) why = whyNot(d, whole.part, (row) => whole.rows.has(row), () => false) ?? why;
    }
    if (why) out.notEvaluable.push({ id, ...why });
    else out.evaluated++;
  }
  return out;
}

/** One table's coverage (the code lens above it): its rows and its identities. */
export interface OneTableCoverage {
  tables: Partial<Record<TableKind, TableCoverage>>;
  identities: Coverage['identities'];
}

/**
 * One table's coverage (the code lens above it, its outline entry). `tables`: the report's tables,
 * where the table may be one part of several (cut in two by other text): its rows are then those of
 * every part, and a row found in another part is not said to be missing.
 */
export function tableCoverage(t: Table, format: Format, tables: readonly Table[] = [t]): OneTableCoverage {
  const parts = tables.filter((x) => x.kind === t.kind);
  if (t.kind === 't2') return { tables: { t2: t2Coverage(t, parts.length > 1 ? (parts as Table2[]) : [t]) }, identities: { evaluated: 0, of: 0, notEvaluable: [] } };
  const rows = t.kind === 't3' ? t3Found(t) : t4Found(t);
  if (parts.length > 1) rows.rows = new Set(parts.flatMap((p) => [...rowsIn(p as Table3 | Table4)])).size;
  return { tables: { [t.kind]: rows }, identities: identityCoverage(t, t.kind, format, undefined, parts) };
}

const t3Found = (t: Table3 | undefined): TableCoverage => ({ rows: t ? t.byKey.size : 0, of: t3Rows(t?.singleOther ?? false).length });
const t4Found = (t: Table4 | undefined): TableCoverage => ({ rows: t ? t4Groups(t).size : 0, of: TABLE4.groups.length });

/**
 * The coverage of a report's analysis. Where a table was read in two parts (cut by a paragraph),
 * its rows are those of both parts, and its identities the first part's (the others cannot be
 * evaluated across the cut, and say so).
 */
export function coverage(a: Analysis): Coverage {
  const t2 = firstOf(a, 't2');
  const t3 = firstOf(a, 't3');
  const t4 = firstOf(a, 't4');
  const identities: Coverage['identities'] = { evaluated: 0, of: 0, notEvaluable: [] };
  identityCoverage(t3, 't3', a.format, identities, a.tables, true);
  identityCoverage(t4, 't4', a.format, identities, a.tables, true);
  const t3rows = t3Found(t3);
  const t3all = a.tables.filter((t): t is Table3 => t.kind === 't3');
  if (t3all.length > 1) t3rows.rows = new Set(t3all.flatMap((t) => [...t.byKey.keys()])).size;
  const t4rows = t4Found(t4);
  const t4all = a.tables.filter((t): t is Table4 => t.kind === 't4');
  if (t4all.length > 1) t4rows.rows = new Set(t4all.flatMap((t) => [...t4Groups(t)])).size;
  const t2rows = t2Coverage(t2, a.tables.filter((t): t is Table2 => t.kind === 't2'));
  return { tables: { t2: t2rows, t3: t3rows, t4: t4rows }, identities };
}

/** Whether everything was verified: every row of every table found, every cell of table 二 read as a number, every identity evaluated. */
export function fullyChecked(c: Coverage | OneTableCoverage): boolean {
  return Object.values(c.tables).every((x) => !x || (x.rows === x.of && !x.unread?.length)) && c.identities.evaluated === c.identities.of;
}
