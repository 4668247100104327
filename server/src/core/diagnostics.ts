// Diagnostics as the core produces them: rule id, severity, a message in both languages, an
// exact range, and for arithmetic rules the expected and actual values. The CLI and the
// language server only choose the language and the wire format.

import type { Range } from './model.js';

export type Locale = 'zh-CN' | 'en';
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Localized {
  zh: string;
  en: string;
}

export function pick(text: Localized, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh;
}

/** Any locale string from an editor or a flag → one we have ('zh*' → Chinese, else English). */
export function resolveLocale(raw: string | undefined | null, fallback: Locale = 'zh-CN'): Locale {
  if (!raw) return fallback;
  const l = raw.toLowerCase();
  if (l.startsWith('zh')) return 'zh-CN';
  return 'en';
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: Localized;
  edits: TextEdit[];
}

export interface RelatedInfo {
  range: Range;
  message: Localized;
}

export interface Diagnostic {
  rule: RuleId;
  severity: Severity;
  message: Localized;
  range: Range;
  expected?: number;
  actual?: number;
  related?: RelatedInfo[];
  /** A fix with one right answer (never touches an input number or prose). */
  fix?: Fix;
}

export type RuleId =
  | 'request-row-total'
  | 'request-outcome-total'
  | 'request-balance'
  | 'review-total'
  | 'litigation-total'
  | 'section-missing'
  | 'section-duplicate'
  | 'section-order'
  | 'section-title'
  | 'table-missing'
  | 'row-missing'
  | 'row-unknown'
  | 'cells-missing'
  | 'cells-extra'
  | 'cell-blank'
  | 'cell-not-number'
  | 'cell-fullwidth-digits'
  | 'count-negative'
  | 'count-fractional'
  | 'label-wording'
  | 'period-year'
  | 'format-2019';

export interface RuleInfo {
  id: RuleId;
  severity: Severity;
  arithmetic: boolean;
  summary: Localized;
  /** A line of a draft that triggers the rule, for the README. */
  example: string;
}

