// Drafts of Word documents, web pages and PDFs: the text the checker reads from such a file (the
// language server's `disclosureReport/convertSource`, the CLI's readers), shown as a read-only
// document of its own scheme (`disclosure-report-draft:` + the file's path + `.txt`, protocol.ts), in the
// report language, so hover, outline, preview and the findings work on it. The workspace check
// publishes a converted file's findings on its draft's URI (this client says it shows drafts), so
// a Problems entry opens the draft at the finding; nothing is ever saved beside the file.
//   - "Open as Disclosure Report draft" (explorer menu on .docx/.html/.htm/.pdf, the palette, and
//     the page a .docx or .pdf opens to, below) opens the draft;
//   - "Write fixes back to the .docx": the server recomputes the derived cells of the .docx as
//     saved and writes them into it atomically (`disclosureReport/writeBackSource`, `check --fix`'s
//     engine); the draft then reads the file again;
//   - a draft reads its file again when the file changes on disk;
//   - double-clicking a .docx or .pdf shows a page (a read-only custom editor) that says what it
//     is, with "Open as draft" a click away, instead of VS Code's "binary file" screen.
import * as vscode from 'vscode';
import { CLIENT_COMMANDS, DRAFT_SCHEME, LANGUAGE_ID, REQUESTS, type Localized } from '../../server/src/protocol';
import { writeBackStrings } from './bundle';
import { pick, t, uiLocale } from './l10n';
import { msg } from './messages';
import type { ClientSource } from './preview/panel';
import { sendCustom } from './requests';
import { makeNonce } from './preview/html';
import { writeBackNotice } from './writeBackNotice';


const SOURCE = /\.(docx|html?|pdf)$/i;
/** Context key: the active editor is the draft of a .docx. */
const FROM_DOCX = 'disclosureReport.draftFromDocx';
/** The custom editor a .docx or .pdf opens in (package.json `customEditors`). */
export const SOURCE_VIEW_TYPE = 'disclosureReport.source';

const nameOf = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);

/** The draft of a file: `file:///w/a.pdf` → `disclosure-report-draft:/w/a.pdf.txt` (protocol.ts). */
export function draftUriOf(source: vscode.Uri): vscode.Uri {
  return source.with({ scheme: DRAFT_SCHEME, path: `${source.path}.txt` });
}

/** The file a draft was converted from. */
export function sourceOfDraft(draft: vscode.Uri): vscode.Uri {
  return draft.with({ scheme: 'file', path: draft.path.replace(/\.txt$/, '') });
}

export const isDraft = (doc: vscode.TextDocument | undefined): doc is vscode.TextDocument => doc?.uri.scheme === DRAFT_SCHEME;

/** The drafts' text, from the server; the notes of the last conversion of each (a PDF's missing pages…). */
class DraftProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  readonly notes = new Map<string, { kind: string; writable: boolean; problems: Localized[] }>();

  constructor(private readonly client: ClientSource) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const source = sourceOfDraft(uri);
    const c = await this.client();
    if (!c) throw new Error(msg.serverNotRunning());
    const r = await sendCustom(c, REQUESTS.convertSource, { uri: source.toString() });
    if ('error' in r) throw new Error(msg.draftFailed(nameOf(source), pick(r.error)));
    this.notes.set(uri.toString(), { kind: r.kind, writable: r.writable, problems: r.problems });
    return r.text;
  }

  /** Reads the file again (after a write-back, or a change on disk). */
  refresh(draft: vscode.Uri): void {
    this.changed.fire(draft);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The page of a .docx or .pdf: what it is, and the button that opens its draft. */
class SourcePage implements vscode.CustomReadonlyEditorProvider {
  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): void {
    const name = nameOf(document.uri);
    const nonce = makeNonce();
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    panel.webview.options = { enableScripts: true, localResourceRoots: [] };
    panel.webview.html = `<!DOCTYPE html>
<html lang="${esc(uiLocale())}"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<title>${esc(msg.sourcePageTitle(name))}</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 2em; max-width: 44em; line-height: 1.6; }
button { font: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: .4em 1.2em; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
.muted { color: var(--vscode-descriptionForeground); }
</style></head>
<body>
<h2>${esc(msg.sourcePageHeading(name, /\.pdf$/i.test(name)))}</h2>
<p>${esc(msg.sourcePageBody())}</p>
<p><button id="open" autofocus>${esc(msg.sourcePageButton())}</button></p>
<p class="muted">${esc(msg.sourcePageOther())}</p>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.getElementById('open').addEventListener('click', () => vscode.postMessage({ type: 'open' }));
</script>
</body></html>`;
    panel.webview.onDidReceiveMessage((m: { type?: unknown }) => {
      if (m?.type === 'open') void vscode.commands.executeCommand(CLIENT_COMMANDS.openAsDraft, document.uri);
    });
  }
}

