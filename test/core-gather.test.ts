// Where the last gathering of a model's segments is kept (gather.ts): on the model's rule memo,
// not in a module-wide WeakMap keyed by it. V8's young-generation collections (Node 20) copy what a
// long-lived WeakMap holds even when its key has died (the entry is dropped only after), so every
// report of a batch outlived its analysis, much of it into the old generation: `node bench/core.mjs
// promoted` measured 1.5 MB promoted per scavenge with the WeakMap and 0.35 MB with the field, and
// the core's CPU per round went down by a fifth (bench/RESULTS.md "Caches that outlived their report").
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assemble } from '../server/src/core/analyze.ts';
import { splitWithEols } from '../server/src/core/document.ts';
import { classifyLine } from '../server/src/core/lines.ts';
import { newMemo } from '../server/src/core/rules/memo.ts';
import { cutSegments, isNothing, parseSegment } from '../server/src/core/segment.ts';
import { buildReport, exampleData } from './helpers/report.ts';

/** A report's lines and its segments' results, as a model places them. */
function segments(text: string) {
  const [lines] = splitWithEols(text);
  const spans = cutSegments(lines.map(classifyLine), 0, lines.length);
  const placed = spans.map((s) => parseSegment(lines.slice(s.start, s.start + s.count), s.kind, s.start)).filter((r) => !isNothing(r));
  return { lines, placed };
}

test("a model's last gathering is kept on its memo, each model its own", () => {
  const a = segments(buildReport(exampleData(), 'pipe'));
  const b = segments(buildReport(exampleData(), 'tab'));
  const ma = newMemo();
  const mb = newMemo();
  const first = assemble(a.placed, a.lines, ma);
  const kept = ma.gathered;
  assert.ok(kept, 'the gathering is on the memo');
  assemble(b.placed, b.lines, mb);
  assert.ok(mb.gathered && mb.gathered !== kept, 'the other model has its own');
  assert.equal(ma.gathered, kept, "another model's analysis leaves it as it was");
  const again = assemble(a.placed, a.lines, ma);
  assert.equal(ma.gathered, kept, 'the same segments again: the same gathering, not gathered anew');
  assert.equal(again.tables, first.tables);
});
