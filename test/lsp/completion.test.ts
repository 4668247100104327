// textDocument/completion over stdio: declared with its trigger characters; on a blanked row of
// table 三 the missing row, preselected, as plain text for a client without snippets (this test
// client declares none), and the same items the core chooses; nothing inside a numeric cell or
// for a document that is not open. The snippet mapping is checked in process (toLspItems).
// Run: node test/run.mjs test/lsp/completion.test.ts
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CompletionList } from 'vscode-languageserver-protocol';
import { analyzeText } from '../../server/src/core/index.ts';
import { completionsAt, newDraft } from '../../server/src/core/draft/index.ts';
import { TRIGGER_CHARACTERS, toLspItems } from '../../server/src/lsp/features/completion.ts';
import { buildServer } from './build';
import { TestClient } from './client';

const URI = 'file:///work/completion.report.txt';
let client: TestClient;
before(async () => {
  await buildServer();
  client = await TestClient.start({ locale: 'en' });
});
after(() => client?.stop());

describe('textDocument/completion', () => {
  test('initialize declares a completion provider with its trigger characters', () => {
    assert.deepEqual(client.result.capabilities.completionProvider?.triggerCharacters, TRIGGER_CHARACTERS);
  });

  test('a blanked row of table 三: the row, preselected, as plain text; nothing in a number cell', async () => {
    const lines = newDraft({ office: '青禾县数据资源局', year: 2025, layout: 'pipes' }).split('\n');
    const row = lines.findIndex((l) => l.startsWith('3.要求提供公开出版物'));
    lines[row] = '';
    const text = lines.join('\n');
    await client.open(URI, text);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: URI }, position: { line: row, character: 0 } });
    assert.equal(list.isIncomplete, false);
    assert.deepEqual(list.items.map((i) => i.label), ['3.要求提供公开出版物']);
    const [item] = list.items;
    assert.equal(item.preselect, true);
    assert.equal(item.insertTextFormat, 1, 'plain text: the client declared no snippet support');
    assert.deepEqual(item.textEdit, { range: { start: { line: row, character: 0 }, end: { line: row, character: 0 } }, newText: '3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |' });
    assert.equal(item.detail, 'Table 三: not handled: publications');
    assert.deepEqual(list.items, toLspItems(completionsAt(analyzeText(text), lines, { line: row, character: 0 }), 'en', false).map((i) => JSON.parse(JSON.stringify(i))));
    const number = row + 1;
    const inCell = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: URI }, position: { line: number, character: lines[number].indexOf('|') + 2 } });
    assert.deepEqual(inCell.items, []);
    assert.equal(await client.request('textDocument/completion', { textDocument: { uri: 'file:///not/open.txt' }, position: { line: 0, character: 0 } }), null);
  });

  test('toLspItems: snippets with tab stops for clients that take them; the detail in the locale', () => {
    const lines = newDraft({ office: 'x', year: 2025, layout: 'tabs' }).split('\n');
    const row = lines.findIndex((l) => l.startsWith('行政处罚'));
    lines[row] = '';
    const [zh] = toLspItems(completionsAt(analyzeText(lines.join('\n')), lines, { line: row, character: 0 }), 'zh-CN', true);
    assert.equal(zh.insertTextFormat, 2);
    assert.equal((zh.textEdit as { newText: string }).newText, '行政处罚\t${1:0}$0');
    assert.equal(zh.detail, '表二 · 第二十条第（六）项');
  });
});
