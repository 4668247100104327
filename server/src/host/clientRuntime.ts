// The runtime in a browser worker (VS Code for the Web; host/runtime.ts): the workspace file system
// of the client, whatever its scheme (vscode-vfs:, memfs:, file:…), reached through protocol.ts's
// CLIENT_REQUESTS (the client answers them from vscode.workspace.fs: client/src/workspaceFiles.ts).
// The web's file systems have no atomic rename: the client writes a file whole only if it still
// holds what the server read. No Node here: lsp/browser.ts builds one over its connection.

import type { Connection } from 'vscode-languageserver';
import { CLIENT_REQUESTS, fromBase64, toBase64, type CustomRequest, type FsFailure } from '../protocol.js';
import { tooLargeError } from '../sources/fileErrors.js';
import { canonicalUri, isHierarchical, joinUri, parentUri } from '../lsp/files.js';
import type { FileStat, Runtime } from './runtime.js';

const failure = (code: string, uri: string) => Object.assign(new Error(`${code}: ${uri}`), { code });
const failed = (r: unknown): r is FsFailure => !!r && typeof r === 'object' && typeof (r as FsFailure).error === 'string';

/** A path resolved against a URI: `a/../b` segments folded, the scheme and authority kept. */
export function resolveAgainst(base: string, path: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(\/.*)?$/i.exec(base);
  if (!m) return base;
  const p = path.replace(/\\/g, '/');
  const segments = (p.startsWith('/') ? p : `${m[2] ?? ''}/${p}`).split('/');
  const out: string[] = [];
  for (const s of segments) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return out.reduce((uri, s) => joinUri(uri, s), m[1]) || `${m[1]}/`;
}

export function clientRuntime(connection: Pick<Connection, 'sendRequest'>): Runtime {
  const ask = <P, R>(request: CustomRequest<P, R>, params: P): Promise<R> => connection.sendRequest(request.method, params) as Promise<R>;
  const stat = async (uri: string): Promise<FileStat | undefined> => (await ask(CLIENT_REQUESTS.stat, { uri })) ?? undefined;
  return {
    stat,
    async readDirectory(uri) {
      const r = await ask(CLIENT_REQUESTS.readDirectory, { uri });
      if (failed(r)) throw failure(r.error, uri);
      return r;
    },
    async readFile(uri, limit) {
      const st = await stat(uri);
      if (!st) throw failure('ENOENT', uri);
      if (st.kind !== 'file') throw failure('ENOTFILE', uri);
      if (st.size > limit) throw tooLargeError(st.size, limit);
      const r = await ask(CLIENT_REQUESTS.readFile, { uri });
      if (failed(r)) throw failure(r.error, uri);
      const bytes = fromBase64(r.base64);
      // Grown since it was looked at.
      if (bytes.length > limit) throw tooLargeError(bytes.length, limit);
      return bytes;
    },
    async writeFile(uri, bytes, expected) {
      const r = await ask(CLIENT_REQUESTS.writeFile, { uri, base64: toBase64(bytes), expected: toBase64(expected) });
      if (failed(r)) throw failure(r.error, uri);
    },
    // The editor's file systems: file:, vscode-remote: (code-server, Codespaces), vscode-vfs: (vscode.dev), …
    reaches: isHierarchical,
    parent: parentUri,
    join: joinUri,
    resolve(path, base) {
      if (/^[a-z][a-z0-9+.-]+:/i.test(path) && !/^[a-z]:[\\/]/i.test(path)) return canonicalUri(path);
      return canonicalUri(resolveAgainst(base, path));
    },
  };
}
