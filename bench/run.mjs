// `npm run bench [-- a b c d e]`: the figures, each against a floor measured in the same run.
//   a. CLI batch: `check` over 2,000 generated reports vs reading + decoding + splitting them.
//   b. Editor latency: didChange → diagnostics of that version, real server vs a minimal
//      vscode-languageserver server answering with empty diagnostics (push, and pull).
//   c. Incremental cost: the same single-cell edits in 1 MB documents vs a 10 KB one, and vs a
//      full reparse of the 1 MB document (in-process: ReportModel.apply+analysis vs analyzeText).
//   d. Memory: server RSS with 200 reports open.
//   e. Sources: `text` and `check` over 200 .docx and over 200 .pdf reports vs reading their bytes.
//   f. A document that is not one report (1,200 reports pasted, 2.4 M characters): open, edit
//      latency and bytes per published version, real server vs the minimal one.
// The machine is small and noisy: ratios are taken within one run, warm-up runs are excluded,
// medians are quoted, and both sides of a comparison get the same inputs. Writes bench/RESULTS.md.
// Env: BENCH_QUICK=1 for a short run (fewer files and edits; RESULTS.md is then not written),
// BENCH_NO_BUILD=1 to use dist/ as it is. Profiling b: BENCH_EDITS=N edits instead of 500, and
// BENCH_CPU_PROF=DIR for a CPU profile of each server (`node bench/profile.mjs DIR/real` sums it).
// BENCH_SERVER=FILE (another server bundle) and BENCH_NODE_ARGS='…' (its Node options) for before/after runs.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/out');
const QUICK = !!process.env.BENCH_QUICK;
const only = process.argv.slice(2).filter((a) => /^([abcdef]|a')$/.test(a));
const want = (s) => !only.length || only.includes(s);

const N_FILES = QUICK ? 300 : 2000;
const N_EDITS = Number(process.env.BENCH_EDITS) || (QUICK ? 100 : 500);
const N_WARM_EDITS = QUICK ? 30 : 100;
// b, warmed: the same edits after this many warm-up edits, when V8 has compiled the core's hot code
// (in the first few hundred edits about half the server's CPU is TurboFan on helper threads).
const N_STEADY_WARM_EDITS = QUICK ? 300 : 5000;
const RUNS = QUICK ? 3 : 5;
const N_OPEN = QUICK ? 50 : 200;
const N_SOURCES = QUICK ? 40 : 200;
const N_PASTED = 1200;

// ---------------------------------------------------------------------------------------------
// Statistics and printing

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
const f = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : String(x));
const ms = (x) => `${f(x, x < 1 ? 3 : x < 100 ? 2 : 0)} ms`;

const results = []; // { section, figure, value, floor, ratio, target, met }
const notes = [];
function record(section, figure, value, floorText, ratio, target) {
  const met = target === undefined ? undefined : ratio <= target;
  results.push({ section, figure, value, floor: floorText, ratio, target, met });
  const tgt = target === undefined ? '' : `  (target ≤ ${target}x: ${met ? 'met' : 'NOT met'})`;
  console.log(`  ${figure}: ${value}${floorText ? ` | floor ${floorText}` : ''}${Number.isFinite(ratio) ? ` | ratio ${f(ratio)}x` : ''}${tgt}`);
}

// ---------------------------------------------------------------------------------------------
// Build: the project's bundles (dist/) and the bench's own (bench/out/).

function build() {
  if (!process.env.BENCH_NO_BUILD) {
    const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) {
      console.warn(`node esbuild.mjs failed (status ${r.status}); using dist/ as it is.\n${r.stderr.trim().split('\n').slice(0, 8).join('\n')}`);
      notes.push('`node esbuild.mjs` failed during this run; dist/ was used as it stood.');
    }
  }
  mkdirSync(OUT, { recursive: true });
  const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', absWorkingDir: ROOT, define: { __VERSION__: '"bench"' } };
  return Promise.all([
    esbuild.build({ ...common, entryPoints: ['bench/lib.ts'], outfile: join(OUT, 'lib.mjs'), format: 'esm' }),
    esbuild.build({ ...common, entryPoints: ['bench/floor-cli.ts'], outfile: join(OUT, 'floor-cli.js'), format: 'cjs' }),
    esbuild.build({ ...common, entryPoints: ['bench/floor-server.ts'], outfile: join(OUT, 'floor-server.js'), format: 'cjs' }),
  ]);
}

// ---------------------------------------------------------------------------------------------
// a. CLI batch

function timeProcess(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
  const dt = performance.now() - t0;
  return { dt, status: r.status, stderr: String(r.stderr ?? '') };
}

