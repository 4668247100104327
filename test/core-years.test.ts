// Last year's report against this year's: carryover-mismatch (table 三, per column),
// valid-count-chain (table 二 item 一, per row) and prose-repeated, on composed report pairs and
// on the published pairs of ../shared (洪泽区 2023/2024, 宿迁市 2023/2024).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText, crossCheck, type Range } from '../server/src/core/index.ts';
import {
  carryoverMismatch, compareYears, findPrevious, proseLines, sideFromCells, proseRepeated, reportIdentity, sentenceKey, validCountChain, type Finding, type YearSide,
} from '../server/src/core/years/index.ts';
import { withSeverity } from '../server/src/core/rules/registry.ts';
import { cellsByKey } from './helpers/keyed.ts';
import { LAYOUTS, T3, buildReport, completeT3, exampleData, type Layout, type ReportData } from './helpers/report.ts';
import { SKIP_SHARED, sharedFiles } from './helpers/shared.ts';

const split = (text: string) => text.split(/\r\n|\r|\n/);

/** One report as the cross-year rules take it: getters over the analysis's cells by key. */
const sideOf = (path: string, text: string): YearSide => sideFromCells(path, reportIdentity(split(text), path).year, cellsByKey(analyzeText(text)));
const at = (text: string, r: Range) => split(text)[r.start.line].slice(r.start.character, r.end.character);
const lineOf = (text: string, r: Range) => split(text)[r.start.line];

/** Last year's report (2024) and this year's (2025) of the example office. */
function pair(edit: (cur: ReportData, prev: ReportData) => void = () => {}) {
  const prev = { ...exampleData(), year: 2024 };
  const cur = exampleData();
  // This year's 上年结转 is last year's 结转 (1, 1, 0, 0, 0, 0 | 2) unless a test says otherwise.
  cur.t3 = cur.t3.map((r) => [...r]);
  cur.t3[T3.carried] = prev.t3[T3.carryOver].slice(0, 7);
  cur.t2 = [...cur.t2];
  cur.t2[3] = 4; // 行政规范性文件: issued 4, repealed 1, valid 12 + 4 − 1 = 15
  cur.t2[5] = 15;
  edit(cur, prev);
  return { cur, prev };
}
/** Keeps table 三 consistent after an edit of its inputs (so only the rule under test fires). */
const recomplete = (d: ReportData) => { d.t3 = completeT3(d.t3.map((r) => r.slice(0, 6) as number[])); };

describe('carryover-mismatch', () => {
  test('a consistent pair raises nothing', () => {
    const { cur, prev } = pair();
    assert.deepEqual(carryoverMismatch(sideOf('2025.txt', buildReport(cur, 'pipe')), sideOf('2024.txt', buildReport(prev, 'pipe'))), []);
  });
  for (const layout of LAYOUTS) {
    test(`per column, at this year's cell, related to last year's (${layout})`, () => {
      const { cur, prev } = pair((c) => {
        c.t3[T3.carried] = [2, 1, 0, 0, 0, 0];
        c.t3[T3.new] = [11, 3, 0, 1, 2, 0]; // keeps this year's balance: only the carry-over is off
        recomplete(c);
      });
      const curText = buildReport(cur, layout as Layout);
      const prevText = buildReport(prev, layout as Layout);
      const f = carryoverMismatch(sideOf('2025.txt', curText), sideOf('dir/2024.txt', prevText)).map(withSeverity);
      assert.deepEqual(f.map((x) => [x.rule, x.severity, x.cell, x.expected, x.actual]), [
        ['carryover-mismatch', 'warning', 't3.carried.natural', 1, 2],
        ['carryover-mismatch', 'warning', 't3.carried.total', 2, 3],
      ]);
      const [d] = f;
      assert.equal(at(curText, d.range), '2');
      assert.match(lineOf(curText, d.range), layout === 'cell-per-line' ? /^2 \|$/ : /二、上年结转/);
      assert.equal(d.related!.length, 1);
      const r = d.related![0];
      assert.equal(r.path, 'dir/2024.txt');
      assert.equal(r.cell, 't3.carryOver.natural');
      assert.equal(at(prevText, r.range), '1');
      if (layout !== 'cell-per-line') assert.match(lineOf(prevText, r.range), /四、结转下年度继续办理/);
      assert.equal(d.message.zh, '二、上年结转（自然人）为 2，上年报告（2024.txt）的四、结转下年度继续办理（自然人）为 1');
      assert.match(d.message.en, /carried over 1/);
      assert.equal((d as Finding & { fix?: unknown }).fix, undefined, 'no fix: both cells are inputs');
    });
  }
  test('every column that differs, the total among them', () => {
    const { cur, prev } = pair((c) => { c.t3[T3.carried] = [1, 3, 0, 0, 0, 0]; recomplete(c); });
    const f = carryoverMismatch(sideOf('2025.txt', buildReport(cur, 'tab')), sideOf('2024.txt', buildReport(prev, 'tab')));
    assert.deepEqual(f.map((x) => [x.cell, x.expected, x.actual]), [['t3.carried.commercial', 1, 3], ['t3.carried.total', 2, 4]]);
  });
  test('a blank cell on either side is no alarm', () => {
    const { cur, prev } = pair((c, p) => { c.t3[T3.carried][0] = ''; p.t3[T3.carryOver][1] = ''; c.t3[T3.carried][1] = 5; });
    assert.deepEqual(carryoverMismatch(sideOf('2025.txt', buildReport(cur, 'pipe')), sideOf('2024.txt', buildReport(prev, 'pipe'))), []);
  });
  test('years that are not consecutive: nothing', () => {
    const { cur, prev } = pair((c) => { c.t3[T3.carried] = [5, 5, 5, 5, 5, 5]; recomplete(c); });
    prev.year = 2023;
    assert.deepEqual(carryoverMismatch(sideOf('2025.txt', buildReport(cur, 'pipe')), sideOf('2023.txt', buildReport(prev, 'pipe'))), []);
  });
});

