// Reading a PDF's pages (sources/pdf-text.ts readPages, shared by the Node thread and the browser
// worker) against a stand-in for pdf.js: what pdf.js is asked, the replies in their order, the page
// and character limits at their edges, every failure an `error` reply (never a throw), and the
// document always let go. pdf.js itself is read in test/sources-errors.test.ts and the PDF tests.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pageItems, readPages, type PdfJob, type PdfReply } from '../server/src/sources/pdf-text.ts';

type Item = { str: string; transform: number[]; width: number; height: number; dir?: string } | { type: string };

interface Fake {
  /** Each page's text items (pdf.js's own: bottom-left origin, transform). */
  pages: Item[][];
  /** The document fails to open with this error. */
  open?: Error;
  /** getDocument itself throws. */
  throws?: boolean;
  /** getPage(n) fails for this page. */
  badPage?: number;
  /** doc.destroy() rejects. */
  destroyFails?: boolean;
}

/** A stand-in for pdf.js's getDocument: pages of 595 × 842, what was asked and done in `log`. */
function engine(f: Fake) {
  const log: string[] = [];
  let asked: Record<string, unknown> = {};
  const doc = {
    numPages: f.pages.length,
    getPage: async (n: number) => {
      log.push(`getPage ${n}`);
      if (n === f.badPage) throw new Error(`page ${n} is broken`);
      return {
        getViewport: () => ({ width: 595, height: 842, convertToViewportPoint: (x: number, y: number) => [x, 842 - y] }),
        getTextContent: async () => ({ items: f.pages[n - 1] }),
        cleanup: () => log.push(`cleanup ${n}`),
      };
    },
    destroy: async () => {
      log.push('doc.destroy');
      if (f.destroyFails) throw new Error('destroy failed');
    },
  };
  const pdfjs = {
    VerbosityLevel: { ERRORS: 0 },
    getDocument: (params: Record<string, unknown>) => {
      asked = params;
      if (f.throws) throw new Error('bad parameters');
      return { promise: f.open ? Promise.reject(f.open) : Promise.resolve(doc), destroy: async () => { log.push('task.destroy'); } };
    },
  };
  return { pdfjs: pdfjs as never, log, asked: () => asked };
}

const line = (str: string, x = 72, y = 742, size = 12): Item => ({ str, transform: [size, 0, 0, size, x, y], width: size * str.length, height: size });
const job = (l: Partial<PdfJob> = {}): PdfJob => ({ id: 7, bytes: new Uint8Array([37, 80, 68, 70]), maxPages: 200, maxChars: 1000, ...l });

async function read(f: Fake, l: Partial<PdfJob> = {}, cMapUrl?: string) {
  const e = engine(f);
  const replies: PdfReply[] = [];
  await readPages(e.pdfjs, job(l), cMapUrl, (r) => replies.push(r));
  return { replies, types: replies.map((r) => (r.type === 'error' ? `error ${r.kind}` : r.type)), log: e.log, asked: e.asked() };
}

describe('what pdf.js is asked', () => {
  test('no code made from the PDF’s fonts (isEvalSupported: CVE-2024-4367), no system font files, no font faces; damaged parts read past; the bytes handed over', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const { asked } = await read({ pages: [[line('一、总体情况')]] }, { bytes });
    assert.equal(asked.isEvalSupported, false);
    assert.equal(asked.useSystemFonts, false);
    assert.equal(asked.disableFontFace, true);
    assert.equal(asked.stopAtErrors, false);
    assert.equal(asked.data, bytes);
    assert.ok(!('cMapUrl' in asked));
  });

  test('the character maps where the reader has them, packed', async () => {
    const { asked } = await read({ pages: [[line('x')]] }, {}, 'file:///cmaps/');
    assert.equal(asked.cMapUrl, 'file:///cmaps/');
    assert.equal(asked.cMapPacked, true);
  });
});

