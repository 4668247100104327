// The findings lists: `check --format sarif` validated against the published SARIF 2.1.0 schema
// (test/fixtures/sarif, with ajv), reviewed findings with `suppressions`; `check --format csv` (UTF-8
// BOM, office, cell or row, message, status, reason); the reviewed findings in the JSON and text
// outputs; and `--fix` leaving a cell reviewed as accepted alone. Driven by a report composed from
// examples/wrong-totals.report.txt with a label off the official wording and a full-width digit.
// Run: node test/run.mjs test/findings-outputs.test.ts
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { RULES } from '../server/src/core/index.ts';
import { findingsCsv } from '../server/src/findings/index.ts';
import { buildCli } from './lsp/build.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/cli.js');
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'));

/** wrong-totals with 其他结果 written 其他 in table 四's header and a full-width ５ in table 三. */
function reportText(): string {
  const lines = readFileSync(join(ROOT, 'examples/wrong-totals.report.txt'), 'utf8').split('\n');
  lines[51] = lines[51].replace('其他结果', '其他');
  lines[25] = lines[25].replace('\t5\t', '\t５\t');
  return lines.join('\n');
}

const CONFIG = {
  reviewed: [
    { rule: 'request-row-total', file: '报告/某区 2024.txt', cell: 't3.new.total', status: 'accepted', reason: '原件如此，已核对', reviewer: '张三', date: '2026-03-01' },
    { rule: 'review-total', file: '报告/某区 2024.txt', cell: 't4.review.total', status: 'confirmed', reason: '请改为 2', reviewer: '李四', date: '2026-03-02' },
    { rule: 'request-balance', file: '报告/某区 2024.txt', cell: 't3.carryOver.natural', reason: '旧记录，无状态' },
  ],
};

let dir: string;
let report: string;
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: dir });

before(async () => {
  // Built from the sources when they are newer (lsp/build.ts): a stale bundle would test old code.
  await buildCli();
  dir = mkdtempSync(join(tmpdir(), 'dr-findings-'));
  spawnSync('mkdir', ['-p', join(dir, '报告')]);
  report = join('报告', '某区 2024.txt');
  writeFileSync(join(dir, report), reportText());
  writeFileSync(join(dir, '.disclosure-report.json'), JSON.stringify(CONFIG, null, 2));
});

