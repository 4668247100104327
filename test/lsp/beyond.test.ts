// The rules beyond the arithmetic in the editor: published diagnostics of prose-table-mismatch,
// enumeration-sum and section-empty with their anchor, cell and expected value; the prose
// mismatch related to its table cell; hover on a prose number (even when it agrees); the prose
// quick fix (not preferred, never in source.fixAll); and the cross-year hook the workspace index
// fills (DocumentStore.setPreviousOf → coreDiagnostics → crossCheck), in-process.
// Run: node test/run.mjs test/lsp/beyond.test.ts
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { ReportModel, analyzeText, type PreviousReport } from '../../server/src/core/index';
import type { ServerContext } from '../../server/src/lsp/context';
import { DocumentStore, fileNameOf, linesOf, type ReportDocument } from '../../server/src/lsp/documents';
import { coreDiagnostics, toLspDiagnostics } from '../../server/src/lsp/features/diagnostics';
import { CopiedReports } from '../../server/src/lsp/copiedReports';
import { composeReport, exampleReport } from '../helpers/compose.mjs';
import { buildServer } from './build';
import { TestClient } from './client';

const URI = 'file:///work/2025%E5%B9%B4%E6%8A%A5%E5%91%8A.txt';
const example = exampleReport();
const report = (year: number, cells: Record<string, number> = {}) =>
  composeReport({ ...example, year, cells: { ...example.cells, ...cells } }).replaceAll(String(example.year), String(year));
const text = report(2025)
  .replace('不断提升政务公开质量。', '不断提升政务公开质量。本年新收政府信息公开申请25件，上年结转2件。全年共发布信息6条，分别为规划计划1条、工作动态3条、规划计划2条。')
  .replace(/(五、存在的主要问题及改进情况\n)[^\n]*\n/, '$1');
const lines = text.split('\n');
const lineOf = (starts: string) => lines.findIndex((l) => l.startsWith(starts));
const proseLine = lines.findIndex((l) => l.includes('新收政府信息公开申请25件'));

let client: TestClient;
let diagnostics: Diagnostic[];
before(async () => {
  await buildServer();
  client = await TestClient.start();
  await client.open(URI, text);
  diagnostics = await client.diagnosticsOf(URI, 1);
});
after(() => client?.stop());

const byCode = (code: string) => diagnostics.filter((d) => d.code === code);
const data = (d: Diagnostic) => d.data as { cell?: string; expected?: number; actual?: number };

describe('published diagnostics', () => {
  test('prose-table-mismatch on the prose number: warning, cell, expected, related to the table cell', () => {
    const [d, ...rest] = byCode('prose-table-mismatch');
    assert.deepEqual(rest, []);
    assert.deepEqual(d.range, { start: { line: proseLine, character: lines[proseLine].indexOf('25件') }, end: { line: proseLine, character: lines[proseLine].indexOf('25件') + 2 } });
    assert.equal(d.severity, 2);
    assert.equal(d.source, 'disclosure-report');
    assert.equal(data(d).cell, 't3.new.total');
    assert.match(String(d.message), /正文所述 25 .*表中为 18/);
    const rel = d.relatedInformation![0];
    assert.equal(rel.location.uri, URI);
    assert.equal(rel.location.range.start.line, lineOf('一、本年新收'));
    assert.equal(lines[rel.location.range.start.line].slice(rel.location.range.start.character, rel.location.range.end.character), '18');
  });
  test('enumeration-sum: a category named twice as information, at the second name', () => {
    const [d] = byCode('enumeration-sum');
    assert.equal(d.severity, 3);
    assert.equal(lines[d.range.start.line].slice(d.range.start.character, d.range.end.character), '规划计划');
    assert.equal(d.relatedInformation?.length, 1);
  });
  test('section-empty on the heading of 五', () => {
    const [d] = byCode('section-empty');
    assert.equal(d.severity, 2);
    assert.equal(d.range.start.line, lineOf('五、存在的主要问题及改进情况'));
  });
});

