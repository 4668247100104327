// Table alignment and layout conversion. Properties (fast-check) over generated reports in every
// layout with odd cells, ragged spacing and mixed line ends, and over the examples and seeds:
// formatting keeps every line's cells, the line ends and every non-table line; it is idempotent;
// the analysis (rule, line, cell key, expected, message) is the same after formatting and after a
// round trip through the other layout. Display width: checked against get-east-asian-width.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from './helpers/fc.ts';
import { eastAsianWidth } from 'get-east-asian-width';
import { analyzeText, applyEdits, splitWithEols } from '../server/src/core/index.ts';
import { splitLine } from '../server/src/core/cells.ts';
import { codePointWidth, convertTable, displayWidth, formatTables, newDraft, readPipeRow } from '../server/src/core/draft/index.ts';
import { cellsByKey } from './helpers/keyed.ts';
import { buildReport, exampleData, LAYOUTS, type Layout, type ReportData } from './helpers/report.ts';
import { sharedFiles } from './helpers/shared.ts';

const examples = readdirSync('examples').filter((n) => n.endsWith('.txt')).sort().map((name) => ({ name, text: readFileSync(`examples/${name}`, 'utf8') }));
const seeds = sharedFiles('seeds');

/** What the analysis says, independent of columns: rule, line, cell key, numbers, message. */
function verdict(text: string) {
  const a = analyzeText(text);
  return {
    year: a.reportYear,
    tables: a.tables.map((t) => `${t.kind} ${t.startLine}-${t.endLine}`),
    // As a set: a diagnostic's columns may move, and with them its place among those of its line.
    diagnostics: a.diagnostics.map((d) => JSON.stringify({
      rule: d.rule,
      line: d.range.start.line,
      cell: d.cell ?? d.row ?? null,
      expected: d.expected,
      actual: d.actual,
      message: d.message.en,
    })).sort(),
    values: [...cellsByKey(a)].map(([k, c]) => `${k}=${c.text}`),
  };
}

const cellTexts = (line: string) => splitLine(line, 0).map((c) => c.text);

/** The invariants of formatting one text; returns the formatted text. */
function checkFormat(text: string): string {
  const edits = formatTables(text);
  const out = applyEdits(text, edits);
  const [before, eolsBefore] = splitWithEols(text);
  const [after, eolsAfter] = splitWithEols(out);
  assert.equal(after.length, before.length, 'line count');
  assert.deepEqual(eolsAfter, eolsBefore, 'line ends');
  const tables = analyzeText(text).tables;
  const inTable = (i: number) => tables.some((t) => t.startLine <= i && i <= t.endLine);
  for (let i = 0; i < before.length; i++) {
    if (!inTable(i)) assert.equal(after[i], before[i], `non-table line ${i} unchanged`);
    else assert.deepEqual(cellTexts(after[i]), cellTexts(before[i]), `cells of line ${i}`);
    if (before[i].includes('\t') || !/[|｜]/.test(before[i])) assert.equal(after[i], before[i], `line ${i} is not a | row: unchanged`);
  }
  for (const e of edits) assert.equal(e.range.start.line, e.range.end.line, 'an edit stays on its line');
  assert.deepEqual(formatTables(out), [], 'a second run changes nothing');
  assert.deepEqual(verdict(out), verdict(text), 'the analysis is the same');
  return out;
}

/** Converting every table to `to` and back keeps the analysis and the cells. */
function checkConvert(text: string): void {
  const want = verdict(text);
  for (const t of analyzeText(text).tables) {
    for (const to of ['tabs', 'pipes'] as const) {
      const converted = applyEdits(text, convertTable(text, t.startLine, to));
      const [a] = splitWithEols(converted);
      const [b] = splitWithEols(text);
      assert.equal(a.length, b.length);
      for (let i = 0; i < a.length; i++) assert.deepEqual(cellTexts(a[i]), cellTexts(b[i]), `cells of line ${i} after converting to ${to}`);
      assert.deepEqual(verdict(converted), want, `analysis after converting the table at ${t.startLine} to ${to}`);
      const back = applyEdits(converted, convertTable(converted, t.startLine, to === 'tabs' ? 'pipes' : 'tabs'));
      assert.deepEqual(verdict(back), want, 'analysis after converting back');
    }
  }
}

// ---- generated reports ------------------------------------------------------------------------

