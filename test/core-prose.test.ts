// Prose checks on composed text: each phrasing, each scope exclusion, number formats, and the
// enumeration cases. Marks in the prose: {{N}} a number the extractor must recognise and that agrees
// with the tables, [[N]] one it must recognise and flag; every unmarked number must not be a claim.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from '../server/src/core/index.js';
import { splitLines } from '../server/src/core/text.js';
import { claimReadings, enumerationLists, enumerationSums, extractClaims, outsideTables, proseTableMismatch, reportContext, defaultIsProse } from '../server/src/core/prose/index.js';
import { buildReport, exampleData } from './helpers/report.js';
import { WordMatcher, matcher } from '../server/src/core/prose/matcher.js';
import { valuesOf } from './helpers/keyed.js';

// The example office (a department, 2025): 本年新收 18 (自然人 12, 法人或其他组织 6), 上年结转 2,
// 予以公开 7, 部分公开 2, 不予公开 2, 无法提供 5, 不予处理 1, 其他处理 1, (七)总计 18, 结转 2;
// 规范性文件 3 / 1 / 12, 行政许可 156, 行政处罚 23, 行政强制 0; 复议 2 (维持 1, 尚未审结 1),
// 直接起诉 1 (纠正 1), 复议后起诉 0. Row （七）总计: 自然人 13, 法人或其他组织 5.
const BASE = buildReport(exampleData(), 'tab');

interface Marked { text: string; agree: { at: number; value: number }[]; flag: { at: number; value: number }[] }

function unmark(prose: string): Marked {
  const agree: Marked['agree'] = [];
  const flag: Marked['flag'] = [];
  let text = '';
  const re = /\{\{([^}]+)\}\}|\[\[([^\]]+)\]\]/g;
  let last = 0;
  for (const m of prose.matchAll(re)) {
    text += prose.slice(last, m.index);
    const inner = m[1] ?? m[2];
    (m[1] ? agree : flag).push({ at: text.length, value: Number(inner.replace(/,/g, '')) });
    text += inner;
    last = m.index! + m[0].length;
  }
  text += prose.slice(last);
  return { text, agree, flag };
}

/** The example report with `prose` as the paragraph under 一、总体情况 (line 3), and an optional title. */
function report(prose: string, title?: string): { text: string; line: number; m: Marked } {
  const m = unmark(prose);
  const lines = BASE.split('\n');
  lines[3] = m.text;
  if (title !== undefined) lines[0] = title;
  return { text: lines.join('\n'), line: 3, m };
}

function check(prose: string, title?: string) {
  const { text, line, m } = report(prose, title);
  const lines = splitLines(text);
  const claims = extractClaims(lines).filter((c) => c.line === line);
  const findings = proseTableMismatch(claims, valuesOf(analyzeText(text)), (keys) => keys.map((cell) => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, cell, message: { zh: cell, en: cell } })));
  const got = claims.map((c) => ({ at: c.start, value: c.value })).sort((a, b) => a.at - b.at);
  const want = [...m.agree, ...m.flag].sort((a, b) => a.at - b.at);
  assert.deepEqual(got, want, `claims in: ${m.text}`);
  assert.deepEqual(findings.map((f) => ({ at: f.range.start.character, value: f.actual })), m.flag, `findings in: ${m.text}`);
  return { claims, findings, text: m.text };
}

test('requests received: 共收到/受理/收办…申请 N 件, either 本年新收 or 本年新收 + 上年结转', () => {
  check('2025年，我局共收到政府信息公开申请{{18}}件。');
  check('2025年，我局共受理政府信息公开申请 {{20}} 件。'); // 18 + 2
  check('全年收办政府信息公开申请案件{{18}}件，均按时答复。');
  check('2025年度我局共收到依申请信息公开{{18}}件。');
  check('我局共承办依申请公开政府信息事项{{20}}件。');
  check('2025年，我局共受理政府信息公开申请[[75]]件。');
  check('本年新收政府信息公开申请[[20]]件。'); // 新收: only 本年新收 (18)
  check('本年新收政府信息公开申请{{18}}件。');
});

