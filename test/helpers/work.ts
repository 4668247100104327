// A deterministic measure of the work a function does in the analysis core: the executions of
// the core's code blocks (V8's precise block coverage, through the inspector), summed. The same
// input always gives the same count, so complexity is checked without timing anything: double
// the input and the count of a linear path doubles, of a quadratic one quadruples. Work done
// inside built-ins (the regex engine, indexOf) is not counted; the regex literals of the core
// are checked statically instead (fuzz-core.test.ts).
import { Session } from 'node:inspector';
import { setFlagsFromString } from 'node:v8';

interface Coverage { result: { url: string; functions: { ranges: { count: number }[] }[] }[] }

let session: Session | null = null;

function post<T>(method: string, params: object = {}): T {
  let out: T | undefined;
  let err: unknown;
  let done = false;
  session!.post(method, params, (e, r) => { err = e; out = r as T; done = true; });
  // Same-thread sessions answer synchronously.
  if (!done) throw new Error(`inspector ${method} did not answer synchronously`);
  if (err) throw err;
  return out as T;
}

/** Block executions in scripts under server/src/core while `fn` runs. */
export function workOf(fn: () => void, inCore: (url: string) => boolean = (u) => u.includes('/server/src/core/')): number {
  if (!session) {
    // A function's counters live with its bytecode; V8 drops the bytecode of a function unused
    // for a few collections and compiles it again with counters at zero, losing its count.
    setFlagsFromString('--no-flush-bytecode');
    session = new Session();
    session.connect();
    post('Profiler.enable');
    // Left on once started: stopping it lets V8 drop counters, and the counts stop being exact.
    post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
  }
  post('Profiler.takePreciseCoverage'); // resets the counters
  fn();
  const { result } = post<Coverage>('Profiler.takePreciseCoverage');
  let n = 0;
  for (const s of result) if (inCore(s.url)) for (const f of s.functions) for (const r of f.ranges) n += r.count;
  return n;
}

/**
 * work(2n) / work(n) for an input made by `make(n)`: about 2 when linear, 4 when quadratic.
 * With `within`, a ratio above it is measured again (three times at most) and the lowest kept:
 * a lost count (above) inflates one measurement, while a path that really grows faster than
 * linear exceeds the bound every time.
 */
export function growth(make: (n: number) => string, n: number, run: (text: string) => void, inCore?: (url: string) => boolean, within = Infinity): { small: number; large: number; ratio: number } {
  const a = make(n);
  const b = make(2 * n);
  // The count is exact when V8 keeps every counter; on a long run (fuzz-core's earlier tests) it
  // now and then loses some of one measurement (a small input counted 800 blocks where it does
  // 8,000), never adds any: the most of three is the count.
  const most = (text: string) => Math.max(workOf(() => run(text), inCore), workOf(() => run(text), inCore), workOf(() => run(text), inCore));
  let best = { small: 0, large: 0, ratio: Infinity };
  for (let i = 0; i === 0 || (i < 3 && best.ratio > within); i++) {
    const small = most(a);
    const large = most(b);
    if (large / small < best.ratio) best = { small, large, ratio: large / small };
  }
  return best;
}
