// A table's header rebuilt from the positions of its text, as the cells it is printed in: in a
// narrow column a header wraps a character or two per line (结果 / 维持, 总 / 计), and a cell
// spanning rows sits between the rows of its neighbours, so reading the header line by line
// mixes the words of different cells. Here the columns come from the table's first rows of
// numbers; text stacked in one cell is joined (the line above filled its cell, the line below
// starts where it starts or is centred where it is centred); and the cells are laid out in the
// rows the format's text has: a cell over several columns first, the cells below it after, a
// cell spanning rows down to the numbers on the first of its rows.

/** A text item of pdf.js placed on the page (pdf-layout.ts's PdfItem). */
export interface PdfItem {
  str: string;
  /** Left edge and baseline, in points from the page's top-left corner. */
  x: number;
  y: number;
  w: number;
  /** Font size. */
  h: number;
}

/** A cell of the header: its text and where it is printed. */
export interface HeaderCell {
  text: string;
  x: number;
  end: number;
  /** Baseline of its first and last line, and the font size. */
  first: number;
  last: number;
  h: number;
}

/** One line of a cell's text: items on one baseline, close together. */
interface Piece {
  text: string;
  x: number;
  end: number;
  y: number;
  h: number;
}

/** The columns of the numbers below the header: centres and left edges, and the table's edges. */
export interface Columns {
  centres: number[];
  lefts: number[];
}

const ASCII = /[A-Za-z0-9]/;
const NUMBER = /^[-−－+]?[0-9０-９][0-9０-９,，.．]*$/;

/**
 * Items on one baseline (a quarter of the font size apart at most), glued where they touch: in
 * one column, less than a character apart (letter-spaced 总  计); across columns, only where
 * they nearly touch (the texts of narrow cells side by side stand less than a character apart).
 */
function pieces(items: PdfItem[], grid: Grid): Piece[] {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: PdfItem[][] = [];
  for (const it of sorted) {
    const row = rows.find((r) => Math.abs(r[0].y - it.y) <= 0.25 * Math.max(1, it.h));
    if (row) row.push(it);
    else rows.push([it]);
  }
  const out: Piece[] = [];
  for (const r of rows) {
    r.sort((a, b) => a.x - b.x);
    let cur: Piece | null = null;
    for (const it of r) {
      const h = Math.max(1, it.h);
      const gap = cur ? it.x - cur.end : Infinity;
      if (cur && (gap < 0.25 * h || (gap < 0.9 * h && grid.band(cur.end - 0.1 * h) === grid.band(it.x + 0.1 * h)))) {
        cur.text += gap > 0.2 * h && ASCII.test(cur.text.slice(-1)) && ASCII.test(it.str[0]) ? ' ' + it.str : it.str;
        cur.end = Math.max(cur.end, it.x + it.w);
        cur.h = Math.max(cur.h, h);
      } else {
        cur = { text: it.str, x: it.x, end: it.x + it.w, y: it.y, h };
        out.push(cur);
      }
    }
  }
  for (const p of out) p.text = p.text.replace(/\s+/g, ' ').trim();
  return out.filter((p) => p.text !== '').sort((a, b) => a.y - b.y || a.x - b.x);
}

/** The grid of the number columns: each column's band and the table's edges. */
class Grid {
  readonly bounds: number[];
  constructor(readonly cols: Columns) {
    const c = cols.centres;
    const pitch = c.length > 1 ? (c[c.length - 1] - c[0]) / (c.length - 1) : 40;
    this.bounds = [c[0] - pitch / 2, ...c.slice(1).map((x, i) => (x + c[i]) / 2), c[c.length - 1] + pitch / 2];
  }
  get left(): number { return this.bounds[0]; }
  get right(): number { return this.bounds[this.bounds.length - 1]; }
  /** The column band holding x: -1 left of the table, the last band right of it. */
  band(x: number): number {
    const b = this.bounds;
    if (x < b[0]) return -1;
    for (let i = 1; i < b.length; i++) if (x < b[i]) return i - 1;
    return b.length - 2;
  }
  /** The bands a text from x to end crosses. */
  bands(x: number, end: number): number[] {
    const out: number[] = [];
    for (let i = this.band(x); i <= this.band(end - 0.01); i++) out.push(i);
    return out;
  }
}

/**
 * Whether a line of text filled its cell, so that what is right below it is its wrap: the room
 * left to its right (up to the next text on its baseline, the edge of its column when it sits in
 * one, the edge of the label column, the table's right edge) is less than about two characters.
 */
function fills(p: Piece, all: Piece[], grid: Grid): boolean {
  let limit = grid.right;
  for (const q of all) if (q !== p && Math.abs(q.y - p.y) <= 0.5 * p.h && q.x >= p.end - 0.1 * p.h) limit = Math.min(limit, q.x);
  if (p.end <= grid.left + p.h) limit = Math.min(limit, grid.left);
  else {
    const bands = grid.bands(p.x, p.end);
    if (bands.length === 1) limit = Math.min(limit, grid.bounds[bands[0] + 1]);
  }
  return limit - p.end <= 2.2 * p.h;
}

/**
 * Whether the columns found are the header's: every text over the numbers no wider than a column
 * stands over one (centred on it, or starting where its numbers start). Not so where blank cells
 * left the fullest row of numbers short of columns.
 */
function fitsColumns(all: Piece[], grid: Grid): boolean {
  const { centres, lefts } = grid.cols;
  return all.every((p) => {
    if (p.end <= grid.left + p.h) return true;
    const j = grid.band((p.x + p.end) / 2);
    if (j < 0) return true;
    const pitch = grid.bounds[j + 1] - grid.bounds[j];
    if (p.end - p.x > 1.2 * pitch) return true;
    return centres.some((c) => Math.abs(c - (p.x + p.end) / 2) <= 0.3 * pitch) || lefts.some((l) => Math.abs(l - p.x) <= 0.5 * p.h);
  });
}

