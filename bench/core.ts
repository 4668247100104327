// `node bench/core.mjs [build-dir] MODE [rounds]`: the core's work per report of figure a, in one
// process, without the CLI: bench/gen.ts batch(2000, 1), each text decoded, analysed
// (analyzeText) and prepared as `check` prepares it (coverage, prose fingerprint, year record,
// readsLikeReport). Bundled by bench/core.mjs from the tree it is given, so that two builds (the
// one before a change, this one) can be run alternately. Modes:
//   cpu      CPU (user + system, process.cpuUsage) per round over the batch, after one warm-up round
//   rules    each rule's check in the registry timed (self and inclusive of shared readings)
//   heap     the sampling heap profiler: bytes allocated per function over one round
//   promoted the same, for only what outlived the young generation (survived every scavenge it met)
//   prof     a CPU profile of the rounds (node:inspector), top functions self and inclusive
//   cold [n] the first round (or its first n reports) in a fresh process: CPU (all threads, the
//            compilers' included) and wall time, in all and per 200 reports (how long V8 takes to warm up)
//   hash     a hash of every report's diagnostics, coverage and year record (builds must agree)
// `node bench/core.mjs --ab A.mjs B.mjs [pairs]` imports two such bundles into one process and
// alternates their rounds (A, B, A, B …: both see the same load), printing each one's CPU per round.

import { Session } from 'node:inspector/promises';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { analyzeText, coverage, proseFingerprint, readsLikeReport, RULES, splitWithEols, yearRecord } from '../server/src/core/index.js';
import { batch } from './gen.js';

const [mode = 'cpu', roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg) || (mode === 'cpu' ? 5 : 2);

const texts = batch(2000, 1).map((f) => new TextDecoder('utf-8').decode(f.bytes));

function one(text: string, i: number) {
  const analysis = analyzeText(text, { name: `r${i}.txt` });
  const lines = splitWithEols(text)[0];
  return { analysis, coverage: coverage(analysis), fingerprint: proseFingerprint(analysis, lines, `r${i}.txt`), year: yearRecord(analysis, lines), like: readsLikeReport(analysis) };
}