function benchBatch(lib) {
  console.log(`\na. CLI batch: check over ${N_FILES} generated reports`);
  const dir = mkdtempSync(join(tmpdir(), 'dr-bench-batch-'));
  try {
    const files = lib.batch(N_FILES, 1);
    let bytes = 0;
    for (const x of files) {
      writeFileSync(join(dir, x.name), x.bytes);
      bytes += x.bytes.length;
    }
    const cli = [join(ROOT, 'dist/cli.js'), 'check', dir];
    const floor = [join(OUT, 'floor-cli.js'), dir];
    // Warm-up (page cache, compile cache): one of each, excluded.
    const w = timeProcess(cli);
    if (w.status !== 0 && w.status !== 1) throw new Error(`the CLI exited ${w.status}: ${w.stderr.slice(0, 500)}`);
    timeProcess(floor);
    const c = [];
    const fl = [];
    for (let i = 0; i < RUNS; i++) {
      // Alternate which side goes first, so drift in the machine's load hits both.
      if (i % 2) { fl.push(timeProcess(floor).dt); c.push(timeProcess(cli).dt); } else { c.push(timeProcess(cli).dt); fl.push(timeProcess(floor).dt); }
    }
    const mc = median(c);
    const mf = median(fl);
    console.log(`  ${N_FILES} files, ${(bytes / 1048576).toFixed(1)} MB; ${RUNS} runs each after one warm-up`);
    record('a', 'CLI `check`, whole batch (median wall time)', `${ms(mc)} = ${f(N_FILES / (mc / 1000), 0)} reports/s`, `${ms(mf)} = ${f(N_FILES / (mf / 1000), 0)} reports/s`, mc / mf, 3);
    return { mc, mf, bytes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// a'. check --jobs: the same batch on 1 and 2 threads, and each thread's CPU time

/**
 * Runs a process to its end, polling /proc/<pid>/task/<tid>/stat (Linux) for each thread's CPU
 * time (user + system, the last value seen before it ended): the main thread apart from the rest
 * (the checking threads, and V8's own helper threads: garbage collection, compilation).
 */
function timeThreads(args) {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'ignore'] });
    const ticks = new Map();
    const poll = () => {
      let tids = [];
      try {
        tids = readdirSync(`/proc/${child.pid}/task`);
      } catch {
        return;
      }
      for (const tid of tids) {
        try {
          const fields = readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
          ticks.set(tid, Number(fields[11]) + Number(fields[12]));
        } catch {
          // the thread ended between the listing and the read
        }
      }
    };
    const timer = setInterval(poll, 20);
    child.on('error', reject);
    child.on('exit', (status) => {
      clearInterval(timer);
      const dt = performance.now() - t0;
      const hz = 100; // USER_HZ on Linux
      const main = (ticks.get(String(child.pid)) ?? 0) * (1000 / hz);
      const rest = [...ticks].filter(([tid]) => tid !== String(child.pid)).reduce((a, [, t]) => a + t, 0) * (1000 / hz);
      resolvePromise({ dt, status, main, rest, measured: ticks.size > 0 });
    });
  });
}

