// The shape of an official report format as data: its sections, its three tables as keyed rows
// × columns (keys as the contract names cells), which cells are derived, and the identities
// between cells. The readers, the rules, the fixer and the table view all read these types;
// the 2021 and 2019 formats are two values of them (f2021.ts, f2019.ts).

import type { Localized } from '../i18n.js';

export type SectionId = 1 | 2 | 3 | 4 | 5 | 6;

export interface SectionSpec {
  id: SectionId;
  numeral: string;
  /** The official heading text, without the numeral. */
  title: string;
  en: string;
  /** Normalised fragments, every one of which a heading must contain to be this section. */
  keys: string[];
}

export type TableKind = 't2' | 't3' | 't4';
/** A cell key, `t3.new.total`: table, row key, column key (CONTRACT.md, "Cell keys"). */
export type CellKey = string;

export interface ColumnSpec {
  key: string;
  label: string;
  en: string;
  /** Inputs are written by the user; a total is derived from other cells. */
  role: 'input' | 'total';
  variants?: string[];
}

// ---------------------------------------------------------------------------------------------
// Table 二: the items of 第二十条 (主动公开); every cell an input.

export interface RowSpec {
  key: string;
  label: string;
  en: string;
  /** Accepted wordings (normalised) that are reported as deviations with a fix to `label`. */
  variants?: string[];
  /** Cell values may have decimals (the fee, in 万元). */
  decimals?: boolean;
  /** Cell values may be negative (the 2019 format's 本年增/减). */
  signed?: boolean;
  /** Cells may carry a unit after the number (2019: 采购总金额 251000元). */
  unit?: boolean;
}

export interface ItemSpec {
  /** The 第二十条 item number as written in the title, e.g. '一' for 第二十条第（一）项. */
  item: string;
  /** The header as printed: the row-label column, then one label per value column. */
  columns: string[];
  /** The value columns, in order, with their keys. */
  values: ColumnSpec[];
  rows: RowSpec[];
}

export interface Table2Spec {
  format: '2021' | '2019';
  items: ItemSpec[];
}

// ---------------------------------------------------------------------------------------------
// Table 三: applicants (columns) × requests and outcomes (rows).

export type T3Role = 'new' | 'carried' | 'outcome' | 'total' | 'carryOver';

export interface T3RowSpec {
  key: string;
  /** The ordinal as printed: '一、', '（一）', '1.'. */
  ordinal: string;
  /** The label after the ordinal. */
  text: string;
  en: string;
  role: T3Role;
  /** The (三)/(四)/... group this numbered row belongs to. */
  group?: string;
  variants?: string[];
}

/** Group headings of table 三 that carry no numbers of their own. */
export interface T3GroupSpec {
  key: string;
  ordinal: string;
  text: string;
  variants?: string[];
}

export interface Table3Spec {
  columns: ColumnSpec[];
  /** Header cells that are not columns but belong to the table. */
  headerExtras: string[];
  note: string;
  groups: T3GroupSpec[];
  rows: T3RowSpec[];
  /** The one row some reports print for （六）其他处理 instead of its three. */
  otherSingle: T3RowSpec;
  /** The group `otherSingle` replaces. */
  otherGroup: string;
}

// ---------------------------------------------------------------------------------------------
// Table 四: three groups × five results, printed as one row of fifteen cells.

export interface T4GroupSpec {
  key: string;
  label: string;
  en: string;
  /** The header the group stands under (行政诉讼 for the two kinds of suit), for a label on its own. */
  within?: string;
}

export interface Table4Spec {
  /** The three-level header as printed, left to right, top to bottom. */
  header: string[];
  groups: T4GroupSpec[];
  results: ColumnSpec[];
  /** The name of the table in messages about its one printed row. */
  name: Localized;
}

// ---------------------------------------------------------------------------------------------
// Identities, evaluated by one routine (rules/identities.ts).

/**
 * Which rows (or columns) a term stands for: a key, `'*'` (the key the identity is repeated
 * over), or every row (column) of a role in the table as read — `{ role: 'outcome' }` is the 21
 * outcome rows, or 19 where （六） is one row.
 */
export type KeyRef = string | { role: string };

export interface TermSpec {
  row: KeyRef;
  column: KeyRef;
  sign: 1 | -1;
}

export type ArithmeticRule = 'request-row-total' | 'request-outcome-total' | 'request-balance' | 'review-total' | 'litigation-total';

export interface IdentitySpec {
  rule: ArithmeticRule;
  table: 't3' | 't4';
  /** Repeated for every row key or every column key of the table (as `'*'`); absent: once. */
  each?: 'row' | 'column';
  /** The derived cell the identity defines (and where a failure is reported). */
  anchor: { row: string; column: string };
  terms: TermSpec[];
}

export interface Format {
  id: '2021' | '2019';
  sections: SectionSpec[];
  t2: Table2Spec;
  t3: Table3Spec;
  t4: Table4Spec;
  identities: IdentitySpec[];
}

// ---- what a prose figure means (the phrasings of prose.ts name their targets in these terms) ----

/** One way to read a prose figure from the tables: the sum of these cell keys (one key: that cell). */
export interface Reading {
  keys: string[];
  /** What these cells are, for messages and hovers. */
  label: Localized;
}

/**
 * What a prose number stands for.
 * - `either`: every reading is a legitimate meaning of the words (共受理 = 本年新收, or 本年新收 +
 *   上年结转); the number agrees when it equals any of them, and nothing is said while any
 *   reading is unknown (a blank cell).
 * - `layout`: the readings are alternative table layouts (（六） as three rows or as one); the first
 *   reading whose cells all hold numbers is the one compared.
 */
export interface Target {
  mode: 'either' | 'layout';
  readings: Reading[];
}
