// Pull diagnostics (`textDocument/diagnostic`): declared only for clients that pull, never pushed
// then, unchanged reports by result id, cancellation and superseded versions.
// Run: node test/run.mjs test/lsp/pull.test.ts
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, DocumentDiagnosticReport, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { buildServer } from './build';
import { TestClient } from './client';
import { cellRange, cleanReport, t3Cell } from './fixture';

const URI = 'file:///work/pulled.txt';
const clean = cleanReport();

let client: TestClient;
before(async () => {
  await buildServer();
  client = await TestClient.start({ pull: true });
});
after(() => client?.stop());

const pull = (previousResultId?: string) =>
  client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: URI }, ...(previousResultId ? { previousResultId } : {}) });

describe('pull diagnostics', () => {
  test('the server declares a diagnostic provider to a client that pulls', () => {
    assert.deepEqual(client.result.capabilities.diagnosticProvider, { identifier: 'disclosure-report', interFileDependencies: true, workspaceDiagnostics: false });
  });

  let resultId = '';
  test('a pull after open reports the clean document', async () => {
    await client.open(URI, clean.text);
    const r = (await pull()) as FullDocumentDiagnosticReport;
    assert.equal(r.kind, 'full');
    assert.deepEqual(r.items, []);
    resultId = r.resultId!;
    assert.ok(resultId);
  });

  test('the same version pulled again with its result id is unchanged', async () => {
    assert.deepEqual(await pull(resultId), { kind: 'unchanged', resultId });
  });

  test('after an incremental change the pull reports that version, and its quick fix works', async () => {
    const cell = t3Cell(clean.text, 'new', 6);
    const v = await client.replace(URI, cell.line, cell.start, cell.end, '0');
    const r = (await pull(resultId)) as FullDocumentDiagnosticReport;
    assert.equal(r.kind, 'full');
    assert.notEqual(r.resultId, resultId);
    const d = r.items.find((x) => x.code === 'request-row-total');
    assert.ok(d, JSON.stringify(r.items));
    assert.deepEqual(d.range, cellRange({ ...cell, end: cell.start + 1 }));
    assert.equal((d.data as { version: number }).version, v);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a) => a.isPreferred)!;
    assert.equal(fix.title, `将总计改为 ${cell.text}`);
    client.applyEdit(fix.edit!, true);
    assert.equal(client.text(URI), clean.text);
    assert.deepEqual(((await pull()) as FullDocumentDiagnosticReport).items, []);
  });

  test('nothing was pushed', async () => {
    await client.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 0 } });
    assert.deepEqual(client.published, []);
  });

  test('a settings change asks the client to pull again', async () => {
    client.notify('workspace/didChangeConfiguration', { settings: { disclosureReport: { debounceMs: 2000 } } });
    await client.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 0 } });
    assert.ok(client.serverRequests.includes('workspace/diagnostic/refresh'), JSON.stringify(client.serverRequests));
  });

  test('a pull cancelled while it waits out the debounce answers RequestCancelled', async () => {
    // debounceMs is 2000 now: a pull right after a change waits a while before it analyses.
    await client.replace(URI, 0, 0, 1, clean.text[0]);
    const { response, cancel } = client.cancellable('textDocument/diagnostic', { textDocument: { uri: URI } });
    cancel();
    await assert.rejects(response, (e: { code: number }) => e.code === -32800);
  });

  test('a pull whose document changes before it is answered answers ServerCancelled (retrigger)', async () => {
    await client.replace(URI, 0, 0, 1, clean.text[0]);
    const p = client.request('textDocument/diagnostic', { textDocument: { uri: URI } });
    await client.replace(URI, 0, 0, 1, clean.text[0]);
    await assert.rejects(p, (e: { code: number; data?: { retriggerRequest: boolean } }) => e.code === -32802 && e.data?.retriggerRequest === true);
    client.notify('workspace/didChangeConfiguration', { settings: { disclosureReport: {} } });
    const r = (await pull()) as FullDocumentDiagnosticReport;
    assert.deepEqual(r.items, []);
  });
});
