// The language server's Node entry point (bundled as dist/server.js, also the bin
// `disclosure-report-language-server --stdio`): reads argv, creates the connection (--stdio,
// --node-ipc, --socket=N or --pipe=NAME), installs the process's last-resort handlers and calls
// startServer (server.ts), which knows nothing of Node. Everything the server knows about
// reports comes from the core; the server only speaks LSP.

import { format } from 'node:util';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures, StreamMessageReader, type Connection, type DataCallback, type Message } from 'vscode-languageserver/node';
import { smallerInliningBudget } from '../host/jit.js';
import { nodeUris } from '../host/nodeRuntime.js';
import { SERVER_NAME, SETTINGS_SECTION } from '../protocol.js';
import { collectWhenIdle } from './idleCollect.js';
import { startServer } from './server.js';
import { StdoutMessageWriter } from './stdoutWriter.js';
import { sourceAccess } from './sourceFiles.js';

declare const __VERSION__: string | undefined;

/** Set by the bundler (esbuild.mjs), as for the CLI. */
const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

const USAGE = `Usage: ${SERVER_NAME} --stdio | --node-ipc | --socket=PORT | --pipe=NAME

The language server of the disclosure report checker (政府信息公开工作年度报告), for any LSP
client. Diagnostics, quick fixes, hover, inlay hints, code lens, outline and folding.
Settings (section "${SETTINGS_SECTION}"): severity (per rule: error|warning|information|hint|off),
locale (auto|zh-CN|en), debounceMs, maxDiagnostics (per document, default 1000), previousReport
(last year's report: a path). The workspace configuration file .disclosure-report.json
(severities, reviewed findings) is read from each document's folder upward.
`;

/** Once the client has gone (its end of the pipe closed), there is nobody left to tell. */
function clientGone(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | undefined;
  return e?.code === 'EPIPE' || e?.code === 'ERR_STREAM_DESTROYED' || /Connection (is )?(closed|disposed)/i.test(String(e?.message ?? ''));
}

/** The server's stdin reader, noting whether the client asked for `shutdown` (for the exit code). */
class StdinReader extends StreamMessageReader {
  shutdown = false;
  override listen(callback: DataCallback) {
    return super.listen((m: Message) => {
      if ((m as { method?: string }).method === 'shutdown') this.shutdown = true;
      callback(m);
    });
  }
}

/**
 * The --stdio connection, built here rather than by createConnection's argv sniffing, so that a
 * broken frame is seen: a header without a (numeric) Content-Length, or a Content-Length the
 * message never reaches, leaves the reader unable to find the next message — the server would
 * stay alive and deaf. It says why on stderr (the client's output channel) and exits, and the
 * client starts it again. A well-framed message that is not JSON is answered as before.
 */
function stdioConnection(): Connection {
  const reader = new StdinReader(process.stdin);
  const writer = new StdoutMessageWriter(process.stdout);
  const die = (why: string) => {
    process.stderr.write(`${SERVER_NAME}: ${why}; exiting so that the client restarts the server\n`);
    process.exit(1);
  };
  reader.onError((e) => {
    const message = String((e as Error)?.message ?? e);
    if (/Content-Length|Message header/i.test(message)) die(`malformed message frame (${message.split('\n')[0]})`);
  });
  reader.onPartialMessage((info) => die(`a message stopped short of its Content-Length (nothing more for ${info.waitingTime} ms)`));
  // As createConnection does for --stdio: the client gone (stdin ended) ends the server.
  const end = () => process.exit(reader.shutdown ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  // Stray console output must not corrupt the protocol on stdout: to the client's log instead.
  console.log = console.info = (...a: unknown[]) => connection.console.log(format(...a));
  console.warn = (...a: unknown[]) => connection.console.warn(format(...a));
  console.error = (...a: unknown[]) => connection.console.error(format(...a));
  return connection;
}

function main(): void {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  if (args.includes('--version') || args.includes('-v')) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  const transport = args.some((a) => /^--(stdio|node-ipc|socket|pipe)\b/.test(a)) || typeof process.send === 'function';
  if (!transport) {
    process.stderr.write(USAGE);
    process.exitCode = 2;
    return;
  }

  smallerInliningBudget();
  const connection = args.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
  const { log } = startServer(connection, { name: SERVER_NAME, version: VERSION, fs: nodeUris, sources: sourceAccess });
  // A collection once the client has been quiet a while after the heap grew (with --expose-gc),
  // compacting (V8 otherwise keeps the pages the released parses were scattered over).
  const gc = (globalThis as { gc?: () => void }).gc;
  const compactingGc = gc && (() => {
    setFlagsFromString('--compact-on-every-full-gc');
    try {
      gc();
    } finally {
      setFlagsFromString('--no-compact-on-every-full-gc');
    }
  });
  // The old generation's use (the young generation's garbage is the scavenger's).
  const oldUsed = () => getHeapSpaceStatistics().reduce((s, x) => s + (x.space_name === 'new_space' ? 0 : x.space_used_size), 0);
  const poke = collectWhenIdle(compactingGc, oldUsed);
  if (args.includes('--stdio')) process.stdin.on('data', poke);
  else process.on('message', poke);

  // The last line of defence: a bug in one handler must not end the session. Once the client
  // has gone, exit quietly.
  const lastResort = (what: string) => (err: unknown) => {
    if (clientGone(err)) process.exit(1);
    try {
      log.error(what, err);
    } catch {
      process.exit(1);
    }
  };
  process.on('uncaughtException', lastResort('uncaught exception'));
  process.on('unhandledRejection', lastResort('unhandled rejection'));
}

main();
