// prose-repeated: how much of this year's prose repeats last year's report word for word. Prose
// is cut into sentences at 。！？ (a sentence never runs across lines); sentences under
// MIN_SENTENCE characters ("无。", "一是加强培训。"), the boilerplate every report carries by
// design (format.ts BOILERPLATE) and short topic headings ((一)主动公开情况) are not counted. Sentences compare after white space is removed
// and full-width ASCII made half-width; nothing else is folded (a sentence that differs only in
// its year is not repeated word for word).

import type { Range } from '../model.js';
import { toHalfWidth } from '../text.js';
import { BOILERPLATE, SENTENCE_ENDS, SUBHEADING, SUBHEADING_MAX } from '../format/years.js';
import type { Finding, RepeatedPassage } from './findings.js';
import { finding } from './findings.js';
import { yearsMsg } from './messages.js';

/** A line of prose with its line number. */
export interface ProseLine {
  line: number;
  text: string;
}

/** Lines as given (index = line number), or lines with their numbers. */
export type ProseInput = readonly (string | ProseLine)[];

export interface ProseRepeatedOptions {
  /** Share above which the rule reports (default 0.5). */
  threshold?: number;
  /** Fewest counted sentences this year for the share to mean anything (default 5). */
  minSentences?: number;
  /** Where the finding sits (e.g. the title, ReportIdentity.titleRange); default: the first repeated passage. */
  anchor?: Range;
  /** Last year's report's path, for `related`. */
  previousPath?: string;
}

export const MIN_SENTENCE = 15;
const MAX_PASSAGES = 3;

interface Sentence {
  key: string;
  range: Range;
  text: string;
}

const NOT_BLANK = /\S/;
const TABLE_DEBRIS = /[\t|｜]/;

/**
 * The prose lines of a report: from its first heading on, outside the tables, not headings, no
 * table debris (tabs, pipes). The title and the preamble above the first heading are left out:
 * they are prescribed (basis, period, contents).
 */
export function proseLines(lines: readonly string[], layout: { headings: readonly { line: number }[]; tables: readonly { startLine: number; endLine: number }[] }): ProseLine[] {
  const headingLines = new Set(layout.headings.map((h) => h.line));
  const from = layout.headings.length ? Math.min(...layout.headings.map((h) => h.line)) : 0;
  const inTable = (l: number) => layout.tables.some((t) => l >= t.startLine && l <= t.endLine);
  const out: ProseLine[] = [];
  for (let l = from; l < lines.length; l++) {
    const text = lines[l];
    // NOT_BLANK: what trim() would leave something of (\s is trim's white space), without a copy of every line.
    if (headingLines.has(l) || inTable(l) || !NOT_BLANK.test(text) || TABLE_DEBRIS.test(text)) continue;
    out.push({ line: l, text });
  }
  return out;
}

const ENDS_ALL = new RegExp(SENTENCE_ENDS.source, 'g');

/** Sentences of prose lines, with their ranges. */
export function sentences(input: ProseInput): Sentence[] {
  const out: Sentence[] = [];
  input.forEach((item, i) => {
    const { line, text } = typeof item === 'string' ? { line: i, text: item } : item;
    let start = 0;
    // Each end mark found by one search (not a test of every character), then the line's end.
    ENDS_ALL.lastIndex = 0;
    for (let more = true; more; ) {
      const m = ENDS_ALL.exec(text);
      more = !!m;
      const end = m ? m.index + 1 : text.length;
      const raw = text.slice(start, end);
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (trimmed) {
        const s = start + lead;
        out.push({ key: sentenceKey(trimmed), text: trimmed, range: { start: { line, character: s }, end: { line, character: s + trimmed.length } } });
      }
      start = end;
    }
  });
  return out;
}

/** The comparable form of a sentence: half-width, no white space, no closing punctuation. */
export function sentenceKey(s: string): string {
  const k = toHalfWidth(s).replace(/[\s\u00a0\u200b\ufeff]+/g, '');
  let end = k.length;
  while (end > 0 && SENTENCE_ENDS.test(k[end - 1])) end--;
  return k.slice(0, end);
}

const isSubheading = (key: string) => {
  const m = SUBHEADING.exec(key);
  return !!m && key.length - m[0].length <= SUBHEADING_MAX;
};

/** Whether a sentence counts: long enough, no boilerplate, no topic heading (prose-copied counts the same). */
export const counts = (s: { key: string }) => s.key.length >= MIN_SENTENCE && !isSubheading(s.key) && !BOILERPLATE.some((re) => re.test(s.key));

/** prose-repeated: one information finding when the share of repeated sentences is above the threshold (a number, or in the options). */
export function proseRepeated(current: ProseInput, previous: ProseInput, opts: ProseRepeatedOptions | number = {}): Finding[] {
  const options = typeof opts === 'number' ? { threshold: opts } : opts;
  const threshold = options.threshold ?? 0.5;
  const minSentences = options.minSentences ?? 5;
  const before = new Map<string, Sentence[]>();
  const prevList = sentences(previous);
  prevList.forEach((s) => {
    if (s.key.length < MIN_SENTENCE) return;
    const list = before.get(s.key);
    if (list) list.push(s);
    else before.set(s.key, [s]);
  });
  const counted = sentences(current).filter(counts);
  if (counted.length < minSentences) return [];
  const hits = counted.map((s) => before.get(s.key)?.[0] ?? null);
  const repeated = hits.filter(Boolean).length;
  const share = repeated / counted.length;
  if (!repeated || !(share > threshold)) return [];

  // Runs of consecutive counted sentences that are all repeated make a passage.
  const passages: RepeatedPassage[] = [];
  for (let i = 0; i < counted.length; ) {
    if (!hits[i]) { i++; continue; }
    let j = i;
    while (j + 1 < counted.length && hits[j + 1]) j++;
    const run = counted.slice(i, j + 1);
    const first = hits[i]!;
    const last = hits[j]!;
    const lastAfter = last.range.start.line > first.range.start.line || (last.range.start.line === first.range.start.line && last.range.start.character >= first.range.start.character);
    passages.push({
      text: run.map((s) => s.text).join(''),
      range: { start: run[0].range.start, end: run[run.length - 1].range.end },
      previousRange: { start: first.range.start, end: lastAfter ? last.range.end : first.range.end },
      length: run.reduce((n, s) => n + s.key.length, 0),
    });
    i = j + 1;
  }
  passages.sort((a, b) => b.length - a.length || a.range.start.line - b.range.start.line);
  const top = passages.slice(0, MAX_PASSAGES);
  const range = options.anchor ?? top[0].range;
  const related = options.previousPath === undefined ? undefined : top.map((p) => ({ path: options.previousPath!, range: p.previousRange, message: yearsMsg.proseRepeatedRelated(p.length) }));
  return [finding('prose-repeated', range, yearsMsg.proseRepeated(share, repeated, counted.length, top[0].text), {
    details: { share, repeated, counted: counted.length, passages: top },
    ...(related ? { related } : {}),
  })];
}
