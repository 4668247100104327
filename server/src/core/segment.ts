// A document is cut into segments: each section heading alone, each prose line alone, and
// the runs of other lines (tables, short labels, blanks) between them. A segment is parsed on
// its own, so an edit re-parses only the segments it touches; the others are reused, shifted
// when lines above them were added or removed. An edit within one line that only rewrites the
// number of one value cell of table 三 or 四 (as a person types) is patched into the segment's
// parse instead (`patchCell`): the cell is rebuilt, the cells after it on its line move, and the
// table rules run again on that table; nothing is recognised again.

import { COUNTS, isPlainCount, isValueText, splitLine } from './cells.js';
import { compareDiagnostics, type Diagnostic, type Finding } from './diagnostics.js';
import { PERIOD_RE, SENTENCE_STOP_RE, TITLE_HINT, TITLE_RE, YEAR_RE } from './format/index.js';
import { matchHeading, type LineKind } from './lines.js';
import type { Cell, Heading, LabelCell, RawCell, Table, Table2, Table3, Table3Row, Table4, YearMention } from './model.js';
import { derivedFrom } from './rules/identities.js';
import { checkTable, withSeverity } from './rules/registry.js';
import { toCell, type LineCells } from './tables/common.js';
import { LineMemo } from './lineMemo.js';
import { isT2Start, readT2 } from './tables/t2.js';
import { isT3Start, readT3 } from './tables/t3.js';
import { isT4Row, isT4Start, readT4 } from './tables/t4.js';
import { extend, packedMap } from './shape.js';

export type { YearMention } from './model.js';

export interface SegmentResult {
  heading?: Heading;
  tables: Table[];
  diagnostics: Diagnostic[];
  /** Years in a line that reads like the report's title. */
  titleYears: YearMention[];
  /** Years in the first sentence that states the statistical period. */
  periodYears: YearMention[];
  /** Each table's findings, the reader's and the table rules' apart (for `patchCell`); absent on a shifted copy. */
  parts?: TablePart[];
}