function round(): void {
  for (let i = 0; i < texts.length; i++) one(texts[i], i);
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function profile<T>(kind: 'cpu' | 'heap' | 'promoted', run: () => T): Promise<unknown> {
  const s = new Session();
  s.connect();
  if (kind === 'cpu') {
    await s.post('Profiler.enable');
    await s.post('Profiler.setSamplingInterval', { interval: 200 });
    await s.post('Profiler.start');
    run();
    const { profile } = await s.post('Profiler.stop');
    return profile;
  }
  await s.post('HeapProfiler.enable');
  // 'promoted': only what outlived the young generation (collected by no minor GC).
  await s.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: kind === 'heap' } as never);
  run();
  const { profile } = await s.post('HeapProfiler.stopSampling');
  return profile;
}

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[]; selfSize?: number; hitCount?: number };
const where = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}`;
const print = (title: string, m: Map<string, number>, total: number, unit: string, top = 45) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${v.toFixed(unit === 'MB' ? 1 : 0).padStart(9)} ${unit}  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
};

/** Times each rule's check in the registry (CPU ms, summed over the calls, the shared readings it asks first included). */
export function wrapRules(): Map<string, number> {
  const spent = new Map<string, number>();
  for (const r of RULES) {
    const rule = r as { id: string; check?: (...a: unknown[]) => unknown };
    const f = rule.check;
    if (!f) continue;
    // CPU, not wall time: on a loaded machine the wall time of a call holds other processes' turns.
    rule.check = (...a: unknown[]) => {
      const t = cpu();
      try {
        return f(...a);
      } finally {
        spent.set(rule.id, (spent.get(rule.id) ?? 0) + cpu() - t);
      }
    };
  }
  return spent;
}

async function main(): Promise<void> {
  if (mode === 'cold') {
    // The first round in a fresh process (as one `check` run sees it): CPU in all, and per 200 reports.
    const t0 = cpu();
    const w0 = performance.now();
    let t = t0;
    let w = w0;
    const per: number[] = [];
    const wall: number[] = [];
    const n = Number(roundsArg) || texts.length;
    for (let i = 0; i < n; i++) {
      one(texts[i], i);
      if (i % 200 === 199) per.push(Math.round(cpu() - t)), wall.push(Math.round(performance.now() - w)), (t = cpu()), (w = performance.now());
    }
    console.log(JSON.stringify({ cold: Math.round(cpu() - t0), wall: Math.round(performance.now() - w0), per, perWall: wall }));
    return;
  }
  round(); // warm-up
  if (mode === 'cpu') {
    const out: number[] = [];
    for (let k = 0; k < rounds; k++) {
      const t = cpu();
      round();
      out.push(cpu() - t);
    }
    const sorted = [...out].sort((a, b) => a - b);
    console.log(JSON.stringify({ rounds: out.map(Math.round), median: Math.round(sorted[sorted.length >> 1]), min: Math.round(sorted[0]) }));
  } else if (mode === 'rules') {
    const spent = wrapRules();
    const t0 = cpu();
    for (let k = 0; k < rounds; k++) round();
    const total = cpu() - t0;
    const m = new Map([...spent].map(([k, v]) => [k, v / rounds]));
    print(`per round (2,000 reports), ms; the round's CPU ${(total / rounds).toFixed(0)} ms`, m, total / rounds, 'ms', 60);
  } else if (mode === 'heap' || mode === 'promoted') {
    const p = (await profile(mode, () => round())) as { head: Node & { selfSize: number } };
    const self = new Map<string, number>();
    let total = 0;
    const walk = (n: Node) => {
      const k = where(n);
      self.set(k, (self.get(k) ?? 0) + (n.selfSize ?? 0) / 1e6);
      total += (n.selfSize ?? 0) / 1e6;
      for (const c of (n as unknown as { children: Node[] }).children ?? []) walk(c);
    };
    walk(p.head);
    print(`${mode === 'heap' ? 'allocated' : 'outlived the young generation'} over one round: ${total.toFixed(0)} MB`, self, total, 'MB');
  } else if (mode === 'prof') {
    const p = (await profile('cpu', () => {
      for (let k = 0; k < rounds; k++) round();
    })) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const self = new Map<string, number>();
    const incl = new Map<string, number>();
    let total = 0;
    p.samples.forEach((id, i) => {
      const ms = (p.timeDeltas[i + 1] ?? 0) / 1000 / rounds;
      total += ms;
      const n = byId.get(id)!;
      self.set(where(n), (self.get(where(n)) ?? 0) + ms);
      const seen = new Set<string>();
      for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
        const k = where(byId.get(x)!);
        if (!seen.has(k)) incl.set(k, (incl.get(k) ?? 0) + ms), seen.add(k);
      }
    });
    print(`self, ms per round (busy ${total.toFixed(0)} ms)`, self, total, 'ms', 60);
    // FOCUS=name: the time under each function called by functions of that name (inclusive).
    const focus = process.env.FOCUS;
    if (focus) {
      const under = new Map<string, number>();
      p.samples.forEach((id, i) => {
        const ms = (p.timeDeltas[i + 1] ?? 0) / 1000 / rounds;
        let child: number | undefined;
        for (let x: number | undefined = id; x !== undefined; child = x, x = parent.get(x)) {
          if (!where(byId.get(x)!).startsWith(focus)) continue;
          const k = child === undefined ? '(self)' : where(byId.get(child)!);
          under.set(k, (under.get(k) ?? 0) + ms);
          break;
        }
      });
      print(`under ${focus}, ms per round`, under, total, 'ms', 40);
    }
    print('inclusive, ms per round', incl, total, 'ms', 80);
  } else if (mode === 'hash') {
    const h = createHash('sha256');
    for (let i = 0; i < texts.length; i++) {
      const o = one(texts[i], i);
      h.update(JSON.stringify([o.analysis.diagnostics, o.coverage, o.fingerprint, o.year, o.like, o.analysis.identity, o.analysis.claims, o.analysis.reportYear]));
    }
    console.log(h.digest('hex'));
  }
}

/** One round over the batch, for bench/core.mjs --ab (two builds imported into one process, their rounds alternated). */
export { round };

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void main();
