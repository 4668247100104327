// The language server's file system on Node (lsp/files.ts's FileSystem): node:fs by `file:` URI,
// texts decoded as the CLI decodes them (sources/encoding.ts). Only lsp/node.ts builds one, so the
// rest of the server stays free of Node and bundles for a browser worker.

import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decode } from '../sources/encoding.js';
import { readInput, writeAtomic } from '../sources/files.js';
import { sourceKind } from '../sources/index.js';
import { canonicalUri, type FileKind, type FileStat, type FileSystem } from '../lsp/files.js';

const kindOf = (s: { isFile(): boolean; isDirectory(): boolean }): FileKind => (s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other');

function pathOf(uri: string): string {
  return fileURLToPath(uri);
}

export const nodeFileSystem: FileSystem = {
  async stat(uri: string): Promise<FileStat | undefined> {
    try {
      const s = await stat(pathOf(uri));
      return { kind: kindOf(s), size: s.size, mtime: s.mtimeMs };
    } catch {
      return undefined;
    }
  },
  async readDirectory(uri: string) {
    const entries = await readdir(pathOf(uri), { withFileTypes: true });
    return entries.map((e) => [e.name, e.isSymbolicLink() ? 'other' : kindOf(e)] as [string, FileKind]);
  },
  async readText(uri: string): Promise<string> {
    const path = pathOf(uri);
    const s = await lstat(path);
    if (!s.isFile()) throw Object.assign(new Error(`not a file: ${path}`), { code: 'ENOTFILE' });
    return decode(await readFile(path)).text;
  },
  async readBytes(uri: string): Promise<Uint8Array> {
    if (!/^file:/i.test(uri)) throw Object.assign(new Error(`not a file: URI: ${uri}`), { code: 'ENOTFILEURI' });
    return readInput(pathOf(uri), sourceKind(uri));
  },
  async writeBytes(uri: string, bytes: Uint8Array, expected: Uint8Array): Promise<void> {
    writeAtomic(pathOf(uri), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), Buffer.from(expected.buffer, expected.byteOffset, expected.byteLength));
  },
  pathToUri(path: string, base: string): string {
    const abs = isAbsolute(path) ? path : resolve(fileURLToPath(base), path);
    return canonicalUri(pathToFileURL(abs).href);
  },
};
