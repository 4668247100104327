// Composes a complete annual report (2021 national format) in the ` | ` layout pasted from Word,
// with numbers that add up, and injects faults into derived cells. Every cell's position is
// returned (0-based line, UTF-16 character), so scenarios know where a squiggle must sit.
// Used by the real-editor tests (test/e2e) and the @vscode/test-electron suite (test/electron).
// Cells are keyed by the contract's cell keys (t3.new.total, t4.review.total …), the same keys
// as the unit tests' composer (test/helpers/compose.mjs), whose key lists this one uses.

import { T3_COLUMNS, T4_RESULTS } from '../../helpers/compose.mjs';

export const APPLICANT_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];

/** The six section headings, as printed. */
export const SECTION_HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

/**
 * Table 三's rows: key, the label cells before the numbers, and the input values per applicant
 * column (derived rows have none: they are computed).
 */
const REQUEST_ROWS = [
  { key: 'new', labels: ['一、本年新收政府信息公开申请数量'], values: [8, 2, 0, 1, 0, 1] },
  { key: 'carried', labels: ['二、上年结转政府信息公开申请数量'], values: [1, 0, 0, 0, 0, 0] },
  { key: 'granted', labels: ['三、本年度办理结果', '(一)予以公开'], values: [5, 1, 0, 0, 0, 1], tail: true },
  { key: 'partial', labels: ['(二)部分公开(区分处理的,只计这一情形,不计其他情形)'], values: [1, 0, 0, 0, 0, 0] },
  { key: 'denied1', labels: ['(三)不予公开', '1.属于国家秘密'], values: [0, 0, 0, 0, 0, 0], tail: true },
  { key: 'denied2', labels: ['2.其他法律行政法规禁止公开'], values: [0, 0, 0, 0, 0, 0] },
  { key: 'denied3', labels: ['3.危及“三安全一稳定”'], values: [0, 0, 0, 0, 0, 0] },
  { key: 'denied4', labels: ['4.保护第三方合法权益'], values: [0, 0, 0, 0, 0, 0] },
  { key: 'denied5', labels: ['5.属于三类内部事务信息'], values: [0, 0, 0, 0, 0, 0] },
  { key: 'denied6', labels: ['6.属于四类过程性信息'], values: [0, 0, 0, 0, 0, 0] },
  { key: 'denied7', labels: ['7.属于行政执法案卷'], values: [0, 0, 0, 0, 0, 0] },
  { key: 'denied8', labels: ['8.属于行政查询事项'], values: [0, 0, 0, 0, 0, 0] },
  { key: 'unable1', labels: ['(四)无法提供', '1.本机关不掌握相关政府信息'], values: [2, 1, 0, 1, 0, 0], tail: true },
  { key: 'unable2', labels: ['2.没有现成信息需要另行制作'], values: [0, 0, 0, 0, 0, 0] },
  { key: 'unable3', labels: ['3.补正后申请内容仍不明确'], values: [0, 0, 0, 0, 0, 0] },
  { key: 'notHandled1', labels: ['(五)不予处理', '1.信访举报投诉类申请'], values: [0, 0, 0, 0, 0, 0], tail: true },
  { key: 'notHandled2', labels: ['2.重复申请'], values: [0, 0, 0, 0, 0, 0] },
  { key: 'notHandled3', labels: ['3.要求提供公开出版物'], values: [0, 0, 0, 0, 0, 0] },
  { key: 'notHandled4', labels: ['4.无正当理由大量反复申请'], values: [0, 0, 0, 0, 0, 0] },
  { key: 'notHandled5', labels: ['5.要求行政机关确认或重新出具已获取信息'], values: [0, 0, 0, 0, 0, 0] },
  { key: 'other1', labels: ['(六)其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'], values: [0, 0, 0, 0, 0, 0], tail: true },
  { key: 'other2', labels: ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'], values: [0, 0, 0, 0, 0, 0] },
  { key: 'other3', labels: ['3.其他'], values: [0, 0, 0, 0, 0, 0] },
  { key: 'total', labels: ['(七)总计'] },
  { key: 'carryOver', labels: ['四、结转下年度继续办理'] },
];
const OUTCOME_KEYS = REQUEST_ROWS.slice(2, 23).map((r) => r.key);

/** Table 四's four result labels, as printed. */
export const T4_LABELS = ['结果维持', '结果纠正', '其他结果', '尚未审结'];

/** Table 四: 行政复议 (4 results + 总计), 未经复议直接起诉 (4 + 总计), 复议后起诉 (4 + 总计). */
const REVIEW_INPUTS = { review: [1, 0, 0, 1], direct: [0, 1, 0, 0], afterReview: [0, 0, 0, 0] };

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/**
 * Builds the report.
 * @param {object} [opts]
 * @param {number} [opts.year] the report's year
 * @param {Record<string, number>} [opts.totals] overrides of derived cells, by cell key:
 *   `t3.<row>.total`, `t3.total.<column>` and `t3.carryOver.<column>`, `t4.<group>.total`
 * @param {string} [opts.eol] line ending
 * @param {boolean} [opts.truncatedT4Labels] table 四's result labels cut short as in a seed pasted from
 *   Word (结果 · 其他 · 尚未 for 结果维持/结果纠正 · 其他结果 · 尚未审结): eleven label-wording warnings
 * @returns {{ text: string, cells: Record<string, {line:number, character:number, text:string, value:number, correct:number}>, headings: {text:string, line:number}[] }}
 */
export function composeReport(opts = {}) {
  const year = opts.year ?? 2024;
  const overrides = opts.totals ?? {};
  const eol = opts.eol ?? '\n';

  // Correct values of table 三.
  const values = new Map();
  for (const r of REQUEST_ROWS) if (r.values) values.set(r.key, [...r.values, sum(r.values)]);
  const outcome = [0, 1, 2, 3, 4, 5].map((c) => sum(OUTCOME_KEYS.map((k) => values.get(k)[c])));
  values.set('total', [...outcome, sum(outcome)]);
  const carry = [0, 1, 2, 3, 4, 5].map((c) => values.get('new')[c] + values.get('carried')[c] - outcome[c]);
  values.set('carryOver', [...carry, sum(carry)]);

  const lines = [];
  const cells = {};
  const headings = [];
  const heading = (i) => {
    headings.push({ text: SECTION_HEADINGS[i], line: lines.length });
    lines.push(SECTION_HEADINGS[i]);
  };
  /** Pushes a row `labels | n | n | … |` and records the numbers' positions. */
  const row = (prefix, labelCells, nums, tail, keyOf, correctOf) => {
    let s = labelCells.map((l) => `${l} | `).join('');
    nums.forEach((n, i) => {
      const key = keyOf(i);
      const text = String(n);
      if (key) cells[key] = { line: lines.length, character: s.length, text, value: n, correct: correctOf(i) };
      s += `${text} | `;
    });
    s = s.trimEnd() + (tail ? ' |' : ' ||');
    lines.push(prefix + s);
  };

  lines.push(
    `根据《中华人民共和国政府信息公开条例》(以下简称《条例》)和《中华人民共和国政府信息公开工作年度报告格式》规定编制本报告。本报告所列数据的统计期限为${year}年1月1日至${year}年12月31日。`,
  );
  heading(0);
  lines.push(
    `${year}年,本机关坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻落实《条例》各项规定,不断提升政务公开质效。`,
    `(一)主动公开。${year}年,主动公开政府信息327条,政务新媒体发布信息90条,涉及机构职能、法规政策和规范性文件等多方面。`,
    `(二)依申请公开。畅通申请受理渠道,规范答复内容,全年共受理政府信息公开申请12件,均在法定期限内予以答复。`,
    '(三)政府信息管理。严格落实信息公开保密审查制度,及时、准确公开政府信息。',
    '(四)政府信息公开平台建设。积极推进门户网站政务公开栏目建设,及时更新信息公开指南。',
    '(五)监督保障。定期开展网站信息清理维护,不断提升政务公开和政务服务质效。',
  );
  heading(1);
  lines.push(
    '第二十条第(一)项 | |||',
    '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
    '规章 | 0 | 0 | 0 |',
    '行政规范性文件 | 1 | 2 | 4 |',
    '第二十条第(五)项 | |||',
    '信息内容 | 本年处理决定数量 | ||',
    '行政许可 | 31 | ||',
    '第二十条第(六)项 | |||',
    '信息内容 | 本年处理决定数量 | ||',
    '行政处罚 | 0 | ||',
    '行政强制 | 0 | ||',
    '第二十条第(八)项 | |||',
    '信息内容 | 本年收费金额(单位:万元) | ||',
    '行政事业性收费 | 0 |',
  );
  heading(2);
  lines.push(
    '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | ||||||||',
    '自然人 | 法人或其他组织 | 总计 | |||||||',
    '商业 企业 | 科研 机构 | 社会公益组织 | 法律服务机构 | 其他 | |||||',
  );
  for (const r of REQUEST_ROWS) {
    const correct = values.get(r.key);
    const derivedRow = !r.values;
    const nums = correct.map((v, i) => {
      const k = `t3.${r.key}.${T3_COLUMNS[i]}`;
      return k in overrides && (derivedRow || i === 6) ? overrides[k] : v;
    });
    row(
      '',
      r.labels,
      nums,
      r.tail,
      (i) => `t3.${r.key}.${T3_COLUMNS[i]}`,
      (i) => correct[i],
    );
  }
  heading(3);
  const [upheld, corrected, other, pending] = opts.truncatedT4Labels ? ['结果', '结果', '其他', '尚未'] : T4_LABELS;
  lines.push(
    '行政复议 | 行政诉讼 | |||||||||||||',
    `结果维持 | ${corrected} | ${other} | ${pending} | 总计 | 未经复议直接起诉 | 复议后起诉 | ||||||||`,
    `${upheld} | ${corrected} | ${other} | ${pending} | 总计 | ${upheld} | ${corrected} | ${other} | ${pending} | 总计 | |||||`,
  );
  {
    const groups = ['review', 'direct', 'afterReview'];
    const nums = [];
    const keys = [];
    const correct = [];
    for (const g of groups) {
      const xs = REVIEW_INPUTS[g];
      const t = sum(xs);
      xs.forEach((x, i) => {
        nums.push(x);
        keys.push(`t4.${g}.${T4_RESULTS[i]}`);
        correct.push(x);
      });
      nums.push(`t4.${g}.total` in overrides ? overrides[`t4.${g}.total`] : t);
      keys.push(`t4.${g}.total`);
      correct.push(t);
    }
    let s = '';
    nums.forEach((n, i) => {
      const text = String(n);
      cells[keys[i]] = { line: lines.length, character: s.length, text, value: n, correct: correct[i] };
      s += i === nums.length - 1 ? `${text} |` : `${text} | `;
    });
    lines.push(s);
  }
  heading(4);
  lines.push(
    `${year}年,本机关政府信息公开工作整体平稳,但也存在一些不足:一是主动公开的覆盖面需进一步扩大;二是政策解读的精准性需进一步提高。`,
    `${year + 1}年,本机关将持续优化工作机制,加强业务培训,不断提高政务公开工作水平。`,
  );
  heading(5);
  lines.push(`${year}年本机关未收取政府信息公开处理费,无其他需要报告的事项。`);

  return { text: lines.join(eol) + eol, cells, headings };
}

/** 1-based [Ln, Col] as VS Code's Problems panel prints it for a cell. */
export function lnCol(cell) {
  return `[Ln ${cell.line + 1}, Col ${cell.character + 1}]`;
}

/** The numbers a row's 总计 adds, as the hover's formula shows them. */
export function rowInputs(cells, rowKey) {
  return T3_COLUMNS.slice(0, 6).map((c) => cells[`t3.${rowKey}.${c}`].value);
}
