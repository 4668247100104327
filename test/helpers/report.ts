// Builds complete report drafts from table data, in each layout users paste, for tests,
// property tests, benchmarks and the examples. The office and its numbers are invented.

export type Layout = 'pipe' | 'tab' | 'cell-per-line' | 'spaces';
export const LAYOUTS: Layout[] = ['pipe', 'tab', 'cell-per-line', 'spaces'];

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

function row(cells: string[], layout: Layout): string[] {
  switch (layout) {
    case 'pipe':
      return [cells.join(' | ') + ' |'];
    case 'tab':
      return [cells.join('\t')];
    case 'cell-per-line':
      return cells.map((c) => (c === '' ? '|' : `${c} |`));
    case 'spaces':
      return [cells.map((c) => (c === '' ? '—' : c)).join('  ')];
  }
}

export function buildReport(d: ReportData, layout: Layout): string {
  const s = (v: number | string) => String(v);
  const L: string[] = [];
  L.push(`${d.office}${d.year}年政府信息公开工作年度报告`);
  L.push(`本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》编制。本报告所列数据的统计期限为${d.year}年1月1日至${d.year}年12月31日。`);
  L.push('一、总体情况');
  L.push(`${d.year}年，${d.office}认真贯彻落实《条例》要求，坚持以公开为常态、不公开为例外，持续做好主动公开、依申请公开和政府信息管理工作，不断提升政务公开质量。`);
  L.push('二、主动公开政府信息情况');
  L.push(...row(['第二十条第（一）项'], layout));
  L.push(...row(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], layout));
  L.push(...row(['规章', s(d.t2[0]), s(d.t2[1]), s(d.t2[2])], layout));
  L.push(...row(['行政规范性文件', s(d.t2[3]), s(d.t2[4]), s(d.t2[5])], layout));
  L.push(...row(['第二十条第（五）项'], layout));
  L.push(...row(['信息内容', '本年处理决定数量'], layout));
  L.push(...row(['行政许可', s(d.t2[6])], layout));
  L.push(...row(['第二十条第（六）项'], layout));
  L.push(...row(['信息内容', '本年处理决定数量'], layout));
  L.push(...row(['行政处罚', s(d.t2[7])], layout));
  L.push(...row(['行政强制', s(d.t2[8])], layout));
  L.push(...row(['第二十条第（八）项'], layout));
  L.push(...row(['信息内容', '本年收费金额（单位：万元）'], layout));
  L.push(...row(['行政事业性收费', s(d.t2[9])], layout));
  L.push('三、收到和处理政府信息公开申请情况');
  L.push(...row(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'], layout));
  L.push(...row(['自然人', '法人或其他组织', '总计'], layout));
  L.push(...row(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'], layout));
  T3_LABELS.forEach(([labels], i) => L.push(...row([...labels, ...d.t3[i].map(s)], layout)));
  L.push('四、政府信息公开行政复议、行政诉讼情况');
  L.push(...row(['行政复议', '行政诉讼'], layout));
  L.push(...row(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'], layout));
  L.push(...row(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'], layout));
  L.push(...row(d.t4.map(s), layout));
  L.push('五、存在的主要问题及改进情况');
  L.push(`${d.year}年，${d.office}政府信息公开工作取得一定成效，但仍存在政策解读形式较为单一、依申请公开办理规范化水平有待提高等问题。下一步将加强业务培训，完善工作机制，持续提升公开质量。`);
  L.push('六、其他需要报告的事项');
  L.push(`${d.year}年，${d.office}未收取政府信息公开信息处理费。`);
  return L.join('\n') + '\n';
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
