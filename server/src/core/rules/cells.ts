// Cell rules: blanks (one diagnostic per row), text that is not a number, full-width digits
// (with a fix to ASCII), negative counts and counts with decimals.

import { diag, type Diagnostic } from '../diagnostics.js';
import { msg } from '../messages.js';
import type { Cell, Table } from '../model.js';
import { cellRange, spanRange } from '../tables/common.js';
import { toHalfWidth } from '../text.js';

/** The rows of a table as lists of cells, with a label for messages. */
export function tableRows(t: Table): { label: string; labelEn: string; cells: (Cell | null)[] }[] {
  if (t.kind === 't3') return t.rows.map((r) => ({ label: r.spec.ordinal + r.spec.text, labelEn: r.spec.ordinal + r.spec.text, cells: r.cells }));
  if (t.kind === 't4') return [{ label: '行政复议、行政诉讼', labelEn: 'reviews and suits', cells: t.cells }];
  return t.items.flatMap((it) => it.rows.map((r) => ({ label: r.spec.label, labelEn: r.spec.label, cells: r.cells })));
}

export function cellDiagnostics(t: Table): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const row of tableRows(t)) {
    const blanks: Cell[] = [];
    for (const c of row.cells) {
      if (!c) continue;
      switch (c.problem) {
        case 'blank':
          blanks.push(c);
          break;
        case 'not-number':
          out.push(diag('cell-not-number', cellRange(c), msg.cellNotNumber(c.label, c.text)));
          break;
        case 'fullwidth': {
          const ascii = toHalfWidth(c.text);
          out.push(diag('cell-fullwidth-digits', cellRange(c), msg.cellFullwidth(c.label), { fix: { title: msg.fixFullwidth(ascii), edits: [{ range: cellRange(c), newText: ascii }] } }));
          break;
        }
        case 'negative':
          out.push(diag('count-negative', cellRange(c), msg.countNegative(c.label)));
          break;
        case 'fractional':
          out.push(diag('count-fractional', cellRange(c), msg.countFractional(c.label)));
          break;
      }
    }
    if (blanks.length) {
      const m = blanks.length === 1 ? msg.cellBlank(blanks[0].label, 1) : msg.cellBlank(row.label, blanks.length);
      if (blanks.length > 1) m.en = m.en.replace(row.label, row.labelEn);
      out.push(diag('cell-blank', spanRange(blanks[0], blanks[blanks.length - 1]), m));
    }
  }
  return out;
}
