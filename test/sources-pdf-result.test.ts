// What the PDF readers make of pdf.js's replies (pdf-result.ts), without pdf.js: when a PDF counts
// as a scan (its text layer too thin to be the report) and what an error reply becomes. The
// scan test is what tells a user "run OCR first" instead of checking an empty draft: white space
// in the text layer (some scanners write it) is not text, and a long PDF needs no more than three
// pages' worth of text to count as having a text layer.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pdfError, pdfText } from '../server/src/sources/pdf-result.ts';
import { DEFAULT_LIMITS, SourceError } from '../server/src/sources/index.ts';
import type { PdfPage } from '../server/src/sources/pdf-layout.ts';

/** A page with one line of text at the top. */
const page = (str: string): PdfPage => ({ width: 595, height: 842, items: [{ str, x: 72, y: 100, w: 12 * str.length, h: 12 }] });

const isScan = (count: number, pages: PdfPage[]) => {
  try {
    pdfText(count, pages);
    return false;
  } catch (e) {
    assert.ok(e instanceof SourceError);
    assert.equal(e.code, 'scan');
    return true;
  }
};

describe('a scan or a text layer', () => {
  // Pins the white space left out of the count: a layer of blanks is no text.
  test('a text layer of white space only: a scan', () => {
    assert.equal(isScan(1, [page(' '.repeat(40) + '\u3000'.repeat(10) + '\t\t')]), true);
    assert.equal(isScan(1, [page('一、总体情况本年度某某局认真贯彻')]), false);
  });

  // Pins the page count capped at three: 35 visible characters in a ten-page PDF is a text layer
  // (the report's few lines), as in a three-page one; 25 is not.
  test('the threshold grows with the pages, up to three pages', () => {
    const text = (n: number) => '字'.repeat(n);
    assert.equal(isScan(10, [page(text(35))]), false);
    assert.equal(isScan(3, [page(text(35))]), false);
    assert.equal(isScan(10, [page(text(25))]), true);
    assert.equal(isScan(1, [page(text(12))]), false);
    assert.equal(isScan(1, [page(text(9))]), true);
  });
});

// Pins pdfError's mapping: each kind of error reply its own SourceError code; anything else corrupt, with the detail.
test('error replies become their SourceErrors', () => {
  const err = (kind: 'encrypted' | 'too-many-pages' | 'too-large' | 'corrupt', extra = {}) => pdfError({ id: 1, type: 'error', kind, detail: 'bad xref', ...extra }, DEFAULT_LIMITS);
  assert.equal(err('encrypted').code, 'encrypted');
  const pages = err('too-many-pages', { count: 900 });
  assert.equal(pages.code, 'too-many-pages');
  assert.match(pages.message, /900 pages, over the limit of 200/);
  assert.equal(err('too-large').code, 'too-large');
  const c = err('corrupt');
  assert.equal(c.code, 'corrupt');
  assert.match(c.message, /bad xref/);
});
