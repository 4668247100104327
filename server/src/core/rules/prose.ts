// The prose rules of the registry: prose-table-mismatch (a number the prose states for a table
// figure against the tables) and enumeration-sum (a stated total against its listed parts), over
// the pure functions of core/prose. Prose is every line outside the tables that reads as prose.
// Their quick fixes rewrite prose, so they are marked `changes: 'prose'`: offered as quick fixes
// only, never applied by --fix, recompute or source.fixAll.

import type { Finding } from '../diagnostics.js';
import { firstTables, keyedCells, type KeyedCell } from '../keys.js';
import { msg } from '../messages.js';
import type { Position, Range, Table } from '../model.js';
import { claimReadings, enumerationSums, extractClaims, outsideTables, proseTableMismatch, type Claim, type ClaimReading } from '../prose/index.js';
import { reportContext, type ReportContext } from '../prose/scope.js';
import { numeric } from './identities.js';
import { LineMemo } from '../lineMemo.js';
import type { DocumentContext, ProseContext, TableSpan } from './rule.js';
import { memoized } from './memo.js';

/**
 * The value cells of the report's tables by key: those of the first table of each kind (a report
 * has one of each; a document of many reports is compared by its first ones, as cellByKey does).
 */
export function keyedByKey(tables: readonly Table[]): Map<string, KeyedCell> {
  const out = new Map<string, KeyedCell>();
  for (const t of firstTables(tables)) for (const k of keyedCells(t)) if (!out.has(k.key)) out.set(k.key, k);
  return out;
}

/** Prose lines for an analysis: outside every table's lines (marked in one sweep), and reading as prose. */
function proseFlags(lines: readonly string[], tables: readonly TableSpan[]): Uint8Array {
  const inTable = new Uint8Array(lines.length);
  for (const t of tables) inTable.fill(1, Math.max(0, t.startLine), Math.min(lines.length, t.endLine + 1));
  const flags = new Uint8Array(lines.length);
  for (let i = 0; i < lines.length; i++) if (!inTable[i] && readsAsProse(lines[i])) flags[i] = 1;
  return flags;
}

// Whether a line reads as prose depends on its text alone.
const PROSE_CACHE = new LineMemo<boolean>();
const outside = outsideTables([]);
const readsAsProse = (text: string): boolean => PROSE_CACHE.get(text, () => outside(0, text));

/** A getter over the tables: the number a key's cell holds, null when absent, blank or not a number. */
export function tableValues(cells: ReadonlyMap<string, KeyedCell>): (key: string) => number | null {
  return (key) => {
    const k = cells.get(key);
    return k && numeric(k.cell) ? k.cell.value : null;
  };
}

const cellRange = (k: KeyedCell): Range => ({ start: { line: k.cell.line, character: k.cell.start }, end: { line: k.cell.line, character: k.cell.end } });

interface ProseReading {
  /** Which lines are prose (outside the tables, read as prose), computed once. */
  isProse: (line: number) => boolean;
  /** The report's body and year (prose/scope.ts reportContext), read once for the claims and the zero claims. */
  context: ReportContext;
  claims: Claim[];
}

/**
 * Which lines are prose and what they claim: they do not read the cells' numbers, so they are
 * kept with the prose's inputs (memo.ts 'prose') and shared by every rule and the analysis.
 */
export function proseReading(ctx: ProseContext): ProseReading {
  return memoized(ctx, 'prose:reading', 'prose', () => {
    const flags = proseFlags(ctx.lines, ctx.spans);
    const isProse = (i: number) => flags[i] === 1;
    const context = reportContext(ctx.lines as string[], isProse);
    return { isProse, context, claims: extractClaims(ctx.lines as string[], { isProse, context }) };
  });
}

interface ProseRead extends ProseReading {
  cells: Map<string, KeyedCell>;
  readings: ClaimReading[];
}

/** The prose numbers of a report, each with the table figure it states and whether it agrees. */
export function proseOf(ctx: DocumentContext): ProseRead {
  const { isProse, context, claims } = proseReading(ctx);
  // The cells compared and the readings: kept with the prose and the first tables of each kind.
  return memoized(ctx, 'prose:readings', 'prose+tables', () => {
    // Prose that states no table figure reads no cell: the tables' cells are not keyed for it.
    const cells = claims.length ? keyedByKey(ctx.tables) : new Map<string, KeyedCell>();
    return { isProse, context, claims, cells, readings: claimReadings(claims, tableValues(cells)) };
  });
}

/** prose-table-mismatch: on the prose number, `cell`/`expected` the table's, related to the cells compared. */
export function proseTableMismatchRule(ctx: DocumentContext): Finding[] {
  const { cells, claims } = proseOf(ctx);
  const relatedOf = (keys: string[]) => keys.flatMap((key) => {
    const k = cells.get(key);
    return k ? [{ range: cellRange(k), cell: key, message: msg.relatedCell({ zh: `${k.rowLabel.zh} / ${k.columnLabel.zh}`, en: `${k.rowLabel.en} / ${k.columnLabel.en}` }, k.cell.text) }] : [];
  });
  return proseTableMismatch(claims, tableValues(cells), relatedOf);
}

/** enumeration-sum: on the stated total (`expected` the sum of the parts); a category named twice as information. */
export function enumerationSumRule(ctx: ProseContext): Finding[] {
  return enumerationSums(ctx.lines as string[], { isProse: proseReading(ctx).isProse });
}

const within = (c: Claim, p: Position) => c.line === p.line && c.start <= p.character && p.character <= c.end;

/** The recognised prose number under a position, with what it was compared with (hover). */
export function claimAt(readings: readonly ClaimReading[], p: Position): ClaimReading | undefined {
  return readings.find((r) => within(r.claim, p));
}
