// The memo of document-rule results across analyses, keyed by what each rule declares it reads
// (its registry entry's `reads`): the runner (registry.ts checkDocument), not the rule, keeps a
// result and reuses it while those inputs are the same. Shared intermediate readings (the prose's
// claims, which lines are prose, the zero claims) are kept the same way, under their own keys.

import { firstTables } from '../keys.js';
import type { Range, Table } from '../model.js';

/**
 * The inputs a result may be kept on:
 * - `'headings'`: the headings (the same objects), the line count, the last line's length and
 *   whether anything was found;
 * - `'prose'`: the prose's inputs (carry.ts: the lines outside the tables' cells, the title, the
 *   signature, the years, the headings), which only the model can vouch for, by `proseEpoch`;
 * - `'prose+tables'`: those and the first table of each kind (the report's cells by key).
 */
export type MemoReads = 'headings' | 'prose' | 'prose+tables';

/** Kept by a model from one analysis to the next. */
export interface RuleMemo {
  /** Advanced by the model whenever an edit may have changed the prose's inputs (carry.ts proseUnaffected). */
  proseEpoch: number;
  kept: Map<string, { deps: readonly unknown[]; value: unknown }>;
  /**
   * The last gathering of the segments' results (gather.ts; opaque here): a field of the memo, not
   * a module-wide WeakMap keyed by it (recent.ts ObjectSlot says why).
   */
  gathered: object | undefined;
}

export const newMemo = (): RuleMemo => ({ proseEpoch: 0, kept: new Map(), gathered: undefined });

/** What the memo reads of a rule's context (rule.ts DocumentContext, or ProseContext: no tables). */
interface Inputs {
  memo?: RuleMemo;
  lines: readonly string[];
  end: Range;
  headings: readonly object[];
  tables?: readonly Table[];
}

/** The values a result read under `reads` depends on; it is reused while each is the same (===). */
function depsOf(reads: MemoReads, ctx: Inputs, memo: RuleMemo): unknown[] {
  if (reads === 'prose') return [memo.proseEpoch];
  const tables = ctx.tables ?? [];
  if (reads === 'prose+tables') return [memo.proseEpoch, ...firstTables(tables)];
  return [ctx.lines.length, ctx.end.start.character, !ctx.headings.length && !tables.length, ...ctx.headings];
}

const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The result kept under `key` while the inputs `reads` names are the same, else `compute()` (kept). Without a memo, computed. */
export function memoized<T>(ctx: Inputs, key: string, reads: MemoReads, compute: () => T): T {
  const memo = ctx.memo;
  if (!memo) return compute();
  return keptOn(memo, key, depsOf(reads, ctx, memo), compute);
}

/** The result kept under `key` while each of `deps` is the same (===) as when it was computed, else `compute()` (kept). */
export function keptOn<T>(memo: RuleMemo, key: string, deps: readonly unknown[], compute: () => T): T {
  const kept = memo.kept.get(key);
  if (kept && same(kept.deps, deps)) return kept.value as T;
  const value = compute();
  memo.kept.set(key, { deps, value });
  return value;
}
