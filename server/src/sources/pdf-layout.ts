// Rebuilding a PDF's draft from the positions of its text: items on one baseline make a line,
// wide gaps part its cells; a label that wrapped in its cell is joined back to the row; page
// numbers and running headers and footers are dropped; a table split over pages continues,
// since every row is one line whatever page it is on; prose lines are joined into paragraphs.

export interface PdfItem {
  str: string;
  /** Left edge and baseline, in points from the page's top-left corner. */
  x: number;
  y: number;
  w: number;
  /** Font size. */
  h: number;
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
}

const NUMBER = /^[-−－+]?[0-9０-９][0-9０-９,，.．]*(万元|元|件)?$|^[—–\-－/／]+$|^无$/;
const ORDINAL = /^\s*([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|[0-9０-９]+[.．、])/;
const HEADING = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/;
const PAGE_NUMBER = /^[-—–－\s]*(第\s*)?[0-9０-９]+(\s*页)?(\s*[/／共]\s*[0-9０-９]+\s*页?)?[-—–－\s]*$|^[-—–－\s]*[0-9０-９]+[-—–－\s]*$/;
const ASCII = /[A-Za-z0-9]/;

/** The lines of one page: items grouped by baseline, then into cells by the gaps between them. */
function pageLines(page: PdfPage, n: number): Line[] {
  const items = page.items.filter((i) => i.str.trim() !== '' && Number.isFinite(i.x) && Number.isFinite(i.y)).sort((a, b) => a.y - b.y || a.x - b.x);
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
    for (const it of r) {
      const prev = chunks[chunks.length - 1];
      const gap = prev ? it.x - prev.end : Infinity;
      if (prev && gap < 0.9 * h) {
        const t = it.str;
        prev.text += gap > 0.2 * h && ASCII.test(prev.text[prev.text.length - 1]) && ASCII.test(t[0]) ? ' ' + t : t;
        prev.end = Math.max(prev.end, it.x + it.w);
      } else {
        chunks.push({ text: it.str, x: it.x, end: it.x + it.w });
      }
    }
    for (const c of chunks) c.text = c.text.replace(/\s+/g, ' ').trim();
    return { y: r[0].y, h, chunks: chunks.filter((c) => c.text), page: n };
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
  const repeated = (l: Line) => pages.length >= 3 && (count.get(shape(l)) ?? 0) >= Math.max(2, pages.length / 2);
  return pages.map((lines) => lines.filter((l) => {
    if (!margin(l)) return true;
    const t = l.chunks.map((c) => c.text).join('');
    return !(PAGE_NUMBER.test(t) || repeated(l));
  }));
}

const isNumber = (c: Chunk) => NUMBER.test(c.text.replace(/\s+/g, ''));

/**
 * Joins a chunk of `line` onto the label above it when that label wrapped: the chunk starts
 * where the label starts, carries no ordinal (the format's labels all start with one), sits on
 * the next line, and the label filled its cell (it ends near the next cell).
 */
function continues(prev: Line, line: Line, c: Chunk): number {
  if (line.page !== prev.page || line.y - prev.y > 1.9 * Math.max(prev.h, line.h)) return -1;
  if (ORDINAL.test(c.text) || isNumber(c)) return -1;
  const h = Math.max(prev.h, line.h);
  for (let i = 0; i < prev.chunks.length; i++) {
    const p = prev.chunks[i];
    if (isNumber(p) || Math.abs(p.x - c.x) > 0.6 * h) continue;
    const next = prev.chunks[i + 1];
    const filled = next ? next.x - p.end <= 3 * h : true;
    if (filled) return i;
  }
  return -1;
}

/** The draft's lines from the pages' items. */
export function layoutPages(pages: PdfPage[]): string[] {
  const perPage = dropRunning(pages.map(pageLines), pages);
  const lines = perPage.flat();
  let left = Infinity;
  let right = -Infinity;
  for (const l of lines) if (l.chunks.length === 1) { left = Math.min(left, l.chunks[0].x); right = Math.max(right, l.chunks[0].end); }

  const out: { line: Line; cells: string[]; prose: boolean }[] = [];
  let lastRow: { line: Line; cells: string[] } | null = null;
  for (const line of lines) {
    const table = line.chunks.length >= 2;
    if (lastRow) {
      // Chunks that continue labels of the row above join them; the rest stay on this line.
      const rest: Chunk[] = [];
      for (const c of line.chunks) {
        const i = continues(lastRow.line, line, c);
        if (i >= 0) lastRow.cells[i] += (ASCII.test(lastRow.cells[i].slice(-1)) && ASCII.test(c.text[0]) ? ' ' : '') + c.text;
        else rest.push(c);
      }
      if (!rest.length) continue;
      if (rest.length !== line.chunks.length) line.chunks = rest;
    }
    if (table || (lastRow && line.chunks.length >= 1 && line.chunks.some(isNumber))) {
      const cells = line.chunks.map((c) => c.text);
      out.push({ line, cells, prose: false });
      lastRow = { line, cells };
      continue;
    }
    lastRow = null;
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
  return out.map((o) => o.cells.join('\t'));
}
