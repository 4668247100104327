// Document synchronisation: the server takes incremental changes, and the document store
// (TextDocuments feeding each report's incremental model) listens to didOpen/didChange/didClose.

import { TextDocumentSyncKind } from 'vscode-languageserver';
import type { ServerContext } from '../context.js';

export function register(ctx: ServerContext): void {
  ctx.capabilities(() => ({ textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } }));
  ctx.documents.listen(ctx.connection);
}
