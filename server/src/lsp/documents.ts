// The document store. Per URI it keeps both a TextDocument (offsets, the client's view of the
// text) and the core's ReportModel, each updated incrementally with every content change, and
// the version they are at. A change that fails to apply rebuilds that document from its text:
// one strange document never affects another, nor the server.

import { TextDocumentSyncKind, type Connection, type TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ReportModel, type Analysis } from '../core/index.js';
import { guardNotification, type Logger, type ServerContext } from './context.js';

export interface ReportDocument {
  uri: string;
  /** Distinguishes two openings of one URI (a result id must not survive a close and reopen). */
  epoch: number;
  languageId: string;
  version: number;
  text: TextDocument;
  model: ReportModel;
  /** When the last change arrived (ms, monotonic; -Infinity until the first change: no debounce). */
  changedAt: number;
  /** How long the last full analysis took (ms), for the adaptive debounce. */
  lastCost: number;
}

type Listener = (doc: ReportDocument) => void;

const EMPTY: Analysis = { lineCount: 1, headings: [], sections: [], tables: [], diagnostics: [], reportYear: null };

export class DocumentStore {
  private docs = new Map<string, ReportDocument>();
  private epochs = 0;
  private openListeners: Listener[] = [];
  private changeListeners: Listener[] = [];
  private closeListeners: ((uri: string) => void)[] = [];

  constructor(private log: Logger) {}

  get(uri: string): ReportDocument | undefined {
    return this.docs.get(uri);
  }

  all(): ReportDocument[] {
    return [...this.docs.values()];
  }

  onDidOpen(l: Listener): void {
    this.openListeners.push(l);
  }
  onDidChange(l: Listener): void {
    this.changeListeners.push(l);
  }
  onDidClose(l: (uri: string) => void): void {
    this.closeListeners.push(l);
  }

  /** Resolves after `ms`, or sooner when the document changes or closes or `token` is cancelled. */
  quiet(uri: string, ms: number, token?: { isCancellationRequested: boolean; onCancellationRequested(l: () => void): { dispose(): void } }): Promise<void> {
    if (token?.isCancellationRequested) return Promise.resolve();
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let sub: { dispose(): void } | undefined;
      const done = () => {
        if (timer) clearTimeout(timer);
        sub?.dispose();
        this.wakers.delete(wake);
        resolve();
      };
      const wake = (u: string) => u === uri && done();
      this.wakers.add(wake);
      timer = setTimeout(done, ms);
      sub = token?.onCancellationRequested(done);
    });
  }
  private wakers = new Set<(uri: string) => void>();

  open(uri: string, languageId: string, version: number, text: string): ReportDocument {
    const doc: ReportDocument = {
      uri,
      epoch: ++this.epochs,
      languageId,
      version,
      text: TextDocument.create(uri, languageId, version, text),
      model: this.newModel(uri, text),
      changedAt: -Infinity,
      lastCost: 0,
    };
    this.docs.set(uri, doc);
    this.emit(this.openListeners, doc);
    return doc;
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): ReportDocument | undefined {
    const doc = this.docs.get(uri);
    if (!doc) {
      this.log.info(`didChange for a document that is not open: ${uri}`);
      return undefined;
    }
    doc.text = TextDocument.update(doc.text, changes, version);
    doc.version = version;
    doc.changedAt = performance.now();
    try {
      for (const c of changes) doc.model.apply('range' in c && c.range ? { range: c.range, text: c.text } : { text: c.text });
      // Both copies must agree (clamping of out-of-range positions, line ends split by an edit…):
      // checked on the line count and the lines the last change wrote, so that an edit costs
      // nothing in proportion to the document's size.
      if (!agree(doc.model, doc.text, changes[changes.length - 1])) {
        throw new Error(`the model and the document disagree after version ${version}`);
      }
    } catch (err) {
      this.log.error(`incremental update of ${uri} failed; rebuilding it from its text`, err);
      doc.model = this.newModel(uri, doc.text.getText());
    }
    this.emit(this.changeListeners, doc);
    for (const w of [...this.wakers]) w(uri);
    return doc;
  }

  close(uri: string): void {
    if (!this.docs.delete(uri)) return;
    for (const w of [...this.wakers]) w(uri);
    for (const l of this.closeListeners) {
      try {
        l(uri);
      } catch (err) {
        this.log.error(`close listener failed for ${uri}`, err);
      }
    }
  }

  /** The core's analysis of a document at its current version; never throws. */
  analysis(doc: ReportDocument): Analysis {
    const t0 = performance.now();
    try {
      return doc.model.analysis();
    } catch (err) {
      this.log.error(`analysis of ${doc.uri} failed; rebuilding it from its text`, err);
      try {
        doc.model = new ReportModel(doc.text.getText());
        return doc.model.analysis();
      } catch (err2) {
        this.log.error(`analysis of ${doc.uri} failed again; reporting nothing for version ${doc.version}`, err2);
        return EMPTY;
      }
    } finally {
      doc.lastCost = performance.now() - t0;
    }
  }

  private newModel(uri: string, text: string): ReportModel {
    try {
      return new ReportModel(text);
    } catch (err) {
      this.log.error(`could not read ${uri}`, err);
      return new ReportModel('');
    }
  }

  private emit(ls: Listener[], doc: ReportDocument): void {
    for (const l of ls) {
      try {
        l(doc);
      } catch (err) {
        this.log.error(`document listener failed for ${doc.uri}`, err);
      }
    }
  }
}

export function register(ctx: ServerContext): void {
  const { connection, documents } = ctx;
  ctx.capabilities(() => ({
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  }));
  listen(connection, documents, ctx);
}

function listen(connection: Connection, documents: DocumentStore, ctx: ServerContext): void {
  connection.onDidOpenTextDocument(
    guardNotification(ctx, 'didOpen', (p) => {
      documents.open(p.textDocument.uri, p.textDocument.languageId, p.textDocument.version, p.textDocument.text ?? '');
    }),
  );
  connection.onDidChangeTextDocument(
    guardNotification(ctx, 'didChange', (p) => {
      documents.change(p.textDocument.uri, p.textDocument.version ?? 0, p.contentChanges ?? []);
    }),
  );
  connection.onDidCloseTextDocument(guardNotification(ctx, 'didClose', (p) => documents.close(p.textDocument.uri)));
}

/** Whether the model and the text agree on the line count and on the lines `last` wrote. */
function agree(model: ReportModel, text: TextDocument, last: TextDocumentContentChangeEvent | undefined): boolean {
  if (model.lineCount !== text.lineCount) return false;
  if (!last || !('range' in last) || !last.range) return model.getText() === text.getText();
  const from = Math.max(0, last.range.start.line - 1);
  const to = Math.min(text.lineCount - 1, last.range.start.line + (last.text.match(/\r\n|\r|\n/g)?.length ?? 0) + 1);
  for (let i = from; i <= to; i++) {
    const line = text.getText({ start: { line: i, character: 0 }, end: { line: i + 1, character: 0 } }).replace(/(\r\n|\r|\n)$/, '');
    if (line !== model.line(i)) return false;
  }
  return true;
}
