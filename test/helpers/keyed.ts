// Cell values by the contract's keys (t2.rules.issued, t3.new.total, t4.review.total …): a thin
// wrapper over the core's own lookup (core/view.ts), kept for the tests written against it.

import { cellsOf, valueOf, type Analysis, type Cell } from '../../server/src/core/index.js';

/** Every value cell of the analysis by its key (the first table of each kind wins). */
export function cellsByKey(a: Analysis): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const k of cellsOf(a)) if (!out.has(k.key)) out.set(k.key, k.cell);
  return out;
}

/** A getter: the number a key's cell holds, or null when it is absent, blank or not a number. */
export function valuesOf(a: Analysis): (key: string) => number | null {
  return (key) => valueOf(a, key);
}