describe('the replies', () => {
  test('the page count, each page’s items, then done; every page let go, then the document', async () => {
    const { replies, types, log } = await read({ pages: [[line('第一页')], [line('第二页', 72, 700)]] });
    assert.deepEqual(types, ['pages', 'page', 'page', 'done']);
    assert.ok(replies.every((r) => r.id === 7));
    assert.deepEqual(replies[0], { id: 7, type: 'pages', count: 2 });
    assert.deepEqual(replies.filter((r) => r.type === 'page').map((r) => r.n), [1, 2]);
    assert.deepEqual(log, ['getPage 1', 'cleanup 1', 'getPage 2', 'cleanup 2', 'doc.destroy']);
  });

  test('a page at or under the page limit is read; one over it is refused before any page is read', async () => {
    const pages = [[line('一')], [line('二')], [line('三')]];
    assert.deepEqual((await read({ pages }, { maxPages: 3 })).types, ['pages', 'page', 'page', 'page', 'done']);
    const over = await read({ pages }, { maxPages: 2 });
    assert.deepEqual(over.replies, [{ id: 7, type: 'error', kind: 'too-many-pages', detail: '', count: 3 }]);
    assert.deepEqual(over.log, ['doc.destroy']);
  });

  test('characters counted over all pages: exactly the limit is read; one more is refused on the page that goes over, which is not posted', async () => {
    // 4 + 6 characters (the space counts: it is in the text layer).
    const pages = [[line('一二三四')], [line('五六七'), line(' 八九', 300, 742)]];
    assert.deepEqual((await read({ pages }, { maxChars: 10 })).types, ['pages', 'page', 'page', 'done']);
    const over = await read({ pages }, { maxChars: 9 });
    assert.deepEqual(over.types, ['pages', 'page', 'error too-large']);
    assert.ok(over.log.includes('doc.destroy'));
    assert.deepEqual((await read({ pages }, { maxChars: 3 })).types, ['pages', 'error too-large']);
  });
});

describe('every failure is an error reply, and the document let go', () => {
  test('an open password: encrypted', async () => {
    const e = Object.assign(new Error('No password given'), { name: 'PasswordException' });
    const r = await read({ pages: [], open: e });
    assert.deepEqual(r.replies, [{ id: 7, type: 'error', kind: 'encrypted', detail: '' }]);
    assert.deepEqual(r.log, ['task.destroy']);
  });

  test('a PDF that does not open, or whose getDocument throws: corrupt, saying why', async () => {
    const r = await read({ pages: [], open: new Error('Invalid PDF structure.') });
    assert.deepEqual(r.replies, [{ id: 7, type: 'error', kind: 'corrupt', detail: 'Invalid PDF structure.' }]);
    assert.deepEqual(r.log, ['task.destroy']);
    assert.deepEqual((await read({ pages: [], throws: true })).replies, [{ id: 7, type: 'error', kind: 'corrupt', detail: 'bad parameters' }]);
  });

  test('a page that fails: corrupt after the pages before it; the document let go, even when letting go fails', async () => {
    const r = await read({ pages: [[line('一')], [line('二')], [line('三')]], badPage: 2, destroyFails: true });
    assert.deepEqual(r.types, ['pages', 'page', 'error corrupt']);
    assert.match((r.replies[2] as { detail: string }).detail, /page 2 is broken/);
    assert.equal(r.log[r.log.length - 1], 'doc.destroy');
  });
});

describe('pdf.js text items as placed items', () => {
  const view = { convertToViewportPoint: (x: number, y: number) => [x, 842 - y] };
  const items = (list: Item[]) => pageItems({ items: list } as never, view);

  test('top-left origin through the viewport; the size from the transform; empty items and marked content left out', () => {
    assert.deepEqual(items([line('规章', 90, 700, 10.5), line(''), { type: 'beginMarkedContent' }, line('0', 300, 700)]), [
      { str: '规章', x: 90, y: 142, w: 21, h: 10.5 },
      { str: '0', x: 300, y: 142, w: 12, h: 12 },
    ]);
  });

  test('the size: the transform’s vertical scale (a squeezed font 12 high and 6 wide: 12; turned a quarter: 9); without one, its horizontal scale; without either, pdf.js’s height', () => {
    const squeezed = { str: '总计', transform: [6, 0, 0, 12, 72, 700], width: 12, height: 12 };
    const turned = { str: '总计', transform: [0, 9, -9, 0, 72, 700], width: 18, height: 3 };
    const flattened = { str: '总计', transform: [5, 0, 0, 0, 72, 700], width: 10, height: 3 };
    const nothing = { str: '总计', transform: [0, 0, 0, 0, 72, 700], width: 18, height: 7 };
    assert.deepEqual(items([squeezed, turned, flattened, nothing]).map((i) => i.h), [12, 9, 5, 7]);
  });

  test('text written top to bottom is marked vertical; other text is not', () => {
    const ttb = { ...line('三、本年度办理结果'), dir: 'ttb' };
    const ltr = { ...line('规章'), dir: 'ltr' };
    assert.deepEqual(items([ttb, ltr]).map((i) => i.vertical), [true, undefined]);
    assert.ok(!('vertical' in items([ltr])[0]));
  });
});
