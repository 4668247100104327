// prose-copied (issue 18 item 3): over a batch, a report's prose found word for word in another
// office's report of the same year. Driven by composed reports with real-style prose, the seeds and
// the published reports in ../shared (nothing shared there across offices: no finding).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyzeText, copiedFinding, findCopied, proseFingerprint, RULES, splitWithEols } from '../server/src/core/index.ts';
import { complete, composeReport } from './helpers/compose.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = join(ROOT, '..', 'shared');

// Prose an office wrote (after the real reports' wording), and another office's own.
const OWN = [
  '一是围绕优化营商环境，集中公开涉企政策文件和办事指南，同步推出图文解读和问答解读。',
  '二是完善政府信息公开目录，对历年发布的规范性文件逐件核对有效性并标注状态。',
  '三是规范依申请公开办理流程，建立登记、审核、答复、归档全流程台账，确保按期答复。',
  '四是加强政务新媒体管理，对账号开设、内容发布和互动回应实行统一审核。',
  '五是组织全系统政务公开业务培训两次，邀请律师讲解答复文书的常见问题。',
  '六是开展政府开放日活动，邀请企业代表和群众走进机关，面对面听取意见建议。',
];
const OTHER = [
  '全年围绕乡村振兴重点工作，公开惠农补贴发放明细，接受群众监督。',
  '在村务公开栏同步张贴重要政策，方便不上网的群众了解政策内容。',
  '针对群众关心的征地补偿问题，召开政策说明会三场并公开答复要点。',
  '建立信息公开保密审查台账，做到先审查、后公开，一事一审、全程留痕。',
  '聘请政务公开监督员十名，定期收集对公开内容和形式的意见。',
  '结合年度考核，对各站所信息报送的及时性和准确性进行通报。',
];

function report(office: string, year: number, prose: string[]): string {
  const text = composeReport({ office, year, cells: complete({}) });
  return text.replace('二、主动公开政府信息情况', prose.join('') + '\n二、主动公开政府信息情况');
}

const printOf = (text: string, path: string) => proseFingerprint(analyzeText(text, { name: path }), splitWithEols(text)[0], path);
const find = (texts: [string, string][]) => {
  const prints = texts.map(([path, text]) => printOf(text, path));
  return { prints, matches: findCopied(prints) };
};

test('prose-copied is a batch rule, information by default', () => {
  const r = RULES.find((x) => x.id === 'prose-copied');
  assert.equal(r?.scope, 'batch');
  assert.equal(r?.severity, 'information');
});

test('one office copied another’s prose: both reports name the other, with the longest shared passage', () => {
  const a = report('青禾县数据资源局', 2024, OWN);
  const b = report('白石镇人民政府', 2024, [...OWN.slice(0, 5), OTHER[0]]);
  const c = report('南岭县卫生健康委员会', 2024, OTHER);
  const { prints, matches } = find([['a.txt', a], ['b.txt', b], ['c.txt', c]]);
  assert.deepEqual(matches.map((m) => [m.report, m.other, m.shared]), [[0, 1, 6], [1, 0, 6]]);
  const d = copiedFinding(matches[1], prints, b.split('\n'));
  assert.equal(d.rule, 'prose-copied');
  assert.equal(d.range.start.line, 0, 'at the title');
  assert.match(d.message.zh, /^本报告正文有 \d+%（6\/\d+ 句）与同年度青禾县数据资源局的报告（a\.txt）逐字相同；最长的相同段落：“一是围绕优化营商环境/);
  assert.match(d.message.en, /青禾县数据资源局’s report \(a\.txt\)/);
  assert.equal(d.related?.[0].path, 'a.txt');
  const line = a.split('\n')[d.related![0].range.start.line];
  assert.ok(line.slice(d.related![0].range.start.character).startsWith(OWN[0]), 'related points at the passage in the other report');
  assert.equal(d.details?.passages[0].text, OWN.slice(0, 5).join(''));
});

