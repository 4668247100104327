// prose-zero-claim (issue 18, item 2): the prose says none happened (未收到政府信息公开申请, 未发生
// 行政复议和行政诉讼, 所有申请均已办结, 无结转下年度的申请) while the table counts some (表三 一、
// 本年新收, 表四's totals, 四、结转下年度继续办理). A warning at the prose's words, related to the
// cells. A table of zeros with prose that says nothing is fine: only a claim is checked. Claims are
// read only where certain (format/zeroClaims.ts): whole phrasings, in a clause that says nothing but
// the report's own body and year before them, in a sentence of the report's own scope (prose/scope.ts).

import type { Finding, Localized, RelatedInfo } from '../diagnostics.js';
import { SELF_WORDS } from '../format/prose.js';
import * as Z from '../format/zeroClaims.js';
import type { KeyedCell } from '../keys.js';
import { msg } from '../messages.js';
import { LineScope, blankTitles, foldDigits, parenDepths, reportContext, type ReportContext } from '../prose/scope.js';
import { memoized } from './memo.js';
import { numeric } from './identities.js';
import { keyedByKey, proseReading } from './prose.js';
import { LineMemo } from '../lineMemo.js';
import type { DocumentContext } from './rule.js';

/** A sentence the prose states as a zero: where, its words, and the table rows it denies. */
export interface ZeroClaim {
  line: number;
  start: number;
  end: number;
  text: string;
  kind: Z.ZeroKind;
  /** Table rows (`t3.new`, `t4.review` …) the claim says are zero. */
  rows: string[];
}

const PHRASINGS = Z.ZERO_PHRASINGS.map((p) => ({ ...p, re: new RegExp(p.re, 'y') }));
const STARTS = new Set(Z.START_CHARACTERS);
const byLength = (ws: readonly string[]) => [...ws].sort((a, b) => b.length - a.length);
const TOKEN = `(?:${Z.PREFIX_YEAR}|${byLength([...SELF_WORDS, ...Z.PREFIX_WORDS]).join('|')})`;
/** A clause before a claim that says only who and when. */
const PREFIX_ONLY = new RegExp(`^${TOKEN}*$`);
/** A completion claim's clause naming the requests (所有申请, 上述政府信息公开申请). */
const WITH_SUBJECT = new RegExp(`^(?<lead>${TOKEN}*)${Z.COMPLETED_SUBJECT}${TOKEN}*$`);
const YEARS = new RegExp(Z.PREFIX_YEAR, 'g');
/** A line where no phrasing can start (most prose) is not read further. */
const QUICK = new RegExp(Z.QUICK_WORDS.join('|'));

const lastBreak = (s: string, re: RegExp, before: number, from = 0) => {
  for (let i = before - 1; i >= from; i--) if (re.test(s[i])) return i + 1;
  return from;
};
const nextBreak = (s: string, re: RegExp, from: number) => {
  for (let i = from; i < s.length; i++) if (re.test(s[i])) return i;
  return s.length;
};
const hasAny = (s: string, words: readonly string[]) => words.some((w) => s.includes(w));

/** The years a clause names are all the report's (and the report's year is known). */
function ownYears(prefix: string, year: number | null): boolean {
  for (const m of prefix.matchAll(YEARS)) if (year === null || Number(m[1]) !== year) return false;
  return true;
}

/**
 * Whether a completion claim is about this year's requests (its own subject, or the clause
 * before's): null when not, else where its subject starts in `prefix` (its length: none of its own).
 */
function aboutRequests(sentence: string, clauseStart: number, prefix: string, rest: string): number | null {
  if (hasAny(rest, Z.COMPLETED_EXCEPTIONS)) return null;
  const before = sentence.slice(0, clauseStart);
  const subject = WITH_SUBJECT.exec(prefix);
  if (subject) return hasAny(before + prefix, Z.COMPLETED_OTHER_SUBJECTS) ? null : subject.groups!.lead.length;
  if (!PREFIX_ONLY.test(prefix) || clauseStart === 0) return null;
  // No subject of its own: the clause before must say requests were received (共受理申请 8 件，均已办结).
  const previous = before.slice(lastBreak(before, Z.CLAUSE_BREAKS, clauseStart - 1), clauseStart - 1);
  const ok = previous.includes(Z.REQUEST_WORD) && hasAny(previous, Z.RECEIVED_WORDS) && !hasAny(before, Z.COMPLETED_OTHER_SUBJECTS) && !hasAny(before, Z.CARRIED_WORDS);
  return ok ? prefix.length : null;
}

