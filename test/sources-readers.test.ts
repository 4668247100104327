// The sources layer's readers: the same report as .txt, .docx (made here, and as LibreOffice
// saved it), a GBK web page and a PDF gives the same findings at the same cell keys; and the
// details each reader must get right (merged cells, runs, charset, article, entities).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ARITHMETIC_RULES } from '../server/src/core/index.ts';
import { isSourceFile, readSource, sourceKind } from '../server/src/sources/index.ts';
import { walk } from '../server/src/sources/files.ts';
import { findings } from './helpers/findings.ts';
import { pdfWithoutEmbeddedFont } from './helpers/pdf-make.ts';
import { makeDocx, makeHtml, packageDocx, wordXml } from './helpers/sources.ts';

const FIX = join(__dirname, 'fixtures/sources');
const EXAMPLE = readFileSync(join(__dirname, '../examples/wrong-totals.report.txt'), 'utf8');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIX, name)));

describe('the same report from every source', () => {
  const expected = findings(EXAMPLE);
  const sources: [string, () => Uint8Array][] = [
    ['made.docx', () => makeDocx(EXAMPLE)],
    ['split-runs.docx', () => makeDocx(EXAMPLE, { splitRuns: true })],
    ['wrong-totals.libreoffice.docx', () => fixture('wrong-totals.libreoffice.docx')],
    ['made.html', () => new TextEncoder().encode(makeHtml(EXAMPLE))],
    ['wrong-totals.gbk.html', () => fixture('wrong-totals.gbk.html')],
    ['wrong-totals.pdf', () => fixture('wrong-totals.pdf')],
  ];

  test('the text itself has arithmetic findings to compare', () => {
    assert.ok(expected.filter((f) => ARITHMETIC_RULES.has(f.split(' ')[0] as never)).length >= 5, expected.join('\n'));
    assert.ok(expected.some((f) => f.startsWith('request-balance @t3.carryOver.')), expected.join('\n'));
  });

  for (const [name, bytes] of sources) {
    test(`${name}: same findings, keys and expected values as the .txt`, async () => {
      const r = await readSource(name, bytes());
      assert.deepEqual(findings(r.text), expected);
    });
  }

  test('wrong-totals.centered.pdf (cells centred vertically, labels around their numbers): the same arithmetic findings', async () => {
    const arithmetic = (f: string[]) => f.filter((x) => ARITHMETIC_RULES.has(x.split(' ')[0] as never));
    const r = await readSource('centered.pdf', fixture('wrong-totals.centered.pdf'));
    assert.deepEqual(arithmetic(findings(r.text)), arithmetic(expected));
  });

  test('fixtures are small', () => {
    for (const f of readdirSync(FIX)) assert.ok(statSync(join(FIX, f)).size < 100 * 1024, f);
  });
});

