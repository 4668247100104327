// Fix-all: every fix that cannot change a number a person typed — the fixer's recompute of
// derived cells, and the quick fixes of SAFE_FIX_RULES (official wording of a label or heading,
// full-width digits as ASCII, a placeholder for none as 0, a count's unit or separators dropped).
// Two passes: the safe fixes first, then the recompute of the text they make — a number written
// in full-width digits is not a number until it is ASCII, so the identities that need it are only
// evaluated (and recomputed) then. The second pass's edits are mapped back onto the original text,
// so the result is one set of non-overlapping edits of the text as it is, and every change listed.

import type { Analysis } from './analysis.js';
import type { Diagnostic, RuleId, TextEdit } from './diagnostics.js';
import { analyzeText } from './document.js';
import { applyEdits, recompute, type FixChange, type FixResult, type RecomputeOptions } from './fix.js';
import { keyedCells, tableAt } from './keys.js';
import { msg } from './messages.js';
import type { Cell, Range } from './model.js';

/** The rules whose quick fix cannot change a number a person typed (with recompute, fix-all). */
export const SAFE_FIX_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['label-wording', 'section-title', 'cell-fullwidth-digits', 'cell-placeholder', 'cell-unit']);

/** A document's lines: an array, or the model's accessor. */
export type LineSource = readonly string[] | { line(i: number): string };

const lineAt = (lines: LineSource, i: number) => (Array.isArray(lines) ? (lines as readonly string[])[i] : (lines as { line(i: number): string }).line(i)) ?? '';

const overlaps = (a: Range, b: Range) =>
  a.start.line === b.start.line && a.start.character < b.end.character && b.start.character < a.end.character;

const byStart = (a: { range: Range }, b: { range: Range }) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

/**
 * The fix-all of a report: the safe fixes of `diagnostics` (those still reported, after the
 * configuration file — a finding reviewed as accepted is not among them), then the recompute (with
 * `keep`: cells reviewed as accepted are never rewritten). Every edit is within one line.
 */
export function fixAll(analysis: Analysis, lines: LineSource, diagnostics: readonly Diagnostic[], opts: RecomputeOptions = {}): FixResult {
  const table = opts.tableAt === undefined ? undefined : tableAt(analysis.tables, opts.tableAt);
  let cells: Map<string, Cell> | undefined;
  const cellOf = (r: Range) => {
    cells ??= new Map(analysis.tables.flatMap((t) => keyedCells(t).map((k) => [`${k.cell.line}:${k.cell.start}`, k.cell] as [string, Cell])));
    return cells.get(`${r.start.line}:${r.start.character}`);
  };
  // Pass 1: the safe quick fixes, one-line and not overlapping.
  const first: TextEdit[] = [];
  const changes: FixChange[] = [];
  for (const d of diagnostics) {
    if (!d.fix || d.fix.changes === 'prose' || !SAFE_FIX_RULES.has(d.rule)) continue;
    if (opts.tableAt !== undefined && (!table || d.range.start.line < table.startLine || d.range.end.line > table.endLine)) continue;
    const edits = d.fix.edits;
    if (edits.some((e) => e.range.start.line !== e.range.end.line || first.some((x) => overlaps(x.range, e.range)))) continue;
    for (const e of edits) {
      first.push(e);
      const cell = cellOf(e.range);
      const what = cell ? { zh: cell.label, en: cell.labelEn } : d.rule === 'section-title' ? msg.changedHeading() : msg.changedLabel();
      changes.push({ range: e.range, rule: d.rule, key: cell?.key ?? d.cell ?? d.row ?? '', label: what.zh, labelEn: what.en, old: cell?.text ?? lineAt(lines, e.range.start.line).slice(e.range.start.character, e.range.end.character), new: e.newText });
    }
  }
  if (!first.length) return recompute(analysis, opts);
  // Pass 2: the recompute of the text pass 1 makes (lines and line count are unchanged).
  const text = Array.from({ length: analysis.lineCount }, (_, i) => lineAt(lines, i)).join('\n');
  const second = recompute(analyzeText(applyEdits(text, first)), opts);
  first.sort(byStart);
  const base = first.map((e) => ({ range: e.range, newText: e.newText }));
  const added: TextEdit[] = [];
  for (const c of second.changes) {
    const line = c.range.start.line;
    // A recomputed cell that pass 1 rewrote (a total in full-width digits): that edit's text becomes the total.
    const onLine = base.filter((e) => e.range.start.line === line);
    let shift = 0;
    let merged = false;
    for (const e of onLine) {
      const newStart = e.range.start.character + shift;
      const newEnd = newStart + e.newText.length;
      if (c.range.start.character >= newStart && c.range.end.character <= newEnd) {
        e.newText = e.newText.slice(0, c.range.start.character - newStart) + c.new + e.newText.slice(c.range.end.character - newStart);
        merged = true;
        break;
      }
      if (newEnd <= c.range.start.character) shift += e.newText.length - (e.range.end.character - e.range.start.character);
    }
    const range = { start: { line, character: c.range.start.character - shift }, end: { line, character: c.range.end.character - shift } };
    if (!merged) added.push({ range, newText: c.new });
    changes.push({ ...c, range });
  }
  changes.sort(byStart);
  const edits = [...base, ...added].sort(byStart);
  return { edits, changes, refused: second.refused };
}
