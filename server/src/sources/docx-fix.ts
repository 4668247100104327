// Writing fixes back into a .docx: edits on the converted text (the derived cells the core's
// recompute changes) become new text in the w:t elements those cells came from. Only those
// elements' text changes in the main document part; every other entry keeps its bytes.

import type { TextEdit } from '../core/index.js';
import { markup } from './markup.js';
import { decodeXml, escapeXmlText } from './xml.js';
import { patchEntry } from './zip.js';
import { DEFAULT_LIMITS, SourceError, type DocxMap, type DocxPiece, type Limits } from './types.js';

export interface DocxFixResult {
  /** The new package; the same bytes as given when no edit could be applied. */
  bytes: Uint8Array;
  /** Edits written into the document. */
  applied: TextEdit[];
  /** Edits with no run to write them into (e.g. a blank cell, or text across lines). */
  skipped: TextEdit[];
}

interface NodeEdit {
  /** Columns in the w:t element's decoded text. */
  from: number;
  to: number;
  text: string;
}

/**
 * Applies edits on the text `readSource` made of `bytes` (with its `docx` map) to the package.
 * An edit must lie within one line; its characters are replaced in the first run it covers and
 * removed from the others, so a number split over several runs keeps the first run's formatting.
 */
export function fixDocx(bytes: Uint8Array, map: DocxMap, edits: TextEdit[], limits: Limits = DEFAULT_LIMITS): DocxFixResult {
  const applied: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  const byNode = new Map<number, { piece: DocxPiece; edits: NodeEdit[] }>();
  for (const e of edits) {
    const { start, end } = e.range;
    const covered = start.line === end.line ? map.pieces.filter((p) => p.line === start.line && p.from < Math.max(end.character, start.character + 1) && p.to > start.character) : [];
    if (!covered.length) { skipped.push(e); continue; }
    covered.forEach((p, i) => {
      const from = Math.max(start.character, p.from) - p.from + p.offset;
      const to = Math.min(end.character, p.to) - p.from + p.offset;
      const slot = byNode.get(p.xmlStart) ?? { piece: p, edits: [] };
      slot.edits.push({ from, to: Math.max(from, to), text: i === 0 ? e.newText : '' });
      byNode.set(p.xmlStart, slot);
    });
    applied.push(e);
  }
  if (!applied.length) return { bytes, applied, skipped };

  // Only the main part changes; the package around it is patched byte for byte (zip.ts).
  const patched = patchEntry(bytes, map.entry, (data) => {
    if (data.length > limits.maxPartBytes) throw new SourceError('too-large', { zh: `${map.entry} 超过 ${limits.maxPartBytes} 字节`, en: `${map.entry} is over ${limits.maxPartBytes} bytes` });
    const { text: xml, bom } = decodeXml(data);
    // Pieces in order, the text between them kept: one pass, not a copy of the part per edit.
    const nodes = [...byNode.values()].sort((a, b) => a.piece.xmlStart - b.piece.xmlStart);
    const parts: string[] = [];
    let at = 0;
    for (const { piece, edits: nodeEdits } of nodes) {
      let t = markup().decodeXML(xml.slice(piece.xmlStart, piece.xmlEnd));
      for (const ne of nodeEdits.sort((a, b) => b.from - a.from)) t = t.slice(0, ne.from) + ne.text + t.slice(ne.to);
      parts.push(xml.slice(at, piece.xmlStart), escapeXmlText(t));
      at = piece.xmlEnd;
    }
    parts.push(xml.slice(at));
    return encodeXml(parts.join(''), bom);
  });
  return { bytes: patched, applied, skipped };
}

function encodeXml(text: string, bom: 'utf-8' | 'utf-16le' | 'utf-16be' | null): Uint8Array {
  if (bom === 'utf-16le' || bom === 'utf-16be') {
    const le = Buffer.from(text, 'utf16le');
    if (bom === 'utf-16be') for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
    return Buffer.concat([Buffer.from(bom === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]), le]);
  }
  const body = Buffer.from(text, 'utf8');
  return bom === 'utf-8' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}
