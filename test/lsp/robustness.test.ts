// The server keeps serving: unknown and malformed requests get error responses, strange documents
// and strange edits get diagnostics equal to the core's for the client's text, the seeds and the
// examples agree with the core, and clients with fewer capabilities get what they can use.
// Run: node test/run.mjs test/lsp/robustness.test.ts
import assert from 'node:assert/strict';
import { fork, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { bundleOptions } from '../../esbuild.mjs';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, CodeLens, Command, Diagnostic, DocumentSymbol, Hover, PublishDiagnosticsParams, SymbolInformation } from 'vscode-languageserver-protocol';
import { createProtocolConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-languageserver-protocol/node';
import { analyzeText, applyEdits, fixAll, fullyChecked, splitWithEols, tableCoverage } from '../../server/src/core/index';
import { buildServer } from './build';
import { SERVER, TestClient } from './client';
import { cleanReport, examples, seeds, SEEDS_SKIP, t3Cell } from './fixture';

const clean = cleanReport();

/** What the core says about a text, in the terms the server publishes. */
const core = (text: string) => analyzeText(text).diagnostics.map((d) => ({ code: d.rule, range: d.range }));
const lsp = (ds: Diagnostic[]) => ds.map((d) => ({ code: d.code, range: d.range }));

before(() => buildServer());

describe('the bin', () => {
  test('--version, --help, and no transport is a usage error', () => {
    assert.match(spawnSync(process.execPath, [SERVER, '--version'], { encoding: 'utf8' }).stdout, /^\d+\.\d+\.\d+/);
    assert.match(spawnSync(process.execPath, [SERVER, '--help'], { encoding: 'utf8' }).stdout, /--stdio/);
    const r = spawnSync(process.execPath, [SERVER], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /Usage/);
  });
});

describe('node IPC, as the VS Code client starts it', () => {
  test('initialize with the client’s initializationOptions, open, diagnostics in English, shutdown', async () => {
    const child = fork(SERVER, ['--node-ipc', `--clientProcessId=${process.pid}`], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const conn = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const got = new Promise<PublishDiagnosticsParams>((resolve) => conn.onNotification('textDocument/publishDiagnostics', resolve));
    conn.listen();
    try {
      const init = await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { locale: 'en-US' } });
      assert.ok((init as { capabilities: object }).capabilities);
      await conn.sendNotification('initialized', {});
      // What `synchronize.configurationSection` sends.
      await conn.sendNotification('workspace/didChangeConfiguration', { settings: { disclosureReport: { severity: {}, locale: 'auto', debounceMs: 150 } } });
      const cell = t3Cell(clean.text, 'new', 6);
      const text = clean.text.split('\n').map((l, i) => (i === cell.line ? l.slice(0, cell.start) + '1' + l.slice(cell.end) : l)).join('\n');
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///ipc.txt', languageId: 'disclosure-report', version: 1, text } });
      const p = await got;
      assert.equal(p.version, 1);
      assert.ok(p.diagnostics.some((d) => d.code === 'request-row-total' && /should be/.test(String(d.message))));
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
    } finally {
      await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
      conn.dispose();
    }
  });
});

