// Every user-facing sentence of the cross-year and section-content rules, in Chinese and English,
// and the rules' summaries and README examples. Nothing else under years/ builds a message.

import type { Localized } from '../diagnostics.js';
import { fileName, quote } from '../i18n.js';
import type { YearsRuleId } from './findings.js';

const L = (zh: string, en: string): Localized => ({ zh, en });

/** Table 三 columns by cell-key column. */
export const T3_COLUMN_NAMES: Record<string, Localized> = {
  natural: L('自然人', 'natural persons'),
  commercial: L('商业企业', 'commercial enterprises'),
  research: L('科研机构', 'research institutions'),
  social: L('社会公益组织', 'social welfare organisations'),
  legal: L('法律服务机构', 'legal service agencies'),
  other: L('其他', 'other'),
  total: L('总计', 'total'),
};

/** Table 二 item 一 rows by cell-key row. */
export const T2_ROW_NAMES: Record<string, Localized> = {
  rules: L('规章', 'rules (规章)'),
  normative: L('行政规范性文件', 'normative documents (行政规范性文件)'),
};

const SECTION_HEADINGS: Record<number, Localized> = {
  5: L('五、存在的主要问题及改进情况', '五 (main problems and improvements)'),
  6: L('六、其他需要报告的事项', '六 (other matters to report)'),
};


export const yearsMsg = {
  carryover: (column: string, expected: number, actual: number, previousPath: string) => {
    const c = T3_COLUMN_NAMES[column];
    return L(
      `二、上年结转（${c.zh}）为 ${actual}，上年报告（${fileName(previousPath)}）的四、结转下年度继续办理（${c.zh}）为 ${expected}`,
      `二、上年结转 (${c.en}) is ${actual}; last year’s report (${fileName(previousPath)}) carried over ${expected} (四、结转下年度继续办理, ${c.en})`,
    );
  },
  carryoverRelated: (column: string, expected: number) => {
    const c = T3_COLUMN_NAMES[column];
    return L(`上年报告：四、结转下年度继续办理（${c.zh}）= ${expected}`, `last year: 四、结转下年度继续办理 (${c.en}) = ${expected}`);
  },
  validChain: (row: string, expected: number, actual: number, previous: number, issued: number, repealed: number) => {
    const r = T2_ROW_NAMES[row];
    return L(
      `${r.zh}现行有效件数为 ${actual}，按上年现行有效 ${previous} + 本年制发 ${issued} − 本年废止 ${repealed} 应为 ${expected}（到期自然失效、集中清理等也会造成差异，请核对）`,
      `${r.en}: 现行有效件数 is ${actual}; last year’s ${previous} + issued ${issued} − repealed ${repealed} = ${expected} (documents that expired or were cleared out also make a difference; please check)`,
    );
  },
  validChainRelated: (row: string, previous: number) => {
    const r = T2_ROW_NAMES[row];
    return L(`上年报告：${r.zh}现行有效件数 = ${previous}`, `last year: ${r.en} 现行有效件数 = ${previous}`);
  },
  proseRepeated: (share: number, repeated: number, counted: number, longest: string) => {
    const pct = Math.round(share * 100);
    return L(
      `本年度报告正文有 ${pct}%（${repeated}/${counted} 句）与上年报告逐字相同；最长的重复段落：“${quote(longest)}”`,
      `${pct} % of this year’s prose sentences (${repeated} of ${counted}) repeat last year’s report word for word; the longest repeated passage: “${quote(longest)}”`,
    );
  },
  proseRepeatedRelated: (length: number) =>
    L(`上年报告中的同一段落（${length} 字）`, `the same passage in last year’s report (${length} characters)`),
  sectionEmpty: (sectionId: number) => {
    const h = SECTION_HEADINGS[sectionId];
    return L(
      `“${h.zh}”只有标题，没有内容（没有需要报告的情况时，可写明“无”）`,
      `Section ${h.en} has a heading and no text (write 无 when there is nothing to report)`,
    );
  },
  sectionFee: () =>
    L(
      '“六、其他需要报告的事项”未说明信息处理费的收取情况（格式要求报告依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，未收取的也写明）',
      'Section 六 does not say what information-processing fee (信息处理费) was collected: the format asks for the fee collected under 《政府信息公开信息处理费管理办法》, or that none was',
    ),
};

