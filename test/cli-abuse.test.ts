// The CLI (dist/cli.js) under abuse: unreadable paths, a directory of thousands of files, binary
// files, special files, GB18030 and UTF-16 drafts fixed in place byte for byte, CRLF and BOM kept,
// a file replaced while it is being fixed, and the process killed with SIGKILL in the middle of
// a `--fix` batch. Whatever happens: exit 2 with a clear line on stderr for each bad input, the
// other inputs still checked, and no file ever left truncated or half-written.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { analyzeText, applyEdits, recompute } from '../server/src/core/index.ts';
import { decode, encode, type Decoded } from '../server/src/sources/encoding.ts';
import { composeReport, LAYOUTS, T3_COLUMNS, T3_ROWS } from './helpers/compose.mjs';
import { randomData, rng, int, choose } from '../bench/gen.ts';
import { buildCli } from './lsp/build.ts';

const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'dist/cli.js');
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

let base = '';
before(async () => {
  // Built from the sources when they are newer (lsp/build.ts): a stale bundle would test old code.
  await buildCli();
  assert.ok(existsSync(CLI), 'dist/cli.js could not be built');
  base = mkdtempSync(join(tmpdir(), 'dr-cli-abuse-'));
  chmodSync(base, 0o755);
});
after(() => {
  if (!base) return;
  // Give back permissions taken away in the tests, so the directory can be removed.
  spawnSync('chmod', ['-R', 'u+rwX', base]);
  rmSync(base, { recursive: true, force: true });
});

let dirs = 0;
function freshDir(name: string): string {
  const d = join(base, `${++dirs}-${name}`);
  mkdirSync(d);
  chmodSync(d, 0o755);
  return d;
}

function cli(args: string[], opts: SpawnSyncOptions = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args.slice(0, 1), '--locale', 'en', ...args.slice(1)], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 120000, ...opts });
  return { status: r.status, signal: r.signal, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? ''), error: r.error };
}
const json = (stdout: string) => JSON.parse(stdout) as { version: number; files: { path: string; diagnostics: { rule: string; severity: string }[]; fixed?: unknown[]; error?: string }[] };

/** A report with one derived cell off by `bump` (so --fix has something to do), and its fixed text. */
function faulty(seed: number, layout = LAYOUTS[seed % 4]): { text: string; fixed: string } {
  const r = rng(seed);
  const good = randomData(r);
  const bad = structuredClone(good);
  const row = choose(r, ['total', 'carryOver', T3_ROWS[int(r, 0, 22)][0]]);
  const col = row === 'total' || row === 'carryOver' ? T3_COLUMNS[int(r, 0, 6)] : 'total';
  bad.cells[`t3.${row}.${col}`] = Number(good.cells[`t3.${row}.${col}`]) + int(r, 1, 9);
  if (r() < 0.5) bad.cells['t4.review.total'] = Number(good.cells['t4.review.total']) + 1;
  return { text: composeReport(bad, layout), fixed: composeReport(good, layout) };
}

/** What --fix must write: the core's recompute applied, in the file's own encoding, BOM and line ends. */
function expectedFix(bytes: Buffer): Buffer {
  const d: Decoded = decode(bytes);
  return encode(applyEdits(d.text, recompute(analyzeText(d.text)).edits), d);
}

/** Bytes that differ between two buffers, as [offset, length] runs. */
function diffRuns(a: Buffer, b: Buffer): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === i) last[1]++;
    else runs.push([i, 1]);
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------

