// Found but not read: a row that is in the text but whose numbers could not be put in their columns
// (a cell lost, two glued, a number split), and a cell that is blank or not a number, are never
// reported as a row missing, and never leave the verdict "全部核对" (fully verified) — the coverage
// says the row was found and what of it was not read. Table 四's one printed row holds the rows of
// its three groups (`t4.review`, `t4.direct`, `t4.afterReview`): each finding about it names them.
// Table 二 has no identities: what of it was not read is listed with its rows (`unread`).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText, cellsOf, coverage, coverageText, fullyChecked, pick, tableCoverage, type Analysis } from '../server/src/core/index.ts';
import { composeReport, exampleReport, type Layout } from './helpers/compose.mjs';

const example = exampleReport();
const t4Values = (a: Analysis) => cellsOf(a).filter((k) => k.key.startsWith('t4.'));
const found = (a: Analysis) => a.diagnostics.map((d) => [d.rule, d.cell ?? d.row ?? '']);
const GROUPS = ['t4.review', 't4.direct', 't4.afterReview'];

/** The example in a layout, as a Markdown table where asked (every table line opening with a border). */
function report(layout: Layout | 'markdown'): string {
  const text = composeReport(example, layout === 'markdown' ? 'pipe' : layout);
  return layout === 'markdown' ? text.split('\n').map((l) => (l.endsWith(' |') ? `| ${l}` : l)).join('\n') : text;
}

/** Table 四's row of numbers (1 0 0 1 2 0 1 0 0 1 0 0 0 0 0 in the example) with its cells changed by `edit`, in each layout. */
function t4Edited(layout: Layout | 'markdown', edit: (cells: string[]) => string[]): string {
  const text = report(layout);
  const numbers = ['1', '0', '0', '1', '2', '0', '1', '0', '0', '1', '0', '0', '0', '0', '0'];
  const cells = edit(numbers);
  switch (layout) {
    case 'tab':
      return text.replace(numbers.join('\t'), cells.join('\t'));
    case 'pipe':
      return text.replace(numbers.join(' | ') + ' |', cells.join(' | ') + ' |');
    case 'markdown':
      return text.replace(`| ${numbers.join(' | ')} |`, `| ${cells.join(' | ')} |`);
    case 'spaces':
      return text.replace(numbers.join('  '), cells.join('  '));
    case 'cell-per-line':
      return text.replace(numbers.map((x) => `${x} |`).join('\n'), cells.map((x) => `${x} |`).join('\n'));
  }
}

const LAYOUTS: (Layout | 'markdown')[] = ['tab', 'pipe', 'markdown', 'spaces', 'cell-per-line'];
const EDITS: [string, (c: string[]) => string[]][] = [
  ['the first number lost', (c) => c.slice(1)],
  ['a number lost in the middle', (c) => [...c.slice(0, 7), ...c.slice(8)]],
  ['the last number lost', (c) => c.slice(0, -1)],
  ['two numbers glued', (c) => [c[0] + c[1], ...c.slice(2)]],
];

describe('table 四: its row found, its numbers not put in their columns', () => {
  for (const layout of LAYOUTS) {
    for (const [what, edit] of EDITS) {
      test(`${layout}, ${what}: no number placed; cells-missing on each group's row; the coverage says found and not read, never 缺行`, () => {
        const text = t4Edited(layout, edit);
        assert.notEqual(text, report(layout), 'the edit applies');
        const a = analyzeText(text);
        // Never a number in the wrong column (nor a blank borrowed from a Markdown border).
        assert.deepEqual(t4Values(a).map((k) => k.key), []);
        assert.deepEqual(found(a), GROUPS.map((g) => ['cells-missing', g]));
        assert.ok(a.diagnostics.every((d) => d.severity === 'error' && d.message.zh.includes('15 个数，只有 14 个')));
        const c = coverage(a);
        assert.deepEqual(c.tables.t4, { rows: 3, of: 3 }, 'the three groups were found');
        assert.deepEqual(c.identities.notEvaluable, [
          { id: 'review-total:t4.review.total', why: 'row-unread', row: 't4.review' },
          { id: 'litigation-total:t4.direct.total', why: 'row-unread', row: 't4.direct' },
          { id: 'litigation-total:t4.afterReview.total', why: 'row-unread', row: 't4.afterReview' },
        ]);
        assert.equal(fullyChecked(c), false);
        const gaps = coverageText.gaps(c);
        assert.equal(gaps.zh, '3/42 个勾稽关系无法核对（3 个因行已找到但其中的数无法读入各列）');
        assert.equal(gaps.en, '3 of 42 identities could not be checked (3 for a row found but its numbers not read into their columns)');
        assert.equal(pick(coverageText.errors(3, c), 'zh-CN'), '有 3 个错误（核对了 39/42 个勾稽关系；表二 6/6 行，表三 25/25 行，表四 3/3 组）');
      });
    }
  }

  test('a number split in two in PDF text (16 numbers): cells-extra on each group’s row, found and not read', () => {
    const a = analyzeText(t4Edited('spaces', (c) => ['1', '0', ...c.slice(1)].map((x, i) => (i === 0 ? '1' : x))));
    assert.deepEqual(t4Values(a), []);
    assert.deepEqual(found(a), GROUPS.map((g) => ['cells-extra', g]));
    assert.deepEqual(coverage(a).identities.notEvaluable.map((x) => [x.why, x.row]), GROUPS.map((g) => ['row-unread', g]));
  });

  test('a tab row with a number more (read from the left, tabs keep each place): one cells-extra, every group read', () => {
    const a = analyzeText(t4Edited('tab', (c) => [...c, '7']));
    assert.equal(t4Values(a).length, 15);
    assert.deepEqual(found(a), [['cells-extra', '']]);
  });

  test('no row of numbers under the header: each group’s row is missing (row-missing, 缺行), not found', () => {
    const text = report('tab').replace('1\t0\t0\t1\t2\t0\t1\t0\t0\t1\t0\t0\t0\t0\t0\n', '');
    const a = analyzeText(text);
    assert.deepEqual(found(a), GROUPS.map((g) => ['row-missing', g]));
    const c = coverage(a);
    assert.deepEqual(c.tables.t4, { rows: 0, of: 3 });
    assert.ok(c.identities.notEvaluable.every((x) => x.why === 'row-missing'));
  });
});

