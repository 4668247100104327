// Content detection of the VS Code client (client/src/detect.ts): which plain `.txt` drafts are
// switched to the disclosure-report language. Run: node test/run.mjs test/client-detect.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { detectReport, isCandidateFileName, looksLikeReport, normalizeLine } from '../client/src/detect';

const HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];
const PROSE = '2024年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，持续深化政务公开。';

function compose(headings: string[], eol = '\n'): string {
  return headings.flatMap((h) => [h, PROSE, '']).join(eol);
}

test('a composed report with all six headings is a report', () => {
  const d = detectReport(compose(HEADINGS));
  assert.equal(d.isReport, true);
  assert.deepEqual(d.sections, [0, 1, 2, 3, 4, 5]);
  assert.equal(d.tableThreeLabel, false);
});

test('three headings are enough, two are not', () => {
  assert.equal(looksLikeReport(compose(HEADINGS.slice(0, 3))), true);
  assert.equal(looksLikeReport(compose([HEADINGS[0], HEADINGS[5]])), false);
  assert.equal(looksLikeReport(compose([HEADINGS[3], HEADINGS[4], HEADINGS[5]])), true);
});

test('the same heading twice counts once', () => {
  assert.equal(looksLikeReport(compose([HEADINGS[0], HEADINGS[0], HEADINGS[1]])), false);
});

test('the table-三 row label alone is enough', () => {
  const text = ['一、本年新收政府信息公开申请数量 | 8 | 0 | 0 | 0 | 0 | 0 | 8 |'].join('\n');
  const d = detectReport(text);
  assert.equal(d.isReport, true);
  assert.equal(d.tableThreeLabel, true);
  // broken by spaces and with full-width characters, as pasted from PDF
  assert.equal(looksLikeReport('一、本年新收政府信息公开 申请 数量\t８\t０'), true);
  assert.equal(looksLikeReport('一、本年新收政府信息公开申请数量\n|\n8 |'), true);
});

test('full-width and half-width forms and spaces are normalised', () => {
  const text = compose([
    '一、总体 情况',
    '二、主动公开政府信息情况',
    '四、政府信息公开行政复议，行政诉讼情况', // full-width comma instead of 、
  ]);
  assert.deepEqual(detectReport(text).sections, [0, 1, 3]);
  assert.equal(normalizeLine('（一）\u3000予以 公开 |'), '(一)予以公开');
  assert.equal(normalizeLine('ＡＢＣ１２３'), 'ABC123');
});

test('行政复议 and 行政诉讼 both in a heading count as section 四', () => {
  const text = compose(['一、总体情况', '四、行政复议和行政诉讼情况', '六、其他需要报告的事项']);
  assert.deepEqual(detectReport(text).sections, [0, 3, 5]);
  assert.equal(looksLikeReport(compose(['一、总体情况', '四、行政复议情况', '六、其他需要报告的事项'])), false);
});

test('CRLF, CR and BOM do not matter', () => {
  assert.equal(looksLikeReport('\ufeff' + compose(HEADINGS.slice(0, 3), '\r\n')), true);
  assert.equal(looksLikeReport(compose(HEADINGS.slice(0, 3), '\r')), true);
});

test('titles only mentioned inside long prose lines do not make a report', () => {
  const prose =
    '本文讨论总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况以及存在的主要问题，' +
    '并说明其他需要报告的事项如何在年度报告中撰写，供各单位参考使用，不作为正式报告。';
  assert.equal(looksLikeReport(prose), false);
});

test('ordinary text, code and empty text are not reports', () => {
  assert.equal(looksLikeReport(''), false);
  assert.equal(looksLikeReport('hello world\nfoo bar\n'), false);
  assert.equal(looksLikeReport('会议纪要\n一、会议时间\n二、参会人员\n三、会议内容\n'), false);
  assert.equal(looksLikeReport('function main() {\n  return 0;\n}\n'), false);
});

test('candidate file names: .txt yes, .report.txt and others no', () => {
  assert.equal(isCandidateFileName('/drafts/2024年报告.txt'), true);
  assert.equal(isCandidateFileName('/drafts/REPORT.TXT'), true);
  assert.equal(isCandidateFileName('/drafts/a.report.txt'), false);
  assert.equal(isCandidateFileName('/drafts/a.md'), false);
  assert.equal(isCandidateFileName('Untitled-1'), false);
});

// ---- the shared real drafts, when this checkout sits next to /work/shared -------------------------
const shared = resolve(__dirname, '..', '..', 'shared');

function txtFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => join(dir, n));
}

for (const folder of ['seeds', 'real']) {
  const files = txtFiles(join(shared, folder));
  if (files.length === 0) {
    test(`every ${folder} report is detected`, { skip: `${join(shared, folder)} is absent: the shared drafts are not checked` }, () => {});
    continue;
  }
  for (const file of files) {
    test(`${folder}/${file.slice(file.lastIndexOf('/') + 1)} is detected as a report`, () => {
      const d = detectReport(readFileSync(file, 'utf8'));
      assert.equal(d.isReport, true, `sections ${JSON.stringify(d.sections)}, table label ${d.tableThreeLabel}`);
      assert.ok(d.sections.length >= 3, `only sections ${JSON.stringify(d.sections)} recognised as headings`);
    });
  }
}
