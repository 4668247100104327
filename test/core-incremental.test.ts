// The incremental model against a fresh parse: random edit sequences (inserts, deletes,
// replacements with `\n`, `\r`, `\r\n`, pasted table rows and headings, out-of-range and reversed
// ranges) applied through ReportModel.apply; after every edit the model's text equals the naive
// text and its analysis equals analyzeText(naive text). Starts from the shared seeds when
// ../shared exists, the examples, and the language server tests' composed report.
// Run: node test/run.mjs test/core-incremental.test.ts
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from './helpers/fc.ts';
import { analyzeText, ReportModel, splitWithEols, type Table3 } from '../server/src/core/index';
import { composeReport, examples, seeds, SEEDS_SKIP } from './lsp/fixture';
import { LAYOUTS, composeReport as composeLayout, exampleReport, type Layout } from './helpers/compose.mjs';
import { canon } from './helpers/canon.ts';

interface Pos {
  line: number;
  character: number;
}
interface Change {
  range?: { start: Pos; end: Pos };
  text: string;
}

/** The naive edit: positions clamped into the text (as LSP clients may overshoot), ends swapped. */
function applyNaive(text: string, c: Change): string {
  if (!c.range) return c.text;
  const [lines, eols] = splitWithEols(text);
  const starts: number[] = [];
  let o = 0;
  for (let i = 0; i < lines.length; i++) {
    starts.push(o);
    o += lines[i].length + eols[i].length;
  }
  const offset = (p: Pos) => {
    if (p.line < 0) return 0;
    if (p.line >= lines.length) return text.length;
    return starts[p.line] + Math.max(0, Math.min(p.character, lines[p.line].length));
  };
  let [s, e] = [offset(c.range.start), offset(c.range.end)];
  if (e < s) [s, e] = [e, s];
  return text.slice(0, s) + c.text + text.slice(e);
}


const PIECES = [
  '\n', '\r', '\r\n', '\n\n', ' | ', '|', '||', '\t', ' ', '0', '7', '12', '３', '-1', '2.5', '总计', '规范性文件',
  '三、本年度办理结果 | （一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
  '（七）总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n',
  '四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\r\n',
  '行政复议 | 行政诉讼 |\n',
  '1 | 0 | 0 | 1 | 2 | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |',
  '\n三、收到和处理政府信息公开申请情况\n',
  '\r\n四、政府信息公开行政复议、行政诉讼情况\r\n',
  '五、存在的主要问题及改进情况',
  '本报告所列数据的统计期限为2023年1月1日至2023年12月31日。',
  '2025年政府信息公开工作年度报告\n',
];

/** An abstract edit; positions are picked in the text it applies to. */
type Op =
  | { kind: 'insert' | 'replace' | 'delete'; a: number; b: number; c: number; d: number; text: string }
  | { kind: 'paste-line' | 'delete-lines'; a: number; b: number; n: number }
  | { kind: 'wild'; a: number; b: number; c: number; d: number; text: string }
  | { kind: 'whole'; text: string };

const textArb = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 4 }).map((xs) => xs.join(''));
const n = fc.nat({ max: 1_000_000 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), a: n, b: n, c: n, d: n, text: textArb }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace' as const), a: n, b: n, c: n, d: n, text: textArb }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), a: n, b: n, c: n, d: n, text: fc.constant('') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('paste-line' as const), a: n, b: n, n: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete-lines' as const), a: n, b: n, n: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wild' as const), a: fc.integer({ min: -3, max: 500 }), b: fc.integer({ min: -3, max: 500 }), c: fc.integer({ min: -3, max: 500 }), d: fc.integer({ min: -3, max: 500 }), text: textArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('whole' as const), text: textArb }) },
);

