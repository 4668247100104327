// One matcher per word list, built once: the words grouped by their first character, longest
// first, so that finding the words of a list in a line costs one map lookup per character (and a
// comparison only where a word can start) instead of trying every word at every character.
// The prose reader's lists are fixed data (format/prose.ts); matchers are kept per list.

export interface Hit {
  at: number;
  word: string;
}

export class WordMatcher {
  private readonly byFirst = new Map<string, string[]>();
  /** The longest word's length (for scans that look back). */
  readonly longest: number;

  constructor(words: readonly string[]) {
    let longest = 0;
    for (const w of new Set(words)) {
      if (!w) continue;
      const list = this.byFirst.get(w[0]);
      if (list) list.push(w);
      else this.byFirst.set(w[0], [w]);
      if (w.length > longest) longest = w.length;
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
    this.longest = longest;
  }

  /** The longest word starting at `at`, or null. */
  at(s: string, at: number): string | null {
    const list = this.byFirst.get(s[at]);
    if (!list) return null;
    for (const w of list) if (s.startsWith(w, at)) return w;
    return null;
  }

  /** Non-overlapping occurrences, left to right, the longest at each position. */
  all(s: string, from = 0, to = s.length): Hit[] {
    const out: Hit[] = [];
    for (let i = from; i < to; i++) {
      const list = this.byFirst.get(s[i]);
      if (!list) continue;
      for (const w of list) {
        if (i + w.length <= to && s.startsWith(w, i)) {
          out.push({ at: i, word: w });
          i += w.length - 1;
          break;
        }
      }
    }
    return out;
  }

  /** Whether any word occurs in s[from, to). */
  test(s: string, from = 0, to = s.length): boolean {
    for (let i = from; i < to; i++) {
      const list = this.byFirst.get(s[i]);
      if (!list) continue;
      for (const w of list) if (i + w.length <= to && s.startsWith(w, i)) return true;
    }
    return false;
  }

  /** The word that ends at `end` (s[end - w.length, end) === w), longest first, or null. */
  endingAt(s: string, end: number, from = 0): string | null {
    let best: string | null = null;
    for (let k = Math.max(from, end - this.longest); k < end; k++) {
      const list = this.byFirst.get(s[k]);
      if (!list) continue;
      for (const w of list) if (k + w.length === end && s.startsWith(w, k)) { best = w; break; }
      if (best) break; // the earliest start is the longest word ending here
    }
    return best;
  }
}

const MATCHERS = new WeakMap<readonly string[], WordMatcher>();

/** The matcher of a word list (built on first use and kept with the list). */
export function matcher(words: readonly string[]): WordMatcher {
  let m = MATCHERS.get(words);
  if (!m) {
    m = new WordMatcher(words);
    MATCHERS.set(words, m);
  }
  return m;
}
