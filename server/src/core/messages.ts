// Message texts of the core, in Chinese and English. Rules call these; nothing else builds
// user-facing sentences.

import type { Localized } from './diagnostics.js';

const L = (zh: string, en: string): Localized => ({ zh, en });

export const msg = {
  rowTotal: (label: string, sum: string, expected: number, actual: number) =>
    L(`${label}：总计应为 ${expected}（${sum}），实为 ${actual}`, `${label}: 总计 should be ${expected} (${sum}), is ${actual}`),
  outcomeTotal: (column: string, expected: number, actual: number) =>
    L(`${column}列：（七）总计应为 ${expected}（21 个办理结果行之和），实为 ${actual}`, `column ${column}: (七)总计 should be ${expected} (sum of the outcome rows), is ${actual}`),
  balance: (column: string, a: number, b: number, c: number, expected: number, actual: number) =>
    L(
      `${column}列：结转下年度继续办理应为 ${expected}（本年新收 ${a} + 上年结转 ${b} − 办理结果总计 ${c}），实为 ${actual}`,
      `column ${column}: 结转下年度继续办理 should be ${expected} (new ${a} + carried ${b} − outcomes ${c}), is ${actual}`,
    ),
  t4Total: (group: string, groupEn: string, sum: string, expected: number, actual: number) =>
    L(`${group}：总计应为 ${expected}（${sum}），实为 ${actual}`, `${groupEn}: 总计 should be ${expected} (${sum}), is ${actual}`),
  fixCell: (expected: string, balance = false) =>
    balance ? L(`将结转下年度继续办理改为 ${expected}`, `Change 结转下年度继续办理 to ${expected}`) : L(`将总计改为 ${expected}`, `Change 总计 to ${expected}`),

  sectionMissing: (title: string) => L(`缺少部分“${title}”`, `Section “${title}” is missing`),
  sectionDuplicate: (title: string) => L(`部分“${title}”重复出现`, `Section “${title}” appears twice`),
  sectionOrder: (title: string, after: string) => L(`部分“${title}”应在“${after}”之前`, `Section “${title}” should come before “${after}”`),
  sectionTitle: (official: string) => L(`标题与规定不同，应为“${official}”`, `Heading differs from the official “${official}”`),
  fixWording: (official: string) => L(`改为规定措辞“${official}”`, `Use the official wording “${official}”`),
  tableMissing: (table: Localized) => L(`找不到${table.zh}`, `Cannot recognise ${table.en}`),
  rowMissing: (table: Localized, row: string) => L(`${table.zh}缺少“${row}”一行`, `${table.en} lacks the row “${row}”`),
  rowUnknown: (label: string) => L(`无法识别的行“${label}”`, `Unrecognised row “${label}”`),
  rowTwice: (label: string) => L(`“${label}”一行重复出现`, `The row “${label}” appears twice`),
  cellsMissing: (label: string, want: number, have: number) =>
    L(`“${label}”一行应有 ${want} 个数，只有 ${have} 个`, `Row “${label}” should have ${want} numbers, has ${have}`),
  cellsExtra: (label: string, want: number, have: number) =>
    L(`“${label}”一行应有 ${want} 个数，多出 ${have - want} 个`, `Row “${label}” should have ${want} numbers, has ${have - want} more`),
  cellBlank: (label: string, n: number) =>
    n === 1 ? L(`单元格为空：${label}`, `Blank cell: ${label}`) : L(`${n} 个单元格为空：${label}`, `${n} blank cells: ${label}`),
  cellNotNumber: (label: string, text: string) => L(`“${text}”不是数字：${label}`, `“${text}” is not a number: ${label}`),
  cellFullwidth: (label: string) => L(`全角数字：${label}`, `Full-width digits: ${label}`),
  fixFullwidth: (ascii: string) => L(`改为半角数字 ${ascii}`, `Use ASCII digits ${ascii}`),
  countNegative: (label: string) => L(`件数不能为负：${label}`, `A count cannot be negative: ${label}`),
  countFractional: (label: string) => L(`件数不能有小数：${label}`, `A count cannot have decimals: ${label}`),
  labelWording: (text: string, official: string) => L(`“${text}”与规定措辞“${official}”不同`, `“${text}” differs from the official wording “${official}”`),
  periodYear: (year: number, reportYear: number) =>
    L(`统计期限的年份 ${year} 与报告年度 ${reportYear} 不一致`, `The statistical period’s year ${year} disagrees with the report’s year ${reportYear}`),
  format2019: () =>
    L('本报告使用已被替代的2019年格式（国办公开办函〔2019〕60号），表二按该格式检查', 'This report uses the superseded 2019 format; table 二 is checked against it'),
  tableName: (t: 't2' | 't3' | 't4') =>
    ({ t2: L('表二（主动公开政府信息情况）', 'table 二 (proactive disclosure)'), t3: L('表三（收到和处理政府信息公开申请情况）', 'table 三 (requests)'), t4: L('表四（行政复议、行政诉讼情况）', 'table 四 (reviews and suits)') })[t],
};

