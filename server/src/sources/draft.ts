// Building the converted draft that every reader returns: prose as one line per paragraph,
// every table row one line with its cells joined by tabs. Pieces that came from a w:t element
// of a .docx keep their origin, so that a fix on the text can be written back to the runs.

import type { DocxPiece } from './types.js';

/** A run of text and, for a .docx, the raw range of the w:t element it came from. */
export interface Piece {
  text: string;
  xml?: { start: number; end: number };
}

/** The paragraphs (or lines, for <br>) of one table cell. */
export type CellParas = Piece[][];

const EDGE_SPACE = /[\s\u00a0\u3000\u200b\ufeff]/;
const ASCII_WORD = /[A-Za-z0-9]/;

interface Placed {
  text: string;
  at: number;
  xml?: { start: number; end: number };
  /** Characters of the piece's own text trimmed away before `text`. */
  skip: number;
}

/** Joins paragraphs of a cell or a wrapped line: nothing between CJK, a space between ASCII words. */
export function joiner(before: string, after: string): string {
  return before && after && ASCII_WORD.test(before[before.length - 1]) && ASCII_WORD.test(after[0]) ? ' ' : '';
}

export class Draft {
  readonly lines: string[] = [];
  readonly pieces: DocxPiece[] = [];
  private chars = 0;

  constructor(private readonly maxChars = Infinity) {}

  /** One paragraph of prose (or a heading, or a line of a tab-laid table typed as text). */
  paragraph(pieces: Piece[]): void {
    const placed = this.place(pieces.map((p) => ({ ...p, text: p.text.replace(/[\r\n\v\f]/g, ' ') })), '');
    this.emit(placed.text, placed.parts);
  }

  /** One table row: every cell joined by a tab; tabs and line breaks inside a cell become spaces or nothing. */
  row(cells: CellParas[]): void {
    let line = '';
    const parts: Placed[] = [];
    cells.forEach((paras, i) => {
      if (i > 0) line += '\t';
      const pieces: Piece[] = [];
      for (const para of paras) {
        const text = para.map((p) => p.text).join('');
        if (!text.trim()) continue;
        if (pieces.length) pieces.push({ text: joiner(pieces.map((p) => p.text).join('').trimEnd(), text.trimStart()) });
        for (const p of para) pieces.push({ ...p, text: p.text.replace(/[\t\r\n\v\f]/g, ' ') });
      }
      const cell = this.place(pieces, '');
      for (const p of cell.parts) parts.push({ ...p, at: p.at + line.length });
      line += cell.text;
    });
    this.emit(line, parts);
  }

  text(): string {
    return this.lines.join('\n') + (this.lines.length ? '\n' : '');
  }

  /** Concatenates pieces and trims the white space at both ends, keeping each piece's column. */
  private place(pieces: Piece[], sep: string): { text: string; parts: Placed[] } {
    let s = '';
    const parts: Placed[] = [];
    for (const p of pieces) {
      if (s && sep) s += sep;
      parts.push({ text: p.text, at: s.length, xml: p.xml, skip: 0 });
      s += p.text;
    }
    let lead = 0;
    while (lead < s.length && EDGE_SPACE.test(s[lead])) lead++;
    let end = s.length;
    while (end > lead && EDGE_SPACE.test(s[end - 1])) end--;
    const text = s.slice(lead, end);
    const kept: Placed[] = [];
    for (const p of parts) {
      const from = Math.max(p.at, lead);
      const to = Math.min(p.at + p.text.length, end);
      if (to <= from && p.text.length) continue;
      kept.push({ text: s.slice(from, to), at: from - lead, xml: p.xml, skip: from - p.at });
    }
    return { text, parts: kept };
  }

  private emit(line: string, parts: Placed[]): void {
    if (!line.replace(/\t/g, '').trim()) return;
    const n = this.lines.length;
    this.lines.push(line);
    this.chars += line.length + 1;
    if (this.chars > this.maxChars) throw new DraftTooLong();
    for (const p of parts) {
      if (p.xml && p.text.length) this.pieces.push({ line: n, from: p.at, to: p.at + p.text.length, xmlStart: p.xml.start, xmlEnd: p.xml.end, offset: p.skip });
    }
  }
}

export class DraftTooLong extends Error {}
