// The table preview panel: a webview beside the editor (as the Markdown preview's "Open Preview
// to the Side"), showing the tables of one report. It asks the language server for the preview
// model (`disclosureReport/preview`), redraws as the text changes (throttled: one request in
// flight, the latest state after it) and when another report becomes the active editor, and
// reveals a cell in the editor when the webview says it was clicked; the cell under the editor's
// cursor is outlined in the preview.
import * as vscode from 'vscode';
import { REQUESTS } from '../../../server/src/protocol';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { sendCustom } from '../requests';
import { onDidChangeLocale, uiLocale } from '../l10n';
import { msg, previewStrings } from '../messages';
import { makeNonce, previewHtml } from './html';

import { LANGUAGE_ID } from '../../../server/src/protocol';
export { LANGUAGE_ID };
export const VIEW_TYPE = 'disclosureReport.preview';
/** Delay after an edit before the preview asks again (a burst of typing makes one request). */
export const THROTTLE_MS = 250;

export type ClientSource = () => Promise<BaseLanguageClient | undefined>;

interface RevealMessage {
  type: 'reveal';
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

function isReveal(m: unknown): m is RevealMessage {
  const r = (m as RevealMessage | null)?.range;
  const ok = (p: unknown) => !!p && Number.isInteger((p as { line: unknown }).line) && Number.isInteger((p as { character: unknown }).character);
  return (m as { type?: unknown } | null)?.type === 'reveal' && !!r && ok(r.start) && ok(r.end);
}

export class PreviewPanel implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly subs: vscode.Disposable[] = [];
  private document: vscode.TextDocument;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight = false;
  private again = false;
  private disposed = false;
  /** Fired when the panel closes. */
  onDidDispose: (() => void) | undefined;

  constructor(
    context: vscode.ExtensionContext,
    document: vscode.TextDocument,
    private readonly client: ClientSource,
    /** A panel VS Code restored after a reload (its serializer hands it over). */
    restored?: vscode.WebviewPanel,
  ) {
    this.document = document;
    const media = vscode.Uri.joinPath(context.extensionUri, 'media');
    this.panel =
      restored ??
      vscode.window.createWebviewPanel(
        VIEW_TYPE,
        msg.previewTitle(baseName(document.uri)),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        webviewOptions(context),
      );
    this.panel.title = msg.previewTitle(baseName(document.uri));
    const webview = this.panel.webview;
    webview.options = webviewOptions(context);
    webview.html = previewHtml({
      cspSource: webview.cspSource,
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      nonce: makeNonce(),
      lang: uiLocale(),
      title: msg.previewTitle(baseName(document.uri)),
    });
    this.subs.push(
      webview.onDidReceiveMessage((m: unknown) => {
        if (isReveal(m)) void this.reveal(m.range);
        else if ((m as { type?: unknown } | null)?.type === 'ready') this.refreshNow();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document && e.contentChanges.length) this.refreshSoon();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && editor.document.languageId === LANGUAGE_ID && editor.document !== this.document) this.show(editor.document);
      }),
      // The cell under the editor's cursor is outlined in the preview.
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document === this.document) this.post({ type: 'cursor', position: e.selections[0].active });
      }),
      // The setting `disclosureReport.locale` changed: the title and the tables in the new language.
      onDidChangeLocale(() => {
        this.panel.title = msg.previewTitle(baseName(this.document.uri));
        this.refreshNow();
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc === this.document) this.post({ type: 'empty', message: msg.previewNoReport() });
      }),
    );
    this.panel.onDidDispose(() => this.dispose(), null, this.subs);
  }

  get uri(): vscode.Uri {
    return this.document.uri;
  }

  /** Shows another report in the same panel. */
  show(document: vscode.TextDocument): void {
    this.document = document;
    this.panel.title = msg.previewTitle(baseName(document.uri));
    this.refreshNow();
  }

  revealPanel(): void {
    this.panel.reveal(undefined, true);
  }

  /** Asks again after the throttle delay. */
  refreshSoon(): void {
    if (this.timer) return; // one pending refresh covers the burst
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refreshNow();
    }, THROTTLE_MS);
  }

  refreshNow(): void {
    if (this.disposed) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    void this.load().finally(() => {
      this.inFlight = false;
      if (this.again) {
        this.again = false;
        this.refreshNow();
      }
    });
  }

  private async load(): Promise<void> {
    const doc = this.document;
    try {
      const client = await this.client();
      if (!client) {
        this.post({ type: 'empty', message: msg.serverNotRunning() });
        return;
      }
      const version = doc.version;
      const tables = await sendCustom(client, REQUESTS.preview, { uri: doc.uri.toString() });
      if (doc !== this.document) return; // another report meanwhile; its own load follows
      if (tables === null) {
        this.post({ type: 'empty', message: msg.previewNoReport() });
        return;
      }
      this.post({ type: 'update', uri: doc.uri.toString(), version, tables, locale: uiLocale(), strings: previewStrings() });
    } catch (err) {
      this.post({ type: 'empty', message: msg.previewFailed(err instanceof Error ? err.message : String(err)) });
    }
  }

  private post(message: unknown): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  /** Selects the range in an editor of the previewed document (the one beside, if open). */
  private async reveal(range: RevealMessage['range']): Promise<void> {
    const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    const existing = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    try {
      const editor = await vscode.window.showTextDocument(this.document, { viewColumn: existing?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false, selection: r });
      editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch {
      // The document was closed meanwhile: the preview says so on its next update.
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.panel.dispose();
    for (const s of this.subs.splice(0)) s.dispose();
    this.onDidDispose?.();
  }
}

/** Scripts on, and nothing but media/ to load from. */
export function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')], enableFindWidget: true };
}

function baseName(uri: vscode.Uri): string {
  const p = uri.path;
  return p.slice(p.lastIndexOf('/') + 1) || uri.toString();
}
