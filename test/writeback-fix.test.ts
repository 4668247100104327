// The write-back into a file's bytes at the edges no other test pinned (found by mutation probing):
// fixSource when no edit can be taken or the write is refused; fixDocx with several edits in one
// w:t element (a table typed as text, one paragraph a row) and with edits in any order; the
// draft's lines when a w:t holds a line break or a tab (a fix must still land on its own cell,
// never on an input or prose); and the part-size limit on the way out.
// Run: node test/run.mjs test/writeback-fix.test.ts
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { ARITHMETIC_RULES, analyzeText, applyEdits, recompute } from '../server/src/core/index.ts';
import { FILE_ERRORS, fileError, fixDocx, readSource, SourceError, writeBack } from '../server/src/sources/index.ts';
import { fixSource } from '../server/src/sources/fixSource.ts';
import { makeDocx } from './helpers/sources.ts';

const EXAMPLE = readFileSync(join(import.meta.dirname, '../examples/wrong-totals.report.txt'), 'utf8');
const arithmetic = (text: string) => analyzeText(text).diagnostics.filter((d) => ARITHMETIC_RULES.has(d.rule));
const DOC = 'word/document.xml';
const documentOf = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)[DOC]);
const withDocument = (bytes: Uint8Array, edit: (xml: string) => string) => {
  const files = unzipSync(bytes);
  const before = strFromU8(files[DOC]);
  const after = edit(before);
  assert.notEqual(after, before, 'the document was edited');
  files[DOC] = strToU8(after);
  return zipSync(files);
};

/** The w:t texts of a document.xml, in order. */
const wtTexts = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);

/** The w:t texts that differ between two packages, as [before, after]. */
function changedTexts(before: Uint8Array, after: Uint8Array): [string, string][] {
  const a = wtTexts(documentOf(before));
  const b = wtTexts(documentOf(after));
  assert.equal(b.length, a.length, 'the same w:t elements');
  return a.map((t, i): [string, string] => [t, b[i]]).filter(([x, y]) => x !== y);
}

describe('fixSource: nothing taken, or the write refused', () => {
  test('a .docx where no edit has a run to go into: nothing written, no change claimed, every edit said as skipped', async () => {
    const docx = makeDocx(EXAMPLE);
    const src = await readSource('r.docx', docx);
    const { edits, changes } = recompute(analyzeText(src.text));
    assert.ok(edits.length >= 2);
    const lines = new Set(edits.map((e) => e.range.start.line));
    // The derived cells' numbers kept outside any w:t the map knows (as a field's result would be).
    const holed = { ...src, docx: { ...src.docx!, pieces: src.docx!.pieces.filter((p) => !lines.has(p.line)) } };
    const fixed = (await fixSource('r.docx', docx, holed, () => assert.fail('nothing may be written when no edit was taken')))!;
    assert.equal(fixed.written, false);
    assert.deepEqual(fixed.changes, []);
    assert.deepEqual(fixed.skipped, edits);
    assert.deepEqual(fixed.unwritable, changes, 'each skipped edit said as the cell it would change (for the editor to name)');
    assert.equal(fixed.bytes, docx, 'the bytes as given');
    assert.equal(fixed.error, undefined);
  });

  test('a refused write on a .docx with an edit it cannot take: the error, the would-be changes without the skipped one, the skipped edit still said', async () => {
    const docx = makeDocx(EXAMPLE);
    const src = await readSource('r.docx', docx);
    const all = recompute(analyzeText(src.text)).changes;
    const [gone] = all;
    const under = (p: { line: number; from: number; to: number }) => p.line === gone.range.start.line && p.from < gone.range.end.character && p.to > gone.range.start.character;
    const holed = { ...src, docx: { ...src.docx!, pieces: src.docx!.pieces.filter((p) => !under(p)) } };
    const refusal = Object.assign(new Error('changed while fixing'), { code: 'ECHANGED' });
    const fixed = (await fixSource('r.docx', docx, holed, () => { throw refusal; }))!;
    assert.equal(fixed.written, false);
    assert.equal(fixed.error, refusal);
    assert.deepEqual(fileError(fixed.error), FILE_ERRORS.changed);
    assert.deepEqual(fixed.changes.map((c) => c.key), all.slice(1).map((c) => c.key), 'what would have changed, the skipped cell left out');
    assert.deepEqual(fixed.skipped.map((e) => e.range), [gone.range], 'the skipped edit is still said');
    assert.deepEqual(fixed.unwritable, [gone], 'and the cell it would change');
    assert.equal(fixed.bytes, docx, 'the file as it was');
  });
});

