// `disclosure-report export` (CONTRACT.md "export"): one record per report of a folder holding
// .txt, .docx, .html and .pdf; the CSV (UTF-8 with a BOM, RFC 4180, the contract's keys as
// header), read back by a small RFC 4180 reader here, equals the JSON; blank cells stay empty,
// text that is not a number is kept as written; --output writes atomically; the progress line
// shows only on a terminal. Run: node test/run.mjs test/cli-export.test.ts
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import { progressLine } from '../server/src/cli/inputs.ts';
import { csvDocument, csvField } from '../server/src/findings/csvWriter.ts';
import { makeDocx, makeHtml } from './helpers/sources.ts';
import { buildCli } from './lsp/build.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/cli.js');
const EXAMPLE = readFileSync(join(ROOT, 'examples/wrong-totals.report.txt'), 'utf8');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });

/** The contract's cell keys, spelled out from CONTRACT.md "Cell keys" (not from the code). */
const T3_ROWS = ['new', 'carried', 'granted', 'partial', ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `denied${i}`), ...[1, 2, 3].map((i) => `unable${i}`), ...[1, 2, 3, 4, 5].map((i) => `notHandled${i}`), ...[1, 2, 3].map((i) => `other${i}`), 'otherSingle', 'total', 'carryOver'];
const T3_COLS = ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'];
const CONTRACT_KEYS = [
  ...['rules', 'normative'].flatMap((r) => ['issued', 'repealed', 'valid'].map((c) => `t2.${r}.${c}`)),
  't2.license.decisions', 't2.penalty.decisions', 't2.enforcement.decisions', 't2.fee.amount',
  ...T3_ROWS.flatMap((r) => T3_COLS.map((c) => `t3.${r}.${c}`)),
  ...['review', 'direct', 'afterReview'].flatMap((g) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((r) => `t4.${g}.${r}`)),
];

