// Lays a report draft out as a PDF the way offices print it, with pdf-lib (no pdf.js involved):
// tables with the format's merged cells (test/helpers/sources.ts's grid), narrow columns whose
// header text wraps a character or two per line (结果 / 维持), table 三's group label in a column
// one character wide (三 / 、 / 本 / 年 …), every cell centred vertically, labels left-aligned,
// headers and numbers centred; a table runs over a page break, a merged cell's text goes on
// past it; page numbers in the footer. Rows can be drawn without their text, as a renderer that
// leaves rows out of the text layer does. The font is Debian's WenQuanYi Zen Hei, subset. And a
// PDF written by hand whose Chinese font is not embedded (pdfWithoutEmbeddedFont).

import { existsSync, readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import iconv from 'iconv-lite';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { pdfOf } from './hostile.ts';
import { blocksOf, type GridCell } from './sources.ts';

export const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';
export const HAS_CJK_FONT = existsSync(CJK_FONT);
export const SKIP_NO_FONT = HAS_CJK_FONT ? false : `${CJK_FONT} not installed (Debian fonts-wqy-zenhei; .ci/run installs it): PDFs are made at test time with it`;

export interface PdfLayout {
  /** Start a new page before the first table row that has a cell with this text. */
  breakBefore?: string;
  /** Rows (by a cell's text) drawn with their borders but no text. */
  lose?: (cells: string[]) => boolean;
  /** Table font size (default 9). */
  size?: number;
}

const W = 595;
const H = 842;
const LEFT = 60;
const WIDTH = 475;
const TOP = 60;
const BOTTOM = 780;
const PAD = 2;
const NUM = /^[-+]?[0-9][0-9,.]*$/;

/** Grid column widths of a table of `cols` columns (table 三: 10, table 四: 15). */
function widths(cols: number): number[] {
  if (cols === 10) return [16, 46, 150, ...Array(7).fill(37)];
  if (cols === 15) return Array(15).fill(WIDTH / 15);
  if (cols === 1) return [WIDTH];
  return [175, ...Array(cols - 1).fill((WIDTH - 175) / (cols - 1))];
}

/** Text broken into lines of at most `width` points, character by character. */
function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const ch of text) {
    if (cur && font.widthOfTextAtSize(cur + ch, size) > width) { lines.push(cur); cur = ''; }
    cur += ch;
  }
  if (cur) lines.push(cur);
  return lines;
}

interface Placed { row: number; col: number; span: number; rows: number; cell: GridCell }

