// The editor features over the protocol: hover, inlay hints, code lens, document symbols and
// folding answer what the feature functions compute (their words are held in-process by
// logic.test.ts), commands apply their edits, and the settings: per-rule severity (incl. off),
// locale, pushed and pulled configuration.
// Run: node test/run.mjs test/lsp/features.test.ts
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeLens, Diagnostic, DocumentSymbol, FoldingRange, Hover, InlayHint } from 'vscode-languageserver-protocol';
import { ReportModel, type Cell } from '../../server/src/core/index';
import { codeLenses } from '../../server/src/lsp/features/codeLens';
import { foldingRanges } from '../../server/src/lsp/features/folding';
import { hoverText as hoverTextFor } from '../../server/src/lsp/features/hover';
import { documentSymbols } from '../../server/src/lsp/features/symbols';
import { cellAt } from '../../server/src/lsp/tables';
import { buildServer } from './build';
import { TestClient } from './client';
import { cellRange, cleanReport, t3Cell, t4Cell } from './fixture';

const clean = cleanReport();
const HEADINGS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

before(() => buildServer());

/** A value as it travels in JSON (undefined fields dropped). */
const wire = <T>(x: T): T => JSON.parse(JSON.stringify(x));

/** The hover text the feature computes for a cell of `text`, in-process. */
const hoverTextOf = (text: string, cell: Cell, locale: 'zh-CN' | 'en', markdown: boolean) => {
  const a = new ReportModel(text).analysis();
  return hoverTextFor(cellAt(a, { line: cell.line, character: cell.start })!, a.format, locale, markdown);
};

const hoverText = (h: Hover | null) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');

describe(`editor features on ${clean.name} (zh-CN by default)`, () => {
  const URI = 'file:///work/features.txt';
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
    await client.open(URI, clean.text);
    await client.diagnosticsOf(URI, 1);
  });
  after(() => client?.stop());

  const hover = (c: { line: number; start: number }) => client.request<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position: { line: c.line, character: c.start } });
  const whole = () => ({ start: { line: 0, character: 0 }, end: { line: client.text(URI).split('\n').length, character: 0 } });

  // The words are tested in-process (logic.test.ts); here, that the server answers with them.
  test('hover: the feature’s text as markdown, over the cell’s range', async () => {
    const cell = t3Cell(clean.text, 'new', 6);
    const h = await hover(cell);
    assert.deepEqual(h, { contents: { kind: 'markdown', value: hoverTextOf(clean.text, cell, 'zh-CN', true) }, range: cellRange(cell) });
    const input = t3Cell(clean.text, 'granted', 1);
    assert.equal(hoverText(await hover(input)), hoverTextOf(clean.text, input, 'zh-CN', true));
  });

  test('hover on prose is empty', async () => {
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 1 } }), null);
  });

  test('code lens, document symbols and folding: what the feature functions compute for the server’s text', async () => {
    const m = new ReportModel(clean.text);
    const a = m.analysis();
    assert.deepEqual(await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } }), wire(codeLenses(URI, 1, a, 'zh-CN')));
    assert.deepEqual(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } }), wire(documentSymbols(m, a, 'zh-CN')));
    assert.deepEqual(await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: URI } }), wire(foldingRanges(m, a)));
    // And they are what a reader expects of this report.
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } });
    assert.deepEqual(lenses.map((l) => l.command?.title), ['勾稽关系 39/39 成立（行 25/25，列 7/7）', '勾稽关系 3/3 成立']);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.deepEqual(symbols.map((s) => s.name), HEADINGS);
  });

  test('a wrong total: ✗ in the hover, 应为 N as inlay hint, the verdict drops and offers a recompute lens that works', async () => {
    const cell = t4Cell(clean.text, 4);
    const right = Number(cell.text);
    const v = await client.replace(URI, cell.line, cell.start, cell.end, String(right + 3));
    await client.diagnosticsOf(URI, v);
    const text = hoverText(await hover(cell));
    assert.match(text, new RegExp(`总计 = .* = ${right}\`? ✗ 应为 ${right}（实为 ${right + 3}）`));

    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: URI }, range: whole() });
    assert.deepEqual(hints.map((h) => [h.label, h.position]), [[`应为 ${right}`, { line: cell.line, character: cell.start + String(right + 3).length }]]);

    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } });
    assert.ok(lenses.some((l) => l.command?.title === '勾稽关系 2/3 成立'), JSON.stringify(lenses.map((l) => l.command?.title)));
    const recompute = lenses.find((l) => l.command?.command && l.range.start.line === lenses.find((x) => x.command?.title === '勾稽关系 2/3 成立')!.range.start.line)!;
    assert.equal(recompute.command!.title, '重新计算本表总计');
    const n = client.published.length;
    const r = await client.request<{ applied: boolean }>('workspace/executeCommand', { command: recompute.command!.command, arguments: recompute.command!.arguments });
    assert.deepEqual(r, { applied: true });
    assert.equal(client.text(URI), clean.text);
    assert.deepEqual(await client.diagnosticsOf(URI, client.version(URI), n), []);
    assert.deepEqual(await client.request('textDocument/inlayHint', { textDocument: { uri: URI }, range: whole() }), []);
  });

  test('a command for an older version does nothing', async () => {
    const r = await client.request('workspace/executeCommand', { command: 'disclosure-report.server.recompute', arguments: [{ uri: URI, version: 1 }] });
    assert.deepEqual(r, { applied: false });
  });
});

