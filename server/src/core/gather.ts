// What assemble (analyze.ts) gathers from the segments' results: the headings, sections and
// tables in line order, the report's format, and the segments' own findings merged with their
// tables' format findings. Kept per model (its rule memo) from one analysis to the next: an edit
// that patched one number leaves every other segment's result the same object in the same place,
// so the lists are copied with the changed entries swapped in, not gathered again from a
// thousand segments (bench c: a document of a hundred reports).

import { compareDiagnostics, mergeSorted, type Diagnostic, type Finding } from './diagnostics.js';
import type { Section } from './analysis.js';
import { t3Rows, type Format } from './format/index.js';
import { t2RowKey, t3RowKey } from './keys.js';
import type { Heading, Table, YearMention } from './model.js';
import { ObjectSlot, perObject } from './recent.js';
import { reportFormat } from './rules/identities.js';
import type { RuleMemo } from './rules/memo.js';
import { checkTableIn, sortedFindings } from './rules/registry.js';
import type { SegmentResult } from './segment.js';
import { packedMap } from './shape.js';

export interface Gathered {
  headings: Heading[];
  sections: Section[];
  tables: Table[];
  /** The first title-like year mention, and the first statistical period's years. */
  titleYears: YearMention[];
  periodYears: YearMention[];
  format: Format;
  /** The segments' own findings and their tables' format findings, sorted. */
  own: Diagnostic[];
}

interface Kept extends Gathered {
  results: SegmentResult[];
  lineCount: number;
  /** Where each segment's tables start in `tables`. */
  tableAt: number[];
  twice: boolean;
  /** Each segment's merged findings and where they start in `own`; null where the whole document's were merged (wholeOwn). */
  owns: SegmentOwn[] | null;
  ownAt: number[];
}

/** What the segments hold, for a document of `lineCount` lines; `memo` the model's (the last gathering kept on it). */
export function gather(segments: SegmentResult[], lineCount: number, memo: RuleMemo): Gathered {
  const prev = memo.gathered as Kept | undefined;
  const kept = (prev && lineCount === prev.lineCount && swapped(prev, segments)) || gatherAll(segments, lineCount, prev);
  memo.gathered = kept;
  return kept;
}

/**
 * The last gathering with the segments that changed swapped in, when each kept its place and its
 * frame (heading, years, tables of the same kinds and format: what the headings, sections, format
 * and `twice` come from); undefined otherwise.
 */
function swapped(prev: Kept, segments: SegmentResult[]): Kept | undefined {
  if (prev.results.length !== segments.length) return undefined;
  const changed: number[] = [];
  for (let k = 0; k < segments.length; k++) {
    if (segments[k] === prev.results[k]) continue;
    if (changed.length === 8 || !sameFrame(prev.results[k], segments[k])) return undefined;
    changed.push(k);
  }
  if (!changed.length) return prev;
  const tables = prev.tables.slice();
  for (const k of changed) segments[k].tables.forEach((t, j) => (tables[prev.tableAt[k] + j] = t));
  const next: Kept = { ...prev, results: segments.slice(), tables };
  const owns = prev.owns && changed.length === 1 ? spliceOwn(prev, prev.owns, changed[0], segments[changed[0]]) : undefined;
  if (owns) return { ...next, ...owns };
  const was = prev.owns;
  return { ...next, ...ownFindings(segments, tables, prev.format, prev.twice, was ? (r, k) => (r === prev.results[k] ? was[k] : undefined) : undefined) };
}

function sameFrame(a: SegmentResult, b: SegmentResult): boolean {
  if (a.heading !== b.heading || a.titleYears !== b.titleYears || a.periodYears !== b.periodYears || a.tables.length !== b.tables.length) return false;
  return a.tables.every((t, j) => {
    const u = b.tables[j];
    return t.kind === u.kind && (t.kind !== 't2' || u.kind !== 't2' || t.format === u.format);
  });
}

