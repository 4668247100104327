// Each rule with a failing and a passing case, as report text with inline marks
// (test/helpers/marks.ts) where a line shows it best, on the invented office's report composed
// by cell key (test/helpers/compose.mjs).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ARITHMETIC_RULES, RULES, analyzeText, crossCheck, type RuleId } from '../server/src/core/index.ts';
import { composeReport, exampleReport } from './helpers/compose.mjs';
import { marked } from './helpers/marks.ts';

const example = exampleReport();
const clean = composeReport(example);
const rulesOf = (text: string) => analyzeText(text).diagnostics.map((d) => d.rule);
const has = (text: string, rule: RuleId) => rulesOf(text).includes(rule);
const withCells = (cells: Record<string, number | string>, layout: 'pipe' | 'tab' = 'pipe') => composeReport({ ...example, cells: { ...example.cells, ...cells } }, layout);
const replaceLine = (text: string, from: string, to: string) => {
  assert.ok(text.includes(from), `fixture has ${from}`);
  return text.replace(from, to);
};
/** The clean report with one line replaced by a marked one: exactly the marked diagnostics, nothing else. */
function assertMarked(from: string, to: string, base = clean): void {
  const { text, expected } = marked(replaceLine(base, from, to));
  const got = analyzeText(text).diagnostics.map((d) => ({ rule: d.rule, range: d.range }));
  assert.deepEqual(got, expected);
}

test('the clean example has no diagnostic at all', () => assert.deepEqual(analyzeText(clean).diagnostics, []));

