// What pasting does to a report, probed on the real texts. Users paste from Word, WPS and PDF in
// more ways than the seeds show: cells parted by tabs, by runs of spaces, by one space, one U+3000
// or one no-break space, each cell on a line of its own; rows wrapped; invisible characters (zero-
// width space, soft hyphen, BOM); page numbers and the table's header printed again at a page
// break; numbers with thousands separators or full-width digits. And some pastes lose content: a
// row, a column, a cell, two cells glued.
//
// The promise held here: a reviewer can tell "clean" from "not read". A paste that keeps the
// content gives the original's arithmetic findings (no new alarm); where it really made cells
// unreadable (a blank that PDF text prints as nothing), the verdict is not clean and the coverage
// says what could not be checked. A paste that loses content is never clean, and a diagnostic or
// the coverage names what was lost — never an alarm computed from a number put in the wrong column.
//
// First each defect the probe found, on the composed example (runs without ../shared); then every
// seed and published report of ../shared through every variant.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ARITHMETIC_RULES, analyzeText, cellsOf, coverage, fullyChecked, recompute, type Analysis } from '../server/src/core/index.ts';
import { composeReport, exampleReport, LAYOUTS, type Layout } from './helpers/compose.mjs';

// ---------------------------------------------------------------------------------------------
// What an analysis says, in forms that survive lines moving

const key = (d: Analysis['diagnostics'][number]) => d.cell ?? d.row ?? '';
/** Every finding as severity, rule and key, sorted (positions move with the paste). */
const findings = (a: Analysis) => a.diagnostics.map((d) => `${d.severity}:${d.rule}:${key(d)}`).sort();
/** The arithmetic findings with what they expect and hold. */
const arithmetic = (a: Analysis) => a.diagnostics.filter((d) => ARITHMETIC_RULES.has(d.rule)).map((d) => `${d.rule}:${d.cell}:${d.expected}:${d.actual}`).sort();
const values = (a: Analysis) => Object.fromEntries(cellsOf(a).map((k) => [k.key, k.cell.value]));
const errors = (a: Analysis) => a.diagnostics.filter((d) => d.severity === 'error');
/** The verdict "全部核对 … 未发现错误": no error, every row found, every identity evaluated. */
const clean = (a: Analysis) => errors(a).length === 0 && fullyChecked(coverage(a));
/** The example with wrong sums in table 三 and 四, so that "the same findings" says something. */
function faulty() {
  const r = exampleReport();
  r.cells['t3.partial.total'] = 9;
  r.cells['t3.other1.natural'] = 1;
  r.cells['t4.direct.total'] = 7;
  return r;
}

const T3_HEADING = '三、收到和处理政府信息公开申请情况';
const HEADINGS = /^[一二三四五六]、/;

/** The lines of table 三's header (between its heading and its first row), and where its row （四）无法提供 starts. */
function t3Parts(lines: string[]) {
  const top = lines.indexOf(T3_HEADING);
  const first = lines.findIndex((l, i) => i > top && l.startsWith('一、本年新收'));
  const at = lines.findIndex((l) => l.startsWith('（四）无法提供'));
  return { header: lines.slice(top + 1, first), at };
}

// ---------------------------------------------------------------------------------------------
// The defects, each on the composed example

describe('invisible characters: zero-width space, word joiner, BOM, soft hyphen', () => {
  const INVISIBLE = ['\u200b', '\u2060', '\ufeff', '\u00ad'];
  for (const layout of ['pipe', 'tab'] as Layout[]) {
    const base = composeReport(faulty(), layout);
    const reference = analyzeText(base);
    test(`${layout}: before every heading and inside every label, the same findings and cells`, () => {
      for (const ch of INVISIBLE) {
        // A web page's zero-width space before a heading; Word's optional hyphen inside a label.
        const text = base
          .split('\n')
          .map((l) => (HEADINGS.test(l) ? ch + l : l))
          .map((l) => l.replace(/([\u4e00-\u9fff]{2})([\u4e00-\u9fff]{2,})/g, (m, a, b) => (/\d/.test(m) ? m : a + ch + b)))
          .join('\n');
        assert.notEqual(text, base);
        const a = analyzeText(text);
        assert.equal(a.headings.length, 6, JSON.stringify(ch));
        assert.deepEqual(findings(a), findings(reference), JSON.stringify(ch));
        assert.deepEqual(arithmetic(a), arithmetic(reference), JSON.stringify(ch));
        assert.deepEqual(values(a), values(reference), JSON.stringify(ch));
      }
    });
  }
});

