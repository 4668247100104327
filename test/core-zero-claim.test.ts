// prose-zero-claim (issue 18, item 2): the prose says none happened while the tables count some.
// Driven by the sentences of the seeds and published reports in ../shared (put into a composed
// report whose tables count 18 new requests, 2 carried over, 2 行政复议 and 1 行政诉讼), the
// reverse (zeros with silent prose, or zeros with the claim: nothing), the claims it must not read
// (another year or body, a sub-category, a plan, 无法提供 …), and every report of ../shared as it is.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyConfig, parseConfig } from '../server/src/config/index.ts';
import { RULE_BY_ID, analyzeText, type Diagnostic } from '../server/src/core/index.ts';
import { complete, composeReport, exampleReport } from './helpers/compose.mjs';
import { SKIP_SHARED, sharedFiles } from './helpers/shared.ts';
import { buildReport } from './helpers/report.ts';
import { PROSE_CORPUS } from './fixtures/prose/corpus.ts';

const OPENING = /^2025年，青禾县数据资源局认真贯彻.*$/m;
/** The composed report (青禾县数据资源局 2025) with its 总体情况 paragraph replaced by `sentence`. */
const withProse = (sentence: string, cells = exampleReport().cells) => composeReport({ office: '青禾县数据资源局', year: 2025, cells }).replace(OPENING, sentence);
const zeroClaims = (text: string, name?: string) => analyzeText(text, name ? { name } : {}).diagnostics.filter((d) => d.rule === 'prose-zero-claim');
/** The words a finding covers. */
const words = (text: string, d: Diagnostic) => text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character);
const summary = (text: string) => zeroClaims(text).map((d) => [words(text, d), d.cell, (d.related ?? []).map((r) => r.cell)]);

describe('prose-zero-claim: the prose says none, the table counts some', () => {
  test('seed 003’s 未收到政府信息公开申请 beside 18 new requests: a warning at the words, related to 一、本年新收 总计', () => {
    const text = withProse('2025年度全年未收到政府信息公开申请。');
    const [d, ...rest] = zeroClaims(text);
    assert.deepEqual(rest, []);
    assert.equal(d.severity, 'warning');
    assert.equal(RULE_BY_ID.get('prose-zero-claim')!.severity, 'warning');
    assert.equal(words(text, d), '未收到政府信息公开申请');
    assert.equal(d.cell, 't3.new.total');
    const related = d.related!;
    assert.deepEqual(related.map((r) => r.cell), ['t3.new.total']);
    assert.equal(text.split('\n')[related[0].range.start.line].slice(related[0].range.start.character, related[0].range.end.character), '18');
    assert.match(d.message.zh, /正文称“未收到政府信息公开申请”，但表三“一、本年新收政府信息公开申请数量 \/ 总计”为 18/);
    assert.match(d.message.en, /The prose says “未收到政府信息公开申请”, but table 三/);
  });

  test('seed 000’s 未发生行政复议和行政诉讼 (after the requests’ clause): one warning naming both tables 四 totals that count', () => {
    const text = withProse('2025年,我办共受理政府信息公开申请件8件,均按规定在法定期限内予以答复,未发生行政复议和行政诉讼。');
    assert.deepEqual(summary(text), [['未发生行政复议和行政诉讼', 't4.review.total', ['t4.review.total', 't4.direct.total']]]);
    assert.match(zeroClaims(text)[0].message.zh, /若是上年结转的案件/);
  });

  test('seed 002’s 未发生因政府信息公开而引发的行政诉讼: the litigation’s totals only', () => {
    assert.deepEqual(summary(withProse('未发生因政府信息公开而引发的行政诉讼。')), [['未发生因政府信息公开而引发的行政诉讼', 't4.direct.total', ['t4.direct.total']]]);
    const cells = { ...exampleReport().cells, ...complete({ ...inputs(), 't4.afterReview.upheld': 2 }) };
    assert.deepEqual(summary(withProse('未发生因政府信息公开而引发的行政诉讼。', cells))[0][2], ['t4.direct.total', 't4.afterReview.total']);
  });

  test('the format’s own wording: 未因政府信息公开工作被申请行政复议、被提起行政诉讼', () => {
    assert.deepEqual(summary(withProse('2025年，本机关未因政府信息公开工作被申请行政复议、被提起行政诉讼。')).map((s) => s[1]), ['t4.review.total']);
    assert.deepEqual(summary(withProse('本机关未被申请行政复议。')), [['未被申请行政复议', 't4.review.total', ['t4.review.total']]]);
    const both = summary(withProse('本机关全年未发生因政府信息公开工作被申请行政复议或提起行政诉讼的情况。'));
    assert.deepEqual(both, [['未发生因政府信息公开工作被申请行政复议或提起行政诉讼的情况', 't4.review.total', ['t4.review.total', 't4.direct.total']]]);
    assert.deepEqual(summary(withProse('全年未发生因政府信息公开工作被申请行政复议后被纠错的情况。')), []);
  });

  test('two claims in one sentence, each against its own table', () => {
    const text = withProse('2025年，本单位未收到政府信息公开申请，未发生政府信息公开行政复议和行政诉讼。');
    assert.deepEqual(summary(text).map((s) => s[1]), ['t3.new.total', 't4.review.total']);
  });

  test('completion claims (所有申请均已办结, 全部办结, 无结转下年度的申请) against 四、结转下年度继续办理', () => {
    // r09's sentence with its manner (按要求) left out: a bare claim that every request was completed.
    const r09 = '全年收到政府信息公开申请 34 件，上年结转政府信息公开申请 2 件，所有申请均已办理完成。';
    assert.deepEqual(summary(withProse(r09)), [['所有申请均已办理完成', 't3.carryOver.total', ['t3.carryOver.total']]]);
    assert.deepEqual(summary(withProse('全年共受理政府信息公开申请20件，均已办结。')).map((s) => s[0]), ['均已办结']);
    assert.deepEqual(summary(withProse('全年共收到262件政府信息公开申请，全部办结。')).map((s) => s[0]), ['全部办结']);
    assert.deepEqual(summary(withProse('本年度无结转下年度的申请。')).map((s) => s[0]), ['无结转下年度的申请']);
    assert.match(zeroClaims(withProse(r09))[0].message.en, /carried over to next year/);
  });

  test('the total blank: the row’s cells that count (r09 leaves 四’s 总计 blank)', () => {
    const cells = { ...exampleReport().cells, 't3.carryOver.total': '' };
    assert.deepEqual(summary(withProse('所有申请均已办结。', cells)), [['所有申请均已办结', 't3.carryOver.natural', ['t3.carryOver.natural', 't3.carryOver.commercial']]]);
  });
});

