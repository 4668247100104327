// prose-copied in the editor (issue 18 item 3): Check All Reports runs the batch step over the
// reports it checked, as `disclosure-report check <folder>` does, and publishes the finding on the
// reports that have one (the same message, related information at the other report); an open
// report carries it while its prose is as checked; the threshold comes from
// `.disclosure-report.json` or the setting `disclosureReport.thresholds`, and a change of the file
// publishes the findings again; the Findings view lists them. dist/server.js over stdio, on a temporary folder of composed reports.
// Run: node test/run.mjs test/lsp/copied.test.ts
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { canonicalUri } from '../../server/src/lsp/files';
import { REQUESTS, SERVER_COMMANDS } from '../../server/src/protocol';
import { OTHER, OWN, proseReport } from '../helpers/copied';
import { buildCli, buildServer } from './build';
import { ROOT, TestClient } from './client';

const roots: string[] = [];
after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** a and b: two offices with the same prose (7 of 9 counted sentences, 78 %); c: a third office's own. */
function folder(config?: object) {
  const root = mkdtempSync(join(tmpdir(), 'dr-copied-lsp-'));
  roots.push(root);
  writeFileSync(join(root, 'a.txt'), proseReport('青禾县数据资源局', 2024, OWN));
  writeFileSync(join(root, 'b.txt'), proseReport('白石镇人民政府', 2024, OWN));
  writeFileSync(join(root, 'c.txt'), proseReport('南岭县卫生健康委员会', 2024, OTHER));
  if (config) writeFileSync(join(root, '.disclosure-report.json'), JSON.stringify(config));
  return { root, uri: canonicalUri(pathToFileURL(root).href), at: (rel: string) => canonicalUri(pathToFileURL(join(root, rel)).href), path: (rel: string) => join(root, rel) };
}

const start = (root: string, configuration?: unknown) =>
  TestClient.start({ workspaceFolders: [root], configuration, initializationOptions: { locale: 'en' }, capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });

const checkAll = (c: TestClient) => c.request<{ reports: number; notes: number; cancelled: boolean }>('workspace/executeCommand', { command: SERVER_COMMANDS.checkWorkspace, arguments: [] });

/** The last publication for each URI. */
function lastPublished(c: TestClient): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  for (const p of c.published) out.set(p.uri, p.diagnostics);
  return out;
}

const copied = (ds: Diagnostic[] | undefined) => (ds ?? []).filter((d) => d.code === 'prose-copied');


before(() => Promise.all([buildServer(), buildCli()]));

describe('Check All Reports finds prose copied from another office', () => {
  const f = folder();
  let c: TestClient;
  before(async () => {
    c = await start(f.uri);
  });
  after(() => c?.stop());

  test('published on both reports that share most of their prose, as `check` says it; none on the third', async () => {
    const summary = await checkAll(c);
    assert.equal(summary.reports, 3);
    const last = lastPublished(c);
    const a = copied(last.get(f.at('a.txt')));
    const b = copied(last.get(f.at('b.txt')));
    assert.deepEqual(copied(last.get(f.at('c.txt'))), []);
    assert.equal(a.length, 1);
    assert.equal(b.length, 1);
    assert.equal(a[0].severity, 3, 'information');
    assert.match(String(a[0].message), /^78 % of this report’s prose sentences \(7 of 9\) are word for word in 白石镇人民政府’s report \(b\.txt\) of the same year/);
    // Related: the shared passages in the other report.
    assert.deepEqual([...new Set(a[0].relatedInformation?.map((r) => r.location.uri))], [f.at('b.txt')]);
    assert.deepEqual([...new Set(b[0].relatedInformation?.map((r) => r.location.uri))], [f.at('a.txt')]);
    // Counted in the summary, as every finding the check published.
    const notes = [...last.values()].flat().filter((d) => d.severity !== 1 && d.severity !== 2).length;
    assert.equal(summary.notes, notes);

    // The CLI over the same folder: the same findings, messages and places.
    const cli = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', '--format', 'json', '--locale', 'en', f.root], { encoding: 'utf8' });
    type Found = { rule: string; message: string; range: unknown; related?: { path: string; range: unknown }[] };
    for (const file of JSON.parse(cli.stdout).files as { path: string; diagnostics: Found[] }[]) {
      const uri = canonicalUri(pathToFileURL(file.path).href);
      const fromCli = file.diagnostics.filter((d) => d.rule === 'prose-copied').map((d) => ({ message: d.message, range: d.range, related: d.related?.map((r) => [canonicalUri(pathToFileURL(r.path).href), r.range]) }));
      const fromEditor = copied(last.get(uri)).map((d) => ({ message: d.message, range: d.range, related: d.relatedInformation?.map((r) => [r.location.uri, r.location.range]) }));
      assert.deepEqual(fromEditor, fromCli, file.path);
    }
    // The Findings view lists them with the reports' other findings.
    const view = await c.request<{ reports: { uri: string; findings: { rule: string }[] }[] }>(REQUESTS.findings.method, {});
    assert.deepEqual(view.reports.filter((r) => r.findings.some((x) => x.rule === 'prose-copied')).map((r) => r.uri), [f.at('a.txt'), f.at('b.txt')]);
  });

  test('an open report carries its finding while its prose is as checked', async () => {
    const uri = f.at('b.txt');
    const text = proseReport('白石镇人民政府', 2024, OWN);
    await c.open(uri, text);
    assert.equal(copied(await c.diagnosticsOf(uri, 1)).length, 1);
    // Its prose rewritten: the finding is gone from its diagnostics until the next check.
    const since = c.published.length;
    const v = await c.change(uri, [{ text: proseReport('白石镇人民政府', 2024, OTHER.map((x) => x.replace('。', '，形成长效机制。'))) }]);
    assert.deepEqual(copied(await c.diagnosticsOf(uri, v, since)), []);
    // Checked again with the open text: b no longer shares a's prose, and a's finding goes too.
    await checkAll(c);
    assert.deepEqual(copied(lastPublished(c).get(f.at('a.txt'))), []);
    c.notify('textDocument/didClose', { textDocument: { uri } });
  });
});