/** Why a report has no last year's report among the inputs. */
export const pairingMsg = {
  noOffice: () => L('未能从标题或文件名读出机关名称', 'the office could not be read from the title or the file name'),
  noYear: () => L('未能从标题、统计期限或文件名读出报告年度', 'the year could not be read from the title, the period statement or the file name'),
  none: (office: string, year: number) => L(`输入中没有${office} ${year} 年的报告`, `no ${year} report of ${office} among the inputs`),
  ambiguous: (year: number, paths: string[]) => {
    const names = paths.map(fileName);
    return L(`有多份可能是 ${year} 年的上年报告：${names.join('、')}；请用 --previous 指定`, `more than one report could be last year’s (${year}): ${names.join(', ')}; name one with --previous`);
  },
};

export const ruleText: Record<YearsRuleId, { summary: Localized; example: Localized }> = {
  'carryover-mismatch': {
    summary: L(
      '表三“二、上年结转政府信息公开申请数量”（每一列）与上年报告的“四、结转下年度继续办理”不一致',
      'Table 三: this year’s 二、上年结转 (each column) differs from last year’s 四、结转下年度继续办理',
    ),
    example: L(
      '2024 年报告：二、上年结转 | 3 | 0 | … ；2023 年报告：四、结转下年度继续办理 | 2 | 0 | …  → 自然人列应为 2',
      '2024: 二、上年结转 | 3 | 0 | …; 2023: 四、结转下年度继续办理 | 2 | 0 | …  → 自然人 should be 2',
    ),
  },
  'valid-count-chain': {
    summary: L(
      '表二第（一）项：现行有效件数 ≠ 上年现行有效件数 + 本年制发件数 − 本年废止件数（每一行）',
      'Table 二 item 一: 现行有效件数 ≠ last year’s + 本年制发 − 本年废止 (each row)',
    ),
    example: L(
      '2023 年：行政规范性文件 现行有效 12；2024 年：制发 3、废止 1、现行有效 15  → 应为 14',
      '2023: 行政规范性文件 valid 12; 2024: issued 3, repealed 1, valid 15  → expected 14',
    ),
  },
  'prose-repeated': {
    summary: L(
      '本年度报告正文中与上年报告逐字相同的句子超过一定比例（默认 50%）',
      'More than a share (default 50 %) of this year’s prose sentences repeat last year’s report word for word',
    ),
    example: L(
      '本年度报告正文有 64%（16/25 句）与上年报告逐字相同；最长的重复段落：“下一步，我局将加大政策宣传和解读力度，拓宽宣传途径……”',
      '64 % of this year’s prose sentences (16 of 25) repeat last year’s report word for word; longest: “下一步，我局将加大政策宣传和解读力度……”',
    ),
  },
  'section-empty': {
    summary: L('第五部分或第六部分只有标题，没有内容', 'Section 五 or 六 has a heading and no text'),
    example: L('六、其他需要报告的事项（其后直接是文末或下一个标题）', '六、其他需要报告的事项 followed by the end of the text or the next heading'),
  },
  'section-fee': {
    summary: L(
      '第六部分未说明信息处理费的收取情况（格式要求报告依据《政府信息公开信息处理费管理办法》收取信息处理费的情况）',
      'Section 六 does not say what information-processing fee was collected (the format asks for it)',
    ),
    example: L('六、其他需要报告的事项 / 本机关无其他需要报告的事项。', '六、其他需要报告的事项 / 本机关无其他需要报告的事项。 (no word on the fee)'),
  },
};
