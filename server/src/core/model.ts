// The document model: what recognition found in a draft. Positions are 0-based lines and
// UTF-16 columns (LSP's), so every range can be handed to an editor unchanged.

import type { CellKey, ItemSpec, RowSpec, SectionSpec, T3RowSpec } from './format/index.js';

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

/** One cell as split from a line: `start..end` covers its trimmed text (empty cells: a point). */
export interface RawCell {
  line: number;
  start: number;
  end: number;
  text: string;
}

/**
 * What is wrong with how a cell is written. `placeholder`: `—`, `/`, `无` for none (value 0);
 * `unit`: a number written with its unit or thousands separators (value the number).
 */
export type CellProblem = 'blank' | 'not-number' | 'fullwidth' | 'negative' | 'fractional' | 'placeholder' | 'unit';

/** A value cell of a table: its number, when it has one, and what is wrong with its text. */
export interface Cell extends RawCell {
  /** The contract's name of the cell, `t3.new.total`, whatever the layout. */
  key: CellKey;
  value: number | null;
  problem: CellProblem | null;
  /** Derived cells hold a total; everything else is an input. */
  derived: boolean;
  /** Human label: row and column, e.g. `（七）总计 / 自然人`. */
  label: string;
  labelEn: string;
}

export interface LabelCell extends RawCell {
  /** The official wording this label stands for. */
  official: string;
}

export interface Heading {
  line: number;
  text: string;
  spec: SectionSpec;
  /** The numeral as written (may differ from the official one). */
  numeral: string;
  /** The official heading, numeral and punctuation included: `三、收到和处理政府信息公开申请情况`. */
  official: string;
  /** Whether the heading is written as `official` (white space aside); else `section-title`. */
  isOfficial: boolean;
  /** Start and end column of the heading text within its line. */
  start: number;
  end: number;
}

export interface Table2Row {
  spec: RowSpec;
  label: LabelCell;
  cells: (Cell | null)[];
}
export interface Table2Item {
  item: string;
  spec: ItemSpec;
  /** The item's title (第二十条第（一）项); null where the item was recognised from its header or rows. */
  title: RawCell | null;
  columns: LabelCell[];
  rows: Table2Row[];
}
export interface Table2 {
  kind: 't2';
  format: '2021' | '2019';
  startLine: number;
  endLine: number;
  items: Table2Item[];
}

export interface Table3Row {
  spec: T3RowSpec;
  labels: LabelCell[];
  /** Seven cells, `null` where the row has fewer cells than the format. */
  cells: (Cell | null)[];
}
export interface Table3 {
  kind: 't3';
  startLine: number;
  endLine: number;
  rows: Table3Row[];
  /** Row lookup by spec key. */
  byKey: Map<string, Table3Row>;
  singleOther: boolean;
  headers: LabelCell[];
}

export interface Table4 {
  kind: 't4';
  startLine: number;
  endLine: number;
  headers: LabelCell[];
  /** Fifteen cells, `null` where missing. */
  cells: (Cell | null)[];
  /**
   * Whether the row of numbers was found under the header, even where none of them could be put in
   * its column (fewer or more than fifteen): then each group's row is found and its cells unread.
   */
  rowFound: boolean;
}

export type Table = Table2 | Table3 | Table4;

/** A year written in the text (the title's, the statistical period's). */
export interface YearMention {
  year: number;
  line: number;
  start: number;
  end: number;
}

