// The PDF layout on its own, from text items placed by hand: page numbers and running headers
// dropped, a table split over pages continued, labels wrapped in their cells joined, prose lines
// joined into paragraphs, blank cells restored where the header shows the columns.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layoutPages, type PdfItem, type PdfPage } from '../server/src/sources/pdf-layout.ts';

const H = 10;
/** An item of CJK text at (x, y), 10 pt, each character 10 pt wide. */
const at = (str: string, x: number, y: number): PdfItem => ({ str, x, y, w: [...str].length * H * (/^[\d.]+$/.test(str) ? 0.5 : 1), h: H });
const page = (...items: PdfItem[]): PdfPage => ({ width: 595, height: 842, items });
/** A table row: the label at x=60 in a cell 120 pt wide, numbers centred in cells 40 pt wide from x=180. */
const row = (y: number, label: string, ...values: string[]) => [at(label, 60, y), ...values.map((v, i) => at(v, 198 + 40 * i, y))];

test('page numbers and a running header dropped; the table goes on over the page break', () => {
  const header = (n: number) => at(`青禾县数据资源局 第${n}页`, 60, 40);
  const lines = layoutPages([
    page(header(1), at('一、总体情况', 60, 120), ...row(200, '规章', '0', '0', '0'), at('- 1 -', 290, 800)),
    page(header(2), ...row(120, '行政规范性文件', '3', '1', '12'), at('2', 295, 800)),
    page(header(3), at('六、其他需要报告的事项', 60, 120), at('3 / 3', 290, 800)),
  ]);
  assert.deepEqual(lines, ['一、总体情况', '规章\t0\t0\t0', '行政规范性文件\t3\t1\t12', '六、其他需要报告的事项']);
});

test('a label wrapped in its cell is joined to its row; an ordinal starts a row of its own', () => {
  const lines = layoutPages([page(
    ...row(100, '（一）予以公开', '5', '1'),
    at('（二）部分公开（区分处', 60, 120), at('2', 198, 120), at('0', 238, 120),
    at('理的，只计这一情形）', 60, 134),
    ...row(150, '（三）不予公开', '0', '0'),
  )]);
  assert.deepEqual(lines, ['（一）予以公开\t5\t1', '（二）部分公开（区分处理的，只计这一情形）\t2\t0', '（三）不予公开\t0\t0']);
});

test('numbers centred against a label of two lines: one row', () => {
  const lines = layoutPages([page(
    ...row(100, '（一）予以公开', '5', '1'),
    at('（二）部分公开（区分处', 60, 120),
    at('理的，只计这一情形）', 60, 134), at('2', 198, 134), at('0', 238, 134),
    ...row(160, '（三）不予公开', '0', '0'),
  )]);
  assert.deepEqual(lines, ['（一）予以公开\t5\t1', '（二）部分公开（区分处理的，只计这一情形）\t2\t0', '（三）不予公开\t0\t0']);
});

test('prose lines that fill the width are one paragraph; an indented line or a heading starts another', () => {
  const full = '这是一行很长的正文文字这是一行很长的正文文字这是一行很长的正文文字这是一行很长的正文文字这是一'; // 45 characters: 60..510
  const lines = layoutPages([page(at('一、总体情况', 60, 100), at('　　' + full, 60, 120), at(full, 60, 134), at('结束。', 60, 148), at('　　另一段开始', 80, 162), at('二、主动公开政府信息情况', 60, 180))]);
  assert.deepEqual(lines, ['一、总体情况', full + full + '结束。', '另一段开始', '二、主动公开政府信息情况'], 'indentation trimmed');
});

test('a blank cell comes back as an empty cell where the header names the columns', () => {
  const lines = layoutPages([page(
    at('信息内容', 60, 80), at('甲', 195, 80), at('乙', 235, 80), at('丙', 275, 80),
    ...row(100, '规章', '1', '2', '3'),
    at('行政规范性文件', 60, 120), at('4', 198, 120), at('6', 278, 120),
  )]);
  assert.deepEqual(lines, ['信息内容\t甲\t乙\t丙', '规章\t1\t2\t3', '行政规范性文件\t4\t\t6']);
});

test('without a header naming the columns, a short row stays as read (never a number moved)', () => {
  const lines = layoutPages([page(
    ...row(100, '规章', '1', '2', '3'),
    at('行政规范性文件', 60, 120), at('4', 198, 120), at('6', 278, 120),
  )]);
  assert.deepEqual(lines, ['规章\t1\t2\t3', '行政规范性文件\t4\t6']);
});
