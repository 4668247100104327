// The prose rules' results carried over a patched cell edit (core/rules/carry.ts): after every
// one-number edit of a table cell (and its undo) the model's analysis equals a fresh parse, with
// values that make the line read otherwise (a year, a page mark); the prose's claims are carried
// (the same objects) when the edit leaves their inputs alone and read again when it does not; and
// prose-table-mismatch still compares the carried claims with the cells as they now are.
// Run: node test/run.mjs test/core-carry.test.ts
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText, ReportModel, type Analysis } from '../server/src/core/index.ts';
import { keyedCells } from '../server/src/core/keys.ts';
import { proseUnaffected } from '../server/src/core/rules/carry.ts';
import { composeReport, exampleReport } from './helpers/compose.mjs';
import { SKIP_SHARED, sharedFiles } from './helpers/shared.ts';
import { canon } from './helpers/canon.ts';


const clean = composeReport(exampleReport());
const withProse = clean.replace('不断提升政务公开质量。', '不断提升政务公开质量。本年新收政府信息公开申请25件，上年结转2件。');
const of = (a: Analysis, rule: string) => a.diagnostics.filter((d) => d.rule === rule);

/** The value cells of tables 三 and 四 (the ones the patched path rewrites). */
function valueCells(a: Analysis) {
  return a.tables.filter((t) => t.kind !== 't2').flatMap((t) => keyedCells(t)).filter((k) => k.cell.text !== '');
}

/** Every cell of `text` set to each value and back, each step against a fresh parse. */
function editEveryCell(text: string, values: string[], every = 1): number {
  const m = new ReportModel(text);
  let steps = 0;
  const cells = valueCells(m.analysis());
  for (let n = 0; n < cells.length; n += every) {
    const key = cells[n].key;
    for (const v of values) {
      const c = valueCells(m.analysis()).find((k) => k.key === key)!.cell;
      if (v === c.text) continue;
      const old = c.text;
      m.apply({ range: { start: { line: c.line, character: c.start }, end: { line: c.line, character: c.end } }, text: v });
      assert.deepEqual(canon(m.analysis()), canon(analyzeText(m.getText())), `${key} := ${v}`);
      m.apply({ range: { start: { line: c.line, character: c.start }, end: { line: c.line, character: c.start + v.length } }, text: old });
      assert.deepEqual(canon(m.analysis()), canon(analyzeText(m.getText())), `${key} back to ${old}`);
      steps++;
    }
  }
  assert.equal(m.getText(), text);
  return steps;
}

const VALUES = ['25', '123', '2023', '２０２４'];

describe('a patched cell edit carries the prose rules’ results and equals a fresh parse', () => {
  test('the composed report with a prose claim, every other value cell', () => assert.ok(editEveryCell(withProse, VALUES, 2) > 100));
  test('two reports one after another (the first tables compared, the second’s edits keep the readings)', () =>
    assert.ok(editEveryCell(`${withProse}\n\n${withProse.replace('25件', '18件')}`, ['25', '2023'], 3) > 50));
  test('the seeds and published reports, every sixth value cell', { skip: SKIP_SHARED }, () => {
    for (const f of [...sharedFiles('seeds'), ...sharedFiles('real')]) editEveryCell(f.text, ['2024', '36'], 6);
  });
});

describe('the claims are carried only when the edit leaves the prose’s inputs alone', () => {
  const cellOf = (m: ReportModel, key: string) => valueCells(m.analysis()).find((k) => k.key === key)!.cell;
  const edit = (m: ReportModel, key: string, v: string) => {
    const c = cellOf(m, key);
    m.apply({ range: { start: { line: c.line, character: c.start }, end: { line: c.line, character: c.end } }, text: v });
    return m.analysis();
  };
  test('a number: the same claim objects, prose-table-mismatch against the new cell', () => {
    const m = new ReportModel(withProse);
    const a = m.analysis();
    assert.equal(of(a, 'prose-table-mismatch').length, 1);
    assert.equal(cellOf(m, 't3.new.total').text, '18');
    const b = edit(m, 't3.new.total', '25');
    assert.ok(b.claims.length > 0);
    assert.ok(b.claims.every((r, i) => r.claim === a.claims[i].claim), 'claims carried');
    assert.deepEqual(of(b, 'prose-table-mismatch'), []);
    assert.deepEqual(canon(b), canon(analyzeText(m.getText())));
    const c = edit(m, 't3.new.total', '18');
    assert.equal(of(c, 'prose-table-mismatch').length, 1);
    assert.deepEqual(canon(c), canon(analyzeText(m.getText())));
  });
  test('a year written into a cell: the prose read again', () => {
    const m = new ReportModel(withProse);
    const a = m.analysis();
    const b = edit(m, 't3.new.natural', '2023');
    assert.ok(b.claims.every((r, i) => r.claim !== a.claims[i].claim), 'claims read again');
    assert.deepEqual(canon(b), canon(analyzeText(m.getText())));
  });
  test('proseUnaffected: the lines the office, year and section readers look at', () => {
    const lines = ['title', ...Array.from({ length: 12 }, () => ''), '一、总体情况', ...Array.from({ length: 20 }, (_, i) => `row ${i} | 1 | 2 |`), '六、其他', 'x', 'y', 'z'];
    const fh = lines.indexOf('一、总体情况');
    const row = fh + 5;
    assert.equal(proseUnaffected(lines, row, '| 1 | 2 |', '| 1 | 3 |', fh), true);
    assert.equal(proseUnaffected(lines, row, '| 1 | 2 |', '| 1 | 2023 |', fh), false, 'a year');
    assert.equal(proseUnaffected(lines, row, '| 1 | 2 |', '| 1 | ２０２３ |', fh), false, 'a full-width year');
    assert.equal(proseUnaffected(lines, row, '统计期 | 2 |', '统计期 | 3 |', fh), false, 'the period’s words');
    assert.equal(proseUnaffected(lines, row, '12', '1234', fh), false, 'a page mark no more');
    assert.equal(proseUnaffected(lines, fh - 1, '| 1 |', '| 2 |', fh), false, 'above the first heading');
    assert.equal(proseUnaffected(lines, 5, '| 1 |', '| 2 |', -1), false, 'no heading');
    assert.equal(proseUnaffected(lines, lines.length - 2, '| 1 |', '| 2 |', fh), false, 'the signature');
    assert.equal(proseUnaffected(lines, lines.length - 5, '| 1 |', '| 2 |', fh), true);
  });
});
