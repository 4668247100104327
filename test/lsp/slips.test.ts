// The slips of the pen in the editor: word-repeated, punctuation-halfwidth and sentence-unfinished published with their
// severity, and their quick fixes change only the slip's characters (not preferred, not in fix-all).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { composeReport, exampleReport } from '../helpers/compose.mjs';
import { buildServer } from './build';
import { TestClient } from './client';

const URI = 'file:///work/slips.txt';
// r09's 资金资金 and r11's 解读,通过, as published; r07's paragraph left without its 。 before （三）.
const R07 = '2023年度我局共收到依申请信息公开26件，及时回复申请人，并将申请人所申请的信息通过电子邮箱发送给申请人';
const text = composeReport(exampleReport()).replace(
  '不断提升政务公开质量。',
  `不断提升政务公开质量。公开了上海市科技计划资金资金分配结果信息，对政策文件均开展了解读,通过门户网站发布。\n（二）依申请公开政府信息情况\n${R07}\n（三）完善公开制度规范，加强政府信息管理\n我局执行三级审核制度。`,
);
const line = text.split('\n').findIndex((l) => l.includes('资金资金'));

let client: TestClient;
let diagnostics: Diagnostic[];
before(async () => {
  await buildServer();
  client = await TestClient.start();
  await client.open(URI, text);
  diagnostics = await client.diagnosticsOf(URI, 1);
});
after(() => client?.stop());

const fixOf = async (code: string) => {
  const d = diagnostics.find((x) => x.code === code)!;
  assert.ok(d, `${code} published: ${JSON.stringify(diagnostics.map((x) => x.code))}`);
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [d] } });
  const fix = actions.find((a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === code)!;
  assert.ok(fix, JSON.stringify(actions));
  assert.notEqual(fix.isPreferred, true);
  return { d, fix };
};

test('word-repeated: information on the second 资金; the quick fix deletes it and changes nothing else', async () => {
  const { d, fix } = await fixOf('word-repeated');
  assert.equal(d.severity, 3);
  assert.equal(d.range.start.line, line);
  assert.equal(client.applyEdit(fix.edit!), text.replace('资金资金', '资金'));
});

test('punctuation-halfwidth: a hint at the comma; the quick fix writes “，” there only; source.fixAll has nothing', async () => {
  const { d, fix } = await fixOf('punctuation-halfwidth');
  assert.equal(d.severity, 4);
  assert.equal(client.applyEdit(fix.edit!), text.replace('解读,通过', '解读，通过'));
  const all = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [], only: ['source.fixAll'] } });
  assert.deepEqual(all, []);
});

test('sentence-unfinished: information at the paragraph’s last character; the quick fix adds “。” there only; source.fixAll has nothing', async () => {
  const { d, fix } = await fixOf('sentence-unfinished');
  assert.equal(d.severity, 3);
  assert.deepEqual(d.range.start, { line: text.split('\n').findIndex((l) => l === R07), character: R07.length - 1 });
  assert.equal(client.applyEdit(fix.edit!), text.replace(R07, `${R07}。`));
  const all = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [], only: ['source.fixAll'] } });
  assert.deepEqual(all, []);
});
