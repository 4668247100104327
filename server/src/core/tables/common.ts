// What the three table recognisers share: lines with their cells, turning raw cells into
// value cells, trimming merged-cell debris from a row, and the label-wording diagnostic.

import { hasTabInside, isPlainCount, isRunningTitle, isValueText, parseValue, PIPE, wordRuns, type ValueRules } from '../cells.js';
import { diag, type Finding } from '../diagnostics.js';
import type { CellKey } from '../format/index.js';
import type { Localized } from '../i18n.js';
import { msg } from '../messages.js';
import { perObject } from '../recent.js';
import type { Cell, LabelCell, RawCell, Range } from '../model.js';
import { normalizeLabel } from '../text.js';

export interface LineCells {
  line: number;
  text: string;
  cells: RawCell[];
}

/**
 * A cell that starts as a number does and holds no Chinese character (`1-1`, `12a`, `3..5`) is a
 * mistyped number, read in its place (cell-not-number), not a label: as a label it would end the
 * row and the table there. Labels that start with a digit have words (1.属于国家秘密).
 */
const MISTYPED_NUMBER = /^[0-9０-９+\-−－][^\u3400-\u9fff\uf900-\ufaff]*$/;

export function isLabel(c: RawCell): boolean {
  return !isValueText(c.text) && !MISTYPED_NUMBER.test(c.text);
}

export function cellRange(c: RawCell): Range {
  return { start: { line: c.line, character: c.start }, end: { line: c.line, character: c.end } };
}

export function spanRange(first: RawCell, last: RawCell): Range {
  return { start: { line: first.line, character: first.start }, end: { line: last.line, character: last.end } };
}

export function lineRange(l: LineCells): Range {
  return { start: { line: l.line, character: 0 }, end: { line: l.line, character: l.text.length } };
}

export function toCell(raw: RawCell, rules: ValueRules, derived: boolean, label: Localized, key: CellKey): Cell {
  // A plain count (most cells) read in place: no parsed-value object between.
  if (isPlainCount(raw.text)) return { line: raw.line, start: raw.start, end: raw.end, text: raw.text, key, value: Number(raw.text), problem: null, derived, label: label.zh, labelEn: label.en };
  const { value, problem } = parseValue(raw.text, rules);
  return { line: raw.line, start: raw.start, end: raw.end, text: raw.text, key, value, problem, derived, label: label.zh, labelEn: label.en };
}

/** A row's value cells fitted to the format's count (`fitRow`). */
export interface Fitted {
  kept: readonly RawCell[];
  extra: readonly RawCell[];
  /** Empty cells were dropped at the row's edges as merged-cell debris. */
  trimmed: boolean;
  /**
   * Which of the row's empty edge cells were debris was a guess: some were dropped and one is
   * kept at an edge (a blank first or last cell). Where a row carries debris (seed 004: an empty
   * cell before its numbers, one after), a row that lost a cell looks like one with a blank at
   * its edge: read so, its numbers would stand one column off.
   */
  guessed: boolean;
}

/**
 * The value cells of a row, as many as the format wants: merged-cell debris (empty cells
 * beyond the count) is dropped from the end, then from the start.
 */
export function fitRow(values: readonly RawCell[], want: number): Fitted {
  // Most rows have the cells wanted, or fewer: nothing to drop, nothing copied.
  if (values.length <= want) return { kept: values, extra: NONE, trimmed: false, guessed: false };
  const v = values.slice();
  while (v.length > want && v[v.length - 1].text === '') v.pop();
  while (v.length > want && v[0].text === '') v.shift();
  const kept = v.slice(0, want);
  const trimmed = v.length < values.length;
  return { kept, extra: v.slice(want), trimmed, guessed: trimmed && edgeBlank(kept) };
}

/** How many of a row's first and last value cells are empty (0 to 2): the cells a row whose debris was guessed has besides them. */
export function edgeBlanks(kept: readonly RawCell[]): number {
  if (!kept.length) return 0;
  return (kept[0].text === '' ? 1 : 0) + (kept.length > 1 && kept[kept.length - 1].text === '' ? 1 : 0);
}

/** Whether a row's first or last value cell is empty, and another is not (a row of blanks reads the same however it is shifted). */
export function edgeBlank(kept: readonly RawCell[]): boolean {
  return kept.length > 0 && (kept[0].text === '' || kept[kept.length - 1].text === '') && kept.some((c) => c.text !== '');
}

