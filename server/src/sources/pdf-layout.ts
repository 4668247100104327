// Rebuilding a PDF's draft from the positions of its text: items on one baseline make a line,
// wide gaps part its cells; a label that wrapped in its cell is joined back to the row; page
// numbers and running headers and footers are dropped; a table split over pages continues,
// since every row is one line whatever page it is on; prose lines are joined into paragraphs.
// A table's header is rebuilt as the cells it is printed in (pdf-header.ts); text printed
// vertically (a label spanning rows) is a line of its own, or left out where it was cut off.

import { TABLE3, type Localized } from '../core/index.js';
import { headerCells, headerRows, type Columns, type PdfItem as PlacedItem } from './pdf-header.js';

/** A text item as pdf-header.ts places it, and whether pdf.js says it is written top to bottom. */
export interface PdfItem extends PlacedItem {
  /** Written top to bottom (pdf.js's `dir: 'ttb'`). */
  vertical?: boolean;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
}

interface Chunk {
  text: string;
  x: number;
  end: number;
}

interface Line {
  y: number;
  h: number;
  chunks: Chunk[];
  page: number;
  /** The first line of its page once running headers are dropped. */
  first?: boolean;
  /** The items it was made of. */
  items: PdfItem[];
  /** Rebuilt as cells already (a table's header, a vertical label): kept as it is. */
  fixed?: boolean;
}

