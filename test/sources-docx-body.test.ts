// The .docx reader (docx.ts) on the markup Word and WPS write around text that no other test
// sends it: content controls (w:sdt) around table rows, cells and whole blocks, links, content
// saved twice (mc:AlternateContent: the Choice read, the Fallback copy not), a table
// nested in a cell, w:cr and non-breaking hyphens, a run's "hidden" switched off again
// (w:vanish w:val="0"), and a package without _rels/.rels. Each drops or doubles text a check
// reads if it goes wrong: a row inside a content control missing from table 三 is a wrong total.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { readSource } from '../server/src/sources/index.ts';
import { packageDocx, wordXml } from './helpers/sources.ts';

const read = async (body: string) => (await readSource('t.docx', packageDocx(wordXml(body)))).text;
const r = (t: string, pr = '') => `<w:r>${pr ? `<w:rPr>${pr}</w:rPr>` : ''}<w:t xml:space="preserve">${t}</w:t></w:r>`;
const p = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;
const tc = (...inner: string[]) => `<w:tc><w:tcPr/>${inner.join('')}</w:tc>`;
const sdt = (content: string) => `<w:sdt><w:sdtPr><w:alias w:val="填写"/></w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;

describe('content controls and containers', () => {
  // Pins rowsOf's walk through w:sdt/w:sdtContent: a row inside a content control (template forms) is a row.
  test('a table row inside a content control is a row of the table', async () => {
    const tbl = `<w:tbl><w:tr>${tc(p(r('行政许可')))}${tc(p(r('5')))}</w:tr>${sdt(`<w:tr>${tc(p(r('行政处罚')))}${tc(p(r('7')))}</w:tr>`)}</w:tbl>`;
    assert.equal(await read(tbl), '行政许可\t5\n行政处罚\t7\n');
  });

  // Pins cellsOf's walk through w:sdt: a cell inside a content control is a cell of its row.
  test('a table cell inside a content control is a cell of its row', async () => {
    const tbl = `<w:tbl><w:tr>${tc(p(r('行政许可')))}${sdt(tc(p(r('5'))))}${tc(p(r('6')))}</w:tr></w:tbl>`;
    assert.equal(await read(tbl), '行政许可\t5\t6\n');
  });

  // Pins readBlocks descending into block-level containers (a content control holding paragraphs and a table).
  test('paragraphs and a table inside a block-level content control', async () => {
    const body = p(r('一、总体情况')) + sdt(p(r('二、主动公开政府信息情况')) + `<w:tbl><w:tr>${tc(p(r('规章')))}${tc(p(r('0')))}</w:tr></w:tbl>`) + p(r('三、结尾'));
    assert.equal(await read(body), '一、总体情况\n二、主动公开政府信息情况\n规章\t0\n三、结尾\n');
  });

  // Pins w:hyperlink as a transparent container: a linked title keeps its text.
  test('text inside a hyperlink', async () => {
    assert.equal(await read(p(r('详见'), `<w:hyperlink w:history="1">${r('政府信息公开指南')}</w:hyperlink>`, r('。'))), '详见政府信息公开指南。\n');
  });

  // Pins Fallback as skipped and AlternateContent/Choice as transparent: Word saves content a
  // reader may not know twice (the Choice, and a Fallback copy); reading both would print it twice.
  test('mc:AlternateContent: the Choice read once, the Fallback copy left out (in a paragraph and between paragraphs)', async () => {
    const alt = (choice: string, fallback: string) => `<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="w14">${choice}</mc:Choice><mc:Fallback>${fallback}</mc:Fallback></mc:AlternateContent>`;
    assert.equal(await read(p(r('前'), alt(r('选'), r('备')), r('后'))), '前选后\n');
    assert.equal(await read(p(r('一、总体情况')) + alt(p(r('选')), p(r('备'))) + p(r('二、主动公开'))), '一、总体情况\n选\n二、主动公开\n');
  });

  // Pins cellParas reading a table nested in a cell: its cells are paragraphs of the outer cell.
  test('a table nested in a cell: its text joins the cell, in order', async () => {
    const inner = `<w:tbl><w:tr>${tc(p(r('（一）')))}${tc(p(r('予以公开')))}</w:tr></w:tbl>`;
    const tbl = `<w:tbl><w:tr>${tc(p(r('三、办理结果')), inner)}${tc(p(r('9')))}</w:tr></w:tbl>`;
    assert.equal(await read(tbl), '三、办理结果（一）予以公开\t9\n');
  });
});

describe('runs', () => {
  // Pins w:cr as a line break (as w:br) and w:noBreakHyphen as a hyphen.
  test('w:cr starts a new line; a non-breaking hyphen is a hyphen', async () => {
    assert.equal(await read(p(r('上'), '<w:r><w:cr/></w:r>', r('下'))), '上\n下\n');
    assert.equal(await read(p(r('0571'), '<w:r><w:noBreakHyphen/></w:r>', r('12345'))), '0571-12345\n');
  });

  // Pins isHidden's w:val test: a run whose "hidden" is switched off again (w:vanish w:val="0",
  // "false", "off", as Word writes when a style hides text and the run shows it) is shown.
  test('w:vanish switched off is shown; w:vanish on is hidden', async () => {
    const text = await read(p(r('甲', '<w:vanish w:val="0"/>'), r('乙', '<w:vanish w:val="false"/>'), r('丙', '<w:vanish w:val="off"/>'), r('丁', '<w:vanish/>'), r('戊', '<w:vanish w:val="1"/>')));
    assert.equal(text, '甲乙丙\n');
  });
});

describe('the package', () => {
  // Pins mainPart's default: a package without _rels/.rels (some generators leave it out) is read from word/document.xml.
  test('no _rels/.rels: the main part is word/document.xml', async () => {
    const bytes = zipSync({ 'word/document.xml': strToU8(wordXml(p(r('正文')))) });
    const res = await readSource('t.docx', bytes);
    assert.equal(res.text, '正文\n');
    assert.equal(res.docx?.entry, 'word/document.xml');
  });
});
