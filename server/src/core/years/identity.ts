// Which office's report for which year a text is: read from the title line (or lines), else the
// statistical period statement (the year), else the file name. And the comparable form of an
// office, so that the same office compares equal across years however its title spells it.

import type { Range } from '../model.js';
import { toHalfWidth } from '../text.js';
import {
  CHINESE, DATE_LINE, FILE_NAME_KEYWORDS, FIRST_HEADING, HIGHER_PLACES, LOWER_PLACE_START, NOT_A_TITLE_PART,
  OFFICE_ALIASES, OFFICE_LEADING, OFFICE_TRAILING, PERIOD_STATEMENT, TITLE_ABOUT, TITLE_END,
  TITLE_KEYWORDS, TITLE_LABEL, TITLE_TOPIC, YEAR_IN_TEXT, YEARS_IN_TEXT,
} from '../format/years.js';
import { TITLE_SCAN } from '../windows.js';

export type OfficeSource = 'title' | 'file';
export type YearSource = 'title' | 'period' | 'file';

export interface ReportIdentity {
  /** The office as the title (or file name) writes it, white space removed; null when unknown. */
  office: string | null;
  /** The office's comparable form (see `officeKey`); null when unknown. */
  officeKey: string | null;
  year: number | null;
  source: { office: OfficeSource | null; year: YearSource | null };
  /** The title's lines (first line's start to last line's end), when a title was found. */
  titleRange: Range | null;
}

/** Longest line read as (part of) a title. */
const TITLE_MAX = 60;
const PART_MAX = 40;
const MIN_YEAR = 2008; // the 条例 took effect in 2008: no annual report is older
const MAX_YEAR = 2099;

/** Half-width, no white space: the form titles are read in. */
const compact = (s: string) => toHalfWidth(s).replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '');
const validYear = (y: number) => y >= MIN_YEAR && y <= MAX_YEAR;

/**
 * The office and the year of a report. `lines` are the report's lines (as split for LSP);
 * `fileName` may be a path (only its last part is read).
 */
export function reportIdentity(lines: readonly string[], fileName?: string): ReportIdentity {
  const title = readTitle(lines);
  let office = title?.office ?? null;
  let year = title?.year ?? null;
  const source: ReportIdentity['source'] = { office: office ? 'title' : null, year: year !== null ? 'title' : null };
  if (year === null) {
    year = periodYear(lines);
    if (year !== null) source.year = 'period';
  }
  if ((office === null || year === null) && fileName) {
    const f = identityFromFileName(fileName);
    if (office === null && f.office) {
      office = f.office;
      source.office = 'file';
    }
    if (year === null && f.year !== null) {
      year = f.year;
      source.year = 'file';
    }
  }
  return { office, officeKey: office ? officeKey(office) : null, year, source, titleRange: title?.range ?? null };
}

interface Title {
  office: string | null;
  year: number | null;
  range: Range;
}

/** The title: the first short line ending in 报告 above the first heading, joined with the lines above it that continue it. */
export function readTitle(lines: readonly string[]): Title | null {
  const limit = Math.min(lines.length, TITLE_SCAN);
  for (let i = 0; i < limit; i++) {
    // A line far longer than a title (white space and markup included) is none: not compacted.
    if (lines[i].length > TITLE_MAX * 8) continue;
    const raw = stripMarkup(lines[i]);
    if (FIRST_HEADING.test(raw)) break;
    const t = compact(raw);
    if (!t || t.length > TITLE_MAX || NOT_A_TITLE_PART.test(t) || !TITLE_END.test(t)) continue;
    // Join the lines above while the title lacks its office, its year or its topic.
    let first = i;
    let text = t;
    let parsed = parseTitle(text);
    for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
      if (parsed.office && parsed.year !== null && TITLE_TOPIC.test(text)) break;
      const p = compact(stripMarkup(lines[j]));
      if (!p) continue;
      if (p.length > PART_MAX || NOT_A_TITLE_PART.test(p) || DATE_LINE.test(p)) break;
      // A line above gives the office the title lacks, or the year it lacks; nothing else joins.
      const gives = !parsed.office || (parsed.year === null && YEAR_IN_TEXT.test(p));
      if (!gives) break;
      const joined = p + text;
      const next = parseTitle(joined);
      if (!next.office && next.year === null) break;
      first = j;
      text = joined;
      parsed = next;
    }
    if (!TITLE_TOPIC.test(text)) continue;
    const range: Range = { start: { line: first, character: 0 }, end: { line: i, character: lines[i].length } };
    return { office: parsed.office, year: parsed.year, range };
  }
  return null;
}

