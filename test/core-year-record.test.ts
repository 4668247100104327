// A report's year record (rules/years.ts yearRecord: what the cross-year rules read of it) is what
// `check` keeps of each report until pairing instead of its analysis; crossCheckRecord over two
// records must give exactly crossCheck's findings over the two whole analyses. Held on composed
// pairs that raise each cross-year rule, on every ordered pair of the reports in ../shared, and on
// records that went through V8's serializer (as they cross from a thread of `check --jobs`).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deserialize, serialize } from 'node:v8';
import { analyzeText, crossCheck, crossCheckRecord, splitWithEols, yearRecord, type Analysis, type Diagnostic, type YearRecord } from '../server/src/core/index.ts';
import { composeReport, exampleReport, LAYOUTS } from './helpers/compose.mjs';
import { SKIP_SHARED, sharedFiles } from './helpers/shared.ts';

interface Read {
  name: string;
  analysis: Analysis;
  lines: string[];
  record: YearRecord;
}

function read(name: string, text: string): Read {
  const analysis = analyzeText(text, { name });
  const lines = splitWithEols(text)[0];
  return { name, analysis, lines, record: yearRecord(analysis, lines) };
}

const whole = (cur: Read, prev: Read): Diagnostic[] => crossCheck(cur.analysis, cur.lines, { analysis: prev.analysis, lines: prev.lines, source: prev.name });
const fromRecords = (cur: Read, prev: Read, clone = false): Diagnostic[] => {
  const c = clone ? (deserialize(serialize(cur.record)) as YearRecord) : cur.record;
  const p = clone ? (deserialize(serialize(prev.record)) as YearRecord) : prev.record;
  return crossCheckRecord(c, { record: p, source: prev.name });
};

/** An office's 2024 and 2025 reports in each layout: 2025's 上年结转 not 2024's 结转, the 现行有效 chain broken, the prose the same both years. */
function composedPairs(): [Read, Read][] {
  const example = exampleReport();
  return LAYOUTS.map((layout, k) => {
    const prev = composeReport({ ...example, year: 2024, cells: { ...example.cells, 't3.carryOver.natural': 3 + k, 't3.carryOver.total': 3 + k, 't2.normative.valid': 5 } }, layout);
    const cur = composeReport({ ...example, year: 2025 }, layout);
    return [read(`2025-${layout}.txt`, cur), read(`2024-${layout}.txt`, prev)];
  });
}

describe('year records (what check keeps of a report for the cross-year rules)', () => {
  test('composed pairs: crossCheckRecord gives crossCheck’s findings, carryover-mismatch and valid-count-chain among them', () => {
    const rules = new Set<string>();
    for (const [cur, prev] of composedPairs()) {
      const expected = whole(cur, prev);
      for (const d of expected) rules.add(d.rule);
      assert.deepEqual(fromRecords(cur, prev), expected, cur.name);
      assert.deepEqual(fromRecords(cur, prev, true), expected, `${cur.name}, records cloned`);
    }
    assert.ok(rules.has('carryover-mismatch') && rules.has('valid-count-chain'), [...rules].join(', '));
  });

  test('a record holds only the cells the cross-year rules read', () => {
    const [[cur]] = composedPairs();
    assert.deepEqual([...cur.record.cells.keys()].sort(), [
      ...['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'].flatMap((c) => [`t3.carried.${c}`, `t3.carryOver.${c}`]),
      ...['rules', 'normative'].flatMap((r) => ['valid', 'issued', 'repealed'].map((v) => `t2.${r}.${v}`)),
    ].sort());
  });

  test('every ordered pair of the reports in ../shared: the same findings from records as from the analyses', { skip: SKIP_SHARED }, () => {
    const reports = [...sharedFiles('seeds'), ...sharedFiles('real')].map((f) => read(f.name, f.text));
    let found = 0;
    for (const cur of reports) {
      for (const prev of reports) {
        if (cur === prev) continue;
        const expected = whole(cur, prev);
        found += expected.length;
        assert.deepEqual(fromRecords(cur, prev), expected, `${cur.name} against ${prev.name}`);
      }
    }
    // Reports of other offices and years compared: prose-repeated and the tables' rules have something to say somewhere.
    assert.ok(found > 0);
  });
});
