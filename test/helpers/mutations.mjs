// The mutation list (test/mutations.json) and docs/ARCHITECTURE.md's invariant table, read for
// `npm run mutate` (test/mutate.mjs) and for the check that the two stay in step (test/mutations.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The mutations, each { id, invariant, what, file, find, replace, more?, tests | command, pattern?, env?, slow? }. */
export function loadMutations(root) {
  return JSON.parse(readFileSync(join(root, 'test/mutations.json'), 'utf8')).mutations;
}

/** A mutation's replacements by file: `find` → `replace` in `file`, then each of `more` (in its own `file`, else the same). */
export function editsByFile(m) {
  const out = new Map();
  for (const e of [m, ...(m.more ?? [])]) {
    const file = e.file ?? m.file;
    if (!out.has(file)) out.set(file, []);
    out.get(file).push(e);
  }
  return out;
}

/** The text with the replacements applied in order, or undefined unless each `find` occurs exactly once. */
export function applyEdits(text, edits) {
  let out = text;
  for (const { find, replace } of edits) {
    const at = out.indexOf(find);
    if (at < 0 || out.indexOf(find, at + 1) >= 0) return undefined;
    out = out.slice(0, at) + replace + out.slice(at + find.length);
  }
  return out;
}

/** The rows of ARCHITECTURE.md's "## Invariants" table: { invariant, heldBy }. */
export function invariantRows(root) {
  const doc = readFileSync(join(root, 'docs/ARCHITECTURE.md'), 'utf8');
  const section = doc.split(/^## Invariants$/m)[1].split(/^## /m)[0];
  const rows = [];
  for (const line of section.split('\n')) {
    const m = /^\| (.+?) \| (.+) \|$/.exec(line);
    if (!m || m[1] === 'invariant' || /^-+$/.test(m[1])) continue;
    rows.push({ invariant: m[1], heldBy: m[2] });
  }
  return rows;
}
