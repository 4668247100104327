// A .docx's package and parts where only hostile or unusual files go (zip.ts, xml.ts, bounded.ts
// as docx.ts and numbering.ts call them): XML parts saved in UTF-16 or with a UTF-8 BOM, read and
// written back in the encoding they came in (one BOM, not two); a main part in the default
// namespace (attributes without w:); the element budget held for every part read — document.xml,
// numbering.xml, styles.xml, _rels/.rels — with the caller's limits, not only the defaults; the
// per-part inflate limit; pictures never inflated (so a report full of photos is no "zip bomb");
// a compression method fflate does not know; text escaped again when a fix is written.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { fixDocx, readSource, SourceError, type Limits, type SourceErrorCode } from '../server/src/sources/index.ts';
import { packageDocx, wordXml } from './helpers/sources.ts';

const DOC = 'word/document.xml';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const RELS_NS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
const MAIN_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';

async function refused(bytes: Uint8Array, code: SourceErrorCode, limits: Partial<Limits> = {}): Promise<SourceError> {
  try {
    await readSource('t.docx', bytes, limits);
  } catch (e) {
    assert.ok(e instanceof SourceError, `a SourceError, not ${String(e)}`);
    assert.equal(e.code, code, e.message);
    return e;
  }
  assert.fail('the .docx was read');
}

/** One table row: a label and a number. */
const ROW = `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>本年新收</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`;
/** The edit turning that row's 12 into 345 (line 0, columns 5–7 of "本年新收\t12"). */
const EDIT = { range: { start: { line: 0, character: 5 }, end: { line: 0, character: 7 } }, newText: '345' };

const swap = (b: Buffer) => { const c = Buffer.from(b); for (let i = 0; i + 1 < c.length; i += 2) [c[i], c[i + 1]] = [c[i + 1], c[i]]; return c; };
const ENCODINGS: [string, (xml: string) => Buffer, (b: Uint8Array) => string][] = [
  ['UTF-16 LE', (x) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(x, 'utf16le')]), (b) => { assert.deepEqual([b[0], b[1]], [0xff, 0xfe]); return Buffer.from(b.subarray(2)).toString('utf16le'); }],
  ['UTF-16 BE', (x) => Buffer.concat([Buffer.from([0xfe, 0xff]), swap(Buffer.from(x, 'utf16le'))]), (b) => { assert.deepEqual([b[0], b[1]], [0xfe, 0xff]); return swap(Buffer.from(b.subarray(2))).toString('utf16le'); }],
  ['UTF-8 with a BOM', (x) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(x)]), (b) => { assert.deepEqual([b[0], b[1], b[2], b[3]], [0xef, 0xbb, 0xbf, 0x3c], 'one BOM, then the XML'); return Buffer.from(b.subarray(3)).toString('utf8'); }],
];

describe('XML parts in UTF-16 or with a BOM', () => {
  for (const [name, encode, decode] of ENCODINGS) {
    // Pins decodeXml's BOM branches (xml.ts) and docx-fix's encodeXml: the part read as its text,
    // and a fix written in the part's own encoding, the BOM once.
    test(`document.xml in ${name}: read, and a fix written back in ${name}`, async () => {
      const xml = `<?xml version="1.0" encoding="${name.startsWith('UTF-16') ? 'UTF-16' : 'UTF-8'}" standalone="yes"?>\n${wordXml(ROW).replace(/^<\?xml[^>]*>\n/, '')}`;
      const bytes = zipSync({ [DOC]: new Uint8Array(encode(xml)) });
      const read = await readSource('t.docx', bytes);
      assert.equal(read.text, '本年新收\t12\n');
      const fixed = fixDocx(bytes, read.docx!, [EDIT]);
      assert.deepEqual(fixed.applied, [EDIT]);
      const out = decode(unzipSync(fixed.bytes)[DOC]);
      assert.equal(out, xml.replace('<w:t>12</w:t>', '<w:t>345</w:t>'));
      assert.equal((await readSource('t.docx', fixed.bytes)).text, '本年新收\t345\n');
    });
  }

  // Pins the UTF-16 numbering.xml read through decodeXml as well (Numbering's constructor).
  test('numbering.xml in UTF-16 LE: the numbers still shown', async () => {
    const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const bytes = zipSync({ [DOC]: strToU8(wordXml('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p>')), 'word/numbering.xml': new Uint8Array(ENCODINGS[0][1](numbering)) });
    assert.equal((await readSource('t.docx', bytes)).text, '一、总体情况\n');
  });
});

// Pins xml.ts attr()'s unprefixed lookup: a main part in the default namespace (some converters
// write no w: prefix) has attributes without it; read only as w:val, a vMerge restart would be
// taken for a continuation (its text lost) and a vanish switched off for hidden text.
test('a main part in the default namespace: its attributes read without the w: prefix', async () => {
  const cell = (pr: string, t: string) => `<tc><tcPr>${pr}</tcPr><p><r><t>${t}</t></r></p></tc>`;
  const xml = `<?xml version="1.0" encoding="UTF-8"?><document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><body><p><r><rPr><vanish val="0"/></rPr><t>标题</t></r></p><tbl><tr>${cell('<vMerge val="restart"/>', '三、结果')}${cell('', '1')}</tr><tr>${cell('<vMerge/>', '')}${cell('', '2')}</tr></tbl></body></document>`;
  assert.equal((await readSource('t.docx', zipSync({ [DOC]: strToU8(xml) }))).text, '标题\n三、结果\t1\n\t2\n');
});