/** The concrete LSP change an abstract edit makes of `text`. */
function concretize(text: string, op: Op): Change {
  const [lines, eols] = splitWithEols(text);
  const at = (a: number, b: number): Pos => {
    const line = a % lines.length;
    return { line, character: b % (lines[line].length + 1) };
  };
  switch (op.kind) {
    case 'whole':
      return { text: op.text };
    case 'wild':
      return { range: { start: { line: op.a, character: op.b }, end: { line: op.c, character: op.d } }, text: op.text };
    case 'insert': {
      const p = at(op.a, op.b);
      return { range: { start: p, end: p }, text: op.text };
    }
    case 'replace':
    case 'delete': {
      const s = at(op.a, op.b);
      // A range of up to three lines after the start.
      const eLine = Math.min(lines.length - 1, s.line + (op.c % 4));
      const e = { line: eLine, character: op.d % (lines[eLine].length + 1) };
      const ordered = e.line > s.line || (e.line === s.line && e.character >= s.character);
      return { range: ordered ? { start: s, end: e } : { start: e, end: s }, text: op.text };
    }
    case 'paste-line': {
      // Copy a few whole lines (with their line ends) to the start of another line.
      const from = op.a % lines.length;
      const block = lines.slice(from, from + op.n).map((l, i) => l + (eols[from + i] || '\n')).join('');
      const to = op.b % lines.length;
      return { range: { start: { line: to, character: 0 }, end: { line: to, character: 0 } }, text: block };
    }
    case 'delete-lines': {
      const from = op.a % lines.length;
      const to = Math.min(lines.length - 1, from + op.n);
      return { range: { start: { line: from, character: 0 }, end: { line: to, character: to === from ? lines[to].length : 0 } }, text: '' };
    }
  }
}

/** Compared as JSON first (fast); on a difference, deepStrictEqual says where. */
function sameAnalysis(model: ReportModel, text: string, what: string): void {
  const [a, b] = [canon(model.analysis()), canon(analyzeText(text))];
  if (JSON.stringify(a) !== JSON.stringify(b)) assert.deepStrictEqual(a, b, what);
}

function check(start: string, ops: Op[]): void {
  const model = new ReportModel(start);
  let naive = start;
  model.analysis();
  for (const op of ops) {
    const change = concretize(naive, op);
    model.apply(change);
    naive = applyNaive(naive, change);
    assert.equal(model.getText(), naive, `text after ${JSON.stringify(change)}`);
    sameAnalysis(model, naive, `analysis after ${JSON.stringify(change)}`);
  }
}

/**
 * Runs per starting text: 12 for npm test's fast default; CI sets INCREMENTAL_RUNS=300 (.ci/run);
 * FC_RUNS as before. A mutation that skips the period-year shift on an edit (document.ts place) is
 * caught by the targeted edits below at the default.
 */
const RUNS = Number(process.env.INCREMENTAL_RUNS) || Number(process.env.FC_RUNS) || 12;

const starts: { name: string; text: string }[] = [
  ...seeds(),
  ...examples(),
  { name: 'composed', text: composeReport() },
  { name: 'composed, CRLF', text: composeReport().replace(/\n/g, '\r\n') },
  { name: 'composed, CR', text: composeReport().replace(/\n/g, '\r') },
];

describe('ReportModel.apply equals a fresh parse after every edit', () => {
  if (SEEDS_SKIP) console.log(`# ${SEEDS_SKIP}; using the examples and the composed report`);
  for (const s of starts) {
    test(s.name, () => {
      fc.assert(fc.property(fc.array(opArb, { minLength: 1, maxLength: 6 }), (ops) => check(s.text, ops)), { numRuns: RUNS });
    });
  }

  test('typing a report from nothing, one character at a time, with CRLF', () => {
    const text = composeReport().replace(/\n/g, '\r\n').slice(0, 1200);
    const model = new ReportModel('');
    let naive = '';
    for (const ch of text) {
      const [lines] = splitWithEols(naive);
      const p = { line: lines.length - 1, character: lines[lines.length - 1].length };
      const change = { range: { start: p, end: p }, text: ch };
      model.apply(change);
      naive = applyNaive(naive, change);
      if (ch === '\n') sameAnalysis(model, naive, `after typing up to ${naive.length}`);
    }
    assert.equal(model.getText(), text);
    sameAnalysis(model, text, 'at the end');
  });
});