describe('errors and strange input', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client?.stop());

  test('an unknown request gets MethodNotFound', async () => {
    await assert.rejects(client.request('disclosure/nonsense', {}), (e: { code: number }) => e.code === -32601);
  });

  test('malformed params get InvalidParams, and the server keeps serving', async () => {
    await assert.rejects(client.request('textDocument/hover', {}), (e: { code: number }) => e.code === -32602);
    await assert.rejects(client.request('textDocument/hover', { textDocument: { uri: 'file:///x' }, position: { line: 'a' } }), (e: { code: number }) => e.code === -32602);
    await assert.rejects(client.request('textDocument/codeAction', { textDocument: { uri: 'file:///x' } }), (e: { code: number }) => e.code === -32602);
    // Params by position where LSP names them (what a JSON-RPC library sends for a lone `null`).
    await assert.rejects(client.request('textDocument/inlayHint', [null]), (e: { code: number }) => e.code === -32602);
    await assert.rejects(client.request('workspace/executeCommand', { command: 'nope' }), (e: { code: number }) => e.code === -32602);
    // Notifications with garbage are logged and ignored.
    client.notify('textDocument/didChange', { textDocument: { uri: 'file:///never-opened', version: 3 }, contentChanges: [{ text: 'x' }] });
    client.notify('textDocument/didOpen', {});
    await client.open('file:///ok.txt', clean.text);
    assert.deepEqual(await client.diagnosticsOf('file:///ok.txt', 1), []);
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: 'file:///ok.txt' }, position: { line: t3Cell(clean.text, 'new', 6).line, character: t3Cell(clean.text, 'new', 6).start } });
    assert.ok(h);
  });

  test('requests for a document that is not open answer empty', async () => {
    const uri = 'file:///not-open.txt';
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri } }), []);
  });

  const strange: [string, string][] = [
    ['empty', ''],
    ['line ends only', '\r\r\n\n\r\n\r'],
    ['pipes', '|||\n| | |\n｜｜\n|'],
    ['control characters and lone surrogates', '\u0000\u0001\ud800 | \udc00 | 1 |\n\ufeff三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 1 | 2 |'],
    ['a long line', `${'行政复议 | '.repeat(5000)}\n${'1 | '.repeat(20000)}`],
    ['headings only, CRLF', '一、总体情况\r\n三、收到和处理政府信息公开申请情况\r\n四、行政复议、行政诉讼\r\n'],
    ['the clean report with CR line ends', clean.text.replace(/\n/g, '\r')],
  ];
  for (const [name, text] of strange) {
    test(`strange document: ${name}`, async () => {
      const uri = `file:///strange/${encodeURIComponent(name)}.txt`;
      await client.open(uri, text);
      assert.deepEqual(lsp(await client.diagnosticsOf(uri, 1)), core(text));
      for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/codeLens']) {
        assert.ok(Array.isArray(await client.request(method, { textDocument: { uri } })), method);
      }
    });
  }

  test('strange edits: out-of-range and reversed ranges, line ends split and joined, pasted rows', async () => {
    const uri = 'file:///strange/edits.txt';
    await client.open(uri, clean.text.replace(/\n/g, '\r\n'));
    const cell = t3Cell(clean.text, 'total', 3);
    const edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[] = [
      { range: { start: { line: 2, character: 9999 }, end: { line: 2, character: 9999 } }, text: '\r' },
      { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '\n' },
      { range: { start: { line: cell.line + 2, character: cell.end }, end: { line: cell.line + 2, character: cell.start } }, text: '7' },
      { range: { start: { line: 9999, character: 0 }, end: { line: 99999, character: 5 } }, text: '\r\n尾注 | 1 |' },
      { range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, text: '（一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\r\n' },
      { range: { start: { line: 5, character: 2 }, end: { line: 1, character: 1 } }, text: '' },
    ];
    for (const e of edits) {
      const v = await client.change(uri, [e]);
      assert.deepEqual(lsp(await client.diagnosticsOf(uri, v)), core(client.text(uri)), `after ${JSON.stringify(e)}`);
    }
    // A burst of changes in one notification, then the whole text replaced.
    const v1 = await client.change(uri, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x\ry\r\n' },
      { range: { start: { line: 1, character: 0 }, end: { line: 2, character: 1 } }, text: '' },
    ]);
    assert.deepEqual(lsp(await client.diagnosticsOf(uri, v1)), core(client.text(uri)));
    const v2 = await client.change(uri, [{ text: clean.text }]);
    assert.deepEqual(await client.diagnosticsOf(uri, v2), []);
    // The server's two copies (text and model) never disagreed.
    assert.doesNotMatch(client.serverLog, /rebuilding/);
  });
});

