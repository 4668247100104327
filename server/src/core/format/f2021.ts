// The official format of 国办公开办函〔2021〕30号 as data: the six sections, tables 二, 三 and 四
// with the contract's cell keys, official labels, English names and the variants users produce,
// which cells are derived, the identities between cells, and the markers a table starts with.
// Nothing else in the core spells out these labels; change the format here.

import type { Localized } from '../i18n.js';
import type { Format, IdentitySpec, SectionSpec, T3RowSpec, Table2Spec, Table3Spec, Table4Spec, TableKind } from './spec.js';

export const SECTIONS: SectionSpec[] = [
  { id: 1, numeral: '一', title: '总体情况', en: 'Overview', keys: ['总体情况'] },
  { id: 2, numeral: '二', title: '主动公开政府信息情况', en: 'Proactive disclosure', keys: ['主动公开政府信息'] },
  { id: 3, numeral: '三', title: '收到和处理政府信息公开申请情况', en: 'Requests received and handled', keys: ['收到和处理政府信息公开申请'] },
  { id: 4, numeral: '四', title: '政府信息公开行政复议、行政诉讼情况', en: 'Administrative reviews and suits', keys: ['行政复议', '行政诉讼'] },
  { id: 5, numeral: '五', title: '存在的主要问题及改进情况', en: 'Main problems and improvements', keys: ['存在的主要问题'] },
  { id: 6, numeral: '六', title: '其他需要报告的事项', en: 'Other matters to report', keys: ['其他需要报告'] },
];

// ---------------------------------------------------------------------------------------------
// Table 二.

const DECISIONS = { key: 'decisions', label: '本年处理决定数量', en: 'decisions this year', role: 'input' } as const;

export const TABLE2_2021: Table2Spec = {
  format: '2021',
  items: [
    {
      item: '一',
      columns: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      values: [
        { key: 'issued', label: '本年制发件数', en: 'issued this year', role: 'input' },
        { key: 'repealed', label: '本年废止件数', en: 'repealed this year', role: 'input' },
        { key: 'valid', label: '现行有效件数', en: 'in force', role: 'input' },
      ],
      rows: [
        { key: 'rules', label: '规章', en: 'rules' },
        { key: 'normative', label: '行政规范性文件', en: 'normative documents', variants: ['规范性文件'] },
      ],
    },
    { item: '五', columns: ['信息内容', '本年处理决定数量'], values: [DECISIONS], rows: [{ key: 'license', label: '行政许可', en: 'licensing' }] },
    {
      item: '六',
      columns: ['信息内容', '本年处理决定数量'],
      values: [DECISIONS],
      rows: [
        { key: 'penalty', label: '行政处罚', en: 'penalties' },
        { key: 'enforcement', label: '行政强制', en: 'compulsory measures' },
      ],
    },
    {
      item: '八',
      columns: ['信息内容', '本年收费金额（单位：万元）'],
      values: [{ key: 'amount', label: '本年收费金额（单位：万元）', en: 'fees this year (10,000 yuan)', role: 'input' }],
      rows: [{ key: 'fee', label: '行政事业性收费', en: 'administrative fees', decimals: true }],
    },
  ],
};

/** A table 二 item title, 第二十条第（一）项, normalised: its item numeral is group 1. */
export const T2_ITEM_RE = /^第二十条第\(([一二三四五六七八九十]{1,2})\)项/;
export const t2ItemTitle = (item: string): Localized => ({ zh: `第二十条第（${item}）项`, en: `Item (${item})` });

// ---------------------------------------------------------------------------------------------
// Table 三.