function rowsOf(kind: Z.ZeroKind, words: string): string[] {
  if (kind === 'requests') return ['t3.new'];
  if (kind === 'completed') return ['t3.carryOver'];
  const rows: string[] = [];
  if (hasAny(words, Z.REVIEW_WORDS)) rows.push('t4.review');
  if (hasAny(words, Z.LITIGATION_WORDS)) rows.push('t4.direct', 't4.afterReview');
  return rows;
}

/** The zero claims of one prose line (`ctx` the report's body and year). */
export function lineZeroClaims(line: number, raw: string, context: ReportContext | (() => ReportContext)): ZeroClaim[] {
  if (!QUICK.test(raw)) return [];
  let ctxRead: ReportContext | null = typeof context === 'function' ? null : context;
  const ctxOf = () => (ctxRead ??= (context as () => ReportContext)());
  const text = blankTitles(foldDigits(raw));
  // The line without white space, and where each of its characters stands in the line.
  let c = text;
  let at = (i: number) => i;
  if (/\s/.test(text)) {
    c = '';
    const cols: number[] = [];
    for (let i = 0; i < text.length; i++) {
      if (/\s/.test(text[i])) continue;
      c += text[i];
      cols.push(i);
    }
    at = (i) => cols[i];
  }
  let depth: number[] | null = null;
  let scope: LineScope | null = null;
  /** The claim a phrasing's match at `i` makes, or null when its sentence is not read. */
  const claimAt = (i: number, p: (typeof PHRASINGS)[number], words: string): ZeroClaim | null => {
    depth ??= parenDepths(c);
    if (depth[i] > 0) return null; // an aside in parentheses
    const sStart = lastBreak(c, Z.SENTENCE_BREAKS, i);
    const sEnd = nextBreak(c, Z.SENTENCE_BREAKS, i + words.length);
    const sentence = c.slice(sStart, sEnd);
    const before = sentence.slice(0, i - sStart);
    const clauseStart = lastBreak(sentence, Z.CLAUSE_BREAKS, i - sStart);
    const prefix = sentence.slice(clauseStart, i - sStart);
    const ctx = ctxOf();
    if (!ownYears(before, ctx.year) || hasAny(before, Z.MOOD_WORDS)) return null;
    // The claim's words: a completion claim's from its subject (所有申请均已办结).
    let from = i;
    if (p.id === 'all-completed') {
      const subject = aboutRequests(sentence, clauseStart, prefix, c.slice(i + words.length, sEnd));
      if (subject === null) return null;
      from = sStart + clauseStart + subject;
    } else {
      if (!PREFIX_ONLY.test(prefix)) return null;
      const topic = sentence.slice(lastBreak(sentence, Z.LABEL_END, clauseStart), clauseStart);
      if (hasAny(topic, Z.TOPIC_WORDS[p.kind === 'requests' ? 'requests' : 'cases'])) return null;
    }
    scope ??= new LineScope(text, ctx, parenDepths(text));
    if (!scope.ownAt(at(i)) || scope.clauseForeign(before)) return null;
    const rows = rowsOf(p.kind, words);
    const [start, end] = [at(from), at(i + words.length - 1) + 1];
    return rows.length ? { line, start, end, text: raw.slice(start, end), kind: p.kind, rows } : null;
  };
  const out: ZeroClaim[] = [];
  for (let i = 0; i < c.length; i++) {
    if (!STARTS.has(c[i])) continue;
    for (const p of PHRASINGS) {
      p.re.lastIndex = i;
      const m = p.re.exec(c);
      if (!m) continue;
      const claim = claimAt(i, p, m[0]);
      if (claim) out.push(claim);
      i += m[0].length - 1; // the words of one phrasing are read once (均已全部办结, not 已全部办结 again)
      break;
    }
  }
  return out;
}

