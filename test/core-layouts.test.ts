// The variants users paste: every layout, full-width digits and punctuation, labels broken by
// spaces, CRLF or CR line ends, a BOM, blank lines inside a table, trailing separators.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText, cellsOf, keyedCells, type Analysis } from '../server/src/core/index.ts';
import { LAYOUTS, buildReport, exampleData } from './helpers/report.ts';

const values = (a: Analysis) => cellsOf(a).map((k) => k.cell.value);
const reference = values(analyzeText(buildReport(exampleData(), 'pipe')));

describe('layouts', () => {
  for (const layout of LAYOUTS) {
    test(`${layout}: the same 200 numbers, no diagnostic`, () => {
      const a = analyzeText(buildReport(exampleData(), layout));
      assert.equal(reference.length, 10 + 175 + 15);
      assert.deepEqual(values(a), reference);
      assert.deepEqual(a.diagnostics, []);
    });
  }
  test('every cell range covers exactly its number', () => {
    for (const layout of LAYOUTS) {
      const text = buildReport(exampleData(), layout);
      const lines = text.split('\n');
      for (const t of analyzeText(text).tables) {
        for (const { cell: c, key } of keyedCells(t)) assert.equal(lines[c.line].slice(c.start, c.end), c.text, `${layout} ${key}`);
      }
    }
  });
});

describe('variants', () => {
  const base = buildReport(exampleData(), 'pipe');
  const same = (text: string, what: string) => {
    const a = analyzeText(text);
    assert.deepEqual(values(a), reference, what);
    return a;
  };
  test('CRLF, CR and a BOM', () => {
    same(base.replace(/\n/g, '\r\n'), 'crlf');
    same(base.replace(/\n/g, '\r'), 'cr');
    same('\ufeff' + base, 'bom');
  });
  test('full-width punctuation and brackets, labels broken by spaces', () => {
    const t = base.replace(/（/g, '(').replace(/）/g, ')').replace('本年新收政府信息公开申请数量', '本年新收 政府信息 公开申请数量').replace('结果维持', '结果 维持');
    assert.deepEqual(same(t, 'width').diagnostics, []);
  });
  test('blank lines inside a table, trailing separators and merged-cell debris', () => {
    const t = base.replace('行政处罚 | 23 |', '\n行政处罚 | 23 | ||').replace('2.重复申请 |', '|||\n2.重复申请 |');
    assert.deepEqual(same(t, 'debris').diagnostics, []);
  });
  test('full-width digits: reported with a fix, never an arithmetic alarm', () => {
    const a = analyzeText(base.replace('一、本年新收政府信息公开申请数量 | 12 |', '一、本年新收政府信息公开申请数量 | １２ |'));
    assert.deepEqual(a.diagnostics.map((d) => d.rule), ['cell-fullwidth-digits']);
  });
  test('a Markdown table (leading pipes, a |---| line) pasted from a web page or an LLM', () => {
    const md = base
      .split('\n')
      .map((l) => (l.endsWith(' |') ? `| ${l}` : l))
      .join('\n')
      .replace('| 一、本年新收', '|---|---|---|---|---|---|---|---|\n| 一、本年新收');
    assert.deepEqual(same(md, 'markdown').diagnostics, []);
  });
  test('a misaligned row with a leading empty cell (seed 004) is read in place', () => {
    const t = buildReport(exampleData(), 'tab').replace('3.其他\t', '3.其他\t\t');
    assert.deepEqual(same(t, 'misaligned').diagnostics, []);
  });
});
