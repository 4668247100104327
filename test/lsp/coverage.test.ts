// What was verified, over the protocol: `disclosureReport/coverage` answers whether an open report
// was fully checked and what could not be (the status bar shows it), the code lens of a table
// says "未完全核对" / "not fully checked" when so, and a report lacking rows gets row-missing
// errors as it is typed into — the editor never shows a report that lacks rows as clean.
// Run: node test/run.mjs test/lsp/coverage.test.ts
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeLens, Diagnostic } from 'vscode-languageserver-protocol';
import { SERVER_REQUESTS, type CoverageAnswer } from '../../server/src/protocol';
import { statusView } from '../../client/src/statusView';
import { translate, type Translate } from '../../client/src/bundle';
import { buildServer } from './build';
import { TestClient } from './client';
import { cleanReport } from './fixture';

const clean = cleanReport();
const lacking = clean.text.split('\n').filter((l) => !/^(一、本年新收|二、上年结转)/.test(l)).join('\n');

before(() => buildServer());

describe('coverage over the protocol', () => {
  const CLEAN = 'file:///work/coverage-clean.txt';
  const LACKING = 'file:///work/coverage-lacking.txt';
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
    await client.open(CLEAN, clean.text);
    await client.open(LACKING, lacking);
    await client.diagnosticsOf(CLEAN, 1);
    await client.diagnosticsOf(LACKING, 1);
  });
  after(() => client?.stop());

  test('a clean report: fully checked; no "not fully checked" in its lenses', async () => {
    assert.deepEqual(await client.request<CoverageAnswer>(SERVER_REQUESTS.coverage, { uri: CLEAN }), { fully: true, title: '', detail: '' });
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: CLEAN } });
    assert.ok(lenses.every((l) => !l.command?.title.includes('未完全核对')));
  });

  test('rows missing: row-missing errors, the answer and the lens say "未完全核对" and what could not be checked', async () => {
    const diags = await client.diagnosticsOf(LACKING, 1);
    assert.deepEqual(diags.filter((d: Diagnostic) => d.severity === 1).map((d: Diagnostic) => [d.code, (d.data as { row?: string }).row]), [['row-missing', 't3.new'], ['row-missing', 't3.carried']]);
    const answer = await client.request<CoverageAnswer>(SERVER_REQUESTS.coverage, { uri: LACKING });
    assert.deepEqual(answer, { fully: false, title: '未完全核对', detail: '表三缺 2 行；9/42 个勾稽关系无法核对（9 个因缺行）' });
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: LACKING } });
    assert.match(lenses[0].command!.title, /；未完全核对：表三缺 2 行；9\/39 个勾稽关系无法核对（9 个因缺行）$/);
  });

  test('typing the missing rows back: fully checked again', async () => {
    const lines = clean.text.split('\n');
    const first = lines.findIndex((l) => l.startsWith('一、本年新收'));
    const at = lacking.split('\n').findIndex((l) => l.startsWith('三、本年度办理结果'));
    const v = await client.change(LACKING, [{ range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: lines[first] + '\n' + lines[first + 1] + '\n' }]);
    assert.deepEqual(await client.diagnosticsOf(LACKING, v), []);
    assert.deepEqual(await client.request<CoverageAnswer>(SERVER_REQUESTS.coverage, { uri: LACKING }), { fully: true, title: '', detail: '' });
  });

  test('a document that is not open: null', async () => {
    assert.equal(await client.request(SERVER_REQUESTS.coverage, { uri: 'file:///work/not-open.txt' }), null);
  });
});

