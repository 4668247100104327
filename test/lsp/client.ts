// The one LSP client of the tests and the bench. `LspClient` is the wire: a server process over
// stdio, Content-Length frames written as given (so abuse tests can send broken ones), requests
// answered as whole JSON-RPC responses, notifications to listeners, and answers to the server's
// own requests. `TestClient` stands on it for the protocol tests: it declares capabilities, keeps
// its own copy of each open document, applies the server's edits, waits for the diagnostics of a
// version, and turns error responses into rejections. bench/run.mjs gets `LspClient` through its
// bundle (bench/lib.ts), so the real server and the floor server are driven by the same code.
// Building dist/server.js for the tests is test/lsp/build.ts.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClientCapabilities, Diagnostic, InitializeResult, PublishDiagnosticsParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';

// (No __dirname in the bench's ES module bundle, which never starts a TestClient.)
export const ROOT = typeof __dirname === 'string' ? resolve(__dirname, '../..') : process.cwd();
export const SERVER = join(ROOT, 'dist/server.js');

// ---- the wire ---------------------------------------------------------------------------------

export interface RpcResponse {
  jsonrpc: '2.0';
  id: number | string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  result?: any;
  error?: { code: number; message: string; data?: unknown };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RpcMessage = any;

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export interface LspClientOptions {
  /** What `workspace/configuration` is answered with (per item, by section), and pushed after initialize. */
  settings?: object;
  env?: NodeJS.ProcessEnv;
}

/**
 * JSON-RPC over some transport: requests answered as whole responses, notifications to
 * listeners, and answers to the server's own requests. `LspClient` is it over a server process's
 * stdio; test/lsp/web-worker.test.ts has it over a web worker's messages in a browser page.
 */
export abstract class RpcWire {
  settings: object = {};
  stderr = '';
  exited: Exit | null = null;
  /** Every notification from the server (and every message no request is waiting for). */
  readonly listeners = new Set<(msg: RpcMessage) => void>();
  /** The methods of the requests the server made, in order. */
  readonly serverRequests: string[] = [];
  /** Answers a server request (default: configuration from `settings`, null otherwise). */
  answer: (method: string, params: RpcMessage) => unknown = (method, params) => this.defaultAnswer(method, params);
  private nextId = 1;
  protected readonly pending = new Map<number | string, { resolve: (r: RpcResponse) => void; reject: (e: Error) => void; method: string }>();

  /** Sends one message. */
  abstract send(obj: object): void;
  /** shutdown + exit, then waits for the server to end. */
  abstract shutdown(timeoutMs?: number): Promise<Exit>;

  protected dispatch(msg: RpcMessage): void {
    if (msg.method && msg.id !== undefined) {
      this.serverRequests.push(msg.method);
      let result: unknown = null;
      try {
        result = this.answer(msg.method, msg.params);
      } catch {
        result = null;
      }
      this.send({ jsonrpc: '2.0', id: msg.id, result: result ?? null });
      return;
    }
    if (msg.id !== undefined && (msg.result !== undefined || msg.error !== undefined)) {
      const p = this.pending.get(msg.id);
      if (p) {
        this.pending.delete(msg.id);
        p.resolve(msg);
        return;
      }
    }
    for (const l of [...this.listeners]) l(msg);
  }

  private defaultAnswer(method: string, params: RpcMessage): unknown {
    if (method !== 'workspace/configuration') return null;
    return ((params?.items ?? []) as { section?: string }[]).map((it) => {
      if (!it.section) return this.settings;
      let v: RpcMessage = this.settings;
      for (const k of it.section.split('.')) v = v?.[k];
      return v ?? null;
    });
  }

  /** Resolves with the whole response message ({result} or {error}). */
  request(method: string, params: unknown): Promise<RpcResponse> {
    return this.requestWithId(this.nextId++, method, params);
  }

  /** A request that can be cancelled (`$/cancelRequest`). */
  cancellable(method: string, params: unknown): { response: Promise<RpcResponse>; cancel(): void } {
    const id = this.nextId++;
    return { response: this.requestWithId(id, method, params), cancel: () => this.notify('$/cancelRequest', { id }) };
  }

  requestWithId(id: number | string, method: string, params: unknown): Promise<RpcResponse> {
    const p = new Promise<RpcResponse>((resolve, reject) => this.pending.set(id, { resolve, reject, method }));
    this.send({ jsonrpc: '2.0', id, method, params });
    return p;
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** The next notification that `pred` accepts (register before sending what causes it). */
  waitFor(pred: (msg: RpcMessage) => boolean, timeoutMs = 30000, what = 'notification'): Promise<RpcMessage> {
    return new Promise((resolve, reject) => {
      const l = (msg: RpcMessage) => {
        if (!pred(msg)) return;
        clearTimeout(timer);
        this.listeners.delete(l);
        resolve(msg);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(l);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.listeners.add(l);
    });
  }

  /** initialize + initialized with a small capability set (+ the settings pushed by didChangeConfiguration). */
  async initialize({ pull = false }: { pull?: boolean } = {}): Promise<InitializeResult> {
    const res = await this.request('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          synchronization: { didSave: false, dynamicRegistration: false },
          publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
          ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
        },
        general: { positionEncodings: ['utf-16'] },
      },
    });
    if (res.error) throw new Error(`initialize failed: ${JSON.stringify(res.error)}`);
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', { settings: this.settings });
    return res.result;
  }
}

