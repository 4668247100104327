// The identities of a table, from the format's declarations (IdentitySpec): one routine expands
// each declaration over the rows or columns it is repeated for, and keeps the identities whose
// cells are all present and numeric. The arithmetic rules, the fixer, hover and the verdicts use it.

import { formatNumber } from '../cells.js';
import { FORMAT_2021, type ArithmeticRule, type CellKey, type IdentitySpec, type KeyRef } from '../format/index.js';
import type { Localized } from '../i18n.js';
import { cellIn, gridColumns, gridRows } from '../keys.js';
import { msg } from '../messages.js';
import type { Cell, Table } from '../model.js';

/** A cell that identities may use: present, and a number written in ASCII digits. */
export function numeric(c: Cell | null | undefined): c is Cell & { value: number } {
  return !!c && c.value !== null && c.problem !== 'fullwidth';
}

export const round = (n: number) => Math.round(n * 10000) / 10000;

/** One identity: `anchor` must equal `expected`, which is Σ signs[i] · summands[i]. */
export interface Identity {
  rule: ArithmeticRule;
  /** The anchor's cell key. */
  key: CellKey;
  /** What the declaration is repeated over: this identity is one row's or one column's. */
  over?: 'row' | 'column';
  anchor: Cell;
  summands: Cell[];
  signs: (1 | -1)[];
  expected: number;
  /** The formula with its numbers, e.g. `8 + 0 + 0 = 8` (built when asked for). */
  readonly formula: string;
  describe: (expected: number, actual: number) => Localized;
}

/** Σ signs[i] · value(summands[i]), rounded as the format's numbers are (the fee has decimals). */
export function evaluate(id: Pick<Identity, 'summands' | 'signs'>, value: (c: Cell) => number = (c) => c.value as number): number {
  let s = 0;
  for (let i = 0; i < id.summands.length; i++) s += id.signs[i] * value(id.summands[i]);
  return round(s);
}

export function holds(id: Identity): boolean {
  return round(id.anchor.value as number) === id.expected;
}

function formulaOf(cells: Cell[], signs: (1 | -1)[], expected: number): string {
  let s = '';
  cells.forEach((c, i) => (s += (i === 0 ? (signs[i] < 0 ? '−' : '') : signs[i] < 0 ? ' − ' : ' + ') + formatNumber(c.value as number)));
  return `${s} = ${formatNumber(expected)}`;
}

function keysOf(ref: KeyRef, each: string | undefined, all: { key: string; role: string }[]): string[] {
  if (typeof ref !== 'string') return all.filter((x) => x.role === ref.role).map((x) => x.key);
  return [ref === '*' ? (each as string) : ref];
}

/** The identities a format declares, expanded over one table. */
function expand(t: Table, spec: IdentitySpec, out: Identity[]): void {
  const rows = gridRows(t);
  const columns = gridColumns(t);
  const over = spec.each === 'row' ? rows.map((r) => r.key) : spec.each === 'column' ? columns.map((c) => c.key) : [undefined];
  const prefix = t.kind;
  for (const v of over) {
    const anchorRow = spec.anchor.row === '*' ? v! : spec.anchor.row;
    const anchorColumn = spec.anchor.column === '*' ? v! : spec.anchor.column;
    const anchor = cellIn(t, anchorRow, anchorColumn);
    if (!numeric(anchor)) continue;
    const summands: Cell[] = [];
    const signs: (1 | -1)[] = [];
    let complete = true;
    for (const term of spec.terms) {
      for (const r of keysOf(term.row, v, rows)) {
        for (const c of keysOf(term.column, v, columns)) {
          const cell = cellIn(t, r, c);
          if (!numeric(cell)) complete = false;
          else { summands.push(cell); signs.push(term.sign); }
        }
      }
    }
    if (!complete) continue;
    const expected = evaluate({ summands, signs });
    const rowLabel = rows.find((r) => r.key === anchorRow)!.label;
    const columnLabel = columns.find((c) => c.key === anchorColumn)!;
    let text: string | undefined;
    const formula = () => (text ??= formulaOf(summands, signs, expected));
    const parts = { rowLabel, columnLabel: { zh: columnLabel.label, en: columnLabel.en }, values: summands.map((c) => c.value as number), count: summands.length, formula };
    out.push({
      rule: spec.rule, key: `${prefix}.${anchorRow}.${anchorColumn}`, over: spec.each, anchor, summands, signs, expected,
      get formula() { return formula(); },
      describe: (e, a) => msg.identity(spec.rule, parts, e, a),
    });
  }
}

const cache = new WeakMap<Table, Identity[]>();

/** Every identity of a table whose cells are all present and numeric (cached per table object). */
export function identities(t: Table): Identity[] {
  let ids = cache.get(t);
  if (!ids) {
    ids = [];
    for (const spec of FORMAT_2021.identities) if (spec.table === t.kind) expand(t, spec, ids);
    cache.set(t, ids);
  }
  return ids;
}

/** How many identities the format declares for a table as read (evaluated or not): 39 for table 三, 37 where （六） is one row, 3 for 四. */
export function possibleIdentities(t: Table): number {
  let n = 0;
  for (const spec of FORMAT_2021.identities) {
    if (spec.table !== t.kind) continue;
    n += spec.each === 'row' ? gridRows(t).length : spec.each === 'column' ? gridColumns(t).length : 1;
  }
  return n;
}

/** Whether the format repeats identities over a table's rows or columns (table 三: row and column verdicts). */
export function repeats(t: Table): boolean {
  return FORMAT_2021.identities.some((spec) => spec.table === t.kind && spec.each !== undefined);
}
