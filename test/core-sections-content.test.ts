// Section content: section-empty (五 and 六 with a heading and no text) and section-fee (六 that
// says nothing about the information-processing fee), on composed reports and on every seed and
// published report of ../shared (where neither rule has anything true to say).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../server/src/core/index.ts';
import { reportIdentity, sectionContent, type SectionHeading } from '../server/src/core/years/index.ts';
import { withSeverity } from '../server/src/core/rules/registry.ts';
import { buildReport, exampleData } from './helpers/report.ts';
import { SKIP_SHARED, sharedFiles } from './helpers/shared.ts';

const split = (text: string) => text.split(/\r\n|\r|\n/);
const headingsOf = (text: string): SectionHeading[] =>
  analyzeText(text).headings.map((h) => ({ line: h.line, sectionId: h.spec.id, start: h.start, end: h.end }));
// With the severity the rule runner gives them (the registry's).
const check = (text: string, year?: number | null) => {
  return sectionContent(split(text), headingsOf(text), year).map(withSeverity);
};
const base = () => buildReport(exampleData(), 'pipe');
/** Replaces the text line below a heading. */
const under = (text: string, heading: string, body: string[]) => {
  const L = split(text);
  const i = L.indexOf(heading);
  L.splice(i + 1, 1, ...body);
  return L.join('\n');
};
const H5 = '五、存在的主要问题及改进情况';
const H6 = '六、其他需要报告的事项';

describe('section-empty', () => {
  test('the composed report: both sections have text, the fee is reported', () => assert.deepEqual(check(base()), []));
  test('五 followed directly by 六: a warning at 五’s heading', () => {
    const text = under(base(), H5, []);
    const f = check(text);
    const line = split(text).indexOf(H5);
    assert.deepEqual(f.map((x) => [x.rule, x.severity, x.range]), [
      ['section-empty', 'warning', { start: { line, character: 0 }, end: { line, character: H5.length } }],
    ]);
    assert.equal(f[0].message.zh, '“五、存在的主要问题及改进情况”只有标题，没有内容（没有需要报告的情况时，可写明“无”）');
    assert.match(f[0].message.en, /^Section 五 .* has a heading and no text/);
  });
  test('六 at the end with blank lines, a page mark and a signature only: empty (and no section-fee)', () => {
    const text = under(base(), H6, ['', '— 7 —', '', '青禾县数据资源局', '2026年1月20日', '']);
    assert.deepEqual(check(text).map((x) => [x.rule, x.range.start.line]), [['section-empty', split(text).indexOf(H6)]]);
  });
  test('a short line above the closing date that is no office’s name is text', () => {
    assert.deepEqual(check(under(base(), H6, ['本年度未收取信息处理费', '2026年1月20日'])), []);
    assert.deepEqual(check(under(base(), H6, ['青禾县人民政府', '（2026年1月20日）'])).map((x) => x.rule), ['section-empty']);
  });
  test('“无。” is text, indented text is text, and so is text after a colon on the heading’s line', () => {
    assert.deepEqual(check(under(base(), H6, ['无。'])).map((x) => x.rule), ['section-fee']);
    assert.deepEqual(check(under(base(), H5, ['    本年度未发现需要整改的问题。'])), []);
    const inline = under(base(), H6, []).replace(H6, `${H6}：本年度未收取信息处理费`);
    assert.ok(headingsOf(inline).some((h) => h.sectionId === 6), 'still read as the heading');
    assert.deepEqual(check(inline), []);
    assert.deepEqual(check(inline.replace('本年度未收取信息处理费', '无')).map((x) => x.rule), ['section-fee']);
  });
  test('a heading written with spaces and markup is anchored on its text', () => {
    const text = base().replace(H5, `## ${H5}  `).replace(/(五、存在的主要问题及改进情况  \n)[^\n]*\n/, '$1');
    const f = check(text);
    const line = split(text).findIndex((l) => l.includes(H5));
    assert.deepEqual(f.map((x) => [x.rule, x.range]), [['section-empty', { start: { line, character: 3 }, end: { line, character: 3 + H5.length } }]]);
  });
  test('a missing heading is section-missing’s, not this rule’s', () => {
    const L = split(base());
    const i = L.indexOf(H5);
    L.splice(i, 2);
    assert.deepEqual(check(L.join('\n')), []);
  });
});

describe('section-fee', () => {
  test('六 without a word on the fee: information at its heading', () => {
    const text = under(base(), H6, ['本机关无其他需要报告的事项。']);
    const f = check(text);
    const line = split(text).indexOf(H6);
    assert.deepEqual(f.map((x) => [x.rule, x.severity, x.range]), [
      ['section-fee', 'information', { start: { line, character: 0 }, end: { line, character: H6.length } }],
    ]);
    assert.match(f[0].message.zh, /未说明信息处理费的收取情况/);
    assert.match(f[0].message.en, /《政府信息公开信息处理费管理办法》/);
  });
  test('the wordings that report the fee', () => {
    for (const body of [
      '2025年，本机关未收取政府信息公开信息处理费。',
      '2025 年度本机关未收取信息公开处理费。',
      '本年度未发生政府信息公开收费事项。',
      '本机关办理政府信息公开申请未收取任何费用。',
    ]) assert.deepEqual(check(under(base(), H6, [body])), [], body);
  });
  test('reports of years before the fee rules (2021) are not asked', () => {
    const text = under(base(), H6, ['无。']);
    assert.deepEqual(check(text, 2019), []);
    assert.equal(check(text, 2021).length, 1);
  });
  test('a section without Chinese text (an extraction placeholder) is not judged', () => {
    assert.deepEqual(check(under(base(), H6, ['[text not available]'])), []);
  });
});

describe('section content of the seeds and published reports', { skip: SKIP_SHARED }, () => {
  // Every one has text under 五 (where it has the heading) and 六, and every 六 reports the fee,
  // except: r06, whose 五 and 六 are an extraction placeholder (not judged); r11, a 2019 report
  // ("无。"), from before the fee rules; r09 and r10 have no 五 heading (section-missing's).
  for (const { name, text } of [...sharedFiles('real'), ...sharedFiles('seeds')]) {
    test(`${name}: nothing`, () => {
      const year = reportIdentity(split(text), name).year;
      assert.deepEqual(check(text, year), []);
    });
  }
  test('r11 would be asked for the fee were it a 2021 report', () => {
    const r11 = sharedFiles('real').find((f) => f.name.startsWith('r11'))!;
    assert.deepEqual(check(r11.text, 2021).map((x) => x.rule), ['section-fee']);
  });
});
