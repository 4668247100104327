// A document is cut into segments: each section heading alone, each prose line alone, and
// the runs of other lines (tables, short labels, blanks) between them. A segment is parsed on
// its own, so an edit re-parses only the segments it touches; the others are reused, shifted
// when lines above them were added or removed.

import { splitLine } from './cells.js';
import { compareDiagnostics, type Diagnostic, type Finding } from './diagnostics.js';
import { PERIOD_RE, SENTENCE_STOP_RE, TITLE_HINT, TITLE_RE, YEAR_RE } from './format/index.js';
import { matchHeading, type LineKind } from './lines.js';
import type { Cell, Heading, LabelCell, RawCell, Table, Table2, Table3, Table4, YearMention } from './model.js';
import { checkTable, withSeverity } from './rules/registry.js';
import type { LineCells } from './tables/common.js';
import { isT2Start, readT2 } from './tables/t2.js';
import { isT3Start, readT3 } from './tables/t3.js';
import { isT4Start, readT4 } from './tables/t4.js';

export type { YearMention } from './model.js';

export interface SegmentResult {
  heading?: Heading;
  tables: Table[];
  diagnostics: Diagnostic[];
  /** Years in a line that reads like the report's title. */
  titleYears: YearMention[];
  /** Years in the first sentence that states the statistical period. */
  periodYears: YearMention[];
}

export interface SegmentSpan {
  start: number;
  count: number;
  kind: LineKind;
}

/** Cuts classified lines `[from, to)` into segments. */
export function cutSegments(kinds: LineKind[], from: number, to: number): SegmentSpan[] {
  const out: SegmentSpan[] = [];
  let i = from;
  while (i < to) {
    if (kinds[i] !== 'other') {
      out.push({ start: i, count: 1, kind: kinds[i] });
      i++;
      continue;
    }
    let j = i + 1;
    while (j < to && kinds[j] === 'other') j++;
    out.push({ start: i, count: j - i, kind: 'other' });
    i = j;
  }
  return out;
}

function yearsIn(text: string, line: number, from: number, to: number): YearMention[] {
  const out: YearMention[] = [];
  const re = new RegExp(YEAR_RE.source, 'g');
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < to) out.push({ year: Number(m[1]), line, start: m.index, end: m.index + 4 });
  return out;
}

function facts(lines: string[], r: SegmentResult, base: number): void {
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i];
    if (!r.titleYears.length && t.length <= 80 && t.includes(TITLE_HINT)) {
      const m = TITLE_RE.exec(t);
      if (m) r.titleYears.push({ year: Number(m[1]), line: base + i, start: m.index, end: m.index + 4 });
    }
    if (!r.periodYears.length) {
      const p = PERIOD_RE.exec(t);
      if (p) {
        const end = Math.min(t.length, p.index + 60);
        const stop = t.slice(p.index, end).search(SENTENCE_STOP_RE);
        for (const y of yearsIn(t, base + i, p.index, stop < 0 ? end : p.index + stop)) r.periodYears.push(y);
      }
    }
  }
}

/** Parses one segment's lines; `base` is the document line of its first line. */
export function parseSegment(lines: string[], kind: LineKind, base = 0): SegmentResult {
  const r: SegmentResult = { tables: [], diagnostics: [], titleYears: [], periodYears: [] };
  if (kind === 'heading') {
    const h = matchHeading(lines[0])!;
    r.heading = { line: base, text: lines[0].slice(h.start, h.end), spec: h.spec, numeral: h.numeral, official: h.official, isOfficial: h.isOfficial, start: h.start, end: h.end };
    return r;
  }
  facts(lines, r, base);
  if (kind === 'prose') return r;
  const cells: LineCells[] = lines.map((text, i) => ({ line: base + i, text, cells: splitLine(text, base + i) }));
  const found: Finding[] = [];
  const starts = (l: LineCells) => (isT2Start(l.cells) ? 't2' : isT3Start(l.cells) ? 't3' : isT4Start(l.cells) ? 't4' : null);
  let i = 0;
  while (i < cells.length) {
    const kindAt = starts(cells[i]);
    if (!kindAt) { i++; continue; }
    const others = (l: LineCells) => { const k = starts(l); return k !== null && k !== kindAt; };
    const res = kindAt === 't2' ? readT2(cells, i, others) : kindAt === 't3' ? readT3(cells, i, others) : readT4(cells, i, others);
    r.tables.push(res.table);
    // One by one: a pathological table can have more diagnostics than a call takes arguments.
    for (const d of res.diagnostics) found.push(d);
    checkTable(res.table, found);
    i = Math.max(res.endLine, i + 1);
  }
  for (const d of found) r.diagnostics.push(withSeverity(d));
  r.diagnostics.sort(compareDiagnostics);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Shifting a segment's result to absolute lines (a copy: cached results stay relative).

function shiftRaw<T extends RawCell>(c: T, d: number): T {
  return { ...c, line: c.line + d };
}
function shiftCell(c: Cell | null, d: number): Cell | null {
  return c ? shiftRaw(c, d) : null;
}
function shiftLabels(ls: LabelCell[], d: number): LabelCell[] {
  return ls.map((l) => shiftRaw(l, d));
}
const shiftPos = (p: { line: number; character: number }, d: number) => ({ line: p.line + d, character: p.character });
const shiftRange = (r: { start: { line: number; character: number }; end: { line: number; character: number } }, d: number) => ({ start: shiftPos(r.start, d), end: shiftPos(r.end, d) });

export function shiftDiagnostic(x: Diagnostic, d: number): Diagnostic {
  if (d === 0) return x;
  return {
    ...x,
    range: shiftRange(x.range, d),
    related: x.related?.map((r) => ({ ...r, range: shiftRange(r.range, d) })),
    fix: x.fix && { ...x.fix, edits: x.fix.edits.map((e) => ({ ...e, range: shiftRange(e.range, d) })) },
  };
}

export function shiftTable(t: Table, d: number): Table {
  if (d === 0) return t;
  const base = { startLine: t.startLine + d, endLine: t.endLine + d };
  if (t.kind === 't2') {
    const items = t.items.map((it) => ({
      ...it,
      title: shiftRaw(it.title, d),
      columns: shiftLabels(it.columns, d),
      rows: it.rows.map((r) => ({ ...r, label: shiftRaw(r.label, d), cells: r.cells.map((c) => shiftCell(c, d)) })),
    }));
    return { ...t, ...base, items } satisfies Table2;
  }
  if (t.kind === 't3') {
    const rows = t.rows.map((r) => ({ ...r, labels: shiftLabels(r.labels, d), cells: r.cells.map((c) => shiftCell(c, d)) }));
    return { ...t, ...base, rows, byKey: new Map(rows.map((r) => [r.spec.key, r])), headers: shiftLabels(t.headers, d) } satisfies Table3;
  }
  return { ...t, ...base, headers: shiftLabels(t.headers, d), cells: t.cells.map((c) => shiftCell(c, d)) } satisfies Table4;
}

export function shiftYears(ys: YearMention[], d: number): YearMention[] {
  return d === 0 ? ys : ys.map((y) => ({ ...y, line: y.line + d }));
}

