// A released report's findings equal a fresh parse's. The server keeps the parse of the reports
// used last only (lsp/documents.ts, `initializationOptions.keepParsed`); the others keep their
// text and their own findings, publish those when every open report is checked again (a settings
// change), answer a pull "unchanged", and parse again when a request needs the analysis (hover,
// lens, an edit). Here a server that keeps one parse (every use of another report releases the
// one before) is held, message by message, to a server that keeps them all, on real report text:
// the examples, a report with last year's report open beside it, and ../shared's seeds.
// Run: node test/run.mjs test/lsp/released.test.ts
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeLens, Diagnostic, DocumentDiagnosticReport, DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { analyzeText, type Cell } from '../../server/src/core/index';
import { buildServer } from './build';
import { TestClient } from './client';
import { composeReport, examples, seeds } from './fixture';

const SETTINGS = { disclosureReport: { debounceMs: 0 } };

/** Last year's report first, so that this year's finds it open; then the examples and three seeds. */
const REPORTS: { name: string; text: string }[] = [
  { name: 'pair-2024.report.txt', text: composeReport(2024) },
  { name: 'pair-2025.report.txt', text: composeReport(2025) },
  ...examples().map((e) => ({ name: e.name.replace(/^examples\//, ''), text: e.text })),
  ...seeds().slice(0, 3),
];

const A = 'file:///work/released/';
const B = 'file:///work/fresh/';
const uriOf = (base: string, i: number) => `${base}${REPORTS[i].name}`;
/** What the fresh server says, with its URIs spelled as the releasing server's. */
const asA = <T>(x: T): T => JSON.parse(JSON.stringify(x).replaceAll(B, A));

let released: TestClient;
let fresh: TestClient;
let pulls: TestClient;
before(async () => {
  await buildServer();
  [released, fresh, pulls] = await Promise.all([
    TestClient.start({ configuration: SETTINGS, initializationOptions: { keepParsed: 1 } }),
    TestClient.start({ configuration: SETTINGS }),
    TestClient.start({ pull: true, configuration: SETTINGS, initializationOptions: { keepParsed: 1 } }),
  ]);
  for (let i = 0; i < REPORTS.length; i++) {
    await released.open(uriOf(A, i), REPORTS[i].text);
    await released.diagnosticsOf(uriOf(A, i), 1);
    await fresh.open(uriOf(B, i), REPORTS[i].text);
    await fresh.diagnosticsOf(uriOf(B, i), 1);
  }
});
after(() => Promise.all([released?.stop(), fresh?.stop(), pulls?.stop()]));

/** An input cell of table 三 (or 四) with a number, found by the core. */
function inputCell(text: string): Cell | undefined {
  for (const t of analyzeText(text).tables) {
    const cells = t.kind === 't3' ? t.rows.flatMap((r) => r.cells) : t.kind === 't4' ? t.cells : [];
    const c = cells.find((x) => x && !x.derived && x.value !== null && /^\d+$/.test(x.text));
    if (c) return c;
  }
  return undefined;
}

/** Every open report's next publication after `since` in both servers, by index. */
async function republished(sinceA: number, sinceB: number): Promise<{ a: Diagnostic[]; b: Diagnostic[] }[]> {
  const out = [];
  for (let i = 0; i < REPORTS.length; i++) {
    const a = await released.nextPublish(uriOf(A, i), sinceA);
    const b = await fresh.nextPublish(uriOf(B, i), sinceB);
    out.push({ a: a.diagnostics, b: b.diagnostics });
  }
  return out;
}

describe('a released report answers as the same text opened fresh', () => {
  test('its diagnostics: published on open, and again for every open report after a settings change (last year’s report included)', async () => {
    // (This year's report of the pair is published again once last year's is found: compared below.)
    for (let i = 0; i < REPORTS.length; i++) {
      if (i !== 1) assert.deepEqual(await released.diagnosticsOf(uriOf(A, i), 1), asA(await fresh.diagnosticsOf(uriOf(B, i), 1)), REPORTS[i].name);
    }
    for (const locale of ['en', 'zh-CN']) {
      const [sa, sb] = [released.published.length, fresh.published.length];
      const settings = { disclosureReport: { debounceMs: 0, locale } };
      released.configuration = fresh.configuration = settings;
      released.notify('workspace/didChangeConfiguration', { settings });
      fresh.notify('workspace/didChangeConfiguration', { settings });
      const got = await republished(sa, sb);
      got.forEach((g, i) => assert.deepEqual(g.a, asA(g.b), `${REPORTS[i].name}, locale ${locale}`));
      if (locale === 'en') assert.ok(got[1].a.some((d) => d.relatedInformation?.some((r) => r.location.uri === uriOf(A, 0))), `this year's report is compared with last year's: ${JSON.stringify(got[1].a.map((d) => d.code))}`);
    }
  });

  test('hover, code lens and outline parse it again and equal the fresh server’s', async () => {
    for (let i = 0; i < REPORTS.length; i++) {
      const cell = inputCell(REPORTS[i].text);
      const [ua, ub] = [uriOf(A, i), uriOf(B, i)];
      // The report before this one was used last: this one's parse is released.
      if (cell) {
        const at = { line: cell.line, character: cell.start };
        const [ha, hb] = await Promise.all([released.request<Hover | null>('textDocument/hover', { textDocument: { uri: ua }, position: at }), fresh.request<Hover | null>('textDocument/hover', { textDocument: { uri: ub }, position: at })]);
        assert.ok(ha, `${REPORTS[i].name}: a hover on ${cell.key}`);
        assert.deepEqual(ha, asA(hb), `${REPORTS[i].name}: hover`);
      }
      const [la, lb] = await Promise.all([released.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: ua } }), fresh.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: ub } })]);
      assert.deepEqual(la, asA(lb), `${REPORTS[i].name}: code lens`);
      const [sa, sb] = await Promise.all([released.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: ua } }), fresh.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: ub } })]);
      assert.deepEqual(sa, sb, `${REPORTS[i].name}: outline`);
    }
  });

  test('pulled: unchanged while released, and in full after a settings change, as the fresh server’s', async () => {
    for (let i = 0; i < REPORTS.length; i++) await pulls.open(uriOf(A, i), REPORTS[i].text);
    // Once this year's report has found last year's, the server asks for a refresh (result ids change).
    await pulls.serverRequest('workspace/diagnostic/refresh');
    const ids: string[] = [];
    for (let i = 0; i < REPORTS.length; i++) {
      const r = await pulls.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: uriOf(A, i) } });
      assert.equal(r.kind, 'full');
      ids.push(r.resultId!);
    }
    for (let i = 0; i < REPORTS.length; i++) {
      const r = await pulls.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: uriOf(A, i) }, previousResultId: ids[i] });
      assert.equal(r.kind, 'unchanged', REPORTS[i].name);
    }
    const settings = { disclosureReport: { debounceMs: 0, locale: 'en' } };
    pulls.configuration = fresh.configuration = settings;
    pulls.notify('workspace/didChangeConfiguration', { settings });
    const sb = fresh.published.length;
    fresh.notify('workspace/didChangeConfiguration', { settings });
    for (let i = 0; i < REPORTS.length; i++) {
      const b = await fresh.nextPublish(uriOf(B, i), sb);
      const r = await pulls.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: uriOf(A, i) }, previousResultId: ids[i] });
      assert.equal(r.kind, 'full', `${REPORTS[i].name}: the settings changed`);
      if (r.kind === 'full') assert.deepEqual(r.items, asA(b.diagnostics), REPORTS[i].name);
    }
  });
  test('an edit after the release (a table number changed, then put back) publishes what the fresh server publishes', async () => {
    for (let i = 0; i < REPORTS.length; i++) {
      const cell = inputCell(REPORTS[i].text);
      if (!cell) continue;
      // Another report used last: this one is released when the edit comes.
      const other = (i + 1) % REPORTS.length;
      await released.request('textDocument/hover', { textDocument: { uri: uriOf(A, other) }, position: { line: 0, character: 0 } });
      const changed = String(Number(cell.text) + 7);
      for (const [from, to, text] of [[cell.start, cell.end, changed], [cell.start, cell.start + changed.length, cell.text]] as const) {
        const range = { start: { line: cell.line, character: from }, end: { line: cell.line, character: to } };
        const va = await released.change(uriOf(A, i), [{ range, text }]);
        const vb = await fresh.change(uriOf(B, i), [{ range, text }]);
        const [da, db] = [await released.diagnosticsOf(uriOf(A, i), va), await fresh.diagnosticsOf(uriOf(B, i), vb)];
        assert.deepEqual(da, asA(db), `${REPORTS[i].name}: ${cell.key} = ${text}`);
        if (text === changed) assert.ok(da.some((d) => d.range.start.line === cell.line), `${REPORTS[i].name}: the changed number breaks a sum on its line`);
      }
    }
  });
});