describe('a Markdown table 四: the opening pipe of each of its lines is a border', () => {
  test('a blank first cell (`|  | 0 | …`) is still a blank, the other numbers in their columns', () => {
    const a = analyzeText(t4Edited('markdown', (c) => ['', ...c.slice(1)]));
    assert.deepEqual(found(a), [['cell-blank', 't4.review.upheld']]);
    assert.equal(t4Values(a).length, 15);
    assert.equal(t4Values(a).find((k) => k.key === 't4.review.total')?.cell.value, 2);
  });
  test('its row wrapped onto two lines, each with its borders: the same cells as on one line', () => {
    const one = analyzeText(report('markdown'));
    const a = analyzeText(report('markdown').replace('| 1 | 0 | 0 | 1 | 2 | 0 |', '| 1 | 0 | 0 | 1 | 2 |\n| 0 |'));
    assert.deepEqual(found(a), []);
    assert.deepEqual(t4Values(a).map((k) => [k.key, k.cell.value]), t4Values(one).map((k) => [k.key, k.cell.value]));
  });
  test('under a header without borders, a line of numbers that opens with | keeps its blank first cell', () => {
    const a = analyzeText(report('pipe').replace(/^1 \| 0 \| 0 \| 1 \| 2 \|/m, '| 0 | 0 | 1 | 2 |'));
    assert.deepEqual(found(a), [['cell-blank', 't4.review.upheld']]);
  });
});

