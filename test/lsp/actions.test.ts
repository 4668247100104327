// The language server as a client sees it, over stdio: pushed diagnostics of each version, the
// quick fixes and recompute actions, versioned edits, stale requests.
// Run: node test/run.mjs test/lsp/actions.test.ts
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { buildServer } from './build';
import { TestClient } from './client';
import { cellRange, cleanReport, t3Cell, t4Cell } from './fixture';

const URI = 'file:///work/report.txt';
const clean = cleanReport();

let client: TestClient;
before(async () => {
  await buildServer();
  // No initializationOptions, no settings, no workspace/configuration: the defaults.
  client = await TestClient.start();
});
after(() => client?.stop());

const actionsFor = (diagnostics: Diagnostic[], range = diagnostics[0].range, only?: string[]) =>
  client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range, context: { diagnostics, ...(only ? { only } : {}) } });

describe(`push diagnostics and code actions on ${clean.name}`, () => {
  test('initialize declares incremental sync, code action kinds incl. source.fixAll.disclosure-report, and no pull diagnostics', () => {
    const caps = client.result.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    const kinds = (caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds;
    assert.ok(kinds.includes('quickfix') && kinds.includes('source.fixAll.disclosure-report'), String(kinds));
    assert.equal(caps.diagnosticProvider, undefined);
    assert.equal(caps.positionEncoding, 'utf-16');
    assert.equal(client.result.serverInfo?.name, 'disclosure-report-language-server');
  });

  test('the clean report gets no diagnostics for version 1', async () => {
    await client.open(URI, clean.text);
    assert.deepEqual(await client.diagnosticsOf(URI, 1), []);
  });

  let wrong: Diagnostic;
  test('an incremental change of one 总计 gets request-row-total for that version, in Chinese by default', async () => {
    const cell = t3Cell(clean.text, 'new', 6);
    const right = Number(cell.text);
    const v = await client.replace(URI, cell.line, cell.start, cell.end, String(right + 1));
    const diags = await client.diagnosticsOf(URI, v);
    const d = diags.find((x) => x.code === 'request-row-total');
    assert.ok(d, JSON.stringify(diags));
    assert.deepEqual(d.range, cellRange(cell));
    assert.equal(d.source, 'disclosure-report');
    assert.equal(d.severity, 1);
    assert.match(String(d.message), new RegExp(`总计应为 ${right}`));
    // `data`: the version, where the diagnostic starts (the fix is found again by code and that position), the cell key,
    // and the suspect: the wrong total itself explains both failing identities (its row's, and the 总计 column's balance).
    assert.deepEqual(d.data, { version: v, at: cellRange(cell).start, cell: 't3.new.total', suspect: { cell: 't3.new.total', value: right } });
    // Related information: the cells of the sum that are not zero.
    const inputs = [0, 1, 2, 3, 4, 5].map((c) => t3Cell(clean.text, 'new', c)).filter((c) => Number(c.text) !== 0).map(cellRange);
    assert.ok(inputs.length > 0);
    assert.deepEqual(d.relatedInformation?.map((r) => r.location.range), inputs);
    assert.ok(d.relatedInformation?.every((r) => r.location.uri === URI));
    wrong = d;
  });

  test('the quick fix is titled 将总计改为 N, preferred, versioned, and restores the text', async () => {
    const v = client.version(URI);
    const cell = t3Cell(clean.text, 'new', 6);
    const actions = await actionsFor([wrong]);
    const fix = actions.find((a) => a.title === `将总计改为 ${cell.text}`);
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [wrong]);
    const dc = fix.edit?.documentChanges?.[0] as { textDocument: { uri: string; version: number } };
    assert.deepEqual(dc.textDocument, { uri: URI, version: v });
    // Also offered: recompute the table, and the whole document.
    assert.ok(actions.some((a) => a.kind === 'quickfix' && /重新计算表三/.test(a.title)), JSON.stringify(actions.map((a) => a.title)));
    assert.ok(actions.some((a) => a.kind === 'source.fixAll.disclosure-report'));
    assert.equal(client.applyEdit(fix.edit!), clean.text);
  });

  test('after the fix the server publishes no diagnostics for the new version', async () => {
    const actions = await actionsFor([wrong]);
    const fix = actions.find((a) => a.isPreferred)!;
    client.applyEdit(fix.edit!, true);
    const v = client.version(URI);
    assert.equal(client.text(URI), clean.text);
    assert.deepEqual(await client.diagnosticsOf(URI, v), []);
  });

  test('a code action request with diagnostics of an older version gets nothing', async () => {
    assert.notEqual((wrong.data as { version: number }).version, client.version(URI));
    assert.deepEqual(await actionsFor([wrong]), []);
  });

  test('edits come from the server’s own text, never from the range a client sends back', async () => {
    // Break the total again, then send the diagnostic back with a mangled range.
    const cell = t3Cell(clean.text, 'new', 6);
    const v = await client.replace(URI, cell.line, cell.start, cell.end, '77');
    const d = (await client.diagnosticsOf(URI, v)).find((x) => x.code === 'request-row-total')!;
    const mangled = { ...d, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } } };
    const fix = (await actionsFor([mangled], d.range)).find((a) => a.isPreferred)!;
    assert.deepEqual((fix.edit!.documentChanges![0] as { edits: unknown[] }).edits, [{ range: cellRange({ ...cell, end: cell.start + 2 }), newText: cell.text }]);
    assert.equal(client.applyEdit(fix.edit!, true), clean.text);
    assert.deepEqual(await client.diagnosticsOf(URI, client.version(URI)), []);
  });

  test('source.fixAll.disclosure-report recomputes every wrong total of the document', async () => {
    const a = t3Cell(clean.text, 'new', 6);
    const b = t4Cell(clean.text, 4);
    // Two content changes in one didChange; the later one first so positions stay valid.
    const [first, second] = a.line > b.line ? [a, b] : [b, a];
    const v = await client.change(URI, [
      { range: cellRange(first), text: '99' },
      { range: cellRange(second), text: '98' },
    ]);
    const diags = await client.diagnosticsOf(URI, v);
    assert.ok(diags.some((d) => d.code === 'review-total') && diags.some((d) => d.code === 'request-row-total'), JSON.stringify(diags.map((d) => d.code)));
    for (const only of [['source.fixAll'], ['source.fixAll.disclosure-report'], ['source']]) {
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: URI },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only, triggerKind: 2 },
      });
      assert.equal(actions.length, 1, `only ${only}: ${JSON.stringify(actions.map((x) => x.title))}`);
      assert.equal(actions[0].kind, 'source.fixAll.disclosure-report');
      assert.equal(actions[0].title, '应用全部 2 处自动修复（总计、规定措辞、半角数字、占位符）');
      assert.equal(client.applyEdit(actions[0].edit!), clean.text);
    }
    // Only quick fixes asked for: no fix-all.
    const quick = await actionsFor(diags, diags[0].range, ['quickfix']);
    assert.ok(quick.length > 0 && quick.every((x) => x.kind === 'quickfix'));
  });

  test('fix-all asked for explicitly (as on save) still works while the client’s diagnostics are stale', async () => {
    const stale = (await client.diagnosticsOf(URI, client.version(URI))).find((d) => d.code === 'review-total')!;
    // Retype a character of prose: the document moves on, the client still holds the old diagnostics.
    const v = await client.replace(URI, 0, 0, 1, clean.text[0]);
    assert.notEqual((stale.data as { version: number }).version, v);
    assert.deepEqual(await actionsFor([stale]), []);
    const onSave = await actionsFor([stale], stale.range, ['source.fixAll']);
    assert.equal(onSave.length, 1);
    const dc = onSave[0].edit!.documentChanges![0] as { textDocument: { version: number } };
    assert.equal(dc.textDocument.version, v);
    client.applyEdit(onSave[0].edit!, true);
    assert.equal(client.text(URI), clean.text);
    assert.deepEqual(await client.diagnosticsOf(URI, client.version(URI)), []);
  });

  test('recompute this table fixes only that table', async () => {
    const a = t3Cell(clean.text, 'total', 0);
    const b = t4Cell(clean.text, 9);
    const [first, second] = a.line > b.line ? [a, b] : [b, a];
    const v = await client.change(URI, [
      { range: cellRange(first), text: String(Number(first.text) + 5) },
      { range: cellRange(second), text: String(Number(second.text) + 5) },
    ]);
    const diags = await client.diagnosticsOf(URI, v);
    const actions = await actionsFor(diags, cellRange(a));
    const table = actions.find((x) => /重新计算表三/.test(x.title));
    assert.ok(table, JSON.stringify(actions.map((x) => x.title)));
    const text = client.applyEdit(table.edit!);
    const lines = text.split('\n');
    assert.equal(lines[a.line], clean.text.split('\n')[a.line]);
    assert.notEqual(lines[b.line], clean.text.split('\n')[b.line]);
    client.applyEdit(table.edit!, true);
    const after = await client.diagnosticsOf(URI, client.version(URI));
    assert.deepEqual(after.map((d) => d.code), ['litigation-total']);
    // …and the table 四 action for the rest.
    const rest = (await actionsFor(after)).find((x) => /重新计算表四/.test(x.title))!;
    client.applyEdit(rest.edit!, true);
    assert.equal(client.text(URI), clean.text);
    assert.deepEqual(await client.diagnosticsOf(URI, client.version(URI)), []);
  });

  test('a format rule with one right answer gets its quick fix (full-width digits → ASCII)', async () => {
    const cell = t3Cell(clean.text, 'new', 0);
    const full = cell.text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const v = await client.replace(URI, cell.line, cell.start, cell.end, full);
    const d = (await client.diagnosticsOf(URI, v)).find((x) => x.code === 'cell-fullwidth-digits');
    assert.ok(d);
    const fix = (await actionsFor([d])).find((a) => a.diagnostics?.[0]?.code === 'cell-fullwidth-digits');
    assert.ok(fix && fix.title.includes(cell.text), fix?.title);
    client.applyEdit(fix.edit!, true);
    assert.equal(client.text(URI), clean.text);
    assert.deepEqual(await client.diagnosticsOf(URI, client.version(URI)), []);
  });

  test('closing the document clears its diagnostics', async () => {
    const n = client.published.length;
    client.notify('textDocument/didClose', { textDocument: { uri: URI } });
    // Any request answered after the close: the clearing notification went out before it.
    await client.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 0 } });
    const last = client.published.slice(n).find((p) => p.uri === URI);
    assert.ok(last);
    assert.deepEqual(last.diagnostics, []);
  });
});
