// The table preview's model: the official header structure (merged cells), grids that fill
// their width exactly, every value cell at its range in the draft, failing cells exactly where
// the arithmetic diagnostics are (with their expected values), blank and non-numeric cells, a
// missing table, the one-row （六）其他处理, and plain JSON.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { analyzeText, ARITHMETIC_RULES, splitWithEols } from '../server/src/core/index.ts';
import { newDraft, previewModel, type PreviewTable, type PreviewValueCell } from '../server/src/core/draft/index.ts';
import { cellsByKey } from './helpers/keyed.ts';
import { buildReport, exampleData, LAYOUTS, T3_LABELS } from './helpers/report.ts';
import { sharedFiles } from './helpers/shared.ts';

const clean = readFileSync('examples/clean.report.txt', 'utf8');
const wrong = readFileSync('examples/wrong-totals.report.txt', 'utf8');

/** Every row covers exactly `columns` grid columns once the row spans above it are counted. */
function checkGrid(t: PreviewTable): void {
  const taken: number[][] = [];
  t.rows.forEach((r, ri) => {
    taken[ri] ??= [];
    let c = 0;
    for (const cell of r.cells) {
      while (taken[ri][c]) c++;
      for (let a = 0; a < (cell.rowSpan ?? 1); a++) for (let b = 0; b < (cell.colSpan ?? 1); b++) {
        (taken[ri + a] ??= [])[c + b] = (taken[ri + a][c + b] ?? 0) + 1;
      }
      c += cell.colSpan ?? 1;
    }
  });
  assert.equal(taken.length, t.rows.length, `${t.kind}: no row span beyond the last row`);
  taken.forEach((row, i) => {
    assert.equal(row.length, t.columns, `${t.kind} row ${i} width`);
    assert.ok(row.every((n) => n === 1), `${t.kind} row ${i}: every column covered once`);
  });
}

const values = (p: PreviewTable[]) => p.flatMap((t) => t.rows.flatMap((r) => r.cells)).filter((c): c is PreviewValueCell => c.kind === 'value');

function checkAgainstText(text: string): PreviewTable[] {
  const a = analyzeText(text);
  const p = previewModel(a);
  assert.deepEqual(p.map((t) => t.kind), ['t2', 't3', 't4']);
  for (const t of p) if (t.found) checkGrid(t);
  const [lines] = splitWithEols(text);
  for (const v of values(p)) {
    assert.equal(lines[v.range.start.line].slice(v.range.start.character, v.range.end.character), v.text, `${v.key} at its range`);
  }
  // Failing cells: exactly the anchors of the arithmetic diagnostics, with their expected values.
  const failing = values(p).filter((v) => v.status === 'failing');
  const diags = a.diagnostics.filter((d) => ARITHMETIC_RULES.has(d.rule));
  const at = (r: { start: { line: number; character: number } }) => `${r.start.line}:${r.start.character}`;
  assert.deepEqual(new Set(failing.map((v) => at(v.range))), new Set(diags.map((d) => at(d.range))));
  for (const v of failing) {
    const mine = diags.filter((d) => at(d.range) === at(v.range));
    assert.deepEqual(v.failures!.map((f) => [f.rule, f.expected]), mine.map((d) => [d.rule, d.expected]));
    assert.equal(v.expected, mine[0].expected);
    assert.match(v.formula!, /= /);
  }
  // Keys as the contract names them, the same cells as the test helper finds.
  const byKey = cellsByKey(a);
  for (const v of values(p)) {
    const c = byKey.get(v.key);
    if (c) assert.equal(at({ start: { line: c.line, character: c.start } }), at(v.range), v.key);
  }
  assert.deepEqual(JSON.parse(JSON.stringify(p)), p, 'plain JSON');
  return p;
}

