// The identities of a table, from the declarations (IdentitySpec) of the format the report is in
// (2021 or 2019: analysis.format, reportFormat): one routine expands each declaration over the
// rows or columns it is repeated for, and keeps the identities whose cells are all present and
// numeric. The arithmetic rules, the fixer, hover and the verdicts use it.

import { formatNumber } from '../cells.js';
import { FORMAT_2019, FORMAT_2021, type ArithmeticRule, type CellKey, type Format, type IdentitySpec, type KeyRef } from '../format/index.js';
import type { Localized } from '../i18n.js';
import { addressOf, cellAtAddress, gridColumns, gridRows, type CellAddress } from '../keys.js';
import { msg } from '../messages.js';
import type { Cell, Table } from '../model.js';
import { ObjectSlot } from '../recent.js';

/** A cell that identities may use: present, and a number written in ASCII digits. */
export function numeric(c: Cell | null | undefined): c is Cell & { value: number } {
  return !!c && c.value !== null && c.problem !== 'fullwidth';
}

export const round = (n: number) => Math.round(n * 10000) / 10000;

/** One identity: `anchor` must equal `expected`, which is Σ signs[i] · summands[i]. */
export interface Identity {
  readonly rule: ArithmeticRule;
  /** The anchor's cell key. */
  readonly key: CellKey;
  /** What the declaration is repeated over: this identity is one row's or one column's. */
  readonly over?: 'row' | 'column';
  readonly anchor: Cell;
  readonly summands: Cell[];
  readonly signs: (1 | -1)[];
  readonly expected: number;
  /** The formula with its numbers, e.g. `8 + 0 + 0 = 8` (built when asked for). */
  readonly formula: string;
  /** The anchor's name in a formula (`总计 = 8 + 0 = 8`): its row's label where the identity is a column's, else its column's. */
  readonly anchorName: Localized;
  describe(expected: number, actual: number): Localized;
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

/** One identity of a declaration, as cell addresses: worked out once per table shape, not per table. */
interface Plan {
  rule: ArithmeticRule;
  over?: 'row' | 'column';
  key: CellKey;
  anchor: [string, string];
  terms: [string, string][];
  signs: (1 | -1)[];
  rowLabel: Localized;
  columnLabel: Localized;
  /** The anchor's and the terms' cells' places (keys.ts addressOf), in the same order. */
  anchorAt: CellAddress;
  termsAt: CellAddress[];
}

const plans = new Map<unknown, Map<IdentitySpec, Plan[]>>();

/** The plans of a declaration over a table's rows and columns (both constant arrays per table shape). */
function plansOf(t: Table, spec: IdentitySpec): Plan[] {
  const rows = gridRows(t);
  const columns = gridColumns(t);
  let bySpec = plans.get(rows);
  if (!bySpec) plans.set(rows, (bySpec = new Map()));
  let list = bySpec.get(spec);
  if (list) return list;
  list = [];
  const over = spec.each === 'row' ? rows.map((r) => r.key) : spec.each === 'column' ? columns.map((c) => c.key) : [undefined];
  for (const v of over) {
    const row = spec.anchor.row === '*' ? v! : spec.anchor.row;
    const column = spec.anchor.column === '*' ? v! : spec.anchor.column;
    const terms: [string, string][] = [];
    const signs: (1 | -1)[] = [];
    for (const term of spec.terms) {
      for (const r of keysOf(term.row, v, rows)) for (const c of keysOf(term.column, v, columns)) { terms.push([r, c]); signs.push(term.sign); }
    }
    const col = columns.find((c) => c.key === column)!;
    list.push({
      rule: spec.rule, over: spec.each, key: `${t.kind}.${row}.${column}`, anchor: [row, column], terms, signs,
      rowLabel: rows.find((r) => r.key === row)!.label, columnLabel: { zh: col.label, en: col.en },
      anchorAt: addressOf(t.kind, row, column), termsAt: terms.map(([r, c]) => addressOf(t.kind, r, c)),
    });
  }
  bySpec.set(spec, list);
  return list;
}

class TableIdentity implements Identity {
  private text?: string;
  constructor(
    readonly plan: Plan,
    readonly anchor: Cell,
    readonly summands: Cell[],
    readonly expected: number,
  ) {}
  get rule() { return this.plan.rule; }
  get key() { return this.plan.key; }
  get over() { return this.plan.over; }
  get signs() { return this.plan.signs; }
  get anchorName(): Localized { return this.plan.over === 'column' ? this.plan.rowLabel : this.plan.columnLabel; }
  get formula(): string {
    return (this.text ??= formulaOf(this.summands, this.plan.signs, this.expected));
  }
  describe(expected: number, actual: number): Localized {
    const p = this.plan;
    const parts = { rowLabel: p.rowLabel, columnLabel: p.columnLabel, values: this.summands.map((c) => c.value as number), count: this.summands.length, formula: () => this.formula };
    return msg.identity(p.rule, parts, expected, actual);
  }
}

const scratch: Cell[] = [];

/** The identities a format declares, expanded over one table (reusing `before`'s where every cell is the same object). */
function expand(t: Table, spec: IdentitySpec, out: Identity[], before: Map<Plan, TableIdentity> | undefined): void {
  for (const plan of plansOf(t, spec)) {
    const anchor = cellAtAddress(t, plan.anchorAt);
    if (!numeric(anchor)) continue;
    const old = before?.get(plan);
    const at = plan.termsAt;
    if (old && old.anchor === anchor) {
      let same = true;
      for (let i = 0; i < at.length; i++) {
        if (cellAtAddress(t, at[i]) !== old.summands[i]) { same = false; break; }
      }
      if (same) { out.push(old); continue; }
    }
    // Collected in a scratch list, copied once at its size when complete.
    let n = 0;
    for (; n < at.length; n++) {
      const cell = cellAtAddress(t, at[n]);
      if (!numeric(cell)) break;
      scratch[n] = cell;
    }
    if (n < at.length) continue;
    const summands = scratch.slice(0, n);
    out.push(new TableIdentity(plan, anchor, summands, evaluate({ summands, signs: plan.signs })));
  }
}

/**
 * The format a report is in, which its table 二 shows (tables 三 and 四 read the same in both):
 * 2019 where a table 二 is in the 2019 format, else 2021.
 */
export function reportFormat(tables: readonly Table[]): Format {
  for (const t of tables) if (t.kind === 't2' && t.format === '2019') return FORMAT_2019;
  return FORMAT_2021;
}

/** A table's identities under one format's declarations (a table is evaluated under one format at a time), kept on the table. */
const cache = new ObjectSlot<Table, { specs: readonly IdentitySpec[]; ids: Identity[] }>('identities');
const origin = new ObjectSlot<Table, Table>('origin');

/**
 * Declares `next` a copy of `previous` with some cells replaced (the model's one-cell fast path):
 * its identities are then worked out reusing those of `previous` whose cells are all unchanged
 * (the same objects), so an unchanged identity stays the same object, and so does its finding.
 */
export function derivedFrom(next: Table, previous: Table): void {
  if (next.kind === previous.kind) origin.set(next, previous);
}

/** Every identity `format` declares for a table whose cells are all present and numeric (cached per table object and declarations). */
export function identities(t: Table, format: Format): Identity[] {
  const specs = format.identities;
  const known = cache.get(t);
  if (known && known.specs === specs) return known.ids;
  const ids: Identity[] = [];
  const prev = origin.get(t);
  const prevIds = prev && cache.get(prev);
  let before: Map<Plan, TableIdentity> | undefined;
  if (prevIds && prevIds.specs === specs) {
    before = new Map();
    for (const id of prevIds.ids) if (id instanceof TableIdentity) before.set(id.plan, id);
  }
  for (const spec of specs) if (spec.table === t.kind) expand(t, spec, ids, before);
  scratch.length = 0; // holds no table's cells after
  cache.set(t, { specs, ids });
  origin.delete(t);
  return ids;
}

/** How many identities the format declares for a table as read (evaluated or not): 39 for table 三, 37 where （六） is one row, 3 for 四. */
export function possibleIdentities(t: Table, format: Format): number {
  let n = 0;
  for (const spec of format.identities) {
    if (spec.table !== t.kind) continue;
    n += spec.each === 'row' ? gridRows(t).length : spec.each === 'column' ? gridColumns(t).length : 1;
  }
  return n;
}

/** Whether the format repeats identities over a table's rows or columns (table 三: row and column verdicts). */
export function repeats(t: Table, format: Format): boolean {
  return format.identities.some((spec) => spec.table === t.kind && spec.each !== undefined);
}

/** One identity the format declares for a table: the cells it needs (the anchor first) by row and column key, whether the table has them or not (keys.ts cellIn). */
export interface Declared {
  rule: ArithmeticRule;
  /** The anchor's cell key. */
  key: CellKey;
  refs: readonly (readonly [row: string, column: string])[];
}

/** The declaration of each plan, made once (coverage asks for every report's). */
const declarations = new WeakMap<Plan, Declared>();

/** Whether `id` is the identity of declaration `d` (made by `declared` for the same plan). */
export function identityOf(id: Identity, d: Declared): boolean {
  return id instanceof TableIdentity && declarations.get(id.plan) === d;
}

/**
 * Every identity the format declares for a table as read (39 for table 三, 37 where （六） is one
 * row, 3 for 四), in the order `identities` lists those it evaluates.
 */
export function declared(t: Table, format: Format): Declared[] {
  const out: Declared[] = [];
  for (const spec of format.identities) {
    if (spec.table !== t.kind) continue;
    for (const plan of plansOf(t, spec)) {
      let d = declarations.get(plan);
      if (!d) declarations.set(plan, (d = { rule: plan.rule, key: plan.key, refs: [plan.anchor, ...plan.terms] }));
      out.push(d);
    }
  }
  return out;
}
