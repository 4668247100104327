// Reading and rewriting the zip package of a .docx with fflate, within limits: the entry count
// and the uncompressed total are checked while inflating (declared sizes can lie), in chunks,
// so a zip bomb stops at the limit instead of filling memory or spinning; each part is also held
// to its own limit (a 327 KB file whose document.xml inflates to 190 MB stops at 32 MB).

import { deflateSync, inflateSync, Unzip, UnzipInflate } from 'fflate';
import { SourceError, type Limits } from './types.js';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated: kept when the package is written again. */
  compression: number;
  data: Uint8Array;
}

// Small input chunks: a chunk of a bomb inflates 600-fold, and fflate's streaming inflate slows on huge outputs.
const CHUNK = 4096;

/** A password on the package itself (Word's own "Encrypt with Password" makes an OLE file instead: sources/index.ts). */
const ENCRYPTED = { zh: '文档设有密码（压缩包条目已加密），无法读取：请取消密码后另存一份再检查', en: 'The document is password-protected (its zip entries are encrypted): remove the password, save a copy and check that' };

const corrupt = (why: string) => new SourceError('corrupt', { zh: `文件已损坏或不是有效的 Word 文档（${why}）`, en: `The file is damaged or not a valid Word document (${why})` });

/** Every entry of a zip (or those `want` selects), in the order of the package. */
export function unzip(bytes: Uint8Array, limits: Limits, want: (name: string) => boolean = () => true): ZipEntry[] {
  if (hasEncryptedEntry(bytes, want)) throw new SourceError('encrypted', ENCRYPTED);
  const entries: ZipEntry[] = [];
  let count = 0;
  let total = 0;
  let failure: unknown = null;
  const unzipper = new Unzip((file) => {
    if (failure) return;
    if (++count > limits.maxEntries) {
      failure = new SourceError('too-many-entries', { zh: `压缩包条目超过 ${limits.maxEntries} 个，不予读取`, en: `The package has more than ${limits.maxEntries} entries; not read` });
      return;
    }
    if (!want(file.name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    const entry: ZipEntry = { name: file.name, compression: file.compression, data: new Uint8Array(0) };
    entries.push(entry);
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) { failure = corrupt(err.message); return; }
      total += chunk.length;
      if (total > limits.maxUncompressed) {
        failure = new SourceError('too-large', { zh: `解压后超过 ${mb(limits.maxUncompressed)}，不予读取（可能是压缩炸弹）`, en: `Over ${mb(limits.maxUncompressed)} uncompressed; not read (possibly a zip bomb)` });
        file.terminate();
        return;
      }
      size += chunk.length;
      if (size > limits.maxPartBytes) {
        failure = new SourceError('too-large', { zh: `${file.name} 解压后超过 ${mb(limits.maxPartBytes)}，不予读取（可能是压缩炸弹）`, en: `${file.name} is over ${mb(limits.maxPartBytes)} uncompressed; not read (possibly a zip bomb)` });
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) entry.data = concat(chunks);
    };
    file.start();
  });
  unzipper.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !failure; at += CHUNK) unzipper.push(bytes.subarray(at, Math.min(bytes.length, at + CHUNK)), at + CHUNK >= bytes.length);
  } catch (e) {
    if (!failure) failure = corrupt(e instanceof Error ? e.message : String(e));
  }
  if (failure) throw failure;
  if (!count) throw corrupt('no entries');
  return entries;
}

const refuse = (why: string) => new SourceError('unsupported', { zh: `无法安全写回此文档（${why}），未作改动`, en: `Cannot write safely into this document (${why}); nothing written` });

/** Where one entry and the central directory sit in a package, as patchEntry needs them. */
interface Located {
  /** The end of central directory record, and the directory's offset and size. */
  eocd: number;
  cdOffset: number;
  cdSize: number;
  /** Every directory record's offset and the local header offset it holds. */
  records: { at: number; lho: number }[];
  /** The entry's directory record, its method, local header, data and end (its data descriptor included). */
  cd: number;
  method: number;
  lho: number;
  dataStart: number;
  dataEnd: number;
  /** Whether a data descriptor follows the data (flag bit 3), and whether it has its signature. */
  described: boolean;
  ddSigned: boolean;
  entryEnd: number;
}

/** A package's central directory: the end record, the directory's place and every record in it. */
interface Directory {
  dv: DataView;
  eocd: number;
  cdOffset: number;
  cdSize: number;
  /** Each record's offset, the local header offset it holds, its flags and its name's bytes. */
  records: { at: number; lho: number; flags: number; name: Uint8Array }[];
}

/** The central directory of a package, or why it cannot be read (a reason for a refusal). */
function readDirectory(bytes: Uint8Array): Directory | string {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => dv.getUint16(at, true);
  const u32 = (at: number) => dv.getUint32(at, true);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === 0x06054b50) { eocd = at; break; }
  }
  if (eocd < 0) return 'no end of central directory';
  const count = u16(eocd + 10);
  const cdSize = u32(eocd + 12);
  const cdOffset = u32(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return 'ZIP64';
  if (cdOffset + cdSize > eocd) return 'central directory out of place';
  const records: Directory['records'] = [];
  for (let i = 0, p = cdOffset; i < count; i++) {
    if (p + 46 > eocd || u32(p) !== 0x02014b50) return 'damaged central directory';
    const nlen = u16(p + 28);
    records.push({ at: p, lho: u32(p + 42), flags: u16(p + 8), name: bytes.subarray(p + 46, p + 46 + nlen) });
    p += 46 + nlen + u16(p + 30) + u16(p + 32);
  }
  return { dv, eocd, cdOffset, cdSize, records };
}

