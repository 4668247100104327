// Document rules: the six sections present, once each and in order, with the official heading
// (numeral, punctuation, wording); the three tables present; the statistical period's year.

import { diag, type Finding } from '../diagnostics.js';
import { HEADING_PUNCTUATION, SECTIONS, TABLE_NAMES, TABLE_SECTION, type SectionId, type TableKind } from '../format/index.js';
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
  return out;
}
