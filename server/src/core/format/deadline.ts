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
