// Cells as offices fill them: placeholders for none (—, －, -, /, ／, 无, ——) read as 0, numbers
// written with 件, 万元 or thousands separators read as the number — one diagnostic per table
// each (cell-placeholder, cell-unit) with a fix to plain numbers that never changes a value —
// while an empty cell stays blank (cell-blank) and raises no arithmetic alarm.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ARITHMETIC_RULES, analyzeText, applyEdits, cellsOf, recompute, RULE_BY_ID, valueOf, type Analysis, type Diagnostic } from '../server/src/core/index.ts';
import { parseValue } from '../server/src/core/cells.ts';
import { cellKeys, composeReport, exampleReport, LAYOUTS, type CellValue, type Layout } from './helpers/compose.mjs';

const example = exampleReport();
const withCells = (cells: Record<string, CellValue>, layout: Layout = 'pipe') => composeReport({ ...example, cells: { ...example.cells, ...cells } }, layout);
/** The example with every zero cell written as `p`. */
function zerosAs(p: string, layout: Layout): string {
  const cells: Record<string, CellValue> = {};
  for (const [k, v] of Object.entries(example.cells)) cells[k] = v === 0 ? p : v;
  return composeReport({ ...example, cells }, layout);
}
const of = (a: Analysis, rule: string) => a.diagnostics.filter((d) => d.rule === rule);
const arithmetic = (a: Analysis) => a.diagnostics.filter((d) => ARITHMETIC_RULES.has(d.rule)).map((d) => [d.rule, d.cell, d.expected, d.actual]);
const values = (a: Analysis) => Object.fromEntries(cellsOf(a).map((k) => [k.key, k.cell.value]));
const zeroCount = (table: string) => cellKeys().filter((k) => k.startsWith(table) && example.cells[k] === 0).length;

describe('placeholders for none', () => {
  const PLACEHOLDERS = ['—', '－', '-', '/', '／', '无', '——', '–', '--'];
  for (const layout of LAYOUTS) {
    test(`${layout}: one cell-placeholder per table, read as 0, fixed to 0`, () => {
      const reference = values(analyzeText(composeReport(example, layout)));
      for (const p of PLACEHOLDERS) {
        const text = zerosAs(p, layout);
        const a = analyzeText(text);
        const found = of(a, 'cell-placeholder');
        assert.deepEqual(a.diagnostics.filter((d) => d.rule !== 'cell-placeholder'), [], `${p}: nothing else`);
        assert.equal(found.length, 3, `${p}: one per table`);
        assert.deepEqual(found.map((d) => d.fix!.edits.length), [zeroCount('t2.'), zeroCount('t3.'), zeroCount('t4.')], p);
        assert.match(found[1].message.zh, new RegExp(`^表三有 ${zeroCount('t3.')} 个单元格以“${p.replace(/[-/]/g, '\\$&')}”等代替数字，按 0 计$`));
        assert.ok(found.every((d) => d.severity === 'warning'));
        assert.deepEqual(values(a), reference, `${p}: every cell holds what the zeros hold`);
        const fixed = applyEdits(text, found.flatMap((d) => d.fix!.edits));
        assert.equal(fixed, composeReport(example, layout), `${p}: the fixes write the plain report`);
      }
    });
  }

  test('PDF text whose cells are parted by single spaces: a placeholder is a value token', () => {
    const single = (text: string) => text.split('\n').map((l) => {
      const t = l.split(/ {2,}/);
      return t.length > 1 && t.slice(1).every((x) => /^(\d+(\.\d+)?|—)$/.test(x)) ? t.join(' ') : l;
    }).join('\n');
    const text = single(zerosAs('—', 'spaces'));
    assert.notEqual(text, zerosAs('—', 'spaces'));
    const a = analyzeText(text);
    assert.deepEqual(a.diagnostics.map((d) => d.rule), ['cell-placeholder', 'cell-placeholder', 'cell-placeholder']);
    assert.deepEqual(values(a), values(analyzeText(composeReport(example, 'spaces'))));
  });

  test('a placeholder in one cell names that cell', () => {
    const a = analyzeText(withCells({ 't3.denied3.social': '—' }));
    const [d] = of(a, 'cell-placeholder');
    assert.equal(d.cell, 't3.denied3.social');
    assert.match(d.message.zh, /单元格以“—”代替数字，按 0 计：（三）不予公开 3|3\.危及/);
    assert.deepEqual(d.fix?.edits.map((e) => e.newText), ['0']);
  });

  test('identities take a placeholder as 0: a total written as — while its parts are numbers', () => {
    // 一、本年新收: 12 + 3 + 0 + 1 + 2 + 0 = 18, its 总计 written as —.
    const text = withCells({ 't3.new.total': '—' });
    const a = analyzeText(text);
    // The column of totals then says 0 + 2 − 18 for 四: reported too, and gone once 总计 is fixed.
    assert.deepEqual(arithmetic(a), [['request-row-total', 't3.new.total', 18, 0], ['request-balance', 't3.carryOver.total', -16, 2]]);
    const fix = recompute(a);
    assert.deepEqual(fix.changes.map((c) => [c.key, c.old, c.new]), [['t3.new.total', '—', '18']]);
    assert.deepEqual(arithmetic(analyzeText(applyEdits(text, fix.edits))), []);
  });

  test('an input written as — counts 0 in its row, column and the balance', () => {
    const a = analyzeText(withCells({ 't3.new.research': '—', 't4.review.corrected': '无', 't3.total.research': '/' }));
    assert.deepEqual(arithmetic(a), []);
    assert.equal(valueOf(a, 't3.new.research'), 0);
  });

  test('an input written as — where the total says otherwise is an arithmetic error at the total', () => {
    const a = analyzeText(withCells({ 't3.new.natural': '—' }));
    assert.deepEqual(arithmetic(a), [['request-row-total', 't3.new.total', 6, 18], ['request-balance', 't3.carryOver.natural', -11, 1]]);
  });

  test('an empty cell stays blank: cell-blank, and no identity that needs it is evaluated', () => {
    const a = analyzeText(withCells({ 't3.new.natural': '', 't3.new.total': '' }));
    assert.deepEqual(arithmetic(a), []);
    assert.deepEqual(of(a, 'cell-placeholder'), []);
    assert.equal(of(a, 'cell-blank').length, 1);
    assert.equal(valueOf(a, 't3.new.natural'), null);
  });

  test('texts that say nothing about the number are still not numbers', () => {
    for (const t of ['？', '*', '×', 'N/A']) {
      const a = analyzeText(withCells({ 't3.new.commercial': t }));
      assert.deepEqual(of(a, 'cell-not-number').map((d) => d.cell), ['t3.new.commercial'], t);
      assert.deepEqual(arithmetic(a), [], t);
    }
  });
});

