// Saying what was verified: `check` ends each report with one of three lines — its errors; fully
// verified; nothing wrong found but not fully verifiable (and what could not be checked) — and its
// JSON carries `coverage` per file. A report lacking mandated rows never passes, whatever its source.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import { makeDocx } from './helpers/sources.ts';
import { composeReport, exampleReport } from './helpers/compose.mjs';
import { buildCli } from './lsp/build.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });

before(async () => {
  // Built from the sources when they are newer (lsp/build.ts): a stale bundle would test old code.
  await buildCli();
});

const clean = readFileSync(join(ROOT, 'examples/clean.report.txt'), 'utf8');
/** The hook's check: the example without its first two rows of table 三. */
const lacking = clean.split('\n').filter((l) => !/^(一、本年新收|二、上年结转)/.test(l)).join('\n');
const blank = clean.replace('4.保护第三方合法权益 | 1 |', '4.保护第三方合法权益 |  |');

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dr-coverage-'));
  writeFileSync(join(dir, 'a-clean.txt'), clean);
  writeFileSync(join(dir, 'b-lacking.txt'), lacking);
  writeFileSync(join(dir, 'c-blank.txt'), blank);
  return dir;
}

describe('check says what was verified', () => {
  test('the example without 一、本年新收 and 二、上年结转: exit 1, a row-missing for each', () => {
    const dir = folder();
    const r = run('check', join(dir, 'b-lacking.txt'));
    assert.equal(r.status, 1, r.stdout);
    assert.match(r.stdout, /b-lacking\.txt:\d+:\d+: error row-missing 表三缺少“一、本年新收政府信息公开申请数量”一行/);
    assert.match(r.stdout, /b-lacking\.txt:\d+:\d+: error row-missing 表三缺少“二、上年结转政府信息公开申请数量”一行/);
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    test(`three different lines (${locale}): errors; fully verified; no error but not fully verifiable`, () => {
      const dir = folder();
      const r = run('check', '--locale', locale, dir);
      assert.equal(r.status, 1);
      const line = (name: string) => r.stdout.split('\n').find((l) => l.startsWith(join(dir, name) + ': '))!.slice(join(dir, name).length + 2);
      if (locale === 'en') {
        assert.equal(line('a-clean.txt'), 'fully verified: every row of the three tables found (table 二 6/6, table 三 25/25, table 四 3/3), all 42 identities checked, no error');
        assert.equal(line('b-lacking.txt'), '2 errors (33/42 identities checked; rows found: table 二 6/6, table 三 23/25, table 四 3/3)');
        assert.equal(line('c-blank.txt'), 'no error found, but not fully checked: 2 of 42 identities could not be checked (2 for a blank cell)');
        assert.match(r.stdout, /Checked 3 files: 2 errors, 1 warnings, 0 notes; 1 report with no error not fully checked\n$/);
      } else {
        assert.equal(line('a-clean.txt'), '全部核对：三张表的行齐全（表二 6/6 行，表三 25/25 行，表四 3/3 组），42 个勾稽关系全部核对，未发现错误');
        assert.equal(line('b-lacking.txt'), '有 2 个错误（核对了 33/42 个勾稽关系；表二 6/6 行，表三 23/25 行，表四 3/3 组）');
        assert.equal(line('c-blank.txt'), '未发现错误，但未完全核对：2/42 个勾稽关系无法核对（2 个因单元格空白）');
        assert.match(r.stdout, /检查了 3 个文件：2 个错误，1 个警告，0 个提示；1 份报告未发现错误但未完全核对\n$/);
      }
    });
  }

  test('a table missing altogether: not fully checked, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-coverage-'));
    // Table 四's header and row gone: table-missing is an error; its three identities not evaluable.
    writeFileSync(join(dir, 'r.txt'), clean.replace(/行政复议 \| 行政诉讼[\s\S]*?(?=五、)/, ''));
    const doc = JSON.parse(run('check', '--format', 'json', dir).stdout);
    const c = doc.files[0].coverage;
    assert.deepEqual(c.tables.t4, { rows: 0, of: 3 });
    assert.deepEqual(c.identities.notEvaluable, [
      { id: 'review-total:t4.review.total', why: 'table-missing' },
      { id: 'litigation-total:t4.direct.total', why: 'table-missing' },
      { id: 'litigation-total:t4.afterReview.total', why: 'table-missing' },
    ]);
    assert.ok(doc.files[0].diagnostics.some((d: { rule: string; severity: string }) => d.rule === 'table-missing' && d.severity === 'error'));
  });

  test('--format json: coverage per file, additive (rows per table, identities, why not)', () => {
    const dir = folder();
    const doc = JSON.parse(run('check', '--format', 'json', dir).stdout);
    const [a, b, c] = doc.files;
    assert.deepEqual(a.coverage, { tables: { t2: { rows: 6, of: 6 }, t3: { rows: 25, of: 25 }, t4: { rows: 3, of: 3 } }, identities: { evaluated: 42, of: 42, notEvaluable: [] } });
    assert.deepEqual(b.coverage.tables.t3, { rows: 23, of: 25 });
    assert.deepEqual(
      b.coverage.identities.notEvaluable.filter((x: { id: string }) => x.id.startsWith('request-row-total')),
      [
        { id: 'request-row-total:t3.new.total', why: 'row-missing', row: 't3.new' },
        { id: 'request-row-total:t3.carried.total', why: 'row-missing', row: 't3.carried' },
      ],
    );
    assert.equal(b.coverage.identities.notEvaluable.length, 9, 'two row totals and the seven balances');
    assert.deepEqual(c.coverage.identities.notEvaluable, [
      { id: 'request-row-total:t3.denied4.total', why: 'blank', cell: 't3.denied4.natural' },
      { id: 'request-outcome-total:t3.total.natural', why: 'blank', cell: 't3.denied4.natural' },
    ]);
  });

  test('a blank cell of table 二: never "全部核对" beside its warning; text, JSON and the tally agree', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-coverage-'));
    writeFileSync(join(dir, 'r.txt'), clean.replace('行政许可 | 156 |', '行政许可 |  |'));
    for (const [locale, line, tally] of [
      ['zh-CN', '未发现错误，但未完全核对：表二 1 处未读入数字（1 个因单元格空白）', /1 份报告未发现错误但未完全核对\n$/],
      ['en', 'no error found, but not fully checked: table 二: 1 not read as numbers (1 for a blank cell)', /1 report with no error not fully checked\n$/],
    ] as const) {
      const r = run('check', '--locale', locale, join(dir, 'r.txt'));
      assert.equal(r.status, 0, r.stdout);
      assert.match(r.stdout, / warning cell-blank /);
      assert.ok(r.stdout.includes(`r.txt: ${line}\n`), r.stdout);
      assert.doesNotMatch(r.stdout, /全部核对|fully verified/);
      assert.match(r.stdout, tally);
    }
    const f = JSON.parse(run('check', '--format', 'json', dir).stdout).files[0];
    assert.deepEqual(f.coverage.tables.t2, { rows: 6, of: 6, unread: [{ why: 'blank', cell: 't2.license.decisions' }] });
    assert.deepEqual(f.coverage.identities, { evaluated: 42, of: 42, notEvaluable: [] });
  });

  test('table 四’s row with a number lost: each group’s row named (`row`), found 3/3 and not read — never 缺行', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-coverage-'));
    const lost = clean.replace(/^1 \| 0 \| 0 \| 1 \| 2 \| /m, '0 | 0 | 1 | 2 | '); // 14 numbers: the first lost
    assert.notEqual(lost, clean);
    writeFileSync(join(dir, 'r.txt'), lost);
    const r = run('check', join(dir, 'r.txt'));
    assert.equal(r.status, 1);
    assert.ok(r.stdout.includes('r.txt: 有 3 个错误（核对了 39/42 个勾稽关系；表二 6/6 行，表三 25/25 行，表四 3/3 组）'), r.stdout);
    assert.doesNotMatch(r.stdout, /缺行|缺 3 组/);
    const f = JSON.parse(run('check', '--format', 'json', dir).stdout).files[0];
    assert.deepEqual(f.diagnostics.map((d: { rule: string; row?: string; cell?: string }) => [d.rule, d.row, d.cell]), [
      ['cells-missing', 't4.review', undefined],
      ['cells-missing', 't4.direct', undefined],
      ['cells-missing', 't4.afterReview', undefined],
    ]);
    assert.deepEqual(f.coverage.tables.t4, { rows: 3, of: 3 });
    assert.deepEqual(f.coverage.identities.notEvaluable, [
      { id: 'review-total:t4.review.total', why: 'row-unread', row: 't4.review' },
      { id: 'litigation-total:t4.direct.total', why: 'row-unread', row: 't4.direct' },
      { id: 'litigation-total:t4.afterReview.total', why: 'row-unread', row: 't4.afterReview' },
    ]);
  });

  test('a .docx lacking rows: exit 1 with its rows named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-coverage-'));
    const tab = composeReport(exampleReport(), 'tab').split('\n').filter((l) => !/^(一、本年新收|二、上年结转)/.test(l)).join('\n');
    writeFileSync(join(dir, 'r.docx'), makeDocx(tab));
    const r = run('check', '--format', 'json', dir);
    assert.equal(r.status, 1);
    const f = JSON.parse(r.stdout).files[0];
    assert.deepEqual(f.diagnostics.filter((d: { severity: string }) => d.severity === 'error').map((d: { row: string }) => d.row), ['t3.new', 't3.carried']);
    assert.deepEqual(f.coverage.tables.t3, { rows: 23, of: 25 });
  });
});
