// Table layout for drafting: aligning the columns of ` | ` tables by display width (Format
// Document), and converting a table between the ` | ` and the tab layout. Only the white space
// around separators changes: every cell's text, the separators, the prose, the line count and
// the line ends stay as they were, and a second run changes nothing.
//
// Alignment works on blocks: runs of ` | ` rows inside a table the core recognised, cut at
// one-cell rows (a 第二十条 item title, one-cell-per-line layout) and where a header follows data.
// In a block the leading label cells of data rows fill the label columns (a row with fewer
// labels lets its last one span the rest, like a merged cell), the value cells fill the value
// columns from the left, and a header row with as many cells as the grid aligns with it.

import { isRunningTitle, isValueText, leadingSpace, splitLine, trailingSpace } from '../cells.js';
import type { TextEdit } from '../diagnostics.js';
import { analyzeText, splitWithEols } from '../document.js';
import { applyEdits } from '../fix.js';
import { tableAt } from '../keys.js';
import { cellsOf } from '../view.js';

import { classifyLine } from '../lines.js';
import type { Table } from '../model.js';
import type { Analysis } from '../analysis.js';
import { codePointWidth, displayWidth } from './width.js';

export type TableLayout = 'pipes' | 'tabs';

/** A ` | ` row as written: cell texts (trimmed) and the separators between and around them. */
export interface PipeRow {
  /** The separator before the first cell (`| a | b`), or ''. */
  lead: string;
  cells: string[];
  /** Separators between cells: `seps[i]` follows `cells[i]`. */
  seps: string[];
  /** The separator after the last cell (`a | b |`), or ''. */
  trail: string;
}

const isSep = (c: number) => c === 0x7c || c === 0xff5c;
const trim = (s: string) => {
  const l = leadingSpace(s);
  return l === s.length ? '' : s.slice(l, s.length - trailingSpace(s));
};

/** Reads a ` | ` row; null for a line with a tab, no separator, only separators, or a |---| rule. */
export function readPipeRow(text: string): PipeRow | null {
  if (text.includes('\t')) return null;
  const pieces: string[] = [];
  const seps: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (isSep(text.charCodeAt(i))) {
      pieces.push(text.slice(from, i));
      seps.push(text[i]);
      from = i + 1;
    }
  }
  if (!seps.length) return null;
  pieces.push(text.slice(from));
  const cells = pieces.map(trim);
  if (cells.every((c) => c === '')) return null; // merged-cell debris: `|||`
  if (text.includes('---') && /^[\s|｜:-]*$/.test(text)) return null; // a Markdown rule line
  let lead = '';
  let trail = '';
  // The core reads a trailing blank piece as nothing and a leading one as a blank cell; both are
  // kept as separators of their own so that the row reads back the same.
  if (cells[cells.length - 1] === '') {
    cells.pop();
    trail = seps.pop()!;
  }
  if (cells[0] === '' && cells.length > 1 && leadingSpace(pieces[0]) === pieces[0].length) {
    cells.shift();
    lead = seps.shift()!;
  }
  return { lead, cells, seps, trail };
}

/** The row with one space each side of every separator and no padding. */
function plain(r: PipeRow): string {
  let s = r.lead ? r.lead + ' ' : '';
  r.cells.forEach((c, i) => {
    s += c;
    if (i < r.seps.length) s += ` ${r.seps[i]} `;
  });
  if (r.trail) s += (r.cells.length ? ' ' : '') + r.trail;
  return s;
}

interface Placed {
  row: PipeRow;
  /** Grid column of each cell, and the last column it covers. */
  from: number[];
  to: number[];
}

/** How many leading cells of a row are its labels (blank cells among them are merged-cell debris). */
function labelCount(cells: string[]): number {
  let k = 0;
  while (k < cells.length && (cells[k] === '' || !isValueText(cells[k]))) k++;
  while (k > 0 && cells[k - 1] === '') k--;
  return k;
}

/** A row with a value that is not blank: data, not a header. */
function hasValues(cells: string[]): boolean {
  for (let i = labelCount(cells); i < cells.length; i++) if (cells[i] !== '') return true;
  return false;
}