describe('arithmetic rules', () => {
  test('request-row-total: anchored at the row total, expected = sum of the six', () => {
    // The 四 row's total is defined twice: by its row, and by the 总计 column's balance.
    assertMarked('四、结转下年度继续办理 | 1 | 1 | 0 | 0 | 0 | 0 | 2 |', '四、结转下年度继续办理 | 1 | 1 | 0 | 0 | 0 | 0 | ⟦3⟧ | ◀ request-balance+request-row-total');
    const d = analyzeText(withCells({ 't3.new.total': 20 })).diagnostics.find((x) => x.rule === 'request-row-total')!;
    assert.deepEqual([d.expected, d.actual, d.cell], [18, 20, 't3.new.total']);
    // Related information: the summands that are not zero, each at its cell.
    const row = analyzeText(withCells({ 't3.new.total': 20 })).tables.find((t) => t.kind === 't3')!;
    const nonZero = row.kind === 't3' ? row.byKey.get('new')!.cells.slice(0, 6).filter((c) => c!.value !== 0) : [];
    assert.deepEqual(d.related?.map((r) => r.range.start), nonZero.map((c) => ({ line: c!.line, character: c!.start })));
    assert.ok(nonZero.length > 0 && nonZero.length < 6, 'the example has zeros in that row');
  });
  test('request-outcome-total: (七)总计 of a column', () => {
    const d = analyzeText(withCells({ 't3.total.commercial': 5 })).diagnostics.find((x) => x.rule === 'request-outcome-total')!;
    assert.deepEqual([d.expected, d.actual, d.cell], [2, 5, 't3.total.commercial']);
  });
  test('request-balance: 四 = 一 + 二 − (七), anchored at the 四 cell', () => {
    const d = analyzeText(withCells({ 't3.carryOver.natural': 4 })).diagnostics.find((x) => x.rule === 'request-balance')!;
    assert.deepEqual([d.expected, d.actual, d.cell], [1, 4, 't3.carryOver.natural']);
  });
  test('review-total and litigation-total', () => {
    assertMarked('1 | 0 | 0 | 1 | 2 | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |', '1 | 0 | 0 | 1 | ⟦9⟧ | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | ⟦1⟧ | ◀ review-total, litigation-total');
    const a = analyzeText(withCells({ 't4.review.total': 9, 't4.afterReview.total': 1 })).diagnostics;
    assert.deepEqual(a.map((x) => [x.rule, x.cell, x.expected, x.actual]), [['review-total', 't4.review.total', 2, 9], ['litigation-total', 't4.afterReview.total', 0, 1]]);
  });
  test('a blank or non-numeric cell never raises an arithmetic alarm', () => {
    const a = analyzeText(withCells({ 't3.new.natural': '', 't3.carried.research': '？', 't4.review.upheld': '' }));
    assert.deepEqual(a.diagnostics.filter((x) => ARITHMETIC_RULES.has(x.rule)), []);
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
    assertMarked('五、存在的主要问题及改进情况', '⟦五、存在的主要问题及整改措施⟧ ◀ section-title');
    const t = analyzeText(clean.replace('五、存在的主要问题及改进情况', '五、存在的主要问题及整改措施')).diagnostics.find((d) => d.rule === 'section-title')!;
    assert.equal(t.fix?.edits[0].newText, '五、存在的主要问题及改进情况');
    for (const r of ['section-missing', 'section-duplicate', 'section-order', 'section-title'] as RuleId[]) assert.ok(!has(clean, r));
  });
  test('table-missing', () => {
    const noT4 = clean.replace(/行政复议 \| 行政诉讼[\s\S]*?(?=五、)/, '');
    assert.ok(has(noT4, 'table-missing'));
  });
  test('row-missing and row-unknown', () => {
    const missing = analyzeText(clean.replace(/2\.重复申请 \|[^\n]*\n/, '')).diagnostics;
    assert.deepEqual(missing.map((d) => [d.rule, d.row]), [['row-missing', 't3.notHandled2']]);
    assertMarked('2.重复申请 |', '⟦（八）其他情形⟧ | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ◀ row-unknown\n2.重复申请 |');
  });
  test('cells-missing and cells-extra', () => {
    assertMarked('行政许可 | 156 |', '⟦行政许可⟧ | ◀ cells-missing');
    assertMarked('行政许可 | 156 |', '行政许可 | 156 | ⟦7⟧ | ◀ cells-extra');
  });
  test('cell-blank: one diagnostic over a row’s blanks', () => {
    assertMarked('二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |', '二、上年结转政府信息公开申请数量 | ⟦ | ⟧ | 0 | 0 | 0 | 0 | 2 | ◀ cell-blank');
    const a = analyzeText(withCells({ 't3.carried.natural': '', 't3.carried.commercial': '', 't3.carried.total': '' }, 'tab')).diagnostics.filter((d) => d.rule === 'cell-blank');
    assert.equal(a.length, 1);
    assert.match(a[0].message.zh, /3 个单元格为空/);
    assert.equal(a[0].row, 't3.carried');
  });
  test('cell-not-number, cell-fullwidth-digits (with a fix to ASCII)', () => {
    assertMarked('行政许可 | 156 |', '行政许可 | ⟦？⟧ | ◀ cell-not-number');
    assertMarked('行政许可 | 156 |', '行政许可 | ⟦１５６⟧ | ◀ cell-fullwidth-digits');
    const d = analyzeText(replaceLine(clean, '行政许可 | 156 |', '行政许可 | １５６ |')).diagnostics.find((x) => x.rule === 'cell-fullwidth-digits')!;
    assert.equal(d.fix?.edits[0].newText, '156');
  });
  test('a mistyped number (1-1, 12a, 3..5) is read in its place as cell-not-number: the row and the table go on', () => {
    for (const typo of ['1-1', '12a', '3..5']) {
      assertMarked('四、结转下年度继续办理 | 1 | 1 | 0 | 0 | 0 | 0 | 2 |', `四、结转下年度继续办理 | 1 | ⟦${typo}⟧ | 0 | 0 | 0 | 0 | 2 | ◀ cell-not-number`);
      assertMarked('行政许可 | 156 |', `行政许可 | ⟦${typo}⟧ | ◀ cell-not-number`);
      assertMarked('1 | 0 | 0 | 1 | 2 | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |', `1 | 0 | 0 | 1 | ⟦${typo}⟧ | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | ◀ cell-not-number`);
      // In the tab layout the row (the table's last) was read, then read again as a table 三 of its own.
      const tab = composeReport(example, 'tab').replace('四、结转下年度继续办理\t1\t1\t', `四、结转下年度继续办理\t1\t${typo}\t`);
      assert.deepEqual(analyzeText(tab).tables.map((t) => t.kind), ['t2', 't3', 't4'], typo);
    }
  });
  test('a note after table 三\'s last row, on its line: the line stays the table\'s, not a table 三 of its own', () => {
    const noted = clean.replace('四、结转下年度继续办理 | 1 | 1 | 0 | 0 | 0 | 0 | 2 |', '四、结转下年度继续办理 | 1 | 1 | 0 | 0 | 0 | 0 | 2 |注：无');
    const a = analyzeText(noted);
    assert.deepEqual(a.tables.map((t) => t.kind), ['t2', 't3', 't4']);
    assert.deepEqual(a.diagnostics, []);
  });
  test('count-negative, count-fractional; the fee may have decimals', () => {
    assertMarked('行政处罚 | 23 |', '行政处罚 | ⟦-3⟧ | ◀ count-negative');
    assertMarked('行政处罚 | 23 |', '行政处罚 | ⟦2.5⟧ | ◀ count-fractional');
    assert.ok(!has(clean, 'count-fractional')); // 行政事业性收费 | 0.5
  });
  test('label-wording: row and column labels, fix to the official wording', () => {
    assertMarked('行政规范性文件 | 3 | 1 | 12 |', '⟦规范性文件⟧ | 3 | 1 | 12 | ◀ label-wording');
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
  test('every rule of the registry is triggered by some fixture of this file', () => {
    const fixtures = [
      withCells({ 't3.new.total': 20, 't3.total.commercial': 5, 't4.review.total': 9, 't4.afterReview.total': 1 }),
      clean.replace('五、存在的主要问题及改进情况\n', '') + '六、其他需要报告的事项\n',
      clean.replace('一、总体情况', '@@').replace('六、其他需要报告的事项', '一、总体情况').replace('@@', '六、其他需要报告的事项').replace('五、存在的主要问题及改进情况', '五、存在的主要问题及整改措施'),
      clean.replace(/行政复议 \| 行政诉讼[\s\S]*?(?=五、)/, '').replace(/2\.重复申请 \|[^\n]*\n/, '（八）其他情形 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n'),
      withCells({ 't3.carried.natural': '', 't2.license.decisions': '１５６', 't2.penalty.decisions': '-3', 't2.enforcement.decisions': '2.5', 't2.rules.issued': '？', 't3.denied1.natural': '—', 't4.direct.upheld': '1,234' })
        .replace('行政规范性文件 | 3 | 1 | 12 |', '规范性文件 | 3 | 1 |').replace('统计期限为2025年', '统计期限为2024年').replace('行政事业性收费 | 0.5 |', '行政事业性收费 | 0.5 | 7 |'),
      clean.replace('本年制发件数 | 本年废止件数 | 现行有效件数', '本年新制作数量 | 本年新公开数量 | 对外公开总数量'),
      // The rules beyond the arithmetic (test/core-rules-beyond.test.ts has each in detail).
      clean.replace('不断提升政务公开质量。', '不断提升政务公开质量。全年共收到政府信息公开申请25件。全年共发布信息120条，其中政策文件30条、工作动态80条、通知公告20条。')
        .replace(/(五、存在的主要问题及改进情况\n)[^\n]*\n/, '$1').replace('未收取政府信息公开信息处理费', '无其他需要报告的事项'),
      // Issue 18's (test/core-slips, core-deadline, core-outline.test.ts have each in detail).
      clean.replace('不断提升政务公开质量。', '不断提升政务公开质量。公开了科技计划资金资金分配结果，均开展了解读,通过“中国上海”发布《工作要点。\n二、工作机制保障') + '青禾县数据资源局\n2026年2月3日\n',
      clean.replace('不断提升政务公开质量。', '不断提升政务公开质量'),
      // The prose says none were received, table 三 counts 18 (test/core-zero-claim.test.ts).
      clean.replace('不断提升政务公开质量。', '不断提升政务公开质量。全年未收到政府信息公开申请。'),
    ];
    // Last year's report: 结转 3 (this year carries 2), 行政规范性文件 现行有效 5 (5 + 3 − 1 ≠ 12), the same prose.
    const copied = '一是持续深化主动公开工作并完善目录。二是规范依申请公开办理流程与答复文书。三是加强政策解读与回应关切的力度。四是推进基层政务公开标准化规范化建设。五是强化政务公开队伍业务培训与考核。\n';
    const withProse = (text: string) => text.replace('六、其他需要报告的事项', copied + '六、其他需要报告的事项');
    const now = withProse(clean);
    const last = withProse(composeReport({ ...example, year: 2024, cells: { ...example.cells, 't3.carryOver.natural': 3, 't2.normative.valid': 5 } }).replaceAll('2025', '2024'));
    const cross = crossCheck(analyzeText(now), now.split('\n'), { analysis: analyzeText(last), lines: last.split('\n'), source: '2024.txt' });
    const seen = new Set([...fixtures.flatMap(rulesOf), ...cross.map((d) => d.rule)]);
    // A rule of the configuration file (reviewed-stale) is found by applying the file, not by reading the report: test/config.test.ts.
    // A batch rule (prose-copied) is found over many reports: test/core-copied.test.ts.
    assert.deepEqual(RULES.filter((r) => r.scope !== 'config' && r.scope !== 'batch').map((r) => r.id).filter((id) => !seen.has(id)), []);
    assert.deepEqual(RULES.filter((r) => r.scope === 'config').map((r) => r.id), ['reviewed-stale']);
  });
});
