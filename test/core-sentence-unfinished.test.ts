// sentence-unfinished (issue 18, item 5): the last paragraph before a heading (a section's, or a
// numbered title on its own line) or before the closing signature, ending in a Chinese character or
// a digit without its 。. On composed reports carrying paragraphs and titles of the published
// reports, the quick fix (the 。 only, never in fix-all), the configuration file, and every seed
// and published report of ../shared, number by number (docs/assessment.md reads each finding).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyConfig, parseConfig } from '../server/src/config/index.ts';
import { RULE_BY_ID, analyzeText, applyEdits, fixAll, type Diagnostic } from '../server/src/core/index.ts';
import { LAYOUTS, buildReport, exampleData } from './helpers/report.ts';
import { SKIP_SHARED, sharedFiles } from './helpers/shared.ts';

const RULE = 'sentence-unfinished';
const GENERAL = '2025年，青禾县数据资源局认真贯彻落实《条例》要求，坚持以公开为常态、不公开为例外，持续做好主动公开、依申请公开和政府信息管理工作，不断提升政务公开质量。';
const FEE = '2025年，青禾县数据资源局未收取政府信息公开信息处理费。';
const clean = buildReport(exampleData(), 'pipe');
/** The composed report with the sentences of 总体情况 replaced by `body`. */
const withBody = (...body: string[]) => clean.replace(GENERAL, body.join('\n'));
/** The composed report with section 六's text replaced by `end`. */
const withEnd = (...end: string[]) => clean.replace(FEE, end.join('\n'));
const found = (text: string) => analyzeText(text).diagnostics.filter((d) => d.rule === RULE);
const lineOf = (text: string, s: string) => text.split('\n').findIndex((l) => l.includes(s));
const fixed = (text: string, d: Diagnostic) => applyEdits(text, d.fix!.edits);

// r07 (沭阳县发展和改革局 2023), lines 7–10 as published: line 8 ends without its 。 before （三）.
const R07_TITLE2 = '（二）依申请公开政府信息情况';
const R07_LINE8 = '2023年度我局共收到依申请信息公开26件，及时回复申请人，并将申请人所申请的信息通过电子邮箱发送给申请人';
const R07_TITLE3 = '（三）完善公开制度规范，加强政府信息管理';
const R07_LINE10 = '我局所有发布信息均按照“先审查、后公开，谁提供、谁审核、谁负责”的原则，执行三级审核制度。';
// Seed 004 (卢氏县国防动员办公室 2023), lines 11 and 13: a title run into its text, the first without its 。.
const S004_LINE11 = '(二) 依申请公开：我办高度重视依申请公开工作，不断完善制度机制，坚持依法规范办理，切实保障公众知情权，积极化解社会矛盾，不断增强人民群众获得感和幸福感';
const S004_LINE13 = '(三) 政府信息管理：我办严格落实《政府信息公开条例》有关要求，积极配合政府政务信息公开工作。';

describe('raised', () => {
  test('r07: the paragraph before the title （三）, information at its last character; the fix adds 。 and nothing else', () => {
    const text = withBody(GENERAL, R07_TITLE2, R07_LINE8, R07_TITLE3, R07_LINE10);
    const [d, ...rest] = found(text);
    assert.deepEqual(rest, []);
    const line = lineOf(text, R07_LINE8);
    const end = R07_LINE8.length;
    assert.deepEqual([d.severity, d.range], ['information', { start: { line, character: end - 1 }, end: { line, character: end } }]);
    assert.match(d.message.zh, /以“邮箱发送给申请人”结尾，缺少句末标点/);
    assert.match(d.message.en, /ends “邮箱发送给申请人” without a closing mark/);
    assert.equal(d.fix!.changes, 'prose');
    assert.equal(fixed(text, d), text.replace(R07_LINE8, `${R07_LINE8}。`));
    assert.deepEqual(found(fixed(text, d)), []);
  });
  test('seed 004: a title run into its text (（二）依申请公开：…) ending without 。 before the next numbered paragraph', () => {
    const text = withBody(GENERAL, S004_LINE11, '', S004_LINE13);
    assert.deepEqual(found(text).map((d) => [d.range.start.line, d.range.start.character]), [[lineOf(text, S004_LINE11), S004_LINE11.length - 1]]);
  });
  test('the last paragraph of a section before the next section’s heading, ending in a character or a digit', () => {
    for (const end of ['不断提升政务公开质量', '全年累计观看量 303855']) {
      const text = withBody(GENERAL.replace('不断提升政务公开质量。', end));
      const [d, ...rest] = found(text);
      assert.deepEqual(rest, [], end);
      assert.equal(fixed(text, d), text.replace(end, `${end}。`), end);
    }
  });
  test('the last paragraph before the signature and the date (r07’s), on two lines or one', () => {
    const open = FEE.replace('。', '');
    for (const text of [withEnd(open, '沭阳县发展和改革局', '2024年1月17日'), withEnd(open, '', '沭阳县发展和改革局  2024年1月17日'), withEnd(open, '2024年1月17日')])
      assert.deepEqual(found(text).map((d) => d.range.start.line), [lineOf(text, open)]);
  });
  test('a paragraph that leads into the title after it (…，具体如下): the fix adds “：” instead', () => {
    const lead = '2023年，我局认真做好政府信息公开工作，具体如下';
    const text = withBody(lead, R07_TITLE2, '2023年度我局共收到依申请信息公开26件。');
    const [d, ...rest] = found(text);
    assert.deepEqual(rest, []);
    assert.equal(d.fix!.title.en, 'Add “：” at the end of the paragraph');
    assert.equal(fixed(text, d), text.replace(lead, `${lead}：`));
  });
  test('a paragraph a PDF broke over two lines: raised at its last line, read as one sentence', () => {
    // r08 lines 29–30, the paragraph's last words without their 。.
    const text = withBody(GENERAL, '我县坚持把监督保障作为政务公开落地见效的关键抓手，通过案例实', '操赋能业务提升');
    assert.deepEqual(found(text).map((d) => d.range.start.line), [lineOf(text, '操赋能业务提升')]);
  });
});

