// A small LSP client for the language server tests: builds dist/server.js from the server entry
// (the same esbuild options as esbuild.mjs, written atomically so parallel test files never see
// half a bundle), starts it over stdio, and keeps its own copy of each open document.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type MessageConnection,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const ROOT = resolve(__dirname, '../..');
export const SERVER = join(ROOT, 'dist/server.js');
const ENTRY = join(ROOT, 'server/src/lsp/node.ts');

function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    newest = Math.max(newest, s.isDirectory() ? newestSource(p) : s.mtimeMs);
  }
  return newest;
}

/** Builds dist/server.js unless it is newer than every server source. */
export async function buildServer(): Promise<void> {
  const sources = Math.max(newestSource(join(ROOT, 'server/src')), statSync(join(ROOT, 'package.json')).mtimeMs);
  if (existsSync(SERVER) && statSync(SERVER).mtimeMs >= sources) return;
  const r = await esbuild.build({
    entryPoints: [ENTRY],
    outfile: SERVER,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    banner: { js: '#!/usr/bin/env node' },
    write: false,
  });
  mkdirSync(dirname(SERVER), { recursive: true });
  // The bundle last, so that a present bundle always has its map.
  const files = [...r.outputFiles].sort((a, b) => (a.path.endsWith('.map') ? -1 : b.path.endsWith('.map') ? 1 : 0));
  for (const f of files) {
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents, { mode: 0o755 });
    renameSync(tmp, f.path);
  }
}

export interface StartOptions {
  /** Declare pull diagnostics (`textDocument.diagnostic`). */
  pull?: boolean;
  /** Declare `workspace.configuration` and answer it with this (per item); absent: not declared. */
  configuration?: unknown;
  initializationOptions?: unknown;
  locale?: string;
  /** Declare versioned `documentChanges` (default true). */
  documentChanges?: boolean;
  /** Declare code action literals (default true). */
  codeActionLiterals?: boolean;
  /** Declare hierarchical document symbols (default true). */
  hierarchicalSymbols?: boolean;
}

interface Waiter {
  uri: string;
  version: number;
  /** Only publications after this many in `published` count. */
  since: number;
  resolve: (d: Diagnostic[]) => void;
}

