// Source files for the editor (built by the runtime's entry, node.ts or browser.ts, over its file
// system; never imported by a feature): a file converted to the draft the core reads
// (sources/readSource), and the recompute fixes of that draft written back into a .docx
// (sources/fixSource, as `check --fix` writes them; the file system writes atomically where it can).
// Errors come back as messages in both languages, never thrown.

import type { FixChange, Localized } from '../core/index.js';
import { fixSource, NO_RUN } from '../sources/fixSource.js';
import type { Runtime } from '../host/runtime.js';
import { byteLimit, fileError, readSource, sourceKind } from '../sources/index.js';
import type { ConvertedSource, SourceAccess, WrittenFixes } from './context.js';
import { baseName } from './files.js';

const nameOf = (uri: string) => baseName(uri);

/** The path of a `file:` URI; null for any other scheme. */
export function pathOfUri(uri: string): string | null {
  const m = /^file:\/\/([^/]*)(\/.*)$/i.exec(uri);
  if (!m) return null;
  let path = decodeURIComponent(m[2]);
  if (/^\/[A-Za-z]:/.test(path)) path = path.slice(1).replace(/\//g, '\\');
  return m[1] && m[1] !== 'localhost' ? `//${m[1]}${path}` : path;
}

const NOT_DOCX: Localized = { zh: '只能写回 .docx 文件（网页和 PDF 不修改）', en: 'Fixes are written back into a .docx only (web pages and PDFs are not changed)' };

/** One mapping for every runtime and the CLI: sources/fileErrors.ts. */
const failure = fileError;

/** Source files read and written through a runtime's file system (Node's, or the workspace's in a browser). */
export function sourceAccess(fs: Runtime): SourceAccess {
  const read = (uri: string) => fs.readFile(uri, byteLimit(sourceKind(uri)));
  return {
    async convert(uri: string): Promise<ConvertedSource> {
      try {
        const src = await readSource(nameOf(uri), await read(uri));
        return { text: src.text, kind: src.kind, writable: src.kind === 'docx', problems: src.problems };
      } catch (e) {
        return { error: failure(e) };
      }
    },

    async writeFixes(uri: string, keep?: ReadonlySet<string>): Promise<WrittenFixes> {
      try {
        const bytes = await read(uri);
        const src = await readSource(nameOf(uri), bytes);
        if (src.kind !== 'docx') return { error: NOT_DOCX };
        const fixed = await fixSource(nameOf(uri), bytes, src, (b, expected) => fs.writeFile(uri, b, expected), { keep });
        if (!fixed) return { error: NOT_DOCX };
        const written = (c: FixChange) => ({ rule: c.rule, key: c.key, label: { zh: c.label, en: c.labelEn }, old: c.old, new: c.new, line: c.range.start.line });
        const changes = fixed.changes.map(written);
        if (fixed.error) return { error: failure(fixed.error), unwritten: changes };
        return { changes, skipped: fixed.unwritable.map((c) => ({ ...written(c), why: NO_RUN })), text: fixed.source.text };
      } catch (e) {
        return { error: failure(e) };
      }
    },
  };
}
