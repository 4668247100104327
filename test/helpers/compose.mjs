// The one report composer of the tests and benchmarks: complete drafts from cell values keyed
// by the contract's cell keys (t2.rules.issued, t3.new.total, t4.review.total …), in each layout
// users paste. Plain JavaScript with types beside it (compose.d.mts), so that unit tests, the
// benchmark and the real-editor suites (plain .mjs under node) share it. Its labels are written
// out here, independently of the core's format data: the tests read the core against them.

export const LAYOUTS = ['pipe', 'tab', 'cell-per-line', 'spaces'];

/** Table 二 rows: the 第二十条 item, its header, and per row its label and column keys. */
export const T2_ITEMS = [
  { item: '一', header: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], rows: [['rules', '规章'], ['normative', '行政规范性文件']], columns: ['issued', 'repealed', 'valid'] },
  { item: '五', header: ['信息内容', '本年处理决定数量'], rows: [['license', '行政许可']], columns: ['decisions'] },
  { item: '六', header: ['信息内容', '本年处理决定数量'], rows: [['penalty', '行政处罚'], ['enforcement', '行政强制']], columns: ['decisions'] },
  { item: '八', header: ['信息内容', '本年收费金额（单位：万元）'], rows: [['fee', '行政事业性收费']], columns: ['amount'] },
];

export const T3_COLUMNS = ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'];
export const T3_INPUT_COLUMNS = T3_COLUMNS.slice(0, 6);

