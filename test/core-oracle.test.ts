// The arithmetic against an oracle of this test's own: random reports (keyed by the contract's
// cell keys, test/helpers/compose.mjs) with random faults in any cell, and the exact set of
// failing identities — rule, anchor cell key, expected value — compared with what the contract's
// identities (CONTRACT.md, "Arithmetic rules") say, written out here independently of the core.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from './helpers/fc.ts';
import { ARITHMETIC_RULES, analyzeText, applyEdits, recompute } from '../server/src/core/index.ts';
import {
  LAYOUTS, T3_COLUMNS, T3_INPUT_COLUMNS, T4_GROUPS, T4_INPUT_RESULTS, cellKeys, complete, composeReport, outcomeRows, t3Rows, type Layout,
} from './helpers/compose.mjs';

type Values = Record<string, number>;
type Failure = string; // `rule anchor expected`

const round = (n: number) => Math.round(n * 10000) / 10000;
const sum = (xs: number[]) => round(xs.reduce((a, b) => a + b, 0));

/** The contract's identities over keyed values: every one whose cells are all there. */
function oracle(v: Values, singleOther: boolean): Set<Failure> {
  const out = new Set<Failure>();
  const check = (rule: string, anchor: string, parts: number[]) => {
    const expected = sum(parts);
    if (v[anchor] !== expected) out.add(`${rule} ${anchor} ${expected}`);
  };
  // request-row-total: every row of table 三, 总计 = the six applicant columns.
  for (const [r] of t3Rows(singleOther)) check('request-row-total', `t3.${r}.total`, T3_INPUT_COLUMNS.map((c) => v[`t3.${r}.${c}`]));
  for (const c of T3_COLUMNS) {
    // request-outcome-total: every column incl. 总计, (七) = the 21 (or 19) outcome rows.
    check('request-outcome-total', `t3.total.${c}`, outcomeRows(singleOther).map((r) => v[`t3.${r}.${c}`]));
    // request-balance: 四 = 一 + 二 − (七).
    check('request-balance', `t3.carryOver.${c}`, [v[`t3.new.${c}`], v[`t3.carried.${c}`], -v[`t3.total.${c}`]]);
  }
  check('review-total', 't4.review.total', T4_INPUT_RESULTS.map((r) => v[`t4.review.${r}`]));
  for (const g of T4_GROUPS.slice(1)) check('litigation-total', `t4.${g}.total`, T4_INPUT_RESULTS.map((r) => v[`t4.${g}.${r}`]));
  return out;
}

const reported = (text: string): Set<Failure> =>
  new Set(analyzeText(text).diagnostics.filter((d) => ARITHMETIC_RULES.has(d.rule)).map((d) => `${d.rule} ${d.cell} ${d.expected}`));

const inputsArb = (singleOther: boolean) =>
  fc.record(Object.fromEntries(cellKeys(singleOther).filter((k) => k.startsWith('t3.') || k.startsWith('t4.')).map((k) => [k, fc.integer({ min: 0, max: 30 })])));
const faultsArb = (singleOther: boolean) => fc.array(fc.record({ key: fc.constantFrom(...cellKeys(singleOther).filter((k) => !k.startsWith('t2.'))), by: fc.integer({ min: -5, max: 9 }) }), { minLength: 0, maxLength: 4 });
const layoutArb = fc.constantFrom<Layout>(...(LAYOUTS as Layout[]));

/** Consistent values with 结转 never negative (新收 raised where needed), then the faults. */
function values(inputs: Values, faults: { key: string; by: number }[], singleOther: boolean): { good: Values; bad: Values } {
  const good = complete(inputs, singleOther);
  for (const c of T3_INPUT_COLUMNS) if (good[`t3.carryOver.${c}`] < 0) inputs[`t3.new.${c}`] -= good[`t3.carryOver.${c}`];
  const fixedGood = complete(inputs, singleOther);
  const bad = { ...fixedGood };
  for (const f of faults) bad[f.key] = Math.max(0, bad[f.key] + f.by);
  return { good: fixedGood, bad };
}

describe('the failing identities are exactly the oracle’s', () => {
  for (const singleOther of [false, true]) {
    test(singleOther ? '（六）其他处理 as one row: 19 outcome rows' : '25 rows: 21 outcome rows', () => {
      fc.assert(fc.property(inputsArb(singleOther), faultsArb(singleOther), layoutArb, (inputs, faults, layout) => {
        const { bad } = values(inputs as Values, faults, singleOther);
        const text = composeReport({ office: '青禾县数据资源局', year: 2025, cells: bad, singleOther }, layout);
        assert.deepEqual([...reported(text)].sort(), [...oracle(bad, singleOther)].sort());
      }), { numRuns: 120 });
    });
  }

  test('the fixer makes every identity hold, touching derived cells only, and restores a fault in a derived cell', () => {
    const derived = new Set(cellKeys().filter((k) => /^t3\.[^.]+\.total$|^t3\.(total|carryOver)\.|^t4\.[^.]+\.total$/.test(k)));
    fc.assert(fc.property(inputsArb(false), fc.constantFrom(...derived), fc.integer({ min: 1, max: 9 }), layoutArb, (inputs, key, by, layout) => {
      const { good } = values(inputs as Values, [], false);
      const bad = { ...good, [key]: good[key] + by };
      const goodText = composeReport({ office: '青禾县数据资源局', year: 2025, cells: good }, layout);
      const badText = composeReport({ office: '青禾县数据资源局', year: 2025, cells: bad }, layout);
      const a = analyzeText(badText);
      const fix = recompute(a);
      const keyAt = new Map(a.tables.flatMap((t) => (t.kind === 't3' ? t.rows.flatMap((r) => r.cells) : t.kind === 't4' ? t.cells : [])).map((c) => [`${c!.line}:${c!.start}`, c!.key]));
      for (const e of fix.edits) assert.ok(derived.has(keyAt.get(`${e.range.start.line}:${e.range.start.character}`)!), 'edits only derived cells');
      assert.equal(applyEdits(badText, fix.edits), goodText);
      assert.deepEqual(reported(applyEdits(badText, fix.edits)).size, 0);
    }), { numRuns: 80 });
  });
});
