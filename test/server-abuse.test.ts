// The language server (dist/server.js --stdio) under abuse, through a bare JSON-RPC client:
//   - 10,000 random incremental edits (inserts, deletes, pastes, several changes in one
//     notification, whole-text replacements, undo-like reversals), sent in bursts, some labelled
//     with stale (lower) version numbers. Every diagnostics notification must carry exactly what
//     the core's analyzeText finds in the text of the version it names, and none may arrive for
//     a change older than one already answered; at checkpoints and at the end the server must
//     answer for the latest version.
//   - The same with pull diagnostics: a pull answers for the version current when it arrived, or
//     is cancelled (ServerCancelled) when a change overtook it — never with another version's.
//   - Malformed JSON, non-messages, unknown and malformed requests: an LSP error response where
//     there is a request to answer, and the server keeps serving.
//   - The client vanishing mid-request, its read end closed, its process gone: the server exits
//     (LSP exit semantics) within seconds, without a crash trace.
// Bounded: well under 60 s.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText } from '../server/src/core/index.ts';
import { LspClient } from './lsp/client.ts';
import { composeReport, LAYOUTS } from './helpers/compose.mjs';
import { choose, int, randomData, reportOfSize, rng } from '../bench/gen.ts';
import { buildServer } from './lsp/build.ts';

const ROOT = resolve(__dirname, '..');
const SERVER = join(ROOT, 'dist/server.js');
const EDITS = Number(process.env.FUZZ_RUNS) > 0 ? Math.max(10000, Number(process.env.FUZZ_RUNS)) : 10000;
const TRACE = /\n\s+at .+:\d+:\d+|Unhandled|uncaught|FATAL/i;

before(async () => {
  // Built from the sources when they are newer (lsp/build.ts): a stale bundle would test old code.
  await buildServer();
  assert.ok(existsSync(SERVER), 'dist/server.js could not be built');
});

interface LspRange { start: { line: number; character: number }; end: { line: number; character: number } }
interface Change { range?: LspRange; text: string }
interface LspDiag { code?: string | number; range: LspRange }

const rangeKey = (r: LspRange) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
const coreKeys = (text: string) => analyzeText(text).diagnostics.map((d) => `${d.rule}@${rangeKey(d.range)}`).sort();
const lspKeys = (ds: LspDiag[]) => ds.map((d) => `${d.code}@${rangeKey(d.range)}`).sort();

function diffKeys(got: string[], want: string[]): string {
  const g = new Set(got);
  const w = new Set(want);
  const extra = got.filter((k) => !w.has(k)).slice(0, 5);
  const missing = want.filter((k) => !g.has(k)).slice(0, 5);
  return `server ${got.length}, core ${want.length}; only server: ${extra.join(', ') || '—'}; only core: ${missing.join(', ') || '—'}`;
}

// ---------------------------------------------------------------------------------------------
// The edit generator: works on a TextDocument (LSP's own position rules, `\r\n` as one line end).

const PIECES = ['1', '7', '23', '0', ' | ', '|', '\t', ' ', '\n', '\r\n', '—', '１２', '总计', '自然人', '（七）总计', '行政复议', '结果维持', '。', '2024年', '政府信息公开'];

class Editor {
  doc: TextDocument;
  private undo: Change[][] = [];
  private r: () => number;
  private chunks: string[];

  constructor(text: string, seed: number) {
    this.doc = TextDocument.create('file:///x', 'disclosure-report', 0, text);
    this.r = rng(seed);
    const lines = LAYOUTS.flatMap((l) => composeReport(randomData(rng(seed + 1)), l).split('\n'));
    this.chunks = Array.from({ length: 40 }, () => {
      const from = int(this.r, 0, lines.length - 20);
      return lines.slice(from, from + int(this.r, 1, 15)).join('\n') + '\n';
    });
  }

  get text() {
    return this.doc.getText();
  }

