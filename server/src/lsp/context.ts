// What every feature module of the language server gets (types only): the connection, the
// services (documents, settings, fixes, workspace, projectConfig, commands), what the client can do, where to log, and the two hooks
// a feature declares itself through (its capabilities; what to do once initialized). server.ts
// builds it; each feature's `register(ctx)` uses it. Features never import each other: what two
// of them share is a service here or a module beside this one.

import type { ClientCapabilities, Connection, InitializeParams, ServerCapabilities } from 'vscode-languageserver';
import type { CommandRegistry } from './commandRegistry.js';
import type { DocumentStore } from './documents.js';
import type { Fixes } from './fixes.js';
import type { Logger } from './guard.js';
import type { ProjectConfigs } from './projectConfig.js';
import type { SettingsStore } from './settings.js';
import type { WorkspaceIndex } from './workspace.js';
import type { CheckedFiles } from './checkedFiles.js';
import type { CopiedReports } from './copiedReports.js';

/** What the client declared it supports, read once from `initialize`. */
export interface ClientInfo {
  capabilities: ClientCapabilities;
  /** The client pulls diagnostics (`textDocument/diagnostic`): then the server never pushes. */
  pullDiagnostics: boolean;
  /** The client answers `workspace/configuration`. */
  configuration: boolean;
  /** The client accepts versioned `documentChanges` in a workspace edit. */
  documentChanges: boolean;
  /**
   * Client-side commands the client declared (`initializationOptions.clientCommands`): the VS Code
   * client runs "Mark as reviewed" (which prompts for a status and a reason) and lists what fix-all
   * changed; other clients get a code action with the edit instead.
   */
  clientCommands: ReadonlySet<string>;
  /** `initializationOptions.locale`, then `initialize` params' `locale`. */
  initLocale: string | undefined;
  /**
   * `initializationOptions.drafts`: the client shows converted drafts (protocol.ts DRAFT_SCHEME), so
   * findings of a .docx, web page or PDF checked from disk are published on the draft's URI.
   */
  drafts: boolean;
  /** `initializationOptions.symbolsRefresh`: told when the symbols' words change (protocol.ts NOTIFICATIONS). */
  symbolsRefresh: boolean;
  /** `initializationOptions.keepParsed`: how many open reports keep their parse (documents.ts KEEP_PARSED; tests and benches lower it). */
  keepParsed?: number;
  name: string;
}

/** A source converted (`disclosureReport/convertSource`) and fixes written back (`…/writeBackSource`): protocol.ts. */
import type { ConvertedSource, WrittenFixes } from '../protocol.js';
export type { ConvertedSource, WrittenFixes };

/**
 * Reading source files (.docx, .html, .pdf, text) from disk and writing fixes back into a .docx,
 * given by the runtime (node.ts: lsp/sourceFiles.ts); absent where there is no file system.
 */
export interface SourceAccess {
  convert(uri: string): Promise<ConvertedSource>;
  /** `keep`: derived cells reviewed as accepted (left as written). */
  writeFixes(uri: string, keep?: ReadonlySet<string>): Promise<WrittenFixes>;
}

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: DocumentStore;
  readonly settings: SettingsStore;
  readonly fixes: Fixes;
  /** The workspace folders and the report files in them (read from disk when not open). */
  readonly workspace: WorkspaceIndex;
  /** `.disclosure-report.json` for each document. */
  readonly projectConfig: ProjectConfigs;
  /** Files on disk the workspace check covered (the Findings view lists them with the open ones). */
  readonly checkedFiles: CheckedFiles;
  /** prose-copied over the reports Check All Reports covered (their findings, kept between checks). */
  readonly copied: CopiedReports;
  /** The server commands (one `workspace/executeCommand` handler dispatches to them). */
  readonly commands: CommandRegistry;
  /** Source files on disk (absent in a runtime without a file system). */
  readonly sources?: SourceAccess;
  /** Filled in by `initialize`; features read it lazily (in handlers, not in `register`). */
  readonly client: ClientInfo;
  /** A feature adds its server capabilities, computed from the client's `initialize` params. */
  capabilities(contribute: (params: InitializeParams, client: ClientInfo) => ServerCapabilities): void;
  /** Runs after `initialized`: dynamic registrations and the like. */
  onInitialized(run: () => void | Promise<void>): void;
  readonly log: Logger;
}

/** The lines of a document, as the pure feature functions read them (ReportModel has them). */
export interface Lines {
  line(i: number): string;
}

/** A feature module: registers its handlers and declares its capabilities. */
export interface Feature {
  register(ctx: ServerContext): void;
}
