// Putting the segments together: the report's sections and tables, and the rules that look
// at the whole document (sections present and in order, required tables, the period's year).

import { compareDiagnostics, diag, type Diagnostic } from './diagnostics.js';
import { SECTIONS, type SectionId } from './format.js';
import { msg } from './messages.js';
import type { Heading, Range, Table } from './model.js';
import type { SegmentResult, YearMention } from './segment.js';
import { normalizeLabel } from './text.js';

export interface Section {
  heading: Heading;
  /** Last line of the section (inclusive). */
  endLine: number;
}

export interface Analysis {
  lineCount: number;
  headings: Heading[];
  sections: Section[];
  tables: Table[];
  diagnostics: Diagnostic[];
  reportYear: number | null;
}

const headingRange = (h: Heading): Range => ({ start: { line: h.line, character: h.start }, end: { line: h.line, character: h.end } });
const officialHeading = (id: SectionId) => {
  const s = SECTIONS[id - 1];
  return `${s.numeral}、${s.title}`;
};

/** Lets a model reuse the section diagnostics of its last analysis while its headings stay the same objects. */
export interface AssembleCache {
  headings: Heading[];
  count: number;
  lastLength: number;
  diagnostics: Diagnostic[];
}

const sameItems = <T>(a: T[], b: T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The analysis from the segments' results (in document lines, in line order) and the document-wide rules. */
export function assemble(segments: SegmentResult[], lines: { count: number; lastLength: number }, cache?: { last?: AssembleCache }): Analysis {
  const headings: Heading[] = [];
  const tables: Table[] = [];
  // Each segment's diagnostics come sorted and segments are in line order, so theirs are sorted
  // as collected; only the document-wide ones are sorted here and merged in.
  const diagnostics: Diagnostic[] = [];
  const wide: Diagnostic[] = [];
  let sectionDiags: Diagnostic[] = [];
  const titleYears: YearMention[] = [];
  let periodYears: YearMention[] = [];
  // One push per item: spreading them all into one call overflows the stack past ~100,000.
  for (const r of segments) {
    if (r.heading) headings.push(r.heading);
    for (const t of r.tables) tables.push(t);
    for (const x of r.diagnostics) diagnostics.push(x);
    if (r.titleYears.length && !titleYears.length) titleYears.push(r.titleYears[0]);
    if (r.periodYears.length && !periodYears.length) periodYears = r.periodYears;
  }
  const sections = headings.map((h, i) => ({ heading: h, endLine: (headings[i + 1]?.line ?? lines.count) - 1 }));
  const endRange: Range = { start: { line: lines.count - 1, character: lines.lastLength }, end: { line: lines.count - 1, character: lines.lastLength } };

  if (!headings.length && !tables.length) {
    wide.push(diag('section-missing', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, {
      zh: '未找到年度报告的任何部分或表格（六个部分标题与三张表格均缺失）',
      en: 'No part of an annual report found (none of the six sections or three tables)',
    }));
  } else {
    // Section diagnostics depend on the headings and the end of the text only (a heading that
    // changed or moved is a new object), so they are reused while those stay the same.
    const last = cache?.last;
    if (last && last.count === lines.count && last.lastLength === lines.lastLength && sameItems(last.headings, headings)) sectionDiags = last.diagnostics;
    else {
      sectionDiags = sectionDiagnostics(headings, endRange).sort(compareDiagnostics);
      if (cache) cache.last = { headings, count: lines.count, lastLength: lines.lastLength, diagnostics: sectionDiags };
    }
    for (const d of tableMissing(headings, tables)) wide.push(d);
  }

  const firstHeading = headings[0]?.line ?? Infinity;
  const title = titleYears.find((y) => y.line < Math.min(firstHeading, 10));
  const reportYear = title?.year ?? null;
  if (reportYear !== null) {
    for (const y of periodYears) {
      if (y.year !== reportYear) {
        wide.push(diag('period-year', { start: { line: y.line, character: y.start }, end: { line: y.line, character: y.end } }, msg.periodYear(y.year, reportYear)));
      }
    }
  }
  wide.sort(compareDiagnostics);
  return { lineCount: lines.count, headings, sections, tables, diagnostics: merge(diagnostics, merge(sectionDiags, wide)), reportYear };
}

/** Merges two sorted lists; on a tie the first list's item comes first (as a stable sort would). */
function merge(a: Diagnostic[], b: Diagnostic[]): Diagnostic[] {
  if (!b.length) return a;
  const out: Diagnostic[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compareDiagnostics(a[i], b[j]) <= 0 ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

function sectionDiagnostics(headings: Heading[], endRange: Range): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<SectionId>();
  let maxSeen = 0;
  for (const h of headings) {
    const id = h.spec.id;
    const official = officialHeading(id);
    if (seen.has(id)) {
      out.push(diag('section-duplicate', headingRange(h), msg.sectionDuplicate(official)));
      continue;
    }
    seen.add(id);
    if (id < maxSeen) out.push(diag('section-order', headingRange(h), msg.sectionOrder(official, officialHeading(maxSeen as SectionId))));
    maxSeen = Math.max(maxSeen, id);
    if (h.numeral !== h.spec.numeral || normalizeLabel(h.text).replace(/^[一二三四五六七八九十]{1,2}[、.,]?/, '') !== normalizeLabel(h.spec.title)) {
      out.push(diag('section-title', headingRange(h), msg.sectionTitle(official), { fix: { title: msg.fixWording(official), edits: [{ range: headingRange(h), newText: official }] } }));
    }
  }
  for (const s of SECTIONS) {
    if (seen.has(s.id)) continue;
    const next = headings.find((h) => h.spec.id > s.id);
    out.push(diag('section-missing', next ? headingRange(next) : endRange, msg.sectionMissing(officialHeading(s.id))));
  }
  return out;
}

function tableMissing(headings: Heading[], tables: Table[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const want: [Table['kind'], SectionId][] = [['t2', 2], ['t3', 3], ['t4', 4]];
  for (const [kind, section] of want) {
    if (tables.some((t) => t.kind === kind)) continue;
    const h = headings.find((x) => x.spec.id === section) ?? headings.find((x) => x.spec.id > section);
    const range = h ? headingRange(h) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    out.push(diag('table-missing', range, msg.tableMissing(msg.tableName(kind))));
  }
  return out;
}
