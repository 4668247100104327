// `check` with last year's report: a pair in one folder is paired without flags (same office,
// year − 1), `--previous FILE` names it, two candidates pair with neither; the JSON carries
// rule, range, cell, expected and related {path, range, cell}; the text names last year's file.
// Also the prose rules in the JSON, and the published pairs r01→r02, r04→r05 with no flags.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import { composeReport, exampleReport } from './helpers/compose.mjs';
import { SHARED, SKIP_SHARED } from './helpers/shared.ts';
import { buildCli } from './lsp/build.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
const json = (...args: string[]) => {
  const r = run('check', '--format', 'json', ...args);
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return JSON.parse(r.stdout) as { files: { path: string; previous?: string; diagnostics: J[] }[] };
};
interface J { rule: string; severity: string; range: { start: { line: number; character: number } }; cell?: string; expected?: number; actual?: number; related?: { path: string; range: { start: { line: number; character: number } }; cell?: string }[] }

before(async () => {
  // Built from the sources when they are newer (lsp/build.ts): a stale bundle would test old code.
  await buildCli();
});

const example = exampleReport();
const report = (year: number, cells: Record<string, number> = {}) =>
  composeReport({ ...example, year, cells: { ...example.cells, ...cells } }).replaceAll(String(example.year), String(year));
const lineOf = (text: string, starts: string) => text.split('\n').findIndex((l) => l.startsWith(starts));

/** A folder with this year's report (2025) and last year's (2024), whose 四 carried 3 natural persons (this year's 二 says 2) and whose 行政规范性文件 现行有效 was 5. */
function folder(extra: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'dr-pair-'));
  const now = report(2025);
  const last = report(2024, { 't3.carryOver.natural': 3, 't3.carryOver.commercial': 0, 't3.carryOver.total': 3, 't2.normative.valid': 5 });
  writeFileSync(join(dir, 'a.txt'), now);
  writeFileSync(join(dir, 'b.txt'), last);
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return { dir, now, last, nowPath: join(dir, 'a.txt'), lastPath: join(dir, 'b.txt') };
}

describe('pairing within the inputs of one check', () => {
  test('a pair in one folder, no flags: carryover-mismatch with cell, expected and related {path, range, cell}', () => {
    const f = folder();
    const doc = json(f.dir);
    const cur = doc.files.find((x) => x.path === f.nowPath)!;
    const prev = doc.files.find((x) => x.path === f.lastPath)!;
    assert.equal(cur.previous, f.lastPath);
    assert.equal(prev.previous, undefined, 'the earliest report has none');
    const carry = cur.diagnostics.filter((d) => d.rule === 'carryover-mismatch');
    assert.deepEqual(carry.map((d) => [d.severity, d.cell, d.expected, d.actual]), [['warning', 't3.carried.natural', 3, 2], ['warning', 't3.carried.total', 3, 2]]);
    assert.equal(carry[0].range.start.line, lineOf(f.now, '二、上年结转'));
    assert.deepEqual(carry[0].related!.map((r) => [r.path, r.cell, r.range.start.line]), [[f.lastPath, 't3.carryOver.natural', lineOf(f.last, '四、结转下年度继续办理')]]);
    assert.equal(f.now.split('\n')[carry[0].range.start.line].slice(carry[0].range.start.character, carry[0].range.start.character + 1), '2');
    const chain = cur.diagnostics.filter((d) => d.rule === 'valid-count-chain');
    // 行政规范性文件: last year 5 + issued 3 − repealed 1 = 7, this year says 12.
    assert.deepEqual(chain.map((d) => [d.severity, d.cell, d.expected, d.actual, d.related![0].path, d.related![0].cell]), [['information', 't2.normative.valid', 7, 12, f.lastPath, 't2.normative.valid']]);
  });
  test('the text output names the file taken as last year’s', () => {
    const f = folder();
    const r = run('check', f.dir);
    assert.ok(r.stdout.includes(`${f.nowPath}: 上年报告：${f.lastPath}`), r.stdout);
    assert.ok(!r.stdout.includes(`${f.lastPath}: 上年报告`));
    assert.match(r.stdout, new RegExp(`${f.nowPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: warning carryover-mismatch`));
    assert.ok(run('check', '--locale', 'en', f.dir).stdout.includes(`${f.nowPath}: last year's report: ${f.lastPath}`));
  });
  test('two candidates for last year: neither is taken, and the text says why', () => {
    const f = folder({ 'c.txt': report(2024) });
    const doc = json(f.dir);
    const cur = doc.files.find((x) => x.path === f.nowPath)!;
    assert.equal(cur.previous, undefined);
    assert.deepEqual(cur.diagnostics.filter((d) => d.rule === 'carryover-mismatch'), []);
    assert.match(run('check', f.dir).stdout, /未与上年报告比对：有多份可能是 2024 年的上年报告：b\.txt、c\.txt；请用 --previous 指定/);
  });
  test('another office or a year that is not the one before: no pairing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-pair-'));
    writeFileSync(join(dir, 'a.txt'), report(2025));
    writeFileSync(join(dir, 'b.txt'), report(2023, { 't3.carryOver.natural': 3 }));
    writeFileSync(join(dir, 'c.txt'), report(2024, { 't3.carryOver.natural': 3 }).replaceAll('青禾县数据资源局', '青禾县教育局'));
    assert.deepEqual(json(dir).files.map((x) => x.previous), [undefined, undefined, undefined]);
  });
});

