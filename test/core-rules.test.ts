// Each rule with a failing and a passing case, on drafts composed from the invented office's
// report (test/helpers/report.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RULES, analyzeText, type RuleId } from '../server/src/core/index.ts';
import { buildReport, exampleData, T3, type ReportData } from './helpers/report.ts';

const clean = buildReport(exampleData(), 'pipe');
const rulesOf = (text: string) => analyzeText(text).diagnostics.map((d) => d.rule);
const has = (text: string, rule: RuleId) => rulesOf(text).includes(rule);
const withData = (f: (d: ReportData) => void, layout: 'pipe' | 'tab' = 'pipe') => {
  const d = exampleData();
  f(d);
  return buildReport(d, layout);
};
const replaceLine = (text: string, from: string, to: string) => {
  assert.ok(text.includes(from), `fixture has ${from}`);
  return text.replace(from, to);
};

test('the clean example has no diagnostic at all', () => assert.deepEqual(analyzeText(clean).diagnostics, []));

describe('arithmetic rules', () => {
  test('request-row-total: anchored at the row total, expected = sum of the six', () => {
    const text = withData((d) => (d.t3[T3.new][6] = 20));
    const d = analyzeText(text).diagnostics.find((x) => x.rule === 'request-row-total')!;
    assert.equal(d.expected, 18);
    assert.equal(d.actual, 20);
    const line = text.split('\n')[d.range.start.line];
    assert.equal(line.slice(d.range.start.character, d.range.end.character), '20');
    assert.equal(d.related?.length, 6);
    assert.ok(!has(clean, 'request-row-total'));
  });
  test('request-outcome-total: (七)总计 of a column', () => {
    const d = analyzeText(withData((x) => (x.t3[T3.total][1] = 5))).diagnostics.find((x) => x.rule === 'request-outcome-total')!;
    assert.deepEqual([d.expected, d.actual], [2, 5]);
  });
  test('request-balance: 四 = 一 + 二 − (七), anchored at the 四 cell', () => {
    const d = analyzeText(withData((x) => (x.t3[T3.carryOver][0] = 4))).diagnostics.find((x) => x.rule === 'request-balance')!;
    assert.deepEqual([d.expected, d.actual], [1, 4]);
  });
  test('review-total and litigation-total', () => {
    const a = analyzeText(withData((x) => { x.t4[4] = 9; x.t4[14] = 1; })).diagnostics;
    assert.deepEqual(a.filter((x) => x.rule === 'review-total').map((x) => [x.expected, x.actual]), [[2, 9]]);
    assert.deepEqual(a.filter((x) => x.rule === 'litigation-total').map((x) => [x.expected, x.actual]), [[0, 1]]);
  });
  test('a blank or non-numeric cell never raises an arithmetic alarm', () => {
    const a = analyzeText(withData((x) => { x.t3[T3.new][0] = ''; x.t3[T3.carried][2] = '无'; x.t4[0] = ''; }));
    assert.deepEqual(a.diagnostics.filter((x) => RULES.find((r) => r.id === x.rule)!.arithmetic), []);
    assert.ok(a.diagnostics.some((x) => x.rule === 'cell-blank'));
    assert.ok(a.diagnostics.some((x) => x.rule === 'cell-not-number'));
  });
});

