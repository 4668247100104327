// "Open as Disclosure Report draft" and "Write fixes back to the .docx" over stdio, as the VS Code
// client sends them: `disclosureReport/convertSource` answers a file's converted draft (the CLI's
// readers), which opened as a document gets the same diagnostics as `check`; a bad file answers
// an error in both languages; `disclosureReport/writeBackSource` writes the recompute fixes into a
// .docx atomically (only the derived cells; the file re-reads without arithmetic errors) and
// refuses a web page or a PDF, leaving it untouched. Run: node test/run.mjs test/lsp/sources.test.ts
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { analyzeText, applyEdits, ARITHMETIC_RULES, recompute } from '../../server/src/core/index.ts';
import { NO_RUN } from '../../server/src/sources/fixSource.ts';
import { pathOfUri } from '../../server/src/lsp/sourceFiles.ts';
import { DEFAULT_LIMITS, readSource } from '../../server/src/sources/index.ts';
import { makeDocx } from '../helpers/sources.ts';
import { buildServer } from './build';
import { ROOT, TestClient } from './client';

const EXAMPLE = readFileSync(join(ROOT, 'examples/wrong-totals.report.txt'), 'utf8');
type Localized = { zh: string; en: string };
type Converted = { text: string; kind: string; writable: boolean; problems: Localized[] } | { error: Localized };
type Change = { rule: string; key: string; old: string; new: string };
type Written = { changes: Change[]; skipped: (Change & { why: Localized })[]; text: string } | { error: Localized };

