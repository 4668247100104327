// Ctrl-C (SIGINT) and SIGTERM during `check --fix`: instead of the process ending wherever it is,
// a flag the fixing loop reads between two files; the command then says what it did and exits
// 130, every file fixed whole or untouched (each write is a temporary file renamed over it).

export interface Interrupt {
  readonly stopped: boolean;
  dispose(): void;
}

export function onInterrupt(): Interrupt {
  const state = { stopped: false };
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const handler = () => {
    // A second Ctrl-C while the loop finishes its file: leave at once (nothing is half-written).
    if (state.stopped) process.exit(130);
    state.stopped = true;
  };
  for (const s of signals) process.on(s, handler);
  return {
    get stopped() {
      return state.stopped;
    },
    dispose() {
      for (const s of signals) process.off(s, handler);
    },
  };
}