describe('table 三’s header printed again at a page break', () => {
  for (const layout of LAYOUTS) {
    test(`${layout}: read as its header, not as rows; the same findings, cells and coverage`, () => {
      const base = composeReport(faulty(), layout);
      const reference = analyzeText(base);
      const lines = base.split('\n');
      const { header, at } = t3Parts(lines);
      for (const mark of [[], ['— 5 —'], ['第 5 页 共 9 页']]) {
        const text = [...lines.slice(0, at), ...mark, ...header, ...lines.slice(at)].join('\n');
        const a = analyzeText(text);
        assert.deepEqual(findings(a), findings(reference), `${mark}`);
        assert.deepEqual(values(a), values(reference), `${mark}`);
        assert.deepEqual(coverage(a), coverage(reference), `${mark}`);
      }
    });
  }

  test('only its column header printed again (自然人 … / 商业企业 …), or cut inside a row whose numbers go on after it', () => {
    const base = composeReport(faulty(), 'tab');
    const reference = analyzeText(base);
    const lines = base.split('\n');
    const { header, at } = t3Parts(lines);
    const columns = header.slice(1);
    assert.deepEqual(findings(analyzeText([...lines.slice(0, at), ...columns, ...lines.slice(at)].join('\n'))), findings(reference));
    // The row above the break: its label and first numbers before the header, the rest after.
    const row = lines[at - 1].split('\t');
    const cut = [...lines.slice(0, at - 1), row.slice(0, 4).join('\t'), ...header, row.slice(4).join('\t'), ...lines.slice(at)].join('\n');
    const a = analyzeText(cut);
    assert.deepEqual(findings(a), findings(reference));
    assert.deepEqual(values(a), values(reference));
  });

  test('a row written 总计 alone still reads as （七）总计, not as the header word', () => {
    const base = composeReport(exampleReport(), 'pipe');
    const a = analyzeText(base.replace('（七）总计 |', '总计 |'));
    assert.deepEqual(values(a), values(analyzeText(base)));
    assert.deepEqual(errors(a), []);
  });
});

describe('a page number pasted between the rows', () => {
  for (const layout of LAYOUTS) {
    test(`${layout}: — 5 —, - 12 -, 第 3 页 共 9 页 have no cells`, () => {
      const base = composeReport(faulty(), layout);
      const reference = analyzeText(base);
      const lines = base.split('\n');
      // Between two rows of table 三; in one cell per line, between two cells of a row.
      const at = layout === 'cell-per-line' ? lines.indexOf('（二）部分公开（区分处理的，只计这一情形，不计其他情形） |') + 3 : lines.findIndex((l) => l.startsWith('（四）无法提供'));
      for (const mark of ['— 5 —', '- 12 -', '-12-', '第 3 页 共 9 页', '第5页']) {
        const a = analyzeText([...lines.slice(0, at), mark, ...lines.slice(at)].join('\n'));
        assert.deepEqual(findings(a), findings(reference), mark);
        assert.deepEqual(values(a), values(reference), mark);
      }
    });
  }
});

describe('cells parted by one space, one U+3000 or one no-break space (a PDF viewer’s copy)', () => {
  const spaced = composeReport(faulty(), 'spaces');
  const reference = analyzeText(composeReport(faulty(), 'tab'));
  for (const [name, sep] of [['one space', ' '], ['one U+3000', '\u3000'], ['one U+00A0', '\u00a0'], ['two U+00A0', '\u00a0\u00a0']]) {
    test(`${name}: group and row labels told apart, headers split into their labels, the same findings`, () => {
      const text = spaced.split('\n').map((l) => l.replace(/ {2,}/g, sep)).join('\n');
      const a = analyzeText(text);
      assert.deepEqual(findings(a), findings(reference));
      assert.deepEqual(values(a), values(reference));
      assert.deepEqual(coverage(a), coverage(reference));
      assert.ok(!a.diagnostics.some((d) => d.rule === 'label-wording'), a.diagnostics.filter((d) => d.rule === 'label-wording').map((d) => d.message.zh).join('\n'));
    });
  }
  test('a group heading glued to its first row (三、本年度办理结果（一）予以公开) is both', () => {
    const tab = composeReport(faulty(), 'tab');
    const a = analyzeText(tab.replace('三、本年度办理结果\t（一）予以公开', '三、本年度办理结果（一）予以公开').replace('（三）不予公开\t1.属于国家秘密', '（三）不予公开1.属于国家秘密'));
    assert.deepEqual(findings(a), findings(reference));
    assert.deepEqual(values(a), values(reference));
  });
});