let client: TestClient;
let dir: string;
before(async () => {
  await buildServer();
  client = await TestClient.start();
  dir = mkdtempSync(join(tmpdir(), 'dr-lsp-src-'));
});
after(async () => {
  await client?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const uri = (p: string) => pathToFileURL(p).toString();

describe('open a source as a draft', () => {
  test('one set of limits and one message per file error: the editor says what `check` says (a .docx over 10 MB is read, one over the limit and a missing file refused alike)', async () => {
    const big = join(dir, 'big.docx');
    writeFileSync(big, makeDocx(EXAMPLE));
    // A .docx padded with zeros: over the limit it is refused before it is read; at 12 MB (the editor
    // once refused anything over 10 MB, the CLI read it) it is read, whatever the reader then says.
    const doc = readFileSync(big);
    const padded = join(dir, 'padded.docx');
    writeFileSync(padded, doc);
    truncateSync(padded, DEFAULT_LIMITS.maxBytes + 1);
    const missing = join(dir, 'gone.docx');
    const cli = (path: string, locale: string) => spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', '--locale', locale, path], { encoding: 'utf8' }).stderr;
    for (const path of [padded, missing]) {
      const r = await client.request<Converted>('disclosureReport/convertSource', { uri: uri(path) });
      assert.ok('error' in r, JSON.stringify(r));
      assert.ok(cli(path, 'en').includes(`cannot read: ${r.error.en}`), `${cli(path, 'en')} / ${r.error.en}`);
      assert.ok(cli(path, 'zh-CN').includes(`无法读取：${r.error.zh}`), `${cli(path, 'zh-CN')} / ${r.error.zh}`);
    }
    const over = await client.request<Converted>('disclosureReport/convertSource', { uri: uri(padded) });
    assert.ok('error' in over);
    assert.match(over.error.en, /file too large \(50\.0 MB; the limit is 50 MB\)/);
    truncateSync(padded, 12 * 1024 * 1024);
    const read = await client.request<Converted>('disclosureReport/convertSource', { uri: uri(padded) });
    assert.ok(!('error' in read) || !/too large/.test(read.error.en), JSON.stringify(read));
  });

  test('a .docx and a PDF convert to the text the CLI reads; opened, the draft gets the same arithmetic diagnostics', async () => {
    const docx = join(dir, '报告 2025.docx');
    writeFileSync(docx, makeDocx(EXAMPLE));
    const pdf = join(dir, 'b.pdf');
    copyFileSync(join(ROOT, 'test/fixtures/sources/wrong-totals.pdf'), pdf);
    for (const [path, kind, writable] of [[docx, 'docx', true], [pdf, 'pdf', false]] as const) {
      const r = await client.request<Converted>('disclosureReport/convertSource', { uri: uri(path) });
      assert.ok(!('error' in r), JSON.stringify(r));
      assert.equal(r.kind, kind);
      assert.equal(r.writable, writable);
      assert.equal(r.text, (await readSource(path, readFileSync(path))).text);
      const draft = `untitled:${path}.txt`;
      const version = await client.open(draft, r.text);
      const published = await client.diagnosticsOf(draft, version);
      const expected = analyzeText(r.text).diagnostics.filter((d) => ARITHMETIC_RULES.has(d.rule));
      const got = published.filter((d) => (ARITHMETIC_RULES as Set<string>).has(String(d.code)));
      assert.equal(got.length, 6);
      assert.deepEqual(got.map((d) => d.range), expected.map((d) => d.range));
    }
  });

  test('a bad file or a missing one: an error in both languages, no exception; malformed params are InvalidParams', async () => {
    const doc = join(dir, 'old.doc');
    writeFileSync(doc, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    const r = await client.request<Converted>('disclosureReport/convertSource', { uri: uri(doc) });
    assert.ok('error' in r);
    assert.match(r.error.zh, /另存为” \.docx/);
    assert.match(r.error.en, /save it as \.docx/);
    const scan = await client.request<Converted>('disclosureReport/convertSource', { uri: uri(join(ROOT, 'test/fixtures/sources/scan.pdf')) });
    assert.ok('error' in scan && /OCR/.test(scan.error.en));
    const missing = await client.request<Converted>('disclosureReport/convertSource', { uri: uri(join(dir, 'nope.docx')) });
    assert.deepEqual(missing, { error: { zh: '文件或目录不存在', en: 'no such file or directory' } });
    const remote = await client.request<Converted>('disclosureReport/convertSource', { uri: 'https://example.org/r.pdf' });
    assert.ok('error' in remote);
    await assert.rejects(client.request('disclosureReport/convertSource', { path: '/x' }), (e: { code?: number }) => e.code === -32602);
  });
});

describe('write fixes back to the .docx', () => {
  test('the recompute fixes written into the .docx: only document.xml changes, the file re-reads without arithmetic errors', async () => {
    const docx = join(dir, 'fix.docx');
    writeFileSync(docx, makeDocx(EXAMPLE));
    const before = readFileSync(docx);
    const r = await client.request<Written>('disclosureReport/writeBackSource', { uri: uri(docx) });
    assert.ok(!('error' in r), JSON.stringify(r));
    assert.ok(r.changes.length >= 3);
    assert.ok(r.changes.some((c) => c.key === 't4.review.total' && c.old === '3' && c.new === '2'));
    assert.deepEqual(r.skipped, []);
    const after = readFileSync(docx);
    assert.ok(!after.equals(before));
    const a = unzipSync(before);
    const b = unzipSync(after);
    for (const k of Object.keys(a)) if (k !== 'word/document.xml') assert.ok(Buffer.from(a[k]).equals(Buffer.from(b[k])), k);
    const reread = await readSource(docx, after);
    assert.equal(r.text, reread.text);
    assert.deepEqual(analyzeText(reread.text).diagnostics.filter((d) => ARITHMETIC_RULES.has(d.rule)), []);
    // Again: nothing left to fix, nothing written.
    const again = await client.request<Written>('disclosureReport/writeBackSource', { uri: uri(docx) });
    assert.ok(!('error' in again) && again.changes.length === 0);
    assert.ok(readFileSync(docx).equals(after));
    assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), []);
  });

  test('no cell can be written (the one wrong total is a non-breaking hyphen in Word, no text to replace): nothing written, no change claimed, the cell answered as skipped with why', async () => {
    // The example with its totals right, but for 行政复议's 总计 printed as "-" (read as 0).
    const right = applyEdits(EXAMPLE, recompute(analyzeText(EXAMPLE)).edits);
    const lines = right.split('\n');
    const at = lines.findIndex((l) => /^\d+\t\d+\t\d+\t\d+\t\d+\t/.test(l));
    const cells = lines[at].split('\t');
    const total = cells[4];
    cells[4] = '-';
    lines[at] = cells.join('\t');
    const files = unzipSync(makeDocx(lines.join('\n')));
    const xml = strFromU8(files['word/document.xml']);
    const dash = '<w:t xml:space="preserve">-</w:t>';
    assert.equal(xml.split(dash).length, 2, 'one cell holds "-"');
    files['word/document.xml'] = strToU8(xml.replace(dash, '<w:noBreakHyphen/>'));
    const docx = join(dir, 'hyphen.docx');
    writeFileSync(docx, zipSync(files));
    const bytes = readFileSync(docx);
    const r = await client.request<Written>('disclosureReport/writeBackSource', { uri: uri(docx) });
    assert.ok(!('error' in r), JSON.stringify(r));
    assert.deepEqual(r.changes, []);
    assert.deepEqual(r.skipped.map((c) => [c.key, c.old, c.new, c.why]), [['t4.review.total', '-', total, NO_RUN]]);
    assert.ok(readFileSync(docx).equals(bytes), 'the file as it was');
  });

  test('a PDF or a web page is refused and left as it was', async () => {
    const pdf = join(dir, 'keep.pdf');
    copyFileSync(join(ROOT, 'test/fixtures/sources/wrong-totals.pdf'), pdf);
    const bytes = readFileSync(pdf);
    const r = await client.request<Written>('disclosureReport/writeBackSource', { uri: uri(pdf) });
    assert.ok('error' in r);
    assert.match(r.error.en, /\.docx only/);
    assert.ok(readFileSync(pdf).equals(bytes));
  });
});

describe('pathOfUri', () => {
  test('file URIs to paths (percent-decoded, Windows drives, UNC); other schemes null', () => {
    assert.equal(pathOfUri('file:///tmp/%E6%8A%A5%E5%91%8A%202025.docx'), '/tmp/报告 2025.docx');
    assert.equal(pathOfUri('file:///c%3A/r/a.pdf'), 'c:\\r\\a.pdf');
    assert.equal(pathOfUri('file://server/share/a.pdf'), '//server/share/a.pdf');
    assert.equal(pathOfUri('untitled:/tmp/a.docx.txt'), null);
  });
});

describe('which files the source requests read (features/sources.ts refusal)', () => {
  test('`..` and `.` segments are refused on any scheme (file:, and a workspace of VS Code for the Web), as a file outside the folders is', async () => {
    const { refusal } = await import('../../server/src/lsp/features/sources.ts');
    const { isInside } = await import('../../server/src/lsp/files.ts');
    for (const folder of ['file:///w', 'vscode-vfs://github/o/r']) {
      const workspace = { folders: [folder], folderOf: (u: string) => (isInside(u, folder) ? folder : undefined) };
      const ctx = { workspace } as unknown as Parameters<typeof refusal>[0];
      assert.equal(refusal(ctx, `${folder}/a.docx`), null, folder);
      assert.match(String(refusal(ctx, `${folder}/../x/a.docx`)?.en), /inside the workspace folders/, folder);
      assert.match(String(refusal(ctx, `${folder}/./a.docx`)?.en), /inside the workspace folders/, folder);
      assert.match(String(refusal(ctx, 'vscode-vfs://github/other/a.docx')?.en), /inside the workspace folders/, folder);
    }
  });
});