export const RULES: RuleInfo[] = [
  {
    id: 'request-row-total', severity: 'error', arithmetic: true,
    summary: { zh: '表三每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他', en: 'Table 三, every row: 总计 = the six applicant columns' },
    example: '一、本年新收政府信息公开申请数量 | 8 | 1 | 0 | 0 | 0 | 0 | 8 |   → 总计应为 9',
  },
  {
    id: 'request-outcome-total', severity: 'error', arithmetic: true,
    summary: { zh: '表三每一列：（七）总计 = 21 个办理结果行之和', en: 'Table 三, every column: (七)总计 = sum of the outcome rows' },
    example: '（七）总计 | 9 | … while the outcome rows of 自然人 add up to 8',
  },
  {
    id: 'request-balance', severity: 'error', arithmetic: true,
    summary: { zh: '表三每一列：一 + 二 = （七）+ 四（本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理）', en: 'Table 三, every column: 一 + 二 = (七) + 四' },
    example: '四、结转下年度继续办理 | 2 | …  while 一 + 二 − (七) = 0',
  },
  {
    id: 'review-total', severity: 'error', arithmetic: true,
    summary: { zh: '表四：行政复议 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结', en: 'Table 四: review 总计 = its four results' },
    example: '10 | 1 | 0 | 0 | 0 | …   → 行政复议总计应为 11',
  },
  {
    id: 'litigation-total', severity: 'error', arithmetic: true,
    summary: { zh: '表四：未经复议直接起诉、复议后起诉 各自的总计 = 四项结果之和', en: 'Table 四: each litigation 总计 = its four results' },
    example: '… | 2 | 0 | 1 | 0 | 0 | …   → 未经复议直接起诉总计应为 3',
  },
  {
    id: 'section-missing', severity: 'error', arithmetic: false,
    summary: { zh: '缺少六个规定部分之一的标题', en: 'One of the six required section headings is missing' },
    example: '（没有“五、存在的主要问题及改进情况”）',
  },
  {
    id: 'section-duplicate', severity: 'error', arithmetic: false,
    summary: { zh: '同一部分的标题出现两次', en: 'A section heading appears twice' },
    example: '三、收到和处理政府信息公开申请情况 …（再次出现）',
  },
  {
    id: 'section-order', severity: 'error', arithmetic: false,
    summary: { zh: '部分标题的顺序与规定不符', en: 'Section headings out of the official order' },
    example: '四、… 出现在 三、… 之前',
  },
  {
    id: 'section-title', severity: 'warning', arithmetic: false,
    summary: { zh: '部分标题的序号或措辞与规定不同（可一键改为规定措辞）', en: 'A section heading differs from the official numeral or wording (fix offered)' },
    example: '五、存在的主要问题及整改措施',
  },
  {
    id: 'table-missing', severity: 'error', arithmetic: false,
    summary: { zh: '找不到规定的表格（表二、表三或表四）', en: 'A required table (二, 三 or 四) cannot be recognised' },
    example: '三、收到和处理政府信息公开申请情况（下面没有表格）',
  },
  {
    id: 'row-missing', severity: 'error', arithmetic: false,
    summary: { zh: '表格缺少规定的行', en: 'A table lacks a row of the format' },
    example: '表三没有“（五）不予处理 2.重复申请”一行',
  },
  {
    id: 'row-unknown', severity: 'warning', arithmetic: false,
    summary: { zh: '表格中有无法识别或重复的行', en: 'A table has a row that is not in the format, or a row twice' },
    example: '（八）其他情形 | 0 | 0 | …',
  },
  {
    id: 'cells-missing', severity: 'error', arithmetic: false,
    summary: { zh: '一行的单元格少于规定数目', en: 'A row has fewer cells than the format' },
    example: '规章 | 22 | 235 |   （应有三个数）',
  },
  {
    id: 'cells-extra', severity: 'warning', arithmetic: false,
    summary: { zh: '一行的单元格多于规定数目', en: 'A row has more cells than the format' },
    example: '行政许可 | 31 | 5 |',
  },
  {
    id: 'cell-blank', severity: 'warning', arithmetic: false,
    summary: { zh: '单元格为空（一行中的空格合并为一条）；相关等式不检查', en: 'Blank cells (one diagnostic per row); identities that need them are not checked' },
    example: '（一）予以公开 |  |  |  |  |  |  |  |',
  },
  {
    id: 'cell-not-number', severity: 'error', arithmetic: false,
    summary: { zh: '单元格不是数字', en: 'A cell is not a number' },
    example: '行政许可 | 无 |',
  },
  {
    id: 'cell-fullwidth-digits', severity: 'warning', arithmetic: false,
    summary: { zh: '单元格使用全角数字（可一键改为半角）', en: 'A cell uses full-width digits (fix to ASCII offered)' },
    example: '行政许可 | ３１ |',
  },
  {
    id: 'count-negative', severity: 'error', arithmetic: false,
    summary: { zh: '件数为负数', en: 'A count is negative' },
    example: '行政处罚 | -3 |',
  },
  {
    id: 'count-fractional', severity: 'error', arithmetic: false,
    summary: { zh: '件数带小数（收费金额以万元计，可以有小数）', en: 'A count has decimals (only the fee in 万元 may)' },
    example: '行政许可 | 2.5 |',
  },
  {
    id: 'label-wording', severity: 'warning', arithmetic: false,
    summary: { zh: '行或列标签与规定措辞不同（可一键改为规定措辞）', en: 'A row or column label differs from the official wording (fix offered)' },
    example: '规范性文件 | 1 | 1 | 6 |   （应为“行政规范性文件”）',
  },
  {
    id: 'period-year', severity: 'error', arithmetic: false,
    summary: { zh: '统计期限的年份与报告年度不一致', en: 'The statistical period’s year disagrees with the report’s year' },
    example: '2024年度报告中：本报告所列数据的统计期限为2023年1月1日至2023年12月31日',
  },
  {
    id: 'format-2019', severity: 'information', arithmetic: false,
    summary: { zh: '报告使用已被替代的2019年格式（表二按2019年格式检查）', en: 'The report uses the superseded 2019 format (table 二 is checked against it)' },
    example: '信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量',
  },
];

export const RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));
export const ARITHMETIC_RULES = new Set(RULES.filter((r) => r.arithmetic).map((r) => r.id));

export function diag(
  rule: RuleId,
  range: Range,
  message: Localized,
  extra: Partial<Pick<Diagnostic, 'expected' | 'actual' | 'related' | 'fix'>> = {},
): Diagnostic {
  return { rule, severity: RULE_BY_ID.get(rule)!.severity, message, range, ...extra };
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}