describe('unreadable paths', () => {
  test('a nonexistent file, a nonexistent directory and a dangling symlink: exit 2, one clear line each, the good file still checked', () => {
    const d = freshDir('missing');
    const good = join(d, 'good.txt');
    writeFileSync(good, faulty(1).fixed);
    symlinkSync(join(d, 'nowhere.txt'), join(d, 'dangling.txt'));
    const r = cli(['check', '--format', 'json', join(d, 'nope.txt'), join(d, 'no-dir'), join(d, 'dangling.txt'), good]);
    assert.equal(r.status, 2, r.stderr);
    for (const p of ['nope.txt', 'no-dir', 'dangling.txt']) assert.match(r.stderr, new RegExp(`${p}: cannot read: no such file or directory`));
    assert.equal(r.stderr.trim().split('\n').length, 3, `one line per bad input:\n${r.stderr}`);
    assert.doesNotMatch(r.stderr, /internal error|at .*\.js:\d+/);
    const out = json(r.stdout);
    assert.deepEqual(out.files.map((f) => f.path), [good]);
    assert.equal(out.files[0].diagnostics.filter((x) => x.severity === 'error').length, 0);
  });

  test('a file and a directory without permissions: exit 2 with "permission denied", the rest checked', (t) => {
    const d = freshDir('denied');
    const good = join(d, 'a-good.txt');
    const locked = join(d, 'b-locked.txt');
    const lockedDir = join(d, 'c-locked-dir');
    writeFileSync(good, faulty(2).text);
    writeFileSync(locked, faulty(3).text);
    mkdirSync(lockedDir);
    writeFileSync(join(lockedDir, 'inside.txt'), faulty(4).text);
    chmodSync(locked, 0o000);
    chmodSync(lockedDir, 0o000);
    // Root reads through chmod 000: run the CLI as an unprivileged user instead, when we can.
    let as: SpawnSyncOptions = {};
    if (isRoot) {
      const probe = spawnSync(process.execPath, ['-e', `require('fs').readFileSync(${JSON.stringify(CLI)})`], { uid: NOBODY, gid: NOBODY });
      if (probe.status !== 0) {
        t.skip(`running as root, and the CLI cannot be run as uid ${NOBODY} here (${String(probe.stderr).slice(0, 200)}): chmod 000 does not deny root`);
        return;
      }
      as = { uid: NOBODY, gid: NOBODY };
      const rootRun = cli(['check', locked]);
      t.diagnostic(`as root, chmod 000 does not deny reading: the locked file was checked (exit ${rootRun.status}); the denial is tested as uid ${NOBODY}`);
    }
    const r = cli(['check', '--format', 'json', d], as);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /b-locked\.txt: cannot read: permission denied/);
    assert.match(r.stderr, /c-locked-dir: cannot read: permission denied/);
    assert.doesNotMatch(r.stderr, /internal error/);
    const out = json(r.stdout);
    const good1 = out.files.find((f) => f.path === good);
    assert.ok(good1 && good1.diagnostics.some((x) => x.severity === 'error'), 'the readable file is still checked');
    // --fix on a file that can be read but not written: refused with a reason, file untouched.
    chmodSync(locked, 0o444);
    const before = readFileSync(locked);
    const f = cli(['check', '--fix', locked], as);
    if (as.uid !== undefined) {
      assert.equal(f.status, 2, f.stdout + f.stderr);
      assert.match(f.stderr, /b-locked\.txt: cannot write: permission denied/);
      assert.deepEqual(readFileSync(locked), before);
      assert.deepEqual(readdirSync(d).filter((n) => n.endsWith('.tmp')), []);
    }
  });
});

