// The language client: starts the bundled server on first need, and restarts it on request. One
// client per window; `current()` is whatever runs now. Which server and over what is the entry's
// choice (extension.ts: dist/server.js over Node IPC; browser.ts: dist/web/server.js in a web
// worker), given as a function that makes the client from the options here.
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { DIAGNOSTIC_SOURCE, LANGUAGE_ID, SETTINGS_SECTION } from '../../server/src/protocol';
import type { Messages } from './messages';

/** Makes the language client (id `disclosureReport`, so that `disclosureReport.trace.server` applies). */
export type ClientFactory = (id: string, name: string, options: LanguageClientOptions) => BaseLanguageClient;

export function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class ServerClient {
  private client: BaseLanguageClient | undefined;
  private starting: Promise<void> | undefined;

  constructor(
    private readonly create: ClientFactory,
    private readonly msgs: Messages,
  ) {}

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
      initializationOptions: { locale: vscode.env.language },
      diagnosticCollectionName: DIAGNOSTIC_SOURCE,
      outputChannelName: this.msgs.clientName,
    };
    // The id `disclosureReport` makes the client honour the `disclosureReport.trace.server` setting.
    const c = this.create(SETTINGS_SECTION, this.msgs.clientName, clientOptions);
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
