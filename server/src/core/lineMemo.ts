// Results kept by a line's or a label's text: an editor re-checks a draft after each keystroke and
// most of its lines are the same strings as before, so a rule reading lines one by one reads again
// only those that changed; labels and URIs repeat across tables, edits and documents alike.

/** The longest line kept: longer ones are rare (a pasted document without line breaks) and costly to hash. */
export const LONGEST_KEPT = 20000;

/**
 * `s` as a string of its own. A line or label cut from a document is, in V8, a view of the whole
 * text (a sliced string keeps its parent alive): a module-wide memo holding it would keep that
 * text after the document closed. Joining then cutting makes a fresh flat copy (strings under 13
 * characters are never views).
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * At most `max` keys, each of at most `longest` characters (a longer one is computed every time);
 * cleared when full, and when the context the lines were read in (an office, a year) changes.
 * Keys are kept as strings of their own (`detached`).
 */
export class LineMemo<V> {
  private readonly kept = new Map<string, V>();
  private context = '';

  constructor(private readonly max = 65536, private readonly longest = LONGEST_KEPT) {}

  /** Forgets every line when `context` is not the last one's. */
  within(context: string): void {
    if (context === this.context) return;
    this.kept.clear();
    this.context = context;
  }

  get(key: string, compute: () => V): V {
    let v = this.kept.get(key);
    if (v !== undefined) return v;
    v = compute();
    this.keep(key, v);
    return v;
  }

  /** The value kept for `key`, if any (with `keep`: no closure made on the hot path). */
  peek(key: string): V | undefined {
    return this.kept.get(key);
  }

  /** Keeps `value` for `key` (not when the key is too long). */
  keep(key: string, value: V): void {
    if (key.length > this.longest) return;
    if (this.kept.size >= this.max) this.kept.clear();
    this.kept.set(detached(key), value);
  }
}