async function benchJobs(lib) {
  const runs = QUICK ? 2 : 3;
  console.log(`\na'. check --jobs: ${N_FILES} generated reports, each office one a year over 5 years (every report but the first year's paired)`);
  const dir = mkdtempSync(join(tmpdir(), 'dr-bench-jobs-'));
  try {
    for (const x of lib.pairedBatch(N_FILES)) writeFileSync(join(dir, x.name), x.bytes);
    const cli = (n) => [join(ROOT, 'dist/cli.js'), 'check', '--format', 'json', '--jobs', String(n), dir];
    const floor = [join(OUT, 'floor-cli.js'), dir];
    const w = await timeThreads(cli(2));
    if (w.status !== 0 && w.status !== 1) throw new Error(`the CLI exited ${w.status}`);
    await timeThreads(cli(1));
    const one = [];
    const two = [];
    const fl = [];
    for (let i = 0; i < runs; i++) {
      // Rotate the order, so that drift in the machine's load hits all three.
      const order = [() => timeThreads(cli(1)).then((r) => one.push(r)), () => timeThreads(cli(2)).then((r) => two.push(r)), () => timeThreads(floor).then((r) => fl.push(r))];
      for (let k = 0; k < 3; k++) await order[(i + k) % 3]();
    }
    const m1 = median(one.map((r) => r.dt));
    const m2 = median(two.map((r) => r.dt));
    const mf = median(fl.map((r) => r.dt));
    console.log(`  ${runs} runs each after one warm-up`);
    const rate = (t) => `${f(N_FILES / (t / 1000), 0)} reports/s`;
    record("a'", '`check --jobs 1`, paired batch (median wall time)', `${ms(m1)} = ${rate(m1)}`, `${ms(mf)} = ${rate(mf)}`, m1 / mf);
    record("a'", '`check --jobs 2`, paired batch (median wall time)', `${ms(m2)} = ${rate(m2)}`, `${ms(mf)} = ${rate(mf)}`, m2 / mf);
    record("a'", '`--jobs 2` against `--jobs 1` (wall, same run)', ms(m2), ms(m1), m2 / m1);
    if (!one[0].measured) {
      notes.push("a': the threads' CPU times need /proc (Linux); not measured here.");
      return { m1, m2, mf };
    }
    const cpu = (rs, k) => median(rs.map((r) => r[k]));
    const c1 = cpu(one, 'main') + cpu(one, 'rest');
    const main2 = cpu(two, 'main');
    const rest2 = cpu(two, 'rest');
    record("a'", 'CPU, `--jobs 1`: main thread + V8 helper threads', `${ms(cpu(one, 'main'))} + ${ms(cpu(one, 'rest'))}`, '', NaN);
    record("a'", 'CPU, `--jobs 2`: main thread + checking and helper threads', `${ms(main2)} + ${ms(rest2)}`, ms(c1), (main2 + rest2) / c1);
    // On N free cores the main thread's part stays serial and the rest divides among the threads.
    const estimate = (n) => main2 + rest2 / n;
    const perReport = (n) => estimate(n) / N_FILES;
    const lines = [2, 4, 8, 16, 32].map((n) => `${n} cores: ${ms(estimate(n))} (${f(c1 / estimate(n), 1)}x of one thread), 100,000 reports ≈ ${f((perReport(n) * 100000) / 1000, 0)} s`);
    console.log(`  estimate on free cores (main thread's CPU serial, the rest divided): ${lines.join('; ')}`);
    notes.push(`a': estimate on N free cores from the CPU times of this run (main thread serial, the threads' CPU divided by N): ${lines.join('; ')}.`);
    return { m1, m2, mf };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// b. Editor latency, d. memory: LSP sessions

const SETTINGS = { disclosureReport: { debounceMs: 0 } };

// BENCH_SERVER=FILE: another build of the server (say, the main branch's) in place of dist/server.js.
const SERVER = process.env.BENCH_SERVER ? resolve(process.env.BENCH_SERVER) : join(ROOT, 'dist/server.js');
// BENCH_NODE_ARGS='…': the real server's Node options in place of protocol.ts SERVER_NODE_ARGS (b, d, f).
const NODE_ARGS = () => (process.env.BENCH_NODE_ARGS !== undefined ? process.env.BENCH_NODE_ARGS.split(' ').filter(Boolean) : lib.SERVER_NODE_ARGS);

function serverCmd(which) {
  // The real server as the VS Code client starts it (protocol.ts SERVER_NODE_ARGS).
  // BENCH_CPU_PROF=DIR: each server writes a V8 CPU profile there (bench/profile.mjs reads it).
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.BENCH_CPU_PROF, which)}`] : [];
  return which === 'real' ? [...NODE_ARGS(), ...prof, SERVER, '--stdio'] : [...prof, join(OUT, 'floor-server.js'), '--stdio'];
}

async function session(which, { pull }) {
  const c = new lib.LspClient(process.execPath, serverCmd(which), { settings: SETTINGS });
  await c.initialize({ pull });
  return c;
}

/** Opens `text` at `uri` and waits for its first diagnostics. */
async function open(c, uri, text, pull) {
  if (pull) {
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'disclosure-report', version: 1, text } });
    const r = await c.request('textDocument/diagnostic', { textDocument: { uri } });
    if (r.error) throw new Error(`diagnostic pull failed: ${JSON.stringify(r.error)}`);
    return;
  }
  const got = c.waitFor(lib.isDiagnosticsFor(uri, 1), 60000, `diagnostics for ${uri} v1`);
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'disclosure-report', version: 1, text } });
  await got;
}

/** Bytes of a JSON-RPC message as sent (its body; the client hands it on parsed). */
const bytesOf = (msg) => Buffer.byteLength(JSON.stringify(msg));

/**
 * Latency of each edit, ms: didChange sent → diagnostics for that version received; and the
 * bytes of each message that carried them (`bytes`, pushed into when given).
 */
async function editLatencies(c, uri, edits, pull, bytes = [], version = 1) {
  const out = [];
  for (const e of edits) {
    version++;
    const change = { textDocument: { uri, version }, contentChanges: [{ range: e.range, text: e.text }] };
    if (pull) {
      const t0 = performance.now();
      c.notify('textDocument/didChange', change);
      const r = await c.request('textDocument/diagnostic', { textDocument: { uri } });
      out.push(performance.now() - t0);
      if (r.error) throw new Error(`diagnostic pull failed: ${JSON.stringify(r.error)}`);
      bytes.push(bytesOf(r));
    } else {
      const got = c.waitFor(lib.isDiagnosticsFor(uri, version), 60000, `diagnostics for ${uri} v${version}`);
      const t0 = performance.now();
      c.notify('textDocument/didChange', change);
      const msg = await got;
      out.push(performance.now() - t0);
      bytes.push(bytesOf(msg));
    }
  }
  return out;
}

/** CPU time (user + system, all threads) a process has used so far, ms; NaN without /proc (Linux). */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/** The latencies of `edits`, and the server's CPU time per edit over them (`cpu`, pushed into when given). */
async function latencyOf(which, pull, text, warmEdits, edits, bytes, cpu = []) {
  const c = await session(which, { pull });
  try {
    await open(c, 'file:///bench/warm.report.txt', text, pull);
    await editLatencies(c, 'file:///bench/warm.report.txt', warmEdits, pull);
    c.notify('textDocument/didClose', { textDocument: { uri: 'file:///bench/warm.report.txt' } });
    await open(c, 'file:///bench/doc.report.txt', text, pull);
    const cpu0 = cpuMs(c.pid);
    const times = await editLatencies(c, 'file:///bench/doc.report.txt', edits, pull, bytes);
    cpu.push((cpuMs(c.pid) - cpu0) / edits.length);
    return times;
  } finally {
    await c.shutdown();
  }
}

const kbytes = (b) => (b < 1024 ? `${f(b, 0)} B` : b < 1048576 ? `${f(b / 1024, 1)} KB` : `${f(b / 1048576, 2)} MB`);
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

async function benchLatency(lib, doc10k) {
  console.log(`\nb. Editor latency: ${N_EDITS} single-cell edits in a ${f(Buffer.byteLength(doc10k) / 1024, 1)} KB report (debounceMs 0; ${N_WARM_EDITS} warm-up edits excluded)`);
  const warm = lib.cellEdits(doc10k, N_WARM_EDITS, 99);
  const edits = lib.cellEdits(doc10k, N_EDITS, 5);
  for (const pull of [false, true]) {
    const mode = pull ? 'pull (textDocument/diagnostic)' : 'push (publishDiagnostics)';
    let real;
    let floor;
    const realBytes = [];
    const floorBytes = [];
    const realCpu = [];
    const floorCpu = [];
    try {
      floor = await latencyOf('floor', pull, doc10k, warm, edits, floorBytes, floorCpu);
      real = await latencyOf('real', pull, doc10k, warm, edits, realBytes, realCpu);
    } catch (e) {
      console.log(`  ${mode}: failed: ${e.message}`);
      notes.push(`b (${mode}) could not be measured: ${e.message}`);
      record('b', `latency, ${mode}`, 'not measured', '', NaN, 1.5);
      continue;
    }
    const mr = median(real);
    const mf = median(floor);
    record('b', `latency, ${mode}: median`, ms(mr), ms(mf), mr / mf, 1.5);
    record('b', `latency, ${mode}: p95`, ms(quantile(real, 0.95)), ms(quantile(floor, 0.95)), quantile(real, 0.95) / quantile(floor, 0.95));
    // Less at the mercy of other processes than the latency: what the server itself spent per edit.
    record('b', `server CPU per edit, ${mode.split(' ')[0]}`, ms(realCpu[0]), ms(floorCpu[0]), realCpu[0] / floorCpu[0]);
    record('b', `bytes per version, ${mode.split(' ')[0]} (mean; max)`, `${kbytes(mean(realBytes))} (${kbytes(Math.max(...realBytes))})`, `${kbytes(mean(floorBytes))}`, mean(realBytes) / mean(floorBytes));
    await latencyWarmed(pull, mode, doc10k, edits);
  }
}

/**
 * b, warmed: the same edits after N_STEADY_WARM_EDITS warm-up edits, both servers. Beside the
 * figure with the target, not in its place: a user's first edits after the server starts are the
 * ones b times.
 */
async function latencyWarmed(pull, mode, doc10k, edits) {
  const warm = lib.cellEdits(doc10k, N_STEADY_WARM_EDITS, 98);
  const realCpu = [];
  const floorCpu = [];
  try {
    const floor = await latencyOf('floor', pull, doc10k, warm, edits, [], floorCpu);
    const real = await latencyOf('real', pull, doc10k, warm, edits, [], realCpu);
    const mr = median(real);
    const mf = median(floor);
    const what = `${mode.split(' ')[0]}, after ${N_STEADY_WARM_EDITS} warm-up edits`;
    record('b', `latency, ${what}: median`, ms(mr), ms(mf), mr / mf);
    record('b', `server CPU per edit, ${what}`, ms(realCpu[0]), ms(floorCpu[0]), realCpu[0] / floorCpu[0]);
  } catch (e) {
    console.log(`  ${mode}, warmed: failed: ${e.message}`);
    notes.push(`b (${mode}, warmed) could not be measured: ${e.message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// e. A document that is not one report: hundreds of reports pasted into one file.

async function benchPasted(lib) {
  const text = lib.pastedReports(N_PASTED, 3);
  const n = QUICK ? 40 : 200;
  console.log(`\ne. A document of ${N_PASTED} reports pasted together (${f(text.length / 1e6, 2)} M characters, ${f(Buffer.byteLength(text) / 1048576, 1)} MB): ${n} single-cell edits anywhere in it (push, debounceMs 0)`);
  const edits = lib.cellEdits(text, n, 5);
  const uri = 'file:///bench/pasted.report.txt';
  const one = async (which) => {
    const c = await session(which, { pull: false });
    try {
      const t0 = performance.now();
      const first = c.waitFor(lib.isDiagnosticsFor(uri, 1), 120000, 'diagnostics of the pasted document');
      c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'disclosure-report', version: 1, text } });
      const msg = await first;
      const opened = performance.now() - t0;
      const bytes = [];
      const times = await editLatencies(c, uri, edits, false, bytes);
      return { opened, openBytes: bytesOf(msg), shown: msg.params.diagnostics.length, times: times.slice(Math.floor(n / 5)), bytes };
    } finally {
      await c.shutdown();
    }
  };
  try {
    const floor = await one('floor');
    const real = await one('real');
    const mr = median(real.times);
    const mf = median(floor.times);
    record('f', `open (didOpen → first diagnostics), ${real.shown} diagnostics published`, `${ms(real.opened)}; ${kbytes(real.openBytes)}`, ms(floor.opened), real.opened / floor.opened);
    record('f', `edit latency: median (p95)`, `${ms(mr)} (${ms(quantile(real.times, 0.95))})`, `${ms(mf)} (${ms(quantile(floor.times, 0.95))})`, mr / mf);
    record('f', `bytes per version (mean; max)`, `${kbytes(mean(real.bytes))} (${kbytes(Math.max(...real.bytes))})`, kbytes(mean(floor.bytes)), mean(real.bytes) / mean(floor.bytes));
  } catch (e) {
    console.log(`  failed: ${e.message}`);
    notes.push(`e could not be measured: ${e.message}`);
  }
  return text.length;
}

