// Completions while drafting (core/draft/completion.ts), in process: the official rows a table
// lacks, the next expected one first, with 0 in every cell in the table's layout; the headings a
// report lacks; nothing inside numeric cells. The strongest check: take a new draft, blank any
// row or heading line, and the preselected completion put there gives back a report with no
// diagnostic at all.
// Run: node test/run.mjs test/core-draft-completion.test.ts
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../server/src/core/index.ts';
import { completionsAt, newDraft, type DraftCompletion, type DraftLayout } from '../server/src/core/draft/index.ts';

const draft = (layout: DraftLayout = 'pipes') => newDraft({ office: '青禾县数据资源局', year: 2025, layout }).split('\n');
const at = (lines: string[], line: number, character = 0) => completionsAt(analyzeText(lines.join('\n')), lines, { line, character });
const lineStarting = (lines: string[], prefix: string) => {
  const i = lines.findIndex((l) => l.startsWith(prefix));
  assert.ok(i >= 0, `no line starts with ${prefix}`);
  return i;
};
const first = (cs: DraftCompletion[]) => [...cs].sort((a, b) => a.sortText.localeCompare(b.sortText))[0];
const labels = (cs: DraftCompletion[]) => [...cs].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((c) => c.label);

describe('rows of a table', () => {
  test('a blanked row of table 三 is offered, alone, with a 0 in each of its seven cells and tab stops', () => {
    const lines = draft();
    const i = lineStarting(lines, '2.重复申请');
    lines[i] = '';
    const cs = at(lines, i);
    assert.deepEqual(labels(cs), ['2.重复申请']);
    assert.equal(cs[0].text, '2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
    assert.equal(cs[0].snippet, '2.重复申请 | ${1:0} | ${2:0} | ${3:0} | ${4:0} | ${5:0} | ${6:0} | ${7:0} |$0');
    assert.equal(cs[0].preselect, true);
    assert.deepEqual(cs[0].range, { start: { line: i, character: 0 }, end: { line: i, character: 0 } });
    assert.equal(cs[0].detail.zh, '表三 · 三、本年度办理结果 · （五）不予处理');
    // An ordinal being typed (`2.`, the `.` a trigger character) is not a number: the row is offered.
    lines[i] = '2.';
    assert.deepEqual(at(lines, i, 2).map((c) => [c.label, c.range.end.character]), [['2.重复申请', 2]]);
  });

  test('the next expected row comes first: the first missing row after the last row above the cursor', () => {
    const lines = draft();
    const rows = ['2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '2.没有现成信息需要另行制作'];
    const idx = rows.map((r) => lineStarting(lines, r));
    // Remove the rows (from the bottom up) and type on a new line right after 1.信访举报投诉类申请.
    for (const i of [...idx].sort((a, b) => b - a)) lines.splice(i, 1);
    const after = lines.findIndex((l) => l.includes('1.信访举报投诉类申请'));
    lines.splice(after + 1, 0, '');
    const cs = at(lines, after + 1);
    assert.deepEqual(labels(cs), ['2.重复申请', '2.没有现成信息需要另行制作', '3.要求提供公开出版物', '4.无正当理由大量反复申请']);
    assert.equal(cs.filter((c) => c.preselect).map((c) => c.label).join(), '2.重复申请');
    // The same rows offered from a line at the top of the rows: the first missing one is next.
    const top = lines.findIndex((l) => l.startsWith('一、本年新收'));
    lines.splice(top, 0, '');
    assert.equal(first(at(lines, top)).label, '2.没有现成信息需要另行制作');
  });

  test('a row that opens its group carries the group labels while no row of the group is there', () => {
    const lines = draft();
    const from = lineStarting(lines, '三、本年度办理结果');
    const to = lineStarting(lines, '四、结转下年度继续办理');
    lines.splice(from, to - from + 1, ''); // only 一、 and 二、 left, then an empty line
    const cs = at(lines, from);
    const next = first(cs);
    assert.equal(next.label, '（一）予以公开');
    assert.match(next.text, /^三、本年度办理结果 \| （一）予以公开 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \|$/);
    const denied1 = cs.find((c) => c.label === '1.属于国家秘密')!;
    assert.match(denied1.text, /^（三）不予公开 \| 1\.属于国家秘密 \| 0/);
    assert.match(denied1.filterText, /（三）不予公开/);
    assert.ok(!cs.find((c) => c.label === '2.其他法律行政法规禁止公开')!.text.includes('（三）'), 'only the first row of a group carries its label');
  });

  test('a blank line at the end of an unfinished table: its missing rows, in order', () => {
    const lines = draft();
    const from = lineStarting(lines, '（六）其他处理');
    const heading = lineStarting(lines, '四、政府信息公开行政复议');
    lines.splice(from, heading - from, ''); // table 三 stops after 5.要求行政机关…; an empty line
    assert.deepEqual(labels(at(lines, from)), [
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '3.其他',
      '（七）总计',
      '四、结转下年度继续办理',
    ]);
    assert.match(first(at(lines, from)).text, /^（六）其他处理 \| 1\.申请人/);
  });

  test('the line right after a finished table: the missing headings (四、… next)', () => {
    const lines = draft();
    const h = lineStarting(lines, '四、政府信息公开行政复议');
    lines[h] = '';
    const cs = at(lines, h);
    assert.deepEqual(labels(cs), ['四、政府信息公开行政复议、行政诉讼情况']);
    assert.equal(cs[0].kind, 'heading');
    assert.equal(cs[0].preselect, true);
  });

  test('the tab layout: cells split by tabs, no closing separator', () => {
    const lines = draft('tabs');
    const i = lineStarting(lines, '行政强制');
    lines[i] = '';
    const cs = at(lines, i);
    assert.deepEqual(labels(cs), ['行政强制']);
    assert.equal(cs[0].text, '行政强制\t0');
    assert.equal(cs[0].snippet, '行政强制\t${1:0}$0');
  });

  test('a line that already has its cells: only the label is replaced', () => {
    const lines = draft();
    const i = lineStarting(lines, '3.要求提供公开出版物');
    lines[i] = lines[i].replace(/^3\.要求提供公开出版物/, '3.要求');
    const cs = at(lines, i, 2);
    const c = cs.find((x) => x.label === '3.要求提供公开出版物')!;
    assert.ok(c, JSON.stringify(labels(cs)));
    assert.equal(c.text, '3.要求提供公开出版物');
    assert.deepEqual(c.range, { start: { line: i, character: 0 }, end: { line: i, character: '3.要求'.length } });
  });

  test('after a group label in the first cell: the group’s missing rows in the second cell', () => {
    const base = draft();
    const i = lineStarting(base, '（三）不予公开');
    const lines = [...base];
    lines[i] = '（三）不予公开 | ';
    const cs = at(lines, i, lines[i].length);
    assert.deepEqual(labels(cs), ['1.属于国家秘密']);
    assert.equal(cs[0].text, '1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
    assert.deepEqual(cs[0].range.start, { line: i, character: '（三）不予公开 | '.length });
    lines[i] = lines[i] + cs[0].text;
    assert.deepEqual(analyzeText(lines.join('\n')).diagnostics.map((d) => d.rule), []);
    // The cells already there: only the label is replaced; and 三、本年度办理结果 offers （一）, （二）.
    const typed = [...base];
    typed[i] = base[i].replace(/1\.属于国家秘密\s*/, '1.属于 ');
    const c = at(typed, i, typed[i].indexOf('1.属于') + 4);
    assert.deepEqual(c.map((x) => [x.label, x.text]), [['1.属于国家秘密', '1.属于国家秘密']]);
    const results = [...base];
    const r = lineStarting(results, '三、本年度办理结果');
    results[r] = '三、本年度办理结果 | ';
    results.splice(lineStarting(results, '（二）部分公开'), 1);
    assert.deepEqual(labels(at(results, r, results[r].length)), ['（一）予以公开', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）']);
    // A number cell after a group label: nothing.
    assert.deepEqual(at(base, i, base[i].lastIndexOf('0')), []);
  });

  test('table 二: a missing item brings its title, its header and its rows', () => {
    const lines = draft();
    const from = lineStarting(lines, '第二十条第（六）项');
    lines.splice(from, 4, '');
    const cs = at(lines, from);
    const next = first(cs);
    assert.equal(next.label, '第二十条第（六）项');
    assert.equal(next.kind, 'item');
    assert.deepEqual(next.text.split('\n'), ['第二十条第（六）项 |', '信息内容 | 本年处理决定数量 |', '行政处罚 | 0 |', '行政强制 | 0 |']);
  });
});

describe('headings', () => {
  test('on a short line outside the tables: the missing headings in order, the next expected first', () => {
    const lines = draft();
    for (const h of ['六、', '五、', '二、']) lines.splice(lineStarting(lines, h), 1);
    const i = lineStarting(lines, '四、政府信息公开行政复议') + 5; // after table 四's value row
    lines.splice(i, 0, '');
    assert.equal(lines[i - 1].startsWith('0 | 0'), true, lines[i - 1]);
    lines.splice(i + 1, 0, '');
    const cs = at(lines, i + 1);
    assert.deepEqual(labels(cs), ['五、存在的主要问题及改进情况', '二、主动公开政府信息情况', '六、其他需要报告的事项']);
    assert.equal(cs.find((c) => c.preselect)!.label, '五、存在的主要问题及改进情况');
  });

  test('what was typed is replaced: the range runs from the line’s start to its end', () => {
    const lines = draft();
    const i = lineStarting(lines, '五、');
    lines[i] = '五、存在';
    const cs = at(lines, i, 4);
    assert.deepEqual(labels(cs), ['五、存在的主要问题及改进情况']);
    assert.deepEqual(cs[0].range, { start: { line: i, character: 0 }, end: { line: i, character: 4 } });
  });
});

describe('nothing where there is nothing to complete', () => {
  test('inside a numeric cell, in a first cell holding a number, in prose, in a complete table', () => {
    const lines = draft();
    const row = lineStarting(lines, '2.重复申请');
    lines[row] = '';
    assert.equal(at(lines, row).length, 1, 'the blank row is offered (so the cases below could fail)');
    const other = lineStarting(lines, '3.要求提供公开出版物');
    assert.deepEqual(at(lines, other, lines[other].indexOf('|') + 2), [], 'after a separator: a number cell');
    const t4 = lines.findIndex((l) => /^0 \| 0 \| 0/.test(l));
    assert.deepEqual(at(lines, t4, 1), [], 'table 四’s value row');
    const prose = lineStarting(lines, '本报告根据');
    assert.deepEqual(at(lines, prose, 0), [], 'a prose line');
    const complete = draft();
    const inTable = lineStarting(complete, '（七）总计');
    complete.splice(inTable, 0, '');
    assert.deepEqual(at(complete, inTable), [], 'table 三 has every row');
    assert.deepEqual(completionsAt(analyzeText(''), [''], { line: 5, character: 0 }), [], 'a line past the end');
  });
});

describe('every row and heading of a new draft comes back by completion', () => {
  for (const layout of ['pipes', 'tabs'] as DraftLayout[]) {
    test(`${layout}: blank any row or heading line; the preselected completion restores a report with no diagnostic`, () => {
      const base = draft(layout);
      let restored = 0;
      for (let i = 0; i < base.length; i++) {
        if (!base[i]) continue;
        const lines = [...base];
        lines[i] = '';
        const c = at(lines, i).find((x) => x.preselect);
        if (!c) continue;
        lines[i] = c.text;
        const diagnostics = analyzeText(lines.join('\n')).diagnostics;
        assert.deepEqual(diagnostics.map((d) => d.rule), [], `line ${i} (${base[i].slice(0, 20)}) restored as ${JSON.stringify(c.text)}`);
        restored++;
      }
      // 25 rows of table 三, 6 of table 二 (plus its item titles), 6 headings.
      assert.ok(restored >= 25 + 6 + 6, `only ${restored} lines restored`);
    });
  }
});

describe('a section without its table', () => {
  for (const layout of ['pipes', 'tabs'] as DraftLayout[]) {
    test(`${layout}: the whole table first, as the new draft writes it; inserted, the report is whole again`, () => {
      const base = draft(layout);
      for (const [heading, next] of [['二、主动', '三、收到'], ['三、收到', '四、政府'], ['四、政府', '五、']]) {
        const lines = [...base];
        const from = lineStarting(lines, heading) + 1;
        const to = lineStarting(lines, next);
        const table = lines.splice(from, to - from, '');
        const cs = at(lines, from);
        const whole = first(cs);
        assert.equal(whole.kind, 'table', `${heading}: ${JSON.stringify(labels(cs))}`);
        assert.equal(whole.preselect, true);
        assert.equal(cs.filter((c) => c.preselect).length, 1);
        assert.equal(whole.text, table.join('\n'));
        lines[from] = whole.text;
        assert.equal(lines.join('\n'), base.join('\n'));
      }
    });
  }

  test('not where the section has its table, nor before the first heading', () => {
    const lines = draft();
    const i = lineStarting(lines, '五、');
    lines.splice(i, 0, '');
    assert.deepEqual(at(lines, i), [], 'section 四 has its table; every heading is there');
    const top = draft();
    top.splice(0, 0, '');
    assert.deepEqual(at(top, 0).map((c) => c.kind), []);
  });
});
