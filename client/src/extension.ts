// The VS Code client of the disclosure report checker, wiring only: the language client
// (languageClient.ts: the bundled dist/server.js), content detection of plain `.txt` drafts
// (detection.ts), the status bar's error/warning count (status.ts) and the toggle, fix-all and
// restart commands and the workspace check (commands.ts). The names it shares with the server are server/src/protocol.ts's.
import * as vscode from 'vscode';
import { CLIENT_COMMANDS, LANGUAGE_ID, SERVER_REQUESTS, type CoverageAnswer } from '../../server/src/protocol';
import { checkWorkspace, fixAll, toggleLanguage } from './commands';
import { Detection } from './detection';
import { ServerClient } from './languageClient';
import { ProblemStatus } from './status';
import { registerConvertTable } from './convertTable';
import { registerNewDraft } from './newDraft';
import { registerDrafts } from './drafts';
import { registerPreview } from './preview/index';
import { registerFindingsView } from './findingsView';
import { registerReview } from './review';

export { LANGUAGE_ID };

let server: ServerClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const current = new ServerClient(context.asAbsolutePath('dist/server.js'));
  server = current;
  // The status bar asks the server what was verified only when it runs (never starts it for that).
  const status = new ProblemStatus(async (uri) => {
    const c = current.current();
    return c?.isRunning() ? c.sendRequest<CoverageAnswer | null>(SERVER_REQUESTS.coverage, { uri }) : null;
  });
  const detection = new Detection(
    () => void current.ensure(),
    () => status.updateSoon(),
  );
  context.subscriptions.push(
    status,
    detection,
    vscode.commands.registerCommand(CLIENT_COMMANDS.toggleLanguage, () => toggleLanguage(detection, current)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.fixAll, () => fixAll()),
    vscode.commands.registerCommand(CLIENT_COMMANDS.restartServer, () => current.restart()),
    vscode.commands.registerCommand(CLIENT_COMMANDS.checkWorkspace, () => checkWorkspace(current)),
  );
  // Drafting: the table preview, a new report from the template, table layout conversion.
  const readyClient = async () => (await current.ensure(), current.current()?.isRunning() ? current.current() : undefined);
  registerPreview(context, readyClient);
  registerNewDraft(context, readyClient);
  registerConvertTable(context, readyClient);
  registerDrafts(context, readyClient);
  // The review loop: Mark as reviewed (status, reason), the Findings view and its export, what fixes changed.
  const findings = registerFindingsView(context, readyClient);
  registerReview(context, readyClient, (arg) => findings.reviewTarget(arg));
  detection.scanOpen();
  status.update();
}

export async function deactivate(): Promise<void> {
  const s = server;
  server = undefined;
  await s?.stop();
}
