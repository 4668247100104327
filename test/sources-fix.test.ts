// Writing recompute fixes back into a .docx: read → analyze → recompute → fixDocx → read again
// leaves no arithmetic error; the converted text after the fix is exactly the text with the
// edits applied; every other zip entry keeps its bytes and document.xml changes only inside
// the w:t elements of the fixed cells. fixSource, the one path `check --fix` and the editor's
// write-back take: what it writes, what it says, what it refuses; both callers agree.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { ARITHMETIC_RULES, analyzeText, applyEdits, recompute } from '../server/src/core/index.ts';
import { FILE_ERRORS, fileError, fixDocx, readSource, writeBack } from '../server/src/sources/index.ts';
import { writeAtomic } from '../server/src/sources/files.ts';
import { fixSource } from '../server/src/sources/fixSource.ts';
import { nodeUris } from '../server/src/host/nodeRuntime.ts';
import { sourceAccess } from '../server/src/lsp/sourceFiles.ts';
import { makeDocx } from './helpers/sources.ts';
import { buildCli } from './lsp/build.ts';

const EXAMPLE = readFileSync(join(__dirname, '../examples/wrong-totals.report.txt'), 'utf8');
const arithmetic = (text: string) => analyzeText(text).diagnostics.filter((d) => ARITHMETIC_RULES.has(d.rule));

/** document.xml cut at every w:t element: the markup between them and the texts inside. */
function wtParts(xml: string): { markup: string[]; texts: string[] } {
  const markup: string[] = [];
  const texts: string[] = [];
  let at = 0;
  for (const m of xml.matchAll(/(<w:t(?:\s[^>]*)?>)([^<]*)(<\/w:t>)/g)) {
    markup.push(xml.slice(at, m.index! + m[1].length));
    texts.push(m[2]);
    at = m.index! + m[0].length - m[3].length;
  }
  markup.push(xml.slice(at));
  return { markup, texts };
}

async function roundTrip(name: string, bytes: Uint8Array) {
  const read = await readSource(name, bytes);
  assert.ok(read.docx);
  assert.ok(arithmetic(read.text).length > 0, 'the report has arithmetic errors to fix');
  const { edits, changes } = recompute(analyzeText(read.text));
  assert.ok(edits.length > 0);
  const fixed = fixDocx(bytes, read.docx, edits);
  assert.equal(fixed.skipped.length, 0);
  assert.equal(fixed.applied.length, edits.length);
  const again = await readSource(name, fixed.bytes);
  assert.deepEqual(arithmetic(again.text).map((d) => d.message), []);
  assert.equal(again.text, applyEdits(read.text, edits), 'the fixed document reads as the text with the edits');

  const before = unzipSync(bytes);
  const after = unzipSync(fixed.bytes);
  assert.deepEqual(Object.keys(after), Object.keys(before), 'the same entries in the same order');
  for (const entry of Object.keys(before)) {
    if (entry === read.docx.entry) continue;
    assert.ok(Buffer.from(after[entry]).equals(Buffer.from(before[entry])), `${entry} byte for byte`);
  }
  const a = wtParts(new TextDecoder().decode(before[read.docx.entry]));
  const b = wtParts(new TextDecoder().decode(after[read.docx.entry]));
  assert.deepEqual(b.markup, a.markup, 'nothing but w:t text changed');
  const changed = a.texts.filter((t, i) => t !== b.texts[i]);
  assert.ok(changed.length >= changes.length && changed.every((t) => /^\s*\d+\s*$/.test(t)), `only numbers changed: ${changed.join(',')}`);
  return { read, fixed, changes };
}

