// The official format (国办公开办函〔2021〕30号) as data: section titles, table row and column
// labels with the variants users produce, which cells are derived, and the identities.
// Nothing else in the core spells out these labels; change the format here.

export type SectionId = 1 | 2 | 3 | 4 | 5 | 6;

export interface SectionSpec {
  id: SectionId;
  numeral: string;
  /** The official heading text, without the numeral. */
  title: string;
  /** Normalised fragments, every one of which a heading must contain to be this section. */
  keys: string[];
}

export const SECTIONS: SectionSpec[] = [
  { id: 1, numeral: '一', title: '总体情况', keys: ['总体情况'] },
  { id: 2, numeral: '二', title: '主动公开政府信息情况', keys: ['主动公开政府信息'] },
  { id: 3, numeral: '三', title: '收到和处理政府信息公开申请情况', keys: ['收到和处理政府信息公开申请'] },
  { id: 4, numeral: '四', title: '政府信息公开行政复议、行政诉讼情况', keys: ['行政复议', '行政诉讼'] },
  { id: 5, numeral: '五', title: '存在的主要问题及改进情况', keys: ['存在的主要问题'] },
  { id: 6, numeral: '六', title: '其他需要报告的事项', keys: ['其他需要报告'] },
];

export const CHINESE_NUMERALS = '一二三四五六七八九十';

// ---------------------------------------------------------------------------------------------
// Table 二: the items of 第二十条 (主动公开). No identities; each cell is an input.

export interface ItemSpec {
  /** The 第二十条 item number as written in the title, e.g. '一' for 第二十条第（一）项. */
  item: string;
  columns: string[];
  rows: RowSpec[];
}

export interface RowSpec {
  key: string;
  label: string;
  /** Accepted wordings (normalised) that are reported as deviations with a fix to `label`. */
  variants?: string[];
  /** Cell values may have decimals (the fee, in 万元). */
  decimals?: boolean;
  /** Cell values may be negative (the 2019 format's 本年增/减). */
  signed?: boolean;
  /** Cells may carry a unit after the number (2019: 采购总金额 251000元). */
  unit?: boolean;
}

export interface Table2Spec {
  format: '2021' | '2019';
  items: ItemSpec[];
}

export const TABLE2_2021: Table2Spec = {
  format: '2021',
  items: [
    {
      item: '一',
      columns: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      rows: [
        { key: 'rules', label: '规章' },
        { key: 'normative', label: '行政规范性文件', variants: ['规范性文件'] },
      ],
    },
    { item: '五', columns: ['信息内容', '本年处理决定数量'], rows: [{ key: 'license', label: '行政许可' }] },
    {
      item: '六',
      columns: ['信息内容', '本年处理决定数量'],
      rows: [
        { key: 'penalty', label: '行政处罚' },
        { key: 'enforcement', label: '行政强制' },
      ],
    },
    {
      item: '八',
      columns: ['信息内容', '本年收费金额（单位：万元）'],
      rows: [{ key: 'fee', label: '行政事业性收费', decimals: true }],
    },
  ],
};

/** The superseded 2019 format (国办公开办函〔2019〕60号): other columns, and item （九）. */
export const TABLE2_2019: Table2Spec = {
  format: '2019',
  items: [
    {
      item: '一',
      columns: ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
      rows: [
        { key: 'rules', label: '规章' },
        { key: 'normative', label: '规范性文件' },
      ],
    },
    {
      item: '五',
      columns: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      rows: [
        { key: 'license', label: '行政许可', signed: true },
        { key: 'otherService', label: '其他对外管理服务事项', signed: true },
      ],
    },
    {
      item: '六',
      columns: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      rows: [
        { key: 'penalty', label: '行政处罚', signed: true },
        { key: 'enforcement', label: '行政强制', signed: true },
      ],
    },
    {
      item: '八',
      columns: ['信息内容', '上一年项目数量', '本年增/减'],
      rows: [{ key: 'fee', label: '行政事业性收费', signed: true }],
    },
    {
      item: '九',
      columns: ['信息内容', '采购项目数量', '采购总金额'],
      rows: [{ key: 'procurement', label: '政府集中采购', decimals: true, unit: true }],
    },
  ],
};

/** Column labels that only the 2019 table 二 has: seeing one means the report uses that format. */
export const TABLE2_2019_MARKERS = ['本年新制作数量', '上一年项目数量', '采购项目数量'];

// ---------------------------------------------------------------------------------------------
// Table 三: 25 rows x 7 columns.

export const T3_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] as const;
export const T3_COLUMN_VARIANTS: Record<string, string[]> = {
  社会公益组织: ['社会公益'],
  法律服务机构: ['法律服务'],
};
/** Header cells of table 三 that are not columns but belong to it. */
export const T3_HEADER_EXTRAS = ['申请人情况', '法人或其他组织'];
export const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const T3_TOTAL_COLUMN = 6;

export type T3Role = 'new' | 'carried' | 'outcome' | 'total' | 'carryOver';

