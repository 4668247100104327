// enumeration-sum: 共（计）N 条，其中 A a 条、B b 条… (or N 条，其中 A a 条、…、其他 c 条: parts
// that end in a catch-all need no 共) whose parts do not add up to N, and an enumeration that names
// one category twice. A share (…的有 45 项，占比 78.9%) is never a part. Conservative: a list that may name only some parts
// (其中包括…, …等) never raises a shortfall; a part in other units ends the list; a nested 其中 or an
// estimate (余, 近) drops the list; a list that reaches N part-way (a second breakdown follows, as in
// 其中自然人…，法人…；予以公开…) is taken to end there.

import * as P from '../format/prose.js';
import { HAS_DIGIT, clauseBefore, defaultIsProse, numberTokens, type NumberToken } from './claims.js';
import { blankTitles, foldDigits, parenDepths } from './scope.js';
import { matcher } from './matcher.js';
import { duplicateMessage, enumerationFixTitle, enumerationMessage, firstNamedHere } from './messages.js';
import type { Finding } from '../diagnostics.js';
import type { Range } from '../model.js';
import { LineMemo, LONGEST_KEPT } from '../lineMemo.js';

export interface EnumerationOptions {
  isProse?: (line: number, text: string) => boolean;
}

interface Part { tok: NumberToken; label: string; labelStart: number }

/** An enumeration as read: its total, the parts taken (after a part-way stop), their sum. */
export interface EnumerationList {
  line: number;
  start: number;
  end: number;
  total: number;
  parts: { value: number; label: string }[];
  sum: number;
}

export function enumerationSums(lines: string[], options: EnumerationOptions = {}): Finding[] {
  return scan(lines, options).findings;
}

/** Every enumeration recognised (those that add up too), for tests and hovers. */
export function enumerationLists(lines: string[], options: EnumerationOptions = {}): EnumerationList[] {
  return scan(lines, options).lists;
}

function scan(lines: string[], options: EnumerationOptions): { findings: Finding[]; lists: EnumerationList[] } {
  const isProse = options.isProse ?? defaultIsProse;
  const findings: Finding[] = [];
  const lists: EnumerationList[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!isProse(i, lines[i])) continue;
    const r = cachedLine(i, lines[i]);
    for (const f of r.findings) findings.push(f);
    for (const l of r.lists) lists.push(l);
  }
  return { findings, lists };
}

// A line's enumerations depend on its text alone (every part and the total sit on the line), so
// they are kept by text and moved to the line asked for: a re-check after an edit reads again
// only the lines that changed. Bounded: cleared when full; very long lines are not kept.
const LINE_CACHE = new LineMemo<{ findings: Finding[]; lists: EnumerationList[] }>();
const NONE = { findings: [] as Finding[], lists: [] as EnumerationList[] };

function cachedLine(line: number, raw: string): { findings: Finding[]; lists: EnumerationList[] } {
  if (raw.length > LONGEST_KEPT) {
    const lists: EnumerationList[] = [];
    return { findings: lineEnumerations(line, raw, lists), lists };
  }
  const hit = LINE_CACHE.get(raw, () => {
    if (!mayHoldList(raw)) return NONE;
    const lists: EnumerationList[] = [];
    return { findings: lineEnumerations(0, raw, lists), lists };
  });
  if (!hit.findings.length && !hit.lists.length) return NONE;
  const at = (r: Range): Range => ({ start: { line, character: r.start.character }, end: { line, character: r.end.character } });
  return {
    findings: hit.findings.map((f) => ({
      ...f,
      range: at(f.range),
      ...(f.fix ? { fix: { ...f.fix, edits: f.fix.edits.map((e) => ({ ...e, range: at(e.range) })) } } : {}),
      ...(f.related ? { related: f.related.map((x) => ({ ...x, range: at(x.range) })) } : {}),
    })),
    lists: hit.lists.map((l) => ({ ...l, line })),
  };
}

const isBreak = (c: string) => P.CLAUSE_BREAKS.includes(c);
const isSentenceBreak = (c: string) => P.SENTENCE_BREAKS.includes(c);

/** A total needs a digit and 共 / 合计 / 总计 … in its clause, or parts that end in a catch-all
 * (其中…、其他 N 条): lines with neither hold no list. */
function mayHoldList(raw: string): boolean {
  if (!HAS_DIGIT.test(raw)) return false;
  if (matcher(P.ENUM_TOTAL_WORDS).test(raw)) return true;
  return matcher(P.ENUM_PARTS_WORDS).test(raw) && matcher(P.ENUM_CLOSING_CATCH_ALL).test(raw);
}

