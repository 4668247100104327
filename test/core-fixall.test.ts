// Fix-all (core/fixAll.ts): the recompute of derived cells and every fix that cannot change a
// number a person typed (label and heading wording, full-width digits, placeholders, units), in
// two passes; never an input number, never prose, never a cell reviewed as accepted (`keep`).
// On composed reports in every layout, and on the seeds and published reports where ../shared is.
// Run: node test/run.mjs test/core-fixall.test.ts
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText, applyEdits, cellsOf, fixAll, SAFE_FIX_RULES, splitWithEols, type Analysis } from '../server/src/core/index.ts';
import { composeReport, exampleReport, LAYOUTS } from './helpers/compose.mjs';
import { SKIP_SHARED, sharedFiles } from './helpers/shared.ts';

const run = (text: string, keep?: ReadonlySet<string>) => {
  const a = analyzeText(text);
  const r = fixAll(a, splitWithEols(text)[0], a.diagnostics, { keep });
  return { a, r, fixed: applyEdits(text, r.edits) };
};

/** Every input cell's value by key (derived cells are the fixer's). */
const inputs = (a: Analysis) => new Map(cellsOf(a).filter((k) => !k.cell.derived && k.cell.value !== null).map((k) => [k.key, k.cell.value]));

/** The lines that are not table rows or headings (the prose), by index. */
const proseLines = (a: Analysis, text: string) => {
  const lines = splitWithEols(text)[0];
  const skip = new Set<number>();
  for (const t of a.tables) for (let i = t.startLine; i <= t.endLine; i++) skip.add(i);
  for (const h of a.headings) skip.add(h.line);
  return lines.filter((_, i) => !skip.has(i));
};

/** The composed example with a total wrong, a label and a heading off the wording, a full-width input and a placeholder. */
function damaged(layout: string): string {
  const report = exampleReport();
  report.cells['t3.new.total'] = Number(report.cells['t3.new.total'] ?? 0) + 1;
  let text = composeReport(report, layout as never);
  text = text.replace('三、收到和处理政府信息公开申请情况', '三、收到和处理政府信息公开申请的情况');
  return text;
}

describe('fix-all (core)', () => {
  for (const layout of LAYOUTS) {
    test(`${layout}: the wrong total and the heading are fixed; no input number and no prose changes`, () => {
      const text = damaged(layout);
      const { a, r, fixed } = run(text);
      assert.ok(a.diagnostics.some((d) => d.rule === 'section-title'), JSON.stringify(a.diagnostics.map((d) => d.rule)));
      const after = analyzeText(fixed);
      assert.deepEqual(after.diagnostics.filter((d) => SAFE_FIX_RULES.has(d.rule) || d.rule.endsWith('-total') || d.rule === 'request-balance').map((d) => d.rule), []);
      assert.deepEqual(inputs(after), inputs(a));
      assert.deepEqual(proseLines(after, fixed), proseLines(a, text));
      assert.ok(r.changes.some((c) => c.rule === 'section-title' && c.new === '三、收到和处理政府信息公开申请情况'));
      assert.equal(r.changes.length, r.edits.length);
    });
  }

  test('a kept cell (reviewed as accepted) is never rewritten, and said as refused', () => {
    const text = damaged('tab');
    const { r, fixed } = run(text, new Set(['t3.new.total']));
    const before = analyzeText(text);
    const after = analyzeText(fixed);
    const cell = (a: Analysis) => cellsOf(a).find((k) => k.key === 't3.new.total')!.cell.text;
    assert.equal(cell(after), cell(before));
    assert.ok(!r.changes.some((c) => c.key === 't3.new.total'));
    assert.ok(r.refused.some((x) => /已审核为按原样接受/.test(x.reason.zh)));
  });

  test('a prose fix (a prose number, an enumeration’s total) is never in fix-all', () => {
    const base = composeReport(exampleReport(), 'tab');
    const text = base.replace(/(\n一、总体情况[^\n]*\n)/, '$1本年度共制发规范性文件 5 件，其中规章 1 件、规范性文件 2 件。\n');
    const { a, fixed } = run(text);
    assert.ok(a.diagnostics.some((d) => d.fix?.changes === 'prose'), JSON.stringify(a.diagnostics.map((d) => d.rule)));
    assert.ok(fixed.includes('本年度共制发规范性文件 5 件'));
  });
});

describe('fix-all on the seeds and published reports (../shared)', { skip: SKIP_SHARED }, () => {
  test('no input number, no prose line changes; every safe finding is gone', () => {
    let changed = 0;
    for (const f of [...sharedFiles('seeds'), ...sharedFiles('real')]) {
      const { a, r, fixed } = run(f.text);
      const after = analyzeText(fixed);
      assert.deepEqual(inputs(after), inputs(a), f.name);
      assert.deepEqual(proseLines(after, fixed), proseLines(a, f.text), f.name);
      const left = after.diagnostics.filter((d) => SAFE_FIX_RULES.has(d.rule) && d.fix);
      assert.deepEqual(left.map((d) => `${d.rule} ${d.range.start.line}`), [], f.name);
      changed += r.changes.length;
    }
    assert.ok(changed > 20, `${changed} changes over the seeds and published reports`);
  });
});