export class LspClient extends RpcWire {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly exitPromise: Promise<Exit>;
  private buf: Buffer = Buffer.alloc(0);

  constructor(command: string, args: string[], opts: LspClientOptions = {}) {
    super();
    this.settings = opts.settings ?? {};
    this.proc = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: opts.env ?? process.env });
    this.proc.stdout.on('data', (d: Buffer) => this.onData(d));
    this.proc.stderr.on('data', (d) => (this.stderr += d));
    this.proc.stdin.on('error', () => {
      /* the server went away; callers see `exited` */
    });
    this.exitPromise = new Promise((resolve) => {
      this.proc.on('exit', (code, signal) => {
        this.exited = { code, signal };
        for (const p of this.pending.values()) p.reject(new Error(`server exited (${code ?? signal}) before answering ${p.method}`));
        this.pending.clear();
        resolve(this.exited);
      });
    });
  }

  get pid(): number {
    return this.proc.pid!;
  }

  private onData(d: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
    for (;;) {
      const headerEnd = this.buf.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buf.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length: *(\d+)/i.exec(header);
      if (!m) throw new Error(`bad header from server: ${header}`);
      const len = Number(m[1]);
      if (this.buf.length < headerEnd + 4 + len) return;
      const body = this.buf.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8');
      this.buf = this.buf.subarray(headerEnd + 4 + len);
      this.dispatch(JSON.parse(body));
    }
  }

  send(obj: object): void {
    const body = Buffer.from(JSON.stringify(obj), 'utf8');
    this.writeRaw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  /** Bytes as they are: broken frames included. */
  writeRaw(bytes: Buffer): void {
    if (this.exited || this.proc.stdin.destroyed) return;
    this.proc.stdin.write(bytes);
  }

  /** shutdown + exit, then waits for the process (killed if it lingers). */
  async shutdown(timeoutMs = 5000): Promise<Exit> {
    if (this.exited) return this.exited;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => (timer = setTimeout(r, timeoutMs)))]);
      this.notify('exit', null);
    } catch {
      /* already gone */
    } finally {
      clearTimeout(timer);
    }
    const kill = setTimeout(() => this.proc.kill('SIGKILL'), timeoutMs);
    const r = await this.exitPromise;
    clearTimeout(kill);
    return r;
  }

  kill(): Promise<Exit> {
    if (!this.exited) this.proc.kill('SIGKILL');
    return this.exitPromise;
  }
}

export const isDiagnosticsFor = (uri: string, version?: number) => (m: RpcMessage) =>
  m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && (version === undefined || m.params.version === version);

// ---- the protocol tests' client -------------------------------------------------------------------

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
  /** Workspace folders (URIs) for initialize (the first is also rootUri); absent: none. */
  workspaceFolders?: string[];
  /** The server to talk to (default: dist/server.js over stdio). */
  wire?: () => RpcWire;
  /** Answers the server's other requests (undefined: not this one; then null). */
  answer?: (method: string, params: RpcMessage) => unknown;
  /** More client capabilities, merged over the defaults section by section (`workspace`, `window`). */
  capabilities?: { workspace?: ClientCapabilities['workspace']; window?: ClientCapabilities['window'] };
}

