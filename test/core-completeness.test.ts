// Completeness is checked, never assumed: a report whose tables lack rows of the format never
// passes. Every single row and every run of contiguous rows of table 三 is deleted (with its
// header and without), and the rows and runs of tables 二 and 四, in every layout the reader
// takes: ` | `, tabs, one cell per line with `|||` debris, PDF-style runs of spaces, Markdown.
// Each time, every deleted row is named by a row-missing error with its key (or the table, gone
// entirely, by table-missing), the rows left are read with their numbers, and nothing else is
// said about them. Tested on the core directly: thousands of cases; and a .docx and a web page
// lacking rows, through their readers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeText, cellsOf, coverage, fullyChecked, type Analysis } from '../server/src/core/index.ts';
import { readSource } from '../server/src/sources/index.ts';
import { makeDocx, makeHtml } from './helpers/sources.ts';
import { complete, composeReport, exampleReport, T2_ITEMS, t3Rows, type CellValue, type KeyedReport } from './helpers/compose.mjs';

type Shape = 'pipe' | 'tab' | 'cell-per-line' | 'debris' | 'spaces' | 'markdown';
const SHAPES: Shape[] = ['pipe', 'tab', 'cell-per-line', 'debris', 'spaces', 'markdown'];

const T3_HEADING = '三、收到和处理政府信息公开申请情况';
const T4_HEADING = '四、政府信息公开行政复议、行政诉讼情况';
const T2_HEADING = '二、主动公开政府信息情况';

/** The report's lines in a shape; `debris` and `markdown` are made from the composer's layouts as users paste them. */
function linesOf(report: KeyedReport, shape: Shape): string[] {
  if (shape === 'debris') {
    // One cell per line, with a line of merged-cell debris after every printed row of the tables.
    const out: string[] = [];
    const lines = composeReport(report, 'cell-per-line').split('\n');
    lines.forEach((l, i) => {
      out.push(l);
      const next = lines[i + 1] ?? '';
      if (/^\d+ \|$/.test(l) && !/^\d+ \|$/.test(next)) out.push('|||');
    });
    return out;
  }
  if (shape === 'markdown') {
    const lines = composeReport(report, 'pipe').split('\n').map((l) => (l.endsWith(' |') ? `| ${l}` : l));
    // The |---| line under each table's header.
    const first = lines.findIndex((l) => l.startsWith('| 一、本年新收'));
    lines.splice(first, 0, '|---|---|---|---|---|---|---|---|');
    return lines;
  }
  return composeReport(report, shape).split('\n');
}

const bare = (l: string) => l.replace(/^\|\s*/, '');

/** Where each printed row of a table starts and ends: [start, end) line spans, and the header's before them. */
interface Spans {
  header: [number, number];
  rows: { key: string; span: [number, number] }[];
}

function t3Spans(lines: string[], singleOther: boolean): Spans {
  const top = lines.indexOf(T3_HEADING);
  const bottom = lines.includes(T4_HEADING) ? lines.indexOf(T4_HEADING) : lines.length;
  const starts: number[] = [];
  let at = top;
  for (const [, labels] of t3Rows(singleOther)) {
    at = lines.findIndex((l, i) => i > at && bare(l).startsWith(labels[0]));
    starts.push(at);
  }
  const rows = t3Rows(singleOther).map(([key], k) => ({ key, span: [starts[k], starts[k + 1] ?? bottom] as [number, number] }));
  return { header: [top + 1, starts[0]], rows };
}

function t2Spans(lines: string[]): { key: string | null; span: [number, number] }[] {
  const top = lines.indexOf(T2_HEADING);
  const bottom = lines.indexOf(T3_HEADING);
  // Every printed line group of table 二: item titles and headers (key null) and rows (their key).
  const starts: { key: string | null; at: number }[] = [];
  let at = top;
  const next = (text: string) => (at = lines.findIndex((l, i) => i > at && bare(l).startsWith(text)));
  for (const it of T2_ITEMS) {
    starts.push({ key: null, at: next(`第二十条第（${it.item}）项`) });
    starts.push({ key: null, at: next(it.header[0]) });
    for (const [key, label] of it.rows) starts.push({ key: `t2.${key}`, at: next(label) });
  }
  return starts.map((s, k) => ({ key: s.key, span: [s.at, starts[k + 1]?.at ?? bottom] }));
}