describe('fixDocx: several edits in one w:t, edits in any order', () => {
  // The draft pasted into Word as text: every table row one paragraph, its cells split by " | ",
  // in one run. Table 三's (七)总计 row gets two wrong columns, the first one a digit short.
  const lines = EXAMPLE.split('\n').map((l) => l.replace(/\t/g, ' | '));
  const at = lines.findIndex((l) => l.startsWith('（七）总计 | 12 | 2 | '));
  assert.ok(at > 0, 'the (七) row of the example');
  lines[at] = lines[at].replace('（七）总计 | 12 | 2 | ', '（七）总计 | 9 | 20 | ');
  const PIPED = lines.join('\n');

  test('a row typed as text: two derived cells in one w:t, the first growing (9 → 13), each number lands in its own place', async () => {
    const docx = makeDocx(PIPED);
    assert.equal(wtTexts(documentOf(docx)).filter((t) => t.startsWith('（七）总计')).length, 1, 'the row is one w:t');
    const src = await readSource('r.docx', docx);
    assert.equal(src.text, PIPED.endsWith('\n') ? PIPED : `${PIPED}\n`);
    const { edits } = recompute(analyzeText(src.text));
    const inRow = edits.filter((e) => e.range.start.line === at);
    assert.deepEqual(inRow.map((e) => e.newText), ['13', '2'], 'two edits in the row');
    const out = fixDocx(docx, src.docx!, edits);
    assert.deepEqual(out.skipped, []);
    const again = await readSource('r.docx', out.bytes);
    assert.equal(again.text, applyEdits(src.text, edits), 'the fixed document reads as the text with the edits');
    assert.deepEqual(arithmetic(again.text), []);
    assert.ok(wtTexts(documentOf(out.bytes)).includes(lines[at].replace('（七）总计 | 9 | 20 | ', '（七）总计 | 13 | 2 | ')));
  });

  test('the same edits given in any order make the same package', async () => {
    const docx = makeDocx(EXAMPLE);
    const src = await readSource('r.docx', docx);
    const { edits } = recompute(analyzeText(src.text));
    assert.ok(edits.length >= 3);
    const forward = fixDocx(docx, src.docx!, edits);
    const backward = fixDocx(docx, src.docx!, [...edits].reverse());
    const shuffled = fixDocx(docx, src.docx!, [edits[1], edits[2], edits[0], ...edits.slice(3)]);
    assert.deepEqual(Buffer.from(backward.bytes), Buffer.from(forward.bytes));
    assert.deepEqual(Buffer.from(shuffled.bytes), Buffer.from(forward.bytes));
    assert.equal((await readSource('r.docx', backward.bytes)).text, applyEdits(src.text, edits));
  });

  test('a main part over the part limit on the way out: refused as too large, nothing returned', async () => {
    const docx = makeDocx(EXAMPLE);
    const src = await readSource('r.docx', docx);
    const { edits } = recompute(analyzeText(src.text));
    const size = unzipSync(docx)[DOC].length;
    assert.throws(() => writeBack(src, docx, edits, { maxPartBytes: size - 1 }), (e: unknown) => e instanceof SourceError && e.code === 'too-large');
    assert.ok(writeBack(src, docx, edits, { maxPartBytes: size })!.applied.length > 0, 'a part of exactly the limit is written');
  });
});

describe('line breaks and tabs inside a w:t: the draft keeps its lines, a fix lands on its own cell', () => {
  // Some generators (Apache POI's setText, hand-made XML) write "\n" or "\t" into a w:t instead
  // of w:br or w:tab. The draft makes them spaces; taken as they are, they would add lines (or
  // cells) the pieces do not know of, and a fix would be written into the wrong w:t.
  test('a prose paragraph and a table heading cell holding "\\n" and "\\t": the fixes change only the derived cells', async () => {
    const docx = withDocument(makeDocx(EXAMPLE), (xml) => xml.replace('>2025年，青禾县', '>2025年，\n青禾县').replace('>（本列数据的勾稽关系为：', '>（本列数据的\n勾稽关系为：\t'));
    const src = await readSource('r.docx', docx);
    assert.equal(src.text.split('\n').length, EXAMPLE.split('\n').length, 'no line added');
    assert.match(src.text, /2025年， 青禾县/);
    const heading = (text: string) => text.split('\n').find((l) => l.startsWith('（本列数据的'))!;
    assert.equal(heading(src.text).split('\t').length, heading(EXAMPLE).split('\t').length, 'a tab inside a cell is a space, not a cell border');
    assert.match(heading(src.text), /^（本列数据的 勾稽关系为： 第一项/);
    const { edits, changes } = recompute(analyzeText(src.text));
    assert.deepEqual(changes.map((c) => c.key), recompute(analyzeText(EXAMPLE)).changes.map((c) => c.key));
    const fixed = (await fixSource('r.docx', docx, src, () => {}))!;
    assert.equal(fixed.written, true);
    assert.deepEqual(fixed.skipped, []);
    assert.equal(fixed.source.text, applyEdits(src.text, edits));
    assert.deepEqual(arithmetic(fixed.source.text), []);
    const changed = changedTexts(docx, fixed.bytes);
    assert.deepEqual(changed, changes.map((c) => [c.old, c.new]), 'only the derived cells’ w:t changed, to the recomputed numbers');
  });
});
