// Copies made so that V8 gives them one hidden class per kind of object copied.

/**
 * `{ ...base, ...extra }`, the same properties in the same order. Not written as a spread: an
 * object literal that spreads one object and then adds a property the spread did not bring gets a
 * hidden class of its own on every call in V8 as Node 20 ships it (measured: 91 of 99 copies with
 * a new one), so every site that later reads such copies — a finding, a claim, a table patched
 * in place — sees hundreds of shapes and goes megamorphic. `Object.assign` onto a fresh object
 * follows the shared transitions (bench/RESULTS.md "Object shapes").
 */
export function extend<T extends object, U extends object>(base: T, extra: U): Omit<T, keyof U> & U {
  return Object.assign({}, base, extra);
}

/**
 * `xs.map(f)` (f given the item and its index), always a packed array. Optimised code's `map`
 * makes a holey array where the interpreter's makes a packed one, so whatever read the result saw
 * a second array shape once the maker was optimised, and was deoptimised for it (the table readers
 * on a segment's lines, the model's loops over its line kinds and segments: bench/RESULTS.md
 * "Object shapes").
 */
export function packedMap<T, U>(xs: readonly T[], f: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) out.push(f(xs[i], i));
  return out;
}