function t4Spans(lines: string[]): { key: string | null; span: [number, number] }[] {
  const top = lines.indexOf(T4_HEADING);
  const bottom = lines.indexOf('五、存在的主要问题及改进情况');
  let at = top;
  const next = (text: string) => (at = lines.findIndex((l, i) => i > at && bare(l).startsWith(text)));
  const header = [next('行政复议'), next('结果维持'), next('结果维持')];
  const data = header[2] + (lines[header[2]].includes('总计') ? 1 : 10);
  const starts = [...header.map((h) => ({ key: null as string | null, at: h })), { key: 't4', at: data }];
  return starts.map((s, k) => ({ key: s.key, span: [s.at, starts[k + 1]?.at ?? bottom] }));
}

const without = (lines: string[], cut: [number, number][]) => lines.filter((_, i) => !cut.some(([a, b]) => i >= a && i < b)).join('\n');

/** The analysis of section 三 alone without what the other sections' absence raises (their headings, tables 二 and 四). */
const t3Only = (a: Analysis): Analysis => ({
  ...a,
  diagnostics: a.diagnostics.filter((d) => d.rule !== 'section-missing' && !(d.rule === 'table-missing' && !d.message.zh.includes('表三'))),
});
const errors = (a: Analysis) => a.diagnostics.filter((d) => d.severity === 'error');
const missingRows = (a: Analysis) => new Set(a.diagnostics.filter((d) => d.rule === 'row-missing').map((d) => d.row));

/** Every run of contiguous items of a list: [first, last] inclusive. */
function* runs(n: number): Generator<[number, number]> {
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) yield [i, j];
}

/** The cells the analysis read, by key, for the keys it was expected to keep. */
function assertKept(a: Analysis, cells: Record<string, CellValue>, keep: (key: string) => boolean, what: string): void {
  const read = new Map(cellsOf(a).map((k) => [k.key, k.cell.value]));
  for (const [key, v] of Object.entries(cells)) if (keep(key)) assert.equal(read.get(key), v, `${what}: ${key}`);
}

const base = exampleReport();
const single: KeyedReport = { ...base, singleOther: true, cells: complete({ ...base.cells, 't3.otherSingle.legal': 1 }, true) };

describe('table 三: every row and every run of rows deleted, in every layout, is named', () => {
  for (const shape of SHAPES) {
    for (const report of [base, single]) {
      const singleOther = !!report.singleOther;
      // The one-row （六） in the layouts that differ most; the 25 rows in all of them.
      if (singleOther && !['pipe', 'cell-per-line', 'spaces'].includes(shape)) continue;
      test(`${shape}${singleOther ? ', （六） as one row' : ''}: with and without the header`, () => {
        const whole = linesOf(report, shape);
        assert.deepEqual(analyzeText(whole.join('\n')).diagnostics, [], 'the whole report is clean');
        // Section 三 alone (thousands of cases): what the other sections' absence raises is set aside.
        const lines = whole.slice(whole.indexOf(T3_HEADING), whole.indexOf(T4_HEADING));
        const { header, rows } = t3Spans(lines, singleOther);
        let cases = 0;
        for (const [i, j] of runs(rows.length)) {
          const gone = rows.slice(i, j + 1).map((r) => r.key);
          // Where （六） was one row and is gone, the table is read as the 2021 format's: its three rows are named.
          const named = gone.flatMap((k) => (k === 'otherSingle' ? ['other1', 'other2', 'other3'] : [k])).map((k) => `t3.${k}`);
          const kept = (key: string) => key.startsWith('t3.') && !gone.includes(key.split('.')[1]);
          for (const noHeader of [false, true]) {
            const cut: [number, number][] = [[rows[i].span[0], rows[j].span[1]]];
            if (noHeader) cut.push(header);
            const what = `${shape} without ${gone.join(',')}${noHeader ? ' and the header' : ''}`;
            const a = t3Only(analyzeText(without(lines, cut)));
            cases++;
            if (noHeader && gone.length === rows.length) {
              assert.deepEqual(errors(a).map((d) => d.rule), ['table-missing'], what);
              continue;
            }
            const missing = missingRows(a);
            for (const key of named) assert.ok(missing.has(key), `${what}: ${key} named`);
            assert.equal(missing.size, named.length, `${what}: only the deleted rows named (${[...missing].join(',')})`);
            assert.ok(errors(a).every((d) => d.rule === 'row-missing'), `${what}: no other error (${errors(a).map((d) => d.rule).join(',')})`);
            assertKept(a, report.cells as Record<string, CellValue>, kept, what);
          }
        }
        assert.equal(cases, rows.length * (rows.length + 1));
      });
    }
  }
});

