// sources/files.ts, the Node file access under every write-back, at its edges that no other test
// pinned (found by mutation probing): a file exactly at its limit is read and one byte more is
// refused; the descriptor is closed whatever the read comes to; a replaced file keeps its mode; an
// output file written through a symbolic link replaces the link's target; and once a write has
// hooked the signals, SIGTERM, SIGINT and SIGHUP still end a process that has no listener of its
// own (exit 130), while one with its own listener (check --fix) is left to stop by itself.
// Run: node test/run.mjs test/writeback-files.test.ts
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import { readRegularFile, writeAtomic, writeFileAtomic } from '../server/src/sources/files.ts';
import { FILE_ERRORS, fileError } from '../server/src/sources/fileErrors.ts';
import { tempDirs } from './helpers/tempDirs.ts';

const ROOT = resolve(import.meta.dirname, '..');
const fresh = tempDirs('writeback-files');
const modeOf = (p: string) => statSync(p).mode & 0o7777;
/** The process's open descriptors (Linux), or undefined where /proc is not there. */
const openFds = () => (existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').length : undefined);

describe('readRegularFile: a regular file within a limit', () => {
  test('a file of exactly `limit` bytes is read whole; one byte over is refused (ETOOLARGE with its size and the limit)', () => {
    const d = fresh('limit');
    const p = join(d, 'r.txt');
    writeFileSync(p, '本年度'); // 9 bytes
    assert.equal(readRegularFile(p, 9).toString('utf8'), '本年度');
    assert.equal(readRegularFile(p, 10).toString('utf8'), '本年度');
    assert.throws(() => readRegularFile(p, 8), (e: { code?: string; size?: number; limit?: number }) => e.code === 'ETOOLARGE' && e.size === 9 && e.limit === 8);
    writeFileSync(p, '');
    assert.equal(readRegularFile(p, 0).length, 0, 'an empty file is within a limit of 0');
  });

  test('the descriptor is closed whatever the read comes to: read, too large, not a regular file', (t) => {
    const d = fresh('fds');
    const p = join(d, 'r.txt');
    writeFileSync(p, '本年度');
    const before = openFds();
    if (before === undefined) return t.skip('no /proc/self/fd here');
    // All synchronous: nothing else in this process opens or closes a descriptor in between.
    for (let i = 0; i < 20; i++) {
      readRegularFile(p, 100);
      assert.throws(() => readRegularFile(p, 3), (e: { code?: string }) => e.code === 'ETOOLARGE');
      assert.throws(() => readRegularFile(d, 100), (e: unknown) => fileError(e).en === FILE_ERRORS.notFile.en);
    }
    assert.equal(openFds(), before, 'no descriptor left open');
  });
});

describe('writeAtomic and writeFileAtomic keep what the file was', () => {
  test('a fixed file keeps its mode (owner-only, group-readable, executable, others-readable only)', () => {
    const d = fresh('mode');
    for (const mode of [0o600, 0o640, 0o700, 0o755, 0o604]) {
      const p = join(d, `r${mode.toString(8)}.txt`);
      writeFileSync(p, 'old');
      chmodSync(p, mode);
      writeAtomic(p, Buffer.from('new'), Buffer.from('old'));
      assert.equal(readFileSync(p, 'utf8'), 'new');
      assert.equal(modeOf(p).toString(8), mode.toString(8), `mode ${mode.toString(8)} kept`);
    }
    assert.deepEqual(readdirSync(d).filter((n) => n.endsWith('.tmp')), []);
  });

  test('a fixed file or a replaced output file keeps group and other write bits the umask would take away', () => {
    const d = fresh('mode-umask');
    const was = process.umask(0o022);
    try {
      for (const mode of [0o664, 0o666, 0o775]) {
        const p = join(d, `shared${mode.toString(8)}.txt`);
        writeFileSync(p, 'old');
        chmodSync(p, mode);
        writeAtomic(p, Buffer.from('new'), Buffer.from('old'));
        assert.equal(modeOf(p).toString(8), mode.toString(8), 'a fixed file');
        writeFileAtomic(p, Buffer.from('newer'));
        assert.equal(modeOf(p).toString(8), mode.toString(8), 'a replaced output file');
      }
      const created = join(d, 'new.csv');
      writeFileAtomic(created, Buffer.from('x'));
      assert.equal(modeOf(created).toString(8), '644', 'a new output file: 0666 less the umask');
    } finally {
      process.umask(was);
    }
  });

  test('an output file through a symbolic link: the target is replaced, keeping its mode, and the link stays a link', () => {
    const d = fresh('out-link');
    const other = fresh('out-target');
    const target = join(other, 'summary.csv');
    writeFileSync(target, 'old');
    chmodSync(target, 0o600);
    const link = join(d, 'summary.csv');
    symlinkSync(target, link);
    writeFileAtomic(link, Buffer.from('new'));
    assert.ok(lstatSync(link).isSymbolicLink(), 'the link is still a link');
    assert.equal(readlinkSync(link), target);
    assert.equal(readFileSync(target, 'utf8'), 'new');
    assert.equal(modeOf(target).toString(8), '600', 'the existing output file keeps its mode');
    assert.deepEqual(readdirSync(d), ['summary.csv']);
    assert.deepEqual(readdirSync(other), ['summary.csv'], 'no temporary file left beside the target');
    // A new output file: created whole, with the umask's mode.
    const created = join(d, 'new.csv');
    writeFileAtomic(created, Buffer.from('x'));
    const umask = process.umask();
    assert.equal(modeOf(created).toString(8), (0o666 & ~umask).toString(8));
  });
});

describe('signals once a write has hooked them', () => {
  // A child that writes one file through files.ts (which hooks SIGINT, SIGTERM and SIGHUP), then
  // says "ready" and stays alive on its open stdin until a signal ends it (or, with `own`, until
  // its own listener has seen the signal).
  const CHILD = (own: boolean) => `
import { writeFileAtomic } from ${JSON.stringify(pathToFileURL(join(ROOT, 'server/src/sources/files.ts')).href)};
writeFileAtomic(process.env.DR_OUT, Buffer.from('written'));
${own ? "for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, () => { process.stdout.write('own ' + s + '\\n'); process.exit(7); });" : ''}
process.stdin.resume();
process.stdout.write('ready\\n');
`;

  // A child still alive when its test ends (a signal swallowed: that test fails at its timeout) is killed here.
  const alive = new Set<ReturnType<typeof spawn>>();
  after(() => {
    for (const c of alive) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });

  async function signalled(sig: NodeJS.Signals, own: boolean): Promise<{ code: number | null; signal: string | null; out: string }> {
    const d = fresh(`sig-${sig}-${own ? 'own' : 'none'}`);
    const script = join(d, 'child.mts');
    writeFileSync(script, CHILD(own));
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, env: { ...process.env, DR_OUT: join(d, 'out.txt') }, stdio: ['pipe', 'pipe', 'inherit'] });
    alive.add(child);
    let out = '';
    const exited = new Promise<{ code: number | null; signal: string | null }>((res) => child.on('exit', (code, signal) => res({ code, signal })));
    try {
      await new Promise<void>((res, rej) => {
        child.stdout.on('data', (x: Buffer) => {
          out += x.toString();
          if (out.includes('ready\n')) res();
        });
        child.on('exit', () => rej(new Error(`the child ended before it was ready: ${out}`)));
      });
      assert.equal(readFileSync(join(d, 'out.txt'), 'utf8'), 'written');
      child.kill(sig);
      return { ...(await exited), out };
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }

  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    test(`${sig} after a write, with no listener of the process's own: exit 130 (the signal is not swallowed)`, { timeout: 30_000 }, async () => {
      const r = await signalled(sig, false);
      assert.deepEqual([r.code, r.signal], [130, null], r.out);
    });
  }

  test('with a listener of its own (as check --fix has), the process is left to stop by itself', { timeout: 30_000 }, async () => {
    const r = await signalled('SIGTERM', true);
    assert.deepEqual([r.code, r.signal], [7, null], r.out);
    assert.match(r.out, /own SIGTERM/);
  });
});