describe('a client that pulls diagnostics', () => {
  test('an open report’s pulled diagnostics carry the finding once the check found it (a refresh is asked for)', async () => {
    const f = folder();
    const c = await TestClient.start({ pull: true, workspaceFolders: [f.uri], initializationOptions: { locale: 'en' } });
    try {
      const uri = f.at('b.txt');
      await c.open(uri, proseReport('白石镇人民政府', 2024, OWN));
      const pull = () => c.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.deepEqual(copied((await pull()).items), []);
      const refreshes = c.serverRequests.filter((m) => m === 'workspace/diagnostic/refresh').length;
      await checkAll(c);
      assert.ok(c.serverRequests.filter((m) => m === 'workspace/diagnostic/refresh').length > refreshes, 'the client is asked to pull again');
      const [d] = copied((await pull()).items);
      assert.deepEqual([...new Set(d?.relatedInformation?.map((r) => r.location.uri))], [f.at('a.txt')]);
      // a, not open, was published with its finding, naming b.
      assert.equal(copied(lastPublished(c).get(f.at('a.txt'))).length, 1);
    } finally {
      await c.stop();
    }
  });
});

describe('the threshold of prose-copied', () => {
  test('from .disclosure-report.json: above the share, nothing; a change of the file publishes the findings again', async () => {
    const f = folder({ thresholds: { 'prose-copied': 80 } });
    const c = await start(f.uri);
    try {
      await checkAll(c);
      let last = lastPublished(c);
      assert.ok(last.has(f.at('a.txt')) && last.has(f.at('b.txt')));
      assert.deepEqual([...last.values()].flatMap(copied), [], '78 % is not above 80 %');
      // Lowered below the share: both reports are published again with their finding.
      const since = c.published.length;
      writeFileSync(f.path('.disclosure-report.json'), JSON.stringify({ thresholds: { 'prose-copied': 70 } }));
      c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: f.at('.disclosure-report.json'), type: 2 }] });
      for (const rel of ['a.txt', 'b.txt']) await c.nextPublish(f.at(rel), since, (ds) => copied(ds).length === 1);
      await checkAll(c);
      last = lastPublished(c);
      assert.deepEqual(['a.txt', 'b.txt', 'c.txt'].map((rel) => copied(last.get(f.at(rel))).length), [1, 1, 0]);
      // Its severity through the file as every rule's.
      writeFileSync(f.path('.disclosure-report.json'), JSON.stringify({ thresholds: { 'prose-copied': 70 }, severity: { 'prose-copied': 'off' } }));
      c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: f.at('.disclosure-report.json'), type: 2 }] });
      await checkAll(c);
      assert.deepEqual([...lastPublished(c).values()].flatMap(copied), []);
    } finally {
      await c.stop();
    }
  });

  test('from the setting disclosureReport.thresholds (the config file wins over it)', async () => {
    const f = folder();
    const c = await start(f.uri, { thresholds: { 'prose-copied': 80 } });
    try {
      await checkAll(c);
      assert.deepEqual([...lastPublished(c).values()].flatMap(copied), []);
      writeFileSync(f.path('.disclosure-report.json'), JSON.stringify({ thresholds: { 'prose-copied': 60 } }));
      c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: f.at('.disclosure-report.json'), type: 1 }] });
      await checkAll(c);
      const last = lastPublished(c);
      assert.deepEqual(['a.txt', 'b.txt', 'c.txt'].map((rel) => copied(last.get(f.at(rel))).length), [1, 1, 0]);
    } finally {
      await c.stop();
    }
  });
});

describe('after the check, changes on disk', () => {
  test('a report rewritten or deleted: the findings that went with it go', async () => {
    const f = folder();
    writeFileSync(f.path('d.txt'), proseReport('松原市教育局', 2024, OTHER));
    const c = await start(f.uri);
    try {
      await checkAll(c);
      let last = lastPublished(c);
      assert.deepEqual(['a.txt', 'b.txt', 'c.txt', 'd.txt'].map((rel) => copied(last.get(f.at(rel))).length), [1, 1, 1, 1]);
      // b's prose rewritten on disk: a and b are published again without their finding.
      let since = c.published.length;
      writeFileSync(f.path('b.txt'), proseReport('白石镇人民政府', 2024, OWN.map((x) => x.replace('。', '，形成长效机制。'))));
      c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: f.at('b.txt'), type: 2 }] });
      for (const rel of ['a.txt', 'b.txt']) await c.nextPublish(f.at(rel), since, (ds) => copied(ds).length === 0);
      // d deleted: its diagnostics cleared, and c's finding (d's prose) goes.
      since = c.published.length;
      rmSync(f.path('d.txt'));
      c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: f.at('d.txt'), type: 3 }] });
      await c.nextPublish(f.at('c.txt'), since, (ds) => copied(ds).length === 0);
      last = lastPublished(c);
      assert.deepEqual(last.get(f.at('d.txt')), []);
      assert.deepEqual([...last.values()].flatMap(copied), []);
    } finally {
      await c.stop();
    }
  });
});
