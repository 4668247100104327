// The five arithmetic rules of the contract. Each failing identity is reported once, at its
// derived cell, with `expected` computed from every other cell as written. An identity with a
// blank or non-numeric cell is not evaluated.

import { formatNumber } from '../cells.js';
import { diag, type Diagnostic, type RuleId } from '../diagnostics.js';
import { T3_COLUMNS, T4_GROUPS } from '../format.js';
import { msg } from '../messages.js';
import type { Cell, Table, Table3, Table4 } from '../model.js';
import { cellRange } from '../tables/common.js';

/** A cell that identities may use: present, and a number written in ASCII digits. */
export function numeric(c: Cell | null | undefined): c is Cell & { value: number } {
  return !!c && c.value !== null && c.problem !== 'fullwidth';
}

const round = (n: number) => Math.round(n * 10000) / 10000;

/** One identity: `anchor` must equal `expected`, which is computed from `summands`. */
export interface Identity {
  rule: RuleId;
  anchor: Cell;
  summands: Cell[];
  expected: number;
  /** The formula with its numbers, e.g. `8 + 0 + 0 = 8` (built when asked for). */
  readonly formula: string;
  describe: (expected: number, actual: number) => ReturnType<typeof msg.rowTotal>;
}

/** An identity whose formula text is only built when someone reads it (most identities hold). */
function identity(rule: RuleId, anchor: Cell, summands: Cell[], expected: number, formula: () => string, describe: Identity['describe']): Identity {
  let text: string | undefined;
  return {
    rule, anchor, summands, expected, describe,
    get formula() {
      return (text ??= formula());
    },
  };
}

const sumFormula = (cells: Cell[], expected: number) => () => `${cells.map((c) => formatNumber(c.value!)).join(' + ')} = ${formatNumber(expected)}`;

function sum(cells: Cell[]): number {
  return round(cells.reduce((s, c) => s + (c.value as number), 0));
}

/** Every identity of a table whose cells are all present and numeric. */
export function identities(t: Table): Identity[] {
  if (t.kind === 't3') return t3Identities(t);
  if (t.kind === 't4') return t4Identities(t);
  return [];
}

function t3Identities(t: Table3): Identity[] {
  const ids: Identity[] = [];
  for (const row of t.rows) {
    const inputs = row.cells.slice(0, 6);
    const total = row.cells[6];
    if (!numeric(total) || !inputs.every(numeric)) continue;
    const ins = inputs as Cell[];
    const expected = sum(ins);
    const label = row.spec.ordinal + row.spec.text;
    const formula = sumFormula(ins, expected);
    ids.push(identity('request-row-total', total, ins, expected, formula, (e, a) => msg.rowTotal(label, formula(), e, a)));
  }
  const outcomes = t.rows.filter((r) => r.spec.role === 'outcome');
  const totalRow = t.byKey.get('total');
  const expectedOutcomes = t.singleOther ? 19 : 21;
  if (totalRow && outcomes.length === expectedOutcomes) {
    for (let c = 0; c < 7; c++) {
      const anchor = totalRow.cells[c];
      const cells = outcomes.map((r) => r.cells[c]);
      if (!numeric(anchor) || !cells.every(numeric)) continue;
      const ins = cells as Cell[];
      const expected = sum(ins);
      ids.push(identity('request-outcome-total', anchor, ins, expected, sumFormula(ins, expected), (e, a) => msg.outcomeTotal(T3_COLUMNS[c], e, a)));
    }
  }
  const [n, k, o] = [t.byKey.get('new'), t.byKey.get('carried'), t.byKey.get('carryOver')];
  if (n && k && o && totalRow) {
    for (let c = 0; c < 7; c++) {
      const [a, b, s, anchor] = [n.cells[c], k.cells[c], totalRow.cells[c], o.cells[c]];
      if (!numeric(a) || !numeric(b) || !numeric(s) || !numeric(anchor)) continue;
      const expected = round(a.value + b.value - s.value);
      const formula = () => `${formatNumber(a.value)} + ${formatNumber(b.value)} − ${formatNumber(s.value)} = ${formatNumber(expected)}`;
      ids.push(identity('request-balance', anchor, [a, b, s], expected, formula, (e, act) => msg.balance(T3_COLUMNS[c], a.value, b.value, s.value, e, act)));
    }
  }
  return ids;
}

function t4Identities(t: Table4): Identity[] {
  const ids: Identity[] = [];
  for (const g of T4_GROUPS) {
    const anchor = t.cells[g.total];
    const cells = g.inputs.map((i) => t.cells[i]);
    if (!numeric(anchor) || !cells.every(numeric)) continue;
    const ins = cells as Cell[];
    const expected = sum(ins);
    const formula = sumFormula(ins, expected);
    ids.push(identity(g.rule, anchor, ins, expected, formula, (e, a) => msg.t4Total(g.name, g.nameEn, formula(), e, a)));
  }
  return ids;
}

export function holds(id: Identity): boolean {
  return round(id.anchor.value as number) === id.expected;
}

export function arithmeticDiagnostics(t: Table): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const id of identities(t)) {
    if (holds(id)) continue;
    const actual = id.anchor.value as number;
    const text = formatNumber(id.expected);
    out.push(
      diag(id.rule, cellRange(id.anchor), id.describe(id.expected, actual), {
        expected: id.expected,
        actual,
        related: id.summands.map((c) => ({ range: cellRange(c), message: { zh: `${c.label}：${c.text}`, en: `${c.labelEn}: ${c.text}` } })),
        fix: id.expected >= 0 ? { title: msg.fixCell(text, id.rule === 'request-balance'), edits: [{ range: cellRange(id.anchor), newText: text }] } : undefined,
      }),
    );
  }
  return out;
}