describe('locale from initializationOptions (en), severities from pushed settings', () => {
  const URI = 'file:///work/en.txt';
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ initializationOptions: { locale: 'en' }, locale: 'zh-cn' });
    await client.open(URI, clean.text);
    await client.diagnosticsOf(URI, 1);
  });
  after(() => client?.stop());

  let v = 0;
  test('messages, hover, hints and lenses in English', async () => {
    const cell = t3Cell(clean.text, 'new', 6);
    const right = Number(cell.text);
    v = await client.replace(URI, cell.line, cell.start, cell.end, String(right + 1));
    const d = (await client.diagnosticsOf(URI, v)).find((x) => x.code === 'request-row-total')!;
    assert.match(String(d.message), new RegExp(`总计 should be ${right}`));
    const h = hoverText(await client.request<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: { line: cell.line, character: cell.start } }));
    assert.match(h, new RegExp(`✗ should be ${right} \\(is ${right + 1}\\)`));
    assert.match(h, /Row: \*\*一、本年新收政府信息公开申请数量\*\*/);
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } } });
    assert.ok(hints.some((x) => x.label === `should be ${right}`));
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } });
    assert.match(lenses[0].command!.title, /^identities: 37\/39 hold \(rows 24\/25, columns 6\/7\)$/);
    const fix = (await client.request<{ title: string }[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [d] } })).map((a) => a.title);
    assert.ok(fix.includes(`Change 总计 to ${right}`), JSON.stringify(fix));
  });

  test('pushed settings: a rule off drops it, another downgraded, and the locale setting wins', async () => {
    const n = client.published.length;
    client.notify('workspace/didChangeConfiguration', {
      settings: { disclosureReport: { severity: { 'request-row-total': 'off', 'request-balance': 'hint' }, locale: 'zh-CN' } },
    });
    const diags = await client.diagnosticsOf(URI, v, n);
    assert.deepEqual(diags.map((d) => [d.code, d.severity]), [['request-balance', 4]]);
    assert.match(String(diags[0].message), /应为/);
    // Inlay hints follow: none for the rule that is off.
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } } });
    assert.ok(hints.every((h) => !/应为 18|should/.test(String(h.label)) || h.position.line !== t3Cell(clean.text, 'new', 6).line));
  });

  test('empty or malformed settings mean the defaults, never all off', async () => {
    const n = client.published.length;
    client.notify('workspace/didChangeConfiguration', { settings: { disclosureReport: { severity: 'nonsense', debounceMs: -5, locale: 42 } } });
    const diags = await client.diagnosticsOf(URI, v, n);
    assert.deepEqual(diags.map((d) => [d.code, d.severity]).sort(), [['request-balance', 1], ['request-row-total', 1]]);
    assert.match(String(diags[0].message), /should be/); // back to initializationOptions.locale
  });
});