const cellText = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 999 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('', '—', '１２', '-3', '1.5', '无', '三', '12 件', ' ') },
);
const reportArb = fc.record({
  t2: fc.array(cellText, { minLength: 10, maxLength: 10 }),
  t3: fc.array(fc.array(cellText, { minLength: 7, maxLength: 7 }), { minLength: 25, maxLength: 25 }),
  t4: fc.array(cellText, { minLength: 15, maxLength: 15 }),
  layout: fc.constantFrom<Layout>(...LAYOUTS),
});
/** Ragged spacing around separators, stray leading/trailing space, and mixed line ends. */
const noiseArb = fc.record({
  spaces: fc.array(fc.constantFrom('', ' ', '  ', '   ', '\u3000'), { minLength: 1, maxLength: 40 }),
  eols: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 10 }),
  fullwidthBars: fc.boolean(),
});

function noisy(text: string, n: { spaces: string[]; eols: string[]; fullwidthBars: boolean }): string {
  let k = 0;
  const sp = () => n.spaces[k++ % n.spaces.length];
  const lines = text.split('\n');
  return lines
    .map((l, i) => {
      let s = l.replace(/ \| /g, () => `${sp()}${n.fullwidthBars && k % 7 === 0 ? '｜' : '|'}${sp()}`);
      if (/\|$/.test(s)) s += sp();
      return s + (i < lines.length - 1 ? n.eols[i % n.eols.length] : '');
    })
    .join('');
}

const data = (x: { t2: string[]; t3: string[][]; t4: string[] }): ReportData => ({ office: '青禾县数据资源局', year: 2025, t2: x.t2, t3: x.t3, t4: x.t4 });