/**
 * Whether a row's value cells cannot be put in their columns. A row with fewer than `want` has
 * lost a cell that could have been any of them (a blank that PDF text or a PDF's layer prints as
 * nothing, a cell dropped or two glued in the paste): putting its numbers from the left would put
 * some in the wrong column, so none is put. A row with more is read from the left where its
 * cells came from tabs or `|`, which keep each cell's place (what follows is extra); where one of
 * those came from a line without separators (runs of spaces, one number a line), a number split
 * in two moves the others, and none is put either. A row whose debris had to be guessed
 * (`Fitted.guessed`) puts none either.
 */
export function unplaceable(lines: readonly LineCells[], fit: Fitted, want: number): boolean {
  const { kept, extra } = fit;
  if (kept.length < want) return kept.length > 0;
  if (fit.guessed) return true;
  if (!extra.some((c) => c.text !== '') || !lines.length) return false;
  // Over several lines, where a line break fell inside a cell (a blank one: its tab on both lines) is not known.
  if (kept[0].line !== extra[extra.length - 1].line) return true;
  const first = lines[0].line;
  return kept.some((c) => {
    const l = lines[c.line - first];
    return !!l && !hasTabInside(l.text) && !PIPE.test(l.text);
  });
}

/**
 * Whether a row of exactly `want` cells got its last one from a lone number on a line of its own
 * (`loneNumber`) after a line of several parted by runs of spaces: a page number after a PDF-text
 * row whose blank printed as nothing reads so, as a wrapped last cell does. Which it is cannot be
 * told, so table 三 puts the row's numbers in no column and reports it short. Rows with
 * separators keep their blanks (a short one there lost a cell in the paste and is read as it
 * comes), and rows laid out one number a line throughout are not such rows. Table 四's one row
 * is read as wrapped (14 + 1: core-paste.test.ts).
 */
export function loneTail(lines: readonly LineCells[], fit: Fitted): boolean {
  const { kept, extra } = fit;
  if (!kept.length || !lines.length || extra.some((c) => c.text !== '')) return false;
  const last = kept[kept.length - 1];
  const first = lines[0].line;
  const l = lines[last.line - first];
  if (!l || !loneNumber(l) || last.text === '') return false;
  for (const c of kept) {
    if (c.line === last.line) break;
    const at = lines[c.line - first];
    if (at && !separated(at) && at.cells.filter((x) => x.text !== '').length >= 2) return true;
  }
  return false;
}

/**
 * The blank cells a line's leading tabs stand for where the line goes on with a tab row that was
 * wrapped at a blank cell (`…\t26\t` / `\t\t\t\t26`): each tab before the line's first character
 * ends a cell, as it would inside the row. Only where the row so far (`values`, none on this line)
 * came from lines with tabs, and this line holds values only, with no tab after its first
 * character (splitLine took its tabs for indentation and read one cell); empty otherwise.
 */
export function wrappedBlanks(lines: readonly LineCells[], l: LineCells, values: readonly RawCell[]): RawCell[] {
  if (!values.length || !l.cells.length || !lines.length || l.text.indexOf('\t') < 0 || hasTabInside(l.text)) return NONE_CELLS;
  // A row of blanks so far (`（七）总计\t`) has no place to keep: its cells are the same however the break fell.
  if (l.cells.some((c) => c.text === '' || isLabel(c)) || !values.some((c) => c.text !== '')) return NONE_CELLS;
  if (!eachLineOf(lines, values, (at, line) => line < l.line && !!at && hasTabInside(at.text))) return NONE_CELLS;
  const out: RawCell[] = [];
  for (let i = 0; i < l.text.length && isLead(l.text.charCodeAt(i)); i++) if (l.text.charCodeAt(i) === 9) out.push({ line: l.line, start: i, end: i, text: '' });
  return out;
}
const isLead = (c: number) => c === 9 || c === 32 || c === 0x3000 || c === 0xa0;
const NONE_CELLS: RawCell[] = [];

/** Whether a line's first character (after white space) is a pipe. */
export const opensWithPipe = (l: LineCells) => PIPE.test(l.text.trimStart()[0] ?? '');

/**
 * Whether a table's lines are Markdown rows so far (`markdown`, null before any), given line `l`:
 * every line with a label and another cell opens with a pipe (`| 规章 | 22 | 235 | 5 |`). A line
 * of one cell (a heading, an item's title, a label alone) says nothing; a line of `cells | `
 * (`一、本年新收… | 12 | 3 |`) ends it, and with it the reading of an opening pipe as a border.
 */
