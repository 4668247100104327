// The workspace over the protocol (dist/server.js over stdio): the workspace check with work-done
// progress publishes the diagnostics of files that are not open and keeps them consistent (open,
// close, changed and deleted on disk), can be cancelled; "Mark as reviewed" creates and then edits
// `.disclosure-report.json`, and a change of that file checks the open report again (silenced
// findings, a stale entry); the watchers are registered dynamically; last year's report is found
// in the workspace and the cross-year rules follow it.
// Run: node test/run.mjs test/lsp/workspace-protocol.test.ts
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit, CreateFile } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText } from '../../server/src/core/index';
import { canonicalUri } from '../../server/src/lsp/files';
import { draftUriOf, SERVER_COMMANDS, sourceUriOfDraft } from '../../server/src/protocol';
import { buildServer } from './build';
import { ResponseError, TestClient, type RpcMessage } from './client';
import { composeReport } from './fixture';
import { composeReport as composeKeyed, exampleReport } from '../helpers/compose.mjs';
import { makeDocx, makeHtml } from '../helpers/sources';

const ROOT = resolve(__dirname, '../..');
const wrong = readFileSync(join(ROOT, 'examples/wrong-totals.report.txt'), 'utf8');
const clean = composeReport();
const roots: string[] = [];
after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function folder(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'dr-wsp-'));
  roots.push(root);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), content);
  }
  return { root, uri: canonicalUri(pathToFileURL(root).href), at: (rel: string) => canonicalUri(pathToFileURL(join(root, rel)).href), path: (rel: string) => join(root, rel) };
}

const start = (folders: string[], pull = false) =>
  TestClient.start({
    pull,
    workspaceFolders: folders,
    capabilities: {
      workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
      window: { workDoneProgress: true },
    },
  });


const rulesAt = (ds: { code?: unknown; range: { start: { line: number; character: number } } }[]) => ds.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`);
const coreRules = (text: string) => analyzeText(text).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.rule}`);

before(() => buildServer());