describe('the seeds and the examples agree with the core', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client?.stop());

  const check = async (name: string, text: string) => {
    const uri = `file:///corpus/${name.replace(/\//g, '_')}`;
    await client.open(uri, text);
    assert.deepEqual(lsp(await client.diagnosticsOf(uri, 1)), core(text));
    const a = analyzeText(text);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.filter((s) => s.children).length, a.sections.length);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    // A verdict above each table 三 and 四; above table 二 only where something of it was not read.
    assert.equal(lenses.filter((l) => !l.command?.command).length, a.tables.filter((t) => t.kind !== 't2' || !fullyChecked(tableCoverage(t, a.format, a.tables))).length);
    // Fix-all makes exactly the core's fix-all edits (the recompute and the wording, digit and placeholder fixes).
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    const fixed = applyEdits(text, fixAll(a, splitWithEols(text)[0], a.diagnostics).edits);
    if (fixed === text) assert.deepEqual(actions, []);
    else assert.equal(client.applyEdit(actions[0].edit!), fixed);
  };

  test('seeds', { skip: SEEDS_SKIP }, async () => {
    const all = seeds();
    assert.ok(all.length > 0);
    for (const s of all) await check(`seed-${s.name}`, s.text);
  });
  if (SEEDS_SKIP) console.log(`# ${SEEDS_SKIP}`);

  test('examples (or the composed report)', async () => {
    const all = examples();
    for (const e of all.length ? all : [clean]) await check(e.name, e.text);
  });

  test('the same diagnostics as `disclosure-report check --format json`', async () => {
    // The CLI bundled from its entry into a private directory (no race with other test files).
    const dir = mkdtempSync(join(tmpdir(), 'dr-lsp-cli-'));
    const cli = join(dir, 'cli.js');
    await esbuild.build({ ...bundleOptions('cli'), outfile: cli });
    const files = [...examples(), ...seeds().map((x) => ({ ...x, name: `seed-${x.name}` }))];
    // And one mistyped input cell: the suspect on both sides.
    files.push({ name: 'typo', text: clean.text.replace('一、本年新收政府信息公开申请数量 | 12 |', '一、本年新收政府信息公开申请数量 | 11 |') });
    if (!files.length) files.push(clean);
    const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];
    after(() => rmSync(dir, { recursive: true, force: true }));
    for (const [i, f] of files.entries()) {
      const path = join(dir, `${i}.txt`);
      writeFileSync(path, f.text);
      const out = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--locale', 'zh-CN', path], { encoding: 'utf8' });
      // The server's `data` carries only the version (the message holds expected and actual); the
      // CLI's `related` (path, range, cell) of the rules beyond the arithmetic is the server's
      // relatedInformation (uri, range).
      const cliAll: Record<string, unknown>[] & { related?: { range: unknown }[] }[] = JSON.parse(out.stdout).files[0].diagnostics;
      const fromCli = cliAll.map((d) => ({ rule: d.rule, severity: d.severity, message: d.message, range: d.range, suspect: d.suspect }));
      const cliRelated = cliAll.map((d) => ((d.related as { range: unknown }[] | undefined) ?? []).map((r) => r.range));
      const uri = `file:///cli-compare/${i}.txt`;
      await client.open(uri, f.text);
      const fromServer = (await client.diagnosticsOf(uri, 1)).map((d) => {
        assert.deepEqual(Object.keys(d.data as object).filter((k) => !['at', 'cell', 'row', 'suspect'].includes(k)), ['version']);
        return { rule: d.code, severity: SEVERITY[d.severity!], message: d.message, range: d.range, suspect: (d.data as { suspect?: unknown }).suspect };
      });
      assert.deepEqual(fromServer, fromCli, f.name);
      if (f.name === 'typo') assert.ok(fromCli.some((d) => d.suspect), 'the typo names its cell');
      const serverRelated = (await client.diagnosticsOf(uri, 1)).map((d, k) => (cliAll[k]?.related ? (d.relatedInformation ?? []).map((r) => r.location.range) : []));
      assert.deepEqual(serverRelated, cliRelated, `${f.name}: related places`);
    }
  });
});

describe('a client with fewer capabilities', () => {
  const URI = 'file:///plain.txt';
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ documentChanges: false, codeActionLiterals: false });
    await client.open(URI, clean.text);
    await client.diagnosticsOf(URI, 1);
  });
  after(() => client?.stop());

  test('without code action literals it gets commands, which apply the fix through workspace/applyEdit', async () => {
    const cell = t3Cell(clean.text, 'new', 6);
    const v = await client.replace(URI, cell.line, cell.start, cell.end, '5');
    const d = (await client.diagnosticsOf(URI, v)).find((x) => x.code === 'request-row-total')!;
    const commands = await client.request<Command[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [d] } });
    const fix = commands.find((c) => c.title === `将总计改为 ${cell.text}`);
    assert.ok(fix && typeof fix.command === 'string', JSON.stringify(commands));
    const n = client.published.length;
    assert.deepEqual(await client.request('workspace/executeCommand', { command: fix.command, arguments: fix.arguments }), { applied: true });
    // Without documentChanges the edit is a plain `changes` map.
    assert.ok(client.applied.at(-1)?.changes?.[URI]);
    assert.equal(client.text(URI), clean.text);
    assert.deepEqual(await client.diagnosticsOf(URI, client.version(URI), n), []);
  });

  test('without hierarchical symbols it gets a flat list with containers', async () => {
    const flat = await TestClient.start({ hierarchicalSymbols: false });
    try {
      await flat.open(URI, clean.text);
      const s = await flat.request<SymbolInformation[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
      assert.equal(s.filter((x) => !x.containerName).length, 6);
      assert.deepEqual(s.find((x) => x.name.startsWith('表三'))?.containerName, '三、收到和处理政府信息公开申请情况');
      assert.ok(s.every((x) => x.location.uri === URI));
    } finally {
      await flat.stop();
    }
  });
});