function inputs(): Record<string, number> {
  return { 't3.new.natural': 12, 't3.new.commercial': 3, 't3.new.social': 1, 't3.new.legal': 2, 't3.carried.natural': 2, 't3.granted.natural': 18, 't4.review.upheld': 1, 't4.review.pending': 1, 't4.direct.corrected': 1 };
}

describe('prose-zero-claim: the reverse, and what it must not read', () => {
  const zeros = complete({});
  const claims = [
    '2025年度全年未收到政府信息公开申请。',
    '2025年,我办共受理政府信息公开申请件0件,未发生行政复议和行政诉讼。',
    '所有申请均已办结。',
    '本年度无结转下年度的申请。',
  ];
  test('a table of zeros with silent prose, or with prose that says none: nothing', () => {
    assert.deepEqual(zeroClaims(composeReport({ office: '青禾县数据资源局', year: 2025, cells: zeros })), []);
    for (const s of claims) assert.deepEqual(zeroClaims(withProse(s, zeros)), [], s);
  });

  test('a table that counts some with silent prose: nothing', () => {
    assert.deepEqual(zeroClaims(composeReport(exampleReport())), []);
  });

  const notClaims: [string, string][] = [
    // r10: a sub-category (被纠错, 败诉), not the cases themselves.
    ['全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。', 'r10: 纠错 / 败诉'],
    ['全年未发生政府信息公开行政复议纠错和行政诉讼败诉案件。', 'a sub-category'],
    ['2025年，本机关未发生行政复议被纠错的情况。', 'a sub-category'],
    // seed 002: 无当面申请件 is one way of applying.
    ['2025年，我局共承办依申请公开政府信息事项14件，无当面申请件。', 'seed 002: 无当面申请'],
    ['因本机关不掌握等原因无法提供 564 件。', 'r10: 无法提供'],
    ['2025年，本机关未收取政府信息公开信息处理费，无相关费用。', '无…费用, 未收取'],
    ['2024年未收到政府信息公开申请。', 'another year'],
    ['上年度未发生行政复议。', 'another year (上年度)'],
    ['（三）县教育局：全年未收到政府信息公开申请。', 'another body'],
    ['各乡镇均未收到政府信息公开申请。', 'other bodies'],
    ['上年结转申请2件，均已办结。', 'the carried-over requests only'],
    ['人大建议和政协提案均已按时办结。', 'r07: 按时办结 of something else'],
    ['全年收到群众来信12件，均已办结。', 'letters, not requests'],
    ['依申请公开事项均已按时办结，其中3件延期答复。', 'the author says what is left'],
    ['除2件结转下年度办理外，其余申请均已办结。', '除…外, 其余'],
    ['本机关作为复议机关，全年未收到行政复议申请。', 'the reviewing body’s role, not the respondent’s'],
    ['经复议，未发生行政诉讼。', 'the litigation after review only'],
    ['下一步，确保未发生行政复议。', 'a plan'],
    // The mood word in the clause before, the claim's own clause plain (npm run mutate: zero-claim-mood).
    ['今后，本机关未发生行政复议和行政诉讼。', 'a plan (今后) in the clause before'],
    ['如未收到政府信息公开申请，应在报告中说明。', 'a condition'],
    ['未收到政府信息公开申请的书面答复。', 'another object'],
    ['市政府共受理政府信息公开申请 1295 件，办结 1191 件（含上年结转 189 件），均在法定期限内答复。', 'r10: 均在法定期限内答复 is no completion claim'],
    ['共受理申请100件，其中自然人90件、法人10件，均已办结100件。', 'a number follows'],
    // How the requests were handled (on time, as required), not that none is left: r09 counts its
    // carried-over request among 所有办结的 in the next sentence.
    ['全年收到政府信息公开申请 34 件，上年结转政府信息公开申请 2 件，所有申请均已按要求办理完成。', 'r09: 按要求办理完成'],
    ['全年共收到262件政府信息公开申请，全部按时办结。', 'the prose corpus: 全部按时办结'],
    ['申请均已依法按期办结。', 'the manner'],
  ];
  test('sentences that deny something else, or speak of another scope, are not read (the table counts some)', () => {
    for (const [s, why] of notClaims) assert.deepEqual(summary(withProse(s)), [], `${why}: ${s}`);
  });
});