/** An error response, as a rejection: `code`, `message` and `data` as the server sent them. */
export class ResponseError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
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
  readonly applied: WorkspaceEdit[] = [];
  /** Every request the server sent, with its params, in order. */
  readonly requestsFromServer: { method: string; params: unknown }[] = [];
  private requestWaiters: { method: string; resolve: (params: unknown) => void }[] = [];
  readonly docs = new Map<string, TextDocument>();
  configuration: unknown;
  result!: InitializeResult;
  private waiters: Waiter[] = [];

  private constructor(readonly wire: RpcWire) {}

  get serverRequests(): string[] {
    return this.wire.serverRequests;
  }

  static async start(opts: StartOptions = {}): Promise<TestClient> {
    const c = new TestClient(opts.wire?.() ?? new LspClient(process.execPath, [SERVER, '--stdio']));
    c.configuration = opts.configuration;
    c.wire.listeners.add((m) => {
      if (m.method === 'textDocument/publishDiagnostics') c.onPublish(m.params);
      else if (m.method === 'window/logMessage') c.logs.push(m.params.message);
      else if (m.method === 'window/showMessage') c.logs.push(`showMessage: ${m.params.message}`);
    });
    c.wire.answer = (method, params) => {
      c.requestsFromServer.push({ method, params });
      c.requestWaiters = c.requestWaiters.filter((w) => (w.method === method ? (w.resolve(params), false) : true));
      if (method === 'workspace/configuration') return ((params?.items ?? []) as unknown[]).map(() => c.configuration ?? null);
      if (opts.answer) {
        const r = opts.answer(method, params);
        if (r !== undefined) return r;
      }
      if (method === 'workspace/applyEdit') {
        const edit = params.edit as WorkspaceEdit;
        c.applied.push(edit);
        c.applyEdit(edit, true);
        return { applied: true };
      }
      return null;
    };
    const capabilities: ClientCapabilities = {
      general: { positionEncodings: ['utf-16'] },
      workspace: {
        configuration: opts.configuration !== undefined,
        workspaceEdit: { documentChanges: opts.documentChanges ?? true },
        applyEdit: true,
        diagnostics: { refreshSupport: true },
        inlayHint: { refreshSupport: true },
        codeLens: { refreshSupport: true },
        ...opts.capabilities?.workspace,
      },
      ...(opts.capabilities?.window ? { window: opts.capabilities.window } : {}),
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
    c.result = await c.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: opts.workspaceFolders?.[0] ?? null,
      ...(opts.workspaceFolders ? { workspaceFolders: opts.workspaceFolders.map((uri, i) => ({ uri, name: `folder${i}` })) } : {}),
      capabilities,
      ...(opts.locale ? { locale: opts.locale } : {}),
      ...(opts.initializationOptions !== undefined ? { initializationOptions: opts.initializationOptions } : {}),
    });
    c.notify('initialized', {});
    return c;
  }

  private onPublish(p: PublishDiagnosticsParams): void {
    this.published.push(p);
    const index = this.published.length - 1;
    this.waiters = this.waiters.filter((w) => {
      if (w.uri !== p.uri || w.version !== p.version || index < w.since) return true;
      w.resolve(p.diagnostics);
      return false;
    });
  }

  /** The params of the first request `method` the server sent or sends. */
  serverRequest(method: string): Promise<unknown> {
    const got = this.requestsFromServer.find((r) => r.method === method);
    if (got) return Promise.resolve(got.params);
    return this.within(new Promise((resolve) => this.requestWaiters.push({ method, resolve })), `a ${method} request from the server`);
  }

  /** Fails (rather than hangs) when the server does not answer in time; says what it logged. */
  within<T>(p: Promise<T>, what: string): Promise<T> {
    let timer: ReturnType<typeof setTimeout>;
    return Promise.race([
      p.finally(() => clearTimeout(timer)),
      new Promise<T>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: no answer in ${TIMEOUT_MS} ms; server log: ${this.serverLog}`)), TIMEOUT_MS);
      }),
    ]);
  }

  private static unwrap<R>(r: RpcResponse): R {
    if (r.error) throw new ResponseError(r.error.code, r.error.message, r.error.data);
    return r.result as R;
  }

  /** The result of a request; an error response rejects with a ResponseError. */
  request<R>(method: string, params: unknown): Promise<R> {
    return this.within(this.wire.request(method, params), method).then((r) => TestClient.unwrap<R>(r));
  }

  /** A request and a way to cancel it. */
  cancellable<R>(method: string, params: unknown): { response: Promise<R>; cancel(): void } {
    const { response, cancel } = this.wire.cancellable(method, params);
    return { response: this.within(response, method).then((r) => TestClient.unwrap<R>(r)), cancel };
  }

  notify(method: string, params: unknown): void {
    this.wire.notify(method, params);
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

  /** The first publication for `uri`, of any version, after the first `since` publications, that satisfies `pred`. */
  nextPublish(uri: string, since: number, pred: (d: Diagnostic[]) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    const found = this.published.find((p, i) => i >= since && p.uri === uri && pred(p.diagnostics));
    if (found) return Promise.resolve(found);
    return this.within(
      new Promise((resolve) => {
        const l = (m: RpcMessage) => {
          if (m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && pred(m.params.diagnostics)) {
            this.wire.listeners.delete(l);
            resolve(m.params);
          }
        };
        this.wire.listeners.add(l);
      }),
      `a publication for ${uri}`,
    );
  }

  async open(uri: string, text: string, languageId = 'disclosure-report'): Promise<number> {
    this.docs.set(uri, TextDocument.create(uri, languageId, 1, text));
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
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
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
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
    await this.wire.shutdown(2000);
  }

  get serverLog(): string {
    return `${this.logs.join('\n')}\n${this.wire.stderr}`;
  }
}
