// What both formats share and the readers need about Chinese documents in general: numerals,
// the ordinal and heading patterns, the title and statistical-period phrasing, placeholders
// written where a number should be, and units. Only data and the regular expressions built from it.

/** Chinese numerals as section headings and table ordinals use them. */
export const NUMERALS = '一二三四五六七八九十';
const N = `[${NUMERALS}]`;

/** A line that may be a heading starts with a numeral after markup (`#`, `*`), white space and invisible characters (zero-width space, BOM, soft hyphen). */
export const HEADING_START = new RegExp(`^[\\s\\u00ad\\u200b-\\u200d\\u2060#*]*${N}`);
/** A normalised heading: numeral, its punctuation, the title. */
export const HEADING_RE = new RegExp(`^(${N}{1,2})([、.,]?)(.+)$`);
/** The punctuation after a section numeral as the format prints it. */
export const HEADING_PUNCTUATION = '、';
/** A leading section numeral with its punctuation, in a normalised heading. */
export const HEADING_NUMERAL_RE = new RegExp(`^${N}{1,2}[、.,]?`);

/** Ordinals in normalised labels: `一、`, `(一)`, `1.`. */
export const ORDINAL_RE = new RegExp(`^(?:(${N}{1,3})[、.,]|\\((${N}{1,3})\\)|(\\d{1,2})\\.)`);

/** A line that reads like the report's title: a year, then 年度报告/工作报告/年报. */
export const TITLE_RE = /((?:19|20)\d{2})\s*年(?:度)?[^。]{0,40}?(?:年度报告|工作报告|年报)/;
/** A character every title line holds (a cheap test before TITLE_RE). */
export const TITLE_HINT = '报';
/** The sentence that states the statistical period. */
export const PERIOD_RE = /统计(?:期限|期间|时限|周期|时间|区间|范围|时段)/;
export const YEAR_RE = /((?:19|20)\d{2})\s*年/g;
/** Where the period sentence ends. */
export const SENTENCE_STOP_RE = /[。；;]/;
/** A day in the period sentence: 2023年1月1日, 12月31日 (the year may be left out after the first). */
export const PERIOD_DAY_RE = /(?:((?:19|20)\d{2})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;

/**
 * A line that is only a page number as a PDF prints it in the footer (`— 5 —`, `- 12 -`,
 * `第 5 页`, `第5页 共12页`), pasted with the text between the rows of a table: no cell of it.
 * A bare number is not one (it may be a cell on a line of its own).
 */
export const PAGE_MARK_LINE = /^[ \t\u3000]*(?:[-‐‒–—―－]{1,3} ?\d{1,4} ?[-‐‒–—―－]{1,3}|第 ?\d{1,4} ?页(?: ?[,，/／]? ?共 ?\d{1,4} ?页)?)[ \t\u3000]*$/;

/**
 * The report's title as a PDF or Word prints it again at the top of each page (the running
 * title), in its normalised form (white space dropped, half-width punctuation): an office, a
 * year, 政府信息公开(工作)年度报告 and nothing after (`某某县人民政府2024年政府信息公开工作年度报告`,
 * `2024年上海市科委政府信息公开工作年度报告`). Pasted between the rows of a table it is page
 * furniture: no cell of it. `RUNNING_TITLE_HINT` is in every such line (a cheap test first).
 */
export const RUNNING_TITLE_RE = /^[^\d,.;:。|｜]{0,50}?(?:19|20)\d{2}年度?[^\d,.;:、。|｜]{0,30}?政府信息公开(?:工作)?年度报告$/;
export const RUNNING_TITLE_HINT = '年度报告';

/**
 * Texts offices write in a cell for "none": dashes of every width (-, –, —, ——, －, ―, ─), a
 * slash (/, ／) or 无. Read as 0 (and reported, one diagnostic per table, with a fix writing 0).
 */
const ZERO = '[-‐‑‒–—―─━－]{1,4}|[/／]|无';
export const ZERO_PLACEHOLDER_RE = new RegExp(`^(?:${ZERO})$`);
/** Other texts that stand where a number should but say nothing about it (not read as a number). */
export const PLACEHOLDERS = ['*', '×', 'N/A', 'n/a', '空', '?', '？'];
/** Units a cell may carry after its number where the format allows one (2019: 采购总金额 251000元). */
export const UNIT_RE = /(万元|元|件|条|个)$/;
/** Units written after a count (12件): read as the number, reported, fixed by dropping them. */
export const COUNT_UNIT_RE = /(件|条|个|项)$/;
/** The unit of an amount (the fee, in 万元 as its column says): read as the number, reported, dropped by the fix. */
export const AMOUNT_UNIT_RE = /万元$/;
/** A token of a row split by spaces (PDF text) that stands in a value cell: a number, maybe with its unit, or a placeholder for none. */
export const VALUE_TOKEN_RE = new RegExp(`^(?:[-−－+]?[0-9０-９][0-9０-９,，.．]*(?:万元|元|件|条|个|项)?|${ZERO})$`);
/** The last character of a value token other than a digit (a cheap test before VALUE_TOKEN_RE). */
export const VALUE_END_RE = /[元件条个项\-‐‑‒–—―─━－/／无]$/;
