// Table 四 (行政复议、行政诉讼情况): a three-level header over one row of fifteen cells.

import { diag, type Diagnostic } from '../diagnostics.js';
import { T4_CELL_LABELS, T4_CELL_LABELS_EN, T4_GROUPS, T4_HEADER } from '../format.js';
import { msg } from '../messages.js';
import type { Cell, RawCell, Table4 } from '../model.js';
import { normalizeLabel, similarity } from '../text.js';
import { checkHeaders, fitRow, isLabel, lineRange, spanRange, toCell, type LineCells } from './common.js';

export function isT4Start(cells: RawCell[]): boolean {
  return cells.some((c) => normalizeLabel(c.text) === '行政复议');
}

const DERIVED = new Set(T4_GROUPS.map((g) => g.total));

export interface T4Result {
  table: Table4;
  endLine: number;
  diagnostics: Diagnostic[];
}

export function readT4(lines: LineCells[], from: number, stop: (l: LineCells) => boolean): T4Result {
  const out: Diagnostic[] = [];
  const headers: RawCell[] = [];
  const values: RawCell[] = [];
  let inData = false;
  let end = from;
  for (let i = from; i < lines.length; i++) {
    const l = lines[i];
    if (i > from && stop(l)) break;
    if (!l.cells.length) { end = i + 1; continue; }
    const labels = l.cells.filter(isLabel);
    if (!inData) {
      if (labels.length) {
        for (const c of labels) headers.push(c);
        end = i + 1;
        continue;
      }
      if (!l.cells.some((c) => c.text !== '')) { end = i + 1; continue; } // header debris
      inData = true;
    }
    if (labels.length) break; // text after the row
    for (const c of l.cells) values.push(c);
    end = i + 1;
    if (values.length >= 15) break;
  }
  const { kept, extra } = fitRow(values, 15);
  const cells: (Cell | null)[] = [];
  for (let c = 0; c < 15; c++) {
    cells.push(kept[c] ? toCell(kept[c], {}, DERIVED.has(c), { zh: T4_CELL_LABELS[c], en: T4_CELL_LABELS_EN[c] }) : null);
  }
  if (inData && kept.length < 15) {
    out.push(diag('cells-missing', spanRange(kept[0], kept[kept.length - 1]), msg.cellsMissing('行政复议、行政诉讼', 15, kept.length)));
  } else if (!inData) {
    out.push(diag('cells-missing', lineRange(lines[from]), msg.cellsMissing('行政复议、行政诉讼', 15, 0)));
  }
  const nonEmpty = extra.filter((c) => c.text !== '');
  if (nonEmpty.length) out.push(diag('cells-extra', spanRange(nonEmpty[0], nonEmpty[nonEmpty.length - 1]), msg.cellsExtra('行政复议、行政诉讼', 15, 15 + nonEmpty.length)));
  const table: Table4 = {
    kind: 't4',
    startLine: lines[from].line,
    endLine: lines[Math.max(from, end - 1)].line,
    headers: checkHeaders(headers, T4_HEADER, out, similarity),
    cells,
  };
  return { table, endLine: end, diagnostics: out };
}
