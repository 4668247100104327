// The language server's workspace index (server/src/lsp/workspace.ts) in-process, over temporary
// folders through the Node file system the server uses (host/nodeUris.ts): which files it
// lists and skips, its bounds, reading from disk (decoded as the CLI decodes) unless the document
// is open, identities cached by modification time, last year's report by office and year or by
// the setting, and the change events. Also the URI arithmetic of lsp/files.ts.
// Run: node test/run.mjs test/lsp/workspace.test.ts
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { readsLikeReport, ReportModel } from '../../server/src/core/index';
import { nodeUris } from '../../server/src/host/nodeRuntime';
import type { ReportDocument } from '../../server/src/lsp/documents';
import { baseName, canonicalUri, joinUri, parentUri, relativePath } from '../../server/src/lsp/files';
import { WorkspaceIndex, type ReportChange, type WorkspaceDeps } from '../../server/src/lsp/workspace';
import { composeReport } from './fixture';

const roots: string[] = [];
after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function folder(files: Record<string, string | Buffer>): { root: string; uri: string; at: (rel: string) => string } {
  const root = mkdtempSync(join(tmpdir(), 'dr-ws-'));
  roots.push(root);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), content);
  }
  const uri = canonicalUri(pathToFileURL(root).href);
  return { root, uri, at: (rel) => canonicalUri(pathToFileURL(join(root, rel)).href) };
}

/** The DocumentStore's surface the index uses, with documents opened by hand. */
class FakeDocuments {
  docs = new Map<string, ReportDocument>();
  private open: ((d: ReportDocument) => void)[] = [];
  private change: ((d: ReportDocument) => void)[] = [];
  private close: ((uri: string) => void)[] = [];
  get(uri: string) {
    return this.docs.get(uri);
  }
  all() {
    return [...this.docs.values()];
  }
  onDidOpen(l: (d: ReportDocument) => void) {
    this.open.push(l);
  }
  onDidChange(l: (d: ReportDocument) => void) {
    this.change.push(l);
  }
  onDidClose(l: (uri: string) => void) {
    this.close.push(l);
  }
  analyzeSafely(d: ReportDocument) {
    return d.model.analysis();
  }
  identityOf(d: ReportDocument) {
    const a = d.model.analysis();
    return { identity: a.identity, isReport: readsLikeReport(a) };
  }
  openDoc(uri: string, text: string) {
    const d: ReportDocument = { uri, epoch: 1, languageId: 'disclosure-report', version: 1, model: new ReportModel(text), changedAt: -Infinity, lastCost: 0, kept: undefined };
    this.docs.set(uri, d);
    this.open.forEach((l) => l(d));
    return d;
  }
  closeDoc(uri: string) {
    this.docs.delete(uri);
    this.close.forEach((l) => l(uri));
  }
}

const log = { error: (m: string, e?: unknown) => assert.fail(`${m}: ${String(e)}`), info: () => {} };
function index(folders: string[], extra: Partial<WorkspaceDeps> = {}) {
  const documents = new FakeDocuments();
  const ws = new WorkspaceIndex({ fs: nodeUris, documents: documents as unknown as WorkspaceDeps['documents'], log, ...extra });
  ws.setFolders(folders);
  return { ws, documents };
}

const report = (office: string, year: number) => composeReport(year).replaceAll('青禾县数据资源局', office);