// A line's claims depend on its text and the report's body and year: kept by text for the latest
// body and year; whether a line has a phrasing at all depends on its text alone.
const LINE_CACHE = new LineMemo<ZeroClaim[]>();
const PHRASED = new LineMemo<boolean>();

/** Every zero claim of a report's prose lines (`context` their report's body and year, when read already). */
export function zeroClaims(lines: readonly string[], isProse: (line: number) => boolean, context?: ReportContext): ZeroClaim[] {
  let ctx: ReportContext | null = null;
  const ctxOf = () => {
    if (!ctx) {
      ctx = context ?? reportContext(lines as string[], isProse);
      LINE_CACHE.within(`${ctx.office}\u0001${ctx.kind}\u0001${ctx.level}\u0001${ctx.year}`);
    }
    return ctx;
  };
  const out: ZeroClaim[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (!isProse(i) || !QUICK.test(raw) || !PHRASED.get(raw, () => hasPhrasing(raw))) continue;
    const c = ctxOf(); // first: a new body or year forgets the lines kept for the last one
    const found = LINE_CACHE.get(raw, () => lineZeroClaims(0, raw, c));
    for (const z of found) out.push({ ...z, line: i });
  }
  return out;
}

/** Whether any phrasing occurs in a line (its scope not read yet). */
function hasPhrasing(raw: string): boolean {
  const c = blankTitles(foldDigits(raw)).replace(/\s+/g, '');
  for (let i = 0; i < c.length; i++) {
    if (!STARTS.has(c[i])) continue;
    for (const p of PHRASINGS) {
      p.re.lastIndex = i;
      if (p.re.test(c)) return true;
    }
  }
  return false;
}

const label = (k: KeyedCell): Localized => ({ zh: `${k.rowLabel.zh} / ${k.columnLabel.zh}`, en: `${k.rowLabel.en} / ${k.columnLabel.en}` });
const rangeOf = (k: KeyedCell) => ({ start: { line: k.cell.line, character: k.cell.start }, end: { line: k.cell.line, character: k.cell.end } });

/** The cells of a row that count more than zero: its total, or (the total blank) its other cells. */
function countedCells(row: string, cells: ReadonlyMap<string, KeyedCell>): KeyedCell[] {
  const total = cells.get(`${row}.total`);
  if (total && numeric(total.cell)) return total.cell.value > 0 ? [total] : [];
  const out: KeyedCell[] = [];
  for (const k of cells.values()) if (k.row === row && k.column !== 'total' && numeric(k.cell) && k.cell.value > 0) out.push(k);
  return out;
}

/** prose-zero-claim: at the prose's claim, `cell` the first table cell that counts some, related to each. */
export function proseZeroClaimRule(ctx: DocumentContext): Finding[] {
  // The claims read only the prose: kept with it (memo.ts), while the cells are compared anew.
  const claims = memoized(ctx, 'prose:zero-claims', 'prose', () => {
    const { isProse, context } = proseReading(ctx);
    return zeroClaims(ctx.lines, isProse, context);
  });
  if (!claims.length) return [];
  const cells = keyedByKey(ctx.tables);
  const out: Finding[] = [];
  for (const z of claims) {
    const counted = z.rows.flatMap((r) => countedCells(r, cells));
    if (!counted.length) continue;
    const related: RelatedInfo[] = counted.map((k) => ({ range: rangeOf(k), cell: k.key, message: msg.relatedCell(label(k), k.cell.text) }));
    out.push({
      rule: 'prose-zero-claim',
      message: msg.zeroClaim(z.text, z.kind, counted.map((k) => ({ table: k.table.kind === 't4' ? 't4' as const : 't3' as const, label: label(k), value: k.cell.text }))),
      range: { start: { line: z.line, character: z.start }, end: { line: z.line, character: z.end } },
      cell: counted[0].key,
      related,
    });
  }
  return out;
}
