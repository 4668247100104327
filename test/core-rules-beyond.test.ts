// The rules beyond the arithmetic through the registry (analyzeText, and crossCheck for the
// cross-year ones), on composed reports: anchor, cell, expected, related, fix; the prose fixes are
// quick fixes only (never in recompute / --fix); the report's identity on the analysis; and the
// seeds and published reports through the registry raise only the true finding (seed 002's
// repeated category) — the published pairs r01→r02 and r04→r05 raise nothing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RULE_BY_ID, analyzeText, claimAt, crossCheck, recompute, type Analysis, type Diagnostic, type Range } from '../server/src/core/index.ts';
import { claimReadings, extractClaims } from '../server/src/core/prose/index.ts';
import { composeReport, exampleReport, type KeyedReport } from './helpers/compose.mjs';
import { valuesOf } from './helpers/keyed.ts';
import { SKIP_SHARED, sharedFiles } from './helpers/shared.ts';

const split = (text: string) => text.split(/\r\n|\r|\n/);
const at = (text: string, r: Range) => split(text)[r.start.line].slice(r.start.character, r.end.character);
const example = exampleReport();
const clean = composeReport(example);
const report = (edit: Partial<KeyedReport> & { cells?: Record<string, number | string> } = {}, year = example.year) =>
  composeReport({ ...example, ...edit, year, cells: { ...example.cells, ...(edit.cells ?? {}) } }).replaceAll(String(example.year), String(year));
const inProse = (text: string, sentences: string) => text.replace('不断提升政务公开质量。', `不断提升政务公开质量。${sentences}`);
const of = (a: Analysis | Diagnostic[], rule: string) => ('diagnostics' in a ? a.diagnostics : a).filter((d) => d.rule === rule);
const previous = (text: string, source = '2024.txt') => ({ analysis: analyzeText(text, { name: source }), lines: split(text), source });
const cross = (now: string, last: string, options = {}) => crossCheck(analyzeText(now), split(now), previous(last), options);

test('the composed report raises none of the new rules, alone or against a consistent last year', () => {
  assert.deepEqual(analyzeText(clean).diagnostics, []);
  const last = report({ cells: { 't3.carryOver.natural': 2, 't3.carryOver.commercial': 0, 't2.normative.valid': 10 } }, 2024);
  assert.deepEqual(cross(clean, last), []);
});

describe('prose-table-mismatch', () => {
  const text = inProse(clean, '本年新收政府信息公开申请25件，上年结转2件。');
  const d = of(analyzeText(text), 'prose-table-mismatch');
  test('on the prose number, with the cell compared, the table’s value and the prose number', () => {
    assert.equal(d.length, 1);
    assert.equal(at(text, d[0].range), '25');
    assert.deepEqual([d[0].severity, d[0].cell, d[0].expected, d[0].actual], ['warning', 't3.new.total', 18, 25]);
    assert.match(d[0].message.zh, /正文所述 25 .*表中为 18/);
  });
  test('related to the table cell it was compared with', () => {
    assert.equal(d[0].related?.length, 1);
    assert.equal(d[0].related![0].cell, 't3.new.total');
    assert.equal(d[0].related![0].path, undefined, 'a place in this report');
    assert.match(split(text)[d[0].related![0].range.start.line], /^一、本年新收政府信息公开申请数量/);
    assert.equal(at(text, d[0].related![0].range), '18');
  });
  test('one quick fix writing the table’s value into the prose, marked as a prose change; recompute (--fix) leaves the prose alone', () => {
    assert.deepEqual(d[0].fix?.edits, [{ range: d[0].range, newText: '18' }]);
    assert.equal(d[0].fix?.changes, 'prose');
    assert.deepEqual(recompute(analyzeText(text)).edits, []);
  });
  test('agreeing numbers raise nothing, and hover finds them with their cell (claimAt)', () => {
    const ok = inProse(clean, '本年新收政府信息公开申请18件，上年结转2件。');
    const a = analyzeText(ok);
    assert.deepEqual(of(a, 'prose-table-mismatch'), []);
    const line = split(ok).findIndex((l) => l.includes('新收政府信息公开申请18件'));
    const hit = claimAt(a.claims, { line, character: split(ok)[line].indexOf('18件') + 1 })!;
    assert.equal(hit.agrees, true);
    assert.deepEqual(hit.readings.map((r) => [r.reading.keys, r.value]), [[['t3.new.total'], 18]]);
    assert.equal(claimAt(a.claims, { line, character: 0 }), undefined);
  });
  test('the severity setting’s default is the registry’s', () => assert.equal(RULE_BY_ID.get('prose-table-mismatch')!.severity, 'warning'));
});