describe('the workspace check (push diagnostics)', () => {
  const f = folder({ 'a.txt': wrong, 'b.txt': clean, 'sub/c.md': wrong, 'notes.md': '# 会议纪要\n\n无关的文字。\n', 'node_modules/x.txt': wrong });
  let c: TestClient;
  before(async () => {
    c = await start([f.uri]);
  });
  after(() => c?.stop());

  test('registers the file watchers for reports and the config file', async () => {
    const reg = { params: await c.serverRequest('client/registerCapability') };
    const regs = (reg.params as { registrations: { method: string; registerOptions: { watchers: { globPattern: string }[] } }[] }).registrations;
    const w = regs.find((r) => r.method === 'workspace/didChangeWatchedFiles')!;
    assert.deepEqual(w.registerOptions.watchers.map((x) => x.globPattern), ['**/*.{txt,md,docx,html,htm,pdf}', '**/.disclosure-report.json']);
  });

  test('publishes for every report not open, with $/progress from begin to end', async () => {
    const progress: unknown[] = [];
    const l = (m: RpcMessage) => m.method === '$/progress' && m.params.token === 'tok-1' && progress.push(m.params.value);
    c.wire.listeners.add(l);
    const since = c.published.length;
    const summary = await c.request<Record<string, unknown>>('workspace/executeCommand', { command: SERVER_COMMANDS.checkWorkspace, arguments: [{}], workDoneToken: 'tok-1' });
    c.wire.listeners.delete(l);
    assert.deepEqual(summary, { files: 4, reports: 3, skipped: 1, truncated: 0, errors: 2 * coreRules(wrong).length, warnings: 0, notes: 0, cancelled: false });
    const mine = c.published.slice(since);
    assert.deepEqual(mine.map((p) => p.uri).sort(), [f.at('a.txt'), f.at('b.txt'), f.at('sub/c.md')].sort());
    const a = mine.find((p) => p.uri === f.at('a.txt'))!;
    assert.equal(a.version, undefined);
    assert.deepEqual(rulesAt(a.diagnostics), coreRules(wrong));
    assert.ok(a.diagnostics.every((d) => d.source === 'disclosure-report' && d.severity === 1));
    assert.deepEqual(mine.find((p) => p.uri === f.at('b.txt'))!.diagnostics, []);
    const kinds = progress.map((v) => (v as { kind: string }).kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    assert.ok(kinds.filter((k) => k === 'report').length >= 4, String(kinds));
    assert.equal((progress[0] as { cancellable: boolean }).cancellable, true);
  });

  test('an opened file takes over from its disk version; closed, its disk version again', async () => {
    let since = c.published.length;
    const edited = wrong.replace('一、总体情况', '一、总体情况 ');
    await c.open(f.at('a.txt'), edited);
    const opened = await c.diagnosticsOf(f.at('a.txt'), 1, since);
    assert.deepEqual(rulesAt(opened), coreRules(edited));
    since = c.published.length;
    c.notify('textDocument/didClose', { textDocument: { uri: f.at('a.txt') } });
    const cleared = await c.nextPublish(f.at('a.txt'), since);
    assert.deepEqual(cleared.diagnostics, []);
    const again = await c.nextPublish(f.at('a.txt'), since, (d) => d.length > 0);
    assert.equal(again.version, undefined);
    assert.deepEqual(rulesAt(again.diagnostics), coreRules(wrong));
  });

  test('a file changed on disk is checked again; a deleted one is cleared', async () => {
    let since = c.published.length;
    writeFileSync(f.path('a.txt'), clean);
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: f.at('a.txt'), type: 2 }] });
    assert.deepEqual((await c.nextPublish(f.at('a.txt'), since)).diagnostics, []);
    since = c.published.length;
    unlinkSync(f.path('sub/c.md'));
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: f.at('sub/c.md'), type: 3 }] });
    assert.deepEqual((await c.nextPublish(f.at('sub/c.md'), since)).diagnostics, []);
  });

  test('without a workDoneToken the server creates its progress (window/workDoneProgress/create)', async () => {
    const before = c.requestsFromServer.length;
    await c.request('workspace/executeCommand', { command: SERVER_COMMANDS.checkWorkspace, arguments: [] });
    assert.ok(c.requestsFromServer.slice(before).some((r) => r.method === 'window/workDoneProgress/create'));
  });
});

describe('the workspace check lists the folder afresh (workspaceCheck.ts: files({ fresh: true }))', () => {
  const f = folder({ 'a.txt': wrong });
  let c: TestClient;
  before(async () => {
    c = await start([f.uri]);
  });
  after(() => c?.stop());

  test('a report written just before the request, with no watcher event yet, is checked', async () => {
    const check = () => c.request<{ files: number; reports: number }>('workspace/executeCommand', { command: SERVER_COMMANDS.checkWorkspace, arguments: [] });
    assert.equal((await check()).files, 1, 'the first check lists (and caches) the folder');
    // Copied in by the user a moment ago: the client's file event has not arrived (none is sent here).
    writeFileSync(f.path('new.txt'), wrong);
    const since = c.published.length;
    const summary = await check();
    assert.deepEqual([summary.files, summary.reports], [2, 2], 'the new report is counted');
    const published = c.published.slice(since).find((p) => p.uri === f.at('new.txt'));
    assert.ok(published, `new.txt published; published: ${JSON.stringify(c.published.slice(since).map((p) => p.uri))}`);
    assert.deepEqual(rulesAt(published.diagnostics), coreRules(wrong));
  });
});

