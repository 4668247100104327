// Findings must stay byte-identical across speed work: records `check --format json` over every
// fixture, example and ../shared report (each alone, and ../shared together so cross-year pairing
// is covered), and diffs against bench/baseline/check-json.json. `--record` rewrites the baseline.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist/cli.js');
const baseline = join(root, 'bench/baseline/check-json.json');
const shared = resolve(root, '../shared');
const kinds = /\.(txt|md|docx|html?|pdf)$/i;

function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : kinds.test(n) ? [p] : [];
  });
}

function check(paths) {
  const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', ...paths], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  // Absolute paths differ between checkouts; the baseline holds them relative to the repo.
  const rel = (s) => s.split(shared + '/').join('../shared/').split(root + '/').join('');
  return { status: r.status, stdout: rel(r.stdout), stderr: rel(r.stderr) };
}

const inputs = [...files(join(root, 'test/fixtures')), ...files(join(root, 'examples')), ...files(join(shared, 'seeds')), ...files(join(shared, 'real'))];
if (!existsSync(shared)) console.log('../shared is absent: only the repo fixtures are compared');
const out = {};
for (const f of inputs) out[relative(root, f)] = check([f]);
if (existsSync(shared)) out['../shared (together)'] = check([join(shared, 'seeds'), join(shared, 'real')].filter(existsSync));

if (process.argv.includes('--record')) {
  writeFileSync(baseline, JSON.stringify(out, null, 1) + '\n');
  console.log(`recorded ${Object.keys(out).length} runs in ${relative(root, baseline)}`);
} else {
  const before = JSON.parse(readFileSync(baseline, 'utf8'));
  const keys = [...new Set([...Object.keys(before), ...Object.keys(out)])];
  const differ = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(out[k]));
  for (const k of differ) console.log(`differs: ${k}`);
  console.log(`${keys.length - differ.length}/${keys.length} runs identical to the baseline`);
  process.exitCode = differ.length ? 1 : 0;
}