/** Table 三 rows: key and the label cells printed before its numbers. */
export const T3_ROWS = [
  ['new', ['一、本年新收政府信息公开申请数量']],
  ['carried', ['二、上年结转政府信息公开申请数量']],
  ['granted', ['三、本年度办理结果', '（一）予以公开']],
  ['partial', ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）']],
  ['denied1', ['（三）不予公开', '1.属于国家秘密']],
  ['denied2', ['2.其他法律行政法规禁止公开']],
  ['denied3', ['3.危及“三安全一稳定”']],
  ['denied4', ['4.保护第三方合法权益']],
  ['denied5', ['5.属于三类内部事务信息']],
  ['denied6', ['6.属于四类过程性信息']],
  ['denied7', ['7.属于行政执法案卷']],
  ['denied8', ['8.属于行政查询事项']],
  ['unable1', ['（四）无法提供', '1.本机关不掌握相关政府信息']],
  ['unable2', ['2.没有现成信息需要另行制作']],
  ['unable3', ['3.补正后申请内容仍不明确']],
  ['notHandled1', ['（五）不予处理', '1.信访举报投诉类申请']],
  ['notHandled2', ['2.重复申请']],
  ['notHandled3', ['3.要求提供公开出版物']],
  ['notHandled4', ['4.无正当理由大量反复申请']],
  ['notHandled5', ['5.要求行政机关确认或重新出具已获取信息']],
  ['other1', ['（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请']],
  ['other2', ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请']],
  ['other3', ['3.其他']],
  ['total', ['（七）总计']],
  ['carryOver', ['四、结转下年度继续办理']],
];
/** The one row printed instead of other1..3 by reports that keep （六） as one row. */
export const T3_OTHER_SINGLE = ['otherSingle', ['（六）其他处理']];

/** The rows of table 三 as a report prints them. */
export function t3Rows(singleOther = false) {
  if (!singleOther) return T3_ROWS;
  const rows = T3_ROWS.filter(([k]) => !/^other\d$/.test(k));
  rows.splice(rows.findIndex(([k]) => k === 'total'), 0, T3_OTHER_SINGLE);
  return rows;
}
export const outcomeRows = (singleOther = false) => t3Rows(singleOther).map(([k]) => k).filter((k) => !['new', 'carried', 'total', 'carryOver'].includes(k));

export const T4_GROUPS = ['review', 'direct', 'afterReview'];
export const T4_RESULTS = ['upheld', 'corrected', 'other', 'pending', 'total'];
export const T4_INPUT_RESULTS = T4_RESULTS.slice(0, 4);

/** Every cell key of a report, in printed order. */
export function cellKeys(singleOther = false) {
  const keys = [];
  for (const it of T2_ITEMS) for (const [r] of it.rows) for (const c of it.columns) keys.push(`t2.${r}.${c}`);
  for (const [r] of t3Rows(singleOther)) for (const c of T3_COLUMNS) keys.push(`t3.${r}.${c}`);
  for (const g of T4_GROUPS) for (const r of T4_RESULTS) keys.push(`t4.${g}.${r}`);
  return keys;
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/**
 * The derived cells from the inputs (missing inputs count 0): every row's t3 total, the
 * （七）总计 row, the 四 row, table 四's totals. Returns a new object with every key.
 */
export function complete(inputs, singleOther = false) {
  const v = (k) => Number(inputs[k] ?? 0);
  const out = {};
  for (const k of cellKeys(singleOther)) if (k.startsWith('t2.')) out[k] = inputs[k] ?? 0;
  const outcomes = outcomeRows(singleOther);
  for (const c of T3_INPUT_COLUMNS) {
    for (const r of ['new', 'carried', ...outcomes]) out[`t3.${r}.${c}`] = v(`t3.${r}.${c}`);
    out[`t3.total.${c}`] = sum(outcomes.map((r) => out[`t3.${r}.${c}`]));
    out[`t3.carryOver.${c}`] = out[`t3.new.${c}`] + out[`t3.carried.${c}`] - out[`t3.total.${c}`];
  }
  for (const [r] of t3Rows(singleOther)) out[`t3.${r}.total`] = sum(T3_INPUT_COLUMNS.map((c) => out[`t3.${r}.${c}`]));
  for (const g of T4_GROUPS) {
    for (const r of T4_INPUT_RESULTS) out[`t4.${g}.${r}`] = v(`t4.${g}.${r}`);
    out[`t4.${g}.total`] = sum(T4_INPUT_RESULTS.map((r) => out[`t4.${g}.${r}`]));
  }
  return out;
}

function row(cells, layout) {
  switch (layout) {
    case 'pipe':
      return [cells.join(' | ') + ' |'];
    case 'tab':
      return [cells.join('\t')];
    case 'cell-per-line':
      return cells.map((c) => (c === '' ? '|' : `${c} |`));
    case 'spaces':
      return [cells.map((c) => (c === '' ? '—' : c)).join('  ')];
    default:
      throw new Error(`unknown layout ${layout}`);
  }
}

/**
 * A complete report. `report.cells` holds the value of every cell key (numbers, or strings
 * written as they are: '' for a blank); a key that is absent prints as 0.
 */
export function composeReport(report, layout = 'pipe') {
  const { office, year, cells, singleOther = false } = report;
  const s = (k) => String(cells[k] ?? 0);
  const L = [];
  L.push(`${office}${year}年政府信息公开工作年度报告`);
  L.push(`本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》编制。本报告所列数据的统计期限为${year}年1月1日至${year}年12月31日。`);
  L.push('一、总体情况');
  L.push(`${year}年，${office}认真贯彻落实《条例》要求，坚持以公开为常态、不公开为例外，持续做好主动公开、依申请公开和政府信息管理工作，不断提升政务公开质量。`);
  L.push('二、主动公开政府信息情况');
  for (const it of T2_ITEMS) {
    L.push(...row([`第二十条第（${it.item}）项`], layout));
    L.push(...row(it.header, layout));
    for (const [r, label] of it.rows) L.push(...row([label, ...it.columns.map((c) => s(`t2.${r}.${c}`))], layout));
  }
  L.push('三、收到和处理政府信息公开申请情况');
  L.push(...row(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'], layout));
  L.push(...row(['自然人', '法人或其他组织', '总计'], layout));
  L.push(...row(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'], layout));
  for (const [r, labels] of t3Rows(singleOther)) L.push(...row([...labels, ...T3_COLUMNS.map((c) => s(`t3.${r}.${c}`))], layout));
  L.push('四、政府信息公开行政复议、行政诉讼情况');
  L.push(...row(['行政复议', '行政诉讼'], layout));
  L.push(...row(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'], layout));
  L.push(...row(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'], layout));
  L.push(...row(T4_GROUPS.flatMap((g) => T4_RESULTS.map((r) => s(`t4.${g}.${r}`))), layout));
  L.push('五、存在的主要问题及改进情况');
  L.push(`${year}年，${office}政府信息公开工作取得一定成效，但仍存在政策解读形式较为单一、依申请公开办理规范化水平有待提高等问题。下一步将加强业务培训，完善工作机制，持续提升公开质量。`);
  L.push('六、其他需要报告的事项');
  L.push(`${year}年，${office}未收取政府信息公开信息处理费。`);
  return L.join('\n') + '\n';
}

/** The invented office of the examples, with consistent tables. */
export function exampleReport() {
  const inputs = {
    't3.new.natural': 12, 't3.new.commercial': 3, 't3.new.social': 1, 't3.new.legal': 2,
    't3.carried.natural': 2,
    't3.granted.natural': 5, 't3.granted.commercial': 1, 't3.granted.legal': 1,
    't3.partial.natural': 2,
    't3.denied4.natural': 1,
    't3.denied6.commercial': 1,
    't3.unable1.natural': 3, 't3.unable1.social': 1,
    't3.unable2.natural': 1,
    't3.notHandled1.natural': 1,
    't3.other3.legal': 1,
    't2.normative.issued': 3, 't2.normative.repealed': 1, 't2.normative.valid': 12,
    't2.license.decisions': 156, 't2.penalty.decisions': 23, 't2.fee.amount': 0.5,
    't4.review.upheld': 1, 't4.review.pending': 1, 't4.direct.corrected': 1,
  };
  return { office: '青禾县数据资源局', year: 2025, cells: complete(inputs) };
}
