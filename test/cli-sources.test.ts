// The CLI over Word documents, web pages and PDFs (dist/cli.js, as users run it): `check` gives the
// same arithmetic findings at the same cells for the same report as .txt, .docx, .html and .pdf;
// a bad file (.doc, .wps, encrypted, corrupt, scan, too large) gets one error on stderr, exit 2,
// and the others are still checked; `--fix` on a .docx writes only the derived cells back and the
// file re-reads with those findings gone, while a web page or PDF is left as it was, said once;
// `text` prints the converted draft; over several files `check` ends with the rule tally.
// Run: node test/run.mjs test/cli-sources.test.ts
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { unzipSync } from 'fflate';
import { readSource } from '../server/src/sources/index.ts';
import { pdfWithoutEmbeddedFont } from './helpers/pdf-make.ts';
import { makeDocx, makeHtml } from './helpers/sources.ts';
import { buildCli } from './lsp/build.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/cli.js');
const FIX = join(ROOT, 'test/fixtures/sources');
const EXAMPLE = readFileSync(join(ROOT, 'examples/wrong-totals.report.txt'), 'utf8');
// Killed at 2 minutes (a few seconds are enough): a CLI kept alive after its work by a timer or a
// thread left running (pdf.js's) fails its test instead of hanging the run.
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT, timeout: 120_000 });
const ARITHMETIC = new Set(['request-row-total', 'request-outcome-total', 'request-balance', 'review-total', 'litigation-total']);

interface JsonDiagnostic { rule: string; cell?: string; expected?: number; actual?: number; range: { start: { line: number } } }
interface JsonFile { path: string; diagnostics: JsonDiagnostic[]; fixed?: { rule: string; old: string; new: string }[]; notice?: string; error?: string }

/** The folders reports() made, removed when the file's tests are done. */
const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A folder with the example as .txt, .docx, .html (UTF-8) and the committed PDF. */
function reports(): { dir: string; txt: string; docx: string; html: string; pdf: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dr-cli-src-'));
  made.push(dir);
  const p = { dir, txt: join(dir, 'a.txt'), docx: join(dir, 'b.docx'), html: join(dir, 'c.html'), pdf: join(dir, 'd.pdf') };
  writeFileSync(p.txt, EXAMPLE);
  writeFileSync(p.docx, makeDocx(EXAMPLE));
  writeFileSync(p.html, makeHtml(EXAMPLE));
  copyFileSync(join(FIX, 'wrong-totals.pdf'), p.pdf);
  return p;
}

const arithmetic = (f: JsonFile) =>
  f.diagnostics.filter((d) => ARITHMETIC.has(d.rule)).map((d) => `${d.rule} ${d.cell} ${d.expected} ${d.actual}`).sort();

before(async () => {
  // Built from the sources when they are newer (lsp/build.ts): a stale bundle would test old code.
  await buildCli();
});

