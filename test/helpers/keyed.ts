// Cell values by the contract's cell keys (t2.rules.issued, t3.new.total, t4.review.total …),
// read from an analysis. A test-side adapter until the core addresses cells by key itself; then
// this file becomes a thin wrapper over the core's lookup.

import type { Analysis, Cell } from '../../server/src/core/index.js';

const T3_COLUMNS = ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'];
const T4_GROUPS = ['review', 'direct', 'afterReview'];
const T4_RESULTS = ['upheld', 'corrected', 'other', 'pending', 'total'];
const T2_COLUMNS: Record<string, string[]> = { 一: ['issued', 'repealed', 'valid'], 五: ['decisions'], 六: ['decisions'], 八: ['amount'] };

/** Every value cell of the analysis by its key (the first table of each kind wins). */
export function cellsByKey(a: Analysis): Map<string, Cell> {
  const out = new Map<string, Cell>();
  const put = (key: string, c: Cell | null | undefined) => { if (c && !out.has(key)) out.set(key, c); };
  for (const t of a.tables) {
    if (t.kind === 't3') {
      for (const r of t.rows) r.cells.forEach((c, i) => put(`t3.${r.spec.key}.${T3_COLUMNS[i]}`, c));
    } else if (t.kind === 't4') {
      t.cells.forEach((c, i) => put(`t4.${T4_GROUPS[Math.floor(i / 5)]}.${T4_RESULTS[i % 5]}`, c));
    } else if (t.format === '2021') {
      for (const it of t.items) for (const r of it.rows) r.cells.forEach((c, i) => put(`t2.${r.spec.key}.${(T2_COLUMNS[it.item] ?? [])[i] ?? i}`, c));
    }
  }
  return out;
}

/** A getter: the number a key's cell holds, or null when it is absent, blank or not a number. */
export function valuesOf(a: Analysis): (key: string) => number | null {
  const cells = cellsByKey(a);
  return (key) => cells.get(key)?.value ?? null;
}
