// The idle collection (server/src/lsp/idleCollect.ts): a full collection only after the server has
// been quiet and its heap grew, never while messages keep coming, and not when the check itself ran
// late (the server was busy). Driven by node:test's mocked setTimeout and a clock of the test's own,
// so no test here waits on real time.

import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { collectWhenIdle } from '../../server/src/lsp/idleCollect.js';

const MB = 1 << 20;
const IDLE = 200;

describe('collectWhenIdle', () => {
  let clock = 0;
  let heap = 0;
  let collections = 0;
  const gc = () => {
    collections++;
    heap = 10 * MB; // what the collection leaves
  };
  /** Moves the clock and the mocked timers on together, 10 ms at a time, as real time passes. */
  const advance = (ms: number) => {
    for (let t = 0; t < ms; t += 10) {
      clock += 10;
      mock.timers.tick(10);
    }
  };
  const start = () => collectWhenIdle(gc, () => heap, { idleMs: IDLE, minGrowth: 4 * MB, now: () => clock });

  beforeEach(() => {
    mock.timers.enable({ apis: ['setTimeout'] });
    clock = 1000;
    heap = 10 * MB;
    collections = 0;
  });
  afterEach(() => mock.timers.reset());

  it('collects once after a quiet spell when the heap grew, and not again without new growth', () => {
    const poke = start();
    heap = 20 * MB;
    poke();
    advance(IDLE - 20);
    assert.equal(collections, 0, 'not before the quiet time is over');
    advance(100);
    assert.equal(collections, 1);
    poke();
    advance(1000);
    assert.equal(collections, 1, 'the heap did not grow since');
  });

  it('does not collect when the heap grew by less than the least growth', () => {
    const poke = start();
    heap = 12 * MB;
    poke();
    advance(1000);
    assert.equal(collections, 0);
  });

  it('never collects while messages keep coming, however much the heap grows', () => {
    const poke = start();
    for (let i = 0; i < 40; i++) {
      heap += 2 * MB;
      poke();
      advance(IDLE / 2);
    }
    assert.equal(collections, 0, 'typing without a pause');
    advance(IDLE + 50);
    assert.equal(collections, 1, 'the first pause');
  });

  it('waits again when its check ran late (the event loop was busy)', () => {
    const poke = start();
    heap = 30 * MB;
    poke();
    clock += IDLE + 500; // a long task: the timer fires half a second late
    mock.timers.tick(IDLE);
    assert.equal(collections, 0, 'a late check is not a quiet server');
    advance(IDLE + 50);
    assert.equal(collections, 1);
  });

  it('does nothing without an exposed collector', () => {
    const poke = collectWhenIdle(undefined, () => heap, { idleMs: IDLE, minGrowth: 0, now: () => clock });
    heap = 100 * MB;
    poke();
    advance(1000);
    assert.equal(collections, 0);
  });
});
