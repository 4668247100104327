// Table 四 (行政复议、行政诉讼情况): a three-level header over one row of fifteen cells, three
// groups of five results (format: TABLE4), keyed t4.<group>.<result>.

import { COUNTS } from '../cells.js';
import { diag, type Finding } from '../diagnostics.js';
import { T4_START, TABLE4, TABLE_SHORT } from '../format/index.js';
import { msg } from '../messages.js';
import type { Cell, RawCell, Table4 } from '../model.js';
import { normalizeLabel, similarity } from '../text.js';
import { checkHeaders, edgeBlanks, fitRow, isLabel, lineRange, loneNumber, officeOfTitle, opensWithPipe, spanRange, toCell, unplaceable, wrappedBlanks, type LineCells } from './common.js';

/** Whether the first line after `i` with a cell holds the row whole: fifteen cells, none a label, parted by separators or runs of spaces. */
function wholeRowAfter(lines: LineCells[], i: number, stop: (l: LineCells) => boolean): boolean {
  for (let j = i + 1; j < lines.length && !stop(lines[j]); j++) {
    const cells = lines[j].cells;
    if (!cells.some((c) => c.text !== '')) continue;
    if (cells.some(isLabel)) return false;
    const { kept, extra } = fitRow(cells, WIDTH);
    return kept.length === WIDTH && !extra.some((c) => c.text !== '');
  }
  return false;
}

/**
 * Header labels that are table 四's and nothing else's (not 其他结果 or 总计, which other tables
 * share): any of them starts the table, so that it is read where its first header line was lost.
 */
const SHARED = new Set(TABLE4.results.filter((r) => r.key === 'other' || r.role === 'total').map((r) => r.label));
const STARTS = new Set([T4_START, ...TABLE4.header].filter((h) => !SHARED.has(h)).map(normalizeLabel));
const HEADER_SET = new Set(TABLE4.header.map(normalizeLabel));

export function isT4Start(cells: RawCell[]): boolean {
  return cells.some((c) => STARTS.has(normalizeLabel(c.text)));
}

/** A line of exactly fifteen numbers: table 四's one row (no other table has a row that wide), read even without its header. */
export function isT4Row(cells: RawCell[]): boolean {
  let n = 0;
  for (const c of cells) if (c.text !== '') n++;
  return n === WIDTH;
}

/** The fifteen cells in printed order: group by group, result by result. */
const SLOTS = TABLE4.groups.flatMap((g) =>
  TABLE4.results.map((r) => ({ key: `t4.${g.key}.${r.key}`, derived: r.role === 'total', label: { zh: `${g.label} ${r.label}`, en: `${g.en}: ${r.en}` } })),
);
const WIDTH = SLOTS.length;
const NAME = TABLE4.name;

export interface T4Result {
  table: Table4;
  endLine: number;
  diagnostics: Finding[];
}

export function readT4(lines: LineCells[], from: number, stop: (l: LineCells) => boolean): T4Result {
  const out: Finding[] = [];
  const headers: RawCell[] = [];
  const values: RawCell[] = [];
  let inData = false;
  /** Every header line opened with a pipe: a Markdown table, each line's opening pipe a border. */
  let markdown: boolean | null = null;
  let end = from;
  for (let i = from; i < lines.length; i++) {
    const l = lines[i];
    if (i > from && stop(l)) break;
    if (!l.cells.length) { end = i + 1; continue; }
    // The office's line of a running title on two lines, where the page broke inside the table.
    if (officeOfTitle(lines, i, (c) => STARTS.has(normalizeLabel(c.text)) || HEADER_SET.has(normalizeLabel(c.text)))) { end = i + 1; continue; }
    const labels = l.cells.filter(isLabel);
    if (!inData) {
      if (labels.length) {
        for (const c of labels) headers.push(c);
        if (l.cells.length > 1) markdown = markdown !== false && opensWithPipe(l);
        end = i + 1;
        continue;
      }
      if (!l.cells.some((c) => c.text !== '')) { end = i + 1; continue; } // header debris
      // A page footer's number between the header and a whole row of fifteen below it: no cell.
      if (loneNumber(l) && wholeRowAfter(lines, i, stop)) { end = i + 1; continue; }
      inData = true;
    }
    if (labels.length) break; // text after the row
    // A Markdown row (`| 5 |  | 2 | … |`): the first cell empty before the line's opening pipe is a
    // border, not a blank — where the header's lines open with a pipe too (then a row of fourteen
    // numbers is short, not a blank and fourteen numbers each one column off), or where the row has
    // one cell more than fifteen (a blank first cell of `|0|0|…` under a header without borders leaves fifteen).
    const border = l.cells.length > 1 && l.cells[0].text === '' && opensWithPipe(l) && (markdown === true || (!values.length && l.cells.length === WIDTH + 1));
    // A row wrapped at a blank cell: the tabs that open its next line are its blanks.
    if (values.length && values.length < WIDTH) for (const c of wrappedBlanks(lines, l, values)) values.push(c);
    for (const c of border ? l.cells.slice(1) : l.cells) values.push(c);
    end = i + 1;
    if (values.length >= WIDTH) break;
  }
  const fit = fitRow(values, WIDTH);
  const { kept, extra } = fit;
  const cells: (Cell | null)[] = [];
  // Numbers whose columns cannot be told (runs of spaces, more or fewer than fifteen) are put in none.
  const placed = unplaceable(lines, fit, WIDTH) ? [] : kept;
  for (let c = 0; c < WIDTH; c++) {
    const slot = SLOTS[c];
    cells.push(placed[c] ? toCell(placed[c], COUNTS, slot.derived, slot.label, slot.key) : null);
  }
  const nonEmpty = extra.filter((c) => c.text !== '');
  if (inData && (kept.length < WIDTH || fit.guessed)) {
    // The printed row holds the three groups' rows (t4.review, t4.direct, t4.afterReview): which
    // group lost a number cannot be told, so none of them was read, and each says so by its key.
    const have = fit.guessed ? kept.length - edgeBlanks(kept) : kept.length;
    for (const g of TABLE4.groups) out.push(diag('cells-missing', spanRange(kept[0], kept[kept.length - 1]), msg.t4CellsMissing(g, WIDTH, have), { row: `t4.${g.key}` }));
  } else if (!inData) {
    // No row of numbers under the header: each group's row is missing.
    for (const g of TABLE4.groups) out.push(diag('row-missing', lineRange(lines[from]), msg.rowMissing(TABLE_SHORT.t4, g.label), { row: `t4.${g.key}` }));
  }
  if (nonEmpty.length) {
    const range = spanRange(nonEmpty[0], nonEmpty[nonEmpty.length - 1]);
    const have = WIDTH + nonEmpty.length;
    // Numbers put in no column (a number split in two in PDF text): each group's row unread, by its key.
    if (placed !== kept) for (const g of TABLE4.groups) out.push(diag('cells-extra', range, msg.t4CellsExtra(g, WIDTH, have), { row: `t4.${g.key}` }));
    else out.push(diag('cells-extra', range, msg.cellsExtra(NAME.zh, WIDTH, have)));
  }
  const table: Table4 = {
    kind: 't4',
    startLine: lines[from].line,
    endLine: lines[Math.max(from, end - 1)].line,
    headers: checkHeaders(headers, TABLE4.header, out, similarity),
    cells,
    rowFound: inData,
  };
  return { table, endLine: end, diagnostics: out };
}