describe('tables 二 and 四: every row and every run of rows deleted, in every layout, is named', () => {
  for (const shape of SHAPES) {
    test(`${shape}: table 二`, () => {
      const lines = linesOf(base, shape);
      const groups = t2Spans(lines);
      for (const [i, j] of runs(groups.length)) {
        const gone = groups.slice(i, j + 1).flatMap((g) => (g.key ? [g.key] : []));
        const what = `${shape} without lines ${groups[i].span[0]}–${groups[j].span[1] - 1}`;
        const a = analyzeText(without(lines, [[groups[i].span[0], groups[j].span[1]]]));
        if (i === 0 && j === groups.length - 1) {
          assert.deepEqual(errors(a).map((d) => d.rule), ['table-missing'], what);
          continue;
        }
        const missing = missingRows(a);
        for (const key of gone) assert.ok(missing.has(key), `${what}: ${key} named`);
        assert.equal(missing.size, gone.length, `${what}: only the deleted rows named (${[...missing].join(',')})`);
        assert.ok(errors(a).every((d) => d.rule === 'row-missing'), `${what}: no other error`);
        assertKept(a, base.cells as Record<string, CellValue>, (k) => k.startsWith('t2.') && !gone.some((g) => k.startsWith(g + '.')), what);
      }
    });
    test(`${shape}: table 四`, () => {
      const lines = linesOf(base, shape);
      const groups = t4Spans(lines);
      for (const [i, j] of runs(groups.length)) {
        const dataGone = j === groups.length - 1;
        const what = `${shape} without table 四's printed rows ${i}–${j}`;
        const a = analyzeText(without(lines, [[groups[i].span[0], groups[j].span[1]]]));
        const rules = errors(a).map((d) => d.rule);
        if (dataGone) {
          // The numbers gone: each group named where a header is left, else the table.
          if (i === 0) assert.deepEqual(rules, ['table-missing'], what);
          else assert.deepEqual([...missingRows(a)], ['t4.review', 't4.direct', 't4.afterReview'], what);
          assert.ok(rules.length > 0, what);
          continue;
        }
        // Only header lines gone: the row is still read and checked (one cell per line cannot be told from other numbers without a header).
        if (i === 0 && j === 2 && (shape === 'cell-per-line' || shape === 'debris')) {
          assert.deepEqual(rules, ['table-missing'], what);
          continue;
        }
        assert.deepEqual(rules, [], what);
        assertKept(a, base.cells as Record<string, CellValue>, (k) => k.startsWith('t4.'), what);
      }
    });
  }
  test('a table 四 whose header was lost is still checked', () => {
    const lines = linesOf(base, 'pipe');
    const [h1, , , data] = t4Spans(lines);
    const cut = without(lines, [[h1.span[0], data.span[0]]]).replace('1 | 0 | 0 | 1 | 2 |', '1 | 0 | 0 | 1 | 3 |');
    assert.deepEqual(analyzeText(cut).diagnostics.map((d) => [d.rule, d.cell]), [['review-total', 't4.review.total']]);
  });
});

