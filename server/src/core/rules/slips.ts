// Slips of the pen in the prose (issue 18, item 5): a word typed twice in a row (word-repeated),
// a half-width , ; : between Chinese characters (punctuation-halfwidth), 《》“”（） that do not
// pair up within one paragraph (brackets-unpaired) and a paragraph left without its 。 before a
// heading or the signature (sentence-unfinished). Each reads only the prose lines (outside the
// tables, read as prose: the same reading as the prose rules, proseReading), a line (a paragraph) at a time. The
// fixes change only the characters of the slip and rewrite prose, so they are quick fixes only
// (`changes: 'prose'`), never part of --fix or source.fixAll.

import type { Finding } from '../diagnostics.js';
import { OUTLINE_LEAD, SUB_NUMERALS, TOP_NUMERAL } from '../format/outline.js';
import { BRACKETS, CITATION_AFTER_NUMERAL, FULLWIDTH, HAN, LEAD_IN, LEGIT_REDUPLICATIONS, SENTENCE_MARKS, TITLE_BREAK } from '../format/slips.js';
import { OFFICE_END } from '../format/years.js';
import { msg } from '../messages.js';
import type { Range } from '../model.js';
import { datedLine } from './deadline.js';
import { memoized } from './memo.js';
import { proseReading } from './prose.js';
import type { ProseContext } from './rule.js';

const at = (line: number, start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });

/**
 * The prose lines of the report, by index. Above the first heading only sentences (the preamble):
 * the title, an office's name or a date line there is not prose, whatever characters the name has
 * (the title is read even when its year is not, so titleRange alone would not do).
 */
function proseLineIndexes(ctx: ProseContext): readonly number[] {
  // Read once for the four rules, and kept with the prose's inputs (memo.ts).
  return memoized(ctx, 'prose:slip-lines', 'prose', () => {
    const { isProse } = proseReading(ctx);
    let first = ctx.headings.length ? Infinity : 0;
    for (const h of ctx.headings) first = Math.min(first, h.line);
    const out: number[] = [];
    for (let i = 0; i < ctx.lines.length; i++) if (isProse(i) && (i >= first || SENTENCE.test(ctx.lines[i]))) out.push(i);
    return out;
  });
}
const SENTENCE = /[。！？；]/;

const LEGIT = new Set(LEGIT_REDUPLICATIONS);
// Two to six Chinese characters, then the same again. The shortest repeat is taken first at
// each place (lazy), so 资金资金 is read as 资金 twice.
const DOUBLED = new RegExp(`([${HAN}]{2,6}?)\\1`, 'g');
const ONE_CHAR = /^(.)\1*$/u;

/** word-repeated: 资金资金, on the second copy; the fix deletes it. */
export function wordRepeatedRule(ctx: ProseContext): Finding[] {
  const out: Finding[] = [];
  for (const i of proseLineIndexes(ctx)) {
    const text = ctx.lines[i];
    DOUBLED.lastIndex = 0;
    for (let m = DOUBLED.exec(text); m; m = DOUBLED.exec(text)) {
      const word = m[1];
      // 常常常常-like runs of one character are reduplications, not a word typed twice.
      if (LEGIT.has(m[0]) || ONE_CHAR.test(word)) continue;
      const second = at(i, m.index + word.length, m.index + m[0].length);
      out.push({ rule: 'word-repeated', message: msg.wordRepeated(word), range: second, fix: { title: msg.wordRepeatedFix(word), edits: [{ range: second, newText: '' }], changes: 'prose' } });
    }
  }
  return out;
}

const HALF = new RegExp(`(?<=[${HAN}])[,;:](?=[${HAN}])`, 'g');
const HALF_ANY = new RegExp(`[${Object.keys(FULLWIDTH).join('')}]`);
const FULL_MARKS = new Set(Object.values(FULLWIDTH).map((c) => c.charCodeAt(0)));