describe('a row whose numbers cannot be put in their columns puts none', () => {
  const example = exampleReport();
  /** The report's line that starts with `label`, with its tokens changed by `edit`. */
  const change = (text: string, label: string, sep: string, edit: (cells: string[]) => string[]) =>
    text
      .split('\n')
      .map((l) => (l.startsWith(label) ? edit(l.split(sep)).join(sep) : l))
      .join('\n');
  const noAlarmFrom = (a: Analysis, row: string, what: string) => {
    assert.deepEqual(arithmetic(a), [], `${what}: no arithmetic finding from misplaced numbers`);
    assert.ok(!cellsOf(a).some((k) => k.key.startsWith(`t3.${row}.`)), `${what}: no cell of t3.${row} placed`);
    const c = coverage(a);
    assert.equal(fullyChecked(c), false, what);
    assert.ok(c.identities.notEvaluable.some((x) => x.why === 'cell-missing' && x.cell?.startsWith(`t3.${row}.`)), `${what}: the coverage names the row`);
    assert.equal(clean(a), false, what);
  };

  test('PDF text (runs of spaces) whose blank printed as nothing: cells-missing, no alarm, not fully checked', () => {
    const text = change(composeReport(example, 'spaces'), '一、本年新收', '  ', (c) => [c[0], c[1], ...c.slice(3)]); // 12 0 1 2 0 18: the 3 of 商业企业 lost
    const a = analyzeText(text);
    assert.deepEqual(errors(a).map((d) => [d.rule, d.row]), [['cells-missing', 't3.new']]);
    noAlarmFrom(a, 'new', 'spaces');
    // --fix has nothing of that row to recompute: every edit is on another line.
    const line = text.split('\n').findIndex((l) => l.startsWith('一、本年新收'));
    assert.ok(recompute(a).edits.every((e) => e.range.start.line !== line));
  });

  test('a cell lost from the middle of a tab or | row, two cells glued, or each number on a line of its own', () => {
    const cases: [string, string][] = [
      [change(composeReport(example, 'tab'), '一、本年新收', '\t', (c) => [c[0], c[1], ...c.slice(3)]), 'tab, a cell lost'],
      [change(composeReport(example, 'pipe'), '一、本年新收', ' | ', (c) => [c[0], c[1] + c[2], ...c.slice(3)]), 'pipe, two cells glued'],
      [composeReport(example, 'spaces').replace(/^(一、本年新收政府信息公开申请数量)  12  3  0/m, '$1\n12\n0'), 'one number a line, one lost'],
    ];
    for (const [text, what] of cases) noAlarmFrom(analyzeText(text), 'new', what);
  });

  test('a number split in two in PDF text (1 2 for 12): cells-extra, no alarm, not fully checked', () => {
    const a = analyzeText(change(composeReport(example, 'spaces'), '一、本年新收', '  ', (c) => [c[0], '1  2', ...c.slice(2)]));
    assert.ok(a.diagnostics.some((d) => d.rule === 'cells-extra' && d.row === 't3.new'));
    noAlarmFrom(a, 'new', 'split');
  });

  test('table 四 with fourteen numbers in PDF text: cells-missing, no alarm, not fully checked', () => {
    const text = composeReport(faulty(), 'spaces').replace(/^1  0  0  1  2  /m, '1  0  1  2  ');
    const a = analyzeText(text);
    assert.ok(errors(a).some((d) => d.rule === 'cells-missing'));
    assert.ok(!arithmetic(a).some((x) => x.includes(':t4.')), arithmetic(a).join(' '));
    assert.equal(clean(a), false);
  });

  test('a tab row that only lacks its total is short too: none of its numbers checked', () => {
    const a = analyzeText(change(composeReport(example, 'tab'), '一、本年新收', '\t', (c) => c.slice(0, -1)));
    assert.deepEqual(errors(a).map((d) => [d.rule, d.row]), [['cells-missing', 't3.new']]);
    noAlarmFrom(a, 'new', 'total lost');
  });
});

