// Source files on disk for the editor (given to startServer by node.ts, never imported by a
// feature): a file converted to the draft the core reads (sources/readSource), and the recompute
// fixes of that draft written back into a .docx (sources/writeBack, atomically as `check --fix`
// does). Errors come back as messages in both languages, never thrown.

import { analyzeText, recompute, type Localized } from '../core/index.js';
import { readInput, writeAtomic } from '../sources/files.js';
import { readSource, SourceError, writeBack } from '../sources/index.js';
import type { ConvertedSource, SourceAccess, WrittenFixes } from './context.js';

/** The path of a `file:` URI; null for any other scheme. */
export function pathOfUri(uri: string): string | null {
  const m = /^file:\/\/([^/]*)(\/.*)$/i.exec(uri);
  if (!m) return null;
  let path = decodeURIComponent(m[2]);
  if (/^\/[A-Za-z]:/.test(path)) path = path.slice(1).replace(/\//g, '\\');
  return m[1] && m[1] !== 'localhost' ? `//${m[1]}${path}` : path;
}

function failure(e: unknown): Localized {
  if (e instanceof SourceError) return e.localized;
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return { zh: '文件不存在', en: 'No such file' };
  if (code === 'EACCES' || code === 'EPERM') return { zh: '没有权限', en: 'Permission denied' };
  if (code === 'ETOOLARGE') return { zh: '文件过大（上限 10 MB）', en: 'The file is too large (the limit is 10 MB)' };
  if (code === 'ENOTFILE' || code === 'EISDIR') return { zh: '不是普通文件', en: 'Not a regular file' };
  if (code === 'ECHANGED') return { zh: '写入期间文件被其他程序改动，未写入', en: 'The file changed while being written; nothing written' };
  const m = String((e as Error)?.message ?? e);
  return { zh: `无法读取：${m}`, en: `Cannot read: ${m}` };
}

const NOT_A_FILE: Localized = { zh: '只能打开磁盘上的文件', en: 'Only files on disk can be opened' };
const NOT_DOCX: Localized = { zh: '只能写回 .docx 文件（网页和 PDF 不修改）', en: 'Fixes are written back into a .docx only (web pages and PDFs are not changed)' };

export const nodeSources: SourceAccess = {
  async convert(uri: string): Promise<ConvertedSource> {
    const path = pathOfUri(uri);
    if (!path) return { error: NOT_A_FILE };
    try {
      const src = await readSource(path, readInput(path));
      return { text: src.text, kind: src.kind, writable: src.kind === 'docx', problems: src.problems };
    } catch (e) {
      return { error: failure(e) };
    }
  },

  async writeFixes(uri: string, keep?: ReadonlySet<string>): Promise<WrittenFixes> {
    const path = pathOfUri(uri);
    if (!path) return { error: NOT_A_FILE };
    try {
      const bytes = readInput(path);
      const src = await readSource(path, bytes);
      if (src.kind !== 'docx') return { error: NOT_DOCX };
      const result = recompute(analyzeText(src.text), { keep });
      const out = writeBack(src, bytes, result.edits);
      if (!out) return { error: NOT_DOCX };
      const skipped = new Set(out.skipped.map((e) => JSON.stringify(e.range)));
      const changes = result.changes
        .filter((c) => !skipped.has(JSON.stringify(c.range)))
        .map((c) => ({ rule: c.rule, key: c.key, label: { zh: c.label, en: c.labelEn }, old: c.old, new: c.new, line: c.range.start.line }));
      if (!out.applied.length) return { changes: [], skipped: out.skipped.length, text: src.text };
      const written = Buffer.from(out.bytes);
      writeAtomic(path, written, bytes);
      const again = await readSource(path, written);
      return { changes, skipped: out.skipped.length, text: again.text };
    } catch (e) {
      return { error: failure(e) };
    }
  },
};