/** How many characters of `text` are among `codes` (one UTF-16 unit each). */
function countOf(text: string, codes: ReadonlySet<number>): number {
  let n = 0;
  for (let k = 0; k < text.length; k++) if (codes.has(text.charCodeAt(k))) n++;
  return n;
}

/**
 * punctuation-halfwidth: each half-width , ; : between Chinese characters, where the report's
 * prose otherwise writes these marks full-width. A text whose prose uses the half-width marks at
 * least as often (a draft converted by a tool that folds every full-width mark, as four of the
 * seeds are) has a convention, not slips: nothing is raised there.
 */
export function punctuationHalfwidthRule(ctx: ProseContext): Finding[] {
  const found: Finding[] = [];
  let full = 0;
  for (const i of proseLineIndexes(ctx)) {
    const text = ctx.lines[i];
    full += countOf(text, FULL_MARKS);
    // The half-width marks looked for only on a line that has one (most have none).
    if (!HALF_ANY.test(text)) continue;
    HALF.lastIndex = 0;
    for (let m = HALF.exec(text); m; m = HALF.exec(text)) {
      const mark = m[0];
      const wide = FULLWIDTH[mark];
      const r = at(i, m.index, m.index + 1);
      found.push({ rule: 'punctuation-halfwidth', message: msg.punctuationHalfwidth(mark, wide), range: r, fix: { title: msg.punctuationHalfwidthFix(mark, wide), edits: [{ range: r, newText: wide }], changes: 'prose' } });
    }
  }
  return full > found.length ? found : [];
}

interface Mark {
  ch: string;
  line: number;
  at: number;
}

/** Where the quotation marks of a paragraph, read in turn, should alternate “ ” “ ”: the one mark that breaks it, if only one does. */
function quoteFacingWrong(marks: Mark[]): { mark: Mark; to: string } | null {
  if (marks.length % 2) return null;
  const wrong = marks.filter((m, k) => m.ch !== (k % 2 ? '”' : '“'));
  return wrong.length === 1 ? { mark: wrong[0], to: wrong[0].ch === '“' ? '”' : '“' } : null;
}

// A line that ends without closing punctuation runs on into the next prose line: a paragraph that
// a web page or PDF broke inside a quotation (r08's 让政务信息“看 / 得懂、用得上、易监督”).
const RUNS_ON = /[^。！？；：…”’》）)\s]\s*$/;

/** The prose paragraphs: runs of consecutive prose lines joined where a line runs on. */
function paragraphs(ctx: ProseContext): number[][] {
  const out: number[][] = [];
  let cur: number[] = [];
  for (const i of proseLineIndexes(ctx)) {
    const last = cur[cur.length - 1];
    if (cur.length && !(last === i - 1 && RUNS_ON.test(ctx.lines[last]))) {
      out.push(cur);
      cur = [];
    }
    cur.push(i);
  }
  if (cur.length) out.push(cur);
  return out;
}

// One search per line for every pair's marks, not a search per pair (nor a test of every character).
const BRACKET_MARKS = new RegExp(`[${BRACKETS.map((b) => b.open + b.close).join('').replace(/[\\\]^-]/g, '\\$&')}]`, 'g');
/** Each mark: its pair's place in BRACKETS, and whether it opens. */
const MARK_OF = new Map<string, { pair: number; opens: boolean }>();
BRACKETS.forEach((b, pair) => {
  for (const c of b.close) MARK_OF.set(c, { pair, opens: false });
  for (const c of b.open) MARK_OF.set(c, { pair, opens: true });
});

/** One pair's marks in a paragraph: those left open, the closing ones with none open, all in order. */
interface PairMarks {
  open: Mark[];
  unopened: Mark[];
  marks: Mark[];
}

/** Whether every pair's marks in a paragraph pair up (none left open, none closing with none open): no finding then. */
function balanced(lines: readonly string[], para: readonly number[]): boolean {
  const open = new Int32Array(BRACKETS.length);
  for (const i of para) {
    const text = lines[i];
    BRACKET_MARKS.lastIndex = 0;
    for (let m = BRACKET_MARKS.exec(text); m; m = BRACKET_MARKS.exec(text)) {
      const { pair, opens } = MARK_OF.get(m[0])!;
      if (opens) open[pair]++;
      else if (open[pair]) open[pair]--;
      else return false;
    }
  }
  return open.every((n) => n === 0);
}

