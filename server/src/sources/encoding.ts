// Reading and writing drafts in the encodings they come in: UTF-8 (with or without BOM),
// UTF-16 with BOM (Word's "Unicode text"), and GB18030/GBK, common for government documents.

import { iconv } from './iconv.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** The bytes as a Buffer over the same memory (no copy): what decode and Node's writes take. */
export const bufferOf = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
}

export class InputError extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decode(bytes: Buffer): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: utf8Text(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  if (bytes.subarray(0, 8192).includes(0)) throw new InputError('binary');
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    const text = iconv().decode(bytes, 'gb18030');
    if (text.includes('\ufffd') || !iconv().encode(text, 'gb18030').equals(bytes)) throw new InputError('encoding');
    return { text, encoding: 'gb18030', bom: false };
  }
}

function utf8Text(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new InputError('encoding');
  }
}

export function encode(text: string, d: Pick<Decoded, 'encoding' | 'bom'>): Buffer {
  switch (d.encoding) {
    case 'utf-8':
      return Buffer.concat([d.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be': {
      const le = Buffer.from(text, 'utf16le');
      for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
    }
    case 'gb18030':
      return iconv().encode(text, 'gb18030');
  }
}
