// `npm run test:e2e`: the extension in a real VS Code (code-server 4.100.3 = VS Code 1.100.3),
// driven by Playwright through Debian's chromium. One fresh code-server per run:
//   1. .ci/e2e-setup.sh (idempotent: apt packages, code-server in a cache outside the repo);
//   2. `npm run package` → disclosure-report.vsix (or $E2E_VSIX, a prebuilt one);
//   3. chromium through playwright-core's launchServer;
//   then once per locale (E2E_LOCALE, below), each with a code-server of its own:
//   4. a run folder under the system temp dir: workspace (copies of shared/seeds + composed reports),
//      user-data-dir with settings (disclosureReport.locale = the locale), extensions-dir, XDG dirs, TMPDIR;
//   5. code-server --install-extension, then code-server on a free loopback port, wait for /healthz;
//   6. node --test test/e2e/scenarios.test.mjs (E2E_LOCALE passed on), then code-server stopped;
//   7. the closing `# tests/# pass/# fail …` lines over all locales; always: close the browser, kill
//      code-server, remove the run folders (kept with E2E_KEEP=1).
// Environment: E2E_LOCALE (`en`, `zh-CN`, or a comma-separated list: every scenario in each; unset:
// every scenario with disclosureReport.locale en, then the locale-sensitive ones (scenarios.test.mjs
// LOCALE_SENSITIVE, about 40% of the time of all) with zh-CN), E2E_VSIX (a prebuilt
// .vsix instead of `npm run package`), E2E_ONLY (a regular expression: run only the scenarios whose
// names match), E2E_ORDER=reverse (the scenarios last first), E2E_KEEP=1 (keep the run folders),
// E2E_DEBUG=1 (log every workbench step), E2E_SEEDS (another seeds folder), E2E_CACHE,
// E2E_UPDATE_DOCS=1 (copy the README's pictures into docs/screenshots/).
// Screenshots go to test-artifacts/e2e/ (those of a locale other than en into test-artifacts/e2e/<locale>/).
// The whole run has a hard deadline (E2E_TIMEOUT_S, default 1500 s, which includes a first-time
// setup), the scenarios of each locale one of their own (E2E_TEST_TIMEOUT_S, 900 s; deadlines against
// a hang: the en run takes 170–250 s on a quiet machine, took 580 s with its 2 cores loaded 7 times over).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareWorkspace, writeUserSettings } from './lib/workspace.mjs';
import { WRITEBACK_FOLDER } from './lib/writeback.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const CODE_SERVER_VERSION = '4.100.3';
const cacheDir = process.env.E2E_CACHE ?? join(process.env.HOME ?? tmpdir(), '.cache', 'disclosure-report-e2e');
const codeServerBin = join(cacheDir, 'code-server', 'node_modules', '.bin', 'code-server');
const chromiumPath = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const artifacts = join(repo, 'test-artifacts', 'e2e');
const seedsDir = process.env.E2E_SEEDS ?? resolve(repo, '..', 'shared', 'seeds');
const deadlineS = Number(process.env.E2E_TIMEOUT_S ?? 1500);
const testTimeoutS = Number(process.env.E2E_TEST_TIMEOUT_S ?? 900);
const LOCALES = ['en', 'zh-CN'];
const locales = (process.env.E2E_LOCALE ?? LOCALES.join(',')).split(',').map((l) => l.trim()).filter(Boolean);
/** Unset E2E_LOCALE: the runs after the first take the locale-sensitive scenarios only. */
const subsetAfterFirst = process.env.E2E_LOCALE === undefined;
for (const l of locales) if (!LOCALES.includes(l)) throw new Error(`E2E_LOCALE: ${l} is not one of ${LOCALES.join(', ')}`);
const started = Date.now();
/** Screenshots copied into docs/screenshots/ with E2E_UPDATE_DOCS=1: scenario shot → README picture. */
const DOC_SCREENSHOTS = { 'c-problems': 'problems', 'd-hover-formula': 'hover', 'e-quick-fix-menu': 'quick-fix', 'g-outline': 'outline', 'j-new-draft': 'new-draft', 'l-preview': 'preview', 'n-workspace-check': 'workspace-check', 'o-mark-reviewed-menu': 'mark-reviewed', 's-pdf-problems': 'walkthrough-pdf-problems', 's-pdf-draft': 'walkthrough-pdf-draft', 's-pdf-page': 'walkthrough-pdf-page', 't-zh-cn-preview': 'zh-cn-preview', 'u-default-font': 'format-default-font' };