describe('check over sources', () => {
  test('the same report as .txt, .docx, .html and .pdf: the same arithmetic errors at the same cells', () => {
    const p = reports();
    const r = run('check', '--format', 'json', p.dir);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr, '');
    const doc = JSON.parse(r.stdout) as { files: JsonFile[]; tally: Record<string, number> };
    assert.deepEqual(doc.files.map((f) => f.path), [p.txt, p.docx, p.html, p.pdf]);
    const txt = arithmetic(doc.files[0]);
    assert.equal(txt.length, 6);
    for (const f of doc.files.slice(1)) assert.deepEqual(arithmetic(f), txt, f.path);
    // The tally: every arithmetic rule failed by all four reports.
    for (const rule of ['request-row-total', 'request-outcome-total', 'request-balance', 'review-total']) assert.equal(doc.tally[rule], 4, rule);
  });

  test('text output names each file as given; ranges are the lines `text` prints', async () => {
    const p = reports();
    const r = run('check', '--locale', 'en', p.docx, p.pdf);
    assert.equal(r.status, 1, r.stderr);
    const line = r.stdout.split('\n').find((l) => l.startsWith(`${p.docx}:`) && l.includes('review-total'));
    assert.ok(line, r.stdout);
    const [, ln, col] = /:(\d+):(\d+): error review-total/.exec(line)!;
    const converted = run('text', p.docx).stdout.split('\n');
    assert.equal(converted[Number(ln) - 1].slice(Number(col) - 1, Number(col)), '3', 'the range points at the 总计 that is wrong');
    assert.match(r.stdout, /^Reports failing each rule \(of 2 reports\):\n {2}request-row-total +2\n/m);
    assert.match(r.stdout, /Checked 2 files: 12 errors/);
  });

  test('bad files: one clear error each on stderr, exit 2, the others still checked', () => {
    const p = reports();
    const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    writeFileSync(join(p.dir, 'old.doc'), cfb);
    writeFileSync(join(p.dir, 'old.wps'), cfb);
    writeFileSync(join(p.dir, 'locked.docx'), Buffer.concat([cfb, Buffer.from('EncryptedPackage', 'utf16le')]));
    writeFileSync(join(p.dir, 'broken.docx'), Buffer.from('PK\x03\x04 not really a zip'));
    copyFileSync(join(FIX, 'scan.pdf'), join(p.dir, 'scan.pdf'));
    copyFileSync(join(FIX, 'encrypted.pdf'), join(p.dir, 'encrypted.pdf'));
    writeFileSync(join(p.dir, 'huge.pdf'), '%PDF-1.4\n');
    truncateSync(join(p.dir, 'huge.pdf'), 60 * 1024 * 1024);
    for (const [locale, expect] of [
      ['zh-CN', { 'old.doc': /旧版 \.doc 格式.*另存为” \.docx/, 'old.wps': /旧版 \.wps 格式/, 'locked.docx': /设有密码/, 'broken.docx': /损坏|不是有效/, 'scan.pdf': /扫描件.*OCR/, 'encrypted.pdf': /打开密码/, 'huge.pdf': /文件过大（60\.0 MB，上限 50 MB）/ }],
      ['en', { 'old.doc': /old \.doc format is not read: save it as \.docx/, 'old.wps': /old \.wps format/, 'locked.docx': /password-protected/, 'broken.docx': /damaged|Not a valid/, 'scan.pdf': /scan.*OCR/i, 'encrypted.pdf': /password/, 'huge.pdf': /file too large \(60\.0 MB; the limit is 50 MB\)/ }],
    ] as const) {
      const r = run('check', '--locale', locale, p.dir);
      assert.equal(r.status, 2, r.stderr);
      const lines = r.stderr.trim().split('\n');
      assert.equal(lines.length, 7, r.stderr);
      for (const [name, re] of Object.entries(expect)) {
        const mine = lines.filter((l) => l.startsWith(join(p.dir, name) + ':'));
        assert.equal(mine.length, 1, `${name}: ${r.stderr}`);
        assert.match(mine[0], re);
      }
      for (const good of [p.txt, p.docx, p.html, p.pdf]) assert.ok(r.stdout.includes(`${good}:`), `${good} still checked`);
      assert.match(r.stdout, locale === 'en' ? /Checked 11 files: 24 errors/ : /检查了 11 个文件：24 个错误/);
    }
  });
});

describe('check --fix over sources', () => {
  test('a .docx: only the derived cells written back, said line by line; it re-reads with those findings gone', async () => {
    const p = reports();
    const before = readFileSync(p.docx);
    const r = run('check', '--fix', '--format', 'json', p.docx);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const file = (JSON.parse(r.stdout) as { files: JsonFile[] }).files[0];
    assert.deepEqual(arithmetic(file), []);
    const asText = (JSON.parse(run('check', '--fix', '--format', 'json', p.txt).stdout) as { files: JsonFile[] }).files[0];
    const changes = (f: JsonFile) => f.fixed!.map((c) => `${c.rule} ${c.old}→${c.new}`).sort();
    assert.ok(asText.fixed!.length >= 3);
    assert.deepEqual(changes(file), changes(asText), 'the same cells changed as in the text version');
    const after = readFileSync(p.docx);
    const a = unzipSync(before);
    const b = unzipSync(after);
    assert.deepEqual(Object.keys(b), Object.keys(a));
    for (const k of Object.keys(a)) if (k !== 'word/document.xml') assert.ok(Buffer.from(a[k]).equals(Buffer.from(b[k])), `${k} byte for byte`);
    const reread = await readSource(p.docx, after);
    assert.equal(reread.kind, 'docx');
    assert.equal(run('check', p.docx).status, 0, 'no arithmetic error left');
    assert.deepEqual(readdirSync(p.dir).filter((n) => n.endsWith('.tmp')), [], 'no temporary file left');
    // Text output says what changed.
    writeFileSync(p.docx, before);
    const t = run('check', '--fix', '--locale', 'en', p.docx);
    assert.match(t.stdout, new RegExp(`^${p.docx.replace(/[.\\/]/g, '\\$&')}:\\d+:\\d+: fixed review-total .*: 3 → 2$`, 'm'));
  });

  test('a web page and a PDF: nothing changed, one line each says so', () => {
    const p = reports();
    const html = readFileSync(p.html);
    const pdf = readFileSync(p.pdf);
    const r = run('check', '--fix', '--locale', 'en', p.html, p.pdf);
    assert.equal(r.status, 1);
    assert.ok(readFileSync(p.html).equals(html));
    assert.ok(readFileSync(p.pdf).equals(pdf));
    assert.equal(r.stdout.split('\n').filter((l) => l === `${p.html}: --fix does not change a web page; nothing written (fix the Word document it came from)`).length, 1);
    assert.equal(r.stdout.split('\n').filter((l) => l === `${p.pdf}: --fix does not change a PDF; nothing written (fix the Word document it came from)`).length, 1);
    assert.doesNotMatch(r.stdout, /fixed/);
    const zh = run('check', '--fix', p.pdf);
    assert.match(zh.stdout, /--fix 不修改 PDF 文件，未作改动/);
  });
});