describe('settings pulled per document (workspace/configuration)', () => {
  const URI = 'file:///work/pulled-settings.txt';
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ configuration: { severity: { 'review-total': 'warning' }, locale: 'en', debounceMs: 0 } });
  });
  after(() => client?.stop());

  test('the server asks, and the answer applies', async () => {
    const cell = t4Cell(clean.text, 4);
    const text = clean.text.split('\n').map((l, i) => (i === cell.line ? l.slice(0, cell.start) + '9' + l.slice(cell.end) : l)).join('\n');
    await client.open(URI, text);
    const diags: Diagnostic[] = await client.diagnosticsOf(URI, 1);
    assert.ok(client.serverRequests.includes('workspace/configuration'));
    assert.deepEqual(diags.map((d) => [d.code, d.severity]), [['review-total', 2]]);
    assert.match(String(diags[0].message), /should be/);
  });

  test('a configuration change makes the server ask again', async () => {
    const n = client.published.length;
    client.configuration = null; // the client has nothing for this section: defaults
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const diags = await client.diagnosticsOf(URI, 1, n);
    assert.deepEqual(diags.map((d) => [d.code, d.severity]), [['review-total', 1]]);
    assert.match(String(diags[0].message), /应为/);
  });
});

describe('a switch of disclosureReport.locale while a report is open', () => {
  const URI = 'file:///work/locale-switch.txt';
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ initializationOptions: { locale: 'en' } });
    await client.open(URI, clean.text);
    await client.diagnosticsOf(URI, 1);
  });
  after(() => client?.stop());

  const texts = async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } });
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    const flat = (s: DocumentSymbol[]): string[] => s.flatMap((x) => [x.name, x.detail ?? '', ...flat(x.children ?? [])]);
    return { lenses: lenses.map((l) => l.command?.title ?? ''), symbols: flat(symbols).filter(Boolean) };
  };
  const english = (s: string) => s.replace(/disclosure-report/g, '').match(/[A-Za-z]{3,}/g) ?? [];

  test('every lens (table 四’s too) and every table name of the outline in the new language at once', async () => {
    const before = await texts();
    assert.ok(before.lenses.length >= 2 && before.lenses.every((t) => /^identities: /.test(t)), JSON.stringify(before.lenses));
    assert.ok(before.symbols.some((t) => /^Table 四/.test(t)), JSON.stringify(before.symbols));
    client.notify('workspace/didChangeConfiguration', { settings: { disclosureReport: { locale: 'zh-CN' } } });
    const after = await texts();
    assert.equal(after.lenses.length, before.lenses.length);
    for (const t of [...after.lenses, ...after.symbols]) assert.deepEqual(english(t), [], t);
    assert.ok(after.lenses.every((t) => /^勾稽关系 /.test(t)), JSON.stringify(after.lenses));
    assert.ok(after.symbols.some((t) => /^表四/.test(t)), JSON.stringify(after.symbols));
  });

  test('a client that asks (initializationOptions.symbolsRefresh) is told the symbols changed, after the server has the new settings; one that does not is not', async () => {
    const asks = await TestClient.start({ initializationOptions: { locale: 'en', symbolsRefresh: true } });
    try {
      await asks.open(URI, clean.text);
      const told = asks.within(
        new Promise<void>((resolve) => {
          const l = (m: { method?: string }) => {
            if (m.method === 'disclosureReport/symbolsChanged') {
              asks.wire.listeners.delete(l);
              resolve();
            }
          };
          asks.wire.listeners.add(l);
        }),
        'disclosureReport/symbolsChanged',
      );
      asks.notify('workspace/didChangeConfiguration', { settings: { disclosureReport: { locale: 'zh-CN' } } });
      await told;
      const symbols = await asks.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
      assert.ok(symbols.some((s) => (s.children ?? []).some((c) => /^表三/.test(c.name))), 'asked again, the symbols are in the new language');
    } finally {
      await asks.stop();
    }
    const seen: string[] = [];
    const l = (m: { method?: string }) => m.method && seen.push(m.method);
    client.wire.listeners.add(l);
    client.notify('workspace/didChangeConfiguration', { settings: { disclosureReport: { locale: 'en' } } });
    await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } });
    client.wire.listeners.delete(l);
    assert.ok(!seen.includes('disclosureReport/symbolsChanged'), seen.join());
  });
});
