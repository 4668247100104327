// The open documents, one copy of each text: vscode-languageserver's TextDocuments keeps the
// set (open, change, close, the version), and its update hook feeds every content change to the
// core's incremental ReportModel, which is the text. There is no second copy to keep in step.
// A change or an analysis that throws rebuilds that document's model from its own text: one
// strange document never affects another, nor the server.
// Only the reports used last keep their parse (KEEP_PARSED): the others keep their text and what
// the diagnostics and the workspace index ask of them (their own findings, identity), and parse
// again on the next request that needs the analysis (bench/RESULTS.md, issue 19 item 4).

import { TextDocuments, type Connection, type TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { FORMAT_2021, readsLikeReport, ReportModel, type Analysis, type Diagnostic, type PreviousReport, type ReportIdentity } from '../core/index.js';
import type { Logger } from './guard.js';

export interface ReportDocument {
  readonly uri: string;
  /** Distinguishes two openings of one URI (a result id must not survive a close and reopen). */
  readonly epoch: number;
  readonly languageId: string;
  version: number;
  /** The text (lines and line ends) and its parse; updated in place by each change. */
  model: ReportModel;
  /** When the last change arrived (ms, monotonic; -Infinity until the first change: no debounce). */
  changedAt: number;
  /** How long the last full analysis took (ms), for the adaptive debounce. */
  lastCost: number;
  /** What a released report keeps of its last analysis (this version's); undefined while parsed or after an edit. */
  kept: Kept | undefined;
}

/** What a report whose parse was released keeps: enough to publish its diagnostics and find last year's report again. */
export interface Kept {
  /** The core's findings of the report alone (no cross-year, no batch). */
  diagnostics: readonly Diagnostic[];
  identity: ReportIdentity;
  isReport: boolean;
}

/**
 * How many open reports keep their parse: those used last (opened, edited, or asked by a request
 * that reads the analysis: hover, lens, inlay hints, outline, code actions — the visible ones).
 * A released 10 KB report parses again in ~20 ms on the next such request.
 */
export const KEEP_PARSED = 16;

type Listener = (doc: ReportDocument) => void;

/** A document's lines, as crossCheck reads them. */
export function linesOf(model: ReportModel): string[] {
  const out: string[] = new Array(model.lineCount);
  for (let i = 0; i < model.lineCount; i++) out[i] = model.line(i);
  return out;
}

/**
 * Last year's report of a document (its analysis, lines and URI), or undefined. The hook the
 * workspace index fills (`setPreviousOf`): until then no document has one, and the cross-year
 * rules do not run in the editor.
 */
export type PreviousOf = (doc: ReportDocument) => PreviousReport | undefined;

const EMPTY: Analysis = {
  lineCount: 1, headings: [], sections: [], tables: [], diagnostics: [], reportYear: null, claims: [], format: FORMAT_2021,
  identity: { office: null, officeKey: null, year: null, source: { office: null, year: null }, titleRange: null },
};

/** The file name in a URI (decoded), which the report's identity falls back on. */
export function fileNameOf(uri: string): string {
  const last = uri.split(/[/\\]/).pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

type Token = { isCancellationRequested: boolean; onCancellationRequested(l: () => void): { dispose(): void } };

export class DocumentStore {
  private epochs = 0;
  private readonly documents: TextDocuments<ReportDocument>;
  private readonly wakers = new Set<(uri: string) => void>();
  private previous: PreviousOf = () => undefined;
  /** Counts the changes of last year's reports: part of a pull's result id, so a refresh re-computes. */
  previousGeneration = 0;
  private readonly previousListeners: (() => void)[] = [];

  constructor(private readonly log: Logger) {
    this.documents = new TextDocuments<ReportDocument>({
      create: (uri, languageId, version, text) => ({
        uri,
        epoch: ++this.epochs,
        languageId,
        version,
        model: this.newModel(uri, text ?? ''),
        changedAt: -Infinity,
        lastCost: 0,
        kept: undefined,
      }),
      update: (doc, changes, version) => this.update(doc, changes, version),
    });
    this.documents.onDidChangeContent((e) => this.wake(e.document.uri));
    this.documents.onDidClose((e) => {
      this.parsed.delete(e.document);
      if (this.lastUsed === e.document) this.lastUsed = undefined;
      this.wake(e.document.uri);
    });
  }

  /** The documents holding their parse, least recently used first. */
  private readonly parsed = new Set<ReportDocument>();
  private lastUsed: ReportDocument | undefined;
  /** How many keep their parse (KEEP_PARSED; `initializationOptions.keepParsed` for tests and benches). */
  keepParsed = KEEP_PARSED;

  /** `doc` is used: the most recent to keep its parse; the least recent beyond `keepParsed` release theirs. */
  private use(doc: ReportDocument): void {
    if (this.lastUsed === doc) return;
    this.lastUsed = doc;
    this.parsed.delete(doc);
    this.parsed.add(doc);
    for (const old of this.parsed) {
      if (this.parsed.size <= Math.max(1, this.keepParsed)) break;
      this.parsed.delete(old);
      this.release(old);
    }
  }

  /** Drops a document's parse, keeping what its diagnostics and identity need (when its analysis is current). */
  private release(doc: ReportDocument): void {
    if (this.documents.get(doc.uri) !== doc) return; // closed
    const a = doc.model.analysed;
    doc.kept = a ? { diagnostics: a.diagnostics, identity: a.identity, isReport: readsLikeReport(a) } : undefined;
    doc.model.release();
  }

  /** Whether a document holds its parse (tests). */
  isParsed(doc: ReportDocument): boolean {
    return doc.model.parsed;
  }

  /**
   * The report's own findings (the core's, without last year's or the batch's) at its current
   * version: a released report's kept ones — no parse — else its analysis's.
   */
  ownFindings(doc: ReportDocument): readonly Diagnostic[] {
    if (doc.kept) return doc.kept.diagnostics;
    return (doc.model.analysed ?? this.analyzeSafely(doc)).diagnostics;
  }

  /** The report's identity and whether it reads like a report, parsing a released report only if nothing was kept. */
  identityOf(doc: ReportDocument): { identity: ReportIdentity; isReport: boolean } {
    if (doc.kept) return { identity: doc.kept.identity, isReport: doc.kept.isReport };
    const a = doc.model.analysed ?? this.analyzeSafely(doc);
    return { identity: a.identity, isReport: readsLikeReport(a) };
  }

  /** Listens to the connection's didOpen, didChange and didClose (once, by the sync feature). */
  listen(connection: Connection): void {
    this.documents.listen(connection);
  }

  /** Last year's report of `doc`, when the workspace index knows one (see `setPreviousOf`). */
  previousOf(doc: ReportDocument): PreviousReport | undefined {
    try {
      return this.previous(doc);
    } catch (err) {
      this.log.error(`finding last year's report of ${doc.uri} failed`, err);
      return undefined;
    }
  }

  /**
   * Where last year's report comes from: the workspace index's `previousFor(uri)` as a
   * PreviousReport ({ analysis, lines, source: its URI }). Re-check the documents it affects
   * when it changes (push: re-publish; pull: `workspace/diagnostic/refresh`).
   */
  setPreviousOf(find: PreviousOf): void {
    this.previous = find;
    this.previousChanged();
  }

  /**
   * Says that last year's report of some document changed (edited, saved, another file taken):
   * the diagnostics feature re-publishes (push) or asks the client to pull again, the code lens
   * refreshes. The workspace index calls it from its `onDidChange`.
   */
  previousChanged(): void {
    this.previousGeneration++;
    for (const l of this.previousListeners) {
      try {
        l();
      } catch (err) {
        this.log.error('listener of last year’s report failed', err);
      }
    }
  }

  onDidChangePrevious(l: () => void): void {
    this.previousListeners.push(l);
  }

  get(uri: string): ReportDocument | undefined {
    return this.documents.get(uri);
  }

  all(): ReportDocument[] {
    return this.documents.all();
  }

  onDidOpen(l: Listener): void {
    this.documents.onDidOpen((e) => this.safely(l, e.document));
  }

  /** After an edit (not after the open, which `onDidOpen` reports). */
  onDidChange(l: Listener): void {
    this.documents.onDidChangeContent((e) => {
      if (e.document.changedAt !== -Infinity) this.safely(l, e.document);
    });
  }

  onDidClose(l: (uri: string) => void): void {
    this.documents.onDidClose((e) => {
      try {
        l(e.document.uri);
      } catch (err) {
        this.log.error(`close listener failed for ${e.document.uri}`, err);
      }
    });
  }

  /** Resolves after `ms`, or sooner when the document changes or closes or `token` is cancelled. */
  quiet(uri: string, ms: number, token?: Token): Promise<void> {
    if (token?.isCancellationRequested) return Promise.resolve();
    return new Promise((resolve) => {
      let sub: { dispose(): void } | undefined;
      const done = () => {
        clearTimeout(timer);
        sub?.dispose();
        this.wakers.delete(wake);
        resolve();
      };
      const wake = (u: string) => u === uri && done();
      this.wakers.add(wake);
      const timer = setTimeout(done, ms);
      sub = token?.onCancellationRequested(done);
    });
  }

  /**
   * The core's analysis of a document at its current version, timed for the debounce. It never
   * throws: a failing model is rebuilt from its text once, and after a second failure the
   * document reports nothing for this version.
   */
  analyzeSafely(doc: ReportDocument): Analysis {
    this.use(doc);
    doc.kept = undefined;
    const t0 = performance.now();
    try {
      return doc.model.analysis();
    } catch (err) {
      this.log.error(`analysis of ${doc.uri} failed; rebuilding it from its text`, err);
      try {
        doc.model = new ReportModel(doc.model.getText(), { name: fileNameOf(doc.uri) });
        return doc.model.analysis();
      } catch (err2) {
        this.log.error(`analysis of ${doc.uri} failed again; reporting nothing for version ${doc.version}`, err2);
        return EMPTY;
      }
    } finally {
      doc.lastCost = performance.now() - t0;
    }
  }

  /** TextDocuments' update hook: the changes, in order, applied to the model. */
  private update(doc: ReportDocument, changes: TextDocumentContentChangeEvent[], version: number): ReportDocument {
    doc.version = version;
    doc.changedAt = performance.now();
    doc.kept = undefined;
    try {
      for (const c of changes) doc.model.apply('range' in c && c.range ? { range: c.range, text: c.text } : { text: c.text });
    } catch (err) {
      this.log.error(`incremental update of ${doc.uri} to version ${version} failed; rebuilding it from its text`, err);
      doc.model = this.newModel(doc.uri, doc.model.getText());
    }
    return doc;
  }

  private newModel(uri: string, text: string): ReportModel {
    try {
      return new ReportModel(text, { name: fileNameOf(uri) });
    } catch (err) {
      this.log.error(`could not read ${uri}`, err);
      return new ReportModel('', { name: fileNameOf(uri) });
    }
  }

  private wake(uri: string): void {
    for (const w of [...this.wakers]) w(uri);
  }

  private safely(l: Listener, doc: ReportDocument): void {
    try {
      l(doc);
    } catch (err) {
      this.log.error(`document listener failed for ${doc.uri}`, err);
    }
  }
}