describe('table 二 not read whole: the editor says what `check` says', () => {
  // A blank cell of table 二 (no identities: the verdict "全部核对" beside a cell-blank warning before).
  const URI = 'file:///work/coverage-t2-blank.txt';
  const blank = clean.text.replace('行政许可 | 156 |', '行政许可 |  |');
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
    await client.open(URI, blank);
    await client.diagnosticsOf(URI, 1);
  });
  after(() => client?.stop());

  test('the answer (status bar), a lens above table 二 and its outline entry say "未完全核对" and what', async () => {
    assert.notEqual(blank, clean.text);
    const diags = await client.diagnosticsOf(URI, 1);
    assert.deepEqual(diags.map((d: Diagnostic) => [d.code, (d.data as { cell?: string }).cell]), [['cell-blank', 't2.license.decisions']]);
    const gaps = '表二 1 处未读入数字（1 个因单元格空白）';
    assert.deepEqual(await client.request<CoverageAnswer>(SERVER_REQUESTS.coverage, { uri: URI }), { fully: false, title: '未完全核对', detail: gaps });
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } });
    const t2Line = blank.split('\n').findIndex((l) => l.startsWith('第二十条第（一）项'));
    assert.deepEqual(lenses.filter((l) => l.range.start.line === t2Line).map((l) => l.command?.title), [`未完全核对：${gaps}`]);
    // Tables 三 and 四 were read whole: their lenses say nothing of table 二.
    assert.ok(lenses.filter((l) => l.range.start.line !== t2Line).every((l) => !l.command?.title.includes('未完全核对')));
    const symbols = await client.request<{ name: string; children?: { name: string; detail?: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    const tables = symbols.flatMap((x) => x.children ?? []);
    assert.equal(tables.find((x) => x.name.includes('表二'))?.detail, `未完全核对：${gaps}`);
  });

  test('a clean report: no lens above table 二', async () => {
    const CLEAN = 'file:///work/coverage-t2-clean.txt';
    await client.open(CLEAN, clean.text);
    await client.diagnosticsOf(CLEAN, 1);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: CLEAN } });
    const t2Line = clean.text.split('\n').findIndex((l) => l.startsWith('第二十条第（一）项'));
    assert.deepEqual(lenses.filter((l) => l.range.start.line === t2Line), []);
  });
});

describe('coverage in English (initializationOptions.locale)', () => {
  const URI = 'file:///work/coverage-en.txt';
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ initializationOptions: { locale: 'en' } });
    await client.open(URI, lacking);
    await client.diagnosticsOf(URI, 1);
  });
  after(() => client?.stop());

  test('the answer and the lens say "not fully checked"', async () => {
    const answer = await client.request<CoverageAnswer>(SERVER_REQUESTS.coverage, { uri: URI });
    assert.deepEqual(answer, { fully: false, title: 'not fully checked', detail: 'table 三 lacks 2 of its 25 rows; 9 of 42 identities could not be checked (9 for a row missing)' });
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } });
    assert.match(lenses[0].command!.title, /; not fully checked: table 三 lacks 2 of its 25 rows/);
  });
});

describe('the status bar entry (client/src/statusView.ts)', () => {
  // The client's t() in each language, as the bundles have it (l10n/bundle.l10n.zh-cn.json).
  const inZh: Translate = (m, ...a) => translate('zh-CN', m, ...a);
  const inEn: Translate = (m, ...a) => translate('en', m, ...a);
  const partial: CoverageAnswer = { fully: false, title: '未完全核对', detail: '2/42 个勾稽关系无法核对（2 个因单元格空白）' };
  test('counts only, when fully checked or not yet known', () => {
    assert.deepEqual(statusView({ errors: 0, warnings: 0 }, { fully: true, title: '', detail: '' }, inZh), { text: '$(error) 0 $(warning) 0', tooltip: '政府信息公开年度报告：未发现问题。单击打开“问题”面板。', label: '0 个错误，0 个警告' });
    assert.equal(statusView({ errors: 1, warnings: 0 }, null, inZh).text, '$(error) 1 $(warning) 0');
  });
  test('"未完全核对" / "not fully checked" when so, with what could not be checked in the tooltip', () => {
    const zh = statusView({ errors: 0, warnings: 1 }, partial, inZh);
    assert.equal(zh.text, '$(error) 0 $(warning) 1 $(question) 未完全核对');
    assert.match(zh.tooltip, /未完全核对：2\/42 个勾稽关系无法核对（2 个因单元格空白）。$/);
    assert.equal(zh.label, '0 个错误，1 个警告，未完全核对');
    const clean = statusView({ errors: 0, warnings: 0 }, partial, inZh);
    assert.equal(clean.tooltip, '政府信息公开年度报告：未发现问题，但未完全核对：2/42 个勾稽关系无法核对（2 个因单元格空白）。单击打开“问题”面板。');
    const en = statusView({ errors: 2, warnings: 0 }, { ...partial, detail: 'table 三 lacks 2 of its 25 rows' }, inEn);
    assert.equal(en.text, '$(error) 2 $(warning) 0 $(question) not fully checked');
    assert.equal(en.label, '2 error(s), 0 warning(s), not fully checked', 'spoken in words, not as the icons\' English names');
    assert.match(en.tooltip, /\nNot fully checked: table 三 lacks 2 of its 25 rows\.$/);
  });
});
