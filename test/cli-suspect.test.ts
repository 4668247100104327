// The likely mistyped cell in the CLI (CONTRACT.md, "Suspect cells"): `suspect` on each arithmetic
// diagnostic it explains in the JSON, a note on the text lines, and `--fix`, which still recomputes
// only the derived cells, names it beside every change (in JSON on each `fixed` entry).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import { buildCli } from './lsp/build.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });

/** The clean example with 本年新收 / 自然人 typed 11 instead of 12 (its row's 总计 and its column's balance fail). */
function typo(): { dir: string; file: string; clean: string; text: string } {
  const clean = readFileSync(join(ROOT, 'examples/clean.report.txt'), 'utf8');
  const text = clean.replace('一、本年新收政府信息公开申请数量 | 12 |', '一、本年新收政府信息公开申请数量 | 11 |');
  assert.notEqual(text, clean);
  const dir = mkdtempSync(join(tmpdir(), 'dr-suspect-'));
  const file = join(dir, 'typo.txt');
  writeFileSync(file, text);
  return { dir, file, clean, text };
}

before(async () => {
  // Built from the sources when they are newer (lsp/build.ts): a stale bundle would test old code.
  await buildCli();
});

describe('check: the likely mistyped cell', () => {
  test('JSON: each arithmetic diagnostic anchored at its derived cell, with its expected, and the suspect', () => {
    const { file } = typo();
    const r = run('check', '--format', 'json', file);
    assert.equal(r.status, 1, r.stderr);
    const ds = JSON.parse(r.stdout).files[0].diagnostics;
    assert.deepEqual(
      ds.map((d: Record<string, unknown>) => [d.rule, d.cell, d.expected, d.actual, d.suspect]),
      [
        ['request-row-total', 't3.new.total', 17, 18, { cell: 't3.new.natural', value: 12 }],
        ['request-balance', 't3.carryOver.natural', 0, 1, { cell: 't3.new.natural', value: 12 }],
      ],
    );
  });

  test('text: the note beside each line, in zh and en', () => {
    const { file } = typo();
    const zh = run('check', file).stdout;
    assert.match(zh, /request-row-total .*实为 18；注意：t3\.new\.natural（11）可能录入有误，改为 12 则两个等式都成立$/m);
    const en = run('check', '--locale', 'en', file).stdout;
    assert.match(en, /request-balance .*is 1; note: t3\.new\.natural \(11\) is likely the typo, 12 would make both hold$/m);
  });

  test('--fix changes only the derived cells, and prints the suspect beside what it changed', () => {
    const { file, text } = typo();
    const r = run('check', '--fix', '--locale', 'en', file);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.deepEqual(lines.slice(0, 3).map((l) => l.replace(/^.*?: fixed /, '')), [
      'request-row-total new requests this year / total: 18 → 17; note: t3.new.natural (11) is likely the typo, 12 would make both hold',
      'request-balance carried over to next year / natural persons: 1 → 0; note: t3.new.natural (11) is likely the typo, 12 would make both hold',
      'request-balance carried over to next year / total: 2 → 1; note: t3.new.natural (11) is likely the typo, 12 would make both hold',
    ]);
    // The input cell is as it was typed; only the three totals changed.
    const after = readFileSync(file, 'utf8').split('\n');
    const before = text.split('\n');
    assert.ok(after[23].startsWith('一、本年新收政府信息公开申请数量 | 11 |'));
    assert.deepEqual(after.map((l, i) => (l === before[i] ? null : i + 1)).filter((x) => x !== null), [24, 48]);
  });

  test('--fix --format json: each change carries the suspect', () => {
    const { file } = typo();
    const doc = JSON.parse(run('check', '--fix', '--format', 'json', file).stdout);
    const fixed = doc.files[0].fixed;
    assert.equal(fixed.length, 3);
    for (const f of fixed) assert.deepEqual(f.suspect, { cell: 't3.new.natural', value: 12 });
  });

  test('two mistyped cells (examples/wrong-totals): no suspect anywhere', () => {
    const doc = JSON.parse(run('check', '--format', 'json', 'examples/wrong-totals.report.txt').stdout);
    const ds = doc.files[0].diagnostics;
    assert.ok(ds.length >= 5);
    for (const d of ds) assert.equal(d.suspect, undefined);
  });
});
