// period-year extended to the days (issue 18, item 1): a statistical period other than 1 January –
// 31 December of the report's year, on the period sentences of the real reports in ../shared.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../server/src/core/index.ts';
import { SKIP_SHARED, sharedFiles } from './helpers/shared.ts';

const period = (text: string) => analyzeText(text).diagnostics.filter((d) => d.rule === 'period-year');
const marked = (text: string) => period(text).map((d) => text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character));
const real = (name: string) => sharedFiles('real').find((f) => f.name.startsWith(name))!.text;
const seed = (name: string) => sharedFiles('seeds').find((f) => f.name.startsWith(name))!.text;

describe('period-year: the days', { skip: SKIP_SHARED }, () => {
  test('every seed and published report states a full year (or no days): nothing raised', () => {
    for (const f of [...sharedFiles('seeds'), ...sharedFiles('real')]) assert.deepEqual(period(f.text), [], f.name);
  });
  test('r07 ending on 30 November: an error at the end day, the message naming the full year', () => {
    const text = real('r07').replace('统计时限为2023年1月1日至2023年12月31日', '统计时限为2023年1月1日至2023年11月30日');
    assert.deepEqual(marked(text), ['2023年11月30日']);
    const d = period(text)[0];
    assert.equal(d.severity, 'error');
    assert.equal(d.message.zh, '统计期限至“2023年11月30日”止，应为2023年1月1日至12月31日');
  });
  test('r08 starting on 1 February, r11 (the end day without its year) ending 30 June', () => {
    assert.deepEqual(marked(real('r08').replace('统计期限从2025年1月1日', '统计期限从2025年2月1日')), ['2025年2月1日']);
    // Seed 000's year is not read (no title line), so its period is not judged, as for the year.
    assert.deepEqual(marked(seed('000').replace('统计期限为2024年1月1日', '统计期限为2024年3月1日')), []);
    assert.deepEqual(marked(real('r11').replace('2019年1月1日到12月31日', '2019年1月1日到6月30日')), ['6月30日']);
  });
  test('spaced digits (r01) are read; a wrong year is reported once, as the year', () => {
    assert.deepEqual(marked(real('r01').replace('至 2023 年 12 月 31 日', '至 2023 年 12 月 30 日')), ['2023 年 12 月 30 日']);
    assert.deepEqual(marked(real('r07').replace('统计时限为2023年1月1日', '统计时限为2022年1月1日')), ['2022']);
  });
});