export async function makePdf(text: string, layout: PdfLayout = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  // The collection's first face: fontkit opens a .ttc by PostScript name.
  doc.registerFontkit({ create: (buf: Uint8Array) => (fontkit as any).create(buf, 'WenQuanYiZenHei') } as any);
  const font = await doc.embedFont(readFileSync(CJK_FONT), { subset: true });
  const size = layout.size ?? 9;
  const lh = size * 1.3;
  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  const newPage = () => { page = doc.addPage([W, H]); pages.push(page); y = TOP; };
  newPage();
  const draw = (s: string, x: number, top: number, sz: number) => page.drawText(s, { x, y: H - top - sz, size: sz, font });

  for (const b of blocksOf(text)) {
    if (b.kind === 'p') {
      const sz = 10.5;
      const heading = /^[一二三四五六]、/.test(b.text);
      for (const [i, l] of wrap(font, heading ? b.text : '　　' + b.text, sz, WIDTH).entries()) {
        if (y + sz * 1.5 > BOTTOM) newPage();
        draw(i === 0 && !heading ? l.replace(/^　　/, '') : l, LEFT + (i === 0 && !heading ? 2 * sz : 0), y, sz);
        y += sz * 1.5;
      }
      continue;
    }
    const cols = Math.max(...b.rows.map((r) => r.reduce((s, c) => s + c.span, 0)));
    const ws = widths(cols);
    const xs = ws.map((_, i) => LEFT + ws.slice(0, i).reduce((s, w) => s + w, 0));
    const spanW = (col: number, span: number) => ws.slice(col, col + span).reduce((s, w) => s + w, 0);
    // Cells with the rows they span (a vMerge restart and the continues below it).
    const placed: Placed[] = [];
    b.rows.forEach((r, ri) => {
      let col = 0;
      for (const c of r) {
        if (c.vmerge !== 'continue') placed.push({ row: ri, col, span: c.span, rows: 1, cell: c });
        else {
          const above = [...placed].reverse().find((p) => p.col === col && p.row < ri);
          if (above && above.cell.vmerge === 'restart' && above.row + above.rows === ri) above.rows++;
          else placed.push({ row: ri, col, span: c.span, rows: 1, cell: { text: '', span: c.span } });
        }
        col += c.span;
      }
    });
    const firstData = b.rows.findIndex((r) => r.some((c) => NUM.test(c.text)));
    const lines = new Map<Placed, string[]>();
    for (const p of placed) lines.set(p, wrap(font, p.cell.text, size, spanW(p.col, p.span) - 2 * PAD));
    const heights = b.rows.map(() => lh + 2 * PAD);
    for (const p of placed) if (p.rows === 1) heights[p.row] = Math.max(heights[p.row], lines.get(p)!.length * lh + 2 * PAD);
    for (const p of placed) {
      if (p.rows === 1) continue;
      const need = lines.get(p)!.length * lh + 2 * PAD;
      const have = heights.slice(p.row, p.row + p.rows).reduce((s, h) => s + h, 0);
      if (need > have) heights[p.row + p.rows - 1] += need - have;
    }
    // Rows to pages: [page, top] of each row.
    const at: { page: PDFPage; top: number }[] = [];
    b.rows.forEach((r, ri) => {
      const breakHere = layout.breakBefore && r.some((c) => c.text.includes(layout.breakBefore!)) && !at.some((a) => a.page !== at[0]?.page);
      if (y + heights[ri] > BOTTOM || breakHere) newPage();
      at.push({ page, top: y });
      y += heights[ri];
    });
    y += 8;
    for (const p of placed) {
      const lost = layout.lose?.(b.rows[p.row].map((c) => c.text)) ?? false;
      // The parts of the cell on each page it spans.
      const parts: { page: PDFPage; top: number; bottom: number }[] = [];
      for (let k = p.row; k < p.row + p.rows; k++) {
        const last = parts[parts.length - 1];
        if (last && last.page === at[k].page) last.bottom = at[k].top + heights[k];
        else parts.push({ page: at[k].page, top: at[k].top, bottom: at[k].top + heights[k] });
      }
      const x = xs[p.col];
      const w = spanW(p.col, p.span);
      for (const part of parts) part.page.drawRectangle({ x, y: H - part.bottom, width: w, height: part.bottom - part.top, borderColor: rgb(0, 0, 0), borderWidth: 0.5 });
      if (lost) continue;
      const ls = lines.get(p)!;
      const centred = p.row < firstData || NUM.test(p.cell.text);
      // The lines centred in the first part they fit in, what does not fit going on in the next.
      let i = 0;
      for (const [n, part] of parts.entries()) {
        const room = Math.max(1, Math.floor((part.bottom - part.top - 2 * PAD) / lh));
        const take = n === parts.length - 1 ? ls.length - i : Math.min(room, ls.length - i);
        const block = take * lh;
        let top = part.top + (part.bottom - part.top - block) / 2;
        for (const l of ls.slice(i, i + take)) {
          const lw = font.widthOfTextAtSize(l, size);
          part.page.drawText(l, { x: centred ? x + (w - lw) / 2 : x + PAD, y: H - top - size, size, font });
          top += lh;
        }
        i += take;
        if (i >= ls.length) break;
      }
    }
  }
  pages.forEach((p, i) => {
    const s = `- ${i + 1} -`;
    p.drawText(s, { x: (W - font.widthOfTextAtSize(s, 9)) / 2, y: 40, size: 9, font });
  });
  return doc.save({ useObjectStreams: true });
}

/**
 * A PDF whose Chinese font is not embedded: STSong-Light, one of the fonts every PDF reader is
 * expected to know, its text in UCS-2 or GBK codes (`UniGB-UCS2-H`, `GBK-EUC-H`), as older tools
 * write it. pdf.js needs its character maps for these codes: without them the text layer is empty.
 */
export function pdfWithoutEmbeddedFont(lines: string[], encoding: 'UniGB-UCS2-H' | 'GBK-EUC-H'): Uint8Array {
  const hex = (s: string) => (encoding === 'GBK-EUC-H' ? iconv.encode(s, 'gbk').toString('hex') : [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join(''));
  const content = lines.map((l, i) => `BT /F1 12 Tf 72 ${760 - 20 * i} Td <${hex(l)}> Tj ET`).join('\n');
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /${encoding} /DescendantFonts [6 0 R] >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
}
