// Extraction: every number the prose of a report states for a table figure, recognised with
// certainty from the phrasings in format/prose.ts, in the report's own scope. A number that no
// phrasing fits, an estimate (18万余条), a percentage, a change (同比增长) or a figure of another
// body or year is no claim. Pure: lines in, claims out.

import * as P from '../format/prose.js';
import type { Phrasing } from '../format/prose.js';
import { matcher } from './matcher.js';
import { LineScope, blankTitles, foldDigits, parenDepths, reportContext, type ContextOptions, type ReportContext } from './scope.js';
import type { Claim, Target } from './types.js';
import { LineMemo, LONGEST_KEPT } from '../lineMemo.js';

export interface ExtractOptions extends ContextOptions {
  /** Which lines are prose (default: lines without table-cell separators). */
  isProse?: (line: number, text: string) => boolean;
  /** The report's body and year as reportContext reads them from these lines (read here when absent). */
  context?: ReportContext;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alt = (words: string[]) => `(?:${[...words].filter(Boolean).sort((a, b) => b.length - a.length).map(esc).join('|')})`;

/** A line is prose unless it holds table-cell separators or ends like a one-cell-per-line row. */
export function defaultIsProse(_line: number, text: string): boolean {
  const t = text.trim();
  if (!t) return false;
  if (P.TABLE_MARKS.some((m) => text.includes(m))) return false;
  if (t.endsWith('|')) return false;
  return /[\u4e00-\u9fff]/.test(t);
}

/** Prose lines for an analysis: the default test, and not inside any table's line span. */
export function outsideTables(tables: { startLine: number; endLine: number }[]): (line: number, text: string) => boolean {
  return (line, text) => defaultIsProse(line, text) && !tables.some((t) => line >= t.startLine && line <= t.endLine);
}

// ---------------------------------------------------------------------------------------------
// Numbers

export interface NumberToken {
  start: number;
  end: number;
  text: string;
  value: number;
  tolerance: number;
  /** Where the unit starts and ends, and which it is. */
  unitStart: number;
  unitEnd: number;
  unit: string;
  approx: boolean;
}

const NUMBER_RE = new RegExp(`(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?(\\s*${P.TEN_THOUSAND})?`, 'g');

/** Numbers followed by one of `units` (digits folded to ASCII first; columns unchanged). */
export function numberTokens(text: string, units: string[]): NumberToken[] {
  const out: NumberToken[] = [];
  const unitAt = matcher(units);
  for (const m of text.matchAll(NUMBER_RE)) {
    const start = m.index!;
    const prev = text[start - 1];
    if (prev && /[\w.\-—/:]/.test(prev)) continue; // part of a phone number, a version, a date …
    let end = start + m[0].length;
    const decimals = m[2];
    const wan = !!m[3];
    let u = end;
    while (text[u] === ' ' || text[u] === '\u3000' || text[u] === '\u00a0') u++;
    const unit = unitAt.at(text, u);
    if (!unit) continue;
    if (decimals && !wan) continue; // a count has no decimals
    if (P.UNIT_SUFFIX_BLOCK.some((b) => text.startsWith(b, u + unit.length))) continue;
    const base = Number(m[1].replace(/,/g, '') + (decimals ? `.${decimals}` : ''));
    const value = wan ? Math.round(base * 10000) : base;
    const tolerance = wan ? (10000 / 10 ** (decimals?.length ?? 0)) / 2 : 0;
    const before = text.slice(Math.max(0, start - 4), start).trimEnd();
    const after = text.slice(u + unit.length);
    const approx =
      P.APPROX_BEFORE.some((w) => before.endsWith(w)) ||
      P.APPROX_AFTER.some((w) => text.slice(end).replace(/^\s+/, '').startsWith(w) || after.startsWith(w)) ||
      before.endsWith(P.ORDINAL_PREFIX);
    end = start + m[0].length;
    out.push({ start, end, text: text.slice(start, end), value, tolerance, unitStart: u, unitEnd: u + unit.length, unit, approx });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Clauses

/** The clause before column `at`: back to a clause break or an unmatched opening parenthesis,
 * skipping a parenthesis that closes right before the number (作其他处理（含…）341件). */
export function clauseBefore(text: string, at: number): { start: number; label: string; clause: string } {
  let i = at;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  let labelEnd = i;
  if (i > 0 && P.CLOSE_PARENS.includes(text[i - 1])) {
    let d = 0;
    let j = i - 1;
    for (; j >= 0; j--) {
      if (P.CLOSE_PARENS.includes(text[j])) d++;
      else if (P.OPEN_PARENS.includes(text[j])) { d--; if (d === 0) break; }
    }
    if (j >= 0) { i = j; labelEnd = j; }
  }
  let d = 0;
  let s = i;
  for (; s > 0; s--) {
    const c = text[s - 1];
    if (P.CLOSE_PARENS.includes(c)) d++;
    else if (P.OPEN_PARENS.includes(c)) { if (d === 0) break; d--; }
    else if (d === 0 && P.CLAUSE_BREAKS.includes(c)) break;
  }
  return { start: s, label: text.slice(s, labelEnd).trimEnd(), clause: text.slice(s, at) };
}

function sentenceStart(text: string, at: number): number {
  let s = at;
  while (s > 0 && !P.SENTENCE_BREAKS.includes(text[s - 1])) s--;
  return s;
}

// ---------------------------------------------------------------------------------------------
// Phrasings compiled

interface Compiled { ph: Phrasing; re: RegExp }

/** How much of a clause before a number a label may take. */
const LABEL_WINDOW = 60;

const FILLER = `(?:${alt(P.FILLERS)}){0,2}`;

function compile(ph: Phrasing): Compiled {
  const parts = ph.slots.map((s, i) => {
    const body = alt(s);
    const opt = s.includes('') ? '?' : '';
    const gap = i === 0 && ph.gap ? `[^\\d]{0,${ph.gap}}?` : '';
    return `(${body})${opt}\\s*${gap}`;
  });
  return { ph, re: new RegExp(`${parts.join('')}${FILLER}\\s*$`) };
}

let compiled: Compiled[] | null = null;
const phrasings = () => (compiled ??= P.PHRASINGS.map(compile));

const DOC_AFTER = P.DOC_AFTER_NUMBER.map((d) => ({ ...d, re: new RegExp(`^\\s*${alt(d.words)}`) }));
const DOC_VERB_WORDS = P.DOC_VERBS.flatMap((v) => v.words);
const DOC_VERB_OF = new Map(P.DOC_VERBS.flatMap((v) => v.words.map((w) => [w, v.column] as const)));

/** 248 件申请 / 262 件政府信息公开申请: requests named right after the unit. */
function requestsAfter(text: string, tok: NumberToken): boolean {
  const j = skipSpaces(text, tok.unitEnd);
  return text.startsWith(P.REQUEST_WORD, j) || matcher(P.REQUESTS_AFTER_NUMBER).at(text, j) !== null;
}

/** A doc verb standing alone as a label (废止 9 件), and the column it names. */
const DOC_VERB_COLUMN = new Map(P.DOC_VERBS.flatMap((v) => (v.column ? v.words.map((w) => [w, v.column] as const) : [])));

const skipSpaces = (s: string, i: number) => {
  while (i < s.length && /\s/.test(s[i])) i++;
  return i;
};

/** Where a label ends once trailing spaces and up to two fillers (共, 为, 达 …) are left out. */
function stripFillers(label: string): number {
  let end = label.length;
  while (end > 0 && /\s/.test(label[end - 1])) end--;
  const fillers = matcher(P.FILLERS);
  for (let n = 0; n < 2; n++) {
    const f = fillers.endingAt(label, end);
    if (!f) break;
    end -= f.length;
    while (end > 0 && /\s/.test(label[end - 1])) end--;
  }
  return end;
}

/** The column the nearest verb before `at` (in the sentence) gives a 规章 / 规范性文件 count. */
function docColumn(text: string, from: number, at: number): 'issued' | 'repealed' | 'valid' | null {
  // The verb that ends nearest `at`; of those ending there, the longest.
  const verbs = matcher(DOC_VERB_WORDS);
  for (let i = at; i > from; i--) {
    const w = verbs.endingAt(text, i, from);
    if (w) return DOC_VERB_OF.get(w) ?? null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Reading a line clause by clause: which figure a number's clause splits (its parent)

interface Anchor { kind: 'requests' | 'review' | 'litigation' | 'doc'; own: boolean; sentence: number; row?: 'rules' | 'normative' }

/** A figure the prose stated (recognised or not): what it is as a parent, whether it is the report's own. */
export interface Figure {
  role: 'requests' | 'handled' | 'handled-or-requests' | 'review' | 'litigation' | 'other';
  own: boolean;
}

/** A breakdown open at a parenthesis depth: the figure it splits (null: not known). */
interface Frame {
  depth: number;
  parent: Figure | null;
  paren: boolean;
  /** The separator of its parts (a list on commas ends at a semicolon). */
  sep: 'comma' | 'semicolon' | null;
  parts: number;
}

/** Every number the prose states for a table figure, in the report's own scope. */
export function extractClaims(lines: string[], options: ExtractOptions = {}): Claim[] {
  const isProse = options.isProse ?? defaultIsProse;
  const prose = (i: number) => isProse(i, lines[i]);
  const ctx = options.context ?? reportContext(lines, prose, options);
  const out: Claim[] = [];
  const sig = `${ctx.office}\u0001${ctx.kind}\u0001${ctx.level}\u0001${ctx.year}\u0001`;
  // The last figure of the paragraph before: a paragraph opening with 其中 splits it.
  let enter: Figure | null = null;
  for (let i = 0; i < lines.length; i++) {
    if (!prose(i)) {
      if (lines[i].trim()) enter = null;
      continue;
    }
    const r = cachedLineClaims(i, lines[i], ctx, sig, enter);
    for (const c of r.claims) out.push(c);
    enter = r.exit;
  }
  return out;
}

// A line's claims depend only on its text, the report's context and (for a line opening with 其中)
// the figure the line before ended with, so an editor re-checking a draft after each keystroke
// reads again only the lines that changed. Kept for the latest context (a new office or year
// starts over); bounded: cleared when full; very long lines are not kept.
interface LineRead { claims: Claim[]; exit: Figure | null }
const LINE_CACHE = new LineMemo<LineRead>();
const NO_CLAIMS: LineRead = { claims: [], exit: null };

const opensWithBreakdown = (raw: string) => matcher(P.BREAKDOWN_WORDS).at(raw, raw.length - raw.trimStart().length) !== null;

function cachedLineClaims(line: number, raw: string, ctx: ReportContext, sig: string, enter: Figure | null): LineRead {
  // Only a line that opens with 其中 reads the figure before it.
  const before = enter && opensWithBreakdown(raw) ? enter : null;
  if (raw.length > LONGEST_KEPT) return lineClaims(line, raw, ctx, before); // not kept: read at its line
  LINE_CACHE.within(sig);
  const key = before ? `${raw}\u0002${before.role}\u0002${before.own}` : raw;
  // Looked up first: the lookup of a line seen before costs less than scanning it for a digit.
  const found = LINE_CACHE.get(key, () => lineClaims(0, raw, ctx, before));
  return found.claims.length ? { claims: found.claims.map((c) => ({ ...c, line })), exit: found.exit } : found;
}

const ALL_UNITS = [...new Set(P.PHRASINGS.flatMap((p) => p.units))];
/** Every unit a figure may be counted in (a parent need not be a claim: 共发布信息 100 条，其中…). */
const FIGURE_UNITS = [...new Set([...ALL_UNITS, ...P.ENUM_UNITS])];

/** A line with no digit (ASCII or full-width) states no number: most prose, skipped at once. */
export const HAS_DIGIT = /[0-9\uff10-\uff19]/;

/** A number followed by a unit a figure is counted in (1,295 件, 1.2 万条, ３ 项): a line without one states no figure. */
const FIGURE_RE = new RegExp(`[0-9\\uff10-\\uff19][\\s\\u3000]*(?:${P.TEN_THOUSAND}[\\s\\u3000]*)?[${FIGURE_UNITS.join('')}]`);

function lineClaims(line: number, raw: string, ctx: ReportContext, enter: Figure | null): LineRead {
  if (!FIGURE_RE.test(raw)) return NO_CLAIMS;
  return new LineReader(line, raw, blankTitles(foldDigits(raw)), ctx, enter).read();
}

/**
 * One line's claims, read a character at a time: its sentences, clauses and parentheses, the
 * breakdowns (其中…) and the clauses naming what a list counts (办结的申请中…) open in them, and
 * each number as a figure of the innermost one.
 */
class LineReader {
  private readonly depth: number[];
  private readonly tokens: NumberToken[];
  private readonly out: Claim[] = [];
  private readonly anchors: Anchor[] = [];
  private lastRequestsOwn: boolean | null = null;
  // The line's scope words are read only when a number needs them (most numbers are no claim).
  private lineScope: LineScope | null = null;
  private readonly scope = () => (this.lineScope ??= new LineScope(this.text, this.ctx, this.depth));
  private readonly breakdowns = matcher(P.BREAKDOWN_WORDS);
  private readonly totals = matcher(P.NEW_TOTAL_WORDS);
  private readonly openers = matcher(P.OUTCOME_OPENERS);
  private readonly applicantOpeners = matcher(P.APPLICANT_OPENERS);
  private readonly subjects = matcher(SUBJECT_WORDS);
  // The state of the sentence being read.
  private frames: Frame[] = [];
  /** The last figure stated at each depth in this sentence. */
  private lastAt: (Figure | null)[] = [];
  /** The last top-level figure of the sentence before. */
  private previous: Figure | null;
  /** The next token. */
  private k = 0;
  private clauseStart = true;
  /** Whether the sentence has any text yet. */
  private written = false;

  constructor(
    private readonly line: number,
    private readonly raw: string,
    private readonly text: string,
    private readonly ctx: ReportContext,
    enter: Figure | null,
  ) {
    this.depth = parenDepths(text);
    this.tokens = numberTokens(text, FIGURE_UNITS);
    this.previous = enter;
  }

  read(): LineRead {
    const text = this.text;
    for (let i = 0; i <= text.length; i++) {
      const c = text[i];
      const d = this.depth[i];
      if (i === text.length || (d === 0 && P.SENTENCE_BREAKS.includes(c))) this.endSentence();
      else if (c === ' ' || c === '\u3000' || c === '\u00a0') continue;
      else {
        this.written = true;
        if (P.OPEN_PARENS.includes(c)) this.openParen(i, d);
        else if (P.CLOSE_PARENS.includes(c)) this.closeParen(d);
        else if (P.CLAUSE_BREAKS.includes(c)) this.clauseBreak(c, d);
        else {
          if (this.clauseStart) this.clauseOpens(i, d);
          if (this.k < this.tokens.length && this.tokens[this.k].start === i) i = this.token(d);
        }
      }
    }
    return { claims: this.out, exit: this.previous };
  }

  private endSentence(): void {
    // A sentence with no figure of its own ends what a following 其中 could split.
    if (this.written) this.previous = this.lastAt[0] ?? null;
    this.frames = [];
    this.lastAt = [];
    this.clauseStart = true;
    this.written = false;
  }

  private top(): Frame | null {
    return this.frames.length ? this.frames[this.frames.length - 1] : null;
  }

  /** Ends the breakdowns open at depth `d` and deeper, inside the innermost parenthesis. */
  private closeFrom(d: number): void {
    const frames = this.frames;
    while (frames.length && frames[frames.length - 1].depth >= d && !frames[frames.length - 1].paren) frames.pop();
  }

  private openParen(i: number, d: number): void {
    // A parenthesis right after a figure splits it (办结 N 件（含上年结转 a 件）).
    const fig = this.lastAt[d] ?? null;
    const right = fig && this.k > 0 && /^\s*$/.test(this.text.slice(this.tokens[this.k - 1].unitEnd, i)) ? fig : null;
    const outer = this.top()?.parent ?? null;
    this.frames.push({ depth: d + 1, parent: right ?? outer, paren: true, sep: null, parts: 0 });
    this.clauseStart = true;
  }

  private closeParen(d: number): void {
    this.closeFrom(d);
    if (this.top()?.paren) this.frames.pop();
    this.lastAt.length = Math.min(this.lastAt.length, d);
    this.clauseStart = false;
  }

  private clauseBreak(c: string, d: number): void {
    const f = this.top();
    if (f && f.depth === d && !f.paren && f.parts > 0) {
      const semi = P.SEMICOLON_SEPARATORS.includes(c);
      if (f.sep === null && f.parts === 1) f.sep = semi ? 'semicolon' : 'comma';
      else if (f.sep === 'comma' && semi) this.frames.pop();
    }
    this.clauseStart = true;
  }

  /** A clause's first character: what it opens (a breakdown, the outcomes of handled requests, the applicants, a subject's list), or a new total that ends the breakdowns. */
  private clauseOpens(i: number, d: number): void {
    this.clauseStart = false;
    const text = this.text;
    if (this.breakdowns.at(text, i)) {
      this.closeFrom(d);
      this.frames.push({ depth: d, parent: this.lastAt[d] ?? (d === 0 ? this.previous : (this.top()?.parent ?? null)), paren: false, sep: null, parts: 0 });
    } else if (this.openers.at(text, i)) this.opens(d, 'handled', i);
    else if (this.applicantOpeners.at(text, i)) this.opens(d, 'requests', i);
    else if (this.subjects.at(text, i) && subjectClause(text, i)) this.opens(d, SUBJECT_ROLE.get(this.subjects.at(text, i)!)!, i);
    else if (this.totals.at(text, i)) this.closeFrom(d);
  }

  /** A clause at depth `d` whose numbers are parts of the `role` its scope words at `i` say whose. */
  private opens(d: number, role: Figure['role'], i: number): void {
    this.closeFrom(d);
    this.frames.push({ depth: d, parent: { role, own: this.scope().ownAt(i) }, paren: false, sep: null, parts: 0 });
  }

  /** The number token at the reader's place read as a figure (a claim, maybe); the index of its last character. */
  private token(d: number): number {
    const tok = this.tokens[this.k++];
    const frame = this.top();
    const fig = readToken(this.text, tok, frame, this.scope, this.depth, this.anchors, this.lastRequestsOwn, this.out, this.line, this.raw);
    if (fig.requestsOwn !== undefined) this.lastRequestsOwn = fig.requestsOwn;
    this.lastAt[d] = fig.figure;
    if (frame && frame.depth === d) frame.parts++;
    return tok.unitEnd - 1;
  }
}

const SUBJECT_ROLE = new Map(P.PARENT_SUBJECTS.flatMap((p) => p.words.map((w) => [w, p.role] as const)));
const SUBJECT_WORDS = [...SUBJECT_ROLE.keys()];

/** 办结的申请中 / 所有办结的信息公开申请中同意公开…: the clause names 申请中 before any number. */
function subjectClause(text: string, from: number): boolean {
  let j = from;
  while (j < text.length && !P.CLAUSE_BREAKS.includes(text[j]) && !/\d/.test(text[j]) && j - from < 40) j++;
  const k = text.indexOf(P.PARENT_SUBJECT_END, from);
  return k >= 0 && k + P.PARENT_SUBJECT_END.length <= j;
}

/** The frame's parent, when the number sits in a breakdown (not the bare parenthesis of no figure). */
const parentOf = (frame: Frame | null): Figure | null => frame?.parent ?? null;

function readToken(
  text: string, tok: NumberToken, frame: Frame | null, scope: () => LineScope, depth: number[], anchors: Anchor[], lastRequestsOwn: boolean | null,
  out: Claim[], line: number, raw: string,
): { figure: Figure; requestsOwn?: boolean } {
  // A figure of no known kind splits into nothing the tables hold (asPart): its scope is never asked.
  const other: Figure = { role: 'other', own: true };
  if (tok.approx || !ALL_UNITS.includes(tok.unit)) return { figure: other };
  const sent = sentenceStart(text, tok.start);
  const { label, clause, start: clauseStart } = clauseBefore(text, tok.start);
  if (sharesNumber(text, clauseStart)) return { figure: other };
  const parent = parentOf(frame);
  const hit = matchPhrasing(text, tok, label, clause, sent, anchors, lastRequestsOwn, parent);
  if (!hit) return { figure: tentative(text, label, clause, tok, scope) ?? other };
  const { ph, id, target, anchorOwn } = hit;
  let own = scope().ownAt(tok.start) && !scope().clauseForeign(clause) && anchorOwn !== false;
  // A figure inside parentheses belongs to the statement around it: that one's scope counts too.
  if (depth[tok.start] > 0 && own) own = !scope().clauseForeign(clauseBefore(text, clauseBefore(text, tok.start).start - 1).clause);
  // A part of a breakdown is the parent's: a figure of another body or year splits into others'.
  if (parent && ph.part && ph.part !== 'total' && !parent.own) own = false;
  if (ph.kind === 'requests' || ph.kind === 'review' || ph.kind === 'litigation') anchors.push({ kind: ph.kind, own, sentence: sent });
  if (ph.docRow && target) anchors.push({ kind: 'doc', own, sentence: sent, row: ph.docRow });
  const role: Figure['role'] = ph.role ?? (ph.kind === 'review' ? 'review' : ph.kind === 'litigation' ? 'litigation' : 'other');
  const figure: Figure = { role, own };
  if (own && target) out.push({ line, start: tok.start, end: tok.end, text: raw.slice(tok.start, tok.end), value: tok.value, tolerance: tok.tolerance, target, phrasing: id });
  return ph.kind === 'requests' ? { figure, requestsOwn: own } : { figure };
}

/**
 * A figure no phrasing claims for want of its context (全年共办结 18 件 on a line that never says
 * 申请) but worded as a total of requests: no claim, but the parent it is for a breakdown after it
 * (其中予以公开 7 件…, outcomes that only requests have).
 */
function tentative(text: string, label: string, clause: string, tok: NumberToken, scope: () => LineScope): Figure | null {
  for (const { ph, re } of phrasings()) {
    if (!ph.role || ph.need !== 'line-requests' || !ph.units.includes(tok.unit)) continue;
    const m = re.exec(label.length > LABEL_WINDOW ? label.slice(-LABEL_WINDOW) : label);
    if (!m) continue;
    if (ph.blockers && ph.blockers.some((w) => clause.includes(w))) continue;
    return { role: ph.role, own: scope().ownAt(tok.start) && !scope().clauseForeign(clause) };
  }
  return null;
}

/** 予以公开、部分公开 9 件: the clause before (joined by 、) is a label of its own with no number. */
function sharesNumber(text: string, clauseStart: number): boolean {
  if (text[clauseStart - 1] !== P.SHARED_NUMBER_JOINER) return false;
  const prev = clauseBefore(text, clauseStart - 1);
  if (/\d/.test(prev.clause)) return false;
  return phrasings().some(({ re }) => re.test(prev.label.slice(-LABEL_WINDOW)));
}

const SPLITS_REQUESTS: Figure['role'][] = ['requests', 'handled', 'handled-or-requests'];

/**
 * What the parent of a breakdown makes of a phrasing's number: 'skip' (not this phrasing), or the
 * target and scope it has as a part. A total is no part of a figure of its own kind (办结 N 件，
 * 其中…答复 a 件); applicants split requests received (本年新收) or handled (（七）总计);
 * outcomes split requests; results split 行政复议 / 行政诉讼.
 */
function asPart(ph: Phrasing, parent: Figure): { target: Target | null; anchorOwn: boolean } | 'skip' | null {
  switch (ph.part) {
    case 'total':
      return parent.role === 'requests' && ph.role === 'handled' ? null : 'skip';
    case 'applicant': {
      if (parent.role === 'requests') return { target: ph.target ?? null, anchorOwn: parent.own };
      if (parent.role === 'handled') return { target: ph.handledTarget ?? null, anchorOwn: parent.own };
      if (parent.role === 'handled-or-requests') {
        return { target: { mode: 'either', readings: [...(ph.target?.readings ?? []), ...(ph.handledTarget?.readings ?? [])] }, anchorOwn: parent.own };
      }
      return 'skip';
    }
    case 'outcome':
      return SPLITS_REQUESTS.includes(parent.role) ? { target: ph.target ?? null, anchorOwn: parent.own } : 'skip';
    case 't4-result':
      if (parent.role !== 'review' && parent.role !== 'litigation') return 'skip';
      return { target: P.t4ResultTarget(parent.role, ph.t4Result!), anchorOwn: parent.own };
    default:
      return null;
  }
}

const OUTCOMES = () => matcher(P.OUTCOME_WORDS);

function matchPhrasing(
  text: string, tok: NumberToken, label: string, clause: string, sent: number, anchors: Anchor[], lastRequestsOwn: boolean | null, parent: Figure | null,
): { ph: Phrasing; id: string; target: Target | null; anchorOwn: boolean | null } | null {
  const sentence = text.slice(sent, tok.start);
  const lastInSentence = (kinds: Anchor['kind'][]) => [...anchors].reverse().find((a) => a.sentence === sent && kinds.includes(a.kind)) ?? null;
  for (const { ph, re } of phrasings()) {
    if (!ph.units.includes(tok.unit)) continue;
    // Labels are short: only their end can match (and no input makes the expressions slow).
    const m = re.exec(label.length > LABEL_WINDOW ? label.slice(-LABEL_WINDOW) : label);
    if (!m) continue;
    const matched = m[0];
    if (ph.mustContain && !ph.mustContain.every((w) => matched.includes(w))) continue;
    if (ph.blockers && ph.blockers.some((w) => clause.includes(w))) continue;
    if (ph.sentenceBlockers && ph.sentenceBlockers.some((w) => sentence.includes(w))) continue;
    let anchorOwn: boolean | null = null;
    let target: Target | null = ph.target ?? null;
    // 办结 / 答复 N 件 after an outcome in the sentence (无法提供…，已答复 N 件) is that outcome's count.
    if ((ph.role === 'handled' || ph.role === 'handled-or-requests') && OUTCOMES().test(text, sent, tok.start - matched.length)) continue;
    const part = parent ? asPart(ph, parent) : null;
    if (part === 'skip') continue;
    if (part) {
      anchorOwn = part.anchorOwn;
      target = part.target;
    } else switch (ph.need) {
      case 'line-requests':
        // 申请 before the number on the line, or right after it (在办结的 248 件申请中).
        if (!text.slice(0, tok.start).includes(P.REQUEST_WORD) && !requestsAfter(text, tok)) continue;
        anchorOwn = lastRequestsOwn;
        break;
      case 'after-requests': {
        const a = lastInSentence(['requests']);
        if (!a) continue;
        anchorOwn = a.own;
        break;
      }
      case 'disclosure-clause':
        if (!P.DISCLOSURE_WORDS.some((w) => clause.includes(w))) continue;
        break;
      case 'after-review': {
        const a = lastInSentence(['review', 'litigation']);
        if (!a || a.kind !== 'review') continue;
        anchorOwn = a.own;
        break;
      }
      case 'after-t4': {
        const a = lastInSentence(['review', 'litigation']);
        if (!a) continue;
        anchorOwn = a.own;
        target = P.t4ResultTarget(a.kind === 'review' ? 'review' : 'litigation', ph.t4Result!);
        break;
      }
      case 'in-breakdown':
        continue;
      case 'none':
        break;
    }
    if (ph.narrow && ph.narrow.words.includes(m[1])) target = ph.narrow.target;
    if (ph.docRow) {
      const col = docColumn(text, sent, tok.start - matched.length);
      target = col ? P.docTarget(ph.docRow, col) : null;
      if (!target) return null;
    }
    return { ph, id: ph.id, target, anchorOwn };
  }
  // Number first: 另有 103 件顺延到下年度答复 (on a line about requests).
  const carry = P.PHRASINGS.find((p) => p.id === 'carried-to-next-year')!;
  if (carry.units.includes(tok.unit)) {
    const rest = text.slice(tok.unitEnd).trimStart();
    const head = P.CARRY_OVER_AFTER_NUMBER.find((w) => rest.startsWith(w));
    if (head && P.NEXT_YEAR_WORDS.some((w) => rest.startsWith(w, head.length)) && text.slice(0, tok.start).includes(P.REQUEST_WORD)) {
      return { ph: carry, id: `${carry.id}-number-first`, target: carry.target!, anchorOwn: lastRequestsOwn };
    }
  }
  // Number first: 共收到 262 件政府信息公开申请 (the verb ends the label, the requests follow the unit).
  const received = P.PHRASINGS.find((p) => p.id === 'requests-received')!;
  if (received.units.includes(tok.unit) && matcher(P.REQUESTS_AFTER_NUMBER).at(text, skipSpaces(text, tok.unitEnd))) {
    const verbs = matcher(received.slots[0]);
    const end = stripFillers(label);
    const verb = verbs.endingAt(label, end);
    if (verb && !(received.blockers ?? []).some((w) => clause.includes(w))) {
      const target = received.narrow && received.narrow.words.includes(verb) ? received.narrow.target : received.target!;
      return { ph: received, id: `${received.id}-number-first`, target, anchorOwn: null };
    }
  }
  // 制发行政规范性文件 27 件，废止 9 件: a bare verb after a figure of 规章 / 规范性文件 in the sentence.
  if (P.COUNT_UNITS.includes(tok.unit)) {
    const doc = [...anchors].reverse().find((a) => a.sentence === sent && a.kind === 'doc');
    const end = stripFillers(label);
    let bare = label.slice(0, end).trimStart();
    for (const lead of P.DOC_VERB_LEADS) if (bare.startsWith(lead)) bare = bare.slice(lead.length);
    const col = doc && bare ? DOC_VERB_COLUMN.get(bare) : undefined;
    if (doc && col) {
      const ph = P.PHRASINGS.find((p) => p.docRow === doc.row)!;
      return { ph, id: `${ph.id}-continued`, target: P.docTarget(doc.row!, col), anchorOwn: doc.own };
    }
  }
  // Number first: 制发…20件行政规范性文件 (the verb in the same clause).
  if (P.COUNT_UNITS.includes(tok.unit)) {
    for (const d of DOC_AFTER) {
      if (!d.re.test(text.slice(tok.unitEnd))) continue;
      const { start } = clauseBefore(text, tok.start);
      const col = docColumn(text, start, tok.start);
      if (!col) return null;
      const ph = P.PHRASINGS.find((p) => p.docRow === d.row)!;
      return { ph, id: `${ph.id}-number-first`, target: P.docTarget(d.row, col), anchorOwn: null };
    }
  }
  return null;
}