describe('one cell per line: the last row shifted by a leading empty cell (seed 004 pasted cell by cell)', () => {
  test('四、结转下年度继续办理 reads all seven numbers, not six after a blank', () => {
    const base = composeReport(faulty(), 'cell-per-line');
    const text = base.replace('四、结转下年度继续办理 |\n', '四、结转下年度继续办理 |\n|\n');
    const a = analyzeText(text);
    assert.deepEqual(findings(a), findings(analyzeText(base)));
    assert.deepEqual(values(a), values(analyzeText(base)));
  });
});

describe('a row that lost a cell, before a line that opens with an empty cell', () => {
  test('a Markdown row of table 二, | 规章 | 22 | 235 |, is short (cells-missing), not a blank cell borrowed from the next row', () => {
    const md = composeReport(exampleReport(), 'pipe')
      .split('\n')
      .map((l) => (l.endsWith(' |') ? `| ${l}` : l))
      .join('\n')
      .replace('| 规章 | 0 | 0 | 0 |', '| 规章 | 22 | 235 |');
    const a = analyzeText(md);
    assert.deepEqual(a.diagnostics.map((d) => [d.rule, d.row ?? d.cell]), [['cells-missing', 't2.rules']]);
    assert.equal(clean(a), false);
  });
  test('a tab row of table 三 before a row whose group column is empty (\t（二）部分公开…): cells-missing, not a blank', () => {
    const tab = composeReport(exampleReport(), 'tab');
    const text = tab.replace(/^(三、本年度办理结果\t（一）予以公开\t5\t1\t0\t0\t1\t0)\t7$/m, '$1').replace('\n（二）部分公开', '\n\t（二）部分公开');
    assert.notEqual(text, tab);
    const a = analyzeText(text);
    assert.deepEqual(errors(a).map((d) => [d.rule, d.row]), [['cells-missing', 't3.granted']]);
    assert.ok(!a.diagnostics.some((d) => d.rule === 'cell-blank'));
    assert.deepEqual(arithmetic(a), []);
    // The empty group column alone, after a whole row, changes nothing.
    assert.deepEqual(findings(analyzeText(tab.replace('\n（二）部分公开', '\n\t（二）部分公开'))), []);
  });
});

describe('row labels written in other words and wrapped, or whose group heading was lost', () => {
  const base = composeReport(faulty(), 'tab');
  const reference = analyzeText(base);
  const OTHER1 = '（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请';
  const OTHER2 = '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请';
  test('an OCR’d label (1. 申请人无正 / 当理由逾期不补正, 行政机关…) wrapped before its numbers: one label-wording, its numbers read', () => {
    const a = analyzeText(base.replace(OTHER1, '（六）其他处理\t1. 申请人无正\n当理由逾期不补正, 行政机关不再处理其政府信息公开申请'));
    assert.deepEqual(values(a), values(reference));
    assert.deepEqual(a.diagnostics.filter((d) => !ARITHMETIC_RULES.has(d.rule)).map((d) => [d.rule, d.row]), [['label-wording', 't3.other1']]);
    assert.deepEqual(arithmetic(a), arithmetic(reference));
  });
  test('1.逾期不补正 and 2.逾期不缴费 without （六）其他处理 (the merged cell lost): their rows, with label-wording', () => {
    const a = analyzeText(base.replace(OTHER1, '1.逾期不补正').replace(OTHER2, '2.逾期不缴费'));
    assert.deepEqual(values(a), values(reference));
    assert.deepEqual(a.diagnostics.filter((d) => !ARITHMETIC_RULES.has(d.rule)).map((d) => [d.rule, d.row]), [['label-wording', 't3.other1'], ['label-wording', 't3.other2']]);
  });
});