test('below the threshold, another year, the same office, an unknown office: nothing', () => {
  const a = report('青禾县数据资源局', 2024, OWN);
  const half = report('白石镇人民政府', 2024, [...OWN.slice(0, 3), ...OTHER]);
  assert.deepEqual(find([['a.txt', a], ['b.txt', half]]).matches, [], '3 of 9 sentences');
  assert.deepEqual(find([['a.txt', a], ['b.txt', report('白石镇人民政府', 2023, OWN)]]).matches, [], 'another year: prose-repeated’s business if the same office');
  assert.deepEqual(find([['a.txt', a], ['a-copy.txt', report('淮安市青禾县数据资源局', 2024, OWN)]]).matches, [], 'the same office (a higher place in front)');
  const noTitle = a.split('\n').slice(1).join('\n');
  assert.deepEqual(find([['a.txt', a], ['draft.txt', noTitle]]).matches, [], 'an unknown office may be this one');
  // The threshold is an option: 3 of 9 is above 30 %.
  const prints = [printOf(a, 'a.txt'), printOf(half, 'b.txt')];
  assert.equal(findCopied(prints, { threshold: 0.3 }).length, 2);
  assert.equal(findCopied(prints, { threshold: (p) => (p.path === 'a.txt' ? 0.3 : 0.9) }).length, 1, 'a threshold per report');
});

test('sentences many offices share are boilerplate, not copying', () => {
  const offices = ['青禾县数据资源局', '白石镇人民政府', '南岭县卫生健康委员会', '松原市教育局', '东湖区人民政府办公室'];
  // Five offices carry the same template sentences: common (more than 3 offices); the rest is their own.
  const texts = offices.map((o, i): [string, string] => [`${i}.txt`, report(o, 2024, [...OWN, OTHER[i]])]);
  assert.deepEqual(find(texts).matches, []);
  // Three offices sharing them is copying (and more than 3 is a setting).
  assert.equal(find(texts.slice(0, 3)).matches.length, 3);
  const prints = texts.map(([p, t]) => printOf(t, p));
  assert.equal(findCopied(prints, { commonReports: 5 }).length, 5);
});

test('the seeds and the published reports in ../shared: no sentence shared across offices of one year, no finding', (t) => {
  if (!existsSync(SHARED)) return t.skip('../shared is absent (the seeds and published reports)');
  const files = ['seeds', 'real'].flatMap((d) => readdirSync(join(SHARED, d)).filter((f) => f.endsWith('.txt')).map((f) => join(SHARED, d, f)));
  const prints = files.map((f) => printOf(readFileSync(f, 'utf8'), f));
  assert.deepEqual(findCopied(prints, { threshold: 0, minSentences: 1 }), [], 'not one shared sentence');
  // With the published reports copied in under other offices' titles, each copy is found.
  const r03 = readFileSync(join(SHARED, 'real', 'r03_huaian_2024.txt'), 'utf8');
  const copy = r03.replace(/淮安市人民政府/g, '宿迁市人民政府');
  const more = [...prints, printOf(copy, 'suqian-copy.txt')];
  const found = findCopied(more).map((m) => [more[m.report].path.split(/[\\/]/).pop(), more[m.other].path.split(/[\\/]/).pop()]);
  assert.deepEqual(found, [['r03_huaian_2024.txt', 'suqian-copy.txt'], ['suqian-copy.txt', 'r03_huaian_2024.txt']]);
});

test('check over a folder: the finding in the JSON, with details and the other report in related', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dr-copied-'));
  try {
    writeFileSync(join(dir, 'a.txt'), report('青禾县数据资源局', 2024, OWN));
    writeFileSync(join(dir, 'b.txt'), report('白石镇人民政府', 2024, OWN));
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', '--format', 'json', dir], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
    const doc = JSON.parse(r.stdout);
    const found = doc.files.map((f: { path: string; diagnostics: { rule: string; severity: string; related?: { path: string }[]; details?: unknown }[] }) => {
      const d = f.diagnostics.find((x) => x.rule === 'prose-copied')!;
      return [f.path.split(/[\\/]/).pop(), d.severity, d.related?.[0].path.split(/[\\/]/).pop(), d.details];
    });
    assert.deepEqual(found, [
      ['a.txt', 'information', 'b.txt', { share: 7 / 9, repeated: 7, counted: 9 }],
      ['b.txt', 'information', 'a.txt', { share: 7 / 9, repeated: 7, counted: 9 }],
    ]);
    // One report alone: no batch, no finding.
    const one = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', '--format', 'json', join(dir, 'a.txt')], { encoding: 'utf8' });
    assert.ok(!one.stdout.includes('prose-copied'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
