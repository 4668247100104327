// The registry's rules over core/years: the content of sections 五 and 六 (section-empty,
// section-fee), and, when last year's report is given (crossCheck), this year's tables and prose
// against it (carryover-mismatch, valid-count-chain, prose-repeated). Last year's places go into
// `related` with its path, range and cell key. None of these offers a fix: the cells are inputs,
// and which year is right is the author's call.

import type { Finding } from '../diagnostics.js';
import type { Analysis } from '../analysis.js';
import type { Cell } from '../model.js';
import { carryoverMismatch, proseLines, proseRepeated, sectionEmpty, sectionFee, sideFromCells, T2_CHAIN_ROWS, T3_COLUMN_KEYS, validCountChain, type CellPlace, type SectionHeading, type YearRecord } from '../years/index.js';
import { numeric } from './identities.js';
import { firstTables } from '../keys.js';
import { ObjectSlot } from '../recent.js';
import type { DocumentContext, PreviousReport, ProseContext } from './rule.js';

export type { YearRecord };

const headingsOf = (ctx: ProseContext): SectionHeading[] => ctx.headings.map((h) => ({ line: h.line, sectionId: h.spec.id, start: h.start, end: h.end }));

/** section-empty: 五 or 六 with a heading and no text. */
export function sectionEmptyRule(ctx: ProseContext): Finding[] {
  return sectionEmpty(ctx.lines, headingsOf(ctx));
}

/** section-fee: 六 says nothing of the information-processing fee (reports of 2021 on). */
export function sectionFeeRule(ctx: ProseContext): Finding[] {
  return sectionFee(ctx.lines, headingsOf(ctx), ctx.identity.year ?? ctx.reportYear);
}

/** The cell keys the cross-year rules read, on either side of a pair. */
const YEAR_KEYS = new Set([
  ...T3_COLUMN_KEYS.flatMap((c) => [`t3.carried.${c}`, `t3.carryOver.${c}`]),
  ...T2_CHAIN_ROWS.flatMap((r) => ['valid', 'issued', 'repealed'].map((v) => `t2.${r}.${v}`)),
]);

/** The year record of a report from its analysis's parts and lines. */
export function yearRecord(a: Pick<Analysis, 'identity' | 'reportYear' | 'headings' | 'tables'>, lines: readonly string[]): YearRecord {
  const cells = new Map<string, CellPlace>();
  // As keyedByKey (the first table of each kind, a key's first cell; keys.ts keyedCells' cells of
  // tables 二 and 三), without making every keyed cell of the report.
  const add = (cell: Cell | null | undefined) => {
    if (cell && YEAR_KEYS.has(cell.key) && !cells.has(cell.key)) cells.set(cell.key, { line: cell.line, start: cell.start, end: cell.end, value: numeric(cell) ? cell.value : null });
  };
  for (const t of firstTables(a.tables)) {
    if (t.kind === 't3') for (const r of t.rows) for (const cell of r.cells) add(cell);
    else if (t.kind === 't2') for (const it of t.items) for (const r of it.rows) r.cells.forEach((cell, i) => it.spec.values[i] && add(cell));
  }
  return { year: a.identity?.year ?? a.reportYear, cells, prose: proseLines(lines, { headings: a.headings, tables: a.tables }), anchor: a.identity?.titleRange ?? null };
}

/** The record of each context, and of each previous analysis with the lines it was made from. */
const ofContext = new ObjectSlot<DocumentContext, YearRecord>('year record');
const ofAnalysis = new ObjectSlot<Analysis, { lines: readonly string[]; record: YearRecord }>('year record');

function currentOf(ctx: DocumentContext): YearRecord {
  if (ctx.record) return ctx.record;
  let r = ofContext.get(ctx);
  if (!r) ofContext.set(ctx, (r = yearRecord(ctx, ctx.lines)));
  return r;
}

function previousOf(p: PreviousReport): YearRecord {
  if ('record' in p) return p.record;
  let m = ofAnalysis.get(p.analysis);
  if (!m || m.lines !== p.lines) ofAnalysis.set(p.analysis, (m = { lines: p.lines, record: yearRecord(p.analysis, p.lines) }));
  return m.record;
}

const sides = (ctx: DocumentContext, previous: PreviousReport) => {
  const current = currentOf(ctx);
  const before = previousOf(previous);
  return { current: sideFromCells('', current.year, current.cells), previous: sideFromCells(previous.source, before.year, before.cells) };
};

/** carryover-mismatch: this year's 二、上年结转 per column against last year's 四、结转下年度继续办理. */
export function carryoverMismatchRule(ctx: DocumentContext): Finding[] {
  if (!ctx.previous) return [];
  const s = sides(ctx, ctx.previous);
  return carryoverMismatch(s.current, s.previous);
}

/** valid-count-chain: 现行有效 against last year's + 本年制发 − 本年废止 (规章, 行政规范性文件). */
export function validCountChainRule(ctx: DocumentContext): Finding[] {
  if (!ctx.previous) return [];
  const s = sides(ctx, ctx.previous);
  return validCountChain(s.current, s.previous);
}

/** prose-repeated: the share of this year's prose sentences repeated word for word from last year's. */
export function proseRepeatedRule(ctx: DocumentContext): Finding[] {
  const prev = ctx.previous;
  if (!prev) return [];
  const current = currentOf(ctx);
  return proseRepeated(current.prose, previousOf(prev).prose, { threshold: ctx.proseThreshold, anchor: current.anchor ?? undefined, previousPath: prev.source });
}