describe('hover and quick fix on prose numbers', () => {
  const hover = (line: number, character: number) => client.request<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position: { line, character } });
  const value = (h: Hover | null) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');
  test('on a number that differs: its cell and the table’s value', async () => {
    const h = await hover(proseLine, lines[proseLine].indexOf('25件'));
    assert.match(value(h), /正文 25 对应 表三“一、本年新收政府信息公开申请数量”总计：18（不一致）/);
    assert.match(value(h), /t3\.new\.total/);
    assert.equal(h!.range!.start.character, lines[proseLine].indexOf('25件'));
  });
  test('on a number that agrees too (上年结转2件): its cell and value', async () => {
    const h = await hover(proseLine, lines[proseLine].indexOf('结转2件') + 2);
    assert.match(value(h), /（一致）/);
    assert.match(value(h), /t3\.carried\.total/);
  });
  test('the quick fix writes the table’s value into the prose; it is not preferred, and source.fixAll has nothing', async () => {
    const [d] = byCode('prose-table-mismatch');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === 'prose-table-mismatch')!;
    assert.ok(fix, JSON.stringify(actions));
    assert.notEqual(fix.isPreferred, true);
    const after = client.applyEdit(fix.edit!);
    assert.ok(after.split('\n')[proseLine].includes('本年新收政府信息公开申请18件'));
    const all = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.deepEqual(all, []);
  });
});

describe('the cross-year hook for the workspace index', () => {
  // Last year's report: its 四 carried 3 natural persons (this year's 二 says 2).
  const lastUri = 'file:///work/2024%E5%B9%B4%E6%8A%A5%E5%91%8A.txt';
  const last = report(2024, { 't3.carryOver.natural': 3, 't3.carryOver.commercial': 0, 't3.carryOver.total': 3 });
  const doc = { uri: URI, version: 1, model: new ReportModel(report(2025), { name: fileNameOf(URI) }) } as unknown as ReportDocument;
  const log = { error: () => {}, info: () => {} };
  const ctxWith = (previous: unknown) => {
    // The server's own store, its previousOf filled as the workspace index fills it.
    const documents = new DocumentStore(log);
    documents.setPreviousOf(() => previous as PreviousReport | undefined);
    return { documents, log, copied: new CopiedReports(log) } as unknown as ServerContext;
  };
  test('no previous report: the document’s own diagnostics only', () => {
    assert.deepEqual(coreDiagnostics(ctxWith(undefined), doc), doc.model.analysis().diagnostics);
  });
  test('with one: carryover-mismatch at this year’s cell, related to last year’s cell in its file', () => {
    const previous = { analysis: analyzeText(last, { name: fileNameOf(lastUri) }), lines: last.split('\n'), source: lastUri };
    const found = coreDiagnostics(ctxWith(previous), doc).filter((d) => d.rule === 'carryover-mismatch');
    assert.deepEqual(found.map((d) => [d.cell, d.expected, d.actual]), [['t3.carried.natural', 3, 2], ['t3.carried.total', 3, 2]]);
    const [lsp] = toLspDiagnostics(found, { uri: URI, version: 1, locale: 'zh-CN', severity: (_r, own) => own ?? 'warning' });
    assert.equal(lsp.relatedInformation![0].location.uri, lastUri);
    assert.equal(lsp.relatedInformation![0].location.range.start.line, last.split('\n').findIndex((l) => l.startsWith('四、结转下年度继续办理')));
    assert.match(String(lsp.message), /上年报告（2024年报告\.txt）/);
    assert.deepEqual(linesOf(doc.model), report(2025).split('\n'));
  });
  test('the report’s identity falls back on the URI’s file name', () => {
    const untitled = new ReportModel('一、总体情况\n', { name: fileNameOf(URI) }).analysis();
    assert.equal(untitled.identity.year, 2025);
  });
});

test('the code lens names last year’s report above the title', async () => {
  const { previousLens } = await import('../../server/src/lsp/features/codeLens');
  const a = analyzeText(report(2025));
  const lens = previousLens(a, 'file:///work/2024%E5%B9%B4%E6%8A%A5%E5%91%8A.txt', 'zh-CN');
  assert.equal(lens.range.start.line, 0);
  assert.match(lens.command!.title, /^上年报告：2024年报告\.txt/);
});
