// Last year's report of each open document, for the cross-year rules in the editor: the workspace
// index finds it (the setting `disclosureReport.previousReport`, else the report of the same
// office and the year before, open or on disk) — asynchronously, since it may read the disk — and
// this module keeps the answer per document, so that the diagnostics and the code lens can ask
// `documents.previousOf(doc)` synchronously. It asks again when a document opens, when its
// office or year changes, and when the workspace says a dependent's last-year report may have
// changed (edited, saved, deleted, or a new candidate appeared); each new answer re-checks the
// documents (`documents.previousChanged()`: push re-publishes, pull is refreshed).

import { yearRecord, type PreviousReport } from '../core/index.js';
import type { DocumentStore, ReportDocument } from './documents.js';
import { canonicalUri } from './files.js';
import type { Logger } from './guard.js';
import type { WorkspaceIndex } from './workspace.js';

/** How long after the last edit the document's office and year are looked at again. */
const IDENTITY_CHECK_MS = 400;

interface Known {
  /** The office and year the answer was found for (`office|year`): asked again when they change. */
  identity: string;
  previous: PreviousReport | undefined;
}

/** A document's look at its office and year, due `IDENTITY_CHECK_MS` after its last edit. */
interface Pending {
  doc: ReportDocument;
  /** performance.now() when it is due. */
  due: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export class PreviousReports {
  private readonly known = new Map<string, Known>();
  /** The latest request per document: an older answer arriving late is dropped. */
  private readonly asking = new Map<string, number>();
  private requests = 0;
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly workspace: Pick<WorkspaceIndex, 'previousFor' | 'onDidChangeDependency' | 'forgetDependent'>,
    private readonly documents: DocumentStore,
    private readonly log: Logger,
  ) {
    documents.setPreviousOf((doc) => this.known.get(canonicalUri(doc.uri))?.previous);
    documents.onDidOpen((doc) => this.ask(doc));
    // After an edit, whether the office or year changed is looked at once typing pauses (by then
    // the diagnostics have analysed the document), not on every keystroke; one timer per pause,
    // an edit only moves the time it is due.
    documents.onDidChange((doc) => {
      const uri = canonicalUri(doc.uri);
      const due = performance.now() + IDENTITY_CHECK_MS;
      const p = this.pending.get(uri);
      if (p) {
        p.doc = doc;
        p.due = due;
        return;
      }
      const wait = (ms: number) =>
        setTimeout(() => {
          const left = entry.due - performance.now();
          if (left > 1) {
            entry.timer = wait(left);
            return;
          }
          this.pending.delete(uri);
          if (documents.get(entry.doc.uri) !== entry.doc) return;
          const k = this.known.get(uri);
          if (!k || k.identity !== identityOf(entry.doc, documents)) this.ask(entry.doc);
        }, ms);
      const entry: Pending = { doc, due, timer: undefined };
      entry.timer = wait(IDENTITY_CHECK_MS);
      this.pending.set(uri, entry);
    });
    documents.onDidClose((uri) => {
      const c = canonicalUri(uri);
      clearTimeout(this.pending.get(c)?.timer);
      this.pending.delete(c);
      this.known.delete(c);
      this.asking.delete(c);
      workspace.forgetDependent(c);
    });
    workspace.onDidChangeDependency((dependent) => {
      const doc = documents.all().find((d) => canonicalUri(d.uri) === dependent);
      if (doc) this.ask(doc);
    });
  }

  private ask(doc: ReportDocument): void {
    const uri = canonicalUri(doc.uri);
    const request = ++this.requests;
    this.asking.set(uri, request);
    const identity = identityOf(doc, this.documents);
    this.workspace
      .previousFor(doc.uri)
      .then((found) => {
        if (this.asking.get(uri) !== request || !this.documents.get(doc.uri)) return; // superseded or closed
        const before = this.known.get(uri)?.previous;
        // Its year record only (what the cross-year rules read of it, as a batch of the CLI keeps):
        // not its analysis, which an open report's release would otherwise leave alive here.
        const previous = found ? { record: yearRecord(found.analysis, found.lines), source: found.uri } : undefined;
        this.known.set(uri, { identity, previous });
        // Nothing to re-check when there was none and there is none.
        if (before || previous) this.documents.previousChanged();
      })
      .catch((err) => this.log.error(`finding last year's report of ${doc.uri} failed`, err));
  }
}

function identityOf(doc: ReportDocument, documents: DocumentStore): string {
  const { office, year } = documents.identityOf(doc).identity;
  return `${office ?? ''}|${year ?? ''}`;
}
