// zip.ts patchEntry, the write-back of a fix into a .docx: the one entry's content replaced, every
// other byte of the package kept (entries, order, comment), in both layouts packages come in —
// sizes in the local header (zipSync, Word) and a data descriptor after the data (streamed zips,
// with or without its signature) — and a package it cannot patch safely refused with a
// SourceError, the given bytes untouched.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate';
import { SourceError } from '../server/src/sources/index.ts';
import { patchEntry } from '../server/src/sources/zip.ts';

const DOC = 'word/document.xml';
const PARTS: Record<string, string> = {
  '[Content_Types].xml': '<Types/>',
  [DOC]: '<w:document>本年新收 12 件</w:document>',
  'word/media/image1.png': 'PNG bytes, stored',
  'word/styles.xml': '<w:styles/>',
};

/** The package as zipSync writes it (sizes in each local header), the image stored, an archive comment. */
function zipped(): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  for (const [name, text] of Object.entries(PARTS)) files[name] = [strToU8(text), { level: name.endsWith('.png') ? 0 : 6 }];
  return withComment(zipSync(files), '由 WPS 保存');
}

/** The package as a stream writes it: each entry's sizes in a signed data descriptor after its data. */
function streamed(): Uint8Array {
  const chunks: Uint8Array[] = [];
  const z = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  for (const [name, text] of Object.entries(PARTS)) {
    const f = name.endsWith('.png') ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    z.add(f);
    f.push(strToU8(text), true);
  }
  z.end();
  return concat(chunks);
}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
const set16 = (b: Uint8Array, at: number, v: number) => { b[at] = v & 0xff; b[at + 1] = (v >> 8) & 0xff; };
const set32 = (b: Uint8Array, at: number, v: number) => { set16(b, at, v & 0xffff); set16(b, at + 2, v >>> 16); };

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

function withComment(zip: Uint8Array, comment: string): Uint8Array {
  const c = strToU8(comment);
  const out = concat([zip, c]);
  set16(out, zip.length - 22 + 20, c.length);
  return out;
}

const eocdOf = (b: Uint8Array) => {
  for (let at = b.length - 22; at >= 0; at--) if (u32(b, at) === 0x06054b50) return at;
  throw new Error('no end record');
};
/** Each entry's directory record and local header offsets, by name, in directory order. */
function directory(b: Uint8Array): { name: string; cd: number; lho: number }[] {
  const eocd = eocdOf(b);
  const out = [];
  for (let i = 0, p = u32(b, eocd + 16); i < u16(b, eocd + 10); i++) {
    const n = u16(b, p + 28);
    out.push({ name: strFromU8(b.subarray(p + 46, p + 46 + n)), cd: p, lho: u32(b, p + 42) });
    p += 46 + n + u16(b, p + 30) + u16(b, p + 32);
  }
  return out;
}
const entry = (b: Uint8Array, name: string) => directory(b).find((e) => e.name === name)!;

const upper = (content: Uint8Array) => strToU8(strFromU8(content).replace('12', '１２３４５'));

function assertPatched(given: Uint8Array): void {
  const before = given.slice();
  const out = patchEntry(given, DOC, upper);
  assert.deepEqual(given, before, 'the given bytes stay as they are');
  const read = unzipSync(out);
  assert.deepEqual(Object.keys(read), Object.keys(PARTS), 'the entries, in their order');
  for (const [name, text] of Object.entries(PARTS)) assert.equal(strFromU8(read[name]), name === DOC ? text.replace('12', '１２３４５') : text, name);
  // Everything before the patched entry is byte for byte the same, and so is the archive's tail.
  const lho = entry(given, DOC).lho;
  assert.deepEqual(out.subarray(0, lho), given.subarray(0, lho));
  assert.equal(strFromU8(out.subarray(eocdOf(out) + 22)), strFromU8(given.subarray(eocdOf(given) + 22)), 'the archive comment');
  // The entries after it moved by what the patched one grew.
  const delta = out.length - given.length;
  assert.ok(delta !== 0);
  for (const e of directory(given)) assert.equal(entry(out, e.name).lho, e.lho > lho ? e.lho + delta : e.lho, e.name);
  // Each local header where its record says (fflate reads past a missing signature; Word does not).
  for (const e of directory(out)) assert.equal(u32(out, e.lho), 0x04034b50, `${e.name}'s local header`);
}