test('the finding: range on the prose number, cell, expected, actual, message in both languages, one fix', () => {
  const { findings, text } = check('2025年，我局共收到政府信息公开申请[[75]]件。');
  const f = findings[0];
  assert.equal(f.rule, 'prose-table-mismatch');
  assert.equal(f.severity, undefined, 'the registry gives it');
  assert.equal(f.cell, 't3.new.total');
  assert.deepEqual(f.related?.map((r) => r.cell), ['t3.new.total', 't3.carried.total']); // 20 is nearer 75 than 18
  assert.equal(f.expected, 20);
  assert.equal(f.actual, 75);
  assert.equal(text.slice(f.range.start.character, f.range.end.character), '75');
  assert.match(f.message.zh, /75.*本年新收.*上年结转.*20/);
  assert.match(f.message.zh, /18/); // the other reading is named too
  assert.match(f.message.en, /75.*20/);
  assert.equal(f.fix?.edits[0].newText, '20');
  assert.deepEqual(f.fix?.edits[0].range, f.range);
  assert.equal(f.fix?.changes, 'prose');
  const one = check('本年新收政府信息公开申请[[17]]件。').findings[0];
  assert.equal(one.cell, 't3.new.total');
  assert.equal(one.expected, 18);
  assert.equal(one.fix?.edits[0].newText, '18');
});

test('applicants: 其中自然人 N 件、法人或其他组织 N 件 after a figure of requests', () => {
  check('全年共受理政府信息公开申请{{18}}件，其中自然人申请{{12}}件，法人或其他组织申请{{6}}件。');
  check('全年共受理政府信息公开申请{{18}}件，其中自然人[[13]]件、法人或其他组织[[5]]件。');
  // Without a figure of requests before them in the sentence, 自然人 says nothing.
  check('自然人12件，法人或其他组织6件。');
  // The sentence that follows a total continues it: 其中… splits the figure the sentence before ended with.
  check('全年共受理政府信息公开申请{{18}}件。其中自然人[[13]]件，法人或其他组织[[5]]件。');
  check('全年共受理政府信息公开申请{{18}}件。其中，自然人申请{{12}}件，法人或其他组织申请{{6}}件。');
  // … but not across a sentence with no figure, nor after a figure of another kind.
  check('全年共受理政府信息公开申请{{18}}件。工作规范有序。其中自然人13件。');
  check('全年共发布信息120条。其中自然人13件。');
});

test('breakdowns: the parent is the figure the 其中 / （含…） splits, not the first figure of the sentence', () => {
  // 办结 N 件，其中自然人…: the applicants of the requests handled, row （七）总计 (自然人 13, 法人 5),
  // not those received (12, 6).
  check('全年共收到政府信息公开申请{{18}}件，办结{{18}}件，其中自然人{{13}}件，法人或其他组织{{5}}件。');
  check('全年共收到政府信息公开申请{{18}}件，办结{{18}}件，其中自然人[[12]]件，法人或其他组织[[6]]件。');
  check('全年共收到政府信息公开申请{{18}}件，办结{{18}}件，其中自然人[[11]]件。');
  // 办结 N 件（其中公开答复 a 件，无法提供 b 件）: 公开答复 is an outcome (予以公开, or with 部分公开), not a second 办结.
  check('全年共收到政府信息公开申请{{18}}件，办结{{18}}件（其中公开答复{{7}}件，无法提供{{5}}件）。');
  check('全年共收到政府信息公开申请{{18}}件，办结{{18}}件，其中公开答复{{9}}件，无法提供[[4]]件。');
  check('全年共收到政府信息公开申请{{18}}件，办结{{18}}件，其中公开答复[[10]]件。');
  // Outside a breakdown 依申请公开答复 N 件 is the requests handled, as before.
  check('全年依申请公开答复政府信息公开申请{{18}}件。');
  // A sentence about an outcome: its 答复 N 件 is that outcome's, never （七）总计.
  check('全年收到政府信息公开申请{{18}}件。对无法提供的申请，均已书面答复5件。');
  check('全年收到政府信息公开申请{{18}}件，因本机关不掌握等原因无法提供{{5}}件，已全部答复5件。');
  // 共收到 N 件，其中办结…: handled as a part of the requests received.
  check('全年共收到政府信息公开申请{{20}}件，其中已办结{{18}}件，结转下年度继续办理{{2}}件。');
  // A total is no part: 其中受理 N 件 after a figure of another kind is not table 三's.
  check('全年共收到各类来信来件300件，其中受理政府信息公开申请50件。');
  // Results split the 行政复议 / 行政诉讼 figure they follow, in the next sentence too.
  check('全年发生政府信息公开行政复议{{2}}件。其中，结果维持{{1}}件，尚未审结{{1}}件。');
  check('全年发生政府信息公开行政诉讼{{1}}件。其中结果纠正[[2]]件。');
  // A paragraph that opens with 其中 continues the one before.
  const text = report('全年共受理政府信息公开申请18件。').text.split('\n');
  text.splice(4, 0, '其中，自然人申请13件，法人或其他组织申请6件。');
  const lines = splitLines(text.join('\n'));
  const claims = extractClaims(lines).filter((c) => c.line === 4);
  assert.deepEqual(proseTableMismatch(claims, valuesOf(analyzeText(text.join('\n')))).map((f) => [f.actual, f.expected]), [[13, 12]]);
});

