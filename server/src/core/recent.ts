// Results kept per object: for the objects used last (RecentMemo), not for every live one — a
// view an analysis derives from a table (its keyed cells, its printed rows) is cheap to make again,
// and a WeakMap would keep one for every table of every open report for as long as the report
// stays open; or once per object for as long as it lives (perObject: the format's specs, a table).

/**
 * `make` of an object, made on its first use and kept while the object lives: every report read
 * then shares what is made of a format row or column (labels, keys, wordings) instead of each
 * making its own.
 */
export function perObject<S extends object, V>(make: (s: S) => V): (s: S) => V {
  const made = new WeakMap<S, V>();
  return (s) => {
    let v = made.get(s);
    if (v === undefined) made.set(s, (v = make(s)));
    return v;
  };
}

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