describe('preview model', () => {
  test('a clean report: every cell ok, nothing missing', () => {
    const p = checkAgainstText(clean);
    for (const t of p) {
      assert.equal(t.found, true);
      assert.deepEqual(t.counts, { failing: 0, blank: 0, notNumber: 0, missing: 0 });
    }
    assert.equal(values(p).length, 10 + 175 + 15);
    assert.ok(values(p).every((v) => v.status === 'ok'));
  });

  test('the official header structure', () => {
    const [t2, t3, t4] = previewModel(analyzeText(clean));
    assert.equal(t2.columns, 4);
    assert.deepEqual(t2.rows[0].cells, [{ kind: 'header', text: '第二十条第（一）项', colSpan: 4 }]);
    assert.deepEqual(t2.rows.find((r) => r.cells.some((c) => c.kind === 'label' && c.text === '行政许可'))!.cells[0], { kind: 'label', text: '行政许可', colSpan: 3 });
    assert.equal(t3.columns, 10);
    assert.deepEqual(t3.rows[0].cells, [
      { kind: 'header', text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', rowSpan: 3, colSpan: 3 },
      { kind: 'header', text: '申请人情况', colSpan: 7 },
    ]);
    assert.deepEqual(t3.rows[1].cells, [{ kind: 'header', text: '自然人', rowSpan: 2 }, { kind: 'header', text: '法人或其他组织', colSpan: 5 }, { kind: 'header', text: '总计', rowSpan: 2 }]);
    assert.deepEqual(t3.rows[2].cells.map((c) => (c as { text: string }).text), ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    const labelsOf = (i: number) => t3.rows[i].cells.filter((c) => c.kind === 'label');
    assert.deepEqual(labelsOf(3), [{ kind: 'label', text: '一、本年新收政府信息公开申请数量', colSpan: 3 }]);
    assert.deepEqual(labelsOf(5), [{ kind: 'label', text: '三、本年度办理结果', rowSpan: 22 }, { kind: 'label', text: '（一）予以公开', colSpan: 2 }]);
    assert.deepEqual(labelsOf(7), [{ kind: 'label', text: '（三）不予公开', rowSpan: 8 }, { kind: 'label', text: '1.属于国家秘密' }]);
    assert.equal(t3.rows.length, 3 + 25);
    assert.equal(t4.columns, 15);
    assert.deepEqual(t4.rows[0].cells, [{ kind: 'header', text: '行政复议', colSpan: 5 }, { kind: 'header', text: '行政诉讼', colSpan: 10 }]);
    assert.deepEqual(t4.rows[1].cells.slice(5), [{ kind: 'header', text: '未经复议直接起诉', colSpan: 5 }, { kind: 'header', text: '复议后起诉', colSpan: 5 }]);
    assert.deepEqual(t4.rows[1].cells[0], { kind: 'header', text: '结果维持', rowSpan: 2 });
    assert.equal(t4.rows[3].cells.length, 15);
  });

  test('wrong totals: the failing cells carry the expected value and the formula', () => {
    const p = checkAgainstText(wrong);
    const f = values(p).find((v) => v.key === 't3.new.total')!;
    assert.equal(f.status, 'failing');
    assert.equal(f.expected, 18);
    assert.equal(f.formula, '12 + 3 + 0 + 1 + 2 + 0 = 18');
    assert.ok(p[1].counts.failing > 0);
  });

  test('blank, non-numeric and full-width cells', () => {
    const d = exampleData();
    d.t3[0] = ['', '？', '１２', 1, 2, 0, 18];
    const p = checkAgainstText(buildReport(d, 'pipe'));
    const get = (k: string) => values(p).find((v) => v.key === k)!;
    assert.equal(get('t3.new.natural').status, 'blank');
    assert.equal(get('t3.new.commercial').status, 'not-number');
    assert.equal(get('t3.new.research').status, 'ok');
    assert.equal(get('t3.new.research').problem, 'fullwidth');
    assert.equal(get('t3.new.research').value, 12);
    assert.deepEqual(p[1].counts, { failing: 0, blank: 1, notNumber: 1, missing: 0 });
  });

  test('every layout gives the same model but for ranges', () => {
    const strip = (p: PreviewTable[]) => JSON.stringify(p, (k, v) => (k === 'range' || k === 'startLine' || k === 'endLine' ? undefined : v));
    const want = strip(checkAgainstText(buildReport(exampleData(), 'pipe')));
    for (const l of LAYOUTS) assert.equal(strip(checkAgainstText(buildReport(exampleData(), l))), want, l);
  });

  test('a missing table and a short row', () => {
    const text = clean.split('\n').filter((l, i, all) => i < all.indexOf('四、政府信息公开行政复议、行政诉讼情况') || i > all.indexOf('四、政府信息公开行政复议、行政诉讼情况') + 4).join('\n').replace('规章 | 0 | 0 | 0 |', '规章 | 0 |');
    const p = checkAgainstText(text);
    assert.deepEqual({ found: p[2].found, rows: p[2].rows.length }, { found: false, rows: 0 });
    const t2 = p[0].rows.flatMap((r) => r.cells);
    // One number of three could be any of them: none is put in a column (the preview shows the row's three cells missing).
    assert.deepEqual(t2.filter((c) => c.kind === 'missing').map((c) => (c as { key: string }).key), ['t2.rules.issued', 't2.rules.repealed', 't2.rules.valid']);
    assert.equal(p[0].counts.missing, 3);
  });

  test('（六）其他处理 as one row', () => {
    const lines = buildReport(exampleData(), 'pipe').split('\n');
    const at = lines.findIndex((l) => l.startsWith('（六）其他处理'));
    lines.splice(at, 3, '（六）其他处理 | 0 | 0 | 0 | 0 | 1 | 0 | 1 |');
    const p = checkAgainstText(lines.join('\n'));
    const labels = p[1].rows.flatMap((r) => r.cells).filter((c) => c.kind === 'label').map((c) => (c as { text: string }).text);
    assert.ok(labels.includes('（六）其他处理'));
    assert.ok(!labels.includes('3.其他'));
    assert.equal(p[1].rows.length, 3 + 23);
    assert.deepEqual(p[1].rows.flatMap((r) => r.cells).find((c) => c.kind === 'label' && c.text === '三、本年度办理结果'), { kind: 'label', text: '三、本年度办理结果', rowSpan: 20 });
    assert.ok(values(p).some((v) => v.key === 't3.otherSingle.legal' && v.value === 1));
    assert.equal(T3_LABELS.length, 25);
  });

  test('a new draft: all zero, all ok', () => {
    const p = checkAgainstText(newDraft({ office: '青禾县数据资源局', year: 2025, layout: 'pipes' }));
    assert.ok(values(p).every((v) => v.status === 'ok' && v.value === 0));
  });

  for (const s of sharedFiles('seeds')) test(`seed ${s.name}`, () => void checkAgainstText(s.text));
  for (const s of sharedFiles('real')) test(`published ${s.name}`, () => void checkAgainstText(s.text));
});
