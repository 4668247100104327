// A new draft from the official template: no diagnostic at all (not just no error) in either
// layout, for several offices, years and line ends; every cell key of the contract present with 0;
// the title, period and headings as the core reads them; invalid input refused.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from './helpers/fc.ts';
import { analyzeText, SECTIONS } from '../server/src/core/index.ts';
import { cleanOffice, formatTables, newDraft, type DraftLayout } from '../server/src/core/draft/index.ts';
import { cellsByKey } from './helpers/keyed.ts';

const T2_KEYS = ['t2.rules.issued', 't2.rules.repealed', 't2.rules.valid', 't2.normative.issued', 't2.normative.repealed', 't2.normative.valid', 't2.license.decisions', 't2.penalty.decisions', 't2.enforcement.decisions', 't2.fee.amount'];
const T3_ROWS = ['new', 'carried', 'granted', 'partial', ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `denied${i}`), ...[1, 2, 3].map((i) => `unable${i}`), ...[1, 2, 3, 4, 5].map((i) => `notHandled${i}`), ...[1, 2, 3].map((i) => `other${i}`), 'total', 'carryOver'];
const T3_COLS = ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'];
const T4_KEYS = ['review', 'direct', 'afterReview'].flatMap((g) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((r) => `t4.${g}.${r}`));
const ALL_KEYS = [...T2_KEYS, ...T3_ROWS.flatMap((r) => T3_COLS.map((c) => `t3.${r}.${c}`)), ...T4_KEYS];

const OFFICES = ['青禾县数据资源局', '某某市人民政府办公室', '北京市朝阳区发展和改革委员会', 'Office of Example County', ''];
const LAYOUTS: DraftLayout[] = ['pipes', 'tabs'];

function checkClean(text: string, year: number): void {
  const a = analyzeText(text);
  assert.deepEqual(a.diagnostics.map((d) => `${d.rule} ${d.message.en}`), []);
  assert.equal(a.reportYear, year);
  assert.deepEqual(a.headings.map((h) => h.spec.id), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(a.tables.map((t) => t.kind), ['t2', 't3', 't4']);
  const cells = cellsByKey(a);
  assert.equal(ALL_KEYS.length, 10 + 25 * 7 + 15);
  for (const k of ALL_KEYS) {
    const c = cells.get(k);
    assert.ok(c, `cell ${k} present`);
    assert.equal(c.text, '0', k);
    assert.equal(c.value, 0, k);
    assert.equal(c.problem, null, k);
  }
  assert.equal(cells.size, ALL_KEYS.length, 'no cell beyond the contract keys');
}

describe('new draft', () => {
  for (const layout of LAYOUTS) {
    for (const office of OFFICES) {
      for (const year of [2021, 2025, 2030]) {
        test(`${layout}, ${office || '(no office)'}, ${year}: no diagnostic, every cell 0`, () => checkClean(newDraft({ office, year, layout }), year));
      }
    }
  }

  test('any office name and year: still clean (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 20 })), fc.integer({ min: 1990, max: 2099 }), fc.constantFrom(...LAYOUTS), (office, year, layout) => {
        checkClean(newDraft({ office, year, layout }), year);
      }),
      { numRuns: 60 },
    );
  });

  test('title line and period statement', () => {
    const lines = newDraft({ office: '青禾县数据资源局', year: 2025, layout: 'pipes' }).split('\n');
    assert.equal(lines[0], '青禾县数据资源局2025年政府信息公开工作年度报告');
    assert.match(lines[1], /本报告所列数据的统计期限自2025年1月1日起至2025年12月31日止。$/);
    for (const s of SECTIONS) assert.ok(lines.includes(`${s.numeral}、${s.title}`), s.title);
  });

  test('line ends as asked, each line one of them', () => {
    for (const eol of ['\n', '\r\n', '\r'] as const) {
      for (const layout of LAYOUTS) {
        const text = newDraft({ office: '青禾县数据资源局', year: 2024, layout, eol });
        assert.ok(text.endsWith(eol));
        const others = ['\n', '\r\n', '\r'].filter((e) => e !== eol);
        if (eol === '\r\n') assert.equal(text.replace(/\r\n/g, '').search(/[\r\n]/), -1);
        else assert.equal(text.includes(others[0]) || text.includes(others[1]), false);
        checkClean(text, 2024);
      }
    }
  });

  test('the layouts: pipes come aligned (formatting changes nothing), tabs have tab-separated rows', () => {
    const pipes = newDraft({ office: '青禾县数据资源局', year: 2025, layout: 'pipes' });
    assert.deepEqual(formatTables(pipes), []);
    assert.ok(pipes.split('\n').some((l) => /^规章\u3000+ \| +0 \| +0 \| +0 \|$/.test(l)));
    const tabs = newDraft({ office: '青禾县数据资源局', year: 2025, layout: 'tabs' });
    assert.equal(tabs.includes('|'), false);
    assert.ok(tabs.split('\n').includes(['规章', '0', '0', '0'].join('\t')));
  });

  test('an office name cannot break the title line', () => {
    assert.equal(cleanOffice(' 青禾县\n数据|资源局\t'), '青禾县 数据 资源局');
    const text = newDraft({ office: '青禾县\r\n数据资源局', year: 2025, layout: 'tabs' });
    assert.equal(text.split('\n')[0], '青禾县 数据资源局2025年政府信息公开工作年度报告');
  });

  test('invalid year or layout: RangeError', () => {
    for (const year of [25, 1899, 2100, 2025.5, Number.NaN]) assert.throws(() => newDraft({ office: 'x', year, layout: 'pipes' }), RangeError);
    assert.throws(() => newDraft({ office: 'x', year: 2025, layout: 'csv' as DraftLayout }), RangeError);
  });
});