export function markdownSoFar(markdown: boolean | null, l: LineCells): boolean | null {
  if (l.cells.length < 2 || !l.cells.some(isLabel)) return markdown;
  if (!opensWithPipe(l)) return false;
  // A Markdown row opens with its label (`| 规章 | 22 |`: splitLine drops the pipe before a label);
  // a line that opens with a pipe and an empty cell (`| -1 | 第二十条… |`: the `cells | ` layout's
  // row whose first cell is blank, as convertTable writes it; a header's `|  | 申请人情况 |`) says nothing.
  return isLabel(l.cells[0]) ? markdown !== false : markdown;
}

/**
 * A line's cells without the empty one before its opening pipe, where the table's lines are
 * Markdown rows (`markdownSoFar`): that pipe is the table's border, not the end of a blank cell.
 * A row wrapped onto a second line (`| 一、本年新收… | 12 | 3 | 0 |` / `| 1 | 2 | 0 | 18 |`) then
 * goes on with its fourth number, not with a blank that would put the rest one column off; a
 * blank cell that opens the second line (`|  | 0 |`) is the next cell and stays a blank. A lone
 * `|` (a blank in the one-cell-per-line layout) is left as it is.
 */
export function withoutBorder(l: LineCells, markdown: boolean | null): readonly RawCell[] {
  return markdown === true && l.cells.length > 1 && l.cells[0].text === '' && opensWithPipe(l) ? l.cells.slice(1) : l.cells;
}

/**
 * The blank cells of a Markdown line of pipes only (`|  |  |  |  |`: splitLine reads no cell in
 * it, merged-cell debris elsewhere), one between each two pipes; none where the line does not
 * open and end with a pipe. What a Markdown row wrapped before its last blanks leaves below
 * (`| （二）部分公开 | 3 |  |  |` / `|  |  |  |  |`); a reader takes them only where they complete
 * the row, cell for cell.
 */
export function pipeBlanks(l: LineCells): RawCell[] {
  const t = l.text.trimEnd();
  if (l.cells.length || !PIPE.test(t[t.length - 1] ?? '') || !opensWithPipe(l)) return NONE_CELLS;
  const out: RawCell[] = [];
  let last = -1;
  for (let i = 0; i < t.length; i++) {
    if (!PIPE.test(t[i])) continue;
    if (last >= 0) out.push({ line: l.line, start: last + 1, end: last + 1, text: '' });
    last = i;
  }
  return out;
}

/** A label cell standing for `official` (fields written out: spreading is slow in hot paths). */
export function asLabel(raw: RawCell, official: string): LabelCell {
  return { line: raw.line, start: raw.start, end: raw.end, text: raw.text, official };
}

/** A label cell that stands for `official`; reports and offers a fix when the wording differs. */
export function labelCell(raw: RawCell, official: string, out: Finding[], row?: string): LabelCell {
  // Most labels are written as the official wording: no normalising to compare them.
  if (raw.text !== official && normalizeLabel(raw.text) !== normalizeLabel(official)) {
    const d = diag('label-wording', cellRange(raw), msg.labelWording(raw.text, official), {
      fix: { title: msg.fixWording(official), edits: [{ range: cellRange(raw), newText: official }] },
    });
    if (row) d.row = row;
    out.push(d);
  }
  return asLabel(raw, official);
}

const NONE: readonly RawCell[] = Object.freeze([]);

export function rowShapeDiagnostics(label: RawCell, labelText: string, kept: readonly RawCell[], extra: readonly RawCell[], want: number, out: Finding[], row: string): void {
  if (kept.length < want) {
    out.push(diag('cells-missing', cellRange(label), msg.cellsMissing(labelText, want, kept.length), { row }));
  }
  if (!extra.length) return;
  const nonEmpty = extra.filter((c) => c.text !== '');
  if (nonEmpty.length) {
    out.push(diag('cells-extra', spanRange(nonEmpty[0], nonEmpty[nonEmpty.length - 1]), msg.cellsExtra(labelText, want, want + nonEmpty.length), { row }));
  }
}

/** At most this many words (runs of text between white space) in one known label that `splitKnown` tries. */
const MAX_WORDS = 6;

