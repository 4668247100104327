// Slips of the pen (issue 18, item 5): word-repeated, punctuation-halfwidth, brackets-unpaired,
// on a composed report carrying sentences from the published reports, their quick fixes (only the
// slip's characters change), and every seed and published report of ../shared, number by number
// (docs/assessment.md reads each finding).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RULE_BY_ID, analyzeText, applyEdits, type Diagnostic } from '../server/src/core/index.ts';
import { buildReport, exampleData } from './helpers/report.ts';
import { SKIP_SHARED, sharedFiles } from './helpers/shared.ts';

const SLIPS = new Set(['word-repeated', 'punctuation-halfwidth', 'brackets-unpaired']);
const GENERAL = '2025年，青禾县数据资源局认真贯彻落实《条例》要求，坚持以公开为常态、不公开为例外，持续做好主动公开、依申请公开和政府信息管理工作，不断提升政务公开质量。';
/** The composed report with the sentences of 总体情况 replaced by `body`. */
const withBody = (...body: string[]) => buildReport(exampleData(), 'pipe').replace(GENERAL, body.join('\n'));
const slips = (text: string) => analyzeText(text).diagnostics.filter((d) => SLIPS.has(d.rule));
const fixed = (text: string, d: Diagnostic) => applyEdits(text, d.fix!.edits);
const lineOf = (text: string, s: string) => text.split('\n').findIndex((l) => l.includes(s));

describe('word-repeated', () => {
  // r09 (上海市科学技术委员会 2024), line 9, as published.
  const R09 = '主动公开2024年度部门预算、2023年度部门决算以及2023年上海市科技计划资金资金分配结果信息。';
  test('资金资金: information on the second 资金, the fix deletes it and nothing else', () => {
    const text = withBody(R09);
    const [d, ...rest] = slips(text);
    assert.deepEqual(rest, []);
    const line = lineOf(text, R09);
    const col = R09.indexOf('资金资金') + 2;
    assert.deepEqual([d.rule, d.severity, d.range], ['word-repeated', 'information', { start: { line, character: col }, end: { line, character: col + 2 } }]);
    assert.match(d.message.zh, /“资金”连写了两遍/);
    assert.equal(d.fix!.changes, 'prose');
    assert.equal(fixed(text, d), text.replace('资金资金', '资金'));
  });
  test('reduplications written on purpose, one character doubled, and a word repeated across a comma are not slips', () => {
    for (const s of ['要把群众的意见一件一件落实到位，常常开展自查。', '人人参与，事事公开。', '公开，公开内容包括规划计划。'])
      assert.deepEqual(slips(withBody(s)), [], s);
  });
  test('a doubled word inside a table cell is not read (tables are not prose)', () => {
    const text = buildReport(exampleData(), 'pipe').replace('信息内容 | 本年处理决定数量 |', '信息内容 | 本年处理决定数量数量 |');
    assert.deepEqual(slips(text), []);
  });
});

describe('punctuation-halfwidth', () => {
  // r11 (上海市政府办公厅 2019), line 10, as published: one half-width comma among full-width ones.
  const R11 = '对规章、规范性文件和提交市政府常务会议审议的政策文件均开展了解读,通过“中国上海”门户网站发布政策解读共132件。';
  test('a half-width comma between Chinese characters: a hint at the comma, fixed to “，” only', () => {
    const text = withBody(R11);
    const [d, ...rest] = slips(text);
    assert.deepEqual(rest, []);
    const line = lineOf(text, R11);
    const col = R11.indexOf(',');
    assert.deepEqual([d.rule, d.severity, d.range], ['punctuation-halfwidth', 'hint', { start: { line, character: col }, end: { line, character: col + 1 } }]);
    assert.equal(fixed(text, d), text.replace('解读,通过', '解读，通过'));
  });
  test('semicolon and colon too; not beside digits or Latin letters', () => {
    const text = withBody('一是加强组织领导;二是完善制度，公开渠道包括:网站、公众号。', '截至12月31日共发布信息120,其中政策文件30条，网址为www.example.gov.cn,欢迎查阅。');
    assert.deepEqual(slips(text).map((d) => [d.rule, d.fix!.edits[0].newText]), [['punctuation-halfwidth', '；'], ['punctuation-halfwidth', '：']]);
  });
  test('a text that writes its punctuation half-width throughout (a converted draft, as seeds 000–003) raises nothing', () => {
    const converted = withBody(GENERAL).replace(/，/g, ',').replace(/；/g, ';');
    assert.ok(converted.includes('2025年,青禾县'));
    assert.deepEqual(slips(converted), []);
    // The same text with one comma left full-width still has more half-width marks: nothing.
    assert.deepEqual(slips(converted.replace('2025年,青禾县', '2025年，青禾县')), []);
  });
});