describe('many files, odd files', () => {
  test('a directory of 3,000 files in nested folders: every .txt checked once, in order, nothing else', () => {
    const d = freshDir('many');
    const names: string[] = [];
    const small = ['一、总体情况\n本年度工作平稳。\n', '二、主动公开政府信息情况\n规章 | 0 | 0 | 0 |\n', '自然人 | 1 | 2\n', '', '\n\n\n', '三、收到和处理政府信息公开申请情况\n'];
    for (let k = 0; k < 3000; k++) {
      const sub = join(d, `g${k % 10}`, `h${k % 7}`);
      mkdirSync(sub, { recursive: true });
      const name = join(sub, `f${String(k).padStart(4, '0')}.txt`);
      writeFileSync(name, k % 500 === 0 ? faulty(k).text : small[k % small.length]);
      names.push(name);
    }
    writeFileSync(join(d, 'g0', 'skip.md'), '# not a draft');
    writeFileSync(join(d, 'g0', '.hidden.txt'), 'hidden');
    const t0 = performance.now();
    const r = cli(['check', '--format', 'json', d]);
    const dt = performance.now() - t0;
    assert.equal(r.status, 1, r.stderr.slice(0, 2000));
    assert.equal(r.stderr, '');
    const out = json(r.stdout);
    assert.equal(out.files.length, 3000);
    assert.deepEqual(out.files.map((f) => f.path), [...names].sort());
    assert.equal(new Set(out.files.map((f) => f.path)).size, 3000);
    assert.ok(dt < 60000, `took ${dt.toFixed(0)} ms`);
  });

  test('binary files, undecodable bytes, a FIFO, /dev/zero, a file over 10 MB: exit 2, one reason each, no hang, the good file checked', () => {
    const d = freshDir('odd');
    const good = join(d, 'good.txt');
    writeFileSync(good, faulty(5).text);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(4000, 7)]);
    writeFileSync(join(d, 'image.txt'), png);
    writeFileSync(join(d, 'zip.txt'), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200)]));
    // Not UTF-8, and not GB18030 either (0x80 and 0xff are not lead bytes there).
    writeFileSync(join(d, 'garbled.txt'), Buffer.from([0x31, 0x32, 0x80, 0xff, 0xfe, 0x41, 0x80, 0x80]));
    writeFileSync(join(d, 'huge.txt'), Buffer.alloc(10 * 1024 * 1024 + 10, 0x41));
    const fifo = join(d, 'pipe.txt');
    const mk = spawnSync('mkfifo', [fifo]);
    const args = ['check', '--format', 'json', join(d, 'image.txt'), join(d, 'zip.txt'), join(d, 'garbled.txt'), join(d, 'huge.txt'), '/dev/zero', ...(mk.status === 0 ? [fifo] : []), good];
    const r = cli(args, { timeout: 30000 });
    assert.equal(r.signal, null, 'the CLI hung (killed at its time limit)');
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /image\.txt: cannot read: a binary file/);
    assert.match(r.stderr, /zip\.txt: cannot read: a binary file/);
    assert.match(r.stderr, /garbled\.txt: cannot read: unknown encoding/);
    assert.match(r.stderr, /huge\.txt: cannot read: file too large \(10\.0 MB/);
    assert.match(r.stderr, /\/dev\/zero: cannot read: not a regular file|\/dev\/zero: cannot read/);
    if (mk.status === 0) assert.match(r.stderr, /pipe\.txt: cannot read/);
    assert.doesNotMatch(r.stderr, /internal error/);
    const out = json(r.stdout);
    const g = out.files.find((f) => f.path === good);
    assert.ok(g && !g.error && g.diagnostics.length > 0, 'the good file is checked');
    for (const f of out.files.filter((x) => x.path !== good)) assert.ok(f.error, `${f.path} carries its error in the JSON`);
    // The same in a directory walk: the FIFO is not a regular file and is passed over, not read.
    const w = cli(['check', d], { timeout: 30000 });
    assert.equal(w.signal, null, 'the directory walk hung');
    assert.equal(w.status, 2);
  });

  test('bad usage is exit 2 with a clear message, and nothing is checked', () => {
    const d = freshDir('usage');
    writeFileSync(join(d, 'a.txt'), faulty(6).text);
    for (const args of [['check', '--bogus', d], ['check', '--format', 'xml', d], ['inspect', d], ['check']]) {
      const r = cli(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /^disclosure-report: .+\n/);
      assert.equal(r.stdout, '');
    }
  });
});

