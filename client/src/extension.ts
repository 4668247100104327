// The VS Code client of the disclosure report checker: starts the bundled language server
// (dist/server.js), recognises plain `.txt` drafts by their content, shows the active report's
// error/warning count in the status bar and contributes the toggle, fix-all and restart commands.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerConvertTable } from './convertTable';
import { isCandidateFileName, looksLikeReport } from './detect';
import { messagesFor, type Messages } from './messages';
import { registerNewDraft } from './newDraft';
import { registerPreview } from './preview/index';

export const LANGUAGE_ID = 'disclosure-report';
const PLAINTEXT = 'plaintext';
const CONFIG_SECTION = 'disclosureReport';
const DIAGNOSTIC_SOURCE = 'disclosure-report';
const FIX_ALL_KIND = 'source.fixAll.disclosure-report';

const COMMAND_TOGGLE = 'disclosureReport.toggleLanguage';
const COMMAND_FIX_ALL = 'disclosureReport.fixAll';
const COMMAND_RESTART = 'disclosureReport.restartServer';

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

let client: LanguageClient | undefined;
let starting: Promise<void> | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const msgs = messagesFor(vscode.env.language);
  const serverModule = context.asAbsolutePath('dist/server.js');

  // ---- language client -------------------------------------------------------------------------
  const ensureClient = (): Promise<void> => {
    if (starting) return starting;
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: LANGUAGE_ID }],
      synchronize: { configurationSection: CONFIG_SECTION },
      initializationOptions: { locale: vscode.env.language },
      diagnosticCollectionName: DIAGNOSTIC_SOURCE,
      outputChannelName: msgs.clientName,
    };
    // The id `disclosureReport` makes the client honour the `disclosureReport.trace.server` setting.
    const c = new LanguageClient(CONFIG_SECTION, msgs.clientName, serverOptions, clientOptions);
    client = c;
    starting = c.start().catch((err: unknown) => {
      void vscode.window.showErrorMessage(msgs.startFailed(reason(err)));
    });
    return starting;
  };

  // ---- content detection -----------------------------------------------------------------------
  /** URIs the user switched away from the report language: detection leaves them alone. */
  const suppressed = new Set<string>();
  /** URIs being switched right now, so one switch is not requested twice. */
  const switching = new Set<string>();
  /** When each disclosure-report document was last closed (a language change closes it too). */
  const closedAt = new Map<string, number>();

  const isCandidate = (doc: vscode.TextDocument): boolean =>
    doc.languageId === PLAINTEXT && DETECT_SCHEMES.has(doc.uri.scheme) && isCandidateFileName(doc.uri.path);

  const setLanguage = async (doc: vscode.TextDocument, languageId: string): Promise<vscode.TextDocument | undefined> => {
    const key = doc.uri.toString();
    if (switching.has(key)) return undefined;
    switching.add(key);
    try {
      return await vscode.languages.setTextDocumentLanguage(doc, languageId);
    } finally {
      switching.delete(key);
    }
  };

  const detect = async (doc: vscode.TextDocument): Promise<void> => {
    if (!isCandidate(doc) || suppressed.has(doc.uri.toString())) return;
    if (!looksLikeReport(doc.getText())) return;
    try {
      await setLanguage(doc, LANGUAGE_ID);
    } catch {
      // The document was closed meanwhile; nothing to do.
    }
  };

  const changeTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const detectLater = (doc: vscode.TextDocument): void => {
    const key = doc.uri.toString();
    const pending = changeTimers.get(key);
    if (pending) clearTimeout(pending);
    changeTimers.set(
      key,
      setTimeout(() => {
        changeTimers.delete(key);
        if (!doc.isClosed) void detect(doc);
      }, DETECT_ON_CHANGE_DELAY_MS),
    );
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => {
      const key = doc.uri.toString();
      if (doc.languageId === LANGUAGE_ID) {
        void ensureClient();
      } else if (doc.languageId === PLAINTEXT) {
        const closed = closedAt.get(key);
        if (closed !== undefined && Date.now() - closed < LANGUAGE_CHANGE_WINDOW_MS && !switching.has(key)) {
          suppressed.add(key); // switched to plain text by hand, e.g. with the language picker
        }
        void detect(doc);
      }
      closedAt.delete(key);
      scheduleStatusUpdate();
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      const key = doc.uri.toString();
      if (doc.languageId === LANGUAGE_ID) closedAt.set(key, Date.now());
      const pending = changeTimers.get(key);
      if (pending) {
        clearTimeout(pending);
        changeTimers.delete(key);
      }
      scheduleStatusUpdate();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      const doc = e.document;
      if (e.contentChanges.length === 0 || !isCandidate(doc) || suppressed.has(doc.uri.toString())) return;
      if (doc.getText().length > DETECT_ON_CHANGE_MAX_LENGTH) return;
      detectLater(doc);
    }),
    { dispose: () => changeTimers.forEach((t) => clearTimeout(t)) },
  );

  // ---- status bar ------------------------------------------------------------------------------
  // Right-aligned, just before the language mode indicator (priority 100), after EOL (100.2).
  const status = vscode.window.createStatusBarItem('disclosureReport.problems', vscode.StatusBarAlignment.Right, 100.1);
  status.name = msgs.statusName;
  status.command = 'workbench.actions.view.problems';
  context.subscriptions.push(status);

  const updateStatus = (): void => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== LANGUAGE_ID) {
      status.hide();
      return;
    }
    const { errors, warnings } = countProblems(editor.document.uri);
    status.text = `$(error) ${errors} $(warning) ${warnings}`;
    status.tooltip = errors + warnings > 0 ? msgs.statusTooltip(errors, warnings) : msgs.statusTooltipClean;
    status.show();
  };
  let statusTimer: ReturnType<typeof setTimeout> | undefined;
  // A language change swaps the active editor's document without always firing an editor change.
  function scheduleStatusUpdate(): void {
    if (statusTimer) clearTimeout(statusTimer);
    statusTimer = setTimeout(() => {
      statusTimer = undefined;
      updateStatus();
    }, 0);
  }

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) updateStatus();
    }),
    { dispose: () => statusTimer && clearTimeout(statusTimer) },
  );

  // ---- commands --------------------------------------------------------------------------------
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMAND_TOGGLE, () => toggleLanguage(msgs, suppressed, setLanguage, ensureClient)),
    vscode.commands.registerCommand(COMMAND_FIX_ALL, () => fixAll(msgs)),
    vscode.commands.registerCommand(COMMAND_RESTART, () => restartServer(msgs, ensureClient)),
  );
  // Drafting: the table preview, a new report from the template, table layout conversion.
  const readyClient = async () => (await ensureClient(), currentClient()?.isRunning() ? currentClient() : undefined);
  registerPreview(context, readyClient);
  registerNewDraft(context, readyClient);
  registerConvertTable(context, readyClient);

  // ---- start -----------------------------------------------------------------------------------
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.languageId === LANGUAGE_ID) void ensureClient();
    else void detect(doc);
  }
  updateStatus();
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  starting = undefined;
  if (c) await c.stop().catch(() => undefined);
}