// Pins the character maps shipped beside the bundles (esbuild.mjs copyCmaps, pdf-cmaps.ts): run
// from a copy of dist/ alone, as the .vsix installs it, there is no node_modules to fall back on.
test('the CLI run from its bundles alone (dist/ as installed, no node_modules): a PDF whose Chinese font is not embedded reads through dist/pdfjs-cmaps', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dr-dist-'));
  made.push(dir);
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true, filter: (src) => !src.endsWith('.map') && !/[\\/]web$/.test(src) });
  const lines = ['一、总体情况', '本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。'];
  for (const encoding of ['UniGB-UCS2-H', 'GBK-EUC-H'] as const) {
    const pdf = join(dir, `${encoding}.pdf`);
    writeFileSync(pdf, pdfWithoutEmbeddedFont(lines, encoding));
    const r = spawnSync(process.execPath, [join(dir, 'dist/cli.js'), 'text', '--locale', 'en', pdf], { encoding: 'utf8', cwd: dir, timeout: 120_000 });
    assert.equal(r.stderr, '', encoding);
    assert.equal(r.stdout, lines.join('\n') + '\n', encoding);
  }
});

describe('disclosure-report text', () => {
  test('one file: the converted text alone; several: a header line per file', async () => {
    const p = reports();
    const one = run('text', p.docx);
    assert.equal(one.status, 0, one.stderr);
    assert.equal(one.stdout, (await readSource(p.docx, readFileSync(p.docx))).text);
    assert.match(one.stdout, /^行政复议\t行政诉讼$/m);
    const two = run('text', p.txt, p.pdf);
    assert.equal(two.status, 0);
    assert.ok(two.stdout.startsWith(`==> ${p.txt} <==\n${EXAMPLE}`));
    assert.ok(two.stdout.includes(`\n\n==> ${p.pdf} <==\n`));
    const pdfText = (await readSource(p.pdf, readFileSync(p.pdf))).text;
    assert.ok(two.stdout.endsWith(pdfText));
  });

  test('an unreadable file: said on stderr, exit 2, the others printed; no file: usage', () => {
    const p = reports();
    const r = run('text', join(p.dir, 'nope.docx'), p.txt);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /nope\.docx: 无法读取：文件或目录不存在/);
    assert.ok(r.stdout.includes(EXAMPLE));
    const u = run('text');
    assert.equal(u.status, 2);
    assert.match(u.stderr, /请给出要转换的文件/);
  });
});

test('a folder walk reads .md reports too, but skips a .md that reads like no report (a README); a .md named on the command line is always read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dr-md-'));
  try {
    writeFileSync(join(dir, 'README.md'), '# 报告目录\n\n本目录存放各单位的年度报告。\n');
    writeFileSync(join(dir, 'report.md'), readFileSync(join(ROOT, 'examples/wrong-totals.report.txt'), 'utf8'));
    const walked = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', dir], { encoding: 'utf8' });
    assert.deepEqual(JSON.parse(walked.stdout).files.map((f: { path: string }) => f.path), [join(dir, 'report.md')]);
    const named = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', join(dir, 'README.md')], { encoding: 'utf8' });
    assert.deepEqual(JSON.parse(named.stdout).files.map((f: { path: string }) => f.path), [join(dir, 'README.md')]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