describe('--fix on a .docx', () => {
  test('a .docx made here: totals recomputed, nothing else touched', async () => {
    const { changes } = await roundTrip('r.docx', makeDocx(EXAMPLE));
    assert.ok(changes.some((c) => c.old === '19' && c.new === '18'));
  });

  test('numbers split over runs (1|9, the second run bold): the first run takes the number, the others are emptied', async () => {
    const bytes = makeDocx(EXAMPLE, { splitRuns: true });
    const { fixed } = await roundTrip('r.docx', bytes);
    const xml = new TextDecoder().decode(unzipSync(fixed.bytes)['word/document.xml']);
    assert.ok(xml.includes('<w:r><w:t>18</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t></w:t></w:r>'), 'a split 19 → 18 in the first run');
    assert.ok(xml.includes('<w:r><w:t>13</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t></w:t></w:r>'), 'a split 12 → 13 in the first run');
  });

  test('the .docx LibreOffice saved (styles, run properties, its own grid)', async () => {
    await roundTrip('r.docx', new Uint8Array(readFileSync(join(__dirname, 'fixtures/sources/wrong-totals.libreoffice.docx'))));
  });

  test('a number with spaces around it in its w:t keeps the spaces', async () => {
    const files = unzipSync(makeDocx(EXAMPLE));
    const xml = strFromU8(files['word/document.xml']);
    const padded = xml.replace('<w:t xml:space="preserve">19</w:t>', '<w:t xml:space="preserve">\u3000 19 </w:t>');
    assert.notEqual(padded, xml);
    files['word/document.xml'] = strToU8(padded);
    const { fixed } = await roundTrip('r.docx', zipSync(files));
    assert.ok(strFromU8(unzipSync(fixed.bytes)['word/document.xml']).includes('<w:t xml:space="preserve">\u3000 18 </w:t>'));
  });

  test('an edit with no run under it (a blank cell) is skipped and the bytes stay as they were', async () => {
    const bytes = makeDocx(EXAMPLE);
    const read = await readSource('r.docx', bytes);
    const blank = { range: { start: { line: 0, character: 1000 }, end: { line: 0, character: 1000 } }, newText: '5' };
    const res = fixDocx(bytes, read.docx!, [blank]);
    assert.deepEqual(res.skipped, [blank]);
    assert.equal(res.bytes, bytes);
  });
});

describe('writeBack: one call for every source', () => {
  test('text re-encoded as it was (GB18030 here), .docx through fixDocx, .html and .pdf not writable', async () => {
    const iconv = (await import('iconv-lite')).default;
    const gb = new Uint8Array(iconv.encode(EXAMPLE, 'gb18030'));
    const t = await readSource('r.txt', gb);
    const edits = recompute(analyzeText(t.text)).edits;
    const out = writeBack(t, gb, edits)!;
    assert.equal(iconv.decode(Buffer.from(out.bytes), 'gb18030'), applyEdits(EXAMPLE, edits));
    const docx = makeDocx(EXAMPLE);
    const d = await readSource('r.docx', docx);
    const fixedDocx = writeBack(d, docx, recompute(analyzeText(d.text)).edits)!;
    assert.deepEqual(arithmetic((await readSource('r.docx', fixedDocx.bytes)).text), []);
    const html = new TextEncoder().encode('<p>一、总体情况</p>');
    assert.equal(writeBack(await readSource('r.html', html), html, []), null);
  });
});