const NUMBER = /^[-−－+]?[0-9０-９][0-9０-９,，.．]*(万元|元|件)?$|^[—–\-－/／]+$|^无$/;
const ORDINAL = /^\s*([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|[0-9０-９]+[.．、])/;
const HEADING = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/;
const PAGE_NUMBER = /^[-—–－\s]*(第\s*)?[0-9０-９]+(\s*页)?(\s*[/／共]\s*[0-9０-９]+\s*页?)?[-—–－\s]*$|^[-—–－\s]*[0-9０-９]+[-—–－\s]*$/;
const ASCII = /[A-Za-z0-9]/;

/** The lines of one page: items grouped by baseline, then into cells by the gaps between them. */
function pageLines(page: PdfPage, n: number): Line[] {
  const items = page.items.filter((i) => !i.vertical && i.str.trim() !== '' && Number.isFinite(i.x) && Number.isFinite(i.y)).sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: PdfItem[][] = [];
  for (const it of items) {
    const last = rows[rows.length - 1];
    const h = Math.max(1, it.h);
    if (last && Math.abs(last[0].y - it.y) <= 0.45 * h) last.push(it);
    else rows.push([it]);
  }
  return rows.map((r) => {
    r.sort((a, b) => a.x - b.x);
    const h = Math.max(1, Math.min(...r.map((i) => i.h || 1)));
    const chunks: Chunk[] = [];
    let prevY = NaN;
    for (const it of r) {
      const prev = chunks[chunks.length - 1];
      const gap = prev ? it.x - prev.end : Infinity;
      // Glyphs of one run of text share a baseline; the texts of two narrow cells side by side,
      // centred in their cells, seldom do (三 beside 不计其他情形）).
      const glued = gap < 0.25 * h || (gap < 0.9 * h && Math.abs(it.y - prevY) <= 0.15 * h);
      prevY = it.y;
      if (prev && glued) {
        const t = it.str;
        prev.text += gap > 0.2 * h && ASCII.test(prev.text[prev.text.length - 1]) && ASCII.test(t[0]) ? ' ' + t : t;
        prev.end = Math.max(prev.end, it.x + it.w);
      } else {
        chunks.push({ text: it.str, x: it.x, end: it.x + it.w });
      }
    }
    for (const c of chunks) c.text = c.text.replace(/\s+/g, ' ').trim();
    return { y: r[0].y, h, chunks: chunks.filter((c) => c.text), page: n, items: r };
  }).filter((l) => l.chunks.length);
}

const shape = (l: Line) => l.chunks.map((c) => c.text).join(' ').replace(/[0-9０-９]+/g, '#');

/** Page numbers, and lines in the top or bottom margin repeated on most pages. */
function dropRunning(pages: Line[][], sizes: PdfPage[]): Line[][] {
  const margin = (l: Line) => {
    const H = sizes[l.page].height || 842;
    return l.y < H * 0.1 || l.y > H * 0.9;
  };
  const count = new Map<string, number>();
  for (const lines of pages) {
    const seen = new Set<string>();
    for (const l of lines) if (margin(l)) seen.add(shape(l));
    for (const s of seen) count.set(s, (count.get(s) ?? 0) + 1);
  }
  // On every page of a short document, or on most pages of a longer one.
  const repeated = (l: Line) => pages.length >= 2 && (count.get(shape(l)) ?? 0) >= (pages.length < 4 ? pages.length : pages.length / 2);
  return pages.map((lines) => lines.filter((l) => {
    // A table's row of numbers in the margin (its label's lines above and below it, at the top of a
    // page) is no page number, though its digits joined read as one (0 0 0 → 000).
    if (!margin(l) || numbersRow(l)) return true;
    const t = l.chunks.map((c) => c.text).join('');
    return !(PAGE_NUMBER.test(t) || repeated(l));
  }));
}

const isNumber = (c: Chunk) => NUMBER.test(c.text.replace(/\s+/g, ''));
/** Three numbers or more, each a cell of its own: a table's row, never a page number (1 / 3 is two). */
const numbersRow = (l: Line) => l.chunks.filter((c) => isNumber(c) && /[0-9０-９]/.test(c.text)).length >= 3;

/** A table row being built: its cells, and the baseline of each cell's last line so far. */
interface Row {
  line: Line;
  cells: string[];
  bottoms: number[];
  /** A label alone on its line that goes on beside the numbers on the next line. */
  wraps?: boolean;
}

/**
 * The cell of a recent row that `c` continues, when that cell's label wrapped: `c` starts where
 * the label starts, sits on the line right below the label's last line, carries no ordinal
 * (the format's labels all start with one) and is not a number, and the label filled its cell
 * (it ends near the next cell). -1 when none.
 */
function continues(recent: Row[], line: Line, c: Chunk, right: number): { row: Row; i: number } | null {
  if (ORDINAL.test(c.text) || isNumber(c)) return null;
  for (let r = recent.length - 1; r >= 0; r--) {
    const row = recent[r];
    const h = Math.max(row.line.h, line.h);
    // The table goes on over a page break: the first line of the next page continues the last row.
    const overBreak = row.line.page === line.page - 1 && line.first && r === recent.length - 1;
    if (row.line.page !== line.page && !overBreak) continue;
    for (let i = 0; i < row.line.chunks.length; i++) {
      const p = row.line.chunks[i];
      if (isNumber(p) || Math.abs(p.x - c.x) > 0.6 * h) continue;
      const gap = overBreak ? h : line.y - row.bottoms[i];
      if (gap <= 0.5 * h || gap > 2.1 * h) continue;
      // Filled its cell: ends near the next cell, or, last on its line, near the right margin.
      const next = row.line.chunks[i + 1];
      const edge = next ? next.x : Math.max(right, ...recent.flatMap((x) => x.line.chunks.map((k) => k.end)));
      if (row.wraps || edge - p.end <= 3 * h) return { row, i };
    }
  }
  return null;
}

interface Out {
  line: Line;
  cells: string[];
  prose: boolean;
}

/**
 * The line right above a row of numbers alone that holds its labels: labels only, each chunk
 * as read (not joined), ending left of the first number, on the same page just above.
 */
function labelsAbove(prev: Out | undefined, row: Line): Out | null {
  if (!prev || !row.chunks.every(isNumber) || prev.line.page !== row.page) return null;
  const l = prev.line;
  if (l.chunks.length !== prev.cells.length || l.chunks.some(isNumber)) return null;
  const h = Math.max(l.h, row.h);
  if (row.y - l.y <= 0 || row.y - l.y > 2.1 * h) return null;
  if (l.chunks[l.chunks.length - 1].end > row.chunks[0].x) return null;
  return ORDINAL.test(l.chunks[0].text) ? prev : null;
}

/**
 * A label alone on its line, inside a table, whose text goes on at the start of the next line
 * beside the row's numbers (a label of two or three lines centred against its numbers).
 */
function wrapsIntoRow(line: Line, next: Line | undefined, inTable: boolean): boolean {
  if (!inTable || !next || next.page !== line.page || line.chunks.length !== 1 || isNumber(line.chunks[0])) return false;
  const h = Math.max(line.h, next.h);
  const c = next.chunks[0];
  return next.y - line.y > 0.5 * h && next.y - line.y <= 2.1 * h && Math.abs(c.x - line.chunks[0].x) <= 0.6 * h && !ORDINAL.test(c.text) && !isNumber(c) && next.chunks.some(isNumber);
}

/**
 * Blank cells print nothing, so a row with a blank has fewer numbers than its neighbours. In
 * each run of table rows, the columns of the numbers are where the rows with the most numbers
 * put them, when the header names the same columns; a row with fewer gets an empty cell in each
 * column it leaves out, when every number it has sits in one of those columns.
 */
function fillBlanks(out: Out[]): void {
  let from = 0;
  while (from < out.length) {
    if (out[from].prose) { from++; continue; }
    let to = from;
    while (to < out.length && !out[to].prose) to++;
    fillBlock(out.slice(from, to));
    from = to;
  }
}

function numbersOf(o: Out): number {
  const ch = o.line.chunks;
  if (ch.length !== o.cells.length) return 0;
  let k = ch.length;
  while (k > 0 && isNumber(ch[k - 1])) k--;
  return ch.length - k;
}

function fillBlock(rows: Out[]): void {
  const counts = rows.map(numbersOf);
  const most = Math.max(0, ...counts);
  if (most < 2) return;
  const full = rows.filter((_, i) => counts[i] === most);
  const centre = (c: Chunk) => (c.x + c.end) / 2;
  const columns: number[] = [];
  for (let j = 0; j < most; j++) {
    const xs = full.map((r) => centre(r.line.chunks[r.line.chunks.length - most + j])).sort((a, b) => a - b);
    columns.push(xs[Math.floor(xs.length / 2)]);
  }
  const pitch = Math.min(...columns.slice(1).map((x, j) => x - columns[j]));
  if (!(pitch > 0)) return;
  // The header above the first row of numbers must name as many columns there, each over one
  // column (headers spanning several are left out of the count): where every
  // row has blanks, the fullest rows do not show all the columns, and nothing is filled.
  const first = counts.findIndex((n) => n > 0);
  const heads: number[] = [];
  for (const r of rows.slice(0, first)) {
    for (const c of r.line.chunks) {
      const x = centre(c);
      if (c.end - c.x > 1.2 * pitch) continue; // a header over several columns
      if (x > columns[0] - pitch / 2 && !heads.some((h) => Math.abs(h - x) < pitch / 2)) heads.push(x);
    }
  }
  if (heads.length !== most || !columns.every((x) => heads.some((h) => Math.abs(h - x) < pitch / 2))) return;
  rows.forEach((r, i) => {
    const n = counts[i];
    if (n === 0 || n >= most) return;
    const ch = r.line.chunks;
    const slots: (string | null)[] = Array(most).fill(null);
    let col = 0;
    for (let k = ch.length - n; k < ch.length; k++) {
      while (col < most && Math.abs(centre(ch[k]) - columns[col]) > pitch / 2) col++;
      if (col >= most) return; // a number in no column: leave the row as read
      slots[col++] = r.cells[k];
    }
    r.cells = [...r.cells.slice(0, ch.length - n), ...slots.map((x) => x ?? '')];
  });
}

const numbersIn = (l: Line) => l.chunks.filter(isNumber).length;
const TITLE_LINE = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]).{4,}/;

