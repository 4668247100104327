// Every user-facing string the language server adds to the core's own (diagnostic messages and
// fix titles come from the core), in Chinese and English.

import { formatNumber, type Localized } from '../core/index.js';

const L = (zh: string, en: string): Localized => ({ zh, en });

export const text = {
  // code actions
  recomputeTable: (table: Localized) => L(`重新计算${table.zh}的全部总计`, `Recompute every total of ${table.en}`),
  recomputeAll: () => L('重新计算全文所有总计', 'Recompute every total of the document'),

  // diagnostics
  moreDiagnostics: (more: number, max: number) =>
    L(
      `另有 ${more} 条诊断未显示：每个文档最多显示 ${max} 条（设置 disclosureReport.maxDiagnostics）；本文件似乎不止一份报告，可拆分后分别检查`,
      `${more} more diagnostics not shown: at most ${max} are shown per document (setting disclosureReport.maxDiagnostics); this file seems to hold more than one report, check them one by one`,
    ),

  // hover
  row: () => L('行', 'Row'),
  column: () => L('列', 'Column'),
  value: () => L('数值', 'Value'),
  derivedCell: () => L('合计单元格（由其他单元格计算）', 'Derived cell (computed from other cells)'),
  inputCell: () => L('填报单元格', 'Input cell'),
  holds: () => L('✓ 成立', '✓ holds'),
  fails: (expected: number, actual: number) => L(`✗ 应为 ${formatNumber(expected)}（实为 ${formatNumber(actual)}）`, `✗ should be ${formatNumber(expected)} (is ${formatNumber(actual)})`),
  notChecked: () => L('未校验：相关单元格为空或不是数字', 'Not checked: a cell it needs is blank or not a number'),
  problem: (p: string) =>
    (({
      blank: L('单元格为空', 'blank cell'),
      'not-number': L('不是数字', 'not a number'),
      fullwidth: L('全角数字', 'full-width digits'),
      negative: L('负数', 'negative'),
      fractional: L('带小数', 'has decimals'),
      placeholder: L('占位符，按 0 计', 'placeholder, read as 0'),
      unit: L('带单位或千位分隔符，按数字计', 'unit or separators, read as the number'),
    }) as Record<string, Localized>)[p] ?? L(p, p),
  usedIn: () => L('参与', 'Used in'),
  /** Hover on the likely mistyped cell. */
  suspectHere: (value: number, n: number) =>
    L(`⚠ 可能录入有误：应为 ${formatNumber(value)}（改后${n === 2 ? '两' : ` ${n} `}个不成立的等式都成立）`, `⚠ Likely mistyped: should be ${formatNumber(value)} (that makes ${n === 2 ? 'both' : `all ${n}`} failing identities hold)`),
  /** Hover on a derived cell whose failure the likely mistyped cell explains. */
  suspectElsewhere: (note: Localized) => L(`⚠ ${note.zh}`, `⚠ ${note.en}`),

  ruleName: (rule: string) =>
    (({
      'request-row-total': L('行合计', 'row total'),
      'request-outcome-total': L('办理结果合计', 'outcome total'),
      'request-balance': L('结转平衡', 'balance'),
      'review-total': L('行政复议合计', 'review total'),
      'litigation-total': L('行政诉讼合计', 'litigation total'),
    }) as Record<string, Localized>)[rule] ?? L(rule, rule),

  // inlay hints
  shouldBe: (expected: number) => L(`应为 ${formatNumber(expected)}`, `should be ${formatNumber(expected)}`),

  // code lens
  verdict: (hold: number, evaluated: number) => L(`勾稽关系 ${hold}/${evaluated} 成立`, `identities: ${hold}/${evaluated} hold`),
  verdictT3: (hold: number, evaluated: number, rows: [number, number], cols: [number, number]) =>
    L(
      `勾稽关系 ${hold}/${evaluated} 成立（行 ${rows[0]}/${rows[1]}，列 ${cols[0]}/${cols[1]}）`,
      `identities: ${hold}/${evaluated} hold (rows ${rows[0]}/${rows[1]}, columns ${cols[0]}/${cols[1]})`,
    ),
  noneEvaluated: (n: number) => L(`勾稽关系 ${n} 项均未核对`, `identities: none of ${n} checked`),
  /** After the verdict, where the table was not fully checked: `；未完全核对：表三缺 2 行；9/39 个勾稽关系无法核对（9 个因缺行）`. */
  notFullyChecked: (short: Localized, gaps: Localized) => L(`；${short.zh}：${gaps.zh}`, `; ${short.en}: ${gaps.en}`),
  /** Table 二's lens (it has no identities, so no verdict before it): `未完全核对：表二 1 处未读入数字（1 个因单元格空白）`. */
  notFullyCheckedOnly: (short: Localized, gaps: Localized) => L(`${short.zh}：${gaps.zh}`, `${short.en}: ${gaps.en}`),
  lensRecompute: () => L('重新计算本表总计', 'Recompute the totals'),
  lensPrevious: (file: string) => L(`上年报告：${file}（上年结转、现行有效件数、正文重复据此比对）`, `Last year's report: ${file} (carry-over, valid counts and repeated prose are compared with it)`),

  // symbols
  tableName: (kind: 't2' | 't3' | 't4') =>
    ({
      t2: L('表二 主动公开政府信息情况', 'Table 二: proactive disclosure'),
      t3: L('表三 收到和处理政府信息公开申请情况', 'Table 三: requests received and handled'),
      t4: L('表四 行政复议、行政诉讼情况', 'Table 四: administrative reviews and suits'),
    })[kind],
  tableShort: (kind: 't2' | 't3' | 't4') => ({ t2: L('表二', 'table 二'), t3: L('表三', 'table 三'), t4: L('表四', 'table 四') })[kind],
  officialHeading: (official: string) => L(`规定措辞：${official}`, `official: ${official}`),

  // commands
  nothingToRecompute: () => L('没有需要重新计算的总计', 'No total needs recomputing'),
  staleDocument: () => L('文档已更改，请重试', 'The document changed; try again'),
};

/** Names the server shows that are not the format's (the format's labels are in core/format/). */
export const labels = {
  /** The name of the symbol provider (a client may show it when several provide symbols). */
  symbolProvider: '政府信息公开年度报告 Disclosure Report',
};