describe('enumeration-sum', () => {
  test('the total on N, expected the sum of the parts, a prose-only fix writing the sum', () => {
    const text = inProse(clean, '全年共发布信息120条，其中政策文件30条、工作动态80条、通知公告20条。');
    const [d, ...rest] = of(analyzeText(text), 'enumeration-sum');
    assert.deepEqual(rest, []);
    assert.equal(at(text, d.range), '120');
    assert.deepEqual([d.severity, d.expected, d.actual], ['warning', 130, 120]);
    assert.deepEqual(d.fix?.edits.map((e) => e.newText), ['130']);
    assert.equal(d.fix?.changes, 'prose');
    assert.deepEqual(recompute(analyzeText(text)).edits, []);
  });
  test('a category named twice: information on the second name, related to the first', () => {
    const text = inProse(clean, '全年共发布信息6条，分别为规划计划1条、工作动态3条、规划计划2条。');
    const [d] = of(analyzeText(text), 'enumeration-sum');
    assert.equal(d.severity, 'information');
    assert.equal(at(text, d.range), '规划计划');
    assert.ok(d.range.start.character > split(text)[d.range.start.line].indexOf('规划计划'));
    assert.equal(at(text, d.related![0].range), '规划计划');
  });
});

describe('section-empty and section-fee', () => {
  test('section-empty on the heading of 五 when nothing follows it before 六', () => {
    const text = clean.replace(/(五、存在的主要问题及改进情况\n)[^\n]*\n/, '$1');
    const d = of(analyzeText(text), 'section-empty');
    assert.deepEqual(d.map((x) => [x.severity, at(text, x.range)]), [['warning', '五、存在的主要问题及改进情况']]);
  });
  test('section-fee on the heading of 六 when it says nothing of the fee (information)', () => {
    const text = clean.replace('未收取政府信息公开信息处理费', '无其他需要报告的事项');
    const d = of(analyzeText(text), 'section-fee');
    assert.deepEqual(d.map((x) => [x.severity, at(text, x.range)]), [['information', '六、其他需要报告的事项']]);
    assert.deepEqual(of(analyzeText(clean), 'section-fee'), []);
  });
});

describe('last year’s report (crossCheck)', () => {
  test('carryover-mismatch per column: this year’s 二 cell, last year’s 四 value, related to last year’s cell with its path', () => {
    // This year carries 2 | 0 | 0 | 0 | 0 | 0 | 2; last year's 四 says 3 | 0 | … | 3.
    const last = report({ cells: { 't3.carryOver.natural': 3, 't3.carryOver.commercial': 0, 't3.carryOver.total': 3 } }, 2024);
    const d = of(cross(clean, last), 'carryover-mismatch');
    assert.deepEqual(d.map((x) => [x.cell, x.expected, x.actual, at(clean, x.range)]), [['t3.carried.natural', 3, 2, '2'], ['t3.carried.total', 3, 2, '2']]);
    for (const x of d) assert.match(split(clean)[x.range.start.line], /^二、上年结转/);
    const r = d[0].related![0];
    assert.deepEqual([r.path, r.cell], ['2024.txt', 't3.carryOver.natural']);
    assert.match(split(last)[r.range.start.line], /^四、结转下年度继续办理/);
    assert.equal(at(last, r.range), '3');
    assert.equal(d[0].severity, 'warning');
    assert.equal(d[0].fix, undefined, 'no fix: both cells are inputs');
    assert.match(d[0].message.zh, /2024\.txt/);
  });
  test('valid-count-chain: 现行有效 against last year’s + 制发 − 废止, information, related to last year’s cell', () => {
    const last = report({ cells: { 't3.carryOver.natural': 2, 't3.carryOver.commercial': 0, 't2.normative.valid': 5 } }, 2024);
    const d = of(cross(clean, last), 'valid-count-chain');
    assert.deepEqual(d.map((x) => [x.severity, x.cell, x.expected, x.actual, at(clean, x.range)]), [['information', 't2.normative.valid', 7, 12, '12']]);
    assert.deepEqual([d[0].related![0].path, d[0].related![0].cell, at(last, d[0].related![0].range)], ['2024.txt', 't2.normative.valid', '5']);
  });
  test('prose-repeated: on the title, the share in the message and the details, the passages related in last year’s report', () => {
    const copied = '一是持续深化主动公开工作并完善目录。二是规范依申请公开办理流程与答复文书。三是加强政策解读与回应关切的力度。四是推进基层政务公开标准化规范化建设。五是强化政务公开队伍业务培训与考核。\n';
    const add = (t: string) => t.replace('六、其他需要报告的事项', copied + '六、其他需要报告的事项');
    const now = add(clean);
    const last = add(report({ cells: { 't3.carryOver.natural': 2, 't3.carryOver.commercial': 0, 't2.normative.valid': 10 } }, 2024));
    const [d, ...rest] = of(cross(now, last), 'prose-repeated');
    assert.deepEqual(rest, []);
    assert.equal(d.severity, 'information');
    assert.deepEqual(d.range, analyzeText(now).identity.titleRange);
    // The five copied sentences and 五's closing sentence (it names no year): 6 of 8 counted.
    assert.deepEqual([d.details!.repeated, d.details!.counted, d.details!.share], [6, 8, 0.75]);
    assert.match(d.message.zh, /%/);
    assert.equal(d.related![0].path, '2024.txt');
    // The passage runs from 五's last sentence over the copied line.
    const r = d.related![0].range;
    assert.equal(at(last, { start: r.start, end: { line: r.start.line, character: split(last)[r.start.line].length } }), '下一步将加强业务培训，完善工作机制，持续提升公开质量。');
    assert.equal(at(last, { start: { line: r.end.line, character: 0 }, end: r.end }), copied.trim());
    // The threshold is the caller's.
    assert.deepEqual(of(cross(now, last, { proseThreshold: 0.99 }), 'prose-repeated'), []);
  });
  test('years that are not consecutive: nothing from the table rules', () => {
    const last = report({ cells: { 't3.carryOver.natural': 3 } }, 2022);
    assert.deepEqual(of(cross(clean, last), 'carryover-mismatch'), []);
  });
});