describe('not raised', () => {
  test('the composed report in every layout: titles, table rows, the last row before a heading', () => {
    for (const layout of LAYOUTS) assert.deepEqual(found(buildReport(exampleData(), layout)), [], layout);
  });
  test('titles on their own line: （一）主动公开方面 (r10), 二、工作机制保障 (r09), a title with a comma (r07) before another heading', () => {
    const text = withBody(GENERAL, '（一）主动公开方面', '二、工作机制保障', '1.加强平台建设', R07_TITLE3);
    assert.deepEqual(found(text), []);
  });
  test('lines ending in a mark: ；, ：, a closing quotation mark after a character, …', () => {
    for (const last of ['一是持续深化主动公开工作；', '根据上述问题，市科委采取以下措施：', '努力让政务信息“看得懂、用得上、易监督”', '持续推进政务公开标准化规范化……', '确保涉密信息不上网、上网信息不涉密！'])
      assert.deepEqual(found(withBody(GENERAL, last)), [], last);
  });
  test('the title, the office and the date under it (r08), the signature and the date at the end (seed 003)', () => {
    const head = '沐阳县人民政府 2025 年 政府信息公开工作年度报告\n沐阳县人民政府\n(2026年1月23日)\n';
    assert.deepEqual(found(head + clean.split('\n').slice(1).join('\n')), []);
    assert.deepEqual(found(withEnd(FEE, '策勒县人民政府办公室', '2025年1月23日')), []);
  });
  test('the end of a text without its signature and date: a draft’s last paragraph may be the one being typed', () => {
    assert.deepEqual(found(withEnd(FEE.replace('。', ''))), []);
    assert.deepEqual(found(withEnd(FEE.replace('。', ''), '沭阳县发展和改革局')), []);
  });
  test('a label and its value at the end of a sentence (…，电话：0517-83605210) is no open sentence', () => {
    assert.deepEqual(found(withBody(GENERAL, '如对本报告有疑问，请与县数据资源局联系，电话：0517-83605210')), []);
  });
  test('a short line without a sentence mark (r09’s 本年度信息公开处理费收费情况), a list item, a table row outside the tables', () => {
    for (const last of ['本年度信息公开处理费收费情况', '- 政策文件30件，规范性文件5件', '行政事业性收费\t7730.28'])
      assert.deepEqual(found(withEnd(FEE, last)), [], last);
  });
  test('a citation broken over two lines (…第三十六条第 / （三）项规定) is one sentence, not a paragraph before a title', () => {
    assert.deepEqual(found(withBody(GENERAL, '对申请公开的信息不存在的，依据《条例》第三十六条第', '（三）项的规定，告知申请人该信息不存在，并说明理由', '依法保障申请人的合法权益。')), []);
  });
  test('a line broken mid-paragraph (r08 line 8, a web page’s break) before the next line of text', () => {
    assert.deepEqual(found(withBody('2025年，我县坚持以群众需求为导向，努力让政务信息“看', '得懂、用得上、易监督”。')), []);
  });
});

test('the fix is a quick fix only: fix-all and --fix (prose changes) leave the paragraph as it is', () => {
  const text = withBody(GENERAL, R07_TITLE2, R07_LINE8, R07_TITLE3, R07_LINE10);
  const a = analyzeText(text);
  assert.ok(a.diagnostics.some((d) => d.rule === RULE));
  const r = fixAll(a, text.split('\n'), a.diagnostics);
  assert.deepEqual(r.edits, []);
});

test('registry severity information; configurable like the other rules', () => {
  assert.equal(RULE_BY_ID.get(RULE)!.severity, 'information');
  const text = withBody(GENERAL, R07_TITLE2, R07_LINE8, R07_TITLE3, R07_LINE10);
  const lines = text.split('\n');
  const { config, problems } = parseConfig(`{ "severity": { "${RULE}": "warning" } }`);
  assert.deepEqual(problems, []);
  const ds = analyzeText(text).diagnostics;
  assert.deepEqual(applyConfig(ds, { file: 'a.txt', lines }, config).kept.filter((d) => d.rule === RULE).map((d) => d.severity), ['warning']);
  const off = parseConfig(`{ "severity": { "${RULE}": "off" } }`).config;
  assert.deepEqual(applyConfig(ds, { file: 'a.txt', lines }, off).kept.filter((d) => d.rule === RULE), []);
});

describe('on the seeds and published reports, number by number', { skip: SKIP_SHARED }, () => {
  test('exactly the two true findings of docs/assessment.md', () => {
    const all = [...sharedFiles('seeds').map((f) => ({ ...f, name: `seeds/${f.name}` })), ...sharedFiles('real').map((f) => ({ ...f, name: `real/${f.name}` }))];
    assert.equal(all.length, 16);
    const hits = all.flatMap(({ name, text }) => analyzeText(text, { name }).diagnostics.filter((d) => d.rule === RULE).map((d) => [name.slice(0, 9), d.range.start.line + 1, d.range.start.character + 1]));
    assert.deepEqual(hits, [
      ['seeds/004', 11, 86],
      ['real/r07_', 8, 53],
    ]);
  });
});
