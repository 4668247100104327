// The seeds and published reports of ../shared: complete tables, no false arithmetic alarm,
// and every real blemish found.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ARITHMETIC_RULES, analyzeText, type Analysis } from '../server/src/core/index.ts';
import { SKIP_SHARED, sharedFiles } from './helpers/shared.ts';

const seeds = sharedFiles('seeds');
const real = sharedFiles('real');
const byName = (files: { name: string; text: string }[], prefix: string) => analyzeText(files.find((f) => f.name.startsWith(prefix))!.text);
const rules = (a: Analysis, rule: string) => a.diagnostics.filter((d) => d.rule === rule);
const arithmetic = (a: Analysis) => a.diagnostics.filter((d) => ARITHMETIC_RULES.has(d.rule));

describe('seeds', { skip: SKIP_SHARED }, () => {
  test('five seeds are present', () => assert.equal(seeds.length, 5));
  for (const { name, text } of seeds) {
    test(`${name}: complete tables, six sections, no arithmetic alarm`, () => {
      const a = analyzeText(text);
      const t2 = a.tables.find((t) => t.kind === 't2');
      const t3 = a.tables.find((t) => t.kind === 't3');
      const t4 = a.tables.find((t) => t.kind === 't4');
      assert.ok(t2 && t2.kind === 't2' && t2.items.length === 4, 'table 二 with four items');
      assert.ok(t3 && t3.kind === 't3' && t3.rows.length === 25 && t3.rows.every((r) => r.cells.every((c) => c !== null)), 'table 三 with 25 full rows');
      assert.ok(t4 && t4.kind === 't4' && t4.cells.every((c) => c !== null), 'table 四 with 15 cells');
      assert.deepEqual(a.headings.map((h) => h.spec.id), [1, 2, 3, 4, 5, 6]);
      assert.deepEqual(arithmetic(a), []);
    });
  }
  test('000 and 001: truncated table 四 header labels (结果, 其他, 尚未)', () => {
    for (const p of ['000', '001']) {
      const w = rules(byName(seeds, p), 'label-wording');
      assert.equal(w.length, 11, p);
      assert.ok(w.some((d) => d.fix?.edits[0].newText === '结果纠正'));
    }
  });
  test('003: 规范性文件 label, blank fee, blank 予以公开 row (one diagnostic for the row)', () => {
    const a = byName(seeds, '003');
    assert.ok(rules(a, 'label-wording').some((d) => d.fix?.edits[0].newText === '行政规范性文件'));
    const blanks = rules(a, 'cell-blank');
    assert.equal(blanks.length, 2);
    assert.match(blanks[1].message.zh, /7 个单元格为空：（一）予以公开/);
  });
  test('004: 本年度止件数 column label, with the fee in decimals accepted; its list switching from 2、 to 3. (line 85)', () => {
    const a = byName(seeds, '004');
    assert.deepEqual(a.diagnostics.map((d) => [d.rule, d.range.start.line]).sort(), [['label-wording', a.diagnostics[0].range.start.line], ['outline-numbering', 84]].sort());
    assert.equal(a.diagnostics.find((d) => d.rule === 'label-wording')?.fix?.edits[0].newText, '本年废止件数');
  });
  test('002 is clean but for the one true finding: its enumeration names 规划计划 twice (information)', () =>
    assert.deepEqual(byName(seeds, '002').diagnostics.map((d) => [d.rule, d.severity, d.range.start.line]), [['enumeration-sum', 'information', 1]]));
});

describe('published reports', { skip: SKIP_SHARED }, () => {
  test('r01: the two real table 四 errors, with expected values', () => {
    const a = arithmetic(byName(real, 'r01'));
    assert.deepEqual(a.map((d) => [d.rule, d.expected, d.actual]), [['review-total', 11, 0], ['litigation-total', 5, 0]]);
  });
  test('r06: 未经复议直接起诉 总计 0 where the results add up to 3', () => {
    const a = arithmetic(byName(real, 'r06'));
    assert.deepEqual(a.map((d) => [d.rule, d.expected, d.actual]), [['litigation-total', 3, 0]]);
  });
  test('the other published reports add up', () => {
    for (const f of real.filter((x) => !/^r0[16]/.test(x.name))) assert.deepEqual(arithmetic(analyzeText(f.text)), [], f.name);
  });
  test('r01, r02: the one-row （六）其他处理 variant', () => {
    for (const p of ['r01', 'r02']) {
      const t3 = byName(real, p).tables.find((t) => t.kind === 't3');
      assert.ok(t3 && t3.kind === 't3' && t3.singleOther && t3.rows.length === 23);
    }
  });
  test('r07: blank applicant columns reported per row, never as arithmetic', () => {
    const a = byName(real, 'r07');
    assert.equal(rules(a, 'cell-blank').length, 25);
    assert.ok(rules(a, 'section-title').length === 1);
  });
  test('r09: renumbered sections, missing 五, blank 结转 total', () => {
    const a = byName(real, 'r09');
    assert.equal(rules(a, 'section-missing').length, 1);
    assert.ok(rules(a, 'section-title').length >= 3);
    assert.equal(rules(a, 'cell-blank').length, 1);
  });
  test('r10: table 二 rows with two numbers instead of three', () => {
    assert.equal(rules(byName(real, 'r10'), 'cells-missing').length, 2);
  });
  test('r11: the superseded 2019 format is recognised', () => {
    const a = byName(real, 'r11');
    assert.equal(rules(a, 'format-2019').length, 1);
    const t2 = a.tables.find((t) => t.kind === 't2');
    assert.ok(t2 && t2.kind === 't2' && t2.format === '2019' && t2.items.length === 5);
  });
});
