// Content detection in the editor: a plain-text `.txt` document that reads like a report
// (detect.ts) is switched to the report language, on open and a moment after typing; a document
// the user switched away from (the toggle, or the language picker) is left alone for the session.
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../server/src/protocol';
import { isCandidateFileName, looksLikeReport } from './detect';

export const PLAINTEXT = 'plaintext';

/** URI schemes whose `.txt` documents content detection looks at (not output channels, git, …). */
const DETECT_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);
/** Drafts larger than this are not examined while typing (they still are on open). */
const DETECT_ON_CHANGE_MAX_LENGTH = 1_000_000;
const DETECT_ON_CHANGE_DELAY_MS = 600;
/**
 * A language change closes the document and reopens it under the new language in the same
 * update from the workbench; a disclosure-report document reopened as plaintext within this
 * window was switched away by hand (language picker), and is left alone for the session like an
 * explicit toggle. A person closing and reopening a tab takes far longer than this.
 */
const LANGUAGE_CHANGE_WINDOW_MS = 50;

export class Detection implements vscode.Disposable {
  /** URIs the user switched away from the report language: detection leaves them alone. */
  readonly suppressed = new Set<string>();
  /** URIs being switched right now, so one switch is not requested twice. */
  private readonly switching = new Set<string>();
  /** When each disclosure-report document was last closed (a language change closes it too). */
  private readonly closedAt = new Map<string, number>();
  private readonly changeTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[] = [];

  /**
   * @param onReport called when a report document is opened (to start the language client)
   * @param onOpenOrClose called after any open or close (to update the status bar)
   */
  constructor(
    private readonly onReport: () => void,
    private readonly onOpenOrClose: () => void,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.opened(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.closed(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.changed(e)),
    );
  }

  /** The documents open at activation: start the client for reports, look at the others. */
  scanOpen(): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.languageId === LANGUAGE_ID) this.onReport();
      else void this.detect(doc);
    }
  }

  async setLanguage(doc: vscode.TextDocument, languageId: string): Promise<vscode.TextDocument | undefined> {
    const key = doc.uri.toString();
    if (this.switching.has(key)) return undefined;
    this.switching.add(key);
    try {
      return await vscode.languages.setTextDocumentLanguage(doc, languageId);
    } finally {
      this.switching.delete(key);
    }
  }

  private isCandidate(doc: vscode.TextDocument): boolean {
    return doc.languageId === PLAINTEXT && DETECT_SCHEMES.has(doc.uri.scheme) && isCandidateFileName(doc.uri.path);
  }

  private async detect(doc: vscode.TextDocument): Promise<void> {
    if (!this.isCandidate(doc) || this.suppressed.has(doc.uri.toString())) return;
    if (!looksLikeReport(doc.getText())) return;
    try {
      await this.setLanguage(doc, LANGUAGE_ID);
    } catch {
      // The document was closed meanwhile; nothing to do.
    }
  }

  private opened(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (doc.languageId === LANGUAGE_ID) {
      this.onReport();
    } else if (doc.languageId === PLAINTEXT) {
      const closed = this.closedAt.get(key);
      if (closed !== undefined && Date.now() - closed < LANGUAGE_CHANGE_WINDOW_MS && !this.switching.has(key)) {
        this.suppressed.add(key); // switched to plain text by hand, e.g. with the language picker
      }
      void this.detect(doc);
    }
    this.closedAt.delete(key);
    this.onOpenOrClose();
  }

  private closed(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (doc.languageId === LANGUAGE_ID) this.closedAt.set(key, Date.now());
    const pending = this.changeTimers.get(key);
    if (pending) {
      clearTimeout(pending);
      this.changeTimers.delete(key);
    }
    this.onOpenOrClose();
  }

  private changed(e: vscode.TextDocumentChangeEvent): void {
    const doc = e.document;
    if (e.contentChanges.length === 0 || !this.isCandidate(doc) || this.suppressed.has(doc.uri.toString())) return;
    if (doc.getText().length > DETECT_ON_CHANGE_MAX_LENGTH) return;
    const key = doc.uri.toString();
    const pending = this.changeTimers.get(key);
    if (pending) clearTimeout(pending);
    this.changeTimers.set(
      key,
      setTimeout(() => {
        this.changeTimers.delete(key);
        if (!doc.isClosed) void this.detect(doc);
      }, DETECT_ON_CHANGE_DELAY_MS),
    );
  }

  dispose(): void {
    this.changeTimers.forEach((t) => clearTimeout(t));
    for (const s of this.subscriptions) s.dispose();
  }
}