/**
 * A cell holding several known labels parted by white space (`信息内容 本年处理决定数量`,
 * `自然人 法人或其他组织 总计`: a row copied from a PDF viewer with one space, one U+3000 or one
 * no-break space between its cells, where a run of them would have parted the cells): those
 * labels as cells of their own, or null where the text is not such a sequence. A label broken by
 * stray spaces (`结果 维持`) stays one piece.
 */
export function splitKnown(c: RawCell, known: (normalized: string) => boolean): RawCell[] | null {
  const t = c.text;
  const runs = wordRuns(t, 80);
  if (runs.length > 80) return null; // prose, not a row of labels
  const n = runs.length >> 1;
  if (n < 2) return null;
  // prev[k]: where the last piece of a split of words [0, k) into known labels starts; -1: none.
  const prev = new Array<number>(n + 1).fill(-1);
  prev[0] = 0;
  for (let k = 1; k <= n; k++) {
    for (let j = Math.max(0, k - MAX_WORDS); j < k; j++) {
      if (prev[j] < 0) continue;
      if (known(normalizeLabel(t.slice(runs[2 * j], runs[2 * k - 1])))) { prev[k] = j; break; }
    }
  }
  if (prev[n] < 0 || prev[n] === 0) return null; // no split, or the whole text as one piece
  const out: RawCell[] = [];
  for (let k = n; k > 0; k = prev[k]) {
    const from = runs[2 * prev[k]];
    const to = runs[2 * k - 1];
    out.push({ line: c.line, start: c.start + from, end: c.start + to, text: t.slice(from, to) });
  }
  return out.reverse();
}

/** Header cells with those holding several known labels (`splitKnown`) split into them. */
export function splitHeaders(headers: RawCell[], known: (normalized: string) => boolean): RawCell[] {
  let out: RawCell[] | null = null;
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    const parts = known(normalizeLabel(h.text)) ? null : splitKnown(h, known);
    if (parts && !out) out = headers.slice(0, i);
    if (out) for (const p of parts ?? [h]) out.push(p);
  }
  return out ?? headers;
}

/** A header label: one cell, or two where a narrow cell wrapped it onto the next line. */
export interface HeaderPiece {
  cells: RawCell[];
  text: string;
}

/**
 * Header cells with wrapped labels joined: two cells on consecutive lines, neither a header of
 * its own, whose text joined is one (`未经复议` / `直接起诉`, `本年收费金额` / `（单位：万元）`).
 */
export function joinWrapped(headers: RawCell[], known: Set<string>): HeaderPiece[] {
  const out: HeaderPiece[] = [];
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    const next = headers[i + 1];
    if (next && next.line === h.line + 1 && !known.has(normalizeLabel(h.text)) && !known.has(normalizeLabel(next.text)) && known.has(normalizeLabel(h.text + next.text))) {
      out.push({ cells: [h, next], text: h.text + next.text });
      i++;
      continue;
    }
    out.push({ cells: [h], text: h.text });
  }
  return out;
}

/** A header piece standing for `official`: label-wording where it differs (with a fix when it is one cell). */
function headerLabel(p: HeaderPiece, official: string, out: Finding[], result: LabelCell[]): void {
  if (p.cells.length === 1) { result.push(labelCell(p.cells[0], official, out)); return; }
  if (normalizeLabel(p.text) !== normalizeLabel(official)) {
    out.push(diag('label-wording', spanRange(p.cells[0], p.cells[p.cells.length - 1]), msg.labelWording(p.text, official)));
  }
  for (const c of p.cells) result.push(asLabel(c, official));
}

/** An official header list normalised, and the first official label of each normalised wording: made once per list. */
const officialOf = perObject((official: readonly string[]): { set: Set<string>; first: Map<string, string> } => {
  const first = new Map<string, string>();
  for (const o of official) {
    const n = normalizeLabel(o);
    if (!first.has(n)) first.set(n, o);
  }
  return { set: new Set(first.keys()), first };
});

