// Cell rules: blanks (one diagnostic per row), text that is not a number, full-width digits
// (with a fix to ASCII), negative counts and counts with decimals. One check per rule, each a
// walk over the table's keyed cells.

import { diag, type Finding } from '../diagnostics.js';
import { printedRows, rowOfKey } from '../keys.js';
import { msg } from '../messages.js';
import type { Cell, CellProblem, Table } from '../model.js';
import { cellRange, spanRange } from '../tables/common.js';
import { toHalfWidth } from '../text.js';

/** Blank cells, one diagnostic per printed row (with `cell` when one, `row` when the blanks share a keyed row). */
export function blankCells(t: Table): Finding[] {
  const out: Finding[] = [];
  for (const row of printedRows(t)) {
    let first: Cell | null = null;
    let last: Cell | null = null;
    let count = 0;
    let oneRow = true;
    for (const c of row.cells) {
      if (!c || c.problem !== 'blank') continue;
      if (!first) first = c;
      else if (oneRow && rowOfKey(c.key) !== rowOfKey(first.key)) oneRow = false;
      last = c;
      count++;
    }
    if (!first || !last) continue;
    if (count === 1) {
      out.push(diag('cell-blank', spanRange(first, last), msg.cellBlank({ zh: first.label, en: first.labelEn }, 1), { cell: first.key }));
      continue;
    }
    const d = diag('cell-blank', spanRange(first, last), msg.cellBlank(row.label, count));
    if (oneRow) d.row = rowOfKey(first.key);
    out.push(d);
  }
  return out;
}

/** A check reporting each cell with `problem`. */
export function cellProblem(problem: Exclude<CellProblem, 'blank'>): (t: Table) => Finding[] {
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