describe('valid-count-chain', () => {
  test('a chain that holds raises nothing', () => {
    const { cur, prev } = pair();
    assert.deepEqual(validCountChain(sideOf('2025.txt', buildReport(cur, 'pipe')), sideOf('2024.txt', buildReport(prev, 'pipe'))), []);
  });
  test('现行有效 ≠ last year + issued − repealed: information at this year’s cell', () => {
    const { cur, prev } = pair((c) => { c.t2[5] = 16; c.t2[0] = 1; });
    const curText = buildReport(cur, 'pipe');
    const prevText = buildReport(prev, 'pipe');
    const f = validCountChain(sideOf('2025.txt', curText), sideOf('2024.txt', prevText)).map(withSeverity);
    // 规章: 0 + 1 − 0 = 1 but valid 0; 行政规范性文件: 12 + 4 − 1 = 15 but valid 16.
    assert.deepEqual(f.map((x) => [x.rule, x.severity, x.cell, x.expected, x.actual]), [
      ['valid-count-chain', 'information', 't2.rules.valid', 1, 0],
      ['valid-count-chain', 'information', 't2.normative.valid', 15, 16],
    ]);
    const d = f[1];
    assert.equal(at(curText, d.range), '16');
    assert.match(lineOf(curText, d.range), /^行政规范性文件 \| 4 \| 1 \| 16 \|$/);
    assert.deepEqual(d.related!.map((r) => [r.path, r.cell, at(prevText, r.range)]), [['2024.txt', 't2.normative.valid', '12']]);
    assert.match(d.message.zh, /行政规范性文件现行有效件数为 16，按上年现行有效 12 \+ 本年制发 4 − 本年废止 1 应为 15/);
    assert.match(d.message.en, /last year’s 12 \+ issued 4 − repealed 1 = 15/);
  });
});

// ---------------------------------------------------------------------------------------------

const OLD = [
  '本局坚持把政务公开作为推进法治政府建设的重要抓手，统筹推进主动公开、依申请公开和政府信息管理工作。',
  '全年通过门户网站集中发布机构职能、政策文件、财政资金、公共服务等各类政府信息。',
  '严格落实政府信息公开保密审查制度，坚持先审查后公开、一事一审，全年未发生泄密事件。',
  '进一步畅通依申请公开受理渠道，规范登记、审核、答复、归档等各个环节，确保依法依规按时答复。',
  '持续加强政府网站和政务新媒体的日常监管，定期开展内容检查，及时整改错别字和失效链接。',
  '把政务公开工作纳入年度绩效考核，组织业务培训两次，工作人员的业务能力进一步提升。',
];
const NEW = [
  '围绕优化营商环境，新增涉企政策专栏，集中发布惠企政策清单和申报指南，方便企业查询。',
  '组织开展政府开放日活动，邀请群众代表走进机关，面对面听取意见建议并现场答复。',
];