describe('listing the report files', () => {
  test('texts and the later sources, sorted; node_modules, dot folders and dot files skipped', async () => {
    const f = folder({
      'b.txt': 'x', 'a.md': 'x', 'sub/c.docx': 'x', 'sub/d.HTML': 'x', 'sub/e.htm': 'x', 'f.pdf': 'x',
      'notes.json': '{}', 'g.doc': 'x', 'node_modules/h.txt': 'x', '.hidden/i.txt': 'x', '.j.txt': 'x', 'sub/.git/k.txt': 'x',
    });
    const { ws } = index([f.uri]);
    const { files, truncated } = await ws.files();
    assert.deepEqual(files.map((u) => relativePath(f.uri, u)), ['a.md', 'b.txt', 'f.pdf', 'sub/c.docx', 'sub/d.HTML', 'sub/e.htm']);
    assert.equal(truncated, 0);
  });

  test('bounded: at most maxFiles (the rest counted), no file above maxBytes read, no folder below maxDepth', async () => {
    const f = folder({ 'a.txt': composeReport(), 'b.txt': 'x', 'c.txt': 'x', 'big.txt': composeReport() + 'x'.repeat(5000), 'd1/d2/d3/deep.txt': 'x' });
    const { ws } = index([f.uri], { limits: { maxFiles: 2, maxBytes: 4000 + composeReport().length, maxDepth: 1 } });
    const { files, truncated } = await ws.files();
    assert.deepEqual(files.map(baseName), ['a.txt', 'b.txt']);
    assert.equal(truncated, 2); // big.txt and c.txt; deep.txt is below maxDepth
    assert.equal((await ws.report(f.at('a.txt')))?.isReport, true);
    assert.equal(await ws.report(f.at('big.txt')), undefined);
  });

  test('two folders, one inside the other: each file once; folderOf is the innermost; folders change', async () => {
    const f = folder({ 'a.txt': 'x', 'inner/b.txt': 'x' });
    const { ws } = index([f.uri, joinUri(f.uri, 'inner'), 'untitled:x']);
    assert.deepEqual((await ws.files()).files.map((u) => relativePath(f.uri, u)), ['a.txt', 'inner/b.txt']);
    assert.equal(ws.folderOf(f.at('inner/b.txt')), joinUri(f.uri, 'inner'));
    assert.equal(ws.folderOf(f.at('a.txt')), f.uri);
    assert.equal(ws.folderOf('file:///elsewhere/x.txt'), undefined);
    ws.changeFolders([], [f.uri]);
    assert.deepEqual((await ws.files()).files.map(baseName), ['b.txt']);
  });
});

describe('reading a report', () => {
  test('from disk, decoded as the CLI decodes (GB18030 here), with its identity; a text that is no report says so', async () => {
    const f = folder({ 'r.txt': iconv.encode(report('青禾县数据资源局', 2025), 'gb18030'), 'notes.md': '# 会议纪要\n\n今天讨论了三件事。\n' });
    const { ws } = index([f.uri]);
    const r = (await ws.report(f.at('r.txt')))!;
    assert.equal(r.source, 'disk');
    assert.equal(r.lines[0], '青禾县数据资源局2025年政府信息公开工作年度报告');
    assert.deepEqual([r.identity.office, r.identity.year, r.isReport], ['青禾县数据资源局', 2025, true]);
    assert.deepEqual(r.analysis.diagnostics, []);
    assert.equal((await ws.report(f.at('notes.md')))?.isReport, false);
    assert.equal(await ws.report(f.at('missing.txt')), undefined);
  });

  test('an open document takes precedence over the file, whatever spelling of its URI the client used', async () => {
    const f = folder({ '报告 (1).txt': report('青禾县数据资源局', 2025) });
    const { ws, documents } = index([f.uri]);
    const spelled = pathToFileURL(join(f.root, '报告 (1).txt')).href; // Node's spelling: ( ) unencoded
    assert.notEqual(spelled, f.at('报告 (1).txt'));
    documents.openDoc(spelled, report('青禾县数据资源局', 2026));
    const r = (await ws.report(f.at('报告 (1).txt')))!;
    assert.deepEqual([r.source, r.version, r.identity.year, r.uri], ['editor', 1, 2026, spelled]);
    documents.closeDoc(spelled);
    assert.equal((await ws.report(f.at('报告 (1).txt')))!.identity.year, 2025);
  });

  test('identities are cached by modification time and size', async () => {
    const f = folder({ 'r.txt': report('青禾县数据资源局', 2025) });
    const { ws } = index([f.uri]);
    const p = join(f.root, 'r.txt');
    const mtime = new Date('2026-01-05T08:00:00Z');
    const atime = mtime;
    utimesSync(p, atime, mtime); // a whole second: set back exactly below
    assert.equal((await ws.identity(f.at('r.txt')))?.identity.year, 2025);
    // Same size and mtime: the cache answers (the file is not read again).
    writeFileSync(p, report('青禾县数据资源局', 2024));
    utimesSync(p, atime, mtime);
    assert.equal((await ws.identity(f.at('r.txt')))?.identity.year, 2025);
    // A newer mtime: read again.
    utimesSync(p, atime, new Date(mtime.getTime() + 5000));
    assert.equal((await ws.identity(f.at('r.txt')))?.identity.year, 2024);
  });
});

