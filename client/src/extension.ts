// The extension's Node entry (package.json `main`, bundled as dist/client.js): the language
// server dist/server.js started over Node IPC, then the wiring every entry shares (activate.ts),
// with the reviewer's name from git or the OS (reviewerName.ts).
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { LANGUAGE_ID, SERVER_NODE_ARGS } from '../../server/src/protocol';
import { activateWith, deactivate } from './activate';
import { nodeReviewerName } from './reviewerName';

export { LANGUAGE_ID, deactivate };

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS, '--nolazy', '--inspect=6009'] } },
  };
  return activateWith(context, (id, name, options) => new LanguageClient(id, name, serverOptions, options), nodeReviewerName);
}