function gatherAll(segments: SegmentResult[], lineCount: number, prev?: Kept): Kept {
  const headings: Heading[] = [];
  const tables: Table[] = [];
  const tableAt: number[] = new Array(segments.length);
  const titleYears: YearMention[] = [];
  let periodYears: YearMention[] = [];
  // One push per item: spreading them all into one call overflows the stack past ~100,000.
  for (let k = 0; k < segments.length; k++) {
    const r = segments[k];
    if (r.heading) headings.push(r.heading);
    tableAt[k] = tables.length;
    for (const t of r.tables) tables.push(t);
    if (r.titleYears.length && !titleYears.length) titleYears.push(r.titleYears[0]);
    if (r.periodYears.length && !periodYears.length) periodYears = r.periodYears;
  }
  const format = reportFormat(tables);
  const sections = packedMap(headings, (h, i) => ({ heading: h, endLine: (headings[i + 1]?.line ?? lineCount) - 1 }));
  const twice = new Set(tables.map((t) => t.kind)).size < tables.length;
  // The segments an edit left (the same objects, moved or not) keep their merged findings.
  const was = prev?.owns && prev.format === format ? new Map(prev.results.map((r, k) => [r, prev.owns![k]])) : undefined;
  const { own, owns, ownAt } = ownFindings(segments, tables, format, twice, was && ((r) => was.get(r)));
  // One literal with every field, not `{ ...base, ...found }`: a spread followed by properties it
  // did not have gives the result a hidden class of its own on every call (V8 in Node 20), and
  // assemble's reads of it went megamorphic (bench/RESULTS.md "Object shapes").
  return { results: segments.slice(), lineCount, headings, sections, tables, tableAt, titleYears, periodYears, format, twice, own, owns, ownAt };
}

interface SegmentOwn {
  own: Diagnostic[];
  rowMissing: boolean;
}

/** `own` with one segment's findings replaced, when they stay apart from their neighbours'; undefined otherwise. */
function spliceOwn(prev: Kept, owns: SegmentOwn[], k: number, r: SegmentResult): Pick<Kept, 'own' | 'owns' | 'ownAt'> | undefined {
  const s = segmentOwn(r, prev.format);
  if (prev.twice && s.rowMissing) return undefined;
  const start = prev.ownAt[k];
  const end = start + owns[k].own.length;
  const before = prev.own[start - 1];
  const after = prev.own[end];
  if (s.own.length && ((before && compareDiagnostics(before, s.own[0]) >= 0) || (after && compareDiagnostics(s.own[s.own.length - 1], after) >= 0))) return undefined;
  const nextOwns = owns.slice();
  nextOwns[k] = s;
  let ownAt = prev.ownAt;
  const delta = s.own.length - (end - start);
  if (delta) {
    ownAt = ownAt.slice();
    for (let j = k + 1; j < ownAt.length; j++) ownAt[j] += delta;
  }
  const own = s.own.length || end > start ? prev.own.slice(0, start).concat(s.own, prev.own.slice(end)) : prev.own;
  return { own, owns: nextOwns, ownAt };
}

/**
 * The segments' own findings and their tables' format findings, sorted. Each segment's come sorted
 * and lie on its own lines, so its two lists are merged once (or taken from the last gathering,
 * `kept`) and the segments' put one after another. Where a table's rows are named missing while another
 * table has them (foundElsewhere), or two segments' findings are not apart, the whole document's
 * lists are merged as one, which gives the same order.
 */
function ownFindings(segments: SegmentResult[], tables: Table[], format: Format, twice: boolean, kept?: (r: SegmentResult, k: number) => SegmentOwn | undefined): Pick<Kept, 'own' | 'owns' | 'ownAt'> {
  const owns: SegmentOwn[] = new Array(segments.length);
  const ownAt: number[] = new Array(segments.length);
  const own: Diagnostic[] = [];
  let last: Diagnostic | undefined;
  for (let k = 0; k < segments.length; k++) {
    const s = (owns[k] = kept?.(segments[k], k) ?? segmentOwn(segments[k], format));
    ownAt[k] = own.length;
    if (twice && s.rowMissing) return wholeOwn(segments, tables, format, twice);
    if (!s.own.length) continue;
    if (last && compareDiagnostics(last, s.own[0]) >= 0) return wholeOwn(segments, tables, format, twice);
    for (const d of s.own) own.push(d);
    last = s.own[s.own.length - 1];
  }
  return { own, owns, ownAt };
}