describe('fixSource: the one write-back path (check --fix and the editor’s write-back)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dr-fixsource-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const CLI = join(__dirname, '../dist/cli.js');

  test('a text in its own encoding: the recompute written, the draft as written, the changes named', async () => {
    const iconv = (await import('iconv-lite')).default;
    const gb = new Uint8Array(iconv.encode(EXAMPLE, 'gb18030'));
    const src = await readSource('r.txt', gb);
    const writes: Uint8Array[] = [];
    const fixed = (await fixSource('r.txt', gb, src, (b) => void writes.push(b)))!;
    const { edits, changes } = recompute(analyzeText(src.text));
    assert.equal(fixed.written, true);
    assert.equal(writes.length, 1);
    assert.deepEqual(fixed.bytes, writes[0]);
    assert.equal(iconv.decode(Buffer.from(writes[0]), 'gb18030'), applyEdits(EXAMPLE, edits));
    assert.equal(fixed.source.text, applyEdits(EXAMPLE, edits));
    assert.deepEqual(fixed.changes, changes);
    assert.deepEqual(arithmetic(fixed.source.text), []);
  });

  test('a .docx: written whole and read again; nothing to fix writes nothing; a page is not written', async () => {
    const docx = makeDocx(EXAMPLE);
    const src = await readSource('r.docx', docx);
    const writes: Uint8Array[] = [];
    const fixed = (await fixSource('r.docx', docx, src, (b, expected) => { assert.equal(expected, docx); writes.push(b); }))!;
    assert.equal(writes.length, 1);
    assert.deepEqual(arithmetic(fixed.source.text), []);
    assert.deepEqual(fixed.source.text, (await readSource('r.docx', writes[0])).text);
    const again = (await fixSource('r.docx', fixed.bytes, fixed.source, () => assert.fail('nothing to write')))!;
    assert.deepEqual([again.written, again.changes, again.bytes], [false, [], fixed.bytes]);
    const html = new TextEncoder().encode('<p>一、总体情况</p>');
    assert.equal(await fixSource('r.html', html, await readSource('r.html', html), () => assert.fail('a page is never written')), null);
  });

  test('an edit the .docx cannot take (no run under its cell) is dropped from the changes and said as skipped; the others are written', async () => {
    const docx = makeDocx(EXAMPLE);
    const src = await readSource('r.docx', docx);
    const all = recompute(analyzeText(src.text)).changes;
    assert.ok(all.length >= 2, 'the example has totals to recompute');
    // The first total's text taken out of the map, as a number Word keeps outside a w:t (a field's result) would be.
    const [gone] = all;
    const under = (p: { line: number; from: number; to: number }) => p.line === gone.range.start.line && p.from < gone.range.end.character && p.to > gone.range.start.character;
    const holed = { ...src, docx: { ...src.docx!, pieces: src.docx!.pieces.filter((p) => !under(p)) } };
    const fixed = (await fixSource('r.docx', docx, holed, () => {}))!;
    assert.deepEqual(fixed.skipped.map((e) => e.range), [gone.range]);
    assert.deepEqual(fixed.changes.map((c) => c.key), all.slice(1).map((c) => c.key), 'the skipped cell is not listed as changed');
  });

  test('a refused write (the file changed meanwhile) or a text whose encoding does not give its bytes back: the error, the file untouched, the would-be changes', async () => {
    const path = join(dir, 'changed.txt');
    writeFileSync(path, EXAMPLE);
    const bytes = new Uint8Array(readFileSync(path));
    const src = await readSource(path, bytes);
    writeFileSync(path, `${EXAMPLE}\n`); // another program's save
    const fixed = (await fixSource(path, bytes, src, (b, e) => writeAtomic(path, Buffer.from(b), Buffer.from(e))))!;
    assert.equal(fixed.written, false);
    assert.deepEqual(fileError(fixed.error), FILE_ERRORS.changed);
    assert.ok(fixed.changes.length > 0);
    assert.equal(readFileSync(path, 'utf8'), `${EXAMPLE}\n`);
    // The bytes carry a BOM the decoded text does not say it had: writing would change more than the cells.
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(EXAMPLE)]);
    const plain = await readSource('r.txt', new TextEncoder().encode(EXAMPLE));
    const r = (await fixSource('r.txt', bom, plain, () => assert.fail('never written')))!;
    assert.deepEqual([r.written, fileError(r.error)], [false, FILE_ERRORS.noRoundTrip]);
  });

  test('check --fix and the server’s write-back write the same bytes and name the same changes for the same .docx', async (t) => {
    await buildCli(); // from the sources when they are newer: a stale bundle would test old code
    const docx = makeDocx(EXAMPLE);
    const a = join(dir, 'cli.docx');
    const b = join(dir, 'server.docx');
    writeFileSync(a, docx);
    writeFileSync(b, docx);
    const r = spawnSync(process.execPath, [CLI, 'check', '--fix', '--format', 'json', a], { encoding: 'utf8' });
    const cliFixed = JSON.parse(r.stdout).files[0].fixed as { cell: string; old: string; new: string; range: { start: { line: number } } }[];
    const server = await sourceAccess(nodeUris).writeFixes(pathToFileURL(b).href);
    assert.ok('changes' in server, JSON.stringify(server));
    assert.ok(cliFixed.length > 0);
    assert.deepEqual(server.changes.map((c) => [c.label.zh, c.old, c.new, c.line]), cliFixed.map((c) => [c.cell, c.old, c.new, c.range.start.line]));
    assert.deepEqual(readFileSync(b), readFileSync(a));
  });

  test('the server’s write-back refused (a file Word holds open, read-only): the error, the file untouched, and what would have changed', async () => {
    const docx = makeDocx(EXAMPLE);
    const ok = join(dir, 'written.docx');
    const held = join(dir, 'held.docx');
    writeFileSync(ok, docx);
    writeFileSync(held, docx);
    const written = await sourceAccess(nodeUris).writeFixes(pathToFileURL(ok).href);
    assert.ok('changes' in written && written.changes.length > 0, JSON.stringify(written));
    const locked = { ...nodeUris, writeFile: async () => { throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' }); } };
    const refused = await sourceAccess(locked).writeFixes(pathToFileURL(held).href);
    assert.ok('error' in refused, JSON.stringify(refused));
    assert.ok(refused.error.zh && refused.error.en);
    assert.deepEqual(refused.unwritten, written.changes, 'the same changes, as not written');
    assert.deepEqual(readFileSync(held), Buffer.from(docx), 'the file as it was');
  });
});