function rssKb(pid) {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(s)[1]);
}

/** Reports opened before the second reading of d. */
const N_FIRST = 50;

async function rssWithOpen(which, docs) {
  const c = await session(which, { pull: false });
  try {
    await new Promise((r) => setTimeout(r, 300));
    const idle = rssKb(c.pid);
    // Also read after the first quarter: what opening the rest adds is what a report keeps, without
    // what the first ones cost once (the core's code compiled, its bounded caches filled, the heap grown).
    let first = 0;
    for (let i = 0; i < docs.length; i++) {
      await open(c, `file:///bench/open/${i}.report.txt`, docs[i], false);
      if (i + 1 === N_FIRST) {
        await new Promise((r) => setTimeout(r, 500));
        first = rssKb(c.pid);
      }
    }
    await new Promise((r) => setTimeout(r, 500));
    return { idle, first, open: rssKb(c.pid) };
  } finally {
    await c.shutdown();
  }
}

async function benchMemory(lib) {
  const r = lib.rng(21);
  const docs = Array.from({ length: N_OPEN }, (_, i) => lib.reportOfSize(lib.randomData(r), lib.LAYOUTS[i % 4], 10240, r));
  const total = docs.reduce((s, d) => s + Buffer.byteLength(d), 0);
  console.log(`\nd. Memory: VmRSS with ${N_OPEN} reports open (${f(total / 1048576, 1)} MB of text)`);
  try {
    const floor = await rssWithOpen('floor', docs);
    const real = await rssWithOpen('real', docs);
    const mb = (kb) => `${f(kb / 1024, 1)} MB`;
    record('d', `server RSS, idle after initialize`, mb(real.idle), mb(floor.idle), real.idle / floor.idle);
    record('d', `server RSS, ${N_OPEN} reports open`, mb(real.open), mb(floor.open), real.open / floor.open);
    record('d', `RSS per open report`, `${f((real.open - real.idle) / N_OPEN, 0)} KB`, `${f((floor.open - floor.idle) / N_OPEN, 0)} KB`, (real.open - real.idle) / Math.max(1, floor.open - floor.idle));
    const rest = N_OPEN - N_FIRST;
    record('d', `RSS per open report, the last ${rest} (after the first ${N_FIRST})`, `${f((real.open - real.first) / rest, 0)} KB`, `${f((floor.open - floor.first) / rest, 0)} KB`, (real.open - real.first) / Math.max(1, floor.open - floor.first));
  } catch (e) {
    console.log(`  failed: ${e.message}`);
    notes.push(`d could not be measured: ${e.message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// c. Incremental cost, in-process

function benchIncremental(lib, doc10k) {
  const pasted = lib.prosePastedDocument(doc10k, 1 << 20);
  const many = lib.manyReportsDocument(10240, 1 << 20, 11);
  const kb = (t) => `${f(Buffer.byteLength(t) / 1024, 0)} KB`;
  console.log(`\nc. Incremental cost: ${N_EDITS} single-cell edits, ReportModel.apply + analysis (in-process; ${RUNS} rounds after a warm-up round)`);
  console.log(`  documents: ${kb(doc10k)} report; ${kb(pasted)} with its prose pasted over and over; ${kb(many)} of ${many.split('一、总体情况').length - 1} reports one after another`);
  // Rounds: each round times every document once, so the machine's changing load falls on all
  // of them alike; the first round is the warm-up and is excluded. Medians over the other rounds.
  const docs = [['10 KB report', doc10k], ['prose pasted, 1 MB', pasted], ['many reports, 1 MB', many]];
  const edits = docs.map(([, text]) => lib.cellEdits(text, N_EDITS, 5));
  const times = docs.map(() => []);
  const full = docs.map(() => []);
  for (let round = 0; round <= RUNS; round++) {
    docs.forEach(([, text], i) => {
      const t = lib.timeEdits(text, edits[i]);
      const fr = lib.timeFull(text, 1);
      if (round > 0) { times[i].push(...t); full[i].push(...fr); }
    });
  }
  const m10 = median(times[0]);
  record('c', `edit in the 10 KB report: median (p95)`, `${ms(m10)} (${ms(quantile(times[0], 0.95))})`, '', NaN);
  record('c', `full reparse of the 10 KB report (analyzeText)`, ms(median(full[0])), '', NaN);
  for (let i = 1; i < docs.length; i++) {
    const m = median(times[i]);
    const fm = median(full[i]);
    record('c', `edit in ${docs[i][0]}: median (p95) vs the 10 KB edit`, `${ms(m)} (${ms(quantile(times[i], 0.95))})`, ms(m10), m / m10, 2);
    record('c', `edit in ${docs[i][0]} vs a full reparse (analyzeText)`, ms(m), ms(fm), m / fm, 0.1);
  }
}

// ---------------------------------------------------------------------------------------------
// e. Sources: reading Word documents and PDFs

/** The floor: one Node process that walks the folder and reads every file's bytes. */
const READ_BYTES = `const fs=require('fs'),p=require('path');let n=0,b=0;const d=process.argv[1];for(const f of fs.readdirSync(d).sort()){b+=fs.readFileSync(p.join(d,f)).length;n++}process.stdout.write(n+' files, '+b+' bytes\\n')`;

function timeSources(kind, dir, n, bytes) {
  const text = [join(ROOT, 'dist/cli.js'), 'text', dir];
  const check = [join(ROOT, 'dist/cli.js'), 'check', dir];
  const floor = ['-e', READ_BYTES, dir];
  const w = timeProcess(text);
  if (w.status !== 0) throw new Error(`disclosure-report text exited ${w.status}: ${w.stderr.slice(0, 500)}`);
  timeProcess(check);
  timeProcess(floor);
  const t = [];
  const c = [];
  const fl = [];
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 ? [[fl, floor], [t, text], [c, check]] : [[t, text], [c, check], [fl, floor]];
    for (const [xs, args] of order) xs.push(timeProcess(args).dt);
  }
  const [mt, mc, mf] = [median(t), median(c), median(fl)];
  console.log(`  ${n} ${kind} files, ${(bytes / 1048576).toFixed(1)} MB; ${RUNS} runs each after one warm-up`);
  const rate = (x) => `${ms(x)} = ${f(n / (x / 1000), 0)} reports/s`;
  record('e', `${n} ${kind}: \`text\` (read + convert), median wall time`, rate(mt), rate(mf), mt / mf);
  record('e', `${n} ${kind}: \`check\` (read + convert + check), median wall time`, rate(mc), rate(mf), mc / mf);
}

/**
 * e'. `text` over the PDFs against poppler's `pdftotext -layout`, a new process per file (as a
 * shell loop runs it), in the same run on the same files; skipped where poppler-utils is missing.
 */
function timePoppler(dir, n) {
  if (spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error) {
    console.log("  e': pdftotext (poppler-utils) is not installed here: the PDF figure against poppler is skipped");
    notes.push("e' was skipped: pdftotext (poppler-utils) was not installed on the machine of this run.");
    return;
  }
  const files = readdirSync(dir).sort().map((x) => join(dir, x));
  const poppler = () => {
    const t0 = performance.now();
    for (const file of files) spawnSync('pdftotext', ['-layout', file, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
    return performance.now() - t0;
  };
  const text = [join(ROOT, 'dist/cli.js'), 'text', dir];
  poppler();
  timeProcess(text);
  const p = [];
  const t = [];
  for (let i = 0; i < RUNS; i++) {
    if (i % 2) { p.push(poppler()); t.push(timeProcess(text).dt); } else { t.push(timeProcess(text).dt); p.push(poppler()); }
  }
  const [mt, mp] = [median(t), median(p)];
  const rate = (x) => `${ms(x)} = ${f(n / (x / 1000), 0)} reports/s`;
  record("e'", `${n} .pdf: \`text\` vs \`pdftotext -layout\` per file, median wall time`, rate(mt), rate(mp), mt / mp, 2);
}

function benchSources(lib) {
  console.log(`\ne. Sources: ${N_SOURCES} .docx and ${N_SOURCES} .pdf reports`);
  const docxDir = mkdtempSync(join(tmpdir(), 'dr-bench-docx-'));
  const pdfDir = mkdtempSync(join(tmpdir(), 'dr-bench-pdf-'));
  try {
    let bytes = 0;
    for (const x of lib.docxBatch(N_SOURCES)) {
      writeFileSync(join(docxDir, x.name), x.bytes);
      bytes += x.bytes.length;
    }
    timeSources('.docx', docxDir, N_SOURCES, bytes);
    const fixtures = readdirSync(join(ROOT, 'test/fixtures/sources')).filter((n) => /^wrong-totals.*\.pdf$/.test(n)).map((n) => readFileSync(join(ROOT, 'test/fixtures/sources', n)));
    bytes = 0;
    for (let i = 0; i < N_SOURCES; i++) {
      const b = fixtures[i % fixtures.length];
      writeFileSync(join(pdfDir, `r${String(i).padStart(4, '0')}.pdf`), b);
      bytes += b.length;
    }
    timeSources('.pdf', pdfDir, N_SOURCES, bytes);
    timePoppler(pdfDir, N_SOURCES);
  } finally {
    rmSync(docxDir, { recursive: true, force: true });
    rmSync(pdfDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

function machine() {
  const model = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const nproc = spawnSync('nproc', { encoding: 'utf8' }).stdout?.trim() || String(cpus().length);
  return { nproc, model, node: process.version };
}

function writeResults(m, ctx) {
  const rows = results.map((r) => `| ${r.section} | ${r.figure} | ${r.value} | ${r.floor || '—'} | ${Number.isFinite(r.ratio) ? `${f(r.ratio)}x` : '—'} | ${r.target === undefined ? '—' : `≤ ${r.target}x: ${r.met ? 'met' : '**not met**'}`} |`);
  const missed = results.filter((r) => r.met === false);
  const md = `## Performance

Measured by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}: ${m.nproc} cores, ${m.model}, Node ${m.node}.
The machine is small and shared, so each figure is quoted against a floor measured in the same run, on the
same inputs; warm-up runs are excluded and medians are quoted.

- **a. CLI batch** — \`disclosure-report check DIR\` over ${N_FILES} generated reports (${f(ctx.batchBytes / 1048576, 1)} MB: consistent tables in all four layouts, about a third with a fault, some CRLF or BOM), wall time of the whole process; floor: one Node process that walks, reads, decodes (the CLI's own decoder) and splits the same files into lines.
- **a'. \`check --jobs\`** — \`check --format json --jobs 1\` and \`--jobs 2\` over ${N_FILES} generated reports of 400 offices, one a year over 5 years (every report but the first year's paired with last year's, so the cross-year rules run on the threads), wall time against the same floor, all three in the same run; and each process's CPU time by thread (/proc/<pid>/task): the main thread, and the rest (checking threads, V8's garbage-collection and compiler helpers). The estimate for more cores keeps the main thread's CPU serial and divides the rest.
- **b. Editor latency** — the real server (\`node ${lib.SERVER_NODE_ARGS.join(' ')} dist/server.js --stdio\`, as the VS Code client starts it; debounceMs 0) with a ${f(ctx.doc10kBytes / 1024, 1)} KB report open, ${N_EDITS} single-cell edits of table 三 (in pairs, as a user corrects a number: one input cell changed, then put back; after ${N_WARM_EDITS} warm-up edits in another document; and, beside it without a target, the same edits after ${N_STEADY_WARM_EDITS} warm-up edits, once V8 has compiled the core's hot code): time from \`didChange\` sent to the diagnostics for that version received — pushed (\`publishDiagnostics\` with that version), or pulled (\`textDocument/diagnostic\` sent right after the change, client declaring pull). Floor: a minimal vscode-languageserver server (bench/floor-server.ts) that keeps the document and answers the same messages with empty diagnostics. Same client for both. Beside the latencies, the bytes of the message that carried each version's diagnostics (its JSON body), and the server's CPU time per edit (user + system over the timed edits, all its threads, from /proc/<pid>/stat: steadier than the latency on a loaded machine).
- **c. Incremental cost** — in-process, \`ReportModel.apply\` + \`analysis()\` per edit, the same kind of edit in a 1 MB document (the report's prose pasted over and over; and about a hundred 10 KB reports one after another) against the 10 KB report, and against a full reparse (\`analyzeText\`) of the 1 MB document ("a small fraction" taken as ≤ 0.1x). A number typed into table 三 or 四 is patched into the parse (the cell rebuilt, the table rules run again on that table); any other edit re-parses the segment it falls in; the analysis is then reassembled from the segments' results, which is the part that grows with the document.
- **d. Memory** — VmRSS of the server process (/proc/<pid>/status, started as in b) after opening ${N_OPEN} different 10 KB reports and receiving their diagnostics; floor: the minimal server holding the same documents. Per report: the growth from idle over all ${N_OPEN} (the target's figure, which carries what the first reports cost once: the core's code compiled, its bounded caches filled, the heap grown), and, without a target, the growth over the last ${N_OPEN - N_FIRST} reports opened (read again after the first ${N_FIRST}): what one more report keeps.
- **e. Sources** — \`disclosure-report text DIR\` (read and convert every file) and \`check DIR\` (read, convert, check) over ${N_SOURCES} .docx reports (consistent generated reports made into Word documents with merged cells by test/helpers/sources.ts) and over ${N_SOURCES} .pdf reports (the committed fixtures test/fixtures/sources/wrong-totals*.pdf, copied), wall time of the whole process; floor: one Node process that lists the folder and reads every file's bytes.
- **e'. PDFs against poppler** — the same ${N_SOURCES} .pdf reports: \`disclosure-report text DIR\` against poppler's \`pdftotext -layout FILE -\`, a new process per file, timed in the same run (skipped, with a note, where poppler-utils is not installed).
- **f. A document that is not one report** — ${N_PASTED} generated reports (every layout, about a third with a fault) pasted into one file of ${f(ctx.pastedChars / 1e6, 1)} M characters, opened in the real server (push, debounceMs 0), then single-cell edits of table 三 anywhere in it: the time to the first diagnostics, the latency of each edit, and the bytes of each published version. The server publishes at most \`maxDiagnostics\` (1,000) per document, plus one at the top saying how many more there are. Floor: the minimal server with the same document and edits.

| | figure | measured | floor | ratio | target |
|---|---|---|---|---|---|
${rows.join('\n')}

${missed.length ? `Targets not met in this run: ${missed.map((r) => `${r.section} — ${r.figure}: ${f(r.ratio)}x (target ≤ ${r.target}x)`).join('; ')}.` : 'All targets met in this run.'}
${notes.length ? '\n' + notes.map((n) => `- ${n}`).join('\n') + '\n' : ''}`;
  // The run's table replaces the top of the file; the step-by-step sections below it (### …) stay.
  const file = join(ROOT, 'bench/RESULTS.md');
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const rest = before.indexOf('\n### ');
  writeFileSync(file, rest < 0 ? md : `${md.trimEnd()}\n${before.slice(rest)}`);
  console.log('\nwrote bench/RESULTS.md');
}

/** The bench's bundle (bench/lib.ts): generators, in-process timings and the LSP client. */
let lib;

async function main() {
  const m = machine();
  console.log(`machine: ${m.nproc} cores, ${m.model}, node ${m.node}${QUICK ? ' (BENCH_QUICK: short run)' : ''}`);
  await build();
  lib = await import(join(OUT, 'lib.mjs') + `?t=${Date.now()}`);
  const doc10k = lib.reportOfSize(lib.exampleData(), 'pipe', 10240);
  const ctx = { batchBytes: 0, doc10kBytes: Buffer.byteLength(doc10k), pastedChars: 0 };
  if (want('a')) ctx.batchBytes = benchBatch(lib).bytes;
  if (want('a') || only.includes("a'")) await benchJobs(lib);
  const hasServer = existsSync(join(ROOT, 'dist/server.js'));
  if (!hasServer && (want('b') || want('d') || want('f'))) {
    console.log('\nb, d: dist/server.js is missing — skipped');
    notes.push('b and d were skipped: dist/server.js did not exist.');
  }
  if (want('b') && hasServer) await benchLatency(lib, doc10k);
  if (want('c')) benchIncremental(lib, doc10k);
  if (want('d') && hasServer) await benchMemory(lib);
  if (want('e')) benchSources(lib);
  if (want('f') && hasServer) ctx.pastedChars = await benchPasted(lib);
  if (!QUICK && !only.length) writeResults(m, ctx);
  else console.log('\n(short or partial run: bench/RESULTS.md not written)');
}

await main();
