// The likely mistyped cell (CONTRACT.md, "Suspect cells"): one wrong cell of table 三, input or
// total, in every layout and in both shapes of the table (21 outcome rows, or 19 where （六） is one
// row), and in a report of the 2019 format, is named on every arithmetic diagnostic with its
// original value; two wrong cells, one failing identity (table 四, or 三 where the other identities
// cannot be evaluated) and consistent tables name none. Also on the published reports and seeds.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from './helpers/fc.ts';
import { ARITHMETIC_RULES, analyzeText, cellByKey, identities, recompute, type Diagnostic } from '../server/src/core/index.ts';
import { previewModel, type PreviewValueCell } from '../server/src/core/draft/index.ts';
import { LAYOUTS, T3_COLUMNS, cellKeys, composeReport, exampleReport, t3Rows, type KeyedReport } from './helpers/compose.mjs';
import { HAS_SHARED, SKIP_SHARED, sharedFiles } from './helpers/shared.ts';

const arithmetic = (text: string): Diagnostic[] => analyzeText(text).diagnostics.filter((d) => ARITHMETIC_RULES.has(d.rule));
const t3Keys = (singleOther: boolean) => cellKeys(singleOther).filter((k) => k.startsWith('t3.'));

function report(singleOther: boolean, change: Record<string, number | string> = {}): KeyedReport {
  const base = exampleReport();
  if (singleOther) {
    // The same report with （六） as one row: other1..3 folded into otherSingle.
    for (const c of T3_COLUMNS) {
      base.cells[`t3.otherSingle.${c}`] = [1, 2, 3].reduce((s, i) => s + Number(base.cells[`t3.other${i}.${c}`] ?? 0), 0);
      for (const i of [1, 2, 3]) delete base.cells[`t3.other${i}.${c}`];
    }
  }
  return { ...base, singleOther, cells: { ...base.cells, ...change } };
}

/** Every arithmetic diagnostic names `key` with `value`; there are at least two. */
function assertSuspect(diags: Diagnostic[], key: string, value: number, what: string) {
  assert.ok(diags.length >= 2, `${what}: two or more identities fail (${diags.length})`);
  for (const d of diags) assert.deepEqual(d.suspect && { cell: d.suspect.cell, value: d.suspect.value }, { cell: key, value }, `${what}: ${d.rule} at ${d.cell}`);
}

