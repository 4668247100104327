// Cell rules: blanks (one diagnostic per row), placeholders for none and numbers written with a
// unit or separators (one diagnostic per table each, with a fix to plain numbers), text that is
// not a number, full-width digits (with a fix to ASCII), negative counts and counts with
// decimals. One check per rule, each a walk over the table's keyed cells.

import { plainNumber } from '../cells.js';
import { diag, type Finding, type TextEdit } from '../diagnostics.js';
import { TABLE4, TABLE_SHORT } from '../format/index.js';
import type { Localized } from '../i18n.js';
import { printedRows, rowOfKey } from '../keys.js';
import { msg } from '../messages.js';
import type { Cell, CellProblem, Table, Table2 } from '../model.js';
import { cellRange, spanRange } from '../tables/common.js';
import { toHalfWidth } from '../text.js';

/** The label of table 四's keyed rows (its groups), for a diagnostic over one group's blanks. */
const T4_GROUP_LABEL = new Map<string, Localized>(TABLE4.groups.map((g) => [`t4.${g.key}`, { zh: g.label, en: g.en }]));

/**
 * Blank cells, one diagnostic per keyed row (with `cell` when one, else `row`): a row of tables 二
 * and 三 as printed; table 四's one printed row per group (`t4.review` …), each a row of the contract.
 */
export function blankCells(t: Table): Finding[] {
  const out: Finding[] = [];
  for (const row of printedRows(t)) {
    let first: Cell | null = null;
    let last: Cell | null = null;
    let count = 0;
    const flush = () => {
      if (!first || !last) return;
      const keyed = rowOfKey(first.key);
      if (count === 1) out.push(diag('cell-blank', spanRange(first, last), msg.cellBlank({ zh: first.label, en: first.labelEn }, 1), { cell: first.key }));
      else out.push(diag('cell-blank', spanRange(first, last), msg.cellBlank(keyed === row.key ? row.label : (T4_GROUP_LABEL.get(keyed) ?? row.label), count), { row: keyed }));
      first = last = null;
      count = 0;
    };
    for (const c of row.cells) {
      if (!c || c.problem !== 'blank') continue;
      if (first && rowOfKey(c.key) !== rowOfKey(first.key)) flush();
      if (!first) first = c;
      last = c;
      count++;
    }
    flush();
  }
  return out;
}

/** The value rules of a table 二 cell's row (the fee's 万元, the 2019 format's units); table 三 and 四 hold counts. */
function rulesOf(t: Table): Map<Cell, { decimals?: boolean; unit?: boolean }> | null {
  if (t.kind !== 't2') return null;
  const m = new Map<Cell, { decimals?: boolean; unit?: boolean }>();
  for (const it of (t as Table2).items) for (const r of it.rows) for (const c of r.cells) if (c) m.set(c, r.spec);
  return m;
}

/**
 * One diagnostic per table for the cells written with `problem` ('placeholder': `—`, `/`, `无`
 * for none; 'unit': `12件`, `0.5万元`, `1,234`), over the span from the first to the last, with
 * one fix writing every one of them as a plain number: 0 for a placeholder, the number as
 * written without its unit and separators otherwise. What a cell holds never changes.
 */
export function writtenAs(problem: 'placeholder' | 'unit'): (t: Table) => Finding[] {
  return (t) => {
    const cells: Cell[] = [];
    for (const row of printedRows(t)) for (const c of row.cells) if (c && c.problem === problem) cells.push(c);
    if (!cells.length) return [];
    const rules = problem === 'unit' ? rulesOf(t) : null;
    const edits: TextEdit[] = [];
    const forms: string[] = [];
    for (const c of cells) {
      const text = problem === 'placeholder' ? '0' : plainNumber(c.text, rules?.get(c) ?? {});
      if (text === null) continue;
      edits.push({ range: cellRange(c), newText: text });
      if (forms.length < 3 && !forms.includes(c.text)) forms.push(c.text);
    }
    const first = cells[0];
    const one = cells.length === 1 ? { zh: first.label, en: first.labelEn } : null;
    const table = TABLE_SHORT[t.kind];
    const message = problem === 'placeholder' ? msg.cellPlaceholder(table, cells.length, forms, one) : msg.cellUnit(table, cells.length, forms, one);
    const title = problem === 'placeholder' ? msg.fixPlaceholder(edits.length) : msg.fixUnit(edits.length);
    const d = diag(problem === 'placeholder' ? 'cell-placeholder' : 'cell-unit', spanRange(first, cells[cells.length - 1]), message, edits.length ? { fix: { title, edits } } : {});
    if (one) d.cell = first.key;
    return [d];
  };
}

/** A check reporting each cell with `problem`. */
export function cellProblem(problem: Exclude<CellProblem, 'blank' | 'placeholder' | 'unit'>): (t: Table) => Finding[] {
  return (t) => {
    const out: Finding[] = [];
    for (const row of printedRows(t)) for (const c of row.cells) {
      if (!c || c.problem !== problem) continue;
      const label = { zh: c.label, en: c.labelEn };
      const range = cellRange(c);
      if (problem === 'not-number') out.push(diag('cell-not-number', range, msg.cellNotNumber(label, c.text), { cell: c.key }));
      else if (problem === 'negative') out.push(diag('count-negative', range, msg.countNegative(label), { cell: c.key }));
      else if (problem === 'fractional') out.push(diag('count-fractional', range, msg.countFractional(label), { cell: c.key }));
      else {
        const ascii = toHalfWidth(c.text);
        out.push(diag('cell-fullwidth-digits', range, msg.cellFullwidth(label), { cell: c.key, fix: { title: msg.fixFullwidth(ascii), edits: [{ range, newText: ascii }] } }));
      }
    }
    return out;
  };
}
