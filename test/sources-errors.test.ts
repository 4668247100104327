// Files the readers refuse, each with its own SourceError code and a message in both languages:
// old Word/WPS formats, encrypted packages and PDFs, corrupt files, scans, and the limits that
// make a zip bomb, a zip of many entries, a long PDF or a huge file an error instead of a hang.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { readSource, SourceError, type SourceErrorCode } from '../server/src/sources/index.ts';
import { makeDocx, packageDocx, wordXml } from './helpers/sources.ts';

const FIX = join(__dirname, 'fixtures/sources');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIX, name)));
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A compound-file header followed by directory names, as Word writes them (UTF-16). */
function compoundFile(...streams: string[]): Uint8Array {
  const names = streams.map((s) => Buffer.from(s, 'utf16le'));
  return new Uint8Array(Buffer.concat([Buffer.from(CFB), Buffer.alloc(504), ...names, Buffer.alloc(512)]));
}

/** `docx` with its entry `name` marked encrypted (general purpose flag bit 0, local header and directory), its data scrambled or not. */
function withEncryptedEntry(docx: Uint8Array, name: string, scramble: boolean): Uint8Array {
  const b = docx.slice();
  const dv = new DataView(b.buffer);
  const eocd = b.length - 22;
  let p = dv.getUint32(eocd + 16, true);
  for (let i = 0; i < dv.getUint16(eocd + 10, true); i++) {
    const nlen = dv.getUint16(p + 28, true);
    if (Buffer.from(b.subarray(p + 46, p + 46 + nlen)).toString() === name) {
      const lho = dv.getUint32(p + 42, true);
      dv.setUint16(p + 8, dv.getUint16(p + 8, true) | 1, true);
      dv.setUint16(lho + 6, dv.getUint16(lho + 6, true) | 1, true);
      const start = lho + 30 + dv.getUint16(lho + 26, true) + dv.getUint16(lho + 28, true);
      if (scramble) for (let k = start; k < start + dv.getUint32(p + 20, true); k++) b[k] ^= 0x5a;
      return b;
    }
    p += 46 + nlen + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  throw new Error(`no ${name} in the package`);
}

async function refused(path: string, bytes: Uint8Array, code: SourceErrorCode, limits = {}): Promise<SourceError> {
  try {
    await readSource(path, bytes, limits);
  } catch (e) {
    assert.ok(e instanceof SourceError, `a SourceError, not ${e}`);
    assert.equal(e.code, code, e.message);
    assert.ok(e.localized.zh && e.localized.en && /[\u4e00-\u9fff]/.test(e.localized.zh));
    return e;
  }
  assert.fail(`${path} was read`);
}

describe('refused formats', () => {
  test('.doc and .wps: save as .docx', async () => {
    const e = await refused('old.doc', compoundFile('WordDocument'), 'legacy-format');
    assert.match(e.localized.zh, /另存为.*\.docx/);
    await refused('old.wps', compoundFile('WordDocument'), 'legacy-format');
    await refused('renamed.docx', compoundFile('WordDocument'), 'legacy-format');
  });

  test('an encrypted .docx (an OLE package holding EncryptedPackage)', async () => {
    const e = await refused('secret.docx', compoundFile('EncryptionInfo', 'EncryptedPackage'), 'encrypted');
    assert.match(e.localized.en, /password/);
  });

  test('a .docx whose zip entries are encrypted (a zip tool\'s password, flag bit 0), not "corrupt"', async () => {
    // The data scrambled as a cipher leaves it (fflate fails on it), and stored as-is (it would read garbage).
    for (const scramble of [true, false]) {
      const e = await refused('zipped-with-password.docx', withEncryptedEntry(makeDocx('一、总体情况'), 'word/document.xml', scramble), 'encrypted');
      assert.match(e.localized.en, /password/);
      assert.match(e.localized.zh, /设有密码/);
    }
  });

  test('an encrypted entry the reader never opens (an image) does not stop the document', async () => {
    const docx = packageDocx(wordXml('<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>'), { 'word/media/image1.png': 'PNG bytes' });
    const r = await readSource('a.docx', withEncryptedEntry(docx, 'word/media/image1.png', true), {});
    assert.match(r.text, /一、总体情况/);
  });

  test('a PDF with an open password', async () => {
    await refused('secret.pdf', fixture('encrypted.pdf'), 'encrypted');
  });

  test('a PDF with no text layer is a scan: OCR', async () => {
    const e = await refused('scan.pdf', fixture('scan.pdf'), 'scan');
    assert.match(e.localized.zh, /扫描件/);
    assert.match(e.localized.en, /OCR/);
  });

  test('corrupt files', async () => {
    await refused('x.docx', strToU8('not a zip at all'), 'corrupt');
    await refused('x.docx', makeDocx('一、总体情况').subarray(0, 200), 'corrupt');
    await refused('x.docx', zipSync({ 'a.txt': strToU8('hello') }), 'corrupt');
    await refused('x.docx', packageDocx('<w:document xmlns:w="x"></w:document>'), 'corrupt');
    await refused('x.pdf', strToU8('<html>not a pdf</html>'), 'corrupt');
    await refused('x.pdf', fixture('wrong-totals.pdf').subarray(0, 3000), 'corrupt');
    await refused('x.txt', new Uint8Array([0x61, 0, 0x62]), 'unsupported');
  });
});

describe('limits', () => {
  test('a file over maxBytes is not read', async () => {
    await refused('big.html', new Uint8Array(2048), 'too-large', { maxBytes: 1024 });
  });

  test('a zip bomb stops at maxUncompressed', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    assert.ok(bomb.length < 64 * 1024);
    const e = await refused('bomb.docx', bomb, 'too-large', { maxUncompressed: 1024 * 1024 });
    assert.match(e.localized.en, /zip bomb/);
  });

  test('a zip of too many entries', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 50; i++) files[`word/media/${i}.bin`] = strToU8('x');
    files['word/document.xml'] = strToU8(wordXml('<w:p><w:r><w:t>a</w:t></w:r></w:p>'));
    await refused('many.docx', zipSync(files), 'too-many-entries', { maxEntries: 20 });
  });

  test('a PDF over maxPages is an error before any page is read', async () => {
    const e = await refused('long.pdf', fixture('wrong-totals.pdf'), 'too-many-pages', { maxPages: 1 });
    assert.match(e.localized.en, /2 pages/);
  });

  test('converted text over maxChars', async () => {
    await refused('long.docx', makeDocx('一、总体情况\n'.repeat(200)), 'too-large', { maxChars: 500 });
    await refused('long.pdf', fixture('wrong-totals.pdf'), 'too-large', { maxChars: 500 });
  });
});