describe('workspace folders added and removed', () => {
  const a = folder({ 'a.txt': wrong });
  const b = folder({ 'b.txt': wrong });
  let c: TestClient;
  before(async () => {
    c = await TestClient.start({ workspaceFolders: [a.uri], capabilities: { workspace: { workspaceFolders: true } } });
  });
  after(() => c?.stop());

  test('workspace/didChangeWorkspaceFolders changes what the check covers', async () => {
    const check = () => c.request<{ files: number }>('workspace/executeCommand', { command: SERVER_COMMANDS.checkWorkspace, arguments: [] });
    assert.equal((await check()).files, 1);
    c.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: b.uri, name: 'b' }], removed: [] } });
    const since = c.published.length;
    assert.equal((await check()).files, 2);
    assert.ok(c.published.slice(since).some((p) => p.uri === b.at('b.txt')));
    c.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: a.uri, name: 'a' }] } });
    const since2 = c.published.length;
    assert.equal((await check()).files, 1);
    // a.txt is no longer in the workspace: its diagnostics are cleared.
    assert.deepEqual(c.published.slice(since2).find((p) => p.uri === a.at('a.txt'))?.diagnostics, []);
  });
});

describe('cancelling the workspace check', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 300; i++) files[`r${String(i).padStart(3, '0')}.txt`] = wrong;
  const f = folder(files);
  let c: TestClient;
  before(async () => {
    c = await start([f.uri]);
  });
  after(() => c?.stop());

  test('window/workDoneProgress/cancel at the first report stops it early', async () => {
    const l = (m: RpcMessage) => {
      if (m.method === '$/progress' && m.params.value?.kind === 'begin') c.notify('window/workDoneProgress/cancel', { token: m.params.token });
    };
    c.wire.listeners.add(l);
    const since = c.published.length;
    const summary = await c.request<{ cancelled: boolean; reports: number; files: number }>('workspace/executeCommand', { command: SERVER_COMMANDS.checkWorkspace, arguments: [] });
    c.wire.listeners.delete(l);
    assert.equal(summary.cancelled, true);
    assert.equal(summary.files, 300);
    assert.ok(summary.reports < 300, String(summary.reports));
    assert.equal(c.published.length - since, summary.reports);
  });

  test('so does cancelling the request', async () => {
    const { response, cancel } = c.cancellable('workspace/executeCommand', { command: SERVER_COMMANDS.checkWorkspace, arguments: [], workDoneToken: 't2' });
    const l = (m: RpcMessage) => m.method === '$/progress' && m.params.token === 't2' && m.params.value?.kind === 'begin' && cancel();
    c.wire.listeners.add(l);
    await assert.rejects(response, (e: unknown) => e instanceof ResponseError && e.code === -32800);
    c.wire.listeners.delete(l);
  });
});

describe('the workspace check with pull diagnostics', () => {
  const f = folder({ 'a.txt': wrong });
  let c: TestClient;
  before(async () => {
    c = await start([f.uri], true);
  });
  after(() => c?.stop());

  test('an opened file: its pushed diagnostics are cleared (the editor pulls its own); closed: pushed again', async () => {
    await c.request('workspace/executeCommand', { command: SERVER_COMMANDS.checkWorkspace, arguments: [] });
    let since = c.published.findIndex((p) => p.uri === f.at('a.txt'));
    assert.ok(since >= 0);
    since = c.published.length;
    await c.open(f.at('a.txt'), wrong);
    assert.deepEqual((await c.nextPublish(f.at('a.txt'), since)).diagnostics, []);
    const pulled = await c.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: f.at('a.txt') } });
    assert.deepEqual(rulesAt(pulled.items), coreRules(wrong));
    since = c.published.length;
    c.notify('textDocument/didClose', { textDocument: { uri: f.at('a.txt') } });
    assert.deepEqual(rulesAt((await c.nextPublish(f.at('a.txt'), since)).diagnostics), coreRules(wrong));
  });
});

