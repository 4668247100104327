// Defects found on real reports and in the code, each held by a regression test (issue 8).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText, cellByKey, recompute } from '../server/src/core/index.ts';
import { complete, composeReport, exampleReport } from './helpers/compose.mjs';

const example = exampleReport();
const clean = composeReport(example);
const rules = (text: string) => analyzeText(text).diagnostics.map((d) => d.rule);

describe('the one-row （六）其他处理 variant', () => {
  test('the outcome message counts the 19 rows it sums, not 21', () => {
    const cells = complete({ 't3.new.natural': 5, 't3.granted.natural': 2, 't3.otherSingle.natural': 1 }, true);
    const text = composeReport({ ...example, singleOther: true, cells: { ...cells, 't3.total.natural': 4 } });
    const d = analyzeText(text).diagnostics.find((x) => x.rule === 'request-outcome-total')!;
    assert.equal(d.expected, 3);
    // Related information: the summands that are not zero (the other 17 outcome rows are 0 here).
    assert.equal(d.related?.length, 2);
    assert.match(d.message.zh, /（19 个办理结果行之和）/);
    assert.match(d.message.en, /sum of the 19 outcome rows/);
  });
  test('with three （六） rows it says 21', () => {
    const d = analyzeText(composeReport({ ...example, cells: { ...example.cells, 't3.total.natural': 99 } })).diagnostics.find((x) => x.rule === 'request-outcome-total')!;
    assert.match(d.message.zh, /（21 个办理结果行之和）/);
  });
});

describe('headings', () => {
  for (const [what, indent] of [['tabs', '\t\t'], ['spaces', '    '], ['full-width spaces', '\u3000\u3000'], ['a non-breaking space', '\u00a0'], ['a mix', ' \t\u3000']]) {
    test(`indented with ${what} as Word and WPS paste them: still headings, in the official wording`, () => {
      const text = clean.replace('三、收到和处理政府信息公开申请情况', indent + '三、收到和处理政府信息公开申请情况').replace('五、存在的主要问题及改进情况', indent + '五、存在的主要问题及改进情况');
      const a = analyzeText(text);
      assert.deepEqual(a.headings.map((h) => h.spec.id), [1, 2, 3, 4, 5, 6]);
      assert.deepEqual(a.diagnostics, []);
      const h = a.headings[2];
      assert.equal(h.start, indent.length);
      assert.equal(h.text, '三、收到和处理政府信息公开申请情况');
    });
  }
  for (const [what, written] of [
    ['a wrong character', '四、政府信息公开行政复议、行政诉讼状况'],
    ['an extra character', '四、政府信息公开行政法复议、行政诉讼情况'],
    ['a missing character', '四、政府信息公开行政复议、行政诉情况'],
  ]) {
    test(`a heading with ${what} in its place is section-title with the official wording, not section-missing`, () => {
      const text = clean.replace('四、政府信息公开行政复议、行政诉讼情况', written);
      const a = analyzeText(text);
      assert.deepEqual(a.diagnostics.map((d) => d.rule), ['section-title']);
      assert.equal(a.diagnostics[0].fix?.edits[0].newText, '四、政府信息公开行政复议、行政诉讼情况');
    });
  }
  test('a short title two characters off is not taken for a heading (no false section-title)', () => {
    // 一、总体要求 is a plausible sub-heading of another text, not 一、总体情况 misspelt.
    const text = clean.replace('一、总体情况\n', '一、总体情况\n一、总体要求\n');
    // Only outline-numbering: a sub-topic of 总体情况 numbered 一、 like a section (issue 18).
    assert.deepEqual(rules(text), ['outline-numbering']);
  });
  test('the outline and the core agree: 五．… (full-width full stop) is section-title, fixed to 五、…', () => {
    const a = analyzeText(clean.replace('五、存在的主要问题及改进情况', '五．存在的主要问题及改进情况'));
    assert.deepEqual(a.diagnostics.map((d) => d.rule), ['section-title']);
    assert.equal(a.diagnostics[0].fix?.edits[0].newText, '五、存在的主要问题及改进情况');
    const h = a.headings[4];
    assert.deepEqual([h.isOfficial, h.official], [false, '五、存在的主要问题及改进情况']);
    assert.ok(analyzeText(clean).headings.every((x) => x.isOfficial));
    // Spaces inside a heading are not wording: both sides call it official.
    assert.ok(analyzeText(clean.replace('五、存在的主要问题及改进情况', '五、存在的主要问题及 改进情况')).headings[4].isOfficial);
  });
});

test('a heading is official (the outline shows no “official wording”) exactly when the core raises no section-title on it', () => {
  const variants = ['五．存在的主要问题及改进情况', '五.存在的主要问题及改进情况', '五存在的主要问题及改进情况', '五、存在的主要问题及整改措施', '５、存在的主要问题及改进情况', '五、 存在的主要问题及改进情况', '\t五、存在的主要问题及改进情况', '六、存在的主要问题及改进情况'];
  for (const v of variants) {
    const a = analyzeText(clean.replace('五、存在的主要问题及改进情况', v));
    for (const h of a.headings) {
      const flagged = a.diagnostics.some((d) => d.rule === 'section-title' && d.range.start.line === h.line);
      const first = a.headings.find((x) => x.spec.id === h.spec.id) === h;
      if (first) assert.equal(flagged, !h.isOfficial, `${v}: ${h.text}`);
    }
  }
});

describe('a balance that would need a negative 四', () => {
  test('the message says the inputs disagree and names the cells to look at; no fix, and the fixer refuses', () => {
    // 一 + 二 = 3 in 自然人 while the outcomes add up to 9.
    const cells = complete({ 't3.new.natural': 2, 't3.carried.natural': 1, 't3.granted.natural': 9 });
    const text = composeReport({ ...example, cells: { ...cells, 't3.carryOver.natural': 0, 't3.carryOver.total': 0 } });
    const a = analyzeText(text);
    const d = a.diagnostics.find((x) => x.rule === 'request-balance' && x.cell === 't3.carryOver.natural')!;
    assert.equal(d.expected, -6);
    assert.equal(d.fix, undefined);
    assert.doesNotMatch(d.message.zh, /应为 -6（/);
    assert.match(d.message.zh, /输入数据互相矛盾/);
    for (const cell of ['一、本年新收政府信息公开申请数量 / 自然人', '二、上年结转政府信息公开申请数量 / 自然人', '（七）总计 / 自然人']) assert.ok(d.message.zh.includes(cell), cell);
    assert.match(d.message.en, /the inputs disagree/);
    assert.ok(recompute(a).refused.some((r) => r.range.start.line === cellByKey(a, 't3.carryOver.natural')!.cell.line));
  });
});