// An editor releases the parse of reports not used lately (ReportModel.release: lsp/documents.ts)
// and parses again on the next request: a released model's analysis, and every edit after it,
// equal a fresh parse of the same text.
describe('a released model equals a fresh parse', () => {
  for (const s of starts) {
    test(`${s.name}: edits with releases between them`, () => {
      fc.assert(
        fc.property(fc.array(fc.record({ op: opArb, release: fc.boolean() }), { minLength: 1, maxLength: 6 }), (steps) => {
          const model = new ReportModel(s.text);
          let naive = s.text;
          model.analysis();
          for (const { op, release } of steps) {
            if (release) model.release();
            const change = concretize(naive, op);
            model.apply(change);
            naive = applyNaive(naive, change);
            assert.equal(model.getText(), naive);
            sameAnalysis(model, naive, `analysis after ${release ? 'a release and ' : ''}${JSON.stringify(change)}`);
          }
        }),
        { numRuns: RUNS },
      );
    });
  }

  test('a release drops the parse and keeps the text; the next analysis parses every segment, a number typed after it too', () => {
    const text = composeLayout(exampleReport(), 'pipe');
    const model = new ReportModel(text);
    const fresh = new ReportModel(text);
    const first = model.analysis();
    fresh.analysis();
    const t3 = first.tables.find((t) => t.kind === 't3')!;
    const cell = t3.rows.flatMap((r) => r.cells).find((c) => c && c.text !== '' && !c.derived)!;
    model.release();
    assert.equal(model.parsed, false);
    assert.equal(model.getText(), text);
    let before = model.parsedSegments;
    sameAnalysis(model, text, 'the released model analysed again');
    assert.equal(model.parsedSegments - before, fresh.parsedSegments, 'every segment parsed again, as a fresh model parses them');
    assert.notEqual(model.analysis(), first, 'a new analysis, not the one from before the release');
    // Released before a number is typed: the first edit re-parses (no one-cell patch of a parse it no longer has).
    model.release();
    before = model.parsedSegments;
    const edit = { range: { start: { line: cell.line, character: cell.start }, end: { line: cell.line, character: cell.end } }, text: String(Number(cell.text) + 11) };
    model.apply(edit);
    const naive = applyNaive(text, edit);
    sameAnalysis(model, naive, 'a number typed after a release');
    assert.equal(model.parsedSegments - before, fresh.parsedSegments, 'the first edit after a release parses the report again');
    assert.ok(model.analysis().diagnostics.some((d) => d.range.start.line >= t3.startLine && d.range.start.line <= t3.endLine), 'the edited table\'s identities fail');
  });
});