describe('the workspace check of Word documents and PDFs, for a client that shows their drafts', () => {
  const f = folder({ 'a.txt': wrong });
  writeFileSync(f.path('b.docx'), makeDocx(wrong));
  copyFileSync(join(ROOT, 'test/fixtures/sources/wrong-totals.pdf'), f.path('c.pdf'));
  const draft = (rel: string) => draftUriOf(f.at(rel));
  let c: TestClient;
  before(async () => {
    c = await TestClient.start({ pull: true, workspaceFolders: [f.uri], initializationOptions: { locale: 'en', drafts: true } });
  });
  after(() => c?.stop());

  test('findings of a .docx and a PDF are published on their drafts, at the lines of the converted text; a text file on itself', async () => {
    const since = c.published.length;
    await c.request('workspace/executeCommand', { command: SERVER_COMMANDS.checkWorkspace, arguments: [] });
    const mine = c.published.slice(since);
    assert.deepEqual(mine.map((p) => p.uri).sort(), [draft('b.docx'), draft('c.pdf'), f.at('a.txt')].sort());
    for (const rel of ['b.docx', 'c.pdf']) {
      const converted = await c.request<{ text: string }>('disclosureReport/convertSource', { uri: f.at(rel) });
      const got = mine.find((p) => p.uri === draft(rel))!;
      assert.ok(got.diagnostics.length > 0, rel);
      assert.deepEqual(rulesAt(got.diagnostics), coreRules(converted.text), rel);
      // The cells a finding names are on the draft too (the Problems entries beneath it open the draft).
      const related = got.diagnostics.flatMap((d) => (d.relatedInformation ?? []).map((r) => r.location.uri));
      assert.ok(related.length > 0, rel);
      assert.deepEqual([...new Set(related)], [draft(rel)], rel);
    }
  });

  test('the draft opened: its pushed findings are cleared (the editor pulls them on the draft); closed: pushed on the draft again', async () => {
    const uri = draft('c.pdf');
    const converted = await c.request<{ text: string }>('disclosureReport/convertSource', { uri: f.at('c.pdf') });
    let since = c.published.length;
    await c.open(uri, converted.text);
    assert.deepEqual((await c.nextPublish(uri, since)).diagnostics, []);
    const pulled = await c.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(rulesAt(pulled.items), coreRules(converted.text));
    since = c.published.length;
    c.notify('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual(rulesAt((await c.nextPublish(uri, since, (d) => d.length > 0)).diagnostics), coreRules(converted.text));
    assert.ok(!c.published.slice(since).some((p) => p.uri === f.at('c.pdf')), 'nothing on the PDF itself');
  });

  test('the draft scheme names the file: canonicalUri maps it back; other URIs are left alone', () => {
    assert.equal(draftUriOf('file:///w/a%20b.pdf'), 'disclosure-report-draft:///w/a%20b.pdf.txt');
    assert.equal(sourceUriOfDraft(draftUriOf('file:///w/a%20b.pdf')), 'file:///w/a%20b.pdf');
    assert.equal(canonicalUri('disclosure-report-draft:/w/a b.pdf.txt'), 'file:///w/a%20b.pdf');
    assert.equal(canonicalUri('disclosure-report-draft://host/share/x.docx.txt'), 'file://host/share/x.docx');
    assert.equal(draftUriOf('untitled:Untitled-1'), 'untitled:Untitled-1');
    assert.equal(sourceUriOfDraft('file:///w/a.pdf'), undefined);
  });
});

describe('the workspace check of a PDF, for a client that does not show drafts', () => {
  const f = folder({});
  copyFileSync(join(ROOT, 'test/fixtures/sources/wrong-totals.pdf'), f.path('c.pdf'));
  let c: TestClient;
  before(async () => {
    c = await start([f.uri]);
  });
  after(() => c?.stop());

  test('its findings are published on the file itself, as before', async () => {
    const since = c.published.length;
    await c.request('workspace/executeCommand', { command: SERVER_COMMANDS.checkWorkspace, arguments: [] });
    assert.deepEqual(c.published.slice(since).map((p) => p.uri), [f.at('c.pdf')]);
  });
});

describe('Mark as reviewed and .disclosure-report.json', () => {
  const f = folder({ 'reports/d.txt': wrong });
  const uri = f.at('reports/d.txt');
  const configPath = f.path('.disclosure-report.json');
  const configUri = f.at('.disclosure-report.json');
  let c: TestClient;
  before(async () => {
    c = await start([f.uri]);
  });
  after(() => c?.stop());

  const markAction = async (d: Diagnostic) => {
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const a = actions.find((x) => /标记为已审核/.test(x.title));
    assert.ok(a, JSON.stringify(actions.map((x) => x.title)));
    assert.equal(a.kind, 'quickfix');
    return a;
  };
  /** Makes a workspace edit on disk, as VS Code does for a code action's edit (and saves it). */
  const applyToDisk = (a: CodeAction) => {
    for (const change of a.edit!.documentChanges!) {
      if ('kind' in change) {
        assert.equal((change as CreateFile).kind, 'create');
        assert.equal((change as CreateFile).uri, configUri);
        if (!existsSync(configPath)) writeFileSync(configPath, '');
        continue;
      }
      const e = change as TextDocumentEdit;
      assert.equal(e.textDocument.uri, configUri);
      const doc = TextDocument.create(configUri, 'json', 1, readFileSync(configPath, 'utf8'));
      writeFileSync(configPath, TextDocument.applyEdits(doc, e.edits as TextEdit[]));
    }
  };

  let v1: Diagnostic[];
  test('creates the config file with the finding; the change silences it', async () => {
    await c.open(uri, wrong);
    v1 = await c.diagnosticsOf(uri, 1);
    assert.deepEqual(rulesAt(v1), coreRules(wrong));
    const a = await markAction(v1[0]);
    assert.equal((a.edit!.documentChanges![0] as CreateFile).kind, 'create');
    applyToDisk(a);
    const config = JSON.parse(readFileSync(configPath, 'utf8'));
    assert.equal(config.reviewed.length, 1);
    assert.deepEqual(Object.keys(config.reviewed[0]), ['rule', 'file', 'cell', 'status', 'reason', 'date']);
    assert.equal(config.reviewed[0].status, 'accepted');
    assert.deepEqual([config.reviewed[0].rule, config.reviewed[0].file, config.reviewed[0].reason], [v1[0].code, 'reports/d.txt', '']);
    const since = c.published.length;
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    const after1 = await c.diagnosticsOf(uri, 1, since);
    assert.deepEqual(rulesAt(after1), rulesAt(v1).slice(1));
  });

  test('a second finding is appended to the existing file', async () => {
    const current = c.published.filter((p) => p.uri === uri).at(-1)!.diagnostics;
    const target = current.find((d) => d.code === 'review-total')!;
    const a = await markAction(target);
    assert.equal(a.edit!.documentChanges!.length, 1);
    const before = readFileSync(configPath, 'utf8');
    applyToDisk(a);
    const afterText = readFileSync(configPath, 'utf8');
    assert.ok(afterText.startsWith(before.slice(0, before.lastIndexOf('}', before.lastIndexOf(']')) + 1)), afterText);
    const since = c.published.length;
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    const now = await c.diagnosticsOf(uri, 1, since);
    assert.deepEqual(rulesAt(now), rulesAt(current).filter((r) => !r.endsWith('review-total')));
  });

  test('an entry that no longer occurs comes back as reviewed-stale information; severities from the file win', async () => {
    const config = JSON.parse(readFileSync(configPath, 'utf8'));
    config.reviewed.push({ rule: 'cell-blank', file: 'reports/d.txt', cell: 't3.new.natural', reason: 'checked' });
    config.severity = { 'request-balance': 'hint' };
    writeFileSync(configPath, JSON.stringify(config, null, 2));
    const since = c.published.length;
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    const now = await c.diagnosticsOf(uri, 1, since);
    const stale = now.find((d) => d.code === 'reviewed-stale')!;
    assert.ok(stale, JSON.stringify(now));
    assert.equal(stale.severity, 3);
    assert.deepEqual(stale.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(String(stale.message), /t3\.new\.natural（checked）已不再出现/);
    assert.deepEqual(stale.relatedInformation?.map((r) => r.location.uri), [configUri]);
    // It points at its entry in the config file (the last one).
    const lines = readFileSync(configPath, 'utf8').split('\n');
    const start = stale.relatedInformation![0].location.range.start;
    assert.equal(lines[start.line].slice(start.character), '{');
    assert.match(lines[start.line + 3], /"cell": "t3\.new\.natural"/);
    assert.ok(now.filter((d) => d.code === 'request-balance').every((d) => d.severity === 4));
    // No "Mark as reviewed" on the stale note itself, but "remove this entry".
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: stale.range, context: { diagnostics: [stale] } });
    assert.deepEqual(actions.filter((x) => /标记为已审核/.test(x.title)), []);
    const remove = actions.find((x) => /删除这条已审核记录/.test(x.title));
    assert.ok(remove, JSON.stringify(actions.map((x) => x.title)));
    applyToDisk(remove);
    const left = JSON.parse(readFileSync(configPath, 'utf8'));
    assert.equal(left.reviewed.length, config.reviewed.length - 1);
    assert.ok(!left.reviewed.some((e: { cell?: string }) => e.cell === 't3.new.natural'));
    const since2 = c.published.length;
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    const after2 = await c.diagnosticsOf(uri, 1, since2);
    assert.deepEqual(after2.filter((d) => d.code === 'reviewed-stale'), []);
    assert.deepEqual(rulesAt(after2), rulesAt(now).filter((r) => !r.endsWith('reviewed-stale')));
  });

  test('a config with a syntax error is not used, and the user is told where', async () => {
    const good = readFileSync(configPath, 'utf8');
    writeFileSync(configPath, good.replace(/\}\s*$/, ',}'));
    const since = c.published.length;
    const shown = c.logs.length;
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    assert.deepEqual(rulesAt(await c.diagnosticsOf(uri, 1, since)), rulesAt(v1));
    assert.ok(c.logs.slice(shown).some((l) => /^showMessage: \.disclosure-report\.json:\d+:\d+: JSON 语法错误/.test(l)), c.logs.slice(shown).join('\n'));
  });

  test('the config deleted: every finding again', async () => {
    unlinkSync(configPath);
    const since = c.published.length;
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 3 }] });
    assert.deepEqual(rulesAt(await c.diagnosticsOf(uri, 1, since)), rulesAt(v1));
  });
});

