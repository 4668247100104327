// How `check` keeps a report it read (cli/job-transfer.ts): on the main thread `slimmed` makes in
// place what a report that crossed from a thread becomes (unpack(pack(input))): the same keys in
// the same order, the light parts the same, the heavy ones (tables, headings, sections, claims)
// rebuilt from the text equal to the analysis read, and the same coverage, prose fingerprint and
// year record prepared. Over composed reports in every layout and, where present, ../shared.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../server/src/core/index.ts';
import type { Input } from '../server/src/cli/inputs.ts';
import { pack, slimmed, unpack } from '../server/src/cli/job-transfer.ts';
import { composeReport, exampleReport, LAYOUTS } from './helpers/compose.mjs';
import { HAS_SHARED, sharedFiles } from './helpers/shared.ts';

const inputOf = (path: string, text: string): Input => ({
  path,
  bytes: Buffer.from(text),
  source: { kind: 'text', text, writable: true, problems: [] },
  analysis: analyzeText(text, { name: path }),
});

function same(path: string, text: string): void {
  const whole = inputOf(path, text);
  const slim = slimmed(whole);
  const crossed = unpack(pack(inputOf(path, text)));
  assert.deepEqual(Object.keys(slim.analysis!), Object.keys(crossed.analysis!), path);
  assert.deepEqual(Object.keys(slim.analysis!), Object.keys(whole.analysis!), path);
  for (const key of Object.keys(whole.analysis!)) {
    const k = key as keyof typeof whole.analysis;
    assert.deepEqual(slim.analysis![k], whole.analysis![k], `${path}: ${key}`);
    assert.deepEqual(slim.analysis![k], crossed.analysis![k], `${path}: ${key}`);
  }
  assert.deepEqual(slim.prepared, crossed.prepared, path);
  assert.deepEqual(slim.source, crossed.source, path);
  assert.equal(slim.bytes, undefined, 'a slim input keeps no bytes');
  assert.deepEqual(slimmed({ path, error: 'x' }), unpack(pack({ path, error: 'x' })));
}

describe('slimmed on the main thread = a report that crossed from a thread', () => {
  test('composed reports, every layout', () => {
    for (const layout of LAYOUTS) same(`composed-${layout}.txt`, composeReport(exampleReport(), layout));
  });
  test('../shared reports', { skip: HAS_SHARED ? false : '../shared not present beside the checkout' }, () => {
    for (const dir of ['seeds', 'real'] as const) for (const f of sharedFiles(dir)) same(f.name, f.text);
  });
});
