// A full garbage collection when the server goes quiet after its heap grew. V8 may put its first
// full collection off until the heap has grown by 100 MB or more, so the garbage of parsing many
// reports (opening a folder of them, a released report parsed again) stays in the process's
// memory long after the work. Started by the Node entry (node.ts) when Node runs with
// `--expose-gc` (protocol.ts SERVER_NODE_ARGS); without `gc` it does nothing. Never on the edit
// path: only after `idleMs` without a message and with the event loop free (a check that runs
// late means the server was busy: it waits again), and only when the heap grew since the last
// one by a quarter of what it held after it, at least `minGrowth`, so that a typing session rarely
// sees one and a large document's heap (whose full collection is long) even less often
// (bench/RESULTS.md, issue 19 item 4: its pause).

export interface IdleCollectOptions {
  /** Quiet time (no message from the client) before a collection. */
  idleMs: number;
  /** The least growth of the used heap since the last collection that calls for one (bytes). */
  minGrowth: number;
  /** The clock, ms (tests give their own). */
  now?: () => number;
}

export const IDLE_COLLECT: IdleCollectOptions = { idleMs: 200, minGrowth: 4 << 20 };

/** A check that runs this late (ms) finds the event loop was busy: not idle yet. */
const LATE_MS = 50;

/**
 * Returns what to call on every message from the client. `gc` is the exposed collector (absent:
 * a function that does nothing); `heapUsed` the used heap in bytes.
 */
export function collectWhenIdle(gc: (() => void) | undefined, heapUsed: () => number, opts: IdleCollectOptions = IDLE_COLLECT): () => void {
  if (typeof gc !== 'function') return () => {};
  const now = opts.now ?? (() => performance.now());
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let due = 0;
  let base = heapUsed();
  const arm = (ms: number) => {
    due = now() + ms;
    timer = setTimeout(check, ms);
    (timer as { unref?: () => void }).unref?.();
  };
  function check(): void {
    timer = undefined;
    const t = now();
    if (t - due > LATE_MS) return arm(opts.idleMs);
    const quiet = t - last;
    if (quiet < opts.idleMs) return arm(opts.idleMs - quiet);
    const used = heapUsed();
    base = Math.min(base, used); // V8 collected meanwhile
    if (used - base < Math.max(opts.minGrowth, base / 4)) return;
    gc!();
    base = heapUsed();
  }
  return () => {
    last = now();
    if (!timer) arm(opts.idleMs);
  };
}
