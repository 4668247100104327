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

/** The worker is the server options, the third argument (vscode-languageclient 10 put it before the client options). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[2];

/** No git and no OS user here: the reviewer is the setting `disclosureReport.reviewer`, or none. */
const noReviewerName = async () => '';

/**
 * The worker script's URL. An extension installed on a remote server (code-server, Codespaces) has a
 * `vscode-remote:` URI, from which the web extension host refuses to start a worker ("Creating
 * workers from remote extensions is currently not supported"); its fetch maps such a URI to the
 * server's resource URL, and a worker can start from that.
 */
async function workerUrl(script: vscode.Uri): Promise<string> {
  const uri = script.toString(true);
  if (script.scheme !== 'vscode-remote') return uri;
  try {
    const res = await fetch(uri);
    await res.body?.cancel();
    if (res.ok && /^https?:/i.test(res.url)) return res.url;
  } catch {
    // Not mapped: the worker is tried at the URI itself, and the start failure is reported as any other.
  }
  return uri;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = await workerUrl(vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js'));
  return activateWith(context, (id, name, options) => {
    const client = new LanguageClient(id, name, new Worker(serverMain), options);
    answerFileRequests(client);
    return client;
  }, noReviewerName);
}