function countProblems(uri: vscode.Uri): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of vscode.languages.getDiagnostics(uri)) {
    if (d.source !== DIAGNOSTIC_SOURCE) continue;
    if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
    else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
  }
  return { errors, warnings };
}

async function toggleLanguage(
  msgs: Messages,
  suppressed: Set<string>,
  setLanguage: (doc: vscode.TextDocument, languageId: string) => Promise<vscode.TextDocument | undefined>,
  ensureClient: () => Promise<void>,
): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(msgs.noActiveEditor);
    return;
  }
  const doc = editor.document;
  const key = doc.uri.toString();
  const name = displayName(doc.uri);
  if (doc.languageId === LANGUAGE_ID) {
    suppressed.add(key); // remembered for the session: detection will not switch it back
    await setLanguage(doc, PLAINTEXT);
    vscode.window.setStatusBarMessage(msgs.switchedAway(name), 4000);
  } else {
    suppressed.delete(key);
    await setLanguage(doc, LANGUAGE_ID);
    void ensureClient();
    vscode.window.setStatusBarMessage(msgs.switchedTo(name), 4000);
  }
}

async function fixAll(msgs: Messages): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(msgs.noActiveEditor);
    return;
  }
  const doc = editor.document;
  if (doc.languageId !== LANGUAGE_ID) {
    void vscode.window.showInformationMessage(msgs.notAReport);
    return;
  }
  try {
    const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
    // Ask for every source.fixAll action (the server may label its own kind more precisely) and
    // resolve the first few, then take ours: `source.fixAll.disclosure-report`, else a plain
    // `source.fixAll` (no other extension's fix-all).
    const actions =
      (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider',
        doc.uri,
        whole,
        vscode.CodeActionKind.SourceFixAll.value,
        10,
      )) ?? [];
    const codeActions = actions.filter((a): a is vscode.CodeAction => !isCommand(a));
    const action =
      codeActions.find((a) => a.kind?.value === FIX_ALL_KIND) ??
      codeActions.find((a) => a.kind?.value === vscode.CodeActionKind.SourceFixAll.value);
    if (!action || (!action.edit && !action.command)) {
      void vscode.window.showInformationMessage(msgs.nothingToFix);
      return;
    }
    if (action.edit) {
      if (action.edit.size === 0 && !action.command) {
        void vscode.window.showInformationMessage(msgs.nothingToFix);
        return;
      }
      const ok = await vscode.workspace.applyEdit(action.edit);
      if (!ok) throw new Error('workspace.applyEdit was refused');
    }
    if (action.command) {
      await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    }
    vscode.window.setStatusBarMessage(msgs.fixApplied, 4000);
  } catch (err) {
    void vscode.window.showErrorMessage(msgs.fixFailed(reason(err)));
  }
}

async function restartServer(msgs: Messages, ensureClient: () => Promise<void>): Promise<void> {
  const c = client;
  if (!c) {
    await ensureClient();
    return;
  }
  const note = vscode.window.setStatusBarMessage(msgs.restarting);
  try {
    if (c.isRunning()) {
      await c.restart();
    } else {
      // It never started (or gave up after crashing): throw it away and start a fresh one.
      client = undefined;
      starting = undefined;
      await c.dispose().catch(() => undefined);
      await ensureClient();
      if (!currentClient()?.isRunning()) return; // ensureClient has said why
    }
    vscode.window.setStatusBarMessage(msgs.restarted, 4000);
  } catch (err) {
    void vscode.window.showErrorMessage(msgs.restartFailed(reason(err)));
  } finally {
    note.dispose();
  }
}

/** Read through a function so narrowing from before an `await` does not stick. */
function currentClient(): LanguageClient | undefined {
  return client;
}

function isCommand(a: vscode.CodeAction | vscode.Command): a is vscode.Command {
  return typeof (a as vscode.Command).command === 'string';
}

function displayName(uri: vscode.Uri): string {
  const path = uri.path;
  return path.slice(path.lastIndexOf('/') + 1) || uri.toString();
}

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