/** The composed report with paragraphs added after the 一、总体情况 heading. */
function withProse(d: ReportData, paragraphs: string[]): string {
  const L = split(buildReport(d, 'pipe'));
  const i = L.indexOf('一、总体情况');
  L.splice(i + 1, 0, ...paragraphs);
  return L.join('\n');
}
const prose = (text: string) => {
  const a = analyzeText(text);
  return proseLines(split(text), a);
};

describe('prose-repeated', () => {
  const prev = { ...exampleData(), year: 2024 };
  const cur = exampleData();
  const prevText = withProse(prev, [OLD.slice(0, 3).join(''), ...OLD.slice(3)]);

  test('more than half of the sentences repeated: the share and the longest passages', () => {
    // This year: the first three old sentences as one paragraph, two new ones, three more old ones.
    const curText = withProse(cur, [OLD.slice(0, 3).join(''), NEW[0], NEW[1], OLD[3], OLD[4], OLD[5]]);
    const f = proseRepeated(prose(curText), prose(prevText), { previousPath: '2024.txt' }).map(withSeverity);
    assert.equal(f.length, 1);
    const [d] = f;
    assert.equal(d.rule, 'prose-repeated');
    assert.equal(d.severity, 'information');
    // Counted: the six old, the two new, and three of the template's sentences (one of which,
    // 下一步将加强业务培训…, has no year and repeats); the fee statement is boilerplate.
    assert.deepEqual([d.details!.repeated, d.details!.counted], [7, 11]);
    assert.equal(d.details!.share, 7 / 11);
    const [p1, p2] = d.details!.passages;
    assert.equal(p1.text, OLD.slice(0, 3).join(''));
    const curLines = split(curText);
    const firstLine = curLines.indexOf(OLD.slice(0, 3).join(''));
    assert.deepEqual(p1.range, { start: { line: firstLine, character: 0 }, end: { line: firstLine, character: OLD.slice(0, 3).join('').length } });
    assert.deepEqual(p1.previousRange, { start: { line: firstLine, character: 0 }, end: { line: firstLine, character: OLD.slice(0, 3).join('').length } });
    assert.equal(p2.text, OLD[3] + OLD[4] + OLD[5]);
    assert.equal(p2.range.start.line, firstLine + 3);
    assert.equal(p2.range.end.line, firstLine + 5);
    assert.deepEqual(d.range, p1.range, 'default anchor: the longest passage');
    // Last year's text has the same first paragraph, then OLD[3..5] one per line.
    const prevLines = split(prevText);
    assert.deepEqual(d.related!.map((r) => [r.path, r.range.start.line]), [['2024.txt', firstLine], ['2024.txt', firstLine + 1], ['2024.txt', prevLines.findIndex((l) => l.startsWith('2024年，青禾县数据资源局政府信息公开工作取得'))]]);
    assert.deepEqual(p2.previousRange, { start: { line: firstLine + 1, character: 0 }, end: { line: firstLine + 3, character: OLD[5].length } });
    assert.match(d.message.zh, /^本年度报告正文有 64%（7\/11 句）与上年报告逐字相同；最长的重复段落：“本局坚持把政务公开/);
    assert.match(d.message.en, /^64 % of this year’s prose sentences \(7 of 11\)/);
  });

  test('the anchor and the threshold are the caller’s', () => {
    const curText = withProse(cur, [OLD.slice(0, 3).join(''), NEW[0], NEW[1], OLD[3], OLD[4], OLD[5]]);
    const title = reportIdentity(split(curText)).titleRange!;
    const [d] = proseRepeated(prose(curText), prose(prevText), { anchor: title });
    assert.deepEqual(d.range, title);
    assert.equal(d.related, undefined, 'no path given, no related');
    assert.deepEqual(proseRepeated(prose(curText), prose(prevText), { threshold: 0.7 }), []);
    assert.deepEqual(proseRepeated(prose(curText), prose(prevText), 0.7), []);
    assert.equal(proseRepeated(prose(curText), prose(prevText), 0.6).length, 1);
  });

  test('half or less: nothing', () => {
    const curText = withProse(cur, [OLD[0], OLD[1], NEW[0], NEW[1]]);
    // 3 repeated of 7 counted.
    assert.deepEqual(proseRepeated(prose(curText), prose(prevText)), []);
    assert.equal(proseRepeated(prose(curText), prose(prevText), { threshold: 0.4 })[0].details!.share, 3 / 7);
  });

  test('white space and full-width ASCII do not hide a copy; a changed year does', () => {
    assert.equal(sentenceKey(' 全年办理ＡＢ类申请 1２ 件。'), '全年办理AB类申请12件');
    const spaced = OLD.map((s) => s.replace('，', ' ， ').replace('、', ' 、'));
    const curText = withProse(cur, spaced);
    assert.equal(proseRepeated(prose(curText), prose(prevText))[0].details!.repeated, 7);
    const dated = OLD.map((s) => '2025年，' + s);
    assert.deepEqual(proseRepeated(prose(withProse(cur, dated)), prose(prevText), { threshold: 0 })[0].details!.repeated, 1);
  });

  test('short sentences, topic headings and boilerplate do not count', () => {
    const lines = [
      '（一）主动公开情况。无。',
      '一是加强培训。',
      '本报告所列数据的统计期限为2025年1月1日至2025年12月31日。',
      '本年度报告的电子版可在青禾县人民政府门户网站下载。',
      '如对本报告有任何疑问，请与青禾县数据资源局办公室联系。',
      '本机关全年未收取任何政府信息公开信息处理费。',
    ];
    // All repeated word for word, none counted: fewer than five counted sentences, no finding.
    assert.deepEqual(proseRepeated(lines, lines, { threshold: 0, minSentences: 1 }), []);
  });

  test('too little prose to judge: nothing', () => {
    assert.deepEqual(proseRepeated(OLD.slice(0, 4), OLD.slice(0, 4)), []);
    assert.equal(proseRepeated(OLD.slice(0, 5), OLD.slice(0, 5))[0].details!.share, 1);
  });
});