const TIMEOUT_MS = 10_000;

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly serverRequests: string[] = [];
  readonly applied: WorkspaceEdit[] = [];
  readonly docs = new Map<string, TextDocument>();
  configuration: unknown;
  result!: InitializeResult;
  private waiters: Waiter[] = [];
  private stderr = '';

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: ProtocolConnection,
  ) {}

  static async start(opts: StartOptions = {}): Promise<TestClient> {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const c = new TestClient(proc, conn);
    c.configuration = opts.configuration;
    proc.stderr!.on('data', (d) => (c.stderr += d));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      c.published.push(p);
      const index = c.published.length - 1;
      c.waiters = c.waiters.filter((w) => {
        if (w.uri !== p.uri || w.version !== p.version || index < w.since) return true;
        w.resolve(p.diagnostics);
        return false;
      });
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => void c.logs.push(p.message));
    conn.onNotification('window/showMessage', (p: { message: string }) => void c.logs.push(`showMessage: ${p.message}`));
    // Every request the server makes of the client (the star handler: typed on the jsonrpc connection).
    (conn as unknown as MessageConnection).onRequest((method: string, params: unknown) => {
      c.serverRequests.push(method);
      if (method === 'workspace/configuration') return ((params as { items: unknown[] }).items ?? []).map(() => c.configuration ?? null);
      if (method === 'workspace/applyEdit') {
        const edit = (params as { edit: WorkspaceEdit }).edit;
        c.applied.push(edit);
        c.applyEdit(edit, true);
        return { applied: true };
      }
      return null;
    });
    conn.listen();
    const capabilities: ClientCapabilities = {
      general: { positionEncodings: ['utf-16'] },
      workspace: {
        configuration: opts.configuration !== undefined,
        workspaceEdit: { documentChanges: opts.documentChanges ?? true },
        applyEdit: true,
        diagnostics: { refreshSupport: true },
        inlayHint: { refreshSupport: true },
        codeLens: { refreshSupport: true },
      },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, dataSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: opts.hierarchicalSymbols ?? true },
        codeAction:
          opts.codeActionLiterals === false
            ? {}
            : { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
        foldingRange: {},
        inlayHint: {},
        codeLens: {},
        ...(opts.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
    };
    c.result = await c.within(
      conn.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities,
        ...(opts.locale ? { locale: opts.locale } : {}),
        ...(opts.initializationOptions !== undefined ? { initializationOptions: opts.initializationOptions } : {}),
      }),
      'initialize',
    );
    await conn.sendNotification('initialized', {});
    return c;
  }

  /** Fails (rather than hangs) when the server does not answer in time; says what it logged. */
  within<T>(p: Promise<T>, what: string): Promise<T> {
    let timer: ReturnType<typeof setTimeout>;
    return Promise.race([
      p.finally(() => clearTimeout(timer)),
      new Promise<T>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: no answer in ${TIMEOUT_MS} ms; server log: ${this.logs.join(' | ')} ${this.stderr}`)), TIMEOUT_MS);
      }),
    ]);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.within(this.conn.sendRequest(method, params) as Promise<R>, method);
  }

  /**
   * Resolves with the diagnostics the server publishes for exactly this version (only those
   * published after the first `since` publications, to wait for a re-publication).
   */
  diagnosticsOf(uri: string, version: number, since = 0): Promise<Diagnostic[]> {
    const got = this.published.find((p, i) => i >= since && p.uri === uri && p.version === version);
    if (got) return Promise.resolve(got.diagnostics);
    return this.within(new Promise<Diagnostic[]>((resolve) => this.waiters.push({ uri, version, since, resolve })), `diagnostics of ${uri} version ${version}`);
  }

  async open(uri: string, text: string, languageId = 'disclosure-report'): Promise<number> {
    this.docs.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return 1;
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  version(uri: string): number {
    return this.docs.get(uri)!.version;
  }

  /** Sends incremental changes (applied in order) and returns the new version. */
  async change(uri: string, changes: { range?: TextEdit['range']; text: string }[]): Promise<number> {
    const doc = this.docs.get(uri)!;
    const version = doc.version + 1;
    this.docs.set(uri, TextDocument.update(doc, changes.map((c) => (c.range ? { range: c.range, text: c.text } : { text: c.text })), version));
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Replaces `[line, from, to)` with `text` (one incremental change). */
  replace(uri: string, line: number, from: number, to: number, text: string): Promise<number> {
    return this.change(uri, [{ range: { start: { line, character: from }, end: { line, character: to } }, text }]);
  }

  /**
   * The text a workspace edit makes of this client's copy (checking the version of versioned
   * edits, as an editor does). With `send`, the edit is made: the copy changes and the server is
   * told with a didChange, as an editor would.
   */
  applyEdit(edit: WorkspaceEdit, send = false): string {
    const perUri: [string, TextEdit[], number | null | undefined][] = [];
    for (const dc of edit.documentChanges ?? []) {
      if (!('textDocument' in dc)) throw new Error('unexpected resource operation');
      perUri.push([dc.textDocument.uri, dc.edits as TextEdit[], dc.textDocument.version]);
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) perUri.push([uri, edits, undefined]);
    let out = '';
    for (const [uri, edits, version] of perUri) {
      const doc = this.docs.get(uri);
      if (!doc) throw new Error(`edit for a document that is not open: ${uri}`);
      if (version !== undefined && version !== null && version !== doc.version) throw new Error(`edit for version ${version}, document is at ${doc.version}`);
      out = TextDocument.applyEdits(doc, edits);
      if (send) {
        // Back to front, so each change's positions are still those of the text it applies to.
        const sorted = edits.slice().sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
        void this.change(uri, sorted.map((e) => ({ range: e.range, text: e.newText })));
      }
    }
    return out;
  }

  async stop(): Promise<void> {
    try {
      await this.within(this.conn.sendRequest('shutdown'), 'shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      // the process is ended below either way
    }
    const exited = this.proc.exitCode !== null ? Promise.resolve() : new Promise<void>((r) => this.proc.once('exit', () => r()));
    const timer = setTimeout(() => this.proc.kill(), 2000);
    await exited;
    clearTimeout(timer);
    this.conn.dispose();
  }

  get serverLog(): string {
    return `${this.logs.join('\n')}\n${this.stderr}`;
  }
}
