// Reading and rewriting the zip package of a .docx with fflate, within limits: the entry count
// and the uncompressed total are checked while inflating (declared sizes can lie), in chunks,
// so a zip bomb stops at the limit instead of filling memory or spinning; each part is also held
// to its own limit (a 327 KB file whose document.xml inflates to 190 MB stops at 32 MB).

import { Unzip, UnzipInflate, zipSync, type Zippable } from 'fflate';
import { SourceError, type Limits } from './types.js';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated: kept when the package is written again. */
  compression: number;
  data: Uint8Array;
}

// Small input chunks: a chunk of a bomb inflates 600-fold, and fflate's streaming inflate slows on huge outputs.
const CHUNK = 4096;

const corrupt = (why: string) => new SourceError('corrupt', { zh: `文件已损坏或不是有效的 Word 文档（${why}）`, en: `The file is damaged or not a valid Word document (${why})` });

/** Every entry of a zip (or those `want` selects), in the order of the package. */
export function unzip(bytes: Uint8Array, limits: Limits, want: (name: string) => boolean = () => true): ZipEntry[] {
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

/** The package written again: every entry's bytes as given, each compressed as it was. */
export function rezip(entries: ZipEntry[]): Uint8Array {
  const files: Zippable = {};
  for (const e of entries) files[e.name] = [e.data, { level: e.compression === 0 ? 0 : 6 }];
  return zipSync(files);
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
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
