// `disclosure-report check` behaviour no other test pinned (found by mutation probing): what the
// CLI says when a fix cannot be written, its exit codes when several outcomes meet, the tally,
// and the outputs' details the contract promises.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import { makeHtml } from './helpers/sources.ts';
import { buildCli } from './lsp/build.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/cli.js');
const EX = join(ROOT, 'examples');
const WRONG = readFileSync(join(EX, 'wrong-totals.report.txt'), 'utf8');
const CLEAN = readFileSync(join(EX, 'clean.report.txt'), 'utf8');
const run = (args: string[], node: string[] = []) => spawnSync(process.execPath, [...node, CLI, ...args], { encoding: 'utf8', cwd: ROOT });
const fresh = (name: string) => realpathSync(mkdtempSync(join(tmpdir(), `dr-edges-${name}-`)));

before(async () => {
  // Built from the sources when they are newer (lsp/build.ts): a stale bundle would test old code.
  await buildCli();
});

// A preloaded script that refuses write access to one file (as a read-only file does for a user
// who is not root): `--fix` finds its changes, then cannot write them.
const DENY_HOOK = `
const fs = require('node:fs');
const target = process.env.DR_TARGET;
const real = fs.accessSync;
fs.accessSync = function (p, mode) {
  if (p === target && mode !== undefined && (mode & fs.constants.W_OK)) {
    throw Object.assign(new Error("EACCES: permission denied, access '" + p + "'"), { code: 'EACCES', errno: -13, syscall: 'access', path: p });
  }
  return real.apply(this, arguments);
};`;

describe('check --fix when the fix cannot be written', () => {
  test('nothing is claimed as fixed (text and JSON), what would have changed is said as unwritten, the file is untouched, exit 2, and its findings are still reported', () => {
    const d = fresh('deny');
    const hook = join(d, 'deny-hook.cjs');
    writeFileSync(hook, DENY_HOOK);
    const f = join(d, 'draft.txt');
    writeFileSync(f, WRONG);
    const env = { ...process.env, DR_TARGET: f };
    const text = spawnSync(process.execPath, ['--require', hook, CLI, 'check', '--fix', f], { encoding: 'utf8', env });
    assert.equal(text.status, 2, text.stdout + text.stderr);
    assert.match(text.stderr, /draft\.txt: 无法写入：/);
    assert.equal(readFileSync(f, 'utf8'), WRONG, 'the file is as it was');
    assert.doesNotMatch(text.stdout, /已修正/, `no change is claimed for a file not written:\n${text.stdout}`);
    assert.match(text.stdout, /修正未写入：/);
    // What the write would have changed is said (the user can make the change by hand), as such.
    const unwritten = text.stdout.split('\n').filter((l) => / 未写入的修正 /.test(l));
    assert.ok(unwritten.length >= 1, text.stdout);
    for (const l of unwritten) assert.match(l, /draft\.txt:\d+:\d+: 未写入的修正 [a-z-]+ .+: \d+ → \d+/);
    assert.match(text.stdout, /error review-total/, 'the findings of the file as it is');
    assert.doesNotMatch(text.stdout, /修正了 \d+ 个单元格/, 'the summary counts no fixed cell');

    const json = spawnSync(process.execPath, ['--require', hook, CLI, 'check', '--fix', '--format', 'json', f], { encoding: 'utf8', env });
    assert.equal(json.status, 2, json.stdout + json.stderr);
    const file = JSON.parse(json.stdout).files[0] as { fixed?: unknown[]; notice?: string; diagnostics: { rule: string }[] };
    assert.deepEqual(file.fixed ?? [], [], 'no change listed as fixed');
    const would = (file as { unwritten?: { rule: string; old: string; new: string; cell: string }[] }).unwritten ?? [];
    assert.equal(would.length, unwritten.length, 'the same changes, as unwritten');
    assert.ok(would.every((c) => c.rule && c.cell && c.old !== c.new));
    assert.match(file.notice ?? '', /修正未写入/);
    assert.ok(file.diagnostics.some((x) => x.rule === 'review-total'));
    assert.equal(readFileSync(f, 'utf8'), WRONG);
  });
});