/** brackets-unpaired: 《》, “” and （） paired within each prose paragraph. */
export function bracketsUnbalancedRule(ctx: ProseContext): Finding[] {
  const out: Finding[] = [];
  for (const para of paragraphs(ctx)) {
    // Most paragraphs pair every mark: counted first, their marks are not kept.
    if (balanced(ctx.lines, para)) continue;
    // Made for a pair when the paragraph has one of its marks.
    const pairs: (PairMarks | undefined)[] = [];
    for (const i of para) {
      const text = ctx.lines[i];
      BRACKET_MARKS.lastIndex = 0;
      for (let m = BRACKET_MARKS.exec(text); m; m = BRACKET_MARKS.exec(text)) {
        const c = m[0];
        const k = m.index;
        const { pair, opens } = MARK_OF.get(c)!;
        const p = (pairs[pair] ??= { open: [], unopened: [], marks: [] });
        if (opens) {
          p.open.push({ ch: c, line: i, at: k });
          p.marks.push({ ch: c, line: i, at: k });
        } else {
          p.marks.push({ ch: c, line: i, at: k });
          if (p.open.length) p.open.pop();
          else p.unopened.push({ ch: c, line: i, at: k });
        }
      }
    }
    BRACKETS.forEach((b, pair) => {
      const p = pairs[pair];
      if (!p || (!p.open.length && !p.unopened.length)) return;
      const { open, unopened, marks } = p;
      const o = b.open[0];
      const c = b.close[0];
      const turn = o === '“' ? quoteFacingWrong(marks) : null;
      if (turn) {
        const r = at(turn.mark.line, turn.mark.at, turn.mark.at + 1);
        const message = turn.mark.ch === o ? msg.bracketUnclosed(o, c) : msg.bracketUnopened(o, c);
        out.push({ rule: 'brackets-unpaired', message, range: r, fix: { title: msg.quoteDirectionFix(turn.mark.ch, turn.to), edits: [{ range: r, newText: turn.to }], changes: 'prose' } });
        return;
      }
      for (const m of unopened) out.push({ rule: 'brackets-unpaired', message: msg.bracketUnopened(o, c), range: at(m.line, m.at, m.at + 1) });
      for (const m of open) out.push({ rule: 'brackets-unpaired', message: msg.bracketUnclosed(o, c), range: at(m.line, m.at, m.at + 1) });
    });
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** How a numbered line reads: a title alone on its line, a title run into its text, or neither. */
function numberedLine(text: string): 'title' | 'run-in' | null {
  const rest = text.slice(OUTLINE_LEAD.exec(text)![0].length);
  let m = TOP_NUMERAL.exec(rest);
  for (let k = 0; !m && k < SUB_NUMERALS.length; k++) m = SUB_NUMERALS[k].re.exec(rest);
  if (!m) return null;
  // A Markdown title's closing ** left out (a loop: /[\s*]+$/ backtracks on a long run of spaces).
  let end = rest.length;
  while (end > m[0].length && (rest[end - 1] === '*' || /\s/.test(rest[end - 1]))) end--;
  const words = rest.slice(m[0].length, end).trimStart();
  // …第三十六条第 / （三）项规定: a citation broken over two lines, not a numbered line.
  if (!words || CITATION_AFTER_NUMERAL.test(words)) return null;
  const brk = TITLE_BREAK.exec(words);
  if (!brk) return 'title';
  // （二）依申请公开：我办… — a short title, then its text.
  return brk.index <= RUN_IN_TITLE && !SENTENCE_MARKS.test(words.slice(0, brk.index)) ? 'run-in' : null;
}
const RUN_IN_TITLE = 20;

// A paragraph's last character that leaves its sentence open: a Chinese character or a digit (not
// a mark: 。！？；：…, nor a closing quotation mark or bracket, whatever stands before it).
const OPEN_END = new RegExp(`[${HAN}0-9０-９]$`);
const BULLET = /^[\s\u3000]*[-*+•·]\s/;

/** Whether the last clause is a label and its value (电话：0517-83605210): a colon after the last ， or 。. */
function labelled(text: string): boolean {
  for (let k = text.length - 1; k >= 0; k--) {
    if (SENTENCE_MARKS.test(text[k])) return false;
    if (text[k] === '：' || text[k] === ':') return true;
  }
  return false;
}
const SIGNATURE_MAX = 30;

/**
 * sentence-unfinished: the last paragraph before a heading (a section's, or a numbered title on its
 * own line: （一）主动公开情况, 1.加强平台建设) or before the closing signature and date, when it
 * reads as a sentence (it has a ， or 。) and ends in a Chinese character or a digit. Titles, table
 * lines, list items, names and dates are never read. The fix adds the 。 (： after 具体如下) and nothing else.
 */
export function sentenceUnfinishedRule(ctx: ProseContext): Finding[] {
  const { lines } = ctx;
  const prose = new Uint8Array(lines.length);
  for (const i of proseLineIndexes(ctx)) prose[i] = 1;
  const heading = new Uint8Array(lines.length);
  for (const h of ctx.headings) if (h.line < lines.length) heading[h.line] = 1;
  const kind = (i: number) => (heading[i] ? 'heading' : prose[i] ? numberedLine(lines[i]) : null);
  const above = (i: number) => {
    let j = i - 1;
    while (j >= 0 && !lines[j].trim()) j--;
    return j;
  };
  const ends = new Set<number>();
  for (let i = 0; i < lines.length; i++) if (kind(i)) ends.add(above(i));
  // The end of a signed report, above its signature block: the date line and the office above it.
  // A text without one is read only before its headings: its end may be a draft's paragraph being typed.
  const dated = datedLine(ctx);
  if (dated && dated.line === above(lines.length)) {
    let last = above(dated.line);
    const office = last >= 0 ? lines[last].replace(/[\s\u3000]+/g, '') : '';
    if (office.length <= SIGNATURE_MAX && !SENTENCE_MARKS.test(office) && OFFICE_END.test(office)) last = above(last);
    if (ctx.headings.every((h) => h.line < last)) ends.add(last);
  }
  const out: Finding[] = [];
  for (const j of [...ends].sort((a, b) => a - b)) {
    if (j < 0 || !prose[j] || heading[j]) continue;
    const text = lines[j].trimEnd();
    // …，电话：0517-83605210: a label and its value, not a sentence's end.
    if (!OPEN_END.test(text) || labelled(text) || BULLET.test(text) || /[\t|｜]/.test(text) || numberedLine(text) === 'title') continue;
    if (!SENTENCE_MARKS.test(paragraphEnding(ctx, prose, heading, j))) continue;
    const end = text.length;
    const r = at(j, end - 1, end);
    // …，具体如下 leads into the title after it: its mark is ：.
    const mark = LEAD_IN.test(text) ? '：' : '。';
    out.push({ rule: 'sentence-unfinished', message: msg.sentenceUnfinished(text.slice(-SHOWN)), range: r, fix: { title: msg.sentenceUnfinishedFix(mark), edits: [{ range: at(j, end, end), newText: mark }], changes: 'prose' } });
  }
  return out;
}
const SHOWN = 8;

/** The paragraph that line `j` ends: it and the prose lines above that run on into the next. */
function paragraphEnding(ctx: ProseContext, prose: Uint8Array, heading: Uint8Array, j: number): string {
  let text = ctx.lines[j];
  for (let k = j - 1; k >= 0 && j - k <= PARAGRAPH_LINES && prose[k] && !heading[k] && RUNS_ON.test(ctx.lines[k]) && numberedLine(ctx.lines[k]) !== 'title'; k--) text = ctx.lines[k] + text;
  return text;
}
const PARAGRAPH_LINES = 20;