/** The header's cells: lines stacked in one cell joined, top to bottom; null where the columns do not fit the header. */
export function headerCells(items: PdfItem[], cols: Columns): { cells: HeaderCell[]; joined: number } | null {
  const grid = new Grid(cols);
  const all = pieces(items, grid);
  if (!fitsColumns(all, grid)) return null;
  const cells: { lines: Piece[] }[] = [];
  let joined = 0;
  for (const p of all) {
    let best: { lines: Piece[] } | null = null;
    let bestDy = Infinity;
    if (!NUMBER.test(p.text)) {
      for (const c of cells) {
        const a = c.lines[c.lines.length - 1];
        const h = Math.max(a.h, p.h);
        const dy = p.y - a.y;
        if (dy <= 0.5 * h || dy > 1.8 * h || dy >= bestDy) continue;
        const aligned = Math.abs(a.x - p.x) <= 0.6 * h || Math.abs((a.x + a.end) / 2 - (p.x + p.end) / 2) <= 0.6 * h;
        if (!aligned || p.x < a.x - 0.6 * h || p.end > a.end + 0.6 * h) continue;
        if (!fills(a, all, grid)) continue;
        best = c;
        bestDy = dy;
      }
    }
    if (best) { best.lines.push(p); joined++; }
    else cells.push({ lines: [p] });
  }
  return {
    joined,
    cells: cells.map(({ lines }) => ({
      text: lines.reduce((s, l) => s + (ASCII.test(s.slice(-1)) && ASCII.test(l.text[0]) ? ' ' : '') + l.text, ''),
      x: Math.min(...lines.map((l) => l.x)),
      end: Math.max(...lines.map((l) => l.end)),
      first: lines[0].y,
      last: lines[lines.length - 1].y,
      h: Math.max(...lines.map((l) => l.h)),
    })),
  };
}

const top = (c: HeaderCell) => c.first - c.h;
const middle = (c: HeaderCell) => (top(c) + c.last) / 2;

/** Groups of cells whose middles lie within `tol` of the group's first, in order of their middles. */
function clusters(cells: HeaderCell[]): HeaderCell[][] {
  const out: HeaderCell[][] = [];
  for (const c of [...cells].sort((a, b) => middle(a) - middle(b))) {
    const g = out[out.length - 1];
    if (g && middle(c) - middle(g[0]) <= 0.6 * c.h) g.push(c);
    else out.push([c]);
  }
  return out;
}

/**
 * The header's rows as the format's text lays them out. A cell over cells below it (申请人情况,
 * 行政复议) opens a row; a cell with nothing below (结果维持, 自然人) goes on the first row it
 * spans: under as many spanning cells as are above it. Cells left of the number columns (the
 * note of table 三) go on the first row. Each row's cells from left to right.
 */
export function headerRows(cells: HeaderCell[], cols: Columns): HeaderCell[][] {
  const grid = new Grid(cols);
  const inLabels = (c: HeaderCell) => c.end <= grid.left + 0.5 * c.h;
  const labels = cells.filter(inLabels);
  const numbers = cells.filter((c) => !inLabels(c));
  const below = (a: HeaderCell, b: HeaderCell) => top(b) >= a.last - 0.3 * a.h && b.x < a.end && b.end > a.x;
  const spanning = numbers.filter((a) => numbers.some((b) => b !== a && below(a, b)));
  const leaves = numbers.filter((c) => !spanning.includes(c));
  const levels = clusters(spanning);
  const depth = new Map<HeaderCell, number>();
  levels.forEach((g, i) => g.forEach((c) => depth.set(c, i)));
  // Left-aligned cells (their text starts where the numbers start): a spanning cell reaches to
  // the next cell of its level. Centred cells: the columns its text crosses.
  const leftAligned = leaves.length > 0 && leaves.every((c) => cols.lefts.some((l) => Math.abs(l - c.x) <= 0.5 * c.h));
  const spanOf = new Map<HeaderCell, Set<number>>();
  for (const g of levels) {
    const row = [...g].sort((a, b) => a.x - b.x);
    row.forEach((c, i) => {
      if (leftAligned) {
        const from = grid.band(c.x + 0.1 * c.h);
        const next = row[i + 1];
        const to = next ? grid.band(next.x + 0.1 * next.h) - 1 : grid.bounds.length - 2;
        spanOf.set(c, new Set(Array.from({ length: Math.max(1, to - from + 1) }, (_, k) => from + k)));
      } else spanOf.set(c, new Set(grid.bands(c.x, c.end)));
    });
  }
  const under = (group: HeaderCell[], level: HeaderCell[]) =>
    group.some((c) => level.some((s) => grid.bands(c.x, c.end).some((b) => spanOf.get(s)!.has(b))));
  // Leaves alike in height take the depth of the deepest spanning level above any of them.
  for (const group of leftAligned ? leaves.map((c) => [c]) : clusters(leaves)) {
    let d = 0;
    if (levels.length) {
      d = middle(group[0]) <= levels[0][0].last ? 0 : 1;
      levels.forEach((lv, k) => { if (k >= 1 && middle(lv[0]) < middle(group[0]) && under(group, lv)) d = Math.max(d, k + 1); });
    }
    for (const c of group) depth.set(c, d);
  }
  const rows: HeaderCell[][] = [];
  for (const c of numbers) (rows[depth.get(c)!] ??= []).push(c);
  labels.sort((a, b) => a.first - b.first).forEach((c, i) => (rows[i] ??= []).push(c));
  return rows.filter((r) => r && r.length).map((r) => r.sort((a, b) => a.x - b.x));
}
