// `node bench/profile.mjs DIR [top]`: where a server's time went, from the V8 CPU profiles
// (*.cpuprofile) `BENCH_CPU_PROF=DIR node bench/run.mjs b` wrote: self time by function, and the
// time spent under each of the functions named below (inclusive), in ms and as a share of the
// busy (non-idle) time. Sums every profile in DIR (one per server started: push and pull).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const top = Number(process.argv[3]) || 40;
if (!dir) {
  console.error('usage: node bench/profile.mjs DIR [top]');
  process.exit(2);
}

const self = new Map();
const incl = new Map();
let total = 0;
let idle = 0;
const where = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}`;

for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
  const p = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const dt = new Map();
  for (let i = 0; i < p.samples.length; i++) dt.set(i, (p.timeDeltas[i + 1] ?? 0) / 1000);
  p.samples.forEach((id, i) => {
    const ms = dt.get(i);
    const n = byId.get(id);
    total += ms;
    if (n.callFrame.functionName === '(idle)') {
      idle += ms;
      return;
    }
    self.set(where(n), (self.get(where(n)) ?? 0) + ms);
    // Inclusive: every distinct frame on the stack once.
    const seen = new Set();
    for (let x = id; x !== undefined; x = parent.get(x)) {
      const k = where(byId.get(x));
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + ms);
    }
  });
}

const busy = total - idle;
const row = ([k, v]) => `${v.toFixed(0).padStart(7)} ms ${((100 * v) / busy).toFixed(1).padStart(5)}%  ${k}`;
console.log(`profiled ${total.toFixed(0)} ms, idle ${idle.toFixed(0)} ms, busy ${busy.toFixed(0)} ms\n\nself time:`);
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, top).map(row).join('\n'));
console.log('\ninclusive time:');
console.log([...incl].sort((a, b) => b[1] - a[1]).slice(0, top * 2).map(row).join('\n'));
