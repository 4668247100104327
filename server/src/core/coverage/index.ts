// What was verified (CONTRACT.md, "Completeness and coverage"): for each table the rows found of
// those its format has, and of the identities the format declares, how many were evaluated and
// why each other one could not be (its table or a row missing, a cell missing, blank or not a
// number). One function over the analysis; the CLI's JSON, `export`, the text summary and the
// editor (code lens, status bar) all say what it says, so that a report that was fully verified
// can be told from one in which nothing wrong was found but not everything could be checked.

import type { Analysis } from '../analysis.js';
import { t3Rows, TABLE2_2019, TABLE2_2021, TABLE4, type CellKey, type Format, type Table2Spec, type TableKind } from '../format/index.js';
import type { Table, Table2, Table3, Table4 } from '../model.js';
import { cellIn } from '../keys.js';
import { declared, identities, identityOf, numeric, type Declared } from '../rules/identities.js';

/** Why an identity was not evaluated, the most telling reason first. */
export type NotEvaluableWhy = 'table-missing' | 'row-missing' | 'cell-missing' | 'blank' | 'not-number';
const WHY_ORDER: NotEvaluableWhy[] = ['table-missing', 'row-missing', 'cell-missing', 'not-number', 'blank'];

export interface NotEvaluable {
  /** The identity: its rule and anchor cell, `request-balance:t3.carryOver.natural`. */
  id: string;
  why: NotEvaluableWhy;
  /** The cell (for blank, not-number, cell-missing) or row (row-missing) that kept it from being evaluated. */
  cell?: CellKey;
  row?: string;
}

export interface TableCoverage {
  /** Rows found (table 四: its three groups, a group found when it has a cell). */
  rows: number;
  /** Rows the format has. */
  of: number;
}

export interface Coverage {
  tables: Record<TableKind, TableCoverage>;
  identities: { evaluated: number; of: number; notEvaluable: NotEvaluable[] };
}

const EMPTY_T3: Table3 = { kind: 't3', startLine: 0, endLine: 0, rows: [], byKey: new Map(), singleOther: false, headers: [] };
const EMPTY_T4: Table4 = { kind: 't4', startLine: 0, endLine: 0, headers: [], cells: new Array(TABLE4.groups.length * TABLE4.results.length).fill(null) };

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

function t2Coverage(t: Table2 | undefined): TableCoverage {
  return { rows: t ? t2Keys([t]).size : 0, of: T2_OF[t?.format === '2019' ? '2019' : '2021'] };
}

/** Table 四's groups that have at least one cell. */
function t4Groups(t: Table4): Set<string> {
  const width = TABLE4.results.length;
  const found = new Set<string>();
  TABLE4.groups.forEach((g, i) => {
    if (t.cells.slice(i * width, (i + 1) * width).some((c) => c !== null)) found.add(g.key);
  });
  return found;
}

/** Why a declared identity could not be evaluated, or null when every cell it needs is a number. */
function whyNot(d: Declared, t: Table, rowFound: (row: string) => boolean): Omit<NotEvaluable, 'id'> | null {
  let best: Omit<NotEvaluable, 'id'> | null = null;
  for (const [row, column] of d.refs) {
    const cell = cellIn(t, row, column);
    if (numeric(cell)) continue;
    const rowKey = `${t.kind}.${row}`;
    const x: Omit<NotEvaluable, 'id'> = !rowFound(row) ? { why: 'row-missing', row: rowKey } : !cell ? { why: 'cell-missing', cell: `${rowKey}.${column}` } : { why: cell.problem === 'blank' ? 'blank' : 'not-number', cell: cell.key };
    if (!best || WHY_ORDER.indexOf(x.why) < WHY_ORDER.indexOf(best.why)) best = x;
  }
  return best;
}

function identityCoverage(t: Table3 | Table4 | undefined, kind: 't3' | 't4', format: Format, out: Coverage['identities'] = { evaluated: 0, of: 0, notEvaluable: [] }): Coverage['identities'] {
  const table = t ?? (kind === 't3' ? EMPTY_T3 : EMPTY_T4);
  let groups: Set<string> | undefined;
  const rowFound = (row: string) => (table.kind === 't3' ? table.byKey.has(row) : (groups ??= t4Groups(table)).has(row));
  // The identities evaluated (the arithmetic rules' own, kept per table) come in the declarations'
  // order: a declaration that has one needs no look at its cells (every one is a number).
  const evaluated = t ? identities(t, format) : [];
  let next = 0;
  for (const d of declared(table, format)) {
    out.of++;
    if (!t) { out.notEvaluable.push({ id: `${d.rule}:${d.key}`, why: 'table-missing' }); continue; }
    if (next < evaluated.length && identityOf(evaluated[next], d)) { next++; out.evaluated++; continue; }
    const why = whyNot(d, table, rowFound);
    if (why) out.notEvaluable.push({ id: `${d.rule}:${d.key}`, ...why });
    else out.evaluated++;
  }
  return out;
}

/** One table's coverage (the code lens above it): its rows and its identities. */
export interface OneTableCoverage {
  tables: Partial<Record<TableKind, TableCoverage>>;
  identities: Coverage['identities'];
}

export function tableCoverage(t: Table, format: Format): OneTableCoverage {
  if (t.kind === 't2') return { tables: { t2: t2Coverage(t) }, identities: { evaluated: 0, of: 0, notEvaluable: [] } };
  return { tables: { [t.kind]: t.kind === 't3' ? t3Found(t) : t4Found(t) }, identities: identityCoverage(t, t.kind, format) };
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
  identityCoverage(t3, 't3', a.format, identities);
  identityCoverage(t4, 't4', a.format, identities);
  const t3rows = t3Found(t3);
  const t3all = a.tables.filter((t): t is Table3 => t.kind === 't3');
  if (t3all.length > 1) t3rows.rows = new Set(t3all.flatMap((t) => [...t.byKey.keys()])).size;
  const t2rows = t2Coverage(t2);
  const t2all = a.tables.filter((t): t is Table2 => t.kind === 't2');
  if (t2all.length > 1) t2rows.rows = t2Keys(t2all).size;
  return { tables: { t2: t2rows, t3: t3rows, t4: t4Found(t4) }, identities };
}

/** Whether everything was verified: every row of every table found and every identity evaluated. */
export function fullyChecked(c: Coverage | OneTableCoverage): boolean {
  return Object.values(c.tables).every((x) => !x || x.rows === x.of) && c.identities.evaluated === c.identities.of;
}
