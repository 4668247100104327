// Property tests: consistent tables in every layout, one injected fault reported at its anchor
// with the right expected value, and the fixer restoring every identity while touching only
// derived cells.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from './helpers/fc.ts';
import { ARITHMETIC_RULES, analyzeText, applyEdits, cellsOf, recompute, type Cell } from '../server/src/core/index.ts';
import { LAYOUTS, buildReport, completeT3, completeT4, T3, type Layout, type ReportData } from './helpers/report.ts';

const small = fc.integer({ min: 0, max: 30 });
const dataArb = fc.record({
  t3: fc.array(fc.array(small, { minLength: 6, maxLength: 6 }), { minLength: 25, maxLength: 25 }),
  t4: fc.array(small, { minLength: 12, maxLength: 12 }),
  layout: fc.constantFrom<Layout>(...LAYOUTS),
});

function build(x: { t3: number[][]; t4: number[] }): ReportData {
  // Outcomes never exceed what came in: 新收 is raised so that 结转 stays non-negative.
  const inputs = x.t3.map((r) => r.slice());
  const t3 = completeT3(inputs);
  for (let c = 0; c < 6; c++) if (t3[T3.carryOver][c] < 0) inputs[T3.new][c] -= t3[T3.carryOver][c];
  return { office: '青禾县数据资源局', year: 2025, t2: [0, 0, 0, 3, 1, 12, 156, 23, 0, 0.5], t3: completeT3(inputs), t4: completeT4(x.t4) };
}

/** Derived cells as [table, row, column] addresses in ReportData. */
const derivedArb = fc.oneof(
  fc.record({ t: fc.constant('t3' as const), r: fc.integer({ min: 0, max: 24 }), c: fc.constant(6) }),
  fc.record({ t: fc.constant('t3' as const), r: fc.constantFrom(T3.total, T3.carryOver), c: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ t: fc.constant('t4' as const), r: fc.constant(0), c: fc.constantFrom(4, 9, 14) }),
);

const cellsOfText = (text: string): Cell[] => cellsOf(analyzeText(text)).map((k) => k.cell);

describe('properties', () => {
  test('consistent tables in every layout raise no arithmetic diagnostic', () => {
    fc.assert(fc.property(dataArb, (x) => {
      const a = analyzeText(buildReport(build(x), x.layout));
      assert.deepEqual(a.diagnostics.filter((d) => ARITHMETIC_RULES.has(d.rule)), []);
      const t3 = a.tables.find((t) => t.kind === 't3');
      assert.ok(t3 && t3.kind === 't3' && t3.rows.length === 25);
    }), { numRuns: 60 });
  });

  test('one wrong derived cell is reported at that cell with the right expected value, and the fixer restores the text', () => {
    fc.assert(fc.property(dataArb, derivedArb, fc.integer({ min: 1, max: 9 }), (x, at, bump) => {
      const good = build(x);
      const text = buildReport(good, x.layout);
      const bad = structuredClone(good);
      const right = at.t === 't3' ? (good.t3[at.r][at.c] as number) : (good.t4[at.c] as number);
      if (at.t === 't3') bad.t3[at.r][at.c] = right + bump;
      else bad.t4[at.c] = right + bump;
      const badText = buildReport(bad, x.layout);
      const diags = analyzeText(badText).diagnostics.filter((d) => ARITHMETIC_RULES.has(d.rule));
      const lines = badText.split('\n');
      const atCell = diags.filter((d) => lines[d.range.start.line].slice(d.range.start.character, d.range.end.character) === String(right + bump) && d.actual === right + bump);
      assert.ok(atCell.length >= 1, `a diagnostic on the wrong cell (${JSON.stringify(at)})`);
      for (const d of atCell) assert.equal(d.expected, right);
      const fixed = recompute(analyzeText(badText));
      assert.deepEqual(fixed.refused, []);
      assert.equal(applyEdits(badText, fixed.edits), text);
    }), { numRuns: 150 });
  });

  test('a wrong input cell: the fixer edits only derived cells and every identity then holds', () => {
    fc.assert(fc.property(dataArb, fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 9 }), (x, r, c, bump) => {
      fc.pre(r !== T3.total && r !== T3.carryOver);
      const d = build(x);
      d.t3[r][c] = (d.t3[r][c] as number) + bump;
      const text = buildReport(d, x.layout);
      const before = cellsOfText(text);
      const derived = new Set(before.filter((k) => k.derived).map((k) => `${k.line}:${k.start}`));
      const fix = recompute(analyzeText(text));
      for (const e of fix.edits) assert.ok(derived.has(`${e.range.start.line}:${e.range.start.character}`), 'edits only derived cells');
      if (fix.refused.length) return; // a count would turn negative: left alone, with a reason
      const after = applyEdits(text, fix.edits);
      assert.deepEqual(analyzeText(after).diagnostics.filter((k) => ARITHMETIC_RULES.has(k.rule)), []);
      const inputsBefore = before.filter((k) => !k.derived).map((k) => [k.line, k.text]);
      const inputsAfter = cellsOfText(after).filter((k) => !k.derived).map((k) => [k.line, k.text]);
      assert.deepEqual(inputsAfter, inputsBefore);
      // Prose and labels: every line that holds no edited cell is byte-identical.
      const edited = new Set(fix.edits.map((e) => e.range.start.line));
      const a = text.split('\n');
      const b = after.split('\n');
      a.forEach((l, i) => { if (!edited.has(i)) assert.equal(b[i], l); });
    }), { numRuns: 150 });
  });
});
