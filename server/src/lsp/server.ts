// The language server's setup, independent of the runtime: `startServer(connection)` builds the
// services (documents, settings, fixes), lets every feature register itself, answers
// `initialize` with what the features declared, and listens. No Node here: node.ts (argv,
// transports, process handlers) calls it, and a browser worker's entry can call it the same way.

import { ExecuteCommandRequest, MessageType, ShowMessageNotification, type Connection, type InitializeParams, type InitializeResult, type ServerCapabilities } from 'vscode-languageserver';
import { CommandRegistry } from './commandRegistry.js';
import { CheckedFiles } from './checkedFiles.js';
import { CopiedReports } from './copiedReports.js';
import { pick, resolveLocale } from '../core/index.js';
import { SERVER_NAME, SETTINGS_SECTION } from '../protocol.js';
import type { ClientInfo, Feature, ServerContext, SourceAccess } from './context.js';
import { DocumentStore, KEEP_PARSED } from './documents.js';
import * as codeActions from './features/codeActions.js';
import * as codeLens from './features/codeLens.js';
import * as commands from './features/commands.js';
import * as completion from './features/completion.js';
import * as findings from './features/findings.js';
import * as review from './features/review.js';
import * as coverage from './features/coverage.js';
import * as configuration from './features/configuration.js';
import * as diagnostics from './features/diagnostics.js';
import * as folding from './features/folding.js';
import * as formatting from './features/formatting.js';
import * as hover from './features/hover.js';
import * as inlayHints from './features/inlayHints.js';
import * as newDraft from './features/newDraft.js';
import * as preview from './features/preview.js';
import * as symbols from './features/symbols.js';
import * as sources from './features/sources.js';
import * as sync from './features/sync.js';
import { Fixes } from './fixes.js';
import * as workspaceCheck from './features/workspaceCheck.js';
import * as workspaceFolders from './features/workspaceFolders.js';
import type { Runtime } from '../host/runtime.js';
import { describeError, guard, type Logger } from './guard.js';
import { PreviousReports } from './previousReports.js';
import { ProjectConfigs } from './projectConfig.js';
import { SettingsStore } from './settings.js';
import { WorkspaceIndex, type WorkspaceLimits } from './workspace.js';

/** Every feature, in the order they register (sync first: it feeds the documents). */
export const FEATURES: readonly Feature[] = [sync, configuration, workspaceFolders, diagnostics, codeActions, commands, workspaceCheck, hover, inlayHints, symbols, folding, codeLens, formatting, preview, newDraft, sources, completion, review, findings, coverage];

export function readClient(params: InitializeParams): ClientInfo {
  const caps = params?.capabilities ?? {};
  const opts = params?.initializationOptions as { locale?: unknown; drafts?: unknown; symbolsRefresh?: unknown; clientCommands?: unknown; keepParsed?: unknown } | null | undefined;
  const initLocale =
    opts && typeof opts.locale === 'string' && opts.locale.trim() ? opts.locale : typeof params?.locale === 'string' && params.locale ? params.locale : undefined;
  return {
    capabilities: caps,
    pullDiagnostics: !!caps.textDocument?.diagnostic,
    configuration: !!caps.workspace?.configuration,
    documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges,
    initLocale,
    drafts: opts?.drafts === true,
    symbolsRefresh: opts?.symbolsRefresh === true,
    keepParsed: typeof opts?.keepParsed === 'number' && Number.isInteger(opts.keepParsed) && opts.keepParsed >= 1 ? opts.keepParsed : undefined,
    clientCommands: new Set(Array.isArray(opts?.clientCommands) ? opts.clientCommands.filter((c): c is string => typeof c === 'string') : []),
    name: params?.clientInfo?.name ?? 'unknown client',
  };
}

export interface ServerInfo {
  name?: string;
  version: string;
  /** The file system (Node's, from node.ts); without it the workspace is only the open documents. */
  fs?: Runtime;
  /** Bounds of the workspace index (tests lower them). */
  workspaceLimits?: Partial<WorkspaceLimits>;
  /**
   * Source files read and fixes written over a file system: lsp/sourceFiles.ts's sourceAccess, which
   * the entries hand in (it reaches pdf.js, which each runtime bundles its own way) and the server
   * applies to `fs` alone. Absent: "Open as draft" answers an error.
   */
  sources?: (fs: Runtime) => SourceAccess;
}

type Contributor = (params: InitializeParams, client: ClientInfo) => ServerCapabilities;

