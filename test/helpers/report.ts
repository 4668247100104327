// Report data by position (tables as arrays) for the tests written that way, printed by the one
// composer (compose.mjs, keyed by the contract's cell keys). New tests use compose.mjs directly.

import { composeReport, LAYOUTS as KEYED_LAYOUTS, T2_ITEMS, T3_COLUMNS, T3_ROWS, T4_GROUPS, T4_RESULTS, type Layout } from './compose.mjs';

export type { Layout } from './compose.mjs';
export const LAYOUTS: Layout[] = KEYED_LAYOUTS;

export interface ReportData {
  office: string;
  year: number;
  /** Table 二: [规章 ×3, 行政规范性文件 ×3, 行政许可, 行政处罚, 行政强制, 收费]. */
  t2: (number | string)[];
  /** Table 三: 25 rows of 7 cells (numbers or strings, e.g. '' for blank). */
  t3: (number | string)[][];
  /** Table 四: 15 cells. */
  t4: (number | string)[];
}

export const T3_LABELS: [string[], string][] = [
  [['一、本年新收政府信息公开申请数量'], 'new'],
  [['二、上年结转政府信息公开申请数量'], 'carried'],
  [['三、本年度办理结果', '（一）予以公开'], 'granted'],
  [['（二）部分公开（区分处理的，只计这一情形，不计其他情形）'], 'partial'],
  [['（三）不予公开', '1.属于国家秘密'], 'd1'],
  [['2.其他法律行政法规禁止公开'], 'd2'],
  [['3.危及“三安全一稳定”'], 'd3'],
  [['4.保护第三方合法权益'], 'd4'],
  [['5.属于三类内部事务信息'], 'd5'],
  [['6.属于四类过程性信息'], 'd6'],
  [['7.属于行政执法案卷'], 'd7'],
  [['8.属于行政查询事项'], 'd8'],
  [['（四）无法提供', '1.本机关不掌握相关政府信息'], 'u1'],
  [['2.没有现成信息需要另行制作'], 'u2'],
  [['3.补正后申请内容仍不明确'], 'u3'],
  [['（五）不予处理', '1.信访举报投诉类申请'], 'n1'],
  [['2.重复申请'], 'n2'],
  [['3.要求提供公开出版物'], 'n3'],
  [['4.无正当理由大量反复申请'], 'n4'],
  [['5.要求行政机关确认或重新出具已获取信息'], 'n5'],
  [['（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'], 'o1'],
  [['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'], 'o2'],
  [['3.其他'], 'o3'],
  [['（七）总计'], 'total'],
  [['四、结转下年度继续办理'], 'carryOver'],
];

/** Row indexes of table 三 in T3_LABELS order. */
export const T3 = { new: 0, carried: 1, firstOutcome: 2, lastOutcome: 22, total: 23, carryOver: 24 };

/** Makes table 三 consistent from its inputs: row totals, the (七) row, the 四 row. */
export function completeT3(inputs: number[][]): number[][] {
  const rows = inputs.map((r) => r.slice(0, 6));
  const total = [0, 0, 0, 0, 0, 0];
  for (let i = T3.firstOutcome; i <= T3.lastOutcome; i++) for (let c = 0; c < 6; c++) total[c] += rows[i][c];
  rows[T3.total] = total;
  rows[T3.carryOver] = total.map((t, c) => rows[T3.new][c] + rows[T3.carried][c] - t);
  return rows.map((r) => [...r, r.reduce((a, b) => a + b, 0)]);
}

export function completeT4(inputs: number[]): number[] {
  const [a, b, c] = [inputs.slice(0, 4), inputs.slice(4, 8), inputs.slice(8, 12)];
  const s = (x: number[]) => x.reduce((p, q) => p + q, 0);
  return [...a, s(a), ...b, s(b), ...c, s(c)];
}

/** ReportData's positional cells under the contract's keys. */
export function keyedCells(d: ReportData): Record<string, number | string> {
  const cells: Record<string, number | string> = {};
  const t2 = T2_ITEMS.flatMap((it) => it.rows.flatMap(([r]) => it.columns.map((c) => `t2.${r}.${c}`)));
  t2.forEach((k, i) => (cells[k] = d.t2[i]));
  T3_ROWS.forEach(([r], i) => T3_COLUMNS.forEach((c, j) => (cells[`t3.${r}.${c}`] = d.t3[i][j])));
  T4_GROUPS.forEach((g, i) => T4_RESULTS.forEach((r, j) => (cells[`t4.${g}.${r}`] = d.t4[i * 5 + j])));
  return cells;
}

/** A complete report from positional data (the keyed composer, test/helpers/compose.mjs, prints it). */
export function buildReport(d: ReportData, layout: Layout): string {
  return composeReport({ office: d.office, year: d.year, cells: keyedCells(d) }, layout);
}

/** The invented office of the examples, with consistent tables. */
export function exampleData(): ReportData {
  const inputs = Array.from({ length: 25 }, () => [0, 0, 0, 0, 0, 0]);
  inputs[T3.new] = [12, 3, 0, 1, 2, 0];
  inputs[T3.carried] = [2, 0, 0, 0, 0, 0];
  inputs[2] = [5, 1, 0, 0, 1, 0]; // 予以公开
  inputs[3] = [2, 0, 0, 0, 0, 0]; // 部分公开
  inputs[7] = [1, 0, 0, 0, 0, 0]; // 保护第三方合法权益
  inputs[9] = [0, 1, 0, 0, 0, 0]; // 过程性信息
  inputs[12] = [3, 0, 0, 1, 0, 0]; // 本机关不掌握
  inputs[13] = [1, 0, 0, 0, 0, 0]; // 没有现成信息
  inputs[15] = [1, 0, 0, 0, 0, 0]; // 信访举报投诉类
  inputs[22] = [0, 0, 0, 0, 1, 0]; // 其他
  return {
    office: '青禾县数据资源局',
    year: 2025,
    t2: [0, 0, 0, 3, 1, 12, 156, 23, 0, 0.5],
    t3: completeT3(inputs),
    t4: completeT4([1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]),
  };
}
