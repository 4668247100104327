// The language server's file system on Node (lsp/files.ts's FileSystem): sources/files.ts (the one
// module that imports node:fs, as the CLI does) by `file:` URI, texts decoded as the CLI decodes
// them (sources/encoding.ts). Only lsp/node.ts builds one, so the rest of the server stays free of
// Node and bundles for a browser worker.

import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decode } from '../sources/encoding.js';
import { listFolder, readInput, readOwnFile, statAt, writeAtomic } from '../sources/files.js';
import { sourceKind } from '../sources/index.js';
import { canonicalUri, type FileStat, type FileSystem } from '../lsp/files.js';

function pathOf(uri: string): string {
  return fileURLToPath(uri);
}

export const nodeFileSystem: FileSystem = {
  async stat(uri: string): Promise<FileStat | undefined> {
    return statAt(pathOf(uri));
  },
  readDirectory: (uri: string) => listFolder(pathOf(uri)),
  async readText(uri: string): Promise<string> {
    return decode(await readOwnFile(pathOf(uri))).text;
  },
  async readBytes(uri: string): Promise<Uint8Array> {
    if (!/^file:/i.test(uri)) throw Object.assign(new Error(`not a file: URI: ${uri}`), { code: 'ENOTFILEURI' });
    return readInput(pathOf(uri), sourceKind(uri));
  },
  async writeBytes(uri: string, bytes: Uint8Array, expected: Uint8Array): Promise<void> {
    writeAtomic(pathOf(uri), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), Buffer.from(expected.buffer, expected.byteOffset, expected.byteLength));
  },
  reaches: (uri: string) => /^file:/i.test(uri),
  pathToUri(path: string, base: string): string {
    const abs = isAbsolute(path) ? path : resolve(fileURLToPath(base), path);
    return canonicalUri(pathToFileURL(abs).href);
  },
};