  /** A valid position at about `offset` (never between `\r` and `\n`). */
  private pos(offset: number) {
    return this.doc.positionAt(Math.max(0, Math.min(offset, this.text.length)));
  }

  private randomChange(): Change {
    const r = this.r;
    const len = this.text.length;
    const at = int(r, 0, len);
    const kind = len > 40000 ? choose(r, ['delete', 'deleteLines', 'replace']) : len < 3000 ? 'paste' : choose(r, ['insert', 'insert', 'delete', 'replace', 'paste', 'deleteLines', 'typeNumber']);
    const start = this.pos(at);
    switch (kind) {
      case 'insert':
        return { range: { start, end: start }, text: Array.from({ length: int(r, 1, 3) }, () => choose(r, PIECES)).join('') };
      case 'typeNumber': {
        // Retype a number somewhere: the most common edit of a real user.
        const m = /\d+/g;
        m.lastIndex = at;
        const hit = m.exec(this.text) ?? /\d+/.exec(this.text);
        if (!hit) return { range: { start, end: start }, text: '1' };
        return { range: { start: this.pos(hit.index), end: this.pos(hit.index + hit[0].length) }, text: String(int(r, 0, 99)) };
      }
      case 'delete':
        return { range: { start, end: this.pos(at + int(r, 1, 40)) }, text: '' };
      case 'replace':
        return { range: { start, end: this.pos(at + int(r, 1, 20)) }, text: choose(r, PIECES) };
      case 'paste': {
        const line = this.pos(at).line;
        const p = { line, character: 0 };
        return { range: { start: p, end: p }, text: choose(r, this.chunks) };
      }
      default: {
        const a = this.pos(at).line;
        const b = Math.min(this.doc.lineCount - 1, a + int(r, 1, 12));
        return { range: { start: { line: a, character: 0 }, end: { line: b, character: 0 } }, text: '' };
      }
    }
  }

  /** Applies `changes` here, and returns them (with an undo entry recorded when one can be). */
  private applyAll(changes: Change[], record: boolean): Change[] {
    const inverse: Change[] = [];
    let ok = record;
    for (const c of changes) {
      if (!c.range) {
        inverse.unshift({ text: this.text });
        this.doc = TextDocument.update(this.doc, [c], this.doc.version + 1);
        continue;
      }
      const s = this.doc.offsetAt(c.range.start);
      const old = this.doc.getText(c.range);
      this.doc = TextDocument.update(this.doc, [c], this.doc.version + 1);
      const ps = this.doc.positionAt(s);
      const pe = this.doc.positionAt(s + c.text.length);
      // An undo is only recorded where its positions name the same offsets again (not inside `\r\n`).
      if (this.doc.offsetAt(ps) !== s || this.doc.offsetAt(pe) !== s + c.text.length) ok = false;
      inverse.unshift({ range: { start: ps, end: pe }, text: old });
    }
    if (ok) this.undo.push(inverse);
    return changes;
  }

  /** The next didChange's content changes (applied here already). */
  next(): Change[] {
    const r = this.r;
    const x = r();
    if (x < 0.15 && this.undo.length) return this.applyAll(this.undo.pop()!, false);
    if (x < 0.155) {
      // A whole-text replacement, as some clients send on reload.
      const t = this.text.length > 20000 ? reportOfSize(randomData(r), choose(r, LAYOUTS), 8000, r) : this.text + '\n' + choose(r, this.chunks);
      return this.applyAll([{ text: t }], true);
    }
    // Mostly one change; sometimes two or three in one notification (then not undoable as a unit).
    const n = x < 0.25 ? int(r, 2, 3) : 1;
    const changes: Change[] = [];
    for (let i = 0; i < n; i++) changes.push(...this.applyAll([this.randomChange()], n === 1));
    return changes;
  }
}

/**
 * The text after each version label, without keeping 10,000 copies: the changes of each label,
 * with a snapshot every 100 labels to replay from.
 */
class History {
  private entries: { label: number; changes: Change[] }[] = [];
  private index = new Map<number, number>();
  private snapshots = new Map<number, string>();