describe('cell edits, as a person types numbers into the tables (the one-cell fast path)', () => {
  const TEXTS = ['0', '7', '12', '305', '', '３', '-1', '2.5', '—', 'x', '1 2', ' 7 ', '无', '1,234'];
  const numberEdits = (start: string) =>
    fc.assert(
      fc.property(fc.array(fc.record({ pick: n, text: fc.constantFrom(...TEXTS), part: fc.nat({ max: 3 }) }), { minLength: 1, maxLength: 8 }), (ops) => {
        const model = new ReportModel(start);
        let naive = start;
        model.analysis();
        for (const op of ops) {
          // A number of the text (a table cell, mostly), replaced whole or in part (a digit typed at its start or end).
          const [lines] = splitWithEols(naive);
          const spots: Pos[][] = [];
          lines.forEach((l, line) => { for (const m of l.matchAll(/\d+/g)) spots.push([{ line, character: m.index! }, { line, character: m.index! + m[0].length }]); });
          if (!spots.length) return;
          const [s, e] = spots[op.pick % spots.length];
          const range = op.part === 0 ? { start: s, end: e } : op.part === 1 ? { start: s, end: s } : op.part === 2 ? { start: e, end: e } : { start: s, end: { line: e.line, character: Math.max(s.character, e.character - 1) } };
          const change = { range, text: op.text };
          model.apply(change);
          naive = applyNaive(naive, change);
          assert.equal(model.getText(), naive);
          sameAnalysis(model, naive, `analysis after ${JSON.stringify(change)}`);
        }
      }),
      { numRuns: Math.max(48, RUNS) },
    );
  for (const layout of LAYOUTS) test(`${layout}: every edit of a number equals a fresh parse`, () => numberEdits(composeLayout(exampleReport(), layout)));

  /** Three reports one after another, the first's and the third's 本年新收 total 5 too many. */
  const threeReports = () => {
    const wrong = (layout: Layout) => composeLayout(exampleReport(), layout).replace(/(\n[^\n]*本年新收政府信息公开申请数量[^\d\n]*)(\d+)/, (_, a, n) => `${a}${Number(n) + 5}`);
    return [wrong('pipe'), composeLayout(exampleReport(), 'tab'), wrong('spaces')].join('\n');
  };

  test('three reports one after another, with wrong totals: every edit of a number equals a fresh parse (the gathered lists spliced, gather.ts)', () => {
    const start = threeReports();
    assert.ok(analyzeText(start).diagnostics.filter((d) => d.rule === 'request-row-total').length >= 2, 'two reports\' tables fail');
    numberEdits(start);
  });

  test('three reports: the first one\'s wrong number put right, then the third\'s — each segment\'s findings found where the first edit left them (gather.ts ownAt)', () => {
    const start = threeReports();
    const model = new ReportModel(start);
    model.analysis();
    let naive = start;
    // The three 本年新收 numbers (the first and the third 5 too many): the first put right, then the third.
    const lines = splitWithEols(start)[0];
    const spots = lines.flatMap((l, line) => {
      const m = /本年新收政府信息公开申请数量[^\d]*(\d+)/.exec(l);
      return m ? [{ line, character: m.index + m[0].length - m[1].length, text: m[1] }] : [];
    });
    assert.equal(spots.length, 3);
    for (const at of [spots[0], spots[2]]) {
      const change = { range: { start: { line: at.line, character: at.character }, end: { line: at.line, character: at.character + at.text.length } }, text: String(Number(at.text) - 5) };
      const was = model.analysis().diagnostics.length;
      model.apply(change);
      naive = applyNaive(naive, change);
      sameAnalysis(model, naive, `after ${JSON.stringify(change)}`);
      assert.ok(model.analysis().diagnostics.length < was, 'the edit put a wrong total right');
    }
  });

  test('a row read by two tables (a typo that ends table 三 early): an edit to it reaches both (fast-check seed 74927256)', () => {
    const start = composeLayout(exampleReport(), 'tab');
    const lines = start.split('\n');
    const at = lines.findIndex((l) => l.startsWith('四、结转下年度继续办理'));
    // `1-1` in the second column ends the table before its row and the row starts a table of its own.
    const typo = start.replace(lines[at], lines[at].replace(/^(\S+\t\d+\t)(\d+)/, '$1$2-1'));
    const model = new ReportModel(typo);
    model.analysis();
    const s = lines[at].indexOf('\t') + 1;
    const change = { range: { start: { line: at, character: s }, end: { line: at, character: s + 1 } }, text: '0' };
    model.apply(change);
    const naive = applyNaive(typo, change);
    assert.ok(analyzeText(naive).diagnostics.some((d) => JSON.stringify(d).includes('t3.carryOver.natural')), 'the fresh parse flags the edited cell');
    sameAnalysis(model, naive, 'after the edit');
  });

  test('a number typed into table 三 or 四 re-reads no segment; one into table 二 parses its segment again', () => {
    const text = composeLayout(exampleReport(), 'pipe');
    const model = new ReportModel(text);
    const a = model.analysis();
    for (const kind of ['t3', 't4', 't2'] as const) {
      const t = a.tables.find((x) => x.kind === kind)!;
      const cell = (t.kind === 't3' ? t.rows.flatMap((r) => r.cells) : t.kind === 't4' ? t.cells : t.items.flatMap((it) => it.rows.flatMap((r) => r.cells))).find((c) => c && c.text !== '' && !c.derived)!;
      const before = model.parsedSegments;
      model.apply({ range: { start: { line: cell.line, character: cell.start }, end: { line: cell.line, character: cell.end } }, text: String(Number(cell.text) + 11) });
      const after = model.analysis();
      assert.equal(model.parsedSegments - before, kind === 't2' ? 1 : 0, kind);
      assert.ok(after.diagnostics.some((d) => d.range.start.line >= t.startLine && d.range.start.line <= t.endLine) || kind === 't2', `${kind}: the table's identities fail`);
      sameAnalysis(model, model.getText(), kind);
    }
    // A row whose label has 报 in it, as a title has: it is no title line (segment.ts titleLike).
    const row = (a.tables.find((x) => x.kind === 't3') as Table3).rows.find((r) => r.spec.text.includes('信访举报'))!;
    const cell = row.cells.find((c) => c && c.text !== '' && !c.derived)!;
    const before = model.parsedSegments;
    model.apply({ range: { start: { line: cell.line, character: cell.start }, end: { line: cell.line, character: cell.end } }, text: String(Number(cell.text) + 7) });
    model.analysis();
    assert.equal(model.parsedSegments - before, 0, '信访举报投诉类申请');
    sameAnalysis(model, model.getText(), '信访举报投诉类申请');
  });
});