describe('the example of the issue', () => {
  const clean = composeReport(base, 'pipe').split('\n');
  test('table 三 without 一、本年新收 and 二、上年结转: two row-missing errors, the rest still checked', () => {
    const { rows } = t3Spans(clean, false);
    const text = without(clean, [[rows[0].span[0], rows[1].span[1]]]);
    const a = analyzeText(text);
    assert.deepEqual(errors(a).map((d) => [d.rule, d.row]), [['row-missing', 't3.new'], ['row-missing', 't3.carried']]);
    // The outcome rows are still added up: a wrong （七）总计 is found.
    const wrong = analyzeText(text.replace('（七）总计 | 13 |', '（七）总计 | 14 |'));
    assert.ok(wrong.diagnostics.some((d) => d.rule === 'request-outcome-total' && d.cell === 't3.total.natural'));
  });
  test('a row-missing is anchored at the row that follows where it belongs', () => {
    const { rows } = t3Spans(clean, false);
    const a = analyzeText(without(clean, [rows.find((r) => r.key === 'notHandled2')!.span]));
    const d = a.diagnostics.find((x) => x.rule === 'row-missing')!;
    assert.equal(d.row, 't3.notHandled2');
    assert.ok(without(clean, [rows.find((r) => r.key === 'notHandled2')!.span]).split('\n')[d.range.start.line].startsWith('3.要求提供公开出版物'));
  });
});

describe('whatever the source: a .docx and a saved web page that lack rows', () => {
  // The tab layout is what the sources convert to; the helpers make the same report as Word and HTML tables.
  const lines = composeReport(base, 'tab').split('\n');
  const { rows } = t3Spans(lines, false);
  const lacking = without(lines, [[rows[0].span[0], rows[1].span[1]], rows.find((r) => r.key === 'notHandled2')!.span]);
  for (const [name, bytes] of [
    ['lacking.docx', () => makeDocx(lacking)],
    ['lacking.html', () => new TextEncoder().encode(makeHtml(lacking))],
  ] as const) {
    test(`${name}: each missing row of table 三 is an error naming it`, async () => {
      const r = await readSource(name, bytes());
      const a = analyzeText(r.text);
      assert.deepEqual(errors(a).map((d) => [d.rule, d.row]), [['row-missing', 't3.new'], ['row-missing', 't3.carried'], ['row-missing', 't3.notHandled2']]);
    });
  }
});

describe('a PDF whose text layer lost rows', () => {
  test('the LibreOffice PDF of the example (table 三 over a page break) without its first two rows of table 三: each named', async () => {
    const pdf = new Uint8Array(readFileSync(resolve(__dirname, 'fixtures/sources/wrong-totals.pdf')));
    const { text } = await readSource('wrong-totals.pdf', pdf);
    // As a renderer that drops lines of the text layer would: the rows gone from the converted draft.
    const lost = text.split('\n').filter((l) => !/^(一、本年新收|二、上年结转)/.test(l)).join('\n');
    assert.notEqual(lost, text);
    const rows = analyzeText(lost).diagnostics.filter((d) => d.rule === 'row-missing').map((d) => [d.severity, d.row]);
    assert.deepEqual(rows, [['error', 't3.new'], ['error', 't3.carried']]);
  });
});

describe('a table cut in two', () => {
  test('a paragraph between the rows of table 三: each part read, no row named missing that the other part has', () => {
    const lines = composeReport(base, 'pipe').split('\n');
    const at = lines.findIndex((l) => l.startsWith('（四）无法提供'));
    const para = '注：本表数据来源于本机关政府信息公开申请登记台账，统计口径与上年一致，下表续前表所列各项办理结果情况。';
    const cut = [...lines.slice(0, at), para, ...lines.slice(at)].join('\n');
    const a = analyzeText(cut);
    assert.equal(a.tables.filter((t) => t.kind === 't3').length, 2, 'read as two parts');
    assert.deepEqual(errors(a), []);
    // Every row found, but the column sums cannot be evaluated across the cut: not fully checked.
    const c = coverage(a);
    assert.deepEqual(c.tables.t3, { rows: 25, of: 25 });
    assert.equal(fullyChecked(c), false);
    // A row that neither part has is still named, once, where it belongs.
    const lacking = analyzeText(cut.replace(/2\.重复申请 \|[^\n]*\n/, ''));
    assert.deepEqual(errors(lacking).map((d) => [d.rule, d.row]), [['row-missing', 't3.notHandled2']]);
    assert.ok(cut.replace(/2\.重复申请 \|[^\n]*\n/, '').split('\n')[errors(lacking)[0].range.start.line].startsWith('3.要求提供公开出版物'));
  });
});