function lineEnumerations(line: number, raw: string, lists: EnumerationList[]): Finding[] {
  if (!mayHoldList(raw)) return [];
  const text = blankTitles(foldDigits(raw));
  const depth = parenDepths(text);
  const tokens = numberTokens(text, P.ENUM_UNITS);
  const out: Finding[] = [];
  const used = new Set<NumberToken>();
  for (const total of tokens) {
    if (total.approx || depth[total.start] > 0 || used.has(total)) continue;
    const { clause } = clauseBefore(text, total.start);
    // Without 共 a figure is a total only when the parts after it end in a catch-all (其他 N 条).
    const stated = matcher(P.ENUM_TOTAL_WORDS).test(clause);
    let pos = total.unitEnd;
    // The rest of the total's clause (its label); a parenthesis there may hold a breakdown.
    while (pos < text.length && !isBreak(text[pos]) && !P.OPEN_PARENS.includes(text[pos]) && !/\d/.test(text[pos])) pos++;
    if (/\d/.test(text[pos] ?? '')) continue;
    if (P.OPEN_PARENS.includes(text[pos] ?? '')) {
      const close = matching(text, pos);
      const inner = tokens.filter((t) => t.start > pos && t.start < close && depth[t.start] === depth[pos] + 1);
      const parts = collect(text, depth, inner, total, pos + 1, close, depth[pos] + 1);
      if (parts && stated) {
        out.push(...judge(line, raw, total, parts, false, false, lists));
        parts.forEach((p) => used.add(p.tok));
      }
      pos = close + 1;
    }
    const start = listStart(text, depth, tokens, pos);
    if (!start) continue;
    const after = tokens.filter((t) => t.start >= start.at && depth[t.start] === 0);
    const end = sentenceEnd(text, start.at);
    const parts = collect(text, depth, after, total, start.at, end, 0);
    if (!parts || (!stated && !endsInCatchAll(parts))) continue;
    parts.forEach((p) => used.add(p.tok));
    out.push(...judge(line, raw, total, parts, start.exhaustive, start.selective, lists));
  }
  return out;
}

function matching(text: string, open: number): number {
  let d = 0;
  for (let j = open; j < text.length; j++) {
    if (P.OPEN_PARENS.includes(text[j])) d++;
    else if (P.CLOSE_PARENS.includes(text[j])) { d--; if (d === 0) return j; }
  }
  return text.length;
}

function sentenceEnd(text: string, from: number): number {
  let j = from;
  while (j < text.length && !isSentenceBreak(text[j])) j++;
  return j;
}

/** Where the parts begin: the clause after the total that opens with 其中 / 分别为, passing clauses
 * that state no count (同比增长70.3%); null at the sentence's end or at another count. */
function listStart(text: string, depth: number[], tokens: NumberToken[], pos: number): { at: number; exhaustive: boolean; selective: boolean } | null {
  let j = pos;
  for (;;) {
    while (j < text.length && /\s/.test(text[j])) j++;
    if (j >= text.length || isSentenceBreak(text[j])) return null;
    if (isBreak(text[j])) { j++; continue; }
    const rest = text.slice(j);
    const word = P.ENUM_PARTS_WORDS.find((w) => rest.startsWith(w));
    if (word) {
      let at = j + word.length;
      const exhaustive = P.ENUM_EXHAUSTIVE_WORDS.includes(word);
      let selective = false;
      for (;;) {
        while (at < text.length && (/\s/.test(text[at]) || P.COMMA_SEPARATORS.includes(text[at]) || P.LIST_COLONS.includes(text[at]))) at++;
        const sel = P.ENUM_SELECTIVE_WORDS.find((w) => text.startsWith(w, at));
        if (!sel) break;
        selective = true;
        at += sel.length;
      }
      return { at, exhaustive, selective };
    }
    // A clause with no count of its own may come between (同比增长70.3%); one with a count ends it.
    let k = j;
    while (k < text.length && !(depth[k] === 0 && isBreak(text[k]))) k++;
    if (tokens.some((t) => t.start >= j && t.start < k)) return null;
    j = k;
  }
}

/** The parts from `from` to `to`: null when the list is not a plain one (a nested 其中, an estimate). */
function collect(text: string, depth: number[], tokens: NumberToken[], total: NumberToken, from: number, to: number, level: number): Part[] | null {
  const parts: Part[] = [];
  let prevEnd = from;
  let separators: 'comma' | 'semicolon' | null = null;
  for (const tok of tokens) {
    if (tok.start >= to) break;
    if (depth[tok.start] !== level) continue;
    const between = text.slice(prevEnd, tok.start);
    if (parts.length && P.ENUM_PARTS_WORDS.some((w) => between.includes(w))) return null;
    const seps = [...between].filter((c, k) => depth[prevEnd + k] === level && isBreak(c));
    const hasSemi = seps.some((c) => P.SEMICOLON_SEPARATORS.includes(c));
    if (parts.length === 1 && separators === null) separators = hasSemi ? 'semicolon' : 'comma';
    else if (parts.length > 1 && separators === 'comma' && hasSemi) break;
    if (tok.unit !== total.unit) break;
    if (tok.approx) return null;
    // The label: back to the last separator before the number.
    let ls = tok.start;
    while (ls > prevEnd && !(isBreak(text[ls - 1]) && depth[ls - 1] === level)) ls--;
    if (parts.length && P.ENUM_LIST_ENDERS.some((w) => text.slice(ls, tok.start).includes(w))) break;
    // A share (满意的有 45 项，占比 78.9%) is a subset, never a part: the list ends before it.
    if (isShare(text, ls, tok)) break;
    parts.push({ tok, label: text.slice(ls, tok.start), labelStart: ls });
    prevEnd = tok.unitEnd;
  }
  return parts;
}