describe('last year’s report found in the workspace (cross-year rules in the editor)', () => {
  const example = exampleReport();
  // The example office's two years: last year's 结转下年度 (1, 1, 0, …) is not this year's 上年结转 (2, 0, 0, …).
  const f = folder({ '2024年报告.txt': composeKeyed({ ...example, year: 2024 }), '2025年报告.txt': composeKeyed(example) });
  const uri = f.at('2025年报告.txt');
  const lastYear = f.at('2024年报告.txt');
  let c: TestClient;
  before(async () => {
    c = await start([f.uri]);
  });
  after(() => c?.stop());

  test('opening this year’s draft compares it with last year’s file on disk: carry-over per column, related to last year’s cell; the lens names the file', async () => {
    const since = c.published.length;
    await c.open(uri, readFileSync(f.path('2025年报告.txt'), 'utf8'));
    const p = await c.nextPublish(uri, since, (ds) => ds.some((d) => d.code === 'carryover-mismatch'));
    const carry = p.diagnostics.filter((d) => d.code === 'carryover-mismatch');
    assert.deepEqual(carry.map((d) => (d.data as { cell?: string }).cell), ['t3.carried.natural', 't3.carried.commercial']);
    assert.ok(carry.every((d) => d.severity === 2));
    assert.deepEqual(carry.map((d) => d.relatedInformation?.[0]?.location.uri), [lastYear, lastYear]);
    const lenses = await c.request<{ command?: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.match(lenses[0]?.command?.title ?? '', /上年报告：2024年报告\.txt/);
    // The last publication holds them (nothing re-published without them since).
    assert.ok(c.published.filter((x) => x.uri === uri).at(-1)!.diagnostics.some((d) => d.code === 'carryover-mismatch'));
  });

  test('last year’s file deleted: the cross-year findings go', async () => {
    const since = c.published.length;
    unlinkSync(f.path('2024年报告.txt'));
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: lastYear, type: 3 }] });
    const p = await c.nextPublish(uri, since, (ds) => !ds.some((d) => d.code === 'carryover-mismatch'));
    assert.deepEqual(p.diagnostics.filter((d) => /carryover|valid-count/.test(String(d.code))), []);
  });
});