/** One table of a segment and its findings: what its reader reported, and what the table rules found. */
export interface TablePart {
  table: Table;
  read: Diagnostic[];
  checked: Diagnostic[];
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

/** Whether `facts` may read a title's year from line `t` (the test before its TITLE_RE.exec). */
const mayBeTitle = (t: string) => t.length <= 80 && t.includes(TITLE_HINT);
/** Whether `facts` reads a title's year from line `t`. */
const titleLike = (t: string) => mayBeTitle(t) && TITLE_RE.test(t);

function facts(lines: string[], r: SegmentResult, base: number): void {
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i];
    if (!r.titleYears.length && mayBeTitle(t)) {
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

/** What most prose lines yield: one shared, frozen result (a document keeps one per segment). */
const NOTHING: SegmentResult = Object.freeze({ tables: Object.freeze([]) as never, diagnostics: Object.freeze([]) as never, titleYears: Object.freeze([]) as never, periodYears: Object.freeze([]) as never });

/** Whether a segment's result holds nothing (it then adds nothing to the analysis). */
export const isNothing = (r: SegmentResult) => !r.heading && !r.tables.length && !r.diagnostics.length && !r.titleYears.length && !r.periodYears.length;

/**
 * A segment's result with every field present, in one order: the loops over a document's
 * segments (analyze.ts assemble, per edit) then read objects of one shape, not of the five that
 * fields added later or in another order made (megamorphic loads were most of assemble's time).
 */
export function segmentResult(heading: Heading | undefined, tables: Table[], diagnostics: Diagnostic[], titleYears: YearMention[], periodYears: YearMention[], parts: TablePart[] | undefined): SegmentResult {
  return { heading, tables, diagnostics, titleYears, periodYears, parts };
}

/** Parses one segment's lines; `base` is the document line of its first line. */
export function parseSegment(lines: string[], kind: LineKind, base = 0): SegmentResult {
  const r = segmentResult(undefined, [], [], [], [], undefined);
  if (kind === 'heading') {
    const h = matchHeading(lines[0])!;
    r.heading = { line: base, text: lines[0].slice(h.start, h.end), spec: h.spec, numeral: h.numeral, official: h.official, isOfficial: h.isOfficial, start: h.start, end: h.end };
    return r;
  }
  facts(lines, r, base);
  if (kind === 'prose') return r.titleYears.length || r.periodYears.length ? r : NOTHING;
  const cells: LineCells[] = packedMap(lines, (text, i) => ({ line: base + i, text, cells: splitLine(text, base + i) }));
  const parts: TablePart[] = [];
  // Which table each line could start, worked out once per line (the readers ask it of every line they read).
  const startAt: (TableKind | null | undefined)[] = new Array(cells.length);
  const starts = (l: LineCells) => {
    const k = l.line - base;
    let x = startAt[k];
    if (x === undefined) startAt[k] = x = startsOf(l.cells);
    return x;
  };
  let i = 0;
  while (i < cells.length) {
    const kindAt = starts(cells[i]);
    if (!kindAt) { i++; continue; }
    const others = (l: LineCells) => { const k = starts(l); return k !== null && k !== kindAt; };
    const res = kindAt === 't2' ? readT2(cells, i, others) : kindAt === 't3' ? readT3(cells, i, others) : readT4(cells, i, others);
    r.tables.push(res.table);
    const read: Diagnostic[] = [];
    // One by one: a pathological table can have more diagnostics than a call takes arguments.
    for (const d of res.diagnostics) read.push(withSeverity(d));
    parts.push({ table: res.table, read, checked: checked(res.table) });
    i = Math.max(res.endLine, i + 1);
  }
  r.diagnostics = collect(parts);
  r.parts = parts;
  return r;
}

type TableKind = Table['kind'];

/** Cells of digits and spaces only (most table lines): no table starts with them. */
function onlyDigits(cells: RawCell[]): boolean {
  for (const c of cells) {
    const t = c.text;
    for (let i = 0; i < t.length; i++) {
      const x = t.charCodeAt(i);
      if (!((x >= 48 && x <= 57) || x === 32)) return false;
    }
  }
  return true;
}

/** Which tables a cell's text starts as a line's first cell (1: 二) or as any cell (2: 三, 4: 四); one lookup per cell. */
const OPENS_T2 = 1;
const OPENS_T3 = 2;
const OPENS_T4 = 4;
const opens = new LineMemo<number>(20000, 120);
function opensOf(text: string): number {
  let x = opens.peek(text);
  if (x === undefined) {
    const one: RawCell[] = [{ line: 0, start: 0, end: text.length, text }];
    x = (isT2Start(one) ? OPENS_T2 : 0) | (isT3Start(one) ? OPENS_T3 : 0) | (isT4Start(one) ? OPENS_T4 : 0);
    opens.keep(text, x);
  }
  return x;
}

/**
 * The table a line's cells start, if any: a line of numbers only starts none, but table 四's row
 * of fifteen where its header was lost. Table 二 by the first cell with text, then 三, then 四 by any.
 */
function startsOf(cells: RawCell[]): TableKind | null {
  if (onlyDigits(cells)) return isT4Row(cells) ? 't4' : null;
  let first = true;
  let any = 0;
  for (const c of cells) {
    const t = c.text;
    if (t === '') continue;
    if (isPlainCount(t)) { first = false; continue; } // a count: no table's start, no label
    const x = opensOf(t);
    if (first && x & OPENS_T2) return 't2';
    first = false;
    any |= x;
  }
  return any & OPENS_T3 ? 't3' : any & OPENS_T4 ? 't4' : null;
}

function checked(t: Table): Diagnostic[] {
  const found: Finding[] = [];
  checkTable(t, found);
  const out: Diagnostic[] = [];
  for (const d of found) out.push(withSeverity(d));
  return out;
}

/** The findings of a segment's tables, sorted. */
function collect(parts: TablePart[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of parts) {
    for (const d of p.read) out.push(d);
    for (const d of p.checked) out.push(d);
  }
  return out.sort(compareDiagnostics);
}

// ---------------------------------------------------------------------------------------------
// The fast path of an edit within one line: one value cell of table 三 or 四 rewritten.

/**
 * The segment's result after `line` changed from `before` to `after`, when the change rewrote
 * one value cell of a table 三 or 四 from a number-like text to another (neither blank) and
 * left every other cell of the line as it was (moved, at most): the readers decide what a cell is
 * from whether it is a label or blank, never from which number it holds, so the table read again
 * would be this one with that cell rebuilt. `null` when that cannot be shown: then the segment is
 * parsed again. `r` must be in document lines (not a shifted copy's stale positions).
 */
export function patchCell(r: SegmentResult, line: number, before: string, after: string): SegmentResult | null {
  if (!r.parts) return null;
  // A line read by two parts is read again in full: patching one part would leave the other's
  // copy stale. The readers keep each line to one table (fuzz-core's assertTablesApart); this
  // stays as the guard that makes a reader slip cost speed, not a stale finding.
  const holders = r.parts.filter((p) => (p.table.startLine <= line && line <= p.table.endLine) || holdsLine(p.table, line));
  if (holders.length !== 1) return null;
  const part = holders[0];
  if (part.table.kind === 't2') return null;
  // The title's and the statistical period's years are read from lines like these (facts): not
  // touched. A row label with 报 in it (信访举报投诉类申请) is not one.
  if (titleLike(before) || titleLike(after) || PERIOD_RE.test(before) || PERIOD_RE.test(after)) return null;
  const old = splitLine(before, line);
  const now = splitLine(after, line);
  if (old.length !== now.length) return null;
  const delta = after.length - before.length;
  let k = -1;
  for (let i = 0; i < old.length; i++) {
    const a = old[i];
    const b = now[i];
    if (a.text === b.text) {
      const d = k < 0 ? 0 : delta;
      if (b.start !== a.start + d || b.end !== a.end + d) return null;
      continue;
    }
    if (k >= 0) return null;
    k = i;
    if (a.start !== b.start || b.end !== a.end + delta || a.text === '' || b.text === '' || !isValueText(a.text) || !isValueText(b.text)) return null;
  }
  if (k < 0 || startsOf(old) !== startsOf(now)) return null;
  const from = old[k].end;
  const target = old[k];
  let found = false;
  // The copies are written as the readers write them (tables/t3.ts and t4.ts, tables/common.ts
  // toCell and asLabel): the same properties in the same order give a copy the reader's hidden
  // class, so the code that reads tables sees one shape whether a table was read or patched (a
  // spread copy has a hidden class of its own: V8 deoptimised expand, blankCells and the table
  // rules on the first patched table, bench/RESULTS.md "Object shapes").
  const moveLabel = (c: LabelCell): LabelCell => (c.line !== line || c.start < from ? c : { line: c.line, start: c.start + delta, end: c.end + delta, text: c.text, official: c.official });
  const moveCell = (c: Cell): Cell =>
    c.line !== line || c.start < from ? c : { line: c.line, start: c.start + delta, end: c.end + delta, text: c.text, key: c.key, value: c.value, problem: c.problem, derived: c.derived, label: c.label, labelEn: c.labelEn };
  const patch = (c: Cell | null): Cell | null => {
    if (!c || c.line !== line) return c;
    if (c.start === target.start && c.end === target.end) {
      found = true;
      // Tables 三 and 四 read every value cell with the default rules (counts: no sign, no decimals).
      return toCell(now[k], COUNTS, c.derived, { zh: c.label, en: c.labelEn }, c.key);
    }
    return moveCell(c);
  };
  const t = part.table;
  let table: Table;
  if (t.kind === 't3') {
    // Only the rows with a cell on the line are copied; the others are shared with the old table.
    const onLine = (c: RawCell | null) => !!c && c.line === line;
    const rows = packedMap(t.rows, (row): Table3Row => (row.cells.some(onLine) || row.labels.some(onLine) ? { spec: row.spec, labels: packedMap(row.labels, moveLabel), cells: packedMap(row.cells, patch) } : row));
    const headers = t.headers.some(onLine) ? packedMap(t.headers, moveLabel) : t.headers;
    table = { kind: 't3', startLine: t.startLine, endLine: t.endLine, rows, byKey: new Map(rows.map((row) => [row.spec.key, row])), singleOther: t.singleOther, headers } satisfies Table3;
  } else if (t.kind === 't4') {
    table = { kind: 't4', startLine: t.startLine, endLine: t.endLine, headers: packedMap(t.headers, moveLabel), cells: packedMap(t.cells, patch), rowFound: t.rowFound } satisfies Table4;
  } else return null;
  if (!found) return null;
  // The identities whose cells are all the same objects are carried over (rules/identities.ts).
  derivedFrom(table, t);
  const read = delta ? packedMap(part.read, (d) => moveDiagnostic(d, line, from, delta)) : part.read;
  const parts = packedMap(r.parts, (p) => (p === part ? { table, read, checked: checked(table) } : p));
  return segmentResult(r.heading, packedMap(r.tables, (x) => (x === t ? table : x)), collect(parts), r.titleYears, r.periodYears, parts);
}

/** Whether any cell or label of `t` is on `line` (a table's cells can lie past its endLine). */
function holdsLine(t: Table, line: number): boolean {
  const on = (c: RawCell | null) => !!c && c.line === line;
  if (t.kind === 't3') return t.headers.some(on) || t.rows.some((row) => row.cells.some(on) || row.labels.some(on));
  if (t.kind === 't4') return t.headers.some(on) || t.cells.some(on);
  return t.items.some((it) => on(it.title) || it.columns.some(on) || it.rows.some((row) => on(row.label) || row.cells.some(on)));
}

/** A diagnostic with its positions on `line` at or after `from` moved by `delta` (a copy when any moves). */
function moveDiagnostic(x: Diagnostic, line: number, from: number, delta: number): Diagnostic {
  const pos = (p: { line: number; character: number }) => (p.line === line && p.character >= from ? { line, character: p.character + delta } : p);
  const range = (rg: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
    const s = pos(rg.start);
    const e = pos(rg.end);
    return s === rg.start && e === rg.end ? rg : { start: s, end: e };
  };
  const moved = range(x.range);
  const touches = (rg: { start: { line: number }; end: { line: number } }) => rg.start.line <= line && rg.end.line >= line;
  if (moved === x.range && !x.related?.some((r) => touches(r.range)) && !x.fix?.edits.some((e) => touches(e.range))) return x;
  return extend(x, {
    range: moved,
    related: x.related?.map((r) => ({ ...r, range: range(r.range) })),
    fix: x.fix && { ...x.fix, edits: x.fix.edits.map((e) => ({ ...e, range: range(e.range) })) },
  });
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
  return extend(x, {
    range: shiftRange(x.range, d),
    related: x.related?.map((r) => ({ ...r, range: shiftRange(r.range, d) })),
    fix: x.fix && { ...x.fix, edits: x.fix.edits.map((e) => ({ ...e, range: shiftRange(e.range, d) })) },
  });
}

export function shiftTable(t: Table, d: number): Table {
  if (d === 0) return t;
  const base = { startLine: t.startLine + d, endLine: t.endLine + d };
  if (t.kind === 't2') {
    const items = t.items.map((it) => ({
      ...it,
      title: it.title && shiftRaw(it.title, d),
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

