// The core's reading of a report, in process, without the CLI around it: figure a's 2,000
// generated reports decoded, then `analyzeText` on each, in a child process per measurement.
// Alternate two builds of the core in one run to compare them on a loaded machine:
//   node bench/reading.mjs build /tmp/x-before.mjs     (bundles this tree's core: do it before a change)
//   node bench/reading.mjs run /tmp/x-before.mjs /tmp/x-after.mjs [rounds=3] [--alloc] [--prof DIR] [--read] [--passes N]
// Each child reports the CPU (user+sys, all threads) of one pass over the 2,000 texts after a
// warm-up over 300 other reports (cold: the warm-up's, JIT included), the GC time of both passes
// (PerformanceObserver), and
// with --alloc the bytes the V8 sampling heap profiler saw allocated in the measured pass
// (collected objects included; the profiler slows the pass, so its CPU is not comparable).

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
const [mode, ...args] = process.argv.slice(2);

if (mode === 'build') {
  const esbuild = await import('esbuild');
  await esbuild.build({
    stdin: { contents: "export { analyzeText, splitWithEols } from './server/src/core/index.js'; export { classifyLine } from './server/src/core/lines.js'; export { cutSegments, parseSegment } from './server/src/core/segment.js'; export { batch } from './bench/gen.js';", resolveDir: join(here, '..'), loader: 'ts' },
    bundle: true, platform: 'node', format: 'esm', outfile: args[0], logLevel: 'warning', sourcemap: false,
  });
  console.log(`built ${args[0]}`);
} else if (mode === 'run') {
  const alloc = args.includes('--alloc');
  const pi = args.indexOf('--prof');
  const prof = pi >= 0 ? args[pi + 1] : null;
  const rest = args.filter((a, i) => !a.startsWith('--') && (pi < 0 || i !== pi + 1) && args[i - 1] !== '--passes');
  const builds = rest.filter((a) => a.endsWith('.mjs'));
  const rounds = Number(rest.find((a) => /^\d+$/.test(a)) ?? 3);
  const xi = args.indexOf('--passes');
  const passes = xi >= 0 ? Number(args[xi + 1]) : 1;
  const rows = new Map(builds.map((b) => [b, []]));
  for (let r = 0; r < rounds; r++) {
    for (const b of builds) {
      const flags = prof ? ['--cpu-prof', '--cpu-prof-dir', join(prof, b.replace(/^.*\//, '').replace(/\.mjs$/, ''))] : [];
      const res = spawnSync(process.execPath, ['--expose-gc', ...flags, fileURLToPath(import.meta.url), 'child', b, alloc ? 'alloc' : ''], { encoding: 'utf8' });
      if (res.status !== 0) throw new Error(res.stderr);
      const x = JSON.parse(res.stdout);
      rows.get(b).push(x);
      console.log(`${b}: warm-up ${x.cold} ms, measured ${x.warm} ms CPU, gc ${x.gc} ms${alloc ? `, ${x.mb} MB allocated` : ''}`);
    }
  }
  const med = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
  const min = (xs) => Math.min(...xs);
  for (const [b, xs] of rows) console.log(`median ${b}: warm-up ${med(xs.map((x) => x.cold))} ms, measured ${med(xs.map((x) => x.warm))} ms (min ${min(xs.map((x) => x.warm))}), gc (cold/warm) ${xs.map((x) => x.gc).join(' ')} ms${alloc ? `, ${med(xs.map((x) => x.mb))} MB` : ''}`);
} else if (mode === 'child') {
  const lib = await import(args[0]);
  const { batch } = lib;
  const passes = Number(args[3] || 1);
  // `--read`: the reading alone (lines classified, cut into segments, each parsed, its tables' rules included).
  const analyzeText = args[2] === 'read' ? (text) => {
    const [lines] = lib.splitWithEols(text);
    const kinds = lines.map(lib.classifyLine);
    for (const s of lib.cutSegments(kinds, 0, lines.length)) lib.parseSegment(lines.slice(s.start, s.start + s.count), s.kind, s.start);
  } : lib.analyzeText;
  const { PerformanceObserver } = await import('node:perf_hooks');
  let gc = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) gc += e.duration; }).observe({ entryTypes: ['gc'] });
  const dec = new TextDecoder('utf-8');
  const texts = batch(2000, 1).map((f) => dec.decode(f.bytes));
  // The warm-up: other reports (seed 9), so the measured pass finds no memo of its own texts.
  const warmup = batch(300, 9).map((f) => dec.decode(f.bytes));
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const tick = () => new Promise((r) => setTimeout(r, 20));
  globalThis.gc();
  await tick();
  gc = 0;
  let t = cpu();
  for (let i = 0; i < warmup.length; i++) analyzeText(warmup[i], { name: `w${i}.txt` });
  const cold = cpu() - t;
  await tick();
  const gcCold = gc;
  globalThis.gc();
  await tick();
  let session;
  if (args[1] === 'alloc') {
    const { Session } = await import('node:inspector/promises');
    session = new Session();
    session.connect();
    await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  }
  gc = 0;
  // The least of `passes` passes (the machine's load only ever adds to a pass).
  let warm = Infinity;
  for (let p = 0; p < passes; p++) {
    t = cpu();
    for (let i = 0; i < texts.length; i++) analyzeText(texts[i], { name: `r${i}.txt` });
    warm = Math.min(warm, cpu() - t);
  }
  await tick();
  const gcWarm = gc;
  let mb;
  if (session) {
    const { profile } = await session.post('HeapProfiler.stopSampling');
    let bytes = 0;
    const sum = (n) => { bytes += n.selfSize; for (const c of n.children) sum(c); };
    sum(profile.head);
    mb = Math.round(bytes / 1e6);
  }
  process.stdout.write(JSON.stringify({ cold: Math.round(cold), warm: Math.round(warm), gc: `${Math.round(gcCold)}/${Math.round(gcWarm)}`, mb }));
} else {
  console.error('usage: node bench/reading.mjs build OUT.mjs | run A.mjs B.mjs [rounds] [--alloc] [--prof DIR]');
  process.exit(2);
}
