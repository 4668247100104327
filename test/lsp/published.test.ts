// What an edit publishes: for each version of a scripted sequence of edits (the numbers of table 三
// changed and put back as bench b does, two cells at once, a number made longer before a finding
// on its line (cells-extra), table 四, prose typed, a line inserted
// and removed, two changes in one didChange), the pushed diagnostics equal those of the same text
// opened fresh, and a pull of that version answers the same list. The incremental path (the
// patched parse, findings carried over, LSP objects reused) must never show in what is published.
// Run: node test/run.mjs test/lsp/published.test.ts
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { buildServer } from './build';
import { TestClient } from './client';
import { cleanReport, t3Cell, t4Cell } from './fixture';

const URI = 'file:///work/edited/report.txt';
const SETTINGS = { disclosureReport: { debounceMs: 0 } };

/**
 * The clean report with numbered paragraphs out of order in section 一 (as bench b's generated
 * prose has them): findings that stay the same while table 三 is edited.
 */
function reportText(): string {
  const lines = cleanReport().text.split('\n');
  const at = lines.findIndex((l) => l.startsWith('一、')) + 1;
  lines.splice(at, 0, '（三）政府信息管理。动态更新政府信息公开指南和目录。', '（一）主动公开。及时公开机构职能、政策文件等信息。');
  return lines.join('\n');
}

/** A diagnostic as it would be published for `uri` at `version` (what a fresh open differs in). */
function as(d: Diagnostic, uri: string, version: number): Diagnostic {
  const out: Diagnostic = { ...d, data: { ...(d.data as object), version } };
  if (d.relatedInformation) out.relatedInformation = d.relatedInformation.map((r) => (r.location.uri === uri ? { ...r, location: { ...r.location, uri: URI } } : r));
  return out;
}

let push: TestClient;
let pull: TestClient;
before(async () => {
  await buildServer();
  [push, pull] = await Promise.all([TestClient.start({ configuration: SETTINGS }), TestClient.start({ pull: true, configuration: SETTINGS })]);
});
after(() => Promise.all([push?.stop(), pull?.stop()]));

let fresh = 0;
/** The diagnostics of `text` opened fresh (in a folder of its own, under the same file name). */
async function freshly(text: string, version: number): Promise<Diagnostic[]> {
  const uri = `file:///work/fresh${++fresh}/report.txt`;
  await push.open(uri, text);
  const got = await push.diagnosticsOf(uri, 1);
  push.notify('textDocument/didClose', { textDocument: { uri } });
  return got.map((d) => as(d, uri, version));
}

type Change = { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string };

/** Sends the same change to both clients; the pushed list of that version, the pulled one, and the fresh one. */
async function edit(changes: Change[]): Promise<{ version: number; pushed: Diagnostic[]; pulled: Diagnostic[]; fresh: Diagnostic[] }> {
  const version = await push.change(URI, changes);
  await pull.change(URI, changes);
  const pushed = await push.diagnosticsOf(URI, version);
  const r = await pull.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: URI } });
  return { version, pushed, pulled: r.items, fresh: await freshly(push.text(URI), version) };
}

const at = (line: number, start: number, end: number, text: string): Change => ({ range: { start: { line, character: start }, end: { line, character: end } }, text });

describe('published diagnostics along a sequence of edits', () => {
  test('each version: pushed = pulled = the same text opened fresh', async () => {
    const text = reportText();
    await push.open(URI, text);
    await pull.open(URI, text);
    const first = await push.diagnosticsOf(URI, 1);
    assert.deepEqual(first, await freshly(text, 1));
    assert.ok(first.some((d) => d.code === 'outline-numbering'), `the numbered paragraphs are out of order: ${JSON.stringify(first.map((d) => d.code))}`);

    const a = t3Cell(text, 'new', 0);
    const b = t3Cell(text, 'carried', 2);
    const c = t4Cell(text, 0);
    const rowEnd = text.split('\n')[a.line].length;
    const extra = text.split('\n')[a.line].includes('\t') ? '\t9' : ' 9 |';
    const steps: [string, () => Change[]][] = [
      ['a table 三 input changed', () => [at(a.line, a.start, a.end, String(Number(a.text) + 7))]],
      ['put back', () => [at(a.line, a.start, a.start + String(Number(a.text) + 7).length, a.text)]],
      ['changed again, by another amount', () => [at(a.line, a.start, a.end, String(Number(a.text) + 1))]],
      ['put back', () => [at(a.line, a.start, a.start + String(Number(a.text) + 1).length, a.text)]],
      ['a second input of table 三', () => [at(b.line, b.start, b.end, String(Number(b.text) + 3))]],
      ['and the first: two wrong cells', () => [at(a.line, a.start, a.end, String(Number(a.text) + 2))]],
      ['the first put back', () => [at(a.line, a.start, a.start + String(Number(a.text) + 2).length, a.text)]],
      ['the second put back', () => [at(b.line, b.start, b.start + String(Number(b.text) + 3).length, b.text)]],
      // A finding of the table's reader later on the edited line (an extra number at the row's end)
      // stays on its cell when the edited number gets longer: the one-cell patch moves what it carries.
      ['an extra number at the end of the row', () => [at(a.line, rowEnd, rowEnd, extra)]],
      ['the first cell of that row three digits longer', () => [at(a.line, a.start, a.end, String(Number(a.text) + 1000))]],
      ['the first cell put back', () => [at(a.line, a.start, a.start + String(Number(a.text) + 1000).length, a.text)]],
      ['the extra number removed', () => [at(a.line, rowEnd, rowEnd + extra.length, '')]],
      ['a table 四 cell', () => [at(c.line, c.start, c.end, String(Number(c.text) + 5))]],
      ['a table 四 cell put back', () => [at(c.line, c.start, c.start + String(Number(c.text) + 5).length, c.text)]],
      ['prose typed into the first line', () => [at(0, 0, 0, '关于')]],
      ['a line inserted above table 三', () => [at(a.line, 0, 0, '（续表）\n')]],
      ['that line removed', () => [{ range: { start: { line: a.line, character: 0 }, end: { line: a.line + 1, character: 0 } }, text: '' }]],
      ['two changes in one didChange: a cell, then the typed prose removed', () => [at(a.line, a.start, a.end, String(Number(a.text) + 4)), at(0, 0, 2, '')]],
      ['the whole text replaced', () => [{ text }]],
    ];
    for (const [what, make] of steps) {
      const r = await edit(make());
      assert.deepEqual(r.pushed, r.fresh, `${what} (version ${r.version}): pushed ≠ fresh`);
      assert.deepEqual(r.pulled, r.pushed, `${what} (version ${r.version}): pulled ≠ pushed`);
      for (const d of r.pushed) assert.equal((d.data as { version: number }).version, r.version, what);
    }
    assert.equal(push.text(URI), text);
  });
});
