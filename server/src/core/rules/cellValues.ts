// Cell rules: blanks (one diagnostic per row), text that is not a number, full-width digits
// (with a fix to ASCII), negative counts and counts with decimals. One check per rule, each a
// walk over the table's keyed cells.

import { diag, type Finding } from '../diagnostics.js';
import { TABLE4 } from '../format/index.js';
import type { Localized } from '../i18n.js';
import { keyedCells, type KeyedCell } from '../keys.js';
import { msg } from '../messages.js';
import type { CellProblem, Table } from '../model.js';
import { cellRange, spanRange } from '../tables/common.js';
import { toHalfWidth } from '../text.js';

/** The value cells of a table grouped as blanks are reported: by row (table 四: its one printed row). */
function printedRows(t: Table): { label: Localized; cells: KeyedCell[] }[] {
  const rows = new Map<string, { label: Localized; cells: KeyedCell[] }>();
  for (const k of keyedCells(t)) {
    const id = t.kind === 't4' ? 't4' : k.row;
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { label: t.kind === 't4' ? TABLE4.name : k.rowLabel, cells: [] }));
    r.cells.push(k);
  }
  return [...rows.values()];
}

/** Blank cells, one diagnostic per printed row (with `cell` when one, `row` when the row is one keyed row). */
export function blankCells(t: Table): Finding[] {
  const out: Finding[] = [];
  for (const row of printedRows(t)) {
    const blanks = row.cells.filter((k) => k.cell.problem === 'blank');
    if (!blanks.length) continue;
    const first = blanks[0].cell;
    const last = blanks[blanks.length - 1].cell;
    if (blanks.length === 1) {
      out.push(diag('cell-blank', spanRange(first, last), msg.cellBlank({ zh: first.label, en: first.labelEn }, 1), { cell: first.key }));
      continue;
    }
    const d = diag('cell-blank', spanRange(first, last), msg.cellBlank(row.label, blanks.length));
    if (blanks.every((k) => k.row === blanks[0].row)) d.row = blanks[0].row;
    out.push(d);
  }
  return out;
}

/** A check reporting each cell with `problem`. */
export function cellProblem(problem: Exclude<CellProblem, 'blank'>): (t: Table) => Finding[] {
  return (t) => {
    const out: Finding[] = [];
    for (const { cell: c } of keyedCells(t)) {
      if (c.problem !== problem) continue;
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
