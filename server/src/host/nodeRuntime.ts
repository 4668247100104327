// The runtime on Node (host/runtime.ts), over sources/files.ts (the one module that imports
// node:fs): by path for the CLI (`nodePaths`), by `file:` URI for the language server
// (`nodeUris`, which reaches no other scheme). Only the CLI and lsp/node.ts take one, so that the
// rest of the server stays free of Node and bundles for a browser worker.

import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { listFolder, readRegularFile, statAt, writeAtomic } from '../sources/files.js';
import { canonicalUri, joinUri, parentUri } from '../lsp/files.js';
import { bufferOf } from '../sources/encoding.js';
import type { Runtime } from './runtime.js';

export const nodePaths: Runtime = {
  stat: statAt,
  readDirectory: listFolder,
  reaches: () => true,
  readFile: async (path, limit) => readRegularFile(path, limit),
  writeFile: async (path, bytes, expected) => writeAtomic(path, bufferOf(bytes), bufferOf(expected)),
  parent: dirname,
  join,
  resolve: (path, base) => resolve(base, path),
};

const isFileUri = (uri: string) => /^file:/i.test(uri);

/** The path of a `file:` URI; ENOTFILEURI for another scheme (Node reaches only its disk). */
function pathOf(uri: string): string {
  if (!isFileUri(uri)) throw Object.assign(new Error(`not a file: URI: ${uri}`), { code: 'ENOTFILEURI' });
  return fileURLToPath(uri);
}

export const nodeUris: Runtime = {
  stat: async (uri) => (isFileUri(uri) ? statAt(fileURLToPath(uri)) : undefined),
  readDirectory: async (uri) => listFolder(pathOf(uri)),
  reaches: isFileUri,
  readFile: async (uri, limit) => readRegularFile(pathOf(uri), limit),
  writeFile: async (uri, bytes, expected) => writeAtomic(pathOf(uri), bufferOf(bytes), bufferOf(expected)),
  parent: parentUri,
  join: joinUri,
  resolve(path, base) {
    const abs = isAbsolute(path) ? path : resolve(fileURLToPath(base), path);
    return canonicalUri(pathToFileURL(abs).href);
  },
};