/** ownFindings over the whole document at once. */
function wholeOwn(segments: SegmentResult[], tables: Table[], format: Format, twice: boolean): Pick<Kept, 'own' | 'owns' | 'ownAt'> {
  const diagnostics: Diagnostic[] = [];
  for (const r of segments) for (const x of r.diagnostics) diagnostics.push(x);
  return { own: mergeSorted(twice ? foundElsewhere(tables, diagnostics) : diagnostics, inFormat(tables, format)), owns: null, ownAt: [] };
}

/** A segment's findings and its tables' format findings, merged. */
function segmentOwn(r: SegmentResult, format: Format): SegmentOwn {
  const own = r.tables.length ? mergeSorted(r.diagnostics, inFormat(r.tables, format)) : r.diagnostics;
  return { own, rowMissing: r.diagnostics.some((d) => d.rule === 'row-missing' && !!d.row) };
}

/** Each table's findings of the rules that read the report's format, per table object and format (kept on the table). */
const checkedIn = new ObjectSlot<Table, { format: Format; found: Diagnostic[] }>('format findings');

/** The findings of the rules that read the report's format over every table, sorted. */
function inFormat(tables: Table[], format: Format): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const t of tables) {
    let known = checkedIn.get(t);
    if (!known || known.format !== format) {
      const found: Finding[] = [];
      checkTableIn(t, format, found);
      checkedIn.set(t, (known = { format, found: sortedFindings(found) }));
    }
    for (const d of known.found) out.push(d);
  }
  for (let i = 1; i < out.length; i++) if (compareDiagnostics(out[i - 1], out[i]) > 0) return out.sort(compareDiagnostics);
  return out;
}

/**
 * A table cut in two (a line that reads as prose between its rows, a page break's text): each part
 * is read as a table of its own and would name the other part's rows as missing. A row-missing is
 * dropped when another table of the same kind has that row; a row no part has is named once, by
 * the part that has rows after it (where the row belongs), else by the first.
 */
function foundElsewhere(tables: Table[], diagnostics: Diagnostic[]): Diagnostic[] {
  // Most analyses have no row-missing at all: nothing to walk (a document of a hundred reports
  // would otherwise collect every table's rows on every edit).
  if (!diagnostics.some((d) => d.rule === 'row-missing' && d.row)) return diagnostics;
  const byTable = tables.map((t) => ({ t, rows: rowKeysOf(t) }));
  const tableOf = (d: Diagnostic) => byTable.find((x) => x.t.startLine <= d.range.start.line && d.range.start.line <= x.t.endLine);
  const order = t3Order();
  /** Whether a table has a row that comes after `row` in the format (so the missing row belongs in it). */
  const hasAfter = (x: (typeof byTable)[number] | undefined, row: string) => !!x && [...x.rows].some((r) => (order.get(r) ?? -1) > (order.get(row) ?? Infinity));
  const named = new Map<string, Diagnostic>();
  for (const d of diagnostics) {
    if (d.rule !== 'row-missing' || !d.row) continue;
    const own = tableOf(d);
    if (byTable.some((x) => x !== own && x.rows.has(d.row!))) continue;
    const prior = named.get(d.row);
    if (!prior || (!hasAfter(tableOf(prior), d.row) && hasAfter(own, d.row))) named.set(d.row, d);
  }
  const keep = new Set(named.values());
  return diagnostics.filter((d) => d.rule !== 'row-missing' || !d.row || keep.has(d));
}

/** A table's row keys (`t3.…`, `t2.…`), kept per table: an edit elsewhere leaves the table the same object. */
const rowKeysOf = perObject((t: Table) => new Set(t.kind === 't3' ? t.rows.map((r) => t3RowKey(r.spec)) : t.kind === 't2' ? t.items.flatMap((it) => it.rows.map((r) => t2RowKey(r.spec))) : []));

/** Table 三's rows in the format's order (（六） as one row takes the place of its three); made once. */
let t3OrderMap: Map<string, number> | undefined;
function t3Order(): Map<string, number> {
  if (!t3OrderMap) {
    t3OrderMap = new Map();
    for (const single of [false, true]) t3Rows(single).forEach((r, i) => t3OrderMap!.set(`t3.${r.key}`, single && i >= 20 ? i + 2 : i));
  }
  return t3OrderMap;
}