describe('Markdown tables 三 and 二: a row wrapped onto a second line, that line\'s opening pipe a border', () => {
  const md = report('markdown');
  const ROW = '| 一、本年新收政府信息公开申请数量 | 12 | 3 | 0 | 1 | 2 | 0 | 18 |';
  const t3New = (a: Analysis) => cellsOf(a).filter((k) => k.key.startsWith('t3.new.')).map((k) => [k.key, k.cell.value]);
  /** The text with table 三's first row written as `one` and as `wrapped`: both must read alike. */
  const alike = (base: string, row: string, one: string, wrapped: string) => {
    assert.ok(base.includes(row));
    const a = analyzeText(base.replace(row, one));
    const b = analyzeText(base.replace(row, wrapped));
    assert.deepEqual(found(b), found(a));
    return [a, b] as const;
  };
  test('wrapped after three numbers: no blank cell, no request-balance, the same cells as on one line', () => {
    const [a, b] = alike(md, ROW, ROW, '| 一、本年新收政府信息公开申请数量 | 12 | 3 | 0 |\n| 1 | 2 | 0 | 18 |');
    assert.deepEqual(found(b), []);
    assert.deepEqual(t3New(b), t3New(a));
    assert.equal(t3New(b).length, 7);
  });
  test('wrapped at a blank cell (`|  | 2 | 0 | 18 |`): the blank stays, in its column', () => {
    const [a, b] = alike(md, ROW, '| 一、本年新收政府信息公开申请数量 | 12 | 3 | 0 |  | 2 | 0 | 18 |', '| 一、本年新收政府信息公开申请数量 | 12 | 3 | 0 |\n|  | 2 | 0 | 18 |');
    assert.deepEqual(t3New(b), t3New(a));
    assert.ok(found(b).some(([rule]) => rule === 'cell-blank'));
  });
  test('wrapped before its last blanks (a line of pipes only): the blanks complete the row; too few leave it short, none placed', () => {
    const [a, b] = alike(md, ROW, '| 一、本年新收政府信息公开申请数量 | 12 | 3 | 0 |  |  |  |  |', '| 一、本年新收政府信息公开申请数量 | 12 | 3 | 0 |\n|  |  |  |  |');
    assert.deepEqual(t3New(b), t3New(a));
    const short = analyzeText(md.replace(ROW, '| 一、本年新收政府信息公开申请数量 | 12 | 3 | 0 |\n|  |  |'));
    assert.deepEqual(found(short), [['cells-missing', 't3.new']]);
    assert.deepEqual(t3New(short), []);
  });
  test('cells parted by ` | ` (no border): a wrapped line that opens with | opens with a blank cell', () => {
    const pipe = report('pipe');
    const row = '一、本年新收政府信息公开申请数量 | 12 | 3 | 0 | 1 | 2 | 0 | 18 |';
    const [a, b] = alike(pipe, row, '一、本年新收政府信息公开申请数量 | 12 | 3 | 0 |  | 2 | 0 | 18 |', '一、本年新收政府信息公开申请数量 | 12 | 3 | 0 |\n | 2 | 0 | 18 |');
    assert.deepEqual(t3New(b), t3New(a));
    assert.ok(found(b).some(([rule]) => rule === 'cell-blank'));
  });
  test('table 二: `| 规章 | 22 |` / `| 235 | 5 |` reads as `| 规章 | 22 | 235 | 5 |`', () => {
    const [a, b] = alike(md, '| 规章 | 0 | 0 | 0 |', '| 规章 | 22 | 235 | 5 |', '| 规章 | 22 |\n| 235 | 5 |');
    const rules = (x: Analysis) => cellsOf(x).filter((k) => k.key.startsWith('t2.rules.')).map((k) => [k.key, k.cell.value]);
    assert.deepEqual(rules(b), rules(a));
    assert.deepEqual(rules(b).map(([, v]) => v), [22, 235, 5]);
  });
});

describe('blank cells of table 四 in several groups: one cell-blank per group, with its row', () => {
  test('blanks in 行政复议 and 复议后起诉 (as r11 prints them): two findings, t4.review and t4.afterReview', () => {
    const a = analyzeText(t4Edited('tab', (c) => c.map((x, i) => (i === 1 || i === 2 || i >= 11 ? '' : x))));
    assert.deepEqual(found(a), [['cell-blank', 't4.review'], ['cell-blank', 't4.afterReview']]);
    assert.deepEqual(a.diagnostics.map((d) => d.message.zh), ['2 个单元格为空：行政复议', '4 个单元格为空：复议后起诉']);
    assert.deepEqual(a.diagnostics.map((d) => d.message.en), ['2 blank cells: administrative review', '4 blank cells: suits after review']);
  });
});