test('the repository’s prose corpus as written: nothing (its county report’s 全部按时办结 beside 24 carried over is not read)', () => {
  for (const r of PROSE_CORPUS) {
    const lines = buildReport(r.data, 'tab').split('\n');
    lines.splice(3, 1, ...r.paragraphs.map((p) => p.replace(/\{\{([^}]+)\}\}/g, '$1')));
    assert.deepEqual(zeroClaims(lines.join('\n')).map((d) => d.message.en), [], r.style);
  }
});

describe('prose-zero-claim: configurable like the other rules', () => {
  test('the config file’s severity takes it to error or off', () => {
    const text = withProse('2025年度全年未收到政府信息公开申请。');
    const ds = zeroClaims(text);
    const target = { file: 'a.txt', lines: text.split('\n') };
    for (const [severity, expected] of [['error', ['error']], ['off', []]] as const) {
      const { config, problems } = parseConfig(JSON.stringify({ severity: { 'prose-zero-claim': severity } }));
      assert.deepEqual(problems, []);
      assert.deepEqual(applyConfig(ds, target, config).kept.map((d) => d.severity), expected);
    }
  });
});

describe('prose-zero-claim on the seeds and published reports', { skip: SKIP_SHARED }, () => {
  const all = [...sharedFiles('seeds'), ...sharedFiles('real')];

  test('nothing in all of ../shared: their claims are true, r09’s 按要求办理完成 is not read (docs/assessment.md)', () => {
    const found = all.flatMap(({ name, text }) => zeroClaims(text, name).map((d) => [name, d.range.start.line + 1, words(text, d), d.cell]));
    assert.deepEqual(found, []);
    // Without its 按要求, r09's sentence would be read, against the carried-over cell that counts (总计 blank).
    const r09 = all.find((x) => x.name.startsWith('r09_'))!;
    const bare = r09.text.replace('所有申请均已按要求办理完成', '所有申请均已办理完成');
    assert.deepEqual(zeroClaims(bare, r09.name).map((d) => [d.range.start.line + 1, words(bare, d), d.cell]), [[11, '所有申请均已办理完成', 't3.carryOver.natural']]);
  });

  test('their true claims raise nothing, and do once the table counts some', () => {
    /** The report with table lines rewritten (0-based line → its new text). */
    const edit = (prefix: string, lines: Record<number, [string, string]>) => {
      const f = all.find((x) => x.name.startsWith(prefix))!;
      const ls = f.text.split('\n');
      for (const [i, [from, to]] of Object.entries(lines)) {
        assert.equal(ls[Number(i)], from, `${prefix} line ${Number(i) + 1}`);
        ls[Number(i)] = to;
      }
      return { name: f.name, before: f.text, after: ls.join('\n') };
    };
    const zeros = '0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
    // Seed 003 says 全年未收到政府信息公开申请 and its table 三 (a cell per line) counts none; seed
    // 000 says 未发生行政复议和行政诉讼 and seed 002 未发生…行政诉讼, each with a table 四 of zeros.
    const cases: [ReturnType<typeof edit>, string, string][] = [
      [edit('003_', { 64: ['0 |', '3 |'], 70: ['0 |', '3 |'] }), '未收到政府信息公开申请', 't3.new.total'],
      [edit('000_', { 56: [zeros, '1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |'] }), '未发生行政复议和行政诉讼', 't4.review.total'],
      [edit('002_', { 54: [zeros, '1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |'] }), '', ''],
      [edit('002_', { 54: [zeros, '0 | 0 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |'] }), '未发生因政府信息公开而引发的行政诉讼', 't4.direct.total'],
    ];
    for (const [{ name, before, after }, claim, cell] of cases) {
      assert.deepEqual(zeroClaims(before, name), [], name);
      // Seed 002 denies only the litigation: a 行政复议 is no contradiction.
      assert.deepEqual(zeroClaims(after, name).map((d) => [words(after, d), d.cell]), claim ? [[claim, cell]] : [], name);
    }
  });
});
