// Both official formats go through the one identity evaluator: a report is checked against the
// identities of the format its table 二 is in (analysis.format, reportFormat), a 2019-format
// report against FORMAT_2019's. The 2019 format declares the same identities as 2021's today, so
// the binding is shown by changing the data: 2019 declarations without litigation-total leave a
// 2019 report's wrong 复议后起诉 total unreported, and a 2021 report's still reported.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ARITHMETIC_RULES, analyzeText, FORMAT_2019, FORMAT_2021, ReportModel, recompute, verdict } from '../server/src/core/index.ts';
import { composeReport, exampleReport } from './helpers/compose.mjs';
import { SKIP_SHARED, sharedFiles } from './helpers/shared.ts';

const HEADER_2021 = '本年制发件数 | 本年废止件数 | 现行有效件数';
const HEADER_2019 = '本年新制作数量 | 本年新公开数量 | 对外公开总数量';

/** The example report with a wrong 复议后起诉 total, in the 2021 format and with a 2019 table 二. */
function reports(): { r2021: string; r2019: string } {
  const base = exampleReport();
  const r2021 = composeReport({ ...base, cells: { ...base.cells, 't4.afterReview.total': Number(base.cells['t4.afterReview.total'] ?? 0) + 1 } });
  assert.ok(r2021.includes(HEADER_2021));
  return { r2021, r2019: r2021.replace(HEADER_2021, HEADER_2019) };
}

const arithmetic = (text: string) => analyzeText(text).diagnostics.filter((d) => ARITHMETIC_RULES.has(d.rule)).map((d) => `${d.rule}:${d.cell}`);

/** Runs `f` with FORMAT_2019 declaring `identities` instead of its own. */
function with2019Identities<T>(identities: typeof FORMAT_2019.identities, f: () => T): T {
  const own = FORMAT_2019.identities;
  FORMAT_2019.identities = identities;
  try {
    return f();
  } finally {
    FORMAT_2019.identities = own;
  }
}

describe('the report’s format decides the identities', () => {
  test('a composed 2019 table 二 makes the report 2019; its arithmetic findings are those of FORMAT_2019', () => {
    const { r2021, r2019 } = reports();
    assert.equal(analyzeText(r2021).format, FORMAT_2021);
    assert.equal(analyzeText(r2019).format, FORMAT_2019);
    assert.deepEqual(arithmetic(r2019), ['litigation-total:t4.afterReview.total']);
    assert.deepEqual(arithmetic(r2021), ['litigation-total:t4.afterReview.total']);
  });

  test('2019 declarations without litigation-total: the 2019 report loses it everywhere (findings, verdict, --fix), the 2021 report keeps it', () => {
    const { r2021, r2019 } = reports();
    const without = FORMAT_2021.identities.filter((s) => s.rule !== 'litigation-total');
    with2019Identities(without, () => {
      const a = analyzeText(r2019);
      assert.deepEqual(arithmetic(r2019), []);
      const t4 = a.tables.find((t) => t.kind === 't4')!;
      assert.equal(verdict(t4, a.format).possible, 1);
      assert.deepEqual(recompute(a).changes, []);
      assert.deepEqual(arithmetic(r2021), ['litigation-total:t4.afterReview.total']);
    });
    assert.deepEqual(arithmetic(r2019), ['litigation-total:t4.afterReview.total'], 'its own declarations back');
  });

  test('an edit that turns table 二 into the 2019 format re-evaluates tables 三 and 四 under its identities (incremental equals fresh)', () => {
    const { r2021, r2019 } = reports();
    const without = FORMAT_2021.identities.filter((s) => s.rule !== 'litigation-total');
    with2019Identities(without, () => {
      const model = new ReportModel(r2021);
      assert.deepEqual(model.analysis().diagnostics.filter((d) => ARITHMETIC_RULES.has(d.rule)).length, 1);
      const line = r2021.split('\n').findIndex((l) => l.includes(HEADER_2021));
      const at = r2021.split('\n')[line].indexOf(HEADER_2021);
      model.apply({ range: { start: { line, character: at }, end: { line, character: at + HEADER_2021.length } }, text: HEADER_2019 });
      const a = model.analysis();
      assert.equal(a.format, FORMAT_2019);
      assert.deepEqual(a.diagnostics, analyzeText(r2019).diagnostics);
      assert.ok(!a.diagnostics.some((d) => ARITHMETIC_RULES.has(d.rule)));
    });
  });
});

describe('the published reports and seeds', { skip: SKIP_SHARED }, () => {
  test('r11 (2019) is read in the 2019 format, every other report in 2021', () => {
    for (const dir of ['seeds', 'real'] as const) {
      for (const { name, text } of sharedFiles(dir)) {
        const expected = name.startsWith('r11_') ? FORMAT_2019 : FORMAT_2021;
        assert.equal(analyzeText(text, { name }).format.id, expected.id, name);
      }
    }
  });

  test('r11 is checked against FORMAT_2019’s identities: 40 declared (（六） one row), its verdicts follow them', () => {
    const r11 = sharedFiles('real').find((f) => f.name.startsWith('r11_'))!;
    const a = analyzeText(r11.text);
    const possible = a.tables.filter((t) => t.kind !== 't2').reduce((n, t) => n + verdict(t, a.format).possible, 0);
    assert.equal(possible, 40);
    const without = FORMAT_2021.identities.filter((s) => s.table !== 't4');
    with2019Identities(without, () => {
      const b = analyzeText(r11.text);
      assert.equal(b.tables.filter((t) => t.kind !== 't2').reduce((n, t) => n + verdict(t, b.format).possible, 0), 37);
    });
  });
});
