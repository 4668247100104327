// The browser client's answers to the worker server's file requests (protocol.ts CLIENT_REQUESTS):
// the workspace file system of VS Code for the Web (vscode.workspace.fs), which the worker cannot
// reach itself. Failures come back as Node's error codes, so the server maps every runtime's
// errors to messages in one place (lsp/sourceFiles.ts).
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CLIENT_REQUESTS, fromBase64, toBase64, type FsFailure, type FsKind } from '../../server/src/protocol';

const kindOf = (t: vscode.FileType): FsKind =>
  t & vscode.FileType.SymbolicLink ? 'other' : t & vscode.FileType.File ? 'file' : t & vscode.FileType.Directory ? 'directory' : 'other';

/** vscode.FileSystemError's codes as Node's. */
function failure(err: unknown): FsFailure {
  const code = (err as { code?: string })?.code;
  const map: Record<string, string> = { FileNotFound: 'ENOENT', FileIsADirectory: 'EISDIR', FileNotADirectory: 'ENOTDIR', NoPermissions: 'EACCES', Unavailable: 'EIO' };
  return { error: (code && map[code]) ?? 'EIO' };
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

export function answerFileRequests(client: BaseLanguageClient): void {
  const fs = vscode.workspace.fs;
  const uriOf = (p: { uri: string }) => vscode.Uri.parse(p.uri, true);
  client.onRequest(CLIENT_REQUESTS.stat.method, async (p: { uri: string }) => {
    try {
      const s = await fs.stat(uriOf(p));
      return { kind: kindOf(s.type), size: s.size, mtime: s.mtime };
    } catch {
      return null;
    }
  });
  client.onRequest(CLIENT_REQUESTS.readDirectory.method, async (p: { uri: string }) => {
    try {
      return (await fs.readDirectory(uriOf(p))).map(([name, type]) => [name, kindOf(type)]);
    } catch (err) {
      return failure(err);
    }
  });
  client.onRequest(CLIENT_REQUESTS.readFile.method, async (p: { uri: string }) => {
    try {
      return { base64: toBase64(await fs.readFile(uriOf(p))) };
    } catch (err) {
      return failure(err);
    }
  });
  // The web's file systems have no atomic rename to rely on: the file is compared with what the
  // server read just before, and written whole only if it still holds that.
  client.onRequest(CLIENT_REQUESTS.writeFile.method, async (p: { uri: string; base64: string; expected: string }) => {
    try {
      const uri = uriOf(p);
      if (!sameBytes(await fs.readFile(uri), fromBase64(p.expected))) return { error: 'ECHANGED' };
      await fs.writeFile(uri, fromBase64(p.base64));
      return { written: true };
    } catch (err) {
      return failure(err);
    }
  });
}
