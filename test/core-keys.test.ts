// Cells by the contract's keys: one walk over every cell (key, row, column, labels), one lookup
// by key, values by key; every cell diagnostic names its cell, every row-wide one its row.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText, cellAt, cellByKey, cellsOf, valueOf, verdict } from '../server/src/core/index.ts';
import { cellKeys, complete, composeReport, exampleReport, LAYOUTS, type KeyedReport } from './helpers/compose.mjs';
import { valuesOf } from './helpers/keyed.ts';

const example = exampleReport();
const text = composeReport(example);
const a = analyzeText(text);
const withCells = (cells: Record<string, number | string>, base: KeyedReport = example) => composeReport({ ...base, cells: { ...base.cells, ...cells } });

describe('cells by key', () => {
  test('the walk yields every key of the contract, once, in printed order', () => {
    assert.deepEqual(cellsOf(a).map((k) => k.key), cellKeys());
  });
  test('the one-row （六） variant has t3.otherSingle.* instead of other1..3', () => {
    const single = analyzeText(composeReport({ ...example, singleOther: true, cells: complete({}, true) }));
    assert.deepEqual(cellsOf(single).map((k) => k.key), cellKeys(true));
    assert.ok(cellsOf(single).some((k) => k.key === 't3.otherSingle.total'));
  });
  test('each keyed cell carries its row key, column key and both labels', () => {
    const k = cellByKey(a, 't3.carried.natural')!;
    assert.deepEqual([k.row, k.column, k.rowLabel.zh, k.columnLabel.zh, k.columnLabel.en], ['t3.carried', 'natural', '二、上年结转政府信息公开申请数量', '自然人', 'natural persons']);
    assert.equal(k.table.kind, 't3');
    const t4 = cellByKey(a, 't4.afterReview.pending')!;
    assert.deepEqual([t4.row, t4.column, t4.rowLabel.zh, t4.columnLabel.zh], ['t4.afterReview', 'pending', '复议后起诉', '尚未审结']);
    const t2 = cellByKey(a, 't2.fee.amount')!;
    assert.deepEqual([t2.row, t2.column, t2.cell.text], ['t2.fee', 'amount', '0.5']);
  });
  test('a walk made again after many other reports\' tables were walked equals the first; labels and row keys are shared', () => {
    const first = cellsOf(a);
    // 12 reports of three tables: more than the walks kept (32), so the first report's are made again.
    const others = LAYOUTS.flatMap((layout) => [0, 1, 2].map(() => analyzeText(composeReport(example, layout))));
    for (const o of others) cellsOf(o);
    const again = cellsOf(a);
    assert.deepEqual(again.map((k) => [k.key, k.row, k.column, k.rowLabel, k.columnLabel, k.cell]), first.map((k) => [k.key, k.row, k.column, k.rowLabel, k.columnLabel, k.cell]));
    // One label object per row and column of the format, whichever report it is walked for.
    const o = cellByKey(others[0], 't3.carried.natural')!;
    const k = cellByKey(a, 't3.carried.natural')!;
    assert.equal(o.rowLabel, k.rowLabel);
    assert.equal(o.columnLabel, k.columnLabel);
  });
  test('every value read back by key equals the value composed under that key', () => {
    for (const key of cellKeys()) assert.equal(valueOf(a, key), Number(example.cells[key] ?? 0), key);
  });
  test('valueOf is null for an absent key, a blank, text that is not a number and full-width digits', () => {
    const b = analyzeText(withCells({ 't3.new.natural': '', 't3.new.commercial': '？', 't3.new.research': '１' }));
    assert.equal(valueOf(b, 't3.new.natural'), null);
    assert.equal(valueOf(b, 't3.new.commercial'), null);
    assert.equal(valueOf(b, 't3.new.research'), null);
    assert.equal(valueOf(b, 't9.nothing.here'), null);
    assert.equal(cellByKey(b, 't3.nothing.total'), undefined);
  });
  test('the test helper valuesOf is the core’s lookup', () => {
    const get = valuesOf(a);
    for (const key of cellKeys()) assert.equal(get(key), valueOf(a, key));
  });
  test('the cell under a position, by its characters', () => {
    const k = cellByKey(a, 't3.new.total')!;
    assert.equal(cellAt(a, { line: k.cell.line, character: k.cell.start })?.key, 't3.new.total');
    assert.equal(cellAt(a, { line: 0, character: 0 }), undefined);
  });
  test('verdicts count the format’s identities: 39 for table 三, 37 where （六） is one row, 3 for 四', () => {
    const v = a.tables.map((t) => verdict(t, a.format));
    assert.deepEqual(v.map((x) => [x.possible, x.evaluated, x.hold]), [[0, 0, 0], [39, 39, 39], [3, 3, 3]]);
    assert.deepEqual([v[1].rows, v[1].columns], [[25, 25], [7, 7]]);
    const single = analyzeText(composeReport({ ...example, singleOther: true, cells: complete({}, true) }));
    assert.equal(verdict(single.tables[1], single.format).possible, 37);
  });
});

describe('diagnostics name their cell or row', () => {
  test('an arithmetic diagnostic carries its anchor’s key', () => {
    const b = analyzeText(withCells({ 't3.new.total': 99, 't4.direct.total': 7, 't3.total.legal': 9, 't3.carryOver.other': 5 }));
    assert.deepEqual(b.diagnostics.map((d) => [d.rule, d.cell]).sort(), [
      ['litigation-total', 't4.direct.total'],
      ['request-balance', 't3.carryOver.legal'],
      ['request-balance', 't3.carryOver.other'],
      ['request-balance', 't3.carryOver.total'],
      ['request-outcome-total', 't3.total.legal'],
      ['request-row-total', 't3.carryOver.total'],
      ['request-row-total', 't3.new.total'],
      ['request-row-total', 't3.total.total'],
    ]);
  });
  test('a cell rule carries the cell; blanks of one row carry the row', () => {
    const b = analyzeText(withCells({ 't2.penalty.decisions': '-3', 't3.granted.natural': '', 't3.granted.commercial': '', 't3.partial.natural': '' }));
    const pick = (rule: string) => b.diagnostics.filter((d) => d.rule === rule).map((d) => [d.cell, d.row]);
    assert.deepEqual(pick('count-negative'), [['t2.penalty.decisions', undefined]]);
    assert.deepEqual(pick('cell-blank'), [[undefined, 't3.granted'], ['t3.partial.natural', undefined]]);
  });
  test('a row-wide shape diagnostic carries the row', () => {
    const b = analyzeText(text.replace('行政许可 | 156 |', '行政许可 |'));
    assert.deepEqual(b.diagnostics.map((d) => [d.rule, d.row]), [['cells-missing', 't2.license']]);
  });
});