/** Cells before the trailing blank ones (merged-cell debris from Word: `标题 | |||`). */
function significant(cells: string[]): number {
  let n = cells.length;
  while (n > 0 && cells[n - 1] === '') n--;
  return n;
}

/**
 * A text's width as wide (W/F: CJK, full-width forms) and narrow columns, counted apart. Editors
 * draw a CJK character in a CJK font whose advance is seldom exactly two Latin columns (VS Code's
 * default font on Linux takes CJK from a fallback 1 em wide against 0.6 em Latin), so cells padded
 * to the same display width are still ragged on screen. Padded to the same number of wide *and*
 * of narrow columns — the wide shortfall with U+3000 IDEOGRAPHIC SPACE, which every CJK font draws
 * as wide as its ideographs, the narrow one with spaces — every cell of a column takes the same
 * width in any font whose wide glyphs share one advance and whose narrow ones another.
 */
interface Size {
  wide: number;
  narrow: number;
}

function sizeOf(s: string): Size {
  let wide = 0;
  let narrow = 0;
  for (const ch of s) {
    const w = codePointWidth(ch.codePointAt(0)!);
    if (w === 2) wide++;
    else narrow += w;
  }
  return { wide, narrow };
}

const IDEOGRAPHIC_SPACE = '\u3000';
const padding = (have: Size, want: Size) => IDEOGRAPHIC_SPACE.repeat(Math.max(0, want.wide - have.wide)) + ' '.repeat(Math.max(0, want.narrow - have.narrow));

/**
 * The aligned texts of one block of rows. Labels are left-aligned, numbers right-aligned (their
 * last digits in one column); a column is as wide, in wide and in narrow columns, as its widest
 * label or value. A heading over a value column (`本年制发件数` over numbers) is padded with plain
 * spaces by display width, so that the numbers below never carry ideographic spaces; the heading
 * row is then aligned by display width only. Trailing blank cells (merged-cell debris from Word:
 * `标题 | |||`) are left out of the grid and written compactly, never padded into columns.
 */
function alignBlock(rows: PipeRow[]): string[] {
  const data = rows.filter((r) => hasValues(r.cells));
  if (!data.length) return rows.map(plain);
  const lmax = Math.max(...data.map((r) => labelCount(r.cells)));
  const vmax = Math.max(...data.map((r) => significant(r.cells) - labelCount(r.cells)));
  const placed = rows.map((row) => place(row, lmax, lmax + vmax));
  const grid = placed.filter((p): p is Placed => p !== null);
  const sepWidth = 2 + Math.max(1, ...grid.flatMap((p) => [...p.row.seps, p.row.trail].map(displayWidth)));
  const lead: Size = { wide: 0, narrow: 0 };
  for (const p of grid) {
    if (!p.row.lead) continue;
    const s = sizeOf(p.row.lead + ' ');
    lead.wide = Math.max(lead.wide, s.wide);
    lead.narrow = Math.max(lead.narrow, s.narrow);
  }
  const columns = new Columns(grid, lmax + vmax, lmax, sepWidth);
  return placed.map((p, r) => (p ? writeRow(p, columns, lead) : plain(rows[r])));
}

/** Where a row's cells go in a grid of `cols` columns, the first `lmax` labels: a data row's labels left, its values right; a heading row as wide as the grid cell for cell; null for another row (left as it is). */
function place(row: PipeRow, lmax: number, cols: number): Placed | null {
  const sig = significant(row.cells);
  const from: number[] = [];
  const to: number[] = [];
  if (hasValues(row.cells)) {
    const k = labelCount(row.cells);
    for (let i = 0; i < sig; i++) {
      if (i < k) {
        from.push(i);
        to.push(i === k - 1 ? lmax - 1 : i);
      } else {
        from.push(lmax + i - k);
        to.push(lmax + i - k);
      }
    }
    return { row, from, to };
  }
  if (sig === cols) {
    for (let i = 0; i < sig; i++) from.push(i), to.push(i);
    return { row, from, to };
  }
  return null;
}

