// The language server's file system in a browser worker (VS Code for the Web): the workspace file
// system of the client, reached through protocol.ts's CLIENT_REQUESTS (the client answers them
// from vscode.workspace.fs: client/src/workspaceFiles.ts). Texts are decoded as the CLI decodes
// them (sources/encoding.ts). No Node here: lsp/browser.ts builds one over its connection.

import type { Connection } from 'vscode-languageserver';
import { CLIENT_REQUESTS, fromBase64, toBase64, type CustomRequest, type FsFailure } from '../protocol.js';
import { decode } from '../sources/encoding.js';
import { byteLimit } from '../sources/types.js';
import { sourceKind, tooLargeError } from '../sources/index.js';
import { canonicalUri, joinUri, type FileStat, type FileSystem } from '../lsp/files.js';

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

export function clientFileSystem(connection: Pick<Connection, 'sendRequest'>): FileSystem {
  const ask = <P, R>(request: CustomRequest<P, R>, params: P): Promise<R> => connection.sendRequest(request.method, params) as Promise<R>;
  const stat = async (uri: string): Promise<FileStat | undefined> => (await ask(CLIENT_REQUESTS.stat, { uri })) ?? undefined;
  const readBytes = async (uri: string): Promise<Uint8Array> => {
    const st = await stat(uri);
    if (!st) throw failure('ENOENT', uri);
    if (st.kind !== 'file') throw failure('ENOTFILE', uri);
    const limit = byteLimit(sourceKind(uri));
    if (st.size > limit) throw tooLargeError(st.size, limit);
    const r = await ask(CLIENT_REQUESTS.readFile, { uri });
    if (failed(r)) throw failure(r.error, uri);
    return fromBase64(r.base64);
  };
  return {
    stat,
    async readDirectory(uri) {
      const r = await ask(CLIENT_REQUESTS.readDirectory, { uri });
      if (failed(r)) throw failure(r.error, uri);
      return r;
    },
    async readText(uri) {
      const bytes = await readBytes(uri);
      return decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).text;
    },
    readBytes,
    async writeBytes(uri, bytes, expected) {
      const r = await ask(CLIENT_REQUESTS.writeFile, { uri, base64: toBase64(bytes), expected: toBase64(expected) });
      if (failed(r)) throw failure(r.error, uri);
    },
    // The editor's file systems: file:, vscode-remote: (code-server, Codespaces), vscode-vfs: (vscode.dev), …
    reaches: (uri) => /^[a-z][a-z0-9+.-]*:\/\//i.test(uri),
    pathToUri(path, base) {
      if (/^[a-z][a-z0-9+.-]+:/i.test(path) && !/^[a-z]:[\\/]/i.test(path)) return canonicalUri(path);
      return canonicalUri(resolveAgainst(base, path));
    },
  };
}