/**
 * The number columns of the table whose first row of three numbers or more is lines[from]:
 * where the rows with the most numbers put them (the median of each column's centre and left).
 */
function columnsFrom(lines: Line[], from: number): Columns | null {
  const rows: Chunk[][] = [];
  for (let i = from; i < lines.length && i < from + 40; i++) {
    const l = lines[i];
    if (l.fixed) break;
    const n = numbersIn(l);
    if (n >= 3) rows.push(l.chunks.slice(l.chunks.length - n));
    else if (l.chunks.length === 1 && !isNumber(l.chunks[0]) && l.chunks[0].end - l.chunks[0].x > 300) break; // prose
  }
  const most = Math.max(0, ...rows.map((r) => r.length));
  if (most < 3) return null;
  const full = rows.filter((r) => r.length === most);
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const centres: number[] = [];
  const lefts: number[] = [];
  for (let j = 0; j < most; j++) {
    centres.push(median(full.map((r) => (r[j].x + r[j].end) / 2)));
    lefts.push(median(full.map((r) => r[j].x)));
  }
  for (let j = 1; j < most; j++) if (!(centres[j] > centres[j - 1])) return null;
  return { centres, lefts };
}

/**
 * Each table header on a page rebuilt as its cells (pdf-header.ts): the lines right above a
 * table's first row of numbers, up to a heading, a line with numbers or a wide gap. Left as read
 * when no text in it was stacked in a cell.
 */
