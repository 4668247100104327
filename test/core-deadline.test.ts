// report-deadline (issue 18, item 1): the date a report is dated after 31 January of the year after
// its year, on composed reports and on the seeds and published reports of ../shared (three are
// dated, all in time: nothing raised; one day later, r07 and r08 are; seed 003 has no year read).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RULE_BY_ID, analyzeText } from '../server/src/core/index.ts';
import { readNumber } from '../server/src/core/rules/deadline.ts';
import { buildReport, exampleData } from './helpers/report.ts';
import { SKIP_SHARED, sharedFiles } from './helpers/shared.ts';

const base = () => buildReport(exampleData(), 'pipe'); // 青禾县数据资源局 2025
const late = (text: string, name?: string) => analyzeText(text, name ? { name } : {}).diagnostics.filter((d) => d.rule === 'report-deadline');
const signed = (...tail: string[]) => `${base().replace(/\s+$/, '')}\n${tail.join('\n')}\n`;

describe('report-deadline', () => {
  test('dated 2026年2月3日 for 2025: a warning on the date, naming the deadline', () => {
    const text = signed('青禾县数据资源局', '2026年2月3日');
    const [d, ...rest] = late(text);
    assert.deepEqual(rest, []);
    const line = text.split('\n').indexOf('2026年2月3日');
    assert.deepEqual([d.severity, d.range], ['warning', { start: { line, character: 0 }, end: { line, character: '2026年2月3日'.length } }]);
    assert.match(d.message.zh, /晚于 2026年1月31日/);
    assert.equal(RULE_BY_ID.get('report-deadline')!.severity, 'warning');
  });
  test('on 31 January, or before, nothing', () => {
    for (const date of ['2026年1月31日', '2026 年 1 月 20 日', '2025年12月30日']) assert.deepEqual(late(signed('青禾县数据资源局', date)), [], date);
  });
  test('Chinese and full-width numerals, and the office on the date’s line', () => {
    assert.equal(late(signed('青禾县数据资源局', '二〇二六年三月十日')).length, 1);
    assert.equal(late(signed('青禾县数据资源局　２０２６年２月１日')).length, 1);
    assert.deepEqual(late(signed('二〇二六年一月二十日')), []);
    assert.deepEqual([readNumber('二十三'), readNumber('十'), readNumber('二〇二六'), readNumber('１７')], [23, 10, 2026, 17]);
  });
  test('a date inside a sentence is not the report’s date', () => {
    assert.deepEqual(late(signed('本机关于2026年3月10日召开专题会议部署相关工作。')), []);
  });
  test('no report year, or no dated line: nothing', () => {
    assert.deepEqual(late(base()), []);
    const untitled = signed('2026年5月1日').split('\n').slice(1).join('\n').replace(/2025年/g, '本年');
    assert.deepEqual(late(untitled), []);
  });
});

describe('report-deadline on the seeds and published reports', { skip: SKIP_SHARED }, () => {
  const all = [...sharedFiles('seeds'), ...sharedFiles('real')];
  test('nothing raised: the dated reports (seed 003, r07, r08) are dated in time', () => {
    assert.deepEqual(all.flatMap(({ name, text }) => late(text, name).map(() => name)), []);
  });
  test('one day after the deadline, r07 and r08 are late at their date line; seed 003 has no year to judge by', () => {
    // Seed 003 has neither title nor period statement (its year is not read), so its date is not judged.
    const s003 = all.find((x) => x.name.startsWith('003_'))!;
    assert.deepEqual(late(s003.text.replace('2025年1月23日', '2025年2月1日'), s003.name), []);
    const moved: [string, string, string][] = [['r07_', '2024年1月17日', '2024年2月1日'], ['r08_', '2026年1月23日', '2026年2月1日']];
    for (const [prefix, from, to] of moved) {
      const f = all.find((x) => x.name.startsWith(prefix))!;
      assert.ok(f.text.includes(from), prefix);
      // The date line at the end (r08 also prints its date under the title).
      const at = f.text.lastIndexOf(from);
      const text = f.text.slice(0, at) + to + f.text.slice(at + from.length);
      const ds = late(text, f.name);
      assert.deepEqual(ds.map((d) => d.range.start.line), [text.split(/\r\n|\r|\n/).lastIndexOf(to)], prefix);
    }
  });
});
