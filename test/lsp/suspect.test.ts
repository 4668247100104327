// The likely mistyped cell in the editor (CONTRACT.md, "Suspect cells"), over stdio: `data.suspect`
// and related information at that cell on each diagnostic it explains, "change it to N" as the
// first quick fix (the total's recompute second, not preferred), also on the cell itself and as a
// command for clients without code-action literals; hover on the cell and on the failing totals.
// Run: node test/run.mjs test/lsp/suspect.test.ts
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Command, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { buildServer } from './build';
import { TestClient } from './client';
import { cellRange, cleanReport, t3Cell } from './fixture';

const clean = cleanReport();
// 本年新收 / 自然人 typed one less than it is: its row's 总计 and its column's balance fail.
const natural = t3Cell(clean.text, 'new', 0);
const right = Number(natural.text);
const typo = (() => {
  const lines = clean.text.split('\n');
  const l = lines[natural.line];
  lines[natural.line] = l.slice(0, natural.start) + String(right - 1) + l.slice(natural.end);
  return lines.join('\n');
})();
const at = cellRange({ ...natural, end: natural.start + String(right - 1).length });
const hoverText = (h: Hover | null) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');

let client: TestClient;
before(async () => {
  await buildServer();
  client = await TestClient.start();
});
after(() => client?.stop());

describe('a mistyped input cell of table 三', () => {
  const URI = 'file:///work/typo.txt';
  let diags: Diagnostic[];

  test('each diagnostic stays at its total, with data.suspect and related information at the cell first', async () => {
    await client.open(URI, typo);
    diags = await client.diagnosticsOf(URI, 1);
    assert.deepEqual(diags.map((d) => [d.code, (d.data as { cell: string }).cell]), [['request-row-total', 't3.new.total'], ['request-balance', 't3.carryOver.natural']]);
    for (const d of diags) {
      assert.deepEqual((d.data as { suspect: unknown }).suspect, { cell: 't3.new.natural', value: right });
      const first = d.relatedInformation![0];
      assert.deepEqual(first.location, { uri: URI, range: at });
      assert.equal(first.message, `一、本年新收政府信息公开申请数量 / 自然人：${right - 1}，可能录入有误，应为 ${right}`);
      assert.equal(d.relatedInformation!.filter((r) => r.location.range.start.character === at.start.character && r.location.range.start.line === at.start.line).length, 1);
    }
  });

  test('the first quick fix changes the cell (preferred), the total’s recompute second (not preferred); applied, the report is clean', async () => {
    const row = diags.find((d) => d.code === 'request-row-total')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: row.range, context: { diagnostics: [row] } });
    const quick = actions.filter((a) => a.kind === 'quickfix');
    assert.equal(quick[0].title, `将 一、本年新收政府信息公开申请数量 / 自然人 改为 ${right}（疑似录入有误）`);
    assert.equal(quick[0].isPreferred, true);
    assert.deepEqual(quick[0].diagnostics, [row]);
    assert.match(quick[1].title, /^将总计改为 \d+$/);
    assert.equal(quick[1].isPreferred, false);
    assert.equal(quick.filter((a) => a.isPreferred).length, 1);
    assert.equal(client.applyEdit(quick[0].edit!), clean.text);
  });

  test('on the suspect cell itself, with no diagnostic there, the change is offered first', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: { start: at.start, end: at.start }, context: { diagnostics: [] } });
    assert.ok(actions.length >= 1);
    assert.equal(actions[0].title, `将 一、本年新收政府信息公开申请数量 / 自然人 改为 ${right}（疑似录入有误）`);
    assert.equal(client.applyEdit(actions[0].edit!), clean.text);
  });

  test('source.fixAll still recomputes only the totals', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    const after = client.applyEdit(actions[0].edit!).split('\n');
    assert.equal(after[natural.line].slice(at.start.character, at.end.character), String(right - 1), 'the input stays as typed');
    assert.notEqual(after.join('\n'), clean.text);
  });

  test('hover on the cell says what it should be; on a failing total, which cell is likely the typo', async () => {
    const onCell = hoverText(await client.request<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: at.start }));
    assert.match(onCell, new RegExp(`可能录入有误：应为 ${right}（改后两个不成立的等式都成立）`));
    const total = diags.find((d) => d.code === 'request-row-total')!;
    const onTotal = hoverText(await client.request<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: total.range.start }));
    assert.match(onTotal, new RegExp(`t3\\.new\\.natural（${right - 1}）可能录入有误，改为 ${right} 则两个等式都成立`));
    // A cell the suspect does not concern says nothing of it.
    const other = t3Cell(typo, 'granted', 0);
    const elsewhere = hoverText(await client.request<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: { line: other.line, character: other.start } }));
    assert.doesNotMatch(elsewhere, /录入有误/);
  });
});

describe('a mistyped total', () => {
  const URI = 'file:///work/total-typo.txt';
  test('its own fix is the change: no second action for the same edit, on it or on the diagnostics that name it', async () => {
    const total = t3Cell(clean.text, 'new', 6);
    const lines = clean.text.split('\n');
    lines[total.line] = lines[total.line].slice(0, total.start) + '0' + lines[total.line].slice(total.end);
    await client.open(URI, lines.join('\n'));
    const diags = await client.diagnosticsOf(URI, 1);
    assert.equal(diags.length, 2);
    for (const d of diags) assert.deepEqual((d.data as { suspect: unknown }).suspect, { cell: 't3.new.total', value: Number(total.text) });
    const own = diags.find((d) => (d.data as { cell: string }).cell === 't3.new.total')!;
    for (const sent of [[own], diags]) {
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: own.range, context: { diagnostics: sent } });
      assert.ok(!actions.some((a) => /疑似录入有误/.test(a.title)), JSON.stringify(actions.map((a) => a.title)));
      const preferred = actions.filter((a) => a.isPreferred);
      assert.equal(preferred[0].title, `将总计改为 ${total.text}`);
      assert.equal(client.applyEdit(preferred[0].edit!), clean.text);
    }
    // On the balance it puts wrong (at 四、结转 / 总计), the first quick fix changes the total that is the typo.
    const balance = diags.find((d) => d.code === 'request-balance')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: balance.range, context: { diagnostics: [balance] } });
    assert.equal(actions[0].title, `将 一、本年新收政府信息公开申请数量 / 总计 改为 ${total.text}（疑似录入有误）`);
    assert.equal(actions[0].isPreferred, true);
    assert.equal(client.applyEdit(actions[0].edit!), clean.text);
  });
});

describe('a mistyped cell without code-action literals', () => {
  const URI = 'file:///work/plain-typo.txt';
  let plain: TestClient;
  before(async () => {
    plain = await TestClient.start({ documentChanges: false, codeActionLiterals: false });
  });
  after(() => plain?.stop());

  test('the first command changes the cell through workspace/applyEdit', async () => {
    await plain.open(URI, typo);
    const d = (await plain.diagnosticsOf(URI, 1)).find((x) => x.code === 'request-row-total')!;
    const commands = await plain.request<Command[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [d] } });
    assert.equal(commands[0].title, `将 一、本年新收政府信息公开申请数量 / 自然人 改为 ${right}（疑似录入有误）`);
    const n = plain.published.length;
    assert.deepEqual(await plain.request('workspace/executeCommand', { command: commands[0].command, arguments: commands[0].arguments }), { applied: true });
    assert.equal(plain.text(URI), clean.text);
    assert.deepEqual(await plain.diagnosticsOf(URI, plain.version(URI), n), []);
  });
});
