// The merge of sorted findings (core/diagnostics.ts mergeSorted): a stable sort of the two lists,
// the first one's items first on a tie, whichever list is the short one (galloping) or neither.
// A property (fast-check) over findings on a few lines and rules, so that ties are common.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from './helpers/fc.ts';
import { compareDiagnostics, mergeSorted, type Finding, type RuleId } from '../server/src/core/diagnostics.ts';

const RULES: RuleId[] = ['request-row-total', 'cell-blank', 'label-wording'];

const finding = fc.record({ line: fc.nat(12), character: fc.nat(3), rule: fc.constantFrom(...RULES) }).map(({ line, character, rule }): Finding => ({
  rule,
  message: { zh: '', en: '' },
  range: { start: { line, character }, end: { line, character: character + 1 } },
}));
/** A sorted list (a stable sort, as sortedFindings makes them). */
const sorted = (n = 40) => fc.array(finding, { maxLength: n }).map((xs) => [...xs].sort(compareDiagnostics));

/** The same objects in the same order (not merely equal findings: ties must go the right way). */
function assertSame(actual: Finding[], expected: Finding[]): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((x, i) => assert.ok(x === expected[i], `item ${i} is another finding`));
}

describe('mergeSorted', () => {
  test('equals a stable sort of a then b, with either one short (galloping) or neither', () => {
    fc.assert(
      fc.property(sorted(200), sorted(40), (a, b) => {
        assertSame(mergeSorted(a, b), [...a, ...b].sort(compareDiagnostics));
        assertSame(mergeSorted(b, a), [...b, ...a].sort(compareDiagnostics));
      }),
    );
  });
});
