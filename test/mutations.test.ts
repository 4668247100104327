// docs/ARCHITECTURE.md's invariant table and test/mutations.json (what `npm run mutate` breaks) in
// step: every invariant has a mutation, every mutation names one invariant and tests that row
// names, and every mutation's text is still in its file (so the list cannot rot between mutate
// runs). Running the mutations is `npm run mutate`'s (minutes); this only reads files.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { applyEdits, editsByFile, invariantRows, loadMutations } from './helpers/mutations.mjs';

const ROOT = resolve(__dirname, '..');
const rows = invariantRows(ROOT);
const mutations = loadMutations(ROOT);

test('the invariant table is read (a table of rows "| invariant | held by |")', () => {
  assert.ok(rows.length >= 60, `${rows.length} rows`);
});

test('every invariant of ARCHITECTURE.md has a mutation that breaks it, and each mutation names one invariant', () => {
  const unheld = rows.filter((r) => !mutations.some((m) => r.invariant.startsWith(m.invariant)));
  assert.deepEqual(unheld.map((r) => r.invariant.slice(0, 80)), [], 'invariants no mutation breaks: add one to test/mutations.json');
  for (const m of mutations) {
    const hits = rows.filter((r) => r.invariant.startsWith(m.invariant));
    assert.equal(hits.length, 1, `${m.id}: "${m.invariant}" opens ${hits.length} invariants, not one`);
  }
});

test('each mutation runs tests its invariant names, and its text is in its file once', () => {
  const ids = new Set<string>();
  for (const m of mutations) {
    assert.ok(!ids.has(m.id), `two mutations named ${m.id}`);
    ids.add(m.id);
    assert.ok(m.what && m.file && m.find && typeof m.replace === 'string' && m.find !== m.replace, `${m.id}: what, file, find, replace`);
    const row = rows.find((r) => r.invariant.startsWith(m.invariant));
    assert.ok(row, `${m.id}: no invariant opens with "${m.invariant}"`);
    assert.ok(m.tests?.length || m.command?.length, `${m.id}: tests or a command to run`);
    // node reads a pattern written /…/ as a regular expression literal with flags: /dev/zero fails to parse.
    assert.ok(!m.pattern?.startsWith('/'), `${m.id}: a name pattern starting with / is read as /regex/flags`);
    for (const t of m.tests ?? []) {
      assert.ok(existsSync(join(ROOT, t)), `${m.id}: ${t} does not exist`);
      assert.ok(row.heldBy.includes(t.replace(/^test\//, '')), `${m.id}: ${t} is not among the tests its invariant names (${row.heldBy})`);
    }
    for (const [file, edits] of editsByFile(m)) {
      assert.ok(existsSync(join(ROOT, file)), `${m.id}: ${file} does not exist`);
      assert.ok(applyEdits(readFileSync(join(ROOT, file), 'utf8'), edits) !== undefined, `${m.id}: ${file} no longer holds its text once: ${edits.map((e) => JSON.stringify(e.find)).join(', ')}`);
    }
  }
});