describe('suspect cells', () => {
  for (const singleOther of [false, true]) {
    test(`one wrong cell of table 三, input or total, is the suspect with its value (${singleOther ? '19' : '21'} outcome rows)`, () => {
      const clean = report(singleOther);
      assert.deepEqual(arithmetic(composeReport(clean)), []);
      for (const key of t3Keys(singleOther)) {
        const right = Number(clean.cells[key] ?? 0);
        for (const delta of [3, -1]) {
          if (right + delta < 0) continue;
          const diags = arithmetic(composeReport(report(singleOther, { [key]: right + delta })));
          assertSuspect(diags, key, right, `${key} ${right} → ${right + delta}`);
          // Each stays anchored at its derived cell with its own expected value.
          for (const d of diags) assert.ok(d.cell && d.expected !== undefined && d.actual !== undefined);
        }
      }
    });
  }

  test('in every layout, and the related information leads to the suspect cell', () => {
    for (const layout of LAYOUTS) {
      const text = composeReport(report(false, { 't3.unable1.natural': 7 }), layout);
      const diags = arithmetic(text);
      assertSuspect(diags, 't3.unable1.natural', 3, layout);
      const at = cellByKey(analyzeText(text), 't3.unable1.natural')!.cell;
      for (const d of diags) {
        const first = d.related![0];
        assert.equal(first.cell, 't3.unable1.natural');
        assert.deepEqual(first.range.start, { line: at.line, character: at.start });
        assert.match(first.message.en, /likely mistyped: should be 3/);
        assert.match(first.message.zh, /可能录入有误，应为 3/);
        assert.equal(d.related!.filter((r) => r.range.start.line === at.line && r.range.start.character === at.start).length, 1, 'once');
      }
    }
  });

  test('a wrong total is its own suspect: no related entry pointing at itself on its own diagnostic', () => {
    const right = Number(report(false).cells['t3.total.natural']);
    const diags = arithmetic(composeReport(report(false, { 't3.total.natural': right + 4 })));
    assertSuspect(diags, 't3.total.natural', right, 'total');
    assert.deepEqual(diags.map((d) => d.rule).sort(), ['request-balance', 'request-outcome-total', 'request-row-total']);
    const own = diags.find((d) => d.cell === 't3.total.natural')!;
    assert.equal(own.expected, right);
    assert.ok(!own.related?.some((r) => r.cell === 't3.total.natural'));
  });

  test('the 2019 format: the same table 三, the same suspect', () => {
    const text = composeReport(report(false, { 't3.new.commercial': 4 })).replace('本年制发件数 | 本年废止件数 | 现行有效件数', '本年新制作数量 | 本年新公开数量 | 对外公开总数量');
    assert.ok(analyzeText(text).diagnostics.some((d) => d.rule === 'format-2019'));
    assertSuspect(arithmetic(text), 't3.new.commercial', 3, '2019');
  });

  test('no two identities of table 三 share two cells: one cell’s failing identities are its own (never two candidates)', () => {
    for (const singleOther of [false, true]) {
      const analysis = analyzeText(composeReport(report(singleOther)));
      const t3 = analysis.tables.find((t) => t.kind === 't3')!;
      const ids = identities(t3, analysis.format);
      assert.equal(ids.length, singleOther ? 37 : 39);
      const cellsOf = (id: (typeof ids)[number]) => new Set([id.anchor, ...id.summands]);
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          const a = cellsOf(ids[i]);
          const shared = [...cellsOf(ids[j])].filter((c) => a.has(c));
          assert.ok(shared.length <= 1, `${ids[i].key} and ${ids[j].key} share ${shared.map((c) => c.key)}`);
        }
      }
    }
  });

  test('two wrong cells name no suspect', () => {
    const keys = t3Keys(false);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.constantFrom(...keys), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), (a, b, da, db) => {
        fc.pre(a !== b);
        const clean = report(false);
        const text = composeReport(report(false, { [a]: Number(clean.cells[a] ?? 0) + da, [b]: Number(clean.cells[b] ?? 0) + db }));
        for (const d of arithmetic(text)) assert.equal(d.suspect, undefined, `${a}+${da}, ${b}+${db}: ${d.rule} ${d.cell} names ${d.suspect?.cell}`);
      }),
      { numRuns: 300 },
    );
  });

  test('one failing identity names no suspect: table 四, or 三 where the other identity cannot be evaluated', () => {
    const t4 = arithmetic(composeReport(report(false, { 't4.review.upheld': 5 })));
    assert.equal(t4.length, 1);
    assert.equal(t4[0].suspect, undefined);
    // 本年新收's 总计 blank: a wrong 自然人 there fails only its column's balance.
    const blank = arithmetic(composeReport(report(false, { 't3.new.total': '', 't3.new.natural': 13 })));
    assert.deepEqual(blank.map((d) => d.rule), ['request-balance']);
    assert.equal(blank[0].suspect, undefined);
  });

  test('the preview marks the suspect cell, and the failing totals name it (by its row and column in words, not its key)', () => {
    const a = analyzeText(composeReport(report(false, { 't3.granted.legal': 4 })));
    const legal = cellByKey(a, 't3.granted.legal')!.cell;
    const GRANTED_LEGAL = { zh: legal.label, en: legal.labelEn };
    assert.match(GRANTED_LEGAL.zh, /予以公开/);
    const t3 = previewModel(a).find((t) => t.kind === 't3')!;
    const cells = t3.rows.flatMap((r) => r.cells).filter((c): c is PreviewValueCell => c.kind === 'value');
    assert.deepEqual(cells.filter((c) => c.suspect).map((c) => [c.key, c.suspect]), [['t3.granted.legal', { value: 1, explains: 2 }]]);
    assert.deepEqual(cells.filter((c) => c.likelyTypo).map((c) => [c.key, c.likelyTypo]), [
      ['t3.granted.total', { key: 't3.granted.legal', label: GRANTED_LEGAL, written: '4', value: 1 }],
      ['t3.total.legal', { key: 't3.granted.legal', label: GRANTED_LEGAL, written: '4', value: 1 }],
    ]);
    assert.ok(cells.filter((c) => c.status === 'failing').every((c) => c.likelyTypo));
  });

  test('--fix (recompute) still changes derived cells only, and the suspect stays in the diagnostics it explains', () => {
    const text = composeReport(report(false, { 't3.new.natural': 11 }));
    const a = analyzeText(text);
    const fix = recompute(a);
    const derived = new Set(fix.changes.map((c) => c.key));
    assert.ok(!derived.has('t3.new.natural'));
    assert.deepEqual([...derived].sort(), ['t3.carryOver.natural', 't3.carryOver.total', 't3.new.total']);
    for (const c of fix.changes) assert.deepEqual(c.suspect && { cell: c.suspect.cell, value: c.suspect.value }, { cell: 't3.new.natural', value: 12 });
  });
});

describe('suspect cells in the published reports and seeds', { skip: SKIP_SHARED }, () => {
  const files = [...sharedFiles('real'), ...sharedFiles('seeds')];
  test('no suspect as they are (r01 and r06: the one failing identity is in table 四)', () => {
    assert.ok(HAS_SHARED);
    for (const f of files) {
      const diags = arithmetic(f.text);
      for (const d of diags) assert.equal(d.suspect, undefined, `${f.name}: ${d.rule} ${d.cell}`);
      if (/^r0[16]_/.test(f.name)) assert.ok(diags.length >= 1 && diags.every((d) => d.cell?.startsWith('t4.')), f.name);
      if (f.name.startsWith('0')) assert.deepEqual(diags, [], f.name);
    }
  });

  test('each number of a published table 三 whose identities all hold, changed: that cell is the suspect', () => {
    let checked = 0;
    for (const f of files) {
      const a = analyzeText(f.text);
      const t3 = a.tables.find((t) => t.kind === 't3');
      if (!t3 || a.diagnostics.some((d) => ARITHMETIC_RULES.has(d.rule) && d.cell?.startsWith('t3.'))) continue;
      // Table 三 alone (its lines, from its first): reading the prose again for each cell adds nothing.
      const lines = f.text.split('\n').slice(t3.startLine, t3.endLine + 1);
      for (const [r] of t3Rows(t3.kind === 't3' && t3.singleOther)) {
        for (const c of T3_COLUMNS) {
          const k = cellByKey(a, `t3.${r}.${c}`);
          if (!k || k.cell.value === null || k.cell.problem) continue;
          // Only tables whose identities all evaluate: a blank elsewhere leaves a single failing identity.
          const copy = lines.slice();
          const at = k.cell.line - t3.startLine;
          copy[at] = copy[at].slice(0, k.cell.start) + String(k.cell.value + 10) + copy[at].slice(k.cell.end);
          const diags = arithmetic(copy.join('\n')).filter((d) => d.cell?.startsWith('t3.'));
          if (diags.length < 2) continue;
          assertSuspect(diags, k.key, k.cell.value, `${f.name} ${k.key}`);
          checked++;
        }
      }
    }
    assert.ok(checked >= 100, `cells checked in published tables: ${checked}`);
  });
});