describe('kinds and results', () => {
  test('the extension picks the reader', () => {
    assert.equal(sourceKind('a/b.DOCX'), 'docx');
    assert.equal(sourceKind('page.htm'), 'html');
    assert.equal(sourceKind('r.pdf'), 'pdf');
    assert.equal(sourceKind('r.report.txt'), 'text');
    assert.equal(sourceKind('r.doc'), null);
    assert.ok(isSourceFile('x.wps') && isSourceFile('x.html') && !isSourceFile('x.png'));
  });

  test('a folder walked for every source kind (and the old formats, to be refused one by one)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'walk-'));
    try {
      for (const f of ['a.txt', 'b.docx', 'c.PDF', 'd.png', 'e.doc', 'sub/f.htm']) {
        mkdirSync(join(dir, f, '..'), { recursive: true });
        writeFileSync(join(dir, f), '');
      }
      assert.deepEqual(walk([dir], isSourceFile).files.map((f) => f.slice(dir.length + 1)), ['a.txt', 'b.docx', 'c.PDF', 'e.doc', join('sub', 'f.htm')]);
      assert.deepEqual(walk([dir]).files.map((f) => f.slice(dir.length + 1)), ['a.txt']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Pins walk's error for a link it cannot follow: said for a name it would take (a report linked
  // from elsewhere and moved away), not for every stray link in the folder (the CLI exited 2 over
  // a logo.png pointing nowhere).
  test('a folder’s links pointing nowhere: an error for a report’s name, nothing for a name the walk does not take', () => {
    const dir = mkdtempSync(join(tmpdir(), 'walk-'));
    try {
      writeFileSync(join(dir, 'a.txt'), '');
      for (const name of ['b.txt', 'c.pdf', 'logo.png', 'archive']) symlinkSync(join(dir, 'gone', name), join(dir, name));
      const w = walk([dir], isSourceFile);
      assert.deepEqual(w.files.map((f) => f.slice(dir.length + 1)), ['a.txt']);
      assert.deepEqual(w.errors.map((e) => [e.path.slice(dir.length + 1), (e.error as NodeJS.ErrnoException).code]), [['b.txt', 'ENOENT'], ['c.pdf', 'ENOENT']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('plain text keeps its encoding for writing back', async () => {
    const r = await readSource('a.txt', new Uint8Array([0xef, 0xbb, 0xbf, 0x61]));
    assert.equal(r.kind, 'text');
    assert.equal(r.text, 'a');
    assert.ok('decoded' in r && r.decoded.bom);
  });

  test('writable only for text and .docx; a .docx carries its map', async () => {
    const d = await readSource('a.docx', makeDocx(EXAMPLE));
    assert.equal(d.writable, true);
    assert.ok(d.docx && d.docx.entry === 'word/document.xml' && d.docx.pieces.length > 100);
    const h = await readSource('a.html', new TextEncoder().encode(makeHtml(EXAMPLE)));
    assert.equal(h.writable, false);
    assert.equal(h.docx, undefined);
  });
});

describe('.docx details', () => {
  const read = async (body: string) => (await readSource('t.docx', packageDocx(wordXml(body)))).text;
  const cell = (inner: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr>${inner}</w:tc>`;
  const p = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;
  const r = (t: string, pr = '') => `<w:r>${pr ? `<w:rPr>${pr}</w:rPr>` : ''}<w:t xml:space="preserve">${t}</w:t></w:r>`;

  test('runs joined, w:tab kept, w:br parts a paragraph, deleted and hidden text left out', async () => {
    const text = await read(p(r('一、'), r('总体'), '<w:r><w:t>情况</w:t></w:r>') + p(r('甲'), '<w:r><w:tab/></w:r>', r('乙')) + p(r('上'), '<w:r><w:br/></w:r>', r('下')) + p(r('留'), `<w:del><w:r><w:delText>删</w:delText></w:r></w:del>`, r('藏', '<w:vanish/>'), `<w:ins>${r('增')}</w:ins>`));
    assert.equal(text, '一、总体情况\n甲\t乙\n上\n下\n留增\n');
  });

  test('entities decoded; leading indentation trimmed', async () => {
    assert.equal(await read(p(r('\u3000\u3000A&amp;B &lt;1&gt;'))), 'A&B <1>\n');
  });

  test('gridSpan is one cell, vMerge continuations are empty cells, a cell\'s paragraphs are joined', async () => {
    const tbl = `<w:tbl><w:tr>${cell(p(r('三、本年度办理结果')), '<w:vMerge w:val="restart"/>')}${cell(p(r('（一）予以公开')), '<w:gridSpan w:val="2"/>')}${cell(p(r('1'), r('2')))}</w:tr><w:tr>${cell(p(), '<w:vMerge/>')}${cell(p(r('（二）部分公开（区分处理的，')) + p(r('只计这一情形，不计其他情形）')), '<w:gridSpan w:val="2"/>')}${cell(p(r('3')))}</w:tr></w:tbl>`;
    assert.equal(await read(tbl), '三、本年度办理结果\t（一）予以公开\t12\n\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t3\n');
  });

  test('automatic numbering: numbers Word shows from numbering.xml, by a paragraph\'s numPr or its style\'s', async () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl><w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>`;
    const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style></w:styles>`;
    const np = (ilvl: number) => `<w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="3"/></w:numPr></w:pPr>`;
    const body = [
      `<w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr>${r('总体情况')}</w:p>`,
      `<w:p>${np(1)}${r('主动公开')}</w:p>`,
      `<w:p>${np(1)}${r('依申请公开')}</w:p>`,
      `<w:p>${np(2)}${r('属于国家秘密')}</w:p>`,
      `<w:p><w:pPr><w:pStyle w:val="H1b"/></w:pPr>${r('主动公开政府信息情况')}</w:p>`,
      `<w:p><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>${r('不编号')}</w:p>`,
    ].join('');
    const text = (await readSource('n.docx', packageDocx(wordXml(body), { 'word/numbering.xml': numbering, 'word/styles.xml': styles }))).text;
    assert.equal(text, '一、总体情况\n（一）主动公开\n（二）依申请公开\n1.属于国家秘密\n二、主动公开政府信息情况\n不编号\n');
  });

  test('headers and footers are not part of the draft', async () => {
    const { text } = await readSource('r.docx', fixture('wrong-totals.libreoffice.docx'));
    assert.ok(!text.includes('政务公开\n') && !text.includes('- 1 -'), text.slice(0, 200));
  });

  test('the main part is found through _rels/.rels', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const bytes = zipSync({
      '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/main.xml"/></Relationships>'),
      'word/main.xml': strToU8(wordXml(p(r('正文')))),
    });
    const res = await readSource('t.docx', bytes);
    assert.equal(res.text, '正文\n');
    assert.equal(res.docx?.entry, 'word/main.xml');
  });
});

describe('web page details', () => {
  const page = (body: string, head = '<meta charset="utf-8">') => new TextEncoder().encode(`<html><head>${head}<title>t</title></head><body>${body}</body></html>`);

  test('GBK page: charset from <meta http-equiv>, decoded; navigation, scripts and the footer left out', async () => {
    const bytes = fixture('wrong-totals.gbk.html');
    assert.ok(!new TextDecoder('utf-8', { fatal: false }).decode(bytes).includes('青禾县'), 'the fixture is not UTF-8');
    const { text } = await readSource('p.html', bytes);
    assert.ok(text.startsWith('青禾县数据资源局2025年政府信息公开工作年度报告\n'), text.slice(0, 100));
    for (const chrome of ['首页', '当前位置', '版权所有', 'var nav', 'td{']) assert.ok(!text.includes(chrome), chrome);
  });

  test('rowspan leaves empty cells below, colspan is one cell; <p> and <br> in a cell joined; &nbsp; is a space', async () => {
    const { text } = await readSource('p.html', page('<table><tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以&nbsp;公开</td><td>1</td></tr><tr><td colspan="2"><p>（二）部分公开<br>（区分处理的）</p></td><td>2</td></tr><tr><td colspan="3">四、结转</td><td>3&nbsp;</td></tr></table>'));
    assert.equal(text, '三、本年度办理结果\t（一）予以 公开\t1\n\t（二）部分公开（区分处理的）\t2\n四、结转\t3\n');
  });

  test('the article is the part holding the title and the report tables, not a sidebar list of reports', async () => {
    const html = `<div class="side"><ul><li>某某局2024年政府信息公开工作年度报告</li></ul></div><div id="zoom"><p>某某局2025年政府信息公开工作年度报告</p><p>一、总体情况</p><table><tr><td>一、本年新收政府信息公开申请数量</td><td>1</td></tr></table><p>六、其他需要报告的事项</p></div><div>友情链接</div>`;
    const { text } = await readSource('p.htm', page(html));
    assert.equal(text, '某某局2025年政府信息公开工作年度报告\n一、总体情况\n一、本年新收政府信息公开申请数量\t1\n六、其他需要报告的事项\n');
  });

  test('a page laid out with tables: the layout table\'s cells are blocks, the report\'s tables rows', async () => {
    const html = '<table><tr><td>首页</td><td><table><tr><td><p>某某局2025年政府信息公开工作年度报告</p></td></tr><tr><td>一、总体情况<table><tr><td>行政许可</td><td>5</td></tr></table>二、主动公开政府信息情况</td></tr></table></td></tr></table>';
    const { text } = await readSource('p.html', page(html));
    assert.equal(text, '某某局2025年政府信息公开工作年度报告\n一、总体情况\n行政许可\t5\n二、主动公开政府信息情况\n');
  });

  test('UTF-8 with a BOM and no <meta>; GB18030 sniffed when undeclared and not UTF-8', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<p>一、总体情况</p>')]);
    assert.equal((await readSource('a.html', bom)).text, '一、总体情况\n');
    const iconv = (await import('iconv-lite')).default;
    assert.equal((await readSource('a.html', new Uint8Array(iconv.encode('<p>一、总体情况</p>', 'gbk')))).text, '一、总体情况\n');
  });
});

describe('PDF details', () => {
  test('page numbers dropped, the table split over two pages continued, prose lines joined into paragraphs', async () => {
    const { text } = await readSource('r.pdf', fixture('wrong-totals.pdf'));
    const lines = text.split('\n');
    assert.ok(!lines.some((l) => /^\s*-?\s*\d+\s*-?\s*$/.test(l)), 'no page number line (the fixture has - 1 -, - 2 - in its footer)');
    assert.ok(!text.includes('政务公开青禾县') && !lines.includes('青禾县数据资源局政务公开'), 'no running header');
    assert.equal(lines.filter((l) => l.startsWith('四、结转下年度继续办理\t')).length, 1);
    assert.ok(lines.includes('（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0'), 'a label wrapped in its cell is joined');
    assert.ok(lines.some((l) => l.startsWith('2025年，青禾县数据资源局认真贯彻落实') && l.endsWith('不断提升政务公开质量。')), 'a paragraph wrapped over lines is one line');
  });

  // Pins the character maps handed to pdf.js (pdf-cmaps.ts, pdf-text.ts cMapUrl): without them
  // these codes map to no text and the PDF is taken for a scan.
  test('a Chinese font the PDF does not embed (STSong-Light, in UCS-2 or GBK codes): read through pdf.js’s character maps', async () => {
    const lines = ['一、总体情况', '本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。'];
    for (const encoding of ['UniGB-UCS2-H', 'GBK-EUC-H'] as const) {
      assert.equal((await readSource('r.pdf', pdfWithoutEmbeddedFont(lines, encoding))).text, lines.join('\n') + '\n', encoding);
    }
  });
});
