// `node bench/core.mjs [--tree DIR] [--out FILE] MODE [rounds]`: bundles bench/core.ts from the
// tree DIR (default: this one; e.g. a copy of main made with `git archive`) and runs it. The
// bundle is unminified, so profiles name the core's functions.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args.splice(i, 2)[1];
};
const ab = args.indexOf('--ab');
if (ab >= 0) {
  const [a, b, pairs = '8'] = args.slice(ab + 1);
  const A = await import(a);
  const B = await import(b);
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const timed = (f) => {
    const t = cpu();
    f();
    return cpu() - t;
  };
  // RULES=1: each rule's time too (bench/core.ts wrapRules), per round, A against B.
  const spent = process.env.RULES ? [A.wrapRules(), B.wrapRules()] : null;
  A.round();
  B.round();
  for (const m of spent ?? []) m.clear();
  const ta = [];
  const tb = [];
  for (let k = 0; k < Number(pairs); k++) {
    // Which goes first alternates too.
    if (k % 2) tb.push(timed(B.round)), ta.push(timed(A.round));
    else ta.push(timed(A.round)), tb.push(timed(B.round));
  }
  const med = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
  const ratios = ta.map((x, i) => tb[i] / x);
  console.log(`A ${a}: median ${med(ta).toFixed(0)} ms, min ${Math.min(...ta).toFixed(0)} ms  [${ta.map(Math.round).join(' ')}]`);
  console.log(`B ${b}: median ${med(tb).toFixed(0)} ms, min ${Math.min(...tb).toFixed(0)} ms  [${tb.map(Math.round).join(' ')}]`);
  console.log(`B/A: median of the pairs' ratios ${med(ratios).toFixed(3)}, of the minimums ${(Math.min(...tb) / Math.min(...ta)).toFixed(3)}`);
  if (spent) {
    const n = Number(pairs);
    for (const [id, a] of [...spent[0]].sort((x, y) => y[1] - x[1])) {
      const b = spent[1].get(id) ?? 0;
      console.log(`${id.padEnd(24)} ${(a / n).toFixed(1).padStart(8)} ${(b / n).toFixed(1).padStart(8)} ms  ${(b / a).toFixed(2)}`);
    }
  }
  process.exit(0);
}
const tree = opt('--tree') ?? here;
const out = opt('--out') ?? join(tree, 'bench/out/core.mjs');
if (!existsSync(join(tree, 'bench/core.ts'))) cpSync(join(here, 'bench/core.ts'), join(tree, 'bench/core.ts'));
await esbuild.build({ absWorkingDir: tree, entryPoints: ['bench/core.ts'], outfile: out, bundle: true, platform: 'node', target: 'node20', format: 'esm', logLevel: 'warning', define: { __VERSION__: '"bench"' } });
if (args[0] === 'build') process.exit(0);
const r = spawnSync(process.execPath, [out, ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