  constructor(private initial: string, initialLabel: number) {
    this.index.set(initialLabel, -1);
  }

  add(label: number, changes: Change[], textAfter: string) {
    assert.ok(!this.index.has(label), `label ${label} used twice`);
    this.entries.push({ label, changes });
    const i = this.entries.length - 1;
    this.index.set(label, i);
    if (i % 100 === 99) this.snapshots.set(i, textAfter);
  }

  has(label: number) {
    return this.index.has(label);
  }
  order(label: number) {
    return this.index.get(label)!;
  }

  textOf(label: number): string {
    const i = this.index.get(label);
    assert.ok(i !== undefined, `unknown label ${label}`);
    if (i === -1) return this.initial;
    const snap = Math.floor((i + 1) / 100) * 100 - 1;
    let doc = TextDocument.create('file:///h', 'x', 0, snap >= 0 ? this.snapshots.get(snap)! : this.initial);
    for (let k = snap + 1; k <= i; k++) doc = TextDocument.update(doc, this.entries[k].changes, doc.version + 1);
    return doc.getText();
  }
}


// ---------------------------------------------------------------------------------------------

describe('10,000 edits', () => {
  const pushRun = (edits: number, settings: object | undefined, seed: number) => async (t: { diagnostic(s: string): void }) => {
    const start = reportOfSize(randomData(rng(77)), 'pipe', 10240);
    const c = new LspClient(process.execPath, [SERVER, '--stdio'], { settings });
    try {
      await c.initialize();
      const uri = 'file:///abuse/push.report.txt';
      const ed = new Editor(start, seed);
      const h = new History(start, 1);
      const problems: string[] = [];
      let lastOrder = -2;
      let publishes = 0;
      const waiters = new Map<number, () => void>();
      const seen = new Set<number>();
      c.listeners.add((m: any) => {
        if (m.method !== 'textDocument/publishDiagnostics' || m.params.uri !== uri) return;
        publishes++;
        const label = m.params.version;
        if (typeof label !== 'number' || !h.has(label)) {
          problems.push(`a publish for version ${label}, which was never sent`);
          return;
        }
        const order = h.order(label);
        if (order < lastOrder) problems.push(`a publish for version ${label} after one for a later change`);
        lastOrder = Math.max(lastOrder, order);
        const got = lspKeys(m.params.diagnostics);
        const want = coreKeys(h.textOf(label));
        if (got.join('\n') !== want.join('\n')) problems.push(`version ${label}: ${diffKeys(got, want)}`);
        seen.add(label);
        waiters.get(label)?.();
      });
      // A guard against a hang, not a speed test: on a loaded 2-core machine checking each of 500
      // publishes against analyzeText here takes 25 s (bench b measures the latency).
      const waitFor = (label: number, ms = 180_000) =>
        seen.has(label)
          ? Promise.resolve()
          : new Promise<void>((res, rej) => {
              const timer = setTimeout(() => rej(new Error(`no diagnostics for version ${label} within ${ms} ms (${publishes} publishes, the last for ${[...seen].slice(-3).join(', ')})`)), ms);
              waiters.set(label, () => { clearTimeout(timer); waiters.delete(label); res(); });
            });

      c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'disclosure-report', version: 1, text: start } });
      await waitFor(1);
      const r = rng(99);
      const usedStale = new Set<number>();
      let sent = 0;
      let label = 1;
      let checkpoints = 0;
      const t0 = performance.now();
      while (sent < edits) {
        const burst = Math.min(edits - sent, int(r, 1, 250));
        for (let i = 0; i < burst; i++) {
          const changes = ed.next();
          sent++;
          label = 10 * (sent + 1);
          if (r() < 0.02 && sent > 10) {
            // A stale label: lower than the last one, never used before.
            const j = int(r, 1, sent - 1);
            if (!usedStale.has(j)) { usedStale.add(j); label = 10 * j + 5; }
          }
          h.add(label, changes, ed.text);
          c.notify('textDocument/didChange', { textDocument: { uri, version: label }, contentChanges: changes });
        }
        if (sent % 1000 < burst || sent === edits) {
          // A checkpoint: the latest version must be answered, and rightly.
          await waitFor(label);
          checkpoints++;
        } else {
          await new Promise((res) => setTimeout(res, int(r, 0, 120)));
        }
      }
      assert.ok(seen.has(label));
      assert.deepEqual(coreKeys(ed.text), coreKeys(h.textOf(label)), 'the history replays to the editor’s text');
      t.diagnostic(`${sent} edits (${usedStale.size} with stale labels), ${publishes} publishes checked against analyzeText, ${checkpoints} checkpoints, final text ${ed.text.length} characters, ${(performance.now() - t0).toFixed(0)} ms`);
      assert.deepEqual(problems.slice(0, 10), []);
      assert.equal(c.exited, null, 'the server is still running');
      assert.doesNotMatch(c.stderr, TRACE);
    } finally {
      await c.shutdown();
    }
  };

  test(`push, default settings: ${EDITS} random edits in bursts, stale version labels; every publish matches its version's text`, pushRun(EDITS, undefined, 5));
  test('push, debounceMs 0: 500 random edits, nearly every version published and checked', pushRun(500, { disclosureReport: { debounceMs: 0 } }, 15));

  test('pull: each pull answers for the version current when it arrived, or is cancelled when a change overtakes it', async (t) => {
    const start = reportOfSize(randomData(rng(78)), 'tab', 10240);
    const c = new LspClient(process.execPath, [SERVER, '--stdio'], { settings: { disclosureReport: { debounceMs: 0 } } });
    try {
      await c.initialize({ pull: true });
      const uri = 'file:///abuse/pull.report.txt';
      const ed = new Editor(start, 6);
      c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'disclosure-report', version: 1, text: start } });
      const r = rng(100);
      const pending: Promise<void>[] = [];
      const problems: string[] = [];
      let answered = 0;
      let cancelled = 0;
      let unchanged = 0;
      let lastResultId: string | undefined;
      const N = 1500;
      for (let v = 2; v <= N + 1; v++) {
        const changes = ed.next();
        c.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: changes });
        if (r() < 0.3) {
          const want = coreKeys(ed.text);
          const p = c.request('textDocument/diagnostic', { textDocument: { uri }, ...(r() < 0.3 && lastResultId ? { previousResultId: lastResultId } : {}) }).then((res: any) => {
            if (res.error) {
              if (res.error.code === -32802) cancelled++; // ServerCancelled: a change overtook the pull
              else problems.push(`v${v}: error ${JSON.stringify(res.error)}`);
              return;
            }
            if (res.result.kind === 'unchanged') { unchanged++; return; }
            answered++;
            lastResultId = res.result.resultId;
            const got = lspKeys(res.result.items);
            if (got.join('\n') !== want.join('\n')) problems.push(`pull after v${v}: ${diffKeys(got, want)}`);
          });
          pending.push(p);
          // Sometimes the next change follows at once, racing the pull.
          if (r() < 0.5) await p;
        }
      }
      await Promise.all(pending);
      // Quiet now: the last pull must answer, for the last version.
      const res: any = await c.request('textDocument/diagnostic', { textDocument: { uri } });
      assert.ok(!res.error, JSON.stringify(res.error));
      assert.deepEqual(lspKeys(res.result.items), coreKeys(ed.text));
      t.diagnostic(`${N} edits; pulls: ${answered} answered (all checked), ${unchanged} unchanged, ${cancelled} cancelled by a newer change`);
      assert.deepEqual(problems.slice(0, 10), []);
      assert.ok(!c.serverRequests.includes('textDocument/publishDiagnostics'));
      assert.doesNotMatch(c.stderr, TRACE);
    } finally {
      await c.shutdown();
    }
  });
});