describe('format rules', () => {
  test('section-missing, section-duplicate, section-order, section-title', () => {
    assert.ok(has(clean.replace('五、存在的主要问题及改进情况\n', ''), 'section-missing'));
    assert.ok(has(clean + '六、其他需要报告的事项\n无。\n', 'section-duplicate'));
    const swapped = clean.replace('一、总体情况', '@@').replace('六、其他需要报告的事项', '一、总体情况').replace('@@', '六、其他需要报告的事项');
    assert.ok(has(swapped, 'section-order'));
    const t = analyzeText(clean.replace('五、存在的主要问题及改进情况', '五、存在的主要问题及整改措施')).diagnostics.find((d) => d.rule === 'section-title')!;
    assert.equal(t.fix?.edits[0].newText, '五、存在的主要问题及改进情况');
    for (const r of ['section-missing', 'section-duplicate', 'section-order', 'section-title'] as RuleId[]) assert.ok(!has(clean, r));
  });
  test('table-missing', () => {
    const noT4 = clean.replace(/行政复议 \| 行政诉讼[\s\S]*?(?=五、)/, '');
    assert.ok(has(noT4, 'table-missing'));
  });
  test('row-missing and row-unknown', () => {
    assert.ok(has(clean.replace(/2\.重复申请 \|[^\n]*\n/, ''), 'row-missing'));
    assert.ok(has(clean.replace('2.重复申请 |', '（八）其他情形 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n2.重复申请 |'), 'row-unknown'));
  });
  test('cells-missing and cells-extra', () => {
    assert.ok(has(replaceLine(clean, '行政许可 | 156 |', '行政许可 |'), 'cells-missing'));
    assert.ok(has(replaceLine(clean, '行政许可 | 156 |', '行政许可 | 156 | 7 |'), 'cells-extra'));
  });
  test('cell-blank: one diagnostic over a row’s blanks', () => {
    const a = analyzeText(withData((x) => { x.t3[T3.carried] = ['', '', 0, 0, 0, 0, '']; }, 'tab')).diagnostics.filter((d) => d.rule === 'cell-blank');
    assert.equal(a.length, 1);
    assert.match(a[0].message.zh, /3 个单元格为空/);
  });
  test('cell-fullwidth-digits with a fix to ASCII', () => {
    const d = analyzeText(replaceLine(clean, '行政许可 | 156 |', '行政许可 | １５６ |')).diagnostics.find((x) => x.rule === 'cell-fullwidth-digits')!;
    assert.equal(d.fix?.edits[0].newText, '156');
  });
  test('count-negative, count-fractional; the fee may have decimals', () => {
    assert.ok(has(replaceLine(clean, '行政处罚 | 23 |', '行政处罚 | -3 |'), 'count-negative'));
    assert.ok(has(replaceLine(clean, '行政处罚 | 23 |', '行政处罚 | 2.5 |'), 'count-fractional'));
    assert.ok(!has(clean, 'count-fractional')); // 行政事业性收费 | 0.5
  });
  test('label-wording: row and column labels, fix to the official wording', () => {
    const a = analyzeText(replaceLine(clean, '行政规范性文件 |', '规范性文件 |').replace('本年废止件数', '本年度止件数')).diagnostics.filter((d) => d.rule === 'label-wording');
    assert.deepEqual(a.map((d) => d.fix?.edits[0].newText).sort(), ['本年废止件数', '行政规范性文件']);
    assert.ok(!has(clean.replace('商业企业', '商业 企业').replace('（一）予以公开', '(一) 予以公开'), 'label-wording'), 'spacing and width are not wording');
  });
  test('period-year', () => {
    const d = analyzeText(clean.replace('统计期限为2025年1月1日', '统计期限为2024年1月1日')).diagnostics.find((x) => x.rule === 'period-year')!;
    assert.match(d.message.en, /2024.*2025/);
    assert.ok(!has(clean, 'period-year'));
  });
  test('format-2019', () => {
    const old = clean.replace('本年制发件数 | 本年废止件数 | 现行有效件数', '本年新制作数量 | 本年新公开数量 | 对外公开总数量');
    assert.ok(has(old, 'format-2019'));
    assert.ok(!has(clean, 'format-2019'));
  });
  test('a text that is no report at all gets one clear diagnostic', () => {
    assert.deepEqual(rulesOf('今天天气很好。\n'), ['section-missing']);
  });
  test('every rule of the README table is exercised above', () => {
    assert.equal(RULES.length, 22);
  });
});