test('outcome lists: 从办理结果看 / 办理结果方面 … map to table 三 rows without 申请 on the line', () => {
  check('从办理结果看，予以公开{{7}}件，部分公开{{2}}件，不予公开{{2}}件，无法提供[[6]]件，不予处理{{1}}件，其他处理{{1}}件。');
  check('办理结果方面，予以公开[[8]]件，部分公开{{2}}件。');
  check('从答复类型看，同意公开{{7}}件，不予公开{{2}}件。');
  // Another body's requests split into others' outcomes.
  check('县教育局代表县政府受理政府信息公开申请40件。其中予以公开30件，不予公开10件。');
});

test('outcomes as group sums of the 总计 column; 办结, 上年结转, 结转下年度', () => {
  check('全年收到政府信息公开申请{{18}}件，其中予以公开{{7}}件、部分公开{{2}}件、不予公开{{2}}件、无法提供{{5}}件、不予处理{{1}}件、其他处理{{1}}件、结转下年度继续办理{{2}}件。');
  check('办结政府信息公开申请{{18}}件（含上年结转{{2}}件），其中予以公开及部分公开{{9}}件（50%），因本机关不掌握等原因无法提供[[6]]件，属信访等不予处理{{1}}件，作其他处理（含申请人主动撤回申请）{{1}}件，转下一年度办理答复的有{{2}}件。');
  check('全年收到政府信息公开申请{{18}}件，另有{{2}}件顺延到下年度答复，另有[[3]]件结转至下一年度办理。');
  check('另有2件顺延到下年度答复。'); // no word of requests before it on the line
  check('所有办结的信息公开申请中同意公开答复[[8]]件，不予公开答复{{2}}件，无法提供的{{5}}件。');
  // No word of requests before them on the line: 予以公开 may be anything.
  check('予以公开7件，部分公开3件。');
  // 办理 may mean handled or received: any of (七)总计 18, 本年新收 18, 18 + 2 agrees.
  check('全年共办理政府信息公开申请{{20}}件，其中予以公开{{7}}件。');
  check('全年共办理政府信息公开申请[[21]]件。');
  // 予以公开、部分公开 9 件: one number for two labels, not 部分公开 alone.
  check('全年收到政府信息公开申请{{18}}件，予以公开、部分公开共9件。');
  check('全年收到政府信息公开申请{{18}}件，属信访、重复申请等不予处理{{1}}件。');
});