describe('formatTables', () => {
  test('generated reports in every layout, with ragged spacing and mixed line ends (property)', () => {
    fc.assert(fc.property(reportArb, noiseArb, (x, n) => void checkFormat(noisy(buildReport(data(x), x.layout), n))), { numRuns: 80 });
  });

  test('random lines of separators, spaces, tabs, labels and numbers (property)', () => {
    const rows = buildReport(exampleData(), 'pipe').split('\n');
    const piece = fc.constantFrom('|', '｜', ' ', '  ', '\t', '\u3000', '0', '12', '—', '', '规章', '（七）总计', '行政复议', '第二十条第（一）项', '自然人', '一、本年新收政府信息公开申请数量', '\n', '\r\n', '\r', '---', ':', '-1', '１２');
    const line = fc.oneof(fc.constantFrom(...rows), fc.array(piece, { maxLength: 12 }).map((a) => a.join('')));
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 80 }).map((ls) => ls.join('\n')), (text) => {
      checkFormat(text);
      checkConvert(text);
    }), { numRuns: 60 }); // up to 80 lines each (test/helpers/fc.ts): 200 runs took 45 s
  });

  test('a bare page number after a whole row (no cell) stays one when the table is formatted or converted', () => {
    // The property test's counterexamples: converted, `0` had become `0 |` (a cell), `0|` become `0` (no cell).
    for (const text of ['（三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n0\n', '6.属于四类过程性信息 | 0 | 1 | 0 | 0 | 0 | 0 | 1 |\n0|\n青禾县数据资源局2025年政府信息公开工作年度报告']) {
      checkFormat(text);
      checkConvert(text);
    }
  });

  test('a row of the `cells | ` layout that opens with a blank cell (`| -1 | …`) is no Markdown row: converted, its blank stays a cell', () => {
    // The property test's counterexample (CI): converted to pipes, `\t-1\t第二十条…` became `| -1 | 第二十条… |`,
    // whose opening pipe was read as a Markdown border: the row had one number instead of two.
    for (const text of ['规章\n\t-1\t第二十条第（一）项\n', '规章\t0\t1\t2\n行政规范性文件\n\t-1\t第二十条第（一）项\n']) {
      checkFormat(text);
      checkConvert(text);
    }
  });

  test('a row of blanks so far, wrapped before a number (`（七）总计\\t` / `\\t-1`), reads the same in tabs and pipes', () => {
    // The property test's counterexamples: in tabs the next line's leading tab was taken for a blank of the row, in pipes not.
    for (const text of ['（七）总计||\n\t-1\n', '（七）总计\t\r\t—\n青禾县数据资源局2025年政府信息公开工作年度报告']) {
      checkFormat(text);
      checkConvert(text);
    }
  });

  test('a table whose wrapped row would read otherwise once converted is left in its layout', () => {
    // The property test's counterexamples: `|12` after a Markdown row (its pipe a border) or `\t-1` after
    // a tab row (its tab a blank) read by the layout of the line before, which the conversion changes.
    for (const text of ['|一、本年新收政府信息公开申请数量||\n|12\n青禾县数据资源局2025年政府信息公开工作年度报告', '一、本年新收政府信息公开申请数量|---\n\t-1\n', '|行政复议||\n|—\n']) {
      checkFormat(text);
      checkConvert(text);
    }
    // A table without such a row converts as before.
    const t = '（七）总计\t1\t0\t0\t0\t0\t0\t1\n';
    assert.notDeepEqual(convertTable(t, 0, 'pipes'), []);
  });

  for (const layout of LAYOUTS) test(`the example report, ${layout} layout`, () => void checkFormat(buildReport(exampleData(), layout)));
  for (const e of examples) test(`examples/${e.name}`, () => void checkFormat(e.text));
  for (const s of seeds) test(`seed ${s.name}`, () => void checkFormat(s.text));
  test('seeds', { skip: seeds.length ? false : 'no ../shared beside the checkout' }, () => assert.ok(seeds.length > 0));

  test('aligns: in the example, every | of a data row of table 三 at the same display column', () => {
    const out = checkFormat(examples.find((e) => e.name === 'clean.report.txt')!.text);
    const lines = out.split('\n');
    const t3 = analyzeText(out).tables.find((t) => t.kind === 't3')!;
    const rows = lines.slice(t3.startLine, t3.endLine + 1).filter((l) => /\| \d/.test(l));
    assert.equal(rows.length, 25);
    const bars = (l: string) => {
      const at: number[] = [];
      let w = 0;
      for (const ch of l) {
        if (ch === '|') at.push(w);
        w += displayWidth(ch);
      }
      return at.slice(-8); // the bars around the seven values
    };
    for (const r of rows) assert.deepEqual(bars(r), bars(rows[0]), r);
    // Table 二 item (一): the header's bars line up with its rows'.
    const item = lines.slice(6, 9);
    assert.deepEqual(bars(item[0]).slice(-4), bars(item[1]).slice(-4));
    assert.deepEqual(bars(item[2]).slice(-4), bars(item[1]).slice(-4));
  });

  /** Where each `|` of a line stands, as wide and narrow columns before it counted apart. */
  const barsBySize = (l: string) => {
    const at: string[] = [];
    let wide = 0;
    let narrow = 0;
    for (const ch of l) {
      if (ch === '|') at.push(`${wide}w+${narrow}n`);
      const w = codePointWidth(ch.codePointAt(0)!);
      if (w === 2) wide++;
      else narrow += w;
    }
    return at;
  };

  test('aligned in any font: the bars of every data row of a table stand after as many wide and as many narrow columns (CJK glyphs need not be two Latin columns wide)', () => {
    const texts = [...examples.map((e) => e.text), newDraft({ office: '青禾县数据资源局', year: 2025, layout: 'pipes' }), ...seeds.map((x) => x.text)];
    let rowsSeen = 0;
    for (const text of texts) {
      const out = checkFormat(text);
      const lines = out.split('\n');
      for (const t of analyzeText(out).tables) {
        // Runs of data rows one after another (a block: table 二's items are blocks of their own).
        const groups = new Map<number, string[]>();
        let run = 0;
        for (const l of lines.slice(t.startLine, t.endLine + 1)) {
          if (!/\|\s*\d+\s*\|/.test(l)) {
            run++;
            continue;
          }
          groups.set(run, [...(groups.get(run) ?? []), l]);
        }
        for (const rows of groups.values()) {
          // The bars up to the last number (trailing debris is not aligned).
          const upTo = (l: string) => l.slice(0, l.search(/\d\s*\|[\s|]*$/) + 1) + ' |';
          const want = barsBySize(upTo(rows[0])).slice(-3);
          for (const r of rows) assert.deepEqual(barsBySize(upTo(r)).slice(-3), want, `${r}\nvs ${rows[0]}`);
          rowsSeen += rows.length;
        }
      }
    }
    assert.ok(rowsSeen > 50, `only ${rowsSeen} rows compared`);
  });

  test('numbers right-aligned; labels left-aligned; a heading over numbers padded with plain spaces; debris after the last cell not padded', () => {
    const text = ['二、主动公开政府信息情况', '第二十条第（一）项 | | | |', '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |', '规章 | 0 | 12 | 3 | | |', '行政规范性文件 | 125 | 2 | 4 |', '第二十条第（五）项 |'].join('\n');
    const out = applyEdits(text, formatTables(text)).split('\n');
    assert.equal(out[3], '规章\u3000\u3000\u3000\u3000\u3000 |            0 |           12 |            3 |  |  |');
    assert.equal(out[4], '行政规范性文件 |          125 |            2 |            4 |');
    assert.equal(out[2], '信息内容\u3000\u3000\u3000 | 本年制发件数 | 本年废止件数 | 现行有效件数 |');
    assert.equal(out[1], '第二十条第（一）项 |  |  |  |');
  });

  test('keeps the separators as written, a leading | and a trailing |, and a blank cell blank', () => {
    assert.deepEqual(readPipeRow('| 规章 | 0 |  | 3 |'), { lead: '|', cells: ['规章', '0', '', '3'], seps: ['|', '|', '|'], trail: '|' });
    assert.deepEqual(readPipeRow('规章｜0'), { lead: '', cells: ['规章', '0'], seps: ['｜'], trail: '' });
    assert.equal(readPipeRow('|||'), null);
    assert.equal(readPipeRow('|---|---|'), null);
    assert.equal(readPipeRow('a\tb | c'), null);
  });

  test('a Markdown table keeps its leading pipes and its rule line', () => {
    const draft = newDraft({ office: '青禾县数据资源局', year: 2025, layout: 'pipes' });
    const md = draft.replace(/^(第二十条第（一）项 \|\n)(信息内容.*\n)/m, '$1| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n').replace(/^规章[\u3000 ].*$/m, '| 规章 | 0 | 0 | 0 |');
    const out = checkFormat(md);
    assert.ok(out.includes('\n|---|---|---|---|\n'));
    assert.ok(out.split('\n').some((l) => /^\| 规章[\u3000 ]+\|/.test(l)));
  });
});