function validator() {
  const ajv = new Ajv04({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(SCHEMA);
}

describe('check --format sarif', () => {
  test('is valid SARIF 2.1.0 by the published schema', () => {
    const r = run('check', '--format', 'sarif', report);
    assert.equal(r.status, 1, r.stderr);
    const log: unknown = JSON.parse(r.stdout);
    const validate = validator();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.equal((log as { version: string }).version, '2.1.0');
  });

  test('the schema check can fail: a result without a message, a suppression of an unknown status, a relative URI with a space', () => {
    const validate = validator();
    const log = JSON.parse(run('check', '--format', 'sarif', report).stdout);
    const broken = structuredClone(log);
    delete broken.runs[0].results[0].message;
    assert.equal(validate(broken), false);
    const badStatus = structuredClone(log);
    badStatus.runs[0].results[0].suppressions = [{ kind: 'external', status: 'maybe' }];
    assert.equal(validate(badStatus), false);
    const badUri = structuredClone(log);
    badUri.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = '报告/某区 2024.txt';
    assert.equal(validate(badUri), false);
  });

  test('tool.driver.rules lists every rule id the checker can report, once each; each result points at its rule; a suspect cell travels in properties', () => {
    // A report whose 本年新收 自然人 is typed 13 for 12: its row total and the column's balance fail, both explained by that one cell.
    const lines = readFileSync(join(ROOT, 'examples/clean.report.txt'), 'utf8').split('\n');
    assert.match(lines[23], /^一、本年新收政府信息公开申请数量 \| 12 \| 3 \|/);
    lines[23] = lines[23].replace('| 12 | 3 |', '| 13 | 3 |');
    writeFileSync(join(dir, 'suspect.txt'), lines.join('\n'));
    const validate = validator();
    for (const file of [report, 'suspect.txt']) {
      const log = JSON.parse(run('check', '--format', 'sarif', file).stdout);
      assert.ok(validate(log as unknown), JSON.stringify(validate.errors, null, 2));
      const rules = log.runs[0].tool.driver.rules as { id: string }[];
      const ids = rules.map((r) => r.id);
      assert.equal(new Set(ids).size, ids.length, `no rule listed twice: ${ids.join(', ')}`);
      assert.deepEqual([...ids].sort(), [...new Set([...RULES.map((r) => r.id), 'reviewed-stale'])].sort());
      for (const r of log.runs[0].results as { ruleId: string; ruleIndex: number }[]) assert.equal(ids[r.ruleIndex], r.ruleId, `${r.ruleId} at its index`);
    }
    const results = JSON.parse(run('check', '--format', 'sarif', 'suspect.txt').stdout).runs[0].results as { ruleId: string; properties: { cell?: string; suspect?: unknown } }[];
    const explained = results.filter((r) => r.properties.suspect);
    assert.deepEqual(explained.map((r) => [r.ruleId, r.properties.cell]).sort(), [['request-balance', 't3.carryOver.natural'], ['request-row-total', 't3.new.total']]);
    for (const r of explained) assert.deepEqual(r.properties.suspect, { cell: 't3.new.natural', value: 12 });
  });

  test('every finding is a result; reviewed ones carry suppressions with the status, reason, reviewer and date', () => {
    const log = JSON.parse(run('check', '--format', 'sarif', report).stdout);
    const results = log.runs[0].results as { ruleId: string; level: string; message: { text: string }; suppressions: { kind: string; status: string; justification?: string; properties: Record<string, string> }[]; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } }; logicalLocations?: { name: string }[] }[] }[];
    const byCell = (cell: string) => results.find((x) => x.locations[0].logicalLocations?.[0].name === cell)!;
    const accepted = byCell('t3.new.total');
    assert.equal(accepted.ruleId, 'request-row-total');
    assert.deepEqual(accepted.suppressions, [{ kind: 'external', status: 'accepted', justification: '原件如此，已核对', properties: { review: 'accepted', reviewer: '张三', date: '2026-03-01' } }]);
    assert.equal(accepted.locations[0].physicalLocation.region.startLine, 24);
    assert.equal(accepted.locations[0].physicalLocation.region.startColumn, 31);
    assert.equal(accepted.locations[0].physicalLocation.artifactLocation.uri, '%E6%8A%A5%E5%91%8A/%E6%9F%90%E5%8C%BA%202024.txt');
    const confirmed = byCell('t4.review.total');
    assert.equal(confirmed.level, 'note');
    assert.equal(confirmed.suppressions[0].status, 'rejected');
    assert.match(confirmed.message.text, /已确认，待改正：请改为 2/);
    assert.equal(byCell('t3.carryOver.natural').suppressions[0].properties.review, 'accepted', 'an entry without a status is accepted');
    const wording = results.find((x) => x.ruleId === 'label-wording')!;
    assert.deepEqual(wording.suppressions, []);
    assert.equal(wording.level, 'warning');
    assert.equal(results.filter((x) => x.ruleId === 'request-row-total').length, 2);
  });
});

