// Word's automatic numbering (numbering.ts) as the .docx reader shows it: the numbers are not in
// the runs, so a wrong count or format turns 十一、 into 一十一、 or drops a （一） the structure
// rules look for. Pinned here: Chinese counting past ten and a hundred (零 for a gap), the other
// formats Word offers (letters, roman, ①, full-width digits, bullets), w:start and w:startOverride,
// a sub-level restarting under each new heading, a level showing its parent's number in the
// parent's format, the level a style gives, w:suff="space", a loop of styles based on each
// other (must end, not hang the reader), and a level that is no whole number (read, unnumbered).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readSource } from '../server/src/sources/index.ts';
import { packageDocx, wordXml } from './helpers/sources.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

interface Lvl { fmt: string; text: string; start?: number; suff?: string }

/** numbering.xml with one abstract list (levels 0, 1, …) used by numId 1, and optional overrides of num 1's starts. */
function numberingXml(levels: Lvl[], overrides: Record<number, number> = {}): string {
  const lvls = levels.map((l, i) => `<w:lvl w:ilvl="${i}">${l.start === undefined ? '' : `<w:start w:val="${l.start}"/>`}<w:numFmt w:val="${l.fmt}"/>${l.suff ? `<w:suff w:val="${l.suff}"/>` : ''}<w:lvlText w:val="${l.text}"/></w:lvl>`).join('');
  const ov = Object.entries(overrides).map(([ilvl, s]) => `<w:lvlOverride w:ilvl="${ilvl}"><w:startOverride w:val="${s}"/></w:lvlOverride>`).join('');
  return `<w:numbering ${W}><w:abstractNum w:abstractNumId="0">${lvls}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/>${ov}</w:num></w:numbering>`;
}

/** A paragraph numbered by num 1 at `ilvl` (or by its style when `style` is given). */
const para = (text: string, ilvl: number | null = 0, style?: string) =>
  `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${ilvl === null ? '' : `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr>`}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

async function lines(body: string, numbering: string, styles?: string): Promise<string[]> {
  const parts: Record<string, string> = { 'word/numbering.xml': numbering };
  if (styles) parts['word/styles.xml'] = styles;
  const { text } = await readSource('n.docx', packageDocx(wordXml(body), parts));
  return text.split('\n').slice(0, -1);
}

/** The numbers one level of format `fmt` gives to `count` paragraphs, starting at `start`. */
async function numbers(fmt: string, start: number, count: number): Promise<string[]> {
  const got = await lines(Array.from({ length: count }, () => para('x')).join(''), numberingXml([{ fmt, text: '%1', start }]));
  return got.map((l) => l.replace(/x$/, ''));
}

describe('number formats', () => {
  // Pins chinese(): 十 alone for the teens (not 一十), 零 for a gap (一百零五), tens and thousands.
  test('chineseCounting past ten, a hundred and a thousand', async () => {
    assert.deepEqual(await numbers('chineseCounting', 9, 4), ['九', '十', '十一', '十二']);
    assert.deepEqual(await numbers('chineseCounting', 19, 3), ['十九', '二十', '二十一']);
    assert.deepEqual(await numbers('chineseCounting', 99, 2), ['九十九', '一百']);
    assert.deepEqual(await numbers('chineseCounting', 105, 1), ['一百零五']);
    assert.deepEqual(await numbers('chineseCounting', 110, 1), ['一百一十']);
    assert.deepEqual(await numbers('chineseCounting', 1005, 1), ['一千零五']);
    assert.deepEqual(await numbers('chineseCounting', 1050, 1), ['一千零五十']);
  });

  // Pins the letter, roman, circled, full-width and bullet cases of format().
  test('letters, roman numerals, circled and full-width digits; bullets and none show no number', async () => {
    assert.deepEqual(await numbers('upperLetter', 25, 3), ['Y', 'Z', 'AA']);
    assert.deepEqual(await numbers('lowerLetter', 1, 2), ['a', 'b']);
    assert.deepEqual(await numbers('upperRoman', 3, 2), ['III', 'IV']);
    assert.deepEqual(await numbers('lowerRoman', 8, 2), ['viii', 'ix']);
    assert.deepEqual(await numbers('decimalEnclosedCircle', 19, 3), ['⑲', '⑳', '21']);
    assert.deepEqual(await numbers('decimalFullWidth', 9, 2), ['９', '１０']);
    assert.deepEqual(await numbers('bullet', 1, 2), ['', '']);
  });
});

describe('counting as Word counts', () => {
  const outline = numberingXml([{ fmt: 'chineseCounting', text: '%1、' }, { fmt: 'chineseCounting', text: '（%2）' }]);

  // Pins the counter reset below a level (c.length = ilvl + 1): the （一） under 二、 starts again.
  test('a sub-level starts again under each new heading', async () => {
    const body = para('总体情况') + para('主动公开', 1) + para('依申请公开', 1) + para('收到申请') + para('办理结果', 1);
    assert.deepEqual(await lines(body, outline), ['一、总体情况', '（一）主动公开', '（二）依申请公开', '二、收到申请', '（一）办理结果']);
  });

  // Pins w:start on a level and w:startOverride on the num.
  test('w:start and w:startOverride set the first number', async () => {
    assert.deepEqual(await lines(para('甲') + para('乙'), numberingXml([{ fmt: 'chineseCounting', text: '%1、', start: 3 }])), ['三、甲', '四、乙']);
    assert.deepEqual(await lines(para('甲') + para('乙'), numberingXml([{ fmt: 'chineseCounting', text: '%1、', start: 1 }], { 0: 6 })), ['六、甲', '七、乙']);
  });

  // Pins that %1 in a level-2 text is shown in level 1's format, not the current level's.
  test('a level showing its parent’s number shows it in the parent’s format', async () => {
    const xml = numberingXml([{ fmt: 'decimal', text: '%1.' }, { fmt: 'lowerLetter', text: '%1.%2)' }]);
    assert.deepEqual(await lines(para('甲') + para('乙', 1) + para('丙', 1), xml), ['1.甲', '1.a)乙', '1.b)丙']);
  });

  // Pins the level taken from the paragraph's style when its own numPr has none.
  test('the list level a style gives', async () => {
    const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="Sub"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`;
    assert.deepEqual(await lines(para('总体情况') + para('主动公开', null, 'Sub'), outline, styles), ['一、总体情况', '（一）主动公开']);
  });

  // Pins w:suff="space": Word puts a space between the number and the text.
  test('w:suff="space" puts a space after the number', async () => {
    assert.deepEqual(await lines(para('甲'), numberingXml([{ fmt: 'decimal', text: '%1.', suff: 'space' }])), ['1. 甲']);
  });
});

