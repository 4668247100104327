// Results kept per object: for the objects used last (RecentMemo), not for every live one — a
// view an analysis derives from a table (its keyed cells, its printed rows) is cheap to make again,
// and a WeakMap would keep one for every table of every open report for as long as the report
// stays open; once per object for as long as it lives (perObject: the format's specs); or on the
// object itself (ObjectSlot: a table's identities, an identity's finding), when the object is a
// report's own and dies with it.

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

/**
 * At most `max` results, the oldest dropped first; keys are held (at most `max` of them). A ring
 * of slots, not a Map: with a Map (set, then delete the oldest) the tables it had dropped, with
 * their cells and identities, still lived through young-generation collections into the old one
 * (a batch: 1.37 MB promoted per scavenge, 0.28 MB with the ring; bench/RESULTS.md ### acore).
 */
export class RecentMemo<K extends object, V> {
  private readonly keys: (K | undefined)[] = [];
  private readonly values: (V | undefined)[] = [];
  /** The slot the next result goes into (the oldest once every slot is used). */
  private next = 0;

  constructor(private readonly max: number) {}

  get(key: K, compute: (key: K) => V): V {
    const i = this.keys.indexOf(key);
    if (i >= 0) return this.values[i] as V;
    const v = compute(key);
    this.keys[this.next] = key;
    this.values[this.next] = v;
    this.next = (this.next + 1) % this.max;
    return v;
  }
}

/**
 * A value kept on the object itself, under a property of its own that is not enumerable (so a
 * copy made with `{ ...o }`, JSON and deep comparisons do not see it): the WeakMap's contract
 * (get, set, delete; another object, a copy included, has its own) for objects a report makes.
 * Not a module-wide WeakMap: V8's young-generation collections (Node 20) copy what a long-lived
 * WeakMap holds even when its key has died, so every report's tables, cells and findings outlived
 * the report (bench/RESULTS.md "Caches that outlived their report"). A frozen object keeps nothing.
 */
/**
 * One hidden property per object for all its slots (an array, indexed by the slot's number), not a
 * property per slot: objects of one kind (a table, a finding) then share their shape whichever
 * slots were set on them and in whatever order (a property per slot, added as each was first set,
 * gave a table up to one shape per order, and the hot code reading tables saw them all: V8's
 * "wrong map" deoptimisations, bench/RESULTS.md "Object shapes").
 */
const SLOTS = Symbol('slots');
type Held = { [SLOTS]?: unknown[] };
let slotCount = 0;

export class ObjectSlot<K extends object, V> {
  private readonly index: number;

  constructor(readonly name: string) {
    this.index = slotCount++;
  }

  get(o: K): V | undefined {
    const held = (o as Held)[SLOTS];
    return held === undefined ? undefined : (held[this.index] as V | undefined);
  }

  set(o: K, value: V): void {
    let held = (o as Held)[SLOTS];
    if (held === undefined) {
      if (!Object.isExtensible(o)) return;
      held = [];
      Object.defineProperty(o, SLOTS, { value: held, writable: false, configurable: true, enumerable: false });
    }
    while (held.length < this.index) held.push(undefined);
    held[this.index] = value;
  }

  /** Set to undefined, not removed: removing a property turns the object's shape into a dictionary. */
  delete(o: K): void {
    const held = (o as Held)[SLOTS];
    if (held !== undefined && this.index < held.length) held[this.index] = undefined;
  }
}
