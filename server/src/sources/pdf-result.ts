// What the PDF readers (pdf.ts on Node, pdf.browser.ts in the web worker) make of pdf-text.ts's
// replies: an error reply as its SourceError, the pages read as the converted text.

import { layoutPages, type PdfPage } from './pdf-layout.js';
import type { PdfReply } from './pdf-text.js';
import { SourceError, type Limits, type SourceResult } from './types.js';
import type { Localized } from '../core/index.js';

export const corrupt = (why: string) => new SourceError('corrupt', { zh: `PDF 文件已损坏，无法读取（${why}）`, en: `The PDF is damaged and cannot be read (${why})` });

/** pdf.js did not load (a broken install, a missing dist/pdf-engine.mjs): not the file's doing; code too-complex, as pdf.js not ready within its load budget, which ends the thread. */
export const engineFailed = (why: string) =>
  new SourceError('too-complex', { zh: `PDF 读取组件（pdf.js）未能加载（${why}），PDF 未读取；请稍后重试或重新安装`, en: `pdf.js could not be loaded (${why}); the PDF was not read (try again, or reinstall)` });

/** The SourceError an `error` reply stands for. */
export function pdfError(r: Extract<PdfReply, { type: 'error' }>, limits: Limits): SourceError {
  switch (r.kind) {
    case 'encrypted':
      return new SourceError('encrypted', { zh: 'PDF 设有打开密码，无法读取；请提供未加密的文件', en: 'The PDF needs a password to open; provide an unencrypted copy' });
    case 'too-many-pages':
      return new SourceError('too-many-pages', { zh: `PDF 共 ${r.count} 页，超过 ${limits.maxPages} 页的上限，不予读取`, en: `The PDF has ${r.count} pages, over the limit of ${limits.maxPages}; not read` });
    case 'too-large':
      return new SourceError('too-large', { zh: `PDF 的文字超过 ${limits.maxChars} 个字符，不予读取`, en: `The PDF's text is over ${limits.maxChars} characters; not read` });
    case 'engine':
      return engineFailed(r.detail);
    default:
      return corrupt(r.detail);
  }
}

/** The pages read as the converted text; a PDF with (almost) no text is a scan. */
export function pdfText(count: number, pages: PdfPage[]): SourceResult {
  const visible = pages.reduce((s, p) => s + p.items.reduce((t, i) => t + i.str.replace(/\s/g, '').length, 0), 0);
  if (visible < 10 * Math.max(1, Math.min(count, 3))) {
    throw new SourceError('scan', { zh: 'PDF 没有文字层（可能是扫描件），请先做文字识别（OCR）或提供 Word/网页版本', en: 'The PDF has no text layer (probably a scan); run OCR on it first or provide the Word or web version' });
  }
  const problems: Localized[] = [];
  const lines = layoutPages(pages, problems);
  return { kind: 'pdf', text: lines.join('\n') + (lines.length ? '\n' : ''), writable: false, problems };
}