/**
 * Whether an entry `want` selects is encrypted (flag bit 0: the zip's own "traditional" or AES
 * encryption, which fflate does not tell apart from damage). A directory that cannot be read says
 * nothing: the streaming read does not need it, and reports real damage itself.
 */
function hasEncryptedEntry(bytes: Uint8Array, want: (name: string) => boolean): boolean {
  const dir = readDirectory(bytes);
  if (typeof dir === 'string') return false;
  const names = new TextDecoder();
  return dir.records.some((r) => (r.flags & 1) !== 0 && want(names.decode(r.name)));
}

/** The entry `name` of a package, or a SourceError for a package it cannot be patched in safely. */
function locate(bytes: Uint8Array, name: string): Located {
  const dir = readDirectory(bytes);
  if (typeof dir === 'string') throw refuse(dir);
  const { dv, eocd, cdOffset, cdSize, records } = dir;
  const u16 = (at: number) => dv.getUint16(at, true);
  const u32 = (at: number) => dv.getUint32(at, true);
  const want = new TextEncoder().encode(name);
  const found = dir.records.filter((r) => r.name.length === want.length && r.name.every((b, k) => b === want[k])).map((r) => r.at);
  if (found.length !== 1) throw refuse(found.length ? `${name} appears ${found.length} times` : `no ${name}`);
  const cd = found[0];
  const method = u16(cd + 10);
  const csize = u32(cd + 20);
  const lho = u32(cd + 42);
  if (method !== 0 && method !== 8) throw refuse(`compression method ${method}`);
  if (csize === 0xffffffff || lho === 0xffffffff || u32(cd + 24) === 0xffffffff) throw refuse('ZIP64');
  if (u32(lho) !== 0x04034b50) throw refuse('damaged local header');
  const flags = u16(lho + 6);
  if (flags & 1) throw refuse('encrypted entry');
  const dataStart = lho + 30 + u16(lho + 26) + u16(lho + 28);
  const dataEnd = dataStart + csize;
  if (dataEnd > cdOffset && lho < cdOffset) throw refuse('entry overlaps the central directory');
  // The patched package is written in file order: the entry, then the directory.
  if (cdOffset < lho) throw refuse('central directory before the entry');
  const described = (flags & 8) !== 0;
  const ddSigned = described && dataEnd + 4 <= bytes.length && u32(dataEnd) === 0x08074b50;
  const entryEnd = dataEnd + (described ? (ddSigned ? 16 : 12) : 0);
  return { eocd, cdOffset, cdSize, records, cd, method, lho, dataStart, dataEnd, described, ddSigned, entryEnd };
}

/**
 * The package with one entry's content replaced by `change(content)`, patched in place at the
 * byte level: that entry's local header, data and data descriptor, its central directory record
 * (CRC and sizes) and the offsets after it change; every other byte stays — the other entries'
 * names (`__proto__` too), order, duplicates, comments, extra fields, attributes and timestamps,
 * and the archive's comment. fflate inflates and deflates the one entry. A package this cannot
 * patch safely (ZIP64, the entry missing or named twice, a method other than stored or deflate)
 * is refused with a SourceError: nothing is written.
 */
export function patchEntry(given: Uint8Array, name: string, change: (content: Uint8Array) => Uint8Array): Uint8Array {
  // A plain view: a Buffer's slice() shares memory, and the given bytes must stay as they are.
  const bytes = new Uint8Array(given.buffer, given.byteOffset, given.byteLength);
  const { eocd, cdOffset, cdSize, records, cd, method, lho, dataStart, dataEnd, described, ddSigned, entryEnd } = locate(bytes, name);

  const old = bytes.subarray(dataStart, dataEnd);
  const content = change(method === 8 ? inflateSync(old) : old.slice());
  const data = method === 8 ? deflateSync(content, { level: 6 }) : content;
  const crc = crc32(content);

  const header = bytes.slice(lho, dataStart);
  const hv = new DataView(header.buffer);
  if (!described) {
    hv.setUint32(14, crc, true);
    hv.setUint32(18, data.length, true);
    hv.setUint32(22, content.length, true);
  }
  const descriptor = new Uint8Array(described ? (ddSigned ? 16 : 12) : 0);
  if (described) {
    const d = new DataView(descriptor.buffer);
    let at = 0;
    if (ddSigned) { d.setUint32(0, 0x08074b50, true); at = 4; }
    d.setUint32(at, crc, true);
    d.setUint32(at + 4, data.length, true);
    d.setUint32(at + 8, content.length, true);
  }
  const delta = header.length + data.length + descriptor.length - (entryEnd - lho);
  const shift = (offset: number) => (offset > lho ? offset + delta : offset);

  const directory = bytes.slice(cdOffset, cdOffset + cdSize);
  const dd = new DataView(directory.buffer);
  for (const r of records) dd.setUint32(r.at - cdOffset + 42, shift(r.lho), true);
  dd.setUint32(cd - cdOffset + 16, crc, true);
  dd.setUint32(cd - cdOffset + 20, data.length, true);
  dd.setUint32(cd - cdOffset + 24, content.length, true);
  const end = bytes.slice(eocd);
  new DataView(end.buffer).setUint32(16, shift(cdOffset), true);

  // The bytes in file order: before the entry, the entry, up to the directory, the directory, the end.
  return concat([bytes.subarray(0, lho), header, data, descriptor, bytes.subarray(entryEnd, cdOffset), directory, bytes.subarray(cdOffset + cdSize, eocd), end]);
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (ISO 3309, as zip stores it); `previous` continues the CRC of the bytes before `data`. */
export function crc32(data: Uint8Array, previous = 0): number {
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  // (also used by patchEntry for the parts of the patched package)
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

export function mb(n: number): string {
  return `${Math.round(n / 1024 / 1024)} MB`;
}
