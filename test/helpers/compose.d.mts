// Types of compose.mjs: the one report composer, keyed by the contract's cell keys.

export type Layout = 'pipe' | 'tab' | 'cell-per-line' | 'spaces';
export type CellKey = string;
export type CellValue = number | string;

export interface KeyedReport {
  office: string;
  year: number;
  /** Every cell by key; absent keys print as 0, strings as written ('' is a blank). */
  cells: Record<CellKey, CellValue>;
  /** Print （六）其他处理 as one row (`t3.otherSingle.*`) instead of other1..3. */
  singleOther?: boolean;
}

export const LAYOUTS: Layout[];
export const T2_ITEMS: { item: string; header: string[]; rows: [string, string][]; columns: string[] }[];
export const T3_COLUMNS: string[];
export const T3_INPUT_COLUMNS: string[];
export const T3_ROWS: [string, string[]][];
export const T3_OTHER_SINGLE: [string, string[]];
export const T4_GROUPS: string[];
export const T4_RESULTS: string[];
export const T4_INPUT_RESULTS: string[];
export function t3Rows(singleOther?: boolean): [string, string[]][];
export function outcomeRows(singleOther?: boolean): string[];
export function cellKeys(singleOther?: boolean): CellKey[];
export function complete(inputs: Record<CellKey, CellValue>, singleOther?: boolean): Record<CellKey, number>;
export function composeReport(report: KeyedReport, layout?: Layout): string;
export function exampleReport(): KeyedReport;
