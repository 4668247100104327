// Slips of the pen in the prose (issue 18, item 5): a word typed twice in a row (word-repeated),
// a half-width , ; : between Chinese characters (punctuation-halfwidth) and 《》“”（） that do not
// pair up within one paragraph (brackets-unpaired). Each reads only the prose lines (outside the
// tables, read as prose: the same reading as the prose rules, proseOf), a line (a paragraph) at a time. The
// fixes change only the characters of the slip and rewrite prose, so they are quick fixes only
// (`changes: 'prose'`), never part of --fix or source.fixAll.

import type { Finding } from '../diagnostics.js';
import { BRACKETS, FULLWIDTH, HAN, LEGIT_REDUPLICATIONS } from '../format/slips.js';
import { msg } from '../messages.js';
import type { Range } from '../model.js';
import { carried } from './carry.js';
import { proseOf } from './prose.js';
import type { DocumentContext } from './rule.js';

const at = (line: number, start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });

/**
 * The prose lines of the report, by index. Above the first heading only sentences (the preamble):
 * the title, an office's name or a date line there is not prose, whatever characters the name has
 * (the title is read even when its year is not, so titleRange alone would not do).
 */
function proseLineIndexes(ctx: DocumentContext): number[] {
  const { isProse } = proseOf(ctx);
  let first = ctx.headings.length ? Infinity : 0;
  for (const h of ctx.headings) first = Math.min(first, h.line);
  const out: number[] = [];
  for (let i = 0; i < ctx.lines.length; i++) if (isProse(i) && (i >= first || SENTENCE.test(ctx.lines[i]))) out.push(i);
  return out;
}
const SENTENCE = /[。！？；]/;

const LEGIT = new Set(LEGIT_REDUPLICATIONS);
// Two to six Chinese characters, then the same again. The shortest repeat is taken first at
// each place (lazy), so 资金资金 is read as 资金 twice.
const DOUBLED = new RegExp(`([${HAN}]{2,6}?)\\1`, 'g');
const ONE_CHAR = /^(.)\1*$/u;

/** word-repeated: 资金资金, on the second copy; the fix deletes it. */
export function wordRepeatedRule(ctx: DocumentContext): Finding[] {
  return carried(ctx.carry, 'word-repeated', () => {
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
  });
}

const HALF = new RegExp(`(?<=[${HAN}])[,;:](?=[${HAN}])`, 'g');
const FULL = /[，；：]/g;

/**
 * punctuation-halfwidth: each half-width , ; : between Chinese characters, where the report's
 * prose otherwise writes these marks full-width. A text whose prose uses the half-width marks at
 * least as often (a draft converted by a tool that folds every full-width mark, as four of the
 * seeds are) has a convention, not slips: nothing is raised there.
 */
export function punctuationHalfwidthRule(ctx: DocumentContext): Finding[] {
  return carried(ctx.carry, 'punctuation-halfwidth', () => {
    const found: Finding[] = [];
    let full = 0;
    for (const i of proseLineIndexes(ctx)) {
      const text = ctx.lines[i];
      full += text.match(FULL)?.length ?? 0;
      HALF.lastIndex = 0;
      for (let m = HALF.exec(text); m; m = HALF.exec(text)) {
        const mark = m[0];
        const wide = FULLWIDTH[mark];
        const r = at(i, m.index, m.index + 1);
        found.push({ rule: 'punctuation-halfwidth', message: msg.punctuationHalfwidth(mark, wide), range: r, fix: { title: msg.punctuationHalfwidthFix(mark, wide), edits: [{ range: r, newText: wide }], changes: 'prose' } });
      }
    }
    return full > found.length ? found : [];
  });
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
function paragraphs(ctx: DocumentContext): number[][] {
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

// One search per line for a pair's marks, not a test of every character against them.
const BRACKET_MARKS = new Map(BRACKETS.map((b) => [b, new RegExp(`[${(b.open + b.close).replace(/[\\\]^-]/g, '\\$&')}]`, 'g')]));

/** brackets-unpaired: 《》, “” and （） paired within each prose paragraph. */
export function bracketsUnbalancedRule(ctx: DocumentContext): Finding[] {
  return carried(ctx.carry, 'brackets-unpaired', () => {
    const out: Finding[] = [];
    for (const para of paragraphs(ctx)) {
      for (const b of BRACKETS) {
        const open: Mark[] = [];
        const unopened: Mark[] = [];
        const marks: Mark[] = [];
        for (const i of para) {
          const text = ctx.lines[i];
          const re = BRACKET_MARKS.get(b)!;
          re.lastIndex = 0;
          for (let m = re.exec(text); m; m = re.exec(text)) {
            const c = m[0];
            const k = m.index;
            if (b.open.includes(c)) {
              open.push({ ch: c, line: i, at: k });
              marks.push({ ch: c, line: i, at: k });
            } else if (b.close.includes(c)) {
              marks.push({ ch: c, line: i, at: k });
              if (open.length) open.pop();
              else unopened.push({ ch: c, line: i, at: k });
            }
          }
        }
        if (!open.length && !unopened.length) continue;
        const o = b.open[0];
        const c = b.close[0];
        const turn = o === '“' ? quoteFacingWrong(marks) : null;
        if (turn) {
          const r = at(turn.mark.line, turn.mark.at, turn.mark.at + 1);
          const message = turn.mark.ch === o ? msg.bracketUnclosed(o, c) : msg.bracketUnopened(o, c);
          out.push({ rule: 'brackets-unpaired', message, range: r, fix: { title: msg.quoteDirectionFix(turn.mark.ch, turn.to), edits: [{ range: r, newText: turn.to }], changes: 'prose' } });
          continue;
        }
        for (const m of unopened) out.push({ rule: 'brackets-unpaired', message: msg.bracketUnopened(o, c), range: at(m.line, m.at, m.at + 1) });
        for (const m of open) out.push({ rule: 'brackets-unpaired', message: msg.bracketUnclosed(o, c), range: at(m.line, m.at, m.at + 1) });
      }
    }
    return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  });
}