/** 的有 N 项 (a subset named by a property), or …的 N 项，占比 x%. */
function isShare(text: string, labelStart: number, tok: NumberToken): boolean {
  const label = text.slice(labelStart, tok.start);
  if (matcher(P.ENUM_SHARE_LABELS).test(label)) return true;
  let j = tok.unitEnd;
  while (j < text.length && (/\s/.test(text[j]) || P.COMMA_SEPARATORS.includes(text[j]))) j++;
  return matcher(P.ENUM_SHARE_AFTER).at(text, j) !== null && label.trimEnd().endsWith(P.ENUM_SHARE_LABEL_END);
}

/** The parts of a list with no 共 end in 其他 / 其余 N 条 (不是 另有: 另有 N 件 is an addition). */
const endsInCatchAll = (parts: Part[]) => parts.length >= 2 && P.ENUM_CLOSING_CATCH_ALL.some((w) => normLabel(parts[parts.length - 1].label).startsWith(w));

function normLabel(s: string): string {
  let t = s.replace(/\s+/g, '');
  for (let changed = true; changed;) {
    changed = false;
    for (const w of P.ENUM_LABEL_TRIM_START) if (t.startsWith(w)) { t = t.slice(w.length); changed = true; }
    for (const w of P.ENUM_LABEL_TRIM_END) if (t.endsWith(w) && t.length > w.length) { t = t.slice(0, -w.length); changed = true; }
  }
  return t;
}

function judge(line: number, raw: string, total: NumberToken, all: Part[], exhaustive: boolean, selective: boolean, lists: EnumerationList[]): Finding[] {
  if (all.length < 2) return [];
  const out: Finding[] = [];
  // A breakdown that reaches the total part-way ends there (a second breakdown follows).
  let parts = all;
  let run = 0;
  for (let k = 0; k < all.length; k++) {
    run += all[k].tok.value;
    if (run === total.value && k >= 1) { parts = all.slice(0, k + 1); break; }
  }
  const sum = parts.reduce((s, p) => s + p.tok.value, 0);
  lists.push({ line, start: total.start, end: total.end, total: total.value, parts: parts.map((p) => ({ value: p.tok.value, label: normLabel(p.label) })), sum });
  const range = { start: { line, character: total.start }, end: { line, character: total.end } };
  const labels = parts.map((p) => normLabel(p.label));
  const catchAll = labels.some((l) => P.ENUM_CATCH_ALL.some((w) => l.startsWith(w)));
  const selectiveLabels = parts.some((p) => P.ENUM_SELECTIVE_WORDS.some((w) => p.label.includes(w)));
  const over = sum > total.value;
  const under = sum < total.value && (exhaustive || catchAll) && !selective && !selectiveLabels;
  if (total.tolerance === 0 && !selective && (over || under)) {
    out.push({
      rule: 'enumeration-sum',
      range,
      expected: sum,
      actual: total.value,
      message: enumerationMessage(raw.slice(total.start, total.end), sum, parts.length, !over),
      fix: { title: enumerationFixTitle(sum), edits: [{ range, newText: String(sum) }], changes: 'prose' },
    });
  }
  const seen = new Map<string, Part>();
  parts.forEach((p, k) => {
    const l = labels[k];
    if (l.length < 2) return;
    const first = seen.get(l);
    if (!first) { seen.set(l, p); return; }
    const at = (q: Part) => {
      const exact = q.label.indexOf(l);
      const off = exact >= 0 ? exact : q.label.length - q.label.replace(/^[\s\S]*?(?=\S)/, '').length;
      const s = q.labelStart + Math.max(0, off);
      return { start: { line, character: s }, end: { line, character: Math.min(q.tok.start, s + l.length) } };
    };
    out.push({
      rule: 'enumeration-sum',
      severity: 'information',
      range: at(p),
      message: duplicateMessage(l),
      related: [{ range: at(first), message: firstNamedHere(l) }],
    });
  });
  return out;
}
