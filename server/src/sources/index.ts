// The sources layer's public face: one entry point that turns a file's bytes into the draft
// the core reads (plain text, .docx, saved web pages, PDFs with a text layer), the typed error
// every reader throws, and writing recompute fixes back into a .docx. Outside the core.

import { applyEdits, type TextEdit } from '../core/index.js';
import { bufferOf, decode, encode, InputError, type Decoded } from './encoding.js';
import { fixDocx, type DocxFixResult } from './docx-fix.js';
import { readDocx } from './docx.js';
import { readHtml } from './html.js';
import { FILE_ERRORS, tooLarge } from './fileErrors.js';
import { byteLimit, DEFAULT_LIMITS, SourceError, type Limits, type SourceKind, type SourceResult } from './types.js';

export { fixDocx, type DocxFixResult };
export { byteLimit, DEFAULT_LIMITS, SourceError, type DocxMap, type DocxPiece, type Limits, type SourceErrorCode, type SourceKind, type SourceResult } from './types.js';
export type { Decoded } from './encoding.js';
export { bufferOf } from './encoding.js';
export { fileError, FILE_ERRORS, tooLarge, tooLargeError } from './fileErrors.js';

/** Extensions a directory walk picks up, by kind. */
export const SOURCE_EXTENSIONS: Record<SourceKind, string[]> = {
  text: ['.txt', '.md'],
  docx: ['.docx'],
  html: ['.html', '.htm'],
  pdf: ['.pdf'],
};

/** Formats refused with advice: old Word and WPS binaries. */
const LEGACY = ['.doc', '.wps', '.dot', '.wpt', '.rtf'];

/** A path's extension, lower-cased, with its dot ('' when its last name has none): found, not matched, as every file of a batch asks. */
function ext(path: string): string {
  const dot = path.lastIndexOf('.');
  if (dot < 0 || dot === path.length - 1 || dot < path.lastIndexOf('/') || dot < path.lastIndexOf('\\')) return '';
  return path.slice(dot).toLowerCase();
}

/** Each extension a reader takes, and the legacy ones (null). */
const KIND_OF = new Map<string, SourceKind | null>([...(Object.entries(SOURCE_EXTENSIONS) as [SourceKind, string[]][]).flatMap(([kind, list]) => list.map((e) => [e, kind] as const)), ...LEGACY.map((e) => [e, null] as const)]);

/** The kind a path's extension names; null for a file no reader takes (anything else reads as text). */
export function sourceKind(path: string): SourceKind | null {
  const kind = KIND_OF.get(ext(path));
  return kind === undefined ? 'text' : kind;
}

/** Whether a directory walk should take this file name. */
export function isSourceFile(name: string): boolean {
  return KIND_OF.has(ext(name));
}

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

const legacy = (e: string) =>
  new SourceError('legacy-format', {
    zh: `不支持旧版 ${e || 'Word/WPS'} 格式：请在 Word 或 WPS 中“另存为” .docx 后再检查`,
    en: `The old ${e || 'Word/WPS'} format is not read: save it as .docx in Word or WPS, then check that`,
  });

/** An OLE compound file: an encrypted OOXML package (it holds an EncryptedPackage stream) or an old .doc/.wps. */
function compoundError(bytes: Uint8Array, e: string): SourceError {
  const marker = Buffer.from('EncryptedPackage', 'utf16le');
  if (bufferOf(bytes).includes(marker)) {
    return new SourceError('encrypted', { zh: '文档设有密码（已加密），无法读取：请取消密码后另存一份再检查', en: 'The document is password-protected (encrypted): remove the password, save a copy and check that' });
  }
  return legacy(e === '.docx' ? '.doc' : e);
}

export interface TextSourceResult extends SourceResult {
  kind: 'text';
  /** How the text was encoded, for writing it back as it was. */
  decoded: Decoded;
}

/**
 * Reads a file of any supported kind into the draft the core analyses. `path` only picks the
 * reader (by extension); the bytes decide the rest. Throws only `SourceError`.
 */
export async function readSource(path: string, bytes: Uint8Array, limits: Partial<Limits> = {}): Promise<SourceResult | TextSourceResult> {
  const lim: Limits = { ...DEFAULT_LIMITS, ...limits };
  const e = ext(path);
  const kind = sourceKind(path);
  const limit = byteLimit(kind, lim);
  if (bytes.length > limit) throw new SourceError('too-large', tooLarge(bytes.length, limit));
  if (kind === null) {
    if (startsWith(bytes, CFB)) throw compoundError(bytes, e);
    throw legacy(e);
  }
  try {
    switch (kind) {
      case 'docx':
        if (startsWith(bytes, CFB)) throw compoundError(bytes, e);
        if (!startsWith(bytes, [0x50, 0x4b])) throw new SourceError('corrupt', { zh: '不是有效的 .docx 文件（不是 zip 压缩包）', en: 'Not a valid .docx file (not a zip package)' });
        return readDocx(bytes, lim);
      case 'html':
        return readHtml(bytes, lim);
      case 'pdf': {
        const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
        if (!head.includes('%PDF-')) throw new SourceError('corrupt', { zh: '不是有效的 PDF 文件', en: 'Not a valid PDF file' });
        const { readPdf } = await import('./pdf.js');
        return await readPdf(bytes, lim);
      }
      case 'text': {
        if (startsWith(bytes, CFB)) throw compoundError(bytes, e);
        // Bounded by maxTextBytes: maxChars bounds what a .docx, page or PDF converts to.
        const decoded = decode(bufferOf(bytes));
        return { kind: 'text', text: decoded.text, writable: true, problems: [], decoded };
      }
    }
  } catch (err) {
    if (err instanceof SourceError) throw err;
    if (err instanceof InputError) {
      throw err.message === 'binary' ? new SourceError('unsupported', FILE_ERRORS.binary) : new SourceError('corrupt', FILE_ERRORS.encoding);
    }
    if (err instanceof RangeError && /memory|allocation|Array buffer/i.test(err.message)) {
      throw new SourceError('too-large', { zh: '文件太大，无法读取', en: 'The file is too large to read' });
    }
    throw new SourceError('corrupt', { zh: `文件已损坏，无法读取（${String((err as Error)?.message ?? err)}）`, en: `The file is damaged and cannot be read (${String((err as Error)?.message ?? err)})` });
  }
}

/**
 * The file's new bytes with `edits` (made on `src.text`, e.g. by the core's recompute) written
 * back: a text file re-encoded as it was (encoding and BOM), a .docx through `fixDocx`. null for
 * sources that cannot be written (.html, .pdf): `--fix` changes nothing there and says so.
 */
export function writeBack(src: SourceResult, bytes: Uint8Array, edits: TextEdit[], limits: Partial<Limits> = {}): DocxFixResult | null {
  if (src.kind === 'text' && 'decoded' in src) {
    if (!edits.length) return { bytes, applied: [], skipped: [] };
    return { bytes: new Uint8Array(encode(applyEdits(src.text, edits), (src as TextSourceResult).decoded)), applied: edits, skipped: [] };
  }
  if (src.kind === 'docx' && src.docx) return fixDocx(bytes, src.docx, edits, { ...DEFAULT_LIMITS, ...limits });
  return null;
}
