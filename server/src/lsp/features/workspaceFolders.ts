// The workspace as the client describes it: the folders (initialize's workspaceFolders, else its
// rootUri; then workspace/didChangeWorkspaceFolders) into the workspace index, and file changes
// (workspace/didChangeWatchedFiles, registered dynamically for report files and
// `.disclosure-report.json` when the client supports it) into the index and the config store.

import { DidChangeWatchedFilesNotification, type FileSystemWatcher } from 'vscode-languageserver';
import type { ServerContext } from '../context.js';
import { guardNotification } from '../guard.js';

/** What the server watches: every report source and the config file, anywhere in the workspace. */
export const WATCHERS: FileSystemWatcher[] = [{ globPattern: '**/*.{txt,md,docx,html,htm,pdf}' }, { globPattern: '**/.disclosure-report.json' }];

export function register(ctx: ServerContext): void {
  ctx.capabilities((params) => {
    const folders = Array.isArray(params.workspaceFolders) ? params.workspaceFolders.map((f) => f?.uri).filter((u): u is string => typeof u === 'string') : [];
    if (!folders.length && typeof params.rootUri === 'string') folders.push(params.rootUri);
    ctx.workspace.setFolders(folders);
    return { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } };
  });

  ctx.connection.onDidChangeWatchedFiles(
    guardNotification(ctx, 'workspace/didChangeWatchedFiles', (params) => {
      const changes = Array.isArray(params?.changes) ? params.changes : [];
      ctx.workspace.filesChanged(changes);
      ctx.projectConfig.filesChanged(changes);
    }),
  );

  ctx.onInitialized(async () => {
    const caps = ctx.client.capabilities.workspace;
    if (caps?.workspaceFolders) {
      ctx.connection.workspace.onDidChangeWorkspaceFolders((e) => {
        ctx.workspace.changeFolders(e.added.map((f) => f.uri), e.removed.map((f) => f.uri));
        ctx.projectConfig.forget();
      });
    }
    if (caps?.didChangeWatchedFiles?.dynamicRegistration) {
      await ctx.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHERS });
    }
  });
}