describe('encodings and line ends kept by --fix', () => {
  test('GB18030: decoded, fixed, written back in GB18030, byte-identical outside the changed digits', () => {
    const d = freshDir('gb');
    const { text, fixed } = faulty(7, 'pipe');
    // Characters outside GBK too (four-byte GB18030 sequences), and the curly quotes of the labels.
    const withRare = text.replace('一、总体情况\n', '一、总体情况\n𠀀𪚥€ 等生僻字照常保留，“三安全一稳定”。\n');
    const fixedRare = fixed.replace('一、总体情况\n', '一、总体情况\n𠀀𪚥€ 等生僻字照常保留，“三安全一稳定”。\n');
    const f = join(d, 'gb.txt');
    const original = iconv.encode(withRare, 'gb18030');
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(original), 'the sample is not valid UTF-8');
    writeFileSync(f, original);
    const r = cli(['check', '--fix', f]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /fixed/);
    const after = readFileSync(f);
    assert.deepEqual(after, iconv.encode(fixedRare, 'gb18030'), 'written back in GB18030 as the fixed text');
    // Outside the changed cells nothing moves: every differing byte run is ASCII digits on both sides.
    const runs = diffRuns(original, after);
    assert.ok(runs.length > 0);
    if (original.length === after.length) {
      for (const [at, len] of runs) {
        assert.match(original.subarray(at, at + len).toString('latin1'), /^[0-9]+$/);
        assert.match(after.subarray(at, at + len).toString('latin1'), /^[0-9]+$/);
      }
    }
    assert.deepEqual(readdirSync(d), ['gb.txt']);
  });

  test('UTF-8 with BOM and CRLF, UTF-16 LE and BE with BOM, mixed \\r\\n, \\n and \\r: kept exactly', () => {
    const d = freshDir('eol');
    const cases: [string, Buffer][] = [];
    const t1 = faulty(8, 'tab');
    cases.push(['bom-crlf.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t1.text.replace(/\n/g, '\r\n'))])]);
    const t2 = faulty(9, 'cell-per-line');
    cases.push(['utf16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t2.text.replace(/\n/g, '\r\n'), 'utf16le')])]);
    const t3 = faulty(10, 'spaces');
    const be = Buffer.from(t3.text, 'utf16le');
    for (let i = 0; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    cases.push(['utf16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), be])]);
    const t4 = faulty(11, 'pipe');
    let k = 0;
    const mixed = t4.text.replace(/\n/g, () => ['\r\n', '\n', '\r'][k++ % 3]);
    cases.push(['mixed.txt', Buffer.from(mixed)]);
    for (const [name, bytes] of cases) writeFileSync(join(d, name), bytes);
    const r = cli(['check', '--fix', d]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    for (const [name, bytes] of cases) {
      const after = readFileSync(join(d, name));
      assert.notDeepEqual(after, bytes, `${name} was fixed`);
      assert.deepEqual(after, expectedFix(bytes), `${name}: only the derived cells changed`);
      assert.deepEqual(after.subarray(0, 3), bytes.subarray(0, 3), `${name}: BOM kept`);
      const crlf = (b: Buffer) => b.toString('latin1').split('\r\n').length;
      if (name !== 'utf16be.txt') assert.equal(crlf(after), crlf(bytes), `${name}: line ends kept`);
    }
    assert.deepEqual(readdirSync(d).sort(), cases.map(([n]) => n).sort(), 'no temporary file left');
  });
});

describe('writes that go wrong', () => {
  // A preloaded script that, after the CLI has written and flushed its temporary file, replaces the
  // original (in place, or by renaming another file over it) — the race writeAtomic must detect.
  const HOOK = `
const fs = require('node:fs');
const target = process.env.DR_TARGET;
const real = fs.fsyncSync;
let done = false;
fs.fsyncSync = function (fd) {
  real.call(fs, fd);
  if (done || !target) return;
  done = true;
  const content = Buffer.from(process.env.DR_CONTENT, 'base64');
  if (process.env.DR_MODE === 'rename') { fs.writeFileSync(target + '.other', content); fs.renameSync(target + '.other', target); }
  else fs.writeFileSync(target, content);
};`;

  for (const mode of ['in place', 'rename']) {
    test(`a file replaced (${mode}) while it is being fixed: not overwritten, exit 2, the reason said, no temporary file left`, () => {
      const d = freshDir(`replaced-${mode.replace(' ', '-')}`);
      const hook = join(base, 'replace-hook.cjs');
      writeFileSync(hook, HOOK);
      const f = join(d, 'draft.txt');
      const other = join(d, 'other.txt');
      writeFileSync(f, faulty(12).text);
      writeFileSync(other, faulty(13).text);
      const theirs = Buffer.from('一、总体情况\n另一个程序刚刚写入的内容。\n');
      const r = spawnSync(process.execPath, ['--require', hook, CLI, 'check', '--locale', 'en', '--fix', f, other], {
        encoding: 'utf8',
        env: { ...process.env, DR_TARGET: f, DR_CONTENT: theirs.toString('base64'), DR_MODE: mode === 'rename' ? 'rename' : 'write' },
      });
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /draft\.txt: cannot write: the file changed while being fixed; nothing written/);
      assert.deepEqual(readFileSync(f), theirs, 'the other program’s content is kept');
      assert.deepEqual(readFileSync(other), expectedFix(Buffer.from(faulty(13).text)), 'the next file is still fixed');
      assert.deepEqual(readdirSync(d).filter((n) => n.endsWith('.tmp')), [], 'the temporary file is removed');
    });
  }

  test('SIGKILL at random moments of a --fix batch: every file is its original or fully fixed, never half-written', async (t) => {
    const ROUNDS = Number(process.env.FUZZ_RUNS) || 6;
    const N = 600;
    const encodings = ['utf-8', 'utf-8-bom-crlf', 'gb18030'] as const;
    const originals: Buffer[] = [];
    for (let k = 0; k < N; k++) {
      const { text } = faulty(100 + k);
      const enc = encodings[k % 3];
      originals.push(enc === 'gb18030' ? iconv.encode(text, 'gb18030') : enc === 'utf-8' ? Buffer.from(text) : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/g, '\r\n'))]));
    }
    const fixedBytes = originals.map(expectedFix);
    originals.forEach((o, k) => assert.notDeepEqual(o, fixedBytes[k], `file ${k} needs a fix`));
    const r = rng(2024);
    let leftovers = 0;
    const summary: string[] = [];
    const names = originals.map((_, k) => `r${String(k).padStart(3, '0')}.txt`);
    // One whole run first: how long the batch takes here, and that it writes exactly the expected bytes.
    const whole = freshDir('kill-whole');
    names.forEach((n, k) => writeFileSync(join(whole, n), originals[k]));
    const t0 = performance.now();
    const full = cli(['check', '--fix', whole]);
    const T = performance.now() - t0;
    assert.equal(full.status, 0, full.stderr);
    names.forEach((n, k) => assert.deepEqual(readFileSync(join(whole, n)), fixedBytes[k], `${n} fixed as expected`));
    summary.push(`a whole run fixes the ${N} files in ${T.toFixed(0)} ms; kills fall between 50 ms and ${(0.95 * T).toFixed(0)} ms`);
    for (let round = 0; round < ROUNDS; round++) {
      const d = freshDir(`kill-${round}`);
      names.forEach((n, k) => writeFileSync(join(d, n), originals[k]));
      const child = spawn(process.execPath, [CLI, 'check', '--fix', d], { stdio: 'ignore' });
      const delay = int(r, 50, Math.max(60, Math.round(0.95 * T)));
      const exited = new Promise<{ code: number | null; signal: string | null }>((res) => child.on('exit', (code, signal) => res({ code, signal })));
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      const ex = await exited;
      clearTimeout(timer);
      let orig = 0;
      let fixed = 0;
      for (let k = 0; k < N; k++) {
        const now = readFileSync(join(d, names[k]));
        if (now.equals(originals[k])) orig++;
        else if (now.equals(fixedBytes[k])) fixed++;
        else assert.fail(`round ${round}: ${names[k]} is neither its original nor fully fixed (${now.length} bytes; original ${originals[k].length}, fixed ${fixedBytes[k].length})`);
      }
      const temps = readdirSync(d).filter((n) => !names.includes(n));
      for (const tmp of temps) {
        const m = /^\.(r\d{3}\.txt)\.\d+\.[0-9a-z]+\.tmp$/.exec(tmp);
        assert.ok(m, `round ${round}: unexpected file ${tmp}`);
        // Only acceptable if its original is intact (checked above for every file).
      }
      leftovers += temps.length;
      summary.push(`round ${round}: killed after ${delay} ms (${ex.signal ?? `exit ${ex.code}`}): ${fixed} fixed, ${orig} untouched, ${temps.length} temporary file(s) left`);
    }
    for (const s of summary) t.diagnostic(s);
    t.diagnostic(leftovers ? `${leftovers} temporary file(s) remained after SIGKILL (originals intact)` : 'no temporary file remained');
  });
});