export function registerDrafts(context: vscode.ExtensionContext, client: ClientSource): void {
  const provider = new DraftProvider(client);
  // A draft opens as plain text (its name ends in .pdf.txt, .docx.txt…): it is a report.
  const asReport = (doc: vscode.TextDocument) => {
    if (isDraft(doc) && doc.languageId !== LANGUAGE_ID) void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID).then(undefined, () => undefined);
  };
  // A file changed on disk: its open draft reads it again.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{docx,html,htm,pdf}');
  const reread = (file: vscode.Uri) => {
    const draft = draftUriOf(file).toString();
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === draft)) provider.refresh(draftUriOf(file));
  };

  context.subscriptions.push(
    provider,
    vscode.workspace.registerTextDocumentContentProvider(DRAFT_SCHEME, provider),
    vscode.window.registerCustomEditorProvider(SOURCE_VIEW_TYPE, new SourcePage(), { supportsMultipleEditorsPerDocument: true }),
    vscode.commands.registerCommand(CLIENT_COMMANDS.openAsDraft, (uri?: vscode.Uri) => openAsDraft(provider, uri && SOURCE.test(uri.path) ? uri : undefined)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.writeFixesToDocx, () => writeBack(provider, client)),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    vscode.workspace.onDidOpenTextDocument(asReport),
    watcher,
    watcher.onDidChange(reread),
    watcher.onDidCreate(reread),
  );
  vscode.workspace.textDocuments.forEach(asReport);
}

/** Whether the active editor shows a draft of a Word document (the write-back command's `when`). */
function updateContext(): void {
  const doc = vscode.window.activeTextEditor?.document;
  void vscode.commands.executeCommand('setContext', FROM_DOCX, isDraft(doc) && /\.docx\.txt$/i.test(doc.uri.path));
}

/** Opens the draft of `arg` (or of a file the user picks) as a report, saying what its conversion noted. */
async function openAsDraft(provider: DraftProvider, arg?: vscode.Uri): Promise<void> {
  let source = arg instanceof vscode.Uri ? arg : undefined;
  if (!source) {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, title: msg.draftPick(), filters: { [msg.draftFilters()]: ['docx', 'html', 'htm', 'pdf'] } });
    source = picked?.[0];
  }
  if (!source) return;
  if (source.scheme !== 'file') {
    void vscode.window.showErrorMessage(msg.draftFailed(nameOf(source), msg.draftOnlyFiles()));
    return;
  }
  const uri = draftUriOf(source);
  try {
    let doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== LANGUAGE_ID) doc = await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    await vscode.window.showTextDocument(doc, { preview: false });
    updateContext();
    const notes = provider.notes.get(uri.toString())?.problems.map(pick) ?? [];
    void vscode.window.showInformationMessage([msg.draftOpened(nameOf(source)), ...notes].join(' '));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    void vscode.window.showErrorMessage(why.includes(nameOf(source)) ? why : msg.draftFailed(nameOf(source), why));
  }
}

/** Writes the active draft's fixed cells back into its Word document (through the server), listing each cell, written, refused or not writable, in the fixes' output channel (writeBackNotice.ts). */
async function writeBack(provider: DraftProvider, client: ClientSource): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!isDraft(doc)) {
    void vscode.window.showWarningMessage(msg.draftNotDocx());
    return;
  }
  const source = sourceOfDraft(doc.uri);
  const name = nameOf(source);
  if (!/\.docx$/i.test(source.path)) {
    void vscode.window.showWarningMessage(msg.draftReadOnly(name));
    return;
  }
  const words = writeBackStrings(t, name, pick);
  try {
    const c = await client();
    if (!c) throw new Error(msg.serverNotRunning());
    const r = await sendCustom(c, REQUESTS.writeBackSource, { uri: source.toString() });
    const notice = writeBackNotice(source.toString(), r, words);
    // The cells (old → new), written or not, listed in the fixes' output channel before the notification offers them.
    for (const list of notice.lists) await vscode.commands.executeCommand(CLIENT_COMMANDS.reportFixes, list).then(undefined, () => undefined);
    if (notice.written) provider.refresh(doc.uri);
    const show = { error: vscode.window.showErrorMessage, warning: vscode.window.showWarningMessage, information: vscode.window.showInformationMessage }[notice.severity];
    const buttons = notice.lists.length ? [msg.showChanges()] : [];
    void show(notice.text, ...buttons).then((b) => {
      if (b) void vscode.commands.executeCommand(CLIENT_COMMANDS.reportFixes);
    });
  } catch (err) {
    void vscode.window.showErrorMessage(words.failed(err instanceof Error ? err.message : String(err)));
  }
}