const isData = (p: Placed) => hasValues(p.row.cells);
const width = (z: Size) => 2 * z.wide + z.narrow;

/** The grid's column sizes, in wide and narrow columns, and the separators' width. */
class Columns {
  readonly size: Size[];

  constructor(grid: Placed[], cols: number, readonly lmax: number, readonly sepWidth: number) {
    const size: Size[] = Array.from({ length: cols }, () => ({ wide: 0, narrow: 0 }));
    this.size = size;
    // Labels anywhere, and the values of data rows.
    for (const p of grid) {
      for (let i = 0; i < p.from.length; i++) {
        const j = p.from[i];
        if (j !== p.to[i] || (j >= lmax && !isData(p))) continue;
        const s = sizeOf(p.row.cells[i]);
        size[j].wide = Math.max(size[j].wide, s.wide);
        size[j].narrow = Math.max(size[j].narrow, s.narrow);
      }
    }
    // A heading over values widens its column by display width.
    for (const p of grid) {
      if (isData(p)) continue;
      for (let i = 0; i < p.from.length; i++) {
        const j = p.from[i];
        if (j < lmax || j !== p.to[i]) continue;
        size[j].narrow += Math.max(0, displayWidth(p.row.cells[i]) - width(size[j]));
      }
    }
    // A label spanning columns (a row with fewer labels) widens the last column it covers.
    for (const p of grid) {
      for (let i = 0; i < p.from.length; i++) {
        if (p.from[i] === p.to[i]) continue;
        const s = sizeOf(p.row.cells[i]);
        const z = this.spanned(p.from[i], p.to[i]);
        size[p.to[i]].wide += Math.max(0, s.wide - z.wide);
        size[p.to[i]].narrow += Math.max(0, s.narrow - z.narrow);
      }
    }
  }

  /** The size of columns `from` to `to` with the separators between them. */
  spanned(from: number, to: number): Size {
    const z = { wide: 0, narrow: (to - from) * this.sepWidth };
    for (let j = from; j <= to; j++) (z.wide += this.size[j].wide), (z.narrow += this.size[j].narrow);
    return z;
  }
}

/** A placed row's aligned text: labels padded after, a data row's values before (their last digits in one column), a heading over values by display width. */
function writeRow(p: Placed, columns: Columns, lead: Size): string {
  const { row } = p;
  const data = isData(p);
  let s = row.lead ? row.lead + ' ' : '';
  if (lead.wide + lead.narrow) s += padding(sizeOf(s), lead);
  const sep = (x: string) => ` ${x}${' '.repeat(Math.max(0, columns.sepWidth - 2 - displayWidth(x)))}`;
  row.cells.forEach((c, i) => {
    const last = i === row.cells.length - 1;
    const closes = !last || !!row.trail;
    if (i < p.from.length) {
      const j = p.from[i];
      const want = columns.spanned(j, p.to[i]);
      const isValue = j >= columns.lmax;
      const pad = isValue && !data ? ' '.repeat(Math.max(0, width(want) - displayWidth(c))) : padding(sizeOf(c), want);
      if (isValue && data) s += pad + c;
      else s += c + (closes ? pad : '');
    } else s += c; // debris: not padded
    if (closes) s += sep(last ? row.trail : row.seps[i]) + (last ? '' : ' ');
  });
  return s;
}

/** New texts for the ` | ` rows of the lines `[from, to]` (a table), by line; unchanged lines absent. */
function alignLines(lines: string[], from: number, to: number, out: Map<number, string>): void {
  let block: { line: number; row: PipeRow }[] = [];
  const flush = () => {
    if (!block.length) return;
    const texts = alignBlock(block.map((b) => b.row));
    block.forEach((b, i) => { if (texts[i] !== lines[b.line]) out.set(b.line, texts[i]); });
    block = [];
  };
  let lastHadValues = false;
  for (let i = from; i <= to && i < lines.length; i++) {
    const row = readPipeRow(lines[i]);
    if (!row) {
      flush();
      lastHadValues = false;
      continue;
    }
    if (significant(row.cells) <= 1) {
      flush();
      const t = plain(row);
      if (t !== lines[i]) out.set(i, t);
      lastHadValues = false;
      continue;
    }
    const data = hasValues(row.cells);
    if (!data && lastHadValues) flush(); // a header after data: the next table begins
    block.push({ line: i, row });
    lastHadValues = data;
  }
  flush();
}