describe('malformed input', () => {
  test('bad JSON, non-messages, unknown and malformed requests: error responses where there is an id, and the server keeps serving', async () => {
    const c = new LspClient(process.execPath, [SERVER, '--stdio'], { settings: { disclosureReport: { debounceMs: 0 } } });
    try {
      await c.initialize();
      const uri = 'file:///abuse/malformed.report.txt';
      const text = composeReport(randomData(rng(5)), 'pipe');
      const frame = (body: string) => Buffer.concat([Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`), Buffer.from(body)]);
      // Not JSON at all; JSON that is no message; a batch; wrong types.
      c.writeRaw(frame('{this is not json'));
      c.writeRaw(frame('[]'));
      c.writeRaw(frame('42'));
      c.writeRaw(frame('{"jsonrpc":"2.0"}'));
      c.writeRaw(frame('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":"nonsense"}'));
      c.writeRaw(frame('{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":5},"contentChanges":7}}'));
      c.writeRaw(frame('{"jsonrpc":"2.0","method":"$/unknownNotification","params":{}}'));
      const unknown: any = await c.request('disclosure/doesNotExist', { x: 1 });
      assert.equal(unknown.error?.code, -32601, JSON.stringify(unknown));
      for (const [method, params] of [
        ['textDocument/hover', {}],
        ['textDocument/hover', { textDocument: { uri }, position: { line: -1, character: 'x' } }],
        ['textDocument/codeAction', { textDocument: { uri }, range: null, context: {} }],
        ['textDocument/diagnostic', { textDocument: 5 }],
        ['textDocument/documentSymbol', null],
        ['workspace/executeCommand', { command: 'disclosureReport.nonsense', arguments: [{}] }],
      ] as const) {
        const res: any = await c.request(method, params);
        assert.ok(res.error, `${method} ${JSON.stringify(params)} answered ${JSON.stringify(res.result)} instead of an error`);
        assert.ok([-32602, -32600, -32603, -32601].includes(res.error.code), `${method}: error ${JSON.stringify(res.error)}`);
      }
      // A request whose id is reused while the first is in flight, and one with a string id.
      const dup = await Promise.all([c.requestWithId('same', 'textDocument/documentSymbol', { textDocument: { uri } }), c.requestWithId('other', 'textDocument/foldingRange', { textDocument: { uri } })]);
      assert.ok(dup.every((x: any) => 'result' in x || 'error' in x));
      // Still serving: open a report, get its diagnostics, hover.
      const got = c.waitFor((m: any) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === 1, 15000);
      c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'disclosure-report', version: 1, text } });
      const p: any = await got;
      assert.deepEqual(lspKeys(p.params.diagnostics), coreKeys(text));
      const hover: any = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 30, character: 20 } });
      assert.ok(!hover.error);
      assert.equal(c.exited, null);
      assert.doesNotMatch(c.stderr, TRACE);
    } finally {
      await c.shutdown();
    }
  });

  test('a header without a length, then a frame with a wrong length: the server does not crash', async () => {
    const c = new LspClient(process.execPath, [SERVER, '--stdio']);
    try {
      await c.initialize();
      c.writeRaw(Buffer.from('Content-Type: application/json\r\n\r\n{}'));
      c.writeRaw(Buffer.from('Content-Length: 3\r\n\r\n{"jsonrpc":"2.0","id":1}'));
      await new Promise((res) => setTimeout(res, 500));
      // A broken frame may leave the stream unsynchronised; what matters is no crash trace, and
      // an exit (if any) by the protocol's rules rather than by an uncaught exception.
      assert.doesNotMatch(c.stderr, TRACE);
      if (c.exited) assert.ok(c.exited.code === 0 || c.exited.code === 1, `exit ${JSON.stringify(c.exited)}`);
    } finally {
      await c.kill();
    }
  });
});

describe('the client goes away', () => {
  const uri = 'file:///abuse/vanish.report.txt';
  const text = reportOfSize(randomData(rng(8)), 'pipe', 10240);

  async function started(opts: { pull?: boolean; processId?: number } = {}) {
    const c = new LspClient(process.execPath, [SERVER, '--stdio'], { settings: { disclosureReport: { debounceMs: 0 } } });
    if (opts.processId !== undefined) {
      const res: any = await c.request('initialize', { processId: opts.processId, rootUri: null, capabilities: {} });
      assert.ok(!res.error);
      c.notify('initialized', {});
    } else await c.initialize({ pull: opts.pull });
    const got = c.waitFor((m: any) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri, 15000).catch(() => undefined);
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'disclosure-report', version: 1, text } });
    if (!opts.pull) await got;
    return c;
  }

  const exitWithin = async (c: LspClient, ms: number) => {
    const timer = setTimeout(() => c.proc.kill('SIGKILL'), ms);
    const ex = await c.exitPromise;
    clearTimeout(timer);
    return ex as { code: number | null; signal: string | null };
  };

  test('both pipes closed in the middle of requests: the server exits (code 0 or 1) without a crash trace', async () => {
    const c = await started({ pull: true });
    for (let i = 0; i < 20; i++) {
      c.notify('textDocument/didChange', { textDocument: { uri, version: 2 + i }, contentChanges: [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: '1 | 2 |\n' }] });
      void c.request('textDocument/diagnostic', { textDocument: { uri } }).catch(() => {});
      void c.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 30, character: 0 }, end: { line: 40, character: 0 } }, context: { diagnostics: [] } }).catch(() => {});
    }
    c.proc.stdin.destroy();
    c.proc.stdout.destroy();
    const ex = await exitWithin(c, 8000);
    assert.notEqual(ex.signal, 'SIGKILL', 'the server did not exit within 8 s of losing its client');
    assert.ok(ex.code === 0 || ex.code === 1, `exit ${JSON.stringify(ex)}`);
    assert.doesNotMatch(c.stderr, TRACE);
  });

  // Once crashed with exit code 7: the uncaughtException handler logged through the closed connection.
  test('the read end closed (EPIPE on every reply), then stdin: no crash trace, and an orderly exit', async () => {
    const c = await started();
    c.proc.stdout.destroy();
    for (let i = 0; i < 20; i++) {
      c.notify('textDocument/didChange', { textDocument: { uri, version: 2 + i }, contentChanges: [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: '7' }] });
      c.send({ jsonrpc: '2.0', id: 1000 + i, method: 'textDocument/documentSymbol', params: { textDocument: { uri } } });
    }
    await new Promise((res) => setTimeout(res, 700));
    c.proc.stdin.end();
    const ex = await exitWithin(c, 8000);
    assert.notEqual(ex.signal, 'SIGKILL', 'the server did not exit within 8 s of losing its client');
    assert.ok(ex.code === 0 || ex.code === 1, `exit ${JSON.stringify(ex)}; stderr: ${c.stderr.slice(0, 500)}`);
    assert.doesNotMatch(c.stderr, TRACE);
  });

  test('the client process named in initialize dies: the server notices and exits', async () => {
    const parent = spawn('sleep', ['1']);
    // Listened for at once: on a loaded machine the server's start takes longer than the second.
    const parentGone = new Promise((res) => parent.on('exit', res));
    const c = await started({ processId: parent.pid! });
    await parentGone;
    const ex = await exitWithin(c, 10000);
    assert.notEqual(ex.signal, 'SIGKILL', 'the server outlived its client process by 10 s');
    assert.doesNotMatch(c.stderr, TRACE);
  });

  test('exit after shutdown is code 0; exit without shutdown is code 1', async () => {
    const a = await started();
    const res: any = await a.request('shutdown', null);
    assert.ok(!res.error);
    a.notify('exit', null);
    assert.equal((await exitWithin(a, 5000)).code, 0);
    const b = await started();
    b.notify('exit', null);
    assert.equal((await exitWithin(b, 5000)).code, 1);
    assert.doesNotMatch(a.stderr + b.stderr, TRACE);
  });
});
