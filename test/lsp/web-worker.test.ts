// The language server as VS Code for the Web runs it: dist/web/server.js (lsp/browser.ts) in a web
// worker of a real browser (headless Chromium through playwright-core), driven over postMessage by
// the tests' LSP client (client.ts's TestClient over a wire into the page). The client answers the
// worker's file requests (protocol.ts CLIENT_REQUESTS) from a folder on disk, as the browser
// client answers them from vscode.workspace.fs (client/src/workspaceFiles.ts). So this covers the
// worker bundle (the Buffer shim, pdf.js inside), the file system over requests (last year's report
// found in the workspace, a .docx, a web page and a PDF converted, fixes written back into a
// .docx; the config file found and applied on a workspace scheme that is not file:, as on
// github.dev's vscode-vfs:), and the same diagnostics as the core's.
// Skipped with a message where Chromium is not installed (.ci/e2e-setup.sh installs Debian's).
// Run: node test/run.mjs test/lsp/web-worker.test.ts
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { analyzeText, ARITHMETIC_RULES } from '../../server/src/core/index';
import { nodeUris } from '../../server/src/host/nodeRuntime';
import { canonicalUri } from '../../server/src/lsp/files';
import { sourceAccess } from '../../server/src/lsp/sourceFiles';
import { CLIENT_REQUESTS, fromBase64, REQUESTS, toBase64, type ConvertedSource, type WrittenFixes } from '../../server/src/protocol';
import { readSource } from '../../server/src/sources/index';
import { composeReport as composeKeyed, exampleReport } from '../helpers/compose.mjs';
import { makeDocx } from '../helpers/sources';
import { buildWebServer } from './build';
import { ROOT, RpcWire, TestClient, type Exit, type RpcMessage } from './client';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SKIP = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (apt package chromium; .ci/e2e-setup.sh installs it): the web worker server is not run here`;

/** JSON-RPC into a web worker of a page: messages posted to it, its messages sent back through an exposed function. */
class WorkerWire extends RpcWire {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly page: Page) {
    super();
  }

  async attach(): Promise<void> {
    await this.page.exposeFunction('__fromWorker', (msg: RpcMessage) => this.dispatch(msg));
    await this.page.evaluate(() => {
      const g = globalThis as unknown as { __worker: { postMessage(m: unknown): void; onmessage: unknown; onerror: unknown }; __fromWorker(m: unknown): void; Worker: new (u: string) => never };
      g.__worker = new g.Worker('/web/server.js');
      g.__worker.onmessage = (e: { data: unknown }) => g.__fromWorker(e.data);
      g.__worker.onerror = (e: { message: string }) => g.__fromWorker({ jsonrpc: '2.0', method: 'window/logMessage', params: { type: 1, message: `worker error: ${e.message}` } });
    });
  }

  send(obj: object): void {
    // In order: each message after the one before it has been posted.
    this.queue = this.queue.then(() => this.page.evaluate((m) => (globalThis as unknown as { __worker: { postMessage(m: unknown): void } }).__worker.postMessage(m), obj)).catch(() => undefined);
  }

  async shutdown(): Promise<Exit> {
    try {
      await this.request('shutdown', null);
      this.notify('exit', null);
      await this.queue;
    } catch {
      /* the page is gone */
    }
    this.exited = { code: 0, signal: null };
    return this.exited;
  }
}

/** A workspace on another scheme, as github.dev opens a repository: its files are those under `vfsDir`. */
const VFS = 'vscode-vfs://github/example/reports';

/**
 * The workspace's URIs as code-server's web worker extension host gives them (`vscode-remote:`, the
 * files on the server): the worker has no `file:` to fall back on.
 */
const REMOTE = 'vscode-remote://code-server';
const remoteUri = (path: string) => canonicalUri(pathToFileURL(path).href.replace(/^file:\/\//, REMOTE));

/**
 * Answers the worker's file requests from disk, as the browser client answers them from
 * vscode.workspace.fs: `vscode-remote:` and `file:` URIs, and VFS's under `vfsDir` (anything else: not found).
 */
function answerFiles(method: string, params: { uri: string; base64?: string; expected?: string }, vfsDir: string): unknown {
  const path = () => {
    if (params.uri === VFS || params.uri.startsWith(`${VFS}/`)) return join(vfsDir, decodeURIComponent(params.uri.slice(VFS.length)));
    if (params.uri.startsWith(`${REMOTE}/`)) return fileURLToPath(params.uri.replace(REMOTE, 'file://'));
    if (/^file:/i.test(params.uri)) return fileURLToPath(params.uri);
    throw Object.assign(new Error(`no file system for ${params.uri}`), { code: 'ENOENT' });
  };
  const failure = (e: unknown) => ({ error: (e as { code?: string }).code ?? 'EIO' });
  switch (method) {
    case CLIENT_REQUESTS.stat.method:
      try {
        const s = statSync(path());
        return { kind: s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other', size: s.size, mtime: s.mtimeMs };
      } catch {
        return null;
      }
    case CLIENT_REQUESTS.readDirectory.method:
      try {
        return readdirSync(path(), { withFileTypes: true }).map((e) => [e.name, e.isFile() ? 'file' : e.isDirectory() ? 'directory' : 'other']);
      } catch (e) {
        return failure(e);
      }
    case CLIENT_REQUESTS.readFile.method:
      try {
        return { base64: toBase64(readFileSync(path())) };
      } catch (e) {
        return failure(e);
      }
    case CLIENT_REQUESTS.writeFile.method:
      try {
        if (!readFileSync(path()).equals(Buffer.from(fromBase64(params.expected!)))) return { error: 'ECHANGED' };
        writeFileSync(path(), fromBase64(params.base64!));
        return { written: true };
      } catch (e) {
        return failure(e);
      }
    default:
      return undefined;
  }
}

const rulesAt = (ds: { code?: unknown; rule?: string; range: { start: { line: number; character: number } } }[]) =>
  ds.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code ?? d.rule)}`);

