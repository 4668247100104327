// outline-numbering (issue 18, item 4): in the body of each section (between its heading and the
// next, table lines left out), a sub-topic numbered like a section (二、工作机制保障 inside 总体情况),
// and sub-items numbered out of order or skipping one ((一)(二)(四)). Each numbering style is its
// own sequence within a section; a 1 (or （一）) starts a new list (问题 (一)(二), then 措施 (一)(二)).
// Two numbering systems at one level: a list begun 1、 that goes on 3. (or the reverse) → the first
// item that switches (full-width and half-width ． . are one system, as are （） and ()).

import type { Finding } from '../diagnostics.js';
import { CHINESE_NUMERALS as CHINESE, OUTLINE_LEAD, SUB_NUMERALS, TOP_NUMERAL } from '../format/outline.js';
import { msg } from '../messages.js';
import { readNumber } from './deadline.js';
import type { ProseContext } from './rule.js';

export function outlineNumberingRule(ctx: ProseContext): Finding[] {
  const out: Finding[] = [];
  const inTable = new Uint8Array(ctx.lines.length);
  for (const t of ctx.spans) inTable.fill(1, Math.max(0, t.startLine), Math.min(ctx.lines.length, t.endLine + 1));
  const headings = [...ctx.headings].sort((a, b) => a.line - b.line);
  headings.forEach((h, k) => {
    const end = k + 1 < headings.length ? headings[k + 1].line : ctx.lines.length;
    const last = new Map<string, number>();
    const first = new Map<string, string | null>(); // the item that starts each style's list; null once reported
    for (let i = h.line + 1; i < end; i++) {
      const text = ctx.lines[i];
      if (inTable[i] || /[\t|｜]/.test(text)) continue;
      const lead = OUTLINE_LEAD.exec(text)![0].length;
      const rest = text.slice(lead);
      const top = TOP_NUMERAL.exec(rest);
      if (top) {
        const n = readNumber(top[1]);
        const sub = n !== null && n < CHINESE.length ? `（${CHINESE[n]}）` : '（…）';
        out.push({ rule: 'outline-numbering', message: msg.outlineTopLevel(top[0], h.official, sub), range: { start: { line: i, character: lead }, end: { line: i, character: lead + top[0].length } } });
        continue;
      }
      for (const s of SUB_NUMERALS) {
        const m = s.re.exec(rest);
        if (!m) continue;
        const n = readNumber(m[1]);
        if (n === null) break;
        const prev = last.get(s.style) ?? 0;
        last.set(s.style, n);
        const range = { start: { line: i, character: lead }, end: { line: i, character: lead + m[0].length } };
        if (s.separators) {
          const sep = separatorOf(m[0]);
          const head = first.get(s.style);
          if (n === 1 || head === undefined) first.set(s.style, m[0]);
          else if (head && sep !== separatorOf(head)) {
            out.push({ rule: 'outline-numbering', message: msg.outlineMixed(m[0], head), range });
            first.set(s.style, null); // one finding per list
          }
        }
        if (n === prev + 1 || n === 1) break;
        const name = (x: number) => (s.chinese ? `${s.open}${CHINESE[x] ?? x}${s.close}` : `${s.open}${x}${s.close}`);
        const message = n > prev + 1 ? msg.outlineSkipped(m[0], name(prev + 1), prev ? name(prev) : null) : msg.outlineOutOfOrder(m[0], name(prev));
        out.push({ rule: 'outline-numbering', message, range });
        break;
      }
    }
  });
  return out;
}

/** 、 or . (．): the separator after an Arabic item numeral. */
const separatorOf = (numeral: string) => (numeral.endsWith('、') ? '、' : '.');