describe('compareYears: the three rules on one pair', () => {
  test('carry-over, chain and prose findings together, prose-repeated at the given anchor', () => {
    const { cur, prev } = pair((c) => { c.t3[T3.carried] = [1, 2, 0, 0, 0, 0]; c.t2[5] = 14; recomplete(c); });
    const curText = withProse(cur, OLD);
    const prevText = withProse(prev, OLD);
    const report = (path: string, text: string) => ({ ...sideOf(path, text), prose: prose(text), anchor: reportIdentity(split(text)).titleRange ?? undefined });
    const f = compareYears(report('2025.txt', curText), report('2024.txt', prevText));
    assert.deepEqual(f.map((x) => [x.rule, x.cell ?? null, x.range.start.line]), [
      ['carryover-mismatch', 't3.carried.commercial', split(curText).findIndex((l) => l.startsWith('二、上年结转'))],
      ['carryover-mismatch', 't3.carried.total', split(curText).findIndex((l) => l.startsWith('二、上年结转'))],
      ['valid-count-chain', 't2.normative.valid', split(curText).findIndex((l) => l.startsWith('行政规范性文件'))],
      ['prose-repeated', null, 0],
    ]);
    assert.ok(f.every((x) => x.related?.every((r) => r.path === '2024.txt')));
    assert.deepEqual(compareYears(report('2025.txt', curText), report('2024.txt', prevText), { proseThreshold: 0.9 }).map((x) => x.rule).includes('prose-repeated'), false);
  });
});

// ---------------------------------------------------------------------------------------------