test('table 二: 规章 / 行政规范性文件 by the nearest verb; 行政许可 / 行政处罚 / 行政强制', () => {
  check('全年制发行政规范性文件{{3}}件，废止规范性文件{{1}}件，现行有效规范性文件共{{12}}件。');
  check('全年主动公开规章{{0}}件、行政规范性文件[[4]]件。');
  check('全年共制发含《青禾县数据管理办法》等在内的{{3}}件行政规范性文件。');
  check('清理规范性文件30件，印发规范性文件{{3}}件。');
  check('对现行有效规范性文件开展清理，审查规范性文件9件。'); // 审查 is the nearest verb: no column
  check('全年作出行政许可决定{{156}}件、行政处罚[[22]]件、行政强制{{0}}件。');
  check('梳理行政许可事项35件。'); // 事项: items, not decisions
});

test('table 四: 行政复议 N 件、行政诉讼 N 件 (direct + after review) and their results', () => {
  check('全年发生政府信息公开行政复议{{2}}件，其中结果维持{{1}}件，尚未审结{{1}}件；政府信息公开行政诉讼{{1}}件，其中结果纠正{{1}}件。');
  check('涉及政府信息公开的行政复议[[3]]件，诉讼{{1}}件。');
  check('全年行政复议3件。'); // no word of disclosure in the clause
  check('围绕政府信息公开工作，全年发生行政复议10件，其中涉及信息公开的2件。');
  check('全市全年备案政府信息依申请公开领域行政复议案件134件，行政诉讼案件57件。');
});

test('number formats: spaces, full-width digits, thousands separators, 万; percentages and Chinese numerals are no claims', () => {
  check('全年收到政府信息公开申请 {{18}} 件。');
  const full = extractClaims(splitLines(report('全年收到政府信息公开申请１８件。').text)).filter((c) => c.line === 3);
  assert.deepEqual(full.map((c) => [c.value, c.text]), [[18, '１８']]);
  check('全年收到政府信息公开申请十八件。');
  check('全年收到政府信息公开申请占比18%。');
  check('全年收到政府信息公开申请18余件。');
  check('全年收到政府信息公开申请近18件。');
  check('全年收到政府信息公开申请18件次。');
  const big = extractClaims(['全年收到政府信息公开申请1,295件，予以公开1.2万件。']);
  assert.deepEqual(big.map((c) => [c.text, c.value, c.tolerance]), [['1,295', 1295, 0], ['1.2万', 12000, 500]]);
  const sep = proseTableMismatch(big.slice(0, 1), (k) => (k === 't3.new.total' ? 1296 : k === 't3.carried.total' ? 0 : null));
  assert.deepEqual(sep.map((f) => f.fix?.edits[0].newText), ['1,296']);
  assert.deepEqual(proseTableMismatch(big, (k) => (k === 't3.new.total' ? 1295 : k === 't3.carried.total' ? 0 : k === 't3.granted.total' ? 12345 : null)), []);
});

test('scope: another body, a wider area, another year, a change raise nothing', () => {
  check('2025年，区政府办代表区政府受理政府信息公开申请17件，其中予以公开9件。');
  check('全县共受理政府信息公开申请3000件，其中自然人2900件。'); // a department's report: 全县 is wider
  check('各部门共受理政府信息公开申请300件。');
  check('其中，县教育局受理政府信息公开申请5件。');
  check('2024年共受理政府信息公开申请30件，2025年共受理政府信息公开申请{{18}}件。');
  check('上年共受理政府信息公开申请30件。');
  check('全年收到政府信息公开申请{{18}}件，同比增长5件。');
  check('受理政府信息公开申请较上年增加6件。');
  check('县直部门共制发行政规范性文件40件。');
  check('县直部门发布信息3044条。我局共收到政府信息公开申请{{18}}件。'); // 我局 switches back
  check('全县共受理政府信息公开申请3000件。我局全年收到政府信息公开申请{{18}}件。');
});