/** Header cells: label cells whose wording is checked against the official list, in order when the counts agree. */
export function checkHeaders(headers: RawCell[], official: readonly string[], out: Finding[], similar: (a: string, b: string) => number): LabelCell[] {
  const result: LabelCell[] = [];
  const { set, first } = officialOf(official);
  const pieces = joinWrapped(splitHeaders(headers, (n) => set.has(n)), set);
  if (pieces.length === official.length) {
    pieces.forEach((p, i) => headerLabel(p, official[i], out, result));
    return result;
  }
  for (const p of pieces) {
    const n = normalizeLabel(p.text);
    if (set.has(n)) {
      const o = first.get(n)!;
      for (const c of p.cells) result.push(asLabel(c, o));
      continue;
    }
    let best = '';
    let score = 0;
    for (const o of official) {
      const s = similar(n, normalizeLabel(o));
      if (s > score) [best, score] = [o, s];
    }
    if (score >= 0.6) headerLabel(p, best, out, result);
  }
  return result;
}

/** A page number as a footer prints it: a whole number of one to three digits, nothing else. */
const PAGE_NUMBER = /^\d{1,3}$/;

/**
 * Whether a line holds one small whole number and nothing else, with no cell separator: what a
 * page footer leaves between two rows (`5`), but also a cell of a row wrapped or laid out one
 * cell a line. Only the reader can tell which, by the row's completeness (`pageNumberAt`).
 */
export function loneNumber(l: LineCells): boolean {
  let one: RawCell | null = null;
  for (const c of l.cells) {
    if (c.text === '') continue;
    if (one) return false;
    one = c;
  }
  return !!one && PAGE_NUMBER.test(one.text) && !PIPE.test(l.text) && l.text.indexOf('\t') < 0;
}

/**
 * Whether `values` (a row's value cells) came in a layout that fixes each cell's place, not one
 * number a line: every line they are on has cell separators, or other cells (the row's label,
 * its other numbers). A lone number after such a row is no cell of it; after a row laid out one
 * number a line, it could be.
 */
function placedByLayout(lines: readonly LineCells[], values: readonly RawCell[]): boolean {
  if (!lines.length || !values.length) return false;
  return eachLineOf(lines, values, (l) => !!l && (separated(l) || l.cells.filter((x) => x.text !== '').length >= 2));
}
/** Whether `ok` holds for each line the cells are on (in order, each line once; undefined: a line outside `lines`, which is not empty). */
function eachLineOf(lines: readonly LineCells[], cells: readonly RawCell[], ok: (l: LineCells | undefined, line: number) => boolean): boolean {
  const first = lines[0].line;
  let line = -1;
  for (const c of cells) {
    if (c.line === line) continue;
    line = c.line;
    if (!ok(lines[line - first], line)) return false;
  }
  return true;
}
const separated = (l: LineCells | undefined) => !!l && (hasTabInside(l.text) || PIPE.test(l.text));

/**
 * Whether line `i` is a page number between two rows (page furniture, no cell): a lone number
 * (`loneNumber`) after a row that already has its `want` cells in a layout that fixes their
 * places, before a line that starts a new row (its first cell a label) or where the table ends;
 * blank lines and page marks between aside. A lone number after a short row, or after a row laid
 * out one number a line, is read as a cell: it may be the one that completes it (a wrapped cell,
 * seed 003).
 */
export function pageNumberAt(lines: readonly LineCells[], i: number, values: readonly RawCell[], want: number, stop: (l: LineCells) => boolean): boolean {
  if (!loneNumber(lines[i])) return false;
  const { kept, extra } = fitRow(values, want);
  if (kept.length !== want || extra.some((c) => c.text !== '') || !placedByLayout(lines, kept)) return false;
  for (let j = i + 1; j < lines.length; j++) {
    const l = lines[j];
    if (stop(l)) return true;
    const c = l.cells.find((x) => x.text !== '');
    if (c) return isLabel(c);
  }
  return true;
}

const DIGIT = /\d/;

/**
 * Whether line `i` is the first line of the report's running title printed on two lines (the
 * office, then the year and 政府信息公开工作年度报告, as r01–r03 print their title): one label alone on
 * its line, no digit in it, that the table does not `know` (as a row, header or label piece),
 * right before a running title (cells.ts isRunningTitle: a line with no cells), blank lines and
 * page marks between aside.
 */
export function officeOfTitle(lines: readonly LineCells[], i: number, known: (c: RawCell) => boolean): boolean {
  const l = lines[i];
  if (l.cells.length !== 1 || DIGIT.test(l.text)) return false;
  const c = l.cells[0];
  if (c.text === '' || !isLabel(c) || known(c)) return false;
  for (let j = i + 1; j < lines.length; j++) {
    const next = lines[j];
    if (next.cells.length) return false;
    if (isRunningTitle(next.text)) return true;
  }
  return false;
}
