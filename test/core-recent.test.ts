// The walks of the tables used last (keys.ts keyedCells, kept by recent.ts RecentMemo): the same
// walk while a table is among the 32 walked last, the oldest dropped first, a hit not refreshing it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText, keyedCells } from '../server/src/core/index.ts';
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