/** RFC 4180, read: quoted fields with doubled quotes, CRLF between records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (ch === '"') { quoted = false; i++; continue; }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') { quoted = true; i++; continue; }
    if (ch === ',') { row.push(field); field = ''; i++; continue; }
    if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    assert.ok(ch !== '\n' && ch !== '\r' && ch !== '"', `a bare ${JSON.stringify(ch)} outside quotes at ${i}`);
    field += ch;
    i++;
  }
  assert.equal(field, '', 'the last record ends with CRLF');
  assert.equal(row.length, 0);
  return rows;
}

interface Coverage { tables: Record<'t2' | 't3' | 't4', { rows: number; of: number; unread?: { why: string; cell?: string; row?: string }[] }>; identities: { evaluated: number; of: number; notEvaluable: { id: string; why: string }[] } }
interface Report { path: string; office: string | null; year: number | null; format: string | null; cells: Record<string, number | string>; errors: number; warnings: number; failing: string[]; coverage: Coverage; verified: boolean }

/** A folder with the example as .txt (with a blank and a word in table 二), .docx, .html and the PDF, and a clean report. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dr-export-'));
  const odd = EXAMPLE.replace(/^规章\t0\t0\t0$/m, '规章\t\t？\t0');
  assert.notEqual(odd, EXAMPLE);
  writeFileSync(join(dir, 'a, "odd".txt'), odd);
  writeFileSync(join(dir, 'b.docx'), makeDocx(EXAMPLE));
  writeFileSync(join(dir, 'c.html'), makeHtml(EXAMPLE));
  copyFileSync(join(ROOT, 'test/fixtures/sources/wrong-totals.pdf'), join(dir, 'd.pdf'));
  copyFileSync(join(ROOT, 'examples/clean.report.txt'), join(dir, 'e.txt'));
  return dir;
}

before(async () => {
  // Built from the sources when they are newer (lsp/build.ts): a stale bundle would test old code.
  await buildCli();
});

describe('disclosure-report export', () => {
  test('CSV read back equals the JSON; the header is path, office, year, format, every contract key, errors, warnings, failing, the coverage', () => {
    const dir = folder();
    const j = run('export', '--format', 'json', dir);
    assert.equal(j.status, 0, j.stderr);
    assert.equal(j.stderr, '', 'no progress line when stderr is not a terminal');
    const doc = JSON.parse(j.stdout) as { version: number; reports: Report[] };
    assert.equal(doc.version, 1);
    assert.equal(doc.reports.length, 5);

    const c = run('export', dir);
    assert.equal(c.status, 0, c.stderr);
    assert.ok(c.stdout.startsWith('\ufeff'), 'a BOM first');
    const [header, ...rows] = parseCsv(c.stdout.slice(1));
    assert.deepEqual(header.slice(0, 4), ['path', 'office', 'year', 'format']);
    const cov = ['coverage.t2.rows', 'coverage.t2.of', 'coverage.t3.rows', 'coverage.t3.of', 'coverage.t4.rows', 'coverage.t4.of', 'coverage.identities.evaluated', 'coverage.identities.of', 'coverage.notEvaluable', 'coverage.t2.unread', 'verified'];
    assert.deepEqual(header.slice(-3 - cov.length), ['errors', 'warnings', 'failing', ...cov]);
    for (const k of CONTRACT_KEYS) assert.ok(header.includes(k), `column ${k}`);
    assert.equal(new Set(header).size, header.length, 'no column twice');
    assert.equal(rows.length, doc.reports.length);
    rows.forEach((row, i) => {
      assert.equal(row.length, header.length);
      const r = doc.reports[i];
      const rec = Object.fromEntries(header.map((h, k) => [h, row[k]]));
      const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
      assert.equal(rec.path, r.path);
      assert.equal(rec.office, s(r.office));
      assert.equal(rec.year, s(r.year));
      assert.equal(rec.format, s(r.format));
      assert.equal(rec.errors, String(r.errors));
      assert.equal(rec.warnings, String(r.warnings));
      assert.equal(rec.failing, r.failing.join(' '));
      for (const h of header.slice(4, header.indexOf('errors'))) assert.equal(rec[h], s(r.cells[h]), `${r.path} ${h}`);
      for (const k of ['t2', 't3', 't4'] as const) {
        assert.equal(rec[`coverage.${k}.rows`], String(r.coverage.tables[k].rows));
        assert.equal(rec[`coverage.${k}.of`], String(r.coverage.tables[k].of));
      }
      assert.equal(rec['coverage.identities.evaluated'], String(r.coverage.identities.evaluated));
      assert.equal(rec['coverage.identities.of'], String(r.coverage.identities.of));
      assert.equal(rec['coverage.notEvaluable'], r.coverage.identities.notEvaluable.map((x) => `${x.id}=${x.why}`).join(' '));
      assert.equal(rec['coverage.t2.unread'], (r.coverage.tables.t2.unread ?? []).map((x) => `${x.cell ?? x.row}=${x.why}`).join(' '));
      assert.equal(rec.verified, String(r.verified));
      for (const k of Object.keys(r.cells)) assert.ok(header.includes(k), `${k} has a column`);
    });
  });

  test('the coverage of each record: a clean report fully verified, one lacking rows and one with a blank cell not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-export-'));
    const clean = readFileSync(join(ROOT, 'examples/clean.report.txt'), 'utf8');
    writeFileSync(join(dir, 'a.txt'), clean);
    writeFileSync(join(dir, 'b.txt'), clean.split('\n').filter((l) => !/^(一、本年新收|二、上年结转)/.test(l)).join('\n'));
    writeFileSync(join(dir, 'c.txt'), clean.replace('4.保护第三方合法权益 | 1 |', '4.保护第三方合法权益 |  |'));
    const [a, b, c] = (JSON.parse(run('export', '--format', 'json', dir).stdout) as { reports: Report[] }).reports;
    assert.deepEqual(a.coverage, { tables: { t2: { rows: 6, of: 6 }, t3: { rows: 25, of: 25 }, t4: { rows: 3, of: 3 } }, identities: { evaluated: 42, of: 42, notEvaluable: [] } });
    assert.equal(a.verified, true);
    assert.deepEqual(b.coverage.tables.t3, { rows: 23, of: 25 });
    assert.equal(b.coverage.identities.evaluated, 33);
    assert.ok(b.coverage.identities.notEvaluable.every((x) => x.why === 'row-missing'));
    assert.equal(b.verified, false);
    assert.ok(b.failing.includes('row-missing') && b.errors === 2);
    assert.deepEqual(c.coverage.identities.notEvaluable.map((x) => [x.id, x.why]), [['request-row-total:t3.denied4.total', 'blank'], ['request-outcome-total:t3.total.natural', 'blank']]);
    assert.equal(c.verified, false);
  });

  test('table 二 not read whole (a blank cell; 规章 with two numbers of three): not verified, `coverage.t2.unread` says what', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-export-'));
    const clean = readFileSync(join(ROOT, 'examples/clean.report.txt'), 'utf8');
    const blank = clean.replace(/^行政许可 \| (\d+) \|$/m, '行政许可 |  |');
    const short = clean.replace(/^规章 \| (\d+) \| (\d+) \| (\d+) \|$/m, '规章 | $1 | $3 |');
    assert.notEqual(blank, clean);
    assert.notEqual(short, clean);
    writeFileSync(join(dir, 'a.txt'), blank);
    writeFileSync(join(dir, 'b.txt'), short);
    const [a, b] = (JSON.parse(run('export', '--format', 'json', dir).stdout) as { reports: Report[] }).reports;
    assert.deepEqual(a.coverage.tables.t2, { rows: 6, of: 6, unread: [{ why: 'blank', cell: 't2.license.decisions' }] });
    assert.equal(a.verified, false);
    assert.deepEqual(b.coverage.tables.t2, { rows: 6, of: 6, unread: [{ why: 'row-unread', row: 't2.rules' }] });
    assert.equal(b.verified, false);
    // Its numbers put in no column: the export's cells of 规章 stay empty rather than one column off.
    assert.deepEqual(Object.keys(b.cells).filter((k) => k.startsWith('t2.rules.')), []);
    const [header, ...rows] = parseCsv(run('export', dir).stdout.slice(1));
    const col = (name: string) => rows.map((r) => r[header.indexOf(name)]);
    assert.deepEqual(col('coverage.t2.unread'), ['t2.license.decisions=blank', 't2.rules=row-unread']);
    assert.deepEqual(col('verified'), ['false', 'false']);
  });

  test('the records: office and year from the title, 2021 format, cells by key, counts and failing rules', () => {
    const dir = folder();
    const doc = JSON.parse(run('export', '--format', 'json', dir).stdout) as { reports: Report[] };
    const [odd, docx, html, pdf, clean] = doc.reports;
    assert.equal(odd.path, join(dir, 'a, "odd".txt'));
    for (const r of [odd, docx, html, pdf]) {
      assert.equal(r.office, '青禾县数据资源局');
      assert.equal(r.year, 2025);
      assert.equal(r.format, '2021');
      assert.ok(r.errors >= 6, `${r.path}: ${r.errors}`);
      for (const rule of ['request-row-total', 'request-outcome-total', 'request-balance', 'review-total']) assert.ok(r.failing.includes(rule), `${r.path} ${rule}`);
    }
    for (const r of [docx, html, pdf]) {
      assert.equal(r.errors, 6);
      for (const k of ['t3.new.total', 't3.total.natural', 't4.review.total', 't2.normative.valid', 't2.fee.amount']) assert.equal(r.cells[k], docx.cells[k], `${r.path} ${k}`);
    }
    assert.equal(docx.cells['t3.new.total'], 19);
    assert.equal(docx.cells['t4.review.total'], 3);
    assert.equal(docx.cells['t2.fee.amount'], 0.5);
    assert.equal(odd.cells['t2.rules.issued'], '', 'a blank cell stays empty');
    assert.equal(odd.cells['t2.rules.repealed'], '？', 'text that is not a number, as written');
    assert.equal(odd.cells['t2.rules.valid'], 0);
    assert.ok(odd.failing.includes('cell-blank') && odd.failing.includes('cell-not-number'), odd.failing.join(' '));
    assert.deepEqual([clean.errors, clean.failing.filter((f) => /total|balance/.test(f))], [0, []]);
  });

  test('--output writes the file atomically and nothing on stdout; an unreadable input: exit 2, the others exported', () => {
    const dir = folder();
    writeFileSync(join(dir, 'old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    const out = join(mkdtempSync(join(tmpdir(), 'dr-export-out-')), '汇总.csv');
    writeFileSync(out, 'old content');
    const r = run('export', '--output', out, '--locale', 'en', dir);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /old\.doc: cannot read: The old \.doc format/);
    assert.match(r.stderr, /exported 5 reports to /);
    const csv = readFileSync(out, 'utf8');
    assert.ok(csv.startsWith('\ufeffpath,office,year,format,t2.rules.issued,'));
    assert.equal(parseCsv(csv.slice(1)).length, 6);
    assert.deepEqual(readdirSync(join(out, '..')), ['汇总.csv'], 'no temporary file left');
    const bad = run('export', '--format', 'xlsx', dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--format 只能是 csv 或 json/);
  });

  test('the progress line: "\\r12/300" on a terminal, cleared at the end; nothing otherwise or for a short batch', () => {
    const written: string[] = [];
    const p = progressLine(true, (s) => written.push(s), 3);
    for (let i = 1; i <= 4; i++) p.step(i, 4);
    p.done();
    assert.deepEqual(written, ['\r1/4', '\r2/4', '\r3/4', '\r4/4', '\r\x1b[K']);
    const none: string[] = [];
    const q = progressLine(false, (s) => none.push(s), 3);
    q.step(1, 100);
    q.done();
    const short = progressLine(true, (s) => none.push(s), 20);
    short.step(1, 5);
    short.done();
    assert.deepEqual(none, []);
  });

  test('csv.ts: RFC 4180 quoting', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvDocument(['a', 'b'], [['1', 'x,y']]), '\ufeffa,b\r\n1,"x,y"\r\n');
    // A field starting with CR (or = + - @ tab) is neutralised against CSV injection (OWASP): an apostrophe first.
    assert.deepEqual(parseCsv(csvDocument(['k'], [['"'], ['\r\n'], [''], ['a\r\n']]).slice(1)), [['k'], ['"'], ["'\r\n"], [''], ['a\r\n']]);
    assert.deepEqual(['=SUM(A1)', '+1+1', '-1+1', '@x', '\tx', '-3', '+1.5', 'a=b'].map(csvField), ["'=SUM(A1)", "'+1+1", "'-1+1", "'@x", "'\tx", '-3', '+1.5', 'a=b']);
  });
});