function lineEdits(lines: string[], changed: Map<number, string>): TextEdit[] {
  return [...changed.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([line, newText]) => ({ range: { start: { line, character: 0 }, end: { line, character: lines[line].length } }, newText }));
}

/** Edits that align the ` | ` tables of a text (one per changed line; none when already aligned). */
export function formatTables(text: string, tables: Table[] = analyzeText(text).tables): TextEdit[] {
  const [lines] = splitWithEols(text);
  const changed = new Map<number, string>();
  for (const t of tables) alignLines(lines, t.startLine, t.endLine, changed);
  return lineEdits(lines, changed);
}

/** The cells the core reads from a line, as texts. */
const cellTexts = (line: string) => splitLine(line, 0).map((c) => c.text);
const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Edits that rewrite the table at `line` in the other layout: ` | ` (aligned) or tabs. A line
 * that would not read back as the same cells in the new layout (a lone cell with runs of spaces
 * in it, say) is left as it was. Empty when there is no table at `line`.
 */
export function convertTable(text: string, line: number, to: TableLayout): TextEdit[] {
  const [lines] = splitWithEols(text);
  const original = analyzeText(text);
  const table = tableAt(original.tables, line);
  if (!table) return [];
  const next = lines.slice();
  for (let i = table.startLine; i <= table.endLine && i < lines.length; i++) {
    const cells = cellTexts(lines[i]);
    // A line of one number or of a title is left as it is: the separator added or dropped would
    // change what it is (`0` after a whole row is a page number, `0 |` a cell: tables/common.ts
    // pageNumberAt; a title with ` |` a cell, without it a running title).
    if (!cells.length || (cells.length === 1 && (isValueText(cells[0]) || isRunningTitle(cells[0])))) continue;
    const t = to === 'tabs' ? cells.join('\t') : cells.join(' | ') + ' |';
    if (t !== lines[i] && same(cellTexts(t), cells) && classifyLine(t) === 'other') next[i] = t;
  }
  if (to === 'pipes') {
    // Align the converted table where it now stands (its lines are the same ones).
    const draft = next.join('\n');
    const t = tableAt(analyzeText(draft).tables, line);
    if (t) {
      const aligned = new Map<number, string>();
      alignLines(next, t.startLine, t.endLine, aligned);
      for (const [i, s] of aligned) next[i] = s;
    }
  }
  const changed = new Map<number, string>();
  next.forEach((s, i) => { if (s !== lines[i]) changed.set(i, s); });
  const edits = lineEdits(lines, changed);
  // A conversion never changes what is read. A line it leaves as it is (a lone number, a title) is
  // read after the converted line before it: a row wrapped onto `|12` or `\t-1` reads its opening
  // pipe or tab by the layout of that line (tables/common.ts withoutBorder, wrappedBlanks), so
  // such a table is left in its layout rather than read otherwise.
  return edits.length && readingOf(analyzeText(applyEdits(text, edits))) !== readingOf(original) ? [] : edits;
}

/** What a report reads as: its tables' places, every finding (rule, line, key, message) and every cell by key. */
function readingOf(a: Analysis): string {
  const findings = a.diagnostics.map((d) => JSON.stringify([d.rule, d.range.start.line, d.cell ?? d.row ?? null, d.expected, d.actual, d.message.en])).sort();
  return JSON.stringify([a.tables.map((t) => `${t.kind} ${t.startLine}-${t.endLine}`), findings, cellsOf(a).map((k) => `${k.key}=${k.cell.text}`)]);
}

/** `convertTable` and `formatTables` applied: the new text. */
export function withEdits(text: string, edits: TextEdit[]): string {
  return applyEdits(text, edits);
}