describe('check: usage', () => {
  test('an empty --previous is bad usage (the option named, then the usage), not an unreadable file; nothing is checked', () => {
    for (const args of [['--previous=', 'examples/clean.report.txt'], ['--previous', '', 'examples/clean.report.txt']]) {
      const r = run(['check', ...args]);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /选项 --previous 缺少取值或取值不对/);
      assert.match(r.stderr, /disclosure-report check/, 'the usage of check follows');
      assert.doesNotMatch(r.stderr, /无法读取上年报告/);
      assert.equal(r.stdout, '', 'nothing is checked');
    }
  });
});

describe('check: the text output over several files', () => {
  test('several clean reports: no tally header (no rule failed), only the summary', () => {
    const d = fresh('clean2');
    writeFileSync(join(d, 'a.txt'), CLEAN);
    writeFileSync(join(d, 'b.txt'), CLEAN);
    for (const [locale, head] of [['zh-CN', /各规则未通过的报告数/], ['en', /Reports failing each rule/]] as const) {
      const r = run(['check', '--locale', locale, d]);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.doesNotMatch(r.stdout, head, r.stdout);
    }
    const json = JSON.parse(run(['check', '--format', 'json', d]).stdout);
    assert.deepEqual(json.tally, {}, 'JSON: the tally over two files, empty');
  });
});

describe('check: a confirmed finding in the text output', () => {
  test('is said once, as its diagnostic (information, with the review), never again as a "reviewed" line', () => {
    const d = fresh('confirmed');
    writeFileSync(join(d, 'r.txt'), WRONG);
    writeFileSync(join(d, '.disclosure-report.json'), JSON.stringify({ reviewed: [{ rule: 'review-total', file: 'r.txt', cell: 't4.review.total', status: 'confirmed', reason: '请改为 2', reviewer: '李四', date: '2026-03-02' }] }));
    const r = run(['check', join(d, 'r.txt')]);
    const lines = r.stdout.split('\n').filter((l) => / review-total /.test(l));
    assert.equal(lines.length, 1, r.stdout);
    assert.match(lines[0], /:53:9: information review-total .*（已确认，待改正：请改为 2）$/);
  });
});

describe('check: exit codes and usage the contract promises', () => {
  test('a path that does not exist beside a clean report: exit 2 (not 0), said on stderr, the report checked', () => {
    const d = fresh('missing');
    writeFileSync(join(d, 'ok.txt'), CLEAN);
    for (const missing of [join(d, 'no-such-folder'), join(d, 'no-such.txt')]) {
      const r = run(['check', missing, join(d, 'ok.txt')]);
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /无法读取：文件或目录不存在/);
      assert.match(r.stdout, /检查了 1 个文件：0 个错误/);
    }
  });

  test('check --version prints the version, exit 0; after `--`, --help is a path, not the help', () => {
    const v = run(['check', '--version']);
    assert.equal(v.status, 0, v.stderr);
    assert.equal(v.stdout, run(['--version']).stdout);
    assert.match(v.stdout, /^\S+\n$/);
    const h = run(['check', '--', '--help']);
    assert.equal(h.status, 2, h.stdout);
    assert.match(h.stderr, /--help: 无法读取：文件或目录不存在/);
    assert.doesNotMatch(h.stdout, /用法|Usage/);
  });

  test('what a reader doubted (a page declaring GB2312, saved as UTF-8) is said on stderr, once, with the path', () => {
    const d = fresh('doubt');
    const page = join(d, 'lie.html');
    writeFileSync(page, Buffer.from(makeHtml(CLEAN, 'gb2312'), 'utf8'));
    const r = run(['check', page]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const said = r.stderr.split('\n').filter((l) => l.includes('网页声明的编码是'));
    assert.deepEqual(said, [`${page}: 网页声明的编码是 gb18030，但内容是 UTF-8，已按 UTF-8 读取`]);
  });
});