test('the analysis carries the report’s identity: title, else the file name it was given', () => {
  assert.deepEqual([analyzeText(clean).identity.office, analyzeText(clean).identity.year], ['青禾县数据资源局', 2025]);
  const untitled = clean.split('\n').slice(1).join('\n').replace(/统计期限为2025年[^。]*。/, '');
  assert.deepEqual([analyzeText(untitled).identity.year, analyzeText(untitled, { name: 'dir/2023年青禾县数据资源局政府信息公开工作年度报告.txt' }).identity.year], [null, 2023]);
  assert.equal(analyzeText(untitled, { name: 'dir/2023年青禾县数据资源局政府信息公开工作年度报告.txt' }).identity.source.year, 'file');
});

// ---------------------------------------------------------------------------------------------
// The seeds and published reports through the registry

describe('the seeds and published reports through the registry', { skip: SKIP_SHARED }, () => {
  const BEYOND = new Set(['prose-table-mismatch', 'enumeration-sum', 'carryover-mismatch', 'valid-count-chain', 'prose-repeated', 'section-empty', 'section-fee']);
  const all = [...sharedFiles('seeds').map((f) => ({ ...f, name: `seeds/${f.name}` })), ...sharedFiles('real').map((f) => ({ ...f, name: `real/${f.name}` }))];
  test('the only finding of the new rules is seed 002’s 规划计划 named twice (a true one)', () => {
    const found = all.flatMap(({ name, text }) => analyzeText(text, { name }).diagnostics.filter((d) => BEYOND.has(d.rule)).map((d) => [name, d.rule, d.severity, d.range.start.line + 1]));
    assert.deepEqual(found, [['seeds/002_4e3048a979d6098a.txt', 'enumeration-sum', 'information', 2]]);
  });
  test('the analysis’s claims are the prose module’s readings, number by number (what hover shows)', () => {
    for (const { name, text } of all) {
      const a = analyzeText(text);
      const pure = claimReadings(extractClaims(split(text)), valuesOf(a));
      // The registry reads prose outside the tables' spans, the pure default by line shape: the same claims here.
      assert.deepEqual(a.claims.map((r) => [r.claim.line, r.claim.start, r.agrees]), pure.map((r) => [r.claim.line, r.claim.start, r.agrees]), name);
    }
  });
  test('the published pairs r01→r02 and r04→r05: nothing from the cross-year rules', () => {
    const real = sharedFiles('real');
    const file = (n: string) => real.find((f) => f.name.startsWith(n))!;
    for (const [c, p] of [['r02', 'r01'], ['r05', 'r04']]) {
      const cur = file(c);
      const prev = file(p);
      assert.deepEqual(crossCheck(analyzeText(cur.text, { name: cur.name }), split(cur.text), previous(prev.text, prev.name)), [], `${c} against ${p}`);
    }
  });
});