describe('check --format csv', () => {
  test('UTF-8 with a BOM, CRLF; one record per finding with office, cell or row, message, status and reason', () => {
    const r = run('check', '--format', 'csv', report);
    assert.ok(r.stdout.startsWith('\ufeff文件,单位,年度,位置,单元格或行,行号,规则,级别,问题,审核状态,理由,审核人,审核日期\r\n'), r.stdout.slice(0, 200));
    const rows = r.stdout.slice(1).trimEnd().split('\r\n').slice(1);
    assert.equal(rows.length, 7, r.stdout);
    const accepted = rows.find((x) => x.includes('t3.new.total') && x.includes('request-row-total'))!;
    assert.match(accepted, /^报告\/某区 2024\.txt,青禾县数据资源局,2025,表三（收到和处理政府信息公开申请情况）,t3\.new\.total,24,request-row-total,错误,/);
    assert.match(accepted, /,按原样接受,原件如此，已核对,张三,2026-03-01$/);
    assert.match(rows.find((x) => x.includes('label-wording'))!, /,未审核,,,$/);
    const en = run('check', '--format', 'csv', '--locale', 'en', report).stdout;
    assert.match(en, /^\ufefffile,office,year,place,cell or row,line,rule,severity,message,status,reason,reviewer,date\r\n/);
    assert.match(en, /,"confirmed, to be corrected",请改为 2,李四,2026-03-02\r\n/, 'a field with a comma is quoted');
  });

  test('a field a spreadsheet would take for a formula is neutralised, as export\'s are (one writer: findings/csvWriter.ts)', () => {
    const finding = { rule: 'request-row-total', severity: 'error' as const, message: { zh: '总计不符', en: 'total differs' }, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } }, cell: 't3.new.total', place: 't3', placeName: { zh: '表三', en: 'table 三' } };
    const csv = findingsCsv([{ path: '=cmd|x.txt', office: '@某局', year: 2025, findings: [{ ...finding, review: { status: 'accepted', reason: '=HYPERLINK("http://x")', reviewer: '+张三', date: '2026-03-01' } }] }], 'zh-CN');
    const row = csv.split('\r\n')[1];
    assert.equal(row, `'=cmd|x.txt,'@某局,2025,表三,t3.new.total,4,request-row-total,错误,总计不符,按原样接受,"'=HYPERLINK(""http://x"")",'+张三,2026-03-01`);
  });
});

describe('the reviewed findings in the text and JSON outputs', () => {
  test('JSON: a confirmed finding among the diagnostics (information, with its review); accepted ones in `reviewed`', () => {
    const doc = JSON.parse(run('check', '--format', 'json', report).stdout);
    const f = doc.files[0];
    const confirmed = f.diagnostics.find((d: { cell?: string }) => d.cell === 't4.review.total');
    assert.equal(confirmed.severity, 'information');
    assert.deepEqual(confirmed.review, { status: 'confirmed', reason: '请改为 2', reviewer: '李四', date: '2026-03-02' });
    assert.equal(f.diagnostics.some((d: { cell?: string }) => d.cell === 't3.new.total'), false);
    assert.deepEqual(
      f.reviewed.map((d: { rule: string; cell: string; severity: string; review: { status: string } }) => [d.rule, d.cell, d.severity, d.review.status]),
      [['request-row-total', 't3.new.total', 'error', 'accepted'], ['request-balance', 't3.carryOver.natural', 'error', 'accepted']],
    );
  });

  test('text: a line per reviewed finding with its status and reason', () => {
    const out = run('check', report).stdout;
    assert.match(out, /某区 2024\.txt:24:31: reviewed request-row-total .*实为 19（已审核：按原样接受：原件如此，已核对；张三 2026-03-01）\n/);
    assert.match(out, /某区 2024\.txt:53:9: information review-total .*（已确认，待改正：请改为 2）/);
  });
});

describe('check --fix and the reviewed cells', () => {
  test('a derived cell reviewed as accepted is left as written and said as not fixed; the others are recomputed', () => {
    const copy = join(dir, '报告', 'fix.txt');
    writeFileSync(copy, reportText());
    writeFileSync(join(dir, '.disclosure-report.json'), JSON.stringify({ reviewed: [{ ...CONFIG.reviewed[0], file: '报告/fix.txt' }] }));
    try {
      const r = run('check', '--fix', '--format', 'json', join('报告', 'fix.txt'));
      const f = JSON.parse(r.stdout).files[0];
      const after = readFileSync(copy, 'utf8').split('\n');
      assert.match(after[23], /\t19$/, 'the accepted 总计 of 本年新收 stays 19');
      assert.ok(f.fixed.length >= 3, JSON.stringify(f.fixed));
      assert.ok(!f.fixed.some((c: { range: { start: { line: number } } }) => c.range.start.line === 23));
      assert.ok(f.refused.some((x: { reason: string }) => /已审核为按原样接受/.test(x.reason)), JSON.stringify(f.refused));
      assert.match(after[52], /\t2\t/, 'review-total recomputed');
    } finally {
      writeFileSync(join(dir, '.disclosure-report.json'), JSON.stringify(CONFIG, null, 2));
    }
  });
});
