// prose-copied (issue 18 item 3): over a batch, a report's prose found word for word in another
// office's report of the same year. Driven by composed reports with real-style prose, the seeds and
// the published reports in ../shared (nothing shared there across offices: no finding).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyzeText, copiedFinding, CopiedBatch, findCopied, proseFingerprint, RULES, splitWithEols } from '../server/src/core/index.ts';
import { OTHER, OWN, proseReport } from './helpers/copied.ts';
import { buildCli } from './lsp/build.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = join(ROOT, '..', 'shared');

const report = proseReport;

before(() => buildCli()); // unless dist/cli.js is newer than the sources

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

test('kept standing over a changing batch (the editor): which findings changed, and none for prose changed since', () => {
  const a = report('青禾县数据资源局', 2024, OWN);
  const b = report('白石镇人民政府', 2024, OWN);
  const c = report('南岭县卫生健康委员会', 2024, OTHER);
  const batch = new CopiedBatch();
  const put = (key: string, text: string, threshold = 0.5) => batch.put(key, printOf(text, key), threshold);
  const finding = (key: string, text: string) => batch.finding(key, printOf(text, key), splitWithEols(text)[0]);
  put('a', a);
  put('b', b);
  put('c', c);
  assert.deepEqual(batch.match(), ['a', 'b']);
  assert.match(finding('a', a)!.message.en, /^78 % of this report’s prose sentences \(7 of 9\) are word for word in 白石镇人民政府’s report \(b\)/);
  assert.equal(finding('c', c), undefined);
  assert.deepEqual(batch.match(), [], 'nothing changed: nothing to publish again');
  assert.equal(put('a', a), false, 'the same prose again changes nothing');
  // b rewrites its prose: until the next match, neither a nor b has a finding; then both go.
  const b2 = report('白石镇人民政府', 2024, OTHER.map((x) => x.replace('。', '，并形成长效机制。')));
  assert.equal(put('b', b2), true);
  assert.equal(finding('a', a), undefined, 'the other report changed since the match');
  assert.equal(finding('b', b), undefined, 'its own prose changed');
  assert.deepEqual(batch.match(), ['a', 'b']);
  assert.equal(finding('a', a), undefined);
  // Back again, and a threshold above the share for b only.
  put('b', b, 0.8);
  assert.deepEqual(batch.match(), ['a']);
  assert.ok(finding('a', a));
  assert.equal(finding('b', b), undefined, '78 % is not above 80 %');
  batch.delete('b');
  assert.deepEqual(batch.match(), ['a']);
  assert.equal(finding('a', a), undefined);
});

test('check reads the threshold from .disclosure-report.json (a percentage), and its severity', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dr-copied-'));
  const run = (config?: object) => {
    if (config) writeFileSync(join(dir, '.disclosure-report.json'), JSON.stringify(config));
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', '--format', 'json', dir], { encoding: 'utf8' });
    assert.equal(r.stderr, '');
    return JSON.parse(r.stdout).files.map((f: { path: string; diagnostics: { rule: string; severity: string }[] }) => [f.path.split(/[\\/]/).pop(), f.diagnostics.filter((d) => d.rule === 'prose-copied').map((d) => d.severity).join()]);
  };
  try {
    writeFileSync(join(dir, 'a.txt'), report('青禾县数据资源局', 2024, OWN));
    writeFileSync(join(dir, 'b.txt'), report('白石镇人民政府', 2024, OWN));
    // 7 of 9 sentences: 78 %.
    assert.deepEqual(run({ thresholds: { 'prose-copied': 80 } }), [['a.txt', ''], ['b.txt', '']], 'above the share: nothing');
    assert.deepEqual(run({ thresholds: { 'prose-copied': 70 } }), [['a.txt', 'information'], ['b.txt', 'information']]);
    assert.deepEqual(run({ thresholds: { 'prose-copied': 70 }, severity: { 'prose-copied': 'warning' } }), [['a.txt', 'warning'], ['b.txt', 'warning']]);
    assert.deepEqual(run({ severity: { 'prose-copied': 'off' } }), [['a.txt', ''], ['b.txt', '']]);
    // The file's threshold holds for the reports under it: one in a folder with its own file keeps the default.
    mkdirSync(join(dir, 'sub'));
    renameSync(join(dir, 'b.txt'), join(dir, 'sub', 'b.txt'));
    writeFileSync(join(dir, 'sub', '.disclosure-report.json'), '{}');
    assert.deepEqual(run({ thresholds: { 'prose-copied': 80 } }), [['a.txt', ''], ['b.txt', 'information']]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