describe('hostile numbering', () => {
  // Pins the depth bound on the basedOn walk (numbering.ts numPr): two styles based on each other
  // and no number anywhere would loop for ever. Read in a child process with a timeout so that a
  // regression fails this test instead of hanging the run.
  test('styles based on each other in a loop: read, no number, no hang', () => {
    const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/></w:style><w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style></w:styles>`;
    const bytes = packageDocx(wordXml(`<w:p><w:pPr><w:pStyle w:val="A"/></w:pPr><w:r><w:t>正文</w:t></w:r></w:p>`), { 'word/numbering.xml': numberingXml([{ fmt: 'decimal', text: '%1.' }]), 'word/styles.xml': styles });
    const code = `const { readSource } = require(${JSON.stringify(join(__dirname, '../server/src/sources/index.ts'))});
      const bytes = Buffer.from(${JSON.stringify(Buffer.from(bytes).toString('base64'))}, 'base64');
      readSource('loop.docx', bytes).then((r) => process.stdout.write(JSON.stringify(r.text)), (e) => process.stdout.write('error ' + e.message));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.signal, null, 'the read ended on its own');
    assert.equal(r.stdout, JSON.stringify('正文\n'), r.stderr);
  });

  // A level that is no whole number (w:ilvl="x", "1.5") in numbering.xml and on the paragraph
  // numbers nothing, as an unknown level does; it made the counter's length NaN or 1.5 (a
  // RangeError), and the whole document was refused as damaged.
  test('a list level that is not a whole number: that paragraph unnumbered, the document read', async () => {
    for (const bad of ['x', '1.5']) {
      const xml = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="${bad}"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
      const odd = `<w:p><w:pPr><w:numPr><w:ilvl w:val="${bad}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>乙</w:t></w:r></w:p>`;
      assert.deepEqual(await lines(para('甲') + odd + para('丙'), xml), ['一、甲', '乙', '二、丙'], bad);
    }
  });
});