function rebuildHeaders(lines: Line[]): Line[] {
  const out = lines.slice();
  for (let i = 0; i < out.length; i++) {
    if (out[i].fixed || numbersIn(out[i]) < 3) continue;
    let from = i;
    while (from > 0 && i - from < 12) {
      const up = out[from - 1];
      const h = Math.max(up.h, out[from].h);
      if (up.fixed || numbersIn(up) > 0 || out[from].y - up.y > (from === i ? 6 : 4) * h) break;
      if (up.chunks.length === 1 && TITLE_LINE.test(up.chunks[0].text)) break;
      from--;
    }
    if (from === i || (from > 0 && numbersIn(out[from - 1]) > 0 && out[from].y - out[from - 1].y <= 4 * out[from].h)) continue;
    const cols = columnsFrom(out, i);
    if (!cols) continue;
    const head = out.slice(from, i);
    const found = headerCells(head.flatMap((l) => l.items), cols);
    if (!found?.joined) continue;
    const rows = headerRows(found.cells, cols);
    const rebuilt: Line[] = rows.map((r, k) => ({
      y: head[0].y + k * 0.001,
      h: Math.max(...r.map((c) => c.h)),
      chunks: r.map((c) => ({ text: c.text, x: c.x, end: c.end })),
      page: head[0].page,
      items: [],
      fixed: true,
      ...(k === 0 && head[0].first ? { first: true } : {}),
    }));
    out.splice(from, i - from, ...rebuilt);
    i = from + rebuilt.length;
  }
  return out;
}

/**
 * Text stacked in a narrow cell joined into one chunk, on the line of its first piece: a piece
 * right below another (a line's height apart, starting where it starts or centred where it is
 * centred, no wider) continues it when the one above filled its cell (the next text to its right,
 * on its line or beside it, is less than three characters away), neither line is a row of
 * numbers of its own, and the piece below starts no numbered label. This is how a group label
 * printed a character or two per line (三 / 、 / 本 / 年 …, （四）无 / 法提供) beside the rows it
 * spans becomes one label, whatever rows its pieces share a line with.
 */
