// The drafting requests over stdio, as the VS Code client sends them: a new draft, the table
// preview of an open document (following its edits), Format Document and table conversion.
// Run: node test/run.mjs test/lsp/drafting.test.ts
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { analyzeText } from '../../server/src/core/index.ts';
import { formatTables, newDraft, previewModel, type PreviewTable, type PreviewValueCell } from '../../server/src/core/draft/index.ts';
import { buildServer } from './build';
import { TestClient } from './client';
import { cleanReport, t3Cell } from './fixture';

const URI = 'file:///work/drafting.report.txt';
let client: TestClient;
before(async () => {
  await buildServer();
  client = await TestClient.start();
});
after(() => client?.stop());

const values = (p: PreviewTable[]) => p.flatMap((t) => t.rows.flatMap((r) => r.cells)).filter((c): c is PreviewValueCell => c.kind === 'value');

describe('drafting requests', () => {
  test('initialize declares document and range formatting', () => {
    assert.equal(client.result.capabilities.documentFormattingProvider, true);
    assert.equal(client.result.capabilities.documentRangeFormattingProvider, true);
  });

  test('disclosureReport/newDraft answers the core template; malformed params are InvalidParams', async () => {
    const text = await client.request<string>('disclosureReport/newDraft', { office: '青禾县数据资源局', year: 2025, layout: 'tabs' });
    assert.equal(text, newDraft({ office: '青禾县数据资源局', year: 2025, layout: 'tabs' }));
    await assert.rejects(client.request('disclosureReport/newDraft', { office: 'x', year: 'soon', layout: 'tabs' }), (e: { code?: number }) => e.code === -32602);
    await assert.rejects(client.request('disclosureReport/newDraft', { office: 'x', year: 2025, layout: 'csv' }), (e: { code?: number }) => e.code === -32602);
  });

  test('disclosureReport/preview: the model of the open document, following an edit; null when not open', async () => {
    const clean = cleanReport();
    await client.open(URI, clean.text);
    const first = await client.request<PreviewTable[]>('disclosureReport/preview', { uri: URI });
    assert.deepEqual(first, previewModel(analyzeText(clean.text)));
    const cell = t3Cell(clean.text, 'new', 6);
    await client.replace(URI, cell.line, cell.start, cell.end, String(Number(cell.text) + 1));
    const second = await client.request<PreviewTable[]>('disclosureReport/preview', { uri: URI });
    const failing = values(second).filter((v) => v.status === 'failing');
    assert.deepEqual(second, previewModel(analyzeText(client.text(URI))));
    assert.deepEqual(failing.find((v) => v.key === 't3.new.total')?.expected, Number(cell.text));
    assert.equal(await client.request('disclosureReport/preview', { uri: 'file:///not/open.txt' }), null);
    await assert.rejects(client.request('disclosureReport/preview', {}), (e: { code?: number }) => e.code === -32602);
  });

  test('Format Document aligns the tables as the core does; disclosureReport/convertTable rewrites one table', async () => {
    const text = client.text(URI);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: URI }, options: { tabSize: 4, insertSpaces: true } });
    assert.ok(edits.length > 0);
    assert.deepEqual(edits, formatTables(text));
    const t3 = analyzeText(text).tables.find((t) => t.kind === 't3')!;
    // A range inside table 三: only its lines change.
    const ranged = await client.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri: URI }, range: { start: { line: t3.startLine + 4, character: 0 }, end: { line: t3.startLine + 5, character: 0 } }, options: { tabSize: 4, insertSpaces: true } });
    assert.ok(ranged.length > 0);
    assert.ok(ranged.every((e) => e.range.start.line >= t3.startLine && e.range.end.line <= t3.endLine));
    assert.deepEqual(ranged, edits.filter((e) => e.range.start.line >= t3.startLine && e.range.end.line <= t3.endLine));
    assert.deepEqual(await client.request('textDocument/rangeFormatting', { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, options: { tabSize: 4, insertSpaces: true } }), []);
    const r = await client.request<{ version: number; edits: TextEdit[] }>('disclosureReport/convertTable', { uri: URI, line: t3.startLine + 3, to: 'tabs' });
    assert.equal(r.version, client.version(URI));
    const converted = TextDocument.applyEdits(TextDocument.create(URI, 'disclosure-report', 1, text), r.edits);
    const lines = converted.split('\n');
    assert.ok(lines.slice(t3.startLine, t3.endLine + 1).every((l) => !l.includes('|')));
    assert.deepEqual(analyzeText(converted).diagnostics.map((d) => d.rule), analyzeText(text).diagnostics.map((d) => d.rule));
    assert.equal(await client.request('disclosureReport/convertTable', { uri: 'file:///not/open.txt', line: 0, to: 'tabs' }), null);
  });
});
