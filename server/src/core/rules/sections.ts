// Document rules: the six sections present, once each and in order, with the official heading
// (numeral, punctuation, wording); the three tables present; the statistical period's year.

import { diag, type Finding } from '../diagnostics.js';
import { HEADING_PUNCTUATION, PERIOD_DAY_RE, PERIOD_RE, SECTIONS, SENTENCE_STOP_RE, TABLE_NAMES, TABLE_SECTION, type SectionId, type TableKind } from '../format/index.js';
import { msg } from '../messages.js';
import type { Heading, Range } from '../model.js';
import type { DocumentContext } from './rule.js';

const headingRange = (h: Heading): Range => ({ start: { line: h.line, character: h.start }, end: { line: h.line, character: h.end } });
const officialOf = (id: SectionId) => SECTIONS[id - 1].numeral + HEADING_PUNCTUATION + SECTIONS[id - 1].title;
const ORIGIN: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Nothing of a report at all: no heading and no table (reported once, as section-missing). */
const empty = (ctx: DocumentContext) => !ctx.headings.length && !ctx.tables.length;

export function sectionMissing(ctx: DocumentContext): Finding[] {
  if (empty(ctx)) return [diag('section-missing', ORIGIN, msg.nothingFound())];
  const seen = new Set(ctx.headings.map((h) => h.spec.id));
  const out: Finding[] = [];
  for (const s of SECTIONS) {
    if (seen.has(s.id)) continue;
    const next = ctx.headings.find((h) => h.spec.id > s.id);
    out.push(diag('section-missing', next ? headingRange(next) : ctx.end, msg.sectionMissing(officialOf(s.id))));
  }
  return out;
}

/** Each heading after the first of its section. */
function firsts(headings: Heading[]): { first: Heading[]; again: Heading[] } {
  const seen = new Set<SectionId>();
  const first: Heading[] = [];
  const again: Heading[] = [];
  for (const h of headings) {
    if (seen.has(h.spec.id)) again.push(h);
    else { seen.add(h.spec.id); first.push(h); }
  }
  return { first, again };
}

export function sectionDuplicate(ctx: DocumentContext): Finding[] {
  return firsts(ctx.headings).again.map((h) => diag('section-duplicate', headingRange(h), msg.sectionDuplicate(h.official)));
}

export function sectionOrder(ctx: DocumentContext): Finding[] {
  const out: Finding[] = [];
  let maxSeen = 0;
  for (const h of firsts(ctx.headings).first) {
    const id = h.spec.id;
    if (id < maxSeen) out.push(diag('section-order', headingRange(h), msg.sectionOrder(h.official, officialOf(maxSeen as SectionId))));
    maxSeen = Math.max(maxSeen, id);
  }
  return out;
}

export function sectionTitle(ctx: DocumentContext): Finding[] {
  const out: Finding[] = [];
  for (const h of firsts(ctx.headings).first) {
    if (h.isOfficial) continue;
    out.push(diag('section-title', headingRange(h), msg.sectionTitle(h.official), { fix: { title: msg.fixWording(h.official), edits: [{ range: headingRange(h), newText: h.official }] } }));
  }
  return out;
}

export function tableMissing(ctx: DocumentContext): Finding[] {
  if (empty(ctx)) return [];
  const out: Finding[] = [];
  for (const [kind, section] of Object.entries(TABLE_SECTION) as [TableKind, SectionId][]) {
    if (ctx.tables.some((t) => t.kind === kind)) continue;
    const h = ctx.headings.find((x) => x.spec.id === section) ?? ctx.headings.find((x) => x.spec.id > section);
    out.push(diag('table-missing', h ? headingRange(h) : ORIGIN, msg.tableMissing(TABLE_NAMES[kind])));
  }
  return out;
}

export function periodYear(ctx: DocumentContext): Finding[] {
  if (ctx.reportYear === null) return [];
  const out: Finding[] = [];
  for (const y of ctx.periodYears) {
    if (y.year !== ctx.reportYear) out.push(diag('period-year', { start: { line: y.line, character: y.start }, end: { line: y.line, character: y.end } }, msg.periodYear(y.year, ctx.reportYear)));
  }
  const days = ctx.periodYears.length ? periodDays(ctx.lines[ctx.periodYears[0].line] ?? '') : null;
  if (days && !out.length) {
    const line = ctx.periodYears[0].line;
    for (const [d, month, day] of [[days.from, 1, 1], [days.to, 12, 31]] as const) {
      if (d.month !== month || d.day !== day) out.push(diag('period-year', { start: { line, character: d.start }, end: { line, character: d.end } }, msg.periodDays(d.text, ctx.reportYear, month === 1)));
    }
  }
  return out;
}

interface PeriodDay { month: number; day: number; start: number; end: number; text: string }

/** The first and second day the period sentence names (2023年1月1日至2023年12月31日), or null when it names fewer than two. */
function periodDays(text: string): { from: PeriodDay; to: PeriodDay } | null {
  const p = PERIOD_RE.exec(text);
  if (!p) return null;
  const end = Math.min(text.length, p.index + 60);
  const stop = text.slice(p.index, end).search(SENTENCE_STOP_RE);
  const window = text.slice(0, stop < 0 ? end : p.index + stop);
  const re = new RegExp(PERIOD_DAY_RE.source, 'g');
  re.lastIndex = p.index;
  const found: PeriodDay[] = [];
  let m: RegExpExecArray | null;
  while (found.length < 2 && (m = re.exec(window))) found.push({ month: Number(m[2]), day: Number(m[3]), start: m.index, end: m.index + m[0].length, text: m[0] });
  return found.length === 2 ? { from: found[0], to: found[1] } : null;
}