test('scope: 全县 is the report’s own area when the report is that county’s people’s government', () => {
  const title = '青禾县人民政府2025年政府信息公开工作年度报告';
  check('2025年，全县共受理政府信息公开申请{{20}}件，其中自然人申请{{14}}件。', title);
  check('全市共受理政府信息公开申请3000件。', title);
  check('县政府共受理政府信息公开申请[[21]]件。', title);
  // The government's office is another body in the government's report …
  check('县政府办受理政府信息公开申请17件。', title);
  check('县政府办公室受理政府信息公开申请17件。', title);
  // … and the government is another body in a department's report.
  check('县政府共受理政府信息公开申请500件。');
  check('县政府办公室受理政府信息公开申请{{18}}件。', '青禾县人民政府办公室2025年政府信息公开工作年度报告');
  const lines = splitLines(report('x', title).text);
  assert.deepEqual(reportContext(lines, (i) => defaultIsProse(i, lines[i])), { office: '青禾县人民政府', year: 2025, kind: 'government', level: '县' });
});

test('a blank cell: the reading is unknown and nothing is said; the hover still shows the cell', () => {
  const claims = extractClaims(['2025年，我局共受理政府信息公开申请75件，结转下年度继续办理3件。'], { year: 2025 });
  const value = (k: string) => (k === 't3.new.total' ? 70 : k === 't3.carryOver.total' ? 3 : null);
  assert.deepEqual(proseTableMismatch(claims, value), []);
  const hover = claimReadings(claims, value);
  assert.deepEqual(hover.map((h) => h.agrees), [null, true]);
  assert.deepEqual(hover[1].readings.map((r) => [r.reading.keys, r.value]), [[['t3.carryOver.total'], 3]]);
  assert.match(hover[1].message.zh, /结转下年度继续办理.*3/);
  assert.match(hover[0].message.en, /blank/);
});

test('（六）其他处理 as one row (otherSingle) or as three rows: whichever the table has', () => {
  const claims = extractClaims(['全年收到政府信息公开申请10件，其他处理4件。'], { year: 2025 });
  const other = claims.filter((c) => c.phrasing === 'other-handling');
  const single = (k: string) => (k === 't3.otherSingle.total' ? 5 : null);
  assert.deepEqual(proseTableMismatch(other, single).map((f) => [f.cell, f.expected]), [['t3.otherSingle.total', 5]]);
  const three = (k: string) => ({ 't3.other1.total': 1, 't3.other2.total': 0, 't3.other3.total': 3 } as Record<string, number>)[k] ?? null;
  assert.deepEqual(proseTableMismatch(other, three), []);
});

test('table rows are not prose; outsideTables also leaves out the lines of recognised tables', () => {
  const text = report('全年收到政府信息公开申请18件。').text;
  const a = analyzeText(text);
  const lines = splitLines(text);
  assert.equal(extractClaims(lines, { isProse: outsideTables(a.tables) }).length, 1);
  assert.equal(extractClaims(lines, { isProse: outsideTables([{ startLine: 0, endLine: 10 }]) }).length, 0);
  assert.deepEqual(extractClaims(['收到政府信息公开申请\t18件', '收到政府信息公开申请 | 18件 |', '收到政府信息公开申请18件 |']), []);
  assert.deepEqual(extractClaims(['收到政府信息公开申请18件'], { isProse: () => false }), []);
});

test('the word matcher: longest word first at each position, no overlap, one matcher per list', () => {
  const m = new WordMatcher(['上年', '上年度', '年度', '去年', '']);
  const s = '较上年度增加，上年结转，去年度';
  assert.deepEqual(m.all(s), [{ at: 1, word: '上年度' }, { at: 7, word: '上年' }, { at: 12, word: '去年' }]);
  assert.equal(m.at(s, 1), '上年度');
  assert.equal(m.at(s, 0), null);
  assert.ok(m.test(s, 7, 9) && !m.test(s, 7, 8));
  assert.equal(m.endingAt(s, 4), '上年度'); // of the words ending at 4, the longest
  assert.equal(m.endingAt(s, 4, 2), '年度'); // not starting before `from`
  const list = ['其中', '分别为'];
  assert.equal(matcher(list), matcher(list)); // built once, kept with its list
});

// ---------------------------------------------------------------------------------------------
// enumeration-sum

const enumOf = (s: string) => enumerationSums([s]);

