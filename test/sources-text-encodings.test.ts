// Plain-text drafts (encoding.ts through readSource and writeBack): the encodings a report comes
// in that no other fast test reads — UTF-16 with a BOM in both byte orders, read and written back
// as they came — and the inputs that must be refused rather than read wrong: a UTF-8 BOM over
// bytes that are not UTF-8, a NUL past the first bytes, GB18030 bytes that would not come back
// the same when the fixed draft is written (so a fix would change bytes the user never touched).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { readSource, SourceError, writeBack, type SourceErrorCode } from '../server/src/sources/index.ts';

const TEXT = '一、总体情况\n本年新收\t12\n';

async function refused(path: string, bytes: Uint8Array, code: SourceErrorCode): Promise<SourceError> {
  try {
    await readSource(path, bytes);
  } catch (e) {
    assert.ok(e instanceof SourceError, `a SourceError, not ${String(e)}`);
    assert.equal(e.code, code, e.message);
    return e;
  }
  assert.fail(`${path} was read`);
}

/** The edit that turns "12" on line 1 into "345". */
const edit = { range: { start: { line: 1, character: 5 }, end: { line: 1, character: 7 } }, newText: '345' };

describe('UTF-16 drafts with a BOM (Word’s “Unicode text”)', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
  const swap = (b: Buffer) => { const c = Buffer.from(b); for (let i = 0; i + 1 < c.length; i += 2) [c[i], c[i + 1]] = [c[i + 1], c[i]]; return c; };
  const be = Buffer.concat([Buffer.from([0xfe, 0xff]), swap(Buffer.from(TEXT, 'utf16le'))]);

  // Pins encoding.ts decode's FF FE branch: without it the NUL bytes of UTF-16 make the file "binary".
  test('UTF-16 LE: read as its text, written back in UTF-16 LE with its BOM', async () => {
    const r = await readSource('r.txt', le);
    assert.equal(r.text, TEXT);
    assert.ok('decoded' in r);
    assert.deepEqual({ encoding: r.decoded.encoding, bom: r.decoded.bom }, { encoding: 'utf-16le', bom: true });
    const out = writeBack(r, le, [edit]);
    assert.deepEqual(Buffer.from(out!.bytes), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT.replace('12', '345'), 'utf16le')]));
  });

  // Pins decode's FE FF branch and encode's byte swap for UTF-16 BE.
  test('UTF-16 BE: read as its text, written back in UTF-16 BE with its BOM', async () => {
    const r = await readSource('r.txt', be);
    assert.equal(r.text, TEXT);
    assert.ok('decoded' in r);
    assert.deepEqual({ encoding: r.decoded.encoding, bom: r.decoded.bom }, { encoding: 'utf-16be', bom: true });
    const out = writeBack(r, be, [edit]);
    assert.deepEqual(Buffer.from(out!.bytes), Buffer.concat([Buffer.from([0xfe, 0xff]), swap(Buffer.from(TEXT.replace('12', '345'), 'utf16le'))]));
  });
});

describe('UTF-8 and GB18030 drafts', () => {
  // Pins that a BOM'd UTF-8 draft is written back with its BOM (encode's d.bom).
  test('UTF-8 with a BOM: written back with the BOM', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]);
    const r = await readSource('r.txt', bytes);
    const out = writeBack(r, bytes, [edit]);
    assert.deepEqual(Buffer.from(out!.bytes), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT.replace('12', '345'))]));
  });

  // Pins the fatal decoder after a UTF-8 BOM: bytes that are not UTF-8 are an encoding error,
  // never a draft with U+FFFD in place of the user's characters (written back, they would be lost).
  test('a UTF-8 BOM over bytes that are not UTF-8: corrupt (encoding), not read with replacement characters', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('一、总体情况'), Buffer.from([0xff, 0xfe, 0x41])]);
    const e = await refused('r.txt', bytes, 'corrupt');
    assert.match(e.message, /encoding/);
  });

  // Pins the binary sniff over the first 8 KB, not only the first bytes.
  test('a NUL byte a few KB into the file: unsupported (binary), not read as text', async () => {
    const bytes = Buffer.concat([Buffer.from('一、总体情况\n'.repeat(200)), Buffer.from([0]), Buffer.from('尾')]);
    assert.ok(bytes.indexOf(0) > 2000 && bytes.indexOf(0) < 8192);
    await refused('r.txt', bytes, 'unsupported');
  });

  // Pins the GB18030 round trip: 0x80 decodes (to €) but encodes to A2 E3, so writing the draft
  // back would change a byte the user never touched; the file is refused instead.
  test('GB18030 bytes that would not be written back the same (a lone 0x80): corrupt, not read', async () => {
    const bytes = Buffer.concat([iconv.encode(TEXT, 'gb18030'), Buffer.from([0x80])]);
    assert.equal(iconv.decode(bytes, 'gb18030').includes('\ufffd'), false, 'it decodes without a replacement character');
    await refused('r.txt', bytes, 'corrupt');
    // The same text without the stray byte reads, as GB18030.
    const r = await readSource('r.txt', iconv.encode(TEXT, 'gb18030'));
    assert.ok('decoded' in r && r.decoded.encoding === 'gb18030');
    assert.equal(r.text, TEXT);
  });

  // Pins index.ts's check for an OLE compound file in a text draft: an old .doc saved as .txt is
  // "legacy format, save as .docx", not a baffling "binary file".
  test('an old Word binary named .txt: legacy-format (save as .docx), not "binary"', async () => {
    const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('WordDocument', 'utf16le'), Buffer.alloc(512)]);
    await refused('report.txt', cfb, 'legacy-format');
  });
});