export interface T3RowSpec {
  key: string;
  /** The ordinal as printed: '一、', '（一）', '1.'. */
  ordinal: string;
  /** The label after the ordinal. */
  text: string;
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

export const T3_GROUPS: T3GroupSpec[] = [
  { key: 'results', ordinal: '三、', text: '本年度办理结果' },
  { key: 'denied', ordinal: '（三）', text: '不予公开' },
  { key: 'unable', ordinal: '（四）', text: '无法提供' },
  { key: 'notHandled', ordinal: '（五）', text: '不予处理' },
  { key: 'other', ordinal: '（六）', text: '其他处理', variants: ['其他'] },
];

export const T3_ROWS: T3RowSpec[] = [
  { key: 'new', ordinal: '一、', text: '本年新收政府信息公开申请数量', role: 'new' },
  { key: 'carried', ordinal: '二、', text: '上年结转政府信息公开申请数量', role: 'carried' },
  { key: 'granted', ordinal: '（一）', text: '予以公开', role: 'outcome' },
  { key: 'partial', ordinal: '（二）', text: '部分公开（区分处理的，只计这一情形，不计其他情形）', role: 'outcome', variants: ['部分公开'] },
  { key: 'denied1', ordinal: '1.', text: '属于国家秘密', role: 'outcome', group: 'denied' },
  { key: 'denied2', ordinal: '2.', text: '其他法律行政法规禁止公开', role: 'outcome', group: 'denied' },
  { key: 'denied3', ordinal: '3.', text: '危及“三安全一稳定”', role: 'outcome', group: 'denied' },
  { key: 'denied4', ordinal: '4.', text: '保护第三方合法权益', role: 'outcome', group: 'denied' },
  { key: 'denied5', ordinal: '5.', text: '属于三类内部事务信息', role: 'outcome', group: 'denied' },
  { key: 'denied6', ordinal: '6.', text: '属于四类过程性信息', role: 'outcome', group: 'denied' },
  { key: 'denied7', ordinal: '7.', text: '属于行政执法案卷', role: 'outcome', group: 'denied' },
  { key: 'denied8', ordinal: '8.', text: '属于行政查询事项', role: 'outcome', group: 'denied' },
  { key: 'unable1', ordinal: '1.', text: '本机关不掌握相关政府信息', role: 'outcome', group: 'unable' },
  { key: 'unable2', ordinal: '2.', text: '没有现成信息需要另行制作', role: 'outcome', group: 'unable' },
  { key: 'unable3', ordinal: '3.', text: '补正后申请内容仍不明确', role: 'outcome', group: 'unable' },
  { key: 'notHandled1', ordinal: '1.', text: '信访举报投诉类申请', role: 'outcome', group: 'notHandled' },
  { key: 'notHandled2', ordinal: '2.', text: '重复申请', role: 'outcome', group: 'notHandled' },
  { key: 'notHandled3', ordinal: '3.', text: '要求提供公开出版物', role: 'outcome', group: 'notHandled' },
  { key: 'notHandled4', ordinal: '4.', text: '无正当理由大量反复申请', role: 'outcome', group: 'notHandled' },
  { key: 'notHandled5', ordinal: '5.', text: '要求行政机关确认或重新出具已获取信息', role: 'outcome', group: 'notHandled' },
  { key: 'other1', ordinal: '1.', text: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', role: 'outcome', group: 'other' },
  { key: 'other2', ordinal: '2.', text: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', role: 'outcome', group: 'other' },
  { key: 'other3', ordinal: '3.', text: '其他', role: 'outcome', group: 'other' },
  { key: 'total', ordinal: '（七）', text: '总计', role: 'total' },
  { key: 'carryOver', ordinal: '四、', text: '结转下年度继续办理', role: 'carryOver' },
];

/** The one-row （六）其他处理 that 2019-format tables (and some 2021 ones) print instead of three. */
export const T3_OTHER_SINGLE: T3RowSpec = { key: 'otherSingle', ordinal: '（六）', text: '其他处理', role: 'outcome', variants: ['其他'] };

// ---------------------------------------------------------------------------------------------
// Table 四: 15 cells in one row under a three-level header.

export const T4_HEADER = [
  '行政复议', '行政诉讼',
  '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉',
  '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计',
];
export const T4_CELL_LABELS = [
  '行政复议 结果维持', '行政复议 结果纠正', '行政复议 其他结果', '行政复议 尚未审结', '行政复议 总计',
  '未经复议直接起诉 结果维持', '未经复议直接起诉 结果纠正', '未经复议直接起诉 其他结果', '未经复议直接起诉 尚未审结', '未经复议直接起诉 总计',
  '复议后起诉 结果维持', '复议后起诉 结果纠正', '复议后起诉 其他结果', '复议后起诉 尚未审结', '复议后起诉 总计',
];
export const T4_CELL_LABELS_EN = [
  'review: upheld', 'review: corrected', 'review: other', 'review: pending', 'review: total',
  'direct suit: upheld', 'direct suit: corrected', 'direct suit: other', 'direct suit: pending', 'direct suit: total',
  'suit after review: upheld', 'suit after review: corrected', 'suit after review: other', 'suit after review: pending', 'suit after review: total',
];

// ---------------------------------------------------------------------------------------------
// Identities. Each names its derived cell (the anchor) and the cells that make it up.

export type ArithmeticRule = 'request-row-total' | 'request-outcome-total' | 'request-balance' | 'review-total' | 'litigation-total';

/** Table 四 groups: [first input index, total index]. */
export const T4_GROUPS: { rule: ArithmeticRule; inputs: number[]; total: number; name: string; nameEn: string }[] = [
  { rule: 'review-total', inputs: [0, 1, 2, 3], total: 4, name: '行政复议', nameEn: 'administrative review' },
  { rule: 'litigation-total', inputs: [5, 6, 7, 8], total: 9, name: '未经复议直接起诉', nameEn: 'suits without review' },
  { rule: 'litigation-total', inputs: [10, 11, 12, 13], total: 14, name: '复议后起诉', nameEn: 'suits after review' },
];