test('enumeration-sum: parts that do not add up, anchored on the total, fix writes the sum', () => {
  const s = '全年共发布信息120条，其中政策文件30条、工作动态80条、通知公告20条。';
  const f = enumOf(s);
  assert.equal(f.length, 1);
  assert.equal(f[0].rule, 'enumeration-sum');
  assert.equal(f[0].severity, undefined, 'the registry gives it');
  assert.equal(s.slice(f[0].range.start.character, f[0].range.end.character), '120');
  assert.deepEqual([f[0].expected, f[0].actual, f[0].fix?.edits[0].newText], [130, 120, '130']);
  assert.match(f[0].message.zh, /120.*130/);
  assert.match(f[0].message.en, /120.*130/);
  assert.deepEqual(enumOf('全年共发布信息130条，其中政策文件30条、工作动态80条、通知公告20条。'), []);
  assert.deepEqual(enumOf('全年共审核发布各类信息49条，其中：发布政策解读9条；机构信息7条；重点工作33条。'), []);
  assert.equal(enumOf('全年共审核发布各类信息48条，其中：发布政策解读9条；机构信息7条；重点工作33条。').length, 1);
  // A parenthesised breakdown right after the total.
  assert.deepEqual(enumOf('共收办申请案件100件（市政府40件、各部门60件），同比增长5%。'), []);
  assert.equal(enumOf('共收办申请案件100件（市政府40件、各部门70件）。')[0]?.expected, 110);
});

test('enumeration-sum: a shortfall raises only in a list that names every part', () => {
  assert.deepEqual(enumOf('共发布信息500条，其中政策文件50条、政策解读30条。'), []); // a selection
  assert.equal(enumOf('共办理建议10件，分别为人大代表建议4件、政协提案5件。')[0]?.expected, 9);
  assert.equal(enumOf('共发布信息100条，其中政策文件50条、其他信息30条。')[0]?.expected, 80);
  assert.deepEqual(enumOf('共发布信息100条，其中包括政策文件50条、其他信息30条。'), []);
});

test('enumeration-sum: subsets, nested lists, other units, estimates and second breakdowns', () => {
  assert.deepEqual(enumOf('共编发文章1640篇，其中原创文章294篇。'), []); // one part: a subset
  assert.deepEqual(enumOf('共受理申请100件，其中自然人60件，其中线上40件；法人40件。'), []); // nested 其中
  assert.deepEqual(enumOf('共编发文章1640篇，其中原创文章294篇，关注人数达1016823人。'), []); // other unit ends the list
  assert.deepEqual(enumOf('共发布信息100条，其中政策文件50余条、工作动态60条。'), []); // an estimate
  assert.deepEqual(enumOf('共向社会主动公开政府信息18万余条，其中政策文件10条、动态20条。'), []); // the total is an estimate
  // 其中自然人…，法人…；予以公开…: the first breakdown reaches the total, the second is another one.
  assert.deepEqual(enumOf('共收办申请案件100件，其中，自然人申请90件，法人或其他组织申请10件；予以公开60件、部分公开30件、不予公开10件。'), []);
  // A change or a new total after the parts ends the list.
  assert.deepEqual(enumOf('共发布信息100条，其中政策文件60条、工作动态40条，较去年增加20条。'), []);
  assert.deepEqual(enumOf('共受理申请100件，其中自然人90件、法人10件，均已办结100件。'), []);
  assert.deepEqual(enumOf('年度涌现爆款内容52条，其中1条播放量破亿、2条破千万、49条破百万。'), []); // no 共: not checked
  assert.deepEqual(enumOf('全市共受理申请3119件，答复3050件（含上年度结转申请34件，另有103件顺延）。'), []);
});

