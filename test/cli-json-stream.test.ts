// `check --format json` is written file by file (cli/output/json.ts JsonStream): the text must be
// exactly the whole document as JSON.stringify writes it (checkJson), whatever the files hold.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../server/src/core/index.ts';
import { JsonStream, checkJson } from '../server/src/cli/output/json.ts';
import type { FileReport } from '../server/src/cli/report.ts';
import { composeReport, exampleReport } from './helpers/compose.mjs';

const example = exampleReport();
const wrong = composeReport({ ...example, cells: { ...example.cells, 't3.new.total': 99, 't4.review.total': 7 } });

function streamed(reports: FileReport[], locale: 'zh-CN' | 'en', tally?: [string, number][]): string {
  let s = '';
  const j = new JsonStream((x) => (s += x), locale);
  for (const r of reports) j.file(r);
  j.end(tally);
  return s;
}

test('the streamed document equals the whole one, for no file, one, and several', () => {
  const a: FileReport = { path: 'a "quoted"\nname.txt', diagnostics: analyzeText(wrong).diagnostics, fixed: [], refused: [] };
  const b: FileReport = { path: 'b.txt', diagnostics: [], fixed: [], refused: [], error: 'line 1\nline 2 \u2028 “引号”' };
  const c: FileReport = { path: 'c.txt', diagnostics: analyzeText(composeReport(example)).diagnostics, fixed: [], refused: [] };
  assert.ok(a.diagnostics.length >= 2);
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const list of [[], [a], [b], [a, b, c], [c, c]]) assert.equal(streamed(list, locale), checkJson(list, locale));
    // With the tally that ends a batch of several files.
    const tally: [string, number][] = [['request-row-total', 2], ['cell-blank', 1]];
    for (const list of [[], [a, b, c]]) assert.equal(streamed(list, locale, tally), checkJson(list, locale, tally));
  }
});