const log = (msg) => process.stdout.write(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}\n`);

// ---- cleanup, on every way out ---------------------------------------------------------------------
const cleanups = [];
let cleaning = false;
async function cleanup() {
  if (cleaning) return;
  cleaning = true;
  for (const f of cleanups.reverse()) {
    try {
      await f();
    } catch (e) {
      log(`cleanup: ${e?.message ?? e}`);
    }
  }
}
async function exitWith(code) {
  await cleanup();
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => void exitWith(130));
const watchdog = setTimeout(() => {
  log(`FAILED: the whole e2e run exceeded its deadline of ${deadlineS} s`);
  process.stdout.write('# pass 0\n# fail 1\n');
  void exitWith(1);
}, deadlineS * 1000);
watchdog.unref();

/** Runs a command to completion, with its output captured; returns { status, out }. */
function runCaptured(cmd, args, opts = {}) {
  return new Promise((resolveRun) => {
    const child = spawn(cmd, args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', (e) => resolveRun({ status: -1, out: out + String(e) }));
    child.on('close', (status) => resolveRun({ status, out }));
  });
}

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

async function waitForHealthz(url, child, timeoutMs) {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode} before it was healthy`);
    try {
      const r = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return;
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = e?.cause?.code ?? e?.message ?? String(e);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server not healthy after ${timeoutMs} ms (${last})`);
}

/** The failure of the whole harness before the scenarios (of a locale) could run: reported as failing tests, and the run ends. */
async function failBeforeScenarios(reason) {
  log(`FAILED before the scenarios: ${reason}`);
  // Run the scenario file anyway, so every scenario is listed as failing for this reason (not skipped).
  await runScenarios({ E2E_BLOCKED: reason });
  printTotals();
  await exitWith(1);
}

let failedRuns = 0;
let tapDir;
/**
 * Runs test/e2e/scenarios.test.mjs with node's test runner: the spec reporter on stdout for people,
 * TAP into a file whose closing `# tests/# pass/# fail …` lines are printed at the end (those are
 * the lines CI reads). A run stopped at its deadline counts the stopped scenario as failed.
 */
function runScenarios(env) {
  tapDir ??= mkdtempSync(join(tmpdir(), 'disclosure-report-e2e-tap-'));
  cleanups.push(() => rmSync(tapDir, { recursive: true, force: true }));
  const tapFile = join(tapDir, `scenarios-${Date.now()}.tap`);
  return new Promise((res) => {
    const child = spawn(
      process.execPath,
      [
        '--test',
        '--test-concurrency=1',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        `--test-reporter-destination=${tapFile}`,
        ...(process.env.E2E_ONLY ? [`--test-name-pattern=${process.env.E2E_ONLY}`] : []),
        join(here, 'scenarios.test.mjs'),
      ],
      { cwd: repo, stdio: 'inherit', env: { ...process.env, ...env }, detached: true },
    );
    const kill = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    };
    cleanups.push(kill);
    let timedOut = false;
    const t = setTimeout(() => {
      timedOut = true;
      log(`FAILED: the scenarios exceeded their deadline of ${testTimeoutS} s; stopping them`);
      kill();
    }, testTimeoutS * 1000);
    child.on('close', (code) => {
      clearTimeout(t);
      const exit = timedOut ? 1 : (code ?? 1);
      if (exit !== 0) failedRuns++;
      addSummary(tapFile, timedOut);
      res(exit);
    });
  });
}

const COUNTS = ['tests', 'suites', 'pass', 'fail', 'cancelled', 'skipped', 'todo', 'duration_ms'];
/** The closing counts of every scenario run so far (one run per locale), added up. */
const totals = Object.fromEntries(COUNTS.map((k) => [k, 0]));

