// Reading a PDF's text layer with pdf.js, in this thread and only when a PDF is read: pages
// within the page limit, each page's text items with their positions handed to pdf-layout.
// A PDF without text (a scan) and a PDF that needs a password are errors of their own.

import { cMapUrl } from './pdf-cmaps.js';
import { layoutPages, type PdfItem, type PdfPage } from './pdf-layout.js';
import { SourceError, type Limits, type SourceResult } from './types.js';
import type { Localized } from '../core/index.js';

type Engine = typeof import('./pdf-engine.js');
let engine: Promise<Engine> | null = null;

/** pdf.js, imported on the first PDF and kept. */
function loadEngine(): Promise<Engine> {
  engine ??= import('./pdf-engine.js').then((m) => {
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = { WorkerMessageHandler: m.WorkerMessageHandler };
    return m;
  });
  return engine;
}

const corrupt = (why: string) => new SourceError('corrupt', { zh: `PDF 文件已损坏，无法读取（${why}）`, en: `The PDF is damaged and cannot be read (${why})` });

export async function readPdf(bytes: Uint8Array, limits: Limits): Promise<SourceResult> {
  const pdfjs = await loadEngine();
  const url = cMapUrl();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdf.js takes ownership of the buffer
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    ...(url ? { cMapUrl: url, cMapPacked: true } : {}),
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    if ((e as { name?: string })?.name === "PasswordException") {
      throw new SourceError('encrypted', { zh: 'PDF 设有打开密码，无法读取；请提供未加密的文件', en: 'The PDF needs a password to open; provide an unencrypted copy' });
    }
    throw corrupt(e instanceof Error ? e.message : String(e));
  }
  try {
    if (doc.numPages > limits.maxPages) {
      throw new SourceError('too-many-pages', { zh: `PDF 共 ${doc.numPages} 页，超过 ${limits.maxPages} 页的上限，不予读取`, en: `The PDF has ${doc.numPages} pages, over the limit of ${limits.maxPages}; not read` });
    }
    const pages: PdfPage[] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const view = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str) continue;
        // Page space → top-left origin through the viewport transform.
        const [a, b, c, d, e, f] = it.transform as number[];
        const [x, y] = view.convertToViewportPoint(e, f);
        const h = Math.hypot(c, d) || Math.hypot(a, b) || it.height;
        items.push({ str: it.str, x, y, w: it.width, h });
        chars += it.str.length;
      }
      pages.push({ width: view.width, height: view.height, items });
      page.cleanup();
      if (chars > limits.maxChars) throw new SourceError('too-large', { zh: `PDF 的文字超过 ${limits.maxChars} 个字符，不予读取`, en: `The PDF's text is over ${limits.maxChars} characters; not read` });
    }
    const visible = pages.reduce((s, p) => s + p.items.reduce((t, i) => t + i.str.replace(/\s/g, '').length, 0), 0);
    if (visible < 10 * Math.max(1, Math.min(doc.numPages, 3))) {
      throw new SourceError('scan', { zh: 'PDF 没有文字层（可能是扫描件），请先做文字识别（OCR）或提供 Word/网页版本', en: 'The PDF has no text layer (probably a scan); run OCR on it first or provide the Word or web version' });
    }
    const problems: Localized[] = [];
    const lines = layoutPages(pages);
    return { kind: 'pdf', text: lines.join('\n') + (lines.length ? '\n' : ''), writable: false, problems };
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw corrupt(e instanceof Error ? e.message : String(e));
  } finally {
    await doc.destroy().catch(() => {});
  }
}
