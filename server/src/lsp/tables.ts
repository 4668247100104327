// The table view now lives in the core (core/view.ts); this module keeps the names the
// features import until they import the core directly.

import { cellAt as coreCellAt, tableOf, type Analysis, type KeyedCell, type Localized, type Position, type Table } from '../core/index.js';

export { identitiesAt, sameCell, verdict, type Verdict } from '../core/index.js';

/** A value cell with its row and column label (the core's KeyedCell, labels under the old names). */
export interface PlacedCell {
  cell: KeyedCell['cell'];
  table: Table;
  row: Localized;
  column: Localized;
}

export function tableAt(a: Analysis, line: number): Table | undefined {
  return tableOf(a, line);
}

export function cellAt(a: Analysis, p: Position): PlacedCell | undefined {
  const k = coreCellAt(a, p);
  return k && { cell: k.cell, table: k.table, row: k.rowLabel, column: k.columnLabel };
}
