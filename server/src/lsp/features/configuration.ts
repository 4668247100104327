// Settings changes: pushed settings go to the store; a client that pulls settings is asked to
// tell the server of changes (dynamic registration); a closed document's cached settings go.

import { DidChangeConfigurationNotification } from 'vscode-languageserver';
import { SETTINGS_SECTION } from '../../protocol.js';
import type { ServerContext } from '../context.js';
import { guardNotification } from '../guard.js';

export function register(ctx: ServerContext): void {
  ctx.connection.onDidChangeConfiguration(guardNotification(ctx, 'didChangeConfiguration', (p) => ctx.settings.changed(p?.settings)));
  ctx.documents.onDidClose((uri) => ctx.settings.forget(uri));
  ctx.onInitialized(async () => {
    // A client that pulls settings learns of changes only if the server asks to be told.
    if (ctx.client.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      await ctx.connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
  });
}