describe('the language server in a web worker of headless Chromium (VS Code for the Web)', { skip: SKIP }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'dr-web-'));
  const at = (rel: string) => remoteUri(join(dir, rel));
  let http: Server;
  let browser: Browser;
  let c: TestClient;
  const logs: string[] = [];

  before(async () => {
    await buildWebServer();
    const example = exampleReport();
    // The example office's two years: last year's 结转下年度 is not this year's 上年结转 (two columns).
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports/2024年报告.txt'), composeKeyed({ ...example, year: 2024 }));
    writeFileSync(join(dir, 'reports/2025年报告.txt'), composeKeyed(example));
    // Only the bundles under dist/ are served (the worker and pdf.js's character maps beside it).
    http = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>worker</title>');
      const file = join(ROOT, 'dist', url.pathname);
      if (!file.startsWith(join(ROOT, 'dist')) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream' }).end(readFileSync(file));
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    const port = (http.address() as { port: number }).port;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage();
    page.on('console', (m) => logs.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
    await page.goto(`http://127.0.0.1:${port}/`);
    const wire = new WorkerWire(page);
    await wire.attach();
    c = await TestClient.start({ wire: () => wire, workspaceFolders: [remoteUri(dir)], answer: (method, params) => answerFiles(method, params as unknown as { uri: string }, join(dir, 'vfs')) });
  });

  after(async () => {
    await c?.stop();
    await browser?.close();
    http?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const why = () => `${logs.join('\n')}\n${c.serverLog}`;

  test('it starts in the worker and declares the same features as on Node', () => {
    const caps = c.result.capabilities;
    for (const k of ['hoverProvider', 'codeActionProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'codeLensProvider', 'inlayHintProvider', 'documentFormattingProvider'] as const) assert.ok(caps[k], `${k}: ${why()}`);
    assert.equal(c.result.serverInfo?.name, 'disclosure-report-language-server');
  });

  test('a draft with wrong totals: the diagnostics the core finds, at the same places', async () => {
    const text = readFileSync(join(ROOT, 'examples/wrong-totals.report.txt'), 'utf8');
    const uri = 'untitled:/wrong.report.txt';
    const version = await c.open(uri, text);
    const got = await c.diagnosticsOf(uri, version);
    assert.deepEqual(rulesAt(got).sort(), rulesAt(analyzeText(text).diagnostics).sort(), why());
    assert.equal(got.filter((d) => (ARITHMETIC_RULES as Set<string>).has(String(d.code))).length, 6);
    const hover = await c.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: got[0].range.start });
    assert.ok(hover?.contents.value, 'a hover on a finding');
  });

  test('last year’s report is found through the workspace file system: carry-over per column, related to last year’s file', async () => {
    const uri = at('reports/2025年报告.txt');
    const version = await c.open(uri, readFileSync(join(dir, 'reports/2025年报告.txt'), 'utf8'));
    // The first publication may come before last year's file is read; the next one has it.
    const carry = await c.within(
      new Promise<Diagnostic[]>((resolve) => {
        const check = () => {
          const last = c.published.filter((p) => p.uri === uri && p.version === version).at(-1);
          const found = last?.diagnostics.filter((d) => d.code === 'carryover-mismatch') ?? [];
          if (found.length) {
            c.wire.listeners.delete(listener);
            resolve(found);
          }
        };
        const listener = () => check();
        c.wire.listeners.add(listener);
        check();
      }),
      `carryover-mismatch for ${uri}; ${why()}`,
    );
    assert.deepEqual(carry.map((d) => (d.data as { cell?: string }).cell), ['t3.carried.natural', 't3.carried.commercial']);
    assert.deepEqual(carry.map((d) => d.relatedInformation?.[0]?.location.uri), [at('reports/2024年报告.txt'), at('reports/2024年报告.txt')]);
    assert.ok(c.serverRequests.includes(CLIENT_REQUESTS.readDirectory.method) && c.serverRequests.includes(CLIENT_REQUESTS.readFile.method));
  });

  test('a .docx, a GBK web page and a PDF convert in the worker to the text Node reads', async () => {
    const example = readFileSync(join(ROOT, 'examples/wrong-totals.report.txt'), 'utf8');
    writeFileSync(join(dir, 'a.docx'), makeDocx(example));
    copyFileSync(join(ROOT, 'test/fixtures/sources/wrong-totals.gbk.html'), join(dir, 'b.html'));
    copyFileSync(join(ROOT, 'test/fixtures/sources/wrong-totals.pdf'), join(dir, 'c.pdf'));
    for (const [name, kind] of [['a.docx', 'docx'], ['b.html', 'html'], ['c.pdf', 'pdf']] as const) {
      const r = await c.request<ConvertedSource>(REQUESTS.convertSource.method, { uri: at(name) });
      assert.ok(!('error' in r), `${name}: ${JSON.stringify(r)}; ${why()}`);
      assert.equal(r.kind, kind);
      assert.equal(r.text, (await readSource(join(dir, name), readFileSync(join(dir, name)))).text, name);
    }
    const missing = await c.request<ConvertedSource>(REQUESTS.convertSource.method, { uri: at('nope.docx') });
    assert.deepEqual(missing, { error: { zh: '文件或目录不存在', en: 'no such file or directory' } });
    // A folder by a source's name: refused at once, in the words the Node runtime gives.
    mkdirSync(join(dir, 'folder.docx'));
    const folder = await c.request<ConvertedSource>(REQUESTS.convertSource.method, { uri: at('folder.docx') });
    assert.deepEqual(folder, await sourceAccess(nodeUris).convert(canonicalUri(pathToFileURL(join(dir, 'folder.docx')).href)));
    assert.deepEqual(folder, { error: { zh: '不是普通文件', en: 'not a regular file' } });
  });

  test('fixes written back into a .docx through the client, only when the file is as read', async () => {
    const example = readFileSync(join(ROOT, 'examples/wrong-totals.report.txt'), 'utf8');
    writeFileSync(join(dir, 'fix.docx'), makeDocx(example));
    const r = await c.request<WrittenFixes>(REQUESTS.writeBackSource.method, { uri: at('fix.docx') });
    assert.ok(!('error' in r), JSON.stringify(r));
    assert.ok(r.changes.some((x) => x.key === 't4.review.total' && x.old === '3' && x.new === '2'));
    const reread = await readSource(join(dir, 'fix.docx'), readFileSync(join(dir, 'fix.docx')));
    assert.equal(r.text, reread.text);
    assert.deepEqual(analyzeText(reread.text).diagnostics.filter((d) => ARITHMETIC_RULES.has(d.rule)), []);
  });

  test('the config file is found and applied on a workspace scheme that is not file: (vscode-vfs:), as check finds and applies it on disk', async () => {
    const text = readFileSync(join(ROOT, 'examples/wrong-totals.report.txt'), 'utf8');
    // The repository (VFS) holds reports/ and the config file at its root, which the search reaches from reports/.
    mkdirSync(join(dir, 'vfs/reports'), { recursive: true });
    writeFileSync(join(dir, 'vfs/reports/wrong.report.txt'), text);
    const config = {
      severity: { 'request-balance': 'off', 'review-total': 'hint' },
      reviewed: [{ rule: 'request-row-total', file: 'reports/wrong.report.txt', cell: 't3.new.total', status: 'false-alarm', reason: 'checked by hand' }],
    };
    writeFileSync(join(dir, 'vfs/.disclosure-report.json'), JSON.stringify(config));
    const uri = `${VFS}/reports/wrong.report.txt`;
    const version = await c.open(uri, text);
    const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];
    const arithmetic = (rule: string) => (ARITHMETIC_RULES as Set<string>).has(rule);
    const editor = (await c.diagnosticsOf(uri, version))
      .filter((d) => arithmetic(String(d.code)))
      .map((d) => `${String(d.code)}:${SEVERITY[d.severity ?? 1]}:${(d.data as { cell?: string }).cell}`)
      .sort();
    // What the file says: request-balance off, review-total a hint, one finding reviewed as a false alarm.
    assert.deepEqual(editor, ['request-outcome-total:error:t3.total.natural', 'request-row-total:error:t3.total.total', 'review-total:hint:t4.review.total'], why());
    assert.ok(c.serverRequests.includes(CLIENT_REQUESTS.readFile.method));
    // check takes the same file for the same report on disk, and applies it the same way.
    const cli = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', '--format', 'json', join(dir, 'vfs/reports/wrong.report.txt')], { encoding: 'utf8' });
    assert.equal(cli.stderr, '');
    const checked = (JSON.parse(cli.stdout) as { files: { diagnostics: { rule: string; severity: string; cell?: string }[] }[] }).files[0].diagnostics;
    assert.deepEqual(checked.filter((d) => arithmetic(d.rule)).map((d) => `${d.rule}:${d.severity}:${d.cell}`).sort(), editor);
  });
});
