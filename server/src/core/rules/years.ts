// The registry's rules over core/years: the content of sections 五 and 六 (section-empty,
// section-fee), and, when last year's report is given (crossCheck), this year's tables and prose
// against it (carryover-mismatch, valid-count-chain, prose-repeated). Last year's places go into
// `related` with its path, range and cell key. None of these offers a fix: the cells are inputs,
// and which year is right is the author's call.

import type { Finding } from '../diagnostics.js';
import type { Table } from '../model.js';
import { carryoverMismatch, proseLines, proseRepeated, sectionEmpty, sectionFee, sideFromCells, validCountChain, type SectionHeading, type YearSide } from '../years/index.js';
import { numeric } from './identities.js';
import { keyedByKey } from './prose.js';
import type { DocumentContext, PreviousReport, ProseContext } from './rule.js';

const headingsOf = (ctx: ProseContext): SectionHeading[] => ctx.headings.map((h) => ({ line: h.line, sectionId: h.spec.id, start: h.start, end: h.end }));

/** section-empty: 五 or 六 with a heading and no text. */
export function sectionEmptyRule(ctx: ProseContext): Finding[] {
  return sectionEmpty(ctx.lines, headingsOf(ctx));
}

/** section-fee: 六 says nothing of the information-processing fee (reports of 2021 on). */
export function sectionFeeRule(ctx: ProseContext): Finding[] {
  return sectionFee(ctx.lines, headingsOf(ctx), ctx.identity.year ?? ctx.reportYear);
}

/** One year's report as the cross-year rules see it: its cells by key. */
function sideOf(path: string, year: number | null, tables: readonly Table[]): YearSide {
  const cells = new Map<string, { line: number; start: number; end: number; value: number | null }>();
  for (const [key, k] of keyedByKey(tables)) cells.set(key, { line: k.cell.line, start: k.cell.start, end: k.cell.end, value: numeric(k.cell) ? k.cell.value : null });
  return sideFromCells(path, year, cells);
}

const sides = (ctx: DocumentContext, previous: PreviousReport) => ({
  current: sideOf('', ctx.identity.year ?? ctx.reportYear, ctx.tables),
  previous: sideOf(previous.source, previous.analysis.identity?.year ?? previous.analysis.reportYear, previous.analysis.tables),
});

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
  const current = proseLines(ctx.lines, { headings: ctx.headings, tables: ctx.tables });
  const before = proseLines(prev.lines, { headings: prev.analysis.headings, tables: prev.analysis.tables });
  return proseRepeated(current, before, { threshold: ctx.proseThreshold, anchor: ctx.identity.titleRange ?? undefined, previousPath: prev.source });
}
