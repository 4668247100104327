// report-deadline (issue 18, item 1): the date the report is dated (落款日期, a date line after
// the last section heading, alone or after the signing office) later than 31 January of the year
// after the report's year. Only a line that is a date is read: a date in a sentence (截至2025年
// 12月31日, 于2026年3月召开…) is what the report says about its year, not when it was dated.

import { CHINESE_DIGITS as DIGIT, CHINESE_TEN, DATED_LINE, DAY_MARK, DEADLINE } from '../format/deadline.js';
import type { Finding } from '../diagnostics.js';
import { msg } from '../messages.js';
import type { ProseContext } from './rule.js';


/** A number written in Arabic (half- or full-width) or Chinese numerals: 2026, ２０２６, 二〇二六, 二十三. */
export function readNumber(s: string): number | null {
  const half = s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(half)) return Number(half);
  if (s.includes(CHINESE_TEN)) {
    const [tens, ones] = s.split(CHINESE_TEN);
    const t = tens === '' ? 1 : DIGIT[tens];
    const o = ones === '' ? 0 : DIGIT[ones];
    return t === undefined || o === undefined || tens.length > 1 || ones.length > 1 ? null : t * 10 + o;
  }
  let n = 0;
  for (const c of s) {
    const d = DIGIT[c];
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return n;
}

/** The report's dated line: the last line after the last heading that is a date, with its date. */
export function datedLine(ctx: ProseContext): { line: number; start: number; end: number; year: number; month: number; day: number } | null {
  const from = ctx.headings.length ? ctx.headings[ctx.headings.length - 1].line + 1 : ctx.lines.length;
  for (let i = ctx.lines.length - 1; i >= from; i--) {
    const text = ctx.lines[i];
    if (text.length > 60) continue;
    const m = DATED_LINE.exec(text);
    if (!m) continue;
    const [year, month, day] = [readNumber(m[1]), readNumber(m[2]), readNumber(m[3])];
    if (year === null || month === null || day === null || month < 1 || month > 12 || day < 1 || day > 31) return null;
    const start = text.indexOf(m[1]);
    const end = text.lastIndexOf(DAY_MARK) + 1;
    return { line: i, start, end, year, month, day };
  }
  return null;
}

/** report-deadline: the dated line later than 31 January of the year after the report's. */
export function reportDeadlineRule(ctx: ProseContext): Finding[] {
  const year = ctx.identity.year ?? ctx.reportYear;
  const d = year === null ? null : datedLine(ctx);
  if (!d || year === null) return [];
  const late = d.year > year + 1 || (d.year === year + 1 && (d.month > DEADLINE.month || (d.month === DEADLINE.month && d.day > DEADLINE.day)));
  if (!late) return [];
  return [{ rule: 'report-deadline', message: msg.reportDeadline(year, [d.year, d.month, d.day], [year + 1, DEADLINE.month, DEADLINE.day]), range: { start: { line: d.line, character: d.start }, end: { line: d.line, character: d.end } } }];
}