describe('last year’s report', () => {
  test('the same office, the year before (spelled differently in its title)', async () => {
    const f = folder({ '2025.txt': report('青禾县数据资源局', 2025), 'old/2024.txt': report('青禾县 数据资源局', 2024), '2024-other.txt': report('白石镇人民政府', 2024), '2023.txt': report('青禾县数据资源局', 2023) });
    const { ws } = index([f.uri]);
    const prev = (await ws.previousFor(f.at('2025.txt')))!;
    assert.equal(prev.uri, f.at('old/2024.txt'));
    assert.equal(prev.reason, 'pairing');
    assert.equal(prev.identity.year, 2024);
    assert.ok(prev.lines.length > 10 && prev.analysis.tables.length === 3);
    assert.equal((await ws.previousFor(f.at('old/2024.txt')))?.uri, f.at('2023.txt'));
    assert.equal(await ws.previousFor(f.at('2023.txt')), undefined);
  });

  test('two candidates: none (the user names it by the setting); the setting, relative or absolute, wins', async () => {
    const f = folder({ '2025.txt': report('青禾县数据资源局', 2025), 'a/2024.txt': report('青禾县数据资源局', 2024), 'b/2024.txt': report('青禾县数据资源局', 2024) });
    let setting: string | undefined;
    const { ws } = index([f.uri], { previousReport: async () => setting });
    assert.equal(await ws.previousFor(f.at('2025.txt')), undefined);
    setting = 'b/2024.txt';
    const prev = (await ws.previousFor(f.at('2025.txt')))!;
    assert.deepEqual([prev.uri, prev.reason], [f.at('b/2024.txt'), 'setting']);
    setting = join(f.root, 'a', '2024.txt');
    assert.equal((await ws.previousFor(f.at('2025.txt')))?.uri, f.at('a/2024.txt'));
    setting = 'nope.txt';
    assert.equal(await ws.previousFor(f.at('2025.txt')), undefined);
  });

  test('last year’s report open in an editor is read from the editor', async () => {
    const f = folder({ '2025.txt': report('青禾县数据资源局', 2025), '2024.txt': report('青禾县数据资源局', 2024) });
    const { ws, documents } = index([f.uri]);
    documents.openDoc(f.at('2024.txt'), report('青禾县数据资源局', 2024).replace('2024年，', '2024 年，'));
    const prev = (await ws.previousFor(f.at('2025.txt')))!;
    assert.equal(prev.source, 'editor');
  });
});

describe('change events', () => {
  test('watched-file events of report files, and documents opened, edited and closed', async () => {
    const f = folder({ 'r.txt': report('青禾县数据资源局', 2025) });
    const { ws, documents } = index([f.uri]);
    const seen: ReportChange[] = [];
    const sub = ws.onDidChange((e) => seen.push(e));
    assert.equal((await ws.files()).files.length, 1);
    writeFileSync(join(f.root, 'new.txt'), 'x');
    ws.filesChanged([{ uri: pathToFileURL(join(f.root, 'new.txt')).href, type: 1 }, { uri: f.at('r.txt'), type: 2 }, { uri: f.at('x.json'), type: 2 }]);
    documents.openDoc(f.at('r.txt'), 'x');
    documents.closeDoc(f.at('r.txt'));
    assert.deepEqual(seen, [
      { uri: f.at('new.txt'), kind: 'created' },
      { uri: f.at('r.txt'), kind: 'changed' },
      { uri: f.at('r.txt'), kind: 'opened' },
      { uri: f.at('r.txt'), kind: 'closed' },
    ]);
    // A created file is listed at once (the listing was dropped).
    assert.equal((await ws.files()).files.length, 2);
    sub.dispose();
    ws.filesChanged([{ uri: f.at('r.txt'), type: 3 }]);
    assert.equal(seen.length, 4);
  });
});

