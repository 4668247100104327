// Hostile and clumsy inputs, made by small functions rather than committed as binaries: .docx
// packages whose parts inflate far or nest deep, web pages of nested or countless elements, PDFs
// of nested operators, self-referencing forms and streams that inflate to gigabytes. Shared by
// test/hostile.test.ts and the benchmark (bench/hostile.ts), which uses the issue's sizes.
//
// A deflate stream of N copies of one chunk is built from one deflated copy (flushed, not
// finished, so that copies concatenate), not by deflating N copies: 1.5 GB costs 1.5 MB and
// milliseconds to make.

import { deflateRawSync, constants } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { crc32 } from '../../server/src/sources/zip.js';

/** Raw deflate of `chunk` repeated `copies` times, made from one deflated copy. */
export function repeatedDeflate(chunk: Uint8Array, copies: number): Uint8Array {
  const one = deflateRawSync(chunk, { finishFlush: constants.Z_SYNC_FLUSH, level: 9 });
  const out = new Uint8Array(one.length * copies + 2);
  for (let i = 0; i < copies; i++) out.set(one, i * one.length);
  // A final fixed-Huffman block holding only its end: BFINAL=1, BTYPE=01, EOB.
  out[one.length * copies] = 0x03;
  out[one.length * copies + 1] = 0x00;
  return out;
}


const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

/** A .docx whose word/document.xml is the given XML. */
export function docxOf(documentXml: string): Uint8Array {
  return zipSync({ '[Content_Types].xml': strToU8(TYPES), '_rels/.rels': strToU8(RELS), 'word/document.xml': strToU8(documentXml) });
}

/** A .docx of `depth` table cells each nested in the one before (the issue: 100,000 in 46 KB). */
export function docxNestedCells(depth: number): Uint8Array {
  return docxOf(`<w:document ${W}><w:body>${'<w:tbl><w:tr><w:tc>'.repeat(depth)}<w:p><w:r><w:t>x</w:t></w:r></w:p>${'</w:tc></w:tr></w:tbl>'.repeat(depth)}</w:body></w:document>`);
}

/** A .docx of `depth` nested content controls (the issue: 1,000,000 w:sdt in 58 KB). */
export function docxNestedSdt(depth: number): Uint8Array {
  return docxOf(`<w:document ${W}><w:body>${'<w:sdt><w:sdtContent>'.repeat(depth)}<w:p/>${'</w:sdtContent></w:sdt>'.repeat(depth)}</w:body></w:document>`);
}

/**
 * A .docx whose document.xml inflates to about `mb` MB of empty paragraphs (the issue: a 327 KB
 * file, 190 MB), zipped by hand around a repeated deflate stream, its CRC computed.
 */