function joinStacked(lines: Line[]): Line[] {
  // A chunk right before the numbers of its line: the label of that row.
  const rowLabel = (l: Line, c: Chunk) => {
    const i = l.chunks.indexOf(c);
    return i >= 0 && i + 1 < l.chunks.length && isNumber(l.chunks[i + 1]);
  };
  const ends = new Map<Chunk, { line: Line; y: number; last: string; end: number }>();
  // The nearest text to the right of a chunk, on its line or beside it.
  const rightOf = (c: Chunk, y: number, h: number) => {
    let x = Infinity;
    for (const m of lines) {
      if (m.fixed || Math.abs(m.y - y) > 0.8 * h) continue;
      for (const k of m.chunks) if (k !== c && k.x >= c.end - 0.1 * h && k.x < x) x = k.x;
    }
    return x;
  };
  for (let li = 0; li < lines.length; li++) {
    const l = lines[li];
    if (l.fixed) continue;
    for (let ci = 0; ci < l.chunks.length; ci++) {
      const b = l.chunks[ci];
      if (isNumber(b) || ORDINAL.test(b.text)) continue;
      let best: Chunk | null = null;
      let bestDy = Infinity;
      for (let lj = li - 1; lj >= 0; lj--) {
        const m = lines[lj];
        if (m.page !== l.page) break;
        if (li - lj > 60) break;
        if (m.fixed) continue;
        for (const a of m.chunks) {
          if (isNumber(a)) continue;
          const end = ends.get(a) ?? { line: m, y: m.y, last: a.text, end: a.end };
          const h = Math.max(m.h, l.h);
          const dy = l.y - end.y;
          if (dy <= 0.5 * h || dy > 1.8 * h || dy >= bestDy) continue;
          const aligned = Math.abs(a.x - b.x) <= 0.6 * h || Math.abs((a.x + a.end) / 2 - (b.x + b.end) / 2) <= 0.6 * h;
          if (!aligned || b.x < a.x - 0.6 * h || b.end > a.end + 0.6 * h) continue;
          // Two row labels, each beside numbers of its own: two rows.
          if (rowLabel(end.line, a) && rowLabel(l, b)) continue;
          // Text set a character or two per line down a narrow column needs no more.
          const upright = [...end.last].length <= 2 && [...b.text].length <= 2 && Math.abs(a.x - b.x) <= 0.3 * h;
          // The cell's right edge is where the text right of its first line starts.
          if (!upright && rightOf(a, m.y, h) - end.end > 3 * h) continue;
          best = a;
          bestDy = dy;
        }
      }
      if (!best) continue;
      best.text += (ASCII.test(best.text.slice(-1)) && ASCII.test(b.text[0]) ? ' ' : '') + b.text;
      ends.set(best, { line: l, y: l.y, last: b.text, end: b.end });
      l.chunks.splice(ci--, 1);
    }
  }
  return lines.filter((l) => l.chunks.length);
}

const squeeze = (s: string) => s.replace(/\s+/g, '');
const GROUP_LABELS = TABLE3.groups.map((g) => squeeze(g.ordinal + g.text));

/**
 * Text printed top to bottom: a label in a cell spanning rows (三、本年度办理结果 printed
 * vertically). A line of its own where it stands; left out, and said, where it is the start of
 * a label of table 三 cut off (the rest of a cell spanning a page break is not in the file).
 */
function verticalLines(page: PdfPage, n: number, problems: Localized[]): Line[] {
  const out: Line[] = [];
  for (const it of page.items) {
    const text = squeeze(it.str);
    if (!it.vertical || !text || !Number.isFinite(it.x) || !Number.isFinite(it.y)) continue;
    if (GROUP_LABELS.some((g) => g.startsWith(text) && g !== text)) {
      const full = GROUP_LABELS.find((g) => g.startsWith(text))!;
      problems.push({ zh: `第 ${n + 1} 页竖排的“${text}”不完整（应为“${full}”，其余文字不在文件中），未读入`, en: `The vertical text “${text}” on page ${n + 1} is cut off (“${full}”; the rest is not in the file); left out` });
      continue;
    }
    out.push({ y: it.y, h: Math.max(1, it.w), chunks: [{ text, x: it.x, end: it.x + it.w }], page: n, items: [it], fixed: true });
  }
  return out;
}

