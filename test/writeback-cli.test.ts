// `check --fix` writing files back, at the edges no other test pinned (found by mutation probing):
// the temporary file is made beside the file it replaces (the target of a link, not the link's
// folder or the system's temp folder, so that the rename is one step on one file system), the file
// keeps its mode; and Ctrl-C, made deterministic here by a preloaded script that signals the CLI
// from inside its first write: one Ctrl-C stops the batch after exactly that file (said, exit 130),
// a second one leaves at once, and either way every file is whole and no temporary file is left.
// Run: node test/run.mjs test/writeback-cli.test.ts
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import { analyzeText, applyEdits, recompute } from '../server/src/core/index.ts';
import { buildCli } from './lsp/build.ts';
import { tempDirs } from './helpers/tempDirs.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/cli.js');
const EXAMPLE = readFileSync(join(ROOT, 'examples/wrong-totals.report.txt'), 'utf8');
const FIXED = applyEdits(EXAMPLE, recompute(analyzeText(EXAMPLE)).edits);

const fresh = tempDirs('writeback-cli');

before(async () => {
  // Built from the sources when they are newer (lsp/build.ts): a stale bundle would test old code.
  await buildCli();
});

/** The CLI with a script preloaded (`--require`), in English. */
function cliWith(hook: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--require', hook, CLI, 'check', '--locale', 'en', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, signal: r.signal, stdout: String(r.stdout), stderr: String(r.stderr) };
}

describe('check --fix: where the temporary file is made', () => {
  // Records every file the CLI creates exclusively ('wx': the temporary file) in DR_LOG.
  const RECORD = `
const fs = require('node:fs');
const real = fs.openSync;
fs.openSync = function (p, flags) {
  if (flags === 'wx') fs.appendFileSync(process.env.DR_LOG, String(p) + '\\n');
  return real.apply(this, arguments);
};`;

  test('beside the target of a link in another folder, named after it, removed by the rename; the mode kept', () => {
    const linkDir = fresh('links');
    const targetDir = fresh('drafts');
    const target = join(targetDir, 'report.txt');
    writeFileSync(target, EXAMPLE);
    chmodSync(target, 0o640);
    const link = join(linkDir, 'link.txt');
    symlinkSync(target, link);
    const own = fresh('hook');
    const hook = join(own, 'record-hook.cjs');
    writeFileSync(hook, RECORD);
    const log = join(own, 'opened.log');
    writeFileSync(log, '');
    const r = cliWith(hook, ['--fix', link], { DR_LOG: log });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(readFileSync(target, 'utf8'), FIXED);
    assert.ok(lstatSync(link).isSymbolicLink());
    const temps = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    assert.equal(temps.length, 1, temps.join('\n'));
    assert.equal(dirname(temps[0]), targetDir, 'made in the target’s folder (one file system: the rename is atomic)');
    assert.match(basename(temps[0]), /^\.report\.txt\.\d+\.[0-9a-z]+\.tmp$/);
    assert.deepEqual(readdirSync(targetDir), ['report.txt'], 'renamed over the target: nothing left');
    assert.deepEqual(readdirSync(linkDir), ['link.txt']);
    assert.equal((statSync(target).mode & 0o7777).toString(8), '640', 'the fixed file keeps its mode');
  });
});

describe('check --fix and Ctrl-C, deterministically', () => {
  // Sends DR_SIGNALS SIGINTs to the CLI itself from inside its first write (just after the
  // temporary file is flushed, before the rename): Node runs the listeners on its next turn of the
  // event loop, after that file's write has finished.
  const SIGNAL = `
const fs = require('node:fs');
const real = fs.fsyncSync;
let sent = false;
fs.fsyncSync = function (fd) {
  real.call(fs, fd);
  if (sent) return;
  sent = true;
  for (let i = 0; i < Number(process.env.DR_SIGNALS); i++) process.kill(process.pid, 'SIGINT');
};`;

  function batch(name: string, n: number) {
    const d = fresh(name);
    const files = Array.from({ length: n }, (_, i) => join(d, `r${i}.txt`));
    for (const f of files) writeFileSync(f, EXAMPLE);
    const hook = join(d, 'signal-hook.cjs');
    writeFileSync(hook, SIGNAL);
    return { d, files, hook };
  }
  const states = (files: string[]) => files.map((f) => {
    const t = readFileSync(f, 'utf8');
    return t === FIXED ? 'fixed' : t === EXAMPLE ? 'untouched' : 'half-written';
  });

  test('one Ctrl-C during the first file: that file fixed whole, the others untouched, said, exit 130, nothing printed to stdout', () => {
    const { d, files, hook } = batch('sigint-once', 3);
    const r = cliWith(hook, ['--fix', ...files], { DR_SIGNALS: '1' });
    assert.deepEqual([r.status, r.signal], [130, null], r.stdout + r.stderr);
    assert.deepEqual(states(files), ['fixed', 'untouched', 'untouched']);
    assert.match(r.stderr, /interrupted: 1 file fixed whole, the other 2 left untouched/);
    assert.equal(r.stdout, '', 'no report of a batch that was stopped');
    assert.deepEqual(readdirSync(d).filter((n) => n.endsWith('.tmp')), []);
  });

  test('a second Ctrl-C while the batch stops: it leaves at once (exit 130, nothing more said), the file being written still whole', () => {
    const { d, files, hook } = batch('sigint-twice', 3);
    const r = cliWith(hook, ['--fix', ...files], { DR_SIGNALS: '2' });
    assert.deepEqual([r.status, r.signal], [130, null], r.stdout + r.stderr);
    assert.deepEqual(states(files), ['fixed', 'untouched', 'untouched']);
    assert.doesNotMatch(r.stderr, /interrupted/, 'left at once, without the summary');
    assert.equal(r.stdout, '');
    assert.deepEqual(readdirSync(d).filter((n) => n.endsWith('.tmp')), []);
  });
});