/** Wires the server onto `connection` and starts listening; returns the context (for tests). */
export function startServer(connection: Connection, info: ServerInfo): ServerContext {
  const name = info.name ?? SERVER_NAME;
  const log: Logger = {
    error: (message, err) => connection.console.error(err === undefined ? message : `${message}: ${describeError(err)}`),
    info: (message) => connection.console.info(message),
  };
  let client = readClient({ capabilities: {}, processId: null, rootUri: null } as InitializeParams);
  const contributors: Contributor[] = [];
  const afterInit: (() => void | Promise<void>)[] = [];

  const documents = new DocumentStore(log);
  const settings = new SettingsStore({
    canPull: () => client.configuration,
    pull: (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }),
    clientLocale: () => client.initLocale,
    log,
  });
  const fixes = new Fixes({ analysis: (doc) => documents.analyzeSafely(doc), documentChanges: () => client.documentChanges });
  const workspace = new WorkspaceIndex({
    fs: info.fs,
    documents,
    log,
    previousReport: async (uri) => (await settings.get(uri)).previousReport || undefined,
    limits: info.workspaceLimits,
  });
  const sources = info.fs && info.sources ? info.sources(info.fs) : undefined;
  if (sources) readSourcesInto(workspace, sources);
  // Last year's report of each open document, found through the workspace index (cross-year rules).
  new PreviousReports(workspace, documents, log);
  const projectConfig = new ProjectConfigs({
    fs: info.fs,
    folderOf: (uri) => workspace.folderOf(uri),
    log,
    // A notification (window/showMessage), not the request showWarningMessage sends: nothing to wait for.
    warn: (where, message) =>
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `${where}: ${pick(message, resolveLocale(client.initLocale))}` }).catch((err) => log.error('showMessage failed', err)),
  });
  const commandRegistry = new CommandRegistry();
  const checkedFiles = new CheckedFiles();
  const ctx: ServerContext = {
    connection,
    documents,
    settings,
    fixes,
    workspace,
    projectConfig,
    commands: commandRegistry,
    checkedFiles,
    copied: new CopiedReports(log),
    sources,
    get client() {
      return client;
    },
    capabilities: (f) => void contributors.push(f),
    onInitialized: (f) => void afterInit.push(f),
    log,
  };

  for (const feature of FEATURES) feature.register(ctx);

  // One executeCommand handler for every feature's commands. Registered as a plain request, so
  // that the params keep their `workDoneToken` (connection.onExecuteCommand takes it out).
  contributors.push(() => (commandRegistry.ids.length ? { executeCommandProvider: { commands: commandRegistry.ids } } : {}));
  connection.onRequest(ExecuteCommandRequest.type, guard(ctx, 'workspace/executeCommand', (params, token) => commandRegistry.execute(params, token)));

  connection.onInitialize((params): InitializeResult => {
    client = readClient(params);
    documents.keepParsed = client.keepParsed ?? KEEP_PARSED;
    return { capabilities: declared(contributors, params, client, log), serverInfo: { name, version: info.version } };
  });
  connection.onInitialized(() => {
    log.info(`${name} ${info.version} for ${client.name}: diagnostics ${client.pullDiagnostics ? 'pulled' : 'pushed'}, settings ${client.configuration ? 'pulled per document' : 'pushed'}`);
    for (const run of afterInit) {
      Promise.resolve()
        .then(run)
        .catch((err) => log.error('post-initialize step failed', err));
    }
  });

  connection.listen();
  return ctx;
}

/** Word documents, web pages and PDFs in the workspace read over the one file system, as the CLI reads them: the workspace check and last year's report see them too. */
function readSourcesInto(workspace: WorkspaceIndex, sources: SourceAccess): void {
  for (const ext of ['.docx', '.html', '.htm', '.pdf']) {
    workspace.readers.set(ext, async (uri) => {
      const r = await sources.convert(uri);
      if ('error' in r) throw new Error(r.error.en);
      return r.text;
    });
  }
}

/** The server's capabilities: what each feature declares for this client (one that fails is left out and logged). */
function declared(contributors: Contributor[], params: InitializeParams, client: ClientInfo, log: Logger): ServerCapabilities {
  const capabilities: ServerCapabilities = { positionEncoding: 'utf-16' };
  for (const contribute of contributors) {
    try {
      Object.assign(capabilities, contribute(params, client));
    } catch (err) {
      log.error('a feature failed to declare its capabilities', err);
    }
  }
  return capabilities;
}
