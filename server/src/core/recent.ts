// Results kept for the objects used last, not for every live one: a view an analysis derives from
// a table (its keyed cells, its printed rows) is cheap to make again, and a WeakMap would keep one
// for every table of every open report for as long as the report stays open.

/** At most `max` results, the oldest dropped first; keys are held (at most `max` of them). */
export class RecentMemo<K extends object, V> {
  private readonly kept = new Map<K, V>();

  constructor(private readonly max: number) {}

  get(key: K, compute: (key: K) => V): V {
    let v = this.kept.get(key);
    if (v !== undefined) return v;
    v = compute(key);
    if (this.kept.size >= this.max) this.kept.delete(this.kept.keys().next().value as K);
    this.kept.set(key, v);
    return v;
  }
}
