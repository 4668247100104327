// `disclosure-report export` behaviour no other test pinned (found by mutation probing): the exit
// code when a path named cannot be walked, and when the output file cannot be written.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import { buildCli } from './lsp/build.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/cli.js');
const CLEAN = readFileSync(join(ROOT, 'examples/clean.report.txt'), 'utf8');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });

before(async () => {
  // Built from the sources when they are newer (lsp/build.ts): a stale bundle would test old code.
  await buildCli();
});

describe('export: exit codes (CONTRACT.md "export", the help: 2 for an unreadable input)', () => {
  test('a path that does not exist: exit 2, said on stderr, the other report still exported', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-edges-export-'));
    writeFileSync(join(dir, 'a.txt'), CLEAN);
    const missing = join(dir, 'no-such-folder');
    for (const format of ['csv', 'json']) {
      const r = run('export', '--format', format, missing, join(dir, 'a.txt'));
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /no-such-folder: 无法读取：文件或目录不存在/);
      if (format === 'json') assert.deepEqual(JSON.parse(r.stdout).reports.map((x: { path: string }) => x.path), [join(dir, 'a.txt')]);
      else assert.equal(r.stdout.trim().split('\n').length, 2, 'the header and the one report');
    }
  });

  test('an --output that cannot be written (its folder does not exist): exit 2, said on stderr, nothing claimed as exported', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-edges-export-'));
    writeFileSync(join(dir, 'a.txt'), CLEAN);
    const out = join(dir, 'no-such-folder', 'out.csv');
    const r = run('export', '--output', out, join(dir, 'a.txt'));
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /out\.csv: 无法写入：/);
    assert.doesNotMatch(r.stderr, /已导出/);
    assert.equal(r.stdout, '');
    assert.equal(existsSync(out), false);
  });
});
