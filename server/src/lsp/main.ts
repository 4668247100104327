// The language server's entry point (bundled as dist/server.js, also the bin
// `disclosure-report-language-server --stdio`). It creates the connection (--stdio, --node-ipc,
// --socket=N or --pipe=NAME), lets each feature module register itself, and listens. Everything
// the server knows about reports comes from the core; this layer only speaks LSP.

import { createConnection, ProposedFeatures, type InitializeParams, type InitializeResult, type ServerCapabilities } from 'vscode-languageserver/node';
import pkg from '../../../package.json';
import * as codeActions from './codeActions.js';
import * as codeLens from './codeLens.js';
import * as commands from './commands.js';
import * as configuration from './configuration.js';
import { SettingsStore } from './configuration.js';
import { describeError, type ClientInfo, type Logger, type ServerContext } from './context.js';
import * as diagnostics from './diagnostics.js';
import * as documents from './documents.js';
import { DocumentStore } from './documents.js';
import * as folding from './folding.js';
import * as formatting from './formatting.js';
import * as hover from './hover.js';
import * as inlayHints from './inlayHints.js';
import * as newDraft from './newDraft.js';
import * as preview from './preview.js';
import * as symbols from './symbols.js';

const NAME = 'disclosure-report-language-server';
const VERSION: string = pkg.version;

const USAGE = `Usage: ${NAME} --stdio | --node-ipc | --socket=PORT | --pipe=NAME

The language server of the disclosure report checker (政府信息公开工作年度报告), for any LSP
client. Diagnostics, quick fixes, hover, inlay hints, code lens, outline and folding.
Settings (section "disclosureReport"): severity (per rule: error|warning|information|hint|off),
locale (auto|zh-CN|en), debounceMs.
`;

const FEATURES = [documents, configuration, diagnostics, codeActions, commands, hover, inlayHints, symbols, folding, codeLens, formatting, preview, newDraft];

export function readClient(params: InitializeParams): ClientInfo {
  const caps = params?.capabilities ?? {};
  const opts = params?.initializationOptions as { locale?: unknown } | null | undefined;
  const initLocale =
    opts && typeof opts.locale === 'string' && opts.locale.trim() ? opts.locale : typeof params?.locale === 'string' && params.locale ? params.locale : undefined;
  return {
    capabilities: caps,
    pullDiagnostics: !!caps.textDocument?.diagnostic,
    configuration: !!caps.workspace?.configuration,
    documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges,
    initLocale,
    name: params?.clientInfo?.name ?? 'unknown client',
  };
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

  const connection = createConnection(ProposedFeatures.all);
  const log: Logger = {
    error: (message, err) => connection.console.error(err === undefined ? message : `${message}: ${describeError(err)}`),
    info: (message) => connection.console.info(message),
  };
  const contributors: ((params: InitializeParams, client: ClientInfo) => ServerCapabilities)[] = [];
  const afterInit: (() => void | Promise<void>)[] = [];
  const partial: Omit<ServerContext, 'documents' | 'settings'> = {
    connection,
    log,
    client: readClient({ capabilities: {}, processId: null, rootUri: null } as InitializeParams),
    capabilities: (f) => void contributors.push(f),
    onInitialized: (f) => void afterInit.push(f),
  };
  const ctx = partial as ServerContext;
  ctx.documents = new DocumentStore(log);
  ctx.settings = new SettingsStore(ctx);

  for (const feature of FEATURES) feature.register(ctx);

  connection.onInitialize((params): InitializeResult => {
    ctx.client = readClient(params);
    const capabilities: ServerCapabilities = { positionEncoding: 'utf-16' };
    for (const contribute of contributors) {
      try {
        Object.assign(capabilities, contribute(params, ctx.client));
      } catch (err) {
        log.error('a feature failed to declare its capabilities', err);
      }
    }
    return { capabilities, serverInfo: { name: NAME, version: VERSION } };
  });
  connection.onInitialized(() => {
    log.info(`${NAME} ${VERSION} for ${ctx.client.name}: diagnostics ${ctx.client.pullDiagnostics ? 'pulled' : 'pushed'}, settings ${ctx.client.configuration ? 'pulled per document' : 'pushed'}`);
    for (const run of afterInit) {
      Promise.resolve()
        .then(run)
        .catch((err) => log.error('post-initialize step failed', err));
    }
  });

  // The last line of defence: a bug in one handler must not end the session. Once the client
  // has gone (its end of the pipe closed), there is nobody left to tell: exit quietly.
  const clientGone = (err: unknown) => {
    const e = err as { code?: string; message?: string } | undefined;
    return e?.code === 'EPIPE' || e?.code === 'ERR_STREAM_DESTROYED' || /Connection (is )?(closed|disposed)/i.test(String(e?.message ?? ''));
  };
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

  connection.listen();
}

main();
