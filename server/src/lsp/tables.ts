// The table view now lives in the core (core/view.ts); this module keeps the names the
// features import until they import the core directly, with the hover's labels as they were.

import { cellAt as coreCellAt, TABLE4, tableOf, type Analysis, type KeyedCell, type Localized, type Position, type Table } from '../core/index.js';

export { identitiesAt, sameCell, verdict, type Verdict } from '../core/index.js';

/** A value cell with its row and column label as the hover shows them. */
export interface PlacedCell {
  cell: KeyedCell['cell'];
  table: Table;
  row: Localized;
  column: Localized;
}

export function tableAt(a: Analysis, line: number): Table | undefined {
  return tableOf(a, line);
}

/** The hover shows the official Chinese labels, and English beside table 三's columns; table 四's by their keys, with the header a group stands under. */
function hoverLabels(k: KeyedCell): { row: Localized; column: Localized } {
  if (k.table.kind === 't4') {
    const group = TABLE4.groups.find((g) => `t4.${g.key}` === k.row);
    const row = group?.within ? { zh: `${group.within} · ${k.rowLabel.zh}`, en: k.rowLabel.en } : k.rowLabel;
    return { row, column: k.columnLabel };
  }
  const row = { zh: k.rowLabel.zh, en: k.rowLabel.zh };
  const column = k.table.kind === 't3' ? { zh: k.columnLabel.zh, en: `${k.columnLabel.zh} (${k.columnLabel.en})` } : { zh: k.columnLabel.zh, en: k.columnLabel.zh };
  return { row, column };
}

export function cellAt(a: Analysis, p: Position): PlacedCell | undefined {
  const k = coreCellAt(a, p);
  return k && { cell: k.cell, table: k.table, ...hoverLabels(k) };
}
