// This year's tables against last year's: 上年结转 against last year's 结转下年度继续办理 (table
// 三, per column) and 现行有效件数 against last year's plus this year's issued minus repealed
// (table 二 item 一, per row). Each side is given as getters by cell key, so these rules do not
// depend on how the core holds its tables.

import type { Cell, Range } from '../model.js';
import { finding, type Finding } from './findings.js';
import { yearsMsg } from './messages.js';

/** One year's report as the cross-year rules see it. */
export interface YearSide {
  /** The report's path as the caller names it (last year's goes into `related`). */
  path: string;
  /** The report's year, when known: rules run only when the two years are consecutive. */
  year?: number | null;
  /** The number a cell key's cell holds, or null when absent, blank or not a number. */
  value(key: string): number | null;
  /** Where a cell key's cell is, or null when absent. */
  cellRange(key: string): Range | null;
}

export const T3_COLUMN_KEYS = ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'] as const;
export const T2_CHAIN_ROWS = ['rules', 'normative'] as const;

const consecutive = (current: YearSide, previous: YearSide) =>
  current.year == null || previous.year == null || current.year === previous.year + 1;

/**
 * carryover-mismatch: per column of table 三, this year's t3.carried.<col> against last year's
 * t3.carryOver.<col>. Nothing when either cell is missing or not a number. No fix: both cells
 * are inputs, and which year is wrong is the user's call.
 */
export function carryoverMismatch(current: YearSide, previous: YearSide): Finding[] {
  if (!consecutive(current, previous)) return [];
  const out: Finding[] = [];
  for (const col of T3_COLUMN_KEYS) {
    const key = `t3.carried.${col}`;
    const prevKey = `t3.carryOver.${col}`;
    const actual = current.value(key);
    const expected = previous.value(prevKey);
    const range = current.cellRange(key);
    const prevRange = previous.cellRange(prevKey);
    if (actual === null || expected === null || !range || !prevRange || actual === expected) continue;
    out.push(finding('carryover-mismatch', range, yearsMsg.carryover(col, expected, actual, previous.path), {
      cell: key, expected, actual,
      related: [{ path: previous.path, range: prevRange, cell: prevKey, message: yearsMsg.carryoverRelated(col, expected) }],
    }));
  }
  return out;
}

/**
 * valid-count-chain: per row of table 二 item 一 (规章, 行政规范性文件), this year's valid against
 * last year's valid + this year's issued − repealed. Information only: documents that expire
 * (自然失效) or a clean-up (清理) change the count without a 废止, and offices count them differently.
 */
export function validCountChain(current: YearSide, previous: YearSide): Finding[] {
  if (!consecutive(current, previous)) return [];
  const out: Finding[] = [];
  for (const row of T2_CHAIN_ROWS) {
    const key = `t2.${row}.valid`;
    const actual = current.value(key);
    const issued = current.value(`t2.${row}.issued`);
    const repealed = current.value(`t2.${row}.repealed`);
    const prev = previous.value(key);
    const range = current.cellRange(key);
    const prevRange = previous.cellRange(key);
    if (actual === null || issued === null || repealed === null || prev === null || !range || !prevRange) continue;
    const expected = prev + issued - repealed;
    if (expected === actual) continue;
    out.push(finding('valid-count-chain', range, yearsMsg.validChain(row, expected, actual, prev, issued, repealed), {
      cell: key, expected, actual,
      related: [{ path: previous.path, range: prevRange, cell: key, message: yearsMsg.validChainRelated(row, prev) }],
    }));
  }
  return out;
}

/** What the cross-year rules read of a cell (the core's Cell): its line and columns, and its number (null when blank or not a number). */
export type CellPlace = Pick<Cell, 'line' | 'start' | 'end' | 'value'>;

/** A YearSide over cells by key (the core's Cell has this shape). */
export function sideFromCells(path: string, year: number | null | undefined, cells: ReadonlyMap<string, CellPlace>): YearSide {
  return {
    path,
    year,
    value: (key) => cells.get(key)?.value ?? null,
    cellRange: (key) => {
      const c = cells.get(key);
      return c ? { start: { line: c.line, character: c.start }, end: { line: c.line, character: c.end } } : null;
    },
  };
}