describe('table 二: a cell not read as a number is not "fully verified"', () => {
  const tab = report('tab');
  test('a clean report: no `unread`, fully verified', () => {
    const c = coverage(analyzeText(tab));
    assert.deepEqual(c.tables.t2, { rows: 6, of: 6 });
    assert.equal(fullyChecked(c), true);
  });
  test('a blank cell: cell-blank, and the coverage lists it; not fully verified', () => {
    const a = analyzeText(tab.replace(/^规章\t0/m, '规章\t'));
    assert.deepEqual(found(a), [['cell-blank', 't2.rules.issued']]);
    const c = coverage(a);
    assert.deepEqual(c.tables.t2, { rows: 6, of: 6, unread: [{ why: 'blank', cell: 't2.rules.issued' }] });
    assert.equal(c.identities.evaluated, c.identities.of, 'every identity evaluated: table 二 has none');
    assert.equal(fullyChecked(c), false);
    assert.deepEqual(coverageText.partial(c), { zh: '未发现错误，但未完全核对：表二 1 处未读入数字（1 个因单元格空白）', en: 'no error found, but not fully checked: table 二: 1 not read as numbers (1 for a blank cell)' });
  });
  test('text that is not a number, and full-width digits (read into no check until fixed)', () => {
    const word = coverage(analyzeText(tab.replace(/^行政许可\t156$/m, '行政许可\t？')));
    assert.deepEqual(word.tables.t2.unread, [{ why: 'not-number', cell: 't2.license.decisions' }]);
    const wide = coverage(analyzeText(tab.replace(/^行政许可\t156$/m, '行政许可\t１')));
    assert.deepEqual(wide.tables.t2.unread, [{ why: 'not-number', cell: 't2.license.decisions' }]);
    // A placeholder for none (—) holds 0, with its own warning: read.
    assert.equal(coverage(analyzeText(tab.replace(/^行政许可\t156$/m, '行政许可\t—'))).tables.t2.unread, undefined);
  });
  for (const [what, text] of [
    ['tab', tab.replace(/^规章\t0\t0\t0$/m, '规章\t22\t235')],
    ['Markdown', report('markdown').replace('| 规章 | 0 | 0 | 0 |', '| 规章 | 22 | 235 |')],
    ['PDF text', report('spaces').replace(/^规章 {2}0 {2}0 {2}0$/m, '规章  22  235')],
  ] as const) {
    test(`a row of 规章 with two numbers of three (${what}): cells-missing, none put in a column, the row found and not read`, () => {
      assert.match(text, /22/);
      const a = analyzeText(text);
      assert.deepEqual(found(a), [['cells-missing', 't2.rules']]);
      assert.deepEqual(cellsOf(a).filter((k) => k.key.startsWith('t2.rules.')), [], 'never 235 as 本年废止件数');
      const c = coverage(a);
      assert.deepEqual(c.tables.t2, { rows: 6, of: 6, unread: [{ why: 'row-unread', row: 't2.rules' }] });
      assert.equal(pick(coverageText.errors(1, c), 'en'), '1 error (42/42 identities checked; rows found: table 二 6/6 (1 not read as numbers), table 三 25/25, table 四 3/3)');
    });
  }
  test('a row of one column with no number: found, not read (not 缺行)', () => {
    const a = analyzeText(tab.replace(/^行政许可\t156$/m, '行政许可'));
    assert.deepEqual(found(a), [['cells-missing', 't2.license']]);
    assert.deepEqual(coverage(a).tables.t2, { rows: 6, of: 6, unread: [{ why: 'row-unread', row: 't2.license' }] });
  });
});

describe('table 三 cut in two by other text: its rows found in the other part are not missing', () => {
  const tab = report('tab');
  const cut = (t: string) => t.replace('\n（四）无法提供', '\n本表数据由各承办单位汇总填报，经本机关审核后统一发布，下接无法提供等办理结果。\n（四）无法提供');
  test('rows 25/25; an identity evaluated in either part counts; the others said split, never 缺行', () => {
    const a = analyzeText(cut(tab));
    assert.deepEqual(a.tables.map((t) => t.kind), ['t2', 't3', 't3', 't4']);
    const c = coverage(a);
    assert.deepEqual(c.tables.t3, { rows: 25, of: 25 });
    // Every row total is checked in its own part; the column sums and balances need both parts.
    assert.deepEqual([c.identities.evaluated, c.identities.of], [28, 42]);
    assert.deepEqual(new Set(c.identities.notEvaluable.map((x) => x.why)), new Set(['table-split']));
    assert.equal(fullyChecked(c), false);
    assert.equal(coverageText.gaps(c).zh, '14/42 个勾稽关系无法核对（14 个因该行在被其他文字隔断的另一段表格中）');
    // The lens above each part: the rows of both, no row said missing.
    for (const t of a.tables.filter((x) => x.kind === 't3')) {
      const one = tableCoverage(t, a.format, a.tables);
      assert.deepEqual(one.tables.t3, { rows: 25, of: 25 });
      assert.ok(one.identities.notEvaluable.every((x) => x.why === 'table-split'), JSON.stringify(one.identities.notEvaluable));
    }
  });
  test('a row total wrong in the second part: its error, and that identity counted as checked', () => {
    const r = exampleReport();
    r.cells['t3.unable2.total'] = 9;
    const a = analyzeText(cut(composeReport(r, 'tab')));
    assert.deepEqual(found(a), [['request-row-total', 't3.unable2.total']]);
    assert.ok(!coverage(a).identities.notEvaluable.some((x) => x.id === 'request-row-total:t3.unable2.total'));
  });
  test('a blank in the second part: said blank by the part that has the row; a row lost: 缺行', () => {
    const blank = coverage(analyzeText(cut(tab.replace(/^(2\.没有现成信息需要另行制作\t)1/m, '$1'))));
    assert.deepEqual(blank.identities.notEvaluable.find((x) => x.id === 'request-row-total:t3.unable2.total'), { id: 'request-row-total:t3.unable2.total', why: 'blank', cell: 't3.unable2.natural' });
    const lost = coverage(analyzeText(cut(tab).replace(/^2\.重复申请.*\n/m, '')));
    assert.deepEqual(lost.tables.t3, { rows: 24, of: 25 });
    assert.deepEqual(lost.identities.notEvaluable.find((x) => x.id === 'request-outcome-total:t3.total.natural'), { id: 'request-outcome-total:t3.total.natural', why: 'row-missing', row: 't3.notHandled2' });
  });
});
