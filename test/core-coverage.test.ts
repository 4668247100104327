// core/coverage: rows found per table, identities evaluated of those the format declares, and why
// each other one was not — on composed reports and on every seed and published report.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText, coverage, fullyChecked } from '../server/src/core/index.ts';
import { complete, composeReport, exampleReport } from './helpers/compose.mjs';
import { SKIP_SHARED, sharedFiles } from './helpers/shared.ts';

const base = exampleReport();
const text = composeReport(base, 'pipe');
const cov = (t: string) => coverage(analyzeText(t));

describe('coverage of composed reports', () => {
  test('a complete report: every row, all 42 identities', () => {
    const c = cov(text);
    assert.deepEqual(c, { tables: { t2: { rows: 6, of: 6 }, t3: { rows: 25, of: 25 }, t4: { rows: 3, of: 3 } }, identities: { evaluated: 42, of: 42, notEvaluable: [] } });
    assert.equal(fullyChecked(c), true);
  });
  test('（六） as one row: 23 rows and 40 identities in the format', () => {
    const single = composeReport({ ...base, singleOther: true, cells: complete(base.cells, true) }, 'tab');
    const c = cov(single);
    assert.deepEqual(c.tables.t3, { rows: 23, of: 23 });
    assert.deepEqual([c.identities.evaluated, c.identities.of], [40, 40]);
  });
  test('why not: blank, not a number, full-width digits, a row missing, a table missing', () => {
    const blank = cov(text.replace('2.没有现成信息需要另行制作 | 1 |', '2.没有现成信息需要另行制作 |  |'));
    assert.deepEqual(blank.identities.notEvaluable.map((x) => x.why), ['blank', 'blank']);
    const word = cov(text.replace('2.没有现成信息需要另行制作 | 1 |', '2.没有现成信息需要另行制作 | ？ |'));
    assert.deepEqual(word.identities.notEvaluable.map((x) => [x.why, x.cell]), [['not-number', 't3.unable2.natural'], ['not-number', 't3.unable2.natural']]);
    const wide = cov(text.replace('2.没有现成信息需要另行制作 | 1 |', '2.没有现成信息需要另行制作 | １ |'));
    assert.deepEqual(wide.identities.notEvaluable.map((x) => x.why), ['not-number', 'not-number'], 'full-width digits are not read into identities until fixed');
    const row = cov(text.replace(/2\.没有现成信息需要另行制作 \|[^\n]*\n/, ''));
    assert.deepEqual(row.tables.t3, { rows: 24, of: 25 });
    // Its own row total and the seven column sums of the outcomes.
    assert.equal(row.identities.notEvaluable.length, 8);
    assert.ok(row.identities.notEvaluable.every((x) => x.why === 'row-missing' && x.row === 't3.unable2'));
    const noT4 = cov(text.replace(/行政复议 \| 行政诉讼[\s\S]*?(?=五、)/, ''));
    assert.deepEqual(noT4.tables.t4, { rows: 0, of: 3 });
    assert.deepEqual(noT4.identities.notEvaluable.map((x) => x.why), ['table-missing', 'table-missing', 'table-missing']);
    for (const c of [blank, word, wide, row, noT4]) assert.equal(fullyChecked(c), false);
  });
  test('the most telling reason is given where several apply', () => {
    // The row of 1.本机关不掌握 gone and a blank in 2.没有现成信息: the column sums are not evaluable for the missing row.
    const t = text.replace(/（四）无法提供 \| 1\.本机关不掌握相关政府信息 \|[^\n]*\n/, '').replace('2.没有现成信息需要另行制作 | 1 |', '2.没有现成信息需要另行制作 |  |');
    const c = cov(t);
    const natural = c.identities.notEvaluable.find((x) => x.id === 'request-outcome-total:t3.total.natural')!;
    assert.deepEqual(natural, { id: 'request-outcome-total:t3.total.natural', why: 'row-missing', row: 't3.unable1' });
  });
});

describe('coverage of the seeds and published reports', { skip: SKIP_SHARED }, () => {
  // r07 and r09 have blank cells (SOURCES.tsv), 003 a blank 予以公开 row and a blank fee in table 二,
  // r10 two rows of table 二 with two numbers of three (cells-missing: none put in a column), r11 is
  // in the 2019 format with blanks.
  const partial = new Set(['003', 'r07', 'r09', 'r10', 'r11']);
  for (const { name, text: t } of [...sharedFiles('seeds'), ...sharedFiles('real')]) {
    test(`${name}: every row found; ${partial.has(name.slice(0, 3)) ? 'not fully checked (blank cells)' : 'fully checked'}`, () => {
      const c = cov(t);
      for (const k of ['t2', 't3', 't4'] as const) assert.equal(c.tables[k].rows, c.tables[k].of, `${k}: ${JSON.stringify(c.tables[k])}`);
      assert.equal(fullyChecked(c), !partial.has(name.slice(0, 3)));
      assert.ok(c.identities.notEvaluable.every((x) => x.why === 'blank'), JSON.stringify(c.identities.notEvaluable.filter((x) => x.why !== 'blank')));
      if (name.startsWith('r11')) assert.deepEqual([c.tables.t2.of, c.tables.t3.of, c.identities.of], [8, 23, 40]);
      // Table 二 has no identities: what of it was not read is listed with it.
      const unread = { '003': [{ why: 'blank', cell: 't2.fee.amount' }], r10: [{ why: 'row-unread', row: 't2.rules' }, { why: 'row-unread', row: 't2.normative' }] }[name.slice(0, 3)];
      assert.deepEqual(c.tables.t2.unread, unread);
    });
  }
});