describe('--previous FILE', () => {
  test('names last year’s report for the single input (even from another folder)', () => {
    const f = folder();
    const doc = json('--previous', f.lastPath, f.nowPath);
    assert.equal(doc.files.length, 1);
    assert.equal(doc.files[0].previous, f.lastPath);
    assert.deepEqual(doc.files[0].diagnostics.filter((d) => d.rule === 'carryover-mismatch').map((d) => [d.cell, d.expected, d.related![0].path]), [['t3.carried.natural', 3, f.lastPath], ['t3.carried.total', 3, f.lastPath]]);
  });
  test('overrides the pairing of the inputs, for every input but itself', () => {
    // c.txt carries over what a.txt says it carried: 2 | 0 | … | 2.
    const f = folder({ 'c.txt': report(2024, { 't3.carryOver.natural': 2, 't3.carryOver.commercial': 0 }) });
    const doc = json('--previous', join(f.dir, 'c.txt'), f.dir);
    assert.deepEqual(doc.files.map((x) => [x.path, x.previous]), [[f.nowPath, join(f.dir, 'c.txt')], [f.lastPath, join(f.dir, 'c.txt')], [join(f.dir, 'c.txt'), undefined]]);
    assert.deepEqual(doc.files[0].diagnostics.filter((d) => d.rule === 'carryover-mismatch'), []);
  });
  test('an unreadable --previous: exit 2, said on stderr, the inputs still checked', () => {
    const f = folder();
    const r = run('check', '--previous', join(f.dir, 'missing.txt'), f.nowPath);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /missing\.txt: 无法读取上年报告：文件或目录不存在/);
    assert.match(r.stdout, /检查了 1 个文件/);
  });
});

describe('the prose rules in the JSON', () => {
  test('prose-table-mismatch and enumeration-sum: rule, range on the prose number, cell, expected, actual, related table cell', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-prose-'));
    const text = report(2025).replace('不断提升政务公开质量。', '不断提升政务公开质量。本年新收政府信息公开申请25件。全年共发布信息120条，其中政策文件30条、工作动态80条、通知公告20条。');
    const path = join(dir, 'a.txt');
    writeFileSync(path, text);
    const [file] = json(path).files;
    const p = file.diagnostics.find((d) => d.rule === 'prose-table-mismatch')!;
    const line = text.split('\n')[p.range.start.line];
    assert.equal(line.slice(p.range.start.character, p.range.start.character + 2), '25');
    assert.deepEqual([p.severity, p.cell, p.expected, p.actual], ['warning', 't3.new.total', 18, 25]);
    assert.deepEqual(p.related!.map((r) => [r.path, r.cell, r.range.start.line]), [[path, 't3.new.total', lineOf(text, '一、本年新收')]]);
    const e = file.diagnostics.find((d) => d.rule === 'enumeration-sum')!;
    assert.deepEqual([e.severity, e.expected, e.actual], ['warning', 130, 120]);
    // --fix changes no prose.
    assert.match(run('check', '--fix', path).stdout, /检查了 1 个文件：0 个错误，2 个警告/);
  });
});

describe('the published reports, no flags', { skip: SKIP_SHARED }, () => {
  test('r02 is paired with r01 and r05 with r04; no cross-year or prose alarm on any of them', () => {
    const doc = json(join(SHARED, 'real'));
    const name = (p?: string) => p?.split('/').pop()?.slice(0, 3);
    assert.deepEqual(doc.files.filter((f) => f.previous).map((f) => [name(f.path), name(f.previous)]), [['r02', 'r01'], ['r05', 'r04']]);
    const BEYOND = new Set(['prose-table-mismatch', 'enumeration-sum', 'carryover-mismatch', 'valid-count-chain', 'prose-repeated', 'section-empty', 'section-fee']);
    assert.deepEqual(doc.files.flatMap((f) => f.diagnostics.filter((d) => BEYOND.has(d.rule)).map((d) => [name(f.path), d.rule])), []);
  });
});
