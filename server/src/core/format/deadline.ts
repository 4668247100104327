// The publication deadline of the annual report: 《中华人民共和国政府信息公开条例》第五十条 and the
// format's notices (国办公开办函〔2019〕60号, 〔2021〕30号) — each office publishes its report for
// the year before by 31 January. report-deadline (rules/deadline.ts) reads the date the report is
// dated (落款日期) against it.

/** The deadline: month and day of the year after the report's year. */
export const DEADLINE = { month: 1, day: 31 } as const;

/**
 * A dated line: the date alone, or after the signing office on the same line (a PDF's or web page's
 * signature block), in Arabic (half- or full-width) or Chinese numerals. Groups: year, month, day.
 */
export const DATED_LINE = /^[\s(（]*(?:[^\s，。；：,;:、“”《》]{2,30}[\s\u3000]+)?([12０-９〇零一二三四五六七八九\d]{4})\s*年\s*([０-９\d]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([０-９\d]{1,2}|[一二三四五六七八九十]{1,3})\s*日[\s)）]*$/;

/** Chinese numerals' digits (二〇二六), ten (二十三), and the date's day mark (…日). */
export const CHINESE_DIGITS: Readonly<Record<string, number>> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
export const CHINESE_TEN = '十';
export const DAY_MARK = '日';
