// Language server behaviour no other test pinned (found by mutation probing): hover for a client
// that shows plain text only, the code actions of a client without code-action literals in a
// workspace, a recompute with nothing to recompute, and no recompute offer where it could only
// write a negative count.
// Run: node test/run.mjs test/lsp/features-edges.test.ts
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, CodeLens, Command, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { analyzeText, ReportModel } from '../../server/src/core/index';
import { hoverText } from '../../server/src/lsp/features/hover';
import { cellAt } from '../../server/src/lsp/tables';
import { canonicalUri } from '../../server/src/lsp/files';
import { CLIENT_COMMANDS, SERVER_COMMANDS, SERVER_REQUESTS } from '../../server/src/protocol';
import { complete, composeReport, exampleReport } from '../helpers/compose.mjs';
import { buildServer } from './build';
import { LspClient, SERVER, TestClient } from './client';
import { cleanReport, t3Cell, t4Cell } from './fixture';

const ROOT = resolve(__dirname, '../..');
const clean = cleanReport();

before(() => buildServer());

const roots: string[] = [];
after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

describe('hover for a client that shows plain text only (hover.contentFormat: [plaintext])', () => {
  const URI = 'file:///work/plain-hover.txt';
  let wire: LspClient;
  before(async () => {
    wire = new LspClient(process.execPath, [SERVER, '--stdio']);
    const init = await wire.request('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { general: { positionEncodings: ['utf-16'] }, textDocument: { hover: { contentFormat: ['plaintext'] }, publishDiagnostics: { versionSupport: true } } },
    });
    assert.equal(init.error, undefined);
    wire.notify('initialized', {});
    const published = wire.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === URI, 10_000, 'diagnostics');
    wire.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'disclosure-report', version: 1, text: clean.text } });
    await published;
  });
  after(() => wire?.shutdown(2000));

  test('a cell’s hover is plain text: the feature’s plain words, no markdown markup', async () => {
    for (const cell of [t3Cell(clean.text, 'new', 6), t3Cell(clean.text, 'granted', 1), t4Cell(clean.text, 4)]) {
      const r = await wire.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: cell.line, character: cell.start } });
      const h = r.result as Hover;
      const a = new ReportModel(clean.text).analysis();
      const expected = hoverText(cellAt(a, { line: cell.line, character: cell.start })!, a.format, 'zh-CN', false);
      assert.deepEqual(h.contents, { kind: 'plaintext', value: expected });
      assert.doesNotMatch(expected, /\*\*|`/, 'no markdown in the plain text');
    }
  });
});

describe('a client without code-action literals, in a workspace folder, without the review prompt', () => {
  const root = mkdtempSync(join(tmpdir(), 'dr-edges-plain-'));
  roots.push(root);
  const file = join(root, 'report.txt');
  const cell = t3Cell(clean.text, 'new', 6);
  const broken = (() => {
    const lines = clean.text.split('\n');
    const l = lines[cell.line];
    lines[cell.line] = l.slice(0, cell.start) + String(Number(cell.text) + 4) + l.slice(cell.end);
    return lines.join('\n');
  })();
  writeFileSync(file, broken);
  const uri = canonicalUri(pathToFileURL(file).href);
  let c: TestClient;
  let diags: Diagnostic[];
  before(async () => {
    c = await TestClient.start({
      workspaceFolders: [canonicalUri(pathToFileURL(root).href)],
      codeActionLiterals: false,
      capabilities: { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } },
    });
    await c.open(uri, broken);
    diags = await c.diagnosticsOf(uri, 1);
  });
  after(() => c?.stop());

  test('gets Commands only: never a CodeAction literal (no kind, no edit), not even "mark as reviewed"', async () => {
    const d = diags.find((x) => x.code === 'request-row-total');
    assert.ok(d, JSON.stringify(diags));
    const answer = await c.request<(CodeAction | Command)[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    assert.ok(answer.length > 0, 'the fix is offered');
    for (const a of answer) {
      assert.equal(typeof a.command, 'string', `a Command, not a CodeAction literal: ${JSON.stringify(a)}`);
      assert.equal((a as CodeAction).kind, undefined);
      assert.equal((a as CodeAction).edit, undefined);
    }
    assert.ok(answer.some((a) => a.title === `将总计改为 ${cell.text}`), JSON.stringify(answer.map((a) => a.title)));
  });
});

describe('recompute with nothing to recompute', () => {
  const URI = 'file:///work/edges-nothing.txt';
  let c: TestClient;
  before(async () => {
    c = await TestClient.start();
    await c.open(URI, clean.text);
    await c.diagnosticsOf(URI, 1);
  });
  after(() => c?.stop());

  test('the whole document or one table of a clean report: not applied, no edit sent, the user told there is nothing to recompute', async () => {
    const t3 = t3Cell(clean.text, 'new', 0).line;
    for (const args of [{ uri: URI, version: 1 }, { uri: URI, version: 1, tableAt: t3 }]) {
      const before = c.serverRequests.filter((m) => m === 'workspace/applyEdit').length;
      const told = c.requestsFromServer.length;
      const r = await c.request('workspace/executeCommand', { command: SERVER_COMMANDS.recompute, arguments: [args] });
      assert.deepEqual(r, { applied: false });
      // The message is sent before the command answers (window/showMessageRequest, not awaited).
      const said = c.requestsFromServer.slice(told).filter((x) => x.method === 'window/showMessageRequest').map((x) => (x.params as { message: string }).message);
      assert.deepEqual(said, ['没有需要重新计算的总计']);
      assert.equal(c.serverRequests.filter((m) => m === 'workspace/applyEdit').length, before, 'no workspace/applyEdit');
      assert.equal(c.text(URI), clean.text);
    }
  });
});

describe('no recompute is offered where it would write a negative count', () => {
  // 予以公开 / 自然人 50 more than the report took in: (七)总计 follows it, so 四、结转下年度继续办理
  // would have to be negative for the balance to hold; the recompute leaves it.
  const example = exampleReport();
  const cells = complete({ ...example.cells, 't3.granted.natural': Number(example.cells['t3.granted.natural']) + 50 });
  const carry = cells['t3.carryOver.total'] - cells['t3.carryOver.natural'];
  cells['t3.carryOver.natural'] = 0;
  cells['t3.carryOver.total'] = carry;
  const text = composeReport({ ...example, cells });
  const URI = 'file:///work/edges-negative.txt';
  let c: TestClient;
  let diags: Diagnostic[];
  before(async () => {
    c = await TestClient.start();
    await c.open(URI, text);
    diags = await c.diagnosticsOf(URI, 1);
  });
  after(() => c?.stop());

  test('the balance fails with a negative expected; the verdict lens says so, with no recompute lens and no recompute action', async () => {
    const balance = diags.filter((d) => d.code === 'request-balance');
    assert.ok(balance.length > 0, JSON.stringify(diags.map((d) => d.code)));
    const lenses = await c.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } });
    assert.ok(lenses.some((l) => /^勾稽关系 37\/39 成立/.test(l.command?.title ?? '')), JSON.stringify(lenses.map((l) => l.command?.title)));
    assert.deepEqual(lenses.filter((l) => l.command?.command === SERVER_COMMANDS.recompute), [], JSON.stringify(lenses.map((l) => l.command?.title)));
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: balance[0].range, context: { diagnostics: balance } });
    assert.deepEqual(actions.filter((a) => /重新计算/.test(a.title)), [], JSON.stringify(actions.map((a) => a.title)));
  });
});

describe('with a configuration file in the workspace', () => {
  const root = mkdtempSync(join(tmpdir(), 'dr-edges-config-'));
  roots.push(root);
  const wrong = readFileSync(join(ROOT, 'examples/wrong-totals.report.txt'), 'utf8');
  writeFileSync(join(root, 'r.txt'), wrong);
  writeFileSync(join(root, '.disclosure-report.json'), JSON.stringify({ severity: { 'review-total': 'warning' } }));
  const uri = canonicalUri(pathToFileURL(join(root, 'r.txt')).href);

  test('maxDiagnostics still caps what is published, with the note of how many were left out', async () => {
    const c = await TestClient.start({ workspaceFolders: [canonicalUri(pathToFileURL(root).href)], configuration: { maxDiagnostics: 2 } });
    try {
      await c.open(uri, wrong);
      const ds = await c.diagnosticsOf(uri, 1);
      const all = analyzeText(wrong).diagnostics.length;
      assert.ok(all > 3, `the report has ${all} findings`);
      assert.equal(ds.length, 3, JSON.stringify(ds.map((d) => d.code)));
      assert.equal(ds[0].code, 'diagnostics-limit');
      assert.match(String(ds[0].message), new RegExp(String(all - 2)));
    } finally {
      await c.stop();
    }
  });

  test('reviewEdit: the reason and reviewer trimmed, a date that is no date replaced by today’s', async () => {
    const c = await TestClient.start({
      workspaceFolders: [canonicalUri(pathToFileURL(root).href)],
      initializationOptions: { clientCommands: [CLIENT_COMMANDS.markReviewed] },
      capabilities: { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } },
    });
    try {
      await c.open(uri, wrong);
      const ds = await c.diagnosticsOf(uri, 1);
      const d = ds.find((x) => x.code === 'request-row-total')!;
      const at = (d.data as { at?: { line: number; character: number } }).at ?? d.range.start;
      const answer = await c.request<{ entry: Record<string, unknown> }>(SERVER_REQUESTS.reviewEdit, { uri, version: 1, rule: d.code, at, status: 'accepted', reason: '  原件如此  \n', reviewer: '\t张三 ', date: 'yesterday' });
      assert.equal(answer.entry.reason, '原件如此');
      assert.equal(answer.entry.reviewer, '张三');
      assert.equal(answer.entry.date, new Date().toISOString().slice(0, 10));
    } finally {
      await c.stop();
    }
  });
});