/** The draft's lines from the pages' items. */
export function layoutPages(pages: PdfPage[], problems: Localized[] = []): string[] {
  const perPage = dropRunning(pages.map(pageLines), pages).map((lines, n) => {
    const vertical = verticalLines(pages[n], n, problems);
    return joinStacked(rebuildHeaders(vertical.length ? [...lines, ...vertical].sort((a, b) => a.y - b.y) : lines));
  });
  for (const p of perPage) if (p.length) p[0].first = true;
  const lines = perPage.flat();
  let left = Infinity;
  let right = -Infinity;
  for (const l of lines) if (l.chunks.length === 1) { left = Math.min(left, l.chunks[0].x); right = Math.max(right, l.chunks[0].end); }

  const out: Out[] = [];
  let recent: Row[] = [];
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    if (line.fixed) {
      // Cells already: not joined to the rows around them.
      out.push({ line, cells: line.chunks.map((c) => c.text), prose: false });
      recent = [];
      continue;
    }
    const wraps = line.chunks.length === 1 && wrapsIntoRow(line, lines[li + 1], recent.length > 0 || out[out.length - 1]?.prose === false);
    const table = line.chunks.length >= 2 || wraps;
    if (recent.length) {
      // A line whose every chunk continues a label of the rows above joins them; a line with
      // anything else starts a row of its own (header rows sit right below each other too).
      const hits = line.chunks.map((c) => continues(recent, line, c, right));
      // Labels that wrapped from the rows above come first on a line: a cell spanning rows
      // (三、本年度办理结果) or a header cell of two lines shares its line with the next row.
      let lead = 0;
      while (lead < hits.length && hits[lead]) lead++;
      for (let k = 0; k < lead; k++) {
        const { row, i } = hits[k]!;
        const t = line.chunks[k].text;
        row.cells[i] += (ASCII.test(row.cells[i].slice(-1)) && ASCII.test(t[0]) ? ' ' : '') + t;
        row.bottoms[i] = line.y;
      }
      if (lead === line.chunks.length) continue;
      if (lead) line.chunks = line.chunks.slice(lead);
    }
    if (table || (recent.length && line.chunks.some(isNumber))) {
      const cells = line.chunks.map((c) => c.text);
      const above = labelsAbove(out[out.length - 1], line);
      if (above) {
        // Numbers centred in their cells, the labels' first line above them: one row.
        out.pop();
        line.chunks = [...above.line.chunks, ...line.chunks];
        cells.unshift(...above.cells);
        out.push({ line, cells, prose: false });
        const was = recent.find((r) => r.line === above.line);
        const n = above.cells.length;
        recent = [...recent.filter((r) => r !== was).slice(-3), { line, cells, bottoms: line.chunks.map((c, i) => (i < n ? (was?.bottoms[i] ?? above.line.y) : line.y)) }];
        continue;
      }
      out.push({ line, cells, prose: false });
      recent = [...recent.slice(-3), { line, cells, bottoms: line.chunks.map(() => line.y), wraps }];
      continue;
    }
    if (recent.length) recent = [];
    const text = line.chunks[0].text;
    const prev = out[out.length - 1];
    const joins = prev && prev.prose && prev.line.page <= line.page && !HEADING.test(text) && line.chunks[0].x <= left + 1.5 * line.h && prev.line.chunks[0].end >= right - 2.5 * prev.line.h && !/[。：:；;！？]$/.test(prev.cells[0]);
    if (joins) {
      prev.cells[0] += (ASCII.test(prev.cells[0].slice(-1)) && ASCII.test(text[0]) ? ' ' : '') + text;
      prev.line = line;
    } else {
      out.push({ line, cells: [text], prose: true });
    }
  }
  fillBlanks(out);
  return out.map((o) => o.cells.join('\t'));
}
