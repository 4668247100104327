// The extension's entry in VS Code for the Web (package.json `browser`, bundled as
// dist/web/client.js): the language server dist/web/server.js in a web worker, answering its
// requests for the workspace's files (workspaceFiles.ts), then the wiring every entry shares
// (activate.ts). What does not work here is said in the README (VS Code for the Web).
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { LANGUAGE_ID } from '../../server/src/protocol';
import { activateWith, deactivate } from './activate';
import { answerFileRequests } from './workspaceFiles';

export { LANGUAGE_ID, deactivate };

declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

/** No git and no OS user here: the reviewer is the setting `disclosureReport.reviewer`, or none. */
const noReviewerName = async () => '';

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js');
  return activateWith(context, (id, name, options) => {
    const client = new LanguageClient(id, name, options, new Worker(serverMain.toString(true)));
    answerFileRequests(client);
    return client;
  }, noReviewerName);
}
