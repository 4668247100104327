// The table preview's webview page in headless Chromium (no VS Code): the page the extension
// builds (client/src/preview/html.ts, its Content-Security-Policy in force) with media/preview.js
// and preview.css, fed the server's model as the extension posts it. Checks the drawn grid and
// merged headers, the marks and titles of failing, blank and non-numeric cells, the reveal
// message a click posts, and that the policy blocks inline script. Skips without Chromium.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { analyzeText } from '../server/src/core/index.ts';
import { previewModel } from '../server/src/core/draft/index.ts';
import { contentSecurityPolicy, makeNonce, previewHtml } from '../client/src/preview/html.ts';
import { translate, webviewStrings } from '../client/src/bundle.ts';
import { buildReport, exampleData } from './helpers/report.ts';

// Names the page-side callbacks use (they run in Chromium; the tests' tsconfig has no DOM lib).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const window: any;
declare const document: any;
declare const getComputedStyle: any;
type HTMLElement = any;
type HTMLTableCellElement = any;

const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const SKIP = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (set E2E_CHROMIUM)`;
const ROOT = resolve(__dirname, '..');

describe('preview page shell', () => {
  test('the policy: nothing by default, styles from the webview source, scripts by nonce only', () => {
    assert.equal(contentSecurityPolicy('https://x.vscode-cdn.net', 'abc'), "default-src 'none'; style-src https://x.vscode-cdn.net; script-src 'nonce-abc';");
    const html = previewHtml({ cspSource: 'https://x', styleUri: 'https://x/p.css', scriptUri: 'https://x/p.js', nonce: 'n1', lang: 'zh-CN', title: '表格预览："a&b"' });
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src https:\/\/x; script-src 'nonce-n1';">/);
    assert.match(html, /<script nonce="n1" src="https:\/\/x\/p.js"><\/script>/);
    assert.match(html, /<title>表格预览：&quot;a&amp;b&quot;<\/title>/);
    assert.doesNotMatch(html, /<script>|\son\w+=|\sstyle=/, 'no inline script, handler or style');
    assert.notEqual(makeNonce(), makeNonce());
    assert.match(makeNonce(), /^[0-9a-f]{32}$/);
  });
});

describe('preview webview in Chromium', { skip: SKIP }, () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let browser: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let page: any;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'preview-'));
    for (const f of ['preview.js', 'preview.css']) copyFileSync(join(ROOT, 'media', f), join(dir, f));
    const base = pathToFileURL(dir).href;
    writeFileSync(join(dir, 'index.html'), previewHtml({ cspSource: 'file:', styleUri: `${base}/preview.css`, scriptUri: `${base}/preview.js`, nonce: makeNonce(), lang: 'zh-CN', title: 'preview' }));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--allow-file-access-from-files'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // What VS Code gives a webview: acquireVsCodeApi; posted messages are collected here.
    // (A string, not a function: the test's own compiled helpers do not exist in the page.)
    await page.addInitScript({
      content: `window.__posted = []; window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
        window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), setState: () => undefined, getState: () => undefined });`,
    });
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);
    await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'ready'));
  });
  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const post = async (text: string, language = 'zh-cn') => {
    const msg = { type: 'update', uri: 'untitled:x', version: 1, tables: previewModel(analyzeText(text)), locale: language, strings: webviewStrings((m, ...a) => translate(language.startsWith('zh') ? 'zh-CN' : 'en', m, ...a)) };
    const renders = await page.$eval('#root', (r: HTMLElement) => Number(r.dataset.renders ?? 0));
    await page.evaluate((m: unknown) => window.postMessage(m, '*'), msg);
    await page.waitForFunction((n: number) => Number(document.getElementById('root')!.dataset.renders ?? 0) > n, renders);
  };

  test('draws the three tables with the merged header cells of the format', async () => {
    await post(readFileSync(join(ROOT, 'examples/clean.report.txt'), 'utf8'));
    assert.deepEqual(await page.$$eval('section.table h2', (hs: HTMLElement[]) => hs.map((h) => h.textContent)), ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']);
    const t3 = await page.$$eval('section.table:nth-of-type(2) thead th', (ths: HTMLTableCellElement[]) => ths.slice(0, 5).map((t) => [t.textContent, t.rowSpan, t.colSpan]));
    assert.deepEqual(t3[1], ['申请人情况', 1, 7]);
    assert.deepEqual(t3[0].slice(1), [3, 3]);
    assert.deepEqual(t3[3], ['法人或其他组织', 1, 5]);
    assert.equal(await page.$$eval('td.value', (tds: unknown[]) => tds.length), 200);
    // The stylesheet applies (allowed by style-src).
    assert.equal(await page.$eval('td.value', (td: HTMLElement) => getComputedStyle(td).textAlign), 'right');
    assert.equal(await page.$$eval('td.status-failing', (tds: unknown[]) => tds.length), 0);
    assert.equal(await page.$eval('section.table:nth-of-type(2) .badge', (b: HTMLElement) => b.textContent), '勾稽关系全部成立');
    // Table 二 in the order of the format: item title, its column headings, its rows (no table head).
    const t2 = await page.$$eval('section.table:nth-of-type(1) tr', (trs: HTMLElement[]) => trs.slice(0, 5).map((tr) => tr.textContent));
    assert.deepEqual(t2, ['第二十条第（一）项', '信息内容本年制发件数本年废止件数现行有效件数', '规章000', '行政规范性文件3112', '第二十条第（五）项']);
    assert.equal(await page.$$eval('section.table:nth-of-type(1) thead tr', (trs: unknown[]) => trs.length), 0);
    assert.equal(await page.$$eval('section.table:nth-of-type(2) thead tr', (trs: unknown[]) => trs.length), 3);
  });

  test('marks a failing total with the expected value and the formula, blank and non-numeric cells', async () => {
    const d = exampleData();
    d.t3[0][6] = 19; // 一、本年新收 总计: should be 18
    d.t3[1][0] = '';
    d.t3[1][1] = '？';
    await post(buildReport(d, 'pipe'));
    const failing = await page.$$eval('td.status-failing', (tds: HTMLElement[]) => tds.map((t) => [t.dataset.key, t.title]));
    const newTotal = failing.find((f: string[]) => f[0] === 't3.new.total');
    assert.ok(newTotal, JSON.stringify(failing));
    assert.equal(newTotal[1], '应为 18\n公式: 12 + 3 + 0 + 1 + 2 + 0 = 18');
    assert.deepEqual(await page.$$eval('td.status-blank', (tds: HTMLElement[]) => tds.map((t) => [t.dataset.key, t.title])), [['t3.carried.natural', '空白单元格']]);
    assert.deepEqual(await page.$$eval('td.status-not-number', (tds: HTMLElement[]) => tds.map((t) => [t.dataset.key, t.title])), [['t3.carried.commercial', '不是数字']]);
    assert.ok((await page.$eval('section.table:nth-of-type(2) .summary', (p: HTMLElement) => p.textContent)).includes('处不符'));
  });

  test('beside an editor (a 600 px pane) table 三 fits with its 总计 column, or scrolls with each row label kept in view', async () => {
    await page.setViewportSize({ width: 600, height: 800 });
    try {
      await post(buildReport(exampleData(), 'pipe'));
      const fits = await page.$eval('td.value[data-key="t3.new.total"]', (td: HTMLElement) => td.getBoundingClientRect().right <= window.innerWidth);
      if (!fits) {
        // Scrolled to its end, the row's label is still at the left of the pane.
        await page.$eval('section.table:nth-of-type(2) .table-scroll', (d: HTMLElement) => d.scrollTo({ left: d.scrollWidth }));
        const label = await page.$eval('td.value[data-key="t3.new.total"]', (td: HTMLElement) => {
          const th = [...td.parentElement!.querySelectorAll('th.label')].pop() as HTMLElement;
          const r = th.getBoundingClientRect();
          return { left: r.left, right: r.right, total: td.getBoundingClientRect().right };
        });
        assert.ok(label.left >= 0 && label.right < 600 && label.total <= 600, JSON.stringify(label));
      }
      assert.equal(await page.$eval('html', (h: HTMLElement) => h.scrollWidth <= window.innerWidth), true, 'no page-wide horizontal scroll');
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
  });

  test('marks the likely mistyped cell with what it should be, and names it (row / column in words, not its key) on the failing totals it explains', async () => {
    const d = exampleData();
    d.t3[0][0] = 11; // 一、本年新收 自然人: 12 typed as 11
    await post(buildReport(d, 'pipe'));
    assert.deepEqual(await page.$$eval('td.suspect', (tds: HTMLElement[]) => tds.map((t) => [t.dataset.key, t.textContent, t.title])), [
      ['t3.new.natural', '11 → 12?', '可能录入有误：应为 12（改后不成立的总计都成立）'],
    ]);
    const failing = await page.$$eval('td.status-failing', (tds: HTMLElement[]) => tds.map((t) => [t.dataset.key, t.title.split('\n').at(-1)]));
    assert.deepEqual(failing, [
      ['t3.new.total', '可能原因：一、本年新收政府信息公开申请数量 / 自然人（11）录入有误，改为 12 则各总计都成立'],
      ['t3.carryOver.natural', '可能原因：一、本年新收政府信息公开申请数量 / 自然人（11）录入有误，改为 12 则各总计都成立'],
    ]);
    assert.equal(await page.$eval('td.suspect', (td: HTMLElement) => getComputedStyle(td).borderTopStyle), 'dotted');
  });

  test('a click on a cell posts reveal with its range', async () => {
    await page.click('td.value[data-key="t3.new.total"]');
    const posted = await page.evaluate(() => (window as unknown as { __posted: { type: string }[] }).__posted.filter((m) => m.type === 'reveal'));
    const text = buildReport(exampleData(), 'pipe');
    const line = text.split('\n').findIndex((l) => l.startsWith('一、本年新收'));
    assert.equal(posted.length, 1);
    assert.equal(posted[0].range.start.line, line);
    assert.equal(await page.$$eval('td.selected', (tds: HTMLElement[]) => tds.map((t) => t.dataset.key).join()), 't3.new.total');
  });

  test("the editor's cursor outlines the cell under it, also after a redraw", async () => {
    const text = buildReport(exampleData(), 'pipe');
    const line = text.split('\n').findIndex((l) => l.startsWith('（七）总计'));
    const start = text.split('\n')[line].indexOf('| 13 |') + 2;
    await page.evaluate((m: unknown) => window.postMessage(m, '*'), { type: 'cursor', position: { line, character: start + 1 } });
    await page.waitForSelector('td.cursor');
    assert.equal(await page.$$eval('td.cursor', (tds: HTMLElement[]) => tds.map((t) => t.dataset.key).join()), 't3.total.natural');
    await post(text);
    assert.equal(await page.$$eval('td.cursor', (tds: HTMLElement[]) => tds.map((t) => t.dataset.key).join()), 't3.total.natural');
    await page.evaluate((m: unknown) => window.postMessage(m, '*'), { type: 'cursor', position: { line: 0, character: 0 } });
    await page.waitForFunction(() => !document.querySelector('td.cursor'));
  });

  test('English strings, a missing table, and the empty state', async () => {
    const lines = readFileSync(join(ROOT, 'examples/clean.report.txt'), 'utf8').split('\n');
    const at = lines.indexOf('四、政府信息公开行政复议、行政诉讼情况');
    lines.splice(at + 1, 4);
    await post(lines.join('\n'), 'en');
    assert.equal(await page.$eval('section.table:nth-of-type(3) .not-found', (p: HTMLElement) => p.textContent), 'This table was not found in the draft.');
    assert.equal(await page.$eval('section.table:nth-of-type(1) h2', (h: HTMLElement) => h.textContent), 'Proactive disclosure');
    await page.evaluate(() => window.postMessage({ type: 'empty', message: 'Open a disclosure report to preview its tables.' }, '*'));
    await page.waitForSelector('p.empty');
  });

  test('the policy is in force: inline script is blocked, the page itself caused no violation', async () => {
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
    });
    await page.waitForFunction(() => (window as unknown as { __violations: string[] }).__violations.length > 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan), undefined);
    assert.match((await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations))[0], /script-src/);
  });
});
