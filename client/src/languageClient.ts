// The language client: starts the bundled server (dist/server.js over node IPC) on first need,
// and restarts it on request. One client per window; `current()` is whatever runs now.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_COMMANDS, DIAGNOSTIC_SOURCE, LANGUAGE_ID, SERVER_NODE_ARGS, SETTINGS_SECTION } from '../../server/src/protocol';
import type { Messages } from './messages';

export function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class ServerClient {
  private client: LanguageClient | undefined;
  private starting: Promise<void> | undefined;

  constructor(
    private readonly serverModule: string,
    private readonly msgs: Messages,
  ) {}

  /** The client running now (read through a method so narrowing from before an `await` does not stick). */
  current(): LanguageClient | undefined {
    return this.client;
  }

  /** Starts the client unless it is starting or running; failures are shown, never thrown. */
  ensure(): Promise<void> {
    if (this.starting) return this.starting;
    const serverOptions: ServerOptions = {
      run: { module: this.serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS] } },
      debug: { module: this.serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS, '--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: LANGUAGE_ID }],
      synchronize: { configurationSection: SETTINGS_SECTION },
      // clientCommands: Mark as reviewed prompts here (status and reason); fix-all's changes are listed here.
      initializationOptions: { locale: vscode.env.language, clientCommands: [CLIENT_COMMANDS.markReviewed, CLIENT_COMMANDS.reportFixes] },
      diagnosticCollectionName: DIAGNOSTIC_SOURCE,
      outputChannelName: this.msgs.clientName,
    };
    // The id `disclosureReport` makes the client honour the `disclosureReport.trace.server` setting.
    const c = new LanguageClient(SETTINGS_SECTION, this.msgs.clientName, serverOptions, clientOptions);
    this.client = c;
    this.starting = c.start().catch((err: unknown) => {
      void vscode.window.showErrorMessage(this.msgs.startFailed(reason(err)));
    });
    return this.starting;
  }

  /** Restarts a running client; one that never started (or gave up) is replaced by a fresh one. */
  async restart(): Promise<void> {
    const c = this.client;
    if (!c) {
      await this.ensure();
      return;
    }
    const note = vscode.window.setStatusBarMessage(this.msgs.restarting);
    try {
      if (c.isRunning()) {
        await c.restart();
      } else {
        this.client = undefined;
        this.starting = undefined;
        await c.dispose().catch(() => undefined);
        await this.ensure();
        if (!this.current()?.isRunning()) return; // ensure() has said why
      }
      vscode.window.setStatusBarMessage(this.msgs.restarted, 4000);
    } catch (err) {
      void vscode.window.showErrorMessage(this.msgs.restartFailed(reason(err)));
    } finally {
      note.dispose();
    }
  }

  async stop(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    this.starting = undefined;
    if (c) await c.stop().catch(() => undefined);
  }
}
