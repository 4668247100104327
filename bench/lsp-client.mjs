// A minimal LSP client over a child's stdio: Content-Length framing, requests with promises,
// notifications to listeners, and answers to the server's own requests (workspace/configuration
// gets the settings given here). The same client drives the real server and the floor server, so
// neither side pays for a different client. Also used by test/server-abuse.test.ts.

import { spawn } from 'node:child_process';

export class LspClient {
  /**
   * @param {string} command
   * @param {string[]} args
   * @param {{ settings?: object, env?: NodeJS.ProcessEnv }} [opts]
   */
  constructor(command, args, opts = {}) {
    this.settings = opts.settings ?? {};
    this.proc = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: opts.env ?? process.env });
    this.nextId = 1;
    /** @type {Map<number|string, {resolve: Function, reject: Function, method: string}>} */
    this.pending = new Map();
    /** @type {Set<(msg: any) => void>} */
    this.listeners = new Set();
    this.stderr = '';
    this.exited = null;
    this.buf = Buffer.alloc(0);
    this.serverRequests = [];
    this.proc.stdout.on('data', (d) => this.onData(d));
    this.proc.stderr.on('data', (d) => { this.stderr += d; });
    this.proc.stdin.on('error', () => { /* the server went away; callers see `exited` */ });
    this.exitPromise = new Promise((resolve) => {
      this.proc.on('exit', (code, signal) => {
        this.exited = { code, signal };
        for (const p of this.pending.values()) p.reject(new Error(`server exited (${code ?? signal}) before answering ${p.method}`));
        this.pending.clear();
        resolve(this.exited);
      });
    });
  }

  get pid() {
    return this.proc.pid;
  }

  onData(d) {
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

  dispatch(msg) {
    if (msg.method && msg.id !== undefined) {
      this.serverRequests.push(msg.method);
      this.answerServer(msg);
      return;
    }
    if (msg.id !== undefined && (msg.result !== undefined || msg.error !== undefined)) {
      const p = this.pending.get(msg.id);
      if (p) {
        this.pending.delete(msg.id);
        p.resolve(msg);
      }
      return;
    }
    for (const l of [...this.listeners]) l(msg);
  }

  answerServer(msg) {
    let result = null;
    if (msg.method === 'workspace/configuration') {
      result = (msg.params?.items ?? []).map((it) => {
        if (!it.section) return this.settings;
        let v = this.settings;
        for (const k of it.section.split('.')) v = v?.[k];
        return v ?? null;
      });
    }
    this.send({ jsonrpc: '2.0', id: msg.id, result });
  }

  send(obj) {
    const body = Buffer.from(JSON.stringify(obj), 'utf8');
    this.writeRaw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  writeRaw(bytes) {
    if (this.exited || this.proc.stdin.destroyed) return;
    this.proc.stdin.write(bytes);
  }

  /** Resolves with the whole response message ({result} or {error}). */
  request(method, params) {
    const id = this.nextId++;
    return this.requestWithId(id, method, params);
  }

  requestWithId(id, method, params) {
    const p = new Promise((resolve, reject) => this.pending.set(id, { resolve, reject, method }));
    this.send({ jsonrpc: '2.0', id, method, params });
    return p;
  }

  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** The next notification that `pred` accepts (listeners are registered before anything is sent, by the caller's order). */
  waitFor(pred, timeoutMs = 30000, what = 'notification') {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(l);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const l = (msg) => {
        if (!pred(msg)) return;
        clearTimeout(timer);
        this.listeners.delete(l);
        resolve(msg);
      };
      this.listeners.add(l);
    });
  }

  /** initialize + initialized (+ the settings pushed by didChangeConfiguration as well). */
  async initialize({ pull = false } = {}) {
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

  async shutdown(timeoutMs = 5000) {
    if (this.exited) return this.exited;
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, timeoutMs))]);
      this.notify('exit', null);
    } catch { /* already gone */ }
    const t = setTimeout(() => this.proc.kill('SIGKILL'), timeoutMs);
    const r = await this.exitPromise;
    clearTimeout(t);
    return r;
  }

  kill() {
    if (!this.exited) this.proc.kill('SIGKILL');
    return this.exitPromise;
  }
}

export const isDiagnosticsFor = (uri, version) => (m) =>
  m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && (version === undefined || m.params.version === version);
