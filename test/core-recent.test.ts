// The walks of the tables used last (keys.ts keyedCells, kept by recent.ts RecentMemo): the same
// walk while a table is among the 32 walked last, the oldest dropped first, a hit not refreshing it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText, keyedCells } from '../server/src/core/index.ts';
import { ObjectSlot } from '../server/src/core/recent.ts';
import { LAYOUTS, buildReport, exampleData } from './helpers/report.ts';

type Table = ReturnType<typeof analyzeText>['tables'][number];

/** Distinct tables, from real report texts in every layout. */
function tables(n: number): Table[] {
  const out: Table[] = [];
  for (let k = 0; out.length < n; k++) out.push(...analyzeText(buildReport(exampleData(), LAYOUTS[k % LAYOUTS.length])).tables);
  return out;
}

test('a table walked is walked once while it is among the 32 walked last, then again after 32 others', () => {
  const all = tables(80);
  // The analyses walked some of them: 32 others walked first leave none of those below kept.
  for (const t of all.slice(40, 72)) keyedCells(t);
  const [first, ...others] = all.slice(0, 40);
  const walk = keyedCells(first);
  assert.equal(keyedCells(first), walk, 'asked again at once: the same walk');
  for (const t of others.slice(0, 31)) keyedCells(t);
  assert.equal(keyedCells(first), walk, '31 others walked since: still kept (a hit does not refresh it)');
  keyedCells(others[31]);
  const again = keyedCells(first);
  assert.notEqual(again, walk, '32 others walked since: dropped, walked again');
  assert.deepEqual(again, walk);
});

test('ObjectSlot: a value kept on the object, which a copy, JSON and a deep comparison do not see', () => {
  const slot = new ObjectSlot<object, number[]>('test');
  const [t] = tables(1);
  assert.equal(slot.get(t), undefined);
  const v = [1, 2, 3];
  slot.set(t, v);
  assert.equal(slot.get(t), v, 'kept on the object');
  const copy = { ...t };
  assert.equal(slot.get(copy), undefined, 'a copy made with { ...t } has its own (none)');
  assert.deepEqual(copy, t, 'a deep comparison does not see it');
  const json = (x: object) => JSON.stringify(x, (_, v) => (v instanceof Map ? [...v] : v));
  assert.equal(json(t), json(copy), 'nor does JSON');
  assert.ok(!Object.keys(t).some((k) => k.includes('test')) && Object.getOwnPropertySymbols(t).every((s) => !Object.getOwnPropertyDescriptor(t, s)?.enumerable));
  const w = [4];
  slot.set(t, w);
  assert.equal(slot.get(t), w, 'set again: the new value');
  slot.delete(t);
  assert.equal(slot.get(t), undefined, 'deleted');
  const frozen = Object.freeze({ a: 1 });
  slot.set(frozen, v);
  assert.equal(slot.get(frozen), undefined, 'a frozen object keeps nothing (and nothing throws)');
  const other = new ObjectSlot<object, number[]>('test');
  slot.set(t, v);
  assert.equal(other.get(t), undefined, 'two slots of the same name are two slots');
});
