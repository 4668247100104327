// Results kept by a line's text: an editor re-checks a draft after each keystroke and most of its
// lines are the same strings as before, so a rule reading lines one by one reads again only those
// that changed.

/**
 * At most `max` lines, each of at most `longest` characters (a longer one is computed every time);
 * cleared when full, and when the context the lines were read in (an office, a year) changes.
 */
/** The longest line kept: longer ones are rare (a pasted document without line breaks) and costly to hash. */
export const LONGEST_KEPT = 20000;

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
    if (key.length <= this.longest) {
      if (this.kept.size >= this.max) this.kept.clear();
      this.kept.set(key, v);
    }
    return v;
  }
}