export function docxBomb(mb: number): Uint8Array {
  const head = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>`);
  const chunk = strToU8('<w:p/>'.repeat(Math.floor((1 << 20) / 6)));
  const copies = mb;
  // The part is head + chunk × copies: both deflated (head alone as a flushed block, then the copies).
  const headDeflated = deflateRawSync(head, { finishFlush: constants.Z_SYNC_FLUSH });
  const body = repeatedDeflate(chunk, copies);
  const data = concat([headDeflated, body]);
  let crc = crc32(head);
  for (let i = 0; i < copies; i++) crc = crc32(chunk, crc);
  const size = head.length + chunk.length * copies;
  const small = zipSync({ '[Content_Types].xml': strToU8(TYPES), '_rels/.rels': strToU8(RELS) });
  return appendEntry(small, 'word/document.xml', data, crc, size);
}

/** `zip` (as fflate writes it: one central directory, no comment) with one more deflated entry. */
function appendEntry(zip: Uint8Array, name: string, data: Uint8Array, crc: number, size: number): Uint8Array {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  const count = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  const n = strToU8(name);
  const local = new Uint8Array(30 + n.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(8, 8, true);
  lv.setUint32(14, crc, true);
  lv.setUint32(18, data.length, true);
  lv.setUint32(22, size, true);
  lv.setUint16(26, n.length, true);
  local.set(n, 30);
  const central = new Uint8Array(46 + n.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(10, 8, true);
  cv.setUint32(16, crc, true);
  cv.setUint32(20, data.length, true);
  cv.setUint32(24, size, true);
  cv.setUint16(28, n.length, true);
  cv.setUint32(42, cdOffset, true);
  central.set(n, 46);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, count + 1, true);
  ev.setUint16(10, count + 1, true);
  ev.setUint32(12, cdSize + central.length, true);
  ev.setUint32(16, cdOffset + local.length + data.length, true);
  return concat([zip.subarray(0, cdOffset), local, data, zip.subarray(cdOffset, cdOffset + cdSize), central, end]);
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** Web pages: `depth` nested tables / divs, or about `mb` MB of empty paragraphs. */
export const htmlNestedTables = (depth: number) => strToU8(`<html><body>${'<table><tr><td>'.repeat(depth)}x${'</td></tr></table>'.repeat(depth)}</body></html>`);
export const htmlNestedDivs = (depth: number) => strToU8(`<html><body>${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}</body></html>`);
export const htmlEmptyParagraphs = (mb: number) => strToU8(`<html><body>${'<p>'.repeat(Math.floor((mb * 1048576) / 3))}</body></html>`);

/** A PDF of the given objects (1-based, in order; the first is the catalog), with a correct xref. */
export function pdfOf(objects: (string | Uint8Array)[]): Uint8Array {
  const parts: Uint8Array[] = [strToU8('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')];
  let at = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(at);
    const body = typeof o === 'string' ? strToU8(o) : o;
    const b = concat([strToU8(`${i + 1} 0 obj\n`), body, strToU8('\nendobj\n')]);
    parts.push(b);
    at += b.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`;
  parts.push(strToU8(xref));
  return concat(parts);
}

const stream = (dict: string, data: Uint8Array) => concat([strToU8(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, strToU8('\nendstream')]);
const zlibWrap = (raw: Uint8Array) => concat([new Uint8Array([0x78, 0x9c]), raw, new Uint8Array([0, 0, 0, 0])]);
const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/** One page whose content stream is `content` (deflated when `deflated`), with resources `resources`. */
function onePage(content: Uint8Array, deflated: boolean, resources = '/Font << /F1 4 0 R >>', extra: (string | Uint8Array)[] = []): Uint8Array {
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << ${resources} >> /Contents 5 0 R >>`,
    FONT,
    stream(deflated ? '/Filter /FlateDecode' : '', content),
    ...extra,
  ]);
}

/** A PDF of `depth` nested `q` operators around one line of text (the issue: 50,000 in 849 bytes). */
export function pdfNestedQ(depth: number): Uint8Array {
  const content = strToU8(`${'q '.repeat(depth)}BT /F1 12 Tf 72 720 Td (hello) Tj ET ${'Q '.repeat(depth)}`);
  return onePage(zlibWrap(deflateRawSync(content, { level: 9 })), true);
}

/** A PDF whose two Form XObjects draw each other (twice each: without a guard, exponential). */
export function pdfSelfReferencingForms(): Uint8Array {
  const form = (other: number) => stream(`/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X ${other} 0 R >> /Font << /F1 4 0 R >> >>`, strToU8('BT /F1 12 Tf 72 700 Td (loop) Tj ET /X Do /X Do'));
  return onePage(strToU8('BT /F1 12 Tf 72 720 Td (hello) Tj ET /X Do'), false, '/Font << /F1 4 0 R >> /XObject << /X 6 0 R >>', [form(7), form(6)]);
}

/** A PDF whose content stream inflates to about `mb` MB of spaces (the issue: 1.5 MB → 1.5 GB). */
export function pdfStreamBomb(mb: number): Uint8Array {
  return onePage(zlibWrap(repeatedDeflate(new Uint8Array(1 << 20).fill(0x20), mb)), true);
}
