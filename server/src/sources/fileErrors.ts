// The one place a file error becomes words, in both languages: the CLI (cli/report.ts reason) and
// the language server (lsp/sourceFiles.ts, on Node and in the browser worker) say the same thing
// for the same failure. Errors are the readers' SourceError, the decoder's InputError, or a runtime
// error with a `code` (ENOENT, ETOOLARGE with `size` and `limit`, ENOTFILE, ECHANGED, EROUNDTRIP, …).

import type { Localized } from '../core/index.js';
import { InputError } from './encoding.js';
import { DEFAULT_LIMITS } from './types.js';
import { SourceError } from './types.js';

const mb = (bytes: number) => String(Math.round(bytes / 1048576));

/** A file over its kind's limit (sources/types.ts byteLimit): its size and the limit, in MB. */
export function tooLarge(size: number, limit: number): Localized {
  const s = (size / 1048576).toFixed(1);
  return { zh: `文件过大（${s} MB，上限 ${mb(limit)} MB）`, en: `file too large (${s} MB; the limit is ${mb(limit)} MB)` };
}

/** The error a runtime throws for a file over `limit` bytes (turned into words by fileError). */
export const tooLargeError = (size: number, limit: number): Error => Object.assign(new Error('too large'), { code: 'ETOOLARGE', size, limit });

export const FILE_ERRORS = {
  notFound: { zh: '文件或目录不存在', en: 'no such file or directory' },
  denied: { zh: '没有权限', en: 'permission denied' },
  binary: { zh: '二进制文件，不是文本草稿', en: 'a binary file, not a text draft' },
  encoding: { zh: '无法识别的编码（支持 UTF-8、UTF-16、GB18030）', en: 'unknown encoding (UTF-8, UTF-16 and GB18030 are supported)' },
  notFile: { zh: '不是普通文件', en: 'not a regular file' },
  changed: { zh: '修正期间文件被其他程序改动，未写入', en: 'the file changed while being fixed; nothing written' },
  notFileUri: { zh: '只能打开磁盘上的文件', en: 'Only files on disk can be opened' },
  noRoundTrip: { zh: '该文件的编码无法原样写回，未修正', en: 'the file’s encoding cannot be written back unchanged; not fixed' },
} satisfies Record<string, Localized>;

/** Why a file could not be read or written, in both languages. */
export function fileError(e: unknown): Localized {
  if (e instanceof SourceError) return e.localized;
  if (e instanceof InputError) return e.message === 'binary' ? FILE_ERRORS.binary : FILE_ERRORS.encoding;
  const err = e as { code?: string; size?: number; limit?: number; message?: string } | undefined;
  switch (err?.code) {
    case 'ENOENT':
      return FILE_ERRORS.notFound;
    case 'EACCES':
    case 'EPERM':
      return FILE_ERRORS.denied;
    case 'ETOOLARGE':
      return tooLarge(err.size ?? 0, err.limit ?? DEFAULT_LIMITS.maxTextBytes);
    case 'ENOTFILE':
    case 'EISDIR':
      return FILE_ERRORS.notFile;
    case 'ECHANGED':
      return FILE_ERRORS.changed;
    case 'ENOTFILEURI':
      return FILE_ERRORS.notFileUri;
    case 'EROUNDTRIP':
      return FILE_ERRORS.noRoundTrip;
  }
  const m = String(err?.message ?? e);
  return { zh: m, en: m };
}