export const TABLE3: Table3Spec = {
  columns: [
    { key: 'natural', label: '自然人', en: 'natural persons', role: 'input' },
    { key: 'commercial', label: '商业企业', en: 'businesses', role: 'input' },
    { key: 'research', label: '科研机构', en: 'research institutions', role: 'input' },
    { key: 'social', label: '社会公益组织', en: 'public-interest organisations', role: 'input', variants: ['社会公益'] },
    { key: 'legal', label: '法律服务机构', en: 'legal service providers', role: 'input', variants: ['法律服务'] },
    { key: 'other', label: '其他', en: 'others', role: 'input' },
    { key: 'total', label: '总计', en: 'total', role: 'total' },
  ],
  headerExtras: ['申请人情况', '法人或其他组织'],
  note: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  groups: [
    { key: 'results', ordinal: '三、', text: '本年度办理结果' },
    { key: 'denied', ordinal: '（三）', text: '不予公开' },
    { key: 'unable', ordinal: '（四）', text: '无法提供' },
    { key: 'notHandled', ordinal: '（五）', text: '不予处理' },
    { key: 'other', ordinal: '（六）', text: '其他处理', variants: ['其他'] },
  ],
  rows: [
    { key: 'new', ordinal: '一、', text: '本年新收政府信息公开申请数量', en: 'new requests this year', role: 'new' },
    { key: 'carried', ordinal: '二、', text: '上年结转政府信息公开申请数量', en: 'requests carried over from last year', role: 'carried' },
    { key: 'granted', ordinal: '（一）', text: '予以公开', en: 'disclosed', role: 'outcome' },
    { key: 'partial', ordinal: '（二）', text: '部分公开（区分处理的，只计这一情形，不计其他情形）', en: 'partly disclosed', role: 'outcome', variants: ['部分公开'] },
    { key: 'denied1', ordinal: '1.', text: '属于国家秘密', en: 'withheld: state secret', role: 'outcome', group: 'denied' },
    { key: 'denied2', ordinal: '2.', text: '其他法律行政法规禁止公开', en: 'withheld: barred by other laws', role: 'outcome', group: 'denied' },
    { key: 'denied3', ordinal: '3.', text: '危及“三安全一稳定”', en: 'withheld: endangers security or stability', role: 'outcome', group: 'denied' },
    { key: 'denied4', ordinal: '4.', text: '保护第三方合法权益', en: 'withheld: third parties’ rights', role: 'outcome', group: 'denied' },
    { key: 'denied5', ordinal: '5.', text: '属于三类内部事务信息', en: 'withheld: internal affairs', role: 'outcome', group: 'denied' },
    { key: 'denied6', ordinal: '6.', text: '属于四类过程性信息', en: 'withheld: process information', role: 'outcome', group: 'denied' },
    { key: 'denied7', ordinal: '7.', text: '属于行政执法案卷', en: 'withheld: enforcement files', role: 'outcome', group: 'denied' },
    { key: 'denied8', ordinal: '8.', text: '属于行政查询事项', en: 'withheld: enquiry matters', role: 'outcome', group: 'denied' },
    { key: 'unable1', ordinal: '1.', text: '本机关不掌握相关政府信息', en: 'cannot provide: not held', role: 'outcome', group: 'unable' },
    { key: 'unable2', ordinal: '2.', text: '没有现成信息需要另行制作', en: 'cannot provide: would have to be made', role: 'outcome', group: 'unable' },
    { key: 'unable3', ordinal: '3.', text: '补正后申请内容仍不明确', en: 'cannot provide: unclear after correction', role: 'outcome', group: 'unable' },
    { key: 'notHandled1', ordinal: '1.', text: '信访举报投诉类申请', en: 'not handled: petitions and complaints', role: 'outcome', group: 'notHandled' },
    { key: 'notHandled2', ordinal: '2.', text: '重复申请', en: 'not handled: repeated requests', role: 'outcome', group: 'notHandled' },
    { key: 'notHandled3', ordinal: '3.', text: '要求提供公开出版物', en: 'not handled: publications', role: 'outcome', group: 'notHandled' },
    { key: 'notHandled4', ordinal: '4.', text: '无正当理由大量反复申请', en: 'not handled: mass repeated requests', role: 'outcome', group: 'notHandled' },
    { key: 'notHandled5', ordinal: '5.', text: '要求行政机关确认或重新出具已获取信息', en: 'not handled: confirm or reissue', role: 'outcome', group: 'notHandled' },
    { key: 'other1', ordinal: '1.', text: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', en: 'other: not corrected in time', role: 'outcome', group: 'other' },
    { key: 'other2', ordinal: '2.', text: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', en: 'other: fee not paid', role: 'outcome', group: 'other' },
    { key: 'other3', ordinal: '3.', text: '其他', en: 'other: other', role: 'outcome', group: 'other' },
    { key: 'total', ordinal: '（七）', text: '总计', en: 'total of outcomes', role: 'total' },
    { key: 'carryOver', ordinal: '四、', text: '结转下年度继续办理', en: 'carried over to next year', role: 'carryOver' },
  ],
  otherSingle: { key: 'otherSingle', ordinal: '（六）', text: '其他处理', en: 'other handling', role: 'outcome', variants: ['其他'] },
  otherGroup: 'other',
};

const T3_ROWS_SINGLE_OTHER = (() => {
  const rows = TABLE3.rows.filter((r) => r.group !== TABLE3.otherGroup);
  rows.splice(rows.findIndex((r) => r.role === 'total'), 0, TABLE3.otherSingle);
  return rows;
})();
/** The rows table 三 has: 25, or 23 where （六）其他处理 is printed as one row (before （七）). */
export const t3Rows = (singleOther: boolean): T3RowSpec[] => (singleOther ? T3_ROWS_SINGLE_OTHER : TABLE3.rows);

/** Normalised label cells that open table 三: contained in a cell, or the whole cell. */
export const T3_START = { contains: ['本列数据的勾稽关系', '本年新收政府信息公开申请数量'], equals: ['申请人情况'], note: '勾稽关系' };

// ---------------------------------------------------------------------------------------------
// Table 四.

export const TABLE4: Table4Spec = {
  header: [
    '行政复议', '行政诉讼',
    '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉',
    '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计',
  ],
  groups: [
    { key: 'review', label: '行政复议', en: 'administrative review' },
    { key: 'direct', label: '未经复议直接起诉', en: 'suits without review', within: '行政诉讼' },
    { key: 'afterReview', label: '复议后起诉', en: 'suits after review', within: '行政诉讼' },
  ],
  results: [
    { key: 'upheld', label: '结果维持', en: 'upheld', role: 'input' },
    { key: 'corrected', label: '结果纠正', en: 'corrected', role: 'input' },
    { key: 'other', label: '其他结果', en: 'other', role: 'input' },
    { key: 'pending', label: '尚未审结', en: 'pending', role: 'input' },
    { key: 'total', label: '总计', en: 'total', role: 'total' },
  ],
  name: { zh: '行政复议、行政诉讼', en: 'reviews and suits' },
};

/** The normalised label cell that opens table 四. */
export const T4_START = '行政复议';

// ---------------------------------------------------------------------------------------------
// Identities (CONTRACT.md, "Arithmetic rules"). The fixer's order follows from them: a derived
// cell is recomputed after the derived cells it is made of.

const INPUTS = { role: 'input' };

export const IDENTITIES_2021: IdentitySpec[] = [
  { rule: 'request-row-total', table: 't3', each: 'row', anchor: { row: '*', column: 'total' }, terms: [{ row: '*', column: INPUTS, sign: 1 }] },
  { rule: 'request-outcome-total', table: 't3', each: 'column', anchor: { row: 'total', column: '*' }, terms: [{ row: { role: 'outcome' }, column: '*', sign: 1 }] },
  {
    rule: 'request-balance', table: 't3', each: 'column', anchor: { row: 'carryOver', column: '*' },
    terms: [{ row: 'new', column: '*', sign: 1 }, { row: 'carried', column: '*', sign: 1 }, { row: 'total', column: '*', sign: -1 }],
  },
  { rule: 'review-total', table: 't4', anchor: { row: 'review', column: 'total' }, terms: [{ row: 'review', column: INPUTS, sign: 1 }] },
  { rule: 'litigation-total', table: 't4', anchor: { row: 'direct', column: 'total' }, terms: [{ row: 'direct', column: INPUTS, sign: 1 }] },
  { rule: 'litigation-total', table: 't4', anchor: { row: 'afterReview', column: 'total' }, terms: [{ row: 'afterReview', column: INPUTS, sign: 1 }] },
];

/** The section each table belongs to (a missing table is reported at that section's heading). */
export const TABLE_SECTION: Record<TableKind, SectionSpec['id']> = { t2: 2, t3: 3, t4: 4 };

export const TABLE_NAMES: Record<TableKind, Localized> = {
  t2: { zh: '表二（主动公开政府信息情况）', en: 'table 二 (proactive disclosure)' },
  t3: { zh: '表三（收到和处理政府信息公开申请情况）', en: 'table 三 (requests)' },
  t4: { zh: '表四（行政复议、行政诉讼情况）', en: 'table 四 (reviews and suits)' },
};
export const TABLE_SHORT: Record<TableKind, Localized> = {
  t2: { zh: '表二', en: 'Table 二' },
  t3: { zh: '表三', en: 'Table 三' },
  t4: { zh: '表四', en: 'Table 四' },
};

export const FORMAT_2021: Format = { id: '2021', sections: SECTIONS, t2: TABLE2_2021, t3: TABLE3, t4: TABLE4, identities: IDENTITIES_2021 };