describe('numbers written with a unit or thousands separators', () => {
  test('12件 in a count column, 0.5万元 in the fee column, 1,234 and 1，234: read as the numbers', () => {
    const cells = { 't3.new.natural': '12件', 't2.fee.amount': '0.5万元', 't2.license.decisions': '1,234', 't2.penalty.decisions': '1，234', 't4.review.upheld': '1 件' };
    const a = analyzeText(withCells(cells));
    assert.equal(valueOf(a, 't3.new.natural'), 12);
    assert.equal(valueOf(a, 't2.fee.amount'), 0.5);
    assert.equal(valueOf(a, 't2.license.decisions'), 1234);
    assert.equal(valueOf(a, 't2.penalty.decisions'), 1234);
    assert.equal(valueOf(a, 't4.review.upheld'), 1);
    assert.deepEqual(arithmetic(a), [], 'the identities read them as the numbers');
    const found = of(a, 'cell-unit');
    assert.deepEqual(found.map((d) => [d.cell, d.fix?.edits.map((e) => e.newText)]), [[undefined, ['1234', '1234', '0.5']], ['t3.new.natural', ['12']], ['t4.review.upheld', ['1']]]);
    assert.match(found[0].message.zh, /^表二有 3 个数字带单位或千位分隔符（如“1,234”“1，234”“0.5万元”），按数字计$/);
    assert.ok(found.every((d) => d.severity === 'information'));
    assert.equal(RULE_BY_ID.get('cell-unit')!.severity, 'information');
    assert.equal(RULE_BY_ID.get('cell-placeholder')!.severity, 'warning');
  });

  test('in every layout the fix writes the plain report', () => {
    const cells = { 't3.new.natural': '12件', 't2.fee.amount': '0.5万元', 't2.license.decisions': '156件', 't3.new.total': '18件' };
    for (const layout of LAYOUTS) {
      const text = withCells(cells, layout);
      const a = analyzeText(text);
      assert.deepEqual(a.diagnostics.map((d) => d.rule), ['cell-unit', 'cell-unit'], layout);
      assert.equal(applyEdits(text, a.diagnostics.flatMap((d) => d.fix!.edits)), composeReport(example, layout), layout);
    }
  });

  test('no unit is converted and no unit of another column is read', () => {
    const a = analyzeText(withCells({ 't2.fee.amount': '5000元', 't3.new.commercial': '3万元', 't2.license.decisions': '156万元' }));
    assert.deepEqual(of(a, 'cell-not-number').map((d) => d.cell).sort(), ['t2.fee.amount', 't2.license.decisions', 't3.new.commercial']);
    assert.deepEqual(of(a, 'cell-unit'), []);
    assert.deepEqual(arithmetic(a), []);
  });

  test('full-width digits stay a full-width finding; decimals in a count stay an error; 1,2345 is no number', () => {
    const a = analyzeText(withCells({ 't3.new.commercial': '３件', 't2.license.decisions': '1.5件', 't2.penalty.decisions': '1,2345' }));
    assert.deepEqual(of(a, 'cell-fullwidth-digits').map((d) => d.cell), ['t3.new.commercial']);
    assert.deepEqual(of(a, 'count-fractional').map((d) => d.cell), ['t2.license.decisions']);
    assert.equal(valueOf(a, 't2.penalty.decisions'), null, 'a comma that is no thousands separator: no number');
    assert.deepEqual(of(a, 'cell-unit'), []);
  });

  test('the 2019 format’s amounts keep their unit silently (采购总金额 251000元)', () => {
    assert.deepEqual(parseValue('251000元', { unit: true, decimals: true }), { value: 251000, problem: null });
  });
});

describe('a fix never changes what a number is', () => {
  test('every edit of cell-placeholder and cell-unit writes the value the cell holds', () => {
    const texts = ['—', '-', '/', '无', '12件', '0件', '1,234', '1，234', '12 件', '3条', '2个', '4项', '1,234件', '0.50万元', '1,000.5万元'];
    let n = 0;
    for (const t of texts) {
      const key = /万元/.test(t) ? 't2.fee.amount' : 't2.license.decisions';
      const a = analyzeText(withCells({ [key]: t }));
      const d: Diagnostic | undefined = a.diagnostics.find((x) => x.rule === 'cell-placeholder' || x.rule === 'cell-unit');
      assert.ok(d?.fix, t);
      for (const e of d.fix.edits) {
        const rules = key === 't2.fee.amount' ? { decimals: true } : {};
        assert.deepEqual(parseValue(e.newText, rules), { value: valueOf(a, key), problem: null }, t);
        n++;
      }
    }
    assert.equal(n, texts.length);
  });
});
