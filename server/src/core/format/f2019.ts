// The superseded format of 国办公开办函〔2019〕60号, as far as it differs from 2021's: table 二 has
// other columns and an item （九）, and table 三 prints （六）其他处理 as one row. Its table 二 keys
// (documented in the README): t2.<row>.<column> with rows rules, normative, license,
// otherService, penalty, enforcement, fee, procurement and columns made, published,
// totalPublished (item 一), previous, change, decisions (items 五, 六, 八), projects, amount (九).
// Tables 三 and 四, and so the identities, are those of 2021.

import { FORMAT_2021 } from './f2021.js';
import type { ColumnSpec, Format, Table2Spec } from './spec.js';

const PREVIOUS: ColumnSpec = { key: 'previous', label: '上一年项目数量', en: 'items last year', role: 'input' };
const CHANGE: ColumnSpec = { key: 'change', label: '本年增/减', en: 'change this year', role: 'input' };
const DECISIONS: ColumnSpec = { key: 'decisions', label: '处理决定数量', en: 'decisions', role: 'input' };

export const TABLE2_2019: Table2Spec = {
  format: '2019',
  items: [
    {
      item: '一',
      columns: ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
      values: [
        { key: 'made', label: '本年新制作数量', en: 'made this year', role: 'input' },
        { key: 'published', label: '本年新公开数量', en: 'published this year', role: 'input' },
        { key: 'totalPublished', label: '对外公开总数量', en: 'published in all', role: 'input' },
      ],
      rows: [
        { key: 'rules', label: '规章', en: 'rules' },
        { key: 'normative', label: '规范性文件', en: 'normative documents' },
      ],
    },
    {
      item: '五',
      columns: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      values: [PREVIOUS, CHANGE, DECISIONS],
      rows: [
        { key: 'license', label: '行政许可', en: 'licensing', signed: true },
        { key: 'otherService', label: '其他对外管理服务事项', en: 'other public services', signed: true },
      ],
    },
    {
      item: '六',
      columns: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      values: [PREVIOUS, CHANGE, DECISIONS],
      rows: [
        { key: 'penalty', label: '行政处罚', en: 'penalties', signed: true },
        { key: 'enforcement', label: '行政强制', en: 'compulsory measures', signed: true },
      ],
    },
    {
      item: '八',
      columns: ['信息内容', '上一年项目数量', '本年增/减'],
      values: [PREVIOUS, CHANGE],
      rows: [{ key: 'fee', label: '行政事业性收费', en: 'administrative fees', signed: true }],
    },
    {
      item: '九',
      columns: ['信息内容', '采购项目数量', '采购总金额'],
      values: [
        { key: 'projects', label: '采购项目数量', en: 'procurement projects', role: 'input' },
        { key: 'amount', label: '采购总金额', en: 'procurement amount', role: 'input' },
      ],
      rows: [{ key: 'procurement', label: '政府集中采购', en: 'central procurement', decimals: true, unit: true }],
    },
  ],
};

/** Labels only the 2019 table 二 has: seeing one (or item （九）) means the report uses that format. */
export const TABLE2_2019_MARKERS = ['本年新制作数量', '上一年项目数量', '采购项目数量'];
export const TABLE2_2019_ITEM = '九';

export const FORMAT_2019: Format = { ...FORMAT_2021, id: '2019', t2: TABLE2_2019 };
