// `check --jobs N` (cli/jobs.ts): over a folder of composed reports (offices paired across two
// years, so that the cross-year rules run on the threads, last year's report often read by the
// other thread), a damaged .docx and, where present, every report in ../shared, the output of
// `--jobs 2` is byte for byte that of `--jobs 1` in JSON and text, stderr and exit code included;
// the damaged file gets the same error either way. That threads really ran is seen from outside:
// node --cpu-prof writes one profile per thread.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import { composeReport, exampleReport, LAYOUTS } from './helpers/compose.mjs';
import { SHARED, SKIP_SHARED } from './helpers/shared.ts';
import { buildCli } from './lsp/build.ts';
import { defaultJobs, jobsOption } from '../server/src/cli/jobs.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/cli.js');
const run = (args: string[], node: string[] = []) => spawnSync(process.execPath, [...node, CLI, ...args], { encoding: 'utf8', cwd: ROOT, maxBuffer: 1 << 28 });

before(() => buildCli());

const PLACES = ['青禾县', '临川市', '东湖区', '白石镇', '南岭县', '江北新区', '松原市', '北塘区', '西山县', '云溪区'];
const KINDS = ['数据资源局', '教育局', '民政局'];

/** 30 offices × 2024 and 2025 (60 reports, every layout), this year's 上年结转 often not last year's 结转下年度, plus a damaged .docx. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dr-jobs-'));
  const example = exampleReport();
  let k = 0;
  for (const place of PLACES) {
    for (const kind of KINDS) {
      const office = `${place}${kind}`;
      for (const year of [2024, 2025]) {
        const cells = { ...example.cells, 't3.carryOver.natural': k % 3, 't3.carryOver.total': k % 3, 't2.normative.valid': 4 + (k % 5) };
        const text = composeReport({ ...example, office, year, cells }, LAYOUTS[k % LAYOUTS.length]);
        // Half the offices' two reports neighbours in the walk (one thread reads both), half far apart (last year's analysis sent across).
        const n = String(k++).padStart(3, '0');
        writeFileSync(join(dir, k <= 30 ? `${n}-${year}.txt` : `${year}-${n}.txt`), text);
      }
    }
  }
  writeFileSync(join(dir, '030-damaged.docx'), Buffer.from('PK\x03\x04 not a zip at all', 'latin1'));
  return dir;
}

function same(paths: string[], format: string): ReturnType<typeof run> {
  const one = run(['check', '--format', format, '--jobs', '1', ...paths]);
  const two = run(['check', '--format', format, '--jobs', '2', ...paths]);
  assert.equal(two.stderr, one.stderr, `${format}: stderr`);
  assert.equal(two.stdout, one.stdout, `${format}: stdout`);
  assert.equal(two.status, one.status, `${format}: exit code`);
  return one;
}

describe('check --jobs', () => {
  test('composed reports with pairs and a damaged .docx: --jobs 2 prints exactly what --jobs 1 prints (JSON and text)', () => {
    const dir = folder();
    const one = same([dir], 'json');
    assert.equal(one.status, 2, 'the damaged file makes it exit 2');
    const doc = JSON.parse(one.stdout) as { files: { path: string; error?: string; previous?: string; diagnostics: { rule: string }[] }[] };
    assert.equal(doc.files.length, 61);
    const damaged = doc.files.find((f) => f.path.endsWith('030-damaged.docx'))!;
    assert.match(damaged.error ?? '', /Word/);
    assert.match(one.stderr, /030-damaged\.docx/);
    assert.equal(doc.files.filter((f) => f.previous).length, 30, 'every 2025 report paired with its office 2024 one');
    assert.ok(doc.files.some((f) => f.diagnostics.some((d) => d.rule === 'carryover-mismatch')), 'the cross-year rules found something to compare');
    same([dir], 'text');
    same([dir], 'sarif');
  });

  test('--previous FILE read on the main thread, compared on the threads: the same output', () => {
    const dir = folder();
    const last = join(mkdtempSync(join(tmpdir(), 'dr-jobs-prev-')), 'last.txt');
    writeFileSync(last, composeReport({ ...exampleReport(), year: 2024 }));
    same([dir, '--previous', last], 'json');
  });

  test('--jobs 2 runs threads (one CPU profile per thread); --jobs 1 and a small batch do not', () => {
    const dir = folder();
    const threads = (args: string[]) => {
      const prof = mkdtempSync(join(tmpdir(), 'dr-jobs-prof-'));
      const r = run(['check', '--format', 'json', ...args], ['--cpu-prof', `--cpu-prof-dir=${prof}`]);
      assert.ok(r.status === 1 || r.status === 2, r.stderr);
      return readdirSync(prof).length;
    };
    assert.equal(threads(['--jobs', '2', dir]), 3, 'the main thread and two checking threads');
    assert.equal(threads(['--jobs', '1', dir]), 1);
    assert.equal(threads(['--jobs', '2', join(dir, '000-2024.txt'), join(dir, '001-2025.txt')]), 1, 'two files stay on the main thread');
  });

  test('the default: one checking thread fewer than the cores (the main thread works too); none on 2 cores', () => {
    assert.deepEqual([1, 2, 3, 4, 16].map((cores) => defaultJobs(cores)), [1, 1, 2, 3, 15]);
    assert.equal(jobsOption(undefined, false, 'bad'), defaultJobs(availableParallelism()));
    assert.equal(jobsOption(undefined, true, 'bad'), 1, '--fix reads on the main thread');
    assert.equal(jobsOption('2', false, 'bad'), 2, 'an explicit --jobs is kept');
  });

  test('--jobs takes a whole number ≥ 1', () => {
    for (const bad of ['0', 'x', '-1', '1.5']) {
      const r = run(['check', '--jobs', bad, 'examples']);
      assert.equal(r.status, 2, bad);
      assert.match(r.stderr, /--jobs/);
    }
  });

  test('every report in ../shared with the composed ones: --jobs 2 prints exactly what --jobs 1 prints', { skip: SKIP_SHARED }, () => {
    const dir = folder();
    const paths = [dir, join(SHARED, 'seeds'), join(SHARED, 'real')];
    const one = same(paths, 'json');
    const doc = JSON.parse(one.stdout) as { files: { path: string }[] };
    assert.ok(doc.files.filter((f) => f.path.startsWith(SHARED)).length >= 10, 'the shared reports were checked');
    same(paths, 'text');
  });
});
