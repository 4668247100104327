// `npm run mutate`: breaks each invariant of docs/ARCHITECTURE.md on purpose, one mutation of the
// source at a time (test/mutations.json), and runs the tests that row names; every mutation must
// make them fail. Works on a copy of the tree (node_modules hard-linked), never on this one.
//   npm run mutate                 all mutations but the slow ones (the real-editor tests)
//   npm run mutate -- ID …         only the mutations whose id contains one of the words
//   MUTATE_SLOW=1 npm run mutate   the slow ones too
//   npm run mutate -- --baseline … each chosen mutation's tests on the unmutated copy: they must
//                                  pass (a name pattern must not pick a test that needs a skipped one)
// Exits non-zero if a mutation survives, its text is not found, or its tests time out.
import { cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyEdits, editsByFile, loadMutations } from './helpers/mutations.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TIMEOUT_MS = Number(process.env.MUTATE_TIMEOUT_MS ?? 15 * 60_000);

const baseline = process.argv.includes('--baseline');
const words = process.argv.slice(2).filter((w) => w !== '--baseline');
const all = loadMutations(ROOT);
const chosen = all.filter((m) => (words.length ? words.some((w) => m.id.includes(w)) : !m.slow || process.env.MUTATE_SLOW));

// The copy: <tmp>/tree beside <tmp>/shared (tests find ../shared from the tree, as on CI).
const base = mkdtempSync(join(tmpdir(), 'mutate-'));
const tree = join(base, 'tree');
const shared = resolve(ROOT, '../shared');
if (existsSync(shared)) symlinkSync(realpathSync(shared), join(base, 'shared'));
cpSync(ROOT, tree, { recursive: true, filter: (src) => !/[\\/](node_modules|\.git|test-artifacts|\.e2e-cache)$/.test(src) });
linkTree(join(ROOT, 'node_modules'), join(tree, 'node_modules'));

/** Hard-links every file of a directory tree (node_modules: 300 MB copied in a second). */
function linkTree(from, to) {
  mkdirSync(to, { recursive: true });
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const a = join(from, e.name);
    const b = join(to, e.name);
    if (e.isDirectory()) linkTree(a, b);
    else if (e.isSymbolicLink()) cpSync(a, b, { verbatimSymlinks: true });
    else {
      try { linkSync(a, b); } catch { cpSync(a, b); }
    }
  }
}

function run(m) {
  const args = m.command
    ? m.command
    : [process.execPath, '--import', 'tsx', '--test', '--test-reporter=spec',
        ...(m.pattern ? [`--test-name-pattern=${m.pattern}`] : []), ...m.tests];
  return new Promise((done) => {
    const child = spawn(args[0], args.slice(1), { cwd: tree, env: { ...process.env, ...(m.env ?? {}) }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    let timedOut = false;
    let failed = false;
    // The first failing test decides: the rest of the run is not waited for.
    const take = (d) => {
      out += d;
      if (!failed && !m.command && /^\s*✖ /m.test(out)) {
        failed = true;
        try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    }, TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code: failed ? 1 : code, timedOut, out });
    });
  });
}

/** The first failing test's name in node's spec output (what caught the mutation). */
function firstFailure(out) {
  const m = /^\s*✖ (.+?)(?: \(\d[\d.]*m?s\))?$/m.exec(out);
  return m ? m[1] : (out.trim().split('\n').pop() ?? '');
}

let bad = 0;
const started = Date.now();
console.log(`${chosen.length} of ${all.length} mutations, in ${tree}`);
if (baseline) {
  const seen = new Set();
  for (const m of chosen) {
    const key = JSON.stringify([m.tests, m.pattern, m.command, m.env]);
    if (seen.has(key)) continue;
    seen.add(key);
    const t0 = Date.now();
    const r = await run(m);
    const secs = ((Date.now() - t0) / 1000).toFixed(0);
    if (r.code !== 0 || r.timedOut) bad++;
    console.log(`${r.code !== 0 || r.timedOut ? 'FAILS     ' : 'passes    '} ${m.id}'s tests unmutated (${secs} s)${r.code !== 0 ? `: ${firstFailure(r.out)}` : ''}`);
  }
  console.log(`${seen.size - bad} of ${seen.size} test runs pass unmutated in ${((Date.now() - started) / 60000).toFixed(1)} min`);
  if (!process.env.MUTATE_KEEP) rmSync(base, { recursive: true, force: true });
  process.exit(bad ? 1 : 0);
}
for (const m of chosen) {
  const originals = new Map();
  const mutated = new Map();
  for (const [name, edits] of editsByFile(m)) {
    const text = readFileSync(join(tree, name), 'utf8');
    originals.set(name, text);
    mutated.set(name, applyEdits(text, edits));
  }
  const lost = [...mutated].filter(([, text]) => text === undefined).map(([name]) => name);
  if (lost.length) {
    bad++;
    console.log(`NOT FOUND  ${m.id}: ${lost.join(', ')} no longer holds its text once (${JSON.stringify(m.find)} …)`);
    continue;
  }
  const t0 = Date.now();
  for (const [name, text] of mutated) writeFileSync(join(tree, name), text);
  let r;
  try {
    r = await run(m);
  } finally {
    for (const [name, text] of originals) writeFileSync(join(tree, name), text);
  }
  const secs = ((Date.now() - t0) / 1000).toFixed(0);
  if (r.timedOut) {
    bad++;
    console.log(`TIMEOUT    ${m.id} (${secs} s); the run's last lines:\n${r.out.trim().split('\n').slice(-8).map((l) => `           ${l}`).join('\n')}`);
  } else if (r.code === 0) {
    bad++;
    console.log(`SURVIVED   ${m.id} (${secs} s): ${m.what}\n           ${m.command ? m.command.join(' ') : m.tests.join(' ')} still pass`);
  } else {
    const by = firstFailure(r.out);
    // A whole file failing (not one of its tests) may be the run's fault: --baseline tells.
    console.log(`caught     ${m.id} (${secs} s) by ${by}${/\.test\.ts$/.test(by) ? ' (the whole file failed: see --baseline)' : ''}`);
  }
}
console.log(`${chosen.length - bad} of ${chosen.length} caught in ${((Date.now() - started) / 60000).toFixed(1)} min`);
if (!process.env.MUTATE_KEEP) rmSync(base, { recursive: true, force: true });
else console.log(`kept ${base}`);
process.exit(bad ? 1 : 0);
