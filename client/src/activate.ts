// The VS Code client of the disclosure report checker, wiring only, for the desktop and the web
// alike: the language client (languageClient.ts, over the server its entry starts: extension.ts
// on Node, browser.ts in VS Code for the Web), content detection of plain `.txt` drafts
// (detection.ts), the status bar's error/warning count (status.ts), the toggle, fix-all and
// restart commands and the workspace check (commands.ts), the drafting features, the drafts of
// .docx/web pages/PDFs (drafts.ts) and the review loop (review.ts, findingsView.ts). The names it
// shares with the server are server/src/protocol.ts's.
import * as vscode from 'vscode';
import { CLIENT_COMMANDS, REQUESTS } from '../../server/src/protocol';
import { sendCustom } from './requests';
import { checkWorkspace, fixAll, toggleLanguage } from './commands';
import { Detection } from './detection';
import { ServerClient, type ClientFactory } from './languageClient';
import { ProblemStatus } from './status';
import { registerConvertTable } from './convertTable';
import { registerNewDraft } from './newDraft';
import { registerDrafts } from './drafts';
import { registerPreview } from './preview/index';
import { registerFindingsView } from './findingsView';
import { registerReview, type ReviewerName } from './review';

let server: ServerClient | undefined;

/**
 * Activates the extension over the language client `create` makes. `reviewer`: who marks a finding
 * reviewed when the setting does not say (git's user.name, the OS user on Node; none in a browser).
 */
export async function activateWith(context: vscode.ExtensionContext, create: ClientFactory, reviewer: ReviewerName): Promise<void> {
  const current = new ServerClient(create);
  server = current;
  // The status bar asks the server what was verified only when it runs (never starts it for that).
  const status = new ProblemStatus(async (uri) => {
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
    vscode.commands.registerCommand(CLIENT_COMMANDS.toggleLanguage, () => toggleLanguage(detection, current)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.fixAll, () => fixAll()),
    vscode.commands.registerCommand(CLIENT_COMMANDS.restartServer, () => current.restart()),
    vscode.commands.registerCommand(CLIENT_COMMANDS.checkWorkspace, () => checkWorkspace(current)),
  );
  // Drafting: the table preview, a new report from the template, table layout conversion, drafts of Word/web/PDF files.
  const readyClient = async () => (await current.ensure(), current.current()?.isRunning() ? current.current() : undefined);
  registerPreview(context, readyClient);
  registerNewDraft(context, readyClient);
  registerConvertTable(context, readyClient);
  registerDrafts(context, readyClient);
  // The review loop: Mark as reviewed (status, reason), the Findings view and its export, what fixes changed.
  const findings = registerFindingsView(context, readyClient);
  registerReview(context, readyClient, (arg) => findings.reviewTarget(arg), reviewer);
  detection.scanOpen();
  status.update();
}

export async function deactivate(): Promise<void> {
  const s = server;
  server = undefined;
  await s?.stop();
}
