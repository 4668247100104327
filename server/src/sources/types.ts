// What every reader returns and the one error every reader throws: the converted draft, the
// source kind, problems worth telling the user, and the limits that keep a hostile file
// (zip bomb, 2,000-page PDF) from hanging or crashing a check.

import type { Localized } from '../core/index.js';

export type SourceKind = 'text' | 'docx' | 'html' | 'pdf';

/** Where a piece of the converted text came from in word/document.xml (for writing fixes back). */
export interface DocxPiece {
  /** 0-based line and UTF-16 columns [from, to) in the converted text. */
  line: number;
  from: number;
  to: number;
  /** The raw (escaped) text of one w:t element in document.xml: [xmlStart, xmlEnd). */
  xmlStart: number;
  xmlEnd: number;
  /** Where [from, to) starts in the w:t element's decoded text (white space trimmed before it). */
  offset: number;
}

export interface DocxMap {
  /** The zip entry holding the main document (from _rels/.rels; normally word/document.xml). */
  entry: string;
  /** Every w:t piece that made text on a table line, in order of line and column. */
  pieces: DocxPiece[];
}

export interface SourceResult {
  kind: SourceKind;
  /** The draft in the tab layout: prose as paragraphs, every table row one line, cells split by tabs. */
  text: string;
  /** Whether fixes can be written back to the file (text and .docx). */
  writable: boolean;
  /** Things read with doubt (e.g. a chosen article, pages skipped); never fatal. */
  problems: Localized[];
  /** For a .docx: how to find the runs of a cell. */
  docx?: DocxMap;
}

export interface Limits {
  /** Largest .docx, web page or PDF read at all. */
  maxBytes: number;
  /** Largest plain-text draft (.txt, .md, any other extension) read at all; it bounds the text's length too. */
  maxTextBytes: number;
  /** Largest total of the declared uncompressed sizes of a zip's entries. */
  maxUncompressed: number;
  /** Most entries in a zip. */
  maxEntries: number;
  /** Most pages read from a PDF; a longer PDF is an error. */
  maxPages: number;
  /** Longest text converted from a .docx, web page or PDF. */
  maxChars: number;
  /** Largest inflated size of one zip part (document.xml, styles.xml…): counted while inflating. */
  maxPartBytes: number;
  /** Most elements in one XML part or HTML page (counted while parsing, before the tree grows). */
  maxElements: number;
  /** Deepest nesting of elements in one XML part or HTML page. */
  maxDepth: number;
  /**
   * Longest time the pdf.js thread may take to be ready for a PDF (ms): the thread started and pdf.js
   * loaded in it (the first PDF of a thread; later ones find it loaded). The PDF's own budgets
   * (page, total) start only once it is ready, so a slow cold start never costs a sound PDF its read.
   */
  pdfLoadMs: number;
  /** Longest time pdf.js may spend on one page (ms), in its worker: opening the PDF is page 1's. */
  pdfPageMs: number;
  /** Longest time pdf.js may spend on the whole PDF (ms), in its worker, from when it is ready (pdfLoadMs). */
  pdfTotalMs: number;
  /** Most memory (MB) the process may grow by while pdf.js reads one PDF (inflated streams included). */
  pdfMemoryMb: number;
}

/** The one table of limits: the CLI, the language server and the browser worker read with these. */
export const DEFAULT_LIMITS: Limits = {
  maxBytes: 50 * 1024 * 1024,
  maxTextBytes: 10 * 1024 * 1024,
  maxUncompressed: 200 * 1024 * 1024,
  maxEntries: 5000,
  maxPages: 200,
  maxChars: 4 * 1024 * 1024,
  maxPartBytes: 32 * 1024 * 1024,
  maxElements: 500_000,
  maxDepth: 512,
  pdfLoadMs: 30_000,
  pdfPageMs: 10_000,
  pdfTotalMs: 60_000,
  pdfMemoryMb: 768,
};

/** The largest file of a kind read at all (`kind` null: a file no reader takes, refused after its header is seen). */
export function byteLimit(kind: SourceKind | null, limits: Limits = DEFAULT_LIMITS): number {
  return kind === 'text' ? limits.maxTextBytes : limits.maxBytes;
}

export type SourceErrorCode =
  | 'legacy-format' // .doc, .wps, or such a file renamed .docx
  | 'encrypted' // password-protected .docx or PDF
  | 'corrupt' // not a readable zip / XML / PDF
  | 'scan' // a PDF without a text layer
  | 'too-large' // over maxBytes, maxUncompressed or maxChars
  | 'too-many-entries'
  | 'too-many-pages'
  | 'too-complex' // over a budget of work: elements, nesting, time or memory
  | 'unsupported'; // an extension no reader takes

/** The one error the readers throw: a code and a message in both languages. */
export class SourceError extends Error {
  constructor(
    readonly code: SourceErrorCode,
    readonly localized: Localized,
  ) {
    super(localized.en);
    this.name = 'SourceError';
  }
}
