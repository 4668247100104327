// The VS Code client of the disclosure report checker, wiring only, for the desktop and the web
// alike: the language client (languageClient.ts, over the server its entry starts: extension.ts
// on Node, browser.ts in VS Code for the Web), content detection of plain `.txt` drafts
// (detection.ts), the status bar's error/warning count (status.ts) and the toggle, fix-all and
// restart commands and the workspace check (commands.ts). The names it shares with the server are server/src/protocol.ts's.
import * as vscode from 'vscode';
import { CLIENT_COMMANDS, REQUESTS } from '../../server/src/protocol';
import { sendCustom } from './requests';
import { checkWorkspace, fixAll, toggleLanguage } from './commands';
import { Detection } from './detection';
import { ServerClient, type ClientFactory } from './languageClient';
import { messagesFor } from './messages';
import { ProblemStatus } from './status';
import { registerConvertTable } from './convertTable';
import { registerNewDraft } from './newDraft';
import { registerOpenAsDraft } from './openAsDraft';
import { registerPreview } from './preview/index';

let server: ServerClient | undefined;

/** Activates the extension over the language client `create` makes. */
export async function activateWith(context: vscode.ExtensionContext, create: ClientFactory): Promise<void> {
  const msgs = messagesFor(vscode.env.language);
  const current = new ServerClient(create, msgs);
  server = current;
  // The status bar asks the server what was verified only when it runs (never starts it for that).
  const status = new ProblemStatus(msgs, async (uri) => {
    const c = current.current();
    return c?.isRunning() ? sendCustom(c, REQUESTS.coverage, { uri }) : null;
  });
  const detection = new Detection(
    () => void current.ensure(),
    () => status.updateSoon(),
  );
  context.subscriptions.push(
    status,
    detection,
    vscode.commands.registerCommand(CLIENT_COMMANDS.toggleLanguage, () => toggleLanguage(msgs, detection, current)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.fixAll, () => fixAll(msgs)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.restartServer, () => current.restart()),
    vscode.commands.registerCommand(CLIENT_COMMANDS.checkWorkspace, () => checkWorkspace(msgs, current)),
  );
  // Drafting: the table preview, a new report from the template, table layout conversion.
  const readyClient = async () => (await current.ensure(), current.current()?.isRunning() ? current.current() : undefined);
  registerPreview(context, readyClient);
  registerNewDraft(context, readyClient);
  registerConvertTable(context, readyClient);
  registerOpenAsDraft(context, readyClient);
  detection.scanOpen();
  status.update();
}

export async function deactivate(): Promise<void> {
  const s = server;
  server = undefined;
  await s?.stop();
}