describe('brackets-unpaired', () => {
  test('seed 001’s preamble: a （ never closed, information at it, no fix (where the ） goes is the author’s call)', () => {
    const s = '本报告依据《中华人民共和国政府信息公开条例》(国务院令第711号,(以下简称《条例》)编制。';
    const text = withBody(s);
    const ds = slips(text).filter((d) => d.rule === 'brackets-unpaired');
    assert.deepEqual(ds.map((d) => [d.severity, d.range.start.character, d.fix]), [['information', s.indexOf('('), undefined]]);
    assert.match(ds[0].message.zh, /没有对应的“）”/);
  });
  test('a quotation mark facing the wrong way: the fix turns that one mark', () => {
    const s = '围绕“一网通办“改革，开展“政策解读”活动。';
    const text = withBody(s);
    const [d, ...rest] = slips(text);
    assert.deepEqual(rest, []);
    assert.equal(d.range.start.character, s.indexOf('办') + 1);
    assert.equal(fixed(text, d), text.replace('一网通办“改革', '一网通办”改革'));
  });
  test('《 without 》 and 》 without 《', () => {
    const text = withBody('印发《政务公开工作要点，明确年度任务。', '落实政府信息公开条例》要求。');
    assert.deepEqual(slips(text).map((d) => d.message.en), ['“《” has no matching “》” in this paragraph', '“》” has no matching “《” before it in this paragraph']);
  });
  test('a paragraph broken inside a quotation (r08, a web page’s line break) is read as one', () => {
    assert.deepEqual(slips(withBody('2025年，我县坚持以群众需求为导向，努力让政务信息“看', '得懂、用得上、易监督”。')), []);
  });
});

test('the three rules: registry severities, configurable like the others', () => {
  assert.deepEqual(['word-repeated', 'punctuation-halfwidth', 'brackets-unpaired'].map((id) => RULE_BY_ID.get(id as never)!.severity), ['information', 'hint', 'information']);
});

describe('slips on the seeds and published reports, number by number', { skip: SKIP_SHARED }, () => {
  test('exactly the true slips of docs/assessment.md', () => {
    const all = [...sharedFiles('seeds').map((f) => ({ ...f, name: `seeds/${f.name}` })), ...sharedFiles('real').map((f) => ({ ...f, name: `real/${f.name}` }))];
    const found = all.flatMap(({ name, text }) => analyzeText(text, { name }).diagnostics.filter((d) => SLIPS.has(d.rule)).map((d) => [name.slice(0, 9), d.rule, d.range.start.line + 1, d.range.start.character + 1]));
    assert.deepEqual(found, [
      ['seeds/001', 'brackets-unpaired', 1, 23],
      ['real/r09_', 'word-repeated', 9, 132],
      ['real/r11_', 'punctuation-halfwidth', 10, 90],
      ['real/r11_', 'punctuation-halfwidth', 20, 134],
      ['real/r11_', 'punctuation-halfwidth', 20, 156],
      ['real/r11_', 'punctuation-halfwidth', 20, 179],
      ['real/r11_', 'punctuation-halfwidth', 20, 241],
      ['real/r11_', 'punctuation-halfwidth', 82, 213],
      ['real/r11_', 'punctuation-halfwidth', 82, 356],
    ]);
  });
});
