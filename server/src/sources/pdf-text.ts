// Reading one PDF's pages with pdf.js, wherever pdf.js runs: in the Node thread of its own
// (pdf-worker.ts, budgets kept by pdf.ts) and in place in the browser worker (pdf.browser.ts).
// Given the engine, it opens the PDF and posts the page count, then each page's text items (pdf.js
// text content → PdfItems), one reply a page; the readers turn the replies into a result the same
// way (pdf-result.ts). No Node imports, and only types from the rest: the Node thread's bundle
// (dist/pdf-worker.js) stays small.

import type { PdfItem, PdfPage } from './pdf-layout.js';

type Engine = typeof import('./pdf-engine.js');

/** A job: the PDF's bytes and the limits checked while reading (pages, characters). */
export interface PdfJob {
  id: number;
  bytes: Uint8Array;
  maxPages: number;
  maxChars: number;
}

/**
 * What reading a job posts, in order: `pages`, then one `page` each, then `done`; or `error`. The
 * Node thread (pdf-worker.ts) posts `ready` first, once pdf.js is loaded: the PDF's budgets start then.
 */
export type PdfReply =
  | { id: number; type: 'ready' }
  | { id: number; type: 'pages'; count: number }
  | { id: number; type: 'page'; n: number; page: PdfPage }
  | { id: number; type: 'done' }
  | { id: number; type: 'error'; kind: 'encrypted' | 'too-many-pages' | 'too-large' | 'corrupt' | 'engine'; detail: string; count?: number };

type TextContent = Awaited<ReturnType<Awaited<ReturnType<Awaited<ReturnType<Engine['getDocument']>['promise']>['getPage']>>['getTextContent']>>;
interface Viewport {
  convertToViewportPoint(x: number, y: number): number[];
}

/** One page's pdf.js text content as PdfItems: top-left origin through the viewport, `vertical` for top-to-bottom text. */
export function pageItems(content: TextContent, view: Viewport): PdfItem[] {
  const items: PdfItem[] = [];
  for (const it of content.items) {
    if (!('str' in it) || !it.str) continue;
    const [a, b, c, d, e, f] = it.transform as number[];
    const [x, y] = view.convertToViewportPoint(e, f);
    const h = Math.hypot(c, d) || Math.hypot(a, b) || it.height;
    items.push({ str: it.str, x, y, w: it.width, h, ...(it.dir === 'ttb' ? { vertical: true } : {}) });
  }
  return items;
}

/** Reads the job's PDF with `pdfjs`, posting the replies; never throws (a failure is an `error` reply). */
export async function readPages(pdfjs: Engine, job: PdfJob, cMapUrl: string | undefined, post: (r: PdfReply) => void): Promise<void> {
  const fail = (e: unknown) => post({ id: job.id, type: 'error', kind: 'corrupt', detail: e instanceof Error ? e.message : String(e) });
  let task;
  try {
    task = pdfjs.getDocument({
      data: job.bytes, // pdf.js takes ownership of the buffer
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
      ...(cMapUrl ? { cMapUrl, cMapPacked: true } : {}),
    });
  } catch (e) {
    return fail(e);
  }
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    if ((e as { name?: string })?.name === 'PasswordException') return post({ id: job.id, type: 'error', kind: 'encrypted', detail: '' });
    return fail(e);
  }
  try {
    if (doc.numPages > job.maxPages) return post({ id: job.id, type: 'error', kind: 'too-many-pages', detail: '', count: doc.numPages });
    post({ id: job.id, type: 'pages', count: doc.numPages });
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const view = page.getViewport({ scale: 1 });
      const items = pageItems(await page.getTextContent(), view);
      for (const it of items) chars += it.str.length;
      page.cleanup();
      if (chars > job.maxChars) return post({ id: job.id, type: 'error', kind: 'too-large', detail: '' });
      post({ id: job.id, type: 'page', n, page: { width: view.width, height: view.height, items } });
    }
    post({ id: job.id, type: 'done' });
  } catch (e) {
    fail(e);
  } finally {
    await doc.destroy().catch(() => {});
  }
}