describe('last year’s report found in the workspace, for a client that pulls (as VS Code does)', () => {
  const example = exampleReport();
  const f = folder({ '2024年报告.txt': composeKeyed({ ...example, year: 2024 }), '2025年报告.txt': composeKeyed(example) });
  const uri = f.at('2025年报告.txt');
  let c: TestClient;
  before(async () => {
    c = await start([f.uri], true);
  });
  after(() => c?.stop());

  test('once last year’s report is found the server asks for a refresh, and the pull (even with the last result id) carries the carry-over findings', async () => {
    const refreshed = c.serverRequest('workspace/diagnostic/refresh');
    await c.open(uri, readFileSync(f.path('2025年报告.txt'), 'utf8'));
    const pull = (previousResultId?: string) =>
      c.request<{ kind: string; resultId?: string; items?: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
    const first = await pull();
    await refreshed;
    const again = await pull(first.resultId);
    // "unchanged" is right only when the first pull already had them (it came after the refresh).
    const items = again.kind === 'full' ? again.items! : first.items!;
    assert.deepEqual(items.filter((d) => d.code === 'carryover-mismatch').map((d) => (d.data as { cell?: string }).cell), ['t3.carried.natural', 't3.carried.commercial']);
  });
});

describe('the workspace check reads Word documents and web pages as the CLI does', () => {
  const f = folder({ 'b.txt': clean });
  writeFileSync(f.path('a.docx'), makeDocx(wrong));
  writeFileSync(f.path('c.html'), makeHtml(wrong));
  let c: TestClient;
  before(async () => {
    c = await start([f.uri]);
  });
  after(() => c?.stop());

  test('the .docx and the page are published with the findings of their converted text', async () => {
    const since = c.published.length;
    const summary = await c.request<{ reports: number }>('workspace/executeCommand', { command: SERVER_COMMANDS.checkWorkspace, arguments: [] });
    assert.equal(summary.reports, 3);
    const mine = c.published.slice(since);
    for (const name of ['a.docx', 'c.html']) {
      const p = mine.find((x) => x.uri === f.at(name));
      assert.ok(p, `${name} published`);
      assert.deepEqual(p.diagnostics.map((d) => String(d.code)).sort(), analyzeText(wrong).diagnostics.map((d) => d.rule).sort(), name);
    }
  });
});

describe('severities: the configuration file wins over the editor settings', () => {
  const f = folder({ 'd.txt': wrong, '.disclosure-report.json': JSON.stringify({ severity: { 'request-balance': 'hint', 'review-total': 'information' } }) });
  let c: TestClient;
  before(async () => {
    c = await TestClient.start({
      workspaceFolders: [f.uri],
      // The user's settings say error → warning for request-balance and turn request-row-total and
      // review-total off; the file names request-balance and review-total.
      configuration: { severity: { 'request-balance': 'warning', 'request-row-total': 'off', 'review-total': 'off' } },
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
  });
  after(() => c?.stop());

  test('a rule the file names takes the file’s severity; the others the settings’', async () => {
    await c.open(f.at('d.txt'), wrong);
    const ds = await c.diagnosticsOf(f.at('d.txt'), 1);
    const balance = ds.filter((d) => d.code === 'request-balance');
    assert.ok(balance.length > 0, JSON.stringify(ds.map((d) => d.code)));
    assert.ok(balance.every((d) => d.severity === 4), 'the file’s hint, not the settings’ warning');
    assert.deepEqual(ds.filter((d) => d.code === 'request-row-total'), [], 'the settings still turn off what the file does not name');
    // Off in the settings, named in the file: the file's (a settings `off` applied first would drop
    // it before the file is read; npm run mutate: settings-over-file).
    const review = ds.filter((d) => d.code === 'review-total');
    assert.ok(review.length > 0 && review.every((d) => d.severity === 3), 'the file’s information, not the settings’ off');
  });
});

describe('the configuration file check takes, whatever folder the editor opened (config/find.ts)', () => {
  // A repository whose file sits at its root; the editor opened on a subfolder of it.
  const f = folder({ '.git/HEAD': 'ref: refs/heads/main\n', '.disclosure-report.json': JSON.stringify({ severity: { 'request-balance': 'hint' } }), 'reports/d.txt': wrong });
  let c: TestClient;
  before(async () => {
    c = await TestClient.start({ workspaceFolders: [f.at('reports')], capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
  });
  after(() => c?.stop());

  test('a file above the workspace folder, at the repository’s root, applies as it does for check', async () => {
    await c.open(f.at('reports/d.txt'), wrong);
    const ds = await c.diagnosticsOf(f.at('reports/d.txt'), 1);
    const balance = ds.filter((d) => d.code === 'request-balance');
    assert.ok(balance.length > 0, JSON.stringify(ds.map((d) => d.code)));
    assert.ok(balance.every((d) => d.severity === 4), 'the repository’s file: a hint');
  });
});

describe('last year’s report follows the draft’s own year as it is edited', () => {
  const example = exampleReport();
  const f = folder({ '2024年报告.txt': composeKeyed({ ...example, year: 2024 }) });
  const uri = f.at('草稿.txt');
  let c: TestClient;
  before(async () => {
    c = await start([f.uri]);
  });
  after(() => c?.stop());

  test('a draft titled 2026 has no last year’s report; its title edited to 2025, the 2024 report is found once typing pauses', async () => {
    const draft = composeKeyed({ ...example, year: 2026 });
    await c.open(uri, draft);
    const first = await c.diagnosticsOf(uri, 1);
    assert.deepEqual(first.filter((d) => d.code === 'carryover-mismatch'), []);
    const title = draft.split('\n')[0];
    const at = title.indexOf('2026');
    const since = c.published.length;
    c.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: at }, end: { line: 0, character: at + 4 } }, text: '2025' }],
    });
    const p = await c.nextPublish(uri, since, (ds) => ds.some((d) => d.code === 'carryover-mismatch'));
    assert.ok(p.diagnostics.some((d) => d.code === 'carryover-mismatch'));
  });

  test('typing goes on past the check’s delay (each edit moves the check, one timer per pause): the 2024 report is found once typing pauses', async () => {
    // 2027: no report of 2026 in the folder (the draft above is 2025 by now).
    const other = f.at('草稿二.txt');
    const draft = composeKeyed({ ...example, year: 2027 });
    await c.open(other, draft);
    const first = await c.diagnosticsOf(other, 1);
    assert.deepEqual(first.filter((d) => d.code === 'carryover-mismatch'), []);
    const at = draft.split('\n')[0].indexOf('2027');
    const range = (from: number, to: number) => ({ start: { line: 0, character: at + from }, end: { line: 0, character: at + to } });
    // The year deleted, a digit typed and taken back 20 times (each keystroke waits for its
    // diagnostics, after the debounce: the typing outlasts the check's 400 ms), then 2025 typed.
    const keystrokes = [
      { range: range(0, 4), text: '' },
      ...Array.from({ length: 20 }, () => [{ range: range(0, 0), text: '9' }, { range: range(0, 1), text: '' }]).flat(),
      ...[...'2025'].map((ch, i) => ({ range: range(i, i), text: ch })),
    ];
    let version = 1;
    for (const change of keystrokes.slice(0, -1)) {
      c.notify('textDocument/didChange', { textDocument: { uri: other, version: ++version }, contentChanges: [change] });
      await c.diagnosticsOf(other, version);
    }
    const since = c.published.length;
    c.notify('textDocument/didChange', { textDocument: { uri: other, version: ++version }, contentChanges: [keystrokes[keystrokes.length - 1]] });
    const p = await c.nextPublish(other, since, (ds) => ds.some((d) => d.code === 'carryover-mismatch'));
    assert.equal(p.version, version, 'found for the last version');
  });
});
