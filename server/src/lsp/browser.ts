// The language server's browser entry point (bundled as dist/web/server.js, a web worker started
// by the browser client, client/src/browser.ts): the connection over the worker's messages, the
// runtime of the client's workspace file system (host/clientRuntime.ts), and startServer (server.ts),
// the same setup as the Node entry's. What it cannot do here is said in the README (VS Code for
// the Web).

import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { clientRuntime } from '../host/clientRuntime.js';
import { SERVER_NAME } from '../protocol.js';
import { startServer } from './server.js';
import { sourceAccess } from './sourceFiles.js';

declare const __VERSION__: string | undefined;
const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

// The worker's global scope is its message port.
const connection = createConnection(new BrowserMessageReader(globalThis), new BrowserMessageWriter(globalThis));
const fs = clientRuntime(connection);
startServer(connection, { name: SERVER_NAME, version: VERSION, fs, sources: sourceAccess });
