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

test('a row of numbers in the top margin, its label’s two lines around it, is a row, not a page number; page numbers still go', () => {
  // The table goes on at the top of page 2 (y < 84: the top tenth): the label takes two lines and
  // its numbers, centred in their cells, stand between them. Joined, 17 0 17 reads as a page
  // number (17017); dropped, the row's numbers were lost and its errors not found. A page number
  // whose parts stand apart (1 / 3) still goes.
  const lines = layoutPages([
    page(at('一、总体情况', 60, 120), ...row(700, '（五）不予处理', '1', '0', '1'), at('- 1 -', 290, 800)),
    page(at('1.申请人逾期不补正、行政', 60, 71), ...['17', '0', '17'].map((v, i) => at(v, 198 + 40 * i, 77)), at('机关不再处理其申请', 60, 83),
      ...row(100, '2.其他', '0', '0', '0'), at('2', 295, 790), at('1', 400, 805), at('/', 450, 805), at('3', 500, 805)),
  ]);
  assert.deepEqual(lines, ['一、总体情况', '（五）不予处理\t1\t0\t1', '1.申请人逾期不补正、行政机关不再处理其申请\t17\t0\t17', '2.其他\t0\t0\t0']);
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

/** An item at (x, y) of a given width and size, as pdf.js gives it. */
const it = (str: string, x: number, y: number, w: number, h = 10): PdfItem => ({ str, x, y, w, h });

test('table 四’s header printed two characters per line, its first five cells spanning two rows: the format’s rows', () => {
  // Positions as pdf.js reads them from a published report (WPS): 结果 / 维持 stacked in cells
  // 31 pt wide and centred, 总  计 letter-spaced, 行政复议’s five cells centred over two rows.
  const items: PdfItem[] = [it('四、政府信息公开行政复议、行政诉讼情况', 104.4, 321.6, 303.9, 16), it('行政复议', 134.2, 342.9, 39.9), it('行政诉讼', 351.6, 342.9, 39.9)];
  const stack = (x: number, top: string, bottom: string, y: number, dy = 13.5) => items.push(it(top, x, y, 19.9), it(bottom, x, y + dy, 19.9));
  stack(77.9, '结果', '维持', 395.7); stack(109.6, '结果', '纠正', 395.8); stack(145.8, '其他', '结果', 395.7); stack(177.0, '尚未', '审结', 395.8);
  items.push(it('总', 204.2, 402.8, 10), it('计', 219.2, 402.8, 10), it('未经复议直接起诉', 262.0, 366.4, 79.9), it('复议后起诉', 419.2, 366.4, 49.9));
  for (const [k, x] of [231.5, 259.8, 288.0, 317.9].entries()) stack(x, ['结果', '结果', '其他', '尚未'][k], ['维持', '纠正', '结果', '审结'][k], 407.4);
  items.push(it('总', 345.8, 414.3, 10), it('计', 360.8, 414.3, 10));
  for (const [k, x] of [377.0, 405.5, 430.3, 458.6].entries()) stack(x, ['结果', '结果', '其他', '尚未'][k], ['维持', '纠正', '结果', '审结'][k], 407.4);
  items.push(it('总', 489.6, 413.7, 10), it('计', 502.2, 413.7, 10));
  const values = ['10', '1', '0', '0', '0', '0', '0', '0', '0', '0', '5', '0', '0', '0', '0'];
  const centres = [93.2, 124.7, 155.9, 187.1, 216.7, 245.1, 273.4, 298.8, 327.9, 358.3, 387.1, 415.5, 443.9, 472.2, 500.9];
  values.forEach((v, i) => items.push(it(v, centres[i] - 3.5 * v.length, 464.1, 7 * v.length, 14.1)));
  assert.deepEqual(layoutPages([page(...items)]), [
    '四、政府信息公开行政复议、行政诉讼情况',
    '行政复议\t行政诉讼',
    '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉',
    '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
    values.join('\t'),
  ]);
});

test('a header is left as read where blank cells leave the rows of numbers short of its columns', () => {
  // Four columns named, but no row has a number in the third: the columns found are three.
  const num = (v: string, k: number, y: number) => at(v, 198 + 60 * k, y);
  const lines = layoutPages([page(
    at('信息内容', 60, 70), at('本年', 195, 70), at('本年', 255, 70), at('现行', 315, 70), at('其他', 375, 70),
    at('制发', 195, 84), at('废止', 255, 84), at('有效', 315, 84),
    at('规章', 60, 110), num('1', 0, 110), num('2', 1, 110), num('3', 3, 110),
    at('行政规范性文件', 60, 130), num('4', 0, 130), num('5', 1, 130), num('6', 3, 130),
  )]);
  assert.deepEqual(lines.slice(0, 2), ['信息内容\t本年制发\t本年废止\t现行有效\t其他', '规章\t1\t2\t3'].map((l) => l.replace(/\\t/g, '\t')));
});

test('a group label set a character per line beside the rows it spans is one label', () => {
  const chars = [...'三、本年度办理结果'].map((ch, k) => at(ch, 40, 100 + 12 * k));
  const rows = ['（一）予以公开', '（二）部分公开', '（七）总计', '四、结转下年度继续办理', '（八）另一行', '（九）又一行', '（十）再一行'].flatMap((l, k) => row(104 + 16 * k, l, '1', '2'));
  const lines = layoutPages([page(...chars, ...rows)]);
  assert.ok(lines.includes('三、本年度办理结果') || lines.some((l) => l.startsWith('三、本年度办理结果\t')), lines.join('\n'));
  assert.ok(!lines.some((l) => /^[、本年度办理结果]\t|^[、本年度办理结果]$/.test(l)), lines.join('\n'));
});

test('text printed top to bottom: a line of its own; cut off at the start of a label of table 三, left out and said', () => {
  const problems: { zh: string; en: string }[] = [];
  const v = (str: string, y: number): PdfItem => ({ str, x: 40, y, w: 10, h: 10, vertical: true });
  const lines = layoutPages([page(...row(100, '（一）予以公开', '1', '2'), v('三、本年', 110), ...row(140, '（二）部分公开', '0', '0'), v('备注', 150), ...row(180, '（三）其他', '0', '0'))], problems);
  assert.deepEqual(lines, ['（一）予以公开\t1\t2', '（二）部分公开\t0\t0', '备注', '（三）其他\t0\t0']);
  assert.equal(problems.length, 1);
  assert.match(problems[0].zh, /竖排的“三、本年”不完整（应为“三、本年度办理结果”/);
});