test('enumeration-sum: parts that end in a catch-all (其他 N 条) need no 共; a share is never a part', () => {
  assert.equal(enumOf('全年发布信息120条，其中政策文件30条、工作动态80条、其他信息20条。')[0]?.expected, 130);
  assert.equal(enumOf('全年发布信息120条，分别为政策文件30条、工作动态70条、其余10条。')[0]?.expected, 110);
  assert.deepEqual(enumOf('全年发布信息120条，其中政策文件30条、工作动态70条、其他信息20条。'), []);
  assert.deepEqual(enumerationLists(['全年发布信息120条，其中政策文件30条、工作动态70条、其他信息20条。']).map((l) => [l.total, l.sum]), [[120, 120]]);
  // Without 共 and without a catch-all, a figure followed by 其中 may be a selection: not checked.
  assert.deepEqual(enumOf('全年发布信息120条，其中政策文件30条、工作动态80条。'), []);
  // 另有 N 件 is an addition, not a catch-all part: 答复 N 件（含…，另有…） is no list.
  assert.deepEqual(enumOf('全市受理申请3119件，答复3050件（含上年度结转申请34件，另有103件顺延到下年度答复）。'), []);
  // A share: 的有 45 项，占比 78.9% is a subset of the total, not one more part.
  assert.deepEqual(enumOf('全年共公开信息57项，其中政策文件20项，涉及民生领域的有45项，占比78.9%。'), []);
  assert.deepEqual(enumOf('全年共办理建议提案57件，其中人大代表建议30件、政协提案27件，满意和基本满意的有45件，占比78.9%。'), []);
  assert.deepEqual(enumOf('全年共公开信息57项，其中政策文件20项，涉及民生的45项，占比78.9%。'), []);
  assert.equal(enumOf('全年共公开信息57项，其中政策文件20项、工作动态45项，占比78.9%。')[0]?.expected, 65); // 工作动态 is a part
});

test('enumeration-sum: a category named twice is information, related to the first', () => {
  const s = '主动公开信息共计10条，其中规划计划1条、工作动态7条、规划计划2条。';
  const f = enumOf(s);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'information');
  assert.equal(s.slice(f[0].range.start.character, f[0].range.end.character), '规划计划');
  assert.equal(f[0].range.start.character, s.lastIndexOf('规划计划'));
  assert.equal(f[0].related?.[0].range.start.character, s.indexOf('规划计划'));
  assert.match(f[0].message.zh, /规划计划/);
  const lists = enumerationLists([s]);
  assert.deepEqual(lists.map((l) => [l.total, l.sum, l.parts.length]), [[10, 10, 3]]);
});

test('random prose built from the phrasings’ own words: no throw, every claim covers its number', () => {
  const labels = ['共受理政府信息公开申请', '收到政府信息公开申请', '其中自然人', '法人或其他组织申请', '予以公开', '部分公开', '不予公开', '无法提供', '含上年结转', '结转下年度继续办理',
    '办结', '政府信息公开行政复议', '政府信息公开行政诉讼', '其中结果维持', '尚未审结', '制发行政规范性文件', '现行有效规章', '行政许可', '其中政策文件', '共发布信息'];
  const noise = ['', '', '', '代表', '全县', '我局', '2024年', '2025年', '同比', '县教育局', '（', '）', '各部门', '上年', '本年', '约', ' '];
  const numbers = ['18', '1,295', '1.2万', '７', '0', '3', '20', '2'];
  const units = ['件', '件', '条', '%', '余件', '件次'];
  const seps = ['，', '、', '；', '。', '', '|', '\t'];
  let seed = 12345;
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return Math.floor(seed / 65536) % n; };
  const pick = <T,>(xs: T[]) => xs[rnd(xs.length)];
  let seen = 0;
  for (let k = 0; k < 400; k++) {
    const lines = Array.from({ length: 1 + rnd(3) }, () => Array.from({ length: 1 + rnd(8) }, () => pick(noise) + pick(labels) + pick(numbers) + pick(units) + pick(seps)).join(''));
    const claims = extractClaims(lines, { year: 2025 });
    seen += claims.length;
    for (const c of claims) {
      assert.equal(lines[c.line].slice(c.start, c.end), c.text);
      assert.ok(/^[\d０-９]/.test(c.text) && c.end > c.start);
    }
    const value = (key: string) => (key.length % 7);
    for (const f of proseTableMismatch(claims, value)) assert.equal(f.fix?.edits[0].newText, String(f.expected));
    for (const f of enumerationSums(lines)) assert.ok(f.range.end.character <= lines[f.range.start.line].length);
  }
  assert.ok(seen > 40, `only ${seen} claims in the random prose`);
});