/** Adds node's closing TAP counts of a run, or (for a run that was stopped) counts of what finished plus the stopped one. */
function addSummary(tapFile, stopped) {
  const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
  const closing = new Map(tap.split('\n').map((l) => /^# (\w+) ([\d.]+)$/.exec(l)).filter((m) => m && COUNTS.includes(m[1])).map((m) => [m[1], Number(m[2])]));
  if (closing.size && !stopped) {
    for (const [k, v] of closing) totals[k] += v;
    return;
  }
  const pass = (tap.match(/^ok \d+/gm) ?? []).length;
  const fail = (tap.match(/^not ok \d+/gm) ?? []).length + 1;
  totals.tests += pass + fail;
  totals.pass += pass;
  totals.fail += fail;
}

/** Prints the closing lines over all locales (the lines CI reads). */
function printTotals() {
  process.stdout.write(`${COUNTS.map((k) => `# ${k} ${k === 'duration_ms' ? totals[k].toFixed(3) : totals[k]}`).join('\n')}\n`);
}

// ---- 1. setup ------------------------------------------------------------------------------------
mkdirSync(artifacts, { recursive: true });
for (const dir of [artifacts, ...LOCALES.filter((l) => l !== 'en').map((l) => join(artifacts, l))]) {
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir)) if (f.endsWith('.png') || f.endsWith('.log')) rmSync(join(dir, f), { force: true });
}

if (!process.env.E2E_SKIP_SETUP) {
  log('setup: .ci/e2e-setup.sh');
  const r = await runCaptured('bash', [join(repo, '.ci', 'e2e-setup.sh')], { env: { ...process.env, E2E_CACHE: cacheDir } });
  process.stdout.write(r.out.replace(/^/gm, '  '));
  if (r.status !== 0) {
    await failBeforeScenarios(`.ci/e2e-setup.sh failed (exit ${r.status})`);
    await exitWith(1);
  }
}
if (!existsSync(codeServerBin)) {
  await failBeforeScenarios(`code-server ${CODE_SERVER_VERSION} not found at ${codeServerBin}; run .ci/e2e-setup.sh`);
  await exitWith(1);
}

// ---- 2. the .vsix --------------------------------------------------------------------------------
let vsix = process.env.E2E_VSIX ? resolve(process.env.E2E_VSIX) : join(repo, 'disclosure-report.vsix');
if (!process.env.E2E_VSIX) {
  log('package: npm run package');
  rmSync(vsix, { force: true });
  const r = await runCaptured('npm', ['run', 'package', '--silent']);
  writeFileSync(join(artifacts, 'package.log'), r.out);
  if (r.status !== 0 || !existsSync(vsix)) {
    const tail = r.out.trim().split('\n').slice(-25).join('\n');
    process.stdout.write(`${tail.replace(/^/gm, '  | ')}\n`);
    await failBeforeScenarios(`npm run package failed (exit ${r.status}); see test-artifacts/e2e/package.log`);
    await exitWith(1);
  }
}
log(`vsix: ${vsix}`);

// ---- 3. the browser (one for every locale) ---------------------------------------------------------
const browserDir = mkdtempSync(join(tmpdir(), 'disclosure-report-e2e-browser-'));
if (!process.env.E2E_KEEP) cleanups.push(() => rmSync(browserDir, { recursive: true, force: true }));
const { chromium } = await import('playwright-core');
process.env.TMPDIR = browserDir; // Playwright puts its fresh profile under os.tmpdir()
let browserServer;
try {
  browserServer = await chromium.launchServer({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
    env: { ...process.env, TMPDIR: browserDir, HOME: browserDir },
    timeout: 60_000,
  });
} catch (e) {
  await failBeforeScenarios(`chromium did not start: ${e.message}`);
}
cleanups.push(() => browserServer.close());
log(`chromium: ${browserServer.wsEndpoint()}`);

/**
 * Removes a run folder. Scenario z makes a .docx immutable when run as root (chattr +i, which
 * refuses even root's unlink) and undoes it itself; a run stopped in between leaves it so.
 */
function removeRunDir(dir) {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch (e) {
    if (e?.code !== 'EPERM') throw e;
    spawnSync('chattr', ['-R', '-i', join(dir, 'workspace', WRITEBACK_FOLDER)]);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Steps 4–6 for one locale: a fresh run folder and code-server, the scenarios, code-server stopped. */
async function runLocale(locale) {
  const localeStarted = Date.now();
  // ---- 4. the run folder -------------------------------------------------------------------------
  const runDir = mkdtempSync(join(tmpdir(), 'disclosure-report-e2e-'));
  if (!process.env.E2E_KEEP) cleanups.push(() => removeRunDir(runDir));
  else log(`run folder kept: ${runDir}`);
  const dirs = {};
  for (const d of ['workspace', 'user-data', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache', 'tmp']) {
    dirs[d] = join(runDir, d);
    mkdirSync(dirs[d], { recursive: true });
  }
  const seeds = prepareWorkspace(dirs.workspace, seedsDir);
  log(`[${locale}] ${seeds.length ? `workspace: ${seeds.length} seed(s) from ${seedsDir} + composed reports` : `workspace: ${seedsDir} is absent; the scenarios use composed reports only`}`);
  writeUserSettings(dirs['user-data'], { 'disclosureReport.locale': locale });
  const shots = locale === 'en' ? artifacts : join(artifacts, locale);
  mkdirSync(shots, { recursive: true });

  const env = {
    ...process.env,
    XDG_CONFIG_HOME: dirs['xdg-config'],
    XDG_DATA_HOME: dirs['xdg-data'],
    XDG_CACHE_HOME: dirs['xdg-cache'],
    TMPDIR: dirs.tmp,
  };
  delete env.VSCODE_IPC_HOOK_CLI;
  delete env.VSCODE_CLI;
  const baseArgs = ['--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions, '--disable-telemetry', '--disable-update-check'];

  // ---- 5. code-server ----------------------------------------------------------------------------
  log(`[${locale}] code-server: --install-extension`);
  {
    const r = await runCaptured(codeServerBin, [...baseArgs, '--install-extension', vsix], { env });
    writeFileSync(join(shots, 'install-extension.log'), r.out);
    const installed = existsSync(dirs.extensions) && readdirSync(dirs.extensions).some((d) => d.startsWith('disclosure-report.disclosure-report-'));
    if (r.status !== 0 || !installed) {
      process.stdout.write(r.out.replace(/^/gm, '  | '));
      await failBeforeScenarios(`code-server --install-extension failed (exit ${r.status})`);
    }
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  log(`[${locale}] code-server: starting on ${url}`);
  const csLog = [];
  const cs = spawn(
    codeServerBin,
    [
      ...baseArgs,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--config', join(dirs['xdg-config'], 'code-server.yaml'),
      dirs.workspace,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  cs.stdout.on('data', (d) => csLog.push(d));
  cs.stderr.on('data', (d) => csLog.push(d));
  const stop = async () => {
    if (cs.exitCode === null) {
      try {
        process.kill(-cs.pid, 'SIGTERM');
      } catch {}
      await new Promise((r) => {
        const t = setTimeout(() => {
          try {
            process.kill(-cs.pid, 'SIGKILL');
          } catch {}
          r();
        }, 3000);
        cs.once('exit', () => {
          clearTimeout(t);
          r();
        });
      });
    }
    writeFileSync(join(shots, 'code-server.log'), Buffer.concat(csLog));
  };
  cleanups.push(stop);
  try {
    await waitForHealthz(url, cs, 60_000);
  } catch (e) {
    await failBeforeScenarios(e.message);
  }
  log(`[${locale}] code-server: healthy`);

  // ---- 6. the scenarios --------------------------------------------------------------------------
  await runScenarios({
    E2E_URL: url,
    E2E_WS: browserServer.wsEndpoint(),
    E2E_WORKSPACE: dirs.workspace,
    E2E_SEEDS_JSON: JSON.stringify(seeds),
    E2E_ARTIFACTS: shots,
    E2E_LOCALE: locale,
    ...(subsetAfterFirst && locale !== locales[0] ? { E2E_SUBSET: 'locale' } : {}),
  });
  await stop();
  log(`[${locale}] done in ${((Date.now() - localeStarted) / 1000).toFixed(1)} s; screenshots in ${shots}`);
}

for (const locale of locales) await runLocale(locale);
printTotals();
log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s (${locales.join(', ')})`);
if (process.env.E2E_UPDATE_DOCS) {
  // The README's pictures: docs/screenshots/<name>.png from this run's screenshots (the en run's).
  const docs = join(repo, 'docs', 'screenshots');
  mkdirSync(docs, { recursive: true });
  for (const [from, to] of Object.entries(DOC_SCREENSHOTS)) {
    if (existsSync(join(artifacts, `${from}.png`))) copyFileSync(join(artifacts, `${from}.png`), join(docs, `${to}.png`));
    else log(`docs: ${from}.png was not taken; docs/screenshots/${to}.png left as it was`);
  }
  log(`docs: updated ${docs}`);
}
await exitWith(failedRuns === 0 ? 0 : 1);