const stripMarkup = (s: string) => trimEnd(s.replace(/^[\s#*>]+/, '').replace(TITLE_LABEL, ''), MARKUP_END);

/** Characters trimmed: trailing markup of a title line; separators around a file-name office. */
const MARKUP_END = new Set([' ', '\t', '\u00a0', '\u3000', '*']);
const SEPARATORS = new Set([' ', '\t', '_', '-', '.', '·', '\u3001']);

/** Trims characters of a set from the end (a loop: an anchored /[…]+$/ is quadratic on long runs). */
function trimEnd(s: string, set: Set<string>): string {
  let end = s.length;
  while (end > 0 && set.has(s[end - 1])) end--;
  return s.slice(0, end);
}
function trimBoth(s: string, set: Set<string>): string {
  let start = 0;
  while (start < s.length && set.has(s[start])) start++;
  return trimEnd(s.slice(start), set);
}

/** Office and year of a title text (white space removed). */
export function parseTitle(text: string): { office: string | null; year: number | null } {
  const t = compact(text);
  const y = YEAR_IN_TEXT.exec(t);
  const year = y && validYear(Number(y[1])) ? Number(y[1]) : null;
  return { office: officeIn(t), year };
}

/** The office part of a title or a file name: before the first keyword, years and 关于 removed. */
function officeIn(t: string, keywords: string[] = TITLE_KEYWORDS): string | null {
  let s = t;
  const about = s.indexOf(TITLE_ABOUT);
  if (about > 0) s = s.slice(0, about);
  else if (about === 0) s = s.slice(TITLE_ABOUT.length);
  s = s.replace(YEARS_IN_TEXT, '');
  let cut = s.length;
  for (const k of keywords) {
    const at = s.indexOf(k);
    if (at >= 0 && at < cut) cut = at;
  }
  s = s.slice(0, cut).replace(/[（(][)）]/g, '').replace(OFFICE_TRAILING, '').replace(OFFICE_LEADING, '');
  s = trimBoth(s, SEPARATORS);
  return isOffice(s) ? s : null;
}

/** An office name has two to forty characters and a Chinese character (or, from a file name, a word). */
const isOffice = (s: string) => s.length >= 2 && s.length <= 40 && /[\u4e00-\u9fff]|[A-Za-z]{2,}/.test(s);

/** The year of the statistical period statement (统计期限自2023年1月1日起…), if the report has one. */
export function periodYear(lines: readonly string[]): number | null {
  for (const line of lines) {
    const m = PERIOD_STATEMENT.exec(line);
    if (m && validYear(Number(m[1]))) return Number(m[1]);
  }
  return null;
}

/**
 * Office and year from a file name: `r01_hongze_2023.txt` → hongze, 2023;
 * `2024年洪泽区人民政府政府信息公开工作年度报告.docx` → 洪泽区人民政府, 2024. Sequence numbers
 * (r01, 001) and hash-like runs are not the office; a name with two different years has no year;
 * a name with no year has an office only in Chinese (draft.txt has none).
 */
export function identityFromFileName(fileName: string): { office: string | null; year: number | null } {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = toHalfWidth(base).replace(/(?:\.report)?\.[A-Za-z0-9]{1,5}$/, '');
  const years: { at: number; year: number }[] = [];
  for (const m of stem.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)) {
    const at = m.index!;
    if (hexRun(stem, at, at + 4) >= 8) continue;
    const y = Number(m[1]);
    if (validYear(y)) years.push({ at, year: y });
  }
  const distinct = new Set(years.map((y) => y.year));
  const year = distinct.size === 1 ? years[0].year : null;
  let office: string | null;
  if (years.length) {
    const at = years[0].at;
    office = fileOffice(stem.slice(0, at)) ?? fileOffice(stem.slice(at + 4));
  } else {
    // Without a year, a Latin name (draft, report, final) says nothing about the office.
    office = fileOffice(stem);
    if (office && !CHINESE.test(office)) office = null;
  }
  return { office, year };
}

function fileOffice(part: string): string | null {
  const tokens = part
    .replace(OFFICE_LEADING, '')
    .split(/[\s_\-.·]+/)
    .filter((w) => w && !/^\d+$/.test(w) && !/^[A-Za-z]?\d{1,4}$/.test(w) && !(/^[0-9a-f]{6,}$/i.test(w) && /\d/.test(w)));
  if (!tokens.length) return null;
  const joined = tokens.join('_');
  const o = officeIn(OFFICE_LEADING.test(joined) ? joined.replace(OFFICE_LEADING, '') : joined, FILE_NAME_KEYWORDS);
  return o ? o.toLowerCase() : null;
}

/** Length of the run of hexadecimal digits around [from, to). */
function hexRun(s: string, from: number, to: number): number {
  let a = from;
  let b = to;
  while (a > 0 && /[0-9a-fA-F]/.test(s[a - 1])) a--;
  while (b < s.length && /[0-9a-fA-F]/.test(s[b])) b++;
  return b - a;
}

/**
 * The comparable form of an office: half-width, no white space or brackets' spacing, lower case,
 * and the aliases of format.ts applied (区人民政府 → 区政府, 政府办公室 → 政府办).
 */
export function officeKey(office: string): string {
  let k = compact(office).toLowerCase();
  for (const [re, to] of OFFICE_ALIASES) k = k.replace(re, to);
  return k;
}

/**
 * Whether two offices are the same: equal keys, or one is the other with a higher-level place in
 * front (淮安市洪泽区人民政府 and 洪泽区人民政府), the shorter then starting with a county-level
 * place of its own (so 宿迁市城市管理局 and 城市管理局 are not taken for one office).
 */
export function sameOffice(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  return sameOfficeKey(officeKey(a), officeKey(b));
}

/** `sameOffice` over two offices' keys (`officeKey`), for callers comparing one office with many. */
export function sameOfficeKey(ka: string, kb: string): boolean {
  if (ka === kb) return true;
  const [short, long] = ka.length < kb.length ? [ka, kb] : [kb, ka];
  if (!long.endsWith(short)) return false;
  return HIGHER_PLACES.test(long.slice(0, long.length - short.length)) && LOWER_PLACE_START.test(short);
}
