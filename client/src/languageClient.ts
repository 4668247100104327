// The language client: starts the bundled server on first need, and restarts it on request. One
// client per window; `current()` is whatever runs now. Which server and over what is the entry's
// choice (extension.ts: dist/server.js over Node IPC; browser.ts: dist/web/server.js in a web
// worker), given as a function that makes the client from the options here.
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions, Middleware } from 'vscode-languageclient';
import { CLIENT_COMMANDS, DIAGNOSTIC_SOURCE, DRAFT_SCHEME, LANGUAGE_ID, NOTIFICATIONS, SERVER_COMMANDS, SETTINGS_SECTION } from '../../server/src/protocol';
import { msg } from './messages';
import { onNotice } from './requests';

/** Makes the language client (id `disclosureReport`, so that `disclosureReport.trace.server` applies). */
export type ClientFactory = (id: string, name: string, options: LanguageClientOptions) => BaseLanguageClient;

export function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The server's commands that edit the document they are run on. */
const EDITING_COMMANDS = new Set<string>([SERVER_COMMANDS.fix, SERVER_COMMANDS.recompute]);

/**
 * A draft is read-only: the fixes and recompute lenses that would edit it are not offered there
 * (a .docx's totals are written back with "Write fixes back to the .docx"); the others are.
 */
const readOnlyDrafts: Middleware = {
  async provideCodeLenses(document, token, next) {
    const lenses = await next(document, token);
    if (document.uri.scheme !== DRAFT_SCHEME || !lenses) return lenses;
    return lenses.filter((l) => !EDITING_COMMANDS.has(l.command?.command ?? ''));
  },
  async provideCodeActions(document, range, context, token, next) {
    const actions = await next(document, range, context, token);
    if (document.uri.scheme !== DRAFT_SCHEME || !actions) return actions;
    const edits = (a: vscode.Command | vscode.CodeAction) =>
      'edit' in a || 'kind' in a
        ? !!(a as vscode.CodeAction).edit?.has(document.uri) || EDITING_COMMANDS.has((a as vscode.CodeAction).command?.command ?? '')
        : EDITING_COMMANDS.has((a as vscode.Command).command);
    return actions.filter((a) => !edits(a));
  },
};

export class ServerClient {
  private client: BaseLanguageClient | undefined;
  private starting: Promise<void> | undefined;

  constructor(private readonly create: ClientFactory) {}

  /** The client running now (read through a method so narrowing from before an `await` does not stick). */
  current(): BaseLanguageClient | undefined {
    return this.client;
  }

  /** Starts the client unless it is starting or running; failures are shown, never thrown. */
  ensure(): Promise<void> {
    if (this.starting) return this.starting;
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: LANGUAGE_ID }],
      synchronize: { configurationSection: SETTINGS_SECTION },
      // drafts: this client shows converted drafts (drafts.ts), so the workspace check publishes
      // the findings of a .docx, web page or PDF on its draft. clientCommands: Mark as reviewed
      // prompts here (status and reason); fix-all's changes are listed here. symbolsRefresh: told
      // when the outline's words change (a locale switch), see refreshSymbols.
      initializationOptions: { locale: vscode.env.language, drafts: true, symbolsRefresh: true, clientCommands: [CLIENT_COMMANDS.markReviewed, CLIENT_COMMANDS.reportFixes] },
      middleware: readOnlyDrafts,
      diagnosticCollectionName: DIAGNOSTIC_SOURCE,
      outputChannelName: msg.clientName(),
    };
    // The id `disclosureReport` makes the client honour the `disclosureReport.trace.server` setting.
    const c = this.create(SETTINGS_SECTION, msg.clientName(), clientOptions);
    this.client = c;
    onNotice(c, NOTIFICATIONS.symbolsChanged, () => this.refreshSymbols());
    this.starting = c.start().catch((err: unknown) => {
      void vscode.window.showErrorMessage(msg.startFailed(reason(err)));
    });
    return this.starting;
  }

  private symbolsNudge: vscode.Disposable | undefined;

  /**
   * Makes VS Code ask for the symbols again (the outline, breadcrumbs, Go to Symbol) after the
   * server said their words changed. VS Code keeps a document's outline while its text and the
   * list of symbol providers stay the same, and LSP has no refresh for symbols: a provider that
   * adds nothing is put in the list, a new one each time, so the list differs from the one the
   * outline was made with.
   */
  private refreshSymbols(): void {
    this.symbolsNudge?.dispose();
    this.symbolsNudge = vscode.languages.registerDocumentSymbolProvider({ language: LANGUAGE_ID }, { provideDocumentSymbols: () => [] });
  }

  /** Restarts a running client; one that never started (or gave up) is replaced by a fresh one. */
  async restart(): Promise<void> {
    const c = this.client;
    if (!c) {
      await this.ensure();
      return;
    }
    const note = vscode.window.setStatusBarMessage(msg.restarting());
    try {
      if (c.isRunning()) {
        // What the Node client's restart() does; the browser client has no restart of its own.
        await c.stop();
        await c.start();
      } else {
        this.client = undefined;
        this.starting = undefined;
        await c.dispose().catch(() => undefined);
        await this.ensure();
        if (!this.current()?.isRunning()) return; // ensure() has said why
      }
      vscode.window.setStatusBarMessage(msg.restarted(), 4000);
    } catch (err) {
      void vscode.window.showErrorMessage(msg.restartFailed(reason(err)));
    } finally {
      note.dispose();
    }
  }

  async stop(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    this.starting = undefined;
    this.symbolsNudge?.dispose();
    if (c) await c.stop().catch(() => undefined);
  }
}
