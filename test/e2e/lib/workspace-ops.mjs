// Helpers for the workspace scenarios (Check All Reports, Mark as reviewed, the problem matcher):
// reports written into the workspace while code-server runs (the server watches the folder), the
// CLI of this build as the oracle of what each file holds, the notifications seen during a command
// (recorded by a MutationObserver, so a progress toast that comes and goes fast is still seen),
// and the Problems panel's file rows with their counts, narrowed by its filter box.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeReport } from './compose.mjs';
import { until } from './workbench.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The folder of the Check All Reports scenario, and its reports: none of them is ever opened. */
export const CHECK_ALL_FOLDER = 'checkall';
export const CHECK_ALL_REPORTS = {
  // Row 一's 总计 printed as 13 (8+2+0+1+0+1 = 12).
  'j-one-total.txt': { totals: { 't3.new.total': 13 } },
  // Two wrong totals: row 一 (15) and (一)予以公开 (9 for 7).
  'j-two-totals.txt': { totals: { 't3.new.total': 15, 't3.granted.total': 9 } },
  // Table 四's 行政复议 总计 printed as 3 (1+0+0+1 = 2).
  'j-review-total.txt': { totals: { 't4.review.total': 3 } },
  // Correct throughout: no problem, so no row in Problems.
  'j-clean.txt': {},
};

/** Writes `reports` ({ name: compose options }) into `<workspace>/<folder>/`; returns their absolute paths by name. */
export function writeReports(workspace, folder, reports) {
  const dir = join(workspace, folder);
  mkdirSync(dir, { recursive: true });
  const paths = {};
  for (const [name, opts] of Object.entries(reports)) {
    paths[name] = join(dir, name);
    writeFileSync(paths[name], composeReport(opts).text);
  }
  return paths;
}

/** Writes a file under the workspace (folders made as needed); returns its absolute path. */
export function writeWorkspaceFile(workspace, rel, text) {
  const p = join(workspace, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
  return p;
}

/** The built CLI (dist/cli.js, which `npm run package` built for this run). */
export const CLI = join(repo, 'dist', 'cli.js');

/**
 * Runs `node dist/cli.js check --format json …paths` from `cwd`; returns { status, files: Map(path → diagnostics), stderr }.
 * Exit 0 (no error) and 1 (errors) are answers; anything else throws.
 */
export function cliCheck(paths, { cwd = repo } = {}) {
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...paths], { cwd, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`disclosure-report check exited ${r.status}: ${r.stderr || r.stdout}`);
  const doc = JSON.parse(r.stdout);
  return { status: r.status, files: new Map(doc.files.map((f) => [f.path, f.diagnostics])), stderr: r.stderr };
}

/** The cells of one report as `node dist/cli.js export --format json FILE` reads them: { key: value }. */
export function cliCells(path) {
  const r = spawnSync(process.execPath, [CLI, 'export', '--format', 'json', path], { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`disclosure-report export exited ${r.status}: ${r.stderr || r.stdout}`);
  return JSON.parse(r.stdout).reports[0].cells;
}

/**
 * Starts recording the text of every notification toast shown from now on; returns a function
 * that reads what has been seen (distinct texts, in order).
 */
export async function recordNotifications(page) {
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__e2eToasts = [];
    w.__e2eToastObserver?.disconnect();
    const note = () => {
      for (const t of document.querySelectorAll('.notification-toast, .notifications-toasts .notification-list-item')) {
        const s = t.innerText.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
        if (s && !w.__e2eToasts.includes(s)) w.__e2eToasts.push(s);
      }
    };
    w.__e2eToastObserver = new MutationObserver(note);
    w.__e2eToastObserver.observe(document.body, { childList: true, subtree: true, characterData: true });
    note();
  });
  return () => page.evaluate(() => /** @type {any} */ (window).__e2eToasts ?? []);
}

/** The Problems panel's filter box (the panel must be open). */
function filterBox(wb) {
  return wb.page.locator('.panel .viewpane-filter input:visible').first();
}

/** Opens the Problems panel and types `text` into its filter (empty: clears it). */
export async function filterProblems(wb, text) {
  const tab = wb.page.locator('.panel .composite-bar .action-label', { hasText: /^Problems/i }).first();
  const box = filterBox(wb);
  await until(async () => {
    // Another view of the panel (a task's terminal) may come to the front: bring Problems back by its tab.
    if ((await tab.isVisible().catch(() => false)) && !(await wb.page.locator('.markers-panel').isVisible().catch(() => false))) await tab.click({ timeout: 2000 });
    await wb.problems();
    await box.fill(text, { timeout: 2000 });
    return (await box.inputValue({ timeout: 1000 })) === text;
  }, { timeout: 15_000, interval: 200, what: `the Problems filter to read "${text}"` });
  // The tree refilters a moment later: wait until every file row in sight is one the filter lets through.
  if (text) {
    await until(async () => (await problemFiles(wb)).every((r) => r.text.includes(text)), { timeout: 5000, what: `the Problems tree to be filtered by "${text}"` });
  }
}

/**
 * The file rows of the Problems panel: { name, count, text } (a marker row names its rule and
 * `[Ln …, Col …]`; a file row ends with its count badge).
 */
export async function problemFiles(wb) {
  await wb.problems();
  return wb.page.evaluate(() =>
    [...document.querySelectorAll('.markers-panel .monaco-list-row')]
      .map((r) => {
        const badge = r.querySelector('.monaco-count-badge');
        const label = r.querySelector('.label-name, .monaco-icon-name-container');
        return {
          name: label?.textContent?.replace(/\u00a0/g, ' ').trim() ?? '',
          count: badge ? Number(badge.textContent.trim()) : undefined,
          text: r.innerText.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim(),
        };
      })
      .filter((r) => r.count !== undefined),
  );
}


/**
 * Runs a task of the workspace's tasks.json by its label through "Tasks: Run Task", retrying the
 * pick while VS Code has not read a tasks.json written just before.
 */
export async function runTask(wb, label) {
  await until(async () => {
    await wb.dismiss();
    await wb.focusEditorOrWorkbench();
    await wb.kb.press('F1');
    await wb.waitQuickInput();
    await wb.kb.type('Tasks: Run Task');
    // The palette ranks "Tasks: Restart Running Task" and others alike: move down to the exact one.
    await wb.quickInput().locator('.monaco-list-row', { hasText: 'Tasks: Run Task' }).first().waitFor({ timeout: 5000 });
    const exact = async () => /^Tasks: Run Task(\s|$)/.test((await wb.quickInput().locator('.monaco-list-row.focused').first().innerText()).trim());
    for (let i = 0; i < 12 && !(await exact()); i++) await wb.kb.press('ArrowDown');
    if (!(await exact())) throw new Error('"Tasks: Run Task" not found in the command palette');
    await wb.kb.press('Enter');
    const row = wb.quickInput().locator('.monaco-list-row', { hasText: label }).first();
    const offered = await row.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false);
    if (!offered) return false;
    await wb.kb.type(label);
    await until(async () => (await wb.quickInput().locator('.monaco-list-row.focused').first().innerText()).includes(label), {
      timeout: 5000,
      what: `the task "${label}" to be chosen`,
    });
    await wb.kb.press('Enter');
    return true;
  }, { timeout: 30_000, interval: 500, what: `"Tasks: Run Task" to offer "${label}"` });
}
