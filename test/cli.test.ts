// The CLI as users run it: `disclosure-report check` over files and directories.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { SHARED, SKIP_SHARED } from './helpers/shared.ts';
import { buildCli } from './lsp/build.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/cli.js');
const EX = join(ROOT, 'examples');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });

before(async () => {
  // Built from the sources when they are newer (lsp/build.ts): a stale bundle would test old code.
  await buildCli();
});

describe('disclosure-report check', () => {
  test('clean draft: exit 0, summary line', () => {
    const r = run('check', join(EX, 'clean.report.txt'));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /检查了 1 个文件：0 个错误/);
  });
  test('wrong totals: exit 1, compiler-style lines, English on request', () => {
    const r = run('check', '--locale', 'en', 'examples/');
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^examples\/wrong-totals\.report\.txt:24:31: error request-row-total .*should be 18/m);
    assert.match(r.stdout, /Checked 2 files: 6 errors/);
  });
  test('--format json follows the contract', () => {
    const r = run('check', '--format', 'json', join(EX, 'wrong-totals.report.txt'));
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.version, 1);
    const d = doc.files[0].diagnostics.find((x: { rule: string }) => x.rule === 'review-total');
    assert.deepEqual(d, { ...d, severity: 'error', expected: 2, actual: 3, range: { start: { line: 52, character: 8 }, end: { line: 52, character: 9 } } });
  });
  test('--fix rewrites only the derived cells, keeps CRLF and BOM, and says what it changed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-cli-'));
    const f = join(dir, 'draft.txt');
    const original = readFileSync(join(EX, 'wrong-totals.report.txt'), 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(f, '\ufeff' + original);
    const r = run('check', '--fix', f);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /已修正 review-total 行政复议 总计: 3 → 2/);
    const fixed = readFileSync(f, 'utf8');
    assert.ok(fixed.startsWith('\ufeff'));
    const expected = readFileSync(join(EX, 'wrong-totals.report.txt'), 'utf8').replace(/\n/g, '\r\n');
    const a = fixed.slice(1).split('\r\n');
    const b = expected.split('\r\n');
    assert.equal(a.length, b.length);
    assert.equal(a.filter((l, i) => l !== b[i]).length, 3, 'three lines changed');
    assert.equal(run('check', f).status, 0);
    assert.deepEqual(readdirSync(dir), ['draft.txt'], 'no temporary file left');
  });
  test('GB18030 drafts are decoded, fixed and written back in GB18030', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-gb-'));
    const f = join(dir, 'gb.txt');
    writeFileSync(f, iconv.encode(readFileSync(join(EX, 'wrong-totals.report.txt'), 'utf8'), 'gb18030'));
    assert.equal(run('check', f).status, 1);
    assert.equal(run('check', '--fix', f).status, 0);
    const back = iconv.decode(readFileSync(f), 'gb18030');
    assert.match(back, /行政复议/);
    assert.equal(run('check', f).status, 0);
  });
  test('unreadable and binary inputs: exit 2, said on stderr, the others still checked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-bad-'));
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]));
    copyFileSync(join(EX, 'clean.report.txt'), join(dir, 'ok.txt'));
    const r = run('check', dir, join(dir, 'missing.txt'));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /binary\.txt: 无法读取：二进制文件/);
    assert.match(r.stderr, /missing\.txt: 无法读取：文件或目录不存在/);
    assert.match(r.stdout, /检查了 2 个文件/);
  });
  test('bad usage: exit 2 with the usage; --help: exit 0', () => {
    const bad = run('check', '--nope', 'x.txt');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /未知选项：--nope/);
    assert.equal(run('lint', 'x').status, 2);
    const help = run('--help', '--locale', 'en');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--format text\|json/);
  });
  test('the seeds: every blemish, no arithmetic error', { skip: SKIP_SHARED }, () => {
    const r = run('check', '--format', 'json', join(SHARED, 'seeds'));
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.files.length, 5);
    const rules = doc.files.flatMap((f: { diagnostics: { rule: string }[] }) => f.diagnostics.map((d) => d.rule));
    assert.equal(rules.filter((x: string) => /total|balance/.test(x)).length, 0);
    assert.equal(rules.filter((x: string) => x === 'label-wording').length, 24);
    assert.equal(rules.filter((x: string) => x === 'cell-blank').length, 2);
  });
});