// Edits at the places whose results are carried across edits (rules/carry.ts, windows.ts): the
// title lines, the period statement, the last lines (the signature), and a table's boundary. Each
// is checked on every starting text, so the default run catches a carry that forgets one of them
// (e.g. the period year not moved or not re-read) without needing hundreds of random cases.
describe('targeted edits at the carried windows equal a fresh parse', () => {
  const at = (line: number, character = 0): Pos => ({ line, character });
  const edits = (text: string): { what: string; change: Change }[] => {
    const [lines] = splitWithEols(text);
    const last = lines.length - 1;
    const period = lines.findIndex((l) => /统计期限|统计期|1月1日/.test(l));
    const table = lines.findIndex((l) => /^\s*[|｜]|\t/.test(l));
    const list: { what: string; change: Change }[] = [
      { what: 'a line inserted above the title', change: { range: { start: at(0), end: at(0) }, text: '\n' } },
      { what: 'the first line deleted', change: { range: { start: at(0), end: at(Math.min(1, last)) }, text: '' } },
      { what: 'a year typed into the title line', change: { range: { start: at(0), end: at(0) }, text: '2019年' } },
      { what: 'a line inserted at the end', change: { range: { start: at(last, lines[last].length), end: at(last, lines[last].length) }, text: '\n某某人民政府办公室' } },
      { what: 'the last three lines deleted', change: { range: { start: at(Math.max(0, last - 3)), end: at(last, lines[last].length) }, text: '' } },
      { what: 'a line inserted in the tail window', change: { range: { start: at(Math.max(0, last - 1)), end: at(Math.max(0, last - 1)) }, text: '2024年1月20日\n' } },
    ];
    if (period >= 0) {
      list.push(
        { what: 'a line inserted above the period statement', change: { range: { start: at(period), end: at(period) }, text: '\n' } },
        { what: 'a line deleted above the period statement', change: { range: { start: at(Math.max(0, period - 1)), end: at(period) }, text: '' } },
        { what: 'the period statement rewritten with another year', change: { range: { start: at(period), end: at(period, lines[period].length) }, text: '本报告所列数据的统计期限为2019年1月1日至2019年12月31日。' } },
      );
    }
    if (table > 0) {
      list.push(
        { what: 'a line inserted just above a table', change: { range: { start: at(table), end: at(table) }, text: '说明\n' } },
        { what: 'the line above a table joined to it', change: { range: { start: at(table - 1, lines[table - 1].length), end: at(table) }, text: '' } },
      );
    }
    return list;
  };
  // The period statement (with a year that disagrees, so it has a finding) in a segment below the
  // first heading: an edit above it moves that segment's results rather than reading them again.
  const lower = (() => {
    const lines = composeReport().split('\n');
    const heading = lines.findIndex((l) => l.includes('总体情况'));
    for (let i = 0; i < heading; i++) lines[i] = lines[i].replace(/本报告所列数据的统计期限[^。]*。/, '');
    lines.splice(heading + 1, 0, '本报告所列数据的统计期限为2019年1月1日至2019年12月31日。');
    return { name: 'composed, a wrong period year below the first heading', text: lines.join('\n') };
  })();
  // The title on line 9 below nine prose lines (each a segment of its own): a line inserted at the
  // top moves the title's segment to line 10, where it no longer counts as the title (reportYear
  // null); a model that moved the segment but not its title years would keep it (npm run mutate:
  // incremental-title-shift survived every other start).
  const lowTitle = (() => {
    const preamble = Array.from({ length: 9 }, (_, i) => `第${i + 1}段说明：本机关按照上级部署，认真组织开展各项工作，持续推进信息公开工作，不断提高工作质量和水平，取得了积极成效。`);
    return { name: 'composed, the title on line 9 below nine prose lines', text: [...preamble, composeReport()].join('\n') };
  })();
  test('the title below nine prose lines counts as the title until a line above pushes it to line 10', () => {
    assert.equal(analyzeText(lowTitle.text).reportYear, 2025);
    assert.equal(analyzeText(`\n${lowTitle.text}`).reportYear, null);
  });
  for (const s of [...starts, lower, lowTitle]) {
    test(s.name, () => {
      for (const { what, change } of edits(s.text)) {
        const model = new ReportModel(s.text);
        model.analysis();
        model.apply(change);
        const naive = applyNaive(s.text, change);
        assert.equal(model.getText(), naive, what);
        sameAnalysis(model, naive, `${s.name}: ${what}`);
        // A second edit after the first, so that a shifted copy's stale positions are read again.
        const again: Change = { range: { start: at(0), end: at(0) }, text: '\n' };
        model.apply(again);
        sameAnalysis(model, applyNaive(naive, again), `${s.name}: ${what}, then a line inserted at the top`);
      }
    });
  }
});