describe('the published pairs', { skip: SKIP_SHARED }, () => {
  const real = sharedFiles('real');
  const file = (n: string) => real.find((f) => f.name.startsWith(n))!;
  const run = (curName: string, prevName: string) => {
    const c = file(curName);
    const p = file(prevName);
    const cs = sideOf(c.name, c.text);
    const ps = sideOf(p.name, p.text);
    return {
      cs, ps,
      carry: carryoverMismatch(cs, ps),
      chain: validCountChain(cs, ps),
      prose: proseRepeated(prose(c.text), prose(p.text), { threshold: 0 })[0]?.details,
    };
  };
  test('they pair without flags', () => {
    const reports = ['r01', 'r02', 'r04', 'r05'].map((n) => ({ path: file(n).name, ...reportIdentity(split(file(n).text), file(n).name) }));
    assert.deepEqual(findPrevious(reports).map((p) => p.previous), [null, 'r01_hongze_2023.txt', null, 'r04_suqian_2023.txt']);
  });
  test('洪泽区 2024 against 2023: carry-over 0 = 0 in every column, 行政规范性文件 5 + 3 − 0 = 8, 规章 0; 3 of 17 sentences repeated', () => {
    const r = run('r02', 'r01');
    assert.deepEqual([r.cs.value('t3.carried.total'), r.ps.value('t3.carryOver.total')], [0, 0]);
    assert.deepEqual(['valid', 'issued', 'repealed'].map((c) => r.cs.value(`t2.normative.${c}`)), [8, 3, 0]);
    assert.equal(r.ps.value('t2.normative.valid'), 5);
    assert.deepEqual(r.carry, []);
    assert.deepEqual(r.chain, []);
    // The sentences both years share: the 主动公开 channel sentence, and two more that a
    // district's report keeps from year to year; far below half.
    assert.deepEqual([r.prose!.repeated, r.prose!.counted], [1, 15]);
    assert.match(r.prose!.passages[0].text, /^主要通过政府门户网站主动公开政府文件/);
  });
  test('宿迁市 2024 against 2023: carry-over 118/3/0/0/0/0/121 both years, the chains hold (11 + 2 − 1 = 12; 597 + 50 − 227 = 420), 1 of 50 sentences repeated', () => {
    const r = run('r05', 'r04');
    for (const c of ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total']) assert.equal(r.cs.value(`t3.carried.${c}`), r.ps.value(`t3.carryOver.${c}`), c);
    assert.equal(r.cs.value('t3.carried.total'), 121);
    assert.deepEqual([r.ps.value('t2.rules.valid'), r.cs.value('t2.rules.issued'), r.cs.value('t2.rules.repealed'), r.cs.value('t2.rules.valid')], [11, 2, 1, 12]);
    assert.deepEqual([r.ps.value('t2.normative.valid'), r.cs.value('t2.normative.issued'), r.cs.value('t2.normative.repealed'), r.cs.value('t2.normative.valid')], [597, 50, 227, 420]);
    assert.deepEqual(r.carry, []);
    assert.deepEqual(r.chain, []);
    assert.deepEqual([r.prose!.repeated, r.prose!.counted], [1, 50]);
    assert.equal(r.prose!.passages[0].text, '针对上述问题，我市及时进行了针对性的改进。');
  });
  test('through the registry (analyzeText + crossCheck): neither pair raises anything', () => {
    for (const [c, p] of [['r02', 'r01'], ['r05', 'r04']]) {
      const cur = file(c);
      const prev = file(p);
      const found = crossCheck(analyzeText(cur.text, { name: cur.name }), split(cur.text), { analysis: analyzeText(prev.text, { name: prev.name }), lines: split(prev.text), source: prev.name });
      assert.deepEqual(found, [], `${c} against ${p}`);
    }
  });
  test('at the default threshold neither pair raises prose-repeated', () => {
    for (const [c, p] of [['r02', 'r01'], ['r05', 'r04']]) assert.deepEqual(proseRepeated(prose(file(c).text), prose(file(p).text)), []);
  });
  test('a mismatch where a pair would show one: r03 (淮安市 2024) carries 34 while r02 (洪泽区 2024) is no 2023 report', () => {
    // Not a pair (other office, same year): the rules are only called on paired reports, and
    // with both years known they refuse a pair that is not consecutive.
    const c = file('r03');
    const p = file('r02');
    assert.deepEqual(carryoverMismatch(sideOf(c.name, c.text), sideOf(p.name, p.text)), []);
  });
});

describe('never throws on odd input', () => {
  let seed = 11;
  const rand = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const PIECES = ['。', '！', '？', ' ', '本局坚持公开为常态不公开为例外原则全面推进', '统计期限', '处理费', '（一）', '', '\t', 'abc'];
  test('proseRepeated and the cross-year rules on random prose and sparse sides', () => {
    for (let i = 0; i < 200; i++) {
      const make = () => Array.from({ length: rand(12) }, () => Array.from({ length: rand(8) }, () => PIECES[rand(PIECES.length)]).join(''));
      const a = make();
      const b = rand(2) ? a : make();
      for (const f of proseRepeated(a, b, { threshold: rand(3) - 1, minSentences: rand(3), previousPath: 'p' })) {
        assert.ok(f.details!.share > 0 && f.details!.passages.length > 0);
      }
      const sparse = (path: string): YearSide => ({
        path, year: rand(3) ? 2024 + rand(2) : null,
        value: () => (rand(3) ? rand(5) : null),
        cellRange: () => (rand(4) ? { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } : null),
      });
      for (const f of [...carryoverMismatch(sparse('c'), sparse('p')), ...validCountChain(sparse('c'), sparse('p'))]) {
        assert.notEqual(f.expected, f.actual);
        assert.equal(f.related![0].path, 'p');
      }
    }
  });
});