describe('dependents of last year’s report', () => {
  test('a change of last year’s report (disk or editor) fires for this year’s; a new file fires for a report without one', async () => {
    const f = folder({ '2025.txt': report('青禾县数据资源局', 2025), '2024.txt': report('青禾县数据资源局', 2024), 'other-2025.txt': report('白石镇人民政府', 2025) });
    const { ws, documents } = index([f.uri]);
    const fired: string[] = [];
    ws.onDidChangeDependency((dependent, e) => fired.push(`${baseName(dependent)} ← ${baseName(e.uri)} ${e.kind}`));
    assert.equal((await ws.previousFor(f.at('2025.txt')))?.uri, f.at('2024.txt'));
    assert.equal(await ws.previousFor(f.at('other-2025.txt')), undefined);
    ws.filesChanged([{ uri: f.at('2024.txt'), type: 2 }]);
    documents.openDoc(f.at('2024.txt'), report('青禾县数据资源局', 2024));
    documents.closeDoc(f.at('2024.txt'));
    // An unrelated change: only the report without a pairing hears of a new file.
    writeFileSync(join(f.root, 'white-2024.txt'), report('白石镇人民政府', 2024));
    ws.filesChanged([{ uri: f.at('white-2024.txt'), type: 1 }]);
    assert.deepEqual(fired, [
      '2025.txt ← 2024.txt changed',
      'other-2025.txt ← 2024.txt changed',
      '2025.txt ← 2024.txt opened',
      'other-2025.txt ← 2024.txt opened',
      '2025.txt ← 2024.txt closed',
      'other-2025.txt ← white-2024.txt created',
    ]);
    assert.equal((await ws.previousFor(f.at('other-2025.txt')))?.uri, f.at('white-2024.txt'));
    fired.length = 0;
    ws.filesChanged([{ uri: f.at('2025.txt'), type: 2 }]); // a dependent's own change is not its dependency's
    ws.forgetDependent(f.at('other-2025.txt'));
    ws.filesChanged([{ uri: f.at('white-2024.txt'), type: 3 }]);
    assert.deepEqual(fired, []);
  });
});

describe('URIs (lsp/files.ts)', () => {
  test('one spelling', () => {
    assert.equal(canonicalUri('file:///C:/Users/x/%E6%8A%A5%E5%91%8A.txt'), 'file:///c%3A/Users/x/%E6%8A%A5%E5%91%8A.txt');
    assert.equal(canonicalUri('file:///c%3A/Users/x/报告 (1).txt'), 'file:///c%3A/Users/x/%E6%8A%A5%E5%91%8A%20%281%29.txt');
    assert.equal(canonicalUri('untitled:Untitled-1'), 'untitled:Untitled-1');
    assert.equal(parentUri('file:///a/b.txt'), 'file:///a');
    assert.equal(parentUri('file:///a'), 'file:///');
    assert.equal(parentUri('file:///'), 'file:///');
    assert.equal(relativePath('file:///a/b', 'file:///a/c/d.txt'), '../c/d.txt');
    assert.equal(baseName('file:///a/%E6%8A%A5.txt'), '报.txt');
  });

  test('the web host’s URIs (code-server: vscode-remote:, vscode.dev: vscode-vfs:) are spelled and walked like file: URIs', () => {
    assert.equal(canonicalUri('vscode-remote://127.0.0.1:8080/w/报告 (1).txt'), 'vscode-remote://127.0.0.1:8080/w/%E6%8A%A5%E5%91%8A%20%281%29.txt');
    assert.equal(canonicalUri('vscode-vfs://github/o/r/a%3Ab.txt'), 'vscode-vfs://github/o/r/a%3Ab.txt');
    assert.equal(canonicalUri('git://h/a.txt?ref=x'), 'git://h/a.txt?ref=x', 'a query is left as it is');
    assert.equal(parentUri('vscode-remote://h:1/w/a.txt'), 'vscode-remote://h:1/w');
    assert.equal(relativePath('vscode-remote://h:1/w/a', 'vscode-remote://h:1/w/b/%E6%8A%A5.txt'), '../b/报.txt');
  });
});