describe('convertTable', () => {
  for (const layout of LAYOUTS) test(`every table of the example, ${layout} layout, to tabs and to pipes and back`, () => checkConvert(buildReport(exampleData(), layout)));
  for (const e of examples) test(`examples/${e.name}`, () => checkConvert(e.text));
  for (const s of seeds) test(`seed ${s.name}`, () => checkConvert(s.text));

  test('generated reports (property)', () => {
    fc.assert(fc.property(reportArb, noiseArb, (x, n) => checkConvert(noisy(buildReport(data(x), x.layout), n))), { numRuns: 25 });
  });

  test('to tabs then to pipes gives the aligned ` | ` table; no table at the line: no edit', () => {
    const pipes = newDraft({ office: '青禾县数据资源局', year: 2025, layout: 'pipes' });
    const tabs = newDraft({ office: '青禾县数据资源局', year: 2025, layout: 'tabs' });
    let text = tabs;
    for (const t of analyzeText(tabs).tables) text = applyEdits(text, convertTable(text, t.startLine, 'pipes'));
    assert.equal(text, pipes);
    for (const t of analyzeText(pipes).tables) text = applyEdits(text, convertTable(text, t.endLine, 'tabs'));
    assert.equal(text, tabs);
    assert.deepEqual(convertTable(pipes, 0, 'tabs'), []);
  });
});

describe('display width', () => {
  test('CJK, full-width forms and CJK punctuation count 2; ASCII and “” count 1; combining marks 0', () => {
    assert.equal(displayWidth('规章'), 4);
    assert.equal(displayWidth('（一）'), 6);
    assert.equal(displayWidth('，。、：'), 8);
    assert.equal(displayWidth('１２'), 4);
    assert.equal(displayWidth('12 件'), 5);
    assert.equal(displayWidth('“三安全一稳定”'), 2 + 12);
    assert.equal(displayWidth('e\u0301'), 1);
    assert.equal(displayWidth('𠀀'), 2);
  });
  test('agrees with get-east-asian-width for every code point that takes space', () => {
    for (let cp = 0x20; cp <= 0x3ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const w = codePointWidth(cp);
      if (w === 0) continue;
      if (w !== eastAsianWidth(cp)) assert.fail(`U+${cp.toString(16)}: ${w} vs ${eastAsianWidth(cp)}`);
    }
  });
});