describe('the element budget, for every part read', () => {
  const numbering = (n: number) => `<w:numbering ${W}>${'<w:abstractNum w:abstractNumId="9"/>'.repeat(n)}</w:numbering>`;
  const styles = (n: number) => `<w:styles ${W}>${'<w:style w:styleId="s"/>'.repeat(n)}</w:styles>`;
  const rels = (n: number) => `<Relationships ${RELS_NS}>${'<Relationship Id="x" Type="t" Target="t"/>'.repeat(n)}<Relationship Id="r" Type="${MAIN_REL}" Target="word/document.xml"/></Relationships>`;
  const small = wordXml('<w:p><w:r><w:t>正文</w:t></w:r></w:p>');
  const limits = { maxElements: 200 };

  // Pins xml.ts parseXml handing the budget to parseBounded (and bounded.ts's element count):
  // a flood of elements in document.xml stops at the limit given, named.
  test('document.xml over maxElements: too-complex, the part named', async () => {
    const e = await refused(packageDocx(wordXml('<w:p/>'.repeat(300))), 'too-complex', limits);
    assert.match(e.message, /word\/document\.xml has more than 200 elements/);
  });

  // Pins docx.ts passing the caller's limits to Numbering (numbering.xml and styles.xml were
  // parsed under the default budget: a flood in them went unchecked at a lower limit).
  test('numbering.xml and styles.xml over maxElements: too-complex, the part named', async () => {
    assert.match((await refused(packageDocx(small, { 'word/numbering.xml': numbering(300) }), 'too-complex', limits)).message, /word\/numbering\.xml has more than 200 elements/);
    assert.match((await refused(packageDocx(small, { 'word/styles.xml': styles(300) }), 'too-complex', limits)).message, /word\/styles\.xml has more than 200 elements/);
  });

  // Pins docx.ts mainPart passing the caller's limits when it parses _rels/.rels.
  test('_rels/.rels over maxElements: too-complex, the part named', async () => {
    const bytes = zipSync({ '_rels/.rels': strToU8(rels(300)), [DOC]: strToU8(small) });
    assert.match((await refused(bytes, 'too-complex', limits)).message, /_rels\/\.rels has more than 200 elements/);
  });

  test('the same parts under the budget read', async () => {
    const bytes = zipSync({ '_rels/.rels': strToU8(rels(50)), [DOC]: strToU8(small), 'word/numbering.xml': strToU8(numbering(50)), 'word/styles.xml': strToU8(styles(50)) });
    assert.equal((await readSource('t.docx', bytes, limits)).text, '正文\n');
  });
});

describe('inflating', () => {
  // Pins unzip's per-part limit (zip.ts maxPartBytes), quickly and at a limit the caller sets.
  test('a part inflating past maxPartBytes: too-large, the part named', async () => {
    const bytes = packageDocx(wordXml('<w:p><w:r><w:t>正文</w:t></w:r></w:p>' + ' '.repeat(300_000)));
    const e = await refused(bytes, 'too-large', { maxPartBytes: 100_000 });
    assert.match(e.message, /word\/document\.xml is over/);
  });

  // Pins readDocx's entry filter: pictures (word/media) are never inflated, so they count against
  // no limit — a report with 8 MB of photos reads under a 1 MB limit on what is inflated.
  test('pictures are not inflated: a large image does not make the report a "zip bomb"', async () => {
    const bytes = zipSync({ [DOC]: strToU8(wordXml('<w:p><w:r><w:t>正文</w:t></w:r></w:p>')), 'word/media/image1.png': new Uint8Array(8 * 1024 * 1024) }, { level: 6 });
    assert.equal((await readSource('t.docx', bytes, { maxUncompressed: 1024 * 1024, maxPartBytes: 1024 * 1024 })).text, '正文\n');
  });

  // A compression method other than stored and deflate (LZMA, 14): a clear corrupt error.
  test('an entry compressed with a method fflate does not know: corrupt, the method named', async () => {
    const bytes = new Uint8Array(zipSync({ [DOC]: strToU8(wordXml('<w:p><w:r><w:t>正文</w:t></w:r></w:p>')) }, { level: 6 }));
    const dv = new DataView(bytes.buffer);
    bytes[8] = 14; // the local header's method
    for (let i = 0; i + 4 <= bytes.length; i++) if (dv.getUint32(i, true) === 0x02014b50) bytes[i + 10] = 14;
    assert.match((await refused(bytes, 'corrupt')).message, /compression type 14/);
  });
});

// Pins xml.ts escapeXmlText on the write-back: the rest of a fixed w:t's text (here < > &) is
// escaped again, so the written document.xml stays well-formed XML that Word opens.
test('a fix into a w:t holding < > &: escaped again when written', async () => {
  const tbl = `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>合计</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t xml:space="preserve">12 &lt;件&gt; &amp;</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`;
  const bytes = packageDocx(wordXml(tbl));
  const read = await readSource('t.docx', bytes);
  assert.equal(read.text, '合计\t12 <件> &\n');
  const edit = { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 5 } }, newText: '345' };
  const fixed = fixDocx(bytes, read.docx!, [edit]);
  const xml = strFromU8(unzipSync(fixed.bytes)[DOC]);
  assert.ok(xml.includes('<w:t xml:space="preserve">345 &lt;件&gt; &amp;</w:t>'), xml);
  assert.equal((await readSource('t.docx', fixed.bytes)).text, '合计\t345 <件> &\n');
});