describe('patchEntry: one entry replaced, the rest of the package kept', () => {
  test('sizes in the local headers (zipSync, as Word writes), an archive comment', () => assertPatched(zipped()));

  test('a streamed package: signed data descriptors after each entry', () => {
    const z = streamed();
    assert.ok(u16(z, entry(z, DOC).lho + 6) & 8, 'the fixture has data descriptors');
    assertPatched(z);
  });

  test('a streamed package whose descriptors have no signature (allowed by the format)', () => {
    // Each 16-byte signed descriptor made a 12-byte one: the signature dropped, offsets after it moved.
    const z = streamed();
    const entries = directory(z);
    const eocd = eocdOf(z);
    const cdOffset = u32(z, eocd + 16);
    const pieces: Uint8Array[] = [];
    const lhos: number[] = [];
    let from = 0;
    let removed = 0;
    for (const e of entries) {
      lhos.push(e.lho - removed);
      const dataEnd = e.lho + 30 + u16(z, e.lho + 26) + u16(z, e.lho + 28) + u32(z, e.cd + 20);
      assert.equal(u32(z, dataEnd), 0x08074b50);
      pieces.push(z.subarray(from, dataEnd));
      from = dataEnd + 4;
      removed += 4;
    }
    pieces.push(z.subarray(from));
    const out = concat(pieces);
    entries.forEach((e, i) => set32(out, e.cd - removed + 42, lhos[i]));
    set32(out, eocdOf(out) + 16, cdOffset - removed);
    assert.deepEqual(Object.keys(unzipSync(out)), Object.keys(PARTS), 'the fixture reads');
    assertPatched(out);
  });
});

describe('patchEntry: a package it cannot patch safely is refused, nothing changed', () => {
  const refusals: [string, (z: Uint8Array) => Uint8Array, RegExp][] = [
    ['no end of central directory', (z) => z.slice(0, eocdOf(z)), /no end of central directory/],
    ['ZIP64', (z) => { const b = z.slice(); set16(b, eocdOf(b) + 10, 0xffff); return b; }, /ZIP64/],
    ['the entry missing', (z) => z, /no word\/nothing\.xml/],
    ['the entry named twice', (z) => {
      // Two entries, the second renamed (a name of the same length) to the first's, in both its headers.
      const b = zipSync({ [DOC]: strToU8('<a/>'), 'word/documenX.xml': strToU8('<b/>') });
      for (const e of directory(b)) if (e.name === 'word/documenX.xml') { b.set(strToU8(DOC), e.cd + 46); b.set(strToU8(DOC), e.lho + 30); }
      return b;
    }, /appears 2 times/],
    ['a compression method other than stored or deflate', (z) => { const b = z.slice(); const e = entry(b, DOC); set16(b, e.cd + 10, 12); set16(b, e.lho + 8, 12); return b; }, /compression method 12/],
    ['an encrypted entry', (z) => { const b = z.slice(); const e = entry(b, DOC); set16(b, e.lho + 6, u16(b, e.lho + 6) | 1); return b; }, /encrypted entry/],
    ['a damaged local header', (z) => { const b = z.slice(); set32(b, entry(b, DOC).lho, 0); return b; }, /damaged local header/],
    ['a damaged central directory', (z) => { const b = z.slice(); set32(b, directory(b)[1].cd, 0); return b; }, /damaged central directory/],
    ['the central directory before the entry', (z) => {
      // [directory][the one entry][end]: a valid zip (offsets point where they should), written in an unusual order.
      const one = zipSync({ [DOC]: strToU8(PARTS[DOC]) });
      const eocd = eocdOf(one);
      const cdOffset = u32(one, eocd + 16);
      const cd = one.slice(cdOffset, eocd);
      set32(cd, 42, cd.length);
      const end = one.slice(eocd);
      set32(end, 16, 0);
      return concat([cd, one.subarray(0, cdOffset), end]);
    }, /central directory before the entry/],
  ];
  for (const [what, make, why] of refusals) {
    test(what, () => {
      const given = make(zipped());
      const before = given.slice();
      let changed = false;
      assert.throws(() => patchEntry(given, what === 'the entry missing' ? 'word/nothing.xml' : DOC, (c) => { changed = true; return upper(c); }), (e: unknown) => {
        assert.ok(e instanceof SourceError, String(e));
        assert.equal(e.code, 'unsupported');
        assert.match(e.localized.en, why);
        assert.match(e.localized.zh, /无法安全写回此文档/);
        return true;
      });
      assert.equal(changed, false, 'refused before the content is read or changed');
      assert.deepEqual(given, before, 'the given bytes stay as they are');
    });
  }
});
